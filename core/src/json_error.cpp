#include <hearth/json_error.h>

namespace hearth {

// Keep the part after the exception id and the position, which says what was expected and what
// was found ("[json.exception.out_of_range.406] number overflow ..." has no position).
std::string describeJsonParseError(std::string_view what) {
    std::string_view text = what;
    if (text.rfind("[json.exception.", 0) == 0) {
        if (const std::size_t id = text.find("] "); id != std::string_view::npos) {
            text.remove_prefix(id + 2);
        }
    }
    if (text.rfind("parse error", 0) == 0) {
        if (const std::size_t colon = text.find(": "); colon != std::string_view::npos) {
            text.remove_prefix(colon + 2);
        }
    }
    return "invalid JSON: " + std::string(text);
}

}  // namespace hearth

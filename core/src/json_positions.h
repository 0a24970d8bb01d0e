#pragma once
// Where the keys and values of a JSON document start, by JSON pointer (RFC 6901), so that an error
// found in the parsed value can point at its line and column: nlohmann keeps no positions, so this
// scans the text again once nlohmann has accepted it. Also the pointer helpers the device.json
// reader builds its error names with.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hearth::detail {

/// Where each key and value of a syntactically valid document starts, by JSON pointer.
struct JsonSpans {
    std::unordered_map<std::string, size_t> values;  ///< pointer → offset of its value
    std::unordered_map<std::string, size_t> keys;    ///< pointer → offset of its key's quote
    struct Duplicate {
        std::string key;
        size_t offset = 0;
    };
    std::optional<Duplicate> firstDuplicate;  ///< the first key repeated within one object
};

/// The spans of a document nlohmann accepted (comments allowed, as nlohmann's ignore_comments).
/// On text nlohmann would refuse the result is incomplete but the scan still ends.
JsonSpans scanJsonSpans(std::string_view text);

/// The offset of the first '{' or '[' nested deeper than maxDepth (outside strings and comments),
/// or nullopt: checked before parsing, as the parser's own recursion is not capped.
std::optional<size_t> findExcessiveNesting(std::string_view text, int maxDepth);

/// The JSON pointer of a member ("/packages/0" + "appLinks"), with '~' and '/' escaped.
std::string jsonChild(const std::string& pointer, const std::string& key);
/// The JSON pointer of an array element.
std::string jsonChild(const std::string& pointer, size_t index);
/// "/packages/0/manifest" → "packages[0].manifest", the way errors and the README name keys.
std::string jsonDisplayName(const std::string& pointer);

}  // namespace hearth::detail

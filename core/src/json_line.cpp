#include "json_line.h"

#include <hearth/limits.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::json_line {
namespace {

using Json = nlohmann::json;
using simdjson::ondemand::json_type;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// nlohmann's exception text ("[json.exception.parse_error.101] parse error at line 1, column 5:
// syntax error ...", or "[json.exception.out_of_range.406] number overflow ...") without the
// exception id and the position, which the caller gives as its own file:line:col.
std::string describe(std::string_view what) {
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

// A nlohmann SAX handler that builds nothing: it only keeps the first fault.
class FaultFinder {
  public:
    explicit FaultFinder(std::string_view line) : m_line(line) {}

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const std::string&) { return true; }
    bool string(std::string&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(std::string&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) {
        std::string message = describe(error.what());
        int column = position == 0 ? 1 : static_cast<int>(position);
        // A number too large for a double is reported after it has been read: point at the
        // number it quotes instead.
        const std::size_t open = message.find('\'');
        const std::size_t close = message.rfind('\'');
        if (error.id == 406 && open != std::string::npos && close > open) {
            const std::string_view number(message.data() + open + 1, close - open - 1);
            if (const std::size_t at = m_line.rfind(number, position);
                at != std::string_view::npos) {
                column = static_cast<int>(at) + 1;
            }
        }
        fault = Fault{column, std::move(message)};
        return false;
    }

    std::optional<Fault> fault;

  private:
    std::string_view m_line;
};

// The offset of the bracket that opens level kMaxJsonDepth + 1 of `text`, or npos. Strings are
// skipped; the text is JSON (or is checked to be before this matters).
std::size_t tooDeepAt(std::string_view text) {
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > limits::kMaxJsonDepth) return i;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return std::string_view::npos;
}

// An integer nlohmann prints back digit for digit: -?(0|[1-9][0-9]{0,17}), not "-0".
bool isPlainInteger(std::string_view token) {
    std::string_view digits = token;
    if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
    if (digits.empty() || digits.size() > 18) return false;
    if (digits.front() == '0') return digits.size() == 1 && token.size() == 1;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

}  // namespace

simdjson::simdjson_result<simdjson::ondemand::document> Reader::iterate(std::string_view line) {
    if (line.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
        line.remove_prefix(kByteOrderMark.size());
    }
    // The padding is zeroed: simdjson may read it, and must not read a stale line's bytes there.
    m_buffer.assign(line);
    m_buffer.append(simdjson::SIMDJSON_PADDING, '\0');
    return m_parser.iterate(
        simdjson::padded_string_view(m_buffer.data(), line.size(), m_buffer.size()));
}

std::optional<Fault> locateFault(std::string_view line) {
    FaultFinder finder(line);
    const bool parsed = Json::sax_parse(line.begin(), line.end(), &finder);
    if (!parsed && !finder.fault) return Fault{1, "invalid JSON"};
    return finder.fault;
}

Fault simdjsonFault(simdjson::error_code error) {
    std::string message = simdjson::error_message(error);
    if (!message.empty()) message.front() = static_cast<char>(std::tolower(message.front()));
    if (!message.empty() && message.back() == '.') message.pop_back();
    return Fault{1, "invalid JSON: " + message};
}

std::optional<std::string> echo(std::string_view raw) {
    raw = trimToken(raw);
    // The common ids, a string without escapes or a small integer, print as they are written
    // (simdjson has checked the string's UTF-8 and that it holds no control character).
    if (raw.size() >= 2 && raw.front() == '"' && raw.back() == '"' &&
        raw.find('\\') == std::string_view::npos) {
        return std::string(raw);
    }
    if (isPlainInteger(raw)) return std::string(raw);
    const Json value = Json::parse(raw, nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool tooDeep(std::string_view raw) { return tooDeepAt(raw) != std::string_view::npos; }

std::string tooDeepMessage(std::string_view key) {
    return "'" + std::string(key) + "' is nested deeper than " +
           std::to_string(limits::kMaxJsonDepth) + " levels";
}

std::string numberText(std::string_view token) {
    token = trimToken(token);
    return token == "-0" ? std::string("0") : std::string(token);
}

std::string_view trimToken(std::string_view token) {
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\n' ||
                              token.back() == '\r')) {
        token.remove_suffix(1);
    }
    return token;
}

const char* typeName(json_type type) {
    switch (type) {
        case json_type::null:
            return "null";
        case json_type::boolean:
            return "boolean";
        case json_type::number:
            return "number";
        case json_type::string:
            return "string";
        case json_type::array:
            return "array";
        case json_type::object:
            return "object";
    }
    return "value";
}

const char* typeNameWithArticle(json_type type) {
    switch (type) {
        case json_type::null:
            return "null";
        case json_type::boolean:
            return "a boolean";
        case json_type::number:
            return "a number";
        case json_type::string:
            return "a string";
        case json_type::array:
            return "an array";
        case json_type::object:
            return "an object";
    }
    return "a value";
}

}  // namespace hearth::json_line

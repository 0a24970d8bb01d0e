#pragma once
// Private to the core: what the readers of JSON Lines (the conformance cases of filter_case.cpp,
// the `--batch` requests of json_request.cpp) share. A line is read with simdjson's On Demand API,
// which is fast but says neither where nor why a line is not JSON; only then is the line parsed
// again with nlohmann, whose messages say what was expected and what was found, at which column.

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

namespace hearth::json_line {

/// The parser and the padded copy of the line it reads (simdjson reads up to SIMDJSON_PADDING
/// bytes past the end). One a thread, reused, so that neither is allocated again for every line.
class Reader {
  public:
    /// Starts reading `line`; the document refers to this reader's buffer until the next call.
    /// A leading UTF-8 byte order mark is skipped, as nlohmann skips it.
    simdjson::simdjson_result<simdjson::ondemand::document> iterate(std::string_view line);

  private:
    simdjson::ondemand::parser m_parser;
    std::string m_buffer;
};

/// Where and why a line is not JSON: a 1-based column and "invalid JSON: ...".
struct Fault {
    int column = 1;
    std::string message;
};

/// The first fault of `line` in nlohmann's words, or nullopt when nlohmann reads it as JSON.
/// "invalid JSON: syntax error while parsing object key - unexpected ','; expected string
/// literal" at the character it stopped on; a number too large for a double ("number overflow
/// parsing '1e400'") at the first character of the number.
std::optional<Fault> locateFault(std::string_view line);

/// The fault simdjson found (`error`) where nlohmann finds none: at column 1, simdjson's words.
Fault simdjsonFault(simdjson::error_code error);

/// The JSON text of one value (a raw token or simdjson's raw_json()), as nlohmann's dump(-1)
/// prints it: strings keep their escapes and UTF-8, integers their digits, other numbers are
/// printed from the double, object keys sorted with the last duplicate kept. nullopt when it is
/// not JSON. Check tooDeep first: the dump recurses once a level.
std::optional<std::string> echo(std::string_view raw);

/// Whether the JSON text `raw` nests deeper than limits::kMaxJsonDepth.
bool tooDeep(std::string_view raw);

/// "'id' is nested deeper than 1024 levels": a value of `key` tooDeep refused.
std::string tooDeepMessage(std::string_view key);

/// A number token as nlohmann's reader handed it over: an integer as the decimal of its value
/// (so "-0" is "0"), any other number as written (80.5, 1e3).
std::string numberText(std::string_view token);

/// A raw token without the blanks simdjson leaves after it.
std::string_view trimToken(std::string_view token);

/// Consumes a scalar (a value, or a document that is one) and checks that it is JSON: simdjson
/// types a value by its first byte, so `tru` is "a boolean" until it is read. SUCCESS, or
/// simdjson's error; arrays and objects are left alone.
template <typename Value>
simdjson::error_code checkScalar(Value& value, simdjson::ondemand::json_type type) {
    using simdjson::ondemand::json_type;
    switch (type) {
        case json_type::string:
            return value.get_string().error();
        case json_type::number:
            return value.get_double().error();
        case json_type::boolean:
            return value.get_bool().error();
        case json_type::null: {
            bool isNull = false;
            if (auto error = value.is_null().get(isNull)) return error;
            return isNull ? simdjson::SUCCESS : simdjson::INCORRECT_TYPE;
        }
        case json_type::array:
        case json_type::object:
            break;
    }
    return simdjson::SUCCESS;
}

/// nlohmann's name of a JSON type: "null", "boolean", "number", "string", "array", "object".
const char* typeName(simdjson::ondemand::json_type type);

/// The same with its article, for messages: "null", "a boolean", ..., "an object".
const char* typeNameWithArticle(simdjson::ondemand::json_type type);

}  // namespace hearth::json_line

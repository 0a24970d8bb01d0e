#pragma once
// A JSON parser's error in the house wording, for every reader of JSON Lines (`hearth
// filter-match` cases through parseFilterCase, `--batch` requests in the CLI), so that both say
// the same thing about the same fault.

#include <string>
#include <string_view>

namespace hearth {

/// The JSON library's exception text ("[json.exception.parse_error.101] parse error at line 1,
/// column 5: syntax error ...", or "[json.exception.out_of_range.406] number overflow ...") as
/// "invalid JSON: syntax error ...": what was expected and what was found, without the exception
/// id and the position (the caller gives its own file:line:col).
std::string describeJsonParseError(std::string_view what);

}  // namespace hearth

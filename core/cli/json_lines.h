#pragma once
// Private to the CLI: what the JSON Lines readers (`hearth filter-match`, `--batch`) share —
// reading one bounded line, nlohmann's parse errors in the house wording, and one-line JSON.

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace hearth::cli {

/// Reads one line of `in` without its '\n', like std::getline, but never more than maxBytes: a
/// longer line sets tooLong and ends the input. False at the end of the input.
bool readBoundedLine(std::istream& in, std::string& line, bool& tooLong, std::size_t maxBytes);

/// nlohmann's parse error ("[json.exception.parse_error.101] parse error at line 1, column 5:
/// syntax error ...", or "[json.exception.out_of_range.406] number overflow ...") as "invalid
/// JSON: syntax error ...": what was expected and what was found.
std::string describeJsonParseError(const std::string& what);

/// JSON as nlohmann's dump(2) prints it, on one line as dump(-1) prints it: every blank outside
/// a string removed.
std::string compactJson(std::string_view json);

}  // namespace hearth::cli

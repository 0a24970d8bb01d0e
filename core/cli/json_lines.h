#pragma once
// Private to the CLI: what the JSON Lines readers (`hearth filter-match`, `--batch`) share —
// reading one bounded line and one-line JSON (the lines themselves are parsed by the core:
// hearth/filter_case.h, hearth/json_request.h).

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace hearth::cli {

/// Reads one line of `in` without its '\n', like std::getline, but never more than maxBytes: a
/// longer line sets tooLong and ends the input. False at the end of the input.
bool readBoundedLine(std::istream& in, std::string& line, bool& tooLong, std::size_t maxBytes);

/// JSON as nlohmann's dump(2) prints it, on one line as dump(-1) prints it: every blank outside
/// a string removed.
std::string compactJson(std::string_view json);

}  // namespace hearth::cli

#pragma once
// Words of a line as a POSIX shell splits them, each with where it starts: the one splitter behind
// every line Hearth reads in the CLI's own syntax (checks files, simulate scripts, --batch lines,
// the explorer's intent box).

#include <string>
#include <string_view>
#include <vector>

#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

/// One word of a line and where it starts.
struct ShellWord {
    std::string text;
    SourceLocation where;
};

/// Splits a line into words as a POSIX shell does: blanks separate, '...' keeps everything,
/// "..." keeps everything but \" \\ \$ \`, a backslash outside quotes keeps the next character;
/// a word starting with '#' ends the line. Fails with "file:line:col: unterminated ' quote".
[[nodiscard]] Result<std::vector<ShellWord>> splitShellWords(std::string_view line,
                                                             const std::string& sourceName,
                                                             int lineNumber);

}  // namespace hearth

#pragma once
// The hearth command line as a library: tests call runHearth() in-process with their own streams.

#include <iosfwd>
#include <string>
#include <vector>

namespace hearth::cli {

/// Exit codes shared by every command (documented in `hearth --help`).
enum ExitCode : int {
    kExitOk = 0,          ///< success; resolved to one activity; query found results
    kExitBadInput = 1,    ///< unreadable or invalid input (message on stderr)
    kExitUsage = 2,       ///< bad command line
    kExitChooser = 3,     ///< resolve: the chooser (ResolverActivity) would be shown
    kExitNothing = 4,     ///< resolve/query: nothing found
    kExitChanged = 5,     ///< diff: some intent changes its outcome
};

/// Runs `hearth` with args (without the program name). Returns the exit code.
int runHearth(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err);

}  // namespace hearth::cli

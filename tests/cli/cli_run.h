#pragma once
// Runs the hearth CLI in-process, as the test suites of its commands do: arguments in, exit code
// and both streams out.

#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

namespace hearth::testing {

struct CliRun {
    int code = -1;
    std::string out;
    std::string err;
};

/// `hearth ARGS...` with `input` on standard input.
inline CliRun runCli(const std::vector<std::string>& args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    CliRun run;
    run.code = cli::runHearth(args, in, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

}  // namespace hearth::testing

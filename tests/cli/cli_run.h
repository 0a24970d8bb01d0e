#pragma once
// Runs the hearth CLI in-process, as the test suites of its commands do: arguments in, exit code
// and both streams out.

#include <optional>
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

/// The lines every intent command's --json answer starts with after "{" (docs/json.md): the
/// schema version, the device and the intent as parsed, for an intent of an action and optionally
/// data and a package.
inline std::string jsonAnswerHeader(const std::string& device, int api, const std::string& action,
                                    const std::optional<std::string>& data = std::nullopt,
                                    const std::optional<std::string>& package = std::nullopt) {
    const auto quoted = [](const std::optional<std::string>& value) {
        return value ? "\"" + *value + "\"" : std::string("null");
    };
    return "  \"schemaVersion\": 1,\n  \"device\": {\n    \"name\": \"" + device +
           "\",\n    \"api\": " + std::to_string(api) +
           "\n  },\n  \"intent\": {\n    \"action\": \"" + action +
           "\",\n    \"categories\": [],\n    \"data\": " + quoted(data) +
           ",\n    \"type\": null,\n    \"component\": null,\n    \"package\": " +
           quoted(package) + ",\n    \"flags\": \"0x0\",\n    \"selector\": null\n  },\n";
}

}  // namespace hearth::testing

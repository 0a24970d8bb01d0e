// hearth import: turn what users have (a system image tree, an adb capture) into a device.json.
// Each kind is a subcommand defined in its own cmd_import_<kind>.cpp; this file is only the table.

#include <memory>
#include <utility>
#include <vector>

#include "cli.h"
#include "command.h"

namespace hearth::cli {
namespace {

// The import subcommands: add a row (and its define function in command.h) for a new source.
constexpr CommandSpec kImportCommands[] = {
    {"image",
     "an AOSP product output or extracted image: flags from the partitions, API from build.prop",
     defineImportImage},
    {"adb", "a phone's state from an adb capture (scripts/capture-device), no root needed",
     defineImportAdb},
};

}  // namespace

Runner defineImport(CLI::App& app, Io& io) {
    app.require_subcommand(1);
    auto runners = std::make_shared<std::vector<std::pair<CLI::App*, Runner>>>();
    for (const CommandSpec& spec : kImportCommands) {
        CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
        runners->emplace_back(sub, spec.define(*sub, io));
    }
    return [runners, &io]() -> int {
        for (auto& [sub, runner] : *runners) {
            if (sub->parsed()) return runner();
        }
        io.err << "hearth import: no source kind given\n";
        return kExitUsage;
    };
}

}  // namespace hearth::cli

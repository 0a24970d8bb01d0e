#include "cli.h"

#include <iostream>
#include <memory>
#include <vector>

#include <hearth/version.h>

#include "command.h"

namespace hearth::cli {
namespace {

// The command table: the one place that lists what `hearth` can do; --help prints it.
const std::vector<CommandSpec>& commandTable() {
    static const std::vector<CommandSpec> table = {
        {"app-links", "the App Links state of a device's packages (domains, verification, user selections), like pm get-app-links", defineAppLinks},
        {"dump", "show the packages, components and intent filters of manifests and APKs", defineDump},
        {"filter-match", "answer IntentFilter.match for conformance cases (JSON Lines in, one answer line per case out)", defineFilterMatch},
        {"gen-device", "write a synthetic device or filter-match cases for benchmarks", defineGenDevice},
        {"home", "which activity becomes HOME at every framework call site, stock or HOME_FIRST-patched", defineHome},
        {"import", "write a device.json from what you have: a system image tree or an adb capture", defineImport},
        {"query", "which activities (services, receivers, providers) match an intent, in Android's order, like pm query-activities", defineQuery},
        {"resolve", "which activity an intent starts: one, the chooser, or none, like pm resolve-activity", defineResolve},
        {"simulate", "run a script of boots, HOME presses and installs; show the screen after each step", defineSimulate},
        {"start", "what am start does with an intent: the activity, the chooser, or nothing (web links by the App Links rules)", defineStart},
    };
    return table;
}

constexpr const char* kFooter = R"(Exit codes:
  0  success (resolve/start: one activity; query: results found)
  1  bad input: a file cannot be read or is invalid (message on stderr as file:line:col)
  2  usage error
  3  resolve/start: ambiguous, Android would show the chooser (ResolverActivity)
  4  resolve/start/query: nothing found

Run 'hearth COMMAND --help' for a command's options and examples.)";

}  // namespace

int runHearth(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err) {
    Io io{in, out, err};
    CLI::App app{"hearth: Android intent resolution and HOME launcher emulation, offline",
                 "hearth"};
    app.footer(kFooter);
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("hearth ") + kVersion);

    std::vector<std::pair<CLI::App*, Runner>> runners;
    for (const CommandSpec& spec : commandTable()) {
        CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
        runners.emplace_back(sub, spec.define(*sub, io));
    }

    // CLI11 parses from the end of a reversed vector.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return kExitOk;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return kExitOk;
    } catch (const CLI::CallForVersion&) {
        out << app.version() << "\n";
        return kExitOk;
    } catch (const CLI::ParseError& e) {
        // Subcommand --help: CLI11 reports it through the same exception with exit code 0.
        if (e.get_exit_code() == 0) {
            for (auto& [sub, runner] : runners) {
                if (sub->parsed()) {
                    // `hearth import image --help`: the innermost parsed subcommand's help.
                    CLI::App* shown = sub;
                    for (bool deeper = true; deeper;) {
                        deeper = false;
                        for (CLI::App* nested : shown->get_subcommands({})) {
                            if (nested->parsed()) {
                                shown = nested;
                                deeper = true;
                                break;
                            }
                        }
                    }
                    out << shown->help();
                    return kExitOk;
                }
            }
            out << app.help();
            return kExitOk;
        }
        err << "hearth: " << e.what() << "\n";
        err << "Run 'hearth --help' for usage.\n";
        return kExitUsage;
    }
    for (auto& [sub, runner] : runners) {
        if (sub->parsed()) return runner();
    }
    err << "hearth: no command given\n";
    return kExitUsage;
}

}  // namespace hearth::cli

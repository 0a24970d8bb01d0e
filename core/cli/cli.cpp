#include "cli.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/suggest.h>
#include <hearth/version.h>

#include "command.h"

namespace hearth::cli {
namespace {

// The command table: the one place that lists what `hearth` can do; --help prints it.
constexpr CommandSpec kCommands[] = {
    {"app-links",
     "the App Links state of a device's packages (domains, verification, user selections), like "
     "pm get-app-links",
     defineAppLinks},
    {"check",
     "run intent contracts (start/resolve/query/home/claims ... => answer, one a line) against a "
     "device; JUnit for CI",
     defineCheck},
    {"claims",
     "reverse lookup: which filters claim a scheme, host, path, MIME type, action or category; "
     "every deep link",
     defineClaims},
    {"diff",
     "which intents and HOME call sites change their outcome: two devices, or one and an install, "
     "uninstall, patch or API change",
     defineDiff},
    {"dump", "show the packages, components and intent filters of manifests and APKs", defineDump},
    {"filter-match",
     "answer IntentFilter.match for conformance cases (JSON Lines in, one answer line per case "
     "out)",
     defineFilterMatch},
    {"gen-device", "write a synthetic device or filter-match cases for benchmarks",
     defineGenDevice},
    {"home",
     "which activity becomes HOME at every framework call site, stock or HOME_FIRST-patched",
     defineHome},
    {"import", "write a device.json from what you have: a system image tree or an adb capture",
     defineImport},
    {"query",
     "which activities (services, receivers, providers) match an intent, in Android's order, like "
     "pm query-activities",
     defineQuery},
    {"resolve",
     "which activity an intent starts: one, the chooser, or none, like pm resolve-activity",
     defineResolve},
    {"simulate",
     "run a script of boots, HOME presses and installs; show the screen after each step",
     defineSimulate},
    {"start",
     "what am start does with an intent: the activity, the chooser, or nothing (web links by the "
     "App Links rules)",
     defineStart},
};

constexpr const char* kFooter = R"(Exit codes:
  0  success (resolve/start: one activity; query: results found)
  1  bad input: a file cannot be read or is invalid (message on stderr as file:line:col);
     check: a check failed
  2  usage error
  3  resolve/start: ambiguous, Android would show the chooser (ResolverActivity)
  4  resolve/start/query/claims: nothing found
  5  diff: some intent changes its outcome

Run 'hearth COMMAND --help' for a command's options and examples.)";

// Did-you-mean for a misspelt command or option (issue 15): "; did you mean 'query'?", or "".
std::string nearestHint(std::string_view word, const std::vector<std::string>& known) {
    const std::vector<std::string_view> views(known.begin(), known.end());
    // Two edits catch a swapped pair plus one more slip ("qurey", "--jsno"), and no more: a
    // word further off is not a typo of a name but something else.
    const std::optional<std::string_view> nearest = nearestName(word, views, 2);
    return nearest ? "; did you mean '" + std::string(*nearest) + "'?" : std::string();
}

// "'qurey' is not a hearth command; did you mean 'query'?" when the first argument names no
// command (CLI11 would only say that a subcommand is required), else "".
std::string unknownCommandMessage(const std::vector<std::string>& args) {
    if (args.empty() || args[0].empty() || args[0][0] == '-') return {};
    std::vector<std::string> commands;
    for (const CommandSpec& spec : kCommands) commands.emplace_back(spec.name);
    if (std::find(commands.begin(), commands.end(), args[0]) != commands.end()) return {};
    return "'" + args[0] + "' is not a hearth command" + nearestHint(args[0], commands);
}

// For an option the chosen command does not have: the nearest option it does have.
std::string unexpectedOptionHint(const CLI::App& app) {
    for (const CLI::App* sub : app.get_subcommands({})) {
        if (!sub->parsed()) continue;
        std::vector<std::string> options;
        for (const CLI::Option* option : sub->get_options()) {
            for (const std::string& name : option->get_lnames()) options.push_back("--" + name);
        }
        for (const std::string& extra : sub->remaining()) {
            if (extra.rfind("--", 0) != 0) continue;
            const std::string name = extra.substr(0, extra.find('='));
            if (std::string hint = nearestHint(name, options); !hint.empty()) {
                return " ('" + name + "'" + hint + ")";
            }
        }
    }
    return {};
}

// CLI11's help prints a flag that takes an optional value under its declaration,
// "--explain{near}"; a reader needs "--explain[=near|all]"-like text, which the option's own
// ":{near,all}" already gives, so the "{default}" part of the name is left out.
class HelpFormatter : public CLI::Formatter {
  public:
    std::string make_option_name(const CLI::Option* option, bool positional) const override {
        std::string name = CLI::Formatter::make_option_name(option, positional);
        for (size_t open = name.find('{'); open != std::string::npos; open = name.find('{')) {
            const size_t close = name.find('}', open);
            if (close == std::string::npos) break;
            name.erase(open, close - open + 1);
        }
        return name;
    }
};

// "--warnings none" and "--explain all" are how people type them, but CLI11 flags take a value
// only as "--warnings=none": the word would otherwise become the intent's bare package argument
// (am's <PACKAGE>) and silently change the question. Only the flags' own words are joined.
std::vector<std::string> joinFlagValues(const std::vector<std::string>& args) {
    static const std::vector<std::pair<std::string, std::vector<std::string>>> kFlagWords = {
        {"--warnings", {"none", "summary", "all"}}, {"--explain", {"near", "all"}}};
    std::vector<std::string> out;
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--") {
            out.insert(out.end(), args.begin() + static_cast<std::ptrdiff_t>(i), args.end());
            break;
        }
        out.push_back(args[i]);
        if (i + 1 == args.size()) continue;
        for (const auto& [flag, words] : kFlagWords) {
            if (args[i] != flag) continue;
            if (std::find(words.begin(), words.end(), args[i + 1]) == words.end()) continue;
            out.back() += "=" + args[++i];
            break;
        }
    }
    return out;
}

}  // namespace

int runHearth(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
              std::ostream& err) {
    Io io{in, out, err};
    CLI::App app{"hearth: Android intent resolution and HOME launcher emulation, offline",
                 "hearth"};
    app.formatter(std::make_shared<HelpFormatter>());  // subcommands added below share it
    app.footer(kFooter);
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("hearth ") + kVersion);

    // Only the command being run gets its options: defining all thirteen cost every process
    // about 60 page faults of heap (0.5-1 ms of a 5 ms small-APK dump on the development
    // machine, perf record -e page-faults) for objects it never read. The others stay listed
    // for --help; without a command (--help, --version, a typo) every command is defined.
    const bool commandNamed =
        !args.empty() && std::any_of(std::begin(kCommands), std::end(kCommands),
                                     [&](const CommandSpec& spec) { return args[0] == spec.name; });
    std::vector<std::pair<CLI::App*, Runner>> runners;
    for (const CommandSpec& spec : kCommands) {
        CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
        if (commandNamed && args[0] != spec.name) continue;
        runners.emplace_back(sub, spec.define(*sub, io));
    }

    // CLI11 parses from the end of a reversed vector.
    const std::vector<std::string> joined = joinFlagValues(args);
    std::vector<std::string> reversed(joined.rbegin(), joined.rend());
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
        const std::string unknownCommand = unknownCommandMessage(args);
        err << "hearth: " << (unknownCommand.empty() ? e.what() + unexpectedOptionHint(app)
                                                     : unknownCommand)
            << "\n";
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

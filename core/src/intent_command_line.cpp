// Taking a pasted am/pm/adb command apart (intent_command_line.h). The words come from
// splitShellWords (shell_words.h), the one shell-word reader; this file only knows the launcher
// prefixes and which of am's and pm's options are not intent arguments.

#include <hearth/shell_words.h>
#include <hearth/intent_command_line.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace hearth {
namespace {

struct CommandOption {
    std::string_view name;
    bool takesValue;
};

// am start's own options (ActivityManagerShellCommand.runStartActivity's handleOption): they may
// appear among the intent arguments and mean nothing to resolution.
constexpr std::array kAmStartOptions{
    CommandOption{"-D", false},           CommandOption{"-N", false},
    CommandOption{"-W", false},           CommandOption{"-S", false},
    CommandOption{"--streaming", false},  CommandOption{"--track-allocation", false},
    CommandOption{"-P", true},            CommandOption{"--start-profiler", true},
    CommandOption{"--sampling", true},    CommandOption{"--attach-agent", true},
    CommandOption{"--attach-agent-bind", true}, CommandOption{"-R", true},
    CommandOption{"--user", true},        CommandOption{"--display", true},
    CommandOption{"--windowingMode", true}, CommandOption{"--activityType", true},
    CommandOption{"--task", true},        CommandOption{"--task-overlay", false},
    CommandOption{"--lock-task", false},  CommandOption{"--allow-background-activity-starts", false},
};

// pm query-activities / resolve-activity's own options (PackageManagerShellCommand).
constexpr std::array kPmOptions{
    CommandOption{"--brief", false},
    CommandOption{"--components", false},
    CommandOption{"--user", true},
    CommandOption{"--query-flags", true},
};

Result<IntentCommandLine> errorAt(const SourceLocation& where, std::string message) {
    return makeError(where, std::move(message));
}

// Characters a device shell treats specially when `adb shell` hands it the joined words.
bool hasShellSpecial(const std::string& word) {
    return word.find_first_of("&;|<>()$`'\"\\*?") != std::string::npos;
}

std::string joined(const std::vector<ShellWord>& words, size_t from, size_t to) {
    std::string out;
    for (size_t i = from; i < to; ++i) out += (out.empty() ? "" : " ") + words[i].text;
    return out;
}

}  // namespace

const char* intentVerbName(IntentVerb verb) {
    switch (verb) {
        case IntentVerb::Start: return "start";
        case IntentVerb::Resolve: return "resolve";
        case IntentVerb::Query: return "query";
        case IntentVerb::Unspecified: break;
    }
    return "";
}

Result<IntentCommandLine> parseIntentCommandLine(std::string_view line,
                                                 const std::string& sourceName) {
    // A command copied from a terminal or a README often spans lines with trailing backslashes.
    std::string text(line);
    for (size_t at = text.find("\\\n"); at != std::string::npos; at = text.find("\\\n", at)) {
        text.replace(at, 2, " ");
    }
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    Result<std::vector<ShellWord>> split = splitShellWords(text, sourceName, 1);
    if (!split) return split.error();
    std::vector<ShellWord> words = std::move(*split);

    IntentCommandLine command;
    size_t i = 0;
    const auto word = [&](size_t at) -> const std::string& { return words[at].text; };
    const SourceLocation end{sourceName, 1, static_cast<int>(text.size()) + 1};
    const auto whereOf = [&](size_t at) { return at < words.size() ? words[at].where : end; };

    bool viaAdb = false;
    bool resplit = false;
    if (i < words.size() && word(i) == "adb") {
        viaAdb = true;
        ++i;
        // adb's global options that pick a device come before the subcommand.
        while (i < words.size() && !word(i).empty() && word(i)[0] == '-') {
            const std::string& option = word(i);
            if (option == "-s" || option == "-t" || option == "-H" || option == "-P") {
                if (i + 1 >= words.size()) {
                    return errorAt(whereOf(i), "'" + option + "' needs a value" +
                                                   (option == "-s" ? " (a device serial)" : ""));
                }
                i += 2;
            } else if (option == "-d" || option == "-e") {
                ++i;
            } else {
                return errorAt(whereOf(i), "unknown adb option '" + option + "'");
            }
        }
        if (i >= words.size() || word(i) != "shell") {
            return errorAt(whereOf(i), "'adb' must be followed by 'shell', got " +
                                           (i < words.size() ? "'" + word(i) + "'" : "nothing"));
        }
        ++i;
        // `adb shell "am start -d x"`: the device's shell splits the one word again.
        if (i + 1 == words.size() && word(i).find_first_of(" \t") != std::string::npos) {
            const SourceLocation at = words[i].where;
            Result<std::vector<ShellWord>> inner = splitShellWords(word(i), sourceName, 1);
            if (!inner) return errorAt(at, inner.error().message + " (inside the quoted command)");
            words.erase(words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
            for (ShellWord& innerWord : *inner) {
                innerWord.where = at;
                words.push_back(std::move(innerWord));
            }
            resplit = true;
        }
        if (i >= words.size()) return errorAt(end, "nothing after 'adb shell'");
    }

    const std::vector<CommandOption>* options = nullptr;
    static const std::vector<CommandOption> amOptions(kAmStartOptions.begin(),
                                                      kAmStartOptions.end());
    static const std::vector<CommandOption> pmOptions(kPmOptions.begin(), kPmOptions.end());
    if (i < words.size() && (word(i) == "am" || word(i) == "pm" || word(i) == "cmd")) {
        const std::string tool = word(i);
        const size_t toolAt = i++;
        if (tool == "cmd") {
            if (i >= words.size() || word(i) != "package") {
                return errorAt(whereOf(i), "'cmd' must be followed by 'package', got " +
                                               (i < words.size() ? "'" + word(i) + "'" : "nothing"));
            }
            ++i;
        }
        const std::string name = joined(words, toolAt, i);
        if (i >= words.size()) return errorAt(end, "nothing after '" + name + "'");
        const std::string sub = i < words.size() ? word(i) : std::string();
        if (tool == "am") {
            if (sub != "start" && sub != "start-activity") {
                return errorAt(whereOf(i), "'am " + sub +
                                               "' is not an activity start: expected 'am start' "
                                               "or 'am start-activity'");
            }
            command.verb = IntentVerb::Start;
            options = &amOptions;
        } else {
            if (sub != "query-activities" && sub != "resolve-activity") {
                return errorAt(whereOf(i), "'" + name + (sub.empty() ? "" : " " + sub) +
                                               "' is not an activity question: expected '" + name +
                                               " query-activities' or '" + name +
                                               " resolve-activity'");
            }
            command.verb = sub == "query-activities" ? IntentVerb::Query : IntentVerb::Resolve;
            options = &pmOptions;
        }
        ++i;
        if (i >= words.size()) return errorAt(end, "nothing after '" + joined(words, 0, i) + "'");
    } else if (viaAdb) {
        return errorAt(whereOf(i), "'adb shell' must run 'am start', 'pm query-activities', 'pm "
                                   "resolve-activity' or 'cmd package ...', got '" +
                                       word(i) + "'");
    }
    command.prefix = joined(words, 0, i);

    for (; i < words.size(); ++i) {
        const std::string& current = word(i);
        const auto option =
            options ? std::find_if(options->begin(), options->end(),
                                   [&](const CommandOption& o) { return o.name == current; })
                    : std::vector<CommandOption>::const_iterator{};
        if (!options || option == options->end()) {
            command.intentArgs.push_back(current);
            if (viaAdb && !resplit && hasShellSpecial(current)) {
                command.notes.push_back("a real 'adb shell' joins the words and the device's shell "
                                        "splits them again: quote '" + current +
                                        "' twice there, or it is cut at the first special "
                                        "character; Hearth reads it as typed here");
            }
            continue;
        }
        if (!option->takesValue) {
            command.ignored.push_back(current);
            continue;
        }
        if (i + 1 >= words.size()) return errorAt(whereOf(i), "'" + current + "' needs a value");
        if (current == "--query-flags") {
            command.queryFlags = word(i + 1);
        } else {
            command.ignored.push_back(current + " " + word(i + 1));
        }
        ++i;
    }
    return command;
}

std::string joinShellWords(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) {
        if (!out.empty()) out += ' ';
        const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) ||
                   std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
        });
        if (plain) {
            out += word;
            continue;
        }
        out += '\'';
        for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += '\'';
    }
    return out;
}

}  // namespace hearth

#include "cli_docs.h"

#include <functional>
#include <sstream>

#include "cli.h"

namespace hearth::cli {
namespace {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string trim(const std::string& text) {
    const size_t first = text.find_first_not_of(' ');
    if (first == std::string::npos) return "";
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::istringstream in(text);
    for (std::string part; std::getline(in, part, separator);) {
        if (!part.empty()) parts.push_back(part);
    }
    return parts;
}

// A section header of CLI11's help or of a footer: "Options:", "Examples:", "Exit codes:".
bool isHeader(const std::string& line) {
    return !line.empty() && line[0] != ' ' && line.back() == ':' && line.size() < 48;
}

// "  -o,--out TEXT     description": the entry's left column and its description.
std::pair<std::string, std::string> splitEntry(const std::string& line) {
    const std::string body = line.substr(2);
    const size_t gap = body.find("  ");
    if (gap == std::string::npos) return {trim(body), ""};
    return {body.substr(0, gap), trim(body.substr(gap))};
}

OptionDoc parseOption(const std::string& left, const std::string& description) {
    OptionDoc option;
    const size_t space = left.find(' ');
    option.names = split(left.substr(0, space), ',');
    // A flag that takes an optional value shows its default as "--explain{near}".
    for (std::string& name : option.names) name = name.substr(0, name.find('{'));
    if (space != std::string::npos) option.valueType = trim(left.substr(space));
    const size_t open = option.valueType.find('{');
    const size_t close = option.valueType.find('}', open == std::string::npos ? 0 : open);
    if (open != std::string::npos && close != std::string::npos) {
        option.choices = split(option.valueType.substr(open + 1, close - open - 1), ',');
    }
    option.description = description;
    return option;
}

std::string helpOf(const std::vector<std::string>& path) {
    std::vector<std::string> args = path;
    args.emplace_back("--help");
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    runHearth(args, in, out, err);
    return out.str();
}

void forEachCommand(const CommandDoc& command, const std::function<void(const CommandDoc&)>& visit) {
    visit(command);
    for (const CommandDoc& sub : command.subcommands) forEachCommand(sub, visit);
}

std::string joined(const std::vector<std::string>& words, const std::string& separator) {
    std::string out;
    for (const std::string& word : words) out += (out.empty() ? "" : separator) + word;
    return out;
}

// Every option name of a command, plus the intent options when it takes an intent.
std::vector<std::string> optionNames(const CommandDoc& command,
                                     const std::vector<std::string>& intentOptions) {
    std::vector<std::string> names;
    for (const OptionDoc& option : command.options) {
        names.insert(names.end(), option.names.begin(), option.names.end());
    }
    if (command.takesIntent) names.insert(names.end(), intentOptions.begin(), intentOptions.end());
    return names;
}

// roff: backslashes and hyphens escaped, a leading '.' or '\'' made literal.
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
    return out;
}

std::string upper(std::string text) {
    for (char& c : text) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return text;
}

// Single-quoted for a shell: ' becomes '\''.
std::string shellQuoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

CommandDoc parseHelp(const std::string& help, std::vector<std::string> path) {
    CommandDoc command;
    command.path = std::move(path);
    command.help = help;
    command.takesIntent = help.find("INTENT") != std::string::npos;
    std::string section;
    for (const std::string& line : splitLines(help)) {
        if (line.rfind("Usage: ", 0) == 0) {
            command.usage = line.substr(7);
            continue;
        }
        if (isHeader(line)) {
            section = line;
            continue;
        }
        if (line.empty() || line[0] != ' ') {
            if (line.empty() || section == "Options:" || section == "Positionals:" ||
                section == "Subcommands:") {
                section = line.empty() ? section : "";
            }
            continue;
        }
        std::vector<OptionDoc>* list = section == "Options:"       ? &command.options
                                       : section == "Positionals:" ? &command.positionals
                                                                   : nullptr;
        const bool continuation = line.size() > 2 && line[2] == ' ';
        if (list) {
            if (continuation && !list->empty()) {
                OptionDoc& last = list->back();
                last.description += (last.description.empty() ? "" : " ") + trim(line);
            } else if (!continuation) {
                const auto [left, description] = splitEntry(line);
                list->push_back(parseOption(left, description));
            }
        } else if (section == "Subcommands:") {
            if (continuation && !command.subcommands.empty()) {
                CommandDoc& last = command.subcommands.back();
                last.summary += (last.summary.empty() ? "" : " ") + trim(line);
            } else if (!continuation) {
                const auto [name, summary] = splitEntry(line);
                CommandDoc sub;
                sub.path = command.path;
                sub.path.push_back(name);
                sub.summary = summary;
                command.subcommands.push_back(std::move(sub));
            }
        }
    }
    return command;
}

CommandDoc collectCommandDocs() {
    std::function<CommandDoc(std::vector<std::string>, std::string)> collect =
        [&](std::vector<std::string> path, std::string summary) {
            CommandDoc command = parseHelp(helpOf(path), path);
            command.summary = std::move(summary);
            for (CommandDoc& sub : command.subcommands) sub = collect(sub.path, sub.summary);
            return command;
        };
    CommandDoc root = collect({}, "");
    // The program's own summary is the first line of its help.
    root.summary = splitLines(root.help).empty() ? "" : splitLines(root.help)[0];
    if (root.summary.rfind("hearth: ", 0) == 0) root.summary = root.summary.substr(8);
    return root;
}

std::string manPageName(const CommandDoc& command) {
    return joined([&] {
        std::vector<std::string> parts{"hearth"};
        parts.insert(parts.end(), command.path.begin(), command.path.end());
        return parts;
    }(), "-");
}

std::string renderManPage(const CommandDoc& command, const std::string& version) {
    const std::string name = manPageName(command);
    std::ostringstream man;
    man << ".\\\" Generated by hearth-docgen from `" << joined(command.path, " ")
        << (command.path.empty() ? "" : " ") << "--help`; do not edit.\n";
    man << ".TH " << upper(name) << " 1 \"\" \"hearth " << version << "\" \"User Commands\"\n";
    man << ".SH NAME\n" << roff(name) << " \\- " << roff(command.summary) << "\n";
    man << ".SH SYNOPSIS\n.nf\n" << roff(command.usage) << "\n.fi\n";

    // Everything CLI11 does not structure (description, footer paragraphs, examples) keeps its
    // layout: each header becomes a section, its lines are printed as they are in --help.
    std::string section = "DESCRIPTION";
    bool open = false;
    const auto startSection = [&](const std::string& title) {
        if (open) man << ".fi\n";
        man << ".SH " << roff(upper(title)) << "\n.nf\n";
        open = true;
    };
    const auto tagged = [&](const std::vector<OptionDoc>& entries, const std::string& title) {
        if (entries.empty()) return;
        if (open) man << ".fi\n";
        open = false;
        man << ".SH " << title << "\n";
        for (const OptionDoc& entry : entries) {
            man << ".TP\n\\fB" << roff(joined(entry.names, ", ")) << "\\fR";
            if (!entry.valueType.empty()) man << " \\fI" << roff(entry.valueType) << "\\fR";
            man << "\n" << roff(entry.description) << "\n";
        }
    };
    startSection(section);
    bool skipping = false;
    for (const std::string& line : splitLines(command.help)) {
        if (line.rfind("Usage: ", 0) == 0) continue;
        if (isHeader(line)) {
            skipping = line == "Options:" || line == "Positionals:" || line == "Subcommands:";
            if (line == "Positionals:") tagged(command.positionals, "ARGUMENTS");
            if (line == "Options:") tagged(command.options, "OPTIONS");
            if (line == "Subcommands:") {
                std::vector<OptionDoc> subs;
                for (const CommandDoc& sub : command.subcommands) {
                    subs.push_back({{sub.path.back()}, "", {}, sub.summary + " (see " +
                                                                  manPageName(sub) + "(1))"});
                }
                tagged(subs, "COMMANDS");
            }
            if (!skipping) startSection(line.substr(0, line.size() - 1));
            continue;
        }
        if (skipping) {
            if (line.empty() || line[0] == ' ') continue;
            skipping = false;
            startSection("NOTES");
        }
        if (!open) startSection("NOTES");
        man << roff(line) << "\n";
    }
    if (open) man << ".fi\n";
    man << ".SH SEE ALSO\n";
    std::vector<std::string> related;
    if (!command.path.empty()) related.push_back("hearth(1)");
    for (const CommandDoc& sub : command.subcommands) related.push_back(manPageName(sub) + "(1)");
    man << roff(joined(related, ", ")) << (related.empty() ? "" : ", ") << "hearth\\-gui(1)\n";
    return man.str();
}

std::string renderBashCompletion(const CommandDoc& root,
                                 const std::vector<std::string>& intentOptions) {
    std::ostringstream subs;
    std::ostringstream opts;
    std::ostringstream choices;
    forEachCommand(root, [&](const CommandDoc& command) {
        const std::string key = shellQuoted(joined(command.path, " "));
        std::vector<std::string> names;
        for (const CommandDoc& sub : command.subcommands) names.push_back(sub.path.back());
        if (!names.empty()) subs << "        " << key << ") echo " << shellQuoted(joined(names, " ")) << " ;;\n";
        opts << "        " << key << ") echo " << shellQuoted(joined(optionNames(command, intentOptions), " "))
             << " ;;\n";
        for (const OptionDoc& option : command.options) {
            if (option.choices.empty()) continue;
            for (const std::string& name : option.names) {
                choices << "        " << shellQuoted(joined(command.path, " ") + "|" + name)
                        << ") echo " << shellQuoted(joined(option.choices, " ")) << " ;;\n";
            }
        }
    });
    std::ostringstream out;
    out << "# bash completion for hearth                                  -*- shell-script -*-\n"
           "# Generated by hearth-docgen from hearth's command table and --help text; do not edit.\n\n"
           "_hearth_subcommands() {\n    case \"$1\" in\n" << subs.str() << "    esac\n}\n\n"
           "_hearth_options() {\n    case \"$1\" in\n" << opts.str() << "    esac\n}\n\n"
           "_hearth_choices() {\n    case \"$1|$2\" in\n" << choices.str() << "    esac\n}\n\n";
    out << R"SH(_hearth() {
    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
    local command="" word i
    # The command so far ("query", "import image"): the words that name a subcommand.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        [[ $word == -* ]] && continue
        if [[ " $(_hearth_subcommands "$command") " == *" $word "* ]]; then
            command="${command:+$command }$word"
        fi
    done
    local words
    words="$(_hearth_choices "$command" "$prev")"
    if [[ -z $words && $cur == -* ]]; then
        words="$(_hearth_options "$command")"
    elif [[ -z $words ]]; then
        words="$(_hearth_subcommands "$command")"
    fi
    if [[ -n $words ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
        return
    fi
    # Devices, manifests, APKs and scripts are files and folders.
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
}
complete -o filenames -o bashdefault -F _hearth hearth
)SH";
    return out.str();
}

std::string renderZshCompletion(const CommandDoc& root,
                                const std::vector<std::string>& intentOptions) {
    std::ostringstream cases;
    std::ostringstream choices;
    std::vector<std::string> paths;
    forEachCommand(root, [&](const CommandDoc& command) {
        const std::string key = joined(command.path, " ");
        if (!key.empty()) paths.push_back(shellQuoted(key));
        cases << "    " << shellQuoted(key) << ")\n      subs=(";
        for (const CommandDoc& sub : command.subcommands) {
            cases << "\n        " << shellQuoted(sub.path.back() + ":" + sub.summary);
        }
        cases << ")\n      opts=(";
        for (const OptionDoc& option : command.options) {
            for (const std::string& name : option.names) {
                cases << "\n        " << shellQuoted(name + ":" + option.description);
            }
        }
        if (command.takesIntent) {
            for (const std::string& name : intentOptions) {
                cases << "\n        " << shellQuoted(name + ":intent (am syntax)");
            }
        }
        cases << ") ;;\n";
        for (const OptionDoc& option : command.options) {
            if (option.choices.empty()) continue;
            for (const std::string& name : option.names) {
                choices << "    " << shellQuoted(key + "|" + name) << ") compadd -- "
                        << joined(option.choices, " ") << "; return ;;\n";
            }
        }
    });
    std::ostringstream out;
    out << "#compdef hearth\n"
           "# zsh completion for hearth. Generated by hearth-docgen from hearth's command table\n"
           "# and --help text; do not edit.\n\n"
           "local command=\"\" candidate i\nlocal -a subs opts\n"
           "# The command so far (\"query\", \"import image\"): the words that name a subcommand.\n"
           "for ((i = 2; i < CURRENT; i++)); do\n"
           "  [[ ${words[i]} == -* ]] && continue\n"
           "  candidate=\"${command:+$command }${words[i]}\"\n"
           "  case \"$candidate\" in\n    "
        << joined(paths, "|") << ") command=\"$candidate\" ;;\n  esac\ndone\n\n"
        << "case \"$command|${words[CURRENT-1]}\" in\n" << choices.str() << "esac\n\n"
        << "case \"$command\" in\n" << cases.str() << "esac\n\n"
        << "if [[ $PREFIX == -* ]]; then\n  _describe -t options option opts\n"
           "elif (( ${#subs} )); then\n  _describe -t commands command subs\nelse\n  _files\nfi\n";
    return out.str();
}

}  // namespace hearth::cli

#pragma once
// Man pages and shell completion for `hearth`, generated from the CLI's own --help text and
// command table (and the intent options from hearth::intentOptionNames()), so they cannot drift
// from the program. hearth-docgen writes them at build time; tests check them.

#include <string>
#include <vector>

namespace hearth::cli {

/// One option line of a --help text, e.g. "--kind TEXT:{activity,service}  which components".
struct OptionDoc {
    std::vector<std::string> names;    ///< "-h", "--help"
    std::string valueType;             ///< "TEXT:{activity,service}", empty for a flag
    std::vector<std::string> choices;  ///< the {a,b} values of valueType, if any
    std::string description;           ///< continuation lines joined with spaces
};

/// A command (or the program itself) as its --help text describes it.
struct CommandDoc {
    std::vector<std::string> path;  ///< {} for hearth itself, {"query"}, {"import", "image"}
    std::string summary;            ///< the one-line description from the parent's list
    std::string help;               ///< the complete --help text
    std::string usage;              ///< after "Usage: ", e.g. "hearth query [OPTIONS] DEVICE"
    std::vector<OptionDoc> positionals;
    std::vector<OptionDoc> options;
    std::vector<CommandDoc> subcommands;
    bool takesIntent = false;  ///< the help mentions an INTENT argument (am/pm syntax)
};

/// Parses one CLI11 --help text (sections "Positionals:", "Options:", "Subcommands:"; the rest
/// is kept only in `help`). Subcommands get their name and summary; nothing is run.
CommandDoc parseHelp(const std::string& help, std::vector<std::string> path);

/// Runs `hearth --help` and every `hearth COMMAND... --help` in-process, recursively.
CommandDoc collectCommandDocs();

/// "hearth" for the program, "hearth-query", "hearth-import-image" for commands.
std::string manPageName(const CommandDoc& command);

/// The roff man page (section 1) of a command: its --help text, options as tagged paragraphs.
std::string renderManPage(const CommandDoc& command, const std::string& version);

/// A bash completion script (complete -F _hearth hearth): commands, options, option choices and,
/// for commands that take an intent, every option of intentOptions.
std::string renderBashCompletion(const CommandDoc& root,
                                 const std::vector<std::string>& intentOptions);

/// A zsh completion function (#compdef hearth) with the same content, options described.
std::string renderZshCompletion(const CommandDoc& root,
                                const std::vector<std::string>& intentOptions);

}  // namespace hearth::cli

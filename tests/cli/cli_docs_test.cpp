// The man pages and shell completion hearth-docgen writes (core/cli/cli_docs.cpp): generated from
// the CLI's own --help text, they must list every command, every option and the intent flags.
#include <gtest/gtest.h>

#include <hearth/intent_options.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_docs.h"

namespace {

using hearth::cli::CommandDoc;

std::vector<const CommandDoc*> allCommands(const CommandDoc& root) {
    std::vector<const CommandDoc*> commands;
    std::function<void(const CommandDoc&)> walk = [&](const CommandDoc& command) {
        commands.push_back(&command);
        for (const CommandDoc& sub : command.subcommands) walk(sub);
    };
    walk(root);
    return commands;
}

// The command names of `hearth --help`, read independently of parseHelp: the indented lines
// between "Subcommands:" and the next blank line.
std::set<std::string> topLevelCommandsFromHelp() {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    hearth::cli::runHearth({"--help"}, in, out, err);
    std::istringstream lines(out.str());
    std::set<std::string> names;
    bool inList = false;
    for (std::string line; std::getline(lines, line);) {
        if (line == "Subcommands:") {
            inList = true;
        } else if (line.empty()) {
            inList = false;
        } else if (inList && line.rfind("  ", 0) == 0 && line[2] != ' ') {
            names.insert(line.substr(2, line.find(' ', 2) - 2));
        }
    }
    return names;
}

std::string escapedForRoff(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

// Runs a shell command, returns its standard output.
std::string capture(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::string out;
    std::array<char, 4096> buffer{};
    while (pipe && fgets(buffer.data(), buffer.size(), pipe.get())) out += buffer.data();
    return out;
}

std::filesystem::path writeTemp(const std::string& name, const std::string& text) {
    const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                       ("hearth_cli_docs_test_" + std::to_string(getpid()) + name);
    std::ofstream(path) << text;
    return path;
}

// What bash completes for the words of a command line (the last word is being typed).
std::set<std::string> bashCompletes(const std::filesystem::path& script,
                                    const std::vector<std::string>& words) {
    std::string array;
    for (const std::string& word : words) array += " '" + word + "'";
    const std::string command = "bash -c 'source \"$0\"; COMP_WORDS=(\"$@\"); COMP_CWORD=$(($# - 1)); "
                                "_hearth; printf \"%s\\n\" \"${COMPREPLY[@]}\"' '" +
                                script.string() + "'" + array;
    std::set<std::string> result;
    std::istringstream lines(capture(command));
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) result.insert(line);
    }
    return result;
}

TEST(CliDocs, ParseHelpReadsOptionsTheirChoicesAndContinuationLines) {
    const CommandDoc doc = hearth::cli::parseHelp(
        "which activities match\n"
        "Usage: hearth query [OPTIONS] DEVICE\n\n"
        "Positionals:\n"
        "  DEVICE TEXT REQUIRED        a device folder\n\n"
        "Options:\n"
        "  -h,--help                   Print this help message and exit\n"
        "  --kind TEXT:{activity,service}\n"
        "                              which components\n"
        "                              to resolve\n\n"
        "Full form: hearth query DEVICE [OPTIONS] INTENT...\n",
        {"query"});
    EXPECT_EQ(doc.usage, "hearth query [OPTIONS] DEVICE");
    ASSERT_EQ(doc.positionals.size(), 1u);
    EXPECT_EQ(doc.positionals[0].names, std::vector<std::string>{"DEVICE"});
    ASSERT_EQ(doc.options.size(), 2u);
    EXPECT_EQ(doc.options[0].names, (std::vector<std::string>{"-h", "--help"}));
    EXPECT_EQ(doc.options[1].names, std::vector<std::string>{"--kind"});
    EXPECT_EQ(doc.options[1].choices, (std::vector<std::string>{"activity", "service"}));
    EXPECT_EQ(doc.options[1].description, "which components to resolve");
    EXPECT_TRUE(doc.takesIntent);
}

TEST(CliDocs, TheIntentOptionsAreAmsOwn) {
    const std::vector<std::string> options = hearth::intentOptionNames();
    for (const char* expected : {"-a", "-c", "-d", "-t", "-n", "-p", "-f", "-i", "--ez", "--es",
                                 "--eia", "--selector", "--activity-clear-top",
                                 "--receiver-foreground"}) {
        EXPECT_NE(std::find(options.begin(), options.end(), expected), options.end()) << expected;
    }
    EXPECT_TRUE(std::is_sorted(options.begin(), options.end()));
}

TEST(CliDocs, EveryCommandHasAManPageListingEachOfItsOptions) {
    const CommandDoc root = hearth::cli::collectCommandDocs();
    std::set<std::string> documented;
    for (const CommandDoc& sub : root.subcommands) documented.insert(sub.path.back());
    EXPECT_EQ(documented, topLevelCommandsFromHelp());
    for (const CommandDoc* command : allCommands(root)) {
        const std::string page = hearth::cli::renderManPage(*command, "9.9.9");
        const std::string name = hearth::cli::manPageName(*command);
        EXPECT_NE(page.find(".SH NAME\n" + escapedForRoff(name) + " \\- "), std::string::npos)
            << name;
        EXPECT_FALSE(command->options.empty()) << name;
        for (const auto& option : command->options) {
            for (const std::string& optionName : option.names) {
                EXPECT_NE(page.find(escapedForRoff(optionName)), std::string::npos)
                    << name << " lacks " << optionName;
            }
        }
        for (const CommandDoc& sub : command->subcommands) {
            EXPECT_NE(page.find(escapedForRoff(hearth::cli::manPageName(sub)) + "(1)"),
                      std::string::npos)
                << name << " does not refer to " << hearth::cli::manPageName(sub);
        }
    }
}

TEST(CliDocs, ManPagesRenderWithoutGroffWarnings) {
    if (capture("command -v groff").empty()) GTEST_SKIP() << "groff is not installed";
    const CommandDoc root = hearth::cli::collectCommandDocs();
    for (const CommandDoc* command : allCommands(root)) {
        const auto page = writeTemp(".1", hearth::cli::renderManPage(*command, "9.9.9"));
        EXPECT_EQ(capture("groff -man -Tutf8 -ww -z '" + page.string() + "' 2>&1"), "")
            << hearth::cli::manPageName(*command);
        std::filesystem::remove(page);
    }
}

TEST(CliDocs, BashCompletesEveryCommandOptionChoiceAndIntentFlag) {
    const CommandDoc root = hearth::cli::collectCommandDocs();
    const auto script = writeTemp(
        ".bash", hearth::cli::renderBashCompletion(root, hearth::intentOptionNames()));

    EXPECT_EQ(bashCompletes(script, {"hearth", ""}), topLevelCommandsFromHelp());
    EXPECT_EQ(bashCompletes(script, {"hearth", "qu"}), std::set<std::string>{"query"});
    const std::set<std::string> dashE = bashCompletes(script, {"hearth", "query", "dev", "--e"});
    for (const char* expected : {"--explain", "--ez", "--es", "--eia", "--ecn"}) {
        EXPECT_TRUE(dashE.count(expected)) << expected;
    }
    const std::set<std::string> dash = bashCompletes(script, {"hearth", "resolve", "dev", "-"});
    for (const char* expected : {"-a", "-c", "-d", "-t", "-n", "-f", "--json", "--help"}) {
        EXPECT_TRUE(dash.count(expected)) << expected;
    }
    // Commands that take no intent are not offered the intent flags.
    EXPECT_FALSE(bashCompletes(script, {"hearth", "dump", "dev", "-"}).count("--ez"));
    for (const CommandDoc* command : allCommands(root)) {
        for (const auto& option : command->options) {
            if (option.choices.empty()) continue;
            std::vector<std::string> words{"hearth"};
            words.insert(words.end(), command->path.begin(), command->path.end());
            words.push_back(option.names.back());
            words.emplace_back("");
            EXPECT_EQ(bashCompletes(script, words),
                      std::set<std::string>(option.choices.begin(), option.choices.end()))
                << option.names.back();
        }
    }
    std::filesystem::remove(script);
}

TEST(CliDocs, ZshCompletionListsEveryCommandAndOption) {
    const CommandDoc root = hearth::cli::collectCommandDocs();
    const std::string text = hearth::cli::renderZshCompletion(root, hearth::intentOptionNames());
    EXPECT_EQ(text.rfind("#compdef hearth\n", 0), 0u);
    for (const CommandDoc* command : allCommands(root)) {
        for (const CommandDoc& sub : command->subcommands) {
            EXPECT_NE(text.find("'" + sub.path.back() + ":"), std::string::npos) << sub.path.back();
        }
        for (const auto& option : command->options) {
            for (const std::string& name : option.names) {
                EXPECT_NE(text.find("'" + name + ":"), std::string::npos) << name;
            }
        }
    }
    EXPECT_NE(text.find("'--ez:intent (am syntax)'"), std::string::npos);
}

TEST(CliDocs, ZshAcceptsTheCompletionScript) {
    if (capture("command -v zsh").empty()) GTEST_SKIP() << "zsh is not installed";
    const CommandDoc root = hearth::cli::collectCommandDocs();
    const auto script =
        writeTemp(".zsh", hearth::cli::renderZshCompletion(root, hearth::intentOptionNames()));
    EXPECT_EQ(capture("zsh -n '" + script.string() + "' 2>&1"), "");
    std::filesystem::remove(script);
}

}  // namespace

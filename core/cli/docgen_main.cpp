// hearth-docgen OUTDIR: writes the man pages (OUTDIR/man/man1/*.1) and the bash and zsh
// completion (OUTDIR/completion/hearth, OUTDIR/completion/_hearth) from hearth's own --help text.
// Run at build time; see cmake/HearthPackage.cmake.
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>

#include <hearth/intent_options.h>
#include <hearth/version.h>

#include "cli_docs.h"

namespace {

bool writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    if (!out) std::cerr << "hearth-docgen: cannot write '" << path.string() << "'\n";
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: hearth-docgen OUTDIR\n";
        return 2;
    }
    namespace fs = std::filesystem;
    const fs::path outDir = argv[1];
    const fs::path manDir = outDir / "man" / "man1";
    const fs::path completionDir = outDir / "completion";
    std::error_code ignored;
    fs::remove_all(manDir, ignored);  // a command that is gone takes its page with it
    fs::create_directories(manDir);
    fs::create_directories(completionDir);

    using namespace hearth::cli;
    const CommandDoc root = collectCommandDocs();
    const std::vector<std::string> intentOptions = hearth::intentOptionNames();
    bool ok = true;
    std::function<void(const CommandDoc&)> writePages = [&](const CommandDoc& command) {
        ok = writeFile(manDir / (manPageName(command) + ".1"),
                       renderManPage(command, hearth::kVersion)) && ok;
        for (const CommandDoc& sub : command.subcommands) writePages(sub);
    };
    writePages(root);
    ok = writeFile(completionDir / "hearth", renderBashCompletion(root, intentOptions)) && ok;
    ok = writeFile(completionDir / "_hearth", renderZshCompletion(root, intentOptions)) && ok;
    return ok ? 0 : 1;
}

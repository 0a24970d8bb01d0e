#pragma once
// Private to the CLI: how a command plugs into the table in cli.cpp.

#include <functional>
#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

namespace hearth::cli {

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

/// Runs a parsed command and returns its exit code.
using Runner = std::function<int()>;

/// One row of a command table: define() adds the command's options to its CLI11 sub-app (state
/// captured by the returned runner) and returns the runner to call when the command is chosen.
/// Plain data (a function pointer, not a std::function), so that a table is a constexpr array.
struct CommandSpec {
    const char* name;
    const char* summary;
    Runner (*define)(CLI::App& app, Io& io);
};

// Every command's define function, one per cmd_*.cpp.
Runner defineAppLinks(CLI::App& app, Io& io);
Runner defineCheck(CLI::App& app, Io& io);
Runner defineClaims(CLI::App& app, Io& io);
Runner defineDiff(CLI::App& app, Io& io);
Runner defineDump(CLI::App& app, Io& io);
Runner defineFilterMatch(CLI::App& app, Io& io);
Runner defineGenDevice(CLI::App& app, Io& io);
Runner defineHome(CLI::App& app, Io& io);
Runner defineImport(CLI::App& app, Io& io);
// The `hearth import` subcommands (the table is in cmd_import.cpp).
Runner defineImportImage(CLI::App& app, Io& io);
Runner defineImportAdb(CLI::App& app, Io& io);
Runner defineQuery(CLI::App& app, Io& io);
Runner defineResolve(CLI::App& app, Io& io);
Runner defineSimulate(CLI::App& app, Io& io);
Runner defineStart(CLI::App& app, Io& io);


}  // namespace hearth::cli

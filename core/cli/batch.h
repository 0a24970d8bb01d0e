#pragma once
// Private to the CLI: `--batch FILE|-` of query, resolve and start — many requests against one
// loaded device. One request a line, an am-style intent line or a JSON object; one JSON answer a
// line (the command's --json answer on one line, "id" first), in input order, each written and
// flushed before the next line is read, so a batch streams in constant memory and can drive
// hearth as a coprocess. A bad line is answered with BAD_INPUT (file:line:col) and the rest go on.

#include <hearth/caller.h>
#include <hearth/device.h>
#include <hearth/package_index.h>

#include <iosfwd>
#include <string>
#include <vector>

#include "command.h"
#include "intent_command.h"

namespace hearth::cli {

/// Which command answers a batch and how (what defineIntentCommand knows of it).
struct BatchCommand {
    const char* name;      ///< "query", "resolve", "start": for messages
    ResolveMode mode;      ///< every request's mode
    int forcedQueryFlags;  ///< added to every request's flags (start: MATCH_DEFAULT_ONLY)
    BatchAnswer answer;    ///< the command's --json answer for one request
};

/// What every request of a batch starts from: the device loaded once, its index, the command
/// line's options (a line may override --caller, --explain and, for query and resolve,
/// --default-only, --query-flags, --kind) and the command line's caller.
struct BatchBase {
    const Device& device;
    const PackageIndex& index;
    const IntentCommandOptions& options;
    const Caller& caller;
};

/// Adds --batch FILE|- to a command.
void addBatchOption(CLI::App& app, std::string& file);

/// The help paragraph on --batch, for the command's footer.
const char* batchHelp();

/// Answers every request read from `in` on `out` (one JSON line each, flushed), bad lines also on
/// `err` as sourceName:line:col. Returns kExitOk, or kExitBadInput if some line was bad.
int answerBatch(const BatchCommand& command, const BatchBase& base, std::istream& in,
                const std::string& sourceName, std::ostream& out, std::ostream& err);

/// `hearth COMMAND DEVICE --batch FILE|-`: checks the command line (no intent besides the batch,
/// no text-only option), opens FILE ('-': standard input), loads the device once, then
/// answerBatch. Exit 0 every line answered, 1 a line was bad or an input cannot be read, 2 usage.
int runBatch(const BatchCommand& command, const IntentCommandOptions& options,
             const std::vector<std::string>& extras, Io& io);

}  // namespace hearth::cli

#pragma once
// Private to the CLI: what `hearth query` and `hearth resolve` share — their options, loading the
// device, parsing the am-style intent, and building the index.

#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>
#include <hearth/resolve_report.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli.h"
#include "command.h"
#include "device_loading.h"

namespace hearth::cli {

struct IntentCommandOptions {
    std::string device;
    bool json = false;
    std::string explain;  ///< "" (none), "near" (--explain: near misses first) or "all"
    std::string why;      ///< --why PKG or PKG/.Cls: explain only that package or component
    bool brief = false;
    bool components = false;
    bool defaultOnly = false;
    DeviceLoadFlags load;  ///< --strict, --warnings
    std::string queryFlags;
    std::string kind = "activity";
    int api = 0;  ///< 0: the device's own API level
    std::string caller = "shell";  ///< --caller: shell, system, root or an installed package
    std::string batch;  ///< --batch FILE|-: one request a line, one JSON answer a line (batch.h)
};

/// Adds DEVICE and the options shared by query and resolve; unknown options and the arguments
/// after DEVICE are left for the intent (CLI11 extras).
void addIntentCommandOptions(CLI::App& app, IntentCommandOptions& options);

/// A command's --json answer for one request (the JSON it prints, as rendered), for --batch.
using BatchAnswer =
    std::function<std::string(const PackageIndex& index, const ResolveRequest& request,
                              const std::vector<Rejection>* rejections)>;

/// --query-flags, --default-only and --kind as a request without an intent; fails with
/// "--query-flags expects a number such as 0x10000, got 'x'" (or --kind's equivalent).
[[nodiscard]] Result<ResolveRequest> requestFromOptions(const IntentCommandOptions& options);

/// Loads DEVICE for a query-like command (nullopt, the error printed: exit 1), applies --api and
/// prints what an image or capture implied on io.err.
std::optional<Device> loadIntentCommandDevice(const char* command,
                                              const IntentCommandOptions& options, Io& io);

/// A device, an intent and flags ready to resolve; or the exit code to return (the message is
/// already printed on io.err).
struct PreparedIntent {
    std::optional<int> exitCode;
    Device device;
    ResolveRequest request;  ///< the intent, --query-flags/--default-only, --kind, the mode
};

/// Parses --query-flags and the intent (exit 2 on error), then loads the device (exit 1).
PreparedIntent prepareIntentCommand(const char* command, const IntentCommandOptions& options,
                                    const std::vector<std::string>& intentArgs, Io& io);

/// What a query-like command works on: the prepared intent, the device's index, the options, and
/// (with --explain) why every other component was rejected.
struct IntentCommandRun {
    const PreparedIntent& prepared;
    const PackageIndex& index;
    const IntentCommandOptions& options;
    const std::vector<Rejection>* rejections;  ///< null without --explain or --why
    ReportStyle style;
    ExplainStyle explainStyle;
};

/// The exit code of a resolve or start: 0 one activity, 3 the chooser, 4 nothing.
int exitCodeFor(ResolveOutcome outcome);

/// Defines a command over DEVICE and an intent (query, resolve, start): its options and help
/// footer, and a runner that prepares the request (mode, plus forcedQueryFlags always added:
/// start's MATCH_DEFAULT_ONLY, so --explain explains the start's own query), builds the index,
/// explains when asked, and hands the rest to `report`, whose return value is the exit code.
/// With batchAnswer (the command's --json answer for one request) the command also takes
/// --batch FILE|- (batch.h).
Runner defineIntentCommand(CLI::App& app, Io& io, const char* command, const char* footer,
                           std::function<int(const IntentCommandRun&)> report,
                           ResolveMode mode = ResolveMode::Query, int forcedQueryFlags = 0,
                           BatchAnswer batchAnswer = {});

}  // namespace hearth::cli

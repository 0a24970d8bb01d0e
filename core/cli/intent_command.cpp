#include "intent_command.h"

#include <hearth/java_number.h>

#include <cctype>
#include <cstdint>
#include <ostream>

#include "batch.h"

namespace hearth::cli {

void addIntentCommandOptions(CLI::App& app, IntentCommandOptions& options) {
    app.add_option("DEVICE", options.device,
                   "a device folder, a device.json, or one AndroidManifest.xml or .apk")
        ->required();
    app.add_flag("--json", options.json, "print JSON instead of pm's text");
    app.add_flag("--explain", options.explain,
                 "also say why every other component is not a candidate, and how the candidates "
                 "are ordered");
    app.add_flag("--brief", options.brief, "two lines per result, as pm --brief");
    app.add_flag("--components", options.components, "only the short component names");
    app.add_option("--query-flags", options.queryFlags,
                   "PackageManager flags, decoded like Integer.decode (e.g. 0x10000 = "
                   "MATCH_DEFAULT_ONLY); default 0, as pm");
    app.add_flag("--default-only", options.defaultOnly,
                 "add MATCH_DEFAULT_ONLY (0x10000), as startActivity does");
    addDeviceLoadOptions(app, options.load);
    app.add_option("--kind", options.kind, "which components to resolve")
        ->check(CLI::IsMember({"activity", "service", "receiver", "provider"}));
    app.add_option("--api", options.api, "override the device's Android API level")
        ->check(CLI::Range(1, 100));
    app.add_option("--caller", options.caller,
                   "who asks: shell (default, as pm and am run), system, root, or an installed "
                   "package, whose package visibility (V-) and safer-intent rules (S-) apply");
    // Everything else (-a, -c, -d, -n, --es, a trailing URI...) is am's intent syntax.
    app.allow_extras();
}

Result<ResolveRequest> requestFromOptions(const IntentCommandOptions& options) {
    ResolveRequest request;
    if (!options.queryFlags.empty()) {
        // pm parses --query-flags with Integer.decode.
        std::optional<int> flags = decodeJavaInt(options.queryFlags);
        if (!flags) {
            return makeError("--query-flags expects a number such as 0x10000, got '" +
                             options.queryFlags + "'");
        }
        request.queryFlags = *flags;
    }
    if (options.defaultOnly) request.queryFlags |= flags::kMatchDefaultOnly;
    std::optional<ComponentKind> kind = componentKindFromName(options.kind);
    if (!kind) {
        return makeError("--kind expects activity, service, receiver or provider, got '" +
                         options.kind + "'");
    }
    request.kind = *kind;
    return request;
}

std::optional<Device> loadIntentCommandDevice(const char* command,
                                              const IntentCommandOptions& options, Io& io) {
    std::optional<Device> device = loadDeviceForCommand(command, options.device, options.load, io);
    if (!device) return std::nullopt;
    if (options.api != 0) device->apiLevel = options.api;
    // What an image or capture implied goes to stderr: stdout stays byte for byte pm's answer.
    if (!device->inferred.empty()) {
        io.err << "hearth " << command << ": inferred " << device->inferred << "\n";
    }
    return device;
}

PreparedIntent prepareIntentCommand(const char* command, const IntentCommandOptions& options,
                                    const std::vector<std::string>& intentArgs, Io& io) {
    PreparedIntent prepared;
    Result<ResolveRequest> request = requestFromOptions(options);
    if (!request) {
        io.err << "hearth " << command << ": " << request.error().message << "\n";
        prepared.exitCode = kExitUsage;
        return prepared;
    }
    prepared.request = std::move(request).value();

    Result<Intent> intent = parseIntentArgs(intentArgs);
    if (!intent) {
        io.err << "hearth " << command << ": " << intent.error().toString() << "\n";
        prepared.exitCode = kExitUsage;
        return prepared;
    }
    prepared.request.intent = std::move(intent).value();

    std::optional<Device> device = loadIntentCommandDevice(command, options, io);
    if (!device) {
        prepared.exitCode = kExitBadInput;
        return prepared;
    }
    prepared.device = std::move(*device);
    Result<Caller> caller = parseCaller(options.caller, prepared.device);
    if (!caller) {
        io.err << "hearth " << command << ": " << caller.error().toString() << "\n";
        prepared.exitCode = kExitUsage;
        return prepared;
    }
    prepared.request.caller = std::move(caller).value();
    return prepared;
}

int exitCodeFor(ResolveOutcome outcome) {
    switch (outcome) {
        case ResolveOutcome::Activity:
            return kExitOk;
        case ResolveOutcome::Chooser:
            return kExitChooser;
        case ResolveOutcome::None:
            break;
    }
    return kExitNothing;
}

Runner defineIntentCommand(CLI::App& app, Io& io, const char* command, const char* footer,
                           std::function<int(const IntentCommandRun&)> report, ResolveMode mode,
                           int forcedQueryFlags, BatchAnswer batchAnswer) {
    auto options = std::make_shared<IntentCommandOptions>();
    addIntentCommandOptions(app, *options);
    app.footer(footer);
    if (batchAnswer) {
        addBatchOption(app, options->batch);
        app.footer(std::string(footer) + "\n\n" + batchHelp());
    }
    return [options, command, report = std::move(report), mode, forcedQueryFlags,
            batchAnswer = std::move(batchAnswer), &app, &io]() -> int {
        if (!options->batch.empty()) {
            return runBatch(BatchCommand{command, mode, forcedQueryFlags, batchAnswer}, *options,
                            app.remaining(), io);
        }
        PreparedIntent prepared = prepareIntentCommand(command, *options, app.remaining(), io);
        if (prepared.exitCode) return *prepared.exitCode;
        prepared.request.mode = mode;
        prepared.request.queryFlags |= forcedQueryFlags;
        const PackageIndex index(prepared.device);
        std::vector<Rejection> rejections;
        if (options->explain) rejections = index.explain(prepared.request);
        return report(IntentCommandRun{prepared, index, *options,
                                       options->explain ? &rejections : nullptr,
                                       ReportStyle{options->brief, options->components}});
    };
}

}  // namespace hearth::cli

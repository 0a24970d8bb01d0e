#include "intent_command.h"

#include <cctype>
#include <cstdint>
#include <ostream>

namespace hearth::cli {

namespace {

// Integer.decode, as pm parses --query-flags: "0x10000", "#10000", "010" (octal), "65536".
std::optional<int> decodeInteger(const std::string& text) {
    size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
    int base = 10;
    if (text.compare(i, 2, "0x") == 0 || text.compare(i, 2, "0X") == 0) {
        base = 16;
        i += 2;
    } else if (text.compare(i, 1, "#") == 0) {
        base = 16;
        i += 1;
    } else if (text.compare(i, 1, "0") == 0 && i + 1 < text.size()) {
        base = 8;
        i += 1;
    }
    if (i >= text.size()) return std::nullopt;
    int64_t value = 0;
    for (; i < text.size(); ++i) {
        const int c = std::tolower(static_cast<unsigned char>(text[i]));
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        if (c >= 'a' && c <= 'f') digit = 10 + c - 'a';
        if (digit < 0 || digit >= base) return std::nullopt;
        value = value * base + digit;
        if (value > INT64_C(0x7FFFFFFF) + (negative ? 1 : 0)) return std::nullopt;
    }
    return static_cast<int>(negative ? -value : value);
}

}  // namespace

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

PreparedIntent prepareIntentCommand(const char* command, const IntentCommandOptions& options,
                                    const std::vector<std::string>& intentArgs, Io& io) {
    PreparedIntent prepared;
    if (!options.queryFlags.empty()) {
        std::optional<int> flags = decodeInteger(options.queryFlags);
        if (!flags) {
            io.err << "hearth " << command
                   << ": --query-flags expects a number such as 0x10000, got '"
                   << options.queryFlags << "'\n";
            prepared.exitCode = kExitUsage;
            return prepared;
        }
        prepared.request.queryFlags = *flags;
    }
    if (options.defaultOnly) prepared.request.queryFlags |= flags::kMatchDefaultOnly;
    prepared.request.kind = componentKindFromName(options.kind).value_or(ComponentKind::Activity);

    Result<Intent> intent = parseIntentArgs(intentArgs);
    if (!intent) {
        io.err << "hearth " << command << ": " << intent.error().toString() << "\n";
        prepared.exitCode = kExitUsage;
        return prepared;
    }
    prepared.request.intent = std::move(intent).value();

    std::optional<Device> device = loadDeviceForCommand(command, options.device, options.load, io);
    if (!device) {
        prepared.exitCode = kExitBadInput;
        return prepared;
    }
    prepared.device = std::move(*device);
    if (options.api != 0) prepared.device.apiLevel = options.api;
    Result<Caller> caller = parseCaller(options.caller, prepared.device);
    if (!caller) {
        io.err << "hearth " << command << ": " << caller.error().toString() << "\n";
        prepared.exitCode = kExitUsage;
        return prepared;
    }
    prepared.request.caller = std::move(caller).value();
    // What an image or capture implied goes to stderr: stdout stays byte for byte pm's answer.
    if (!prepared.device.inferred.empty()) {
        io.err << "hearth " << command << ": inferred " << prepared.device.inferred << "\n";
    }
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
                           int forcedQueryFlags) {
    auto options = std::make_shared<IntentCommandOptions>();
    addIntentCommandOptions(app, *options);
    app.footer(footer);
    return [options, command, report = std::move(report), mode, forcedQueryFlags, &app,
            &io]() -> int {
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

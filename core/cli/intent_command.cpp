#include "intent_command.h"

#include <hearth/intent_hints.h>
#include <hearth/java_number.h>

#include <cctype>
#include <cstdint>
#include <ostream>
#include <utility>

#include "batch.h"

namespace hearth::cli {

void addIntentCommandOptions(CLI::App& app, IntentCommandOptions& options) {
    app.add_option("DEVICE", options.device,
                   "a device folder, a device.json, or one AndroidManifest.xml or .apk")
        ->required();
    CLI::Option* json = app.add_flag("--json", options.json, "print JSON instead of pm's text");
    app.add_flag("--explain{near}", options.explain,
                 "also say how the candidates are ordered and why the others are not candidates: "
                 "near misses one by one, the rest counted per package; --explain=all lists "
                 "every component")
        ->check(CLI::IsMember({"near", "all"}));
    app.add_option("--why", options.why,
                   "explain only this package or component (PKG or PKG/.Cls): why it is or is "
                   "not a candidate");
    // They shape pm's text; JSON always carries every field, so the pair is refused, never
    // silently ignored.
    app.add_flag("--brief", options.brief, "two lines per result, as pm --brief")->excludes(json);
    app.add_flag("--components", options.components, "only the short component names")
        ->excludes(json);
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

namespace {

// What --why narrows the explanation to.
struct WhySubject {
    std::function<bool(const InstalledPackage&, const Component&)> wanted;
};

// --why PKG or PKG/.Cls, checked against the device: naming what is not there is a usage error
// that says what is (with a did-you-mean), never an empty explanation.
std::optional<WhySubject> parseWhySubject(const char* command, const std::string& text,
                                          const PreparedIntent& prepared, Io& io) {
    const Device& device = prepared.device;
    std::optional<std::string> missing;
    WhySubject subject;
    if (text.find('/') == std::string::npos) {
        missing = describeMissingPackage(device, text);
        subject.wanted = [text](const InstalledPackage& package, const Component&) {
            return package.packageName() == text;
        };
    } else {
        std::optional<ComponentName> name = ComponentName::unflatten(text);
        if (!name) {
            io.err << "hearth " << command << ": --why expects PKG or PKG/.Cls, got '" << text
                   << "'\n";
            return std::nullopt;
        }
        missing = describeMissingComponent(device, *name, prepared.request.kind);
        subject.wanted = [name = *name](const InstalledPackage& package,
                                        const Component& component) {
            return package.packageName() == name.packageName && component.name == name.className;
        };
    }
    if (missing) {
        io.err << "hearth " << command << ": --why '" << text << "': " << *missing << "\n";
        return std::nullopt;
    }
    return subject;
}

}  // namespace

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
            // Batch answers are JSON lines: the text shapes and the one-intent --why would be
            // silently ignored, so they are refused.
            for (const auto& [given, name] :
                 {std::pair{!options->why.empty(), "--why"}, {options->brief, "--brief"},
                  {options->components, "--components"}}) {
                if (!given) continue;
                io.err << "hearth " << command << ": " << name
                       << " does not apply to --batch (each line is answered as --json; "
                          "--explain adds every rejection)\n";
                return kExitUsage;
            }
            return runBatch(BatchCommand{command, mode, forcedQueryFlags, batchAnswer}, *options,
                            app.remaining(), io);
        }
        PreparedIntent prepared = prepareIntentCommand(command, *options, app.remaining(), io);
        if (prepared.exitCode) return *prepared.exitCode;
        prepared.request.mode = mode;
        prepared.request.queryFlags |= forcedQueryFlags;
        const PackageIndex index(prepared.device);
        ExplainStyle explainStyle{options->explain == "all", ""};
        std::vector<Rejection> rejections;
        const bool explaining = !options->explain.empty() || !options->why.empty();
        if (!options->why.empty()) {
            std::optional<WhySubject> subject =
                parseWhySubject(command, options->why, prepared, io);
            if (!subject) return kExitUsage;
            rejections = index.explain(prepared.request, subject->wanted);
            explainStyle = ExplainStyle{true, options->why};
        } else if (explaining) {
            rejections = index.explain(prepared.request);
        }
        const int code = report(IntentCommandRun{prepared, index, *options,
                                                 explaining ? &rejections : nullptr,
                                                 ReportStyle{options->brief, options->components},
                                                 explainStyle});
        // Nothing found for an implicit intent: a term no filter declares is the likely typo. On
        // stderr, so stdout stays pm's answer.
        if (code == kExitNothing && !prepared.request.intent.component) {
            for (const std::string& hint :
                 undeclaredIntentTerms(prepared.device, prepared.request.intent)) {
                io.err << "hearth " << command << ": " << hint << "\n";
            }
        }
        return code;
    };
}

}  // namespace hearth::cli

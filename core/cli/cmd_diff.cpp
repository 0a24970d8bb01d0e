// hearth diff: which intents (and HOME call sites) change their outcome between two devices, or
// between a device and the same device after a change (install, uninstall, patch, API level).

#include <hearth/caller.h>
#include <hearth/device.h>
#include <hearth/device_diff.h>
#include <hearth/home.h>
#include <hearth/install_check.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli.h"
#include "command.h"
#include "device_loading.h"

namespace hearth::cli {
namespace {

constexpr const char* kFooter = R"(The intents compared come from the filters of both devices: each filter's actions, with its
categories (DEFAULT is left to MATCH_DEFAULT_ONLY), times the concrete forms of its data (scheme x
host x path, M-26: '*.example.com' becomes x.example.com, a path prefix itself) and its types;
only intents the filter itself matches are kept. Each is resolved on both sides as 'hearth start'
resolves it (mode Start: MATCH_DEFAULT_ONLY, the App Links rules, W-34, preferred activities; a
chooser is the entries it shows), and HOME at every framework call site as 'hearth home' answers it. A row is an intent whose answer differs: the
activity, the chooser's list, or nothing; with the rule that decided after the change.

Changes (applied to AFTER, or to a copy of BEFORE when AFTER is not given):
  --install FILE      an APK or manifest, installed as a user app (over a package of the same name
                      it is an update and keeps the system flags); refused as Android refuses it
  --uninstall PKG     removes the package
  --patch NAME        'home-first' (the HOME_FIRST framework patch at every call site) or 'stock'
  --api N             the Android API level
  --caller WHO        AFTER starts the intents as this caller (a package, shell, system or root;
                      BEFORE as the shell, as am runs): which links and intents the app cannot
                      see or start (V- visibility, S- safer-intent rules)

Examples:
  hearth diff samples/devices/app-links --install samples/apks/link-hijacker/AndroidManifest.xml
      the links and intents a hijacking app would take over
  hearth diff samples/devices/seed --patch home-first
      what the HOME_FIRST patch changes, call site by call site
  hearth diff samples/devices/callers --caller com.example.notes
      what the notes app reaches differently from the shell (package visibility, exports)
  hearth diff samples/devices/legacy-links --api 31 --json
      what moving the same apps to Android 12 changes, as JSON: {"schemaVersion":1,"before":
      {"name","api"},"after":{...},"compared":N,"changes":[{"intent","site","before":{"outcome",
      "component","chooser","rule","reason"},"after":{...}}]}

Exit codes: 0 nothing changes, 5 something changes (so a build can gate on it), 1 a device or
file cannot be read or a package is refused, 2 usage error.)";

struct DiffOptions {
    std::string before;
    std::string after;
    std::vector<std::string> installs;
    std::vector<std::string> uninstalls;
    std::string patch;
    std::optional<int> api;
    std::string caller;
    bool json = false;
    DeviceLoadFlags load;
};

int usageError(Io& io, const std::string& message) {
    io.err << "hearth diff: " << message << "\n";
    return kExitUsage;
}

// Installs every package of `file` into `device`: an update replaces the package of the same name
// and keeps its system flags; a new package is a user app at the end of the scan order.
bool install(Device& device, const std::string& file, const DeviceLoadFlags& flags, Io& io) {
    std::optional<Device> loaded = loadDeviceForCommand("diff", file, flags, io);
    if (!loaded) return false;
    if (!loaded->skipped.empty() || loaded->packages.empty()) {
        io.err << "hearth diff: '" << file << "' holds no package that installs\n";
        return false;
    }
    for (InstalledPackage& package : loaded->packages) {
        if (std::optional<Error> refusal =
                installRefusal(package.manifest, device.apiLevel, /*checkMinimumTargetSdk=*/true)) {
            io.err << refusal->toString() << "\n";
            io.err << "hearth diff: API " << device.apiLevel << " refuses to install '"
                   << package.packageName() << "'\n";
            return false;
        }
        if (InstalledPackage* existing = device.findPackage(package.packageName())) {
            package.system = existing->system;
            package.privileged = existing->privileged;
            package.updatedSystemApp = existing->privileged;
            *existing = std::move(package);
        } else {
            package.system = false;
            package.privileged = false;
            device.packages.push_back(std::move(package));
        }
    }
    return true;
}

int runDiff(const DiffOptions& options, Io& io) {
    if (options.after.empty() && options.installs.empty() && options.uninstalls.empty() &&
        options.patch.empty() && !options.api && options.caller.empty()) {
        return usageError(io, "nothing to compare: give AFTER, or a change (--install, "
                              "--uninstall, --patch, --api, --caller)");
    }
    std::optional<FrameworkPatch> patch;
    if (!options.patch.empty()) {
        Result<FrameworkPatch> made = makeFrameworkPatch(options.patch, {});
        if (!made) return usageError(io, made.error().message);
        patch = *made;
    }
    if (options.api && (*options.api < 1 || *options.api > 99)) {
        return usageError(io, "--api must be between 1 and 99, got " + std::to_string(*options.api));
    }

    std::optional<Device> before = loadDeviceForCommand("diff", options.before, options.load, io);
    if (!before) return kExitBadInput;
    std::optional<Device> after = options.after.empty()
                                      ? before
                                      : loadDeviceForCommand("diff", options.after, options.load, io);
    if (!after) return kExitBadInput;
    if (options.api) after->apiLevel = *options.api;
    if (patch) after->patch = *patch;
    for (const std::string& name : options.uninstalls) {
        InstalledPackage* package = after->findPackage(name);
        if (package == nullptr) return usageError(io, "--uninstall: no package '" + name + "'");
        package->removed = true;
    }
    for (const std::string& file : options.installs) {
        if (!install(*after, file, options.load, io)) return kExitBadInput;
    }

    DiffCallers callers;
    if (!options.caller.empty()) {
        Result<Caller> caller = parseCaller(options.caller, *after);
        if (!caller) return usageError(io, caller.error().message);
        callers.before = Caller{};  // the shell, as am runs
        callers.after = std::move(caller).value();
    }
    const DeviceDiff diff = diffDevices(*before, *after, callers);
    io.out << (options.json ? renderDiffJson(diff, *before, *after)
                            : renderDiffText(diff, *before, *after));
    return diff.rows.empty() ? kExitOk : kExitChanged;
}

}  // namespace

Runner defineDiff(CLI::App& app, Io& io) {
    auto options = std::make_shared<DiffOptions>();
    app.add_option("BEFORE", options->before,
                   "a device: folder (with or without device.json), device.json, manifest or APK")
        ->required();
    app.add_option("AFTER", options->after, "a second device (default: BEFORE with the changes)");
    app.add_option("--install", options->installs, "install this APK or manifest (repeatable)")
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all();
    app.add_option("--uninstall", options->uninstalls, "remove this package (repeatable)")
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all();
    app.add_option("--patch", options->patch, "'home-first' or 'stock' framework on the AFTER side");
    app.add_option("--api", options->api, "the AFTER side's Android API level");
    app.add_option("--caller", options->caller,
                   "the AFTER side starts the intents as this caller (package, shell, system, "
                   "root); BEFORE as the shell");
    app.add_flag("--json", options->json, "one JSON object instead of text");
    addDeviceLoadOptions(app, options->load);
    app.footer(kFooter);
    return [options, &io]() -> int { return runDiff(*options, io); };
}

}  // namespace hearth::cli

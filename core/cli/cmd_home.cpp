// hearth home: which activity becomes HOME at every framework call site, stock or patched.

#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/home_report.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli.h"
#include "command.h"
#include "framework_src.h"
#include "device_loading.h"

namespace hearth::cli {
namespace {

constexpr const char* kFooter = R"(Call sites (spec section 5):
  boot          system start / nothing left to resume (AMS startHomeActivityLocked; Android 10+:
                ActivityTaskManager home intent)
  home-key      the HOME key (PhoneWindowManager)
  home-key-mid  the HOME key under MidWindowManager (2.x only; 'not present' on later Android)
  recents       which component the recent-apps list hides as home
  is-home       whether the activity started at boot is treated as the home activity

Examples:
  hearth home samples/devices/seed
      every call site with the device's own framework (stock unless device.json patches it)
  hearth home samples/devices/seed --compare
      stock and HOME_FIRST-patched framework side by side
  hearth home samples/devices/seed --patch home-first --json
      the patched framework as JSON: {"schemaVersion":1,"device":{"name","api"},"framework":
      {...},"sites":[{"site":"boot",...}]} (docs/json.md)
  hearth home samples/devices/half-patched --patch-site boot --patch-site is-home
      a half-done patch: boot uses HOME_FIRST, the HOME key still uses HOME
  hearth home samples/devices/modern-provision --storage locked
      direct boot: only directBootAware HOME activities (FallbackHome) qualify

Exit codes:
  0  every call site was analysed (even when the answer is "no home")
  1  the device cannot be read (message on stderr as file:line:col)
  2  usage error)";

struct HomeOptions {
    std::string device;
    std::string patch;
    std::vector<std::string> patchSites;
    bool compare = false;
    bool json = false;
    std::optional<int> api;
    std::string storage;
    std::string setup;
    std::string frameworkSrc;
    DeviceLoadFlags load;
};

int usageError(Io& io, const std::string& message) {
    io.err << "hearth home: " << message << "\n";
    return kExitUsage;
}

int runHome(const HomeOptions& options, Io& io) {
    std::optional<FrameworkPatch> selected;
    if (!options.patch.empty() || !options.patchSites.empty()) {
        auto patch = makeFrameworkPatch(options.patch, options.patchSites);
        if (!patch) return usageError(io, patch.error().message);
        selected = *patch;
    }
    if (options.api && (*options.api < 1 || *options.api > 99)) {
        return usageError(io,
                          "--api must be between 1 and 99, got " + std::to_string(*options.api));
    }
    if (!options.storage.empty() && options.storage != "locked" && options.storage != "unlocked") {
        return usageError(
            io, "--storage expects 'locked' or 'unlocked', got '" + options.storage + "'");
    }
    if (!options.setup.empty() && options.setup != "complete" && options.setup != "in-progress") {
        return usageError(
            io, "--setup expects 'complete' or 'in-progress', got '" + options.setup + "'");
    }

    std::optional<Device> loaded = loadDeviceForCommand("home", options.device, options.load, io);
    if (!loaded) return kExitBadInput;
    Device device = std::move(*loaded);
    if (options.api) device.apiLevel = *options.api;
    if (!options.storage.empty()) device.userUnlocked = options.storage == "unlocked";
    if (!options.setup.empty()) device.userSetupComplete = options.setup == "complete";
    if (!options.frameworkSrc.empty()) {
        // The site report goes to stderr under --json so stdout stays one JSON document.
        std::optional<FrameworkPatch> patch =
            readFrameworkSrc(options.frameworkSrc, options.json ? io.err : io.out, io);
        if (!patch) return kExitBadInput;
        if (!options.json) io.out << "\n";
        device.patch = *patch;
    }

    // The text reports print the MAIN-only rejections as a count: they need not be explained.
    const HomeDetail detail = options.json ? HomeDetail::Full : HomeDetail::MainOnlyCounted;
    if (!options.compare) {
        const HomeReport report = analyzeHome(device, selected.value_or(device.patch), detail);
        io.out << (options.json ? renderHomeJson(report) : renderHomeText(report));
        return kExitOk;
    }
    // --compare: the stock framework against the chosen patch (compareHome's fallbacks apply).
    const HomeComparison comparison = compareHome(device, selected, detail);
    io.out << (options.json ? renderHomeCompareJson(comparison.stock, comparison.patched)
                            : renderHomeCompareText(comparison.stock, comparison.patched));
    return kExitOk;
}

}  // namespace

Runner defineHome(CLI::App& app, Io& io) {
    auto options = std::make_shared<HomeOptions>();
    app.add_option("DEVICE", options->device,
                   "a device: folder (with or without device.json), device.json, manifest or APK")
        ->required();
    app.add_option("--patch", options->patch,
                   "'home-first': every call site uses android.intent.category.HOME_FIRST; "
                   "'stock': none (overrides device.json)");
    app.add_option("--patch-site", options->patchSites,
                   "swap only this call site to HOME_FIRST (repeatable): boot, home-key, "
                   "home-key-mid, recents, is-home")
        ->expected(1)
        ->allow_extra_args(false)
        ->take_all();
    app.add_flag("--compare", options->compare,
                 "stock and patched framework side by side (patched: --patch/--patch-site, else "
                 "the device's patch, else home-first)");
    app.add_flag("--json", options->json, "JSON instead of text");
    addDeviceLoadOptions(app, options->load);
    app.add_option("--api", options->api, "override the device's Android API level");
    app.add_option("--storage", options->storage,
                   "override the storage state: 'locked' (direct boot) or 'unlocked'");
    app.add_option("--setup", options->setup, "override user setup: 'complete' or 'in-progress'");
    addFrameworkSrcOption(app, options->frameworkSrc);
    app.footer(kFooter);
    return [options, &io]() -> int { return runHome(*options, io); };
}

}  // namespace hearth::cli

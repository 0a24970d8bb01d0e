// hearth simulate: a device living through a script of boots, HOME presses, chooser answers and
// installs, showing what is on screen after each step.

#include <hearth/device.h>
#include <hearth/simulate.h>

#include <memory>
#include <ostream>
#include <string>

#include "cli.h"
#include "command.h"
#include "framework_src.h"
#include "device_loading.h"

namespace hearth::cli {
namespace {

constexpr const char* kFooter =
    R"(Script: one step a line; '#' starts a comment; blank lines are fine.
  boot [locked|unlocked]        power on (storage as in device.json unless given) and start home
  reboot [locked|unlocked]      restart; plain 'reboot' restores device.json's storage state
  press-home                    the HOME key (ignored while user setup is in progress, Android 10+)
  choose COMPONENT always|once  answer the chooser on screen ("Always" records a preferred activity)
  install PATH                  install a manifest or APK (path relative to the script)
  uninstall PACKAGE             remove a package (also from the system image)
  disable COMPONENT / enable COMPONENT
  unlock                        the user unlocks credential-encrypted storage
  finish-setup                  USER_SETUP_COMPLETE=1
  patch home-first|stock        swap every call site to HOME_FIRST, or back to stock
  patch-site SITE...            swap only these sites (boot, home-key, home-key-mid, recents, is-home)
  expect COMPONENT | expect chooser COMPONENT... | expect nothing | expect home-ignored |
  expect setup-complete         check the state; a mismatch stops the script with exit code 1
                                (the answer words of 'hearth check'; 'expect screen COMPONENT'
                                and 'expect no-home' are the older spellings)

Examples:
  hearth simulate samples/devices/three-launchers samples/devices/three-launchers/always-then-install.script
  hearth simulate samples/devices/seed samples/devices/seed/remove-stock-launcher.script --json

Exit codes:
  0  every step ran and every expectation held
  1  the device or script cannot be read, a step cannot apply, or an expectation failed
     (message on stderr as script:line:col)
  2  usage error)";

struct SimulateOptions {
    std::string device;
    std::string script;
    bool json = false;
    std::string frameworkSrc;
    DeviceLoadFlags load;
};

int runSimulate(const SimulateOptions& options, Io& io) {
    std::optional<Device> device =
        loadDeviceForCommand("simulate", options.device, options.load, io);
    if (!device) return kExitBadInput;
    if (!options.frameworkSrc.empty()) {
        std::optional<FrameworkPatch> patch =
            readFrameworkSrc(options.frameworkSrc, options.json ? io.err : io.out, io);
        if (!patch) return kExitBadInput;
        if (!options.json) io.out << "\n";
        device->patch = *patch;
    }
    auto script = loadSimulationScript(options.script);
    if (!script) {
        io.err << script.error().toString() << "\n";
        return kExitBadInput;
    }
    const SimulationResult result = runSimulation(std::move(*device), *script);
    io.out << (options.json ? renderSimulationJson(result) : renderSimulationText(result));
    if (result.failure) {
        io.err << result.failure->toString() << "\n";
        return kExitBadInput;
    }
    return kExitOk;
}

}  // namespace

Runner defineSimulate(CLI::App& app, Io& io) {
    auto options = std::make_shared<SimulateOptions>();
    app.add_option("DEVICE", options->device,
                   "a device: folder (with or without device.json), device.json, manifest or APK")
        ->required();
    app.add_option("SCRIPT", options->script, "the script to run")->required();
    app.add_flag("--json", options->json, "JSON instead of text");
    addFrameworkSrcOption(app, options->frameworkSrc);
    addDeviceLoadOptions(app, options->load);
    app.footer(kFooter);
    return [options, &io]() -> int { return runSimulate(*options, io); };
}

}  // namespace hearth::cli

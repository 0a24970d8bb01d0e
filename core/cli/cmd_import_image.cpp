// hearth import image: the device.json a system image tree implies (device-formats 1), written
// beside nothing: the packages reference the APKs where they are.

#include <hearth/device.h>
#include <hearth/device_writer.h>
#include <hearth/system_image.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include "cli.h"
#include "command.h"
#include "device_loading.h"
#include "framework_src.h"
#include "import_state.h"

namespace hearth::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFooter = R"(What is inferred (device-formats 1.1, 1.2):
  system/framework, */priv-app   system + privileged
  */app                          system
  data/app                       user apps (an update of a system package keeps its flags)
  */overlay                      skipped (resources only)
  api                            ro.build.version.sdk of the system partition's build.prop
Both app/X.apk and app/X/X.apk layouts, system/system/ (system-as-root dumps) and split APKs
(merged into their base) are read; a folder without an APK (odex only) is a warning. An APK
that cannot be parsed skips its package, as Android does, with an error line (--strict: exit 1).

Examples:
  hearth import image out/target/product/generic --out mydevice
      writes mydevice/device.json; edit it, then 'hearth home mydevice'
  hearth home out/target/product/generic
      the same inference without writing anything

Exit codes:
  0  device.json written
  1  the tree cannot be read (with --strict: an APK cannot be parsed), or the output cannot
     be written
  2  usage error)";

struct ImportImageOptions {
    std::string root;
    std::string out;
    std::string state;
    std::string frameworkSrc;
    bool force = false;
    bool strict = false;
};

int runImportImage(const ImportImageOptions& options, Io& io) {
    DeviceLoadOptions loadOptions;
    loadOptions.parse.strict = options.strict;
    Result<Device> device = loadSystemImage(options.root, loadOptions);
    if (!device) {
        io.err << device.error().toString() << "\n";
        return kExitBadInput;
    }
    if (!options.frameworkSrc.empty()) {
        std::optional<FrameworkPatch> patch = readFrameworkSrc(options.frameworkSrc, io.out, io);
        if (!patch) return kExitBadInput;
        device->patch = *patch;
    }
    // The state is referenced, not copied: device.json's "state" lays it over the image on load.
    std::string inferred = device->inferred;
    if (!options.state.empty()) {
        std::optional<DeviceState> state = readImportState(options.state, "import image", io);
        if (!state) return kExitBadInput;
        const Device withState = applyDeviceState(*device, *state);
        inferred = withState.inferred;
        device->diagnostics = withState.diagnostics;
    }
    for (const Diagnostic& diagnostic : device->diagnostics) {
        io.err << diagnostic.toString() << "\n";
    }
    printSkippedSummary("import image", *device, io);
    const fs::path outDir(options.out);
    const fs::path target = outDir / "device.json";
    std::error_code ec;
    if (fs::exists(target, ec) && !options.force) {
        io.err << "hearth import image: '" << target.string()
               << "' already exists (--force replaces it)\n";
        return kExitBadInput;
    }
    fs::create_directories(outDir, ec);
    if (ec) {
        io.err << "hearth import image: cannot create '" << outDir.string()
               << "': " << ec.message() << "\n";
        return kExitBadInput;
    }
    DeviceJsonOptions writeOptions;
    writeOptions.outDir = outDir;
    if (!options.state.empty()) writeOptions.stateDir = options.state;
    writeOptions.description = "imported from the image tree '" + options.root + "': " +
                               device->inferred;
    std::vector<std::string> lost;
    const std::string text = renderDeviceJson(*device, writeOptions, lost);
    for (const std::string& what : lost) {
        io.err << "hearth import image: warning: device.json cannot say it: " << what << "\n";
    }
    std::ofstream file(target, std::ios::binary | std::ios::trunc);
    file << text;
    file.close();
    if (!file) {
        io.err << "hearth import image: cannot write '" << target.string() << "'\n";
        return kExitBadInput;
    }
    io.out << "Inferred: " << inferred << "\n";
    io.out << "wrote " << target.string() << " (" << device->packages.size() << " package"
           << (device->packages.size() == 1 ? "" : "s") << ")\n";
    return kExitOk;
}

}  // namespace

Runner defineImportImage(CLI::App& app, Io& io) {
    auto options = std::make_shared<ImportImageOptions>();
    app.add_option("ROOT", options->root,
                   "the tree: out/target/product/<device>, or an extracted image with system/")
        ->required();
    app.add_option("--out", options->out, "folder to write device.json into (created if missing)")
        ->required();
    addImportStateOption(app, options->state);
    addFrameworkSrcOption(app, options->frameworkSrc);
    app.add_flag("--force", options->force, "replace an existing device.json");
    app.add_flag("--strict", options->strict,
                 "fail (exit 1) on an APK that cannot be parsed instead of skipping its package");
    app.footer(kFooter);
    return [options, &io]() -> int { return runImportImage(*options, io); };
}

}  // namespace hearth::cli

#include "device_loading.h"

#include <ostream>

namespace hearth::cli {

void addDeviceLoadOptions(CLI::App& app, DeviceLoadFlags& flags) {
    app.add_flag("--strict", flags.strict,
                 "fail (exit 1) on a package that cannot be parsed or that Android refuses to "
                 "install, and on warnings, instead of loading the rest of the device");
    app.add_flag("--warnings{all}", flags.warnings,
                 "warnings while loading: summary (default: the device.json's own warnings, the "
                 "manifests' counted), all (every one; bare --warnings), none (errors only)")
        ->check(CLI::IsMember({"none", "summary", "all"}));
}

void printSkippedSummary(const char* command, const Device& device, Io& io) {
    if (device.skipped.empty()) return;
    const size_t n = device.skipped.size();
    io.err << "hearth " << command << ": " << n << " package" << (n == 1 ? "" : "s")
           << " not installed (errors above); the rest of the device is loaded (--strict "
              "fails instead)\n";
}

std::optional<Device> loadDeviceForCommand(const char* command, const std::string& path,
                                           const DeviceLoadFlags& flags, Io& io) {
    DeviceLoadOptions options;
    options.parse.strict = flags.strict;
    Result<Device> loaded = loadDevice(path, options);
    if (!loaded) {
        io.err << loaded.error().toString() << "\n";
        return std::nullopt;
    }
    Device& device = *loaded;
    // device.json's own warnings (a disabled component it names that does not exist) are the
    // user's typos: shown unless --warnings=none. The manifests' can number hundreds: counted.
    const std::string deviceFile =
        device.source.extension() == ".json" ? device.source.string() : std::string();
    size_t manifestWarnings = 0;
    for (const Diagnostic& diagnostic : device.diagnostics) {
        const bool own = !deviceFile.empty() && diagnostic.where.file == deviceFile;
        if (diagnostic.severity == Diagnostic::Severity::Error) {
            io.err << diagnostic.toString() << "\n";
        } else if (flags.warnings == "none") {
            continue;
        } else if (own || flags.warnings == "all") {
            io.err << diagnostic.toString() << "\n";
        } else {
            ++manifestWarnings;
        }
    }
    printSkippedSummary(command, device, io);
    if (manifestWarnings > 0) {
        io.err << "hearth " << command << ": " << manifestWarnings << " warning"
               << (manifestWarnings == 1 ? "" : "s")
               << " while loading the device (--warnings shows them)\n";
    }
    return std::move(device);
}

}  // namespace hearth::cli

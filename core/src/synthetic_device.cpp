// Turns a generated device into the model, in memory. Kept apart from synthetic.cpp so that writing
// a device (gen-device) does not pull the manifest parser into programs that only generate.

#include <hearth/manifest.h>
#include <hearth/synthetic.h>

namespace hearth {

Result<Device> buildSyntheticDevice(const SyntheticDevice& synthetic) {
    Device device;
    device.name = synthetic.name;
    device.source = synthetic.name;
    device.apiLevel = 34;
    device.packages.reserve(synthetic.packages.size());
    for (const SyntheticPackage& package : synthetic.packages) {
        Result<Manifest> manifest = parseManifest(package.manifestXml, package.manifestPath);
        if (!manifest) return manifest.error();
        InstalledPackage installed;
        installed.manifest = std::move(manifest).value();
        installed.system = package.system;
        installed.privileged = package.privileged;
        for (const Diagnostic& diagnostic : installed.manifest.diagnostics) {
            device.diagnostics.push_back(diagnostic);
        }
        device.packages.push_back(std::move(installed));
    }
    return device;
}

}  // namespace hearth

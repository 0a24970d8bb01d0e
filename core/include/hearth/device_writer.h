#pragma once
// Writes a Device back as device.json (the schema of samples/devices/README.md), so that what an
// importer inferred (`hearth import image`, `hearth import adb`) becomes a file the user can edit.

#include <filesystem>
#include <string>
#include <vector>

#include <hearth/device.h>

namespace hearth {

struct DeviceJsonOptions {
    /// Where the device.json will be written: manifest paths are made relative to it when they
    /// share a root, else written absolute.
    std::filesystem::path outDir;
    /// The "description" to write (the device's own when empty).
    std::string description;
    /// A `/data/system` folder to reference as "state" (applied on load), or empty.
    std::filesystem::path stateDir;
};

/// device.json text for the device: api, storage and setup state, roles, sysconfig and flags, the
/// flags and state of every package (App Links state, targetSdk, installer, suspended, appId),
/// preferred and persistent preferred activities, the framework patch. Entries device.json cannot
/// express (a filter with two schemes in a preferred entry, split APKs, inline packages) are
/// listed in `lost`.
std::string renderDeviceJson(const Device& device, const DeviceJsonOptions& options,
                             std::vector<std::string>& lost);

}  // namespace hearth

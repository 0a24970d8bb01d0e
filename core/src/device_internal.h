#pragma once
// Private helpers shared by the device loaders (device.cpp, device_json.cpp) and writers
// (device_writer.cpp, adb_import.cpp).

#include <hearth/device.h>
#include <hearth/result.h>

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "file_read.h"
#include "text.h"

namespace hearth::detail {

/// Process.LAST_APPLICATION_UID: app ids run from 0 (root) to 19999.
inline constexpr int kMaxAppId = 19999;

/// A package the device does not install (its manifest failed to parse, or Android refuses it):
/// recorded in device.skipped and as an error diagnostic, or returned as the load's error when
/// `strict` (--strict: fail fast).
[[nodiscard]] Result<void> skipPackage(Device& device, bool strict, std::string packageName,
                                       std::string file, Error error);

/// Skips the package (as skipPackage) when a device of device.apiLevel refuses to install it
/// (installRefusal; the minimum target SDK only when `apiLevelDeclared`: the device says its API
/// level, not Hearth's default). Sets `installed` to whether it stays.
[[nodiscard]] Result<void> checkInstallable(Device& device, bool strict, bool apiLevelDeclared,
                                            const InstalledPackage& package, bool& installed);

/// The device.json roles that Android's role holders (role name -> holders) give (device-formats
/// 1.5): android.app.role.HOME's first holder as "home" (nobody: unset, the H-9 fallback decides);
/// android.app.role.BROWSER's first holder as "browser", or "" when nobody holds it (the user's
/// "None", as "browser": null). Other roles are not modelled.
DeviceRoles deviceRolesOf(const std::map<std::string, std::vector<std::string>>& holders);

/// How a device.json written into `outDir` names `file` (an APK, a state folder): relative when
/// it lies below outDir, else absolute.
std::string deviceJsonPath(const std::string& file, const std::filesystem::path& outDir);

}  // namespace hearth::detail

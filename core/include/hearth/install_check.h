#pragma once
// Install refusals: a manifest Android parses but will not install on a device of a given API
// level (android-modern.md S-1, the minimum installable target SDK of Android 14+). The device
// loader skips such a package and says why; `--strict` fails the load instead.

#include <optional>
#include <string>
#include <vector>

#include <hearth/device.h>
#include <hearth/manifest.h>
#include <hearth/result.h>

namespace hearth {

/// The lowest targetSdk a device of this API level installs (23 on API 34, 24 from API 35), or 0.
int minimumInstallableTargetSdk(int apiLevel);

/// Why a device of this API level refuses to install the package, in Android's words and located
/// at the offending element; nullopt when it installs. `checkMinimumTargetSdk`: apply the minimum
/// installable target SDK — false for a system package (scanned, not installed) and for a device
/// whose API level is Hearth's default rather than declared (a folder of manifests). A manifest
/// that declares no SDK version at all is not blocked for it (Gradle writes one into the APK).
std::optional<Error> installRefusal(const Manifest& manifest, int apiLevel,
                                    bool checkMinimumTargetSdk);

/// A package the device does not install, or would not install as it stands now.
struct InstallRefusal {
    std::string packageName;  ///< empty when the manifest could not be parsed far enough
    std::string file;         ///< the manifest or APK
    Error error;              ///< where, and Android's reason (S-1 and the minimum target SDK)
    bool skippedAtLoad = false;  ///< the load skipped it (Device::skipped); false: it is installed,
                                 ///< but the device's API level or its targetSdk now refuses it
};

/// The device's refusals: what its load skipped (Device::skipped, load order), then each installed
/// package installRefusal refuses at the device's API level as it is now (an edited API level or
/// targetSdk), checking the minimum target SDK as the loader does: only when the device declares
/// its API level (Device::apiLevelDeclared) and not for system packages; inline (captured)
/// packages are never checked, as the loader does not check them. Empty when none.
std::vector<InstallRefusal> installRefusals(const Device& device);

}  // namespace hearth

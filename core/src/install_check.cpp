// Install refusals by API level (android-modern.md S-1; the minimum installable target SDK).
// S-2 (empty <action>/<category> names) is a parse error and fails in the parser already.

#include <hearth/install_check.h>

#include <string>

namespace hearth {

namespace {

// Android 12 (API 31) parses with change MISSING_EXPORTED_FLAG, enabled for targetSdk > 30.
constexpr int kExportedRequiredApi = 31;
constexpr int kExportedRequiredTarget = 31;

bool needsExplicitExported(const Component& component) {
    // Providers are not affected (S-1); an activity-alias is.
    return component.kind != ComponentKind::Provider && !component.filters.empty() &&
           !component.exportedExplicit;
}

// Whether the manifest declares an SDK version at all: a source manifest without one has it
// supplied by its build (Gradle), so the minimum installable target SDK cannot judge it.
bool declaresSdkVersion(const Manifest& manifest) {
    return manifest.targetSdk.has_value() || manifest.minSdk.has_value();
}

}  // namespace

int minimumInstallableTargetSdk(int apiLevel) {
    // Android 14 blocks installing apps that target below 23; Android 15 and 16 below 24.
    if (apiLevel >= 35) return 24;
    if (apiLevel >= 34) return 23;
    return 0;
}

std::optional<Error> installRefusal(const Manifest& manifest, int apiLevel,
                                    bool checkMinimumTargetSdk) {
    const int target = manifest.effectiveTargetSdk();
    if (apiLevel >= kExportedRequiredApi && target >= kExportedRequiredTarget) {
        for (const Component& component : manifest.components) {
            if (!needsExplicitExported(component)) continue;
            // S-1: a deferred parse error that fails the package (E50).
            return makeError(component.where,
                             "INSTALL_PARSE_FAILED_MANIFEST_MALFORMED: " + component.name +
                                 ": Targeting S+ (version 31 and above) requires that an explicit "
                                 "value for android:exported be defined when intent filters are "
                                 "present (S-1)");
        }
    }
    const int minimum = minimumInstallableTargetSdk(apiLevel);
    if (checkMinimumTargetSdk && declaresSdkVersion(manifest) && target < minimum) {
        return makeError(manifest.where,
                         "INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least "
                         "SDK version " +
                             std::to_string(minimum) + ", but found " + std::to_string(target) +
                             " (Android " + std::string(apiLevel >= 35 ? "15" : "14") +
                             "+ refuses to install it)");
    }
    return std::nullopt;
}

std::vector<InstallRefusal> installRefusals(const Device& device) {
    std::vector<InstallRefusal> out;
    for (const SkippedPackage& skipped : device.skipped) {
        out.push_back(InstallRefusal{skipped.packageName, skipped.file, skipped.error, true});
    }
    for (const InstalledPackage& package : device.packages) {
        // A captured package was installed by the device itself: the loader checks none (nor here).
        if (package.removed || package.isInline()) continue;
        std::optional<Error> refusal = installRefusal(
            package.manifest, device.apiLevel, device.apiLevelDeclared && !package.system);
        if (refusal) {
            out.push_back(InstallRefusal{package.packageName(), package.manifest.file,
                                         std::move(*refusal), false});
        }
    }
    return out;
}

}  // namespace hearth

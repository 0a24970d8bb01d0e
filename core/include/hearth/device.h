#pragma once
// Device: the set of installed packages plus the facts a package manager and the home flows need
// (API level, system/privileged flags, component state, preferred activities, framework patch,
// storage and setup state). Loaded from a directory of manifests/APKs, a single manifest, or a
// hand-written device.json (see samples/devices/*/device.json and the README).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/app_links.h>
#include <hearth/component_name.h>
#include <hearth/framework_patch.h>
#include <hearth/intent_filter.h>
#include <hearth/manifest.h>
#include <hearth/result.h>

namespace hearth {

/// A recorded preferred ("Always") or last-chosen ("Just once") activity (spec 4.5, P-4/P-5).
struct PreferredActivity {
    IntentFilter filter;               ///< built from the intent (P-4): action, categories+DEFAULT, ...
    ComponentName component;           ///< the chosen activity
    std::vector<ComponentName> set;    ///< every candidate shown when it was chosen
    int match = 0;                     ///< best match among the candidates, masked (kCategoryMask)
    bool always = true;                ///< false: last-chosen entry, only pre-selects in the chooser
    SourceLocation where;              ///< device.json position, when loaded from one
};

/// What decides whether an installed component is enabled (InstalledPackage::componentState).
enum class ComponentState {
    Enabled,                ///< on, as the manifest declares it
    EnabledByOverride,      ///< on: "enabledComponents" overrides android:enabled="false"
    AppDisabled,            ///< off: the whole application is disabled on the device
    DisabledByOverride,     ///< off: "disabledComponents"
    DisabledInApplication,  ///< off: <application android:enabled="false">
    DisabledInManifest,     ///< off: the component's android:enabled="false"
};

struct InstalledPackage {
    Manifest manifest;
    bool system = false;               ///< on the system image (FLAG_SYSTEM)
    bool privileged = false;           ///< in a privileged partition (priv-app)
    bool updatedSystemApp = false;     ///< a privileged app updated over its system image version
    bool stopped = false;
    bool enabled = true;               ///< whole application enabled state
    bool removed = false;              ///< listed but not installed (kept so a GUI can re-add it)
    bool prioritiesClamped = false;    ///< filter priorities are the device's own, already clamped (dumpsys)
    std::set<std::string> disabledComponents;  ///< fully qualified names, state DISABLED
    std::set<std::string> enabledComponents;   ///< fully qualified names, state ENABLED (overrides manifest)
    std::optional<int> targetSdkOverride;      ///< device.json "targetSdk" (already in manifest)
    std::optional<int> minSdkOverride;         ///< device.json "minSdk" (already in manifest)
    std::optional<int64_t> firstInstallTime;   ///< ms since the epoch (W-25 tie-break)
    AppLinksState appLinks;                    ///< device.json "appLinks" (W-10, W-21, W-22)
    std::optional<std::string> installer;      ///< installerPackageName: the caller sees it (V-8)
    std::optional<std::string> updateOwner;    ///< update owner (V-8, API 34+)
    bool suspended = false;                    ///< suspended for the user (W-23 step 1)
    std::optional<int> appId;                  ///< Linux app id; unset: >= 10000, one per package

    const std::string& packageName() const { return manifest.packageName; }
    /// Its components are inline in a device.json (a capture of what a device has installed),
    /// not read from a manifest: the device installed it, so no install check applies.
    bool isInline() const;
    /// Whether the component is enabled and what decided it (R-8, in PackageUserState.isEnabled
    /// order): the application's state first, then a component override on the device, then the
    /// manifest (<application> and the component's android:enabled). The resolver's refusal
    /// sentence and the explorer's state word both read this one decision.
    ComponentState componentState(const Component& component) const;
    bool isComponentEnabled(const Component& component) const {
        const ComponentState state = componentState(component);
        return state == ComponentState::Enabled || state == ComponentState::EnabledByOverride;
    }
};

/// Sets a package's targetSdkVersion as device.json's "targetSdk" does: the manifest's value,
/// which every rule reads (Manifest::effectiveTargetSdk), and the override a written device.json
/// keeps.
void overrideTargetSdk(InstalledPackage& package, int targetSdk);

/// Device configuration read by the package-visibility rules (V-4) and App Links (W-17, W-31).
struct SystemConfig {
    std::vector<std::string> appLinkPackages;         ///< sysconfig <app-link> packages
    std::vector<std::string> forceQueryablePackages;  ///< config_forceQueryablePackages
    bool systemPackagesQueryable = false;             ///< config_forceSystemPackagesQueryable
};

/// V-9: the target became visible to the caller at run time (it started, bound or used a
/// component of the caller, or granted it a URI permission). Android records the pair; Hearth
/// takes it as state (device.json "implicitVisibility") rather than modelling the triggers.
struct ImplicitVisibility {
    std::string caller;  ///< the package that now sees target
    std::string target;
    SourceLocation where;
};

/// Android 15 aconfig flags of the safer-intent rules (S-6, S-7); both off by default.
struct DeviceFlags {
    bool enforceIntentFilterMatch = false;  ///< android.security.enforce_intent_filter_match
    bool blockNullActionIntents = false;    ///< android.security.block_null_action_intents
};

/// A package the device does not install: Android cannot parse its manifest, or refuses it
/// (S-1, minimum target SDK). The rest of the device loads (unless DeviceLoadOptions::parse.strict).
struct SkippedPackage {
    std::string packageName;  ///< empty when the manifest could not be parsed far enough
    std::string file;         ///< the manifest or APK
    Error error;              ///< where, and Android's reason
};

struct Device {
    std::string name;
    std::string description;               ///< device.json "description": what it demonstrates
    std::filesystem::path source;          ///< directory, manifest or device.json it came from
    int apiLevel = 34;
    /// device.json gives "api" (or the explorer set it): the minimum installable target SDK then
    /// applies (installRefusal); a folder's default API level does not refuse anything for it.
    bool apiLevelDeclared = false;
    std::vector<InstalledPackage> packages;     ///< scan order (resolver ties fall back to it)
    std::vector<PreferredActivity> preferred;   ///< recorded "Always"/"Just once" choices
    std::vector<PreferredActivity> persistentPreferred;  ///< set by system/DPM (P-7)
    FrameworkPatch patch;
    DeviceRoles roles;                     ///< device.json "roles": default browser, HOME holder
    bool userUnlocked = true;              ///< credential-encrypted storage unlocked (H-11)
    bool userSetupComplete = true;         ///< USER_SETUP_COMPLETE / DEVICE_PROVISIONED (H-12, H-14)
    /// What was inferred rather than declared, one line for the header of every answer ("API 29
    /// from system/build.prop; 3 privileged, 12 system, 4 user apps"); empty for device.json.
    std::string inferred;
    std::vector<Diagnostic> diagnostics;   ///< warnings from every manifest and from device.json;
                                           ///< an error for every skipped package
    std::vector<SkippedPackage> skipped;   ///< packages not installed, in load order
    SystemConfig sysconfig;
    DeviceFlags flags;
    std::vector<ImplicitVisibility> implicitVisibility;  ///< V-9 pairs, device.json order

    /// The installed (not removed) package with this name, or nullptr.
    const InstalledPackage* findPackage(std::string_view packageName) const;
    InstalledPackage* findPackage(std::string_view packageName);
    /// The 2.x framework (the H-rules' legacy generation): API 10 (2.3.3) and below; 11 is 3.0.
    bool isLegacy() const { return apiLevel < 11; }
};

struct DeviceLoadOptions {
    /// parse.strict also fails the whole load on the first package that cannot be parsed or that
    /// Android refuses to install; without it such a package is skipped (Device::skipped).
    ParseOptions parse;
    /// Called after each manifest is read: (done, total). May be empty. Always called on the
    /// thread that called loadDevice, in list order.
    std::function<void(size_t, size_t)> progress;
    /// How many threads parse manifests: 0 picks one per core (at most 8); 1 parses on the
    /// caller's thread only. The result is the same whatever the number.
    unsigned threads = 0;
};

/// Loads a device from a directory (device.json inside it wins; then a system image tree, see
/// system_image.h; else every AndroidManifest.xml and *.apk found recursively, sorted by path), a
/// device.json file, or a single manifest/APK.
/// The AndroidManifest.xml and .apk (any case) files below a folder, sorted by path, skipping
/// dot folders and build outputs (build, out, node_modules, build-*, build_*, cmake-build-*);
/// stops one past limits::kMaxPackagesPerDevice. Fails with "DIR: cannot list: reason" when the
/// folder cannot be walked. loadDevice and `hearth dump DIR` both read this set.
[[nodiscard]] Result<std::vector<std::filesystem::path>> findManifestFiles(
    const std::filesystem::path& dir);

[[nodiscard]] Result<Device> loadDevice(const std::filesystem::path& path,
                                        const DeviceLoadOptions& options = {});

/// Parses device.json text; relative manifest paths resolve against baseDir.
[[nodiscard]] Result<Device> parseDeviceJson(std::string_view text, const std::string& sourceName,
                                             const std::filesystem::path& baseDir,
                                             const DeviceLoadOptions& options = {});

}  // namespace hearth

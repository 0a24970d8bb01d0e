#pragma once
// Private to the device.json reader: what a file that reads a group of device.json keys needs from
// the reader (device_json.cpp) — typed reads that fail with file:line:col errors, and the
// locations of keys and values by JSON pointer. Groups of keys live in their own files
// (device_json_app_links.cpp: roles and the per-package keys of the W- rules;
// device_json_callers.cpp: sysconfig, flags and the per-package keys of the V- and S- rules;
// device_json_inline.cpp: packages whose components are written inline).

#include <hearth/device.h>
#include <hearth/result.h>

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "json_positions.h"

namespace hearth::detail {

using Json = nlohmann::json;

/// The reader's typed reads; each fails with "file:line:col: 'key' must be ..., got ...".
class JsonFields {
  public:
    virtual ~JsonFields() = default;
    /// Where the value at a JSON pointer starts.
    virtual SourceLocation valueAt(const std::string& pointer) const = 0;
    /// Where the key of the member at a JSON pointer starts.
    virtual SourceLocation keyAt(const std::string& pointer) const = 0;
    /// Fails on the first key of object not in allowed ("unknown key 'x' in ...; expected ...").
    virtual Result<void> checkKeys(const Json& object, const std::string& pointer,
                                   std::initializer_list<const char*> allowed) const = 0;
    /// Fails unless value is an object.
    virtual Result<void> expectObject(const Json& value, const std::string& pointer) const = 0;
    /// Fails unless value is a list.
    virtual Result<void> expectArray(const Json& value, const std::string& pointer) const = 0;
    /// Reads object[key] when present (true/false).
    virtual Result<void> readBool(const Json& object, const std::string& pointer, const char* key,
                                  bool& out) const = 0;
    /// Reads object[key] when present (a string).
    virtual Result<void> readString(const Json& object, const std::string& pointer,
                                    const char* key, std::string& out) const = 0;
    /// Reads object[key] when present (a whole number in low..high).
    virtual Result<void> readInt(const Json& object, const std::string& pointer, const char* key,
                                 int low, int high, int& out) const = 0;
    /// Reads object[key] when present (a list of strings, appended to out).
    virtual Result<void> readStringList(const Json& object, const std::string& pointer,
                                        const char* key, std::vector<std::string>& out) const = 0;
};

/// "the string \"x\"", "the number 3", "an object"... for "got ..." in errors.
std::string describeJsonValue(const Json& value);

// ---- device_json_app_links.cpp ------------------------------------------------------------------

/// The package keys device_json_app_links.cpp reads (for checkKeys).
#define HEARTH_APP_LINKS_PACKAGE_KEYS \
    "targetSdk", "minSdk", "placeholders", "firstInstallTime", "appLinks"

/// Reads "roles" {browser, home} (H-8, W-14).
[[nodiscard]] Result<void> readRoles(const JsonFields& fields, const Json& value,
                                     const std::string& pointer, DeviceRoles& roles);
/// Reads a package entry's "targetSdk", "minSdk", "placeholders" (into parse), "firstInstallTime"
/// and "appLinks" before its manifest is parsed.
[[nodiscard]] Result<void> readAppLinksPackageKeys(const JsonFields& fields, const Json& entry,
                                                   const std::string& pointer,
                                                   InstalledPackage& package, ParseOptions& parse);
/// After the manifest is parsed: writes "targetSdk"/"minSdk" into the manifest, and drops (with a
/// warning) domain states and selections the package does not declare (W-20), as Android keeps no
/// state for them.
/// A system app in sysconfig <app-link> (device.sysconfig, read before the packages) gets its
/// autoVerify domains system_configured on API 31+ (W-31) and the per-user status ALWAYS on API
/// 23-30 (W-17), unless device.json gives them another state.
void finishAppLinksPackage(InstalledPackage& package, const Device& device,
                           std::vector<Diagnostic>& diagnostics);
/// After every package is read: a host verified (or approved) for one package cannot stay
/// selected by any package whose user allows link handling (W-30); such selections are dropped
/// with a warning, as the device would have dropped them.
void revokeSupersededSelections(Device& device, std::vector<Diagnostic>& diagnostics);
/// After every package is read: warns when a role names no installed package, a browser that does
/// not qualify (W-40), or a HOME holder without a HOME activity.
void checkRoles(const JsonFields& fields, const std::string& pointer, const Device& device,
                std::vector<Diagnostic>& diagnostics);
// ---- device_json_callers.cpp -------------------------------------------------------------------

/// The package keys device_json_callers.cpp reads (for checkKeys).
#define HEARTH_CALLER_PACKAGE_KEYS "installer", "updateOwner", "suspended", "appId"

/// Reads a package entry's "installer", "updateOwner" (V-8), "suspended" and "appId" (V-1, V-3, S-6).
[[nodiscard]] Result<void> readCallerPackageKeys(const JsonFields& fields, const Json& entry,
                                                 const std::string& pointer,
                                                 InstalledPackage& package);
/// Reads "sysconfig" {appLinkPackages, forceQueryablePackages, systemPackagesQueryable} (V-4,
/// W-17).
[[nodiscard]] Result<void> readSysconfig(const JsonFields& fields, const Json& value,
                                         const std::string& pointer, SystemConfig& sysconfig);
/// Reads "implicitVisibility": [{"caller": PKG, "target": PKG}, ...] (V-9).
[[nodiscard]] Result<void> readImplicitVisibility(const JsonFields& fields, const Json& value,
                                                  const std::string& pointer,
                                                  std::vector<ImplicitVisibility>& pairs);
/// Reads "flags" {enforceIntentFilterMatch, blockNullActionIntents} (S-6, S-7 on Android 15).
[[nodiscard]] Result<void> readDeviceFlags(const JsonFields& fields, const Json& value,
                                           const std::string& pointer, DeviceFlags& flags);
/// After every package is read: warns when a sysconfig list or an implicitVisibility pair names a
/// package that is not installed (an "installer" may be a store the device file leaves out), and
/// when <app-link> names an app that is not a system app (W-17: ignored).
void checkCallerKeys(const JsonFields& fields, const Device& device,
                     std::vector<Diagnostic>& diagnostics);

// ---- device_json_inline.cpp ---------------------------------------------------------------------

/// The package keys device_json_inline.cpp reads (for checkKeys): components written inline in
/// `hearth dump --json`'s shape instead of a "manifest" path.
#define HEARTH_INLINE_PACKAGE_KEYS \
    "components", "application", "prioritiesClamped", "packageDerived", "file", "line", "column", \
    "effectiveTargetSdk", "usesPermissions", "queries"

/// Reads the inline manifest of the package entry at `pointer` (it has "components"); the package
/// name is the entry's "package", required here. Locations point into device.json (`file`).
[[nodiscard]] Result<Manifest> readInlineManifest(const JsonFields& fields, const Json& entry,
                                                  const std::string& pointer,
                                                  const std::string& file);

}  // namespace hearth::detail

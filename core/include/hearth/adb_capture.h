#pragma once
// What `adb shell` tells about a phone without root (device-formats §3): `dumpsys package [-f]`,
// `getprop`, `pm list packages`, `dumpsys package preferred-xml --full`, `cmd role
// get-role-holders`, `pm get-app-links` and `cmd package query-activities`. Each reader tolerates
// the drift between Android 7.x and 15 and OEM additions (a line it does not know is skipped, never
// guessed at) and says what the capture lacked. Files are streamed line by line with a byte cap, so
// memory stays bounded whatever the input.

#include <hearth/component_name.h>
#include <hearth/intent_filter.h>
#include <hearth/manifest.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

namespace adb {
/// A capture file read from disk. The largest real one (Fire OS 7 `dumpsys package`) is 2.2 MB;
/// Hearth's guard: 256 MiB, room for a `-f` dump of a device with 10,000 packages.
inline constexpr std::size_t kMaxCaptureBytes = std::size_t{256} << 20;
/// One line of a capture. The longest real line (a `Domains:` list) is under 4 KB; Hearth's
/// guard: 1 MiB.
inline constexpr std::size_t kMaxCaptureLineBytes = std::size_t{1} << 20;
}  // namespace adb

/// One intent filter of a resolver table (`-f`, or a single-package dump): priority and order as
/// the device shows them, that is after clamping (P-1..P-3).
struct DumpsysFilter {
    ComponentName component;
    ComponentKind kind = ComponentKind::Activity;
    IntentFilter filter;
};

/// A component a resolver table names without its filter (a full dump without `-f`).
struct DumpsysComponent {
    ComponentName component;
    ComponentKind kind = ComponentKind::Activity;
};

/// A package's state for one user (the `User N:` line and its component lists).
struct DumpsysUserState {
    int user = 0;
    bool installed = true;
    bool hidden = false;
    bool suspended = false;
    bool stopped = false;
    int enabled = 0;  ///< COMPONENT_ENABLED_STATE_*: 0 default, 1 enabled, 2 disabled, 3 by user, 4 until used
    std::vector<std::string> disabledComponents;  ///< full class names
    std::vector<std::string> enabledComponents;
};

/// One `Package [name]` block of the `Packages:` (or `Hidden system packages:`) section.
struct DumpsysPackage {
    std::string name;
    std::string codePath;
    std::optional<int> minSdk;
    std::optional<int> targetSdk;
    bool system = false;            ///< `flags=[ SYSTEM ... ]`
    bool privileged = false;        ///< `privateFlags=[ ... PRIVILEGED ... ]`
    bool updatedSystemApp = false;  ///< `flags=[ ... UPDATED_SYSTEM_APP ... ]`
    std::optional<int> appId;       ///< `userId=` (Android 9 and before), `appId=` (later)
    std::optional<std::string> installer;  ///< `installerPackageName=`; absent or "null": none
    std::vector<DumpsysUserState> users;
    SourceLocation where;

    /// The state of this user, or nullptr when the dump has none.
    const DumpsysUserState* user(int id) const;
};

/// A `Preferred Activities User N:` entry (or a preferred-xml `<item>`).
struct CapturedPreferred {
    int user = 0;
    ComponentName component;
    std::vector<ComponentName> set;  ///< `Selected from:`
    std::optional<int> match;        ///< `mMatch=`
    std::optional<bool> always;      ///< `mAlways=`
    IntentFilter filter;
    SourceLocation where;
};

/// Android 6-11 App Links state of a package (`App verification status:` and `App linkages for
/// user N:`): status "undefined", "ask", "always", "never" or "always-ask".
struct LegacyLinkState {
    std::string packageName;
    std::vector<std::string> domains;
    std::string status;
    std::optional<int> user;        ///< nullopt: the package's verification status
    std::optional<int64_t> generation;
};

/// Android 12+ domain verification of a package (`Domain verification status:` of dumpsys, or
/// `pm get-app-links`).
struct DomainVerification {
    std::string packageName;
    std::vector<std::pair<std::string, std::string>> domains;  ///< host → state name or code
    struct User {
        int user = 0;
        std::optional<bool> linkHandlingAllowed;
        std::vector<std::string> enabledHosts;   ///< selection state "Enabled:"
        std::vector<std::string> disabledHosts;  ///< selection state "Disabled:"
    };
    std::vector<User> users;
};

/// Everything read from one `dumpsys package` output.
struct DumpsysCapture {
    std::string source;
    std::optional<int> sdkVersion;  ///< `Database versions:` Internal sdkVersion
    std::string fingerprint;
    bool hasResolverTables = false;
    bool hasFilterDetails = false;  ///< some entry carried `filter <hash>`: a `-f` or package dump
    bool hasPackages = false;
    bool hasPreferredSection = false;
    std::vector<DumpsysFilter> filters;          ///< deduplicated by the dump's filter id
    std::vector<DumpsysComponent> components;    ///< named without a filter (no `-f`)
    std::vector<CapturedPreferred> preferred;    ///< deduplicated by the dump's entry id
    std::vector<DumpsysPackage> packages;
    std::vector<DumpsysPackage> hiddenSystemPackages;  ///< originals of updated system apps
    std::vector<LegacyLinkState> legacyLinks;
    std::vector<DomainVerification> domainVerification;
    size_t lines = 0;
    size_t skippedLines = 0;  ///< lines no reader recognised (OEM additions, unread sections)
};

/// Streams a `dumpsys package` output (any Android from 7.0; also a bugreport's `DUMP OF SERVICE
/// package` part). Fails only on what cannot be a capture: a NUL byte ("binary data"), a line over
/// adb::kMaxCaptureLineBytes, more than adb::kMaxCaptureBytes, or no section a dump starts with.
[[nodiscard]] Result<DumpsysCapture> parseDumpsysPackage(std::istream& in,
                                                         const std::string& sourceName);
/// parseDumpsysPackage over text already in memory.
[[nodiscard]] Result<DumpsysCapture> parseDumpsysPackageText(std::string_view text,
                                                             const std::string& sourceName);

/// `getprop` output (`[key]: [value]`, values may span lines) as a map; fails on binary data.
[[nodiscard]] Result<std::map<std::string, std::string>> parseGetprop(
    std::string_view text, const std::string& sourceName);

/// One `pm list packages` line: `package:NAME`, `package:PATH=NAME` (-f, split at the last '='),
/// with an optional ` uid:N` (-U) or ` installer=X` (-i) suffix.
struct PmListEntry {
    std::string name;
    std::string path;  ///< empty without -f
    int line = 0;
};
/// The `package:` lines of a `pm list packages` output; fails on binary data or a `package:` line
/// without a name.
[[nodiscard]] Result<std::vector<PmListEntry>> parsePmList(std::string_view text,
                                                           const std::string& sourceName);

/// `dumpsys package preferred-xml [--full]`: the `<item>`s of `<preferred-activities>` (set,
/// match and always only with --full); fails with file:line:col on malformed XML.
[[nodiscard]] Result<std::vector<CapturedPreferred>> parsePreferredXml(
    std::string_view text, const std::string& sourceName);

/// Role holders: lines `ROLE: holder;holder` as scripts/capture-device writes them. A role whose
/// service is missing ("Can't find service: role", API < 29) is left out; `unavailable` says so.
struct RoleHolders {
    std::map<std::string, std::vector<std::string>> holders;  ///< "android.app.role.HOME" → packages
    bool unavailable = false;
};
/// Reads a role-holders file; fails on binary data or a line that is neither `ROLE: ...` nor a
/// known "role service missing" message.
[[nodiscard]] Result<RoleHolders> parseRoleHolders(std::string_view text,
                                                   const std::string& sourceName);

/// `pm get-app-links [--user U] [PACKAGE]` (Android 12+); fails on binary data.
[[nodiscard]] Result<std::vector<DomainVerification>> parseAppLinks(
    std::string_view text, const std::string& sourceName);

/// One `Activity #i:` of `cmd package query-activities` (brief or full).
struct QueriedActivity {
    ComponentName component;
    int priority = 0;
    int preferredOrder = 0;
    int match = 0;
    bool isDefault = false;
    std::optional<bool> enabled;          ///< full output only (ActivityInfo)
    std::optional<bool> exported;
    std::optional<bool> directBootAware;
};
/// `cmd package query-activities` output ("No activities found" is an empty list); fails on
/// binary data or an `Activity #i:` without a priority line or component.
[[nodiscard]] Result<std::vector<QueriedActivity>> parseQueryActivities(
    std::string_view text, const std::string& sourceName);

/// Reads a capture file whole, refusing more than adb::kMaxCaptureBytes and binary data with an
/// exact message ("'dumpsys.txt' holds binary data (a NUL byte at line 1), not 'getprop' text").
[[nodiscard]] Result<std::string> readCaptureFile(const std::filesystem::path& path,
                                                  std::string_view what);
/// Opens and streams a `dumpsys package` file (bounded memory whatever its size).
[[nodiscard]] Result<DumpsysCapture> readDumpsysPackage(const std::filesystem::path& path);

}  // namespace hearth

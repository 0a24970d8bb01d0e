#pragma once
// /data/system state (device-formats 2): packages.xml and users/0/package-restrictions.xml, as
// the text XML of Android 2.x-11 or the ABX of Android 12+ (read through abx.h). What a rooted
// phone, an emulator or a forensic image knows that the APKs do not: which packages are system,
// privileged or updated, per-user package and component state, preferred and persistent preferred
// activities, the default browser (6-9) and domain verification.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/device.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

/// One package as packages.xml and package-restrictions.xml record it (absent = not recorded).
struct PackageStateEntry {
    std::string name;
    std::string codePath;
    std::optional<bool> system;            ///< flags / publicFlags bit 0x1
    std::optional<bool> privileged;        ///< privateFlags 0x8, or a priv-app codePath
    bool updatedSystemApp = false;         ///< an <updated-package> names it
    std::optional<bool> installed;         ///< <pkg inst>
    std::optional<bool> stopped;           ///< <pkg stopped>
    std::optional<bool> hidden;            ///< <pkg hidden>
    std::optional<int> enabledState;       ///< COMPONENT_ENABLED_STATE_*: 0..4
    std::set<std::string> disabledComponents;
    std::set<std::string> enabledComponents;
    std::optional<int> domainVerificationStatus;  ///< 6-11: 0 undefined .. 4 always-ask
    SourceLocation where;
};

/// Android 12+ domain verification of one package (packages.xml <domain-verifications>).
struct DomainVerificationEntry {
    std::string packageName;
    std::map<std::string, int> hostStates;     ///< host -> DomainVerificationState code
    std::set<std::string> userEnabledHosts;    ///< user 0's <enabled-hosts>
    std::optional<bool> allowLinkHandling;     ///< user 0's allowLinkHandling
};

struct DeviceState {
    std::optional<int> apiLevel;               ///< <version sdkVersion> / <last-platform-version>
    std::vector<PackageStateEntry> packages;   ///< packages.xml order; restrictions merged in
    std::vector<PreferredActivity> preferred;
    std::vector<PreferredActivity> persistentPreferred;
    bool preferredRecorded = false;            ///< a <preferred-activities> list was read
    bool persistentRecorded = false;           ///< a <persistent-preferred-activities> was read
    std::optional<std::string> defaultBrowser;  ///< <default-apps><default-browser> (6-9)
    std::optional<std::string> defaultDialer;   ///< <default-apps><default-dialer> (7-9)
    std::vector<DomainVerificationEntry> domainVerification;
    /// roles.xml (Android 10+): each <role>'s holders in file order, empty when nobody holds it.
    std::map<std::string, std::vector<std::string>> roleHolders;
    std::map<std::string, SourceLocation> roleLocations;  ///< each <role> element
    std::vector<std::string> filesRead;        ///< each file, with "(ABX)" when it was binary
    std::vector<Diagnostic> diagnostics;       ///< unknown values, preferred entries skipped

    /// The entry of a package, or nullptr.
    const PackageStateEntry* find(std::string_view packageName) const;
};

/// Reads packages.xml (text or ABX) into state; fails with "file:line:col: message" on XML that
/// does not parse or a root other than <packages>. Unknown tags and attributes are skipped.
[[nodiscard]] Result<DeviceState> parsePackagesXml(std::string_view bytes, const std::string& sourceName,
                                                   DeviceState state = {});

/// Reads one user's package-restrictions.xml (text or ABX) into state, as parsePackagesXml.
[[nodiscard]] Result<DeviceState> parsePackageRestrictions(std::string_view bytes,
                                                           const std::string& sourceName,
                                                           DeviceState state = {});

/// Reads user 0's roles.xml (text or ABX, Android 10+) into state: every role's holders. Fails as
/// parsePackagesXml does, on a root other than <roles>.
[[nodiscard]] Result<DeviceState> parseRolesXml(std::string_view bytes,
                                                const std::string& sourceName,
                                                DeviceState state = {});

/// Reads a /data/system folder: packages.xml (else packages-backup.xml),
/// users/0/package-restrictions.xml (else the folder's own package-restrictions.xml, Android 3-4.1)
/// and user 0's roles.xml (device-formats 1.5: misc_de/0/apexdata/com.android.permission/ of 11+,
/// below the folder or beside it as in /data; users/0/ of 10; or beside packages.xml).
/// Fails when none of them exists or one cannot be read.
[[nodiscard]] Result<DeviceState> readDeviceState(const std::filesystem::path& dir);

/// The device with the state laid over it: flags, per-user package and component state, preferred
/// and persistent preferred activities, the HOME and BROWSER role holders unless the device names
/// its own. Warnings (packages with state but no APK, an API level or a role holder that differs)
/// are added to Device::diagnostics and a summary to Device::inferred.
Device applyDeviceState(Device device, const DeviceState& state);

}  // namespace hearth

#pragma once
// The caller of a resolution (android-modern.md §3, §4, §5.1): who asks (an app, the shell as
// pm/am run, the system server, root), its app id and targetSdk, and which packages an app may see
// (package visibility, V-1..V-9). The rules that remove candidates by caller are in
// caller_rules.h. Pure: no I/O.

#include <hearth/device.h>
#include <hearth/manifest.h>
#include <hearth/result.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// Well-known Linux app ids (android.os.Process).
namespace app_id {
inline constexpr int kRoot = 0;
inline constexpr int kSystem = 1000;
inline constexpr int kShell = 2000;
inline constexpr int kFirstApplication = 10000;
}  // namespace app_id

enum class CallerKind { Shell, System, Root, Package };

/// Who calls queryIntentActivities / startActivity.
struct Caller {
    CallerKind kind = CallerKind::Shell;  ///< pm and am run as the shell
    std::string packageName;              ///< CallerKind::Package only
};

/// "shell", "system", "root", or the package name.
std::string callerName(const Caller& caller);

/// Reads --caller: "shell", "system", "root", or an installed package of the device.
[[nodiscard]] Result<Caller> parseCaller(std::string_view text, const Device& device);

/// A package's app id: device.json "appId", else 1000 for the platform package "android", else a
/// distinct application id (10000 + its index on the device).
int appIdOf(const InstalledPackage& package, const Device& device);

/// The caller's app id: 0 root, 1000 system, 2000 shell, appIdOf for a package.
int callerAppId(const Caller& caller, const Device& device);

/// The caller's targetSdk: a package's effective targetSdk (its manifest); the shell's, the
/// system's and root's is the device's API level (S-3).
int callerTargetSdk(const Caller& caller, const Device& device);

/// S-3: only root and the system (app id 0 or 1000) bypass the export and filter checks.
bool bypassesSaferIntentRules(const Caller& caller, const Device& device);

/// Whether and why a target package is visible to the caller (V-1..V-9).
struct Visibility {
    bool visible = true;
    std::string rule;    ///< "V-1", "V-2", ... the rule that decided
    std::string reason;  ///< one sentence naming caller and target
};

/// V-1/V-2: whether the caller's queries are visibility-filtered at all (nullopt: filtered), or
/// the verdict that makes every package visible to it.
std::optional<Visibility> unfilteredCaller(const Caller& caller, const Device& device);

/// V-1..V-9 for one target package (first matching rule wins).
Visibility packageVisibility(const Caller& caller, const InstalledPackage& target,
                             const Device& device);

/// V-6: whether a <queries><intent> probe matches an exported component of the target
/// (IntentFilter.match in wildcard mode), and the component when it does.
std::optional<std::string> queriesIntentMatch(const QueriesIntent& probe,
                                              const InstalledPackage& target);

}  // namespace hearth

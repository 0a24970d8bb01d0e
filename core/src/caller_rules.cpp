// The caller model (android-modern.md §5.1: the caller of each request) and the safer-intent rules
// that remove candidates by caller (S-3..S-8), with visibility (V-10, V-12) in their place in the
// query pipeline (W-3).

#include <hearth/caller_rules.h>
#include <hearth/suggest.h>

#include <algorithm>
#include <string>

namespace hearth {

namespace {

constexpr int kFilterMatchApi = 33;        // S-6: Android 13 and 14, target-keyed
constexpr int kFilterMatchCallerApi = 35;  // S-6: Android 15, caller-keyed behind a flag
constexpr int kExportedOnlyApi = 34;       // S-4: Android 14, caller targetSdk >= 34
constexpr int kNullActionApi = 35;         // S-7: Android 15, behind a flag

std::string shortName(const ResolveInfo& info) { return info.component.flattenToShortString(); }

std::string singleQuoted(std::string_view text) { return "'" + std::string(text) + "'"; }

int targetAppTargetSdk(const ResolveInfo& info) {
    return info.package ? info.package->manifest.effectiveTargetSdk() : 0;
}

bool matchesAnyFilter(const Component& component, const Intent& intent) {
    // IntentFilter.match without MATCH_DEFAULT_ONLY: a null action passes the action test (M-2).
    return std::any_of(component.filters.begin(), component.filters.end(),
                       [&](const IntentFilter& filter) { return filter.match(intent) > 0; });
}

// S-6 (and S-8 for a selector's original): why the explicit target is blocked, or nullopt.
std::optional<std::string> filterMismatch(const Device& device, const Caller& caller,
                                          const Intent& intent, const ResolveInfo& info,
                                          const char* rule) {
    if (!info.info || !info.package || info.info->filters.empty()) return std::nullopt;
    if (callerAppId(caller, device) == appIdOf(*info.package, device)) return std::nullopt;
    if (matchesAnyFilter(*info.info, intent)) return std::nullopt;
    const int api = device.apiLevel;
    const std::string base =
        "'" + shortName(info) + "' has intent filters and none matches " +
        (std::string(rule) == "S-8" ? "the selector intent's original" : "the explicit intent");
    if (api >= kFilterMatchCallerApi) {
        if (!device.flags.enforceIntentFilterMatch) return std::nullopt;
        return base + "; Android 15 blocks it because the device enables enforceIntentFilterMatch";
    }
    if (api >= kFilterMatchApi && targetAppTargetSdk(info) >= kFilterMatchApi) {
        return base + "; Android 13/14 block it because '" + info.component.packageName +
               "' targets API " + std::to_string(targetAppTargetSdk(info));
    }
    return std::nullopt;
}

bool hasFilters(const ResolveInfo& info) { return info.info && !info.info->filters.empty(); }

}  // namespace

std::string callerName(const Caller& caller) {
    switch (caller.kind) {
        case CallerKind::Shell:
            return "shell";
        case CallerKind::System:
            return "system";
        case CallerKind::Root:
            return "root";
        case CallerKind::Package:
            break;
    }
    return caller.packageName;
}

Result<Caller> parseCaller(std::string_view text, const Device& device) {
    if (text == "shell") return Caller{CallerKind::Shell, {}};
    if (text == "system") return Caller{CallerKind::System, {}};
    if (text == "root") return Caller{CallerKind::Root, {}};
    if (text.empty() || !device.findPackage(text)) {
        std::vector<std::string_view> names = {"shell", "system", "root"};
        for (const InstalledPackage& package : device.packages) {
            if (!package.removed) names.push_back(package.packageName());
        }
        const std::optional<std::string_view> meant = nearestName(text, names, 3);
        return makeError(
            "--caller expects shell, system, root or a package installed on the "
            "device, got '" +
            std::string(text) + "'" +
            (meant ? "; did you mean '" + std::string(*meant) + "'?" : ""));
    }
    return Caller{CallerKind::Package, std::string(text)};
}

int appIdOf(const InstalledPackage& package, const Device& device) {
    if (package.appId) return *package.appId;
    if (package.packageName() == "android") return app_id::kSystem;
    for (size_t i = 0; i < device.packages.size(); ++i) {
        if (&device.packages[i] == &package) {
            return app_id::kFirstApplication + static_cast<int>(i);
        }
    }
    return app_id::kFirstApplication + static_cast<int>(device.packages.size());
}

int callerAppId(const Caller& caller, const Device& device) {
    switch (caller.kind) {
        case CallerKind::Root:
            return app_id::kRoot;
        case CallerKind::System:
            return app_id::kSystem;
        case CallerKind::Shell:
            return app_id::kShell;
        case CallerKind::Package:
            break;
    }
    const InstalledPackage* package = device.findPackage(caller.packageName);
    return package ? appIdOf(*package, device) : app_id::kFirstApplication;
}

int callerTargetSdk(const Caller& caller, const Device& device) {
    if (caller.kind != CallerKind::Package) return device.apiLevel;
    const InstalledPackage* package = device.findPackage(caller.packageName);
    return package ? package->manifest.effectiveTargetSdk() : device.apiLevel;
}

bool bypassesSaferIntentRules(const Caller& caller, const Device& device) {
    const int appId = callerAppId(caller, device);
    return appId == app_id::kRoot || appId == app_id::kSystem;
}

std::vector<CandidateVerdict> applyVisibility(const Device& device, const Caller& caller,
                                              const Intent& original,
                                              std::vector<ResolveInfo>& candidates) {
    std::vector<CandidateVerdict> removed;
    if (unfilteredCaller(caller, device)) return removed;
    const Intent& effective = !original.component && original.selector ? *original.selector
                                                                         : original;
    const char* rule = effective.component || effective.package ? "V-12" : "V-10";
    std::vector<ResolveInfo> kept;
    for (ResolveInfo& info : candidates) {
        if (info.package) {
            const Visibility visibility = packageVisibility(caller, *info.package, device);
            if (!visibility.visible) {
                removed.push_back(CandidateVerdict{info.component, false, rule, visibility.reason});
                continue;
            }
        }
        kept.push_back(std::move(info));
    }
    candidates = std::move(kept);
    return removed;
}

std::vector<CandidateVerdict> applyCallerRules(const Device& device, const Caller& caller,
                                               ResolveMode mode, const Intent& original,
                                               std::vector<ResolveInfo>& candidates) {
    std::vector<CandidateVerdict> removed;
    const auto removeIf = [&](auto why) {
        std::vector<ResolveInfo> kept;
        for (ResolveInfo& info : candidates) {
            if (std::optional<std::pair<std::string, std::string>> reason = why(info)) {
                removed.push_back(
                    CandidateVerdict{info.component, false, reason->first, reason->second});
            } else {
                kept.push_back(std::move(info));
            }
        }
        candidates = std::move(kept);
    };
    const bool exempt = bypassesSaferIntentRules(caller, device);
    const bool explicitIntent = original.component.has_value();
    const bool viaSelector = !explicitIntent && original.selector != nullptr;
    const Intent& effective = viaSelector ? *original.selector : original;
    const std::string who = singleQuoted(callerName(caller));

    // S-6 (explicit) and S-8 (a selector's original intent): the filters must match.
    if (!exempt && (explicitIntent || viaSelector || effective.component)) {
        const char* rule = viaSelector ? "S-8" : "S-6";
        removeIf(
            [&](const ResolveInfo& info) -> std::optional<std::pair<std::string, std::string>> {
                if (std::optional<std::string> why =
                        filterMismatch(device, caller, original, info, rule)) {
                    return std::pair{std::string(rule), *why};
                }
                return std::nullopt;
            });
    }
    // S-7: an implicit intent without an action on Android 15 with the flag on.
    if (!exempt && !effective.component && !effective.action && device.apiLevel >= kNullActionApi &&
        device.flags.blockNullActionIntents) {
        removeIf(
            [&](const ResolveInfo& info) -> std::optional<std::pair<std::string, std::string>> {
                if (!hasFilters(info)) return std::nullopt;
                return std::pair{std::string("S-7"),
                                 "the intent has no action and '" + shortName(info) +
                                     "' declares intent filters; the device enables "
                                     "blockNullActionIntents"};
            });
    }
    // V-10 / V-12: a query sees only the packages visible to the caller; starts are not filtered
    // (V-11).
    if (mode == ResolveMode::Query) {
        for (CandidateVerdict& verdict : applyVisibility(device, caller, original, candidates)) {
            removed.push_back(std::move(verdict));
        }
    }
    // S-4: an implicit start (no package, no component) keeps only exported activities when the
    // caller targets API 34+ on Android 14+, the caller's own included.
    if (mode == ResolveMode::Start && !exempt && !original.component && !original.package &&
        !effective.component && !effective.package && device.apiLevel >= kExportedOnlyApi &&
        callerTargetSdk(caller, device) >= kExportedOnlyApi) {
        removeIf(
            [&](const ResolveInfo& info) -> std::optional<std::pair<std::string, std::string>> {
                if (!info.info || info.info->exported) return std::nullopt;
                return std::pair{
                    std::string("S-4"),
                    "'" + shortName(info) + "' is not exported and " + who + " targets API " +
                        std::to_string(callerTargetSdk(caller, device)) +
                        ": Android 14+ leaves non-exported activities out of an implicit "
                        "start"};
            });
    }
    return removed;
}

std::string describeCaller(const Caller& caller, const Device& device, ResolveMode mode) {
    std::string out = "caller " + singleQuoted(callerName(caller)) + " (app id " +
                      std::to_string(callerAppId(caller, device)) + ", targetSdk " +
                      std::to_string(callerTargetSdk(caller, device)) + "): ";
    if (mode == ResolveMode::Start) {
        out += "a start is not visibility-filtered (V-11)";
    } else if (std::optional<Visibility> all = unfilteredCaller(caller, device)) {
        out += all->reason + " (" + all->rule + ")";
    } else {
        out += "a query sees only the packages V-3..V-9 make visible to it (V-10, V-12)";
    }
    out += bypassesSaferIntentRules(caller, device)
               ? "; exempt from the export and filter checks (S-3)"
               : "; the export and filter checks apply by API level (S-3..S-8)";
    return out;
}

std::optional<std::string> startDenial(const Device& device, const Caller& caller,
                                       const Intent& intent, const ResolveInfo& chosen) {
    if (!chosen.info || !chosen.package || chosen.info->exported) return std::nullopt;
    if (bypassesSaferIntentRules(caller, device)) return std::nullopt;
    const int callerId = callerAppId(caller, device);
    const int targetId = appIdOf(*chosen.package, device);
    if (callerId == targetId) return std::nullopt;
    // ActivityTaskSupervisor.checkStartAnyActivityPermission (S-5). Android also prints the
    // caller's pid, which an offline device does not have.
    return "Permission Denial: starting Intent { " + intent.toShortString() + " } from " +
           (caller.kind == CallerKind::Package ? caller.packageName : std::string("null")) +
           " (uid=" + std::to_string(callerId) + ") not exported from uid " +
           std::to_string(targetId);
}

std::optional<std::string> suspendedStart(const Device& device, const ResolveInfo& chosen) {
    if (!chosen.package || !chosen.package->suspended) return std::nullopt;
    const std::string name = singleQuoted(chosen.component.packageName);
    if (device.apiLevel >= 28) {
        return name +
               " is suspended: Android shows "
               "android/com.android.internal.app.SuspendedAppActivity (\"App isn't "
               "available\") in its place";
    }
    return name + " is suspended: Android shows Settings' admin support dialog in its place";
}

}  // namespace hearth

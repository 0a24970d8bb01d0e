#include <hearth/home.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string_view>
#include <unordered_map>

#include "package_index_internal.h"
#include "text.h"

namespace hearth {
namespace {

constexpr const char* kSettingsPackage = "com.android.settings";
constexpr int kFallbackHomePriority = -1000;  // H-11
constexpr const char* kProvisionPackage = "com.android.provision";

// Android 10..13 resolve the home intent without MATCH_DEFAULT_ONLY; 14+ route it through
// ActivityTaskSupervisor.resolveIntent, which adds it; before 10, AMS used resolveActivityInfo,
// which adds it too (H-2, section 5.7).
constexpr int kFirstApiWithoutDefaultOnly = 29;
constexpr int kFirstApiWithDefaultOnlyAgain = 34;
// Android 10 replaced PhoneWindowManager's own mHomeIntent with ATMS's home intent (H-14, H-15).
constexpr int kFirstApiWithTaskManagerHome = 29;
// Android 5 compares the whole candidate set with a preferred entry's set (P-8).
constexpr int kFirstApiWithWholeChooserSet = 21;
// 2.3 renamed HistoryRecord to ActivityRecord and compared the class with the ResolverActivity's.
constexpr int kFirstApiComparingResolverClass = 9;

using text::shortCategory;

Intent makeHomeIntent(const std::string& category, int intentFlags) {
    Intent intent;
    intent.action = names::kActionMain;
    intent.categories = {category};
    intent.flags = intentFlags;
    return intent;
}

const Component* findComponent(const Device& device, const ComponentName& name) {
    const InstalledPackage* package = device.findPackage(name.packageName);
    if (package == nullptr) return nullptr;
    return package->manifest.findComponent(name.className);
}

bool componentListsCategory(const Component& component, std::string_view category) {
    return std::any_of(component.filters.begin(), component.filters.end(),
                       [&](const IntentFilter& f) { return f.hasCategory(category); });
}

bool componentDeclaresHome(const Component& component) {
    return componentListsCategory(component, names::kCategoryHome) ||
           componentListsCategory(component, names::kCategoryHomeFirst);
}

bool componentDeclaresMain(const Component& component) {
    return std::any_of(component.filters.begin(), component.filters.end(),
                       [](const IntentFilter& f) { return f.hasAction(names::kActionMain); });
}

HomeCandidate describeCandidate(const PackageIndex& index, const ResolveInfo& info,
                                bool defaultOnly) {
    HomeCandidate candidate;
    candidate.component = info.component;
    candidate.candidate = true;
    candidate.priority = info.priority;
    candidate.declaredPriority = info.declaredPriority;
    candidate.isDefault = info.isDefault;
    candidate.match = info.match;
    if (info.info != nullptr) candidate.declaresHome = componentDeclaresHome(*info.info);
    if (info.filter != nullptr) {
        candidate.where = info.filter->where;
    } else if (info.info != nullptr) {
        candidate.where = info.info->where;
    }
    std::string reason =
        "matches (" + matchCodeName(info.match) + "), priority " + std::to_string(info.priority);
    if (info.declaredPriority != info.priority && info.package && info.info && info.filter) {
        reason += " (" + index.priorityNote(*info.package, *info.info, *info.filter) + ")";
    }
    if (info.isDefault) {
        reason += ", has DEFAULT";
    } else if (!defaultOnly) {
        reason +=
            ", no DEFAULT: accepted because this site resolves without MATCH_DEFAULT_ONLY (H-2)";
    }
    candidate.reason = reason;
    return candidate;
}

// The activities that declare MAIN but not HOME or HOME_FIRST and are not among `results` nor
// `explained`, in the order explain() would give them, named but not explained (the part of them
// HomeDetail leaves unexplained).
std::vector<HomeCandidate> unexplainedMainOnly(
    const Device& device, const std::vector<ResolveInfo>& results,
    const std::vector<HomeCandidate>& explained,
    const std::unordered_map<std::string_view, const InstalledPackage*>& installed) {
    std::vector<HomeCandidate> out;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed) continue;
        for (const Component& component : package.manifest.components) {
            if (!index_detail::isActivityKind(component.kind)) continue;
            if (componentDeclaresHome(component) || !componentDeclaresMain(component)) continue;
            ComponentName name{package.packageName(), component.name};
            if (std::any_of(results.begin(), results.end(),
                            [&](const ResolveInfo& info) { return info.component == name; }) ||
                std::any_of(explained.begin(), explained.end(),
                            [&](const HomeCandidate& done) { return done.component == name; })) {
                continue;
            }
            // Judged as the explained list judges a rejection: by the component its name finds.
            const auto holder = installed.find(name.packageName);
            if (holder == installed.end()) continue;
            const Component* named = holder->second->manifest.findComponent(name.className);
            if (named == nullptr || componentDeclaresHome(*named) ||
                !componentDeclaresMain(*named)) {
                continue;
            }
            HomeCandidate candidate;
            candidate.component = std::move(name);
            out.push_back(std::move(candidate));
        }
    }
    return out;
}

std::vector<HomeCandidate> describeCandidates(const Device& device, const PackageIndex& index,
                                              const Intent& intent, int queryFlags,
                                              const std::vector<ResolveInfo>& results,
                                              HomeDetail detail) {
    const bool defaultOnly = (queryFlags & flags::kMatchDefaultOnly) != 0;
    std::vector<HomeCandidate> out;
    for (const ResolveInfo& info : results)
        out.push_back(describeCandidate(index, info, defaultOnly));

    // Only components that look like they wanted to be home (or at least a MAIN entry point) are
    // worth listing; the rest of the device is noise for this question.
    std::vector<HomeCandidate> homeLike;
    std::vector<HomeCandidate> mainOnly;
    // explain() names every activity of the device that missed; looking each up with
    // Device::findPackage (a linear scan) made this quadratic: 3.9 s of CPU for `hearth home` on a
    // 10,000-package device (issue 7). A map built once keeps findPackage's answer (the first
    // installed package of that name).
    std::unordered_map<std::string_view, const InstalledPackage*> installed;
    installed.reserve(device.packages.size());
    for (const InstalledPackage& package : device.packages) {
        if (!package.removed) installed.emplace(package.packageName(), &package);
    }
    // Only activities that declare HOME or MAIN are reported, so only they are explained: on a
    // 10,000-package device the rest cost a filter match and a sentence each (issue 14); of those
    // that declare MAIN only, the first detail.explainedMainOnly.
    size_t mainOnlyAsked = 0;
    const auto homeOrMain = [&](const InstalledPackage&, const Component& component) {
        if (componentDeclaresHome(component)) return true;
        if (!componentDeclaresMain(component) || mainOnlyAsked >= detail.explainedMainOnly) {
            return false;
        }
        ++mainOnlyAsked;
        return true;
    };
    for (const Rejection& rejection :
         index.explain(ResolveRequest{intent, queryFlags, ComponentKind::Activity,
                                    ResolveMode::Query},
                      homeOrMain)) {
        if (rejection.kind != ComponentKind::Activity &&
            rejection.kind != ComponentKind::ActivityAlias) {
            continue;
        }
        const auto package = installed.find(rejection.component.packageName);
        if (package == installed.end()) continue;
        const Component* component =
            package->second->manifest.findComponent(rejection.component.className);
        if (component == nullptr) continue;
        const bool declaresHome = componentDeclaresHome(*component);
        if (!declaresHome && !componentDeclaresMain(*component)) continue;
        HomeCandidate candidate;
        candidate.component = rejection.component;
        candidate.declaresHome = declaresHome;
        candidate.rule = rejection.rule;
        candidate.reason = rejection.reason;
        candidate.where = rejection.filter != nullptr ? rejection.filter->where : component->where;
        (declaresHome ? homeLike : mainOnly).push_back(std::move(candidate));
    }
    if (mainOnlyAsked >= detail.explainedMainOnly) {
        std::vector<HomeCandidate> rest = unexplainedMainOnly(device, results, mainOnly, installed);
        mainOnly.insert(mainOnly.end(), std::make_move_iterator(rest.begin()),
                        std::make_move_iterator(rest.end()));
    }
    out.insert(out.end(), homeLike.begin(), homeLike.end());
    out.insert(out.end(), mainOnly.begin(), mainOnly.end());
    return out;
}

// The ResolverActivity runs its own MATCH_DEFAULT_ONLY query and shows chooserEntries() of it;
// "Always" records the set it was given (P-5): before Android 5 the list shown (sameSet compares
// only top-priority candidates, P-8), later the whole original query (so a lower-priority
// FallbackHome is part of the set).
struct ChooserView {
    std::vector<ComponentName> shown;
    std::vector<ComponentName> set;
    int bestMatch = 0;
};

ChooserView chooserView(const Device& device, const PackageIndex& index, const Intent& intent) {
    ChooserView view;
    const std::vector<ResolveInfo> all = index.query(intent, flags::kMatchDefaultOnly);
    const std::vector<ResolveInfo> shown = chooserEntries(all);
    for (const ResolveInfo& info : shown) view.shown.push_back(info.component);
    if (device.apiLevel < kFirstApiWithWholeChooserSet) {
        for (const ResolveInfo& info : shown) {
            view.set.push_back(info.component);
            view.bestMatch = std::max(view.bestMatch, info.match & match::kCategoryMask);
        }
    } else {
        for (const ResolveInfo& info : all) {
            view.set.push_back(info.component);
            view.bestMatch = std::max(view.bestMatch, info.match & match::kCategoryMask);
        }
    }
    return view;
}

struct SiteShape {
    std::string where;
    int intentFlags = 0;
    int queryFlags = 0;
};

SiteShape siteShape(const Device& device, std::string_view site) {
    const bool legacy = device.isLegacy();
    const int api = device.apiLevel;
    const int modernBootDefaultOnly =
        (api < kFirstApiWithoutDefaultOnly || api >= kFirstApiWithDefaultOnlyAgain)
            ? flags::kMatchDefaultOnly
            : 0;
    const int startActivityFlags = flags::kMatchDefaultOnly | flags::kStockPmFlags;
    const int policyHomeIntentFlags = flags::kActivityNewTask | flags::kActivityResetTaskIfNeeded;
    if (site == home_site::kBoot) {
        if (legacy || api < kFirstApiWithTaskManagerHome) {
            // resolveActivityInfo(pm, STOCK_PM_FLAGS) ORs in MATCH_DEFAULT_ONLY (5.7).
            return {"ActivityManagerService.startHomeActivityLocked", 0, startActivityFlags};
        }
        return {
            "ActivityTaskManagerService.getHomeIntent + RootWindowContainer.resolveHomeActivity",
            flags::kDebugTriagedMissing, flags::kStockPmFlags | modernBootDefaultOnly};
    }
    if (site == home_site::kHomeKey) {
        if (legacy || api < kFirstApiWithTaskManagerHome) {
            return {"PhoneWindowManager.launchHomeFromHotKey (mHomeIntent, startActivity)",
                    policyHomeIntentFlags, startActivityFlags};
        }
        return {"PhoneWindowManager.startDockOrHome -> ActivityTaskManager.startHomeOnDisplay",
                flags::kDebugTriagedMissing, flags::kStockPmFlags | modernBootDefaultOnly};
    }
    if (site == home_site::kHomeKeyMid) {
        return {"MidWindowManager (mHomeIntent, startActivity)", policyHomeIntentFlags,
                startActivityFlags};
    }
    if (site == home_site::kRecents) {
        if (legacy) {
            // Intent.resolveActivityInfo(pm, 0) adds MATCH_DEFAULT_ONLY (H-17).
            return {"RecentApplicationsDialog.reloadButtons (resolveActivityInfo)", 0,
                    flags::kMatchDefaultOnly};
        }
        return {"RecentTasks (tasks of activity type HOME are not listed)",
                flags::kDebugTriagedMissing, flags::kStockPmFlags | modernBootDefaultOnly};
    }
    if (site == home_site::kIsHome) {
        if (legacy && api < kFirstApiComparingResolverClass) {
            return {"HistoryRecord (isHomeActivity)", flags::kActivityNewTask, 0};
        }
        if (legacy) return {"ActivityRecord (isHomeActivity)", flags::kActivityNewTask, 0};
        return {"ActivityRecord (ACTIVITY_TYPE_HOME)", flags::kActivityNewTask, 0};
    }
    return {"", 0, 0};
}

std::string noHomeReason(const Device& device, const HomeSiteReport& report) {
    std::string hint;
    const std::string cat = shortCategory(report.category);
    bool lacksDefault = false;
    for (const HomeCandidate& c : report.candidates) {
        if (!c.candidate && c.rule == "R-7") lacksDefault = true;
    }
    if (lacksDefault) {
        hint = "an activity declares MAIN + " + cat +
               " but lacks DEFAULT, which MATCH_DEFAULT_ONLY requires (R-7)";
    } else if (!device.userUnlocked) {
        hint =
            "storage is locked and no MAIN + " + cat + " activity is directBootAware (R-8, H-11)";
    } else {
        hint = "no enabled activity declares MAIN + " + cat + " + DEFAULT";
    }
    return hint;
}

// H-5 / H-6: whether a record started from `intent` gets the home treatment. `bySystem` means the
// component was filled in by the system (or the caller is the system uid), which both checks allow.
HomeCheck checkHomeRecord(const Device& device, const std::string& homeCategory,
                          std::string startedBy, Intent intent,
                          std::optional<ComponentName> component,
                          std::vector<ComponentName> chooser, bool explicitByApp = false) {
    HomeCheck check;
    check.startedBy = std::move(startedBy);
    check.intent = std::move(intent);
    check.component = std::move(component);
    check.chooser = std::move(chooser);
    const bool legacy = device.isLegacy();
    check.rule = legacy ? "H-6" : "H-5";
    const std::string cat = shortCategory(homeCategory);
    const Intent& i = check.intent;

    if (!check.component && check.chooser.empty()) {
        check.reason = "nothing was started, so nothing is home";
        return check;
    }
    const std::string what = check.component ? check.component->flattenToShortString()
                                             : std::string("the activity picked in the chooser");
    if (explicitByApp) {
        check.reason = what +
                       " is an ordinary activity: an app named the component itself, and "
                       "only the system (or the ResolverActivity) may start home that way";
        return check;
    }
    if (i.action != std::optional<std::string>(names::kActionMain)) {
        check.reason = what + " is an ordinary activity: the intent's action is not MAIN";
        return check;
    }
    if (i.categories.size() != 1) {
        check.reason = what + " is an ordinary activity: its intent has " +
                       std::to_string(i.categories.size()) +
                       " categories, the check wants exactly one";
        return check;
    }
    if (i.categories.front() != homeCategory) {
        check.reason = what + " is an ordinary activity: it was started with category " +
                       shortCategory(i.categories.front()) + " but the home check wants " + cat;
        return check;
    }
    if (i.data || i.type) {
        check.reason = what + " is an ordinary activity: its intent has data or a type";
        return check;
    }
    if (legacy && (i.flags & flags::kActivityNewTask) == 0) {
        check.reason = what + " is an ordinary activity: FLAG_ACTIVITY_NEW_TASK is not set";
        return check;
    }
    if (check.component && *check.component == resolverActivityComponent()) {
        if (legacy && device.apiLevel < kFirstApiComparingResolverClass) {
            check.isHome = true;
            check.reason =
                "the ResolverActivity itself counts as home: HistoryRecord compares its "
                "class name with the package name 'android', which never matches";
            return check;
        }
        check.reason = "the ResolverActivity is never the home activity";
        return check;
    }
    check.isHome = true;
    check.reason = what + " is the home activity: MAIN, exactly {" + cat + "}, no data or type" +
                   (legacy ? ", NEW_TASK" : "") + ", component chosen by the system";
    if (legacy) {
        check.reason += "; its process becomes mHomeProcess";
    }
    return check;
}

// What every site report opens with: the site, its category under the patch, where the framework
// builds its intent, the intent, and (when `resolved`) the flags the intent is resolved with.
HomeSiteReport startSiteReport(const Device& device, const FrameworkPatch& patch,
                               std::string_view site, bool resolved) {
    HomeSiteReport report;
    report.site = std::string(site);
    report.category = homeCategoryFor(patch, site);
    const SiteShape shape = siteShape(device, site);
    report.where = shape.where;
    report.intent = makeHomeIntent(report.category, shape.intentFlags);
    if (resolved) {
        report.queryFlags = shape.queryFlags;
        report.matchDefaultOnly = (shape.queryFlags & flags::kMatchDefaultOnly) != 0;
    }
    return report;
}

HomeSiteReport resolveSite(const Device& device, const PackageIndex& index,
                           const FrameworkPatch& patch, const std::optional<HomeRole>& role,
                           std::string_view site, HomeDetail detail) {
    HomeSiteReport report = startSiteReport(device, patch, site, true);
    const ResolveResult result = index.resolveActivity(report.intent, report.queryFlags);
    report.candidates =
        describeCandidates(device, index, report.intent, report.queryFlags, result.candidates,
                           detail);
    report.preferredChanges = result.preferredChanges;
    report.rule = result.rule;
    report.reason = result.reason;
    switch (result.outcome) {
        case ResolveOutcome::Activity:
            report.outcome = HomeOutcome::Activity;
            if (result.chosen) report.component = result.chosen->component;
            break;
        case ResolveOutcome::Chooser: {
            report.outcome = HomeOutcome::Chooser;
            ChooserView view = chooserView(device, index, report.intent);
            report.chooser = std::move(view.shown);
            report.chooserSet = std::move(view.set);
            report.chooserBestMatch = view.bestMatch;
            break;
        }
        case ResolveOutcome::None:
            report.outcome = HomeOutcome::None;
            break;
    }

    // H-8/H-9: the role holder (device.json "roles.home", else the fallback holder) has a preferred
    // MAIN+HOME entry that answers the tie. It only covers the standard HOME category.
    if (report.outcome == HomeOutcome::Chooser && !result.preferredIndex && role && role->holder &&
        (role->fallback || role->fromDevice) && report.category == names::kCategoryHome) {
        for (const ResolveInfo& info : result.candidates) {
            if (info.component.packageName == *role->holder) {
                report.outcome = HomeOutcome::Activity;
                report.component = info.component;
                report.chooser.clear();
                report.chooserSet.clear();
                report.rule = role->fromDevice ? "H-8" : "H-9";
                report.reason = "the top candidates tie, but '" + *role->holder +
                                (role->fromDevice
                                     ? "' holds ROLE_HOME (device.json 'roles.home') and its "
                                       "preferred MAIN+HOME entry answers (H-8)"
                                     : "' holds ROLE_HOME as the fallback holder and its "
                                       "preferred MAIN+HOME entry answers (H-8, H-9)");
                break;
            }
        }
    }

    if (report.outcome == HomeOutcome::Activity && report.component) {
        if (isSetupHome(device, *report.component)) {
            report.note =
                "Provision/setup wizard: on its first start as home it marks setup "
                "complete and disables itself, so the next home start picks the next "
                "candidate (H-12)";
        } else if (!device.userUnlocked && isFallbackHome(device, *report.component)) {
            report.note =
                "FallbackHome waits until storage is unlocked, then finishes to "
                "reveal the real home (H-11)";
        }
    }
    if (report.outcome == HomeOutcome::None) {
        report.rule = "C-1";
        report.reason = "nothing answers MAIN + " + shortCategory(report.category) + ": " +
                        noHomeReason(device, report);
    }
    return report;
}

HomeSiteReport homeKeySite(const Device& device, const PackageIndex& index,
                           const FrameworkPatch& patch, const std::optional<HomeRole>& role,
                           HomeDetail detail) {
    if (!device.isLegacy() && !device.userSetupComplete) {
        HomeSiteReport report = startSiteReport(device, patch, home_site::kHomeKey, true);
        report.outcome = HomeOutcome::Refused;
        report.rule = "H-14";
        report.reason = "Not going home because user setup is in progress.";
        return report;
    }
    HomeSiteReport report = resolveSite(device, index, patch, role, home_site::kHomeKey, detail);
    if (report.outcome == HomeOutcome::None) {
        report.reason += "; pressing HOME does nothing";
    }
    return report;
}

HomeSiteReport homeKeyMidSite(const Device& device, const PackageIndex& index,
                              const FrameworkPatch& patch, const std::optional<HomeRole>& role,
                              HomeDetail detail) {
    if (!device.isLegacy()) {
        HomeSiteReport report;
        report.site = home_site::kHomeKeyMid;
        report.category = homeCategoryFor(patch, home_site::kHomeKeyMid);
        report.where = "MidWindowManager";
        report.intent = makeHomeIntent(report.category, 0);
        report.outcome = HomeOutcome::NotPresent;
        report.rule = "H-15";
        report.reason = "MidWindowManager is a 1.x/2.x window policy; Android API " +
                        std::to_string(device.apiLevel) + " has no such call site";
        return report;
    }
    return resolveSite(device, index, patch, role, home_site::kHomeKeyMid, detail);
}

HomeSiteReport bootSite(const Device& device, const PackageIndex& index,
                        const FrameworkPatch& patch, const std::optional<HomeRole>& role,
                        HomeDetail detail) {
    HomeSiteReport report = resolveSite(device, index, patch, role, home_site::kBoot, detail);
    if (report.outcome == HomeOutcome::None) {
        report.reason += "; the device boots to a blank screen";
    }
    return report;
}

HomeSiteReport isHomeCheckSite(const Device& device, const PackageIndex& index,
                               const FrameworkPatch& patch, const HomeSiteReport& boot) {
    // No query flags: is-home compares an activity record, it resolves nothing.
    HomeSiteReport report = startSiteReport(device, patch, home_site::kIsHome, false);
    report.rule = device.isLegacy() ? "H-6" : "H-5";

    // The record created at boot: the boot intent, NEW_TASK added after resolution (5.7, H-3), its
    // component filled in by the system (or by the ResolverActivity after the user picks).
    Intent started = boot.intent;
    started.flags |= flags::kActivityNewTask;
    std::optional<ComponentName> bootComponent;
    std::vector<ComponentName> bootChooser;
    if (boot.outcome == HomeOutcome::Activity) bootComponent = boot.component;
    if (boot.outcome == HomeOutcome::Chooser) bootChooser = boot.chooser;
    HomeCheck fromBoot =
        checkHomeRecord(device, report.category, "boot", started, bootComponent, bootChooser);

    // A standard MAIN+HOME start (the stock HOME key, or an app): component left to the resolver,
    // resolved like startActivity (MATCH_DEFAULT_ONLY).
    Intent standard = makeHomeIntent(
        names::kCategoryHome, device.isLegacy()
                                  ? flags::kActivityNewTask | flags::kActivityResetTaskIfNeeded
                                  : flags::kActivityNewTask);
    const ResolveResult standardResult =
        index.resolveActivity(standard, flags::kMatchDefaultOnly | flags::kStockPmFlags);
    std::optional<ComponentName> standardComponent;
    std::vector<ComponentName> standardChooser;
    if (standardResult.outcome == ResolveOutcome::Activity && standardResult.chosen) {
        standardComponent = standardResult.chosen->component;
    } else if (standardResult.outcome == ResolveOutcome::Chooser) {
        standardChooser = chooserView(device, index, standard).shown;
    }
    HomeCheck fromStandard = checkHomeRecord(device, report.category, "standard MAIN+HOME intent",
                                             standard, standardComponent, standardChooser);
    if (!standardComponent && standardChooser.empty()) {
        fromStandard.reason = "a standard MAIN+HOME start resolves to nothing";
    }

    if (boot.outcome == HomeOutcome::None) {
        report.outcome = HomeOutcome::None;
        report.reason = "nothing is started at boot, so nothing is the home activity";
    } else if (fromBoot.isHome && fromBoot.component) {
        report.outcome = HomeOutcome::Activity;
        report.component = fromBoot.component;
        report.reason = fromBoot.reason;
    } else if (fromBoot.isHome) {
        report.outcome = HomeOutcome::Chooser;
        report.chooser = fromBoot.chooser;
        report.reason =
            "whichever activity the user picks in the boot chooser is the home "
            "activity (it is started with exactly {" +
            shortCategory(report.category) + "})";
        if (device.isLegacy() && device.apiLevel < kFirstApiComparingResolverClass) {
            report.reason +=
                "; the ResolverActivity record itself also counts as home, because "
                "HistoryRecord compares its class name with 'android'";
        }
    } else {
        report.outcome = HomeOutcome::None;
        report.reason = fromBoot.reason;
    }
    report.checks.push_back(std::move(fromBoot));
    report.checks.push_back(std::move(fromStandard));
    return report;
}

HomeSiteReport recentsSite(const Device& device, const PackageIndex& index,
                           const FrameworkPatch& patch, const std::optional<HomeRole>& role,
                           const HomeSiteReport& boot, const HomeSiteReport& isHome,
                           HomeDetail detail) {
    if (!device.isLegacy()) {
        // H-16: no dialog resolves anything; the task whose activity got the HOME type is left out.
        HomeSiteReport report = boot;
        report.site = home_site::kRecents;
        report.category = homeCategoryFor(patch, home_site::kRecents);
        report.where = siteShape(device, home_site::kRecents).where;
        report.rule = "H-16";
        report.preferredChanges.clear();
        if (isHome.outcome == HomeOutcome::Activity && isHome.component) {
            report.hidden = isHome.component;
            report.reason = "recents never lists the task of the activity type HOME, " +
                            isHome.component->flattenToShortString();
        } else if (isHome.outcome == HomeOutcome::Chooser) {
            report.reason = "recents leaves out whichever activity the user picks as home";
        } else {
            report.reason = "no activity has the HOME type, so recents hides none as home";
        }
        return report;
    }
    HomeSiteReport report = resolveSite(device, index, patch, role, home_site::kRecents, detail);
    const std::string homeAtBoot = boot.outcome == HomeOutcome::Activity && boot.component
                                       ? boot.component->flattenToShortString()
                                       : std::string();
    switch (report.outcome) {
        case HomeOutcome::Activity:
            report.hidden = report.component;
            report.reason = "the recent-apps dialog hides " +
                            report.component->flattenToShortString() + " as home";
            if (!homeAtBoot.empty() && *report.component != *boot.component) {
                report.reason +=
                    "; the activity started at boot, " + homeAtBoot + ", is listed like any app";
            }
            break;
        case HomeOutcome::Chooser:
            report.reason = "MAIN + " + shortCategory(report.category) +
                            " resolves to the ResolverActivity, so no task is hidden and every "
                            "launcher shows up in recents";
            break;
        default:
            report.reason = "MAIN + " + shortCategory(report.category) +
                            " resolves to nothing, so no task is hidden";
            if (!homeAtBoot.empty()) {
                report.reason += "; " + homeAtBoot + " shows up in recents";
            }
            break;
    }
    report.rule = "H-17";
    return report;
}

std::string outcomeTarget(const HomeSiteReport& site) {
    if (site.outcome == HomeOutcome::Activity && site.component) {
        return site.component->flattenToShortString();
    }
    if (site.outcome == HomeOutcome::Chooser) return "the chooser";
    if (site.outcome == HomeOutcome::None) return "nothing";
    return homeOutcomeName(site.outcome);
}

std::vector<std::string> findWarnings(const Device& device, const HomeReport& report) {
    std::vector<std::string> warnings;
    auto siteById = [&](std::string_view id) -> const HomeSiteReport* {
        for (const HomeSiteReport& s : report.sites) {
            if (s.site == id) return &s;
        }
        return nullptr;
    };
    const HomeSiteReport* boot = siteById(home_site::kBoot);
    const HomeSiteReport* key = siteById(home_site::kHomeKey);
    const HomeSiteReport* mid = siteById(home_site::kHomeKeyMid);
    const HomeSiteReport* recents = siteById(home_site::kRecents);
    const HomeSiteReport* isHome = siteById(home_site::kIsHome);
    if (boot && boot->outcome == HomeOutcome::None) {
        warnings.push_back("no home: the device boots to a blank screen (" +
                           noHomeReason(device, *boot) + ")");
    }
    if (key && key->outcome == HomeOutcome::None && !(boot && boot->outcome == HomeOutcome::None)) {
        warnings.push_back("the HOME key does nothing: " + noHomeReason(device, *key));
    }
    auto sameOutcome = [](const HomeSiteReport& a, const HomeSiteReport& b) {
        return a.outcome == b.outcome && a.component == b.component && a.chooser == b.chooser;
    };
    for (const HomeSiteReport* other : {key, mid}) {
        if (!boot || !other) continue;
        if (other->outcome == HomeOutcome::Refused || other->outcome == HomeOutcome::NotPresent) {
            continue;
        }
        if (!sameOutcome(*boot, *other)) {
            warnings.push_back("inconsistent: boot starts " + outcomeTarget(*boot) + " but " +
                               other->site + " starts " + outcomeTarget(*other) + " (boot uses " +
                               shortCategory(boot->category) + ", " + other->site + " uses " +
                               shortCategory(other->category) + ")");
        }
    }
    if (boot && isHome && boot->outcome == HomeOutcome::Activity &&
        isHome->outcome == HomeOutcome::None) {
        warnings.push_back("inconsistent: " + outcomeTarget(*boot) +
                           ", started at boot, is not treated as the home activity (is-home "
                           "checks " +
                           shortCategory(isHome->category) + ", boot uses " +
                           shortCategory(boot->category) + ")");
    }
    if (device.isLegacy() && boot && recents && boot->outcome == HomeOutcome::Activity &&
        recents->hidden != boot->component) {
        warnings.push_back("inconsistent: the recent-apps dialog lists " + outcomeTarget(*boot) +
                           ", the home started at boot" +
                           (recents->hidden
                                ? " (it hides " + recents->hidden->flattenToShortString() + ")"
                                : std::string()));
    }
    return warnings;
}

// The index does not depend on the patch: a comparison builds it once for both sides.
HomeReport analyzeHomeWith(const Device& device, const PackageIndex& index,
                           const FrameworkPatch& patch, HomeDetail detail) {
    HomeReport report;
    report.deviceName = device.name;
    report.inferred = device.inferred;
    report.apiLevel = device.apiLevel;
    report.generation = frameworkGeneration(device);
    report.patch = patch;
    report.userUnlocked = device.userUnlocked;
    report.userSetupComplete = device.userSetupComplete;
    for (const std::string& site : homeSiteIds()) {
        report.siteCategories.emplace_back(site, homeCategoryFor(patch, site));
    }
    report.role = homeRole(device, index);
    HomeSiteReport boot = bootSite(device, index, patch, report.role, detail);
    HomeSiteReport key = homeKeySite(device, index, patch, report.role, detail);
    HomeSiteReport mid = homeKeyMidSite(device, index, patch, report.role, detail);
    HomeSiteReport isHome = isHomeCheckSite(device, index, patch, boot);
    HomeSiteReport recents = recentsSite(device, index, patch, report.role, boot, isHome, detail);
    report.sites = {std::move(boot), std::move(key), std::move(mid), std::move(recents),
                    std::move(isHome)};
    report.warnings = findWarnings(device, report);
    return report;
}

}  // namespace

const char* frameworkGenerationName(FrameworkGeneration generation) {
    return generation == FrameworkGeneration::Legacy ? "legacy" : "modern";
}

FrameworkGeneration frameworkGeneration(const Device& device) {
    return device.isLegacy() ? FrameworkGeneration::Legacy : FrameworkGeneration::Modern;
}

std::string homeCategoryFor(const FrameworkPatch& patch, std::string_view site) {
    return patch.isPatched(site) ? names::kCategoryHomeFirst : names::kCategoryHome;
}

const char* homeOutcomeName(HomeOutcome outcome) {
    switch (outcome) {
        case HomeOutcome::Activity:
            return "activity";
        case HomeOutcome::Chooser:
            return "chooser";
        case HomeOutcome::None:
            return "none";
        case HomeOutcome::Refused:
            return "refused";
        case HomeOutcome::NotPresent:
            return "not-present";
    }
    return "none";
}

bool isFallbackHome(const Device& device, const ComponentName& component) {
    // H-11 is Settings' FallbackHome only, known by its name or by its HOME filter's priority
    // -1000: other Settings HOME activities (CryptKeeper on encrypted devices) do not wait for the
    // unlock (issue 12).
    if (component.packageName != kSettingsPackage) return false;
    const Component* info = findComponent(device, component);
    if (info == nullptr) return false;
    const bool named = component.className == std::string(kSettingsPackage) + ".FallbackHome";
    return std::any_of(info->filters.begin(), info->filters.end(), [&](const IntentFilter& f) {
        return f.hasAction(names::kActionMain) && f.hasCategory(names::kCategoryHome) &&
               (named || f.priority == kFallbackHomePriority);
    });
}

bool isSetupHome(const Device& device, const ComponentName& component) {
    const Component* info = findComponent(device, component);
    if (info == nullptr) return false;
    return component.packageName == kProvisionPackage ||
           componentListsCategory(*info, names::kCategorySetupWizard);
}

std::optional<HomeRole> homeRole(const Device& device, const PackageIndex& index) {
    if (device.isLegacy()) return std::nullopt;
    HomeRole role;
    // H-10: an "Always" HOME choice made its package the role holder.
    for (const PreferredActivity& preferred : device.preferred) {
        if (!preferred.always || !preferred.filter.hasAction(names::kActionMain) ||
            !preferred.filter.hasCategory(names::kCategoryHome)) {
            continue;
        }
        if (findComponent(device, preferred.component) == nullptr) continue;
        role.holder = preferred.component.packageName;
        role.reason = "'" + *role.holder + "' was chosen with \"Always\" for HOME (H-10)";
        return role;
    }
    // H-8: the holder the device names, when it has a HOME activity.
    if (device.roles.home) {
        const InstalledPackage* holder = device.findPackage(*device.roles.home);
        const bool hasHome =
            holder && std::any_of(holder->manifest.components.begin(),
                                  holder->manifest.components.end(), [](const Component& c) {
                                      return componentListsCategory(c, names::kCategoryHome);
                                  });
        if (hasHome) {
            role.holder = *device.roles.home;
            role.fromDevice = true;
            role.reason = "'" + *role.holder + "' holds ROLE_HOME (device.json 'roles.home', H-8)";
            return role;
        }
    }
    // H-9: PermissionController's fallback: the strictly highest-priority HOME activity of a
    // MATCH_DEFAULT_ONLY query over both direct-boot modes, the Settings app skipped.
    Intent intent = makeHomeIntent(names::kCategoryHome, 0);
    std::vector<ResolveInfo> results =
        index.query(intent, flags::kMatchDefaultOnly | flags::kMatchDirectBootAware |
                                flags::kMatchDirectBootUnaware);
    std::erase_if(results,
                  [](const ResolveInfo& r) { return r.component.packageName == kSettingsPackage; });
    std::stable_sort(
        results.begin(), results.end(),
        [](const ResolveInfo& a, const ResolveInfo& b) { return a.priority > b.priority; });
    if (results.empty()) {
        role.reason =
            "no holder: no activity outside Settings declares MAIN + HOME + DEFAULT (H-9)";
        return role;
    }
    if (results.size() > 1 && results[0].priority == results[1].priority) {
        role.reason = "no holder: " + results[0].component.flattenToShortString() + " and " +
                      results[1].component.flattenToShortString() + " tie at priority " +
                      std::to_string(results[0].priority) + ", so there is no fallback (H-9)";
        return role;
    }
    role.holder = results[0].component.packageName;
    role.fallback = true;
    role.reason = "fallback holder: " + results[0].component.flattenToShortString() +
                  " has the strictly highest HOME priority (" +
                  std::to_string(results[0].priority) + "), Settings skipped (H-9)";
    return role;
}

HomeCheck checkHomeActivity(const Device& device, const Intent& intent,
                            const ComponentName& component, bool explicitByApp) {
    return checkHomeRecord(device, homeCategoryFor(device.patch, home_site::kIsHome), "intent",
                           intent, component, {}, explicitByApp);
}

HomeSiteReport analyzeHomeSite(const Device& device, const PackageIndex& index,
                               std::string_view site) {
    return analyzeHomeSite(device, index, site, device.patch);
}

HomeSiteReport analyzeHomeSite(const Device& device, const PackageIndex& index,
                               std::string_view site, const FrameworkPatch& patch) {
    const std::optional<HomeRole> role = homeRole(device, index);
    const HomeDetail full = HomeDetail::Full;
    if (site == home_site::kBoot) return bootSite(device, index, patch, role, full);
    if (site == home_site::kHomeKey) return homeKeySite(device, index, patch, role, full);
    if (site == home_site::kHomeKeyMid) return homeKeyMidSite(device, index, patch, role, full);
    if (site == home_site::kIsHome) {
        return isHomeCheckSite(device, index, patch, bootSite(device, index, patch, role, full));
    }
    if (site == home_site::kRecents) {
        HomeSiteReport boot = bootSite(device, index, patch, role, full);
        HomeSiteReport isHome = isHomeCheckSite(device, index, patch, boot);
        return recentsSite(device, index, patch, role, boot, isHome, full);
    }
    HomeSiteReport report;
    report.site = std::string(site);
    report.outcome = HomeOutcome::NotPresent;
    report.reason = "unknown call site '" + std::string(site) + "'";
    return report;
}

HomeReport analyzeHome(const Device& device) { return analyzeHome(device, device.patch); }

HomeReport analyzeHome(const Device& device, const FrameworkPatch& patch, HomeDetail detail) {
    return analyzeHomeWith(device, PackageIndex(device), patch, detail);
}

HomeReport analyzeHome(const Device& device, const PackageIndex& index,
                       const FrameworkPatch& patch, HomeDetail detail) {
    return analyzeHomeWith(device, index, patch, detail);
}

FrameworkPatch comparisonPatch(const Device& device, const std::optional<FrameworkPatch>& chosen) {
    if (chosen) return *chosen;
    if (!device.patch.homeFirstSites.empty()) return device.patch;
    return fullHomeFirstPatch();
}

HomeComparison compareHome(const Device& device, const std::optional<FrameworkPatch>& chosen,
                           HomeDetail detail) {
    // Both sides read the one device and one index; only the patch differs, so neither the
    // packages nor the index are built twice.
    const PackageIndex index(device);
    return HomeComparison{analyzeHomeWith(device, index, FrameworkPatch{}, detail),
                          analyzeHomeWith(device, index, comparisonPatch(device, chosen), detail)};
}

}  // namespace hearth

#pragma once
// Home: which activity Android starts as HOME at each framework call site, with the stock framework
// or one patched to use the private category android.intent.category.HOME_FIRST (spec section 5).
// Two framework generations are modelled, chosen by Device::apiLevel: legacy 2.x (AMS
// startHomeActivityLocked, HistoryRecord, PhoneWindowManager/MidWindowManager, the recent-apps
// dialog) and modern (Android 10+: ActivityTaskManager home intent, FallbackHome, Provision, setup
// gating of the HOME key, the ROLE_HOME fallback holder, direct boot). Pure: no I/O, no globals.

#include <hearth/component_name.h>
#include <hearth/device.h>
#include <hearth/framework_patch.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hearth {

enum class FrameworkGeneration { Legacy, Modern };

/// "legacy" or "modern".
const char* frameworkGenerationName(FrameworkGeneration generation);
/// Legacy when Device::isLegacy() (Android 2.x rules), else modern.
FrameworkGeneration frameworkGeneration(const Device& device);

/// The home category the framework uses at a site: HOME_FIRST when the patch swaps it, else HOME.
std::string homeCategoryFor(const FrameworkPatch& patch, std::string_view site);

enum class HomeOutcome {
    Activity,    ///< one activity is started (or hidden, for recents; treated as home, for is-home)
    Chooser,     ///< the ResolverActivity asks the user
    None,        ///< nothing answers: no home
    Refused,     ///< the framework declines (HOME key while user setup is in progress, H-14)
    NotPresent,  ///< the call site does not exist in this framework generation
};

/// "activity", "chooser", "none", "refused", "not-present".
const char* homeOutcomeName(HomeOutcome outcome);

/// One activity considered at a call site: a candidate of the query, or a component that declares
/// HOME, HOME_FIRST or MAIN but was not one (with the rule that removed it).
struct HomeCandidate {
    ComponentName component;
    bool candidate = false;     ///< in the sorted query result
    int priority = 0;           ///< effective (clamped) priority; candidates only
    int declaredPriority = 0;   ///< as written in the manifest; candidates only
    bool isDefault = false;     ///< filter has DEFAULT; candidates only
    int match = 0;              ///< IntentFilter.match code; candidates only
    bool declaresHome = false;  ///< some filter lists HOME or HOME_FIRST
    std::string rule;           ///< non-candidates: the rule that removed it (M-5, R-7, R-8...)
    std::string reason;         ///< one readable sentence
    SourceLocation where;       ///< the deciding filter (or the component)
};

/// is-home: whether an activity started from a given intent is treated as the home activity.
struct HomeCheck {
    std::string startedBy;                   ///< "boot" or "standard MAIN+HOME intent"
    Intent intent;                           ///< the intent the activity record is created with
    std::optional<ComponentName> component;  ///< the activity started; nullopt: nothing started
    std::vector<ComponentName> chooser;      ///< when the start goes through the chooser
    bool isHome = false;
    std::string rule;  ///< H-5 (modern) or H-6 (legacy)
    std::string reason;
};

/// The answer at one call site.
struct HomeSiteReport {
    std::string site;               ///< call-site id
    std::string where;              ///< the framework class and method, for humans
    std::string category;           ///< HOME or HOME_FIRST (full name)
    Intent intent;                  ///< exactly what the framework builds
    int queryFlags = 0;             ///< PackageManager flags used to resolve it
    bool matchDefaultOnly = false;  ///< queryFlags has MATCH_DEFAULT_ONLY
    HomeOutcome outcome = HomeOutcome::None;
    std::optional<ComponentName> component;  ///< Activity: the activity
    std::vector<ComponentName> chooser;      ///< Chooser: what the ResolverActivity lists
    std::vector<ComponentName> chooserSet;   ///< Chooser: the set recorded by "Always" (P-5)
    int chooserBestMatch = 0;                ///< Chooser: best match among the set, masked (P-5)
    std::optional<ComponentName> hidden;     ///< recents: the component left out as home
    std::vector<HomeCandidate> candidates;   ///< query result first, then the non-candidates
    std::vector<HomeCheck> checks;           ///< is-home only
    std::string rule;                        ///< the deciding rule id
    std::string reason;                      ///< why, one or two sentences; never repeats `rule`
    std::string note;                        ///< what happens next (Provision, FallbackHome)
    std::vector<PreferredChange> preferredChanges;  ///< what resolving did to Device::preferred
};

/// The ROLE_HOME holder (modern only, H-8..H-10).
struct HomeRole {
    std::optional<std::string> holder;  ///< package, or nullopt
    bool fallback = false;              ///< chosen by HomeRoleBehavior.getFallbackHolder (H-9)
    bool fromDevice = false;            ///< device.json "roles.home" (H-8)
    std::string reason;
};

/// Every call site of one framework on one device.
struct HomeReport {
    std::string deviceName;
    std::string inferred;     ///< Device::inferred: what the image or capture implied, or ""
    int apiLevel = 0;
    FrameworkGeneration generation = FrameworkGeneration::Modern;
    FrameworkPatch patch;
    bool userUnlocked = true;
    bool userSetupComplete = true;
    std::vector<std::pair<std::string, std::string>> siteCategories;  ///< site → category
    std::optional<HomeRole> role;                                     ///< modern only
    std::vector<HomeSiteReport> sites;                                ///< homeSiteIds() order
    std::vector<std::string> warnings;  ///< no home, inconsistent sites, ... (loud)
};

/// True for the FallbackHome of the Settings app (com.android.settings, declares HOME; H-11).
bool isFallbackHome(const Device& device, const ComponentName& component);
/// True for Provision or a setup wizard: package com.android.provision, or an activity whose
/// filters list SETUP_WIZARD (H-12, H-13).
bool isSetupHome(const Device& device, const ComponentName& component);

/// H-5/H-6 (the is-home site): whether an activity record for `component` started with `intent`
/// is treated as the home activity, with the category of the device's is-home site.
/// `explicitByApp`: an app named the component itself (not the system, not the ResolverActivity).
HomeCheck checkHomeActivity(const Device& device, const Intent& intent,
                            const ComponentName& component, bool explicitByApp = false);

/// What analyzeHome says about the activities that declare MAIN but neither HOME nor HOME_FIRST
/// and are not candidates: the first `explainedMainOnly` of them (in report order) get the rule
/// that removed them, a sentence and the filter; the rest are listed without them. Full explains
/// all (the JSON report). MainOnlyCounted explains none, which is all the text report reads (it
/// prints their count): explaining a thousand of them per call site was a sixth of `hearth home`
/// on a 10,000-package device (issue 14). firstMainOnly(n) is for a view that shows n of them.
/// HOME and HOME_FIRST activities are always explained.
struct HomeDetail {
    size_t explainedMainOnly = std::numeric_limits<size_t>::max();

    static const HomeDetail Full;
    static const HomeDetail MainOnlyCounted;
    static constexpr HomeDetail firstMainOnly(size_t n) { return HomeDetail{n}; }
    friend bool operator==(const HomeDetail&, const HomeDetail&) = default;
};
inline constexpr HomeDetail HomeDetail::Full{};
inline constexpr HomeDetail HomeDetail::MainOnlyCounted{0};

/// Analyses one call site with an index built over device. Unknown site ids yield NotPresent.
HomeSiteReport analyzeHomeSite(const Device& device, const PackageIndex& index,
                               std::string_view site);
/// The same with `patch` in place of the device's own (Device::patch is not read).
HomeSiteReport analyzeHomeSite(const Device& device, const PackageIndex& index,
                               std::string_view site, const FrameworkPatch& patch);

/// Analyses every call site with the device's own FrameworkPatch.
HomeReport analyzeHome(const Device& device);
/// Analyses every call site with `patch` in place of the device's own (Device::patch is not read).
HomeReport analyzeHome(const Device& device, const FrameworkPatch& patch,
                       HomeDetail detail = HomeDetail::Full);
/// The same over an index already built over `device` (the explorer builds one and keeps it;
/// PackageIndex is read-only, so both columns may be analysed at once on two threads).
HomeReport analyzeHome(const Device& device, const PackageIndex& index,
                       const FrameworkPatch& patch, HomeDetail detail = HomeDetail::Full);

/// The patch a comparison sets against the stock framework: `chosen` when given, else the
/// device's own patch when it swaps any site, else fullHomeFirstPatch() — so comparing a stock
/// device still shows what HOME_FIRST would change.
FrameworkPatch comparisonPatch(const Device& device, const std::optional<FrameworkPatch>& chosen);

/// The stock framework and a patched one on the same device (`hearth home --compare`, the GUI's
/// two columns).
struct HomeComparison {
    HomeReport stock;    ///< no site patched
    HomeReport patched;  ///< comparisonPatch(device, chosen)
};
/// Analyses the device twice, stock and with comparisonPatch(device, chosen).
HomeComparison compareHome(const Device& device,
                           const std::optional<FrameworkPatch>& chosen = std::nullopt,
                           HomeDetail detail = HomeDetail::Full);

/// The ROLE_HOME holder on a modern device: the package of an "Always" HOME preferred entry
/// (H-10), else the fallback holder (H-9); nullopt for a legacy device.
std::optional<HomeRole> homeRole(const Device& device, const PackageIndex& index);

}  // namespace hearth

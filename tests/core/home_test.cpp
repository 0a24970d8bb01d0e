// The home model: one test per H-rule and per spec edge case 58-67, named after the rule.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/home_report.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace hearth;

namespace {

constexpr const char* kHome = "android.intent.category.HOME";
constexpr const char* kHomeFirst = "android.intent.category.HOME_FIRST";
constexpr const char* kDefault = "android.intent.category.DEFAULT";
constexpr const char* kLauncher = "android.intent.category.LAUNCHER";

struct ActivitySpec {
    ActivitySpec(std::string name, std::vector<std::string> categories = {kHome, kDefault},
                 int priority = 0, std::string attributes = "")
        : name(std::move(name)),
          categories(std::move(categories)),
          priority(priority),
          attributes(std::move(attributes)) {}
    std::string name;
    std::vector<std::string> categories;
    int priority;
    std::string attributes;  // extra <activity> attributes
};

std::string manifestXml(const std::string& package, const std::vector<ActivitySpec>& activities) {
    std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "package=\"" +
        package + "\">\n  <application>\n";
    for (const ActivitySpec& a : activities) {
        xml += "    <activity android:name=\"" + a.name + "\" " + a.attributes + ">\n";
        xml += "      <intent-filter android:priority=\"" + std::to_string(a.priority) + "\">\n";
        xml += "        <action android:name=\"android.intent.action.MAIN\"/>\n";
        for (const std::string& c : a.categories) {
            xml += "        <category android:name=\"" + c + "\"/>\n";
        }
        xml += "      </intent-filter>\n    </activity>\n";
    }
    xml += "  </application>\n</manifest>\n";
    return xml;
}

InstalledPackage package(const std::string& name, const std::vector<ActivitySpec>& activities,
                         bool system = false, bool privileged = false) {
    auto manifest = parseManifest(manifestXml(name, activities), name + "/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << (manifest ? "" : manifest.error().toString());
    InstalledPackage installed;
    if (manifest) installed.manifest = *manifest;
    installed.system = system;
    installed.privileged = privileged;
    return installed;
}

InstalledPackage launcher(const std::string& name, int priority = 0, bool system = false) {
    return package(name, {{".Home", {kHome, kDefault}, priority}}, system, system);
}

InstalledPackage fallbackHome() {
    return package(
        "com.android.settings",
        {{".FallbackHome", {kHome, kDefault}, -1000, "android:directBootAware=\"true\""}}, true,
        true);
}

InstalledPackage provision() {
    return package("com.android.provision", {{".DefaultActivity", {kHome, kDefault}, 1}}, true,
                   true);
}

Device device(int api, std::vector<InstalledPackage> packages) {
    Device d;
    d.name = "test";
    d.apiLevel = api;
    d.packages = std::move(packages);
    return d;
}

const HomeSiteReport& site(const HomeReport& report, const std::string& id) {
    for (const HomeSiteReport& s : report.sites) {
        if (s.site == id) return s;
    }
    ADD_FAILURE() << "no site " << id;
    return report.sites.front();
}

// "activity pkg/.Cls", "chooser a b", "none", "refused", "not-present".
std::string outcome(const HomeSiteReport& s) {
    std::string out = homeOutcomeName(s.outcome);
    if (s.component) out += " " + s.component->flattenToShortString();
    for (const ComponentName& c : s.chooser) out += " " + c.flattenToShortString();
    return out;
}

Intent homeIntent(std::vector<std::string> categories, int intentFlags) {
    Intent intent;
    intent.action = "android.intent.action.MAIN";
    intent.categories = std::move(categories);
    intent.flags = intentFlags;
    return intent;
}

}  // namespace

// ---- H-1, H-2, H-15: the intents and flags of each call site ----

TEST(HomeSites, H1ModernHomeIntentIsMainHomeWithTriagedMissingFlag) {
    const HomeReport report = analyzeHome(device(30, {launcher("com.a")}));
    const HomeSiteReport& boot = site(report, "boot");
    EXPECT_EQ(boot.intent.action, std::optional<std::string>("android.intent.action.MAIN"));
    EXPECT_EQ(boot.intent.categories, std::vector<std::string>{kHome});
    EXPECT_EQ(boot.intent.flags, 0x100);
    EXPECT_FALSE(boot.intent.data.has_value());
    EXPECT_FALSE(boot.intent.type.has_value());
}

TEST(HomeSites, H2Api29To33ResolveHomeWithoutMatchDefaultOnly) {
    for (int api : {29, 30, 33}) {
        const HomeReport report = analyzeHome(device(api, {launcher("com.a")}));
        EXPECT_EQ(site(report, "boot").queryFlags, 0x400) << api;
        EXPECT_FALSE(site(report, "boot").matchDefaultOnly) << api;
        EXPECT_EQ(site(report, "home-key").queryFlags, 0x400) << api;
    }
}

TEST(HomeSites, H2Api34ResolvesHomeWithMatchDefaultOnly) {
    const HomeReport report = analyzeHome(device(34, {launcher("com.a")}));
    EXPECT_EQ(site(report, "boot").queryFlags, 0x10400);
    EXPECT_TRUE(site(report, "boot").matchDefaultOnly);
}

TEST(HomeSites, LegacyBootResolvesWithResolveActivityInfoAddingMatchDefaultOnly) {
    const HomeReport report = analyzeHome(device(8, {launcher("com.a", 0, true)}));
    const HomeSiteReport& boot = site(report, "boot");
    EXPECT_EQ(boot.where, "ActivityManagerService.startHomeActivityLocked");
    EXPECT_EQ(boot.intent.flags, 0);
    EXPECT_EQ(boot.queryFlags, 0x10400);
    EXPECT_EQ(outcome(boot), "activity com.a/.Home");
}

TEST(HomeSites, H15LegacyHomeKeysUseNewTaskResetTaskAndMatchDefaultOnly) {
    const HomeReport report = analyzeHome(device(8, {launcher("com.a", 0, true)}));
    for (const char* id : {"home-key", "home-key-mid"}) {
        const HomeSiteReport& key = site(report, id);
        EXPECT_EQ(key.intent.flags, 0x10200000) << id;
        EXPECT_EQ(key.queryFlags, 0x10400) << id;
        EXPECT_EQ(outcome(key), "activity com.a/.Home") << id;
    }
}

TEST(HomeSites, H15ModernFrameworkHasNoMidWindowManager) {
    const HomeReport report = analyzeHome(device(30, {launcher("com.a")}));
    const HomeSiteReport& mid = site(report, "home-key-mid");
    EXPECT_EQ(mid.outcome, HomeOutcome::NotPresent);
    EXPECT_EQ(mid.reason,
              "MidWindowManager is a 1.x/2.x window policy; Android API 30 has no such call site");
}

// ---- H-7: one candidate, a priority difference, or the chooser ----

TEST(HomeSites, H7LauncherBeatsFallbackHomeWithoutChooser) {
    // Edge case 46: launcher 0 against FallbackHome -1000.
    const HomeReport report = analyzeHome(device(30, {launcher("com.a"), fallbackHome()}));
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.a/.Home");
    EXPECT_EQ(site(report, "boot").rule, "C-3");
}

TEST(HomeSites, H7TiedLaunchersShowTheChooserListingOnlyTheTopGroup) {
    const HomeReport report =
        analyzeHome(device(30, {launcher("com.a"), launcher("com.b"), fallbackHome()}));
    const HomeSiteReport& boot = site(report, "boot");
    EXPECT_EQ(outcome(boot), "chooser com.a/.Home com.b/.Home");
    // "Always" would record the whole query as its set on Android 5+ (P-5).
    ASSERT_EQ(boot.chooserSet.size(), 3u);
    EXPECT_EQ(boot.chooserSet[2].flattenToShortString(), "com.android.settings/.FallbackHome");
    EXPECT_EQ(boot.chooserBestMatch, 0x100000);
}

TEST(HomeSites, P3NonSystemPriorityIsClampedSoTheSystemLauncherWins) {
    // Edge cases 49 and 51: 2.x parses a non-system app's priority 100 as 0.
    const HomeReport report = analyzeHome(
        device(8, {launcher("com.pushy", 100), launcher("com.android.launcher", 1, true)}));
    const HomeSiteReport& boot = site(report, "boot");
    EXPECT_EQ(outcome(boot), "activity com.android.launcher/.Home");
    ASSERT_GE(boot.candidates.size(), 2u);
    EXPECT_EQ(boot.candidates[1].component.packageName, "com.pushy");
    EXPECT_EQ(boot.candidates[1].priority, 0);
    EXPECT_EQ(boot.candidates[1].declaredPriority, 100);
}

// ---- H-8..H-10: ROLE_HOME ----

TEST(HomeRole, H10AlwaysChoiceMakesItsPackageTheHolder) {
    Device d = device(30, {launcher("com.a"), launcher("com.b")});
    PreferredActivity entry;
    entry.filter.actions = {"android.intent.action.MAIN"};
    entry.filter.categories = {kHome, kDefault};
    entry.component = ComponentName{"com.b", "com.b.Home"};
    entry.set = {ComponentName{"com.a", "com.a.Home"}, ComponentName{"com.b", "com.b.Home"}};
    entry.match = 0x100000;
    d.preferred.push_back(entry);
    const HomeReport report = analyzeHome(d);
    ASSERT_TRUE(report.role.has_value());
    EXPECT_EQ(report.role->holder, std::optional<std::string>("com.b"));
    EXPECT_FALSE(report.role->fallback);
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.b/.Home");
    EXPECT_EQ(site(report, "boot").rule, "P-8");
}

TEST(HomeRole, H9FallbackHolderIsTheStrictlyHighestHomeOutsideSettings) {
    Device d = device(30, {launcher("com.a"), provision(), fallbackHome()});
    const PackageIndex index(d);
    const std::optional<HomeRole> role = homeRole(d, index);
    ASSERT_TRUE(role.has_value());
    EXPECT_EQ(role->holder, std::optional<std::string>("com.android.provision"));
    EXPECT_TRUE(role->fallback);
}

TEST(HomeRole, H9FallbackHolderBreaksATieWithTheSettingsApp) {
    // Settings is skipped by the fallback, so its HOME activity at the same priority as the
    // launcher does not leave the user with a chooser.
    Device d = device(
        30, {launcher("com.a"), package("com.android.settings",
                                        {{".CryptKeeper", {kHome, kDefault}, 0}}, true, true)});
    const HomeReport report = analyzeHome(d);
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.a/.Home");
    EXPECT_EQ(site(report, "boot").rule, "H-9");
}

TEST(HomeRole, H9TwoTopActivitiesOfOnePackageLeaveNoFallbackHolder) {
    // Edge case 67.
    Device d = device(
        30, {package("com.a", {{".One", {kHome, kDefault}, 0}, {".Two", {kHome, kDefault}, 0}})});
    const HomeReport report = analyzeHome(d);
    ASSERT_TRUE(report.role.has_value());
    EXPECT_FALSE(report.role->holder.has_value());
    EXPECT_EQ(report.role->reason,
              "no holder: com.a/.One and com.a/.Two tie at priority 0, so there is no fallback "
              "(H-9)");
    EXPECT_EQ(outcome(site(report, "boot")), "chooser com.a/.One com.a/.Two");
}

TEST(HomeRole, H8TheDevicesHomeRoleHolderAnswersATie) {
    Device d = device(34, {launcher("com.a"), launcher("com.b")});
    d.roles.home = "com.b";
    const HomeReport report = analyzeHome(d);
    ASSERT_TRUE(report.role.has_value());
    EXPECT_EQ(report.role->holder, std::optional<std::string>("com.b"));
    EXPECT_TRUE(report.role->fromDevice);
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.b/.Home");
    EXPECT_EQ(site(report, "boot").rule, "H-8");
}

TEST(HomeRole, H8AHolderWithoutAHomeActivityFallsBackToH9) {
    Device d = device(34, {launcher("com.a"), launcher("com.b", 0), provision()});
    d.roles.home = "com.nothing";
    const HomeReport report = analyzeHome(d);
    ASSERT_TRUE(report.role.has_value());
    EXPECT_FALSE(report.role->fromDevice);
    EXPECT_EQ(report.role->holder, std::optional<std::string>("com.android.provision"));
}

TEST(HomeRole, LegacyDevicesHaveNoHomeRole) {
    const HomeReport report = analyzeHome(device(8, {launcher("com.a")}));
    EXPECT_FALSE(report.role.has_value());
}

// ---- H-11..H-14: FallbackHome, Provision, setup wizard, setup gating ----

TEST(HomeSites, H11LockedStorageLeavesOnlyTheDirectBootAwareFallbackHome) {
    // Edge case 59.
    Device d = device(30, {launcher("com.a"), fallbackHome()});
    d.userUnlocked = false;
    const HomeReport report = analyzeHome(d);
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.android.settings/.FallbackHome");
    EXPECT_TRUE(isFallbackHome(
        d, ComponentName{"com.android.settings", "com.android.settings.FallbackHome"}));
}

TEST(HomeSites, H11TheWaitForUnlockNoteIsForFallbackHomeWhileStorageIsLocked) {
    // Issue 12: the note was printed for any Settings HOME activity and while unlocked.
    Device locked = device(30, {launcher("com.a"), fallbackHome()});
    locked.userUnlocked = false;
    EXPECT_EQ(site(analyzeHome(locked), "boot").note,
              "FallbackHome waits until storage is unlocked, then finishes to reveal the real "
              "home (H-11)");
    const Device alone = device(30, {fallbackHome()});
    EXPECT_EQ(outcome(site(analyzeHome(alone), "boot")),
              "activity com.android.settings/.FallbackHome");
    EXPECT_EQ(site(analyzeHome(alone), "boot").note, "");
}

TEST(HomeSites, H11CryptKeeperIsNotFallbackHome) {
    Device d = device(30, {package("com.android.settings",
                                   {{".CryptKeeper", {kHome, kDefault}, 10,
                                     "android:directBootAware=\"true\""}},
                                   true, true)});
    d.userUnlocked = false;
    const HomeReport report = analyzeHome(d);
    const HomeSiteReport& boot = site(report, "boot");
    EXPECT_EQ(outcome(boot), "activity com.android.settings/.CryptKeeper");
    EXPECT_EQ(boot.note, "");
    EXPECT_FALSE(isFallbackHome(
        d, ComponentName{"com.android.settings", "com.android.settings.CryptKeeper"}));
}

TEST(HomeSites, H12ProvisionWinsTheFirstBootWithPriorityOne) {
    // Edge case 58 (the part after Provision disables itself is in simulate_test.cpp).
    Device d = device(30, {launcher("com.a"), provision(), fallbackHome()});
    d.userSetupComplete = false;
    const HomeReport report = analyzeHome(d);
    const HomeSiteReport& boot = site(report, "boot");
    EXPECT_EQ(outcome(boot), "activity com.android.provision/.DefaultActivity");
    EXPECT_EQ(boot.rule, "C-3");
    EXPECT_NE(boot.note.find("(H-12)"), std::string::npos) << boot.note;
}

TEST(HomeSites, H13SetupWizardCategoryMarksASetupHome) {
    Device d = device(
        30, {package("com.vendor.setup",
                     {{".Wizard", {kHome, kDefault, "android.intent.category.SETUP_WIZARD"}, 5}},
                     true, true),
             launcher("com.a")});
    EXPECT_TRUE(isSetupHome(d, ComponentName{"com.vendor.setup", "com.vendor.setup.Wizard"}));
    EXPECT_FALSE(isSetupHome(d, ComponentName{"com.a", "com.a.Home"}));
}

TEST(HomeSites, H14HomeKeyIsRefusedWhileUserSetupIsInProgress) {
    // Edge case 60.
    Device d = device(30, {launcher("com.a")});
    d.userSetupComplete = false;
    const HomeReport report = analyzeHome(d);
    const HomeSiteReport& key = site(report, "home-key");
    EXPECT_EQ(key.outcome, HomeOutcome::Refused);
    EXPECT_EQ(key.rule, "H-14");
    EXPECT_EQ(key.reason, "Not going home because user setup is in progress.");
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.a/.Home");
}

TEST(HomeSites, H14LegacyHomeKeyIsNotGatedBySetup) {
    Device d = device(8, {launcher("com.a", 0, true)});
    d.userSetupComplete = false;
    EXPECT_EQ(outcome(site(analyzeHome(d), "home-key")), "activity com.a/.Home");
}

// ---- H-5, H-6: the is-home check ----

TEST(IsHome, H5RecordStartedWithMainHomeAndLauncherIsNotHome) {
    // Edge case 62.
    Device d = device(30, {launcher("com.a")});
    const HomeCheck check = checkHomeActivity(d, homeIntent({kHome, kLauncher}, 0x10000000),
                                              ComponentName{"com.a", "com.a.Home"});
    EXPECT_FALSE(check.isHome);
    EXPECT_EQ(check.rule, "H-5");
    EXPECT_EQ(check.reason,
              "com.a/.Home is an ordinary activity: its intent has 2 categories, the "
              "check wants exactly one");
}

TEST(IsHome, H5ExplicitComponentFromAnAppIsNotHome) {
    // Edge case 63.
    Device d = device(30, {launcher("com.a")});
    const ComponentName home{"com.a", "com.a.Home"};
    EXPECT_FALSE(checkHomeActivity(d, homeIntent({kHome}, 0x10000000), home, true).isHome);
    EXPECT_TRUE(checkHomeActivity(d, homeIntent({kHome}, 0x10000000), home, false).isHome);
}

TEST(IsHome, H6LegacyRecordWithoutNewTaskIsNotHome) {
    Device legacy = device(8, {launcher("com.a", 0, true)});
    const ComponentName home{"com.a", "com.a.Home"};
    const HomeCheck check = checkHomeActivity(legacy, homeIntent({kHome}, 0), home);
    EXPECT_FALSE(check.isHome);
    EXPECT_EQ(check.reason,
              "com.a/.Home is an ordinary activity: FLAG_ACTIVITY_NEW_TASK is not set");
    Device modern = device(30, {launcher("com.a")});
    EXPECT_TRUE(checkHomeActivity(modern, homeIntent({kHome}, 0), home).isHome);
}

TEST(IsHome, H6Api8CountsTheResolverActivityAsHome) {
    // HistoryRecord compares the class name with the package name "android": never equal.
    Device d = device(8, {launcher("com.a", 0, true)});
    const HomeCheck check =
        checkHomeActivity(d, homeIntent({kHome}, 0x10000000), resolverActivityComponent());
    EXPECT_TRUE(check.isHome);
}

TEST(IsHome, H6Api10ExcludesTheResolverActivity) {
    Device d = device(10, {launcher("com.a", 0, true)});
    const HomeCheck check =
        checkHomeActivity(d, homeIntent({kHome}, 0x10000000), resolverActivityComponent());
    EXPECT_FALSE(check.isHome);
    EXPECT_EQ(check.reason, "the ResolverActivity is never the home activity");
}

TEST(IsHome, PatchedCheckTreatsStandardHomeStartsAsOrdinaryApps) {
    // Section 5.7: with is-home patched, only records started with exactly {HOME_FIRST} count.
    Device d = device(8, {launcher("com.android.launcher", 0, true),
                          package("com.kiosk", {{".Kiosk", {kHomeFirst, kDefault}}}, true)});
    d.patch = fullHomeFirstPatch();
    const HomeReport report = analyzeHome(d);
    const HomeSiteReport& isHome = site(report, "is-home");
    EXPECT_EQ(outcome(isHome), "activity com.kiosk/.Kiosk");
    ASSERT_EQ(isHome.checks.size(), 2u);
    EXPECT_TRUE(isHome.checks[0].isHome);
    EXPECT_FALSE(isHome.checks[1].isHome);
    EXPECT_EQ(isHome.checks[1].component,
              std::optional<ComponentName>(
                  ComponentName{"com.android.launcher", "com.android.launcher.Home"}));
    EXPECT_EQ(isHome.checks[1].reason,
              "com.android.launcher/.Home is an ordinary activity: it was started with category "
              "HOME but the home check wants HOME_FIRST");
}

TEST(IsHome, H3BootStartAddsNewTaskToTheResolvedHomeIntent) {
    const HomeReport report = analyzeHome(device(30, {launcher("com.a")}));
    const HomeSiteReport& isHome = site(report, "is-home");
    ASSERT_FALSE(isHome.checks.empty());
    EXPECT_EQ(isHome.checks[0].startedBy, "boot");
    EXPECT_EQ(isHome.checks[0].intent.flags, 0x10000100);
    EXPECT_EQ(isHome.checks[0].component,
              std::optional<ComponentName>(ComponentName{"com.a", "com.a.Home"}));
    EXPECT_TRUE(isHome.checks[0].isHome);
}

TEST(IsHome, H3ChooserAtBootMakesThePickTheHomeActivity) {
    // The ResolverActivity itself is launched without the HOME type; what the user picks is
    // started with the home intent and becomes home.
    const HomeReport report = analyzeHome(device(30, {launcher("com.a"), launcher("com.b")}));
    const HomeSiteReport& isHome = site(report, "is-home");
    EXPECT_EQ(outcome(isHome), "chooser com.a/.Home com.b/.Home");
    EXPECT_EQ(summarizeHomeSite(isHome), "the pick from the chooser is home");
}

// ---- H-16, H-17: recents ----

TEST(Recents, H16ModernRecentsLeaveOutTheHomeTypeActivity) {
    const HomeReport report = analyzeHome(device(30, {launcher("com.a")}));
    const HomeSiteReport& recents = site(report, "recents");
    EXPECT_EQ(recents.hidden, std::optional<ComponentName>(ComponentName{"com.a", "com.a.Home"}));
    EXPECT_EQ(recents.rule, "H-16");
}

TEST(Recents, H17LegacyDialogHidesTheResolvedHome) {
    const HomeReport report = analyzeHome(device(8, {launcher("com.a", 0, true)}));
    const HomeSiteReport& recents = site(report, "recents");
    EXPECT_EQ(recents.queryFlags, 0x10000);
    EXPECT_EQ(recents.hidden, std::optional<ComponentName>(ComponentName{"com.a", "com.a.Home"}));
    EXPECT_EQ(recents.rule, "H-17");
    EXPECT_EQ(recents.reason, "the recent-apps dialog hides com.a/.Home as home");
}

TEST(Recents, H17AmbiguousHomeHidesNothing) {
    // Edge case 66: two launchers, no default: the dialog gets the ResolverActivity.
    const HomeReport report =
        analyzeHome(device(10, {launcher("com.a", 0, true), launcher("com.b")}));
    const HomeSiteReport& recents = site(report, "recents");
    EXPECT_EQ(recents.outcome, HomeOutcome::Chooser);
    EXPECT_FALSE(recents.hidden.has_value());
    EXPECT_EQ(summarizeHomeSite(recents), "hides nothing (home is ambiguous: the chooser)");
    EXPECT_EQ(outcome(recents), "chooser com.a/.Home com.b/.Home");
}

// ---- Edge case 61: a launcher without DEFAULT ----

TEST(HomeSites, Case61LauncherWithoutDefaultIsFoundAtApi30BootButNotByStartActivity) {
    Device d = device(30, {package("com.nodefault", {{".Home", {kHome}}})});
    const HomeReport report = analyzeHome(d);
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.nodefault/.Home");
    const HomeSiteReport& isHome = site(report, "is-home");
    ASSERT_EQ(isHome.checks.size(), 2u);
    EXPECT_FALSE(isHome.checks[1].component.has_value());
    EXPECT_EQ(isHome.checks[1].reason, "a standard MAIN+HOME start resolves to nothing");

    d.apiLevel = 34;
    const HomeReport api34 = analyzeHome(d);
    EXPECT_EQ(outcome(site(api34, "boot")), "none");
    EXPECT_EQ(site(api34, "boot").reason,
              "nothing answers MAIN + HOME: an activity declares MAIN + HOME but lacks DEFAULT, "
              "which MATCH_DEFAULT_ONLY requires (R-7); the device boots to a blank screen");
}

// ---- Section 5.7 / edge cases 64, 65: the HOME_FIRST patch ----

TEST(HomeFirstPatch, Case64LaunchersDeclaringOnlyHomeLeaveNoHome) {
    Device d = device(8, {launcher("com.android.launcher", 0, true)});
    d.patch = fullHomeFirstPatch();
    const HomeReport report = analyzeHome(d);
    for (const char* id : {"boot", "home-key", "home-key-mid"}) {
        EXPECT_EQ(outcome(site(report, id)), "none") << id;
    }
    EXPECT_EQ(summarizeHomeSite(site(report, "boot")), "NO HOME (blank screen)");
    ASSERT_FALSE(report.warnings.empty());
    EXPECT_EQ(report.warnings.front(),
              "no home: the device boots to a blank screen (no enabled activity declares MAIN + "
              "HOME_FIRST + DEFAULT)");
}

TEST(HomeFirstPatch, Case65KioskWithHomeFirstIsHomeEverywhereAndHiddenFromRecents) {
    Device d = device(8, {launcher("com.android.launcher", 0, true),
                          package("com.kiosk", {{".Kiosk", {kHomeFirst, kDefault}}}, true)});
    d.patch = fullHomeFirstPatch();
    const HomeReport report = analyzeHome(d);
    for (const char* id : {"boot", "home-key", "home-key-mid", "is-home"}) {
        EXPECT_EQ(outcome(site(report, id)), "activity com.kiosk/.Kiosk") << id;
    }
    EXPECT_EQ(site(report, "recents").hidden,
              std::optional<ComponentName>(ComponentName{"com.kiosk", "com.kiosk.Kiosk"}));
    EXPECT_TRUE(report.warnings.empty());
    EXPECT_EQ(site(report, "boot").intent.categories, std::vector<std::string>{kHomeFirst});
}

TEST(HomeFirstPatch, HalfPatchMakesBootAndTheHomeKeyDisagree) {
    Device d = device(8, {launcher("com.android.launcher", 0, true),
                          package("com.kiosk", {{".Kiosk", {kHomeFirst, kDefault}}}, true)});
    auto patch = makeFrameworkPatch("", {"boot", "is-home"});
    ASSERT_TRUE(patch.has_value());
    d.patch = *patch;
    const HomeReport report = analyzeHome(d);
    EXPECT_EQ(outcome(site(report, "boot")), "activity com.kiosk/.Kiosk");
    EXPECT_EQ(outcome(site(report, "home-key")), "activity com.android.launcher/.Home");
    EXPECT_EQ(report.warnings,
              (std::vector<std::string>{
                  "inconsistent: boot starts com.kiosk/.Kiosk but home-key starts "
                  "com.android.launcher/.Home (boot uses HOME_FIRST, home-key uses HOME)",
                  "inconsistent: boot starts com.kiosk/.Kiosk but home-key-mid starts "
                  "com.android.launcher/.Home (boot uses HOME_FIRST, home-key-mid uses HOME)",
                  "inconsistent: the recent-apps dialog lists com.kiosk/.Kiosk, the home started "
                  "at boot (it hides com.android.launcher/.Home)"}));
}

TEST(HomeFirstPatch, BootPatchedAloneLeavesTheBootActivityAnOrdinaryApp) {
    Device d = device(8, {launcher("com.android.launcher", 0, true),
                          package("com.kiosk", {{".Kiosk", {kHomeFirst, kDefault}}}, true)});
    d.patch.homeFirstSites = {"boot"};
    const HomeReport report = analyzeHome(d);
    EXPECT_EQ(outcome(site(report, "is-home")), "none");
    EXPECT_EQ(summarizeHomeSite(site(report, "is-home")),
              "nothing is home (com.kiosk/.Kiosk is an ordinary app)");
}

TEST(HomeFirstPatch, CategoryAtASiteFollowsThePatch) {
    FrameworkPatch partial;
    partial.homeFirstSites = {"is-home", "boot"};
    EXPECT_EQ(homeCategoryFor(partial, "boot"), kHomeFirst);
    EXPECT_EQ(homeCategoryFor(partial, "home-key"), kHome);
}

// ---- analyzeHome with a patch, compareHome ----

TEST(CompareHome, AnalyzeWithAPatchIgnoresTheDevicesOwn) {
    Device d = device(8, {launcher("com.android.launcher", 0, true),
                          package("com.kiosk", {{".Kiosk", {kHomeFirst, kDefault}}}, true)});
    d.patch = fullHomeFirstPatch();
    const HomeReport stock = analyzeHome(d, FrameworkPatch{});
    EXPECT_EQ(describePatch(stock.patch), "stock");
    EXPECT_EQ(outcome(site(stock, "boot")), "activity com.android.launcher/.Home");
    EXPECT_EQ(outcome(site(analyzeHome(d), "boot")), "activity com.kiosk/.Kiosk");
}

TEST(CompareHome, PatchedSideIsTheChosenPatchFirst) {
    Device d = device(8, {launcher("com.android.launcher", 0, true),
                          package("com.kiosk", {{".Kiosk", {kHomeFirst, kDefault}}}, true)});
    d.patch.homeFirstSites = {"home-key"};
    FrameworkPatch chosen;
    chosen.homeFirstSites = {"boot"};
    const HomeComparison comparison = compareHome(d, chosen);
    EXPECT_EQ(describePatch(comparison.stock.patch), "stock");
    EXPECT_EQ(describePatch(comparison.patched.patch), "home-first at boot");
    EXPECT_EQ(outcome(site(comparison.stock, "boot")), "activity com.android.launcher/.Home");
    EXPECT_EQ(outcome(site(comparison.patched, "boot")), "activity com.kiosk/.Kiosk");
    // The device itself keeps its own patch.
    EXPECT_EQ(describePatch(d.patch), "home-first at home-key");
}

TEST(CompareHome, PatchedSideFallsBackToTheDevicesOwnPatchThenToFullHomeFirst) {
    Device d = device(8, {launcher("com.a", 0, true)});
    EXPECT_EQ(describePatch(comparisonPatch(d, std::nullopt)), "home-first");
    EXPECT_EQ(describePatch(compareHome(d).patched.patch), "home-first");
    d.patch.homeFirstSites = {"recents"};
    EXPECT_EQ(describePatch(comparisonPatch(d, std::nullopt)), "home-first at recents");
    EXPECT_EQ(describePatch(compareHome(d).patched.patch), "home-first at recents");
    // Choosing stock explicitly is a choice, not "none given".
    EXPECT_EQ(describePatch(comparisonPatch(d, FrameworkPatch{})), "stock");
}

// ---- HomeDetail: what the text report needs, without explaining every MAIN activity ----

TEST(HomeDetail, MainOnlyCountedListsTheSameActivitiesAndExplainsOnlyHomeOnes) {
    const Device d = device(34, {launcher("com.a", 0, true), fallbackHome(),
                                 package("com.app", {{".Main", {kLauncher}}}),
                                 package("com.nodefault", {{".Home", {kHome}}})});
    const HomeReport full = analyzeHome(d, d.patch, HomeDetail::Full);
    const HomeReport counted = analyzeHome(d, d.patch, HomeDetail::MainOnlyCounted);
    ASSERT_EQ(full.sites.size(), counted.sites.size());
    size_t mainOnly = 0;
    for (size_t s = 0; s < full.sites.size(); ++s) {
        const std::vector<HomeCandidate>& explained = full.sites[s].candidates;
        const std::vector<HomeCandidate>& listed = counted.sites[s].candidates;
        ASSERT_EQ(explained.size(), listed.size()) << full.sites[s].site;
        for (size_t i = 0; i < explained.size(); ++i) {
            const HomeCandidate& e = explained[i];
            const HomeCandidate& l = listed[i];
            EXPECT_EQ(e.component, l.component);
            EXPECT_EQ(e.candidate, l.candidate);
            EXPECT_EQ(e.declaresHome, l.declaresHome);
            if (e.candidate || e.declaresHome) {
                EXPECT_EQ(e.rule, l.rule);
                EXPECT_EQ(e.reason, l.reason);
                continue;
            }
            ++mainOnly;
            EXPECT_EQ(e.component.flattenToShortString(), "com.app/.Main");
            EXPECT_FALSE(e.rule.empty());  // Full says why (an M- rule: no HOME category)
            EXPECT_EQ(l.rule, "");
            EXPECT_EQ(l.reason, "");
        }
    }
    EXPECT_GT(mainOnly, 0u);
    // The R-7 rejection of the HOME activity without DEFAULT is explained either way.
    const auto& boot = site(counted, "boot").candidates;
    EXPECT_TRUE(std::any_of(boot.begin(), boot.end(), [](const HomeCandidate& c) {
        return c.component.flattenToShortString() == "com.nodefault/.Home" && c.rule == "R-7";
    }));
    EXPECT_EQ(renderHomeText(counted), renderHomeText(full));
    const HomeComparison fullPair = compareHome(d, std::nullopt, HomeDetail::Full);
    const HomeComparison countedPair = compareHome(d, std::nullopt, HomeDetail::MainOnlyCounted);
    EXPECT_EQ(renderHomeCompareText(countedPair.stock, countedPair.patched),
              renderHomeCompareText(fullPair.stock, fullPair.patched));
}

TEST(HomeDetail, FirstMainOnlyExplainsThatManyInReportOrderAndNamesTheRest) {
    // Four MAIN-only activities: a view that shows two of them asks for two explanations.
    const Device d = device(34, {launcher("com.a", 0, true), fallbackHome(),
                                 package("com.app1", {{".Main", {kLauncher}}}),
                                 package("com.app2", {{".Main", {kLauncher}}}),
                                 package("com.app3", {{".Main", {kLauncher}}}),
                                 package("com.app4", {{".Main", {kLauncher}}})});
    const HomeReport full = analyzeHome(d, d.patch, HomeDetail::Full);
    for (size_t limit : {size_t{0}, size_t{2}, size_t{4}, size_t{9}}) {
        const HomeReport some = analyzeHome(d, d.patch, HomeDetail::firstMainOnly(limit));
        ASSERT_EQ(full.sites.size(), some.sites.size());
        for (size_t s = 0; s < full.sites.size(); ++s) {
            const std::vector<HomeCandidate>& all = full.sites[s].candidates;
            const std::vector<HomeCandidate>& listed = some.sites[s].candidates;
            ASSERT_EQ(all.size(), listed.size()) << full.sites[s].site << " limit " << limit;
            size_t mainOnlySeen = 0;
            for (size_t i = 0; i < all.size(); ++i) {
                EXPECT_EQ(all[i].component, listed[i].component) << "limit " << limit;
                if (all[i].candidate || all[i].declaresHome) {
                    EXPECT_EQ(all[i].reason, listed[i].reason);
                    continue;
                }
                // The first `limit` MAIN-only activities read exactly as Full has them.
                if (mainOnlySeen++ < limit) {
                    EXPECT_EQ(all[i].rule, listed[i].rule);
                    EXPECT_EQ(all[i].reason, listed[i].reason);
                    EXPECT_FALSE(listed[i].reason.empty());
                } else {
                    EXPECT_EQ(listed[i].rule, "") << all[i].component.flattenToShortString();
                    EXPECT_EQ(listed[i].reason, "");
                }
            }
            if (full.sites[s].site == "boot") {
                EXPECT_EQ(mainOnlySeen, 4u);
            }
        }
    }
    EXPECT_EQ(HomeDetail::firstMainOnly(0), HomeDetail::MainOnlyCounted);
}

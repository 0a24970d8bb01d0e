// The simulator: script parsing (every error's full text), and the home flows it plays out.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/manifest.h>
#include <hearth/simulate.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace hearth;

namespace {

constexpr const char* kHome = "android.intent.category.HOME";
constexpr const char* kDefault = "android.intent.category.DEFAULT";

const std::filesystem::path kSamples = HEARTH_SAMPLES_DIR;

std::string launcherXml(const std::string& package, int priority = 0,
                        const std::string& attributes = "") {
    return "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" +
           package + "\">\n  <application>\n    <activity android:name=\".Home\" " + attributes +
           ">\n      <intent-filter android:priority=\"" + std::to_string(priority) +
           "\">\n        <action android:name=\"android.intent.action.MAIN\"/>\n"
           "        <category android:name=\"" +
           kHome +
           "\"/>\n"
           "        <category android:name=\"" +
           kDefault +
           "\"/>\n"
           "      </intent-filter>\n    </activity>\n  </application>\n</manifest>\n";
}

InstalledPackage package(const std::string& name, int priority = 0, bool system = false,
                         const std::string& attributes = "") {
    auto manifest = parseManifest(launcherXml(name, priority, attributes), name + ".xml");
    EXPECT_TRUE(manifest.has_value()) << (manifest ? "" : manifest.error().toString());
    InstalledPackage installed;
    if (manifest) installed.manifest = *manifest;
    installed.system = system;
    installed.privileged = system;
    return installed;
}

Device device(int api, std::vector<InstalledPackage> packages) {
    Device d;
    d.name = "test";
    d.apiLevel = api;
    d.packages = std::move(packages);
    return d;
}

SimulationScript script(const std::string& text) {
    auto parsed = parseSimulationScript(text, "s.script", kSamples / "devices" / "three-launchers");
    EXPECT_TRUE(parsed.has_value()) << (parsed ? "" : parsed.error().toString());
    return parsed ? *parsed : SimulationScript{};
}

std::string parseError(const std::string& text) {
    auto parsed = parseSimulationScript(text, "s.script", ".");
    if (parsed) return "(parsed)";
    return parsed.error().toString();
}

std::string runError(Device d, const std::string& text) {
    const SimulationResult result = runSimulation(std::move(d), script(text));
    return result.failure ? result.failure->toString() : std::string("(no error)");
}

const StepReport& lastStep(const SimulationResult& result) {
    EXPECT_FALSE(result.steps.empty());
    return result.steps.back();
}

Device modernWithProvision(bool setupComplete, bool unlocked) {
    Device d = device(
        30, {package("com.android.provision", 1, true), package("com.launcher", 0, true),
             package("com.android.settings", -1000, true, "android:directBootAware=\"true\"")});
    d.userSetupComplete = setupComplete;
    d.userUnlocked = unlocked;
    return d;
}

}  // namespace

// ---- Parsing ----

TEST(SimulationScript, CommentsAndBlankLinesAreSkippedAndLinesKeepTheirNumbers) {
    const SimulationScript parsed =
        script("# a comment\n\nboot   # trailing comment\n  press-home\n");
    ASSERT_EQ(parsed.steps.size(), 2u);
    EXPECT_EQ(parsed.steps[0].kind, SimulationStep::Kind::Boot);
    EXPECT_EQ(parsed.steps[0].keyword.where.line, 3);
    EXPECT_EQ(parsed.steps[0].text, "boot");
    EXPECT_EQ(parsed.steps[1].keyword.where.line, 4);
    EXPECT_EQ(parsed.steps[1].keyword.where.column, 3);
}

TEST(SimulationScript, UnknownStepIsReportedAtItsWord) {
    EXPECT_EQ(parseError("boot\n  jump\n"),
              "s.script:2:3: unknown step 'jump': expected one of boot, reboot, press-home, "
              "choose, install, uninstall, disable, enable, unlock, finish-setup, patch, "
              "patch-site, expect");
}

TEST(SimulationScript, ChooseWithoutModeNamesItsUsage) {
    EXPECT_EQ(parseError("choose com.a/.Home\n"),
              "s.script:1:1: step 'choose' expects 'choose COMPONENT always|once', got 1 argument");
}

TEST(SimulationScript, ChooseModeMustBeAlwaysOrOnce) {
    EXPECT_EQ(parseError("choose com.a/.Home sometimes\n"),
              "s.script:1:20: expected 'always' or 'once', got 'sometimes'");
}

TEST(SimulationScript, ExtraArgumentIsReportedAtItsColumn) {
    EXPECT_EQ(parseError("press-home now\n"),
              "s.script:1:12: step 'press-home' expects 'press-home', got extra 'now'");
}

TEST(SimulationScript, ComponentMustHaveAPackageAndAClass) {
    EXPECT_EQ(parseError("disable foo\n"),
              "s.script:1:9: expected a component like 'com.example/.Home', got 'foo'");
}

TEST(SimulationScript, UnknownExpectationIsReportedAtItsWord) {
    EXPECT_EQ(parseError("expect sky blue\n"),
              "s.script:1:8: unknown expectation 'sky': expected a component, chooser, "
              "nothing, screen, no-home, home-ignored or setup-complete");
}

TEST(SimulationScript, ExpectScreenNeedsAComponent) {
    EXPECT_EQ(parseError("expect screen\n"),
              "s.script:1:8: step 'expect screen' expects 'expect screen COMPONENT', got 0 "
              "arguments");
}

TEST(SimulationScript, UnknownCallSiteIsReportedAtItsWord) {
    EXPECT_EQ(parseError("patch-site boot homekey\n"),
              "s.script:1:17: unknown call site 'homekey': expected one of boot, home-key, "
              "home-key-mid, recents, is-home");
}

TEST(SimulationScript, PatchMustBeHomeFirstOrStock) {
    EXPECT_EQ(parseError("patch everything\n"),
              "s.script:1:7: expected 'home-first' or 'stock', got 'everything'");
}

TEST(SimulationScript, BootStorageMustBeLockedOrUnlocked) {
    EXPECT_EQ(parseError("boot sideways\n"),
              "s.script:1:6: expected 'locked' or 'unlocked', got 'sideways'");
}

TEST(SimulationScript, MissingFileSaysItCannotBeRead) {
    auto loaded = loadSimulationScript("/nonexistent/x.script");
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().toString(), "/nonexistent/x.script: cannot read: no such file or directory");
}

// ---- Steps that cannot apply ----

TEST(SimulationRun, PressHomeBeforeBootIsAnError) {
    EXPECT_EQ(runError(device(8, {package("com.a", 0, true)}), "press-home\n"),
              "s.script:1:1: press-home before 'boot': the device is off");
}

TEST(SimulationRun, BootingTwiceAsksForReboot) {
    EXPECT_EQ(runError(device(8, {package("com.a", 0, true)}), "boot\nboot\n"),
              "s.script:2:1: the device is already running: use 'reboot'");
}

TEST(SimulationRun, LockedBootNeedsFileBasedEncryption) {
    EXPECT_EQ(runError(device(8, {package("com.a", 0, true)}), "boot locked\n"),
              "s.script:1:6: 'locked' needs file-based encryption (Android 7+); this device is "
              "Android API 8");
}

TEST(SimulationRun, ChooseWithoutAChooserOnScreenIsAnError) {
    EXPECT_EQ(runError(device(8, {package("com.a", 0, true)}), "boot\nchoose com.a/.Home always\n"),
              "s.script:2:1: no chooser on screen to choose from (screen: com.a/.Home)");
}

TEST(SimulationRun, ChoosingSomethingTheChooserDoesNotListIsAnError) {
    EXPECT_EQ(runError(device(10, {package("com.a"), package("com.b")}),
                       "boot\nchoose com.c/.Home once\n"),
              "s.script:2:8: 'com.c/.Home' is not in the chooser: it lists com.a/.Home, "
              "com.b/.Home");
}

TEST(SimulationRun, UninstallingAnUnknownPackageIsAnError) {
    EXPECT_EQ(runError(device(8, {package("com.a")}), "uninstall com.zzz\n"),
              "s.script:1:11: no installed package 'com.zzz'");
}

TEST(SimulationRun, DisablingAnUnknownComponentIsAnError) {
    EXPECT_EQ(runError(device(8, {package("com.a")}), "disable com.a/.Nope\n"),
              "s.script:1:9: no component 'com.a/.Nope' on the device");
}

TEST(SimulationRun, InstallingAnUnreadableManifestQuotesTheParserError) {
    const std::filesystem::path base = kSamples / "devices" / "three-launchers";
    auto expected = loadManifest(base / "missing/AndroidManifest.xml");
    ASSERT_FALSE(expected.has_value());
    EXPECT_EQ(runError(device(8, {package("com.a")}), "install missing/AndroidManifest.xml\n"),
              "s.script:1:9: cannot install 'missing/AndroidManifest.xml': " +
                  expected.error().toString());
}

TEST(SimulationRun, FailedExpectationsSayWhatWasExpectedAndWhatWasFound) {
    Device d = device(10, {package("com.a"), package("com.b")});
    EXPECT_EQ(runError(d, "boot\nexpect screen com.a/.Home\n"),
              "s.script:2:8: expected screen 'com.a/.Home', got 'chooser: com.a/.Home, "
              "com.b/.Home'");
    EXPECT_EQ(runError(d, "boot\nexpect chooser com.a/.Home\n"),
              "s.script:2:8: expected chooser: com.a/.Home, got 'chooser: com.a/.Home, "
              "com.b/.Home'");
    EXPECT_EQ(runError(d, "boot\nexpect no-home\n"),
              "s.script:2:8: expected no home, got 'chooser: com.a/.Home, com.b/.Home'");
    EXPECT_EQ(runError(d, "boot\npress-home\nexpect home-ignored\n"),
              "s.script:3:8: expected the last HOME press to be ignored, but it was not "
              "(screen: chooser: com.a/.Home, com.b/.Home)");
    Device unprovisioned = d;
    unprovisioned.userSetupComplete = false;
    EXPECT_EQ(runError(unprovisioned, "expect setup-complete\n"),
              "s.script:1:8: expected user setup to be complete, but it is in progress");
}

TEST(SimulationRun, ChooserExpectationIgnoresOrder) {
    const SimulationResult result =
        runSimulation(device(10, {package("com.a"), package("com.b")}),
                      script("boot\nexpect chooser com.b/.Home com.a/.Home\n"));
    EXPECT_FALSE(result.failure.has_value());
    EXPECT_EQ(result.expectationsMet, 1u);
}

TEST(SimulationRun, ExpectReadsTheAnswerWordsOfHearthCheck) {
    // Issue 15: `expect COMPONENT`, `expect chooser A B` and `expect nothing` mean what
    // `=> COMPONENT`, `=> chooser A B` and `=> nothing` mean in a checks file.
    const Device one = device(10, {package("com.a")});
    EXPECT_EQ(runError(one, "boot\nexpect com.a/.Home\n"), "(no error)");
    EXPECT_EQ(runError(one, "boot\nexpect com.b/.Home\n"),
              "s.script:2:8: expected screen 'com.b/.Home', got 'com.a/.Home'");
    EXPECT_EQ(runError(one, "boot\nexpect nothing\n"),
              "s.script:2:8: expected no home, got 'com.a/.Home'");
    EXPECT_EQ(runError(device(10, {}), "boot\nexpect nothing\n"), "(no error)");
    EXPECT_EQ(parseError("expect com.a/.Home com.b/.Home\n"),
              "s.script:1:20: the screen shows one activity: write one component, or 'chooser' "
              "before several");
}

TEST(SimulationRun, TypedStepsAreTheScriptsSteps) {
    // The explorer's buttons (Simulator::boot, choose, pressHome) and a script's lines take the
    // same steps to the same screens and the same recorded choice.
    const Device d = device(10, {package("com.a"), package("com.b")});
    const SimulationResult scripted =
        runSimulation(d, script("boot\nchoose com.b/.Home always\npress-home\n"));
    ASSERT_FALSE(scripted.failure.has_value()) << scripted.failure->toString();
    Simulator typed(d);
    Result<StepReport> booted = typed.boot();
    ASSERT_TRUE(booted.has_value()) << booted.error().toString();
    EXPECT_EQ(booted->screen.describe(), scripted.steps[0].screen.describe());
    Result<StepReport> chosen = typed.choose(ComponentName{"com.b", ".Home"}, true);
    ASSERT_TRUE(chosen.has_value()) << chosen.error().toString();
    EXPECT_EQ(chosen->screen.describe(), scripted.steps[1].screen.describe());
    Result<StepReport> home = typed.pressHome();
    ASSERT_TRUE(home.has_value()) << home.error().toString();
    EXPECT_EQ(home->screen.describe(), "com.b/.Home");
    EXPECT_EQ(home->screen.describe(), scripted.steps[2].screen.describe());
    EXPECT_EQ(typed.device().preferred.size(), 1u);
    // A typed step that cannot apply fails as the script line would.
    Simulator off(d);
    Result<StepReport> early = off.pressHome();
    ASSERT_FALSE(early.has_value());
    EXPECT_NE(early.error().message.find("boot"), std::string::npos) << early.error().message;
}

TEST(SimulationRun, ABorrowedDeviceIsCopiedOnlyWhenAStepChangesIt) {
    // The explorer boots its phone on the device it has open, under the framework it shows.
    const Device d = device(30, {package("com.a"), package("com.b")});
    const PackageIndex index(d);
    Simulator owned(d);
    Simulator borrowed(d, index, d.patch);
    Result<StepReport> ownedBoot = owned.boot();
    Result<StepReport> borrowedBoot = borrowed.boot();
    ASSERT_TRUE(ownedBoot.has_value() && borrowedBoot.has_value());
    EXPECT_EQ(borrowedBoot->screen.describe(), ownedBoot->screen.describe());
    EXPECT_EQ(borrowedBoot->events, ownedBoot->events);
    // Booting changed nothing, so nothing was copied.
    EXPECT_EQ(&borrowed.device(), &d);
    // "Always" records a preferred activity: in the simulator's own copy, never in `d`.
    ASSERT_TRUE(borrowed.choose(ComponentName{"com.b", ".Home"}, true).has_value());
    EXPECT_NE(&borrowed.device(), &d);
    EXPECT_EQ(borrowed.device().preferred.size(), 1u);
    EXPECT_TRUE(d.preferred.empty());
    // ... and the copy answers from its own index from then on (H-10: the pick is home).
    Result<StepReport> home = borrowed.pressHome();
    ASSERT_TRUE(home.has_value()) << home.error().toString();
    EXPECT_EQ(home->screen.describe(), "com.b/.Home");
}

TEST(SimulationRun, ABorrowedDeviceRunsUnderThePatchGivenNotItsOwn) {
    // d is stock; simulated under HOME_FIRST at every site a plain launcher is not home.
    const Device d = device(8, {package("com.a", 0, true)});
    const PackageIndex index(d);
    Simulator patched(d, index, fullHomeFirstPatch());
    Result<StepReport> boot = patched.boot();
    ASSERT_TRUE(boot.has_value()) << boot.error().toString();
    EXPECT_EQ(boot->screen.describe(), "no home (blank screen)");
    EXPECT_EQ(describePatch(patched.patch()), "home-first");
    Simulator stock(d, index, FrameworkPatch{});
    Result<StepReport> stockBoot = stock.boot();
    ASSERT_TRUE(stockBoot.has_value());
    EXPECT_EQ(stockBoot->screen.describe(), "com.a/.Home");
}

// ---- Home flows (H-rules, edge cases 54-60) ----

TEST(SimulationRun, H12ProvisionCompletesSetupDisablesItselfAndTheLauncherFollows) {
    // Edge case 58.
    const SimulationResult result =
        runSimulation(modernWithProvision(false, true), script("boot\n"));
    ASSERT_FALSE(result.failure.has_value()) << result.failure->toString();
    const StepReport& boot = lastStep(result);
    EXPECT_EQ(boot.screen.describe(), "com.launcher/.Home");
    EXPECT_EQ(boot.events,
              (std::vector<std::string>{
                  "storage unlocked, user setup in progress",
                  "home: com.android.provision/.Home (MAIN + HOME, C-3: top two differ in "
                  "priority (1 > 0))",
                  "com.android.provision/.Home sets DEVICE_PROVISIONED=1 and "
                  "USER_SETUP_COMPLETE=1, disables itself and finishes (H-12)",
                  "home: com.launcher/.Home (MAIN + HOME, C-3: top two differ in priority (0 > "
                  "-1000))"}));
}

TEST(SimulationRun, H11FallbackHomeHoldsUntilUnlockThenLeaves) {
    // Edge case 59.
    const SimulationResult result =
        runSimulation(modernWithProvision(true, false),
                      script("boot\nexpect screen com.android.settings/.Home\nunlock\n"));
    ASSERT_FALSE(result.failure.has_value()) << result.failure->toString();
    ASSERT_EQ(result.steps.size(), 3u);
    const StepReport& unlock = result.steps[2];
    EXPECT_EQ(unlock.events.front(), "storage unlocked");
    EXPECT_EQ(unlock.events[1],
              "com.android.settings/.Home sees storage unlocked and another home, and finishes "
              "(H-11)");
    // Setup is complete but Provision was never run, so it still wins once (H-12).
    EXPECT_EQ(unlock.screen.describe(), "com.launcher/.Home");
}

TEST(SimulationRun, H14HomeKeyIsIgnoredWhileSetupIsInProgress) {
    // Edge case 60.
    const SimulationResult result = runSimulation(
        modernWithProvision(false, false), script("boot\npress-home\nexpect home-ignored\n"));
    ASSERT_FALSE(result.failure.has_value()) << result.failure->toString();
    const StepReport& press = result.steps[1];
    EXPECT_TRUE(press.homeIgnored);
    EXPECT_EQ(press.events,
              (std::vector<std::string>{"HOME key ignored: setup in progress (H-14: Not going "
                                        "home because user setup is in progress.)"}));
    EXPECT_EQ(press.screen.describe(), "com.android.settings/.Home");
}

TEST(SimulationRun, P8LegacyAlwaysIsDroppedWhenANewTopLauncherAppears) {
    // Edge case 54, 2.x flavour: the entry is removed and the chooser asks again.
    Simulator simulator(device(10, {package("com.a"), package("com.b")}));
    const SimulationScript steps = script(
        "boot\nchoose com.a/.Home always\ninstall new-launcher/AndroidManifest.xml\n"
        "press-home\n");
    for (size_t i = 0; i < 2; ++i)
        ASSERT_TRUE(simulator.apply(steps.steps[i], steps.baseDir).has_value());
    ASSERT_EQ(simulator.device().preferred.size(), 1u);
    const PreferredActivity& entry = simulator.device().preferred[0];
    EXPECT_EQ(entry.filter.actions, std::vector<std::string>{"android.intent.action.MAIN"});
    EXPECT_EQ(entry.filter.categories, (std::vector<std::string>{kHome, kDefault}));
    EXPECT_EQ(entry.match, 0x100000);
    EXPECT_EQ(entry.set.size(), 2u);
    EXPECT_TRUE(entry.always);
    for (size_t i = 2; i < 4; ++i)
        ASSERT_TRUE(simulator.apply(steps.steps[i], steps.baseDir).has_value());
    EXPECT_TRUE(simulator.device().preferred.empty());
    EXPECT_EQ(simulator.screen().kind, Screen::Kind::Chooser);
    EXPECT_EQ(simulator.screen().chooser.size(), 3u);
}

TEST(SimulationRun, P8ModernAlwaysBecomesLastChosenWhenANewLauncherAppears) {
    // Edge case 54, modern flavour; "Always" for HOME also names the ROLE_HOME holder (H-10).
    const SimulationResult result = runSimulation(
        device(30, {package("com.a"), package("com.b")}),
        script("boot\nchoose com.b/.Home always\ninstall new-launcher/AndroidManifest.xml\n"
               "press-home\n"));
    ASSERT_FALSE(result.failure.has_value()) << result.failure->toString();
    EXPECT_EQ(result.steps[1].events[1], "ROLE_HOME holder is now 'com.b' (H-10)");
    EXPECT_EQ(result.steps[3].screen.kind, Screen::Kind::Chooser);
    EXPECT_EQ(result.steps[3].screen.chooser.size(), 3u);
}

TEST(SimulationRun, P8ModernUninstallShrinksTheSetAndKeepsTheChoice) {
    // Edge case 55, modern flavour.
    Simulator simulator(device(30, {package("com.a"), package("com.b"), package("com.c")}));
    const SimulationScript steps =
        script("boot\nchoose com.a/.Home always\nuninstall com.c\npress-home\n");
    for (const SimulationStep& step : steps.steps) {
        auto report = simulator.apply(step, steps.baseDir);
        ASSERT_TRUE(report.has_value()) << report.error().toString();
    }
    EXPECT_EQ(simulator.screen().describe(), "com.a/.Home");
    ASSERT_EQ(simulator.device().preferred.size(), 1u);
    EXPECT_EQ(simulator.device().preferred[0].set.size(), 2u);
}

TEST(SimulationRun, P8ADemotedEntryMovesToTheEndOfThePreferredTable) {
    // Android rewrites a demoted entry by removing it and adding the new one.
    Device d = device(30, {package("com.a"), package("com.b")});
    PreferredActivity home;
    home.filter.actions = {"android.intent.action.MAIN"};
    home.filter.categories = {kHome, kDefault};
    home.component = ComponentName{"com.a", "com.a.Home"};
    home.set = {ComponentName{"com.a", "com.a.Home"}, ComponentName{"com.b", "com.b.Home"}};
    home.match = 0x100000;
    PreferredActivity other;
    other.filter.actions = {"android.intent.action.VIEW"};
    other.filter.categories = {kDefault};
    other.component = ComponentName{"com.b", "com.b.Home"};
    other.always = false;
    d.preferred = {home, other};
    Simulator simulator(std::move(d));
    const SimulationScript steps =
        script("boot\ninstall new-launcher/AndroidManifest.xml\npress-home\n");
    for (const SimulationStep& step : steps.steps) {
        auto report = simulator.apply(step, steps.baseDir);
        ASSERT_TRUE(report.has_value()) << report.error().toString();
    }
    EXPECT_EQ(simulator.screen().kind, Screen::Kind::Chooser);
    ASSERT_EQ(simulator.device().preferred.size(), 2u);
    EXPECT_EQ(simulator.device().preferred[0].filter.actions,
              std::vector<std::string>{"android.intent.action.VIEW"});
    EXPECT_EQ(simulator.device().preferred[1].component.packageName, "com.a");
    EXPECT_FALSE(simulator.device().preferred[1].always);
}

TEST(SimulationRun, AHandBuiltStepWithoutItsArgumentsIsRefusedNotFollowed) {
    Simulator simulator(device(10, {package("com.a"), package("com.b")}));
    SimulationStep choose;
    choose.kind = SimulationStep::Kind::Choose;
    choose.keyword = ScriptToken{"choose", SourceLocation{"gui", 1, 1}};
    auto report = simulator.apply(choose, ".");
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().toString(), "gui:1:1: step 'choose' needs 2 arguments, got 0");
    choose.args = {ScriptToken{"nonsense", SourceLocation{"gui", 1, 8}},
                   ScriptToken{"always", SourceLocation{"gui", 1, 17}}};
    report = simulator.apply(choose, ".");
    ASSERT_FALSE(report.has_value());
    EXPECT_EQ(report.error().toString(),
              "gui:1:8: expected a component like 'com.example/.Home', got 'nonsense'");
}

TEST(SimulationRun, JustOnceRecordsALastChosenEntryOnlyOnModernDevices) {
    Simulator legacy(device(10, {package("com.a"), package("com.b")}));
    Simulator modern(device(30, {package("com.a"), package("com.b")}));
    const SimulationScript steps = script("boot\nchoose com.a/.Home once\n");
    for (const SimulationStep& step : steps.steps) {
        ASSERT_TRUE(legacy.apply(step, steps.baseDir).has_value());
        ASSERT_TRUE(modern.apply(step, steps.baseDir).has_value());
    }
    EXPECT_TRUE(legacy.device().preferred.empty());
    ASSERT_EQ(modern.device().preferred.size(), 1u);
    EXPECT_FALSE(modern.device().preferred[0].always);
    EXPECT_EQ(legacy.screen().describe(), "com.a/.Home");
}

TEST(SimulationRun, UninstallingTheHomeOnScreenStartsHomeAgain) {
    // H-4: nothing left to resume.
    const SimulationResult result =
        runSimulation(device(8, {package("com.a", 1, true), package("com.b", 0, true)}),
                      script("boot\nuninstall com.a\n"));
    ASSERT_FALSE(result.failure.has_value()) << result.failure->toString();
    EXPECT_EQ(result.steps[0].screen.describe(), "com.a/.Home");
    EXPECT_EQ(result.steps[1].events[1],
              "com.a/.Home is gone; nothing is left to resume, so the system starts home (H-4)");
    EXPECT_EQ(result.steps[1].screen.describe(), "com.b/.Home");
}

TEST(SimulationRun, PatchingEverySiteLeavesPlainLaunchersWithoutHome) {
    const SimulationResult result = runSimulation(
        device(8, {package("com.a", 0, true)}),
        script("boot\nexpect screen com.a/.Home\npatch home-first\npress-home\nexpect no-home\n"
               "patch stock\nreboot\nexpect screen com.a/.Home\n"));
    ASSERT_FALSE(result.failure.has_value()) << result.failure->toString();
    EXPECT_EQ(result.steps[2].events, std::vector<std::string>{"framework: home-first"});
    EXPECT_EQ(result.steps[3].screen.describe(), "no home (blank screen)");
}

TEST(SimulationRun, DisableAndEnableChangeWhatBecomesHome) {
    const SimulationResult result = runSimulation(
        device(8, {package("com.a", 1, true), package("com.b", 0, true)}),
        script("disable com.a/.Home\nboot\nexpect screen com.b/.Home\nenable com.a/.Home\n"
               "press-home\nexpect screen com.a/.Home\n"));
    EXPECT_FALSE(result.failure.has_value()) << result.failure->toString();
    EXPECT_EQ(result.expectationsMet, 2u);
}

TEST(SimulationRender, TextShowsEachStepWithItsLineAndTheScreen) {
    const SimulationResult result =
        runSimulation(device(8, {package("com.a", 0, true)}), script("# start\nboot\n"));
    EXPECT_EQ(renderSimulationText(result),
              "Simulating test (Android API 8, legacy 2.x framework)\n"
              "\n"
              "2: boot\n"
              "    home: com.a/.Home (MAIN + HOME, C-2: only one activity matches)\n"
              "    screen: com.a/.Home\n"
              "\n"
              "ok: 1 step, 0 expectations met\n");
}

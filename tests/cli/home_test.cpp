// hearth home, in-process (exact stdout, stderr and exit code) plus a smoke run of the binary.

#include <gtest/gtest.h>
#include <hearth/device.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_run.h"

using namespace hearth;

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

const std::string kDevices = std::string(HEARTH_SAMPLES_DIR) + "/devices/";

}  // namespace

TEST(HomeCommand, CompareShowsStockAndPatchedSeedSideBySide) {
    const CliRun run = runCli({"home", kDevices + "seed", "--compare"});
    EXPECT_EQ(run.code, 0);
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(
        run.out,
        "Home on seed: Android API 8, legacy 2.x framework: stock vs home-first\n"
        "\n"
        "  site          stock (every site HOME)                 category    patched (home-first)\n"
        "  boot          com.android.launcher/.Launcher          HOME_FIRST  "
        "com.example.first/.FirstAppActivity\n"
        "  home-key      com.android.launcher/.Launcher          HOME_FIRST  "
        "com.example.first/.FirstAppActivity\n"
        "  home-key-mid  com.android.launcher/.Launcher          HOME_FIRST  "
        "com.example.first/.FirstAppActivity\n"
        "  recents       hides com.android.launcher/.Launcher    HOME_FIRST  hides "
        "com.example.first/.FirstAppActivity\n"
        "  is-home       com.android.launcher/.Launcher is home  HOME_FIRST  "
        "com.example.first/.FirstAppActivity is home\n"
        "\n"
        "why (stock)\n"
        "  boot          C-2: only one activity matches\n"
        "  home-key      C-2: only one activity matches\n"
        "  home-key-mid  C-2: only one activity matches\n"
        "  recents       H-17: the recent-apps dialog hides com.android.launcher/.Launcher as "
        "home\n"
        "  is-home       H-6: com.android.launcher/.Launcher is the home activity: MAIN, exactly "
        "{HOME}, no data or type, NEW_TASK, component chosen by the system; its process becomes "
        "mHomeProcess\n"
        "\n"
        "why (patched)\n"
        "  boot          C-2: only one activity matches\n"
        "  home-key      C-2: only one activity matches\n"
        "  home-key-mid  C-2: only one activity matches\n"
        "  recents       H-17: the recent-apps dialog hides com.example.first/.FirstAppActivity as "
        "home\n"
        "  is-home       H-6: com.example.first/.FirstAppActivity is the home activity: MAIN, "
        "exactly {HOME_FIRST}, no data or type, NEW_TASK, component chosen by the system; its "
        "process becomes mHomeProcess\n"
        "\n"
        "Candidates and rejected activities: hearth home DEVICE [--patch home-first] (or "
        "--json).\n");
}

TEST(HomeCommand, PatchedFrameworkWithoutHomeFirstActivitySaysNoHomeLoudly) {
    const CliRun run = runCli({"home", kDevices + "patched-no-home-first"});
    EXPECT_EQ(run.code, 0);
    const std::string launcher =
        kDevices + "patched-no-home-first/launcher/AndroidManifest.xml:9:13";
    const std::string head =
        "Home on patched-no-home-first: Android API 8, legacy 2.x framework, framework home-first\n"
        "\n"
        "  site          category    outcome\n"
        "  boot          HOME_FIRST  NO HOME (blank screen)\n"
        "  home-key      HOME_FIRST  nothing (HOME does nothing)\n"
        "  home-key-mid  HOME_FIRST  nothing (HOME does nothing)\n"
        "  recents       HOME_FIRST  hides nothing\n"
        "  is-home       HOME_FIRST  nothing is home\n"
        "\n"
        "!! no home: the device boots to a blank screen (no enabled activity declares MAIN + "
        "HOME_FIRST + DEFAULT)\n"
        "\n"
        "boot: ActivityManagerService.startHomeActivityLocked\n"
        "  intent      act=android.intent.action.MAIN cat=[android.intent.category.HOME_FIRST]\n"
        "  resolved    queryFlags=0x10400 (MATCH_DEFAULT_ONLY: filters need DEFAULT)\n"
        "  outcome     NO HOME (blank screen)\n"
        "  why         C-1: nothing answers MAIN + HOME_FIRST: no enabled activity declares MAIN + "
        "HOME_FIRST + DEFAULT; the device boots to a blank screen\n"
        "  candidates  none\n"
        "  rejected    com.android.launcher/.Launcher  M-5: category "
        "'android.intent.category.HOME_FIRST' is not in the filter's categories [HOME, DEFAULT]  "
        "[" +
        launcher +
        "]\n"
        "              1 other MAIN activity without HOME or HOME_FIRST (see --json)\n";
    EXPECT_EQ(run.out.substr(0, head.size()), head);
    EXPECT_NE(run.out.find("is-home: HistoryRecord (isHomeActivity)\n"
                           "  checks for  act=android.intent.action.MAIN "
                           "cat=[android.intent.category.HOME_FIRST] flg=0x10000000\n"
                           "  outcome     nothing is home\n"),
              std::string::npos)
        << run.out;
}

TEST(HomeCommand, PatchSiteSwapsOnlyTheNamedSites) {
    const CliRun run =
        runCli({"home", kDevices + "seed", "--patch-site", "boot", "--patch-site", "recents"});
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("framework home-first at boot, recents\n"), std::string::npos);
    EXPECT_NE(run.out.find("  boot          HOME_FIRST  com.example.first/.FirstAppActivity\n"
                           "  home-key      HOME        com.android.launcher/.Launcher\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("!! inconsistent: boot starts com.example.first/.FirstAppActivity but "
                           "home-key starts com.android.launcher/.Launcher (boot uses HOME_FIRST, "
                           "home-key uses HOME)\n"),
              std::string::npos)
        << run.out;
}

TEST(HomeCommand, PatchSiteTakesOneSiteEachSoTheDeviceMayFollowIt) {
    const CliRun run =
        runCli({"home", "--patch-site", "boot", kDevices + "seed", "--patch-site", "is-home"});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
              "Home on seed: Android API 8, legacy 2.x framework, framework home-first at boot, "
              "is-home");
}

TEST(HomeCommand, JsonHasTheDocumentedShape) {
    const CliRun run = runCli({"home", kDevices + "seed", "--patch", "home-first", "--json"});
    EXPECT_EQ(run.code, 0);
    const nlohmann::json json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["framework"]["api"], 8);
    EXPECT_EQ(json["framework"]["generation"], "legacy");
    EXPECT_EQ(json["framework"]["sites"]["boot"], "android.intent.category.HOME_FIRST");
    ASSERT_EQ(json["sites"].size(), 5u);
    EXPECT_EQ(json["sites"][0]["site"], "boot");
    EXPECT_EQ(json["sites"][0]["outcome"], "activity");
    EXPECT_EQ(json["sites"][0]["component"], "com.example.first/.FirstAppActivity");
    EXPECT_EQ(json["sites"][0]["intent"]["action"], "android.intent.action.MAIN");
    EXPECT_EQ(json["sites"][0]["queryFlags"], "0x10400");
    EXPECT_EQ(json["sites"][3]["hidden"], "com.example.first/.FirstAppActivity");
}

TEST(HomeCommand, CompareJsonWrapsStockAndPatched) {
    const CliRun run = runCli({"home", kDevices + "three-launchers", "--compare", "--json"});
    EXPECT_EQ(run.code, 0);
    const nlohmann::json json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["stock"]["sites"][0]["outcome"], "chooser");
    EXPECT_EQ(json["stock"]["sites"][0]["chooser"].size(), 3u);
    EXPECT_EQ(json["patched"]["sites"][0]["outcome"], "none");
    EXPECT_EQ(json["patched"]["framework"]["patch"], "home-first");
}

TEST(HomeCommand, StateOverridesShowDirectBootAndSetup) {
    const CliRun run =
        runCli({"home", kDevices + "modern-provision", "--storage", "locked", "--json"});
    EXPECT_EQ(run.code, 0);
    const nlohmann::json json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["userUnlocked"], false);
    EXPECT_EQ(json["sites"][0]["component"], "com.android.settings/.FallbackHome");
    EXPECT_EQ(json["sites"][1]["outcome"], "refused");
    EXPECT_EQ(json["sites"][2]["outcome"], "not-present");
}

TEST(HomeCommand, ApiOverrideSwitchesTheFrameworkGeneration) {
    const CliRun run =
        runCli({"home", kDevices + "no-default-launcher", "--api", "34", "--json"});
    EXPECT_EQ(run.code, 0);
    const nlohmann::json json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["framework"]["api"], 34);
    EXPECT_EQ(json["sites"][0]["outcome"], "none");
    EXPECT_EQ(json["sites"][0]["matchDefaultOnly"], true);
}

TEST(HomeCommand, UnknownPatchIsAUsageError) {
    const CliRun run = runCli({"home", kDevices + "seed", "--patch", "home-last"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err,
              "hearth home: unknown patch 'home-last': expected 'stock' or 'home-first'\n");
}

TEST(HomeCommand, UnknownCallSiteIsAUsageError) {
    const CliRun run = runCli({"home", kDevices + "seed", "--patch-site", "homekey"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err,
              "hearth home: unknown call site 'homekey': expected one of boot, home-key, "
              "home-key-mid, recents, is-home\n");
}

TEST(HomeCommand, OutOfRangeApiIsAUsageError) {
    const CliRun run = runCli({"home", kDevices + "seed", "--api", "0"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "hearth home: --api must be between 1 and 99, got 0\n");
}

TEST(HomeCommand, BadStorageOrSetupValueIsAUsageError) {
    CliRun run = runCli({"home", kDevices + "seed", "--storage", "open"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "hearth home: --storage expects 'locked' or 'unlocked', got 'open'\n");
    run = runCli({"home", kDevices + "seed", "--setup", "done"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "hearth home: --setup expects 'complete' or 'in-progress', got 'done'\n");
}

TEST(HomeCommand, UnreadableDeviceIsBadInputWithTheLoaderMessage) {
    const std::string missing = kDevices + "no-such-device";
    auto expected = loadDevice(missing);
    ASSERT_FALSE(expected.has_value());
    const CliRun run = runCli({"home", missing});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, expected.error().toString() + "\n");
}

TEST(HomeCommand, HelpListsCallSitesExamplesAndExitCodes) {
    const CliRun run = runCli({"home", "--help"});
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("hearth home samples/devices/seed --compare"), std::string::npos);
    EXPECT_NE(run.out.find("home-key-mid  the HOME key under MidWindowManager"), std::string::npos);
    EXPECT_NE(run.out.find("Exit codes:\n  0  every call site was analysed"), std::string::npos);
}

TEST(HomeCommand, BinaryPrintsTheSeedComparisonLikeScriptsRun) {
    const std::string command =
        std::string("'") + HEARTH_BINARY + "' home --compare '" + kDevices + "seed' 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    const int status = pclose(pipe);
    EXPECT_EQ(status, 0) << out;
    EXPECT_EQ(out, runCli({"home", kDevices + "seed", "--compare"}).out);
}

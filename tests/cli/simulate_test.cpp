// hearth simulate, in-process: exact stdout, stderr and exit code.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
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

// A script file of our own, in a fresh temporary folder.
std::string writeScript(const std::string& name, const std::string& text) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("hearth-simulate-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path path = dir / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

}  // namespace

TEST(SimulateCommand, SeedStoryStepFiveShowsFirstAppAsHome) {
    const CliRun run =
        runCli({"simulate", kDevices + "seed", kDevices + "seed/remove-stock-launcher.script"});
    EXPECT_EQ(run.code, 0);
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out,
              "Simulating seed (Android API 8, legacy 2.x framework)\n"
              "\n"
              "3: patch home-first\n"
              "    framework: home-first\n"
              "    screen: off\n"
              "\n"
              "4: uninstall com.android.launcher\n"
              "    uninstalled com.android.launcher (removed from the system image)\n"
              "    screen: off\n"
              "\n"
              "5: boot\n"
              "    home: com.example.first/.FirstAppActivity (MAIN + HOME_FIRST, C-2: only one "
              "activity matches)\n"
              "    screen: com.example.first/.FirstAppActivity\n"
              "\n"
              "6: expect screen com.example.first/.FirstAppActivity\n"
              "    ok\n"
              "\n"
              "7: press-home\n"
              "    home: com.example.first/.FirstAppActivity (MAIN + HOME_FIRST, C-2: only one "
              "activity matches)\n"
              "    screen: com.example.first/.FirstAppActivity\n"
              "\n"
              "8: expect screen com.example.first/.FirstAppActivity\n"
              "    ok\n"
              "\n"
              "11: patch stock\n"
              "    framework: stock\n"
              "    screen: com.example.first/.FirstAppActivity\n"
              "\n"
              "12: reboot\n"
              "    no home: nothing answers MAIN + HOME: no enabled activity declares MAIN + HOME "
              "+ DEFAULT; the device boots to a blank screen\n"
              "    screen: no home (blank screen)\n"
              "\n"
              "13: expect no-home\n"
              "    ok\n"
              "\n"
              "ok: 9 steps, 3 expectations met\n");
}

TEST(SimulateCommand, ChooserStepsListTheCandidates) {
    const std::string script =
        writeScript("chooser.script", "boot\nchoose org.example.betahome/.BetaHome always\n");
    const CliRun run = runCli({"simulate", kDevices + "three-launchers", script});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("    screen: chooser: com.android.launcher/.Launcher, "
                           "org.example.alphahome/.AlphaHome, org.example.betahome/.BetaHome\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("    \"Always\": preferred org.example.betahome/.BetaHome recorded for "
                           "MAIN + HOME + DEFAULT, match 0x100000, set of 3 "
                           "(com.android.launcher/.Launcher, org.example.alphahome/.AlphaHome, "
                           "org.example.betahome/.BetaHome) (P-4, P-5)\n"),
              std::string::npos)
        << run.out;
}

TEST(SimulateCommand, FailedExpectationStopsWithExitOneAndItsLocation) {
    const std::string script = writeScript(
        "fails.script", "boot\nexpect screen org.example.alphahome/.AlphaHome\npress-home\n");
    const CliRun run = runCli({"simulate", kDevices + "three-launchers", script});
    EXPECT_EQ(run.code, 1);
    const std::string message =
        "expected screen 'org.example.alphahome/.AlphaHome', got 'chooser: "
        "com.android.launcher/.Launcher, org.example.alphahome/.AlphaHome, "
        "org.example.betahome/.BetaHome'";
    EXPECT_EQ(run.err, script + ":2:8: " + message + "\n");
    EXPECT_NE(run.out.find("\nstopped at 2: " + message + "\n"), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("press-home"), std::string::npos) << "later steps must not run";
}

TEST(SimulateCommand, ScriptSyntaxErrorIsBadInputBeforeAnythingRuns) {
    const std::string script = writeScript("syntax.script", "boot\n\n  fly away\n");
    const CliRun run = runCli({"simulate", kDevices + "seed", script});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, script +
                           ":3:3: unknown step 'fly': expected one of boot, reboot, press-home, "
                           "choose, install, uninstall, disable, enable, unlock, finish-setup, "
                           "patch, patch-site, expect\n");
}

TEST(SimulateCommand, MissingScriptIsBadInput) {
    const CliRun run = runCli({"simulate", kDevices + "seed", kDevices + "seed/nope.script"});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, kDevices + "seed/nope.script: cannot read: no such file or directory\n");
}

TEST(SimulateCommand, MissingScriptArgumentIsAUsageError) {
    const CliRun run = runCli({"simulate", kDevices + "seed"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("SCRIPT is required"), std::string::npos) << run.err;
}

TEST(SimulateCommand, JsonListsEveryStepWithItsScreen) {
    const CliRun run =
        runCli({"simulate", kDevices + "modern-provision",
                   kDevices + "modern-provision/setup-interrupted.script", "--json"});
    EXPECT_EQ(run.code, 0) << run.err;
    const nlohmann::json json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["device"]["name"], "modern-provision");
    EXPECT_EQ(json["device"]["api"], 30);
    EXPECT_EQ(json["ok"], true);
    EXPECT_EQ(json["error"], nullptr);
    const auto& steps = json["steps"];
    ASSERT_GE(steps.size(), 3u);
    EXPECT_EQ(steps[0]["line"], 3);
    EXPECT_EQ(steps[0]["step"], "boot locked");
    EXPECT_EQ(steps[0]["screen"]["kind"], "activity");
    EXPECT_EQ(steps[0]["screen"]["component"], "com.android.settings/.FallbackHome");
    EXPECT_EQ(steps[2]["step"], "press-home");
    EXPECT_EQ(steps[2]["homeIgnored"], true);
}

TEST(SimulateCommand, HelpDocumentsStepsExamplesAndExitCodes) {
    const CliRun run = runCli({"simulate", "--help"});
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("choose COMPONENT always|once"), std::string::npos);
    EXPECT_NE(run.out.find("hearth simulate samples/devices/three-launchers"), std::string::npos);
    EXPECT_NE(run.out.find("Exit codes:\n  0  every step ran and every expectation held"),
              std::string::npos);
}

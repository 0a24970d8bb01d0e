// hearth diff, in-process: a device against itself, against the sample hijacker installed (as a
// manifest and as the APK aapt compiles from it), the HOME_FIRST patch, exit codes 0/5/1/2.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "../core/apk_fixtures.h"
#include "cli_run.h"

using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

const std::string kAppLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/app-links";
const std::string kSeed = std::string(HEARTH_SAMPLES_DIR) + "/devices/seed";
const std::string kHijacker =
    std::string(HEARTH_SAMPLES_DIR) + "/apks/link-hijacker/AndroidManifest.xml";

TEST(DiffCommand, ADeviceAgainstItselfChangesNothingAndExitsZero) {
    const CliRun run = runCli({"diff", kAppLinks, kAppLinks});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out.rfind("No intent changes its outcome (", 0), 0u) << run.out;
}

TEST(DiffCommand, InstallingTheHijackerListsWhatItTakesAndExitsFive) {
    const CliRun run = runCli({"diff", kAppLinks, "--install", kHijacker, "--json"});
    ASSERT_EQ(run.code, 5) << run.err;
    const nlohmann::json json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json["schemaVersion"], 1);
    ASSERT_FALSE(json["changes"].empty());
    for (const nlohmann::json& change : json["changes"]) {
        const std::string after = change["after"].dump();
        EXPECT_NE(after.find("com.example.linkgrab/.Grab"), std::string::npos) << change.dump();
        EXPECT_EQ(change["before"].dump().find("linkgrab"), std::string::npos) << change.dump();
    }
}

TEST(DiffCommand, TheCompiledApkChangesWhatItsManifestChanges) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("diff-apk");
    const fs::path apk = dir.path() / "link-hijacker.apk";
    ASSERT_EQ(compileApk(kHijacker, apk, dir.path()), "");
    const CliRun fromApk = runCli({"diff", kAppLinks, "--install", apk.string(), "--json"});
    const CliRun fromManifest = runCli({"diff", kAppLinks, "--install", kHijacker, "--json"});
    ASSERT_EQ(fromApk.code, 5) << fromApk.err;
    EXPECT_EQ(nlohmann::json::parse(fromApk.out)["changes"],
              nlohmann::json::parse(fromManifest.out)["changes"]);
}

TEST(DiffCommand, UninstallingAnAppChangesOnlyWhatItAnswered) {
    const CliRun run = runCli({"diff", kAppLinks, "--uninstall", "com.example.news", "--json"});
    ASSERT_EQ(run.code, 5) << run.err;
    const nlohmann::json json = nlohmann::json::parse(run.out);
    ASSERT_FALSE(json["changes"].empty());
    for (const nlohmann::json& change : json["changes"]) {
        EXPECT_NE(change["before"].dump().find("com.example.news/"), std::string::npos);
        EXPECT_EQ(change["after"].dump().find("com.example.news/"), std::string::npos);
    }
}

TEST(DiffCommand, ThePatchShowsTheSeedStory) {
    const CliRun run = runCli({"diff", kSeed, "--patch", "home-first"});
    EXPECT_EQ(run.code, 5) << run.err;
    EXPECT_NE(run.out.find("\nhome boot\n"), std::string::npos) << run.out;
}

TEST(DiffCommand, ACallerChangesOnlyWhatTheSaferIntentRulesDecide) {
    const std::string callers = std::string(HEARTH_SAMPLES_DIR) + "/devices/callers";
    // S-3/S-4: the system may start a non-exported activity through its filter; the shell may not.
    const CliRun system = runCli({"diff", callers, "--caller", "system", "--json"});
    ASSERT_EQ(system.code, 5) << system.err;
    const nlohmann::json json = nlohmann::json::parse(system.out);
    EXPECT_EQ(json["callers"], nlohmann::json({{"before", "shell"}, {"after", "system"}}));
    ASSERT_EQ(json["changes"].size(), 1u) << system.out;
    EXPECT_EQ(json["changes"][0]["intent"], "-a com.example.notes.EDIT");
    EXPECT_EQ(json["changes"][0]["before"]["outcome"], "none");
    EXPECT_EQ(json["changes"][0]["after"]["component"], "com.example.notes/.EditorActivity");
    // V-11: starts are not visibility-filtered, so an app targeting 34 starts what the shell does.
    const CliRun notes = runCli({"diff", callers, "--caller", "com.example.notes"});
    EXPECT_EQ(notes.code, 0) << notes.out << notes.err;
    EXPECT_NE(notes.out.find("as com.example.notes)"), std::string::npos) << notes.out;
    const CliRun unknown = runCli({"diff", callers, "--caller", "com.example.nots"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_EQ(unknown.err.rfind("hearth diff: --caller expects ", 0), 0u) << unknown.err;
}

TEST(DiffCommand, UsageErrorsSayWhatIsMissing) {
    const CliRun nothing = runCli({"diff", kSeed});
    EXPECT_EQ(nothing.code, 2);
    EXPECT_EQ(nothing.err, "hearth diff: nothing to compare: give AFTER, or a change (--install, "
                           "--uninstall, --patch, --api, --caller)\n");
    const CliRun unknown = runCli({"diff", kSeed, "--uninstall", "com.nope"});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_EQ(unknown.err, "hearth diff: --uninstall: no package 'com.nope'\n");
    const CliRun patch = runCli({"diff", kSeed, "--patch", "sideways"});
    EXPECT_EQ(patch.code, 2);
}

TEST(DiffCommand, AMissingInstallFileIsBadInput) {
    const CliRun run = runCli({"diff", kSeed, "--install", "/nonexistent/app.apk"});
    EXPECT_EQ(run.code, 1);
    EXPECT_FALSE(run.err.empty());
}

}  // namespace

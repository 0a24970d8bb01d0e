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
    const std::string missing = aaptMissingReason();
    if (!missing.empty()) GTEST_SKIP() << missing;
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

TEST(DiffCommand, UsageErrorsSayWhatIsMissing) {
    const CliRun nothing = runCli({"diff", kSeed});
    EXPECT_EQ(nothing.code, 2);
    EXPECT_EQ(nothing.err, "hearth diff: nothing to compare: give AFTER, or a change (--install, "
                           "--uninstall, --patch, --api)\n");
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

// hearth start, in-process: am's "Starting:" / "Error:" text, the line saying what starts, --json,
// --explain and the exit codes (0 activity, 3 chooser, 4 nothing), over samples/devices/app-links
// (API 34) and legacy-links (API 28). Tests are named after the rule or edge case they check.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

const std::string kAppLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/app-links";
const std::string kLegacyLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/legacy-links";
constexpr const char* kView = "android.intent.action.VIEW";

CliRun startLink(const std::string& device, const std::string& url,
                 std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"start", device, "-a", kView, "-d", url};
    args.insert(args.end(), extra.begin(), extra.end());
    return runCli(args);
}

}  // namespace

TEST(StartCommand, W25AVerifiedAppStartsDirectly) {
    const CliRun result = startLink(kAppLinks, "https://news.example.com/today",
                                    {"-c", "android.intent.category.BROWSABLE"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "Starting: Intent { act=android.intent.action.VIEW "
              "cat=[android.intent.category.BROWSABLE] dat=https://news.example.com/... }\n"
              "Starts com.example.news/.ArticleActivity (C-2: only one activity is left; W-25: "
              "com.example.news/.ArticleActivity is approved for 'news.example.com' and replaces "
              "every other candidate)\n");
}

TEST(StartCommand, W26AnUnapprovedAppGivesWayToTheDefaultBrowser) {
    const CliRun result = startLink(kAppLinks, "https://shop.example.com/cart");
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "Starting: Intent { act=android.intent.action.VIEW "
              "dat=https://shop.example.com/... }\n"
              "Starts com.example.chromium/.BrowserActivity (C-2: only one activity is left; "
              "W-26: no app is approved for 'shop.example.com', so Android 12+ keeps only the "
              "browsers)\n");
}

TEST(StartCommand, W23Step8ASelectedHostStartsItsApp) {
    const CliRun result = startLink(kAppLinks, "https://blog.example.org/post/1");
    EXPECT_EQ(result.code, 0);
    EXPECT_NE(result.out.find("Starts com.example.blog/.PostActivity (C-2"), std::string::npos)
        << result.out;
}

TEST(StartCommand, W21ADeniedAppGivesWayToTheDefaultBrowser) {
    const CliRun result = startLink(kAppLinks, "https://social.example.net/u/1");
    EXPECT_EQ(result.code, 0);
    EXPECT_NE(result.out.find("Starts com.example.chromium/.BrowserActivity (C-2"),
              std::string::npos)
        << result.out;
}

TEST(StartCommand, W34RequireNonBrowserStartsNothingWhenOnlyABrowserAnswers) {
    const CliRun result = startLink(kAppLinks, "https://shop.example.com/cart", {"-f", "0x400"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out,
              "Starting: Intent { act=android.intent.action.VIEW "
              "dat=https://shop.example.com/... flg=0x400 }\n"
              "Error: Activity not started, unable to resolve Intent { "
              "act=android.intent.action.VIEW dat=https://shop.example.com/... flg=0x10000400 }\n"
              "Starts nothing (W-34: FLAG_ACTIVITY_REQUIRE_NON_BROWSER and the answer is a "
              "browser (C-2: only one activity is left; W-26: no app is approved for "
              "'shop.example.com', so Android 12+ keeps only the browsers))\n");
}

TEST(StartCommand, ExplainNamesTheWRuleForEveryApp) {
    const CliRun result = startLink(kAppLinks, "https://shop.example.com/cart", {"--explain"});
    EXPECT_EQ(result.code, 0);
    for (const char* line :
         {"  kept com.example.chromium/.BrowserActivity — W-14: a browser, the BROWSER role "
          "holder ('roles.browser'); no app is approved for 'shop.example.com', and it stands for "
          "every browser\n",
          "  com.example.shop/.ProductActivity: not a candidate — W-26: not approved for "
          "'shop.example.com' (state none, not selected): Android 12+ keeps only browsers (W-26)",
          "  com.example.firefly/.BrowserActivity: not a candidate — W-14: a browser; the BROWSER "
          "role holder 'com.example.chromium' (com.example.chromium/.BrowserActivity) stands for "
          "every browser"}) {
        EXPECT_NE(result.out.find(line), std::string::npos) << line << "\n---\n" << result.out;
    }
}

TEST(StartCommand, W13AnAlwaysAskAppSharesTheChooserWithTheDefaultBrowserOnAndroid9) {
    const CliRun result = startLink(kLegacyLinks, "https://video.example.com/clip");
    EXPECT_EQ(result.code, 3);
    EXPECT_EQ(result.out,
              "Starting: Intent { act=android.intent.action.VIEW "
              "dat=https://video.example.com/... }\n"
              "Starts the chooser (android/com.android.internal.app.ResolverActivity) with 2 "
              "activities: com.example.video/.ClipActivity, com.example.browser1/.BrowserActivity "
              "(C-6: top two tie at priority 0, default, no preferred activity; the chooser shows "
              "2 activities; after W-13: no app has link status 'always', so the apps stay beside "
              "the browsers)\n");
}

TEST(StartCommand, W13AnAlwaysAppStartsAndANeverAppGivesWayOnAndroid9) {
    EXPECT_NE(startLink(kLegacyLinks, "https://maps.example.com/x")
                  .out.find("Starts com.example.maps/.MapActivity (C-2: only one activity is "
                            "left; W-13: one app has link status 'always' and replaces every "
                            "other candidate)"),
              std::string::npos);
    EXPECT_NE(startLink(kLegacyLinks, "https://music.example.com/x")
                  .out.find("Starts com.example.browser1/.BrowserActivity (C-2: only one "
                            "activity is left; W-13: no app has link status 'always', so the apps "
                            "stay beside the browsers (apps with link status 'never' are left "
                            "out)"),
              std::string::npos);
}

TEST(StartCommand, AMissingExplicitActivityIsErrorType3AsAmSaysIt) {
    const CliRun result = runCli({"start", kAppLinks, "-n", "com.example.news/.Nope"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out,
              "Starting: Intent { cmp=com.example.news/.Nope }\n"
              "Error type 3\n"
              "Error: Activity class {com.example.news/com.example.news.Nope} does not exist.\n"
              "Starts nothing (C-1: no activity matches)\n");
}

TEST(StartCommand, JsonHasResolvesShapeWithTheIntentAndTheChooser) {
    const CliRun result = startLink(kLegacyLinks, "https://video.example.com/clip", {"--json"});
    EXPECT_EQ(result.code, 3);
    // The shared header (docs/json.md), then am's intent text, then resolve's fields.
    EXPECT_EQ(result.out.rfind("{\n  \"schemaVersion\": 1,\n", 0), 0u) << result.out;
    EXPECT_NE(result.out.find("  \"intentText\": \"Intent { act=android.intent.action.VIEW "
                              "dat=https://video.example.com/... }\",\n  \"outcome\": "
                              "\"chooser\",\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("  \"chooser\": [\n    \"com.example.video/.ClipActivity\",\n    "
                              "\"com.example.browser1/.BrowserActivity\"\n  ],\n  "
                              "\"browserChooser\": false,\n  \"chooserOffersAlways\": true\n}\n"),
              std::string::npos)
        << result.out;
}

TEST(StartCommand, PmOnlyOptionsAreNotOffered) {
    const CliRun result = runCli({"start", kAppLinks, "--default-only", "-a", kView});
    EXPECT_EQ(result.code, 2);
}

// ---- the caller of a start (android-modern.md §4; samples/devices/callers) ----------------------

namespace {

const std::string kCallers = std::string(HEARTH_SAMPLES_DIR) + "/devices/callers";

}  // namespace

TEST(StartCommand, E52_S4_AnImplicitStartLeavesOutTheCallersOwnNonExportedActivity) {
    const CliRun implicit = runCli(
        {"start", kCallers, "-a", "com.example.notes.EDIT", "--caller", "com.example.notes"});
    EXPECT_EQ(implicit.code, 4) << implicit.out << implicit.err;
    EXPECT_NE(implicit.out.find("Error: Activity not started, unable to resolve Intent { "
                                "act=com.example.notes.EDIT flg=0x10000000 }\n"),
              std::string::npos)
        << implicit.out;
    EXPECT_NE(implicit.out.find("S-4"), std::string::npos) << implicit.out;
    const CliRun own = runCli({"start", kCallers, "-a", "com.example.notes.EDIT", "-p",
                               "com.example.notes", "--caller", "com.example.notes"});
    EXPECT_EQ(own.code, 0) << own.out;
}

TEST(StartCommand, S5_TheShellMayNotStartAnotherAppsNonExportedActivity) {
    const CliRun result = runCli({"start", kCallers, "-n", "com.example.notes/.EditorActivity"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out,
              "Starting: Intent { cmp=com.example.notes/.EditorActivity }\n"
              "Exception occurred while executing 'start':\n"
              "java.lang.SecurityException: Permission Denial: starting Intent { flg=0x10000000 "
              "cmp=com.example.notes/.EditorActivity } from null (uid=2000) not exported from uid "
              "10000\n"
              "Starts nothing (S-5: com.example.notes/.EditorActivity is not exported and the "
              "caller is another app)\n");
    // The app itself may.
    EXPECT_EQ(runCli({"start", kCallers, "-n", "com.example.notes/.EditorActivity", "--caller",
                      "com.example.notes"})
                  .code,
              0);
}

TEST(StartCommand, E61_S6_TheShellIsNotExemptFromFilterMatchingOnAndroid14) {
    const CliRun result = runCli({"start", kCallers, "-n", "com.example.maps/.MapActivity", "-a",
                                  "android.intent.action.EDIT", "--explain"});
    EXPECT_EQ(result.code, 4) << result.out;
    EXPECT_NE(result.out.find("com.example.maps/.MapActivity: not a candidate — S-6: "),
              std::string::npos)
        << result.out;
}

TEST(StartCommand, ASuspendedAppShowsSuspendedAppActivityInstead) {
    const CliRun result = runCli({"start", kCallers, "-n", "com.example.games/.GameActivity"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "Starting: Intent { cmp=com.example.games/.GameActivity }\n"
              "Starts a suspended-app dialog instead of com.example.games/.GameActivity "
              "('com.example.games' is suspended: Android shows "
              "android/com.android.internal.app.SuspendedAppActivity (\"App isn't available\") "
              "in its place)\n");
}

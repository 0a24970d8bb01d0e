// Intent contracts (check.h): the checks-file grammar with its exact errors, and each kind of
// check judged against the answers PackageIndex, analyzeHome and findClaims give.

#include <gtest/gtest.h>
#include <hearth/check.h>
#include <hearth/device.h>
#include <hearth/manifest.h>

#include <string>
#include <vector>

using namespace hearth;

namespace {

const std::string kSamples = HEARTH_SAMPLES_DIR;

std::string parseError(std::string_view text) {
    Result<std::vector<Check>> checks = parseChecks(text, "c.checks");
    return checks ? std::string("parsed") : checks.error().toString();
}

Device load(const std::string& path) {
    Result<Device> device = loadDevice(path);
    EXPECT_TRUE(device.has_value()) << device.error().toString();
    return device ? std::move(device).value() : Device{};
}

std::vector<CheckResult> run(const Device& device, std::string_view text) {
    Result<std::vector<Check>> checks = parseChecks(text, "c.checks");
    EXPECT_TRUE(checks.has_value()) << checks.error().toString();
    return checks ? runChecks(device, *checks) : std::vector<CheckResult>{};
}

TEST(ParseChecks, EachLineNeedsACommandAnArrowAndAnAnswer) {
    EXPECT_EQ(parseError("# only a comment\n\nresolve -a X => nothing\n"), "parsed");
    EXPECT_EQ(parseError("reslove -a X => nothing\n"),
              "c.checks:1:1: unknown check 'reslove': expected start, resolve, query, home or "
              "claims (did you mean 'resolve'?)");
    EXPECT_EQ(parseError("\nresolve -a X\n"),
              "c.checks:2:12: expected '=> ANSWER' after the resolve arguments, e.g. 'resolve -a "
              "android.intent.action.VIEW -d https://example.com/ => com.example/.Main'");
    EXPECT_EQ(parseError("resolve -a X => nothing com.a/.A\n"),
              "c.checks:1:25: 'nothing' stands alone after '=>'");
    EXPECT_EQ(parseError("resolve -a X => com.a/.A com.b/.B\n"),
              "c.checks:1:26: resolve starts one activity: write one component, or 'chooser' "
              "before several");
    EXPECT_EQ(parseError("query -a X => chooser com.a/.A\n"),
              "c.checks:1:15: 'chooser' does not apply to query (only start, resolve and home show "
              "a chooser)");
    EXPECT_EQ(parseError("resolve -a X => Main\n"),
              "c.checks:1:17: expected a component like 'com.example/.Main', got 'Main'");
}

TEST(RunChecks, ResolveAndQueryAnswerAsTheIndexDoes) {
    const Device device = load(kSamples + "/devices/browsers");
    const std::vector<CheckResult> results = run(device, R"(
query -a android.intent.action.VIEW -d http://news.example.org/ => contains com.example.alpha/.BrowserActivity
query -a android.intent.action.VIEW -d http://news.example.org/ => com.android.browser/.BrowserActivity com.example.alpha/.BrowserActivity com.example.beta/.BrowserActivity
resolve -a android.intent.action.VIEW -d http://news.example.org/ => chooser com.example.beta/.BrowserActivity com.android.browser/.BrowserActivity com.example.alpha/.BrowserActivity
resolve -a android.intent.action.VIEW -d http://news.example.org/ => com.example.alpha/.BrowserActivity
resolve -a com.example.NOBODY => nothing
)");
    ASSERT_EQ(results.size(), 5u);
    EXPECT_TRUE(results[0].passed) << results[0].problem;
    EXPECT_TRUE(results[1].passed) << results[1].problem;
    EXPECT_TRUE(results[2].passed) << results[2].problem;  // a chooser's list in any order
    EXPECT_FALSE(results[3].passed);
    EXPECT_EQ(results[3].problem,
              "expected com.example.alpha/.BrowserActivity, got chooser "
              "com.android.browser/.BrowserActivity com.example.alpha/.BrowserActivity "
              "com.example.beta/.BrowserActivity");
    EXPECT_TRUE(results[4].passed) << results[4].problem;
}

TEST(RunChecks, StartAnswersAsAmStartDoes) {
    // W-26: no app is approved for the shop's host, so Android 12+ opens the default browser.
    const Device device = load(kSamples + "/devices/app-links");
    const std::vector<CheckResult> results = run(device, R"(
start -a android.intent.action.VIEW -d https://shop.example.com/cart => com.example.chromium/.BrowserActivity
start -a android.intent.action.VIEW -d https://shop.example.com/cart => com.example.shop/.ProductActivity
)");
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[0].passed) << results[0].problem;
    EXPECT_FALSE(results[1].passed);
    EXPECT_EQ(results[1].actual, "com.example.chromium/.BrowserActivity");
}

TEST(RunChecks, HomeFollowsThePatchOfTheLine) {
    const Device device = load(kSamples + "/devices/seed");
    const std::vector<CheckResult> results = run(device, R"(
home boot => com.android.launcher/.Launcher
home boot --patch home-first => com.example.first/.FirstAppActivity
home boot --patch home-first => com.android.launcher/.Launcher
home nowhere => nothing
)");
    ASSERT_EQ(results.size(), 4u);
    EXPECT_TRUE(results[0].passed) << results[0].problem;
    EXPECT_TRUE(results[1].passed) << results[1].problem;
    EXPECT_FALSE(results[2].passed);
    EXPECT_EQ(results[2].actual, "com.example.first/.FirstAppActivity");
    EXPECT_EQ(results[3].problem,
              "home needs a call site first: boot, home-key, home-key-mid, recents, is-home");
}

TEST(RunChecks, ClaimsNeedEveryNamedComponentToClaim) {
    const Device device = load(kSamples + "/devices/app-links");
    const std::vector<CheckResult> results = run(device, R"(
claims --host news.example.com => com.example.news/.ArticleActivity
claims --url https://shop.example.com/x => com.example.shop/.ProductActivity com.example.chromium/.BrowserActivity
claims --host news.example.com => com.example.shop/.ProductActivity
claims --scheme nosuch => nothing
claims --type image => nothing
)");
    ASSERT_EQ(results.size(), 5u);
    EXPECT_TRUE(results[0].passed) << results[0].problem;
    EXPECT_TRUE(results[1].passed) << results[1].problem;
    EXPECT_FALSE(results[2].passed);
    EXPECT_TRUE(results[3].passed) << results[3].problem;
    EXPECT_FALSE(results[4].passed);
    EXPECT_EQ(results[4].problem, "--type: MIME type 'image' must look like 'type/subtype'");
}

TEST(TestUrlChecks, EveryToolsValidationTestUrlBecomesACheckAtItsAttribute) {
    // samples/checks/deep-links declares two <tools:validation testUrl> (lines 23 and 34).
    const std::string manifest = kSamples + "/checks/deep-links/AndroidManifest.xml";
    const Device device = load(manifest);
    const std::vector<Check> checks = testUrlChecks(device);
    ASSERT_EQ(checks.size(), 2u);
    EXPECT_EQ(checks[0].where.file, manifest);
    EXPECT_EQ(checks[0].where.line, 23);
    EXPECT_EQ(checks[1].where.line, 34);
    EXPECT_EQ(checks[0].expectation, "contains");
    EXPECT_EQ(checks[0].components, std::vector<std::string>{"com.example.recipes/.RecipeActivity"});
    EXPECT_EQ(checks[1].components, std::vector<std::string>{"com.example.recipes/.SearchActivity"});
    for (const CheckResult& result : runChecks(device, checks)) {
        EXPECT_TRUE(result.passed) << result.check.text << ": " << result.problem;
    }
}

TEST(TestUrlChecks, ATestUrlTheActivityDoesNotHandleFails) {
    Result<Manifest> manifest = parseManifest(
        R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:t="http://schemas.android.com/tools" package="com.example.links">
  <application>
    <activity android:name=".Item" android:exported="true">
      <intent-filter>
        <action android:name="android.intent.action.VIEW"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <category android:name="android.intent.category.BROWSABLE"/>
        <data android:scheme="https" android:host="links.example.com" android:pathPrefix="/item"/>
      </intent-filter>
      <t:validation testUrl="https://links.example.com/item/7"/>
      <t:validation testUrl="https://links.example.com/cart"/>
    </activity>
  </application>
</manifest>)",
        "links.xml");
    ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
    Device device;
    device.apiLevel = 34;
    device.packages.push_back(InstalledPackage{});
    device.packages.back().manifest = std::move(manifest).value();
    const std::vector<CheckResult> results = runChecks(device, testUrlChecks(device));
    ASSERT_EQ(results.size(), 2u);
    EXPECT_TRUE(results[0].passed) << results[0].problem;
    EXPECT_FALSE(results[1].passed);  // M-9: path '/cart' is not under '/item'
    EXPECT_EQ(results[1].actual, "nothing");
    EXPECT_EQ(results[1].check.where.line, 12);
}

TEST(CheckReports, TextAndJUnitCarryEveryCheck) {
    const Device device = load(kSamples + "/devices/seed");
    const std::vector<CheckResult> results =
        run(device, "home boot => com.android.launcher/.Launcher\nhome boot => com.x/.Y\n");
    EXPECT_EQ(renderCheckText(results),
              "PASS c.checks:1  home boot => com.android.launcher/.Launcher\n"
              "FAIL c.checks:2  home boot => com.x/.Y\n"
              "     expected com.x/.Y, got com.android.launcher/.Launcher\n"
              "2 checks: 1 passed, 1 failed\n");
    const std::string junit = renderCheckJUnit(results, "seed");
    EXPECT_NE(junit.find("<testsuite name=\"seed\" tests=\"2\" failures=\"1\">"), std::string::npos)
        << junit;
    EXPECT_NE(junit.find("<failure message=\"expected com.x/.Y, got "
                         "com.android.launcher/.Launcher\">"),
              std::string::npos)
        << junit;
}

}  // namespace

// The home renderers (home_report.h): the one-line site summary, the text report's header and
// table, the comparison's columns, and the JSON shape docs/json.md documents.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/home_report.h>
#include <hearth/manifest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace hearth;

namespace {

constexpr const char* kHome = "android.intent.category.HOME";
constexpr const char* kHomeFirst = "android.intent.category.HOME_FIRST";

// A system launcher: one activity .Home answering MAIN + HOME + DEFAULT.
InstalledPackage launcher(const std::string& name) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" +
        name +
        "\"><application><activity android:name=\".Home\"><intent-filter>"
        "<action android:name=\"android.intent.action.MAIN\"/>"
        "<category android:name=\"android.intent.category.HOME\"/>"
        "<category android:name=\"android.intent.category.DEFAULT\"/>"
        "</intent-filter></activity></application></manifest>";
    auto manifest = parseManifest(xml, name + "/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << (manifest ? "" : manifest.error().toString());
    InstalledPackage installed;
    if (manifest) installed.manifest = *manifest;
    installed.system = true;
    installed.privileged = true;
    return installed;
}

Device device(int api, std::vector<InstalledPackage> packages) {
    Device d;
    d.name = "test";
    d.apiLevel = api;
    d.packages = std::move(packages);
    return d;
}

HomeSiteReport siteReport(const char* site, HomeOutcome outcome) {
    HomeSiteReport report;
    report.site = site;
    report.outcome = outcome;
    return report;
}

const ComponentName kA{"com.a", "com.a.Home"};
const ComponentName kB{"com.b", "com.b.Home"};
const ComponentName kC{"com.c", "com.c.Home"};
const ComponentName kD{"com.d", "com.d.Home"};

}  // namespace

// ---- summarizeHomeSite ----

TEST(SummarizeHomeSite, ActivityReadsPerSite) {
    HomeSiteReport boot = siteReport("boot", HomeOutcome::Activity);
    boot.component = kA;
    EXPECT_EQ(summarizeHomeSite(boot), "com.a/.Home");
    HomeSiteReport recents = siteReport("recents", HomeOutcome::Activity);
    recents.component = kA;
    EXPECT_EQ(summarizeHomeSite(recents), "hides com.a/.Home");
    HomeSiteReport isHome = siteReport("is-home", HomeOutcome::Activity);
    isHome.component = kA;
    EXPECT_EQ(summarizeHomeSite(isHome), "com.a/.Home is home");
}

TEST(SummarizeHomeSite, LongChooserIsCutAfterThreeEntries) {
    HomeSiteReport key = siteReport("home-key", HomeOutcome::Chooser);
    key.chooser = {kA, kB};
    EXPECT_EQ(summarizeHomeSite(key), "chooser: com.a/.Home, com.b/.Home");
    key.chooser = {kA, kB, kC, kD};
    EXPECT_EQ(summarizeHomeSite(key),
              "chooser of 4: com.a/.Home, com.b/.Home, com.c/.Home and 1 more");
}

TEST(SummarizeHomeSite, NoHomeReadsPerSite) {
    EXPECT_EQ(summarizeHomeSite(siteReport("boot", HomeOutcome::None)), "NO HOME (blank screen)");
    EXPECT_EQ(summarizeHomeSite(siteReport("home-key", HomeOutcome::None)),
              "nothing (HOME does nothing)");
    EXPECT_EQ(summarizeHomeSite(siteReport("recents", HomeOutcome::None)), "hides nothing");
    EXPECT_EQ(summarizeHomeSite(siteReport("is-home", HomeOutcome::None)), "nothing is home");
}

TEST(SummarizeHomeSite, RefusedAndNotPresentSayWhy) {
    EXPECT_EQ(summarizeHomeSite(siteReport("home-key", HomeOutcome::Refused)),
              "refused: user setup in progress");
    EXPECT_EQ(summarizeHomeSite(siteReport("home-key-mid", HomeOutcome::NotPresent)),
              "not present");
}

// ---- text ----

namespace {

// What comes before the first site's details: the headline, the state lines and the table.
std::string beforeDetails(const std::string& text) { return text.substr(0, text.find("\nboot: ")); }

}  // namespace

TEST(HomeReportText, OpensWithTheDeviceTheStateAndOneRowPerSite) {
    const std::string text = renderHomeText(analyzeHome(device(34, {launcher("com.a")})));
    EXPECT_EQ(beforeDetails(text),
              "Home on test: Android API 34, modern framework, framework stock\n"
              "storage unlocked, user setup complete\n"
              "ROLE_HOME: com.a (fallback holder: com.a/.Home has the strictly highest HOME "
              "priority (0), Settings skipped (H-9))\n"
              "\n"
              "  site          category  outcome\n"
              "  boot          HOME      com.a/.Home\n"
              "  home-key      HOME      com.a/.Home\n"
              "  home-key-mid  HOME      not present\n"
              "  recents       HOME      hides com.a/.Home\n"
              "  is-home       HOME      com.a/.Home is home\n");
}

TEST(HomeReportText, EachSiteDetailsItsIntentFlagsOutcomeRuleAndCandidates) {
    const std::string text = renderHomeText(analyzeHome(device(34, {launcher("com.a")})));
    const std::string boot =
        "boot: ActivityTaskManagerService.getHomeIntent + RootWindowContainer.resolveHomeActivity\n"
        "  intent      act=android.intent.action.MAIN cat=[android.intent.category.HOME] "
        "flg=0x100\n"
        "  resolved    queryFlags=0x10400 (MATCH_DEFAULT_ONLY: filters need DEFAULT)\n"
        "  outcome     com.a/.Home\n"
        "  why         C-2: only one activity matches\n"
        "  candidates  1. com.a/.Home  matches (MATCH_CATEGORY_EMPTY), priority 0, has DEFAULT  "
        "[com.a/AndroidManifest.xml:1:130]\n";
    EXPECT_NE(text.find(boot), std::string::npos) << text;
    EXPECT_NE(text.find("home-key-mid: MidWindowManager\n"
                        "  outcome     not present\n"
                        "  why         MidWindowManager is a 1.x/2.x window policy; Android API 34 "
                        "has no such call site\n"),
              std::string::npos)
        << text;
}

TEST(HomeReportText, LegacyDevicesShowNoStateOrRoleLines) {
    const std::string text = renderHomeText(analyzeHome(device(8, {launcher("com.a")})));
    EXPECT_EQ(
        text.rfind("Home on test: Android API 8, legacy 2.x framework, framework stock\n\n", 0), 0u)
        << text;
    EXPECT_EQ(text.find("ROLE_HOME"), std::string::npos);
}

TEST(HomeReportCompareText, PutsStockAndPatchedSideBySideWithTheirWarningsAndReasons) {
    const HomeComparison comparison = compareHome(device(34, {launcher("com.a")}));
    const std::string text = renderHomeCompareText(comparison.stock, comparison.patched);
    EXPECT_EQ(text.substr(0, text.find("\nwhy (stock)")),
              "Home on test: Android API 34, modern framework: stock vs home-first\n"
              "storage unlocked, user setup complete\n"
              "\n"
              "  site          stock (every site HOME)  category    patched (home-first)\n"
              "  boot          com.a/.Home              HOME_FIRST  NO HOME (blank screen)\n"
              "  home-key      com.a/.Home              HOME_FIRST  nothing (HOME does nothing)\n"
              "  home-key-mid  not present              HOME_FIRST  not present\n"
              "  recents       hides com.a/.Home        HOME_FIRST  hides nothing\n"
              "  is-home       com.a/.Home is home      HOME_FIRST  nothing is home\n"
              "\n"
              "!! patched: no home: the device boots to a blank screen (no enabled activity "
              "declares MAIN + HOME_FIRST + DEFAULT)\n");
    EXPECT_NE(text.find("why (patched)\n"
                        "  boot          C-1: nothing answers MAIN + HOME_FIRST: no enabled "
                        "activity declares MAIN + HOME_FIRST + DEFAULT; the device boots to a "
                        "blank screen\n"),
              std::string::npos)
        << text;
    const std::string hint =
        "\nCandidates and rejected activities: hearth home DEVICE [--patch home-first] (or "
        "--json).\n";
    EXPECT_EQ(text.substr(text.size() - hint.size()), hint);
}

// ---- JSON ----

TEST(HomeReportJson, HasTheDocumentedShape) {
    const HomeReport report = analyzeHome(device(8, {launcher("com.a")}));
    const nlohmann::json json = nlohmann::json::parse(renderHomeJson(report));
    EXPECT_EQ(json["framework"]["api"], 8);
    EXPECT_EQ(json["framework"]["generation"], "legacy");
    EXPECT_EQ(json["framework"]["sites"]["boot"], kHome);
    ASSERT_EQ(json["sites"].size(), 5u);
    const auto& boot = json["sites"][0];
    EXPECT_EQ(boot["site"], "boot");
    EXPECT_EQ(boot["outcome"], "activity");
    EXPECT_EQ(boot["component"], "com.a/.Home");
    EXPECT_EQ(boot["intent"]["categories"][0], kHome);
    EXPECT_EQ(boot["candidates"][0]["component"], "com.a/.Home");
    EXPECT_EQ(boot["candidates"][0]["candidate"], true);
    EXPECT_EQ(json["sites"][4]["site"], "is-home");
    EXPECT_EQ(json["sites"][4]["checks"].size(), 2u);
}

TEST(HomeReportJson, CompareWrapsStockAndPatched) {
    Device d = device(8, {launcher("com.a")});
    const HomeReport stock = analyzeHome(d);
    d.patch = fullHomeFirstPatch();
    const HomeReport patched = analyzeHome(d);
    const nlohmann::json json = nlohmann::json::parse(renderHomeCompareJson(stock, patched));
    EXPECT_EQ(json["stock"]["sites"][0]["outcome"], "activity");
    EXPECT_EQ(json["patched"]["sites"][0]["outcome"], "none");
    EXPECT_EQ(json["patched"]["framework"]["sites"]["home-key"], kHomeFirst);
}

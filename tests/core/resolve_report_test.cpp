// The query and resolve renderers (resolve_report.h), tested on their own: pm's text in its three
// styles, the --explain lines, and the JSON shape docs/json.md documents. The CLI tests keep a few
// end-to-end goldens; these say which renderer broke.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>
#include <hearth/resolve_report.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace hearth;

namespace {

// Two apps open https://example.com links: com.a/.Open (priority 1) and com.b/.View; com.c only
// handles mailto: and is never a candidate.
InstalledPackage app(const std::string& name, const std::string& activity,
                     const std::string& filter) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" +
        name + "\">\n<application>\n<activity android:name=\"" + activity +
        "\" android:exported=\"true\">\n" + filter + "\n</activity>\n</application>\n</manifest>\n";
    auto manifest = parseManifest(xml, name + "/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << (manifest ? "" : manifest.error().toString());
    InstalledPackage installed;
    if (manifest) installed.manifest = *manifest;
    return installed;
}

const char* const kWebFilter =
    "<intent-filter%PRIORITY%>"
    "<action android:name=\"android.intent.action.VIEW\"/>"
    "<category android:name=\"android.intent.category.DEFAULT\"/>"
    "<category android:name=\"android.intent.category.BROWSABLE\"/>"
    "<data android:scheme=\"https\" android:host=\"example.com\"/>"
    "</intent-filter>";

std::string webFilter(const std::string& priority) {
    std::string filter = kWebFilter;
    filter.replace(filter.find("%PRIORITY%"), 10, priority);
    return filter;
}

Device webDevice() {
    Device d;
    d.name = "web";
    d.apiLevel = 34;
    d.packages = {app("com.a", ".Open", webFilter(" android:priority=\"1\"")),
                  app("com.b", ".View", webFilter("")),
                  app("com.c", ".Mail",
                      "<intent-filter><action android:name=\"android.intent.action.SENDTO\"/>"
                      "<category android:name=\"android.intent.category.DEFAULT\"/>"
                      "<data android:scheme=\"mailto\"/></intent-filter>")};
    return d;
}

Intent viewIntent(const std::string& uri) {
    auto intent = parseIntentArgs({"-a", "android.intent.action.VIEW", "-d", uri});
    EXPECT_TRUE(intent.has_value());
    return intent ? *intent : Intent{};
}

}  // namespace

// ---- pm's text ----

TEST(QueryText, BriefListsEachActivityWithItsPriorityLine) {
    const Device device = webDevice();
    const PackageIndex index(device);
    const auto results = index.query(viewIntent("https://example.com/x"), 0);
    EXPECT_EQ(renderQueryText(results, ComponentKind::Activity, ReportStyle{true, false}),
              "2 activities found:\n"
              "  Activity #0:\n"
              "    priority=0 preferredOrder=0 match=0x308000 specificIndex=-1 isDefault=true\n"
              "    com.a/.Open\n"
              "  Activity #1:\n"
              "    priority=0 preferredOrder=0 match=0x308000 specificIndex=-1 isDefault=true\n"
              "    com.b/.View\n");
}

TEST(QueryText, ComponentsStyleIsOneShortComponentPerLine) {
    const Device device = webDevice();
    const PackageIndex index(device);
    const auto results = index.query(viewIntent("https://example.com/x"), 0);
    EXPECT_EQ(renderQueryText(results, ComponentKind::Activity, ReportStyle{false, true}),
              "com.a/.Open\ncom.b/.View\n");
}

TEST(QueryText, NothingFoundNamesTheKind) {
    EXPECT_EQ(renderQueryText({}, ComponentKind::Activity, ReportStyle{}), "No activities found\n");
    EXPECT_STREQ(componentKindPlural(ComponentKind::Service), "services");
    EXPECT_STREQ(componentKindPlural(ComponentKind::ActivityAlias), "activities");
}

TEST(ResolveText, ATieAnswersTheResolverActivityAndNothingAnswersNoActivity) {
    const Device device = webDevice();
    const PackageIndex index(device);
    EXPECT_EQ(renderResolveText(index.resolveActivity(viewIntent("https://example.com/x"), 0),
                                ComponentKind::Activity, ReportStyle{true, false}),
              "priority=0 preferredOrder=0 match=0x0 specificIndex=-1 isDefault=false\n"
              "android/com.android.internal.app.ResolverActivity\n");
    EXPECT_EQ(renderResolveText(index.resolveActivity(viewIntent("https://other.org/"), 0),
                                ComponentKind::Activity, ReportStyle{true, false}),
              "No activity found\n");
}

// ---- --explain ----

TEST(ExplainText, ARejectionNamesTheRuleThePartAndTheFilter) {
    const Device device = webDevice();
    const PackageIndex index(device);
    ResolveRequest request;
    request.intent = viewIntent("https://example.com/x");
    const std::vector<Rejection> rejections = index.explain(request);
    ASSERT_EQ(rejections.size(), 1u);
    EXPECT_EQ(describeRejection(rejections[0]),
              "com.c/.Mail: not a candidate \u2014 M-3: action 'android.intent.action.VIEW' is not "
              "in the filter's actions [SENDTO] (com.c/AndroidManifest.xml:4:1)");
}

TEST(ExplainText, ResolveExplanationGivesTheOutcomeTheOrderAndTheRest) {
    const Device device = webDevice();
    const PackageIndex index(device);
    ResolveRequest request;
    request.intent = viewIntent("https://example.com/x");
    const std::string text = renderResolveExplanation(
        index.resolveActivity(request.intent, 0), index.explain(request), device.apiLevel);
    EXPECT_EQ(text.substr(0, text.find("After the query")),
              "Outcome: chooser (android/com.android.internal.app.ResolverActivity)\n"
              "Why: C-6: top two tie at priority 0, default, no preferred activity; the chooser "
              "shows 2 activities; com.a/.Open declared 1, clamped to 0 by P-1: not a privileged "
              "app\n"
              "Candidates (Android's order, R-9):\n"
              "  #0 com.a/.Open  priority=0 match=0x308000 isDefault=true system=false  "
              "(com.a/AndroidManifest.xml:4:1) [declared priority 1]\n"
              "  #1 com.b/.View  priority=0 match=0x308000 isDefault=true system=false  "
              "(com.b/AndroidManifest.xml:4:1) \u2014 after #0: package name 'com.a' < 'com.b'\n");
    const std::string rest =
        "Not candidates (near misses first):\n"
        "  Far from matching: 1 activity in 1 package (--explain=all lists them, --why PKG "
        "explains one package)\n"
        "    com.c: 1 \u2014 M-3 \u00d71\n";
    EXPECT_EQ(text.substr(text.size() - rest.size()), rest);
}

TEST(FilterSummary, OneLineOfShortActionsCategoriesAndData) {
    const Device device = webDevice();
    EXPECT_EQ(renderFilterSummary(device.packages[0].manifest.components[0].filters[0]),
              "VIEW  \u00b7  DEFAULT, BROWSABLE  \u00b7  https: example.com");
}

// ---- JSON ----

TEST(QueryJson, ResultsCarryTheirKeysAndExplainOnlyWhenAsked) {
    const Device device = webDevice();
    const PackageIndex index(device);
    ResolveRequest request;
    request.intent = viewIntent("https://example.com/x");
    const auto results = index.query(request);
    const nlohmann::json plain = nlohmann::json::parse(renderQueryJson(results));
    EXPECT_FALSE(plain.contains("explain"));
    EXPECT_FALSE(plain.contains("schemaVersion"));  // no context: the answer's own fields only
    ASSERT_EQ(plain["results"].size(), 2u);
    const nlohmann::json& first = plain["results"][0];
    EXPECT_EQ(first["component"], "com.a/.Open");
    EXPECT_EQ(first["class"], "com.a.Open");
    EXPECT_EQ(first["priority"], 0);
    EXPECT_EQ(first["declaredPriority"], 1);
    EXPECT_EQ(first["match"], "0x308000");
    EXPECT_EQ(first["kind"], "activity");
    EXPECT_EQ(first["filter"], (nlohmann::json{{"file", "com.a/AndroidManifest.xml"},
                                               {"line", 4},
                                               {"column", 1}}));

    const std::vector<Rejection> rejections = index.explain(request);
    const nlohmann::json explained =
        nlohmann::json::parse(renderQueryJson(results, &rejections));
    ASSERT_EQ(explained["explain"].size(), 1u);
    EXPECT_EQ(explained["explain"][0]["component"], "com.c/.Mail");
    EXPECT_EQ(explained["explain"][0]["rule"], "M-3");
    EXPECT_EQ(explained["explain"][0]["nearMiss"], false);
}

TEST(ResolveJson, AChooserHasItsRuleCandidatesAndNoPreferredEntry) {
    const Device device = webDevice();
    const PackageIndex index(device);
    const nlohmann::json json = nlohmann::json::parse(
        renderResolveJson(index.resolveActivity(viewIntent("https://example.com/x"), 0)));
    EXPECT_EQ(json["outcome"], "chooser");
    EXPECT_EQ(json["component"], "android/com.android.internal.app.ResolverActivity");
    EXPECT_EQ(json["rule"], "C-6");
    EXPECT_EQ(json["candidates"].size(), 2u);
    EXPECT_TRUE(json["preferred"].is_null());
    EXPECT_EQ(json["preferredChanges"], nlohmann::json::array());
}

TEST(ResolveJson, AContextPutsTheDeviceAndTheIntentFirst) {
    const Device device = webDevice();
    const PackageIndex index(device);
    const Intent intent = viewIntent("https://example.com/x");
    const std::string text = renderResolveJson(index.resolveActivity(intent, 0), nullptr,
                                               AnswerContext{&device, &intent});
    const nlohmann::json json = nlohmann::json::parse(text);
    EXPECT_EQ(json["device"]["name"], "web");
    EXPECT_EQ(json["device"]["api"], 34);
    EXPECT_TRUE(json.contains("schemaVersion"));
    EXPECT_TRUE(json.contains("intent"));
    EXPECT_LT(text.find("\"schemaVersion\""), text.find("\"outcome\""));
}

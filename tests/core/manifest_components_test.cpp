// The component elements (manifest_components.cpp) through parseManifest: what each component
// kind keeps, Android's exported defaults, intent filters and their <data>, and aliases taking
// their target's settings. manifest_parser_test covers the parser as a whole; these tests pin the
// component rules one by one, each warning and error with its position.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <string>
#include <vector>

#include "manifest_fixtures.h"

using namespace hearth;
using namespace hearth::manifest_fixtures;

namespace {

// The 1-based column of `what` in a line of the body (body lines start at line 3, app()).
int columnOf(const std::string& line, const std::string& what) {
    return static_cast<int>(line.find(what)) + 1;
}

// One line of body: activity .A with one filter, action a.B, then `rest` inside the filter.
std::string filterWithAction(const std::string& rest) {
    return "<activity android:name=\".A\"><intent-filter><action android:name=\"a.B\"/>" + rest +
           "</intent-filter></activity>";
}

std::string at(int line, int column) {
    return std::string(kFile) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

}  // namespace

TEST(ManifestComponents, ExportedDefaultsToWhetherAFilterSurvived) {
    const Manifest manifest = parseOk(
        app("<activity android:name=\".WithFilter\"><intent-filter><action android:name=\"a.B\"/>"
            "</intent-filter></activity>\n"
            "<activity android:name=\".Plain\"/>\n"
            "<activity android:name=\".Explicit\" android:exported=\"false\"><intent-filter>"
            "<action android:name=\"a.B\"/></intent-filter></activity>\n"));
    ASSERT_EQ(manifest.components.size(), 3u);
    EXPECT_TRUE(manifest.components[0].exported);
    EXPECT_FALSE(manifest.components[0].exportedExplicit);
    EXPECT_FALSE(manifest.components[1].exported);
    EXPECT_FALSE(manifest.components[2].exported);
    EXPECT_TRUE(manifest.components[2].exportedExplicit);
}

TEST(ManifestComponents, AProviderIsExportedByDefaultOnlyBelowTarget17) {
    const std::string provider =
        "<application><provider android:name=\".P\" android:authorities=\"a;b\"/></application>";
    auto manifestFor = [&](int target) {
        return "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
               "package=\"com.example.app\"><uses-sdk android:targetSdkVersion=\"" +
               std::to_string(target) + "\"/>" + provider + "</manifest>";
    };
    const Manifest old = parseOk(manifestFor(16));
    const Manifest current = parseOk(manifestFor(17));
    ASSERT_EQ(old.components.size(), 1u);
    ASSERT_EQ(current.components.size(), 1u);
    EXPECT_TRUE(old.components[0].exported);
    EXPECT_FALSE(current.components[0].exported);
    EXPECT_EQ(current.components[0].authorities, "a;b");
}

TEST(ManifestComponents, AProviderWithoutAuthoritiesIsRefused) {
    EXPECT_EQ(parseError(app("<provider android:name=\".P\"/>\n")),
              at(3, 1) + "<provider> is missing required attribute 'android:authorities'");
}

TEST(ManifestComponents, AnActivityDropsAnActionlessFilterButAServiceKeepsIt) {
    const std::string activity =
        "<activity android:name=\".A\"><intent-filter><category "
        "android:name=\"android.intent.category.DEFAULT\"/></intent-filter></activity>";
    const std::string service =
        "<service android:name=\".S\"><intent-filter><category "
        "android:name=\"android.intent.category.DEFAULT\"/></intent-filter></service>";
    const Manifest manifest = parseOk(app(activity + "\n" + service + "\n"));
    ASSERT_EQ(manifest.components.size(), 2u);
    EXPECT_TRUE(manifest.components[0].filters.empty());
    EXPECT_FALSE(manifest.components[0].exported) << "no filter survived";
    EXPECT_EQ(manifest.components[1].filters.size(), 1u);
    EXPECT_EQ(warnings(manifest),
              (Strings{at(3, columnOf(activity, "<intent-filter")) +
                           "warning: <intent-filter> has no <action>, so Android drops it",
                       at(4, columnOf(service, "<intent-filter")) +
                           "warning: <intent-filter> has no <action>, so it matches only intents "
                           "without one"}));
}

TEST(ManifestComponents, ADuplicateActionIsKeptOnceWithAWarning) {
    const std::string line = filterWithAction("<action android:name=\"a.B\"/>");
    const Manifest manifest = parseOk(app(line + "\n"));
    ASSERT_EQ(manifest.components.size(), 1u);
    ASSERT_EQ(manifest.components[0].filters.size(), 1u);
    EXPECT_EQ(manifest.components[0].filters[0].actions, Strings{"a.B"});
    const int second = static_cast<int>(line.find("<action", line.find("<action") + 1)) + 1;
    EXPECT_EQ(warnings(manifest),
              Strings{at(3, second) +
                      "warning: duplicate <action> 'a.B' in this <intent-filter>; Android keeps "
                      "one"});
}

TEST(ManifestComponents, SeveralDataElementsCombineIntoOneFilter) {
    const Manifest manifest = parseOk(
        app("<activity android:name=\".A\"><intent-filter android:priority=\"7\" "
            "android:autoVerify=\"true\"><action android:name=\"android.intent.action.VIEW\"/>"
            "<data android:scheme=\"https\" android:host=\"a.com\" android:port=\"8080\"/>"
            "<data android:scheme=\"https\" android:pathPrefix=\"/x\"/>"
            "<data android:scheme=\"http\" android:mimeType=\"image/*\"/>"
            "<data android:sspSuffix=\".pdf\"/></intent-filter></activity>\n"));
    ASSERT_EQ(manifest.components.size(), 1u);
    ASSERT_EQ(manifest.components[0].filters.size(), 1u);
    const IntentFilter& filter = manifest.components[0].filters[0];
    EXPECT_EQ(filter.priority, 7);
    EXPECT_TRUE(filter.autoVerify);
    EXPECT_EQ(filter.schemes, (Strings{"https", "http"})) << "each scheme once";
    ASSERT_EQ(filter.authorities.size(), 1u);
    EXPECT_EQ(filter.authorities[0].port, 8080);
    ASSERT_EQ(filter.paths.size(), 1u);
    EXPECT_EQ(filter.paths[0].kind(), PatternKind::Prefix);
    ASSERT_EQ(filter.ssps.size(), 1u);
    EXPECT_EQ(filter.ssps[0].kind(), PatternKind::Suffix);
    EXPECT_EQ(filter.types, Strings{"image/*"});
}

TEST(ManifestComponents, APortWithoutAHostIsIgnoredWithAWarning) {
    const std::string line =
        filterWithAction("<data android:scheme=\"https\" android:port=\"80\"/>");
    const Manifest manifest = parseOk(app(line + "\n"));
    ASSERT_EQ(manifest.components.size(), 1u);
    ASSERT_EQ(manifest.components[0].filters.size(), 1u);
    EXPECT_TRUE(manifest.components[0].filters[0].authorities.empty());
    EXPECT_EQ(warnings(manifest),
              Strings{at(3, columnOf(line, "android:port")) +
                      "warning: <data> attribute 'android:port' is ignored: Android reads a port "
                      "only with 'android:host' in the same <data>"});
}

TEST(ManifestComponents, AnAliasTakesItsTargetsSettingsEvenWhenDeclaredFirst) {
    const Manifest manifest =
        parseOk(app("<activity-alias android:name=\".Alias\" android:targetActivity=\".Main\"/>\n"
                    "<activity android:name=\".Main\" android:launchMode=\"singleTask\" "
                    "android:process=\":ui\" android:excludeFromRecents=\"true\"/>\n"));
    ASSERT_EQ(manifest.components.size(), 2u);
    const Component& alias = manifest.components[0];
    EXPECT_EQ(alias.kind, ComponentKind::ActivityAlias);
    EXPECT_EQ(alias.targetActivity, "com.example.app.Main");
    EXPECT_EQ(alias.launchMode, "singleTask");
    EXPECT_EQ(alias.process, manifest.components[1].process);
    EXPECT_TRUE(alias.excludeFromRecents);
}

TEST(ManifestComponents, AToolsValidationTestUrlIsKeptOnTheActivity) {
    const Manifest manifest = parseOk(
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "xmlns:tools=\"http://schemas.android.com/tools\" package=\"com.example.app\">"
        "<application><activity android:name=\".A\">"
        "<tools:validation testUrl=\"https://a.com/x\"/></activity></application></manifest>");
    ASSERT_EQ(manifest.components.size(), 1u);
    ASSERT_EQ(manifest.components[0].testUrls.size(), 1u);
    EXPECT_EQ(manifest.components[0].testUrls[0].url, "https://a.com/x");
    EXPECT_TRUE(manifest.diagnostics.empty()) << warnings(manifest).front();
}

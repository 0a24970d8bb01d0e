// Starting an intent (start.h): resolve in mode Start with FLAG_ACTIVITY_NEW_TASK added, and am's
// text for each way it ends. The CLI's `hearth start` goldens are tests/cli/start_test.cpp (built
// as start_command_test).

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>
#include <hearth/start.h>

#include <nlohmann/json.hpp>
#include <string>

using namespace hearth;

namespace {

// com.a/.Open opens https://example.com; com.a/.Hidden is not exported.
Device device() {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"com.a\">"
        "<application><activity android:name=\".Open\" android:exported=\"true\"><intent-filter>"
        "<action android:name=\"android.intent.action.VIEW\"/>"
        "<category android:name=\"android.intent.category.DEFAULT\"/>"
        "<category android:name=\"android.intent.category.BROWSABLE\"/>"
        "<data android:scheme=\"https\" android:host=\"example.com\"/></intent-filter></activity>"
        "<activity android:name=\".Hidden\" android:exported=\"false\"/>"
        "</application></manifest>";
    auto manifest = parseManifest(xml, "com.a/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << (manifest ? "" : manifest.error().toString());
    Device d;
    d.name = "start";
    d.packages.emplace_back();
    if (manifest) d.packages.back().manifest = *manifest;
    return d;
}

Intent intentOf(std::vector<std::string> args) {
    auto intent = parseIntentArgs(args);
    EXPECT_TRUE(intent.has_value()) << (intent ? "" : intent.error().toString());
    return intent ? *intent : Intent{};
}

const std::vector<std::string> kView = {"-a", "android.intent.action.VIEW", "-d",
                                         "https://example.com/x"};

}  // namespace

TEST(Start, TheStartedIntentGainsNewTaskAndTheRequestedOneIsKept) {
    const Device d = device();
    const PackageIndex index(d);
    const StartResult start = resolveStart(index, intentOf(kView));
    EXPECT_EQ(start.requested.flags, 0);
    EXPECT_EQ(start.started.flags, flags::kActivityNewTask);
    ASSERT_TRUE(start.result.chosen.has_value());
    EXPECT_EQ(start.result.chosen->component.flattenToShortString(), "com.a/.Open");
    EXPECT_TRUE(start.chooser.empty());
    EXPECT_FALSE(start.denied.has_value());
}

TEST(Start, TextSaysWhatStartsAndWhy) {
    const Device d = device();
    const PackageIndex index(d);
    EXPECT_EQ(renderStartText(resolveStart(index, intentOf(kView))),
              "Starting: Intent { act=android.intent.action.VIEW dat=https://example.com/... }\n"
              "Starts com.a/.Open (C-2: only one activity matches)\n");
}

TEST(Start, AnUnresolvableIntentIsAmsErrorThenNothing) {
    const Device d = device();
    const PackageIndex index(d);
    EXPECT_EQ(renderStartText(resolveStart(index, intentOf({"-a", "android.intent.action.VIEW",
                                                            "-d", "https://other.org/"}))),
              "Starting: Intent { act=android.intent.action.VIEW dat=https://other.org/... }\n"
              "Error: Activity not started, unable to resolve Intent { "
              "act=android.intent.action.VIEW dat=https://other.org/... flg=0x10000000 }\n"
              "Starts nothing (C-1: no activity matches)\n");
}

TEST(Start, AMissingExplicitComponentIsErrorType3) {
    const Device d = device();
    const PackageIndex index(d);
    EXPECT_EQ(renderStartText(resolveStart(index, intentOf({"-n", "com.a/.Nope"}))),
              "Starting: Intent { cmp=com.a/.Nope }\n"
              "Error type 3\n"
              "Error: Activity class {com.a/com.a.Nope} does not exist.\n"
              "Starts nothing (C-1: no activity matches)\n");
}

TEST(Start, JsonIsResolvesAnswerWithAmsIntentTextAndTheChooser) {
    const Device d = device();
    const PackageIndex index(d);
    const std::string text = renderStartJson(resolveStart(index, intentOf(kView)));
    const nlohmann::json json = nlohmann::json::parse(text);
    EXPECT_EQ(json["intentText"],
              "Intent { act=android.intent.action.VIEW dat=https://example.com/... }");
    EXPECT_EQ(json["outcome"], "activity");
    EXPECT_EQ(json["component"], "com.a/.Open");
    EXPECT_EQ(json["chooser"], nlohmann::json::array());
    EXPECT_EQ(json["browserChooser"], false);
    EXPECT_LT(text.find("\"intentText\""), text.find("\"outcome\""));
}

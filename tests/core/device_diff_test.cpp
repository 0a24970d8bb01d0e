// What changes between two devices (device_diff.h): the probe intents a filter stands for, and
// the rows diffDevices lists — each a real difference of PackageIndex's or analyzeHome's answer.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/device_diff.h>
#include <hearth/home.h>
#include <hearth/intent_filter.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>
#include <hearth/start.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace hearth;

namespace {

const std::string kSamples = HEARTH_SAMPLES_DIR;

IntentFilter filterOf(const std::string& inner) {
    const std::string xml =
        R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.t">
  <application>
    <activity android:name=".A" android:exported="true">
      <intent-filter>
)" + inner + R"(      </intent-filter>
    </activity>
  </application>
</manifest>
)";
    Result<Manifest> manifest = parseManifest(xml, "t.xml");
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
    return manifest ? manifest->components.at(0).filters.at(0) : IntentFilter{};
}

std::vector<std::string> argsOf(const std::vector<ProbeIntent>& probes) {
    std::vector<std::string> out;
    for (const ProbeIntent& probe : probes) out.push_back(probe.args);
    return out;
}

Device load(const std::string& path) {
    Result<Device> device = loadDevice(path);
    EXPECT_TRUE(device.has_value()) << device.error().toString();
    return device ? std::move(device).value() : Device{};
}

TEST(ProbeIntents, M26EachActionMeetsEachConcreteLinkAndDefaultIsLeftToTheFlag) {
    const IntentFilter filter = filterOf(R"(
        <action android:name="android.intent.action.VIEW"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <category android:name="android.intent.category.BROWSABLE"/>
        <data android:scheme="https" android:host="*.example.com" android:pathPrefix="/item"/>
        <data android:pathPattern="/p/.*/x"/>
)");
    EXPECT_EQ(argsOf(probeIntentsOf(filter)),
              (std::vector<std::string>{
                  "-a android.intent.action.VIEW -c android.intent.category.BROWSABLE -d "
                  "https://x.example.com/item",
                  "-a android.intent.action.VIEW -c android.intent.category.BROWSABLE -d "
                  "https://x.example.com/p//x"}));
}

TEST(ProbeIntents, EveryProbeIsMatchedByItsOwnFilter) {
    const IntentFilter filter = filterOf(R"(
        <action android:name="android.intent.action.SEND"/>
        <action android:name="android.intent.action.SEND_MULTIPLE"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <data android:mimeType="image/*"/>
        <data android:mimeType="text/plain"/>
)");
    const std::vector<ProbeIntent> probes = probeIntentsOf(filter);
    EXPECT_EQ(probes.size(), 4u);
    for (const ProbeIntent& probe : probes) EXPECT_GE(filter.match(probe.intent), 0) << probe.args;
    EXPECT_EQ(probes[0].args, "-a android.intent.action.SEND -t 'image/*'");
}

TEST(ProbeIntents, M24AdvancedGlobsAreWrittenWithTheFirstMemberOfEachSet) {
    const IntentFilter filter = filterOf(R"(
        <action android:name="android.intent.action.VIEW"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <data android:scheme="https" android:host="example.com"/>
        <data android:pathAdvancedPattern="/item/[0-9]+/[a-z]*"/>
)");
    const std::vector<ProbeIntent> probes = probeIntentsOf(filter);
    ASSERT_EQ(probes.size(), 1u);
    EXPECT_EQ(probes[0].args, "-a android.intent.action.VIEW -d https://example.com/item/0/");
}

TEST(DeviceDiff, TheSameDeviceChangesNothing) {
    const Device device = load(kSamples + "/devices/app-links");
    const DeviceDiff diff = diffDevices(device, device);
    EXPECT_TRUE(diff.rows.empty());
    EXPECT_GT(diff.intentsCompared, homeSiteIds().size());
}

// The sample hijacker (samples/apks/link-hijacker) installed on the app-links device: the rows are
// exactly the probe intents whose answer now names it, wherever the W- rules leave it a chance,
// and nothing else moves.
TEST(DeviceDiff, AnInstalledHijackerChangesExactlyTheIntentsItNowAnswers) {
    const Device before = load(kSamples + "/devices/app-links");
    Device after = before;
    Device grab = load(kSamples + "/apks/link-hijacker/AndroidManifest.xml");
    ASSERT_EQ(grab.packages.size(), 1u);
    after.packages.push_back(std::move(grab.packages[0]));

    const ComponentName grabber{"com.example.linkgrab", "com.example.linkgrab.Grab"};
    const auto names = [&](const DiffOutcome& outcome) {
        return outcome.component == grabber ||
               std::find(outcome.chooser.begin(), outcome.chooser.end(), grabber) !=
                   outcome.chooser.end();
    };
    const DeviceDiff diff = diffDevices(before, after);
    ASSERT_FALSE(diff.rows.empty());
    for (const DiffRow& row : diff.rows) {
        EXPECT_FALSE(names(row.before)) << row.intent;
        EXPECT_TRUE(names(row.after)) << row.intent << " -> " << row.after.summary();
    }
    // And every probe the hijacker now answers is a row.
    const PackageIndex index(after);
    for (const ProbeIntent& probe : probeIntents(after)) {
        const StartResult start = resolveStart(index, probe.intent);
        DiffOutcome outcome;
        if (start.result.outcome == ResolveOutcome::Activity) {
            outcome.component = start.result.chosen->component;
        }
        outcome.chooser = start.chooser;
        if (!names(outcome)) continue;
        EXPECT_TRUE(std::any_of(diff.rows.begin(), diff.rows.end(),
                                [&](const DiffRow& row) { return row.intent == probe.args; }))
            << probe.args;
    }
    // The custom scheme and text sharing had no answer before: LinkGrab takes them outright.
    const auto row = std::find_if(diff.rows.begin(), diff.rows.end(), [](const DiffRow& r) {
        return r.intent == "-a android.intent.action.SEND -t text/plain";
    });
    ASSERT_NE(row, diff.rows.end());
    EXPECT_EQ(row->before.summary(), "nothing");
    EXPECT_EQ(row->after.summary(), "com.example.linkgrab/.Grab");
}

TEST(DeviceDiff, TheHomeFirstPatchIsSeenAtEveryCallSiteItMoves) {
    const Device before = load(kSamples + "/devices/seed");
    Device after = before;
    after.patch = fullHomeFirstPatch();
    const DeviceDiff diff = diffDevices(before, after);
    const HomeReport stock = analyzeHome(before);
    const HomeReport patched = analyzeHome(after);
    std::vector<std::string> moved;
    for (size_t i = 0; i < stock.sites.size(); ++i) {
        const HomeSiteReport& a = stock.sites[i];
        const HomeSiteReport& b = patched.sites[i];
        if (a.outcome != b.outcome || a.component != b.component || a.chooser != b.chooser) {
            moved.push_back("home " + a.site);
        }
    }
    ASSERT_FALSE(moved.empty());  // the seed story: FirstApp becomes home
    std::vector<std::string> homeRows;
    for (const DiffRow& row : diff.rows) {
        if (!row.site.empty()) homeRows.push_back(row.intent);
    }
    EXPECT_EQ(homeRows, moved);
}

TEST(DeviceDiffReport, TextAndJsonCarryEveryRow) {
    const Device before = load(kSamples + "/devices/seed");
    Device after = before;
    after.patch = fullHomeFirstPatch();
    const DeviceDiff diff = diffDevices(before, after);
    const std::string text = renderDiffText(diff, before, after);
    EXPECT_EQ(text.substr(0, text.find('\n')),
              std::to_string(diff.rows.size()) + " of " + std::to_string(diff.intentsCompared) +
                  " intents change their outcome (before seed (API 8), after seed (API 8)):");
    EXPECT_NE(text.find("\nhome boot\n  before: "), std::string::npos) << text;
    const std::string json = renderDiffJson(diff, before, after);
    EXPECT_NE(json.find("\"site\": \"boot\""), std::string::npos);
    EXPECT_EQ(text.substr(0, text.find('\n')), renderDiffSummary(diff, before, after) + ":");
    const DeviceDiff none = diffDevices(before, before);
    EXPECT_EQ(renderDiffText(none, before, before), renderDiffSummary(none, before, before) + "\n");
    EXPECT_EQ(renderDiffSummary(none, before, before).rfind("No intent", 0), 0u);
}

}  // namespace

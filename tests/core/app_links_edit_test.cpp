// app_links_edit.h: App Links state edits as `pm set-app-links`, Settings' "Add link" and
// `pm set-app-links-user-selection` make them (W-20, W-21, W-22, W-30), on an inline device where
// two apps claim the same host.

#include <gtest/gtest.h>
#include <hearth/app_links.h>
#include <hearth/app_links_edit.h>
#include <hearth/device.h>
#include <hearth/device_writer.h>
#include <hearth/start.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace hearth;

namespace {

// A web filter on `host`, with autoVerify when asked.
std::string webActivity(const std::string& host, bool autoVerify) {
    return R"({ "kind": "activity", "name": ".Link", "filters": [ { "autoVerify": )" +
           std::string(autoVerify ? "true" : "false") +
           R"(, "actions": ["android.intent.action.VIEW"],
      "categories": ["android.intent.category.DEFAULT", "android.intent.category.BROWSABLE"],
      "data": { "schemes": ["https"], "authorities": [ { "host": ")" +
           host + R"(" } ] } } ] })";
}

// com.example.verifier (autoVerify links.example.com) and com.example.picker (the same host
// without autoVerify, selected by the user).
Device twoClaimants() {
    const std::string json = R"({ "api": 34, "packages": [
  { "package": "com.example.verifier", "targetSdk": 34, "components": [ )" +
                             webActivity("links.example.com", true) + R"( ] },
  { "package": "com.example.picker", "targetSdk": 34,
    "appLinks": { "selectedHosts": ["links.example.com"] }, "components": [ )" +
                             webActivity("links.example.com", false) + R"( ] } ] })";
    Result<Device> device =
        parseDeviceJson(json, "device.json", std::filesystem::temp_directory_path());
    EXPECT_TRUE(device.has_value()) << device.error().toString();
    return device ? std::move(device).value() : Device{};
}

// A web activity's manifest on `host`, with autoVerify when asked (device.json's writer keeps
// manifest packages, not inline ones).
std::string webManifest(const std::string& package, const std::string& host, bool autoVerify) {
    return R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package=")" +
           package + R"(">
  <uses-sdk android:minSdkVersion="24" android:targetSdkVersion="34"/>
  <application>
    <activity android:name=".Link" android:exported="true">
      <intent-filter android:autoVerify=")" +
           (autoVerify ? "true" : "false") + R"(">
        <action android:name="android.intent.action.VIEW"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <category android:name="android.intent.category.BROWSABLE"/>
        <data android:scheme="https" android:host=")" +
           host + R"("/>
      </intent-filter>
    </activity>
  </application>
</manifest>
)";
}

StartResult start(const Device& device, const std::string& uri) {
    Result<Intent> intent = parseIntentArgs(
        {"-a", "android.intent.action.VIEW", "-c", "android.intent.category.BROWSABLE", "-d", uri});
    EXPECT_TRUE(intent.has_value());
    const PackageIndex index(device);
    return resolveStart(index, intent ? *intent : Intent{});
}

// What `hearth start DEVICE -a VIEW -c BROWSABLE -d URI --json` prints.
std::string startJson(const Device& device, const std::string& uri) {
    return renderStartJson(start(device, uri));
}

// The activity that starts directly, "" for a chooser or nothing.
std::string startsDirectly(const Device& device, const std::string& uri) {
    const StartResult result = start(device, uri);
    if (result.result.outcome != ResolveOutcome::Activity || !result.result.chosen) return "";
    return result.result.chosen->component.flattenToShortString();
}

/// A private folder per test process, removed with the object.
struct Folder {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("hearth-app-links-edit-" + std::to_string(::getpid()));
    Folder() { std::filesystem::create_directories(path); }
    ~Folder() { std::filesystem::remove_all(path); }
    void write(const std::string& name, const std::string& text) const {
        std::filesystem::create_directories((path / name).parent_path());
        std::ofstream(path / name, std::ios::binary) << text;
    }
};

Device loadOrFail(const std::filesystem::path& path) {
    Result<Device> device = loadDevice(path);
    EXPECT_TRUE(device.has_value()) << device.error().toString();
    return device ? std::move(device).value() : Device{};
}

}  // namespace

TEST(AppLinksEdit, W30_VerifyingAHostTakesItFromEveryUserSelection) {
    Device device = twoClaimants();
    ASSERT_EQ(device.packages.at(1).appLinks.selectedHosts.size(), 1u);
    Result<bool> changed =
        setDomainState(device, "com.example.verifier", "links.example.com", domain_state::kVerified);
    ASSERT_TRUE(changed.has_value()) << changed.error().toString();
    EXPECT_TRUE(*changed);
    EXPECT_TRUE(device.packages[1].appLinks.selectedHosts.empty());
    EXPECT_EQ(approvalFor(device.packages[0], "links.example.com", 34).level,
              ApprovalLevel::Verified);
}

TEST(AppLinksEdit, W30_ADeniedStateKeepsTheSelectionsAndNoneRemovesTheEntry) {
    Device device = twoClaimants();
    ASSERT_TRUE(*setDomainState(device, "com.example.verifier", "links.example.com",
                                domain_state::kDenied));
    EXPECT_EQ(device.packages[1].appLinks.selectedHosts.size(), 1u);
    ASSERT_EQ(device.packages[0].appLinks.domains.size(), 1u);
    EXPECT_EQ(device.packages[0].appLinks.domains[0].state, domain_state::kDenied);
    ASSERT_TRUE(*setDomainState(device, "com.example.verifier", "links.example.com",
                                domain_state::kNone));
    EXPECT_TRUE(device.packages[0].appLinks.domains.empty());
    EXPECT_FALSE(*setDomainState(device, "com.example.verifier", "links.example.com",
                                 domain_state::kNone));
}

TEST(AppLinksEdit, W20_AStateNeedsAnAutoVerifyDomain) {
    Device device = twoClaimants();
    Result<bool> changed =
        setDomainState(device, "com.example.picker", "links.example.com", domain_state::kVerified);
    ASSERT_FALSE(changed.has_value());
    EXPECT_EQ(changed.error().message,
              "'links.example.com' is not an autoVerify domain of 'com.example.picker' (W-20): "
              "Android keeps no verification state for it");
    EXPECT_EQ(setDomainState(device, "com.example.nope", "links.example.com", 1).error().message,
              "'com.example.nope' is not installed");
}

TEST(AppLinksEdit, W30_SelectingAHostTakesItFromTheOtherPackage) {
    Device device = twoClaimants();
    Result<bool> changed =
        setHostSelected(device, "com.example.verifier", "links.example.com", true);
    ASSERT_TRUE(changed.has_value()) << changed.error().toString();
    EXPECT_TRUE(*changed);
    EXPECT_EQ(device.packages[0].appLinks.selectedHosts,
              std::vector<std::string>{"links.example.com"});
    EXPECT_TRUE(device.packages[1].appLinks.selectedHosts.empty());
    EXPECT_TRUE(*setHostSelected(device, "com.example.verifier", "links.example.com", false));
    EXPECT_TRUE(device.packages[0].appLinks.selectedHosts.empty());
}

TEST(AppLinksEdit, W30_AHostAnotherAppHasVerifiedCannotBeSelected) {
    Device device = twoClaimants();
    ASSERT_TRUE(*setDomainState(device, "com.example.verifier", "links.example.com",
                                domain_state::kApproved));
    Result<bool> changed = setHostSelected(device, "com.example.picker", "links.example.com", true);
    ASSERT_FALSE(changed.has_value());
    EXPECT_EQ(changed.error().message,
              "'com.example.verifier' has 'links.example.com' approved, so the user cannot select "
              "it for 'com.example.picker' (ERROR_UNABLE_TO_APPROVE, W-30)");
    EXPECT_TRUE(device.packages[1].appLinks.selectedHosts.empty());
}

TEST(AppLinksEdit, W20_OnlyAWebDomainCanBeSelected) {
    Device device = twoClaimants();
    Result<bool> changed = setHostSelected(device, "com.example.picker", "other.example.com", true);
    ASSERT_FALSE(changed.has_value());
    EXPECT_EQ(changed.error().message,
              "'other.example.com' is not a web domain of 'com.example.picker' (a VIEW + "
              "BROWSABLE + DEFAULT http(s) filter host, W-20)");
}

// W-30 is the verification service's (Android 12+): on an API 30 device a verified state takes no
// selection away and another app's state refuses none, as the loader keeps them at API 30.
TEST(AppLinksEdit, W30_BeforeAndroid12StatesAndSelectionsStandSideBySide) {
    Device device = twoClaimants();
    device.apiLevel = kFirstApiWithDomainVerificationService - 1;
    ASSERT_TRUE(
        setDomainState(device, "com.example.verifier", "links.example.com", domain_state::kVerified)
            .has_value());
    EXPECT_EQ(device.packages.at(1).appLinks.selectedHosts,
              std::vector<std::string>{"links.example.com"});
    ASSERT_TRUE(setHostSelected(device, "com.example.picker", "links.example.com", false).has_value());
    Result<bool> selected = setHostSelected(device, "com.example.picker", "links.example.com", true);
    ASSERT_TRUE(selected.has_value()) << selected.error().toString();
    EXPECT_TRUE(*selected);
}

// "Open supported links" turned back on for an app with a verified host: the device must be the
// one device.json gives with the flag on, where the loader drops other apps' selections of that
// host (W-30). The verifier is suspended (W-23 step 1 on API 35: NONE), so a selection left behind
// would decide the start on its own: the edited device and the reloaded one must answer alike.
TEST(AppLinksEdit, W22_OpenSupportedLinksBackOnLeavesTheDeviceTheLoaderReadsBack) {
    const Folder folder;
    folder.write("verifier/AndroidManifest.xml",
                 webManifest("com.example.verifier", "links.example.com", true));
    folder.write("picker/AndroidManifest.xml",
                 webManifest("com.example.picker", "links.example.com", false));
    folder.write("device.json", R"({ "api": 35, "packages": [
  { "manifest": "verifier/AndroidManifest.xml", "suspended": true,
    "appLinks": { "domains": { "links.example.com": "verified" }, "linkHandlingAllowed": false } },
  { "manifest": "picker/AndroidManifest.xml",
    "appLinks": { "selectedHosts": ["links.example.com"] } } ] })");
    Device device = loadOrFail(folder.path / "device.json");
    ASSERT_EQ(device.packages.size(), 2u);
    // Link handling off: the verification takes nothing away, the selection stands and wins.
    ASSERT_EQ(device.packages[1].appLinks.selectedHosts,
              std::vector<std::string>{"links.example.com"});
    const std::string link = "https://links.example.com/a";
    ASSERT_EQ(startsDirectly(device, link), "com.example.picker/.Link") << startJson(device, link);

    Result<bool> changed = setLinkHandlingAllowed(device, "com.example.verifier", true);
    ASSERT_TRUE(changed.has_value()) << changed.error().toString();
    EXPECT_TRUE(*changed);
    EXPECT_TRUE(device.packages[1].appLinks.selectedHosts.empty());

    DeviceJsonOptions options;
    options.outDir = folder.path;
    std::vector<std::string> lost;
    folder.write("edited.json", renderDeviceJson(device, options, lost));
    EXPECT_TRUE(lost.empty());
    const Device reloaded = loadOrFail(folder.path / "edited.json");
    EXPECT_TRUE(reloaded.packages.at(0).appLinks.linkHandlingAllowed);
    EXPECT_EQ(reloaded.packages.at(1).appLinks.selectedHosts,
              device.packages[1].appLinks.selectedHosts);
    EXPECT_EQ(startJson(device, link), startJson(reloaded, link));
    // No app is approved for the host any more: the chooser, not the picker.
    EXPECT_EQ(startsDirectly(device, link), "") << startJson(device, link);

    EXPECT_FALSE(*setLinkHandlingAllowed(device, "com.example.verifier", true));
    EXPECT_EQ(setLinkHandlingAllowed(device, "com.example.nope", true).error().message,
              "'com.example.nope' is not installed");
}

// Turned off, nothing else changes: a verification in a user whose link handling is off removes
// no selection (W-30), so nothing is given back either.
TEST(AppLinksEdit, W22_OpenSupportedLinksOffTakesOnlyTheFlag) {
    Device device = twoClaimants();
    Result<bool> changed = setLinkHandlingAllowed(device, "com.example.picker", false);
    ASSERT_TRUE(changed.has_value()) << changed.error().toString();
    EXPECT_TRUE(*changed);
    EXPECT_FALSE(device.packages[1].appLinks.linkHandlingAllowed);
    EXPECT_EQ(device.packages[1].appLinks.selectedHosts,
              std::vector<std::string>{"links.example.com"});
}

// app_links_edit.h: App Links state edits as `pm set-app-links`, Settings' "Add link" and
// `pm set-app-links-user-selection` make them (W-20, W-21, W-22, W-30), on an inline device where
// two apps claim the same host.

#include <gtest/gtest.h>
#include <hearth/app_links.h>
#include <hearth/app_links_edit.h>
#include <hearth/device.h>

#include <filesystem>
#include <string>

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

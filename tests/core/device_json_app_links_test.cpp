// device.json keys of the web-intent rules (android-modern.md §5, issue 12): "roles" and, per
// package, "targetSdk", "minSdk", "placeholders", "firstInstallTime" and "appLinks" — values, the
// warnings for states Android would not keep (W-20, W-40), and every error with its position.

#include <gtest/gtest.h>
#include <hearth/app_links.h>
#include <hearth/device.h>

#include <filesystem>
#include <string>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const fs::path kAppLinks = fs::path(HEARTH_SAMPLES_DIR) / "devices" / "app-links";

Result<Device> parse(const std::string& text) {
    return parseDeviceJson(text, "device.json", kAppLinks);
}

std::string errorOf(const std::string& text) {
    Result<Device> device = parse(text);
    if (device) return "(no error)";
    return device.error().toString();
}

std::string warningsOf(const Device& device) {
    std::string out;
    for (const Diagnostic& diagnostic : device.diagnostics) out += diagnostic.toString() + "\n";
    return out;
}

}  // namespace

TEST(DeviceJsonAppLinks, ReadsRolesAndEveryPackageKey) {
    Result<Device> device = parse(R"({
  "roles": { "browser": "com.example.chromium", "home": "com.example.news" },
  "packages": [
    { "manifest": "news/AndroidManifest.xml", "targetSdk": 30, "minSdk": 24,
      "placeholders": { "host": "news.example.com" },
      "firstInstallTime": "2024-03-01T09:00:00Z",
      "appLinks": { "domains": { "news.example.com": "verified" },
                    "linkHandlingAllowed": false, "selectedHosts": ["news.example.com"],
                    "legacyStatus": "always-ask", "legacyGeneration": 3 } },
    { "manifest": "chromium/AndroidManifest.xml", "firstInstallTime": 1230681600000 }
  ]
})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->roles.browser, "com.example.chromium");
    EXPECT_EQ(device->roles.home, "com.example.news");
    const InstalledPackage& news = device->packages[0];
    EXPECT_EQ(news.manifest.targetSdk, 30) << "the override is written into the manifest";
    EXPECT_EQ(news.manifest.minSdk, 24);
    EXPECT_EQ(news.firstInstallTime, 1709283600000);
    ASSERT_EQ(news.appLinks.domains.size(), 1u);
    EXPECT_EQ(news.appLinks.domains[0].domain, "news.example.com");
    EXPECT_EQ(news.appLinks.domains[0].state, domain_state::kVerified);
    EXPECT_EQ(news.appLinks.domains[0].where.line, 7);
    EXPECT_FALSE(news.appLinks.linkHandlingAllowed);
    EXPECT_EQ(news.appLinks.selectedHosts, std::vector<std::string>{"news.example.com"});
    EXPECT_EQ(news.appLinks.legacyStatus, LegacyLinkStatus::AlwaysAsk);
    EXPECT_EQ(news.appLinks.legacyGeneration, 3);
    EXPECT_EQ(device->packages[1].firstInstallTime, 1230681600000);
    // roles.home names a package without a HOME activity.
    EXPECT_EQ(warningsOf(*device),
              "device.json:2:57: warning: 'roles.home' names 'com.example.news', which has no "
              "MAIN + HOME activity (H-8)\n");
}

TEST(DeviceJsonAppLinks, DomainStatesAcceptNamesAndAgentCodes) {
    Result<Device> device = parse(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
      "appLinks": { "domains": { "news.example.com": 1024 } } } ] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->packages[0].appLinks.domains[0].state, 1024);
}

TEST(DeviceJsonAppLinks, FirstInstallTimeAcceptsDatesAndOffsets) {
    Result<Device> device = parse(R"({ "packages": [
      { "manifest": "news/AndroidManifest.xml", "firstInstallTime": "1970-01-02" },
      { "manifest": "shop/AndroidManifest.xml", "firstInstallTime": "1970-01-01T02:00:00.5+01:00" }
    ] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->packages[0].firstInstallTime, 86400000);
    EXPECT_EQ(device->packages[1].firstInstallTime, 3600500);
}

TEST(DeviceJsonAppLinks, W20AStateForADomainThePackageDoesNotDeclareIsAWarningAndIgnored) {
    Result<Device> device = parse(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
      "appLinks": { "domains": { "other.example.com": "verified" },
                    "selectedHosts": ["blog.example.org"] } } ] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_TRUE(device->packages[0].appLinks.domains.empty());
    EXPECT_TRUE(device->packages[0].appLinks.selectedHosts.empty());
    EXPECT_EQ(warningsOf(*device),
              "device.json:2:34: warning: 'other.example.com' is not an autoVerify domain of "
              "'com.example.news' (W-20), so Android keeps no verification state for it; "
              "ignored\n"
              "device.json:2:19: warning: selected host 'blog.example.org' is not a web domain of "
              "'com.example.news' (a VIEW + BROWSABLE + DEFAULT http(s) filter host, W-20), so "
              "Android drops the selection (W-30); ignored\n");
}

TEST(DeviceJsonAppLinks, W40ADefaultBrowserThatIsNotABrowserIsAWarning) {
    Result<Device> device = parse(R"({ "roles": { "browser": "com.example.news" },
      "packages": [ { "manifest": "news/AndroidManifest.xml" } ] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(warningsOf(*device),
              "device.json:1:25: warning: 'roles.browser' names 'com.example.news', which has no "
              "exported activity with a VIEW + BROWSABLE + DEFAULT http filter without a host; "
              "Android would not give it the BROWSER role (W-40)\n");
}

TEST(DeviceJsonAppLinks, ARoleNamingAMissingPackageIsAWarning) {
    Result<Device> device = parse(R"({ "roles": { "browser": "com.nope" }, "packages": [] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(warningsOf(*device),
              "device.json:1:25: warning: 'roles.browser' names 'com.nope', which is not "
              "installed; no default browser\n");
}

TEST(DeviceJsonAppLinksError, UnknownRoleKey) {
    EXPECT_EQ(errorOf(R"({ "roles": { "dialer": "x" }, "packages": [] })"),
              "device.json:1:14: unknown key 'dialer' in 'roles'; expected one of: browser, home");
}

TEST(DeviceJsonAppLinksError, UnknownAppLinksKey) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
  "appLinks": { "verified": [] } } ] })"),
              "device.json:2:17: unknown key 'verified' in 'packages[0].appLinks'; expected one "
              "of: domains, linkHandlingAllowed, selectedHosts, legacyStatus, legacyGeneration");
}

TEST(DeviceJsonAppLinksError, UnknownDomainState) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
  "appLinks": { "domains": { "news.example.com": "yes" } } } ] })"),
              "device.json:2:50: 'packages[0].appLinks.domains.news.example.com' must be a "
              "verification state (none, verified, approved, denied, migrated, restored, "
              "legacy_failure, system_configured, pre_verified or a number from 1024), got the "
              "string \"yes\"");
}

TEST(DeviceJsonAppLinksError, DomainMustBeValid) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
  "appLinks": { "domains": { "localhost": "verified" } } } ] })"),
              "device.json:2:30: 'localhost' is not a domain Android verifies: it must look like "
              "'example.com' or '*.example.com' (W-20)");
}

TEST(DeviceJsonAppLinksError, UnknownLegacyStatus) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
  "appLinks": { "legacyStatus": "sometimes" } } ] })"),
              "device.json:2:33: 'packages[0].appLinks.legacyStatus' must be one of undefined, "
              "ask, always, never, always-ask (or 0..4), got the string \"sometimes\"");
}

TEST(DeviceJsonAppLinksError, BadFirstInstallTime) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
  "firstInstallTime": "yesterday" } ] })"),
              "device.json:2:23: 'packages[0].firstInstallTime' must be milliseconds since 1970 "
              "or an ISO 8601 time such as \"2024-05-01T12:00:00Z\", got the string "
              "\"yesterday\"");
}

TEST(DeviceJsonAppLinksError, TargetSdkMustBeInRange) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
  "targetSdk": 0 } ] })"),
              "device.json:2:16: 'packages[0].targetSdk' must be between 1 and 100, got 0");
}

TEST(DeviceJsonAppLinksError, PlaceholderValuesMustBeStrings) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
  "placeholders": { "host": 3 } } ] })"),
              "device.json:2:29: 'packages[0].placeholders.host' must be a string, got the "
              "number 3");
}

TEST(DeviceJsonAppLinks, PlaceholdersReachTheManifest) {
    // The app-links manifests use no placeholder; the key is accepted and passed to the parser.
    Result<Device> device = parse(R"({ "packages": [ { "manifest": "news/AndroidManifest.xml",
      "placeholders": { "unused": "x" } } ] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
}

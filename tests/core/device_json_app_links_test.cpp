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

// ---- state Android writes by itself: sysconfig <app-link> (W-17, W-31) and W-30 revocations ----

#include <hearth/app_links_report.h>

#include <fstream>
#include <unistd.h>

namespace {

// A scratch folder with one manifest per package, removed when the test ends.
class LinkDevice {
  public:
    LinkDevice() : m_dir(fs::temp_directory_path() /
                         ("hearth-link-state-" + std::to_string(::getpid()) + "-" +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name())) {
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    ~LinkDevice() { fs::remove_all(m_dir); }

    // One activity with a VIEW + DEFAULT + BROWSABLE https filter for host; autoVerify as given.
    void app(const std::string& package, const std::string& host, bool autoVerify,
             int targetSdk = 34) {
        fs::create_directories(m_dir / package);
        std::ofstream(m_dir / package / "AndroidManifest.xml")
            << R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package=")"
            << package << R"(">
  <uses-sdk android:minSdkVersion="23" android:targetSdkVersion=")" << targetSdk << R"("/>
  <application>
    <activity android:name=".Link" android:exported="true">
      <intent-filter)" << (autoVerify ? R"( android:autoVerify="true")" : "") << R"(>
        <action android:name="android.intent.action.VIEW"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <category android:name="android.intent.category.BROWSABLE"/>
        <data android:scheme="https" android:host=")" << host << R"("/>
      </intent-filter>
    </activity>
  </application>
</manifest>
)";
    }
    Result<Device> load(const std::string& json) const {
        return parseDeviceJson(json, "device.json", m_dir);
    }

  private:
    fs::path m_dir;
};

int stateOf(const InstalledPackage& package, const std::string& domain) {
    for (const DomainStateEntry& entry : package.appLinks.domains) {
        if (entry.domain == domain) return entry.state;
    }
    return -1;
}

}  // namespace

TEST(W31, E27ASysconfigAppLinkSystemAppHasItsDomainsSystemConfiguredAndApproved) {
    LinkDevice dir;
    dir.app("com.s", "s.example.com", true);
    Result<Device> device = dir.load(R"({"api": 34,
  "sysconfig": {"appLinkPackages": ["com.s"]},
  "packages": [{"manifest": "com.s/AndroidManifest.xml", "system": true}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    const InstalledPackage& s = device->packages[0];
    EXPECT_TRUE(s.appLinks.sysconfigAppLink);
    EXPECT_EQ(stateOf(s, "s.example.com"), domain_state::kSystemConfigured);
    EXPECT_EQ(approvalFor(s, "s.example.com", 34).level, ApprovalLevel::Verified)
        << "system_configured counts as verified (W-21)";
    Result<std::string> text = renderAppLinksText(*device, AppLinksQuery{"com.s", std::nullopt});
    ASSERT_TRUE(text.has_value()) << text.error().toString();
    EXPECT_NE(text->find("s.example.com: system_configured"), std::string::npos) << *text;
}

TEST(W31, AStateDeviceJsonGivesWinsOverSystemConfigured) {
    LinkDevice dir;
    dir.app("com.s", "s.example.com", true);
    Result<Device> device = dir.load(R"({"api": 34,
  "sysconfig": {"appLinkPackages": ["com.s"]},
  "packages": [{"manifest": "com.s/AndroidManifest.xml", "system": true,
                "appLinks": {"domains": {"s.example.com": "denied"}}}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(stateOf(device->packages[0], "s.example.com"), domain_state::kDenied);
}

TEST(W17, AUserAppInSysconfigAppLinkIsIgnoredWithAWarning) {
    LinkDevice dir;
    dir.app("com.u", "u.example.com", true);
    Result<Device> device = dir.load(R"({"api": 34,
  "sysconfig": {"appLinkPackages": ["com.u"]},
  "packages": [{"manifest": "com.u/AndroidManifest.xml"}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_FALSE(device->packages[0].appLinks.sysconfigAppLink);
    EXPECT_EQ(stateOf(device->packages[0], "u.example.com"), -1);
    EXPECT_NE(warningsOf(*device).find("device.json:2:37: warning: 'sysconfig.appLinkPackages[0]' names "
                                       "'com.u', which is not a system app"),
              std::string::npos)
        << warningsOf(*device);
}

TEST(W17, OnAndroid6To11ASysconfigAppLinkSystemAppIsAlways) {
    LinkDevice dir;
    dir.app("com.s", "s.example.com", false, 28);
    Result<Device> device = dir.load(R"({"api": 28,
  "sysconfig": {"appLinkPackages": ["com.s"]},
  "packages": [{"manifest": "com.s/AndroidManifest.xml", "system": true}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    const InstalledPackage& s = device->packages[0];
    EXPECT_EQ(s.appLinks.legacyStatus, LegacyLinkStatus::Always);
    // W-20 legacy collection: listed in sysconfig, so every web filter's hosts are collected even
    // without an autoVerify filter.
    EXPECT_EQ(declaredDomains(s).autoVerify, std::vector<std::string>{"s.example.com"});
}

TEST(W17, AnExplicitLegacyStatusWins) {
    LinkDevice dir;
    dir.app("com.s", "s.example.com", false, 28);
    Result<Device> device = dir.load(R"({"api": 28,
  "sysconfig": {"appLinkPackages": ["com.s"]},
  "packages": [{"manifest": "com.s/AndroidManifest.xml", "system": true,
                "appLinks": {"legacyStatus": "never"}}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->packages[0].appLinks.legacyStatus, LegacyLinkStatus::Never);
}

TEST(W30, E29AVerifiedHostRevokesEveryOtherSelectionOfIt) {
    LinkDevice dir;
    dir.app("com.x", "example.com", true);
    dir.app("com.y", "example.com", true);
    Result<Device> device = dir.load(R"({"api": 34,
  "packages": [
    {"manifest": "com.x/AndroidManifest.xml", "appLinks": {"selectedHosts": ["example.com"]}},
    {"manifest": "com.y/AndroidManifest.xml",
     "appLinks": {"domains": {"example.com": "verified"}}}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_TRUE(device->packages[0].appLinks.selectedHosts.empty());
    EXPECT_NE(warningsOf(*device).find("'com.x' cannot keep the user's selection of "
                                       "'example.com': 'com.y' has it verified"),
              std::string::npos)
        << warningsOf(*device);
    Result<std::string> text = renderAppLinksText(*device, AppLinksQuery{"com.x", "0"});
    ASSERT_TRUE(text.has_value()) << text.error().toString();
    EXPECT_NE(text->find("        Disabled:\n          example.com\n"), std::string::npos) << *text;
    EXPECT_EQ(text->find("Enabled:"), std::string::npos) << *text;
}

TEST(W30, AVerificationInAUserWithLinkHandlingOffRevokesNothing) {
    LinkDevice dir;
    dir.app("com.x", "example.com", true);
    dir.app("com.y", "example.com", true);
    Result<Device> device = dir.load(R"({"api": 34,
  "packages": [
    {"manifest": "com.x/AndroidManifest.xml", "appLinks": {"selectedHosts": ["example.com"]}},
    {"manifest": "com.y/AndroidManifest.xml",
     "appLinks": {"domains": {"example.com": "verified"}, "linkHandlingAllowed": false}}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->packages[0].appLinks.selectedHosts, std::vector<std::string>{"example.com"});
}

TEST(W30, ADeniedOrNoneStateRevokesNothing) {
    LinkDevice dir;
    dir.app("com.x", "example.com", true);
    dir.app("com.y", "example.com", true);
    Result<Device> device = dir.load(R"({"api": 34,
  "packages": [
    {"manifest": "com.x/AndroidManifest.xml", "appLinks": {"selectedHosts": ["example.com"]}},
    {"manifest": "com.y/AndroidManifest.xml",
     "appLinks": {"domains": {"example.com": "denied"}}}]})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->packages[0].appLinks.selectedHosts, std::vector<std::string>{"example.com"});
}

// device_facts.h: the device state as the explorer lists it, read from real sample devices; each
// value is the one the rules read (the W-41 fallback holder, the effective app id, ...).

#include <gtest/gtest.h>
#include <hearth/caller.h>
#include <hearth/device.h>
#include <hearth/device_facts.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace hearth;

namespace {

const std::filesystem::path kDevices = std::filesystem::path(HEARTH_SAMPLES_DIR) / "devices";

std::string valueOf(const std::vector<Fact>& facts, const std::string& key) {
    for (const Fact& fact : facts) {
        if (fact.key == key) return fact.value;
    }
    return "(no fact '" + key + "')";
}

Device load(const std::string& name) {
    Result<Device> device = loadDevice(kDevices / name);
    EXPECT_TRUE(device.has_value()) << device.error().toString();
    return device ? std::move(device).value() : Device{};
}

}  // namespace

TEST(DeviceFacts, AppLinksDeviceListsRolesAndEachPackagesLinkState) {
    const Device device = load("app-links");
    const std::vector<Fact> facts = deviceFacts(device);
    EXPECT_EQ(valueOf(facts, "api"), "34");
    EXPECT_EQ(valueOf(facts, "roles.browser"), "com.example.chromium");
    const InstalledPackage* news = device.findPackage("com.example.news");
    ASSERT_NE(news, nullptr);
    const std::vector<Fact> newsFacts = packageFacts(device, *news);
    EXPECT_EQ(valueOf(newsFacts, "appLinks.domains"), "news.example.com: verified");
    EXPECT_EQ(valueOf(newsFacts, "firstInstallTime"), "2024-03-01T09:00:00Z");
    EXPECT_EQ(valueOf(newsFacts, "appLinks.linkHandlingAllowed"), "true");
    const InstalledPackage* blog = device.findPackage("com.example.blog");
    ASSERT_NE(blog, nullptr);
    EXPECT_EQ(valueOf(packageFacts(device, *blog), "appLinks.selectedHosts"), "blog.example.org");
}

TEST(DeviceFacts, TheBrowsersNoneAndTheFallbackHolderAreTold) {
    Device device = load("browsers");
    EXPECT_EQ(valueOf(deviceFacts(device), "roles.browser"), "none (the user's None: null)");
    device.roles.browser.reset();  // nothing chosen: the only system browser holds the role (W-41)
    EXPECT_EQ(valueOf(deviceFacts(device), "roles.browser"),
              "com.android.browser (W-41 fallback holder)");
}

TEST(DeviceFacts, CallersDeviceListsInstallFactsQueriesAndSysconfig) {
    const Device device = load("callers");
    EXPECT_NE(valueOf(deviceFacts(device), "sysconfig.forceQueryablePackages"), "none");
    for (const InstalledPackage& package : device.packages) {
        const std::vector<Fact> facts = packageFacts(device, package);
        EXPECT_EQ(valueOf(facts, "suspended"), package.suspended ? "true" : "false");
        EXPECT_NE(valueOf(facts, "appId").find(std::to_string(appIdOf(package, device))),
                  std::string::npos);
        if (package.installer) {
            EXPECT_EQ(valueOf(facts, "installer"), *package.installer);
        }
        if (!package.manifest.queries.packages.empty()) {
            EXPECT_NE(valueOf(facts, "<queries>").find(package.manifest.queries.packages[0]),
                      std::string::npos);
        }
    }
}

TEST(HostLinkFacts, EachWebHostWithItsStateSelectionAndW23Approval) {
    const Device device = load("app-links");
    const auto factsOf = [&](const std::string& name) {
        const InstalledPackage* package = device.findPackage(name);
        EXPECT_NE(package, nullptr) << name;
        return package ? hostLinkFacts(device, *package) : std::vector<HostLinkFact>{};
    };
    const std::vector<HostLinkFact> news = factsOf("com.example.news");
    ASSERT_EQ(news.size(), 1u);
    EXPECT_EQ(news[0].host, "news.example.com");
    EXPECT_TRUE(news[0].autoVerify);
    EXPECT_EQ(news[0].state, domain_state::kVerified);
    EXPECT_FALSE(news[0].selected);
    EXPECT_EQ(news[0].approval.level, ApprovalLevel::Verified);
    const std::vector<HostLinkFact> blog = factsOf("com.example.blog");
    ASSERT_EQ(blog.size(), 1u);
    EXPECT_FALSE(blog[0].autoVerify);
    EXPECT_TRUE(blog[0].selected);
    EXPECT_EQ(blog[0].approval.level, ApprovalLevel::Selection);
    const std::vector<HostLinkFact> social = factsOf("com.example.social");
    ASSERT_EQ(social.size(), 1u);
    EXPECT_EQ(social[0].state, domain_state::kDenied);
    EXPECT_EQ(social[0].approval.level, ApprovalLevel::None);
}

TEST(HostLinkFacts, BeforeApi31TheLinkStatusDecides) {
    const Device device = load("legacy-links");
    for (const InstalledPackage& package : device.packages) {
        for (const HostLinkFact& fact : hostLinkFacts(device, package)) {
            EXPECT_EQ(fact.approval.level, ApprovalLevel::None);
            EXPECT_NE(fact.approval.reason.find("the link status decides"), std::string::npos);
        }
    }
}

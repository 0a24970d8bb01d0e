// device.json writer (device_writer.h): a device written back and loaded again gives the same
// answers — home at every call site, what starts for web links (App Links state, roles), what a
// caller sees (sysconfig, flags, installer, suspended, appId) — so an edited device can be saved.

#include <gtest/gtest.h>
#include <hearth/app_links_report.h>
#include <hearth/device.h>
#include <hearth/device_writer.h>
#include <hearth/home.h>
#include <hearth/home_report.h>
#include <hearth/intent.h>
#include <hearth/start.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const fs::path kSamples = HEARTH_SAMPLES_DIR;

Device load(const fs::path& path) {
    Result<Device> device = loadDevice(path);
    EXPECT_TRUE(device.has_value()) << device.error().toString();
    return device ? std::move(*device) : Device{};
}

/// A private folder per test process (tests run in parallel).
class DeviceWriterTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("hearth-device-writer-" + std::to_string(::getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    /// Writes the device into the private folder and loads it back.
    Device roundTrip(const Device& device, std::vector<std::string>* lostOut = nullptr) {
        DeviceJsonOptions options;
        options.outDir = m_dir;
        std::vector<std::string> lost;
        const std::string text = renderDeviceJson(device, options, lost);
        if (lostOut) *lostOut = lost;
        std::ofstream(m_dir / "device.json", std::ios::binary) << text;
        return load(m_dir / "device.json");
    }

    fs::path m_dir;
};

std::string startJson(const Device& device, const std::vector<std::string>& args) {
    Result<Intent> intent = parseIntentArgs(args);
    EXPECT_TRUE(intent.has_value());
    const PackageIndex index(device);
    ResolveRequest request{*intent, kStartQueryFlags, ComponentKind::Activity, ResolveMode::Start,
                           Caller{}};
    const std::vector<Rejection> rejections = index.explain(request);
    return renderStartJson(resolveStart(index, request), &rejections);
}

/// `hearth app-links DEVICE --json`, or its refusal (before Android 12 there is no report).
std::string appLinksJson(const Device& device) {
    Result<std::string> json = renderAppLinksJson(device, {});
    return json ? *json : json.error().toString();
}

std::vector<std::string> view(const std::string& uri) {
    return {"-a", "android.intent.action.VIEW", "-c", "android.intent.category.BROWSABLE", "-d",
            uri};
}

}  // namespace

TEST_F(DeviceWriterTest, AppLinksStateAndRolesSurviveSoWebStartsGiveTheSameAnswers) {
    // W-21..W-27: verified, denied and selected hosts and the default browser decide starts.
    const Device device = load(kSamples / "devices/app-links");
    std::vector<std::string> lost;
    const Device again = roundTrip(device, &lost);
    EXPECT_TRUE(lost.empty());
    for (const char* uri : {"https://news.example.com/today", "https://shop.example.com/cart",
                            "https://blog.example.org/post", "https://social.example.net/u",
                            "https://example.com/a?b=1&c=2"}) {
        EXPECT_EQ(startJson(again, view(uri)), startJson(device, view(uri))) << uri;
    }
    ASSERT_TRUE(again.roles.browser.has_value());
    EXPECT_EQ(*again.roles.browser, "com.example.chromium");
    EXPECT_EQ(appLinksJson(again), appLinksJson(device));
}

TEST_F(DeviceWriterTest, LegacyLinkStatusesSurvive) {
    // W-10..W-15: Android 6-11 decide by each package's link status.
    const Device device = load(kSamples / "devices/legacy-links");
    const Device again = roundTrip(device);
    EXPECT_EQ(appLinksJson(again), appLinksJson(device));
    for (const char* uri : {"https://video.example.com/clip", "https://maps.example.com/x",
                            "https://music.example.com/y"}) {
        EXPECT_EQ(startJson(again, view(uri)), startJson(device, view(uri))) << uri;
    }
    EXPECT_EQ(again.findPackage("com.example.maps")->appLinks.legacyGeneration, 2);
}

TEST_F(DeviceWriterTest, CallerFactsSurvive) {
    // V-4 sysconfig, S-6/S-7 flags, V-8 installer, a suspended package, an explicit app id.
    const Device device = load(kSamples / "devices/callers");
    const Device again = roundTrip(device);
    EXPECT_EQ(again.sysconfig.forceQueryablePackages, device.sysconfig.forceQueryablePackages);
    EXPECT_EQ(again.flags.enforceIntentFilterMatch, device.flags.enforceIntentFilterMatch);
    EXPECT_EQ(again.flags.blockNullActionIntents, device.flags.blockNullActionIntents);
    ASSERT_NE(again.findPackage("com.example.games"), nullptr);
    EXPECT_TRUE(again.findPackage("com.example.games")->suspended);
    ASSERT_NE(again.findPackage("com.example.store"), nullptr);
    EXPECT_EQ(again.findPackage("com.example.store")->appId, std::optional<int>(10057));
    EXPECT_EQ(again.findPackage("com.example.notes")->installer,
              std::optional<std::string>("com.example.store"));
}

TEST_F(DeviceWriterTest, EditedPackagesAndAPatchedSiteGiveTheSameHomeAnswers) {
    // H-1..H-14: removed and disabled packages and a half patch are what home reads.
    Device device = load(kSamples / "devices/three-launchers");
    ASSERT_GE(device.packages.size(), 2u);
    device.packages[0].enabled = false;
    device.packages[1].removed = true;
    device.patch.homeFirstSites = {"boot"};
    const Device again = roundTrip(device);
    EXPECT_EQ(renderHomeJson(analyzeHome(again)), renderHomeJson(analyzeHome(device)));
}

// device.json packages with their components inline, in `hearth dump --json`'s shape
// (device_json_inline.cpp): a dump fed back as a device, and "prioritiesClamped" priorities that
// P-1..P-3 do not clamp again.

#include <hearth/device.h>
#include <hearth/dump.h>
#include <hearth/package_index.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

namespace hearth {
namespace {

namespace fs = std::filesystem;

Result<Device> parse(const std::string& text) {
    return parseDeviceJson(text, "device.json", fs::temp_directory_path());
}

Intent homeIntent() {
    Intent intent;
    intent.action = "android.intent.action.MAIN";
    intent.categories = {"android.intent.category.HOME"};
    return intent;
}

std::string launcherDevice(bool clamped) {
    return std::string(R"({
  "api": 34,
  "packages": [
    { "package": "com.example.home", )") +
           (clamped ? R"("prioritiesClamped": true, )" : "") + R"("targetSdk": 34,
      "components": [
        { "kind": "activity", "name": ".Home",
          "filters": [ { "priority": 100, "actions": ["android.intent.action.MAIN"],
                         "categories": ["android.intent.category.HOME",
                                        "android.intent.category.DEFAULT"] } ] },
        { "kind": "service", "name": "com.example.home.Sync" } ] }
  ]
})";
}

TEST(DeviceJsonInline, APackageMayCarryItsComponentsInsteadOfAManifest) {
    Result<Device> device = parse(launcherDevice(false));
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    const InstalledPackage& package = device->packages.at(0);
    EXPECT_EQ(package.packageName(), "com.example.home");
    EXPECT_EQ(package.manifest.targetSdk, 34);
    ASSERT_EQ(package.manifest.components.size(), 2u);
    const Component& home = package.manifest.components[0];
    EXPECT_EQ(home.name, "com.example.home.Home");
    EXPECT_TRUE(home.exported);  // Android's default: it has a filter
    EXPECT_EQ(home.where.line, 6);
    EXPECT_FALSE(package.manifest.components[1].exported);
}

TEST(DeviceJsonInline, DeclaredPrioritiesAreClampedAsUsual) {
    Result<Device> device = parse(launcherDevice(false));
    ASSERT_TRUE(device.has_value());
    const PackageIndex index(*device);
    const std::vector<ResolveInfo> found = index.query(homeIntent(), 0);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].priority, 0);  // P-1: not a privileged app
}

TEST(DeviceJsonInline, PrioritiesTheDeviceReportedAreNotClampedAgain) {
    Result<Device> device = parse(launcherDevice(true));
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_TRUE(device->packages[0].prioritiesClamped);
    const PackageIndex index(*device);
    const std::vector<ResolveInfo> found = index.query(homeIntent(), 0);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].priority, 100);
}

TEST(DeviceJsonInline, ADumpFedBackAsADeviceResolvesLikeTheManifest) {
    Result<Manifest> manifest = loadManifest(fs::path(HEARTH_SAMPLES_DIR) / "devices" /
                                             "three-launchers" / "launcher" /
                                             "AndroidManifest.xml");
    ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
    const nlohmann::json dump = nlohmann::json::parse(renderDumpJson({&*manifest, 1}));
    nlohmann::json device = {{"api", 10}, {"packages", dump["packages"]}};
    device["packages"][0]["system"] = true;
    Result<Device> loaded = parse(device.dump());
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    const Manifest& back = loaded->packages.at(0).manifest;
    EXPECT_EQ(back.packageName, manifest->packageName);
    ASSERT_EQ(back.components.size(), manifest->components.size());
    for (size_t i = 0; i < back.components.size(); ++i) {
        EXPECT_EQ(back.components[i].name, manifest->components[i].name);
        EXPECT_EQ(back.components[i].filters, manifest->components[i].filters);
        EXPECT_EQ(back.components[i].exported, manifest->components[i].exported);
    }
}

TEST(DeviceJsonInline, AComponentWithoutAKindIsAnErrorAtItsPosition) {
    Result<Device> device = parse(R"({"packages": [
  {"package": "a.b", "components": [ {"name": ".X"} ]}
]})");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString(),
              "device.json:2:38: 'packages[0].components[0]' needs a 'kind'");
}

TEST(DeviceJsonInline, AnUnknownKindIsNamedWithTheKindsThereAre) {
    Result<Device> device = parse(R"({"packages": [
  {"package": "a.b", "components": [ {"kind": "widget", "name": ".X"} ]}
]})");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString(),
              "device.json:2:47: 'packages[0].components[0].kind' must be activity, "
              "activity-alias, service, receiver or provider, got \"widget\"");
}

TEST(DeviceJsonInline, ManifestAndComponentsTogetherAreRefused) {
    Result<Device> device = parse(R"({"packages": [
  {"package": "a.b", "manifest": "x.xml", "components": []}
]})");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString(),
              "device.json:2:43: 'packages[0]' has both 'manifest' and 'components': give one of "
              "them");
}

TEST(DeviceJsonInline, InlineKeysBesideAManifestAreRefused) {
    Result<Device> device = parse(R"({"packages": [
  {"manifest": "x.xml", "prioritiesClamped": true}
]})");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString(),
              "device.json:2:25: 'packages[0].prioritiesClamped' is read only with inline "
              "'components', not with a 'manifest'");
}

TEST(DeviceJsonInline, InlineComponentsNeedAPackageName) {
    Result<Device> device = parse(R"({"packages": [ {"components": []} ]})");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString(),
              "device.json:1:16: 'packages[0]' has 'components' but no 'package': an inline "
              "package needs its name");
}

TEST(DeviceJsonInline, ABadMimeTypeInAFilterIsRefused) {
    Result<Device> device = parse(R"({"packages": [ {"package": "a.b", "components": [
  {"kind": "activity", "name": ".X", "filters": [ {"data": {"types": ["image"]}} ]} ]} ]})");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString(),
              "device.json:2:71: 'packages[0].components[0].filters[0].data.types[0]': MIME type "
              "'image' must look like 'type/subtype'");
}

}  // namespace
}  // namespace hearth

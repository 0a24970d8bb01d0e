// device.json keys of the caller rules (android-modern.md §5, issue 12): per package "installer",
// "suspended" and "appId", the device's "sysconfig" and "flags" — values, the warning for a
// sysconfig name that is not installed, and every error with its position.

#include <gtest/gtest.h>
#include <hearth/caller.h>
#include <hearth/device.h>

#include <filesystem>
#include <string>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const fs::path kCallers = fs::path(HEARTH_SAMPLES_DIR) / "devices" / "callers";

Result<Device> parse(const std::string& text) {
    return parseDeviceJson(text, "device.json", kCallers);
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

TEST(DeviceJsonCallers, ReadsEveryPackageKeySysconfigAndFlags) {
    Result<Device> device = parse(R"({
  "sysconfig": { "appLinkPackages": ["com.example.maps"],
                 "forceQueryablePackages": ["com.example.store"],
                 "systemPackagesQueryable": true },
  "flags": { "enforceIntentFilterMatch": true, "blockNullActionIntents": true },
  "packages": [
    { "manifest": "notes/AndroidManifest.xml", "installer": "com.example.store",
      "suspended": true, "appId": 10123 },
    { "manifest": "maps/AndroidManifest.xml", "system": true,
      "updateOwner": "com.example.store" },
    { "manifest": "store/AndroidManifest.xml" }
  ],
  "implicitVisibility": [ { "caller": "com.example.notes", "target": "com.example.maps" } ]
})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->sysconfig.appLinkPackages, std::vector<std::string>{"com.example.maps"});
    EXPECT_TRUE(device->packages[1].appLinks.sysconfigAppLink);
    EXPECT_EQ(device->packages[1].updateOwner, "com.example.store");
    ASSERT_EQ(device->implicitVisibility.size(), 1u);
    EXPECT_EQ(device->implicitVisibility[0].caller, "com.example.notes");
    EXPECT_EQ(device->implicitVisibility[0].target, "com.example.maps");
    EXPECT_EQ(device->implicitVisibility[0].where.line, 13);
    EXPECT_EQ(device->sysconfig.forceQueryablePackages,
              std::vector<std::string>{"com.example.store"});
    EXPECT_TRUE(device->sysconfig.systemPackagesQueryable);
    EXPECT_TRUE(device->flags.enforceIntentFilterMatch);
    EXPECT_TRUE(device->flags.blockNullActionIntents);
    const InstalledPackage& notes = device->packages[0];
    EXPECT_EQ(notes.installer, "com.example.store");
    EXPECT_TRUE(notes.suspended);
    EXPECT_EQ(notes.appId, 10123);
    EXPECT_EQ(appIdOf(notes, *device), 10123);
    const InstalledPackage& maps = device->packages[1];
    EXPECT_FALSE(maps.installer.has_value());
    EXPECT_FALSE(maps.suspended);
    EXPECT_EQ(appIdOf(maps, *device), 10001) << "unset: 10000 + its place in the list";
    EXPECT_TRUE(maps.system);
    EXPECT_EQ(warningsOf(*device), "");
}

TEST(DeviceJsonCallers, EverythingIsOffWhenTheKeysAreAbsent) {
    Result<Device> device =
        parse(R"({ "packages": [ { "manifest": "maps/AndroidManifest.xml" } ] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_TRUE(device->sysconfig.appLinkPackages.empty());
    EXPECT_FALSE(device->sysconfig.systemPackagesQueryable);
    EXPECT_FALSE(device->flags.enforceIntentFilterMatch);
    EXPECT_FALSE(device->flags.blockNullActionIntents);
}

TEST(DeviceJsonCallers, ASysconfigNameThatIsNotInstalledIsAWarning) {
    Result<Device> device = parse(R"({
  "sysconfig": { "forceQueryablePackages": ["com.example.mpas"] },
  "packages": [ { "manifest": "maps/AndroidManifest.xml" } ]
})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(warningsOf(*device),
              "device.json:2:45: warning: 'sysconfig.forceQueryablePackages[0]' names "
              "'com.example.mpas', which is not installed on the device\n");
}

TEST(DeviceJsonCallers, UnknownKeysAreErrorsWithTheirPosition) {
    EXPECT_EQ(errorOf(R"({ "sysconfig": { "forceQueryable": [] }, "packages": [] })"),
              "device.json:1:18: unknown key 'forceQueryable' in 'sysconfig'; expected one of: "
              "appLinkPackages, forceQueryablePackages, systemPackagesQueryable");
    EXPECT_EQ(errorOf(R"({ "flags": { "blockNullAction": true }, "packages": [] })"),
              "device.json:1:14: unknown key 'blockNullAction' in 'flags'; expected one of: "
              "enforceIntentFilterMatch, blockNullActionIntents");
}

TEST(DeviceJsonCallers, WrongTypesAreErrorsWithTheirPosition) {
    EXPECT_EQ(
        errorOf(
            R"({ "packages": [ { "manifest": "maps/AndroidManifest.xml", "suspended": "yes" } ] })"),
        "device.json:1:72: 'packages[0].suspended' must be true or false, got the string "
        "\"yes\"");
    EXPECT_EQ(
        errorOf(
            R"({ "packages": [ { "manifest": "maps/AndroidManifest.xml", "appId": 20000 } ] })"),
        "device.json:1:68: 'packages[0].appId' must be between 0 and 19999, got 20000");
    EXPECT_EQ(
        errorOf(
            R"({ "packages": [ { "manifest": "maps/AndroidManifest.xml", "installer": 3 } ] })"),
        "device.json:1:72: 'packages[0].installer' must be a string, got the number 3");
    EXPECT_EQ(errorOf(R"({ "sysconfig": [], "packages": [] })"),
              "device.json:1:16: 'sysconfig' must be an object, got an array");
    EXPECT_EQ(errorOf(R"({ "flags": { "enforceIntentFilterMatch": 1 }, "packages": [] })"),
              "device.json:1:42: 'flags.enforceIntentFilterMatch' must be true or false, got the "
              "number 1");
}

TEST(DeviceJsonCallers, V9ImplicitVisibilityNeedsBothNamesAndWarnsAboutMissingPackages) {
    EXPECT_EQ(errorOf(R"({
  "packages": [ { "manifest": "notes/AndroidManifest.xml" } ],
  "implicitVisibility": [ { "caller": "com.example.notes" } ]
})"),
              "device.json:3:27: 'implicitVisibility[0]' needs 'target': the package that became "
              "visible (V-9)");
    EXPECT_EQ(errorOf(R"({
  "packages": [ { "manifest": "notes/AndroidManifest.xml" } ],
  "implicitVisibility": [ { "caller": "com.example.notes", "target": "x", "why": 1 } ]
})").substr(0, 44),
              "device.json:3:75: unknown key 'why' in 'impl");
    Result<Device> device = parse(R"({
  "packages": [ { "manifest": "notes/AndroidManifest.xml" } ],
  "implicitVisibility": [ { "caller": "com.example.notes", "target": "com.gone" } ]
})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(warningsOf(*device),
              "device.json:3:70: warning: 'implicitVisibility[0].target' names 'com.gone', which "
              "is not installed on the device\n");
}

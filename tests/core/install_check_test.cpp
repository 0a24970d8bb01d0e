// Install refusals by API level: S-1 (android:exported required with filters from targetSdk 31),
// the minimum installable target SDK of Android 14 and 15, and E50/E51 of android-modern.md.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/install_check.h>
#include <hearth/manifest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

using namespace hearth;

namespace {

// A manifest with <uses-sdk> (when sdk is not empty) and one activity `activity` in its
// <application>; the activity starts on line 4.
Manifest manifestWith(const std::string& sdk, const std::string& activity) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "package=\"com.example.app\">\n" +
        (sdk.empty() ? std::string("\n") : "<uses-sdk " + sdk + " />\n") + "<application>\n" +
        activity + "</application>\n</manifest>\n";
    Result<Manifest> manifest = parseManifest(xml, "app/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
    return manifest ? *manifest : Manifest{};
}

const std::string kFilteredNoExported =
    "<activity android:name=\".Link\">\n"
    "  <intent-filter><action android:name=\"android.intent.action.VIEW\" /></intent-filter>\n"
    "</activity>\n";

}  // namespace

TEST(InstallRefusal, E50_S1_Target31WithAFilterAndNoExportedIsRefusedAtTheComponent) {
    const Manifest manifest = manifestWith("android:targetSdkVersion=\"31\"", kFilteredNoExported);
    const std::optional<Error> refusal = installRefusal(manifest, 34, true);
    ASSERT_TRUE(refusal.has_value());
    EXPECT_EQ(refusal->toString(),
              "app/AndroidManifest.xml:4:1: INSTALL_PARSE_FAILED_MANIFEST_MALFORMED: "
              "com.example.app.Link: Targeting S+ (version 31 and above) requires that an "
              "explicit value for android:exported be defined when intent filters are present "
              "(S-1)");
}

TEST(InstallRefusal, S1_Target33AsInTheIssueIsRefusedToo) {
    const Manifest manifest = manifestWith("android:targetSdkVersion=\"33\"", kFilteredNoExported);
    EXPECT_TRUE(installRefusal(manifest, 33, true).has_value());
}

TEST(InstallRefusal, E51_S1_Target30InstallsAndTheFilteredActivityIsExported) {
    const Manifest manifest = manifestWith("android:targetSdkVersion=\"30\"", kFilteredNoExported);
    EXPECT_FALSE(installRefusal(manifest, 34, true).has_value());
    ASSERT_EQ(manifest.components.size(), 1u);
    EXPECT_TRUE(manifest.components[0].exported);
}

TEST(InstallRefusal, S1_AppliesOnlyOnAndroid12AndLater) {
    const Manifest manifest = manifestWith("android:targetSdkVersion=\"31\"", kFilteredNoExported);
    EXPECT_FALSE(installRefusal(manifest, 30, true).has_value());
}

TEST(InstallRefusal, S1_ExplicitExportedOrNoFilterOrAProviderIsFine) {
    EXPECT_FALSE(installRefusal(manifestWith("android:targetSdkVersion=\"34\"",
                                             "<activity android:name=\".A\" "
                                             "android:exported=\"false\">\n"
                                             "  <intent-filter><action android:name=\"x.Y\" />"
                                             "</intent-filter>\n</activity>\n"),
                                34, true)
                     .has_value());
    EXPECT_FALSE(installRefusal(manifestWith("android:targetSdkVersion=\"34\"",
                                             "<activity android:name=\".A\" />\n"),
                                34, true)
                     .has_value());
}

TEST(InstallRefusal, S1_ReceiversServicesAndAliasesNeedExportedToo) {
    for (const char* tag : {"receiver", "service"}) {
        const std::string component = std::string("<") + tag +
                                      " android:name=\".C\">\n"
                                      "  <intent-filter><action android:name=\"x.Y\" />"
                                      "</intent-filter>\n</" +
                                      tag + ">\n";
        EXPECT_TRUE(installRefusal(manifestWith("android:targetSdkVersion=\"31\"", component), 31,
                                   false)
                        .has_value())
            << tag;
    }
}

TEST(InstallRefusal, MinimumTargetSdkIs23OnAndroid14And24OnAndroid15) {
    EXPECT_EQ(minimumInstallableTargetSdk(33), 0);
    EXPECT_EQ(minimumInstallableTargetSdk(34), 23);
    EXPECT_EQ(minimumInstallableTargetSdk(35), 24);
    EXPECT_EQ(minimumInstallableTargetSdk(36), 24);
}

TEST(InstallRefusal, TargetBelowTheDeviceMinimumIsRefusedWithAndroidsMessage) {
    const Manifest manifest =
        manifestWith("android:targetSdkVersion=\"22\"", "<activity android:name=\".A\" />\n");
    const std::optional<Error> refusal = installRefusal(manifest, 34, true);
    ASSERT_TRUE(refusal.has_value());
    EXPECT_EQ(refusal->message,
              "INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK "
              "version 23, but found 22 (Android 14+ refuses to install it)");
    EXPECT_FALSE(installRefusal(manifest, 33, true).has_value());
    // Apps on the system image are scanned, not installed: the block does not apply.
    EXPECT_FALSE(installRefusal(manifest, 34, /*checkMinimumTargetSdk=*/false).has_value());
}

TEST(InstallRefusal, TargetSdkDefaultsToMinSdkForTheMinimumCheck) {
    const Manifest manifest =
        manifestWith("android:minSdkVersion=\"23\"", "<activity android:name=\".A\" />\n");
    EXPECT_FALSE(installRefusal(manifest, 34, true).has_value());
    const std::optional<Error> refusal = installRefusal(manifest, 35, true);
    ASSERT_TRUE(refusal.has_value());
    EXPECT_NE(refusal->message.find("at least SDK version 24, but found 23"), std::string::npos);
}

TEST(InstallRefusal, ASourceManifestWithoutUsesSdkIsNotBlockedForItsTarget) {
    const Manifest manifest = manifestWith("", "<activity android:name=\".A\" />\n");
    EXPECT_FALSE(installRefusal(manifest, 35, true).has_value());
}

namespace {

// A device with one user app targeting 22, its API level declared as device.json's "api" is.
Device deviceTargeting22(int apiLevel) {
    Device device;
    device.apiLevel = apiLevel;
    device.apiLevelDeclared = true;
    InstalledPackage package;
    package.manifest = manifestWith("android:minSdkVersion=\"21\" android:targetSdkVersion=\"22\"",
                                    "");
    device.packages.push_back(std::move(package));
    return device;
}

}  // namespace

TEST(InstallRefusals, APackageTheLoadSkippedIsListedWithAndroidsReason) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("hearth-refusals-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "old");
    std::ofstream(dir / "old" / "AndroidManifest.xml")
        << "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
           "package=\"com.example.old\">\n<uses-sdk android:targetSdkVersion=\"22\" />\n"
           "<application />\n</manifest>\n";
    std::ofstream(dir / "device.json")
        << R"({ "api": 34, "packages": [ { "manifest": "old/AndroidManifest.xml" } ] })";
    Result<Device> device = loadDevice(dir);
    std::filesystem::remove_all(dir);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_TRUE(device->packages.empty());
    const std::vector<InstallRefusal> refusals = installRefusals(*device);
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_EQ(refusals[0].packageName, "com.example.old");
    EXPECT_TRUE(refusals[0].skippedAtLoad);
    EXPECT_EQ(refusals[0].error.message,
              "INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK "
              "version 23, but found 22 (Android 14+ refuses to install it)");
}

TEST(InstallRefusals, AnInstalledPackageTheEditedDeviceRefusesIsListedAsNotSkipped) {
    Device device = deviceTargeting22(33);
    EXPECT_TRUE(installRefusals(device).empty());
    device.apiLevel = 35;  // Android 15 refuses below 24
    const std::vector<InstallRefusal> refusals = installRefusals(device);
    ASSERT_EQ(refusals.size(), 1u);
    EXPECT_EQ(refusals[0].packageName, "com.example.app");
    EXPECT_FALSE(refusals[0].skippedAtLoad);
    EXPECT_EQ(refusals[0].error.message,
              "INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK "
              "version 24, but found 22 (Android 15+ refuses to install it)");
    overrideTargetSdk(device.packages[0], 24);
    EXPECT_TRUE(installRefusals(device).empty());
}

TEST(InstallRefusals, TheMinimumTargetSdkSparesSystemInlineAndUndeclaredApiLevels) {
    Device device = deviceTargeting22(35);
    ASSERT_EQ(installRefusals(device).size(), 1u);
    device.packages[0].system = true;
    EXPECT_TRUE(installRefusals(device).empty());
    device.packages[0].system = false;
    device.apiLevelDeclared = false;  // a folder of manifests: Hearth's default API level
    EXPECT_TRUE(installRefusals(device).empty());
    device.apiLevelDeclared = true;
    device.packages[0].manifest.file = "device.json";  // captured inline: the device installed it
    EXPECT_TRUE(installRefusals(device).empty());
}

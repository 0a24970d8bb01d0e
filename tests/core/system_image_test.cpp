// System image trees (device-formats 1.1, 1.2): the walker's partition rules on trees of empty
// placeholder APKs, and an AOSP-style tree of real APKs built by aapt giving Android's HOME answer
// with no device.json.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/home_report.h>
#include <hearth/system_image.h>

#include <filesystem>
#include <string>
#include <vector>

#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& path) { writeFile(path, "placeholder"); }

std::vector<std::string> describe(const SystemImageScan& scan) {
    std::vector<std::string> out;
    for (const ImageApp& app : scan.apps) {
        std::string line = fs::relative(app.apk, scan.root).generic_string();
        line += app.privileged ? " privileged" : app.system ? " system" : " user";
        for (const fs::path& split : app.splits) line += " +" + split.filename().string();
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diagnostics) out.push_back(d.toString());
    return out;
}

TEST(SystemImageScan, PartitionFoldersGiveFlagsInPackageManagerScanOrder) {
    TempDir dir("image-scan");
    const fs::path root = dir.path();
    touch(root / "system/build.prop");
    touch(root / "system/framework/framework-res.apk");
    touch(root / "system/app/Browser.apk");                    // 4.x flat layout
    touch(root / "system/app/Gallery/Gallery.apk");            // 5.0+ folder layout
    touch(root / "system/priv-app/Launcher3/Launcher3.apk");
    touch(root / "vendor/app/Vendor/Vendor.apk");
    touch(root / "product/priv-app/Setup/Setup.apk");
    touch(root / "oem/priv-app/Oem/Oem.apk");                  // oem has no priv-app
    touch(root / "product/overlay/Theme.apk");                 // RRO: skipped
    touch(root / "vendor/overlay/sub/Other.apk");
    touch(root / "data/app/~~abc==/com.example.user-xyz==/base.apk");
    touch(root / "data/app/~~abc==/com.example.user-xyz==/split_config.arm64_v8a.apk");
    auto scan = scanSystemImage(root);
    ASSERT_TRUE(scan) << scan.error().toString();
    EXPECT_EQ(describe(*scan), (std::vector<std::string>{
                                   "system/framework/framework-res.apk privileged",
                                   "system/priv-app/Launcher3/Launcher3.apk privileged",
                                   "system/app/Browser.apk system",
                                   "system/app/Gallery/Gallery.apk system",
                                   "vendor/app/Vendor/Vendor.apk system",
                                   "product/priv-app/Setup/Setup.apk privileged",
                                   "data/app/~~abc==/com.example.user-xyz==/base.apk user "
                                   "+split_config.arm64_v8a.apk",
                               }));
    EXPECT_EQ(scan->overlaysSkipped, 2);
    EXPECT_TRUE(scan->diagnostics.empty()) << messages(scan->diagnostics)[0];
}

TEST(SystemImageScan, SystemAsRootDumpsUseSystemSystemAndItsBuildProp) {
    TempDir dir("image-sar");
    const fs::path root = dir.path();
    touch(root / "system/system/build.prop");
    touch(root / "system/system/priv-app/Settings/Settings.apk");
    touch(root / "system_ext/priv-app/NexusLauncherRelease/NexusLauncherRelease.apk");
    auto scan = scanSystemImage(root);
    ASSERT_TRUE(scan) << scan.error().toString();
    EXPECT_EQ(scan->buildProp, root / "system/system/build.prop");
    EXPECT_EQ(describe(*scan),
              (std::vector<std::string>{
                  "system/system/priv-app/Settings/Settings.apk privileged",
                  "system_ext/priv-app/NexusLauncherRelease/NexusLauncherRelease.apk privileged"}));
}

TEST(SystemImageScan, AFolderWithOnlyOdexIsAWarningNotAFailure) {
    TempDir dir("image-odex");
    const fs::path root = dir.path();
    touch(root / "system/app/Big/oat/arm64/Big.odex");
    touch(root / "system/app/Empty/readme.txt");
    touch(root / "system/app/Stub/Stub.apk.gz");
    auto scan = scanSystemImage(root);
    ASSERT_TRUE(scan) << scan.error().toString();
    EXPECT_TRUE(scan->apps.empty());
    EXPECT_EQ(messages(scan->diagnostics),
              (std::vector<std::string>{
                  "system/app/Big: warning: holds only compiled code (odex/oat), no APK: package "
                  "not read",
                  "system/app/Empty: warning: holds no APK: package not read",
                  "system/app/Stub/Stub.apk.gz: warning: a compressed system app (stub): Android "
                  "unpacks it into /data on first boot; not read",
              }));
}

TEST(SystemImageScan, SymlinkLoopsEndWithAWarningAndEachFolderIsWalkedOnce) {
    TempDir dir("image-loop");
    const fs::path root = dir.path();
    touch(root / "system/app/Real/Real.apk");
    fs::create_directory_symlink(root / "system/app", root / "system/app/Again");
    fs::create_symlink("Self", root / "system/app/Self");  // Self -> Self: ELOOP
    auto scan = scanSystemImage(root);
    ASSERT_TRUE(scan) << scan.error().toString();
    EXPECT_EQ(describe(*scan), (std::vector<std::string>{"system/app/Real/Real.apk system"}));
    ASSERT_EQ(scan->diagnostics.size(), 1u);
    EXPECT_EQ(scan->diagnostics[0].toString(),
              "system/app/Self: warning: cannot read: too many levels of symbolic links");
}

TEST(SystemImageScan, AFolderWithoutASystemPartitionIsNotAnImage) {
    TempDir dir("image-none");
    touch(dir.path() / "app/AndroidManifest.xml");
    EXPECT_FALSE(findSystemPartition(dir.path()));
    auto scan = scanSystemImage(dir.path());
    ASSERT_FALSE(scan);
    EXPECT_EQ(scan.error().toString(),
              "'" + dir.path().string() +
                  "' is not a system image tree: no system/ (or system/system/) partition with "
                  "build.prop, app/, priv-app/ or framework/");
}

// ---- an AOSP-style tree of real APKs ----------------------------------------------------------

std::string homeManifest(const std::string& package, const std::string& activity, int priority,
                         const std::string& extra = "") {
    return "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" +
           package + "\">\n  <application>\n    <activity android:name=\"" + activity +
           "\" android:exported=\"true\"" + extra + ">\n      <intent-filter android:priority=\"" +
           std::to_string(priority) +
           "\">\n        <action android:name=\"android.intent.action.MAIN\"/>\n"
           "        <category android:name=\"android.intent.category.HOME\"/>\n"
           "        <category android:name=\"android.intent.category.DEFAULT\"/>\n"
           "      </intent-filter>\n    </activity>\n  </application>\n</manifest>\n";
}

void buildApk(const fs::path& work, const std::string& manifest, const fs::path& apk) {
    const fs::path source = work / apk.stem() / "AndroidManifest.xml";
    writeFile(source, manifest);
    fs::create_directories(apk.parent_path());
    const std::string complaint = compileApk(source, apk, work / apk.stem());
    ASSERT_EQ(complaint, "") << apk;
}

// The product tree of the seed story: the stock launcher in priv-app (priority 1, kept: it is
// privileged), a downloaded launcher in data/app declaring priority 100 (clamped to 0, P-3),
// Settings' FallbackHome at -1000, API 29 from system/build.prop.
class AospTree : public ::testing::Test {
  protected:
    void SetUp() override {
        SKIP_WITHOUT_AAPT();
        const fs::path root = m_dir.path() / "out/target/product/generic";
        m_root = root;
        const fs::path work = m_dir.path() / "work";
        writeFile(root / "system/build.prop",
                  "ro.build.version.release=10\nro.build.version.sdk=29\n"
                  "ro.build.version.codename=REL\n");
        buildApk(work, homeManifest("com.android.launcher3", ".Launcher", 1),
                 root / "system/priv-app/Launcher3/Launcher3.apk");
        buildApk(work,
                 homeManifest("com.android.settings", ".FallbackHome", -1000,
                              " android:directBootAware=\"true\""),
                 root / "system/priv-app/Settings/Settings.apk");
        buildApk(work, homeManifest("com.example.launcher", ".Home", 100),
                 root / "data/app/com.example.launcher-1/base.apk");
    }

    TempDir m_dir{"image-aosp"};
    fs::path m_root;
};

TEST_F(AospTree, LoadsAsAnImageWithFlagsAndApiFromTheTree) {
    auto device = loadDevice(m_root);
    ASSERT_TRUE(device) << device.error().toString();
    EXPECT_EQ(device->apiLevel, 29);
    EXPECT_EQ(device->inferred, "API 29 from system/build.prop; 2 privileged, 0 system, 1 user app");
    ASSERT_EQ(device->packages.size(), 3u);
    EXPECT_TRUE(device->findPackage("com.android.launcher3")->privileged);
    EXPECT_TRUE(device->findPackage("com.android.settings")->privileged);
    EXPECT_FALSE(device->findPackage("com.example.launcher")->system);
}

TEST_F(AospTree, BootStartsThePrivilegedLauncherAsAndroidWould) {
    auto device = loadDevice(m_root);
    ASSERT_TRUE(device) << device.error().toString();
    const HomeReport report = analyzeHome(*device);
    ASSERT_FALSE(report.sites.empty());
    const HomeSiteReport& boot = report.sites.front();
    ASSERT_EQ(boot.site, home_site::kBoot);
    ASSERT_EQ(boot.outcome, HomeOutcome::Activity) << boot.reason;
    EXPECT_EQ(boot.component->flattenToShortString(), "com.android.launcher3/.Launcher");
    EXPECT_NE(renderHomeText(report).find(
                  "Inferred: API 29 from system/build.prop; 2 privileged, 0 system, 1 user app\n"),
              std::string::npos);
}

TEST_F(AospTree, AnUpdateInDataAppKeepsTheSystemFlags) {
    buildApk(m_dir.path() / "work2", homeManifest("com.android.launcher3", ".Launcher", 1),
             m_root / "data/app/com.android.launcher3-2/base.apk");
    auto device = loadDevice(m_root);
    ASSERT_TRUE(device) << device.error().toString();
    const InstalledPackage* launcher = device->findPackage("com.android.launcher3");
    ASSERT_NE(launcher, nullptr);
    EXPECT_TRUE(launcher->system);
    EXPECT_TRUE(launcher->privileged);
    EXPECT_TRUE(launcher->updatedSystemApp);
    EXPECT_NE(launcher->manifest.file.find("data/app"), std::string::npos);
    EXPECT_EQ(device->inferred,
              "API 29 from system/build.prop; 2 privileged, 0 system, 1 user app (1 updated)");
}

TEST_F(AospTree, ASplitApkJoinsItsBaseAndIsNotADuplicate) {
    const std::string feature =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "package=\"com.example.launcher\">\n  <application>\n    <activity "
        "android:name=\".Feature\" android:exported=\"true\"/>\n  </application>\n</manifest>\n";
    buildApk(m_dir.path() / "work3", feature,
             m_root / "data/app/com.example.launcher-1/split_feature.apk");
    auto device = loadDevice(m_root);
    ASSERT_TRUE(device) << device.error().toString();
    EXPECT_EQ(device->packages.size(), 3u);
    const InstalledPackage* launcher = device->findPackage("com.example.launcher");
    ASSERT_NE(launcher, nullptr);
    EXPECT_NE(launcher->manifest.findComponent("com.example.launcher.Feature"), nullptr);
    for (const Diagnostic& d : device->diagnostics) ADD_FAILURE() << d.toString();
}

// Issue 13, "Loading a device keeps going": PackageManagerService logs a package it cannot parse
// and boots without it. Here a priv-app APK that is not a zip: the launcher is skipped with an
// error diagnostic naming the file, the rest of the tree loads; parse.strict fails with it.
TEST_F(AospTree, AnUnparsableApkSkipsItsPackageAndTheRestLoads) {
    writeFile(m_root / "system/priv-app/Broken/Broken.apk", "this is not an APK\n");
    auto device = loadDevice(m_root);
    ASSERT_TRUE(device) << device.error().toString();
    EXPECT_EQ(device->packages.size(), 3u);
    ASSERT_EQ(device->skipped.size(), 1u);
    const SkippedPackage& skipped = device->skipped.front();
    EXPECT_EQ(skipped.file, (m_root / "system/priv-app/Broken/Broken.apk").string());
    EXPECT_EQ(skipped.packageName, "");
    std::vector<std::string> errors;
    for (const Diagnostic& d : device->diagnostics) {
        if (d.severity == Diagnostic::Severity::Error) errors.push_back(d.toString());
    }
    EXPECT_EQ(errors, std::vector<std::string>{skipped.file +
                                               ": error: not an APK: no zip archive found in the "
                                               "file (package skipped)"});
    // Boot still reaches the privileged launcher: the broken package takes nothing with it.
    const HomeSiteReport boot = analyzeHome(*device).sites.front();
    ASSERT_EQ(boot.outcome, HomeOutcome::Activity) << boot.reason;
    EXPECT_EQ(boot.component->flattenToShortString(), "com.android.launcher3/.Launcher");

    DeviceLoadOptions strict;
    strict.parse.strict = true;
    auto failed = loadDevice(m_root, strict);
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().toString(),
              skipped.file + ": not an APK: no zip archive found in the file");
}

// A split that cannot be parsed takes its base with it: the cluster installs as one package.
TEST_F(AospTree, AnUnparsableSplitSkipsItsWholePackage) {
    writeFile(m_root / "data/app/com.example.launcher-1/split_feature.apk", "not a zip");
    auto device = loadDevice(m_root);
    ASSERT_TRUE(device) << device.error().toString();
    EXPECT_EQ(device->findPackage("com.example.launcher"), nullptr);
    ASSERT_EQ(device->skipped.size(), 1u);
    EXPECT_EQ(device->skipped.front().packageName, "com.example.launcher");
    EXPECT_EQ(device->skipped.front().file,
              (m_root / "data/app/com.example.launcher-1/split_feature.apk").string());
    EXPECT_EQ(device->inferred,
              "API 29 from system/build.prop; 2 privileged, 0 system, 0 user apps");
}

// S-1 on an image: Android 12+ fails a package targeting 31+ whose activity has a filter and no
// android:exported, at boot scan as at install; the rest boots. The minimum installable target
// SDK of Android 14 is an install-time check: an old app in data/app (installed before an
// upgrade) stays.
TEST_F(AospTree, TheExportedRuleSkipsAPackageButTheMinimumTargetSdkDoesNot) {
    writeFile(m_root / "system/build.prop",
              "ro.build.version.release=14\nro.build.version.sdk=34\n"
              "ro.build.version.codename=REL\n");
    const std::string noExported =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "package=\"com.example.modern\">\n  <uses-sdk android:minSdkVersion=\"26\" "
        "android:targetSdkVersion=\"31\"/>\n  <application>\n    <activity "
        "android:name=\".Main\">\n      <intent-filter>\n        <action "
        "android:name=\"android.intent.action.MAIN\"/>\n      </intent-filter>\n    "
        "</activity>\n  </application>\n</manifest>\n";
    buildApk(m_dir.path() / "work4", noExported, m_root / "system/app/Modern/Modern.apk");
    const std::string old =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "package=\"com.example.old\">\n  <uses-sdk android:minSdkVersion=\"9\" "
        "android:targetSdkVersion=\"19\"/>\n  <application/>\n</manifest>\n";
    buildApk(m_dir.path() / "work5", old, m_root / "data/app/com.example.old-1/base.apk");

    auto device = loadDevice(m_root);
    ASSERT_TRUE(device) << device.error().toString();
    EXPECT_EQ(device->findPackage("com.example.modern"), nullptr);
    ASSERT_EQ(device->skipped.size(), 1u);
    EXPECT_EQ(device->skipped.front().packageName, "com.example.modern");
    EXPECT_NE(device->skipped.front().error.message.find("INSTALL_PARSE_FAILED_MANIFEST_MALFORMED"),
              std::string::npos)
        << device->skipped.front().error.message;
    EXPECT_NE(device->findPackage("com.example.old"), nullptr);
    EXPECT_EQ(device->inferred,
              "API 34 from system/build.prop; 2 privileged, 0 system, 2 user apps");

    DeviceLoadOptions strict;
    strict.parse.strict = true;
    auto failed = loadDevice(m_root, strict);
    ASSERT_FALSE(failed);
    // In strict mode the parser refuses the manifest itself, at the activity.
    EXPECT_NE(failed.error().message.find("no 'android:exported'"), std::string::npos)
        << failed.error().toString();
}

}  // namespace

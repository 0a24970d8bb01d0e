// importAdbCapture (adb_import.cpp): small captures written here become a device.json that the
// core loads back, with the API level, the partitions of pm list and the dump's filters (its own,
// already clamped priorities), and the summary and `lacking` lines saying where each fact came
// from. The real captures are imported in tests/cli/import_adb_test.cpp.

#include <gtest/gtest.h>
#include <hearth/adb_import.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../support/scratch_dir.h"

using namespace hearth;

namespace fs = std::filesystem;

namespace {

constexpr const char* kDump = R"(Database versions:
  Internal:
    sdkVersion=30 databaseVersion=3

Activity Resolver Table:
  Non-Data Actions:
      android.intent.action.MAIN:
        2be7ead com.example.launcher/.Home filter 8abaf5e
          Action: "android.intent.action.MAIN"
          Category: "android.intent.category.HOME"
          Category: "android.intent.category.DEFAULT"
          mPriority=50, mOrder=0, mHasPartialTypes=false
)";

constexpr const char* kPmList =
    "package:/system/priv-app/Launcher/Launcher.apk=com.example.launcher\n"
    "package:/data/app/com.example.user-1/base.apk=com.example.user\n";

class ImportAdbCapture : public hearth::testing::ScratchDirTest {
  protected:
    AdbImport importOk(const AdbCaptureFiles& files) {
        Result<AdbImport> imported = importAdbCapture(files, AdbImportOptions{0, m_dir, ""});
        EXPECT_TRUE(imported.has_value()) << imported.error().toString();
        return imported ? std::move(imported).value() : AdbImport{};
    }

    Device load(const AdbImport& imported) {
        Result<Device> device = parseDeviceJson(imported.deviceJson, "device.json", m_dir);
        EXPECT_TRUE(device.has_value()) << device.error().toString() << "\n" << imported.deviceJson;
        return device ? std::move(device).value() : Device{};
    }

    static bool has(const std::vector<std::string>& lines, const std::string& line) {
        return std::find(lines.begin(), lines.end(), line) != lines.end();
    }
};

}  // namespace

TEST_F(ImportAdbCapture, GetpropNamesTheDeviceAndGivesItsApiLevel) {
    AdbCaptureFiles files;
    files.dumpsys = {write("dumpsys.txt", kDump)};
    files.pmList = write("pm-list.txt", kPmList);
    files.getprop =
        write("getprop.txt", "[ro.build.version.sdk]: [30]\n[ro.product.device]: [tvbox]\n");
    const AdbImport imported = importOk(files);
    EXPECT_TRUE(has(imported.summary, "API 30 from ro.build.version.sdk of getprop"));
    const Device device = load(imported);
    EXPECT_EQ(device.name, "tvbox");
    EXPECT_EQ(device.apiLevel, 30);
}

TEST_F(ImportAdbCapture, PmListGivesThePartitionsAndTheDumpTheFilters) {
    AdbCaptureFiles files;
    files.dumpsys = {write("dumpsys.txt", kDump)};
    files.pmList = write("pm-list.txt", kPmList);
    const Device device = load(importOk(files));
    const InstalledPackage* launcher = device.findPackage("com.example.launcher");
    const InstalledPackage* user = device.findPackage("com.example.user");
    ASSERT_NE(launcher, nullptr);
    ASSERT_NE(user, nullptr);
    EXPECT_TRUE(launcher->system) << "/system/priv-app";
    EXPECT_TRUE(launcher->privileged);
    EXPECT_FALSE(user->system) << "/data/app";

    const PackageIndex index(device);
    Intent home;
    home.action = "android.intent.action.MAIN";
    home.addCategory("android.intent.category.HOME");
    const std::vector<ResolveInfo> found = index.query(home, flags::kMatchDefaultOnly);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].component.flattenToShortString(), "com.example.launcher/.Home");
    EXPECT_EQ(found[0].priority, 50) << "the device's own priority";
}

TEST_F(ImportAdbCapture, WithoutGetpropTheDumpGivesTheApiLevelAndADisagreementIsReported) {
    AdbCaptureFiles files;
    files.dumpsys = {write("dumpsys.txt", kDump)};
    const AdbImport fromDump = importOk(files);
    EXPECT_TRUE(
        has(fromDump.summary, "API 30 from 'Database versions' of " + files.dumpsys[0].string()))
        << ::testing::PrintToString(fromDump.summary);
    EXPECT_EQ(load(fromDump).name, "adb-capture") << "no getprop: the stand-in name";

    files.getprop = write("getprop.txt", "[ro.build.version.sdk]: [29]\n");
    const AdbImport both = importOk(files);
    EXPECT_TRUE(has(both.lacking, files.dumpsys[0].string() +
                                      " says sdkVersion=30, getprop 29 (getprop is kept)"))
        << ::testing::PrintToString(both.lacking);
    EXPECT_EQ(load(both).apiLevel, 29);
}

TEST_F(ImportAdbCapture, WhatAdbCannotSeeAndTheFailedCommandsAreListedAsLacking) {
    AdbCaptureFiles files;
    files.pmList = write("pm-list.txt", kPmList);
    files.failed = {"'cmd role holders' failed (exit 20)"};
    const AdbImport imported = importOk(files);
    ASSERT_FALSE(imported.lacking.empty());
    EXPECT_TRUE(has(imported.lacking, "'cmd role holders' failed (exit 20)"));
    EXPECT_EQ(imported.lacking.back(),
              "no persistent preferred activities: adb without root cannot read them");
}

TEST_F(ImportAdbCapture, ACaptureWithoutADumpOrAListIsRefused) {
    AdbCaptureFiles files;
    files.getprop = write("getprop.txt", "[ro.build.version.sdk]: [30]\n");
    const Result<AdbImport> imported = importAdbCapture(files, AdbImportOptions{});
    ASSERT_FALSE(imported.has_value());
    EXPECT_EQ(imported.error().toString(),
              "nothing to import: give a 'dumpsys package' output (--dumpsys) or a 'pm list "
              "packages -f' output (--pm-list)");
}

TEST_F(ImportAdbCapture, AFileThatIsNotWhatItsOptionSaysFailsAtItsLine) {
    AdbCaptureFiles files;
    files.pmList = write("pm-list.txt", "package:/data/app/com.a-1/base.apk=com.a\n"
                                        "package:/data/app/com.b-1/base.apk=\n");
    const Result<AdbImport> imported = importAdbCapture(files, AdbImportOptions{});
    ASSERT_FALSE(imported.has_value());
    EXPECT_EQ(imported.error().toString(),
              files.pmList->string() + ":2:1: 'package:' line without a package name");
}

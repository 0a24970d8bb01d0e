// findAdbCapture (adb_capture_folder.cpp): which file of a capture folder is which, by
// scripts/capture-device's fixed names or by the command each NAME.command.txt record ran.

#include <gtest/gtest.h>
#include <hearth/adb_import.h>

#include <filesystem>
#include <string>

#include "../support/scratch_dir.h"

using namespace hearth;

namespace fs = std::filesystem;

namespace {

class AdbCaptureFolder : public hearth::testing::ScratchDirTest {
  protected:
    fs::path write(const std::string& name, const std::string& text = "x\n") {
        return ScratchDirTest::write(name, text);
    }

    // One record of the NAME.command.txt layout.
    void record(const std::string& name, const std::string& command,
                const std::string& exitCode = "0", const std::string& stderrText = "") {
        write(name + ".command.txt", "command: " + command + "\n");
        write(name + ".stdout.txt");
        write(name + ".exit_code.txt", exitCode + "\n");
        if (!stderrText.empty()) write(name + ".stderr.txt", stderrText);
    }
};

}  // namespace

TEST_F(AdbCaptureFolder, TheFixedNamesOfCaptureDeviceAreEachFound) {
    for (const std::string& name : adbCaptureFileNames()) write(name);
    fs::create_directories(m_dir / "apks");
    const Result<AdbCaptureFiles> files = findAdbCapture(m_dir);
    ASSERT_TRUE(files.has_value()) << files.error().toString();
    EXPECT_EQ(files->dumpsys, std::vector<fs::path>{m_dir / "dumpsys-package.txt"});
    EXPECT_EQ(files->getprop, m_dir / "getprop.txt");
    EXPECT_EQ(files->pmList, m_dir / "pm-list-packages-f.txt");
    EXPECT_EQ(files->systemPackages, m_dir / "pm-list-packages-s.txt");
    EXPECT_EQ(files->disabledPackages, m_dir / "pm-list-packages-d.txt");
    EXPECT_EQ(files->preferredXml, m_dir / "preferred-xml.txt");
    EXPECT_EQ(files->roleHolders, m_dir / "role-holders.txt");
    EXPECT_EQ(files->appLinks, m_dir / "app-links.txt");
    EXPECT_EQ(files->homeActivities, m_dir / "home-activities.txt");
    EXPECT_EQ(files->userSetupComplete, m_dir / "user-setup-complete.txt");
    EXPECT_EQ(files->apks, m_dir / "apks");
    EXPECT_TRUE(files->failed.empty());
}

TEST_F(AdbCaptureFolder, OneFixedNameIsEnoughAndTheOthersStayAbsent) {
    write("pm-list-packages-f.txt");
    const Result<AdbCaptureFiles> files = findAdbCapture(m_dir);
    ASSERT_TRUE(files.has_value()) << files.error().toString();
    EXPECT_EQ(files->pmList, m_dir / "pm-list-packages-f.txt");
    EXPECT_TRUE(files->dumpsys.empty());
    EXPECT_FALSE(files->getprop.has_value());
    EXPECT_FALSE(files->apks.has_value());
}

TEST_F(AdbCaptureFolder, RecordsAreClassifiedByTheShellCommandTheyRan) {
    record("a", "adb -s 123 shell dumpsys package");
    record("b", "adb shell dumpsys package com.example.app");
    record("c", "adb shell dumpsys package preferred-xml --full");
    record("d", "adb shell pm list packages -f");
    record("e", "adb shell cmd package list packages -s");
    record("f", "adb shell pm list packages -d");
    record("g", "adb shell getprop");
    record("h",
           "adb shell cmd package query-activities -a android.intent.action.MAIN -c "
           "android.intent.category.HOME");
    record("i", "adb shell pm get-app-links");
    record("j", "adb shell settings get secure user_setup_complete");
    record("k", "adb shell pm query-activities -a android.intent.action.VIEW");
    const Result<AdbCaptureFiles> files = findAdbCapture(m_dir);
    ASSERT_TRUE(files.has_value()) << files.error().toString();
    EXPECT_EQ(files->dumpsys,
              (std::vector<fs::path>{m_dir / "a.stdout.txt", m_dir / "b.stdout.txt"}))
        << "in name order; a package's own dump is a dump too";
    EXPECT_EQ(files->preferredXml, m_dir / "c.stdout.txt");
    EXPECT_EQ(files->pmList, m_dir / "d.stdout.txt");
    EXPECT_EQ(files->systemPackages, m_dir / "e.stdout.txt");
    EXPECT_EQ(files->disabledPackages, m_dir / "f.stdout.txt");
    EXPECT_EQ(files->getprop, m_dir / "g.stdout.txt");
    EXPECT_EQ(files->homeActivities, m_dir / "h.stdout.txt")
        << "k, read after h, queries VIEW, not MAIN + HOME, and must not replace it";
    EXPECT_EQ(files->appLinks, m_dir / "i.stdout.txt");
    EXPECT_EQ(files->userSetupComplete, m_dir / "j.stdout.txt");
    EXPECT_FALSE(files->roleHolders.has_value()) << "no record layout command gives role holders";
}

TEST_F(AdbCaptureFolder, AFailedRecordIsReportedWithItsExitCodeAndFirstStderrLine) {
    record("dump", "adb shell dumpsys package");
    record("roles", "adb shell cmd role holders android.app.role.HOME", "20",
           "cmd: Can't find service: role\nsecond line\n");
    const Result<AdbCaptureFiles> files = findAdbCapture(m_dir);
    ASSERT_TRUE(files.has_value()) << files.error().toString();
    EXPECT_EQ(files->failed,
              std::vector<std::string>{"'cmd role holders android.app.role.HOME' failed (exit 20): "
                                       "cmd: Can't find service: role"});
    EXPECT_FALSE(files->roleHolders.has_value());
}

TEST_F(AdbCaptureFolder, AFolderWithNeitherLayoutSaysWhatItExpected) {
    write("notes.txt");
    const Result<AdbCaptureFiles> files = findAdbCapture(m_dir);
    ASSERT_FALSE(files.has_value());
    EXPECT_EQ(files.error().toString(),
              "'" + m_dir.string() +
                  "' holds no adb capture: expected the files scripts/capture-device writes "
                  "(dumpsys-package.txt, pm-list-packages-f.txt, ...) or NAME.command.txt + "
                  "NAME.stdout.txt records of 'dumpsys package' or 'pm list packages -f'");
}

TEST_F(AdbCaptureFolder, AFileOrAMissingPathIsNotAFolder) {
    const fs::path file = write("getprop.txt");
    const Result<AdbCaptureFiles> onFile = findAdbCapture(file);
    ASSERT_FALSE(onFile.has_value());
    EXPECT_EQ(onFile.error().toString(),
              "cannot read the capture folder '" + file.string() + "': not a folder");
    const Result<AdbCaptureFiles> missing = findAdbCapture(m_dir / "nope");
    ASSERT_FALSE(missing.has_value());
    EXPECT_EQ(missing.error().toString(),
              "cannot read the capture folder '" + (m_dir / "nope").string() + "': no such folder");
}

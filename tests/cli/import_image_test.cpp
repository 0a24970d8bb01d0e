// hearth import image: the device.json an image tree implies, written to --out and loadable back.

#include <gtest/gtest.h>
#include <hearth/device.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "../core/apk_fixtures.h"
#include "cli_run.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

// dir/tree: an image with `buildProp` as system/build.prop and one APK, system/app/Home/Home.apk
// (package com.example.home) compiled by aapt. Returns aapt's complaint, "" on success.
std::string writeHomeImage(const TempDir& dir, const std::string& buildProp) {
    const fs::path root = dir.path() / "tree";
    writeFile(root / "system/build.prop", buildProp);
    writeFile(dir.path() / "src/AndroidManifest.xml",
              "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
              "package=\"com.example.home\"><application><activity android:name=\".Home\"/>"
              "</application></manifest>\n");
    fs::create_directories(root / "system/app/Home");
    return compileApk(dir.path() / "src/AndroidManifest.xml", root / "system/app/Home/Home.apk",
                      dir.path() / "src");
}

TEST(ImportImage, WritesTheInferredDeviceJsonReferencingTheApksInPlace) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("import-image");
    const fs::path root = dir.path() / "tree";
    ASSERT_EQ(writeHomeImage(dir, "ro.build.version.sdk=25\nro.build.version.release=9.1\n"), "");
    const fs::path out = dir.path() / "out";
    CliRun run = runCli({"import", "image", root.string(), "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "Inferred: API 25 from system/build.prop (release '9.1' not trusted); "
                       "0 privileged, 1 system, 0 user apps\nwrote " +
                           (out / "device.json").string() + " (1 package)\n");
    EXPECT_NE(run.err.find("'ro.build.version.release' says '9.1'"), std::string::npos) << run.err;
    const nlohmann::json written = nlohmann::json::parse(readFile(out / "device.json"));
    EXPECT_EQ(written["api"], 25);
    ASSERT_EQ(written["packages"].size(), 1u);
    EXPECT_EQ(written["packages"][0]["manifest"], (root / "system/app/Home/Home.apk").string());
    EXPECT_EQ(written["packages"][0]["system"], true);
    // What was written loads back as the same device.
    auto device = loadDevice(out);
    ASSERT_TRUE(device) << device.error().toString();
    EXPECT_EQ(device->apiLevel, 25);
    EXPECT_TRUE(device->packages.at(0).system);

    CliRun again = runCli({"import", "image", root.string(), "--out", out.string()});
    EXPECT_EQ(again.code, 1);
    EXPECT_NE(again.err.find("already exists (--force replaces it)"), std::string::npos);
}

// Issue 13, "Loading a device keeps going": an APK that cannot be parsed is an error line and a
// summary, and the device.json is written without its package; --strict exits 1 instead.
TEST(ImportImage, AnUnparsableApkIsAnErrorLineAndTheRestIsWritten) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("import-broken");
    const fs::path root = dir.path() / "tree";
    ASSERT_EQ(writeHomeImage(dir, "ro.build.version.sdk=29\n"), "");
    const fs::path broken = root / "system/app/Broken/Broken.apk";
    writeFile(broken, "this is not an APK\n");

    const fs::path out = dir.path() / "out";
    CliRun run = runCli({"import", "image", root.string(), "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, broken.string() +
                           ": error: not an APK: no zip archive found in the file (package "
                           "skipped)\nhearth import image: 1 package not installed "
                           "(errors above); the rest of the device is loaded (--strict fails "
                           "instead)\n");
    const nlohmann::json written = nlohmann::json::parse(readFile(out / "device.json"));
    ASSERT_EQ(written["packages"].size(), 1u);
    EXPECT_EQ(written["packages"][0]["manifest"], (root / "system/app/Home/Home.apk").string());

    CliRun strict =
        runCli({"import", "image", root.string(), "--out", (dir.path() / "out2").string(),
                "--strict"});
    EXPECT_EQ(strict.code, 1);
    EXPECT_EQ(strict.err, broken.string() + ": not an APK: no zip archive found in the file\n");
    EXPECT_FALSE(fs::exists(dir.path() / "out2" / "device.json"));
}

// --state (issue 13, device-formats 2): read before anything is written, referenced as "state"
// (relative below --out), its summary in the Inferred line; shared with import adb.
TEST(ImportImage, TheStateFolderIsReadFirstAndReferenced) {
    TempDir dir("import-state");
    const fs::path root = dir.path() / "tree";
    writeFile(root / "system/build.prop", "ro.build.version.sdk=28\n");
    const fs::path out = dir.path() / "out";
    const fs::path missing = dir.path() / "no-such-state";
    CliRun refused = runCli({"import", "image", root.string(), "--state", missing.string(),
                             "--out", out.string()});
    EXPECT_EQ(refused.code, 1);
    EXPECT_EQ(refused.err, "hearth import image: cannot read state '" + missing.string() +
                               "': not a folder (expected a copy of /data/system)\n");
    EXPECT_FALSE(fs::exists(out / "device.json"));

    const fs::path state = out / "system";
    writeFile(state / "users/0/package-restrictions.xml",
              "<package-restrictions><preferred-activities/></package-restrictions>\n");
    CliRun run = runCli(
        {"import", "image", root.string(), "--state", state.string(), "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
              "Inferred: API 28 from system/build.prop; 0 privileged, 0 system, 0 user apps; "
              "state from " + (state / "users/0/package-restrictions.xml").string() +
                  ": 0 packages, 0 preferred, 0 persistent preferred");
    const nlohmann::json written = nlohmann::json::parse(readFile(out / "device.json"));
    EXPECT_EQ(written["state"], "system");
}

TEST(ImportImage, AFolderThatIsNotAnImageIsAnError) {
    TempDir dir("import-none");
    CliRun run = runCli({"import", "image", dir.path().string(), "--out",
                         (dir.path() / "out").string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "'" + dir.path().string() +
                           "' is not a system image tree: no system/ (or system/system/) "
                           "partition with build.prop, app/, priv-app/ or framework/\n");
}

TEST(ImportImage, HelpOfTheSubcommandIsItsOwn) {
    CliRun run = runCli({"import", "image", "--help"});
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("--out"), std::string::npos) << run.out;
}

}  // namespace

// hearth import adb, in-process: the real captures of ../shared/realworld/device-snapshots become
// devices whose query/resolve --brief answers equal what pm printed on the same device
// (device-formats §3, §6); scripts/capture-device against a fake adb; exact errors.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <hearth/device.h>

#include "cli.h"
#include "cli_run.h"

namespace {

namespace fs = std::filesystem;
using hearth::testing::CliRun;
using hearth::testing::runCli;

const fs::path kSnapshots = fs::path(HEARTH_SHARED_DIR) / "realworld" / "device-snapshots";
#define SKIP_WITHOUT_SNAPSHOTS() \
    if (!fs::is_directory(kSnapshots)) GTEST_SKIP() << kSnapshots << " is not there"
const fs::path kFire = kSnapshots / "android9-fireos7-trona";
const fs::path kRockchip = kSnapshots / "android7.1-rk322x-tvbox";
constexpr const char* kMain = "android.intent.action.MAIN";
constexpr const char* kHome = "android.intent.category.HOME";

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A fresh, empty folder under the temp directory for one test. The pid keeps it private: ctest
// runs every test of a suite as its own process, in parallel, and each runs SetUpTestSuite.
fs::path freshDir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() /
                         ("hearth_import_adb_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// pm's non-brief query answer reduced to --brief: the priority line and the short component.
std::string briefOf(const std::string& full) {
    std::istringstream in(full);
    std::string line;
    std::string out;
    std::string name;
    bool inApplication = false;
    while (std::getline(in, line)) {
        if (line.find("activities found:") != std::string::npos ||
            line.rfind("  Activity #", 0) == 0) {
            out += line + "\n";
            inApplication = false;
        } else if (line.rfind("    priority=", 0) == 0) {
            out += line + "\n";
        } else if (line.find("ApplicationInfo:") != std::string::npos) {
            inApplication = true;
        } else if (!inApplication && line.rfind("      name=", 0) == 0) {
            name = line.substr(11);
        } else if (!inApplication && line.rfind("      packageName=", 0) == 0) {
            const std::string package = line.substr(18);
            const bool inside = name.rfind(package + ".", 0) == 0;
            out += "    " + package + "/" + (inside ? name.substr(package.size()) : name) + "\n";
        }
    }
    return out;
}

class FireImport : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        out = freshDir("fire");
        run = runCli({"import", "adb", (kFire / "before").string(), "--out", out.string()});
    }
    static fs::path out;
    static CliRun run;
};
fs::path FireImport::out;
CliRun FireImport::run;

TEST_F(FireImport, TheFireOs7CaptureFolderImportsAndSaysWhatItLacked) {
    SKIP_WITHOUT_SNAPSHOTS();
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_NE(run.out.find("wrote " + (out / "device.json").string() + "\n"), std::string::npos);
    EXPECT_NE(run.out.find("  API 28 from ro.build.version.sdk of getprop\n"), std::string::npos);
    EXPECT_NE(run.out.find("package_full_dump.stdout.txt: dumpsys without -f: no filter details"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("lacking: 'cmd role holders android.app.role.HOME --user 0' failed "
                           "(exit 20): cmd: Can't find service: role"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("lacking: 'cat /data/system/packages.xml' failed (exit 1): cat: "
                           "/data/system/packages.xml: Permission denied"),
              std::string::npos);
}

TEST_F(FireImport, QueryBriefForHomePrintsWhatTheDevicePrinted) {
    SKIP_WITHOUT_SNAPSHOTS();
    ASSERT_EQ(run.code, 0) << run.err;
    const CliRun query = runCli({"query", out.string(), "-a", kMain, "-c", kHome, "--brief"});
    EXPECT_EQ(query.code, 0) << query.err;
    // The same device's own answer, byte for byte: pm's --brief output after the PS7331 OTA, and
    // the full output of the capture itself reduced to its brief lines.
    EXPECT_EQ(query.out, readFile(kFire / "later-ps7331-brief" / "home_candidates.stdout.txt"));
    EXPECT_EQ(query.out, briefOf(readFile(kFire / "before" / "package_home_query_cmd.stdout.txt")));
}

TEST_F(FireImport, ResolveBriefForHomePrintsWhatTheDevicePrinted) {
    SKIP_WITHOUT_SNAPSHOTS();
    ASSERT_EQ(run.code, 0) << run.err;
    const CliRun resolve = runCli({"resolve", out.string(), "-a", kMain, "-c", kHome, "--brief"});
    EXPECT_EQ(resolve.code, 0) << resolve.err;
    EXPECT_EQ(resolve.out, readFile(kFire / "before" / "package_home_resolve.stdout.txt"));
}

TEST_F(FireImport, TheDeviceJsonHoldsFlagsStatePreferredAndTheDevicesPriorities) {
    SKIP_WITHOUT_SNAPSHOTS();
    ASSERT_EQ(run.code, 0) << run.err;
    const nlohmann::json device = nlohmann::json::parse(readFile(out / "device.json"));
    EXPECT_EQ(device["api"], 28);
    EXPECT_EQ(device["name"], "trona");
    EXPECT_EQ(device["packages"].size(), 219u);  // as pm list -f; the 220th is avod's original
    const nlohmann::json* launcher = nullptr;
    const nlohmann::json* avod = nullptr;
    for (const nlohmann::json& package : device["packages"]) {
        if (package["package"] == "com.amazon.firelauncher") launcher = &package;
        if (package["package"] == "com.amazon.avod") avod = &package;
    }
    ASSERT_TRUE(launcher && avod);
    EXPECT_EQ((*launcher)["system"], true);
    EXPECT_EQ((*launcher)["privileged"], true);
    EXPECT_EQ((*launcher)["prioritiesClamped"], true);
    // com.amazon.avod: an update in /data/app of a /system/priv-app original (Hidden system
    // packages), with its legacy App Links state "always" for user 0, generation 1.
    EXPECT_EQ((*avod)["updatedSystemApp"], true);
    EXPECT_EQ((*avod)["appLinks"]["legacyStatus"], "always");
    EXPECT_EQ((*avod)["appLinks"]["legacyGeneration"], 1);
    // The caller rules' keys the Android 9 dump states (issue 13): userId= as "appId" for every
    // package, installerPackageName= as "installer" where there is one; nothing is suspended.
    EXPECT_EQ((*launcher)["appId"], 10120);
    EXPECT_FALSE(launcher->contains("installer"));
    EXPECT_EQ((*avod)["installer"], "com.amazon.device.software.ota");
    size_t installers = 0;
    for (const nlohmann::json& package : device["packages"]) {
        EXPECT_TRUE(package.contains("appId")) << package["package"];
        EXPECT_FALSE(package.contains("suspended")) << package["package"];
        if (package.contains("installer")) ++installers;
    }
    EXPECT_EQ(installers, 9u);
    // Preferred Activities User 0: HOME = firelauncher, chosen among three (P-5).
    ASSERT_EQ(device["preferred"].size(), 1u);
    const nlohmann::json& preferred = device["preferred"][0];
    EXPECT_EQ(preferred["component"], "com.amazon.firelauncher/.Launcher");
    EXPECT_EQ(preferred["match"], "0x100000");
    EXPECT_EQ(preferred["always"], true);
    EXPECT_EQ(preferred["set"].size(), 3u);
}

TEST(ImportAdbCommand, TheAndroid71CaptureImportsFromIndividualFiles) {
    SKIP_WITHOUT_SNAPSHOTS();
    const fs::path out = freshDir("rk322x");
    const CliRun run =
        runCli({"import", "adb", "--dumpsys", (kRockchip / "dumpsys-package.txt").string(),
                "--getprop", (kRockchip / "getprop.txt").string(), "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_NE(run.out.find("  API 25 from ro.build.version.sdk of getprop\n"), std::string::npos);
    EXPECT_NE(run.out.find("  ro.build.version.release=9.1 is shown, never trusted"),
              std::string::npos);
    EXPECT_NE(run.out.find("dumpsys without -f: no filter details"), std::string::npos);
    const nlohmann::json device = nlohmann::json::parse(readFile(out / "device.json"));
    EXPECT_EQ(device["api"], 25);
    EXPECT_EQ(device["packages"].size(), 84u);
    bool provisionDisabled = false;
    for (const nlohmann::json& package : device["packages"]) {
        if (package.contains("disabledComponents")) {
            for (const auto& name : package["disabledComponents"]) {
                provisionDisabled |= name == "com.android.provision.DefaultActivity";
            }
        }
    }
    EXPECT_TRUE(provisionDisabled);
    // Without -f nothing is known of the filters: HOME finds nothing, and says nothing false.
    const CliRun query = runCli({"query", out.string(), "-a", kMain, "-c", kHome, "--brief"});
    EXPECT_EQ(query.out, "No activities found\n");
}

TEST(ImportAdbCommand, BinaryGarbageNamedDumpsysIsRefusedExactly) {
    const fs::path dir = freshDir("garbage");
    {
        std::ofstream garbage(dir / "dumpsys.txt", std::ios::binary);
        garbage << std::string(
                       "\x7f"
                       "ELF\x02\x01\x01",
                       7)
                << std::string(1, '\0') << "junk";
    }
    const CliRun run = runCli({"import", "adb", "--dumpsys", (dir / "dumpsys.txt").string(),
                               "--out", (dir / "out").string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "hearth import adb: " + (dir / "dumpsys.txt").string() +
                           ":1:8: binary data (a NUL byte), not a 'dumpsys package' output\n");
    EXPECT_FALSE(fs::exists(dir / "out" / "device.json"));
}

TEST(ImportAdbCommand, AnExistingDeviceJsonIsKeptWithoutForce) {
    SKIP_WITHOUT_SNAPSHOTS();
    const fs::path out = freshDir("existing");
    std::ofstream(out / "device.json") << "{}";
    const CliRun run =
        runCli({"import", "adb", "--dumpsys", (kRockchip / "dumpsys-package.txt").string(), "--out",
                out.string()});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "hearth import adb: '" + (out / "device.json").string() +
                           "' exists; use --force to replace it\n");
}

TEST(ImportAdbCommand, AFolderWithoutACaptureSaysWhatItExpected) {
    const fs::path dir = freshDir("empty");
    const CliRun run = runCli({"import", "adb", dir.string(), "--out", (dir / "out").string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err,
              "hearth import adb: '" + dir.string() +
                  "' holds no adb capture: expected the files scripts/capture-device writes "
                  "(dumpsys-package.txt, pm-list-packages-f.txt, ...) or NAME.command.txt + "
                  "NAME.stdout.txt records of 'dumpsys package' or 'pm list packages -f'\n");
}

// A modern dump (appId=, a suspended app, an installer) through import adb and back: the keys
// device.json reads for V-1/V-3 (appId), V-8 (installer) and W-23 step 1 (suspended).
TEST(ImportAdbCommand, AppIdInstallerAndSuspendedOfADumpReachTheDevice) {
    const fs::path dir = freshDir("caller-keys");
    std::ofstream(dir / "dumpsys.txt") << R"(Packages:
  Package [com.example.reader] (1a):
    appId=10123
    codePath=/data/app/~~x==/com.example.reader-y==
    flags=[ HAS_CODE ]
    installerPackageName=com.android.vending
    User 0: ceDataInode=1 installed=true hidden=false suspended=true distractionFlags=0 stopped=false notLaunched=false enabled=0
  Package [com.example.other] (2b):
    appId=10124
    codePath=/data/app/~~z==/com.example.other-w==
    flags=[ HAS_CODE ]
    installerPackageName=null
    User 0: ceDataInode=2 installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=0
)";
    const fs::path out = dir / "out";
    const CliRun run = runCli(
        {"import", "adb", "--dumpsys", (dir / "dumpsys.txt").string(), "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    const nlohmann::json device = nlohmann::json::parse(readFile(out / "device.json"));
    ASSERT_EQ(device["packages"].size(), 2u);
    const nlohmann::json& reader = device["packages"][0];
    EXPECT_EQ(reader["appId"], 10123);
    EXPECT_EQ(reader["installer"], "com.android.vending");
    EXPECT_EQ(reader["suspended"], true);
    const nlohmann::json& other = device["packages"][1];
    EXPECT_EQ(other["appId"], 10124);
    EXPECT_FALSE(other.contains("installer"));
    EXPECT_FALSE(other.contains("suspended"));
    auto loaded = hearth::loadDevice(out);
    ASSERT_TRUE(loaded) << loaded.error().toString();
    const hearth::InstalledPackage* package = loaded->findPackage("com.example.reader");
    ASSERT_NE(package, nullptr);
    EXPECT_TRUE(package->suspended);
    EXPECT_EQ(package->appId, 10123);
    EXPECT_EQ(package->installer, std::optional<std::string>("com.android.vending"));
}

// --state DIR on import adb (issue 13, device-formats 2.3): the same meaning as on import image.
// device.json references the folder as "state" (relative when it lies below --out), and loading
// lays users/0/package-restrictions.xml over the capture's packages: here the Fire OS launcher
// disabled by the user (enabled="3") and an empty preferred list, so HOME resolves as Android's
// chooseBestActivity does for the remaining candidates (the unique top priority wins).
TEST(ImportAdbState, TheStateFolderIsReferencedAndLaidOverTheFireOs7Capture) {
    SKIP_WITHOUT_SNAPSHOTS();
    const fs::path out = freshDir("state");
    const fs::path state = out / "data-system";
    fs::create_directories(state / "users" / "0");
    std::ofstream(state / "users" / "0" / "package-restrictions.xml")
        << "<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n"
           "<package-restrictions>\n"
           "    <pkg name=\"com.amazon.firelauncher\" enabled=\"3\" />\n"
           "    <preferred-activities />\n"
           "</package-restrictions>\n";
    const CliRun run = runCli({"import", "adb", (kFire / "before").string(), "--state",
                               state.string(), "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_NE(run.out.find("\n  state from " +
                           (state / "users" / "0" / "package-restrictions.xml").string() +
                           ": 1 package, 0 preferred, 0 persistent preferred\n"),
              std::string::npos)
        << run.out;
    const nlohmann::json device = nlohmann::json::parse(readFile(out / "device.json"));
    EXPECT_EQ(device["state"], "data-system");
    // The capture's own preferred entry is still written; the state replaces it on load.
    EXPECT_EQ(device["preferred"].size(), 1u);

    const CliRun query = runCli({"query", out.string(), "-a", kMain, "-c", kHome, "--components"});
    EXPECT_EQ(query.code, 0) << query.err;
    EXPECT_EQ(query.out, "com.microsoft.launcher/.Launcher\ncom.android.settings/.FallbackHome\n");
    const CliRun resolve = runCli({"resolve", out.string(), "-a", kMain, "-c", kHome, "--brief"});
    EXPECT_EQ(resolve.code, 0) << resolve.err;
    EXPECT_EQ(resolve.out,
              "priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\n"
              "com.microsoft.launcher/.Launcher\n");
}

TEST(ImportAdbState, AStateFolderOutsideOutIsReferencedByItsAbsolutePath) {
    SKIP_WITHOUT_SNAPSHOTS();
    const fs::path dir = freshDir("state-outside");
    const fs::path state = dir / "system";
    fs::create_directories(state);
    std::ofstream(state / "packages.xml")
        << "<packages>\n<version sdkVersion=\"25\" />\n</packages>\n";
    const fs::path out = dir / "out";
    const CliRun run =
        runCli({"import", "adb", "--dumpsys", (kRockchip / "dumpsys-package.txt").string(),
                "--getprop", (kRockchip / "getprop.txt").string(), "--state", state.string(),
                "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    const nlohmann::json device = nlohmann::json::parse(readFile(out / "device.json"));
    EXPECT_EQ(device["state"], state.string());
    EXPECT_NE(run.out.find("  state from " + (state / "packages.xml").string() +
                           ": 0 packages, 0 preferred, 0 persistent preferred\n"),
              std::string::npos)
        << run.out;
}

// A state folder that cannot be read stops the import before anything is written.
TEST(ImportAdbState, AnUnreadableStateFolderIsAnExactErrorAndNothingIsWritten) {
    SKIP_WITHOUT_SNAPSHOTS();
    const fs::path dir = freshDir("state-missing");
    const fs::path state = dir / "no-such-folder";
    const CliRun run =
        runCli({"import", "adb", "--dumpsys", (kRockchip / "dumpsys-package.txt").string(),
                "--state", state.string(), "--out", (dir / "out").string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "hearth import adb: cannot read state '" + state.string() +
                           "': not a folder (expected a copy of /data/system)\n");
    EXPECT_FALSE(fs::exists(dir / "out" / "device.json"));
}

// A state file that is not XML: file:line:col, nothing written.
TEST(ImportAdbState, APackagesXmlThatIsNotXmlIsRefusedWithItsPosition) {
    SKIP_WITHOUT_SNAPSHOTS();
    const fs::path dir = freshDir("state-bad");
    const fs::path state = dir / "system";
    fs::create_directories(state);
    std::ofstream(state / "packages.xml") << "<packages>\n  <package name=\"a\"\n";
    const CliRun run =
        runCli({"import", "adb", "--dumpsys", (kRockchip / "dumpsys-package.txt").string(),
                "--state", state.string(), "--out", (dir / "out").string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "hearth import adb: " + (state / "packages.xml").string() +
                           ":2:20: not well-formed XML: error parsing start element tag\n");
    EXPECT_FALSE(fs::exists(dir / "out" / "device.json"));
}

// scripts/capture-device run against a fake adb on PATH that answers like an Android 14 phone.
TEST(CaptureDeviceScript, WritesTheFixedFilesThatImportReads) {
    const fs::path dir = freshDir("capture");
    const fs::path bin = dir / "bin";
    fs::create_directories(bin);
    {
        std::ofstream fake(bin / "adb");
        fake << R"(#!/bin/sh
# fake adb: logs its arguments, answers the commands capture-device runs
echo "$*" >> "$(dirname "$0")/adb.log"
[ "$1" = "-s" ] && shift 2
case "$*" in
  get-state) echo device ;;
  "shell getprop") printf '[ro.build.version.sdk]: [34]\n[ro.product.device]: [husky]\n' ;;
  "shell pm list packages -f -U") printf 'package:/product/priv-app/Launcher3/Launcher3.apk=com.android.launcher3 uid:10100\npackage:/data/app/~~x==/com.example.home-y==/base.apk=com.example.home uid:10200\n' ;;
  "shell pm list packages -s") printf 'package:com.android.launcher3\n' ;;
  "shell pm list packages -d") ;;
  "shell dumpsys package -f") cat <<'EOF'
Activity Resolver Table:
  Non-Data Actions:
      android.intent.action.MAIN:
        1111111 com.android.launcher3/.Launcher filter 2222222
          Action: "android.intent.action.MAIN"
          Category: "android.intent.category.HOME"
          Category: "android.intent.category.DEFAULT"
          mPriority=1, mOrder=0, mHasStaticPartialTypes=false, mHasDynamicPartialTypes=false
        3333333 com.example.home/.Home filter 4444444
          Action: "android.intent.action.MAIN"
          Category: "android.intent.category.HOME"
          Category: "android.intent.category.DEFAULT"

Packages:
  Package [com.android.launcher3] (aaaaaaa):
    appId=10100
    codePath=/product/priv-app/Launcher3
    flags=[ SYSTEM HAS_CODE ]
    privateFlags=[ PRIVILEGED PRODUCT ]
    User 0: ceDataInode=1 installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=0 instant=false virtual=false quarantined=false
  Package [com.example.home] (bbbbbbb):
    appId=10200
    codePath=/data/app/~~x==/com.example.home-y==
    flags=[ HAS_CODE ]
    privateFlags=[ ]
    User 0: ceDataInode=2 installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=0 instant=false virtual=false quarantined=false
EOF
  ;;
  "shell dumpsys package preferred-xml --full") printf '<?xml version="1.0" encoding="utf-8"?>\n<preferred-activities />\n' ;;
  "shell pm get-app-links --user 0") ;;
  "shell cmd package query-activities -a android.intent.action.MAIN -c android.intent.category.HOME --user 0") ;;
  "shell settings get secure user_setup_complete") echo 1 ;;
  "shell cmd role get-role-holders android.app.role.HOME") echo com.example.home ;;
  "shell cmd role get-role-holders android.app.role.BROWSER") echo ;;
  *) echo "fake adb: unexpected: $*" >&2; exit 1 ;;
esac
)";
    }
    fs::permissions(bin / "adb", fs::perms::owner_all);
    const fs::path script =
        fs::path(HEARTH_SAMPLES_DIR).parent_path() / "scripts" / "capture-device";
    const fs::path capture = dir / "capture";
    const std::string command = "PATH='" + bin.string() + "':/usr/bin:/bin '" + script.string() +
                                "' -s SER123 '" + capture.string() + "' > '" +
                                (dir / "stdout").string() + "' 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0) << readFile(dir / "stdout");
    for (const char* name :
         {"getprop.txt", "pm-list-packages-f.txt", "pm-list-packages-s.txt",
          "pm-list-packages-d.txt", "dumpsys-package.txt", "preferred-xml.txt", "role-holders.txt",
          "app-links.txt", "home-activities.txt", "user-setup-complete.txt", "commands.txt"}) {
        EXPECT_TRUE(fs::exists(capture / name)) << name;
    }
    EXPECT_EQ(readFile(capture / "role-holders.txt"),
              "android.app.role.HOME: com.example.home\nandroid.app.role.BROWSER: \n");
    EXPECT_EQ(
        readFile(bin / "adb.log").find("-s SER123 shell dumpsys package -f\n") == std::string::npos,
        false);
    EXPECT_EQ(readFile(dir / "stdout").find("unexpected"), std::string::npos);

    const fs::path out = dir / "device";
    const CliRun run = runCli({"import", "adb", capture.string(), "--out", out.string()});
    ASSERT_EQ(run.code, 0) << run.err << run.out;
    const nlohmann::json device = nlohmann::json::parse(readFile(out / "device.json"));
    EXPECT_EQ(device["api"], 34);
    EXPECT_EQ(device["name"], "husky");
    EXPECT_EQ(device["userSetupComplete"], true);
    EXPECT_EQ(device["roles"]["home"], "com.example.home");
    EXPECT_EQ(device["packages"][0]["privileged"], true);
    EXPECT_EQ(device["packages"][1]["system"], false);
    // Launcher3's priority 1 is the device's own (privileged: kept by P-1), and the user app's
    // HOME filter is at 0: the query sorts them as the device would.
    const CliRun query = runCli({"query", out.string(), "-a", kMain, "-c", kHome, "--components"});
    EXPECT_EQ(query.out, "com.android.launcher3/.Launcher\ncom.example.home/.Home\n");
}

}  // namespace

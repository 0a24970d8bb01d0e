// parseDumpsysPackage (device-formats §3.1): inline dumps in the shapes Android 7.1-14 print, and
// the real captures of ../shared/realworld/device-snapshots.

#include <gtest/gtest.h>
#include <hearth/adb_capture.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <streambuf>

namespace hearth {
namespace {

namespace fs = std::filesystem;

const fs::path kSnapshots = fs::path(HEARTH_SHARED_DIR) / "realworld" / "device-snapshots";
#define SKIP_WITHOUT_SNAPSHOTS() \
    if (!fs::is_directory(kSnapshots)) GTEST_SKIP() << kSnapshots << " is not there"

DumpsysCapture parseOk(std::string_view text) {
    Result<DumpsysCapture> capture = parseDumpsysPackageText(text, "dumpsys.txt");
    EXPECT_TRUE(capture.has_value()) << capture.error().toString();
    return capture ? std::move(capture).value() : DumpsysCapture{};
}

constexpr const char* kFilteredDump = R"(Database versions:
  Internal:
    sdkVersion=30 databaseVersion=3
    fingerprint=google/redfin/redfin:11/RQ1A.210105.003/7005429:user/release-keys

Activity Resolver Table:
  Schemes:
      https:
        1a2b3c4 com.example.browser/.Main filter 5d6e7f8
          Action: "android.intent.action.VIEW"
          Category: "android.intent.category.BROWSABLE"
          Category: "android.intent.category.DEFAULT"
          Scheme: "https"
          Scheme: "http"
          Authority: "*.example.com": -1 WILD
          Path: "PatternMatcher{PREFIX: /docs}"
          Type: "image"
          AutoVerify=true

  Non-Data Actions:
      android.intent.action.MAIN:
        2be7ead com.amazon.firelauncher/.Launcher filter 8abaf5e
          Action: "android.intent.action.MAIN"
          Action: "com.amazon.firelauncher.intent.action.TUTORIAL"
          Category: "android.intent.category.HOME"
          Category: "android.intent.category.DEFAULT"
          mPriority=50, mOrder=0, mHasPartialTypes=false
          OEM-only line nobody knows: 42
      com.amazon.firelauncher.intent.action.TUTORIAL:
        2be7ead com.amazon.firelauncher/.Launcher filter 8abaf5e
          Action: "android.intent.action.MAIN"
          Action: "com.amazon.firelauncher.intent.action.TUTORIAL"
          Category: "android.intent.category.HOME"
          Category: "android.intent.category.DEFAULT"
          mPriority=50, mOrder=0, mHasPartialTypes=false

Receiver Resolver Table:
  Non-Data Actions:
      android.intent.action.BOOT_COMPLETED:
        9f9f9f9 com.example.browser/.Boot filter 1111111
          Action: "android.intent.action.BOOT_COMPLETED"
          mPriority=999, mOrder=0, mHasPartialTypes=false

Preferred Activities User 0:
  Non-Data Actions:
      android.intent.action.MAIN:
        64d16ed com.amazon.firelauncher/.Launcher
         mMatch=0x100000 mAlways=true
          Selected from:
            com.amazon.firelauncher/.Launcher
            com.android.settings/.FallbackHome
          Action: "android.intent.action.MAIN"
          Category: "android.intent.category.HOME"
          Category: "android.intent.category.DEFAULT"
          AutoVerify=false

Packages:
  Package [com.amazon.firelauncher] (ed89fd8):
    userId=10120
    codePath=/system/priv-app/com.amazon.firelauncher
    versionCode=82020310 minSdk=28 targetSdk=28
    flags=[ SYSTEM HAS_CODE ALLOW_CLEAR_USER_DATA ]
    privateFlags=[ PRIVATE_FLAG_ACTIVITIES_RESIZE_MODE_RESIZEABLE PRIVILEGED ]
    User 0: ceDataInode=852099 installed=true hidden=false suspended=false distractionFlags=0 stopped=false notLaunched=false enabled=3 instant=false virtual=false
      lastDisabledCaller: shell:1000
      gids=[3003]
      disabledComponents:
        com.amazon.firelauncher.Cleaner$Service
      enabledComponents:
        androidx.work.impl.RescheduleReceiver
      runtime permissions:
        android.permission.CAMERA: granted=true
    User 10: ceDataInode=0 installed=false hidden=false suspended=false stopped=true notLaunched=true enabled=0
  Package [com.amazon.avod] (1):
    codePath=/data/app/com.amazon.avod-llUXUUPczfHcVsyR4FQq7g==
    flags=[ SYSTEM HAS_CODE UPDATED_SYSTEM_APP ]
    privateFlags=[ PRIVILEGED ]

Hidden system packages:
  Package [com.amazon.avod] (2):
    codePath=/system/priv-app/com.amazon.avod
)";

TEST(DumpsysParser, ReadsTheSdkVersionAndFingerprintOfTheInternalDatabase) {
    const DumpsysCapture capture = parseOk(kFilteredDump);
    ASSERT_TRUE(capture.sdkVersion.has_value());
    EXPECT_EQ(*capture.sdkVersion, 30);
    EXPECT_EQ(capture.fingerprint,
              "google/redfin/redfin:11/RQ1A.210105.003/7005429:user/release-keys");
}

TEST(DumpsysParser, ReadsEachFilterOnceThoughItIsListedUnderEveryKey) {
    const DumpsysCapture capture = parseOk(kFilteredDump);
    EXPECT_TRUE(capture.hasFilterDetails);
    ASSERT_EQ(capture.filters.size(), 3u);
    const DumpsysFilter& home = capture.filters[1];
    EXPECT_EQ(home.component.flattenToShortString(), "com.amazon.firelauncher/.Launcher");
    EXPECT_EQ(home.kind, ComponentKind::Activity);
    EXPECT_EQ(home.filter.actions.size(), 2u);
    EXPECT_TRUE(home.filter.hasCategory("android.intent.category.HOME"));
    EXPECT_EQ(home.filter.priority, 50);  // as the device shows it: after clamping (P-1)
    EXPECT_EQ(home.filter.where.line, 22);
}

TEST(DumpsysParser, RebuildsDataSchemesAuthoritiesPathsAndPartialTypes) {
    const DumpsysCapture capture = parseOk(kFilteredDump);
    const DumpsysFilter& browser = capture.filters[0];
    EXPECT_EQ(browser.filter.schemes, (std::vector<std::string>{"https", "http"}));
    ASSERT_EQ(browser.filter.authorities.size(), 1u);
    EXPECT_EQ(browser.filter.authorities[0].host, "*.example.com");
    EXPECT_FALSE(browser.filter.authorities[0].port.has_value());
    ASSERT_EQ(browser.filter.paths.size(), 1u);
    EXPECT_EQ(browser.filter.paths[0].kind(), PatternKind::Prefix);
    EXPECT_EQ(browser.filter.paths[0].pattern(), "/docs");
    // IntentFilter stores "image/*" as the partial type "image" and dumps it so.
    EXPECT_EQ(browser.filter.types, (std::vector<std::string>{"image/*"}));
    EXPECT_TRUE(browser.filter.autoVerify);
    EXPECT_EQ(browser.filter.priority, 0);  // no mPriority line: the default
}

TEST(DumpsysParser, ReceiverFiltersKeepTheirKind) {
    const DumpsysCapture capture = parseOk(kFilteredDump);
    const DumpsysFilter& boot = capture.filters[2];
    EXPECT_EQ(boot.kind, ComponentKind::Receiver);
    EXPECT_EQ(boot.filter.priority, 999);
}

TEST(DumpsysParser, ReadsPreferredActivitiesWithSetMatchAndAlways) {
    const DumpsysCapture capture = parseOk(kFilteredDump);
    EXPECT_TRUE(capture.hasPreferredSection);
    ASSERT_EQ(capture.preferred.size(), 1u);
    const CapturedPreferred& entry = capture.preferred[0];
    EXPECT_EQ(entry.user, 0);
    EXPECT_EQ(entry.component.flattenToShortString(), "com.amazon.firelauncher/.Launcher");
    ASSERT_EQ(entry.set.size(), 2u);
    EXPECT_EQ(entry.set[1].flattenToShortString(), "com.android.settings/.FallbackHome");
    EXPECT_EQ(entry.match, 0x100000);
    EXPECT_EQ(entry.always, true);
    EXPECT_TRUE(entry.filter.hasCategory("android.intent.category.HOME"));
    EXPECT_FALSE(entry.filter.autoVerify);
}

TEST(DumpsysParser, ReadsPackageFlagsUsersAndComponentOverrides) {
    const DumpsysCapture capture = parseOk(kFilteredDump);
    ASSERT_EQ(capture.packages.size(), 2u);
    const DumpsysPackage& launcher = capture.packages[0];
    EXPECT_EQ(launcher.name, "com.amazon.firelauncher");
    EXPECT_EQ(launcher.codePath, "/system/priv-app/com.amazon.firelauncher");
    EXPECT_TRUE(launcher.system);
    EXPECT_TRUE(launcher.privileged);
    EXPECT_FALSE(launcher.updatedSystemApp);
    EXPECT_EQ(launcher.targetSdk, 28);
    ASSERT_EQ(launcher.users.size(), 2u);
    const DumpsysUserState* user0 = launcher.user(0);
    ASSERT_NE(user0, nullptr);
    EXPECT_EQ(user0->enabled, 3);
    EXPECT_EQ(user0->disabledComponents,
              (std::vector<std::string>{"com.amazon.firelauncher.Cleaner$Service"}));
    EXPECT_EQ(user0->enabledComponents,
              (std::vector<std::string>{"androidx.work.impl.RescheduleReceiver"}));
    EXPECT_FALSE(launcher.user(10)->installed);
    EXPECT_TRUE(capture.packages[1].updatedSystemApp);
    ASSERT_EQ(capture.hiddenSystemPackages.size(), 1u);
    EXPECT_EQ(capture.hiddenSystemPackages[0].codePath, "/system/priv-app/com.amazon.avod");
}

// Issue 13: the caller rules' facts a dump states (device-formats 3.1): the app id, as `userId=`
// up to Android 9 and `appId=` later, the installer (`installerPackageName=`, "null" for none)
// and the user's `suspended=`.
TEST(DumpsysParser, ReadsTheAppIdInstallerAndSuspendedStateOfEachPackage) {
    const DumpsysCapture capture = parseOk(R"(Packages:
  Package [com.example.a] (1a):
    appId=10100
    codePath=/data/app/~~x==/com.example.a-y==
    installerPackageName=com.android.vending
    User 0: ceDataInode=1 installed=true hidden=false suspended=true distractionFlags=0 stopped=false notLaunched=false enabled=0
  Package [com.example.b] (2b):
    userId=1000 gids=[3003]
    installerPackageName=null
    User 0: ceDataInode=2 installed=true hidden=false suspended=false stopped=false notLaunched=false enabled=0
)");
    ASSERT_EQ(capture.packages.size(), 2u);
    const DumpsysPackage& a = capture.packages[0];
    EXPECT_EQ(a.appId, 10100);
    EXPECT_EQ(a.installer, std::optional<std::string>("com.android.vending"));
    EXPECT_TRUE(a.user(0)->suspended);
    const DumpsysPackage& b = capture.packages[1];
    EXPECT_EQ(b.appId, 1000);
    EXPECT_FALSE(b.installer.has_value());
    EXPECT_FALSE(b.user(0)->suspended);
}

TEST(DumpsysParser, CountsLinesItDoesNotKnowInsteadOfFailing) {
    EXPECT_GE(parseOk(kFilteredDump).skippedLines, 3u);  // OEM line, userId=, gids=, ...
}

TEST(DumpsysParser, ADumpWithoutFilterDetailsNamesComponentsOnly) {
    const DumpsysCapture capture = parseOk(R"(Activity Resolver Table:
  Non-Data Actions:
      android.intent.action.MAIN:
        6da6813 com.android.settings/.FallbackHome
        2d81506 com.amazon.photos/.Launcher (2 filters)
      android.intent.action.VIEW:
        2d81506 com.amazon.photos/.Launcher (2 filters)
)");
    EXPECT_TRUE(capture.hasResolverTables);
    EXPECT_FALSE(capture.hasFilterDetails);
    EXPECT_TRUE(capture.filters.empty());
    ASSERT_EQ(capture.components.size(), 2u);
    EXPECT_EQ(capture.components[1].component.className, "com.amazon.photos.Launcher");
}

TEST(DumpsysParser, ReadsAndroid12DomainVerification) {
    const DumpsysCapture capture = parseOk(R"(Domain verification status:
  com.example.app:
    ID: 3a1d4c2e-0000-4000-8000-000000000000
    Signatures: [AA:BB]
    Domain verification state:
      example.com: verified
      www.example.com: 1024
    User 0:
      Verification link handling allowed: true
      Selection state:
        Enabled:
          blog.example.com
        Disabled:
          shop.example.com
)");
    ASSERT_EQ(capture.domainVerification.size(), 1u);
    const DomainVerification& state = capture.domainVerification[0];
    EXPECT_EQ(state.packageName, "com.example.app");
    ASSERT_EQ(state.domains.size(), 2u);
    EXPECT_EQ(state.domains[1], (std::pair<std::string, std::string>{"www.example.com", "1024"}));
    ASSERT_EQ(state.users.size(), 1u);
    EXPECT_EQ(state.users[0].linkHandlingAllowed, true);
    EXPECT_EQ(state.users[0].enabledHosts, (std::vector<std::string>{"blog.example.com"}));
    EXPECT_EQ(state.users[0].disabledHosts, (std::vector<std::string>{"shop.example.com"}));
}

TEST(DumpsysParser, TextThatIsNoDumpIsRefusedWithItsReason) {
    Result<DumpsysCapture> capture = parseDumpsysPackageText("hello\nworld\n", "notes.txt");
    ASSERT_FALSE(capture.has_value());
    EXPECT_EQ(capture.error().toString(),
              "notes.txt:1:1: not a 'dumpsys package' output: no section such as 'Packages:', "
              "'Activity Resolver Table:' or 'Preferred Activities User 0:'");
}

TEST(DumpsysParser, BinaryGarbageIsRefusedAtItsFirstNulByte) {
    std::string garbage = "Packages:\n  Package [x] (1):\nab";
    garbage += '\0';
    garbage += "\x89PNG";
    Result<DumpsysCapture> capture = parseDumpsysPackageText(garbage, "dumpsys.txt");
    ASSERT_FALSE(capture.has_value());
    EXPECT_EQ(capture.error().toString(),
              "dumpsys.txt:3:3: binary data (a NUL byte), not a 'dumpsys package' output");
}

TEST(DumpsysParser, ALineLongerThanTheCapIsRefused) {
    std::string text = "Packages:\n";
    text.append(adb::kMaxCaptureLineBytes + 10, 'x');
    Result<DumpsysCapture> capture = parseDumpsysPackageText(text, "dumpsys.txt");
    ASSERT_FALSE(capture.has_value());
    EXPECT_EQ(capture.error().toString(),
              "dumpsys.txt:2:1: line longer than 1 MiB: not a 'dumpsys package' output");
}

TEST(DumpsysParser, ReadsTheRealAndroid71CaptureWithoutFilters) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<DumpsysCapture> capture =
        readDumpsysPackage(kSnapshots / "android7.1-rk322x-tvbox" / "dumpsys-package.txt");
    ASSERT_TRUE(capture.has_value()) << capture.error().toString();
    EXPECT_EQ(capture->sdkVersion, 25);
    EXPECT_EQ(capture->packages.size(), 84u);  // "Read completed successfully: 84 packages"
    EXPECT_FALSE(capture->hasFilterDetails);
    EXPECT_FALSE(capture->hasPreferredSection);
    // "App verification status" + "App linkages for user 0" (pre-12 domain state).
    ASSERT_FALSE(capture->legacyLinks.empty());
    const LegacyLinkState& linkage = capture->legacyLinks.back();
    EXPECT_EQ(linkage.packageName, "com.android.vending");
    EXPECT_EQ(linkage.user, 0);
    EXPECT_EQ(linkage.status, "always");
    EXPECT_EQ(linkage.generation, 1);
    bool provisionDisabled = false;
    for (const DumpsysPackage& package : capture->packages) {
        if (const DumpsysUserState* user = package.user(0)) {
            for (const std::string& name : user->disabledComponents) {
                provisionDisabled |= name == "com.android.provision.DefaultActivity";
            }
        }
    }
    EXPECT_TRUE(provisionDisabled);
}

TEST(DumpsysParser, ReadsTheRealFireOs7FullDump) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<DumpsysCapture> capture = readDumpsysPackage(kSnapshots / "android9-fireos7-trona" /
                                                        "before" / "package_full_dump.stdout.txt");
    ASSERT_TRUE(capture.has_value()) << capture.error().toString();
    EXPECT_EQ(capture->sdkVersion, 28);
    // "Read completed successfully: 220 packages": 219 installed + com.amazon.avod's original.
    EXPECT_EQ(capture->packages.size(), 219u);
    ASSERT_EQ(capture->preferred.size(), 1u);
    EXPECT_EQ(capture->preferred[0].component.flattenToShortString(),
              "com.amazon.firelauncher/.Launcher");
    EXPECT_EQ(capture->preferred[0].set.size(), 3u);
    ASSERT_EQ(capture->hiddenSystemPackages.size(), 1u);
    EXPECT_EQ(capture->hiddenSystemPackages[0].name, "com.amazon.avod");
    EXPECT_FALSE(capture->hasFilterDetails);  // captured without -f
}

// The Fire OS 7 dump (Android 9) says userId= for every package and installerPackageName= for
// the ones an app store or the OTA service installed.
TEST(DumpsysParser, ReadsTheFireOs7AppIdsAndInstallers) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<DumpsysCapture> capture = readDumpsysPackage(kSnapshots / "android9-fireos7-trona" /
                                                        "before" / "package_full_dump.stdout.txt");
    ASSERT_TRUE(capture.has_value()) << capture.error().toString();
    size_t withAppId = 0;
    std::map<std::string, std::string> installers;
    for (const DumpsysPackage& package : capture->packages) {
        if (package.appId) ++withAppId;
        if (package.installer) installers[package.name] = *package.installer;
        if (package.name == "com.amazon.firelauncher") {
            EXPECT_EQ(package.appId, 10120);
        }
        if (package.name == "com.google.android.youtube") {
            EXPECT_EQ(package.appId, 10182);
        }
    }
    EXPECT_EQ(withAppId, capture->packages.size());
    EXPECT_EQ(installers.at("com.google.android.youtube"), "com.aurora.store");
    EXPECT_EQ(installers.at("com.android.vending"), "com.android.vending");
    EXPECT_EQ(installers.count("com.amazon.firelauncher"), 0u);
    EXPECT_EQ(installers.size(), 9u);
}

TEST(DumpsysParser, ReadsTheFireLauncherPackageDumpWithItsClampedPriority) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<DumpsysCapture> capture = readDumpsysPackage(
        kSnapshots / "android9-fireos7-trona" / "before" / "package_firelauncher.stdout.txt");
    ASSERT_TRUE(capture.has_value()) << capture.error().toString();
    EXPECT_TRUE(capture->hasFilterDetails);
    const DumpsysFilter* home = nullptr;
    for (const DumpsysFilter& filter : capture->filters) {
        if (filter.filter.hasCategory("android.intent.category.HOME")) home = &filter;
    }
    ASSERT_NE(home, nullptr);
    EXPECT_EQ(home->component.flattenToShortString(), "com.amazon.firelauncher/.Launcher");
    EXPECT_EQ(home->filter.priority, 50);
    EXPECT_EQ(home->filter.actions.size(), 4u);
}

TEST(DumpsysParser, ReadsTheSamsungAndroid10Excerpt) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<DumpsysCapture> capture =
        readDumpsysPackage(kSnapshots / "android10-samsung-mvt" / "dumpsys-package-excerpt.txt");
    ASSERT_TRUE(capture.has_value()) << capture.error().toString();
    ASSERT_EQ(capture->packages.size(), 2u);
    EXPECT_TRUE(capture->packages[0].system);
    EXPECT_FALSE(capture->packages[0].privileged);
    EXPECT_EQ(capture->packages[0].user(0)->enabled, 0);
}

TEST(DumpsysParser, AUserAppsPriority100IsListedAsTheDeviceClampedIt) {
    SKIP_WITHOUT_SNAPSHOTS();
    // The Fire OS test launcher declares android:priority="100" (test-launcher-variants.tsv); a
    // /data/app app is clamped to 0 (P-1), so its dumped filter has no mPriority line.
    Result<DumpsysCapture> capture =
        readDumpsysPackage(kSnapshots / "android9-fireos7-trona" / "home-priority-p100" /
                           "after_after_install_package_target.stdout.txt");
    ASSERT_TRUE(capture.has_value()) << capture.error().toString();
    ASSERT_EQ(capture->filters.size(), 1u);
    EXPECT_EQ(capture->filters[0].component.flattenToShortString(),
              "org.fireosresearch.home.p100/org.fireosresearch.home.HomeActivity");
    EXPECT_EQ(capture->filters[0].filter.priority, 0);
    ASSERT_EQ(capture->packages.size(), 1u);
    EXPECT_FALSE(capture->packages[0].system);
    EXPECT_TRUE(capture->packages[0].user(0)->stopped);
}

TEST(DumpsysParser, AHugeFileIsRefusedBeforeItIsRead) {
    const fs::path path =
        fs::temp_directory_path() / ("hearth_dumpsys_huge_" + std::to_string(::getpid()) + ".txt");
    { std::ofstream create(path); }
    fs::resize_file(path, std::uintmax_t{2} << 30);  // sparse: 2 GiB without writing them
    Result<DumpsysCapture> capture = readDumpsysPackage(path);
    fs::remove(path);
    ASSERT_FALSE(capture.has_value());
    EXPECT_EQ(capture.error().toString(),
              path.string() +
                  ": file of 2048 MiB, more than the 256 MiB a 'dumpsys package' "
                  "output may be");
}

TEST(DumpsysParser, AStreamLongerThanTheCapStopsAtTheCap) {
    // A pipe or a file that grows: the reader stops at adb::kMaxCaptureBytes, whatever follows.
    struct Endless : std::streambuf {
        std::string line = [] {
            std::string block;
            while (block.size() < (1u << 16)) block += "  a line of an endless capture\n";
            return block;
        }();
        int_type underflow() override {
            setg(line.data(), line.data(), line.data() + line.size());
            return traits_type::to_int_type(line[0]);
        }
    } endless;
    std::istream in(&endless);
    Result<DumpsysCapture> capture = parseDumpsysPackage(in, "pipe");
    ASSERT_FALSE(capture.has_value());
    EXPECT_EQ(capture.error().message,
              "more than 256 MiB: too large for a 'dumpsys package' output");
}

TEST(DumpsysParser, AMissingFileSaysSo) {
    Result<DumpsysCapture> capture = readDumpsysPackage("/nonexistent/dumpsys.txt");
    ASSERT_FALSE(capture.has_value());
    EXPECT_EQ(capture.error().toString(), "/nonexistent/dumpsys.txt: cannot read: no such file or directory");
}

}  // namespace
}  // namespace hearth

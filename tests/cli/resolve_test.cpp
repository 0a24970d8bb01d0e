// hearth resolve, in-process: pm resolve-activity text (spec 6.1), the chooser, preferred
// activities, --json, --explain and exit codes, over samples/devices/browsers and seed; plus one
// smoke run of the real binary.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <algorithm>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::jsonAnswerHeader;
using hearth::testing::runCli;

const std::string kBrowsers = std::string(HEARTH_SAMPLES_DIR) + "/devices/browsers";
const std::string kSeed = std::string(HEARTH_SAMPLES_DIR) + "/devices/seed";
const std::string kAppLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/app-links";
const std::string kLegacyLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/legacy-links";
constexpr const char* kView = "android.intent.action.VIEW";

constexpr const char* kChooserBrief =
    "priority=0 preferredOrder=0 match=0x0 specificIndex=-1 isDefault=false\n"
    "android/com.android.internal.app.ResolverActivity\n";

const std::string kClampNote =
    "; com.android.browser/.BrowserActivity declared 10, clamped to 0 by P-1: privileged app "
    "with protected action 'android.intent.action.VIEW' (only the setup wizard may)";

}  // namespace

TEST(ResolveCommand, TiedBrowsersWithoutPreferenceShowTheChooser) {
    // Row 45: three defaults at priority 0 and the recorded https choice does not match http.
    const CliRun result = runCli({"resolve", kBrowsers, "-a", kView, "-d", "http://news.example.org/",
                               "--brief", "--default-only"});
    EXPECT_EQ(result.code, 3);
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(result.out, kChooserBrief);
}

TEST(ResolveCommand, RecordedAlwaysChoiceAnswersHttpsLinks) {
    const CliRun result = runCli({"resolve", kBrowsers, "-a", kView, "-d", "https://news.example.org/",
                               "--brief", "--default-only"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true\n"
              "com.example.alpha/.BrowserActivity\n");
}

TEST(ResolveCommand, PathLevelMatchOnlyOrdersTheListAndVoidsTheSchemeLevelChoice) {
    // Rows 47 and 56: Beta leads the list at PATH, C-3 ignores match, and the entry recorded at
    // SCHEME no longer applies (P-8).
    const CliRun result =
        runCli({"resolve", kBrowsers, "-a", kView, "-d", "https://example.com/docs/intro", "--json"});
    EXPECT_EQ(result.code, 3);
    const std::string dir = kBrowsers;
    EXPECT_EQ(
        result.out,
        "{\n" +
        jsonAnswerHeader("browsers", 34, "android.intent.action.VIEW",
                         "https://example.com/docs/intro") +
        R"(  "outcome": "chooser",
  "component": "android/com.android.internal.app.ResolverActivity",
  "rule": "C-6",
  "reason": "C-6: top two tie at priority 0, default, no preferred activity; preferred[0] (com.example.alpha/.BrowserActivity at )" +
            dir +
            R"(/device.json:16) was recorded at match 0x200000 but the best match now is 0x500000, so it is skipped (P-8); the chooser shows 3 activities)" +
            kClampNote + R"(",
  "candidates": [
    {
      "component": "com.example.beta/.BrowserActivity",
      "package": "com.example.beta",
      "class": "com.example.beta.BrowserActivity",
      "priority": 0,
      "declaredPriority": 0,
      "preferredOrder": 0,
      "match": "0x508000",
      "isDefault": true,
      "system": false,
      "kind": "activity",
      "filter": {
        "file": ")" +
            dir + R"(/beta/AndroidManifest.xml",
        "line": 14,
        "column": 13
      }
    },
    {
      "component": "com.android.browser/.BrowserActivity",
      "package": "com.android.browser",
      "class": "com.android.browser.BrowserActivity",
      "priority": 0,
      "declaredPriority": 10,
      "preferredOrder": 0,
      "match": "0x208000",
      "isDefault": true,
      "system": true,
      "kind": "activity",
      "filter": {
        "file": ")" +
            dir + R"(/platform/AndroidManifest.xml",
        "line": 18,
        "column": 13
      }
    },
    {
      "component": "com.example.alpha/.BrowserActivity",
      "package": "com.example.alpha",
      "class": "com.example.alpha.BrowserActivity",
      "priority": 0,
      "declaredPriority": 0,
      "preferredOrder": 0,
      "match": "0x208000",
      "isDefault": true,
      "system": false,
      "kind": "activity",
      "filter": {
        "file": ")" +
            dir + R"(/alpha/AndroidManifest.xml",
        "line": 16,
        "column": 13
      }
    }
  ],
  "preferred": null,
  "preferredChanges": []
}
)");
}

TEST(ResolveCommand, ExplainAllTellsWhyTheWinnerWonAndWhyEachOtherAppLost) {
    const CliRun result = runCli({"resolve", kBrowsers, "-a", kView, "-d", "https://news.example.org/",
                               "--components", "--explain=all"});
    EXPECT_EQ(result.code, 0);
    const std::string dir = kBrowsers;
    EXPECT_EQ(result.out,
              "com.example.alpha/.BrowserActivity\n"
              "\n"
              "Outcome: activity (com.example.alpha/.BrowserActivity)\n"
              "Why: P-8: preferred activity preferred[0] (com.example.alpha/.BrowserActivity at " +
                  dir +
                  "/device.json:16) recorded for this intent; C-4: top two tie at priority 0" +
                  kClampNote +
                  "\n"
                  "Candidates (Android's order, R-9):\n"
                  "  #0 com.android.browser/.BrowserActivity  priority=0 match=0x208000 "
                  "isDefault=true system=true  (" +
                  dir +
                  "/platform/AndroidManifest.xml:18:13) [declared priority 10]\n"
                  "  #1 com.example.alpha/.BrowserActivity  priority=0 match=0x208000 "
                  "isDefault=true system=false  (" +
                  dir +
                  "/alpha/AndroidManifest.xml:16:13) — after #0: system app first\n"
                  "  #2 com.example.beta/.BrowserActivity  priority=0 match=0x208000 "
                  "isDefault=true system=false  (" +
                  dir +
                  "/beta/AndroidManifest.xml:20:13) — after #1: package name "
                  "'com.example.alpha' < 'com.example.beta'\n"
                  "After the query (W-3):\n"
                  "  W-24: not a domain-verification intent (categories or flags), so the apps "
                  "stay and the browsers join (W-26)\n"
                  "  kept com.android.browser/.BrowserActivity, com.example.alpha/.BrowserActivity, "
                  "com.example.beta/.BrowserActivity — W-14: a browser; not a domain-verification "
                  "intent (W-24), and every browser stays: the user chose no default browser "
                  "('roles.browser': null)\n"
                  "Not candidates:\n"
                  "  com.example.gamma/.BrowserActivity: not a candidate — R-8: the filter "
                  "matches (0x208000) but it is disabled on the device ('disabledComponents') (" +
                  dir +
                  "/gamma/AndroidManifest.xml:12:13)\n"
                  "  com.example.mail/.Compose: not a candidate — M-3: action "
                  "'android.intent.action.VIEW' is not in the filter's actions [SENDTO] (" +
                  dir + "/mail/AndroidManifest.xml:12:13)\n");
}

TEST(ResolveCommand, DefaultOutputDumpsTheChosenActivity) {
    const CliRun result =
        runCli({"resolve", kBrowsers, "-a", kView, "-d", "https://news.example.org/"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, R"(Filter:
  Action: "android.intent.action.VIEW"
  Category: "android.intent.category.DEFAULT"
  Category: "android.intent.category.BROWSABLE"
  Scheme: "http"
  Scheme: "https"
  mPriority=0, mOrder=0, mHasPartialTypes=false
priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
ActivityInfo:
  name=com.example.alpha.BrowserActivity
  packageName=com.example.alpha
  nonLocalizedLabel=Alpha
  enabled=true exported=true directBootAware=false
  processName=com.example.alpha
  launchMode=standard
  source=)" + kBrowsers + R"(/alpha/AndroidManifest.xml:8:9
  filter=)" + kBrowsers + R"(/alpha/AndroidManifest.xml:16:13
)");
}

TEST(ResolveCommand, ChooserDefaultOutputNamesTheResolverActivityAndWhatItLists) {
    const CliRun result = runCli({"resolve", kBrowsers, "-a", kView, "-d", "http://x/"});
    EXPECT_EQ(result.code, 3);
    EXPECT_EQ(result.out,
              "priority=0 preferredOrder=0 match=0x0 specificIndex=-1 isDefault=false\n"
              "ActivityInfo:\n"
              "  name=com.android.internal.app.ResolverActivity\n"
              "  packageName=android\n"
              "Chooser lists 3 activities: com.android.browser/.BrowserActivity, "
              "com.example.alpha/.BrowserActivity, com.example.beta/.BrowserActivity\n");
}

TEST(ResolveCommand, NothingFound) {
    const CliRun result = runCli({"resolve", kBrowsers, "-a", "com.example.NONE"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out, "No activity found\n");
    const CliRun json = runCli({"resolve", kBrowsers, "-a", "com.example.NONE", "--json"});
    EXPECT_EQ(json.code, 4);
    EXPECT_EQ(json.out, "{\n" +
        jsonAnswerHeader("browsers", 34, "com.example.NONE") +
        R"(  "outcome": "none",
  "component": null,
  "rule": "C-1",
  "reason": "C-1: no activity matches",
  "candidates": [],
  "preferred": null,
  "preferredChanges": []
}
)");
}

TEST(ResolveCommand, ExplicitComponentIgnoresItsFilters) {
    // Q-2: SENDTO is not among Alpha's actions, but -n names it.
    const CliRun result = runCli({"resolve", kBrowsers, "-a", "android.intent.action.SENDTO", "-n",
                               "com.example.alpha/.BrowserActivity", "--brief"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "priority=0 preferredOrder=0 match=0x0 specificIndex=-1 isDefault=false\n"
              "com.example.alpha/.BrowserActivity\n");
    const CliRun disabled =
        runCli({"resolve", kBrowsers, "-n", "com.example.gamma/.BrowserActivity", "--brief"});
    EXPECT_EQ(disabled.code, 4);
    EXPECT_EQ(disabled.out, "No activity found\n");
}

TEST(ResolveCommand, SeedWebLinkJsonGivesAndroidsAnswer) {
    const CliRun result =
        runCli({"resolve", kSeed, "-a", kView, "-d", "https://example.com/x", "--json"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(result.out, "{\n" +
        jsonAnswerHeader("seed", 8, "android.intent.action.VIEW", "https://example.com/x") +
        R"(  "outcome": "activity",
  "component": "com.android.browser/.BrowserActivity",
  "rule": "C-2",
  "reason": "C-2: only one activity matches",
  "candidates": [
    {
      "component": "com.android.browser/.BrowserActivity",
      "package": "com.android.browser",
      "class": "com.android.browser.BrowserActivity",
      "priority": 0,
      "declaredPriority": 0,
      "preferredOrder": 0,
      "match": "0x208000",
      "isDefault": true,
      "system": true,
      "kind": "activity",
      "filter": {
        "file": ")" + kSeed + R"(/browser/AndroidManifest.xml",
        "line": 30,
        "column": 13
      }
    }
  ],
  "preferred": null,
  "preferredChanges": []
}
)");
}

TEST(ResolveCommand, SeedWebLinkExplainAllSaysWhyEachOtherAppLost) {
    const CliRun result = runCli({"resolve", kSeed, "-a", kView, "-d", "https://example.com/x",
                               "--components", "--explain=all"});
    EXPECT_EQ(result.code, 0);
    const std::string dir = kSeed;
    EXPECT_EQ(
        result.out,
        "com.android.browser/.BrowserActivity\n"
        "\n"
        "Outcome: activity (com.android.browser/.BrowserActivity)\n"
        "Why: C-2: only one activity matches\n"
        "Candidates (Android's order, R-9):\n"
        "  #0 com.android.browser/.BrowserActivity  priority=0 match=0x208000 isDefault=true "
        "system=true  (" +
            dir +
            "/browser/AndroidManifest.xml:30:13)\n"
            "Not candidates:\n"
            "  com.android.launcher/.Launcher: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [MAIN] (" +
            dir +
            "/launcher/AndroidManifest.xml:34:13)\n"
            "  com.android.launcher/.WallpaperChooser: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [SET_WALLPAPER] (" +
            dir +
            "/launcher/AndroidManifest.xml:47:13)\n"
            "  com.example.first/.FirstAppActivity: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [MAIN] (" +
            dir +
            "/first/AndroidManifest.xml:27:13)\n"
            "  com.example.first/.SettingsActivity: not a candidate — Q-2: it declares no "
            "<intent-filter>: only an explicit intent (-n) reaches it\n"
            "  com.android.browser/.ReaderActivity: not a candidate — M-14: host "
            "'example.com' matches none of the filter's hosts [news.example.com, "
            "*.news.example.com:8443] (" +
            dir +
            "/browser/AndroidManifest.xml:66:13)\n"
            "  com.android.browser/.BrowserBookmarksPage: not a candidate — Q-2: it "
            "declares no <intent-filter>: only an explicit intent (-n) reaches it\n"
            "  com.android.browser/.ShortcutBookmarksPage: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [CREATE_SHORTCUT] (" +
            dir +
            "/browser/AndroidManifest.xml:85:13)\n"
            "  com.android.gallery/.GalleryPicker: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [MAIN] (" +
            dir +
            "/gallery/AndroidManifest.xml:18:13)\n"
            "  com.android.gallery/.ViewImage: not a candidate — M-10: a filter with only "
            "MIME types accepts no data or content:, file: URIs, but the intent has data "
            "'https://example.com/x' (" +
            dir +
            "/gallery/AndroidManifest.xml:28:13)\n"
            "  com.android.gallery/.ImageGallery: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [GET_CONTENT] (" +
            dir +
            "/gallery/AndroidManifest.xml:40:13)\n"
            "  com.android.gallery/.CropImage: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions "
            "[com.android.camera.action.CROP] (" +
            dir +
            "/gallery/AndroidManifest.xml:58:13)\n"
            "  com.android.contacts/.DialtactsActivity: not a candidate — M-9: scheme 'https' "
            "is not in the filter's schemes [tel] (" +
            dir +
            "/dialer/AndroidManifest.xml:30:13)\n"
            "  com.android.contacts/.OutgoingCallActivity: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [CALL] (" +
            dir +
            "/dialer/AndroidManifest.xml:44:13)\n"
            "  com.android.email/.activity.Welcome: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [MAIN] (" +
            dir +
            "/mail/AndroidManifest.xml:18:13)\n"
            "  com.android.email/.activity.MessageCompose: not a candidate — M-9: scheme "
            "'https' is not in the filter's schemes [mailto] (" +
            dir + "/mail/AndroidManifest.xml:28:13)\n");
}

TEST(ResolveCommand, SeedHomeOnStockAndroid2IsTheLauncher) {
    // Only the stock Launcher answers MAIN + HOME; FirstApp answers HOME_FIRST (spec 5.7).
    const CliRun home = runCli({"resolve", kSeed, "-a", "android.intent.action.MAIN", "-c",
                             "android.intent.category.HOME", "--brief", "--default-only"});
    EXPECT_EQ(home.code, 0);
    EXPECT_EQ(home.out,
              "priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=true\n"
              "com.android.launcher/.Launcher\n");
    const CliRun first =
        runCli({"resolve", kSeed, "-a", "android.intent.action.MAIN", "-c",
             "android.intent.category.HOME_FIRST", "--components", "--default-only"});
    EXPECT_EQ(first.code, 0);
    EXPECT_EQ(first.out, "com.example.first/.FirstAppActivity\n");
}

TEST(ResolveCommand, KindServicePicksTheFirstResult) {
    const CliRun result = runCli({"resolve", kSeed, "--kind", "receiver", "-a",
                               "android.intent.action.BOOT_COMPLETED", "--json"});
    EXPECT_EQ(result.code, 0);
    EXPECT_NE(result.out.find("\"component\": \"com.example.first/.BootReceiver\""),
              std::string::npos);
    EXPECT_NE(result.out.find("\"rule\": \"R-9\""), std::string::npos);
}

TEST(ResolveCommand, DeviceJsonWarningsAreAlwaysShown) {
    // Issue 13: a typo in the user's own device.json is shown, not hidden behind a count.
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("hearth-resolve-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "device.json") << R"({
  "packages": [ { "manifest": ")" << kBrowsers
                                       << R"(/alpha/AndroidManifest.xml" } ],
  "preferred": [ { "component": "com.example.alpha/.BrowserActivity",
                   "action": "android.intent.action.VIEW", "set": [], "match": 0 } ]
})";
    const std::string warning = (dir / "device.json").string() +
                                ":3:18: warning: 'preferred[0]' has no category "
                                "'android.intent.category.DEFAULT', so it never matches a "
                                "startActivity resolution (MATCH_DEFAULT_ONLY, R-7)\n";
    const CliRun plain =
        runCli({"resolve", dir.string(), "-a", kView, "-d", "http://x/", "--components"});
    EXPECT_EQ(plain.code, 0);
    EXPECT_EQ(plain.err, warning);
    const CliRun shown = runCli(
        {"resolve", dir.string(), "-a", kView, "-d", "http://x/", "--components", "--warnings"});
    EXPECT_EQ(shown.err, warning);
    std::filesystem::remove_all(dir);
}

TEST(ResolveCommand, ManifestWarningsAreCountedOrShown) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("hearth-resolve-warn-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "a");
    std::ofstream(dir / "a" / "AndroidManifest.xml")
        << R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.a">
  <application>
    <activity android:name=".A" android:exported="true">
      <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <action android:name="android.intent.action.VIEW" />
        <category android:name="android.intent.category.DEFAULT" />
        <data android:scheme="http" />
      </intent-filter>
    </activity>
  </application>
</manifest>
)";
    const CliRun counted =
        runCli({"resolve", dir.string(), "-a", kView, "-d", "http://x/", "--components"});
    EXPECT_EQ(counted.code, 0);
    EXPECT_EQ(counted.err,
              "hearth resolve: 1 warning while loading the device (--warnings shows them)\n");
    const CliRun shown = runCli(
        {"resolve", dir.string(), "-a", kView, "-d", "http://x/", "--components", "--warnings"});
    EXPECT_NE(shown.err.find(":6:9: warning: duplicate"), std::string::npos) << shown.err;
    const CliRun all = runCli({"resolve", dir.string(), "-a", kView, "-d", "http://x/",
                               "--components", "--warnings=all"});
    EXPECT_EQ(all.err, shown.err);
    const CliRun none = runCli({"resolve", dir.string(), "-a", kView, "-d", "http://x/",
                                "--components", "--warnings=none"});
    EXPECT_EQ(none.code, 0);
    EXPECT_EQ(none.err, "");
    EXPECT_EQ(none.out, counted.out);
    const CliRun typo = runCli({"resolve", dir.string(), "-a", kView, "-d", "http://x/",
                                "--warnings=some"});
    EXPECT_EQ(typo.code, 2);
    EXPECT_NE(typo.err.find("--warnings"), std::string::npos) << typo.err;
    std::filesystem::remove_all(dir);
}

TEST(ResolveCommand, RefusedPackageIsAnErrorLineAndTheRestResolves) {
    // Issue 12's done-when: a targetSdk-33 manifest without android:exported is refused (S-1).
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("hearth-resolve-refused-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "old");
    std::filesystem::create_directories(dir / "ok");
    const auto write = [&](const char* folder, const char* package, const char* exported,
                           const char* sdk) {
        std::ofstream(dir / folder / "AndroidManifest.xml")
            << "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\""
            << package << "\">\n  <uses-sdk android:targetSdkVersion=\"" << sdk
            << "\" />\n  <application>\n    <activity android:name=\".A\"" << exported
            << ">\n      <intent-filter>\n        <action "
               "android:name=\"android.intent.action.SEND\" />\n        <category "
               "android:name=\"android.intent.category.DEFAULT\" />\n      </intent-filter>\n    "
               "</activity>\n  </application>\n</manifest>\n";
    };
    write("old", "com.example.old", "", "33");
    write("ok", "com.example.ok", " android:exported=\"true\"", "34");
    const CliRun run = runCli({"resolve", dir.string(), "-a", "android.intent.action.SEND",
                               "--components"});
    EXPECT_EQ(run.code, 0);
    EXPECT_EQ(run.out, "com.example.ok/.A\n");
    const std::string oldFile = (dir / "old" / "AndroidManifest.xml").string();
    EXPECT_EQ(run.err,
              oldFile +
                  ":4:5: error: package 'com.example.old' not installed: "
                  "INSTALL_PARSE_FAILED_MANIFEST_MALFORMED: com.example.old.A: Targeting S+ "
                  "(version 31 and above) requires that an explicit value for android:exported be "
                  "defined when intent filters are present (S-1)\n"
                  "hearth resolve: 1 package not installed (errors above); the rest of the device "
                  "is loaded (--strict fails instead)\n"
                  "hearth resolve: 1 warning while loading the device (--warnings shows them)\n");
    const CliRun strict = runCli({"resolve", dir.string(), "-a", "android.intent.action.SEND",
                                  "--components", "--strict"});
    EXPECT_EQ(strict.code, 1);
    EXPECT_EQ(strict.out, "");
    EXPECT_EQ(strict.err.rfind(oldFile + ":4:5: ", 0), 0u) << strict.err;
    std::filesystem::remove_all(dir);
}

TEST(ResolveCommandError, MalformedComponentIsAUsageError) {
    const CliRun result = runCli({"resolve", kBrowsers, "-n", "nonsense"});
    EXPECT_EQ(result.code, 2);
    EXPECT_EQ(result.err, "hearth resolve: Bad component name: nonsense\n");
}

TEST(ResolveCommandError, BrokenDeviceJsonIsBadInputWithItsPosition) {
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("hearth-resolve-broken-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "device.json") << "{\n  \"packages\": [],\n  \"api\": \"34\"\n}\n";
    const CliRun result = runCli({"resolve", dir.string(), "-a", kView});
    EXPECT_EQ(result.code, 1);
    EXPECT_EQ(result.err, (dir / "device.json").string() +
                              ":3:10: 'api' must be a whole number, got the string \"34\"\n");
    std::filesystem::remove_all(dir);
}

TEST(ResolveCommand, HelpDocumentsExitCodes) {
    const CliRun result = runCli({"resolve", "--help"});
    EXPECT_EQ(result.code, 0);
    EXPECT_NE(result.out.find("Exit codes: 0 one activity, 3 the chooser (ResolverActivity) would "
                              "be shown, 4 nothing found,"),
              std::string::npos);
    EXPECT_NE(result.out.find("--default-only"), std::string::npos);
}

TEST(ResolveBinary, SmokeRunOfTheRealExecutable) {
    const std::string command = std::string(HEARTH_BINARY) + " resolve '" + kBrowsers +
                                "' -a android.intent.action.VIEW -d http://x/ --components";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    ASSERT_NE(pipe, nullptr);
    std::string out;
    char buffer[256];
    while (fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    const int status = pclose(pipe.release());
    EXPECT_EQ(WEXITSTATUS(status), 3);
    EXPECT_EQ(out, "android/com.android.internal.app.ResolverActivity\n");
}

// ---- web links through the whole pipeline (W-3): samples/devices/app-links and legacy-links ----

namespace {

CliRun resolveLink(const std::string& device, const std::string& url,
                   std::vector<std::string> extra = {"--default-only"}) {
    std::vector<std::string> args = {"resolve", device, "-a", kView, "-c",
                                     "android.intent.category.BROWSABLE", "-d", url,
                                     "--components"};
    args.insert(args.end(), extra.begin(), extra.end());
    return runCli(args);
}

}  // namespace

TEST(ResolveCommand, W25AVerifiedAppOpensItsLinkDirectlyWithMatchDefaultOnly) {
    const CliRun result = resolveLink(kAppLinks, "https://news.example.com/today");
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, "com.example.news/.ArticleActivity\n");
}

TEST(ResolveCommand, W26AnUnverifiedAppGivesWayToTheDefaultBrowser) {
    const CliRun result = resolveLink(kAppLinks, "https://shop.example.com/cart");
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, "com.example.chromium/.BrowserActivity\n");
}

TEST(ResolveCommand, W23Step8AHostTheUserSelectedOpensItsApp) {
    const CliRun result = resolveLink(kAppLinks, "https://blog.example.org/post/1");
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, "com.example.blog/.PostActivity\n");
}

TEST(ResolveCommand, W21ADeniedDomainGivesWayToTheDefaultBrowser) {
    const CliRun result = resolveLink(kAppLinks, "https://social.example.net/u/1");
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, "com.example.chromium/.BrowserActivity\n");
}

TEST(ResolveCommand, E13WithFlags0TheVerifiedAppAndTheDefaultBrowserTie) {
    const CliRun result = resolveLink(kAppLinks, "https://news.example.com/today", {});
    EXPECT_EQ(result.code, 3);
    EXPECT_EQ(result.out, "android/com.android.internal.app.ResolverActivity\n");
}

TEST(ResolveCommand, ExplainNamesTheWRuleThatRemovedTheUnverifiedApp) {
    const CliRun result =
        resolveLink(kAppLinks, "https://shop.example.com/cart", {"--default-only", "--explain"});
    EXPECT_EQ(result.code, 0);
    EXPECT_NE(result.out.find("Why: C-2: only one activity is left; W-26: no app is approved for "
                              "'shop.example.com', so Android 12+ keeps only the browsers\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("  com.example.shop/.ProductActivity: not a candidate — W-26: not "
                              "approved for 'shop.example.com' (state none, not selected): "
                              "Android 12+ keeps only browsers (W-26)"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("  com.example.firefly/.BrowserActivity: not a candidate — W-14: "),
              std::string::npos)
        << result.out;
}

TEST(ResolveCommand, W13LegacyLinkStatusesDecideOnAndroid9) {
    EXPECT_EQ(resolveLink(kLegacyLinks, "https://maps.example.com/place").out,
              "com.example.maps/.MapActivity\n");
    EXPECT_EQ(resolveLink(kLegacyLinks, "https://music.example.com/song").out,
              "com.example.browser1/.BrowserActivity\n");
    const CliRun alwaysAsk = resolveLink(kLegacyLinks, "https://video.example.com/clip");
    EXPECT_EQ(alwaysAsk.code, 3);
    EXPECT_EQ(alwaysAsk.out, "android/com.android.internal.app.ResolverActivity\n");
}

// ---- --caller (android-modern.md §3, §4) -----------------------------------------------------------

TEST(ResolveCommand, V10_ACallerAppThatSeesOneHandlerGetsItWhereTheShellGetsTheChooser) {
    const std::string callers = std::string(HEARTH_SAMPLES_DIR) + "/devices/callers";
    const std::vector<std::string> geo = {"resolve", callers, "-a", kView, "-d", "geo:0,0",
                                          "--brief"};
    const CliRun shell = runCli(geo);
    EXPECT_EQ(shell.code, 3) << shell.out << shell.err;
    std::vector<std::string> asNotes = geo;
    // --brief shapes the text; with --json it is refused, so the JSON run leaves it out.
    asNotes.erase(std::find(asNotes.begin(), asNotes.end(), "--brief"));
    asNotes.insert(asNotes.end(), {"--caller", "com.example.notes", "--json", "--explain"});
    const CliRun notes = runCli(asNotes);
    EXPECT_EQ(notes.code, 0) << notes.err;
    EXPECT_NE(notes.out.find("\"component\": \"com.example.maps/.MapActivity\""),
              std::string::npos)
        << notes.out;
    EXPECT_NE(notes.out.find("\"rule\": \"V-10\""), std::string::npos) << notes.out;
}

TEST(ResolveCommand, ExplicitIntentExplainsOnlyTheNamedComponent) {
    // Q-2: -n names one component; the explanation is about it alone, and says what the
    // package has when the class is not there.
    const CliRun result = runCli(
        {"resolve", kBrowsers, "-n", "com.example.alpha/.Nope", "--components", "--explain"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out,
              "No activity found\n"
              "\n"
              "Outcome: none\n"
              "Why: C-1: no activity matches\n"
              "Not candidates (near misses first):\n"
              "  com.example.alpha/.Nope: not a candidate — Q-2: 'com.example.alpha' declares no "
              "activity '.Nope'; it has .BrowserActivity\n");
}

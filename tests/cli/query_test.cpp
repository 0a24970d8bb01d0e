// hearth query, in-process: pm query-activities text (spec 6.2), --brief, --components, --json,
// --explain, option placement, flags and exit codes, over samples/devices/browsers and seed.

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
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
constexpr const char* kView = "android.intent.action.VIEW";

const std::string kThreeBrowsersBrief = R"(3 activities found:
  Activity #0:
    priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
    com.android.browser/.BrowserActivity
  Activity #1:
    priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
    com.example.alpha/.BrowserActivity
  Activity #2:
    priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
    com.example.beta/.BrowserActivity
)";

}  // namespace

TEST(QueryCommand, BriefListsTheBrowsersInAndroidsOrder) {
    // R-9 on API 34: equal priority, default and match, so the system app comes first, then
    // package names; the disabled Gamma is absent (R-8).
    const CliRun result =
        runCli({"query", kBrowsers, "-a", kView, "-d", "http://news.example.org/", "--brief"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(result.out, kThreeBrowsersBrief);
}

TEST(QueryCommand, HearthOptionsAreRecognisedAnywhereAndCategoriesRepeat) {
    const CliRun result =
        runCli({"query", "--brief", kBrowsers, "-c", "android.intent.category.BROWSABLE", "-a", kView,
             "-c", "android.intent.category.DEFAULT", "--default-only", "-d",
             "http://news.example.org/"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, kThreeBrowsersBrief);
    // An intent category no browser lists removes them all (M-5).
    const CliRun extra =
        runCli({"query", kBrowsers, "-a", kView, "-d", "http://news.example.org/", "-c",
             "android.intent.category.BROWSABLE", "-c", "com.example.NONE", "--brief"});
    EXPECT_EQ(extra.code, 4);
    EXPECT_EQ(extra.out, "No activities found\n");
}

TEST(QueryCommand, PathLevelMatchMovesBetaToTheTop) {
    const CliRun result = runCli(
        {"query", kBrowsers, "-a", kView, "-d", "https://example.com/docs/intro", "--components"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "com.example.beta/.BrowserActivity\n"
              "com.android.browser/.BrowserActivity\n"
              "com.example.alpha/.BrowserActivity\n");
}

TEST(QueryCommand, QueryFlagsAreDecodedLikeIntegerDecode) {
    // MATCH_DEFAULT_ONLY removes the LAUNCHER entries, which lack DEFAULT (R-7).
    const std::vector<std::string> launcher = {"query",       kBrowsers,
                                               "-a",          "android.intent.action.MAIN",
                                               "-c",          "android.intent.category.LAUNCHER",
                                               "--components"};
    const CliRun all = runCli(launcher);
    EXPECT_EQ(all.code, 0);
    EXPECT_EQ(all.out,
              "com.android.browser/.BrowserActivity\ncom.example.alpha/.BrowserActivity\n");
    for (const char* flags : {"0x10000", "65536", "#10000", "0200000"}) {
        std::vector<std::string> args = launcher;
        args.insert(args.end(), {"--query-flags", flags});
        const CliRun filtered = runCli(args);
        EXPECT_EQ(filtered.code, 4) << flags;
        EXPECT_EQ(filtered.out, "No activities found\n") << flags;
    }
}

TEST(QueryCommand, DefaultDumpFollowsResolveInfoDump) {
    const CliRun result = runCli({"query", kBrowsers, "-a", kView, "-d",
                               "https://example.com/docs/intro", "-p", "com.example.beta"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, R"(1 activities found:
  Activity #0:
    Filter:
      Action: "android.intent.action.VIEW"
      Category: "android.intent.category.DEFAULT"
      Category: "android.intent.category.BROWSABLE"
      Scheme: "https"
      Authority: "example.com": -1
      Path: "PatternMatcher{PREFIX: /docs}"
      mPriority=0, mOrder=0, mHasPartialTypes=false
    priority=0 preferredOrder=0 match=0x508000 specificIndex=-1 isDefault=true
    ActivityInfo:
      name=com.example.beta.BrowserActivity
      packageName=com.example.beta
      nonLocalizedLabel=Beta
      enabled=true exported=true directBootAware=false
      processName=com.example.beta
      launchMode=standard
      source=)" + kBrowsers + R"(/beta/AndroidManifest.xml:10:9
      filter=)" + kBrowsers + R"(/beta/AndroidManifest.xml:14:13
)");
}

TEST(QueryCommand, JsonListsTheResultsWithTheirFilters) {
    const CliRun result =
        runCli({"query", kBrowsers, "-a", kView, "-d", "https://example.com/docs/intro", "--json",
             "-p", "com.example.beta"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, "{\n" +
        jsonAnswerHeader("browsers", 34, "android.intent.action.VIEW",
                         "https://example.com/docs/intro", "com.example.beta") +
        R"(  "results": [
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
        "file": ")" + kBrowsers +
                              R"(/beta/AndroidManifest.xml",
        "line": 14,
        "column": 13
      }
    }
  ]
}
)");
}

TEST(QueryCommand, JsonWithoutResultsIsAnEmptyList) {
    const CliRun result = runCli({"query", kBrowsers, "-a", "com.example.NONE", "--json"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out, "{\n" +
        jsonAnswerHeader("browsers", 34, "com.example.NONE") +
        R"(  "results": []
}
)");
}

TEST(QueryCommand, ExplainAllOrdersTheCandidatesAndNamesTheRuleForEveryOther) {
    const CliRun result = runCli({"query", kBrowsers, "-a", kView, "-d", "http://news.example.org/",
                               "--components", "--explain=all"});
    EXPECT_EQ(result.code, 0);
    const std::string dir = kBrowsers;
    EXPECT_EQ(
        result.out,
        "com.android.browser/.BrowserActivity\n"
        "com.example.alpha/.BrowserActivity\n"
        "com.example.beta/.BrowserActivity\n"
        "\n"
        "After the query (W-3):\n"
        "  W-24: not a domain-verification intent (categories or flags), so the apps stay and the "
        "browsers join (W-26)\n"
        "  kept com.android.browser/.BrowserActivity, com.example.alpha/.BrowserActivity, "
        "com.example.beta/.BrowserActivity — W-14: a browser; not a domain-verification intent "
        "(W-24), and every browser stays: the user chose no default browser ('roles.browser': "
        "null)\n"
        "Order (R-9):\n"
        "  #0 com.android.browser/.BrowserActivity  priority=0 match=0x208000 "
        "isDefault=true system=true  (" +
            dir +
            "/platform/AndroidManifest.xml:18:13)\n"
            "  #1 com.example.alpha/.BrowserActivity  priority=0 match=0x208000 isDefault=true "
            "system=false  (" +
            dir +
            "/alpha/AndroidManifest.xml:16:13) — after #0: system "
            "app first\n"
            "  #2 com.example.beta/.BrowserActivity  priority=0 match=0x208000 isDefault=true "
            "system=false  (" +
            dir +
            "/beta/AndroidManifest.xml:20:13) — after #1: package "
            "name 'com.example.alpha' < 'com.example.beta'\n"
            "Not candidates:\n"
            "  com.example.gamma/.BrowserActivity: not a candidate — R-8: the filter matches "
            "(0x208000) but it is disabled on the device ('disabledComponents') (" +
            dir +
            "/gamma/AndroidManifest.xml:12:13)\n"
            "  com.example.mail/.Compose: not a candidate — M-3: action "
            "'android.intent.action.VIEW' is not in the filter's actions [SENDTO] (" +
            dir + "/mail/AndroidManifest.xml:12:13)\n");
}

TEST(QueryCommand, ExplainJsonAddsTheRejections) {
    const CliRun result =
        runCli({"query", kBrowsers, "-a", "android.intent.action.SENDTO", "-d",
             "mailto:someone@example.com", "--json", "--explain", "-p", "com.example.gamma"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out, "{\n" +
        jsonAnswerHeader("browsers", 34, "android.intent.action.SENDTO",
                         "mailto:someone@example.com", "com.example.gamma") +
        R"(  "results": [],
  "explain": [
    {
      "component": "com.example.alpha/.BrowserActivity",
      "kind": "activity",
      "rule": "Q-3",
      "reason": "the intent is restricted to package 'com.example.gamma'",
      "nearMiss": false,
      "filter": null
    },
    {
      "component": "com.example.beta/.BrowserActivity",
      "kind": "activity",
      "rule": "Q-3",
      "reason": "the intent is restricted to package 'com.example.gamma'",
      "nearMiss": false,
      "filter": null
    },
    {
      "component": "com.example.gamma/.BrowserActivity",
      "kind": "activity",
      "rule": "M-3",
      "reason": "action 'android.intent.action.SENDTO' is not in the filter's actions [VIEW]",
      "nearMiss": false,
      "filter": {
        "file": ")" + kBrowsers +
                              R"(/gamma/AndroidManifest.xml",
        "line": 12,
        "column": 13
      }
    },
    {
      "component": "com.android.browser/.BrowserActivity",
      "kind": "activity",
      "rule": "Q-3",
      "reason": "the intent is restricted to package 'com.example.gamma'",
      "nearMiss": false,
      "filter": null
    },
    {
      "component": "com.example.mail/.Compose",
      "kind": "activity",
      "rule": "Q-3",
      "reason": "the intent is restricted to package 'com.example.gamma'",
      "nearMiss": false,
      "filter": null
    }
  ]
}
)");
}

TEST(QueryCommand, SeedWebLinkFindsTheBrowserAlone) {
    const CliRun result =
        runCli({"query", kSeed, "-a", kView, "-d", "https://example.com/x", "--brief"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.err, "");
    EXPECT_EQ(result.out, R"(1 activities found:
  Activity #0:
    priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
    com.android.browser/.BrowserActivity
)");
}

TEST(QueryCommand, KindServiceQueriesServices) {
    // The seed's mail service has no filter and is disabled: no service answers its action.
    const CliRun none = runCli({"query", kSeed, "--kind", "service", "-a", "com.example.NONE"});
    EXPECT_EQ(none.code, 4);
    EXPECT_EQ(none.out, "No services found\n");
    const CliRun receivers = runCli({"query", kSeed, "--kind", "receiver", "-a",
                                  "android.intent.action.BOOT_COMPLETED", "--components"});
    EXPECT_EQ(receivers.code, 0);
    EXPECT_EQ(receivers.out, "com.example.first/.BootReceiver\n")
        << "the mail BootReceiver is android:enabled=\"false\" (R-8)";
    const CliRun brief = runCli({"query", kSeed, "--kind", "receiver", "-a",
                              "android.intent.action.BOOT_COMPLETED", "--brief"});
    EXPECT_EQ(brief.out, R"(1 receivers found:
  Receiver #0:
    priority=0 preferredOrder=0 match=0x108000 specificIndex=-1 isDefault=false
    com.example.first/.BootReceiver
)");
}

TEST(QueryCommand, ApiOverrideAppliesThatReleasesRules) {
    // On Android 2.2 the platform browser, a system app, keeps its priority 10 (P-3 clamps only
    // non-system apps); the others keep scan order (four sort keys, R-9).
    const CliRun result = runCli({"query", kBrowsers, "-a", kView, "-d", "http://news.example.org/",
                               "--brief", "--api", "8"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out, R"(3 activities found:
  Activity #0:
    priority=10 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
    com.android.browser/.BrowserActivity
  Activity #1:
    priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
    com.example.alpha/.BrowserActivity
  Activity #2:
    priority=0 preferredOrder=0 match=0x208000 specificIndex=-1 isDefault=true
    com.example.beta/.BrowserActivity
)");
}

// ---- errors and usage
// ----------------------------------------------------------------------------

TEST(QueryCommandError, UnknownIntentOptionIsAUsageError) {
    const CliRun result = runCli({"query", kBrowsers, "-z", "x"});
    EXPECT_EQ(result.code, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "hearth query: Unknown option: -z\n");
}

TEST(QueryCommandError, NoIntentIsAUsageError) {
    const CliRun result = runCli({"query", kBrowsers});
    EXPECT_EQ(result.code, 2);
    EXPECT_EQ(result.err, "hearth query: No intent supplied\n");
}

TEST(QueryCommandError, BadQueryFlags) {
    const CliRun result = runCli({"query", kBrowsers, "-a", kView, "--query-flags", "0xZZ"});
    EXPECT_EQ(result.code, 2);
    EXPECT_EQ(result.err,
              "hearth query: --query-flags expects a number such as 0x10000, got '0xZZ'\n");
}

TEST(QueryCommandError, UnknownKind) {
    const CliRun result = runCli({"query", kBrowsers, "-a", kView, "--kind", "widget"});
    EXPECT_EQ(result.code, 2);
    EXPECT_EQ(result.err,
              "hearth: --kind: widget not in {activity,service,receiver,provider}\n"
              "Run 'hearth --help' for usage.\n");
}

TEST(QueryCommandError, MissingDeviceIsBadInput) {
    const CliRun result = runCli({"query", "/nonexistent/device", "-a", kView});
    EXPECT_EQ(result.code, 1);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "cannot read device '/nonexistent/device': no such file or directory\n");
}

TEST(QueryCommand, HelpDocumentsExitCodesAndExamples) {
    const CliRun result = runCli({"query", "--help"});
    EXPECT_EQ(result.code, 0);
    EXPECT_NE(result.out.find("Exit codes: 0 results found, 4 nothing found"), std::string::npos);
    EXPECT_NE(result.out.find("hearth query samples/devices/browsers -a "
                              "android.intent.action.VIEW"),
              std::string::npos);
    EXPECT_NE(result.out.find("--query-flags"), std::string::npos);
    EXPECT_NE(result.out.find("ActivityInfo lines are"), std::string::npos);
}

// ---- --caller: package visibility and safer intents (android-modern.md §3, §4) ------------------

namespace {

const std::string kCallers = std::string(HEARTH_SAMPLES_DIR) + "/devices/callers";
const std::vector<std::string> kGeo = {"-a", kView, "-d", "geo:47.6,-122.3"};

std::vector<std::string> queryArgs(std::vector<std::string> options) {
    std::vector<std::string> args = {"query", kCallers};
    args.insert(args.end(), options.begin(), options.end());
    return args;
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

}  // namespace

TEST(QueryCommand, V14_TheShellSeesEveryPackageAsPmDoes) {
    const CliRun result = runCli(queryArgs(plus(kGeo, {"--components"})));
    EXPECT_EQ(result.code, 0) << result.err;
    EXPECT_EQ(result.out, "com.example.maps/.MapActivity\ncom.example.viewer/.ViewerActivity\n");
}

TEST(QueryCommand, V10_ACallerAppSeesOnlyWhatItsQueriesMakeVisible) {
    const CliRun result =
        runCli(queryArgs(plus(kGeo, {"--caller", "com.example.notes", "--components"})));
    EXPECT_EQ(result.code, 0) << result.err;
    EXPECT_EQ(result.out, "com.example.maps/.MapActivity\n");
}

TEST(QueryCommand, V10_ExplainNamesTheCallerAndTheRuleThatRemovedACandidate) {
    const CliRun result =
        runCli(queryArgs(plus(kGeo, {"--caller", "com.example.notes", "--explain"})));
    EXPECT_EQ(result.code, 0) << result.err;
    EXPECT_NE(result.out.find(
                  "After the query (W-3):\n  caller 'com.example.notes' (app id 10000, targetSdk "
                  "34): a query sees only the packages V-3..V-9 make visible to it (V-10, V-12); "
                  "the export and filter checks apply by API level (S-3..S-8); it removes "
                  "com.example.viewer/.ViewerActivity (V-10)\n"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find(
                  "  com.example.viewer/.ViewerActivity: not a candidate — V-10: "
                  "'com.example.viewer' is not visible to 'com.example.notes', which targets API "
                  "34: no <queries> entry, QUERY_ALL_PACKAGES request, force-queryable system app, "
                  "relationship (V-8) or run-time interaction (V-9) makes it visible ("),
              std::string::npos)
        << result.out;
}

TEST(QueryCommand, E61_S6_AnExplicitIntentMustMatchAFilterOfATarget33App) {
    const std::vector<std::string> edit = {"-n", "com.example.maps/.MapActivity", "-a",
                                           "android.intent.action.EDIT"};
    const CliRun blocked = runCli(queryArgs(plus(edit, {"--explain"})));
    EXPECT_EQ(blocked.code, 4);
    EXPECT_EQ(blocked.out.substr(0, blocked.out.find("\n\n") + 2), "No activities found\n\n");
    EXPECT_NE(blocked.out.find("  com.example.maps/.MapActivity: not a candidate — S-6: "
                               "'com.example.maps/.MapActivity' has intent filters and none "
                               "matches the explicit intent; Android 13/14 block it because "
                               "'com.example.maps' targets API 33\n"),
              std::string::npos)
        << blocked.out;
    // S-3: the system is exempt.
    const CliRun system = runCli(queryArgs(plus(edit, {"--caller", "system", "--components"})));
    EXPECT_EQ(system.out, "com.example.maps/.MapActivity\n");
}

TEST(QueryCommand, S7_NullActionFindsNothingOnAndroid15WithTheDeviceFlag) {
    const std::vector<std::string> noAction = {"-d", "geo:47.6,-122.3", "--default-only",
                                               "--components"};
    EXPECT_EQ(runCli(queryArgs(noAction)).out,
              "com.example.maps/.MapActivity\ncom.example.viewer/.ViewerActivity\n");
    const CliRun blocked = runCli(queryArgs(plus(noAction, {"--api", "35"})));
    EXPECT_EQ(blocked.code, 4);
    EXPECT_EQ(blocked.out, "No activities found\n");
}

TEST(QueryCommand, CallerMustBeShellSystemRootOrAnInstalledPackage) {
    const CliRun result = runCli(queryArgs(plus(kGeo, {"--caller", "com.example.note"})));
    EXPECT_EQ(result.code, 2);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err,
              "hearth query: --caller expects shell, system, root or a package installed on the "
              "device, got 'com.example.note'; did you mean 'com.example.notes'?\n");
}

// ---- explanations that answer the question (issue 15)

TEST(QueryCommand, ExplainListsNearMissesAndCountsTheRestPerPackage) {
    const CliRun result = runCli({"query", kBrowsers, "-a", kView, "-d", "http://news.example.org/",
                                  "--components", "--explain"});
    EXPECT_EQ(result.code, 0);
    const std::string section = result.out.substr(result.out.find("Not candidates"));
    EXPECT_EQ(section,
              "Not candidates (near misses first):\n"
              "  com.example.gamma/.BrowserActivity: not a candidate — R-8: the filter matches "
              "(0x208000) but it is disabled on the device ('disabledComponents') (" +
                  kBrowsers +
                  "/gamma/AndroidManifest.xml:12:13)\n"
                  "  Far from matching: 1 activity in 1 package (--explain=all lists them, --why "
                  "PKG explains one package)\n"
                  "    com.example.mail: 1 — M-3 ×1\n");
}

TEST(QueryCommand, WhyExplainsOnlyThatPackage) {
    const CliRun result = runCli({"query", kBrowsers, "-a", kView, "-d", "http://news.example.org/",
                                  "--components", "--why", "com.example.mail"});
    EXPECT_EQ(result.code, 0) << result.err;
    const std::string section = result.out.substr(result.out.find("Not candidates"));
    EXPECT_EQ(section, "Not candidates among com.example.mail (near misses first):\n"
                       "  com.example.mail/.Compose: not a candidate — M-3: action "
                       "'android.intent.action.VIEW' is not in the filter's actions [SENDTO] (" +
                           kBrowsers + "/mail/AndroidManifest.xml:12:13)\n");
    // The order lists only the subject's place, and mail is not a candidate.
    EXPECT_NE(result.out.find("Order (R-9):\n  (com.example.mail is not among them)\n"),
              std::string::npos)
        << result.out;
}

TEST(QueryCommand, WhyListsThePackagesNearMissesFirst) {
    // Issue 15's question on the real corpus: "why doesn't K-9 get mailto:?" Of K-9's ~30
    // activities the one that matters (MessageCompose: the filter matches, the activity is
    // disabled, R-8) comes first, before the ones without a filter.
    const std::string corpus = std::string(HEARTH_SHARED_DIR) + "/corpus/manifests";
    if (!std::filesystem::is_directory(corpus)) GTEST_SKIP() << "no corpus at " << corpus;
    const CliRun result = runCli({"query", corpus, "-a", "android.intent.action.SENDTO", "-d",
                                  "mailto:someone@example.com", "--why", "com.fsck.k9",
                                  "--warnings=none"});
    EXPECT_EQ(result.code, 4) << result.err;
    const size_t section =
        result.out.find("Not candidates among com.fsck.k9 (near misses first):\n");
    ASSERT_NE(section, std::string::npos) << result.out;
    const std::string rows = result.out.substr(result.out.find('\n', section) + 1);
    EXPECT_EQ(rows.rfind("  com.fsck.k9/.activity.MessageCompose: not a candidate — R-8: ", 0), 0u)
        << result.out;
}

TEST(QueryCommand, WhyOfACandidateShowsItsPlaceInTheOrder) {
    const CliRun result =
        runCli({"query", kBrowsers, "-a", kView, "-d", "http://news.example.org/", "--components",
                "--why", "com.example.beta/.BrowserActivity"});
    EXPECT_EQ(result.code, 0) << result.err;
    EXPECT_NE(result.out.find("Order (R-9):\n  #2 com.example.beta/.BrowserActivity  priority=0"),
              std::string::npos)
        << result.out;
    EXPECT_NE(result.out.find("Not candidates among com.example.beta/.BrowserActivity: none (each "
                              "is in the list)\n"),
              std::string::npos)
        << result.out;
}

TEST(QueryCommand, WhyOfSomethingNotInstalledIsAUsageErrorWithASuggestion) {
    const CliRun package = runCli({"query", kBrowsers, "-a", kView, "--why", "com.example.mial"});
    EXPECT_EQ(package.code, 2);
    EXPECT_EQ(package.err, "hearth query: --why 'com.example.mial': no package 'com.example.mial' "
                           "is installed; did you mean 'com.example.mail'?\n");
    const CliRun component =
        runCli({"query", kBrowsers, "-a", kView, "--why", "com.example.mail/.Inbox"});
    EXPECT_EQ(component.code, 2);
    EXPECT_EQ(component.err, "hearth query: --why 'com.example.mail/.Inbox': 'com.example.mail' "
                             "declares no activity '.Inbox'; it has .Compose\n");
}

TEST(QueryCommand, TermsNoFilterDeclaresGetADidYouMeanOnStderr) {
    const CliRun result = runCli({"query", kBrowsers, "-a", "android.intent.action.VEIW", "-c",
                                  "BROWSABLE", "-d", "http://x/"});
    EXPECT_EQ(result.code, 4);
    EXPECT_EQ(result.out, "No activities found\n");
    EXPECT_EQ(result.err,
              "hearth query: no filter declares action 'android.intent.action.VEIW'; did you mean "
              "'android.intent.action.VIEW'?\n"
              "hearth query: no filter declares category 'BROWSABLE'; did you mean "
              "'android.intent.category.BROWSABLE'?\n");
}

TEST(QueryCommand, JsonWithBriefOrComponentsIsRefusedNotIgnored) {
    // Both shape pm's text; JSON always carries every field (issue 15: one output contract).
    for (const char* shape : {"--brief", "--components"}) {
        const CliRun result = runCli({"query", kBrowsers, "-a", kView, "--json", shape});
        EXPECT_EQ(result.code, 2) << shape;
        EXPECT_NE(result.err.find(shape), std::string::npos) << result.err;
        EXPECT_EQ(result.out, "");
    }
}

// The caller model and the caller rules: package visibility (V-1..V-12) for queries and the
// safer-intent rules (S-3..S-8) for starts, by API level and device flags. Tests are named after
// the rule or the edge-case row of android-modern.md §7 they check.

#include <gtest/gtest.h>
#include <hearth/caller.h>
#include <hearth/caller_rules.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace hearth;

namespace {

constexpr const char* kMain = "android.intent.action.MAIN";
constexpr const char* kLauncher = "android.intent.category.LAUNCHER";
constexpr int kDefaultOnly = flags::kMatchDefaultOnly;

struct Spec {
    std::string package{};
    int targetSdk = 34;
    std::string body{};     // inside <application>
    std::string outside{};  // inside <manifest>, before <application>
    bool system = false;
    std::optional<std::string> installer{};
    std::optional<int> appId{};
};

// A launcher activity, as every app of these tests has (exported, MAIN/LAUNCHER).
std::string launcher(const std::string& name = ".Main") {
    return "<activity android:name=\"" + name +
           "\" android:exported=\"true\"><intent-filter>"
           "<action android:name=\"android.intent.action.MAIN\"/>"
           "<category android:name=\"android.intent.category.LAUNCHER\"/>"
           "</intent-filter></activity>\n";
}

std::string activity(const std::string& name, bool exported, const std::string& filters) {
    return "<activity android:name=\"" + name + "\" android:exported=\"" +
           (exported ? "true" : "false") + "\">" + filters + "</activity>\n";
}

std::string filterFor(const std::string& action, const std::string& extra = "") {
    return "<intent-filter><action android:name=\"" + action +
           "\"/><category android:name=\"android.intent.category.DEFAULT\"/>" + extra +
           "</intent-filter>";
}

InstalledPackage install(const Spec& spec) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" +
        spec.package + "\">\n<uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"" +
        std::to_string(spec.targetSdk) + "\"/>\n" + spec.outside + "<application>\n" + spec.body +
        "</application>\n</manifest>\n";
    Result<Manifest> manifest = parseManifest(xml, spec.package + "/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString() << "\n" << xml;
    InstalledPackage package;
    if (manifest) package.manifest = std::move(manifest).value();
    package.system = spec.system;
    package.installer = spec.installer;
    package.appId = spec.appId;
    return package;
}

Device makeDevice(int api, const std::vector<Spec>& specs) {
    Device device;
    device.apiLevel = api;
    for (const Spec& spec : specs) device.packages.push_back(install(spec));
    return device;
}

Intent intent(const std::vector<std::string>& args) {
    Result<Intent> parsed = parseIntentArgs(args);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().toString();
    return parsed ? *parsed : Intent{};
}

Caller app(const std::string& package) { return Caller{CallerKind::Package, package}; }

// The components a caller's query or start keeps, in order: the real pipeline (W-3: gather,
// domain filtering, then the caller rules), and what the caller rules removed.
std::vector<std::string> run(const Device& device, const Caller& caller, ResolveMode mode,
                             const Intent& intent, int flags,
                             std::vector<CandidateVerdict>* removed = nullptr) {
    const PackageIndex index(device);
    ResolveRequest request{intent, flags, ComponentKind::Activity, mode};
    request.caller = caller;
    const QueryTrace trace = index.trace(request);
    if (removed) {
        removed->clear();
        for (const CandidateVerdict& verdict : trace.steps.verdicts) {
            const char group = verdict.rule.empty() ? ' ' : verdict.rule.front();
            if (!verdict.kept && (group == 'V' || group == 'S')) removed->push_back(verdict);
        }
    }
    std::vector<std::string> out;
    for (const ResolveInfo& info : trace.results) {
        out.push_back(info.component.flattenToShortString());
    }
    return out;
}

std::vector<std::string> launchers(const Device& device, const Caller& caller) {
    // Launcher filters have no DEFAULT: launchers query with flags 0.
    return run(device, caller, ResolveMode::Query, intent({"-a", kMain, "-c", kLauncher}), 0);
}

const Spec kOther{"com.other", 34, launcher()};
const Spec kStore{"com.store", 34, launcher()};

}  // namespace

// ---- the caller model
// ----------------------------------------------------------------------------

TEST(CallerModel, ParsesShellSystemRootAndInstalledPackages) {
    const Device device = makeDevice(34, {kOther});
    EXPECT_EQ(parseCaller("shell", device)->kind, CallerKind::Shell);
    EXPECT_EQ(parseCaller("system", device)->kind, CallerKind::System);
    EXPECT_EQ(parseCaller("root", device)->kind, CallerKind::Root);
    EXPECT_EQ(parseCaller("com.other", device)->packageName, "com.other");
    const Result<Caller> unknown = parseCaller("com.missing", device);
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().message,
              "--caller expects shell, system, root or a package installed on the device, got "
              "'com.missing'");
}

TEST(CallerModel, AppIdsFollowAndroid) {
    const Device device =
        makeDevice(34, {kOther, Spec{"android", 34, ""},
                        Spec{"com.shared", 34, "", "", false, std::nullopt, 10123}});
    EXPECT_EQ(callerAppId(Caller{CallerKind::Root, {}}, device), 0);
    EXPECT_EQ(callerAppId(Caller{CallerKind::System, {}}, device), 1000);
    EXPECT_EQ(callerAppId(Caller{CallerKind::Shell, {}}, device), 2000);
    EXPECT_EQ(callerAppId(app("com.other"), device), 10000);
    EXPECT_EQ(callerAppId(app("android"), device), 1000);
    EXPECT_EQ(callerAppId(app("com.shared"), device), 10123);
}

TEST(CallerModel, S3_ShellTargetsTheDeviceApiAndAppsTheirManifest) {
    const Device device = makeDevice(33, {Spec{"com.old", 29, launcher()}});
    EXPECT_EQ(callerTargetSdk(Caller{}, device), 33);
    EXPECT_EQ(callerTargetSdk(app("com.old"), device), 29);
    EXPECT_FALSE(bypassesSaferIntentRules(Caller{}, device));
    EXPECT_TRUE(bypassesSaferIntentRules(Caller{CallerKind::System, {}}, device));
    EXPECT_TRUE(bypassesSaferIntentRules(Caller{CallerKind::Root, {}}, device));
}

// ---- V: package visibility
// ------------------------------------------------------------------------

TEST(Visibility, V14_ShellSystemAndRootAreNeverFiltered) {
    const Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}, kOther});
    for (CallerKind kind : {CallerKind::Shell, CallerKind::System, CallerKind::Root}) {
        EXPECT_EQ(launchers(device, Caller{kind, {}}).size(), 2u);
    }
}

TEST(Visibility, E40_V1_CallerTargeting29SeesEveryLauncher) {
    const Device device = makeDevice(34, {Spec{"com.me", 29, launcher()}, kOther});
    EXPECT_EQ(launchers(device, app("com.me")),
              (std::vector<std::string>{"com.me/.Main", "com.other/.Main"}));
}

TEST(Visibility, V1_NothingIsFilteredBeforeAndroid11) {
    const Device device = makeDevice(29, {Spec{"com.me", 30, launcher()}, kOther});
    EXPECT_EQ(launchers(device, app("com.me")).size(), 2u);
}

TEST(Visibility, E41_CallerTargeting30SeesOnlyItselfAndForceQueryableTargets) {
    const Device device = makeDevice(34, {Spec{"com.me", 30, launcher()}, kOther,
                                          Spec{"com.sys.plain", 34, launcher(), "", true},
                                          Spec{"android", 34, launcher(), "", true},
                                          Spec{"com.sys.listed", 34, launcher(), "", true}});
    Device withConfig = device;
    withConfig.sysconfig.forceQueryablePackages = {"com.sys.listed"};
    std::vector<CandidateVerdict> removed;
    EXPECT_EQ(run(withConfig, app("com.me"), ResolveMode::Query,
                  intent({"-a", kMain, "-c", kLauncher}), 0, &removed),
              (std::vector<std::string>{"android/.Main", "com.sys.listed/.Main", "com.me/.Main"}))
        << "system apps first (R-9)";
    ASSERT_EQ(removed.size(), 2u);
    EXPECT_EQ(removed[0].component.flattenToShortString(), "com.sys.plain/.Main");
    EXPECT_EQ(removed[1].rule, "V-10");
    EXPECT_EQ(removed[1].reason,
              "'com.other' is not visible to 'com.me', which targets API 30: no <queries> entry, "
              "QUERY_ALL_PACKAGES request, force-queryable system app, relationship (V-8) or "
              "run-time interaction (V-9) makes it visible");
}

TEST(Visibility, V4_SystemPackagesQueryableMakesEverySystemAppVisible) {
    Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher()}, Spec{"com.sys", 34, launcher(), "", true}, kOther});
    device.sysconfig.systemPackagesQueryable = true;
    EXPECT_EQ(packageVisibility(app("com.me"), device.packages[1], device).rule, "V-4");
    EXPECT_FALSE(packageVisibility(app("com.me"), device.packages[2], device).visible);
}

TEST(Visibility, V4_ForceQueryableCountsOnlyForSystemApps) {
    const std::string body = launcher();
    Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}});
    for (bool system : {true, false}) {
        Result<Manifest> manifest = parseManifest(
            "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
            "package=\"com.forced\"><application android:forceQueryable=\"true\">" +
                body + "</application></manifest>",
            "forced.xml");
        ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
        InstalledPackage target;
        target.manifest = *manifest;
        target.system = system;
        EXPECT_EQ(packageVisibility(app("com.me"), target, device).visible, system);
    }
}

TEST(Visibility, E45_V5_V12_ExplicitQueryNeedsAQueriesPackageEntry) {
    const Device device =
        makeDevice(34, {Spec{"com.me", 34, launcher(),
                             "<queries><package android:name=\"com.other\"/></queries>\n"},
                        Spec{"com.blind", 34, launcher()}, kOther});
    const Intent explicitIntent = intent({"-n", "com.other/.Main"});
    EXPECT_EQ(run(device, app("com.me"), ResolveMode::Query, explicitIntent, 0),
              (std::vector<std::string>{"com.other/.Main"}));
    std::vector<CandidateVerdict> removed;
    EXPECT_TRUE(
        run(device, app("com.blind"), ResolveMode::Query, explicitIntent, 0, &removed).empty());
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "V-12");
}

TEST(Visibility, V12_PackageRestrictedQuerySkipsAnInvisiblePackage) {
    const Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}, kOther});
    std::vector<CandidateVerdict> removed;
    EXPECT_TRUE(run(device, app("com.me"), ResolveMode::Query,
                    intent({"-a", kMain, "-c", kLauncher, "-p", "com.other"}), 0, &removed)
                    .empty());
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "V-12");
}

TEST(Visibility, E46_V2_QueryAllPackagesRequestedIsEnough) {
    const Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher(),
                  "<uses-permission android:name=\"android.permission.QUERY_ALL_PACKAGES\"/>\n"},
             kOther});
    EXPECT_EQ(launchers(device, app("com.me")).size(), 2u);
    EXPECT_EQ(unfilteredCaller(app("com.me"), device)->rule, "V-2");
}

TEST(Visibility, V6_QueriesIntentMakesAMatchingExportedTargetVisible) {
    const Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher(),
                  "<queries><intent><action android:name=\"android.intent.action.SEND\"/>"
                  "<data android:mimeType=\"image/*\"/></intent></queries>\n"},
             Spec{"com.share", 34,
                  activity(".Share", true,
                           filterFor("android.intent.action.SEND",
                                     "<data android:mimeType=\"image/png\"/>"))},
             kOther});
    const Visibility share = packageVisibility(app("com.me"), device.packages[1], device);
    EXPECT_TRUE(share.visible);
    EXPECT_EQ(share.rule, "V-6");
    EXPECT_FALSE(packageVisibility(app("com.me"), device.packages[2], device).visible);
}

TEST(Visibility, V6_SchemeOnlyProbeSeesBrowsersButNotAppLinkApps) {
    const std::string web =
        "<category android:name=\"android.intent.category.BROWSABLE\"/>"
        "<data android:scheme=\"https\"/>";
    const Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher(),
                  "<queries><intent><action android:name=\"android.intent.action.VIEW\"/>"
                  "<category android:name=\"android.intent.category.BROWSABLE\"/>"
                  "<data android:scheme=\"https\"/></intent></queries>\n"},
             Spec{"com.browser", 34,
                  activity(".Browse", true, filterFor("android.intent.action.VIEW", web))},
             Spec{"com.links", 34,
                  activity(".Link", true,
                           filterFor("android.intent.action.VIEW",
                                     web + "<data android:host=\"example.com\"/>"))}});
    EXPECT_TRUE(packageVisibility(app("com.me"), device.packages[1], device).visible);
    EXPECT_FALSE(packageVisibility(app("com.me"), device.packages[2], device).visible);
}

TEST(Visibility, V6_ProbeHostStarMatchesAnyAuthorityAndAnyPath) {
    const Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher(),
                  "<queries><intent><action android:name=\"android.intent.action.VIEW\"/>"
                  "<data android:scheme=\"https\" android:host=\"*\"/></intent></queries>\n"},
             Spec{"com.links", 34,
                  activity(".Link", true,
                           filterFor("android.intent.action.VIEW",
                                     "<data android:scheme=\"https\" android:host=\"example.com\" "
                                     "android:pathPrefix=\"/docs\"/>"))}});
    EXPECT_TRUE(packageVisibility(app("com.me"), device.packages[1], device).visible);
}

TEST(Visibility, E48_V6_AProbeMatchingOnlyANonExportedActivityLeavesTheTargetInvisible) {
    const Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher(),
                  "<queries><intent><action android:name=\"com.t.OPEN\"/></intent></queries>\n"},
             Spec{"com.t", 34, activity(".Hidden", false, filterFor("com.t.OPEN"))}});
    EXPECT_FALSE(packageVisibility(app("com.me"), device.packages[1], device).visible);
}

TEST(Visibility, V7_QueriesProviderAuthority) {
    const Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher(),
                  "<queries><provider android:authorities=\"com.t.files;x\"/></queries>\n"},
             Spec{"com.t", 34,
                  "<provider android:name=\".Files\" android:authorities=\"a;com.t.files\" "
                  "android:exported=\"true\"/>\n"}});
    const Visibility v = packageVisibility(app("com.me"), device.packages[1], device);
    EXPECT_TRUE(v.visible);
    EXPECT_EQ(v.rule, "V-7");
}

TEST(Visibility, E49_V8_AnAppSeesItsInstallerButNotTheReverse) {
    Spec me{"com.me", 34, launcher()};
    me.installer = "com.store";
    const Device device = makeDevice(34, {me, kStore});
    EXPECT_EQ(packageVisibility(app("com.me"), device.packages[1], device).rule, "V-8");
    EXPECT_FALSE(packageVisibility(app("com.store"), device.packages[0], device).visible);
}

TEST(Visibility, V8_InstrumentationRelatesBothWays) {
    const Device device = makeDevice(
        34, {Spec{"com.tests", 34, launcher(),
                  "<instrumentation android:name=\".Runner\" android:targetPackage=\"com.app\"/>"},
             Spec{"com.app", 34, launcher()}, kOther});
    const Visibility forward = packageVisibility(app("com.tests"), device.packages[1], device);
    EXPECT_EQ(forward.rule, "V-8");
    EXPECT_NE(forward.reason.find("'com.tests' instruments 'com.app'"), std::string::npos)
        << forward.reason;
    EXPECT_EQ(packageVisibility(app("com.app"), device.packages[0], device).rule, "V-8");
    EXPECT_FALSE(packageVisibility(app("com.app"), device.packages[2], device).visible);
}

TEST(Visibility, V8_AUsedLibraryMakesItsProviderVisible) {
    const Device device = makeDevice(
        34, {Spec{"com.me", 34, launcher() + "<uses-library android:name=\"com.lib.maps\"/>"},
             Spec{"com.provider", 34, launcher() + "<library android:name=\"com.lib.maps\"/>",
                  "", true}});
    const Visibility visibility = packageVisibility(app("com.me"), device.packages[1], device);
    EXPECT_EQ(visibility.rule, "V-8");
    EXPECT_NE(visibility.reason.find("uses the library 'com.lib.maps'"), std::string::npos)
        << visibility.reason;
    EXPECT_FALSE(packageVisibility(app("com.provider"), device.packages[0], device).visible)
        << "the provider does not see its user through the library";
}

TEST(Visibility, V8_RequestingAPermissionAnotherAppDefinesFromAndroid13) {
    const Spec me{"com.me", 34, launcher(),
                  "<uses-permission android:name=\"com.owner.permission.READ\"/>"};
    const Spec owner{"com.owner", 34, launcher(),
                     "<permission android:name=\"com.owner.permission.READ\"/>"};
    const Device android13 = makeDevice(33, {me, owner});
    EXPECT_EQ(packageVisibility(app("com.me"), android13.packages[1], android13).rule, "V-8");
    const Device android12 = makeDevice(32, {me, owner});
    EXPECT_FALSE(packageVisibility(app("com.me"), android12.packages[1], android12).visible);
}

TEST(Visibility, V8_TheUpdateOwnerFromAndroid14) {
    Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}, kStore});
    device.packages[0].updateOwner = "com.store";
    EXPECT_EQ(packageVisibility(app("com.me"), device.packages[1], device).rule, "V-8");
    device.apiLevel = 33;
    EXPECT_FALSE(packageVisibility(app("com.me"), device.packages[1], device).visible);
}

TEST(Visibility, V9_AnImplicitVisibilityPairMakesTheTargetVisibleOneWay) {
    Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}, kOther});
    EXPECT_FALSE(packageVisibility(app("com.me"), device.packages[1], device).visible);
    device.implicitVisibility.push_back(ImplicitVisibility{"com.me", "com.other", {}});
    EXPECT_EQ(packageVisibility(app("com.me"), device.packages[1], device).rule, "V-9");
    EXPECT_EQ(launchers(device, app("com.me")),
              (std::vector<std::string>{"com.me/.Main", "com.other/.Main"}));
    EXPECT_FALSE(packageVisibility(app("com.other"), device.packages[0], device).visible);
}

TEST(Visibility, E43_DomainFilteringKeepsOnlyTheVerifiedAppThenVisibilityRemovesIt) {
    const std::string link =
        "<intent-filter android:autoVerify=\"true\"><action "
        "android:name=\"android.intent.action.VIEW\"/><category "
        "android:name=\"android.intent.category.DEFAULT\"/><category "
        "android:name=\"android.intent.category.BROWSABLE\"/><data android:scheme=\"https\" "
        "android:host=\"example.com\"/></intent-filter>";
    const std::string browse =
        "<intent-filter><action android:name=\"android.intent.action.VIEW\"/><category "
        "android:name=\"android.intent.category.DEFAULT\"/><category "
        "android:name=\"android.intent.category.BROWSABLE\"/><data android:scheme=\"http\"/><data "
        "android:scheme=\"https\"/></intent-filter>";
    Device device = makeDevice(34, {Spec{"com.me", 34, launcher()},
                                    Spec{"com.x", 34, activity(".Link", true, link)},
                                    Spec{"com.b1", 34, activity(".Browser", true, browse)}});
    device.packages[1].appLinks.domains.push_back(
        DomainStateEntry{"example.com", domain_state::kVerified, {}});
    device.roles.browser = "com.b1";
    const Intent web = intent({"-a", "android.intent.action.VIEW", "-c",
                               "android.intent.category.BROWSABLE", "-d", "https://example.com"});
    std::vector<CandidateVerdict> removed;
    EXPECT_TRUE(run(device, app("com.me"), ResolveMode::Query, web, kDefaultOnly, &removed).empty())
        << "W-3: domain filtering keeps only X, then V-10 removes it";
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "V-10");
    // The shell sees X (V-14), and a start launches it (V-11, E44).
    EXPECT_EQ(run(device, Caller{CallerKind::Shell, ""}, ResolveMode::Query, web, kDefaultOnly),
              (std::vector<std::string>{"com.x/.Link"}));
    EXPECT_EQ(run(device, app("com.me"), ResolveMode::Start, web, kDefaultOnly),
              (std::vector<std::string>{"com.x/.Link"}));
}

TEST(Visibility, V10_ServiceAndReceiverQueriesAreVisibilityFilteredToo) {
    const std::string service =
        "<service android:name=\".Sync\" android:exported=\"true\"><intent-filter><action "
        "android:name=\"com.x.SYNC\"/></intent-filter></service>\n"
        "<receiver android:name=\".Boot\" android:exported=\"true\"><intent-filter><action "
        "android:name=\"com.x.SYNC\"/></intent-filter></receiver>\n";
    const Device device =
        makeDevice(34, {Spec{"com.me", 34, launcher()}, Spec{"com.other", 34, service}});
    const PackageIndex index(device);
    for (ComponentKind kind : {ComponentKind::Service, ComponentKind::Receiver}) {
        ResolveRequest request{intent({"-a", "com.x.SYNC"}), 0, kind, ResolveMode::Query};
        EXPECT_EQ(index.query(request).size(), 1u) << "the shell sees it (V-14)";
        request.caller = app("com.me");
        const QueryTrace trace = index.trace(request);
        EXPECT_TRUE(trace.results.empty());
        ASSERT_EQ(trace.steps.verdicts.size(), 1u);
        EXPECT_EQ(trace.steps.verdicts[0].rule, "V-10");
    }
}

TEST(Visibility, V1_PackagesSharingAnAppIdSeeEachOther) {
    const Device device =
        makeDevice(34, {Spec{"com.a", 34, launcher(), "", false, std::nullopt, 10500},
                        Spec{"com.b", 34, launcher(), "", false, std::nullopt, 10500}, kOther});
    EXPECT_EQ(launchers(device, app("com.a")),
              (std::vector<std::string>{"com.a/.Main", "com.b/.Main"}));
}

TEST(Visibility, V3_PackagesBelowTheFirstApplicationIdAreAlwaysVisible) {
    const Device device =
        makeDevice(34, {Spec{"com.me", 34, launcher()},
                        Spec{"com.systemuid", 34, launcher(), "", false, std::nullopt, 1000}});
    EXPECT_EQ(packageVisibility(app("com.me"), device.packages[1], device).rule, "V-3");
}

TEST(Visibility, E44_V11_StartsAreNotVisibilityFiltered) {
    const Device device =
        makeDevice(34, {Spec{"com.me", 34, launcher()},
                        Spec{"com.other", 34, activity(".Share", true, filterFor("com.x.SHARE"))}});
    const Intent share = intent({"-a", "com.x.SHARE"});
    EXPECT_EQ(run(device, app("com.me"), ResolveMode::Start, share, kDefaultOnly),
              (std::vector<std::string>{"com.other/.Share"}));
    EXPECT_TRUE(run(device, app("com.me"), ResolveMode::Query, share, kDefaultOnly).empty());
}

// ---- S: safer intents
// -----------------------------------------------------------------------------

namespace {

// E52: the caller has a non-exported activity P for com.c.ACT.
Device e52Device(int api, int callerTarget) {
    return makeDevice(api, {Spec{"com.c", callerTarget,
                                 launcher() + activity(".P", false, filterFor("com.c.ACT"))}});
}

}  // namespace

TEST(SaferIntents, E52_S4_ImplicitStartDropsNonExportedActivitiesEvenTheCallersOwn) {
    const Device device = e52Device(34, 34);
    std::vector<CandidateVerdict> removed;
    EXPECT_TRUE(run(device, app("com.c"), ResolveMode::Start, intent({"-a", "com.c.ACT"}),
                    kDefaultOnly, &removed)
                    .empty());
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "S-4");
    EXPECT_EQ(removed[0].reason,
              "'com.c/.P' is not exported and 'com.c' targets API 34: Android 14+ leaves "
              "non-exported activities out of an implicit start");
    // With setPackage(own) the rule does not apply.
    EXPECT_EQ(run(device, app("com.c"), ResolveMode::Start,
                  intent({"-a", "com.c.ACT", "-p", "com.c"}), kDefaultOnly),
              (std::vector<std::string>{"com.c/.P"}));
}

TEST(SaferIntents, E54_S4_S9_QueriesKeepNonExportedActivities) {
    const Device device = e52Device(34, 34);
    EXPECT_EQ(
        run(device, app("com.c"), ResolveMode::Query, intent({"-a", "com.c.ACT"}), kDefaultOnly),
        (std::vector<std::string>{"com.c/.P"}));
}

TEST(SaferIntents, S4_CallerBelow34OrDeviceBelow34KeepsThem) {
    EXPECT_EQ(run(e52Device(34, 33), app("com.c"), ResolveMode::Start, intent({"-a", "com.c.ACT"}),
                  kDefaultOnly)
                  .size(),
              1u);
    EXPECT_EQ(run(e52Device(33, 34), app("com.c"), ResolveMode::Start, intent({"-a", "com.c.ACT"}),
                  kDefaultOnly)
                  .size(),
              1u);
}

TEST(SaferIntents, S3_S4_ShellIsNotExemptButSystemIs) {
    const Device device = e52Device(34, 34);
    EXPECT_TRUE(run(device, Caller{}, ResolveMode::Start, intent({"-a", "com.c.ACT"}), kDefaultOnly)
                    .empty());
    EXPECT_EQ(run(device, Caller{CallerKind::System, {}}, ResolveMode::Start,
                  intent({"-a", "com.c.ACT"}), kDefaultOnly)
                  .size(),
              1u);
}

namespace {

// E55: target T with an exported activity whose filter has action T.OPEN.
Device e55Device(int api, int targetTarget) {
    return makeDevice(api,
                      {Spec{"com.t", targetTarget, activity(".A", true, filterFor("com.t.OPEN"))},
                       Spec{"com.caller", 34, launcher()}});
}

const std::vector<std::string> kExplicitView = {"-n", "com.t/.A", "-a",
                                                "android.intent.action.VIEW"};

}  // namespace

TEST(SaferIntents, E55_S6_Android13ExplicitIntentThatMatchesNoFilterIsBlocked) {
    std::vector<CandidateVerdict> removed;
    EXPECT_TRUE(run(e55Device(33, 33), app("com.caller"), ResolveMode::Start, intent(kExplicitView),
                    kDefaultOnly, &removed)
                    .empty());
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "S-6");
    EXPECT_EQ(removed[0].reason,
              "'com.t/.A' has intent filters and none matches the explicit intent; Android "
              "13/14 block it because 'com.t' targets API 33");
    // Queries too (S-9), and a matching action passes.
    EXPECT_TRUE(
        run(e55Device(34, 33), app("com.caller"), ResolveMode::Query, intent(kExplicitView), 0)
            .empty());
    EXPECT_EQ(run(e55Device(34, 33), app("com.caller"), ResolveMode::Start,
                  intent({"-n", "com.t/.A", "-a", "com.t.OPEN"}), kDefaultOnly)
                  .size(),
              1u);
}

TEST(SaferIntents, E56_S6_TargetBelow33IsNotEnforced) {
    EXPECT_EQ(run(e55Device(34, 32), app("com.caller"), ResolveMode::Start, intent(kExplicitView),
                  kDefaultOnly)
                  .size(),
              1u);
}

TEST(SaferIntents, E58_S6_Android15EnforcesOnlyWithTheFlag) {
    Device device = e55Device(35, 33);
    EXPECT_EQ(
        run(device, app("com.caller"), ResolveMode::Start, intent(kExplicitView), kDefaultOnly)
            .size(),
        1u);
    device.flags.enforceIntentFilterMatch = true;
    std::vector<CandidateVerdict> removed;
    EXPECT_TRUE(run(device, app("com.caller"), ResolveMode::Start, intent(kExplicitView),
                    kDefaultOnly, &removed)
                    .empty());
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "S-6");
}

TEST(SaferIntents, E61_S3_S6_ShellIsNotExempt) {
    EXPECT_TRUE(
        run(e55Device(34, 33), Caller{}, ResolveMode::Start, intent(kExplicitView), kDefaultOnly)
            .empty());
    EXPECT_EQ(run(e55Device(34, 33), Caller{CallerKind::Root, {}}, ResolveMode::Start,
                  intent(kExplicitView), kDefaultOnly)
                  .size(),
              1u);
}

TEST(SaferIntents, S6_TheSameAppIsExempt) {
    EXPECT_EQ(run(e55Device(34, 33), app("com.t"), ResolveMode::Start, intent(kExplicitView),
                  kDefaultOnly)
                  .size(),
              1u);
}

TEST(SaferIntents, S6_AComponentWithoutFiltersIsNotChecked) {
    const Device device = makeDevice(34, {Spec{"com.t", 34,
                                               "<activity android:name=\".Plain\" "
                                               "android:exported=\"true\"/>\n"}});
    EXPECT_EQ(run(device, Caller{}, ResolveMode::Start,
                  intent({"-n", "com.t/.Plain", "-a", "anything"}), kDefaultOnly)
                  .size(),
              1u);
}

TEST(SaferIntents, E62_S8_SelectorResultsAreCheckedAgainstTheOriginalIntent) {
    const Device device = e55Device(34, 33);
    std::vector<CandidateVerdict> removed;
    const Intent request =
        intent({"-a", "com.x.NOPE", "--selector", "-a", "com.t.OPEN", "-p", "com.t"});
    EXPECT_TRUE(run(device, app("com.caller"), ResolveMode::Start, request, kDefaultOnly, &removed)
                    .empty());
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "S-8");
}

TEST(SaferIntents, S7_NullActionIsBlockedOnlyOnAndroid15WithTheFlag) {
    Device device =
        makeDevice(35, {Spec{"com.t", 34,
                             activity(".Data", true,
                                      "<intent-filter><action android:name=\"a.B\"/>"
                                      "<category android:name=\"android.intent.category.DEFAULT\"/>"
                                      "<data android:scheme=\"geo\"/></intent-filter>")}});
    const Intent noAction = intent({"-d", "geo:1,2"});
    EXPECT_EQ(run(device, Caller{}, ResolveMode::Start, noAction, kDefaultOnly).size(), 1u);
    device.flags.blockNullActionIntents = true;
    std::vector<CandidateVerdict> removed;
    EXPECT_TRUE(
        run(device, Caller{}, ResolveMode::Start, noAction, kDefaultOnly, &removed).empty());
    ASSERT_EQ(removed.size(), 1u);
    EXPECT_EQ(removed[0].rule, "S-7");
    EXPECT_EQ(
        run(device, Caller{CallerKind::System, {}}, ResolveMode::Start, noAction, kDefaultOnly)
            .size(),
        1u);
    device.apiLevel = 34;
    EXPECT_EQ(run(device, Caller{}, ResolveMode::Start, noAction, kDefaultOnly).size(), 1u);
}

TEST(SaferIntents, S5_ExplicitStartOfAnotherAppsNonExportedActivityIsDenied) {
    const Device device = makeDevice(
        33,
        {Spec{"com.t", 33, "<activity android:name=\".Private\" android:exported=\"false\"/>\n"},
         Spec{"com.caller", 33, launcher()}});
    const Intent request = intent({"-n", "com.t/.Private"});
    const PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(request, kDefaultOnly);
    ASSERT_EQ(found.size(), 1u);
    const std::optional<std::string> denial = startDenial(device, Caller{}, request, found[0]);
    ASSERT_TRUE(denial.has_value());
    EXPECT_EQ(*denial,
              "Permission Denial: starting Intent { cmp=com.t/.Private } from null (uid=2000) not "
              "exported from uid 10000");
    EXPECT_FALSE(startDenial(device, app("com.t"), request, found[0]).has_value());
    EXPECT_FALSE(startDenial(device, Caller{CallerKind::Root, {}}, request, found[0]).has_value());
}

// ---- samples/devices/callers against its hand-written expectations ------------------------------

namespace {

const std::filesystem::path kCallersSample =
    std::filesystem::path(HEARTH_SAMPLES_DIR) / "devices" / "callers";

// The expectation vocabulary of expected-callers.json for a start.
std::string describeStart(const Device& device, const Caller& caller, const Intent& request,
                          const ResolveResult& result) {
    switch (result.outcome) {
        case ResolveOutcome::None:
            return "none";
        case ResolveOutcome::Chooser: {
            std::string out = "chooser";
            for (const ResolveInfo& info : result.candidates) {
                out += " " + info.component.flattenToShortString();
            }
            return out;
        }
        case ResolveOutcome::Activity:
            break;
    }
    const std::string component = result.chosen->component.flattenToShortString();
    if (startDenial(device, caller, request, *result.chosen)) return "denied " + component;
    if (suspendedStart(device, *result.chosen)) return "suspended " + component;
    return "activity " + component;
}

}  // namespace

TEST(CallersSample, MatchesItsHandWrittenExpectations) {
    std::ifstream in(kCallersSample / "expected-callers.json");
    ASSERT_TRUE(in.good());
    const nlohmann::json expected = nlohmann::json::parse(in);
    Result<Device> loaded = loadDevice(kCallersSample);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    ASSERT_TRUE(loaded->skipped.empty());
    ASSERT_GE(expected.at("cases").size(), 20u);
    for (const nlohmann::json& row : expected.at("cases")) {
        const std::string description = row.at("description").get<std::string>();
        SCOPED_TRACE(description);
        Device device = *loaded;
        if (row.contains("api")) device.apiLevel = row["api"].get<int>();
        const Result<Caller> caller = parseCaller(row.at("caller").get<std::string>(), device);
        ASSERT_TRUE(caller.has_value()) << caller.error().toString();
        const Intent request = intent(row.at("intent").get<std::vector<std::string>>());
        const PackageIndex index(device);
        if (row.at("mode") == "start") {
            ResolveRequest start{request, flags::kMatchDefaultOnly, ComponentKind::Activity,
                                 ResolveMode::Start};
            start.caller = *caller;
            const ResolveResult result = index.resolve(start);
            EXPECT_EQ(describeStart(device, *caller, request, result),
                      row.at("expect").get<std::string>())
                << result.reason;
            continue;
        }
        const int queryFlags = std::stoi(row.at("flags").get<std::string>(), nullptr, 0);
        ResolveRequest query{request, queryFlags, ComponentKind::Activity, ResolveMode::Query};
        query.caller = *caller;
        const QueryTrace trace = index.trace(query);
        std::vector<std::string> got;
        for (const ResolveInfo& info : trace.results) {
            got.push_back(info.component.flattenToShortString());
        }
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, row.at("expect").get<std::vector<std::string>>());
        std::map<std::string, std::string> removed;
        for (const CandidateVerdict& verdict : trace.steps.verdicts) {
            if (!verdict.kept) removed[verdict.component.flattenToShortString()] = verdict.rule;
        }
        const auto expectedRemoved = row.value("removed", nlohmann::json::object())
                                         .get<std::map<std::string, std::string>>();
        EXPECT_EQ(removed, expectedRemoved);
    }
}

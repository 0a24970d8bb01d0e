// Package visibility (visibility.cpp, android-modern.md §3): which packages a calling app's
// query sees (V-1..V-12), by API level. Tests are named after the rule or the edge-case row of
// android-modern.md §7 they check.

#include <gtest/gtest.h>
#include <hearth/caller.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>

#include <string>
#include <vector>

#include "caller_fixtures.h"

using namespace hearth;
using namespace hearth::caller_fixtures;

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

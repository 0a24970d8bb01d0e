// The caller model and the caller rules (caller_rules.cpp): the safer-intent rules (S-3..S-8) for
// starts by API level and device flags, and the callers sample. Package visibility (V-1..V-12) is
// visibility_test.cpp. Tests are named after the rule or the edge-case row of android-modern.md
// §7 they check.

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

#include "caller_fixtures.h"

using namespace hearth;
using namespace hearth::caller_fixtures;

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

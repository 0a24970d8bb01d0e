// The query pipeline (query_pipeline.cpp, PackageIndex::trace and query): gather and sort, domain
// filtering with its re-sort, then the caller step, each step leaving its sentence and verdicts.

#include <gtest/gtest.h>
#include <hearth/caller.h>
#include <hearth/device.h>
#include <hearth/package_index.h>

#include <string>
#include <vector>

#include "caller_fixtures.h"

using namespace hearth;
using namespace hearth::caller_fixtures;

namespace {

std::vector<std::string> shortNames(const std::vector<ResolveInfo>& results) {
    std::vector<std::string> out;
    for (const ResolveInfo& info : results) out.push_back(info.component.flattenToShortString());
    return out;
}

// An App Links activity for example.com (autoVerify, VIEW + DEFAULT + BROWSABLE, https).
std::string linkActivity() {
    return activity(".Link", true,
                    "<intent-filter android:autoVerify=\"true\">"
                    "<action android:name=\"android.intent.action.VIEW\"/>"
                    "<category android:name=\"android.intent.category.DEFAULT\"/>"
                    "<category android:name=\"android.intent.category.BROWSABLE\"/>"
                    "<data android:scheme=\"https\"/><data android:host=\"example.com\"/>"
                    "</intent-filter>");
}

// A browser: VIEW + DEFAULT + BROWSABLE on https, any host.
std::string browserActivity() {
    return activity(".Browser", true,
                    "<intent-filter><action android:name=\"android.intent.action.VIEW\"/>"
                    "<category android:name=\"android.intent.category.DEFAULT\"/>"
                    "<category android:name=\"android.intent.category.BROWSABLE\"/>"
                    "<data android:scheme=\"https\"/></intent-filter>");
}

// On API 34: com.link verified for example.com, and a browser.
Device webDevice() {
    Device device = makeDevice(
        34, {Spec{"com.browser", 34, browserActivity()}, Spec{"com.link", 34, linkActivity()}});
    device.packages[1].appLinks.domains.push_back(
        DomainStateEntry{"example.com", domain_state::kVerified, {}});
    return device;
}

const std::vector<std::string> kWebLink = {"-a", "android.intent.action.VIEW",
                                           "-c", "android.intent.category.BROWSABLE",
                                           "-d", "https://example.com/a"};

}  // namespace

TEST(QueryPipeline, WithoutWebDataOrACallerTheAnswerIsWhatWasGathered) {
    const Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}, kOther});
    const PackageIndex index(device);
    const QueryTrace trace = index.trace(ResolveRequest{intent({"-a", kMain, "-c", kLauncher}), 0});
    EXPECT_EQ(shortNames(trace.gathered), (std::vector<std::string>{"com.me/.Main", "com.other/.Main"}));
    EXPECT_EQ(shortNames(trace.results), shortNames(trace.gathered));
    EXPECT_TRUE(trace.steps.notes.empty());
    EXPECT_TRUE(trace.steps.verdicts.empty());
    EXPECT_FALSE(trace.browsersOnly);
}

TEST(QueryPipeline, DomainFilteringKeepsTheVerifiedAppAndSaysWhatItRemoved) {
    const Device device = webDevice();
    const PackageIndex index(device);
    const QueryTrace trace = index.trace(ResolveRequest{intent(kWebLink), kDefaultOnly});
    EXPECT_EQ(shortNames(trace.gathered).size(), 2u) << "both handle the link before filtering";
    EXPECT_EQ(shortNames(trace.results), std::vector<std::string>{"com.link/.Link"});
    ASSERT_EQ(trace.steps.notes.size(), 1u) << "one sentence for the domain step";
    bool browserRemoved = false;
    for (const CandidateVerdict& verdict : trace.steps.verdicts) {
        if (verdict.component.flattenToShortString() == "com.browser/.Browser") {
            browserRemoved = !verdict.kept;
        }
    }
    EXPECT_TRUE(browserRemoved);
    EXPECT_FALSE(trace.browsersOnly);
    EXPECT_EQ(shortNames(index.query(ResolveRequest{intent(kWebLink), kDefaultOnly})),
              shortNames(trace.results))
        << "query() answers what trace() decided";
}

TEST(QueryPipeline, TheCallerStepRunsAfterDomainFilteringAndNamesWhatItRemoves) {
    // A caller targeting API 34 with no <queries> sees only itself (V-10).
    const Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}, kOther});
    const PackageIndex index(device);
    ResolveRequest request{intent({"-a", kMain, "-c", kLauncher}), 0};
    request.caller = app("com.me");
    const QueryTrace trace = index.trace(request);
    EXPECT_EQ(shortNames(trace.results), std::vector<std::string>{"com.me/.Main"});
    ASSERT_EQ(trace.steps.notes.size(), 1u);
    const std::string& note = trace.steps.notes[0];
    EXPECT_NE(note.find("; it removes com.other/.Main (V-10)"), std::string::npos) << note;
    ASSERT_EQ(trace.steps.verdicts.size(), 1u);
    EXPECT_FALSE(trace.steps.verdicts[0].kept);
    EXPECT_EQ(trace.steps.verdicts[0].rule, "V-10");
}

TEST(QueryPipeline, TheShellAsCallerAddsNoStepWhenItRemovesNothing) {
    const Device device = makeDevice(34, {Spec{"com.me", 34, launcher()}, kOther});
    const PackageIndex index(device);
    ResolveRequest request{intent({"-a", kMain, "-c", kLauncher}), 0};
    request.caller = Caller{CallerKind::Shell, {}};
    const QueryTrace trace = index.trace(request);
    EXPECT_EQ(trace.results.size(), 2u);
    EXPECT_TRUE(trace.steps.notes.empty());
    EXPECT_TRUE(trace.steps.verdicts.empty());
}

TEST(QueryPipeline, OtherComponentKindsGetVisibilityOnlyAndOnlyForQueries) {
    const std::string service =
        "<service android:name=\".Sync\" android:exported=\"true\"><intent-filter>"
        "<action android:name=\"com.example.SYNC\"/></intent-filter></service>\n";
    const Device device =
        makeDevice(34, {Spec{"com.me", 34, service}, Spec{"com.other", 34, service}});
    const PackageIndex index(device);
    ResolveRequest request{intent({"-a", "com.example.SYNC"}), 0, ComponentKind::Service};
    request.caller = app("com.me");
    const QueryTrace query = index.trace(request);
    EXPECT_EQ(shortNames(query.results), std::vector<std::string>{"com.me/.Sync"});
    ASSERT_EQ(query.steps.verdicts.size(), 1u);
    EXPECT_EQ(query.steps.verdicts[0].component.flattenToShortString(), "com.other/.Sync");
    EXPECT_TRUE(query.steps.notes.empty()) << "the caller sentence is an activity step";

    request.mode = ResolveMode::Start;
    const QueryTrace start = index.trace(request);
    EXPECT_EQ(start.results.size(), 2u) << "visibility filters queries, not starts or binds";
    EXPECT_TRUE(start.steps.verdicts.empty());
}

// resolve_activity.cpp: chooseBestActivity (C-1..C-6) and the preferred-activity lookup (P-7,
// P-8), named after the rule or the spec's edge-case row they check (spec section 7).

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>

#include <string>
#include <vector>

#include "index_fixtures.h"

using namespace hearth;
using namespace hearth::fixtures;

// ---- C-1..C-6: chooseBestActivity
// ----------------------------------------------------------------

TEST(ChooseBestActivity, C1NothingMatches) {
    Device device = makeDevice(34, {browser("com.a")});
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent({"-a", "com.none"}), 0);
    EXPECT_EQ(result.outcome, ResolveOutcome::None);
    EXPECT_FALSE(result.chosen.has_value());
    EXPECT_EQ(result.reason, "no activity matches");
}

TEST(ChooseBestActivity, C2OneCandidateWins) {
    Device device = makeDevice(34, {browser("com.a")});
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent({"-a", kView, "-d", "http://x"}), 0);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.rule, "C-2");
    EXPECT_EQ(result.reason, "only one activity matches");
}

TEST(ChooseBestActivity, TheReasonNeverRepeatsTheRuleThatDecided) {
    // The reports cite the rule before the reason (resolve_report_test pins "Why: C-6: ..."), so
    // a reason that opened with its rule would print it twice.
    Device device = makeDevice(34, {browser("com.a"), browser("com.b"), launcher("com.l")});
    PackageIndex index(device);
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"-a", "com.none"}, kHomeIntent,
          std::vector<std::string>{"-a", kView, "-d", "http://x/y"}}) {
        const ResolveResult result = index.resolveActivity(intent(args), kDefaultOnly);
        ASSERT_FALSE(result.rule.empty());
        EXPECT_NE(result.reason.rfind(result.rule, 0), 0u) << result.rule << ": " << result.reason;
    }
    const ResolveResult service =
        index.resolve(ResolveRequest{intent({"-a", "com.none"}), 0, ComponentKind::Service});
    EXPECT_EQ(service.rule, "C-1");
    EXPECT_EQ(service.reason, "no service matches");
}

TEST(ChooseBestActivity, Row45TwoEqualDefaultsShowTheChooser) {
    Device device = makeDevice(34, {browser("com.a"), browser("com.b")});
    PackageIndex index(device);
    const ResolveResult result =
        index.resolveActivity(intent({"-a", kView, "-d", "http://x"}), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    ASSERT_TRUE(result.chosen.has_value());
    EXPECT_EQ(result.chosen->component, resolverActivityComponent());
    EXPECT_EQ(result.chosen->match, 0);
    EXPECT_FALSE(result.chosen->isDefault);
    EXPECT_EQ(result.candidates.size(), 2u);
    EXPECT_EQ(result.rule, "C-6");
}

TEST(ChooseBestActivity, C6TheChooserCountIsTheEntriesItShowsAndSaysWhyOthersAreLeftOut) {
    // Issue 12: "chooser: 2 apps" beside "the chooser lists 3 activities" — one count now.
    Device device = makeDevice(
        34, {launcher("com.a"), launcher("com.b"), launcher("com.fallback", -1000)});
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    EXPECT_EQ(result.candidates.size(), 3u);
    std::vector<std::string> shown;
    for (const ResolveInfo& info : chooserEntries(result.candidates)) {
        shown.push_back(info.component.flattenToShortString());
    }
    EXPECT_EQ(shown, (std::vector<std::string>{"com.a/.Home", "com.b/.Home"}));
    EXPECT_EQ(result.reason,
              "top two tie at priority 0, default, no preferred activity; the chooser shows 2 "
              "activities (1 lower one left out: the chooser drops what does not tie with the "
              "first on priority and isDefault)");
}

TEST(ChooseBestActivity, Row46HigherPriorityWinsWithoutChooser) {
    Device device = makeDevice(34, {launcher("com.launcher"), launcher("com.fallback", -1000)});
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.packageName, "com.launcher");
    EXPECT_EQ(result.reason, "top two differ in priority (0 > -1000)");
}

TEST(ChooseBestActivity, Row47HigherMatchOnlyOrdersTheList) {
    Device device = makeDevice(
        34, {browser("com.scheme"),
             {manifestXml("com.path",
                          activity(".Browser", {filter(action(kView) + category(kDefault) +
                                                       data("android:scheme=\"http\" "
                                                            "android:host=\"x\" "
                                                            "android:pathPrefix=\"/docs\""))}))}});
    PackageIndex index(device);
    const ResolveResult result =
        index.resolveActivity(intent({"-a", kView, "-d", "http://x/docs/a"}), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    EXPECT_EQ(components(result.candidates), (Names{"com.path/.Browser", "com.scheme/.Browser"}));
    EXPECT_EQ(result.candidates[0].match, 0x508000);
}

TEST(ChooseBestActivity, Row48DefaultBeatsNonDefaultWithFlagsZero) {
    Device device = makeDevice(
        34, {{manifestXml("com.nodefault", activity(".A", {filter(action("com.GO"))}))},
             {manifestXml("com.default",
                          activity(".A", {filter(action("com.GO") + category(kDefault))}))}});
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent({"-a", "com.GO"}), 0);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.packageName, "com.default");
    EXPECT_EQ(result.reason,
              "top two differ in isDefault (only the first has category DEFAULT)");
}

TEST(ChooseBestActivity, C5RequireDefaultRefusesTheChooserOnAndroid11) {
    Device device = makeDevice(34, {browser("com.a"), browser("com.b")});
    PackageIndex index(device);
    const Intent requireDefault = intent({"-a", kView, "-d", "http://x", "-f", "0x200"});
    EXPECT_EQ(index.resolveActivity(requireDefault, kDefaultOnly).outcome, ResolveOutcome::None);
    device.apiLevel = 29;
    PackageIndex older(device);
    EXPECT_EQ(older.resolveActivity(requireDefault, kDefaultOnly).outcome, ResolveOutcome::Chooser);
}

// ---- P-7, P-8: preferred activities
// --------------------------------------------------------------

namespace {

PreferredActivity homePreferred(const std::string& component, std::vector<std::string> set) {
    PreferredActivity entry;
    entry.filter.actions = {kMain};
    entry.filter.categories = {kHome, kDefault};
    entry.component = *ComponentName::unflatten(component);
    for (const std::string& name : set) entry.set.push_back(*ComponentName::unflatten(name));
    entry.match = 0x100000;
    entry.always = true;
    return entry;
}

}  // namespace

TEST(PreferredActivity, P8RecordedChoiceWinsWhenTheSetIsUnchanged) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b")});
    device.preferred.push_back(homePreferred("com.b/.Home", {"com.a/.Home", "com.b/.Home"}));
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.packageName, "com.b");
    EXPECT_EQ(result.preferredIndex, std::optional<size_t>(0));
    EXPECT_TRUE(result.preferredChanges.empty());
    EXPECT_EQ(result.rule, "P-8");
}

TEST(PreferredActivity, P8LastChosenEntryDoesNotDecide) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b")});
    device.preferred.push_back(homePreferred("com.b/.Home", {"com.a/.Home", "com.b/.Home"}));
    device.preferred[0].always = false;
    PackageIndex index(device);
    EXPECT_EQ(index.resolveActivity(intent(kHomeIntent), kDefaultOnly).outcome,
              ResolveOutcome::Chooser);
}

TEST(PreferredActivity, Row54NewCandidateDemotesTheEntryOnModernAndroid) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b"), launcher("com.c")});
    device.preferred.push_back(homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home"}));
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    ASSERT_EQ(result.preferredChanges.size(), 1u);
    EXPECT_EQ(result.preferredChanges[0].kind, PreferredChange::Kind::DemoteToLastChosen);
    EXPECT_EQ(result.preferredChanges[0].index, 0u);
}

TEST(PreferredActivity, V13AnAppsQueryLeavesThePreferredTableAsItIs) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b"), launcher("com.c")});
    device.preferred.push_back(homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home"}));
    PackageIndex index(device);
    ResolveRequest request{intent(kHomeIntent), kDefaultOnly};
    request.caller = Caller{CallerKind::Package, "com.c"};
    const ResolveResult app = index.resolve(request);
    EXPECT_TRUE(app.preferredChanges.empty());
    EXPECT_NE(app.reason.find("an app's query leaves the preferred table as it is (V-13)"),
              std::string::npos)
        << app.reason;
    request.caller = Caller{CallerKind::Shell, ""};
    EXPECT_EQ(index.resolve(request).preferredChanges.size(), 1u) << "the shell's query does";
    request.caller = Caller{CallerKind::Package, "com.c"};
    request.mode = ResolveMode::Start;
    EXPECT_EQ(index.resolve(request).preferredChanges.size(), 1u) << "a start does";
}


TEST(PreferredActivity, Row54NewCandidateRemovesTheEntryOnLegacyAndroid) {
    for (int api : {8, 16}) {
        Device device = makeDevice(api, {launcher("com.a"), launcher("com.b"), launcher("com.c")});
        device.preferred.push_back(homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home"}));
        PackageIndex index(device);
        const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
        EXPECT_EQ(result.outcome, ResolveOutcome::Chooser) << api;
        ASSERT_EQ(result.preferredChanges.size(), 1u) << api;
        EXPECT_EQ(result.preferredChanges[0].kind, PreferredChange::Kind::Remove) << api;
    }
}

TEST(PreferredActivity, Row55RemovedCandidateShrinksTheSetOnAndroid10) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b")});
    device.preferred.push_back(
        homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home", "com.c/.Home"}));
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.packageName, "com.a");
    ASSERT_EQ(result.preferredChanges.size(), 1u);
    EXPECT_EQ(result.preferredChanges[0].kind, PreferredChange::Kind::ShrinkSet);
    ASSERT_EQ(result.preferredChanges[0].newSet.size(), 2u);
    EXPECT_EQ(result.preferredChanges[0].newSet[1].packageName, "com.b");
}

TEST(PreferredActivity, Row55RemovedCandidateDemotesOnAndroid5To9AndRemovesOn2x) {
    struct Case {
        int api;
        PreferredChange::Kind change;
    };
    for (const Case& c : {Case{26, PreferredChange::Kind::DemoteToLastChosen},
                          Case{21, PreferredChange::Kind::DemoteToLastChosen},
                          Case{8, PreferredChange::Kind::Remove}}) {
        Device device = makeDevice(c.api, {launcher("com.a"), launcher("com.b")});
        device.preferred.push_back(
            homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home", "com.c/.Home"}));
        PackageIndex index(device);
        const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
        EXPECT_EQ(result.outcome, ResolveOutcome::Chooser) << c.api;
        ASSERT_EQ(result.preferredChanges.size(), 1u) << c.api;
        EXPECT_EQ(result.preferredChanges[0].kind, c.change) << c.api;
    }
}

TEST(PreferredActivity, Row56EntryRecordedAtALowerMatchIsSkipped) {
    const std::string hostFilter = filter(action(kView) + category(kDefault) +
                                          data("android:scheme=\"http\" android:host=\"x\""));
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {hostFilter}))},
             {manifestXml("com.b", activity(".B", {hostFilter}))},
             {manifestXml("com.c",
                          activity(".C", {filter(action(kView) + category(kDefault) +
                                                 data("android:scheme=\"http\" android:host=\"x\" "
                                                      "android:pathPrefix=\"/\""))}))}});
    PreferredActivity entry;
    entry.filter.actions = {kView};
    entry.filter.categories = {kDefault};
    entry.filter.schemes = {"http"};
    entry.filter.authorities = {FilterAuthority{"x", std::nullopt, {}}};
    entry.component = {"com.a", "com.a.A"};
    entry.set = {{"com.a", "com.a.A"}, {"com.b", "com.b.B"}};
    entry.match = 0x300000;
    device.preferred.push_back(entry);
    PackageIndex index(device);
    const ResolveResult result =
        index.resolveActivity(intent({"-a", kView, "-d", "http://x/y"}), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    EXPECT_TRUE(result.preferredChanges.empty());
    EXPECT_EQ(result.reason,
              "top two tie at priority 0, default, no preferred activity; preferred[0] "
              "(com.a/.A) was recorded at match 0x300000 but the best match now is 0x500000, so "
              "it is skipped (P-8); the chooser shows 3 activities");
}

TEST(PreferredActivity, Row57LegacySameSetIgnoresLowerPriorityCandidates) {
    Device device = makeDevice(8, {{launcher("com.a").xml, true},
                                   {launcher("com.b").xml, true},
                                   {launcher("com.c", -5).xml, true}});
    device.preferred.push_back(homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home"}));
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.packageName, "com.a");
    EXPECT_TRUE(result.preferredChanges.empty());
    // Modern Android counts the new low-priority candidate and asks again.
    device.apiLevel = 34;
    PackageIndex modern(device);
    EXPECT_EQ(modern.resolveActivity(intent(kHomeIntent), kDefaultOnly).outcome,
              ResolveOutcome::Chooser);
}

TEST(PreferredActivity, P8EntryForAnUninstalledComponentIsRemoved) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b")});
    device.preferred.push_back(homePreferred("com.gone/.Home", {"com.a/.Home", "com.gone/.Home"}));
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    ASSERT_EQ(result.preferredChanges.size(), 1u);
    EXPECT_EQ(result.preferredChanges[0].kind, PreferredChange::Kind::Remove);
}

TEST(PreferredActivity, P8HomeSetIsFrozenDuringSetup) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b"), launcher("com.c")});
    device.userSetupComplete = false;
    device.preferred.push_back(homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home"}));
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    EXPECT_TRUE(result.preferredChanges.empty());
}

TEST(PreferredActivity, P8PreferredFilterMustMatchTheIntent) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b")});
    PreferredActivity entry = homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home"});
    entry.filter.categories = {names::kCategoryHomeFirst, kDefault};
    device.preferred.push_back(entry);
    PackageIndex index(device);
    EXPECT_EQ(index.resolveActivity(intent(kHomeIntent), kDefaultOnly).outcome,
              ResolveOutcome::Chooser);
}

TEST(PreferredActivity, P7PersistentPreferredWinsFromAndroid5) {
    Device device = makeDevice(34, {launcher("com.a"), launcher("com.b")});
    PreferredActivity persistent = homePreferred("com.b/.Home", {});
    device.persistentPreferred.push_back(persistent);
    device.preferred.push_back(homePreferred("com.a/.Home", {"com.a/.Home", "com.b/.Home"}));
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.packageName, "com.b");
    EXPECT_EQ(result.rule, "P-7");
    EXPECT_EQ(result.persistentPreferredIndex, std::optional<size_t>(0));
    device.apiLevel = 19;
    PackageIndex kitkat(device);
    EXPECT_EQ(
        kitkat.resolveActivity(intent(kHomeIntent), kDefaultOnly).chosen->component.packageName,
        "com.a");
}

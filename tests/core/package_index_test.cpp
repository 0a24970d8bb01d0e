// PackageIndex: candidate gathering (R-1..R-5), per-filter processing (R-6..R-8), sorting (R-9),
// priority clamping (P-1..P-3), explicit and package-restricted intents (Q-1..Q-3), and the index
// against a full scan. chooseBestActivity and preferred activities are resolve_activity_test.cpp,
// explain() is explain_test.cpp. Tests are named after the rule or the spec's edge-case row they
// check (spec section 7).

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>
#include <hearth/synthetic.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <vector>

#include "index_fixtures.h"

using namespace hearth;
using namespace hearth::fixtures;

// ---- R-1..R-5: candidate gathering
// ---------------------------------------------------------------

TEST(IntentResolverBuckets, Row3IntentWithoutActionTypeOrSchemeFindsNothing) {
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {filter(action(kMain) + category(kDefault))}))}});
    PackageIndex index(device);
    const Intent noAction = intent({"-c", kDefault});
    // M-2: the filter itself would accept the intent...
    EXPECT_EQ(device.packages[0].manifest.components[0].filters[0].match(noAction), 0x108000);
    // ...but no bucket leads to it (R-5).
    EXPECT_TRUE(index.query(noAction, 0).empty());
    const std::vector<Rejection> why = index.explain(noAction, 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "R-5");
    EXPECT_EQ(why[0].reason,
              "the filter would match (0x108000) but the resolver never looks at it: this intent "
              "scans no bucket: it has no action, no type and no scheme; the filter is registered "
              "in actionToFilter['android.intent.action.MAIN']");
}

TEST(IntentResolverBuckets, Row4DataWithoutActionIsFoundThroughTheSchemeBucket) {
    Device device = makeDevice(
        34,
        {{manifestXml("com.a",
                      activity(".A", {filter(action(kView) + data("android:scheme=\"http\""))}))}});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(intent({"-d", "http://a"}), 0);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].match, 0x208000);
    EXPECT_FALSE(found[0].isDefault);
    // A startActivity additionally needs DEFAULT (R-7).
    EXPECT_TRUE(index.query(intent({"-d", "http://a"}), kDefaultOnly).empty());
}

TEST(IntentResolverBuckets, Row35WildcardTypeWithActionUsesTheTypedActionBucket) {
    Device device = makeDevice(
        34,
        {{manifestXml("com.a", activity(".A", {filter(action(kView) + category(kDefault) +
                                                      data("android:mimeType=\"image/png\""))}))}});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(intent({"-a", kView, "-t", "*/*"}), 0);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].match, 0x608000);
}

TEST(IntentResolverBuckets, Row36WildcardTypeWithoutActionFindsNothing) {
    Device device = makeDevice(
        34,
        {{manifestXml("com.a", activity(".A", {filter(action(kView) + category(kDefault) +
                                                      data("android:mimeType=\"image/png\""))}))}});
    PackageIndex index(device);
    const Intent typeOnly = intent({"-t", "*/*"});
    EXPECT_TRUE(index.query(typeOnly, 0).empty());
    const std::vector<Rejection> why = index.explain(typeOnly, 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "R-5");
    EXPECT_EQ(why[0].reason,
              "the filter would match (0x608000) but the resolver never looks at it: this intent "
              "scans no bucket: type '*/*' without an action and no scheme; the filter is "
              "registered in typeToFilter['image/png'], baseTypeToFilter['image'], "
              "typedActionToFilter['android.intent.action.VIEW']");
}

TEST(IntentResolverBuckets, Row39TypeWithoutSlashUsesNoTypeBucket) {
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {filter(action(kView) + category(kDefault) +
                                                          data("android:mimeType=\"*/*\""))}))}});
    PackageIndex index(device);
    EXPECT_TRUE(index.query(intent({"-a", kView, "-t", "foo"}), 0).empty());
}

TEST(IntentResolverBuckets, Row43DataWithoutSchemeReachesNoDataLessFilter) {
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {filter(action(kView) + category(kDefault))}))}});
    PackageIndex index(device);
    const Intent relative = intent({"-a", kView, "-d", "foo"});
    EXPECT_TRUE(index.query(relative, 0).empty());
    const std::vector<Rejection> why = index.explain(relative, 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "M-8");
    EXPECT_EQ(why[0].reason, "the filter declares no <data>, but the intent has data 'foo'");
}

TEST(IntentResolverBuckets, WildcardSubtypeQueryFindsConcreteTypesThroughTheBaseBucket) {
    // R-2 + spec 3.2: an intent of type image/* scans baseTypeToFilter["image"].
    Device device = makeDevice(
        34,
        {{manifestXml("com.a", activity(".A", {filter(action(kView) + category(kDefault) +
                                                      data("android:mimeType=\"image/png\""))}))},
         {manifestXml("com.b", activity(".B", {filter(action(kView) + category(kDefault) +
                                                      data("android:mimeType=\"image/*\""))}))}});
    PackageIndex index(device);
    EXPECT_EQ(components(index.query(intent({"-a", kView, "-t", "image/*"}), 0)),
              (Names{"com.a/.A", "com.b/.B"}));
}

TEST(IntentResolverBuckets, FilterCountCoversEveryKind) {
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {filter(action("x")), filter(action("y"))}) +
                                       activity(".S", {filter(action("z"))}, "", "service") +
                                       activity(".R", {filter(action("z"))}, "", "receiver"))}});
    PackageIndex index(device);
    EXPECT_EQ(index.filterCount(), 4u);
}

// ---- R-6..R-8: per-filter processing
// -------------------------------------------------------------

TEST(PerFilterProcessing, Row44FirstMatchingFilterInScanOrderDefinesTheResult) {
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {filter(action("com.a.GO") + category(kDefault)),
                                                   filter(action("com.a.GO") + category(kDefault),
                                                          " android:priority=\"5\"")})),
              true, true}});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(intent({"-a", "com.a.GO"}), 0);
    ASSERT_EQ(found.size(), 1u) << "one ResolveInfo per activity (R-6)";
    EXPECT_EQ(found[0].priority, 0) << "the first filter met wins, not the best one";
    EXPECT_EQ(found[0].filter, &device.packages[0].manifest.components[0].filters[0]);
}

TEST(PerFilterProcessing, R7DefaultFilterAfterANonDefaultOneIsStillAccepted) {
    Device device = makeDevice(
        34, {{manifestXml("com.a",
                          activity(".A", {filter(action("com.a.GO")),
                                          filter(action("com.a.GO") + category(kDefault))}))}});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(intent({"-a", "com.a.GO"}), kDefaultOnly);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].filter, &device.packages[0].manifest.components[0].filters[1]);
    EXPECT_TRUE(found[0].isDefault);
}

TEST(PerFilterProcessing, Row5LauncherWithoutDefaultIsExcludedUnderMatchDefaultOnly) {
    Device device = makeDevice(
        34,
        {{manifestXml("com.a", activity(".A", {filter(action(kMain) + category(kLauncher))}))}});
    PackageIndex index(device);
    const Intent launcherIntent = intent({"-a", kMain, "-c", kLauncher});
    const ResolveResult result = index.resolveActivity(launcherIntent, kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::None);
    const std::vector<Rejection> why = index.explain(launcherIntent, kDefaultOnly);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "R-7");
    EXPECT_EQ(why[0].reason,
              "the filter matches (0x108000) but lacks category 'android.intent.category.DEFAULT', "
              "which MATCH_DEFAULT_ONLY requires");
}

TEST(PerFilterProcessing, Row6LauncherWithoutDefaultIsListedWithFlagsZero) {
    Device device = makeDevice(
        34,
        {{manifestXml("com.a", activity(".A", {filter(action(kMain) + category(kLauncher))}))}});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(intent({"-a", kMain, "-c", kLauncher}), 0);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_FALSE(found[0].isDefault);
    EXPECT_EQ(found[0].match, 0x108000);
}

TEST(PerFilterProcessing, Row52DisabledComponentIsAbsentFromImplicitAndExplicitQueries) {
    Device device = makeDevice(34, {browser("com.a"), browser("com.b")});
    device.packages[1].disabledComponents.insert("com.b.Browser");
    PackageIndex index(device);
    const Intent web = intent({"-a", kView, "-d", "http://x/"});
    EXPECT_EQ(components(index.query(web, 0)), (Names{"com.a/.Browser"}));
    EXPECT_TRUE(index.query(intent({"-n", "com.b/.Browser"}), 0).empty());
    const std::vector<Rejection> why = index.explain(web, 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "R-8");
    EXPECT_EQ(why[0].reason,
              "the filter matches (0x208000) but it is disabled on the device "
              "('disabledComponents')");
    // MATCH_DISABLED_COMPONENTS brings it back.
    EXPECT_EQ(index.query(web, flags::kMatchDisabledComponents).size(), 2u);
}

TEST(PerFilterProcessing, R8ManifestDisabledComponentCanBeEnabledByTheDevice) {
    Device device = makeDevice(34, {browser("com.a", " android:enabled=\"false\"")});
    const Intent web = intent({"-a", kView, "-d", "http://x/"});
    {
        PackageIndex index(device);
        EXPECT_TRUE(index.query(web, 0).empty());
        const std::vector<Rejection> why = index.explain(web, 0);
        ASSERT_EQ(why.size(), 1u);
        EXPECT_EQ(why[0].reason,
                  "the filter matches (0x208000) but its <activity> has "
                  "android:enabled=\"false\"");
    }
    device.packages[0].enabledComponents.insert("com.a.Browser");
    PackageIndex index(device);
    EXPECT_EQ(index.query(web, 0).size(), 1u);
}

TEST(PerFilterProcessing, R8LockedStorageHidesComponentsThatAreNotDirectBootAware) {
    Device device = makeDevice(
        34, {launcher("com.launcher"),
             {manifestXml("com.android.settings",
                          activity(".FallbackHome",
                                   {filter(action(kMain) + category(kHome) + category(kDefault),
                                           " android:priority=\"-1000\"")},
                                   " android:directBootAware=\"true\""))}});
    device.userUnlocked = false;
    PackageIndex index(device);
    const Intent home = intent(kHomeIntent);
    EXPECT_EQ(components(index.query(home, 0)), (Names{"com.android.settings/.FallbackHome"}));
    const std::vector<Rejection> why = index.explain(home, 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].reason,
              "the filter matches (0x108000) but user storage is locked (direct boot) and it is "
              "not directBootAware");
    // Asking for unaware components explicitly finds the launcher again.
    EXPECT_EQ(index.query(home, flags::kMatchDirectBootUnaware).size(), 1u);
    EXPECT_EQ(
        index.query(home, flags::kMatchDirectBootUnaware | flags::kMatchDirectBootAware).size(),
        2u);
}

TEST(PerFilterProcessing, StoppedPackagesAreSkippedWhenTheIntentExcludesThem) {
    Device device = makeDevice(34, {browser("com.a"), browser("com.b")});
    device.packages[0].stopped = true;
    device.packages[1].stopped = true;
    device.packages[1].system = true;  // system apps are never filtered as stopped
    PackageIndex index(device);
    const Intent excluding = intent({"-a", kView, "-d", "http://x/", "-f", "0x10"});
    EXPECT_EQ(components(index.query(excluding, 0)), (Names{"com.b/.Browser"}));
    const std::vector<Rejection> why = index.explain(excluding, 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "3.3");
    // MATCH_ALL keeps every browser: otherwise com.b, the only system browser, holds the
    // BROWSER role by W-41 and stands for both (W-14).
    EXPECT_EQ(
        components(index.query(intent({"-a", kView, "-d", "http://x/"}), flags::kMatchAll)).size(),
        2u);
}

TEST(PerFilterProcessing, MatchSystemOnlyKeepsSystemApps) {
    Device device = makeDevice(34, {browser("com.a"), browser("com.b")});
    device.packages[1].system = true;
    PackageIndex index(device);
    EXPECT_EQ(
        components(index.query(intent({"-a", kView, "-d", "http://x/"}), flags::kMatchSystemOnly)),
        (Names{"com.b/.Browser"}));
}

TEST(PerFilterProcessing, ActivityAliasIsItsOwnComponent) {
    Device device = makeDevice(
        34,
        {{manifestXml("com.a", activity(".Real", {}) +
                                   "    <activity-alias android:name=\".Alias\" "
                                   "android:targetActivity=\".Real\" android:exported=\"true\">\n"
                                   "      " +
                                   filter(action("com.a.GO") + category(kDefault)) +
                                   "\n    </activity-alias>\n")}});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(intent({"-a", "com.a.GO"}), 0);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].component.className, "com.a.Alias");
    EXPECT_EQ(found[0].kind, ComponentKind::ActivityAlias);
}

TEST(PerFilterProcessing, ServicesAndReceiversResolveThroughTheSameMachinery) {
    Device device = makeDevice(
        34, {{manifestXml(
                "com.a",
                activity(".Sync", {filter(action("com.a.SYNC"))}, "", "service") +
                    activity(".Boot", {filter(action("com.a.SYNC"), " android:priority=\"7\"")}, "",
                             "receiver"))}});
    PackageIndex index(device);
    const Intent sync = intent({"-a", "com.a.SYNC"});
    EXPECT_EQ(components(index.query(sync, 0, ComponentKind::Service)), (Names{"com.a/.Sync"}));
    const std::vector<ResolveInfo> receivers = index.query(sync, 0, ComponentKind::Receiver);
    ASSERT_EQ(receivers.size(), 1u);
    EXPECT_EQ(receivers[0].priority, 7) << "receiver priorities are not clamped";
    EXPECT_TRUE(index.query(sync, 0, ComponentKind::Activity).empty());
    const ResolveResult service = index.resolve(sync, 0, ComponentKind::Service);
    EXPECT_EQ(service.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(service.chosen->component.flattenToShortString(), "com.a/.Sync");
}

// ---- R-9: sorting
// --------------------------------------------------------------------------------

TEST(ResolveSort, R9ModernSortsSystemAppsFirstThenByPackageName) {
    Device device =
        makeDevice(34, {browser("com.zeta"), browser("com.beta"), browser("com.alpha")});
    device.packages[0].system = true;
    PackageIndex index(device);
    // MATCH_ALL: without it com.zeta, the only system browser, is the W-41 role holder and the
    // only browser listed (W-14).
    EXPECT_EQ(components(index.query(intent({"-a", kView, "-d", "http://x/"}), flags::kMatchAll)),
              (Names{"com.zeta/.Browser", "com.alpha/.Browser", "com.beta/.Browser"}));
}

TEST(ResolveSort, R9LegacyKeepsScanOrderAfterTheFourKeys) {
    Device device = makeDevice(8, {browser("com.zeta"), browser("com.beta"), browser("com.alpha")});
    device.packages[2].system = true;
    PackageIndex index(device);
    EXPECT_EQ(components(index.query(intent({"-a", kView, "-d", "http://x/"}), 0)),
              (Names{"com.zeta/.Browser", "com.beta/.Browser", "com.alpha/.Browser"}));
}

TEST(ResolveSort, R9PriorityThenDefaultThenMatch) {
    Device device = makeDevice(
        34,
        {{manifestXml("com.scheme", activity(".A", {filter(action(kView) + category(kDefault) +
                                                           data("android:scheme=\"http\""))}))},
         {manifestXml("com.path",
                      activity(".A", {filter(action(kView) + category(kDefault) +
                                             data("android:scheme=\"http\" android:host=\"x\" "
                                                  "android:pathPrefix=\"/\""))}))},
         {manifestXml("com.nodefault",
                      activity(".A", {filter(action(kView) + data("android:scheme=\"http\""))}))},
         {manifestXml("com.high",
                      activity(".A", {filter(action(kView) + data("android:scheme=\"http\""),
                                             " android:priority=\"3\"")})),
          true, true}});
    device.apiLevel = 34;
    PackageIndex index(device);
    // com.high's priority 3 on VIEW is clamped (P-1), so it sorts as a non-default priority-0 app.
    EXPECT_EQ(components(index.query(intent({"-a", kView, "-d", "http://x/y"}), 0)),
              (Names{"com.path/.A", "com.scheme/.A", "com.high/.A", "com.nodefault/.A"}));
    device.apiLevel = 8;  // 2.x: no P-1, system apps keep their priority
    PackageIndex legacy(device);
    EXPECT_EQ(components(legacy.query(intent({"-a", kView, "-d", "http://x/y"}), 0)),
              (Names{"com.high/.A", "com.path/.A", "com.scheme/.A", "com.nodefault/.A"}));
}

TEST(ResolveSort, DescribeOrderNamesTheDecidingKey) {
    ResolveInfo a;
    ResolveInfo b;
    a.component = {"com.a", "com.a.X"};
    b.component = {"com.b", "com.b.X"};
    a.priority = 1;
    EXPECT_EQ(describeOrder(a, b, 34), "priority 1 > 0");
    a.priority = 0;
    a.match = 0x508000;
    b.match = 0x208000;
    EXPECT_EQ(describeOrder(a, b, 34), "match 0x508000 > 0x208000");
    a.match = b.match;
    EXPECT_EQ(describeOrder(a, b, 34), "package name 'com.a' < 'com.b'");
    EXPECT_EQ(describeOrder(a, b, 8), "scan order");
    EXPECT_EQ(sortKeyCount(8), 4);
    EXPECT_EQ(sortKeyCount(19), 5);
    EXPECT_EQ(sortKeyCount(29), 6);
}

// ---- P-1..P-3: priority clamping
// -----------------------------------------------------------------

TEST(PriorityClamp, Row49NonPrivilegedLauncherIsClampedAndTiesIntoTheChooser) {
    Device device = makeDevice(34, {launcher("com.pushy", 100), launcher("com.stock")});
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    ASSERT_EQ(result.candidates.size(), 2u);
    const ResolveInfo& pushy = result.candidates[0].component.packageName == "com.pushy"
                                   ? result.candidates[0]
                                   : result.candidates[1];
    EXPECT_EQ(pushy.priority, 0);
    EXPECT_EQ(pushy.declaredPriority, 100);
    EXPECT_EQ(result.reason,
              "top two tie at priority 0, default, no preferred activity; the chooser shows 2 "
              "activities; com.pushy/.Home declared 100, clamped to 0 by P-1: not a privileged "
              "app");
}

TEST(PriorityClamp, Row50PrivilegedViewFilterIsClampedUnlessSetupWizard) {
    const std::string viewFilter =
        filter(action(kView) + category(kDefault) + data("android:scheme=\"http\""),
               " android:priority=\"10\"");
    Device device =
        makeDevice(34, {{manifestXml("com.priv", activity(".A", {viewFilter})), true, true}});
    {
        PackageIndex index(device);
        const Component& component = device.packages[0].manifest.components[0];
        EXPECT_EQ(index.effectivePriority(device.packages[0], component, component.filters[0]), 0);
        EXPECT_EQ(index.priorityNote(device.packages[0], component, component.filters[0]),
                  "declared 10, clamped to 0 by P-1: privileged app with protected action "
                  "'android.intent.action.VIEW' (only the setup wizard may)");
        EXPECT_FALSE(index.setupWizardPackage().has_value());
    }
    // The same package becomes the setup wizard once it answers MAIN + SETUP_WIZARD.
    Device wizard = makeDevice(
        34, {{manifestXml("com.priv",
                          activity(".A", {viewFilter}) +
                              activity(".Setup", {filter(action(kMain) + category(kDefault) +
                                                         category(names::kCategorySetupWizard))})),
              true, true}});
    PackageIndex index(wizard);
    EXPECT_EQ(index.setupWizardPackage(), std::optional<std::string>("com.priv"));
    const Component& component = wizard.packages[0].manifest.components[0];
    EXPECT_EQ(index.effectivePriority(wizard.packages[0], component, component.filters[0]), 10);
}

TEST(PriorityClamp, P1PrivilegedHomeKeepsItsPriority) {
    Device device =
        makeDevice(34, {{launcher("com.provision", 1).xml, true, true}, launcher("com.launcher")});
    PackageIndex index(device);
    const ResolveResult result = index.resolveActivity(intent(kHomeIntent), kDefaultOnly);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.flattenToShortString(), "com.provision/.Home");
    EXPECT_EQ(result.reason, "top two differ in priority (1 > 0)");
}

TEST(PriorityClamp, P1UpdatedPrivilegedAppIsClampedWithANote) {
    Device device = makeDevice(34, {{launcher("com.provision", 1).xml, true, true}});
    device.packages[0].updatedSystemApp = true;
    PackageIndex index(device);
    const Component& component = device.packages[0].manifest.components[0];
    EXPECT_EQ(index.effectivePriority(device.packages[0], component, component.filters[0]), 0);
    EXPECT_EQ(index.priorityNote(device.packages[0], component, component.filters[0]),
              "declared 1, clamped to 0 by P-1: an updated privileged app keeps at most the "
              "priority of its system-image version, which Hearth does not know");
}

TEST(PriorityClamp, P2SystemAppsKeepPriorityOnAndroid4) {
    Device device =
        makeDevice(19, {{launcher("com.sys", 5).xml, true, false}, launcher("com.user", 5)});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found = index.query(intent(kHomeIntent), 0);
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0].component.packageName, "com.sys");
    EXPECT_EQ(found[0].priority, 5);
    EXPECT_EQ(found[1].priority, 0);
    const Component& user = device.packages[1].manifest.components[0];
    EXPECT_EQ(index.priorityNote(device.packages[1], user, user.filters[0]),
              "declared 5, forced to 0 by P-2: not a system app");
}

TEST(PriorityClamp, Row51LegacyNonSystemActivityIsParsedAsZero) {
    Device device = makeDevice(8, {launcher("com.user", 5)});
    PackageIndex index(device);
    const Component& user = device.packages[0].manifest.components[0];
    EXPECT_EQ(index.effectivePriority(device.packages[0], user, user.filters[0]), 0);
    EXPECT_EQ(index.priorityNote(device.packages[0], user, user.filters[0]),
              "declared 5, parsed as 0 by P-3: not a system app");
}

TEST(PriorityClamp, NegativePrioritiesAreNeverTouched) {
    Device device = makeDevice(34, {launcher("com.fallback", -1000)});
    PackageIndex index(device);
    const Component& home = device.packages[0].manifest.components[0];
    EXPECT_EQ(index.effectivePriority(device.packages[0], home, home.filters[0]), -1000);
    EXPECT_EQ(index.priorityNote(device.packages[0], home, home.filters[0]), "");
}

// ---- Q-1..Q-3: explicit, package-restricted, selector
// --------------------------------------------

TEST(ExplicitIntent, Row53ExplicitComponentIgnoresFilters) {
    Device device = makeDevice(34, {browser("com.a")});
    PackageIndex index(device);
    const std::vector<ResolveInfo> found =
        index.query(intent({"-a", "com.nothing.MATCHES", "-n", "com.a/.Browser"}), kDefaultOnly);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].match, 0);
    EXPECT_EQ(found[0].priority, 0);
    EXPECT_FALSE(found[0].isDefault);
    EXPECT_EQ(found[0].filter, nullptr);
    const ResolveResult result = index.resolveActivity(intent({"-n", "com.a/.Browser"}), 0);
    EXPECT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.reason, "the intent names the component explicitly (Q-2)");
}

TEST(ExplicitIntent, MissingComponentResolvesToNothing) {
    Device device = makeDevice(34, {browser("com.a")});
    PackageIndex index(device);
    EXPECT_TRUE(index.query(intent({"-n", "com.a/.Nope"}), 0).empty());
    EXPECT_TRUE(index.query(intent({"-n", "com.nope/.Browser"}), 0).empty());
    // Q-2: only the named component is explained, and it does not exist: say what the package has.
    const std::vector<Rejection> why = index.explain(intent({"-n", "com.a/.Nope"}), 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "Q-2");
    EXPECT_EQ(why[0].component.flattenToShortString(), "com.a/.Nope");
    EXPECT_EQ(why[0].reason, "'com.a' declares no activity '.Nope'; it has .Browser");
}

TEST(PackageRestrictedIntent, Q3OnlyThatPackageIsConsidered) {
    Device device = makeDevice(34, {browser("com.a"), browser("com.b")});
    PackageIndex index(device);
    const Intent restricted = intent({"-a", kView, "-d", "http://x/", "-p", "com.b"});
    EXPECT_EQ(components(index.query(restricted, 0)), (Names{"com.b/.Browser"}));
    const std::vector<Rejection> why = index.explain(restricted, 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "Q-3");
    EXPECT_EQ(why[0].reason, "the intent is restricted to package 'com.b'");
}

TEST(PackageRestrictedIntent, Q3ScansThePackagesFiltersWithoutTheIndex) {
    // queryIntentFromList walks the package's filters directly, so R-5 does not apply: an intent
    // without action, type or scheme still matches a data-less filter (M-2).
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {filter(action(kMain) + category(kDefault))}))}});
    PackageIndex index(device);
    EXPECT_TRUE(index.query(intent({"-c", kDefault}), 0).empty());
    EXPECT_EQ(components(index.query(intent({"-c", kDefault, "-p", "com.a"}), 0)),
              (Names{"com.a/.A"}));
}

TEST(SelectorIntent, Q1TheSelectorIsResolvedInsteadOfTheIntent) {
    Device device = makeDevice(34, {browser("com.a"), launcher("com.home")});
    PackageIndex index(device);
    const Intent withSelector =
        intent({"-a", "com.nothing.MATCHES", "--selector", "-a", kMain, "-c", kHome});
    ASSERT_NE(withSelector.selector, nullptr);
    EXPECT_EQ(components(index.query(withSelector, 0)), (Names{"com.home/.Home"}));
}

// ---- the index against a full scan
// ---------------------------------------------------------------

namespace {

// An independent, deliberately slow statement of spec 3.2-3.4: for each cut in Android's order,
// every activity filter of the device registered in that bucket, in registration order, through
// the per-filter steps; then the R-9 sort. The index (with its posting lists) must agree exactly.
std::vector<std::pair<std::string, int>> fullScan(const Device& device, const PackageIndex& clamp,
                                                  const Intent& intent, int queryFlags) {
    struct Cut {
        int kind;  // 0 type, 1 base type, 2 wild type, 3 typed action, 4 action, 5 scheme
        std::string key;
    };
    std::vector<Cut> cuts;
    if (intent.type) {
        const size_t slash = intent.type->find('/');
        if (slash != std::string::npos && slash > 0) {
            const std::string base = intent.type->substr(0, slash);
            if (base != "*") {
                const bool wild =
                    intent.type->size() == slash + 2 && (*intent.type)[slash + 1] == '*';
                cuts.push_back(wild ? Cut{1, base} : Cut{0, *intent.type});
                cuts.push_back(Cut{2, base});
                cuts.push_back(Cut{2, "*"});
            } else if (intent.action) {
                cuts.push_back(Cut{3, *intent.action});
            }
        }
    }
    const std::optional<std::string> scheme = intent.data ? intent.data->scheme() : std::nullopt;
    if (!intent.type && !scheme && intent.action) cuts.push_back(Cut{4, *intent.action});
    if (scheme) cuts.push_back(Cut{5, *scheme});

    auto registered = [](const IntentFilter& filter, const Cut& cut) {
        auto has = [](const std::vector<std::string>& list, const std::string& value) {
            return std::find(list.begin(), list.end(), value) != list.end();
        };
        for (const std::string& type : filter.types) {
            const size_t slash = type.find('/');
            const bool partial = type.size() == slash + 2 && type[slash + 1] == '*';
            const std::string base = type.substr(0, slash);
            if (cut.kind == 0 && type == cut.key) return true;
            if (cut.kind == 1 && !partial && base == cut.key) return true;
            if (cut.kind == 2 && partial && base == cut.key) return true;
        }
        if (cut.kind == 3) return !filter.types.empty() && has(filter.actions, cut.key);
        if (cut.kind == 4) {
            return filter.types.empty() && filter.schemes.empty() && has(filter.actions, cut.key);
        }
        if (cut.kind == 5) return has(filter.schemes, cut.key);
        return false;
    };

    std::vector<ResolveInfo> out;
    for (const Cut& cut : cuts) {
        for (const InstalledPackage& package : device.packages) {
            for (const Component& component : package.manifest.components) {
                if (component.kind != ComponentKind::Activity &&
                    component.kind != ComponentKind::ActivityAlias) {
                    continue;
                }
                for (const IntentFilter& filter : component.filters) {
                    if (!registered(filter, cut)) continue;
                    const bool dup = std::any_of(out.begin(), out.end(), [&](const ResolveInfo& r) {
                        return r.info == &component;
                    });
                    if (dup) continue;
                    const int match = filter.match(intent);
                    if (match < 0) continue;
                    if ((queryFlags & kDefaultOnly) != 0 && !filter.hasDefault()) continue;
                    if (!package.isComponentEnabled(component)) continue;
                    ResolveInfo info;
                    info.component = {package.packageName(), component.name};
                    info.priority = clamp.effectivePriority(package, component, filter);
                    info.match = match;
                    info.isDefault = filter.hasDefault();
                    info.system = package.system;
                    info.info = &component;
                    out.push_back(info);
                }
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ResolveInfo& a, const ResolveInfo& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        if (a.isDefault != b.isDefault) return a.isDefault;
        if (a.match != b.match) return a.match > b.match;
        if (a.system != b.system) return a.system;
        return a.component.packageName < b.component.packageName;
    });
    std::vector<std::pair<std::string, int>> answer;
    for (const ResolveInfo& info : out) {
        answer.emplace_back(info.component.flattenToShortString(), info.match);
    }
    return answer;
}

// What the buckets gather (R-1..R-9), before domain filtering (W-3) narrows web intents.
std::vector<std::pair<std::string, int>> indexed(const PackageIndex& index, const Intent& intent,
                                                 int queryFlags) {
    std::vector<std::pair<std::string, int>> answer;
    for (const ResolveInfo& info : index.trace(ResolveRequest{intent, queryFlags}).gathered) {
        answer.emplace_back(info.component.flattenToShortString(), info.match);
    }
    return answer;
}

}  // namespace

TEST(IndexAgreesWithFullScan, OnASyntheticDeviceForEveryProbeAndVariant) {
    const SyntheticDevice synthetic = generateSyntheticDevice({400, 7});
    Result<Device> device = buildSyntheticDevice(synthetic);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    const PackageIndex index(*device);

    std::vector<std::vector<std::string>> intents;
    for (const SyntheticProbe& probe : synthetic.probes) intents.push_back(probe.args);
    // Variants that exercise every bucket kind and the posting lists: hosts in other cases, no
    // host, wildcard and base types, categories nobody has, no action.
    std::vector<std::string> hosts;
    for (const InstalledPackage& package : device->packages) {
        for (const Component& component : package.manifest.components) {
            for (const IntentFilter& filter : component.filters) {
                for (const FilterAuthority& authority : filter.authorities) {
                    if (hosts.size() < 40) hosts.push_back(authority.host);
                }
            }
        }
    }
    for (const std::string& host : hosts) {
        std::string upper = host;
        for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        for (const std::string& h : {host, upper}) {
            const std::string bare = !h.empty() && h[0] == '*' ? "m" + h.substr(1) : h;
            intents.push_back({"-a", kView, "-c", "android.intent.category.BROWSABLE", "-d",
                               "https://" + bare + "/a/b"});
            intents.push_back({"-a", kView, "-d", "http://" + bare + "/"});
            intents.push_back({"-d", "https://" + bare + "/x"});
        }
    }
    for (const char* type : {"image/*", "image/png", "text/plain", "*/*", "video/mp4", "foo"}) {
        intents.push_back({"-a", kView, "-t", type});
        intents.push_back({"-a", "android.intent.action.SEND", "-t", type});
        intents.push_back({"-t", type});
        intents.push_back({"-a", kView, "-d", "content://media/1", "-t", type});
    }
    intents.push_back({"-a", kView, "-d", "mailto:a@b.c"});
    intents.push_back({"-a", kView, "-d", "geo:0,0"});
    intents.push_back({"-a", kMain, "-c", kLauncher, "-c", "com.example.NOBODY"});
    intents.push_back({"-a", kMain});
    intents.push_back({"-c", kDefault});

    size_t nonEmpty = 0;
    for (const std::vector<std::string>& args : intents) {
        const Intent probe = intent(args);
        for (int queryFlags : {0, kDefaultOnly}) {
            const auto expected = fullScan(*device, index, probe, queryFlags);
            EXPECT_EQ(indexed(index, probe, queryFlags), expected)
                << ::testing::PrintToString(args) << " flags " << queryFlags;
            nonEmpty += expected.empty() ? 0 : 1;
        }
    }
    EXPECT_GT(nonEmpty, intents.size() / 2) << "the variants should mostly find something";
}

TEST(IntentResolverBuckets, Row39ExplainSaysTheTypeHasNoBase) {
    Device device = makeDevice(
        34, {{manifestXml("com.a", activity(".A", {filter(action(kView) + category(kDefault) +
                                                          data("android:mimeType=\"*/*\""))}))}});
    PackageIndex index(device);
    const std::vector<Rejection> why = index.explain(intent({"-a", kView, "-t", "foo"}), 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "R-5");
    EXPECT_EQ(why[0].reason,
              "the filter would match (0x608000) but the resolver never looks at it: this intent "
              "scans no bucket: its type 'foo' has no 'base/' part and there is no scheme; the "
              "filter is registered in typeToFilter['*/*'], wildTypeToFilter['*'], "
              "typedActionToFilter['android.intent.action.VIEW']");
}

// PackageIndex::explain (explain.cpp): why each component is not a candidate, which filter came
// closest, and how near it came (describeFilterMatch itself: intent_filter_explain_test.cpp).

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

// ---- explain() (describeFilterMatch itself: intent_filter_explain_test.cpp)
// -----------------------------------------------------------

TEST(Explain, NamesThePartOfTheFilterThatFailed) {
    Device device = makeDevice(
        34, {{manifestXml("com.mail",
                          activity(".Compose", {filter(action("android.intent.action.SENDTO") +
                                                       category(kDefault) +
                                                       data("android:scheme=\"mailto\""))}))},
             {manifestXml("com.cat", activity(".A", {filter(action(kView) + category(kDefault) +
                                                            data("android:scheme=\"https\""))}))},
             {manifestXml("com.scheme",
                          activity(".A", {filter(action(kView) + category(kDefault) +
                                                 category("android.intent.category.BROWSABLE") +
                                                 data("android:scheme=\"HTTPS\""))}))},
             {manifestXml("com.host",
                          activity(".A", {filter(action(kView) + category(kDefault) +
                                                 category("android.intent.category.BROWSABLE") +
                                                 data("android:scheme=\"https\" "
                                                      "android:host=\"*.example.com\""))}))},
             {manifestXml("com.port",
                          activity(".A", {filter(action(kView) + category(kDefault) +
                                                 category("android.intent.category.BROWSABLE") +
                                                 data("android:scheme=\"https\" "
                                                      "android:host=\"example.com\" "
                                                      "android:port=\"8443\""))}))},
             {manifestXml("com.path",
                          activity(".A", {filter(action(kView) + category(kDefault) +
                                                 category("android.intent.category.BROWSABLE") +
                                                 data("android:scheme=\"https\" "
                                                      "android:host=\"example.com\" "
                                                      "android:pathPrefix=\"/docs\""))}))},
             {manifestXml("com.type",
                          activity(".A", {filter(action(kView) + category(kDefault) +
                                                 category("android.intent.category.BROWSABLE") +
                                                 data("android:scheme=\"https\" "
                                                      "android:mimeType=\"image/*\""))}))}});
    PackageIndex index(device);
    const Intent web = intent(
        {"-a", kView, "-c", "android.intent.category.BROWSABLE", "-d", "https://example.com/x"});
    const std::vector<Rejection> why = index.explain(web, 0);
    ASSERT_EQ(why.size(), 7u);
    auto reasonOf = [&](const std::string& name) {
        const Rejection* rejection = rejectionOf(why, name);
        return rejection ? rejection->rule + ": " + rejection->reason : "(none)";
    };
    EXPECT_EQ(reasonOf("com.mail/.Compose"),
              "M-3: action 'android.intent.action.VIEW' is not in the filter's actions [SENDTO]");
    EXPECT_EQ(reasonOf("com.cat/.A"),
              "M-5: category 'android.intent.category.BROWSABLE' is not in the filter's "
              "categories [DEFAULT]");
    EXPECT_EQ(reasonOf("com.scheme/.A"),
              "M-9: scheme 'https' is not in the filter's schemes [HTTPS] (schemes are "
              "case-sensitive)");
    EXPECT_EQ(reasonOf("com.host/.A"),
              "M-14: host 'example.com' matches none of the filter's hosts [*.example.com]");
    EXPECT_EQ(reasonOf("com.port/.A"),
              "M-16: 'https://example.com/x' has no port, but the filter's authority "
              "'example.com' needs port 8443");
    EXPECT_EQ(reasonOf("com.path/.A"),
              "M-9: path '/x' matches none of the filter's paths [prefix '/docs']");
    EXPECT_EQ(reasonOf("com.type/.A"),
              "M-11: the filter needs a MIME type from [image/*], but the intent has none (only "
              "-t sets it; content providers are not asked)");
    EXPECT_EQ(rejectionOf(why, "com.mail/.Compose")->filter,
              &device.packages[0].manifest.components[0].filters[0]);
    // Near misses (issue 15): the filter failed only on a detail under a matching scheme and host.
    auto near = [&](const std::string& name) { return rejectionOf(why, name)->nearMiss; };
    EXPECT_FALSE(near("com.mail/.Compose"));  // M-3: another action
    EXPECT_TRUE(near("com.cat/.A"));          // M-5: action and data matched
    EXPECT_FALSE(near("com.scheme/.A"));      // M-9: another scheme
    EXPECT_FALSE(near("com.host/.A"));        // M-14: another host
    EXPECT_TRUE(near("com.port/.A"));         // M-16: same host, another port
    EXPECT_TRUE(near("com.path/.A"));         // M-9: same host, another path
    EXPECT_TRUE(near("com.type/.A"));         // M-11: data matched, the type did not
}

TEST(Explain, AnotherTypeIsFarAndAMissingTypeIsNear) {
    const std::string send = action("android.intent.action.SEND") + category(kDefault);
    Device device = makeDevice(
        34, {{manifestXml("com.images",
                          activity(".Share", {filter(send + data("android:mimeType=\"image/*\""))}))},
             {manifestXml("com.html", activity(".Share", {filter(send + data(
                                                           "android:mimeType=\"text/html\""))}))}});
    PackageIndex index(device);
    const std::vector<Rejection> why =
        index.explain(intent({"-a", "android.intent.action.SEND", "-t", "text/plain"}), 0);
    ASSERT_EQ(why.size(), 2u);
    EXPECT_FALSE(rejectionOf(why, "com.images/.Share")->nearMiss);
    EXPECT_FALSE(rejectionOf(why, "com.html/.Share")->nearMiss);
    // M-11: the filters want a type the intent lacks; everything else matched.
    const std::vector<Rejection> untyped =
        index.explain(intent({"-a", "android.intent.action.SEND"}), 0);
    ASSERT_EQ(untyped.size(), 2u);
    EXPECT_TRUE(untyped[0].nearMiss);
    EXPECT_TRUE(untyped[1].nearMiss);
}

TEST(Explain, AMissingCategoryIsNearOnlyWhenDataOrTypeMatchedToo) {
    // A HOME intent fails on the category at every MAIN/LAUNCHER filter: those are far.
    Device device = makeDevice(
        34, {{manifestXml("com.app", activity(".Main", {filter(action(kMain) +
                                                              category(kLauncher))}))}});
    PackageIndex index(device);
    const std::vector<Rejection> why = index.explain(intent(kHomeIntent), 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "M-5");
    EXPECT_FALSE(why[0].nearMiss);
}

TEST(Explain, FilterThatMatchesButIsRefusedIsANearMiss) {
    // matched without DEFAULT under MATCH_DEFAULT_ONLY.
    Device device = makeDevice(34, {launcher("com.a", 0, /*withDefault=*/false)});
    PackageIndex index(device);
    const std::vector<Rejection> why = index.explain(intent(kHomeIntent), kDefaultOnly);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "R-7");
    EXPECT_TRUE(why[0].nearMiss);
}

TEST(Explain, ExplicitIntentExplainsOnlyTheNamedComponent) {
    // the other components were never considered; only the named one is explained.
    Device device = makeDevice(
        34, {browser("com.a"), browser("com.b", " android:enabled=\"false\"")});
    PackageIndex index(device);
    const std::vector<Rejection> why = index.explain(intent({"-n", "com.b/.Browser"}), 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].component.flattenToShortString(), "com.b/.Browser");
    EXPECT_EQ(why[0].rule, "R-8");
    EXPECT_TRUE(why[0].nearMiss);
    EXPECT_TRUE(index.explain(intent({"-n", "com.a/.Browser"}), 0).empty());
}

TEST(Explain, MissingPackageSuggestsTheInstalledOneItProbablyMeant) {
    Device device = makeDevice(34, {browser("com.example.browser")});
    PackageIndex index(device);
    const std::vector<Rejection> why =
        index.explain(intent({"-n", "com.example.browsr/.Browser"}), 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "Q-2");
    EXPECT_EQ(why[0].reason,
              "no package 'com.example.browsr' is installed; did you mean 'com.example.browser'?");
    EXPECT_EQ(describeMissingPackage(device, "com.example.browser"), std::nullopt);
    EXPECT_EQ(describeMissingComponent(device, *ComponentName::unflatten("com.example.browser/.Browser"),
                                       ComponentKind::Activity),
              std::nullopt);
}

TEST(Explain, ComponentWithoutFiltersIsOnlyReachedExplicitly) {
    Device device = makeDevice(34, {{manifestXml("com.a", activity(".Settings", {}))}});
    PackageIndex index(device);
    const std::vector<Rejection> why = index.explain(intent({"-a", kView, "-d", "http://x"}), 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "Q-2");
    EXPECT_EQ(why[0].filter, nullptr);
    EXPECT_EQ(why[0].reason,
              "it declares no <intent-filter>: only an explicit intent (-n) reaches it");
}

TEST(Explain, ChoosesTheFilterThatCameClosest) {
    // The second filter fails on the category (after action and data passed): it explains more
    // than the first, which fails on the action.
    Device device = makeDevice(
        34,
        {{manifestXml("com.a",
                      activity(".A", {filter(action(kMain)),
                                      filter(action(kView) + data("android:scheme=\"http\""))}))}});
    PackageIndex index(device);
    const std::vector<Rejection> why =
        index.explain(intent({"-a", kView, "-c", "x.Y", "-d", "http://h"}), 0);
    ASSERT_EQ(why.size(), 1u);
    EXPECT_EQ(why[0].rule, "M-6");
    EXPECT_EQ(why[0].filter, &device.packages[0].manifest.components[0].filters[1]);
}

TEST(Explain, NearnessRanksNearMissesAboveComponentsThatFailedEarly) {
    // A filter failing at the action (M-3) is far; at the category (M-5) nearer; a matching filter
    // without DEFAULT under MATCH_DEFAULT_ONLY nearer still; no filter at all never
    // came close.
    Device device = makeDevice(
        34, {{manifestXml("com.far", activity(".A", {filter(action(kMain))}))},
             {manifestXml("com.cat", activity(".A", {filter(action(kView) +
                                                            data("android:scheme=\"http\""))}))},
             {manifestXml("com.nodefault",
                          activity(".A", {filter(action(kView) + category("x.Y") +
                                                 data("android:scheme=\"http\""))}))},
             {manifestXml("com.none", activity(".A", {}))}});
    PackageIndex index(device);
    const std::vector<Rejection> why =
        index.explain(intent({"-a", kView, "-c", "x.Y", "-d", "http://h"}), kDefaultOnly);
    ASSERT_EQ(why.size(), 4u);
    EXPECT_EQ(rejectionOf(why, "com.far/.A")->nearness, 1);
    EXPECT_EQ(rejectionOf(why, "com.cat/.A")->nearness, 4);
    EXPECT_EQ(rejectionOf(why, "com.nodefault/.A")->rule, "R-7");
    EXPECT_EQ(rejectionOf(why, "com.nodefault/.A")->nearness, 7);
    EXPECT_EQ(rejectionOf(why, "com.none/.A")->nearness, 0);
}

// The synthetic generator's renderings (synthetic_render.cpp, synthetic_model.h): a generated
// package as manifest XML that the real parser reads back to the same filters, and the intents a
// filter accepts, checked against the real matcher.

#include <gtest/gtest.h>
#include <hearth/filter_case.h>
#include <hearth/intent.h>
#include <hearth/intent_filter.h>
#include <hearth/manifest.h>
#include <hearth/pattern_matcher.h>

#include <string>
#include <vector>

#include "synthetic_model.h"

using namespace hearth;
using namespace hearth::synthetic;

namespace {

GenFilter webFilter() {
    GenFilter filter;
    filter.actions = {kView};
    filter.categories = {kDefault, kBrowsable};
    filter.schemes = {"https"};
    filter.hosts = {"*.notes42.com"};
    filter.paths = {{PathKind::Prefix, "/item"}, {PathKind::SimpleGlob, "/share/.*\\.html"}};
    filter.priority = 5;
    filter.autoVerify = true;
    return filter;
}

GenPackage onePackage() {
    GenPackage package;
    package.name = "com.notes42";
    package.label = "Notes & \"more\"";
    GenComponent main;
    main.name = ".ui.Main";
    main.filters = {webFilter()};
    GenComponent alias;
    alias.kind = GenKind::Alias;
    alias.name = ".Alias";
    alias.targetActivity = ".ui.Main";
    alias.enabled = false;
    GenComponent provider;
    provider.kind = GenKind::Provider;
    provider.name = ".Files";
    package.components = {main, alias, provider};
    package.filterCount = 1;
    return package;
}

Manifest parsed(const GenPackage& package) {
    Result<Manifest> manifest = parseManifest(renderManifest(package), "gen.xml");
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
    return manifest ? std::move(manifest).value() : Manifest{};
}

Intent toIntent(const GenIntent& generated) {
    Result<Intent> intent = parseIntentArgs(intentArgs(generated));
    EXPECT_TRUE(intent.has_value()) << intent.error().toString();
    return intent ? *intent : Intent{};
}

}  // namespace

TEST(SyntheticRender, TheManifestParsesBackToTheGeneratedComponentsWithoutWarnings) {
    const Manifest manifest = parsed(onePackage());
    EXPECT_TRUE(manifest.diagnostics.empty());
    EXPECT_EQ(manifest.packageName, "com.notes42");
    EXPECT_EQ(manifest.application.label, "Notes & \"more\"")
        << "the label is escaped and read back";
    ASSERT_EQ(manifest.components.size(), 3u);
    EXPECT_EQ(manifest.components[0].name, "com.notes42.ui.Main");
    EXPECT_TRUE(manifest.components[0].exported) << "a component with filters is exported";
    EXPECT_EQ(manifest.components[1].kind, ComponentKind::ActivityAlias);
    EXPECT_EQ(manifest.components[1].targetActivity, "com.notes42.ui.Main");
    EXPECT_FALSE(manifest.components[1].enabled);
    EXPECT_FALSE(manifest.components[1].exported) << "no filters: exported=\"false\"";
    EXPECT_EQ(manifest.components[2].kind, ComponentKind::Provider);
    EXPECT_EQ(manifest.components[2].authorities, "com.notes42.Files");
}

TEST(SyntheticRender, TheFilterIsWrittenWithEveryPartAndItsKinds) {
    const Manifest manifest = parsed(onePackage());
    ASSERT_EQ(manifest.components.size(), 3u);
    ASSERT_EQ(manifest.components[0].filters.size(), 1u);
    const IntentFilter& filter = manifest.components[0].filters[0];
    EXPECT_EQ(filter.actions, std::vector<std::string>{kView});
    EXPECT_EQ(filter.categories, (std::vector<std::string>{kDefault, kBrowsable}));
    EXPECT_EQ(filter.schemes, std::vector<std::string>{"https"});
    ASSERT_EQ(filter.authorities.size(), 1u);
    EXPECT_EQ(filter.authorities[0].host, "*.notes42.com");
    ASSERT_EQ(filter.paths.size(), 2u);
    EXPECT_EQ(filter.paths[0].kind(), PatternKind::Prefix);
    EXPECT_EQ(filter.paths[1].kind(), PatternKind::SimpleGlob);
    EXPECT_EQ(filter.paths[1].pattern(), "/share/.*\\.html");
    EXPECT_EQ(filter.priority, 5);
    EXPECT_TRUE(filter.autoVerify);
}

TEST(SyntheticRender, ConcreteHostsMatchTheirWildcards) {
    EXPECT_EQ(concreteHost("*"), "anything.example");
    EXPECT_EQ(concreteHost("*.notes42.com"), "m.notes42.com");
    EXPECT_EQ(concreteHost("notes42.com"), "notes42.com");
}

TEST(SyntheticRender, ConcretePathsMatchTheirPatterns) {
    Random random(7);
    for (const GenPath& path :
         {GenPath{PathKind::Literal, "/about"}, GenPath{PathKind::Prefix, "/item"},
          GenPath{PathKind::SimpleGlob, "/share/.*\\.html"},
          GenPath{PathKind::SimpleGlob, "watch.*"}}) {
        const PatternKind kind = path.kind == PathKind::Literal  ? PatternKind::Literal
                                 : path.kind == PathKind::Prefix ? PatternKind::Prefix
                                                                 : PatternKind::SimpleGlob;
        Result<PatternMatcher> matcher = PatternMatcher::create(kind, path.value);
        ASSERT_TRUE(matcher.has_value());
        for (int i = 0; i < 20; ++i) {
            const std::string concrete = concretePath(path, random);
            EXPECT_EQ(concrete.front(), '/') << concrete;
            if (path.value.front() == '/') {
                EXPECT_TRUE(matcher->match(concrete)) << path.value << " vs " << concrete;
            }
        }
    }
}

TEST(SyntheticRender, AMatchingIntentIsAcceptedByTheParsedFilter) {
    const Manifest manifest = parsed(onePackage());
    ASSERT_EQ(manifest.components.size(), 3u);
    const IntentFilter& filter = manifest.components[0].filters[0];
    Random random(11);
    for (int i = 0; i < 50; ++i) {
        const GenIntent generated = matchingIntent(webFilter(), random);
        EXPECT_GT(filter.match(toIntent(generated)), 0) << generated.data.value_or("(no data)");
        for (const std::string& category : generated.categories) {
            EXPECT_NE(category, kDefault)
                << "DEFAULT comes from MATCH_DEFAULT_ONLY, not the intent";
        }
    }
}

TEST(SyntheticRender, IntentArgsAreAmArgumentsInActionCategoryDataTypeOrder) {
    GenIntent intent;
    intent.action = "A";
    intent.categories = {"C1", "C2"};
    intent.data = "https://x/y";
    intent.type = "text/plain";
    EXPECT_EQ(intentArgs(intent), (std::vector<std::string>{"-a", "A", "-c", "C1", "-c", "C2", "-d",
                                                            "https://x/y", "-t", "text/plain"}));
    EXPECT_TRUE(intentArgs(GenIntent{}).empty());
}

TEST(SyntheticRender, TheCaseHoldsTheFilterAndTheIntentAndAnswersAsTheManifestFilterDoes) {
    Random random(3);
    const GenFilter filter = webFilter();
    const GenIntent intent = matchingIntent(filter, random);
    const FilterCase testCase = filterCase(filter, intent);
    EXPECT_EQ(testCase.actions, filter.actions);
    EXPECT_EQ(testCase.categories, filter.categories);
    ASSERT_EQ(testCase.authorities.size(), 1u);
    EXPECT_EQ(testCase.authorities[0].host, "*.notes42.com");
    EXPECT_FALSE(testCase.authorities[0].port.has_value());
    ASSERT_EQ(testCase.paths.size(), 2u);
    EXPECT_EQ(testCase.paths[0].kind, PatternKind::Prefix);
    EXPECT_EQ(testCase.paths[1].kind, PatternKind::SimpleGlob);
    EXPECT_EQ(testCase.data, intent.data);
    EXPECT_EQ(testCase.intentCategories, intent.categories);

    const FilterCaseBuild built = buildFilterCase(testCase);
    ASSERT_FALSE(built.androidError.has_value()) << *built.androidError;
    const Manifest manifest = parsed(onePackage());
    ASSERT_EQ(manifest.components.size(), 3u);
    const IntentFilter& fromManifest = manifest.components[0].filters[0];
    GenIntent refused = intent;
    refused.action = "android.intent.action.CALL";
    for (const GenIntent& probe : {intent, refused}) {
        const FilterCaseBuild each = buildFilterCase(filterCase(filter, probe));
        EXPECT_EQ(each.filter.match(each.intent), fromManifest.match(toIntent(probe)))
            << probe.data.value_or("");
    }
}

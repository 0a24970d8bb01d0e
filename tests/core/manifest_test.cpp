// The manifest model's own behaviour (manifest.cpp): component kind names, lookups, the SDK levels
// as Android reads them, and the probe intent of a <queries><intent>. expandClassName is tested in
// model_test; parsing in manifest_parser_test.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <optional>
#include <string>

using namespace hearth;

TEST(ComponentKindName, EveryKindRoundTripsThroughItsElementName) {
    for (ComponentKind kind :
         {ComponentKind::Activity, ComponentKind::ActivityAlias, ComponentKind::Service,
          ComponentKind::Receiver, ComponentKind::Provider}) {
        const std::optional<ComponentKind> back = componentKindFromName(componentKindName(kind));
        ASSERT_TRUE(back.has_value()) << componentKindName(kind);
        EXPECT_EQ(*back, kind);
    }
    EXPECT_STREQ(componentKindName(ComponentKind::ActivityAlias), "activity-alias");
}

TEST(ComponentKindName, AnUnknownOrDifferentlyCasedNameIsNoKind) {
    EXPECT_FALSE(componentKindFromName("Activity").has_value());
    EXPECT_FALSE(componentKindFromName("alias").has_value());
    EXPECT_FALSE(componentKindFromName("").has_value());
}

TEST(ManifestLookup, FindComponentMatchesTheFullyQualifiedNameOnly) {
    Manifest manifest;
    manifest.packageName = "com.a";
    Component main;
    main.name = "com.a.Main";
    manifest.components.push_back(main);
    ASSERT_NE(manifest.findComponent("com.a.Main"), nullptr);
    EXPECT_EQ(manifest.findComponent("com.a.Main"), &manifest.components[0]);
    EXPECT_EQ(manifest.findComponent(".Main"), nullptr) << "lookups take expanded names";
    EXPECT_EQ(manifest.findComponent("com.a.Other"), nullptr);
}

TEST(ManifestLookup, RequestsPermissionIgnoresMaxSdkVersion) {
    Manifest manifest;
    UsesPermission query;
    query.name = "android.permission.QUERY_ALL_PACKAGES";
    query.maxSdkVersion = 29;
    manifest.usesPermissions.push_back(query);
    EXPECT_TRUE(manifest.requestsPermission("android.permission.QUERY_ALL_PACKAGES"));
    EXPECT_FALSE(manifest.requestsPermission("android.permission.INTERNET"));
}

TEST(ManifestSdk, MinSdkIsOneWhenUnset) {
    Manifest manifest;
    EXPECT_EQ(manifest.effectiveMinSdk(), 1);
    manifest.minSdk = 21;
    EXPECT_EQ(manifest.effectiveMinSdk(), 21);
}

TEST(ManifestSdk, TargetSdkFallsBackToMinSdkWithUsesSdkAndToZeroWithout) {
    Manifest manifest;
    EXPECT_EQ(manifest.effectiveTargetSdk(), 0) << "no <uses-sdk>: DEFAULT_TARGET_SDK_VERSION";
    manifest.usesSdk = true;
    EXPECT_EQ(manifest.effectiveTargetSdk(), 1) << "<uses-sdk/> alone: the minSdk default";
    manifest.minSdk = 19;
    EXPECT_EQ(manifest.effectiveTargetSdk(), 19);
    manifest.targetSdk = 34;
    EXPECT_EQ(manifest.effectiveTargetSdk(), 34);
}

TEST(QueriesIntentProbe, SchemeAndHostGiveAHierarchicalUriWithAWildcardPath) {
    QueriesIntent queries;
    queries.scheme = "https";
    queries.host = "*.example.com";
    EXPECT_EQ(queries.dataUri(), "https://*.example.com/*");
    queries.host.reset();
    EXPECT_EQ(queries.dataUri(), "https:/*") << "no '//' without an authority";
}

TEST(QueriesIntentProbe, ATypeAloneGetsAContentUriAndNeitherGetsNone) {
    QueriesIntent queries;
    EXPECT_FALSE(queries.dataUri().has_value());
    queries.mimeType = "image/*";
    EXPECT_EQ(queries.dataUri(), "content://*/*");
}

TEST(QueriesIntentProbe, TheProbeCarriesActionCategoriesDataAndType) {
    QueriesIntent queries;
    queries.action = "android.intent.action.SEND";
    queries.categories = {"android.intent.category.DEFAULT", "android.intent.category.DEFAULT"};
    queries.mimeType = "text/plain";
    const Intent probe = queries.probe();
    EXPECT_EQ(probe.action, "android.intent.action.SEND");
    EXPECT_EQ(probe.categories, std::vector<std::string>{"android.intent.category.DEFAULT"})
        << "categories are a set";
    ASSERT_TRUE(probe.data.has_value());
    EXPECT_EQ(probe.data->toString(), "content://*/*");
    EXPECT_EQ(probe.type, "text/plain");
}

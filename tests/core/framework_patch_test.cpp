// The FrameworkPatch vocabulary (framework_patch.h): call-site ids, patch names, and the one
// wording for an unknown site that device.json, scripts and the CLI share.

#include <gtest/gtest.h>
#include <hearth/framework_patch.h>

#include <string>
#include <vector>

using namespace hearth;

TEST(HomeSites, AreListedInReportOrder) {
    EXPECT_EQ(homeSiteIds(),
              (std::vector<std::string>{"boot", "home-key", "home-key-mid", "recents", "is-home"}));
    EXPECT_TRUE(isHomeSite(home_site::kHomeKeyMid));
    EXPECT_FALSE(isHomeSite("homekey"));
    EXPECT_FALSE(isHomeSite(""));
}

TEST(HomeSites, CheckAcceptsAKnownSiteAndNamesTheChoicesOtherwise) {
    EXPECT_TRUE(checkHomeSite("recents").has_value());
    const Result<void> unknown = checkHomeSite("Boot");
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().toString(),
              "unknown call site 'Boot': expected one of boot, home-key, home-key-mid, recents, "
              "is-home");
}

TEST(FrameworkPatch, StockOrEmptyPlusSitesPatchesOnlyThoseSites) {
    for (const char* name : {"", "stock"}) {
        const Result<FrameworkPatch> patch = makeFrameworkPatch(name, {"boot", "recents"});
        ASSERT_TRUE(patch.has_value()) << name;
        EXPECT_TRUE(patch->isPatched("boot"));
        EXPECT_TRUE(patch->isPatched("recents"));
        EXPECT_FALSE(patch->isPatched("home-key"));
    }
}

TEST(FrameworkPatch, HomeFirstPatchesEverySite) {
    const Result<FrameworkPatch> patch = makeFrameworkPatch("home-first", {});
    ASSERT_TRUE(patch.has_value());
    EXPECT_EQ(patch->homeFirstSites, fullHomeFirstPatch().homeFirstSites);
    for (const std::string& site : homeSiteIds()) EXPECT_TRUE(patch->isPatched(site)) << site;
}

TEST(FrameworkPatch, UnknownPatchOrSiteIsRefusedWithTheValueNamed) {
    auto badPatch = makeFrameworkPatch("home-last", {});
    ASSERT_FALSE(badPatch.has_value());
    EXPECT_EQ(badPatch.error().toString(),
              "unknown patch 'home-last': expected 'stock' or 'home-first'");
    auto badSite = makeFrameworkPatch("", {"boot", "homekey"});
    ASSERT_FALSE(badSite.has_value());
    EXPECT_EQ(badSite.error().toString(),
              "unknown call site 'homekey': expected one of boot, home-key, home-key-mid, "
              "recents, is-home");
}

TEST(FrameworkPatch, DescriptionNamesThePatchedSitesInReportOrder) {
    EXPECT_EQ(describePatch(FrameworkPatch{}), "stock");
    EXPECT_EQ(describePatch(fullHomeFirstPatch()), "home-first");
    FrameworkPatch partial;
    partial.homeFirstSites = {"is-home", "boot"};
    EXPECT_EQ(describePatch(partial), "home-first at boot, is-home");
}

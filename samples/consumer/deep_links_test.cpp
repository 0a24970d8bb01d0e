// Acme Reader's deep-link tests, written the way a Hearth user would: only <hearth/...> headers,
// linked against the installed Hearth::core. The device is the app plus a browser
// (device/reader, device/browser).
#include <gtest/gtest.h>

#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/version.h>

#include <string>
#include <vector>

namespace {

// The device, loaded once; a failure names the file, line and column.
const hearth::Device& device() {
    static const hearth::Device loaded = [] {
        hearth::Result<hearth::Device> result = hearth::loadDevice(ACME_DEVICE_DIR);
        if (!result) {
            ADD_FAILURE() << result.error().toString();
            return hearth::Device{};
        }
        return std::move(result).value();
    }();
    return loaded;
}

// A link as the launcher or another app starts it: am start -a VIEW -c BROWSABLE -d LINK.
hearth::Intent linkIntent(const std::string& link) {
    hearth::Result<hearth::Intent> intent = hearth::parseIntentArgs(
        {"-a", hearth::names::kActionView, "-c", hearth::names::kCategoryBrowsable, "-d", link});
    EXPECT_TRUE(intent.has_value()) << intent.error().toString();
    return intent ? intent.value() : hearth::Intent{};
}

// What startActivity would open for the intent (MATCH_DEFAULT_ONLY), as "pkg/.Cls", "chooser"
// or "none".
std::string opens(const hearth::Intent& intent) {
    const hearth::PackageIndex index(device());
    const hearth::ResolveResult result =
        index.resolveActivity(intent, hearth::flags::kMatchDefaultOnly);
    if (result.outcome != hearth::ResolveOutcome::Activity) {
        return hearth::resolveOutcomeName(result.outcome);
    }
    return result.chosen->component.flattenToShortString();
}

TEST(DeepLinks, AnArticleLinkOpensTheArticleScreen) {
    EXPECT_EQ(opens(linkIntent("acme-reader://article/42")), "com.acme.reader/.ArticleActivity");
}

TEST(DeepLinks, TheBrowserDoesNotCompeteForTheAppsOwnScheme) {
    const hearth::PackageIndex index(device());
    const std::vector<hearth::ResolveInfo> candidates =
        index.query(linkIntent("acme-reader://article/42"), hearth::flags::kMatchDefaultOnly);
    ASSERT_EQ(candidates.size(), 1u);
    EXPECT_EQ(candidates[0].component.packageName, "com.acme.reader");
}

TEST(DeepLinks, TheSettingsLinkIsNotOpenableFromABrowserBecauseItsFilterIsNotBrowsable) {
    // Without BROWSABLE a web page cannot start SettingsActivity; an app's own VIEW intent can.
    EXPECT_EQ(opens(linkIntent("acme-reader://settings")), "none");
    hearth::Result<hearth::Intent> fromTheApp =
        hearth::parseIntentArgs({"-a", hearth::names::kActionView, "-d", "acme-reader://settings"});
    ASSERT_TRUE(fromTheApp.has_value()) << fromTheApp.error().toString();
    EXPECT_EQ(opens(fromTheApp.value()), "com.acme.reader/.SettingsActivity");
}

TEST(DeepLinks, HearthExplainsWhyTheArticleScreenIgnoresAnotherHost) {
    const hearth::PackageIndex index(device());
    const hearth::Intent intent = linkIntent("acme-reader://unknown/1");
    EXPECT_EQ(opens(intent), "none");
    bool explained = false;
    for (const hearth::Rejection& rejection :
         index.explain(intent, hearth::flags::kMatchDefaultOnly)) {
        if (rejection.component.className == "com.acme.reader.ArticleActivity") {
            explained = explained || (!rejection.rule.empty() && !rejection.reason.empty());
        }
    }
    EXPECT_TRUE(explained) << "no rejection names ArticleActivity";
}

TEST(DeepLinks, TheInstalledHeadersMatchThePackageVersionCMakeFound) {
    EXPECT_STREQ(hearth::kVersion, ACME_EXPECTED_HEARTH_VERSION);
}

}  // namespace

// Reverse lookup (claims.h): which filters claim a scheme, host, path, type, action or category,
// their data as URL templates, and the link state of their web hosts. Each part follows the
// matcher's rule it names (spec section 2; W-10 and W-23 of android-modern.md).

#include <gtest/gtest.h>
#include <hearth/claims.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/uri.h>

#include <filesystem>
#include <string>
#include <vector>

#include "claims_fixtures.h"

using namespace hearth;
using namespace hearth::claims_fixtures;

namespace {

TEST(Claims, M14AFilterWildcardTakesSubdomainsButNotTheBareDomain) {
    const Device device = webDevice();
    EXPECT_EQ(claimants(device, hostSelector("a.example.com")),
              (std::vector<std::string>{"com.wild/.Wild#0", "com.browser/.Browser#0"}));
    EXPECT_EQ(claimants(device, hostSelector("example.com")),
              (std::vector<std::string>{"com.browser/.Browser#0"}));
}

TEST(Claims, M14AWildcardQueryFindsEveryFilterThatTakesSomeHostUnderIt) {
    const Device device = webDevice();
    EXPECT_EQ(claimants(device, hostSelector("*.example.com")),
              (std::vector<std::string>{"com.shop/.Shop#0", "com.wild/.Wild#0",
                                        "com.browser/.Browser#0"}));
}

TEST(Claims, M14HostsCompareIgnoringCaseAsTheMatcherDoes) {
    EXPECT_EQ(claimants(webDevice(), hostSelector("SHOP.Example.COM")),
              (std::vector<std::string>{"com.shop/.Shop#0", "com.wild/.Wild#0",
                                        "com.browser/.Browser#0"}));
}

TEST(Claims, M91SchemesAreExactAndCaseSensitive) {
    const Device device = deviceOf({
        {"com.upper", activity(".Upper", kLink + data("android:scheme=\"HTTPS\""))},
        {"com.lower", activity(".Lower", kLink + data("android:scheme=\"https\""))},
    });
    ClaimSelector selector;
    selector.scheme = "https";
    EXPECT_EQ(claimants(device, selector), (std::vector<std::string>{"com.lower/.Lower#0"}));
}

TEST(Claims, M10ATypesOnlyFilterTakesContentAndFileSchemesOnly) {
    const Device device = deviceOf({
        {"com.viewer", activity(".Pdf", action("VIEW") + category("DEFAULT") +
                                            data("android:mimeType=\"application/pdf\""))},
    });
    for (const char* scheme : {"content", "file"}) {
        ClaimSelector selector;
        selector.scheme = scheme;
        EXPECT_EQ(claimants(device, selector), (std::vector<std::string>{"com.viewer/.Pdf#0"}))
            << scheme;
    }
    ClaimSelector https;
    https.scheme = "https";
    EXPECT_TRUE(claimants(device, https).empty());
    // M-9.3: no scheme means no authority either.
    EXPECT_TRUE(claimants(device, hostSelector("example.com")).empty());
}

TEST(Claims, TypesFollowFindMimeTypeBothWays) {
    const Device device = deviceOf({
        {"com.images", activity(".Any", action("SEND") + data("android:mimeType=\"image/*\""))},
        {"com.png", activity(".Png", action("SEND") + data("android:mimeType=\"image/png\""))},
        {"com.text", activity(".Text", action("SEND") + data("android:mimeType=\"text/plain\""))},
        {"com.none", activity(".None", action("SEND"))},
    });
    const auto forType = [&](const char* type) {
        ClaimSelector selector;
        selector.type = type;
        return claimants(device, selector);
    };
    EXPECT_EQ(forType("image/png"),
              (std::vector<std::string>{"com.images/.Any#0", "com.png/.Png#0"}));
    // Spec 2.7 step 5: an intent asking for "image/*" takes any image type a filter lists.
    EXPECT_EQ(forType("image/*"), (std::vector<std::string>{"com.images/.Any#0", "com.png/.Png#0"}));
    // Step 2: "*/*" takes every filter that lists a type, never one without.
    EXPECT_EQ(forType("*/*"), (std::vector<std::string>{"com.images/.Any#0", "com.png/.Png#0",
                                                        "com.text/.Text#0"}));
}

TEST(Claims, M93PathsCountOnlyUnderAnAuthorityAndNoPathsTakeAnyPath) {
    const Device device = deviceOf({
        {"com.items", activity(".Item", kLink + data("android:scheme=\"https\"") +
                                            data("android:host=\"example.com\"") +
                                            data("android:pathPrefix=\"/item\""))},
        {"com.all", activity(".All", kLink + data("android:scheme=\"https\"") +
                                         data("android:host=\"example.com\""))},
    });
    ClaimSelector selector;
    selector.host = "example.com";
    selector.path = "/item/42";
    EXPECT_EQ(claimants(device, selector),
              (std::vector<std::string>{"com.items/.Item#0", "com.all/.All#0"}));
    selector.path = "/about";
    EXPECT_EQ(claimants(device, selector), (std::vector<std::string>{"com.all/.All#0"}));
}

// The promise of claims.h: for a concrete link, a filter claims it exactly when IntentFilter.match
// accepts a VIEW intent for it (filters without types or ports: neither is a selector).
TEST(Claims, AConcreteLinkIsClaimedExactlyWhenTheMatcherAcceptsIt) {
    const Device device = deviceOf({
        {"com.a", activity(".A", kLink + data("android:scheme=\"https\"") +
                                     data("android:host=\"*.example.com\"") +
                                     data("android:pathPattern=\"/a/.*/b\""))},
        {"com.b", activity(".B", kLink + data("android:scheme=\"myapp\"") +
                                     data("android:host=\"open\"") +
                                     data("android:pathSuffix=\".pdf\""))},
        {"com.c", activity(".C", kLink + data("android:scheme=\"geo\""))},
        {"com.d", activity(".D", kLink + data("android:scheme=\"https\"") +
                                     data("android:host=\"example.com\""))},
    });
    const std::vector<std::string> links = {
        "https://x.example.com/a/q/b", "https://x.example.com/a/b", "https://example.com/a/q/b",
        "myapp://open/doc.pdf",        "myapp://open/doc.txt",      "MYAPP://open/doc.pdf",
        "geo:1,2",                     "https://example.com/",      "https://example.com:8080/"};
    for (const std::string& link : links) {
        const Uri uri = Uri::parse(link);
        ClaimSelector selector;
        selector.scheme = *uri.scheme();
        if (uri.host()) selector.host = *uri.host();
        if (uri.path() && uri.host()) selector.path = *uri.path();
        std::vector<std::string> expected;
        for (const InstalledPackage& package : device.packages) {
            for (const Component& component : package.manifest.components) {
                Intent intent;
                intent.action = names::kActionView;
                intent.data = uri;
                if (component.filters[0].match(intent) >= 0) {
                    expected.push_back(ComponentName{package.packageName(), component.name}
                                           .flattenToShortString() +
                                       "#0");
                }
            }
        }
        EXPECT_EQ(claimants(device, selector), expected) << link;
    }
}

TEST(Claims, WithoutASelectorEveryDeepLinkIsListedAndNothingElse) {
    const Device device = deviceOf({
        {"com.app", activity(".Main", action("MAIN") + category("LAUNCHER")) +
                        activity(".Link", kLink + data("android:scheme=\"myapp\"")) +
                        activity(".NotBrowsable", action("VIEW") + category("DEFAULT") +
                                                      data("android:scheme=\"https\""))},
    });
    EXPECT_EQ(claimants(device, ClaimSelector{}), (std::vector<std::string>{"com.app/.Link#0"}));
}

TEST(Claims, AComponentSelectorListsEveryFilterItAccepts) {
    const Device device = deviceOf({
        {"com.app", "    <activity android:name=\".Main\" android:exported=\"true\">\n"
                    "      <intent-filter>\n" +
                        action("MAIN") + category("LAUNCHER") +
                        "      </intent-filter>\n      <intent-filter>\n" + kLink +
                        data("android:scheme=\"myapp\"") +
                        "      </intent-filter>\n    </activity>\n" +
                        activity(".Other", kLink + data("android:scheme=\"other\""))},
    });
    ClaimSelector selector;
    selector.component = ComponentName::unflatten("com.app/.Main");
    EXPECT_EQ(claimants(device, selector),
              (std::vector<std::string>{"com.app/.Main#0", "com.app/.Main#1"}));
}

TEST(Claims, M26DataIsWrittenAsTheCrossProductOfUrlTemplates) {
    const Device device = deviceOf({
        {"com.app", activity(".Link", kLink + data("android:scheme=\"http\"") +
                                          data("android:scheme=\"https\"") +
                                          data("android:host=\"*.example.com\"") +
                                          data("android:pathPrefix=\"/item\"") +
                                          data("android:path=\"/about\""))},
        {"com.geo", activity(".Map", kLink + data("android:scheme=\"geo\""))},
        {"com.port", activity(".Port", kLink + data("android:scheme=\"https\"") +
                                           data("android:host=\"x.org\" android:port=\"8443\""))},
    });
    const std::vector<Claim> claims = findClaims(device, ClaimSelector{});
    ASSERT_EQ(claims.size(), 3u);
    EXPECT_EQ(claims[0].urls,
              (std::vector<std::string>{"http://*.example.com/item*", "http://*.example.com/about",
                                        "https://*.example.com/item*",
                                        "https://*.example.com/about"}));
    EXPECT_EQ(claims[1].urls, (std::vector<std::string>{"geo:*"}));
    EXPECT_EQ(claims[2].urls, (std::vector<std::string>{"https://x.org:8443/*"}));
}

TEST(Claims, W23WebHostsCarryTheirApprovalOnAndroid12AndLater) {
    Device device = webDevice();
    device.packages[0].appLinks.domains.push_back(
        DomainStateEntry{"shop.example.com", domain_state::kVerified, {}});
    const std::vector<Claim> claims = findClaims(device, hostSelector("shop.example.com"));
    ASSERT_FALSE(claims.empty());
    ASSERT_EQ(claims[0].domains.size(), 1u);
    EXPECT_EQ(claims[0].domains[0].host, "shop.example.com");
    EXPECT_EQ(claims[0].domains[0].state, "verified");
    ASSERT_EQ(claims[1].domains.size(), 1u);
    EXPECT_EQ(claims[1].domains[0].state, "none");
    // A browser filter names no host, so it has no per-host state.
    EXPECT_TRUE(claims.back().domains.empty());
}

TEST(Claims, W10Android6To11ShowThePackagesLinkStatus) {
    Device device = webDevice();
    device.apiLevel = 28;
    device.packages[0].appLinks.legacyStatus = LegacyLinkStatus::Always;
    const std::vector<Claim> claims = findClaims(device, hostSelector("shop.example.com"));
    ASSERT_FALSE(claims.empty());
    ASSERT_EQ(claims[0].domains.size(), 1u);
    EXPECT_EQ(claims[0].domains[0].state, "always");
    device.apiLevel = 22;
    EXPECT_TRUE(findClaims(device, hostSelector("shop.example.com"))[0].domains.empty());
}

TEST(Claims, DisabledAndUnexportedComponentsAreListedWithTheirState) {
    Device device = deviceOf({
        {"com.app", "    <activity android:name=\".Hidden\" android:exported=\"false\">\n"
                    "      <intent-filter>\n" +
                        kLink + data("android:scheme=\"myapp\"") +
                        "      </intent-filter>\n    </activity>\n"},
    });
    device.packages[0].disabledComponents.insert("com.app.Hidden");
    const std::vector<Claim> claims = findClaims(device, ClaimSelector{});
    ASSERT_EQ(claims.size(), 1u);
    EXPECT_FALSE(claims[0].exported);
    EXPECT_FALSE(claims[0].enabled);
}

TEST(ClaimSelectorValidation, RefusesWhatAndroidCouldNeverMatch) {
    ClaimSelector type;
    type.type = "image";
    Result<ClaimSelector> badType = validateClaimSelector(type);
    ASSERT_FALSE(badType.has_value());
    EXPECT_EQ(badType.error().message, "--type: MIME type 'image' must look like 'type/subtype'");

    Result<ClaimSelector> url = validateClaimSelector(hostSelector("https://example.com"));
    ASSERT_FALSE(url.has_value());
    EXPECT_EQ(url.error().message,
              "--host 'https://example.com' must be a host name alone (give the scheme with "
              "--scheme, the path with --path)");

    ClaimSelector empty;
    empty.scheme = "";
    ASSERT_FALSE(validateClaimSelector(empty).has_value());
    EXPECT_EQ(validateClaimSelector(empty).error().message, "--scheme must not be empty");

    ClaimSelector fine;
    fine.type = "*/*";
    EXPECT_TRUE(validateClaimSelector(fine).has_value());
}

}  // namespace

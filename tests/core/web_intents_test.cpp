// Web intents and App Links (android-modern.md §1.1, §2): filter classification, W-20 declared
// domains, W-21/W-23 states and approval, W-24 domain-verification intents, and the domain
// filtering step for Android 12+ (W-25, W-26, W-28, W-14) and Android 6-11 (W-10..W-15). Each
// test is named after the rule or the §7 edge case (E-number) it checks.

#include <gtest/gtest.h>
#include <hearth/app_links.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>

#include <initializer_list>
#include <string>
#include <vector>

using namespace hearth;

namespace {

constexpr int kDefaultOnly = flags::kMatchDefaultOnly;

std::string manifestXml(const std::string& package, const std::string& body, int targetSdk) {
    return R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package=")" +
           package + "\">\n  <uses-sdk android:minSdkVersion=\"23\" android:targetSdkVersion=\"" +
           std::to_string(targetSdk) + "\"/>\n  <application>\n" + body +
           "  </application>\n</manifest>\n";
}

std::string activity(const std::string& name, const std::string& filters) {
    return "    <activity android:name=\"" + name + "\" android:exported=\"true\">\n" + filters +
           "    </activity>\n";
}

// VIEW + DEFAULT + BROWSABLE, http and https, with the given host (none: a browser filter).
std::string webFilter(const std::string& host, bool autoVerify = false, bool browsable = true,
                      bool isDefault = true) {
    std::string out = std::string("      <intent-filter") +
                      (autoVerify ? " android:autoVerify=\"true\"" : "") +
                      ">\n        <action android:name=\"android.intent.action.VIEW\"/>\n";
    if (isDefault) out += "        <category android:name=\"android.intent.category.DEFAULT\"/>\n";
    if (browsable) {
        out += "        <category android:name=\"android.intent.category.BROWSABLE\"/>\n";
    }
    out += "        <data android:scheme=\"http\"/>\n        <data android:scheme=\"https\"/>\n";
    if (!host.empty()) out += "        <data android:host=\"" + host + "\"/>\n";
    return out + "      </intent-filter>\n";
}

struct Spec {
    std::string package;
    std::string body;
    int targetSdk = 34;
    AppLinksState links = {};
    std::optional<int64_t> firstInstall = std::nullopt;
};

// X: the app of §7, an autoVerify App Link for example.com.
Spec appX(AppLinksState links = {}, int64_t firstInstall = 1000) {
    return {"com.x", activity(".Link", webFilter("example.com", true)), 34, std::move(links),
            firstInstall};
}
Spec appY(AppLinksState links = {}, int64_t firstInstall = 2000) {
    return {"com.y", activity(".Link", webFilter("example.com", true)), 34, std::move(links),
            firstInstall};
}
Spec browser(const std::string& package) {
    return {package, activity(".Browser", webFilter("")), 34, {}, 500};
}

AppLinksState verified(const std::string& domain = "example.com") {
    AppLinksState links;
    links.domains.push_back(DomainStateEntry{domain, domain_state::kVerified, {}});
    return links;
}
AppLinksState legacy(LegacyLinkStatus status, int generation = 0) {
    AppLinksState links;
    links.legacyStatus = status;
    links.legacyGeneration = generation;
    return links;
}

Device makeDevice(int api, std::initializer_list<Spec> specs,
                  std::optional<std::string> browserRole = std::nullopt) {
    Device device;
    device.apiLevel = api;
    device.roles.browser = std::move(browserRole);
    for (const Spec& spec : specs) {
        Result<Manifest> manifest = parseManifest(manifestXml(spec.package, spec.body,
                                                              spec.targetSdk),
                                                  spec.package + "/AndroidManifest.xml");
        EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
        InstalledPackage package;
        if (manifest) package.manifest = std::move(manifest).value();
        package.appLinks = spec.links;
        package.firstInstallTime = spec.firstInstall;
        device.packages.push_back(std::move(package));
    }
    return device;
}

Intent intentOf(const std::vector<std::string>& args) {
    Result<Intent> parsed = parseIntentArgs(args);
    EXPECT_TRUE(parsed.has_value());
    return parsed ? *parsed : Intent{};
}

Intent webLink(const std::string& url = "https://example.com/a",
               std::initializer_list<std::string> categories = {
                   "android.intent.category.BROWSABLE"}) {
    std::vector<std::string> args = {"-a", "android.intent.action.VIEW", "-d", url};
    for (const std::string& category : categories) {
        args.push_back("-c");
        args.push_back(category);
    }
    return intentOf(args);
}

// The gathered, sorted candidates (R-1..R-9), then the domain filtering step on its own.
WebFilterResult filtered(const Device& device, const Intent& intent, int flags) {
    const PackageIndex index(device);
    return filterWebCandidates(device, intent, flags,
                               index.trace(ResolveRequest{intent, flags}).gathered,
                               index.defaultBrowser());
}

std::vector<std::string> kept(const Device& device, const Intent& intent, int flags) {
    std::vector<std::string> out;
    for (const ResolveInfo& info : filtered(device, intent, flags).kept) {
        out.push_back(info.component.flattenToShortString());
    }
    return out;
}

const CandidateVerdict& verdictFor(const WebFilterResult& result, const std::string& component) {
    for (const CandidateVerdict& verdict : result.verdicts) {
        if (verdict.component.flattenToShortString() == component) return verdict;
    }
    static const CandidateVerdict none;
    ADD_FAILURE() << "no verdict for " << component;
    return none;
}

IntentFilter parsedFilter(const std::string& filterXml) {
    Result<Manifest> manifest =
        parseManifest(manifestXml("com.f", activity(".A", filterXml), 34), "f.xml");
    EXPECT_TRUE(manifest.has_value());
    return manifest ? manifest->components.at(0).filters.at(0) : IntentFilter{};
}

using Names = std::vector<std::string>;

}  // namespace

// ---- §1.1 ---------------------------------------------------------------------------------------

TEST(WebFilterClassification, HandlesWebUrisNeedsViewBrowsableAndAnHttpScheme) {
    EXPECT_TRUE(handlesWebUris(parsedFilter(webFilter("example.com")), true));
    EXPECT_FALSE(handlesWebUris(parsedFilter(webFilter("example.com", false, false)), false));
    IntentFilter mixed = parsedFilter(webFilter("example.com"));
    mixed.schemes.push_back("myapp");
    EXPECT_TRUE(handlesWebUris(mixed, false));
    EXPECT_FALSE(handlesWebUris(mixed, true));
    mixed.schemes = {"HTTPS"};  // schemes are exact
    EXPECT_FALSE(handlesWebUris(mixed, false));
}

TEST(WebFilterClassification, ABrowserFilterHasNoHostAndAHostStarIsNotOne) {
    EXPECT_TRUE(isBrowserFilter(parsedFilter(webFilter(""))));
    EXPECT_FALSE(isBrowserFilter(parsedFilter(webFilter("*"))));
    EXPECT_FALSE(isBrowserFilter(parsedFilter(webFilter("example.com"))));
    IntentFilter appBrowser;
    appBrowser.categories.push_back(names::kCategoryAppBrowser);
    EXPECT_TRUE(isBrowserFilter(appBrowser));
}

TEST(WebFilterClassification, NeedsVerificationIsAutoVerifyWithOnlyWebSchemes) {
    EXPECT_TRUE(needsVerification(parsedFilter(webFilter("example.com", true))));
    EXPECT_FALSE(needsVerification(parsedFilter(webFilter("example.com", false))));
}

TEST(WebIntent, HasWebUriNeedsExactlyHttpOrHttpsAndIsWebIntentNeedsView) {
    EXPECT_TRUE(hasWebUri(webLink()));
    EXPECT_FALSE(hasWebUri(webLink("HTTPS://example.com/")));
    EXPECT_FALSE(hasWebUri(webLink("ftp://example.com/")));
    EXPECT_FALSE(isWebIntent(intentOf({"-a", "android.intent.action.SEND", "-d", "https://a.b/"})));
    EXPECT_TRUE(isWebIntent(webLink()));
}

// ---- W-20 / W-21 / W-23 / W-24 ------------------------------------------------------------------

TEST(W20, ValidDomainsFollowPatternsDomainName) {
    for (const char* good : {"example.com", "*.example.com", "a.b.c.org", "my_host.example.io",
                             "192.168.0.1", "example.xn--p1ai", "EXAMPLE.COM"}) {
        EXPECT_TRUE(isValidDomain(good)) << good;
    }
    for (const char* bad : {"*", "localhost", "*.com", "example.c", "-a.com", "a-.com",
                            "example.com.", "exa mple.com", "256.1.1.1", "example.123", ""}) {
        EXPECT_FALSE(isValidDomain(bad)) << bad;
    }
}

TEST(W20, E24TargetSdk30CollectsTheHostsOfEveryWebFilterOnceOneNeedsVerification) {
    const Device device = makeDevice(
        34, {{"com.t", activity(".A", webFilter("a.com", true) + webFilter("b.com", false)), 30}});
    EXPECT_EQ(declaredDomains(device.packages[0]).autoVerify, (Names{"a.com", "b.com"}));
}

TEST(W20, E25TargetSdk31CollectsOnlyTheAutoVerifyFilters) {
    const Device device = makeDevice(
        34, {{"com.t", activity(".A", webFilter("a.com", true) + webFilter("b.com", false)), 31}});
    const DeclaredDomains domains = declaredDomains(device.packages[0]);
    EXPECT_EQ(domains.autoVerify, (Names{"a.com"}));
    EXPECT_EQ(domains.web, (Names{"a.com", "b.com"}));
}

TEST(W20, E26AnAutoVerifyFilterWithoutDefaultDeclaresNothingFromTargetSdk31) {
    const Device device = makeDevice(
        34, {{"com.t", activity(".A", webFilter("a.com", true, true, false)), 31}});
    const DeclaredDomains domains = declaredDomains(device.packages[0]);
    EXPECT_TRUE(domains.autoVerify.empty());
    EXPECT_TRUE(domains.web.empty());
}

TEST(W20, InvalidAutoVerifyHostsAreListedApart) {
    const Device device = makeDevice(
        34, {{"com.t", activity(".A", webFilter("localhost", true) + webFilter("ok.com", true)),
              34}});
    const DeclaredDomains domains = declaredDomains(device.packages[0]);
    EXPECT_EQ(domains.autoVerify, (Names{"ok.com"}));
    EXPECT_EQ(domains.invalidAutoVerify, (Names{"localhost"}));
}

TEST(W21, StateNamesAndNumbersRoundTrip) {
    EXPECT_EQ(parseDomainState("verified"), domain_state::kVerified);
    EXPECT_EQ(parseDomainState("system_configured"), domain_state::kSystemConfigured);
    EXPECT_EQ(parseDomainState("1024"), 1024);
    EXPECT_EQ(parseDomainState("9"), std::nullopt);
    EXPECT_EQ(parseDomainState("Verified"), std::nullopt);
    EXPECT_EQ(domainStateName(1024), "1024");
    EXPECT_TRUE(isVerifiedDomainState(domain_state::kApproved));
    EXPECT_TRUE(isVerifiedDomainState(domain_state::kMigrated));
    EXPECT_FALSE(isVerifiedDomainState(domain_state::kDenied));
    EXPECT_FALSE(isVerifiedDomainState(domain_state::kLegacyFailure));
    EXPECT_FALSE(isVerifiedDomainState(1024));
}

TEST(W10, LegacyStatusNamesAcceptBothSpellingsAndNumbers) {
    EXPECT_EQ(parseLegacyLinkStatus("always-ask"), LegacyLinkStatus::AlwaysAsk);
    EXPECT_EQ(parseLegacyLinkStatus("always_ask"), LegacyLinkStatus::AlwaysAsk);
    EXPECT_EQ(parseLegacyLinkStatus("3"), LegacyLinkStatus::Never);
    EXPECT_EQ(parseLegacyLinkStatus("sometimes"), std::nullopt);
}

TEST(W23, VerifiedThenWildcardThenSelectionThenNone) {
    AppLinksState links;
    links.domains = {{"example.com", domain_state::kVerified, {}},
                     {"*.example.net", domain_state::kApproved, {}},
                     {"denied.org", domain_state::kDenied, {}}};
    links.selectedHosts = {"blog.example.org"};
    InstalledPackage package;
    package.appLinks = links;
    EXPECT_EQ(approvalFor(package, "example.com", 34).level, ApprovalLevel::Verified);
    EXPECT_EQ(approvalFor(package, "a.example.net", 34).level, ApprovalLevel::Verified);
    EXPECT_EQ(approvalFor(package, "blog.example.org", 34).level, ApprovalLevel::Selection);
    EXPECT_EQ(approvalFor(package, "denied.org", 34).level, ApprovalLevel::None);
    EXPECT_EQ(approvalFor(package, "denied.org", 34).reason,
              "not approved for 'denied.org' (state denied, not selected)");
}

TEST(W23, Step7WildcardIsAPlainEndsWithSoItAlsoApprovesLookalikes) {
    InstalledPackage package;
    package.appLinks.domains = {{"*.example.com", domain_state::kVerified, {}}};
    EXPECT_EQ(approvalFor(package, "example.com", 34).level, ApprovalLevel::Verified);
    EXPECT_EQ(approvalFor(package, "badexample.com", 34).level, ApprovalLevel::Verified);
}

TEST(W23, HostComparisonIsCaseSensitive) {
    InstalledPackage package;
    package.appLinks = verified();
    EXPECT_EQ(approvalFor(package, "Example.com", 34).level, ApprovalLevel::None);
}

TEST(W23, Step4LinkHandlingDisallowedApprovesNothing) {
    InstalledPackage package;
    package.appLinks = verified();
    package.appLinks.linkHandlingAllowed = false;
    EXPECT_EQ(approvalFor(package, "example.com", 34).level, ApprovalLevel::None);
}

TEST(W24, CategoriesAndMatchDefaultOnlyDecideADomainVerificationIntent) {
    const std::string browsable = "android.intent.category.BROWSABLE";
    const std::string def = "android.intent.category.DEFAULT";
    EXPECT_TRUE(isDomainVerificationIntent(webLink("https://example.com/", {browsable, def}), 0));
    EXPECT_TRUE(isDomainVerificationIntent(webLink("https://example.com/", {def}), 0));
    EXPECT_FALSE(isDomainVerificationIntent(webLink("https://example.com/", {browsable}), 0));
    EXPECT_TRUE(
        isDomainVerificationIntent(webLink("https://example.com/", {browsable}), kDefaultOnly));
    EXPECT_FALSE(isDomainVerificationIntent(webLink("https://example.com/", {}), 0));
    EXPECT_TRUE(isDomainVerificationIntent(webLink("https://example.com/", {}), kDefaultOnly));
    EXPECT_FALSE(isDomainVerificationIntent(
        webLink("https://example.com/", {browsable, "com.x.CAT"}), kDefaultOnly));
    EXPECT_FALSE(
        isDomainVerificationIntent(webLink("https://localhost/", {browsable}), kDefaultOnly));
    EXPECT_FALSE(isDomainVerificationIntent(
        intentOf({"-a", "android.intent.action.SEND", "-d", "https://example.com/"}),
        kDefaultOnly));
}

// ---- W-40 ---------------------------------------------------------------------------------------

TEST(W40, ABrowserQualifiesAndAnAppLinkDoesNot) {
    const Device device = makeDevice(34, {browser("com.b1"), appX()});
    EXPECT_TRUE(qualifiesAsBrowser(device.packages[0]));
    EXPECT_FALSE(qualifiesAsBrowser(device.packages[1]));
}

// ---- W-1 / W-2 ----------------------------------------------------------------------------------

TEST(W1, PackageOrComponentOrNonWebDataClosesTheGate) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")});
    Intent withPackage = webLink();
    withPackage.package = "com.x";
    EXPECT_FALSE(filtered(device, withPackage, kDefaultOnly).applied);
    EXPECT_FALSE(filtered(device, intentOf({"-a", "android.intent.action.VIEW", "-d",
                                            "myapp://example.com/"}),
                          kDefaultOnly)
                     .applied);
    EXPECT_TRUE(filtered(device, webLink(), kDefaultOnly).applied);
}

TEST(W1, NoFilteringBeforeAndroid6) {
    const Device device = makeDevice(22, {appX(), browser("com.b1")});
    EXPECT_FALSE(filtered(device, webLink(), kDefaultOnly).applied);
}

TEST(W2, E5ALoneUnverifiedAppIsReturnedUnfiltered) {
    const Device device = makeDevice(34, {appX()});
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_FALSE(result.filtered);
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link"}));
    EXPECT_EQ(verdictFor(result, "com.x/.Link").rule, "W-2");
}

// ---- Android 12+ (W-25, W-26, W-28, W-14) -------------------------------------------------------

TEST(W26, E1AVerifiedAppReplacesTheBrowsers) {
    const Device device = makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")});
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link"}));
    EXPECT_EQ(result.rule, "W-25");
    EXPECT_EQ(verdictFor(result, "com.b1/.Browser").rule, "W-26");
    EXPECT_TRUE(verdictFor(result, "com.x/.Link").kept);
}

TEST(W26, E3AnUnverifiedAppIsDroppedAndOnlyBrowsersRemain) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")});
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b1/.Browser", "com.b2/.Browser"}));
    EXPECT_TRUE(result.browsersOnly);
    EXPECT_EQ(verdictFor(result, "com.x/.Link").reason,
              "not approved for 'example.com' (state none, not selected): Android 12+ keeps only "
              "browsers (W-26)");
}

TEST(W26, E4WithoutBrowsersEveryCandidateStays) {
    const Device device = makeDevice(34, {appX(), appY()});
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link", "com.y/.Link"}));
}

TEST(W26, E6AnUnverifiedAppAndOneBrowserLeaveTheBrowser) {
    const Device device = makeDevice(34, {appX(), browser("com.b1")});
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b1/.Browser"}));
}

TEST(W26, DeniedIsNotApproved) {
    AppLinksState denied;
    denied.domains.push_back({"example.com", domain_state::kDenied, {}});
    const Device device = makeDevice(34, {appX(denied), browser("com.b1"), browser("com.b2")},
                                     "com.b2");
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b2/.Browser"}));
}

TEST(W23, E8AUserSelectionApprovesTheApp) {
    AppLinksState selected;
    selected.selectedHosts = {"example.com"};
    const Device device =
        makeDevice(34, {appX(selected), browser("com.b1"), browser("com.b2")});
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link"}));
}

TEST(W25, E10OfTwoVerifiedAppsTheOneInstalledLaterWins) {
    const Device device = makeDevice(34, {appX(verified(), 1000), appY(verified(), 2000)});
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.y/.Link"}));
    EXPECT_EQ(verdictFor(result, "com.x/.Link").reason,
              "'example.com' is verified (W-23 step 6), but 'com.y' was installed later "
              "('firstInstallTime', W-25 step 5)");
}

TEST(W25, WithinThePackageTheActivityDeclaredLastWins) {
    const Device device = makeDevice(
        34, {{"com.x",
              activity(".First", webFilter("example.com", true)) +
                  activity(".Second", webFilter("example.com", true)),
              34, verified(), 1},
             browser("com.b1")});
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Second"}));
}

TEST(W25, SelectionLosesToVerification) {
    AppLinksState selected;
    selected.selectedHosts = {"example.com"};
    const Device device = makeDevice(34, {appX(verified(), 1), appY(selected, 99)});
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link"}));
}

TEST(W24, E12AStartWithViewOnlyIsStillADomainVerificationIntent) {
    const Device device = makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")});
    EXPECT_EQ(kept(device, webLink("https://example.com/a", {}), kDefaultOnly),
              (Names{"com.x/.Link"}));
}

TEST(W24, E13PmQueryWithFlags0KeepsTheAppAndTheDefaultBrowser) {
    const Device device =
        makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")}, "com.b1");
    EXPECT_EQ(kept(device, webLink(), 0), (Names{"com.x/.Link", "com.b1/.Browser"}));
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link"}));
}

TEST(W24, E14BrowsableAndDefaultQualifyEvenWithFlags0) {
    const Device device =
        makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")}, "com.b1");
    EXPECT_EQ(kept(device,
                   webLink("https://example.com/a", {"android.intent.category.BROWSABLE",
                                                     "android.intent.category.DEFAULT"}),
                   0),
              (Names{"com.x/.Link"}));
}

TEST(W2, E15AForeignCategoryLeavesOneCandidateAndNoFiltering) {
    const Device device = makeDevice(
        34,
        {{"com.x",
          activity(".Link", "      <intent-filter android:autoVerify=\"true\">\n"
                            "        <action android:name=\"android.intent.action.VIEW\"/>\n"
                            "        <category android:name=\"android.intent.category.DEFAULT\"/>\n"
                            "        <category android:name=\"android.intent.category.BROWSABLE\"/>\n"
                            "        <category android:name=\"com.x.CAT\"/>\n"
                            "        <data android:scheme=\"https\" android:host=\"example.com\"/>\n"
                            "      </intent-filter>\n"),
          34, verified(), 1},
         browser("com.b1")},
        "com.b1");
    const Intent intent =
        webLink("https://example.com/a", {"android.intent.category.BROWSABLE", "com.x.CAT"});
    EXPECT_EQ(kept(device, intent, kDefaultOnly), (Names{"com.x/.Link"}));
    EXPECT_FALSE(filtered(device, intent, kDefaultOnly).filtered);
}

TEST(W28, E20AnAppWithoutBrowsableIsNeverOffered) {
    const Device device = makeDevice(
        34, {{"com.z", activity(".Z", webFilter("example.com", false, false)), 34, {}, 1},
             browser("com.b1"), browser("com.b2")});
    const Intent intent = webLink("https://example.com/a", {});
    const WebFilterResult result = filtered(device, intent, kDefaultOnly);
    EXPECT_EQ(kept(device, intent, kDefaultOnly), (Names{"com.b1/.Browser", "com.b2/.Browser"}));
    EXPECT_EQ(verdictFor(result, "com.z/.Z").rule, "W-28");
}

TEST(W26, E21WithoutBrowsersTheNonBrowsableAppStaysWithTheOthers) {
    const Device device = makeDevice(
        34, {appX(), {"com.z", activity(".Z", webFilter("example.com", false, false)), 34, {}, 1}});
    EXPECT_EQ(kept(device, webLink("https://example.com/a", {}), kDefaultOnly),
              (Names{"com.x/.Link", "com.z/.Z"}));
}

TEST(W14, TheDefaultBrowserStandsForEveryBrowser) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")}, "com.b2");
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b2/.Browser"}));
    EXPECT_EQ(verdictFor(result, "com.b1/.Browser").rule, "W-14");
}

TEST(W14, MatchAllKeepsEveryBrowser) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")}, "com.b2");
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly | flags::kMatchAll),
              (Names{"com.b1/.Browser", "com.b2/.Browser"}));
}

TEST(W14, ADefaultBrowserBelowTheZeroFloorDoesNotCollapse) {
    const Device device = makeDevice(
        34,
        {appX(),
         {"com.b1",
          activity(".Browser", "      <intent-filter android:priority=\"-1\">\n"
                               "        <action android:name=\"android.intent.action.VIEW\"/>\n"
                               "        <category android:name=\"android.intent.category.DEFAULT\"/>\n"
                               "        <category android:name=\"android.intent.category.BROWSABLE\"/>\n"
                               "        <data android:scheme=\"https\"/>\n"
                               "      </intent-filter>\n"),
          34, {}, 1},
         browser("com.b2")},
        "com.b1");
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b2/.Browser", "com.b1/.Browser"}));
}

TEST(W26, ANonDomainVerificationIntentKeepsTheAppsAndCollapsesTheBrowsers) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")}, "com.b1");
    const WebFilterResult result = filtered(device, webLink(), 0);
    EXPECT_EQ(result.rule, "W-24");
    EXPECT_EQ(kept(device, webLink(), 0), (Names{"com.x/.Link", "com.b1/.Browser"}));
}

// ---- Android 6-11 (W-10..W-15) ------------------------------------------------------------------

TEST(W13, E31AnAlwaysAppReplacesTheBrowsers) {
    const Device device = makeDevice(
        28, {appX(legacy(LegacyLinkStatus::Always, 1)), browser("com.b1"), browser("com.b2")});
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link"}));
}

TEST(W11, AnAlwaysStatusCountsWhateverHostMatched) {
    const Device device = makeDevice(
        28, {{"com.x", activity(".Link", webFilter("other.org")), 28,
              legacy(LegacyLinkStatus::Always, 1), 1},
             browser("com.b1")});
    EXPECT_EQ(kept(device, webLink("https://other.org/"), kDefaultOnly), (Names{"com.x/.Link"}));
}

TEST(W13, E32AnUndefinedAppStaysBesideTheDefaultBrowser) {
    const Device device =
        makeDevice(28, {appX(), browser("com.b1"), browser("com.b2")}, "com.b1");
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link", "com.b1/.Browser"}));
}

TEST(W15, E33TheLaterAlwaysAppCarriesTheHigherPreferredOrder) {
    const Device device = makeDevice(28, {appX(legacy(LegacyLinkStatus::Always, 1)),
                                          appY(legacy(LegacyLinkStatus::Always, 2))});
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    ASSERT_EQ(result.kept.size(), 2u);
    EXPECT_EQ(result.kept[0].preferredOrder, 1);
    EXPECT_EQ(result.kept[1].component.packageName, "com.y");
    EXPECT_EQ(result.kept[1].preferredOrder, 2);
}

TEST(W13, E35ANeverAppLeavesTheDefaultBrowser) {
    const Device device = makeDevice(
        28, {appX(legacy(LegacyLinkStatus::Never)), browser("com.b1"), browser("com.b2")},
        "com.b1");
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b1/.Browser"}));
    EXPECT_EQ(verdictFor(result, "com.x/.Link").rule, "W-13");
}

TEST(W13, E36TwoNeverAppsAndNoBrowserLeaveNothing) {
    const Device device = makeDevice(
        28, {appX(legacy(LegacyLinkStatus::Never)), appY(legacy(LegacyLinkStatus::Never))});
    EXPECT_TRUE(kept(device, webLink(), kDefaultOnly).empty());
}

TEST(W13, AlwaysAskJoinsTheAlwaysAppsWithBrowsersAndResetsPreferredOrder) {
    const Device device =
        makeDevice(28, {appX(legacy(LegacyLinkStatus::Always, 3)),
                        appY(legacy(LegacyLinkStatus::AlwaysAsk)), browser("com.b1")});
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    ASSERT_EQ(result.kept.size(), 3u);
    for (const ResolveInfo& info : result.kept) EXPECT_EQ(info.preferredOrder, 0);
}

TEST(W13, TheLegacyRulesIgnoreCategoriesAndFlags) {
    const Device device = makeDevice(
        28, {appX(legacy(LegacyLinkStatus::Always, 1)), browser("com.b1"), browser("com.b2")});
    EXPECT_EQ(kept(device, webLink(), 0), (Names{"com.x/.Link"}));
}

// ---- the query pipeline (W-3, core/src/query_pipeline.cpp): query, resolve and explain ---------

namespace {

Names queried(const Device& device, const Intent& intent, int flags) {
    const PackageIndex index(device);
    Names out;
    for (const ResolveInfo& info : index.query(intent, flags)) {
        out.push_back(info.component.flattenToShortString());
    }
    return out;
}

ResolveResult startResolve(const PackageIndex& index, const Intent& intent) {
    return index.resolve(ResolveRequest{intent, kDefaultOnly | flags::kStockPmFlags,
                                        ComponentKind::Activity, ResolveMode::Start});
}

}  // namespace

TEST(W3, E13QueryWithFlags0ListsTheAppAndTheDefaultBrowserOnly) {
    const Device device =
        makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")}, "com.b1");
    EXPECT_EQ(queried(device, webLink(), 0), (Names{"com.x/.Link", "com.b1/.Browser"}));
    EXPECT_EQ(queried(device, webLink(), kDefaultOnly), (Names{"com.x/.Link"}));
}

TEST(W3, E14BrowsableAndDefaultWithFlags0LeaveTheVerifiedAppAlone) {
    const Device device =
        makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")}, "com.b1");
    const Intent intent = webLink("https://example.com/a", {"android.intent.category.BROWSABLE",
                                                            "android.intent.category.DEFAULT"});
    EXPECT_EQ(queried(device, intent, 0), (Names{"com.x/.Link"}));
}

TEST(W3, ANonWebQueryIsGatheredAndAnsweredUnchanged) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")});
    const PackageIndex index(device);
    const QueryTrace trace =
        index.trace(ResolveRequest{intentOf({"-a", "android.intent.action.VIEW", "-d",
                                             "mailto:a@example.com"}),
                                   0});
    EXPECT_TRUE(trace.steps.notes.empty());
    EXPECT_TRUE(trace.steps.verdicts.empty());
}

TEST(W3, E1AVerifiedAppStartsDirectlyAndTheReasonNamesTheFiltering) {
    const Device device = makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")});
    const PackageIndex index(device);
    const ResolveResult result = startResolve(index, webLink());
    ASSERT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.flattenToShortString(), "com.x/.Link");
    EXPECT_EQ(result.rule, "C-2");
    EXPECT_EQ(result.reason,
              "only one activity is left; W-25: com.x/.Link is approved for 'example.com' "
              "and replaces every other candidate");
}

TEST(W3, E3AnUnverifiedAppLeavesAChooserOfBrowsers) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")});
    const PackageIndex index(device);
    const ResolveResult result = startResolve(index, webLink());
    EXPECT_EQ(result.outcome, ResolveOutcome::Chooser);
    ASSERT_EQ(result.candidates.size(), 2u);
    EXPECT_TRUE(isBrowserEntry(result.candidates[0]));
    EXPECT_TRUE(isBrowserEntry(result.candidates[1]));
}

TEST(W3, ExplainNamesTheWRuleThatRemovedACandidateAndResolveKeepsTheOnesKept) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")}, "com.b1");
    const PackageIndex index(device);
    const ResolveRequest request{webLink(), kDefaultOnly};
    std::vector<std::string> removed;
    for (const Rejection& rejection : index.explain(request)) {
        removed.push_back(rejection.component.flattenToShortString() + " " + rejection.rule);
    }
    EXPECT_EQ(removed, (Names{"com.x/.Link W-26", "com.b2/.Browser W-14"}));
    const ResolveResult result = index.resolve(request);
    ASSERT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.flattenToShortString(), "com.b1/.Browser");
    bool keptByW14 = false;
    for (const CandidateVerdict& verdict : result.steps.verdicts) {
        if (verdict.kept && verdict.component.packageName == "com.b1") {
            keptByW14 = verdict.rule == "W-14";
        }
    }
    EXPECT_TRUE(keptByW14);
}

TEST(W3, E33TheLaterAlwaysAppWinsByPreferredOrderAfterTheResort) {
    const Device device = makeDevice(
        28, {appX(legacy(LegacyLinkStatus::Always, 1)), appY(legacy(LegacyLinkStatus::Always, 2)),
             browser("com.b1")});
    const PackageIndex index(device);
    const ResolveResult result = startResolve(index, webLink());
    ASSERT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.flattenToShortString(), "com.y/.Link");
    EXPECT_EQ(result.rule, "C-3");
}

TEST(W3, E36TwoNeverAppsAndNoBrowserResolveToNothing) {
    const Device device = makeDevice(
        28, {appX(legacy(LegacyLinkStatus::Never)), appY(legacy(LegacyLinkStatus::Never))});
    const PackageIndex index(device);
    const ResolveResult result = startResolve(index, webLink());
    EXPECT_EQ(result.outcome, ResolveOutcome::None);
    EXPECT_EQ(result.rule, "C-1");
}

TEST(W34, E19RequireNonBrowserRefusesAChooserOfBrowsersOnStart) {
    const Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")});
    const PackageIndex index(device);
    Intent intent = webLink();
    intent.flags |= flags::kActivityRequireNonBrowser;
    const ResolveResult start = startResolve(index, intent);
    EXPECT_EQ(start.outcome, ResolveOutcome::None);
    EXPECT_EQ(start.rule, "W-34");
    // A query (pm resolve-activity) does not read the start flag.
    EXPECT_EQ(index.resolve(ResolveRequest{intent, kDefaultOnly}).outcome,
              ResolveOutcome::Chooser);
}

TEST(W34, E19RequireNonBrowserStillStartsAVerifiedApp) {
    const Device device = makeDevice(34, {appX(verified()), browser("com.b1"), browser("com.b2")});
    const PackageIndex index(device);
    Intent intent = webLink();
    intent.flags |= flags::kActivityRequireNonBrowser;
    const ResolveResult start = startResolve(index, intent);
    ASSERT_EQ(start.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(start.chosen->component.flattenToShortString(), "com.x/.Link");
}

// ---- the rules of android-modern.md §2 checked on their own ------------------------------------

#include <hearth/start.h>

TEST(W23, Step1OnAndroid15ASuspendedDisabledOrRemovedPackageApprovesNothing) {
    InstalledPackage package;
    package.appLinks = verified();
    package.suspended = true;
    EXPECT_EQ(approvalFor(package, "example.com", 35).level, ApprovalLevel::None);
    EXPECT_EQ(approvalFor(package, "example.com", 35).reason,
              "the package is suspended (W-23 step 1)");
    EXPECT_EQ(approvalFor(package, "example.com", 34).level, ApprovalLevel::Verified)
        << "step 1 is absent from the Android 12 copy (android-modern.md §9)";
    package.suspended = false;
    package.removed = true;
    EXPECT_EQ(approvalFor(package, "example.com", 35).level, ApprovalLevel::None);
    package.removed = false;
    package.enabled = false;
    EXPECT_EQ(approvalFor(package, "example.com", 35).level, ApprovalLevel::None);
}

TEST(W41, WithoutARoleTheOnlyQualifyingAppIsTheFallbackHolder) {
    const Device device = makeDevice(34, {appX(), browser("com.b1")});
    const std::optional<DefaultBrowser> holder = defaultBrowser(device);
    ASSERT_TRUE(holder.has_value());
    EXPECT_EQ(holder->package, "com.b1");
    EXPECT_EQ(holder->rule, "W-41");
}

TEST(W41, FromAndroid12TheOnlySystemBrowserHoldsTheRoleAndCollapsesTheOthers) {
    Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")});
    EXPECT_FALSE(defaultBrowser(device).has_value()) << "two user browsers: no fallback (E3)";
    device.packages[2].system = true;
    ASSERT_TRUE(defaultBrowser(device).has_value());
    EXPECT_EQ(defaultBrowser(device)->package, "com.b2");
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b2/.Browser"}));
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_EQ(verdictFor(result, "com.b1/.Browser").rule, "W-41");
    device.apiLevel = 30;  // the system-package step came with Android 12
    EXPECT_FALSE(defaultBrowser(device).has_value());
    device.apiLevel = 28;  // before the BROWSER role: only 'roles.browser'
    device.packages[1].removed = true;
    EXPECT_FALSE(defaultBrowser(device).has_value());
}

TEST(W41, AnExplicitRoleWinsAndADisabledBrowserDoesNotQualify) {
    Device device = makeDevice(34, {browser("com.b1"), browser("com.b2")}, "com.b1");
    device.packages[1].system = true;
    EXPECT_EQ(defaultBrowser(device)->package, "com.b1");
    EXPECT_EQ(defaultBrowser(device)->rule, "W-14");
    device.roles.browser.reset();
    device.packages[0].enabled = false;
    EXPECT_EQ(defaultBrowser(device)->package, "com.b2");
}

TEST(W33, ALegacyAlwaysStatusHasNoEffectFromAndroid12) {
    const Device device = makeDevice(
        34, {appX(legacy(LegacyLinkStatus::Always, 1)), browser("com.b1"), browser("com.b2")});
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.b1/.Browser", "com.b2/.Browser"}));
}

TEST(W12, ThePartitionPutsEachCandidateInOneGroupByItsPackagesStatus) {
    // Android 6-11: a browser entry is a browser whatever its package's status; the others go by
    // status (always / never / always-ask / undefined).
    AppLinksState neverLinks = legacy(LegacyLinkStatus::Never);
    const Device device =
        makeDevice(28, {appX(legacy(LegacyLinkStatus::AlwaysAsk)), appY(neverLinks),
                        {"com.b1", activity(".Browser", webFilter("")), 28, neverLinks, 500}},
                   "com.b1");
    const WebFilterResult result = filtered(device, webLink(), kDefaultOnly);
    EXPECT_EQ(kept(device, webLink(), kDefaultOnly), (Names{"com.x/.Link", "com.b1/.Browser"}))
        << "the browser stays although its package's status is never";
    EXPECT_FALSE(verdictFor(result, "com.y/.Link").kept);
}

TEST(W4, TheFilteredListIsResortedByPriority) {
    const Device device = makeDevice(
        34, {appX(),
             {"com.low", activity(".Browser", webFilter("")), 34, {}, 1},
             {"com.high",
              activity(".Browser", "      <intent-filter android:priority=\"5\">\n"
                                   "        <action android:name=\"android.intent.action.VIEW\"/>\n"
                                   "        <category android:name=\"android.intent.category.DEFAULT\"/>\n"
                                   "        <category android:name=\"android.intent.category.BROWSABLE\"/>\n"
                                   "        <data android:scheme=\"http\"/>\n"
                                   "        <data android:scheme=\"https\"/>\n"
                                   "      </intent-filter>\n"),
              34, {}, 2}});
    // Two browsers qualify, so no W-41 holder collapses them: both stay, in R-9 order.
    EXPECT_EQ(queried(device, webLink(), kDefaultOnly),
              (Names{"com.high/.Browser", "com.low/.Browser"}));
}

TEST(W19, ARecordedAlwaysChoiceAmongBrowsersStillApplies) {
    Device device = makeDevice(34, {appX(), browser("com.b1"), browser("com.b2")});
    PreferredActivity always;
    always.component = ComponentName{"com.b2", "com.b2.Browser"};
    always.filter.actions = {"android.intent.action.VIEW"};
    always.filter.categories = {"android.intent.category.BROWSABLE",
                                "android.intent.category.DEFAULT"};
    always.filter.schemes = {"https"};
    always.set = {ComponentName{"com.b1", "com.b1.Browser"},
                  ComponentName{"com.b2", "com.b2.Browser"}};
    always.match = 0x200000;  // MATCH_CATEGORY_SCHEME
    always.always = true;
    device.preferred.push_back(always);
    const PackageIndex index(device);
    const ResolveResult result = startResolve(index, webLink());
    ASSERT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.flattenToShortString(), "com.b2/.Browser");
}

TEST(W29, ABrowsersOwnAppLinkActivityIsApprovedLikeAnyApp) {
    Device device = makeDevice(
        34, {{"com.b1",
              activity(".Browser", webFilter("")) +
                  activity(".Link", webFilter("example.com", true)),
              34, verified(), 500},
             browser("com.b2")});
    const PackageIndex index(device);
    const ResolveResult result = startResolve(index, webLink());
    ASSERT_EQ(result.outcome, ResolveOutcome::Activity);
    EXPECT_EQ(result.chosen->component.flattenToShortString(), "com.b1/.Link")
        << "the approved candidate came from a non-browser filter";
}

TEST(W18, E39OnAndroid10AWebLinksChooserOffersNoAlways) {
    const Device device = makeDevice(29, {appX(), browser("com.b1")});
    const PackageIndex index(device);
    const StartResult start = resolveStart(index, webLink());
    ASSERT_EQ(start.result.outcome, ResolveOutcome::Chooser);
    EXPECT_FALSE(start.chooserOffersAlways);
    EXPECT_NE(renderStartText(start).find("The chooser offers Just once and Settings, no Always "
                                          "(W-18: a web link on Android 10+)"),
              std::string::npos)
        << renderStartText(start);
    const Device android9 = makeDevice(28, {appX(), browser("com.b1")});
    const PackageIndex index9(android9);
    const StartResult start9 = resolveStart(index9, webLink());
    ASSERT_EQ(start9.result.outcome, ResolveOutcome::Chooser);
    EXPECT_TRUE(start9.chooserOffersAlways);
}

// `pm get-app-links` (app_links_report.cpp, W-50) rendered from a device in memory: per package
// the declared autoVerify domains with their W-21 states, in Java hash order, and with a user the
// W-22 selection state; the errors pm gives.

#include <gtest/gtest.h>
#include <hearth/app_links.h>
#include <hearth/app_links_report.h>
#include <hearth/device.h>
#include <hearth/manifest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

using namespace hearth;

namespace {

// "aa.co" is declared first, but String.hashCode("b.co") = 2966904 is below
// String.hashCode("aa.co") = 92518650, so ArrayMap order puts b.co first (and alphabetical order
// would not).
std::string linkFilter(bool autoVerify, std::initializer_list<const char*> hosts) {
    std::string out = std::string("<intent-filter") +
                      (autoVerify ? " android:autoVerify=\"true\"" : "") +
                      "><action android:name=\"android.intent.action.VIEW\"/>"
                      "<category android:name=\"android.intent.category.DEFAULT\"/>"
                      "<category android:name=\"android.intent.category.BROWSABLE\"/>"
                      "<data android:scheme=\"https\"/>";
    for (const char* host : hosts) out += std::string("<data android:host=\"") + host + "\"/>";
    return out + "</intent-filter>";
}

InstalledPackage install(const std::string& name, const std::string& filter) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" + name +
        "\"><uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"34\"/>"
        "<application><activity android:name=\".Link\" android:exported=\"true\">" +
        filter + "</activity></application></manifest>";
    Result<Manifest> manifest = parseManifest(xml, name + "/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
    InstalledPackage package;
    if (manifest) package.manifest = std::move(manifest).value();
    return package;
}

Device linksDevice(int api = 34) {
    Device device;
    device.name = "links";
    device.apiLevel = api;
    device.packages.push_back(install("com.links", linkFilter(true, {"aa.co", "b.co"})));
    device.packages.back().appLinks.domains.push_back(
        DomainStateEntry{"b.co", domain_state::kVerified, {}});
    device.packages.push_back(install("com.plain", linkFilter(false, {"c.co"})));
    return device;
}

std::string text(const Device& device, const AppLinksQuery& query) {
    Result<std::string> out = renderAppLinksText(device, query);
    EXPECT_TRUE(out.has_value()) << out.error().toString();
    return out ? *out : std::string();
}

// The text's "ID: ..." of a package's header line.
std::string idLine(const std::string& out) {
    const size_t at = out.find("    ID: ");
    return at == std::string::npos ? std::string()
                                   : out.substr(at + 8, out.find('\n', at) - at - 8);
}

}  // namespace

TEST(AppLinksReport, APackageListsItsAutoVerifyDomainsInHashOrderWithTheirStates) {
    const std::string out = text(linksDevice(), AppLinksQuery{"com.links", std::nullopt});
    const std::string id = idLine(out);
    EXPECT_EQ(out,
              "  com.links:\n"
              "    ID: " +
                  id +
                  "\n"
                  "    Signatures: []\n"
                  "    Domain verification state:\n"
                  "      b.co: verified\n"
                  "      aa.co: none\n");
    EXPECT_TRUE(
        std::regex_match(id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]"
                                        "{3}-[0-9a-f]{12}")))
        << "a UUID-shaped stand-in: " << id;
}

TEST(AppLinksReport, TheStandInIdIsStablePerPackageAndDiffersBetweenPackages) {
    const Device device = linksDevice();
    const std::string first = idLine(text(device, AppLinksQuery{"com.links", std::nullopt}));
    EXPECT_EQ(idLine(text(device, AppLinksQuery{"com.links", std::nullopt})), first);
    Device renamed = device;
    renamed.packages[0].manifest.packageName = "com.links2";
    EXPECT_NE(idLine(text(renamed, AppLinksQuery{"com.links2", std::nullopt})), first);
}

TEST(AppLinksReport, AUserAddsTheSelectionStateAndPackagesWithWebDomainsOnly) {
    Device device = linksDevice();
    device.packages[0].appLinks.selectedHosts = {"aa.co"};
    const std::string out = text(device, AppLinksQuery{std::nullopt, std::string("0")});
    const std::string links =
        "    User 0:\n"
        "      Verification link handling allowed: true\n"
        "      Selection state:\n"
        "        Enabled:\n"
        "          aa.co\n"
        "        Disabled:\n"
        "          b.co\n";
    EXPECT_NE(out.find("      aa.co: none\n" + links), std::string::npos) << out;
    // com.plain declares no autoVerify domain: the ID moves to its package line (W-50).
    EXPECT_TRUE(
        std::regex_search(out, std::regex("(^|\n)  com\\.plain [0-9a-f-]{36}:\n    User 0:\n")))
        << out;
    EXPECT_NE(out.find("    User 0:\n      Verification link handling allowed: true\n"
                       "      Selection state:\n        Disabled:\n          c.co\n"),
              std::string::npos)
        << out;
    EXPECT_EQ(text(device, AppLinksQuery{std::nullopt, std::nullopt}).find("com.plain"),
              std::string::npos)
        << "without a user, a package with no autoVerify domain prints nothing";
}

TEST(AppLinksReport, PmsErrorsForAnUnknownPackageOrUserAndBeforeAndroid12) {
    const Result<std::string> unknown =
        renderAppLinksText(linksDevice(), AppLinksQuery{"com.nope", std::nullopt});
    ASSERT_FALSE(unknown.has_value());
    EXPECT_EQ(unknown.error().toString(), "Error: package com.nope unavailable");
    const Result<std::string> user =
        renderAppLinksJson(linksDevice(), AppLinksQuery{std::nullopt, std::string("5")});
    ASSERT_FALSE(user.has_value());
    EXPECT_EQ(user.error().toString(), "Error: user 5 not found (a Hearth device has user 0)");
    const Result<std::string> old = renderAppLinksText(linksDevice(30), AppLinksQuery{});
    ASSERT_FALSE(old.has_value());
    EXPECT_EQ(old.error().toString(),
              "'pm get-app-links' exists from Android 12 (API 31); this device is API 30, where "
              "each package has a link status instead ('appLinks.legacyStatus', W-10)");
}

TEST(AppLinksReport, JsonHasTheSameFactsInTheSameOrder) {
    const Result<std::string> out =
        renderAppLinksJson(linksDevice(), AppLinksQuery{std::nullopt, std::string("all")});
    ASSERT_TRUE(out.has_value()) << out.error().toString();
    const nlohmann::ordered_json json = nlohmann::ordered_json::parse(*out);
    EXPECT_EQ(json.at("device").at("api"), 34);
    const nlohmann::ordered_json& packages = json.at("packages");
    ASSERT_EQ(packages.size(), 2u);
    const nlohmann::ordered_json* links = nullptr;
    for (const auto& entry : packages) {
        if (entry.at("package") == "com.links") links = &entry;
    }
    ASSERT_NE(links, nullptr);
    EXPECT_EQ(links->at("id"), idLine(text(linksDevice(), AppLinksQuery{"com.links", {}})));
    EXPECT_EQ(links->at("autoVerifyDomains").dump(), R"({"b.co":"verified","aa.co":"none"})");
    EXPECT_EQ(links->at("webDomains"), nlohmann::ordered_json({"b.co", "aa.co"}));
    EXPECT_EQ(links->at("user").at("disabled"), nlohmann::ordered_json({"b.co", "aa.co"}));
    EXPECT_TRUE(links->at("user").at("linkHandlingAllowed").get<bool>());
}

// hearth claims, in-process: reverse lookup over samples/devices/app-links and seed — the text
// blocks, --url, --component, --json, exit codes and usage errors.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

const std::string kAppLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/app-links";
const std::string kSeed = std::string(HEARTH_SAMPLES_DIR) + "/devices/seed";

std::vector<std::string> componentsOf(const std::string& json) {
    std::vector<std::string> out;
    const nlohmann::json parsed = nlohmann::json::parse(json);
    for (const auto& claim : parsed["claims"]) {
        out.push_back(claim["component"].get<std::string>());
    }
    return out;
}

TEST(ClaimsCommand, AHostIsClaimedByItsAppAndEveryBrowserWithTheAppsLinkState) {
    const CliRun run = runCli({"claims", kAppLinks, "--host", "news.example.com"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
              "3 filters claim host 'news.example.com' on app-links (API 34)");
    // W-23: news.example.com is verified for News (device.json), and the browsers name no host.
    EXPECT_NE(run.out.find("\ncom.example.news/.ArticleActivity (activity, exported)\n  filter #2 at "),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("  data:       http://news.example.com/*\n"
                           "              https://news.example.com/*\n"
                           "  autoVerify: true\n"
                           "  links:      news.example.com verified\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("\ncom.example.chromium/.BrowserActivity (activity, exported)\n"),
              std::string::npos);
}

TEST(ClaimsCommand, UrlSetsSchemeHostAndPathAtOnce) {
    const CliRun byUrl =
        runCli({"claims", kAppLinks, "--url", "https://shop.example.com/item/1", "--json"});
    const CliRun byParts = runCli({"claims", kAppLinks, "--scheme", "https", "--host",
                                   "shop.example.com", "--path", "/item/1", "--json"});
    ASSERT_EQ(byUrl.code, 0) << byUrl.err;
    EXPECT_EQ(byUrl.out, byParts.out);
    const nlohmann::json json = nlohmann::json::parse(byUrl.out);
    EXPECT_EQ(json["schemaVersion"], 1);
    EXPECT_EQ(json["device"]["api"], 34);
    EXPECT_EQ(json["selector"]["host"], "shop.example.com");
    EXPECT_EQ(componentsOf(byUrl.out),
              (std::vector<std::string>{"com.example.shop/.ProductActivity",
                                        "com.example.firefly/.BrowserActivity",
                                        "com.example.chromium/.BrowserActivity"}));
    EXPECT_EQ(json["claims"][0]["links"][0]["state"], "none");
    EXPECT_EQ(json["claims"][0]["filter"]["autoVerify"], true);
    EXPECT_GT(json["claims"][0]["location"]["line"].get<int>(), 0);
}

TEST(ClaimsCommand, WithoutSelectorsEveryDeepLinkOfTheDeviceIsListed) {
    const CliRun run = runCli({"claims", kAppLinks, "--json"});
    ASSERT_EQ(run.code, 0) << run.err;
    // Four apps and two browsers, one VIEW + BROWSABLE filter each; launcher filters are not links.
    EXPECT_EQ(componentsOf(run.out).size(), 6u);
    const nlohmann::json parsed = nlohmann::json::parse(run.out);
    for (const auto& claim : parsed["claims"]) {
        EXPECT_NE(claim["filter"]["categories"].dump().find("BROWSABLE"), std::string::npos);
    }
}

TEST(ClaimsCommand, AComponentListsEveryIntentItAccepts) {
    const CliRun run =
        runCli({"claims", kAppLinks, "--component", "com.example.news/.ArticleActivity"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out.substr(0, run.out.find('\n')),
              "com.example.news/.ArticleActivity: 2 filters on app-links (API 34)");
    EXPECT_NE(run.out.find("  actions:    android.intent.action.MAIN\n"), std::string::npos);
}

TEST(ClaimsCommand, NothingClaimedExitsFour) {
    const CliRun run = runCli({"claims", kSeed, "--scheme", "nosuchscheme"});
    EXPECT_EQ(run.code, 4);
    EXPECT_EQ(run.out, "No filter claims scheme 'nosuchscheme' on seed (API 8)\n");
}

TEST(ClaimsCommand, BadSelectorsAreUsageErrorsNamingTheValue) {
    const CliRun type = runCli({"claims", kSeed, "--type", "image"});
    EXPECT_EQ(type.code, 2);
    EXPECT_EQ(type.err, "hearth claims: --type: MIME type 'image' must look like 'type/subtype'\n");
    const CliRun url = runCli({"claims", kSeed, "--url", "example.com/x"});
    EXPECT_EQ(url.code, 2);
    EXPECT_EQ(url.err, "hearth claims: --url 'example.com/x' has no scheme (write it as "
                       "scheme://host/path)\n");
    const CliRun clash =
        runCli({"claims", kSeed, "--host", "a.org", "--url", "https://b.org/"});
    EXPECT_EQ(clash.code, 2);
    EXPECT_EQ(clash.err, "hearth claims: --host 'a.org' disagrees with --url's 'b.org'\n");
    const CliRun component = runCli({"claims", kSeed, "--component", "nopackage"});
    EXPECT_EQ(component.code, 2);
}

TEST(ClaimsCommand, AnUnreadableDeviceIsBadInput) {
    const CliRun run = runCli({"claims", "/nonexistent/device", "--host", "x.org"});
    EXPECT_EQ(run.code, 1);
    EXPECT_FALSE(run.err.empty());
}

}  // namespace

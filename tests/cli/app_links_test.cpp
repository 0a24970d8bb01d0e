// hearth app-links, in-process: pm get-app-links text (W-50) and JSON over samples/devices/app-links,
// the user block (W-22), and the errors for an unknown package and an Android 6-11 device.

#include <gtest/gtest.h>

#include <string>

#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

const std::string kAppLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/app-links";
const std::string kLegacyLinks = std::string(HEARTH_SAMPLES_DIR) + "/devices/legacy-links";

}  // namespace

TEST(AppLinksCommand, W50ListsEveryPackageWithAutoVerifyDomainsInHashOrder) {
    const CliRun result = runCli({"app-links", kAppLinks});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "  com.example.social:\n"
              "    ID: 3204d189-5610-44d5-8d08-15afa3af6988\n"
              "    Signatures: []\n"
              "    Domain verification state:\n"
              "      social.example.net: denied\n"
              "  com.example.news:\n"
              "    ID: a963c1e5-4ce8-4811-8090-966d7881c7b0\n"
              "    Signatures: []\n"
              "    Domain verification state:\n"
              "      news.example.com: verified\n"
              "  com.example.shop:\n"
              "    ID: 8c7e74d4-aa69-40d2-9a30-d94f8ac090b3\n"
              "    Signatures: []\n"
              "    Domain verification state:\n"
              "      shop.example.com: none\n");
}

TEST(AppLinksCommand, W50AUserBlockWithoutAutoVerifyDomainsPutsTheIdOnThePackageLine) {
    const CliRun result = runCli({"app-links", kAppLinks, "com.example.blog", "--user", "0"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "  com.example.blog 4b23e54a-8cc4-4176-95cf-49d2683d8c35:\n"
              "    User 0:\n"
              "      Verification link handling allowed: true\n"
              "      Selection state:\n"
              "        Enabled:\n"
              "          blog.example.org\n");
}

TEST(AppLinksCommand, W50AnUnknownPackageIsPmsError) {
    const CliRun result = runCli({"app-links", kAppLinks, "com.nope"});
    EXPECT_EQ(result.code, 1);
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "Error: package com.nope unavailable\n");
}

TEST(AppLinksCommand, W10AnAndroid9DeviceHasNoGetAppLinks) {
    const CliRun result = runCli({"app-links", kLegacyLinks});
    EXPECT_EQ(result.code, 1);
    EXPECT_EQ(result.err,
              "hearth app-links: 'pm get-app-links' exists from Android 12 (API 31); this device is "
              "API 28, where each package has a link status instead ('appLinks.legacyStatus', "
              "W-10)\n");
}

TEST(AppLinksCommand, JsonListsTheDeclaredDomainsAndTheirStates) {
    const CliRun result = runCli({"app-links", kAppLinks, "com.example.news", "--json"});
    EXPECT_EQ(result.code, 0);
    EXPECT_EQ(result.out,
              "{\n"
              "  \"schemaVersion\": 1,\n"
              "  \"device\": {\n"
              "    \"name\": \"app-links\",\n"
              "    \"api\": 34\n"
              "  },\n"
              "  \"packages\": [\n"
              "    {\n"
              "      \"package\": \"com.example.news\",\n"
              "      \"id\": \"a963c1e5-4ce8-4811-8090-966d7881c7b0\",\n"
              "      \"autoVerifyDomains\": {\n"
              "        \"news.example.com\": \"verified\"\n"
              "      },\n"
              "      \"invalidAutoVerifyDomains\": [],\n"
              "      \"webDomains\": [\n"
              "        \"news.example.com\"\n"
              "      ]\n"
              "    }\n"
              "  ]\n"
              "}\n");
}

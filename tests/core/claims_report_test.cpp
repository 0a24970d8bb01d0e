// The claims renderers (claims_report.cpp): the text a person reads and the one JSON object a
// script reads, from the same Claim list. What claims what is claims_test.cpp.

#include <gtest/gtest.h>
#include <hearth/claims.h>
#include <hearth/device.h>

#include <nlohmann/json.hpp>
#include <string>

#include "claims_fixtures.h"

using namespace hearth;
using namespace hearth::claims_fixtures;

TEST(ClaimsReport, TextNamesWhatWasAskedAndEachFiltersSourceLine) {
    const Device device = webDevice();
    const ClaimSelector selector = hostSelector("shop.example.com");
    const std::string text = renderClaimsText(findClaims(device, selector), selector, device);
    EXPECT_EQ(text.substr(0, text.find('\n')),
              "3 filters claim host 'shop.example.com' on test (API 34)");
    EXPECT_NE(text.find("\ncom.shop/.Shop (activity, exported)\n  filter #1 at com.shop.xml:5:"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("  data:       https://shop.example.com/*\n"), std::string::npos) << text;
    EXPECT_NE(text.find("  links:      shop.example.com none\n"), std::string::npos) << text;
    const ClaimSelector nobody = hostSelector("nobody.invalid");
    Device noBrowser = device;
    noBrowser.packages.pop_back();
    EXPECT_EQ(renderClaimsText(findClaims(noBrowser, nobody), nobody, noBrowser),
              "No filter claims host 'nobody.invalid' on test (API 34)\n");
}


TEST(ClaimsReport, JsonHasTheDocumentedShapeInTheTextsOrder) {
    const Device device = webDevice();
    const ClaimSelector selector = hostSelector("shop.example.com");
    const std::vector<Claim> claims = findClaims(device, selector);
    const nlohmann::json json = nlohmann::json::parse(renderClaimsJson(claims, selector, device));
    EXPECT_EQ(json["schemaVersion"], 1);
    EXPECT_EQ(json["device"], (nlohmann::json{{"name", "test"}, {"api", 34}}));
    EXPECT_TRUE(json.contains("selector"));
    ASSERT_EQ(json["claims"].size(), claims.size());
    const nlohmann::json& first = json["claims"][0];
    EXPECT_EQ(first["component"], "com.shop/.Shop");
    EXPECT_EQ(first["kind"], "activity");
    EXPECT_EQ(first["exported"], true);
    EXPECT_EQ(first["filter"]["index"], 0);
    EXPECT_EQ(first["filter"]["data"][0], "https://shop.example.com/*");
    for (const char* key : {"enabled", "links", "location"}) EXPECT_TRUE(first.contains(key));
}

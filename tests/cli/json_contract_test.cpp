// One output contract (issue 15, docs/json.md): every --json answer starts with "schemaVersion"
// and "device" {"name","api"}; the intent commands echo the intent as parsed; locations are one
// nested object and "match" one form. Each command is run as a user runs it.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;
using Json = nlohmann::ordered_json;

const std::string kDevices = std::string(HEARTH_SAMPLES_DIR) + "/devices/";
const std::string kSeed = kDevices + "seed";

Json answer(const std::vector<std::string>& args, int expectedCode) {
    const CliRun run = runCli(args);
    EXPECT_EQ(run.code, expectedCode) << run.err;
    return Json::parse(run.out);
}

void expectHeader(const Json& json, const std::string& device, int api) {
    ASSERT_TRUE(json.is_object());
    ASSERT_GE(json.size(), 2u);
    EXPECT_EQ(json.begin().key(), "schemaVersion");
    EXPECT_EQ(json["schemaVersion"], 1);
    EXPECT_EQ(std::next(json.begin()).key(), "device");
    EXPECT_EQ(json["device"], (Json{{"name", device}, {"api", api}}));
}

const std::vector<std::string> kViewLink = {"-a", "android.intent.action.VIEW", "-c",
                                            "android.intent.category.BROWSABLE", "-d",
                                            "https://example.com/x?q=1"};

TEST(JsonContract, IntentCommandsEchoTheIntentAsParsedAfterTheHeader) {
    for (const std::string command : {"query", "resolve", "start"}) {
        std::vector<std::string> args = {command, kSeed, "--json"};
        args.insert(args.end(), kViewLink.begin(), kViewLink.end());
        const CliRun run = runCli(args);
        ASSERT_NE(run.out, "") << command << ": " << run.err;
        const Json json = Json::parse(run.out);
        SCOPED_TRACE(command);
        expectHeader(json, "seed", 8);
        const Json& intent = json["intent"];
        EXPECT_EQ(intent["action"], "android.intent.action.VIEW");
        EXPECT_EQ(intent["categories"], Json::array({"android.intent.category.BROWSABLE"}));
        EXPECT_EQ(intent["data"], "https://example.com/x?q=1");
        EXPECT_EQ(intent["type"], nullptr);
        EXPECT_EQ(intent["component"], nullptr);
        EXPECT_EQ(intent["package"], nullptr);
        EXPECT_EQ(intent["flags"], "0x0");
    }
}

TEST(JsonContract, AnExplicitIntentEchoesItsComponentAndFlags) {
    const Json json = answer({"resolve", kSeed, "--json", "-n", "com.example.mail/.Nope", "-f",
                              "0x10000000"},
                             4);
    EXPECT_EQ(json["intent"]["component"], "com.example.mail/.Nope");
    EXPECT_EQ(json["intent"]["flags"], "0x10000000");
}

TEST(JsonContract, MatchIsOneHexFormAndLocationsOneNestedObject) {
    std::vector<std::string> args = {"query", kDevices + "browsers", "--json"};
    args.insert(args.end(), kViewLink.begin(), kViewLink.end());
    const Json json = answer(args, 0);
    ASSERT_FALSE(json["results"].empty());
    for (const Json& result : json["results"]) {
        ASSERT_TRUE(result["match"].is_string());
        EXPECT_EQ(result["match"].get<std::string>().rfind("0x", 0), 0u);
        const Json& filter = result["filter"];
        EXPECT_TRUE(filter["file"].is_string());
        EXPECT_TRUE(filter["line"].is_number_integer());
        EXPECT_TRUE(filter["column"].is_number_integer());
    }
}

TEST(JsonContract, AnalysisAndHomeCommandsShareTheHeader) {
    const Json home = answer({"home", kSeed, "--json"}, 0);
    expectHeader(home, "seed", 8);
    const Json& candidate = home["sites"][0]["candidates"][0];
    EXPECT_TRUE(candidate["location"]["file"].is_string()) << candidate.dump();
    EXPECT_TRUE(candidate["location"]["line"].is_number_integer());
    EXPECT_FALSE(candidate.contains("file"));
    const Json compared = answer({"home", kSeed, "--compare", "--json"}, 0);
    expectHeader(compared, "seed", 8);
    EXPECT_TRUE(compared.contains("stock"));
    EXPECT_TRUE(compared.contains("patched"));
    expectHeader(answer({"claims", kDevices + "app-links", "--json"}, 0), "app-links", 34);
    expectHeader(answer({"simulate", kSeed, kSeed + "/remove-stock-launcher.script", "--json"}, 0),
                 "seed", 8);
    expectHeader(answer({"app-links", kDevices + "app-links", "--json"}, 0), "app-links", 34);
    expectHeader(answer({"check", kDevices + "app-links",
                         std::string(HEARTH_SAMPLES_DIR) + "/checks/app-links.checks", "--json"},
                        0),
                 "app-links", 34);
    const Json diff = answer({"diff", kSeed, "--patch", "home-first", "--json"}, 5);
    EXPECT_EQ(diff.begin().key(), "schemaVersion");
    EXPECT_EQ(diff["before"], (Json{{"name", "seed"}, {"api", 8}}));
}

}  // namespace

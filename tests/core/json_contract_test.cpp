// The fields every --json answer shares (json_contract.h): the schema version, the device, the
// intent as parsed and a location, in the order docs/json.md documents. The CLI's answers are
// tests/cli/json_contract_test.cpp (built as json_contract_command_test).

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/intent.h>

#include <nlohmann/json.hpp>
#include <string>

#include "json_contract.h"

using namespace hearth;
namespace contract = hearth::json_contract;

TEST(JsonContract, AnAnswerStartsWithTheSchemaVersionAndTheDevice) {
    Device device;
    device.name = "pixel";
    device.apiLevel = 29;
    EXPECT_EQ(contract::answerHeader(device, nullptr).dump(),
              R"({"schemaVersion":1,"device":{"name":"pixel","api":29}})");
    EXPECT_EQ(contract::answerHeader("pixel", 29).dump(),
              contract::answerHeader(device, nullptr).dump());
    EXPECT_EQ(contract::kSchemaVersion, 1);
}

TEST(JsonContract, TheIntentIsEchoedAsParsedWithAbsentPartsNull) {
    auto intent = parseIntentArgs({"-a", "android.intent.action.VIEW", "-c",
                                   "android.intent.category.BROWSABLE", "-d", "https://x.org/a",
                                   "-f", "0x10000000"});
    ASSERT_TRUE(intent.has_value()) << intent.error().toString();
    EXPECT_EQ(contract::intentJson(*intent).dump(),
              R"({"action":"android.intent.action.VIEW",)"
              R"("categories":["android.intent.category.BROWSABLE"],"data":"https://x.org/a",)"
              R"("type":null,"component":null,"package":null,"flags":"0x10000000",)"
              R"("selector":null})");
    Device device;
    const nlohmann::ordered_json header = contract::answerHeader(device, &*intent);
    EXPECT_EQ(header["intent"], contract::intentJson(*intent));
}

TEST(JsonContract, ALocationIsFileLineAndColumn) {
    EXPECT_EQ(contract::locationJson(SourceLocation{"app/AndroidManifest.xml", 12, 5}).dump(),
              R"({"file":"app/AndroidManifest.xml","line":12,"column":5})");
}

// A `--batch` JSON request (hearth/json_request.h): what parseJsonRequest reads and where it says
// a line is not a request. The answers to whole batches are pinned in tests/cli/batch_test.cpp.

#include <gtest/gtest.h>
#include <hearth/json_request.h>

#include <optional>
#include <string>
#include <vector>

using namespace hearth;

namespace {

// The located message for a line that is not a request, as line 2 of "b.txt".
std::string refusal(const std::string& line) {
    Result<JsonRequest> request = parseJsonRequest(line, "b.txt", 2);
    EXPECT_FALSE(request) << line;
    return request ? std::string() : request.error().toString();
}

}  // namespace

TEST(ParseJsonRequest, ReadsAnIntentLineWithTheColumnOfItsOpeningQuote) {
    std::optional<std::string> id;
    Result<JsonRequest> request = parseJsonRequest(
        R"({"id":"a1","intent":"-a VIEW -d https://x","caller":"system"})", "b.txt", 1, &id);
    ASSERT_TRUE(request) << request.error().toString();
    EXPECT_EQ(id, R"("a1")");
    EXPECT_EQ(request->intentLine, "-a VIEW -d https://x");
    EXPECT_EQ(request->intentLineColumn, 21);  // its words' 1-based columns shift by it
    EXPECT_EQ(request->intentColumn, 12);
    EXPECT_EQ(request->caller, "system");
    EXPECT_EQ(request->callerColumn, 44);
}

TEST(ParseJsonRequest, ReadsAnIntentArrayAndTheLastOfDuplicateKeys) {
    std::optional<std::string> id;
    Result<JsonRequest> request = parseJsonRequest(
        R"({"id":1,"intent":5,"id":{"b":2.50,"a":-0},"intent":["-a","V W"]})", "b.txt", 1, &id);
    ASSERT_TRUE(request) << request.error().toString();
    EXPECT_EQ(id, R"({"a":0,"b":2.5})");  // as nlohmann prints it
    EXPECT_EQ(request->intentLine, std::nullopt);
    EXPECT_EQ(request->intentWords, (std::vector<std::string>{"-a", "V W"}));
    EXPECT_EQ(request->caller, std::nullopt);
}

TEST(ParseJsonRequest, ALineThatIsNotJsonIsRefusedAtItsFaultBeforeItsShape) {
    EXPECT_EQ(refusal(R"({"intnet":"-a x","id":tru})"),
              "b.txt:2:26: invalid JSON: syntax error while parsing value - invalid literal; last "
              "read: '\"id\":tru}'");
    EXPECT_EQ(refusal("{\"intent\":\"-a \xC3\"}"),
              "b.txt:2:16: invalid JSON: syntax error while parsing value - invalid string: "
              "ill-formed UTF-8 byte; last read: '\"-a \xC3\"'");
    EXPECT_EQ(refusal(R"({"intent":"-a x"} {})"),
              "b.txt:2:19: invalid JSON: syntax error while parsing value - unexpected '{'; "
              "expected end of input");
}

TEST(ParseJsonRequest, TheIdOfARequestRefusedForItsShapeIsHandedBack) {
    std::optional<std::string> id;
    EXPECT_FALSE(parseJsonRequest(R"({"zz":1,"id":[1],"aa":2,"intent":"-a x"})", "b", 1, &id));
    EXPECT_EQ(id, "[1]");
    EXPECT_FALSE(parseJsonRequest(R"({"id":[1],"intent":"-a x",})", "b", 1, &id));
    EXPECT_EQ(id, std::nullopt);  // not JSON: no id to trust
}

TEST(ParseJsonRequest, ShapeFaultsPointAtTheirKey) {
    // Unknown keys in byte order, whatever their order in the line.
    EXPECT_EQ(refusal(R"({"zz":1,"aa":2,"intent":"-a x"})"),
              "b.txt:2:9: unknown key 'aa': expected 'id', 'intent' or 'caller'");
    EXPECT_EQ(refusal(R"({"id":1})"),
              "b.txt:2:1: a JSON request needs 'intent', e.g. {\"id\":1,\"intent\":\"-a "
              "android.intent.action.VIEW -d https://example.com/\"}");
    EXPECT_EQ(refusal(R"({"intent":["-a",1]})"),
              "b.txt:2:2: 'intent' must hold strings, got number");
    EXPECT_EQ(refusal(R"({"intent":null})"),
              "b.txt:2:2: 'intent' must be a string of intent arguments or an array of them, got "
              "null");
    EXPECT_EQ(refusal(R"({"intent":"-a x","caller":false})"),
              "b.txt:2:18: 'caller' must be a string (shell, system, root or a package), got "
              "boolean");
    EXPECT_EQ(
        refusal("[1]"),
        "b.txt:2:1: a JSON request must be an object {\"id\",\"intent\",\"caller\"}, got array");
}

TEST(ParseJsonRequest, AnIdNestedDeeperThanTheLimitIsRefused) {
    const std::string deep = std::string(1025, '[') + std::string(1025, ']');
    EXPECT_EQ(refusal(R"({"intent":"-a x","id":)" + deep + "}"),
              "b.txt:2:18: 'id' is nested deeper than 1024 levels");
}

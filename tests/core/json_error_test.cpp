// The JSON parser's error in the house wording (json_error.h): what was expected and found, without
// the library's exception id and its own position.

#include <gtest/gtest.h>
#include <hearth/json_error.h>

#include <nlohmann/json.hpp>
#include <string>

using namespace hearth;

namespace {

std::string parseError(const std::string& text) {
    try {
        (void)nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        return describeJsonParseError(e.what());
    }
    return "parsed";
}

}  // namespace

TEST(JsonParseError, DropsTheExceptionIdAndThePosition) {
    EXPECT_EQ(describeJsonParseError("[json.exception.parse_error.101] parse error at line 1, "
                                     "column 5: syntax error while parsing value - invalid "
                                     "literal; last read: 'tru,'"),
              "invalid JSON: syntax error while parsing value - invalid literal; last read: "
              "'tru,'");
}

TEST(JsonParseError, AnErrorWithoutAPositionKeepsItsWholeText) {
    EXPECT_EQ(describeJsonParseError("[json.exception.out_of_range.406] number overflow parsing "
                                     "'1e999'"),
              "invalid JSON: number overflow parsing '1e999'");
    EXPECT_EQ(describeJsonParseError("something else"), "invalid JSON: something else");
}

TEST(JsonParseError, ReadsWhatTheJsonLibraryReallyThrows) {
    const std::string error = parseError("{\"a\": }");
    EXPECT_EQ(error.rfind("invalid JSON: syntax error while parsing value", 0), 0u) << error;
    EXPECT_EQ(error.find("json.exception"), std::string::npos) << error;
    EXPECT_EQ(parseError("{}"), "parsed");
}

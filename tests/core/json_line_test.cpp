// json_line.h: where and why a JSON line is not JSON, in nlohmann's words without the library's
// exception id and position (the readers of filter-match cases and --batch requests print these).

#include <gtest/gtest.h>

#include <string>

#include "json_line.h"

using hearth::json_line::Fault;
using hearth::json_line::locateFault;

TEST(JsonLineFault, NamesTheColumnAndWhatWasExpected) {
    const std::optional<Fault> fault = locateFault(R"({"a": tru})");
    ASSERT_TRUE(fault.has_value());
    EXPECT_EQ(fault->column, 10) << "the character nlohmann stopped on, after 'tru'";
    EXPECT_EQ(fault->message.rfind("invalid JSON: syntax error while parsing value - invalid "
                                   "literal",
                                   0),
              0u)
        << fault->message;
    EXPECT_EQ(fault->message.find("[json.exception"), std::string::npos) << fault->message;
    EXPECT_EQ(fault->message.find("line 1"), std::string::npos) << fault->message;
}

TEST(JsonLineFault, ANumberTooLargeIsPlacedAtItsFirstCharacter) {
    const std::optional<Fault> fault = locateFault(R"({"id":1e400})");
    ASSERT_TRUE(fault.has_value());
    EXPECT_EQ(fault->column, 7);
    EXPECT_EQ(fault->message, "invalid JSON: number overflow parsing '1e400'");
}

TEST(JsonLineFault, ValidJsonHasNoFault) {
    EXPECT_FALSE(locateFault(R"({"a": [1, 2.5, "x", null, true]})").has_value());
}

// Byte offsets to line:column (line_index.h): lines break at '\n', columns count UTF-8 code points.

#include <gtest/gtest.h>

#include <string>

#include "line_index.h"

using namespace hearth;

namespace {

std::string at(const LineIndex& index, std::size_t offset) {
    const SourceLocation where = index.locate(offset, "f");
    return std::to_string(where.line) + ":" + std::to_string(where.column);
}

}  // namespace

TEST(LineIndex, FirstByteIsLineOneColumnOne) {
    const LineIndex index("ab\ncd\n");
    EXPECT_EQ(at(index, 0), "1:1");
    EXPECT_EQ(at(index, 1), "1:2");
    EXPECT_EQ(at(index, 2), "1:3");  // the '\n' itself ends line 1
    EXPECT_EQ(at(index, 3), "2:1");
    EXPECT_EQ(at(index, 4), "2:2");
    EXPECT_EQ(index.locate(4, "app/AndroidManifest.xml").file, "app/AndroidManifest.xml");
}

TEST(LineIndex, ColumnsCountCharactersNotBytes) {
    // "é" is two bytes, "€" three: the byte after each is one column on.
    const std::string text = "<a b=\"\xC3\xA9\xE2\x82\xAC\"/>";
    const LineIndex index(text);
    EXPECT_EQ(at(index, 6), "1:7");   // é
    EXPECT_EQ(at(index, 8), "1:8");   // €
    EXPECT_EQ(at(index, 11), "1:9");  // the closing quote
}

TEST(LineIndex, AnswersInAnyOrderAndClampsPastTheEnd) {
    const std::string text = "one\ntwo\nthree";
    const LineIndex index(text);
    EXPECT_EQ(at(index, 12), "3:5");
    EXPECT_EQ(at(index, 5), "2:2");  // backwards after a later answer
    EXPECT_EQ(at(index, 0), "1:1");
    EXPECT_EQ(at(index, 1000), "3:6");
}

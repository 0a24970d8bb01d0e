// The adb capture readers' shared text helpers (capture_text.h): line walking, numbers, the
// binary-data refusal, and reading back the filter lines IntentFilter.dump prints.

#include <gtest/gtest.h>
#include <hearth/intent_filter.h>

#include <string>
#include <vector>

#include "capture_text.h"

using namespace hearth;
using namespace hearth::detail;

TEST(LineCursor, WalksLfAndCrlfLinesCountingFromOne) {
    LineCursor lines("one\r\ntwo\n\nlast");
    std::vector<std::string> seen;
    while (auto line = lines.next()) {
        seen.push_back(std::to_string(lines.line()) + ":" + std::string(*line));
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"1:one", "2:two", "3:", "4:last"}));
    EXPECT_EQ(indentOf("  \tx"), 3u);
}

TEST(CaptureNumbers, DecimalAndHexOrNothing) {
    EXPECT_EQ(parseDecimal("-12"), -12);
    EXPECT_EQ(parseDecimal("12a"), std::nullopt);
    EXPECT_EQ(parseDecimal("99999999999999999999"), std::nullopt);
    EXPECT_EQ(parseHex("0x1f"), 31);
    EXPECT_EQ(parseHex("1F"), 31);
    EXPECT_EQ(parseHex("0xg"), std::nullopt);
}

TEST(CaptureText, ANulByteIsRefusedAtItsLineAndColumn) {
    EXPECT_TRUE(checkNotBinary("text\n", "getprop.txt", "getprop output").has_value());
    Result<void> binary =
        checkNotBinary(std::string("a\nbc\0d", 6), "getprop.txt", "getprop output");
    ASSERT_FALSE(binary.has_value());
    EXPECT_EQ(binary.error().toString(),
              "getprop.txt:2:3: binary data (a NUL byte), not getprop output");
}

TEST(FilterBodyLines, ReadBackWhatIntentFilterDumpPrints) {
    IntentFilter filter;
    for (const char* line : {"Action: \"android.intent.action.VIEW\"",
                             "Category: \"android.intent.category.DEFAULT\"", "Scheme: \"https\"",
                             "Authority: \"*.example.com\": -1 WILD", "Authority: \"a.org\": 8080",
                             "Path: \"PatternMatcher{PREFIX: /docs}\"", "Type: \"image\"",
                             "AutoVerify=true", "mPriority=50, mOrder=2, mHasPartialTypes=true"}) {
        EXPECT_TRUE(readFilterBodyLine(line, filter)) << line;
    }
    EXPECT_EQ(filter.actions, std::vector<std::string>{"android.intent.action.VIEW"});
    EXPECT_EQ(filter.schemes, std::vector<std::string>{"https"});
    ASSERT_EQ(filter.authorities.size(), 2u);
    EXPECT_EQ(filter.authorities[0].host, "*.example.com");
    EXPECT_EQ(filter.authorities[0].port, std::nullopt);
    EXPECT_EQ(filter.authorities[1].port, 8080);
    ASSERT_EQ(filter.paths.size(), 1u);
    EXPECT_EQ(filter.paths[0].kind(), PatternKind::Prefix);
    EXPECT_EQ(filter.paths[0].pattern(), "/docs");
    EXPECT_EQ(filter.types, std::vector<std::string>{"image/*"});  // a partial type, as dumped
    EXPECT_TRUE(filter.autoVerify);
    EXPECT_EQ(filter.priority, 50);
    EXPECT_EQ(filter.order, 2);
}

TEST(FilterBodyLines, AnythingElseIsNotAFilterLine) {
    IntentFilter filter;
    EXPECT_FALSE(readFilterBodyLine("Path: \"PatternMatcher{REGEX: x}\"", filter));
    EXPECT_FALSE(readFilterBodyLine("Authority: \"host\" no port", filter));
    EXPECT_FALSE(readFilterBodyLine("mystery line", filter));
    EXPECT_TRUE(filter.paths.empty());
    EXPECT_TRUE(filter.authorities.empty());
}

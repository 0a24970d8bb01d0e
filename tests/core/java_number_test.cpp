// Java's number syntax (java_number.h): one Integer.decode for am's options, pm's --query-flags
// and device.json's match codes.

#include <hearth/java_number.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>

using hearth::decodeJavaInt;

TEST(JavaNumber, DecodeReadsHexHashOctalAndDecimalAsIntegerDecodeDoes) {
    EXPECT_EQ(decodeJavaInt("0x10000"), 0x10000);
    EXPECT_EQ(decodeJavaInt("0X1f"), 31);
    EXPECT_EQ(decodeJavaInt("#100000"), 0x100000);
    EXPECT_EQ(decodeJavaInt("010"), 8);
    EXPECT_EQ(decodeJavaInt("0"), 0);
    EXPECT_EQ(decodeJavaInt("+65536"), 65536);
    EXPECT_EQ(decodeJavaInt("-0x80000000"), std::numeric_limits<std::int32_t>::min());
}

TEST(JavaNumber, DecodeRefusesWhatIntegerDecodeThrowsOn) {
    for (const char* text : {"", "0x", "#", "08", "0x80000000", "2147483648", "--1", "0x-1", "1 "}) {
        EXPECT_EQ(decodeJavaInt(text), std::nullopt) << text;
    }
}

TEST(JavaNumber, LongAndFloatFollowLongValueOfAndFloatValueOf) {
    EXPECT_TRUE(hearth::isJavaLong("-9223372036854775808"));
    EXPECT_FALSE(hearth::isJavaLong("9223372036854775808"));
    EXPECT_FALSE(hearth::isJavaLong("0x10"));
    EXPECT_TRUE(hearth::isJavaFloat(" 1.5e3f "));
    EXPECT_TRUE(hearth::isJavaFloat("0x1p3"));
    EXPECT_FALSE(hearth::isJavaFloat("1e"));
}

// Java-compatible text helpers (unicode.h): UTF-8 seen as the UTF-16 units Java holds, Java's
// case-insensitive comparison, its UTF-8 decoder's replacements, Integer.parseInt and hashCode.

#include <gtest/gtest.h>

#include <string>

#include "unicode.h"

using namespace hearth::text;

TEST(Utf16, ASupplementaryCharacterIsTwoUnits) {
    EXPECT_EQ(toUtf16("a\xC3\xA9"), u"a\u00e9");
    EXPECT_EQ(toUtf16("\xF0\x9F\x98\x80"), std::u16string({0xD83D, 0xDE00}));
    const std::string longText(300, 'x');  // past the inline storage
    EXPECT_EQ(Utf16(longText).view().size(), 300u);
    EXPECT_EQ(Utf16("\xE2\x82\xAC").view(), u"\u20ac");
}

TEST(EqualsIgnoreCase, FoldsAsJavaDoesIncludingTheKelvinSign) {
    EXPECT_TRUE(equalsIgnoreCase(std::string_view("Example.COM"), std::string_view("example.com")));
    EXPECT_TRUE(equalsIgnoreCase(std::string_view("\xE2\x84\xAA"), std::string_view("k")));
    EXPECT_TRUE(equalsIgnoreCase(std::string_view("\xC3\x89t\xC3\xA9"),
                                 std::string_view("\xC3\xA9T\xC3\x89")));
    EXPECT_FALSE(equalsIgnoreCase(std::string_view("abc"), std::string_view("abd")));
    EXPECT_FALSE(equalsIgnoreCase(std::string_view("ab"), std::string_view("abc")));
    EXPECT_EQ(caseKey(u'Q'), u'q');
}

TEST(NextCodePoint, AMalformedSequenceIsOneReplacementCharacter) {
    std::size_t pos = 0;
    const std::string text = "\xC3\xA9\xFF\xE2\x82";
    EXPECT_EQ(nextCodePoint(text, pos), U'\u00e9');
    EXPECT_EQ(pos, 2u);
    EXPECT_EQ(nextCodePoint(text, pos), U'\ufffd');  // a byte that never starts UTF-8
    EXPECT_EQ(pos, 3u);
    EXPECT_EQ(nextCodePoint(text, pos), U'\ufffd');  // cut short by the end of the text
    EXPECT_EQ(pos, text.size());
}

TEST(AppendUtf8, WritesOneToFourBytes) {
    std::string out;
    for (char32_t c : {U'A', U'\u00e9', U'\u20ac', U'\U0001F600'}) appendUtf8(out, c);
    EXPECT_EQ(out, "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    std::string decoded;
    appendJavaDecoded(decoded, "ok\xFF");
    EXPECT_EQ(decoded, "ok\xEF\xBF\xBD");
}

TEST(ParseJavaInt, AcceptsWhatIntegerParseIntAccepts) {
    EXPECT_EQ(parseJavaInt("42"), 42);
    EXPECT_EQ(parseJavaInt("+7"), 7);
    EXPECT_EQ(parseJavaInt("-2147483648"), INT32_MIN);
    EXPECT_EQ(parseJavaInt("\xD9\xA3"), 3);  // ARABIC-INDIC DIGIT THREE
    EXPECT_EQ(parseJavaInt("2147483648"), std::nullopt);
    EXPECT_EQ(parseJavaInt(""), std::nullopt);
    EXPECT_EQ(parseJavaInt("-"), std::nullopt);
    EXPECT_EQ(parseJavaInt("0x10"), std::nullopt);
    EXPECT_EQ(decimalDigit(u'7'), 7);
    EXPECT_EQ(decimalDigit(u'a'), -1);
}

TEST(JavaHashCode, IsStringHashCodeOverUtf16Units) {
    EXPECT_EQ(javaHashCode(""), 0);
    EXPECT_EQ(javaHashCode("a"), 97);
    EXPECT_EQ(javaHashCode("ab"), 97 * 31 + 98);
    EXPECT_EQ(javaHashCode("\xC3\xA9"), 0xE9);
    EXPECT_TRUE(isAscii("plain"));
    EXPECT_FALSE(isAscii("caf\xC3\xA9"));
}

// isAscii reads eight bytes at a time and the rest one by one: a high byte anywhere, in a word or
// in the tail, of any length, makes the text non-ASCII.
TEST(IsAscii, FindsAHighByteAtEveryPositionOfWordsAndTail) {
    for (size_t length = 0; length <= 25; ++length) {
        std::string text(length, 'a');
        EXPECT_TRUE(isAscii(text)) << length;
        for (size_t at = 0; at < length; ++at) {
            std::string marked = text;
            marked[at] = '\x80';
            EXPECT_FALSE(isAscii(marked)) << "length " << length << ", byte " << at;
        }
    }
    EXPECT_TRUE(isAscii(std::string_view("\x7f\x01", 2)));
    EXPECT_TRUE(isAscii(std::string_view("a\0b", 3)));
}

// The ASCII-only comparison folds exactly 'A'-'Z': the neighbours of the letters ('@', '[', '`',
// '{') are not letters, so "@" never equals "`" although they differ by 32 as 'A' and 'a' do.
TEST(EqualsIgnoreCaseAscii, FoldsOnlyTheLettersAsJavaDoesForAscii) {
    for (int a = 0; a < 0x80; ++a) {
        for (int b = 0; b < 0x80; ++b) {
            const std::string x(1, static_cast<char>(a));
            const std::string y(1, static_cast<char>(b));
            const bool java = caseKey(static_cast<char16_t>(a)) == caseKey(static_cast<char16_t>(b));
            EXPECT_EQ(equalsIgnoreCaseAscii(x, y), java) << a << " " << b;
        }
    }
    EXPECT_TRUE(equalsIgnoreCaseAscii("WWW.Example.COM", "www.example.com"));
    EXPECT_FALSE(equalsIgnoreCaseAscii("www.example.co", "www.example.com"));
}

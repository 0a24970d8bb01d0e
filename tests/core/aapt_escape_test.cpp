// aapt2's escape rules (aapt_escape.h): what the device sees of a value written in source XML, and
// the way back for writers that produce source XML.

#include <gtest/gtest.h>

#include <string>

#include "aapt_escape.h"

using namespace hearth;

namespace {

std::string attribute(std::string_view raw) {
    Result<UnescapedValue> value = unescapeAttributeValue(raw);
    EXPECT_TRUE(value.has_value()) << value.error().toString();
    return value ? value->text : "";
}

std::string resourceString(std::string_view raw) {
    Result<UnescapedValue> value = unescapeResourceString(raw);
    EXPECT_TRUE(value.has_value()) << value.error().toString();
    return value ? value->text : "";
}

}  // namespace

TEST(UnescapeAttribute, KnownEscapesGiveTheirCharacter) {
    EXPECT_EQ(attribute(R"(a\\b\'c\"d\@e\?f\#g)"), R"(a\b'c"d@e?f#g)");
    EXPECT_EQ(attribute(R"(one\ntwo\tthree)"), "one\ntwo\tthree");
    EXPECT_EQ(attribute("trailing\\"), "trailing");
}

TEST(UnescapeAttribute, AnUnknownEscapeKeepsTheCharacterAndIsReported) {
    Result<UnescapedValue> value = unescapeAttributeValue(R"(.*\.pdf\x)");
    ASSERT_TRUE(value.has_value());
    EXPECT_EQ(value->text, ".*.pdfx");
    EXPECT_EQ(value->unknownEscapes, ".x");
    EXPECT_EQ(unescapeAttributeValue("plain")->unknownEscapes, "");
}

TEST(UnescapeAttribute, UnicodeEscapesBecomeUtf8AndSurrogatePairsCombine) {
    EXPECT_EQ(attribute(R"(caf\u00e9)"), "caf\xC3\xA9");
    EXPECT_EQ(attribute(R"(\ud83d\ude00)"), "\xF0\x9F\x98\x80");
}

TEST(UnescapeAttribute, ABadUnicodeEscapeQuotesWhatWasWritten) {
    Result<UnescapedValue> value = unescapeAttributeValue(R"(x\u12xy)");
    ASSERT_FALSE(value.has_value());
    EXPECT_EQ(value.error().toString(),
              R"(invalid unicode escape '\u12xy': expected four hex digits)");
}

TEST(UnescapeAttribute, WhitespaceAndQuotesAreKeptAsWritten) {
    EXPECT_EQ(attribute("  a  \"b\"  "), "  a  \"b\"  ");
}

TEST(UnescapeResourceString, WhitespaceCollapsesOutsideQuotesAndQuotesAreRemoved) {
    EXPECT_EQ(resourceString("  Hello \n  world  "), "Hello world");
    EXPECT_EQ(resourceString("say \"  two  spaces \" kept"), "say   two  spaces  kept");
    EXPECT_EQ(resourceString(R"(It\'s \"fine\")"), R"(It's "fine")");
}

TEST(EscapeAttributeValue, ParsesBackToTheSameValue) {
    for (const std::string& value :
         {std::string("@string/not-a-ref"), std::string("?attr"), std::string("a\\b\nc\td"),
          std::string("<&\">"), std::string("mid@and?"), std::string("bell\x07")}) {
        // XML-unescaping is the parser's job; undo just the four entities before aapt's rules.
        std::string xml = escapeAttributeValue(value);
        for (const auto& [entity, ch] : {std::pair<std::string, std::string>{"&lt;", "<"},
                                         {"&gt;", ">"},
                                         {"&quot;", "\""},
                                         {"&amp;", "&"}}) {
            for (size_t at = xml.find(entity); at != std::string::npos; at = xml.find(entity)) {
                xml.replace(at, entity.size(), ch);
            }
        }
        EXPECT_EQ(attribute(xml), value) << escapeAttributeValue(value);
    }
    EXPECT_EQ(escapeAttributeValue("@x?y"), "\\@x?y");
    EXPECT_EQ(escapeAttributeValue("bell\x07"), "bell\\u0007");
}

TEST(EscapeXmlAttribute, EntitiesForTheFourAndQuestionMarksForControlCharacters) {
    EXPECT_EQ(escapeXmlAttribute("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e'f");
    EXPECT_EQ(escapeXmlAttribute("tab\there"), "tab?here");
}

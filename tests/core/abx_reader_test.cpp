// The ABX reader (device-formats 2.5) against the public CCL test vectors (../shared/realworld/abx:
// each X.xml.abx must give the elements, attributes and text of X.xml), the spec's worked example,
// and broken streams: exact errors, never a crash.

#include <gtest/gtest.h>
#include <hearth/abx.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "abx_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

std::string readAbxSample(const std::string& name) {
    std::ifstream in(fs::path(HEARTH_SHARED_DIR) / "realworld" / "abx" / name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// <a></a> and <a/> are the same element; a trailing newline is not content.
std::string normalized(std::string xml) {
    static const std::regex kEmpty(R"(<([A-Za-z_][\w.-]*)([^<>]*)></\1>)");
    xml = std::regex_replace(xml, kEmpty, "<$1$2/>");
    while (!xml.empty() && (xml.back() == '\n' || xml.back() == ' ')) xml.pop_back();
    return xml;
}

TEST(AbxReader, EachCclVectorGivesItsTextTwin) {
    for (const char* name : {"test-basic.xml", "test-typed-attribute.xml", "test_interned_strings.xml"}) {
        const std::string abx = readAbxSample(std::string(name) + ".abx");
        ASSERT_TRUE(isAbx(abx)) << name;
        Result<std::string> xml = abxToXml(abx, name);
        ASSERT_TRUE(xml) << xml.error().toString();
        EXPECT_EQ(normalized(*xml), normalized(readAbxSample(name))) << name;
    }
}

TEST(AbxReader, TheSpecsWorkedExampleReadsAsOneElement) {
    const std::string bytes = std::string("ABX\0\x10\x32\xFF\xFF\x00\x03pkg\x2F\xFF\xFF\x00\x04name\x00\x01"
                                          "a\xCF\xFF\xFF\x00\x07stopped\x33\x00\x00\x11",
                                          41);
    Result<std::string> xml = abxToXml(bytes, "w.abx");
    ASSERT_TRUE(xml) << xml.error().toString();
    EXPECT_EQ(*xml, "<pkg name=\"a\" stopped=\"true\"/>");
}

TEST(AbxReader, TypedAttributesRenderAsAbx2xmlDoes) {
    const std::string bytes = AbxWriter()
                                  .start("x")
                                  .attrInt("minus", -1, true)
                                  .attrInt("flags", 940064261)
                                  .attrBool("off", false)
                                  .attr("quote", "a\"<b>&")
                                  .end("x")
                                  .finish();
    Result<std::string> xml = abxToXml(bytes, "t.abx");
    ASSERT_TRUE(xml) << xml.error().toString();
    EXPECT_EQ(*xml, "<x minus=\"-1\" flags=\"940064261\" off=\"false\" quote=\"a&quot;&lt;b&gt;&amp;\"/>");
}

TEST(AbxReader, BrokenStreamsGiveExactErrors) {
    const std::string good = AbxWriter().start("pkg").attr("name", "a").end("pkg").finish();
    struct Case {
        std::string bytes;
        std::string error;
    };
    const Case cases[] = {
        {"<xml/>", "f: not Android binary XML (no 'ABX\\0' magic)"},
        {good.substr(0, 12), "f: byte 10: truncated: an interned string needs 3 bytes, 2 left"},
        {good.substr(0, good.size() - 4), "f: byte 25: truncated: the data ends with <pkg> open"},
        {std::string("ABX\0\x32\x00\x05", 7),
         "f: byte 5: interned string #5 is not defined (0 so far)"},
        {std::string("ABX\0\x2F", 5), "f: byte 4: an attribute outside a start tag"},
        {std::string("ABX\0\x0C", 5), "f: byte 4: unknown token 12"},
        {std::string("ABX\0\x32\xFF\xFF\x00\x01" "a\x33\xFF\xFF\x00\x01" "b", 16),
         "f: byte 10: end tag </b> closes <a>"},
    };
    for (const Case& c : cases) {
        Result<std::string> xml = abxToXml(c.bytes, "f");
        ASSERT_FALSE(xml) << c.error;
        EXPECT_EQ(xml.error().toString(), c.error);
    }
}

TEST(AbxReader, EveryTruncationOfARealVectorIsAnErrorNotACrash) {
    const std::string abx = readAbxSample("test-typed-attribute.xml.abx");
    for (size_t size = 4; size < abx.size(); ++size) {
        Result<std::string> xml = abxToXml(abx.substr(0, size), "f");
        if (!xml) {
            EXPECT_EQ(xml.error().message.rfind("f: byte ", 0), 0u) << xml.error().message;
        }
    }
}

TEST(AbxReader, DeepNestingStopsAtTheDepthLimit) {
    AbxWriter writer;
    for (int i = 0; i < 100; ++i) writer.start("a");
    Result<std::string> xml = abxToXml(writer.finish(), "f");
    ASSERT_FALSE(xml);
    EXPECT_NE(xml.error().message.find("elements nested deeper than 64"), std::string::npos);
}

}  // namespace

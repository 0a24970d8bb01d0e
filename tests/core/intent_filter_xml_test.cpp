// IntentFilter.readFromXml (intent_filter_xml.h): a <filter> as IntentFilter.writeToXml writes it,
// read into an IntentFilter, with the parts Hearth leaves out reported through the callback.

#include "intent_filter_xml.h"

#include <gtest/gtest.h>

#include <pugixml.hpp>
#include <string>
#include <utility>
#include <vector>

using namespace hearth;
using hearth::detail::readFilterXml;

namespace {

struct Read {
    IntentFilter filter;
    std::vector<std::pair<std::string, std::string>> problems;  // element name, message
};

// Locates every node by its element name (as the file), so a test can tell which node's location
// the reader stored where.
Read readFirstFilter(const char* xml) {
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_string(xml);
    EXPECT_TRUE(parsed) << parsed.description();
    Read read;
    read.filter = readFilterXml(
        doc.child("filter"),
        [](const pugi::xml_node& node) {
            SourceLocation where;
            where.file = node.name();
            where.line = 1;
            where.column = 1;
            return where;
        },
        [&](const pugi::xml_node& node, const std::string& message) {
            read.problems.emplace_back(node.name(), message);
        });
    return read;
}

}  // namespace

TEST(IntentFilterXml, ReadsActionsCategoriesSchemesAndAuthoritiesInDocumentOrder) {
    const Read read = readFirstFilter(
        R"(<filter><action name="android.intent.action.VIEW" /><cat name="android.intent.category.DEFAULT" /><cat name="android.intent.category.BROWSABLE" /><scheme name="https" /><scheme name="http" /><auth host="example.com" port="8080" /><auth host="*.example.org" /></filter>)");
    EXPECT_TRUE(read.problems.empty());
    EXPECT_EQ(read.filter.actions, std::vector<std::string>{"android.intent.action.VIEW"});
    EXPECT_EQ(read.filter.categories,
              (std::vector<std::string>{"android.intent.category.DEFAULT",
                                        "android.intent.category.BROWSABLE"}));
    EXPECT_EQ(read.filter.schemes, (std::vector<std::string>{"https", "http"}));
    ASSERT_EQ(read.filter.authorities.size(), 2u);
    EXPECT_EQ(read.filter.authorities[0].host, "example.com");
    EXPECT_EQ(read.filter.authorities[0].port, 8080);
    EXPECT_EQ(read.filter.authorities[1].host, "*.example.org");
    EXPECT_FALSE(read.filter.authorities[1].port.has_value());
}

TEST(IntentFilterXml, APortOfMinusOneOrNotANumberMeansAnyPort) {
    const Read read = readFirstFilter(
        R"(<filter><auth host="a.com" port="-1" /><auth host="b.com" port="80x" /><auth host="c.com" port="0" /></filter>)");
    ASSERT_EQ(read.filter.authorities.size(), 3u);
    EXPECT_FALSE(read.filter.authorities[0].port.has_value()) << "AuthorityEntry's -1: no port";
    EXPECT_FALSE(read.filter.authorities[1].port.has_value()) << "a port that is not all digits";
    EXPECT_EQ(read.filter.authorities[2].port, 0);
}

TEST(IntentFilterXml, APartialTypeIsWrittenWithoutItsSubtypeAndMeansAnySubtype) {
    const Read read =
        readFirstFilter(R"(<filter><type name="image" /><type name="text/plain" /></filter>)");
    EXPECT_EQ(read.filter.types, (std::vector<std::string>{"image/*", "text/plain"}));
}

TEST(IntentFilterXml, APathTakesItsFirstPatternAttributeInAndroidsOrder) {
    // readFromXml tries literal, prefix, sglob, aglob, suffix; attribute order in the file is
    // irrelevant, so a <path> carrying both prefix and literal is a literal.
    const Read read = readFirstFilter(
        R"(<filter><path prefix="/p" literal="/l" /><path suffix=".pdf" sglob="/s.*" /><path aglob="/a[0-9]+" /><ssp prefix="//host" /></filter>)");
    EXPECT_TRUE(read.problems.empty());
    ASSERT_EQ(read.filter.paths.size(), 3u);
    EXPECT_EQ(read.filter.paths[0].kind(), PatternKind::Literal);
    EXPECT_EQ(read.filter.paths[0].pattern(), "/l");
    EXPECT_EQ(read.filter.paths[1].kind(), PatternKind::SimpleGlob);
    EXPECT_EQ(read.filter.paths[1].pattern(), "/s.*");
    EXPECT_EQ(read.filter.paths[2].kind(), PatternKind::AdvancedGlob);
    EXPECT_TRUE(read.filter.paths[2].match("/a42"));
    ASSERT_EQ(read.filter.ssps.size(), 1u);
    EXPECT_EQ(read.filter.ssps[0].kind(), PatternKind::Prefix);
}

TEST(IntentFilterXml, AMalformedAdvancedGlobIsLeftOutAndReportedOnItsElement) {
    const Read read =
        readFirstFilter(R"(<filter><path aglob="*a" /><path literal="/kept" /></filter>)");
    ASSERT_EQ(read.filter.paths.size(), 1u);
    EXPECT_EQ(read.filter.paths[0].pattern(), "/kept");
    ASSERT_EQ(read.problems.size(), 1u);
    EXPECT_EQ(read.problems[0].first, "path");
    EXPECT_EQ(read.problems[0].second.rfind("<path> advanced pattern '*a' is malformed", 0), 0u)
        << read.problems[0].second;
}

TEST(IntentFilterXml, MimeGroupsAreReportedAsNotModelledAndUnknownChildrenIgnored) {
    const Read read = readFirstFilter(
        R"(<filter><staticType name="image/png" /><group name="photos" /><unknown name="x" /><action name="A" /></filter>)");
    EXPECT_EQ(read.filter.actions, std::vector<std::string>{"A"});
    EXPECT_TRUE(read.filter.types.empty());
    EXPECT_TRUE(read.filter.mimeGroups.empty());
    ASSERT_EQ(read.problems.size(), 2u);
    EXPECT_EQ(read.problems[0].first, "staticType");
    EXPECT_EQ(read.problems[0].second, "<staticType> (a MIME group) is not modelled");
    EXPECT_EQ(read.problems[1].second, "<group> (a MIME group) is not modelled");
}

TEST(IntentFilterXml, TheFilterAndEachAuthorityAreLocatedOnTheirOwnElements) {
    const Read read = readFirstFilter(R"(<filter><auth host="a.com" /></filter>)");
    EXPECT_EQ(read.filter.where.file, "filter");
    ASSERT_EQ(read.filter.authorities.size(), 1u);
    EXPECT_EQ(read.filter.authorities[0].where.file, "auth");
}

// The strict-XML layer (strict_xml.cpp) through parseManifest: what expat (and so aapt) refuses
// that pugixml would accept — well-formedness, the XML declaration, character references — and
// the size and depth limits checked over the whole tree. Android's semantics are
// manifest_parser_test.cpp.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <string>
#include <string_view>
#include <vector>

#include "manifest_fixtures.h"

using namespace hearth;
using namespace hearth::manifest_fixtures;

// ---- well-formedness pugixml lets through and expat (aapt) refuses, wherever it is -------------

TEST(StrictXmlWellFormed, RepeatedAttributeInAnIgnoredElementIsRefused) {
    // An <activity> inside an <activity> is ignored with a warning, but the file is still not XML.
    EXPECT_EQ(parseError(app("<activity android:name=\".A\">\n"
                             "<activity android:name=\".B\" android:label=\"x\" android:label=\"y\"/>\n"
                             "</activity>\n")),
              "app/AndroidManifest.xml:4:47: malformed XML: <activity> has attribute "
              "'android:label' twice");
}

TEST(StrictXmlWellFormed, UndeclaredPrefixInAnUnknownElementIsRefused) {
    EXPECT_EQ(parseError(app("<gadget x:kind=\"y\" />\n")),
              "app/AndroidManifest.xml:3:9: malformed XML: namespace prefix 'x' is not declared");
    EXPECT_EQ(parseError(app("<x:gadget />\n")),
              "app/AndroidManifest.xml:3:1: malformed XML: namespace prefix 'x' is not declared");
}

TEST(StrictXmlWellFormed, NameWithTwoColonsIsRefused) {
    EXPECT_EQ(parseError(app("<activity android:name=\".A\" android:a:b=\"c\" />\n")),
              "app/AndroidManifest.xml:3:29: malformed XML: 'android:a:b' is not a valid name (a "
              "prefix, one ':', a local name)");
}

TEST(StrictXmlWellFormed, RawLessThanInAValueIsRefused) {
    EXPECT_EQ(parseError(app("<activity android:name=\".A\" android:label=\"a<b\" />\n")),
              "app/AndroidManifest.xml:3:45: malformed XML: '<' in the value of 'android:label'; "
              "write it as &lt;");
    const Manifest escaped = parseOk(app("<activity android:name=\".A\" android:label=\"a&lt;b\" />\n"));
    ASSERT_EQ(escaped.components.size(), 1u);
    EXPECT_EQ(escaped.components[0].label, "a<b");
}

TEST(StrictXmlWellFormed, DoubleHyphenInACommentIsRefused) {
    EXPECT_EQ(parseError(app("<!-- a -- b -->\n")),
              "app/AndroidManifest.xml:3:8: malformed XML: '--' inside a comment; XML allows it "
              "only in the closing '-->'");
    EXPECT_EQ(parseError(app("<!-- a --->\n")),
              "app/AndroidManifest.xml:3:8: malformed XML: '--' inside a comment; XML allows it "
              "only in the closing '-->'");
    parseOk(app("<!-- a - b -->\n<![CDATA[ -- ]]>\n"));
}

TEST(StrictXmlWellFormed, TextAtTheVeryEndOfTheFileIsRefused) {
    std::string xml = app("");
    xml += "x";  // on the line after "</manifest>", with no newline after it
    EXPECT_EQ(parseError(xml),
              "app/AndroidManifest.xml:5:1: malformed XML: text after the root element");
}

TEST(StrictXmlWellFormed, ProcessingInstructionWithABadTargetIsRefused) {
    Result<Manifest> manifest = parseManifest("<?ta\"rget ?>\n" + app(""), "m.xml");
    ASSERT_FALSE(manifest.has_value());
    EXPECT_EQ(manifest.error().where.line, 1);
    parseOk(app("<?hearth note?>\n"));
}

// ---- the XML declaration and character references, as expat (aapt) judges them ---------

TEST(StrictXmlXmlDeclaration, DeclarationsAaptAcceptsParse) {
    const std::string body = app("");
    for (const std::string declaration :
         {"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
          "\xEF\xBB\xBF<?xml version='1.0' encoding='UTF-8' standalone='no'?>\n",
          // expat checks the characters of the version, not its value.
          "<?xml version=\"2.0\"?>\n", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n",
          "<?xml version=\"1.0\" encoding=\"US-ASCII\" ?>\n"}) {
        Result<Manifest> manifest = parseManifest(declaration + body, kFile);
        EXPECT_TRUE(manifest.has_value()) << declaration << manifest.error().toString();
    }
}

TEST(StrictXmlXmlDeclaration, OutOfOrderPseudoAttributeIsRefused) {
    EXPECT_EQ(parseError("<?xml encoding=\"utf-8\" version=\"1.0\"?>\n" + app("")),
              "app/AndroidManifest.xml:1:7: malformed XML: unexpected 'encoding' in the XML "
              "declaration, which holds version (first, required), then encoding, then standalone");
}

TEST(StrictXmlXmlDeclaration, StandaloneIsYesOrNo) {
    EXPECT_EQ(parseError("<?xml version=\"1.0\" standalone=\"maybe\"?>\n" + app("")),
              "app/AndroidManifest.xml:1:21: malformed XML: standalone must be \"yes\" or \"no\", "
              "got 'maybe'");
}

TEST(StrictXmlXmlDeclaration, DeclaredUtf16InAnEightBitFileIsRefused) {
    EXPECT_EQ(parseError("<?xml version=\"1.0\" encoding=\"utf-16\"?>\n" + app("")),
              "app/AndroidManifest.xml:1:21: the XML declaration says UTF-16, but the file is "
              "8-bit text; Hearth reads UTF-8 manifests");
}

TEST(StrictXmlXmlDeclaration, DeclaredLatin1WithNonAsciiTextIsRefused) {
    // Valid UTF-8 ("é"), but a Latin-1 reader (aapt) would see two other characters.
    EXPECT_EQ(parseError("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n" +
                         app("<activity android:name=\".M\" android:label=\"caf\xC3\xA9\" />\n")),
              "app/AndroidManifest.xml:1:21: the manifest declares ISO-8859-1 and holds non-ASCII "
              "bytes; Hearth reads UTF-8 manifests (convert it, e.g. with iconv)");
}

TEST(StrictXmlXmlDeclaration, WhiteSpaceBeforeTheDeclarationIsRefused) {
    EXPECT_EQ(parseError("\n<?xml version=\"1.0\"?>\n" + app("")),
              "app/AndroidManifest.xml:2:1: malformed XML: the XML declaration must be the very "
              "first thing in the file (not even white space before it)");
}

TEST(StrictXmlCharacterReferences, ReferencesToCharactersXmlAllowsDecode) {
    const Manifest manifest =
        parseOk(app("<activity android:name=\".M\" android:label=\"a&#9;b&#xE9;&#x1F600;\" />\n"));
    ASSERT_EQ(manifest.components.size(), 1u);
    EXPECT_EQ(manifest.components[0].label, "a\tb\xC3\xA9\xF0\x9F\x98\x80");
}

TEST(StrictXmlCharacterReferences, ReferenceToAForbiddenCharacterIsRefused) {
    EXPECT_EQ(parseError(app("<activity android:name=\".M\" android:label=\"x&#xFFFE;\" />\n")),
              "app/AndroidManifest.xml:3:45: malformed XML: character reference '&#xFFFE;' names "
              "U+FFFE, which XML does not allow");
    EXPECT_EQ(parseError(app(
                  "<activity android:name=\".M\" android:label=\"&#99999999999999999999;\" />\n")),
              "app/AndroidManifest.xml:3:44: malformed XML: character reference "
              "'&#99999999999999999999;' names no Unicode character");
}

// ---- limits (hearth/limits.h) -----------------------------------------------------------------

TEST(StrictXmlLimits, MoreChildrenThanAndroidAccepts) {
    std::string body;
    for (int i = 0; i <= 1000; ++i)
        body += "<receiver android:name=\".R" + std::to_string(i) + "\" />\n";
    EXPECT_EQ(parseError(app(body)),
              "app/AndroidManifest.xml:1003:1: <application> has more than 1000 <receiver> "
              "elements, the most Android accepts");
}

TEST(StrictXmlLimits, AttributeLongerThanAndroidAccepts) {
    const std::string scheme(257, 's');
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter><action android:name="a.B" /><data android:scheme=")xml" +
                             scheme + R"xml(" /></intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:4:55: <data> attribute 'android:scheme' is 257 characters "
              "long, more than the 256 Android accepts");
}

TEST(StrictXmlLimits, NestingDeeperThanHearthReads) {
    std::string nested;
    for (int i = 0; i < 64; ++i) nested += "<a>";
    for (int i = 0; i < 64; ++i) nested += "</a>";
    EXPECT_EQ(parseError("<manifest package=\"a.b\">" + nested + "</manifest>"),
              "app/AndroidManifest.xml:1:214: elements nest more than 64 deep, the most Hearth "
              "reads");
}

TEST(StrictXmlLimits, MoreElementsThanHearthReads) {
    std::string many = "<manifest package=\"a.b\">\n";
    for (size_t i = 0; i < (size_t{1} << 20); ++i) many += "<a/>";
    many += "\n</manifest>";
    EXPECT_EQ(parseError(many),
              "app/AndroidManifest.xml:2:4194301: the manifest has more than 1048576 elements, the "
              "most Hearth reads");
}

TEST(StrictXmlLimits, LargerThanHearthReads) {
    std::string huge = "<manifest package=\"a.b\"><!--";
    huge.append(size_t{16} << 20, ' ');
    huge += "--></manifest>";
    EXPECT_EQ(parseError(huge),
              "app/AndroidManifest.xml: the manifest is 16777258 bytes, more "
              "than the 16777216 Hearth reads");
}

TEST(StrictXmlLimits, MoreAttributesThanAnApkHolds) {
    std::string attributes;
    for (int i = 0; i <= 65535; ++i) attributes += " tools:a" + std::to_string(i) + "=\"\"";
    const std::string xml =
        "<manifest xmlns:tools=\"http://schemas.android.com/tools\" package=\"a.b\">"
        "<application" +
        attributes + " /></manifest>";
    const std::string error = parseError(xml);
    EXPECT_EQ(error, "app/AndroidManifest.xml:1:" + std::to_string(xml.find("tools:a65535") + 1) +
                         ": <application> has more than 65535 attributes, the most an APK can "
                         "hold");
}

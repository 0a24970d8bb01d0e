// Binary XML (AXML) as parseApk reads it: string pools, resource ids, typed values, and hostile
// documents built byte by byte, each with its full error text.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;

namespace {

constexpr uint32_t kName = 0x01010003;
constexpr uint32_t kLabel = 0x01010001;
constexpr uint32_t kEnabled = 0x0101000e;
constexpr uint32_t kExported = 0x01010010;
constexpr uint32_t kPriority = 0x0101001c;
constexpr uint32_t kLaunchMode = 0x0101001d;
constexpr uint32_t kOrder = 0x010101ea;

constexpr uint16_t kStartElement = 0x0102;
constexpr uint16_t kEndElement = 0x0103;
constexpr uint16_t kStringPool = 0x0001;

Result<Manifest> parseAxml(const std::string& axml, const ParseOptions& options = {}) {
    return parseApk(apkWith(axml), "app.apk", options);
}

std::string errorOf(const std::string& axml) {
    Result<Manifest> manifest = parseAxml(axml);
    if (manifest) return "(parsed without error)";
    return manifest.error().toString();
}

// The prefix every AndroidManifest.xml decoding error carries.
std::string manifestError(const std::string& what, size_t offset) {
    return "app.apk: AndroidManifest.xml: " + what + ", at byte offset " + std::to_string(offset);
}

}  // namespace

TEST(AxmlParser, ReadsAUtf16Document) {
    Result<Manifest> manifest = parseAxml(minimalManifest().bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->packageName, "com.example.app");
    ASSERT_EQ(manifest->components.size(), 1u);
    EXPECT_EQ(manifest->components[0].name, "com.example.app.Main");
}

TEST(AxmlParser, ReadsAUtf8Document) {
    AxmlWriter writer = minimalManifest();
    writer.utf8 = true;
    Result<Manifest> manifest = parseAxml(writer.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    ASSERT_EQ(manifest->components.size(), 1u);
    EXPECT_EQ(manifest->components[0].name, "com.example.app.Main");
}

TEST(AxmlParser, LocatesElementsByTheirIndexInTheApk) {
    Result<Manifest> manifest = parseAxml(minimalManifest().bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->file, "app.apk");
    EXPECT_EQ(manifest->where.prefix(), "app.apk:1: ");
    EXPECT_EQ(manifest->application.where.prefix(), "app.apk:2: ");
    EXPECT_EQ(manifest->components[0].where.prefix(), "app.apk:3: ");
}

TEST(AxmlParser, StringsLongerThan127BytesUseTwoByteLengthsInUtf8Pools) {
    const std::string label(300, 'x');
    for (bool utf8 : {true, false}) {
        AxmlWriter writer = minimalManifest({androidString("label", kLabel, label)});
        writer.utf8 = utf8;
        Result<Manifest> manifest = parseAxml(writer.bytes());
        ASSERT_TRUE(manifest) << manifest.error().toString();
        EXPECT_EQ(manifest->components[0].label, label) << (utf8 ? "utf-8" : "utf-16");
    }
}

TEST(AxmlParser, StringsLongerThanHearthsLimitAreRefused) {
    // 40,000 UTF-16 units need the two-unit length form (high bit set); limits.h caps at 32,767.
    AxmlWriter writer = minimalManifest({androidString("label", kLabel, std::string(40000, 'y'))});
    const std::string axml = writer.bytes();
    const size_t pool = chunkOffset(axml, kStringPool);
    // Find the long value: its length takes two units, the first with the high bit set.
    const size_t data = pool + getU32(axml, pool + 20);
    size_t index = 0;
    while (getU16(axml, data + getU32(axml, pool + 28 + 4 * index)) != 0x8000) ++index;
    EXPECT_EQ(errorOf(axml),
              manifestError("string #" + std::to_string(index) +
                                " is 40000 characters long, more than hearth's limit of 32767",
                            data + getU32(axml, pool + 28 + 4 * index)));
}

TEST(AxmlParser, TypedValuesReadAsTheSourceSpelledThem) {
    AxmlWriter writer = minimalManifest({
        androidTyped("exported", kExported, value::kBoolean, 0),
        androidTyped("enabled", kEnabled, value::kBoolean, 0xFFFFFFFF),
        androidTyped("launchMode", kLaunchMode, value::kIntDec, 2),
    });
    Result<Manifest> manifest = parseAxml(writer.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    const Component& activity = manifest->components[0];
    EXPECT_FALSE(activity.exported);
    EXPECT_TRUE(activity.exportedExplicit);
    EXPECT_TRUE(activity.enabled);
    EXPECT_EQ(activity.launchMode, "singleTask");
}

TEST(AxmlParser, FilterPriorityAndOrderAreSignedIntegersDecimalOrHex) {
    AxmlWriter writer;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.start("application");
    writer.start("activity", {androidString("name", kName, ".Main")});
    writer.start("intent-filter", {androidTyped("priority", kPriority, value::kIntDec, 0xFFFFFF9C),
                                   androidTyped("order", kOrder, value::kIntHex, 0x10)});
    writer.leaf("action", {androidString("name", kName, "android.intent.action.MAIN")});
    writer.end("intent-filter");
    writer.end("activity");
    writer.end("application");
    writer.end("manifest");
    Result<Manifest> manifest = parseAxml(writer.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    ASSERT_EQ(manifest->components[0].filters.size(), 1u);
    EXPECT_EQ(manifest->components[0].filters[0].priority, -100);
    EXPECT_EQ(manifest->components[0].filters[0].order, 16);
}

TEST(AxmlParser, AttributesAreMatchedByResourceIdWhateverTheirStoredName) {
    // Obfuscators rename attribute strings (and even the namespace); Android goes by the id.
    AxmlWriter writer;
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.start("application");
    writer.leaf("activity", {AxmlAttribute{"urn:x", "a", kName, value::kString, ".Renamed", 0},
                             AxmlAttribute{"urn:x", "b", kExported, value::kBoolean, {}, 0}});
    writer.end("application");
    writer.end("manifest");
    Result<Manifest> manifest = parseAxml(writer.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    ASSERT_EQ(manifest->components.size(), 1u);
    EXPECT_EQ(manifest->components[0].name, "com.example.app.Renamed");
    EXPECT_FALSE(manifest->components[0].exported);
}

TEST(AxmlParser, AnAttributeCannotPassForAnotherByBorrowingItsName) {
    // Android goes by id: an attribute Hearth does not model (0x0101057a) stored under the name
    // "name" is not android:name (0x01010003), whatever order they come in.
    AxmlWriter writer = minimalManifest({AxmlAttribute{kAndroidUri, "name", 0x0101057a,
                                                       value::kString, ".Impostor", 0}});
    Result<Manifest> manifest = parseAxml(writer.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].name, "com.example.app.Main");
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].toString(),
              "app.apk:3: warning: attribute 0x0101057a is stored under the name 'name', which is "
              "attribute 0x01010003; ignored");
}

TEST(AxmlParser, AnAndroidAttributeWithoutIdFallsBackToItsName) {
    AxmlWriter plain;
    plain.startNamespace("android", kAndroidUri);
    plain.start("manifest", {plainString("package", "com.example.app")});
    plain.start("application");
    plain.leaf("activity", {AxmlAttribute{kAndroidUri, "name", 0, value::kString, ".ByName", 0}});
    plain.end("application");
    plain.end("manifest");
    Result<Manifest> manifest = parseAxml(plain.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].name, "com.example.app.ByName");
}

TEST(AxmlParser, ValuesThatLookLikeEscapesOrReferencesSurviveAsTheyWereCompiled) {
    // The compiled strings hold what the device sees; none of it may be unescaped again.
    const std::string tricky = "@not-a-ref \\d+ \"quoted\" <tag> & tab\there\nline";
    AxmlWriter writer = minimalManifest({androidString("label", kLabel, tricky)});
    Result<Manifest> manifest = parseAxml(writer.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, tricky);
    EXPECT_TRUE(manifest->diagnostics.empty());
}

TEST(AxmlParser, AReferenceWithoutResourcesArscStaysVisibleWithAWarning) {
    AxmlWriter writer =
        minimalManifest({androidTyped("label", kLabel, value::kReference, 0x7f020000)});
    Result<Manifest> manifest = parseAxml(writer.bytes());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "@0x7f020000");
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].toString(),
              "app.apk:3: warning: 'android:label' refers to @0x7f020000, but the APK has no "
              "resources.arsc; kept as '@0x7f020000'");
}

TEST(AxmlParser, StrictModeMakesAnUnresolvedReferenceAnError) {
    AxmlWriter writer =
        minimalManifest({androidTyped("label", kLabel, value::kReference, 0x7f020000)});
    ParseOptions strict;
    strict.strict = true;
    Result<Manifest> manifest = parseAxml(writer.bytes(), strict);
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(),
              "app.apk:3: 'android:label' refers to @0x7f020000, but the APK has no "
              "resources.arsc; kept as '@0x7f020000'");
}

TEST(AxmlParser, ModelErrorsPointAtTheElementIndex) {
    // The source parser's checks apply to APKs too: an <action> without a name fails the package.
    AxmlWriter writer;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.start("application");
    writer.start("activity", {androidString("name", kName, ".Main")});
    writer.start("intent-filter");
    writer.leaf("action");
    writer.end("intent-filter");
    writer.end("activity");
    writer.end("application");
    writer.end("manifest");
    EXPECT_EQ(errorOf(writer.bytes()),
              "app.apk:5: <action> is missing required attribute 'android:name'");
}

// ---- hostile input ---------------------------------------------------------------------------

TEST(AxmlParserHostile, AnEmptyManifestIsCutOff) {
    EXPECT_EQ(errorOf(""), manifestError("the binary XML header is cut off (0 of 8 bytes)", 0));
}

TEST(AxmlParserHostile, TextXmlIsNotMistakenForBinary) {
    EXPECT_EQ(errorOf("<?xml version=\"1.0\"?>\n<manifest package=\"a.b\"/>\n"),
              manifestError("is text XML, expected the binary XML (AXML) that aapt compiles", 0));
}

// Android's ResXMLTree::setTo checks the first chunk's sizes, never its type: two real malware
// manifests carry another type there to throw off tools that check it, and install fine.
TEST(AxmlParserHostile, AnotherChunkTypeFirstStillParsesAsAndroidDoes) {
    for (const uint16_t type : {uint16_t{0x0000}, uint16_t{0x0002}, uint16_t{0x0102}, uint16_t{0xbeef}}) {
        std::string axml = minimalManifest().bytes();
        setU16(axml, 0, type);
        EXPECT_EQ(errorOf(axml), "(parsed without error)") << "first chunk type " << type;
    }
}

TEST(AxmlParserHostile, ATruncatedDocumentSaysHowMuchIsMissing) {
    std::string axml = minimalManifest().bytes();
    const size_t full = axml.size();
    axml.resize(full - 10);
    EXPECT_EQ(errorOf(axml),
              manifestError("binary XML declares " + std::to_string(full) + " bytes but only " +
                                std::to_string(full - 10) + " remain (truncated or wrong size)",
                            0));
}

TEST(AxmlParserHostile, AChunkLargerThanItsDocumentIsRefused) {
    std::string axml = minimalManifest().bytes();
    const size_t element = chunkOffset(axml, kStartElement, 1);
    const size_t remaining = axml.size() - element;
    setU32(axml, element + 4, 0x7FFFFFF0);
    EXPECT_EQ(errorOf(axml),
              manifestError("chunk declares 2147483632 bytes but only " +
                                std::to_string(remaining) + " remain (truncated or wrong size)",
                            element));
}

TEST(AxmlParserHostile, AChunkSmallerThanItsHeaderIsRefused) {
    std::string axml = minimalManifest().bytes();
    const size_t element = chunkOffset(axml, kStartElement);
    setU32(axml, element + 4, 12);
    EXPECT_EQ(errorOf(axml),
              manifestError("chunk size 12 is smaller than its header size 16", element));
}

TEST(AxmlParserHostile, AMisalignedChunkSizeIsRefusedAsAndroidDoes) {
    std::string axml = minimalManifest().bytes();
    const size_t element = chunkOffset(axml, kEndElement);
    setU32(axml, element + 4, getU32(axml, element + 4) - 2);
    EXPECT_EQ(errorOf(axml),
              manifestError("chunk sizes (header 16, chunk 22) are not multiples of 4", element));
}

TEST(AxmlParserHostile, AZeroSizedChunkCannotLoopForever) {
    std::string axml = minimalManifest().bytes();
    const size_t element = chunkOffset(axml, kStartElement);
    setU16(axml, element + 2, 0);
    setU32(axml, element + 4, 0);
    EXPECT_EQ(errorOf(axml),
              manifestError("chunk header size is 0 bytes, expected at least 8", element));
}

TEST(AxmlParserHostile, AStringWithoutItsTerminatorIsRefused) {
    std::string axml = minimalManifest().bytes();
    const size_t pool = chunkOffset(axml, kStringPool);
    // String #0 is "name": 2-byte length, 4 UTF-16 units, then the zero terminator.
    const size_t string0 = pool + getU32(axml, pool + 20) + getU32(axml, pool + 28);
    setU16(axml, string0 + 2 + 2 * 4, 'X');
    EXPECT_EQ(errorOf(axml),
              manifestError("string #0 is not terminated by a zero character", string0));
}

TEST(AxmlParserHostile, AUtf8StringWithoutItsTerminatorIsRefused) {
    AxmlWriter writer = minimalManifest();
    writer.utf8 = true;
    std::string axml = writer.bytes();
    const size_t pool = chunkOffset(axml, kStringPool);
    const size_t string0 = pool + getU32(axml, pool + 20) + getU32(axml, pool + 28);
    axml[string0 + 2 + 4] = 'X';  // two one-byte lengths, "name", then the zero byte
    EXPECT_EQ(errorOf(axml), manifestError("string #0 is not terminated by a zero byte", string0));
}

TEST(AxmlParserHostile, AStringLengthRunningPastThePoolIsRefused) {
    std::string axml = minimalManifest().bytes();
    const size_t pool = chunkOffset(axml, kStringPool);
    const size_t string0 = pool + getU32(axml, pool + 20) + getU32(axml, pool + 28);
    setU16(axml, string0, 0x7000);
    EXPECT_EQ(errorOf(axml),
              manifestError("string #0 runs past the end of the string pool", string0));
}

TEST(AxmlParserHostile, AStringCountAboveHearthsLimitIsRefusedBeforeAllocating) {
    std::string axml = minimalManifest().bytes();
    const size_t pool = chunkOffset(axml, kStringPool);
    setU32(axml, pool + 8, 0x10000000);
    EXPECT_EQ(errorOf(axml),
              manifestError("string pool declares 268435456 strings, more than hearth's limit "
                            "of 2097152",
                            pool + 8));
}

TEST(AxmlParserHostile, AStringCountLargerThanItsChunkIsRefused) {
    std::string axml = minimalManifest().bytes();
    const size_t pool = chunkOffset(axml, kStringPool);
    const uint32_t size = getU32(axml, pool + 4);
    setU32(axml, pool + 8, 100000);
    EXPECT_EQ(errorOf(axml),
              manifestError("string pool declares 100000 strings and 0 styles, but "
                            "its " +
                                std::to_string(size) + "-byte chunk has room for at most " +
                                std::to_string((size - 28) / 4) + " offsets",
                            pool + 8));
}

TEST(AxmlParserHostile, AnElementNameOutsideThePoolIsRefused) {
    std::string axml = minimalManifest().bytes();
    const size_t element = chunkOffset(axml, kStartElement);
    const uint32_t strings = getU32(axml, chunkOffset(axml, kStringPool) + 8);
    setU32(axml, element + 16 + 4, 5000);
    EXPECT_EQ(errorOf(axml), manifestError("element name refers to string #5000 but the string "
                                           "pool has " +
                                               std::to_string(strings) + " strings",
                                           element + 20));
}

TEST(AxmlParserHostile, AttributesRunningPastTheirChunkAreRefused) {
    std::string axml = minimalManifest().bytes();
    const size_t element = chunkOffset(axml, kStartElement);
    setU16(axml, element + 16 + 12, 900);
    EXPECT_EQ(errorOf(axml),
              manifestError("element <manifest> declares 900 attributes that run past the end "
                            "of its " +
                                std::to_string(getU32(axml, element + 4)) + "-byte chunk",
                            element + 28));
}

TEST(AxmlParserHostile, AnElementBeforeTheStringPoolIsOutOfOrder) {
    // Move the string pool and resource map behind the nodes.
    const std::string axml = minimalManifest().bytes();
    const size_t pool = chunkOffset(axml, kStringPool);
    const size_t nodes = chunkOffset(axml, 0x0100);
    const std::string reordered =
        axml.substr(0, pool) + axml.substr(nodes) + axml.substr(pool, nodes - pool);
    EXPECT_EQ(
        errorOf(reordered),
        manifestError("XML node (type 0x0100) before the string pool (chunks out of order)", 8));
}

TEST(AxmlParserHostile, AMismatchedEndTagIsRefused) {
    AxmlWriter writer;
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.start("application");
    writer.end("manifest");
    const std::string axml = writer.bytes();
    EXPECT_EQ(errorOf(axml),
              manifestError("end tag </manifest> does not match the open element <application>",
                            chunkOffset(axml, kEndElement)));
}

TEST(AxmlParserHostile, AnEndTagWithNothingOpenIsRefused) {
    AxmlWriter writer;
    writer.leaf("manifest", {plainString("package", "com.example.app")});
    writer.end("manifest");
    const std::string axml = writer.bytes();
    EXPECT_EQ(errorOf(axml), manifestError("end tag </manifest> with no element open",
                                           chunkOffset(axml, kEndElement, 1)));
}

TEST(AxmlParserHostile, AnUnclosedElementAtTheEndIsReported) {
    AxmlWriter writer;
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.leaf("application");
    const std::string axml = writer.bytes();
    EXPECT_EQ(errorOf(axml),
              manifestError("document ends inside <manifest> (opened at byte offset " +
                                std::to_string(chunkOffset(axml, kStartElement)) +
                                "): truncated or missing end tag",
                            axml.size()));
}

TEST(AxmlParserHostile, ASecondRootElementIsRefused) {
    AxmlWriter writer;
    writer.leaf("manifest", {plainString("package", "com.example.app")});
    writer.leaf("manifest", {plainString("package", "com.example.other")});
    const std::string axml = writer.bytes();
    EXPECT_EQ(errorOf(axml), manifestError("a second root element <manifest>",
                                           chunkOffset(axml, kStartElement, 1)));
}

TEST(AxmlParserHostile, DeepNestingStopsAtHearthsLimit) {
    AxmlWriter writer;
    writer.start("manifest", {plainString("package", "com.example.app")});
    for (int i = 0; i < 100; ++i) writer.start("deep");
    for (int i = 0; i < 100; ++i) writer.end("deep");
    writer.end("manifest");
    const std::string axml = writer.bytes();
    EXPECT_EQ(errorOf(axml), manifestError("element <deep> is nested more than 64 levels deep "
                                           "(hearth's limit)",
                                           chunkOffset(axml, kStartElement, 64)));
}

TEST(AxmlParserHostile, ADocumentWithoutElementsIsRefused) {
    AxmlWriter writer;
    writer.startNamespace("android", kAndroidUri);
    const std::string axml = writer.bytes();
    EXPECT_EQ(errorOf(axml), manifestError("document has no elements", axml.size()));
}

TEST(AxmlParserHostile, UnknownChunksAreSkippedAsAndroidSkipsThem) {
    std::string axml = minimalManifest().bytes();
    std::string unknown;
    putU16(unknown, 0x0777);
    putU16(unknown, 8);
    putU32(unknown, 16);
    unknown += std::string(8, '\x55');
    const size_t nodes = chunkOffset(axml, 0x0100);
    axml.insert(nodes, unknown);
    setU32(axml, 4, static_cast<uint32_t>(axml.size()));
    Result<Manifest> manifest = parseAxml(axml);
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components.size(), 1u);
}

TEST(AxmlParserHostile, AnElementNameThatIsNoXmlNameIsRefused) {
    AxmlWriter writer;
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.leaf("bad name<");
    writer.end("manifest");
    EXPECT_EQ(errorOf(writer.bytes()),
              "app.apk:2: element name 'bad name<' is not a valid XML name");
}

TEST(AxmlParserHostile, EveryTruncationOfARealDocumentFailsCleanly) {
    // Not one prefix of a valid document may crash, hang or parse.
    const std::string axml = minimalManifest().bytes();
    for (size_t size = 0; size < axml.size(); ++size) {
        Result<Manifest> manifest = parseAxml(axml.substr(0, size));
        EXPECT_FALSE(manifest) << "a prefix of " << size << " bytes parsed";
    }
}

TEST(AxmlParserHostile, EverySingleByteCorruptionIsHandled) {
    // Flipping each byte must give a model or an error, never a crash (run under ASan in CI).
    const std::string axml = minimalManifest().bytes();
    size_t errors = 0;
    for (size_t at = 0; at < axml.size(); ++at) {
        std::string corrupt = axml;
        corrupt[at] = static_cast<char>(corrupt[at] ^ 0xA5);
        Result<Manifest> manifest = parseAxml(corrupt);
        if (!manifest) {
            ++errors;
            EXPECT_EQ(manifest.error().toString().rfind("app.apk", 0), 0u)
                << manifest.error().toString();
        }
    }
    EXPECT_GT(errors, 0u);
}

// A real APK (androguard's AndroidManifest_StringNotTerminated) has a raw value whose string is
// unterminated; Android's ResXMLParser reads such a raw string as absent and installs the app
// using the typed value, so Hearth parses it too.
TEST(AxmlParserHostile, ARawValueThatCannotBeDecodedIsReadAsAbsent) {
    std::string axml =
        minimalManifest({androidTyped("exported", 0x01010010, value::kBoolean, 0)}).bytes();
    const size_t activity = chunkOffset(axml, kStartElement, 2);
    ASSERT_NE(activity, std::string::npos);
    const size_t exportedRaw = activity + 16 + 20 + 20 * 1 + 8;  // attribute #1's rawValue
    setU32(axml, exportedRaw, 5000);
    Result<Manifest> manifest = parseAxml(axml);
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_TRUE(manifest->components.at(0).exportedExplicit);
    EXPECT_FALSE(manifest->components.at(0).exported);
}

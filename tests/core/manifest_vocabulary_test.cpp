// The manifest's vocabulary (manifest_vocabulary.h): which android: attributes each element takes,
// which children Android knows without Hearth modelling them, and aapt's integer and boolean
// spellings. The parser's warnings for what is not in it are manifest_parser_test.cpp.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include "manifest_vocabulary.h"

using namespace hearth;
using namespace hearth::detail;

TEST(ManifestVocabulary, EachComponentKindHasItsOwnAttributes) {
    EXPECT_EQ(&attributesFor(ComponentKind::Activity), &activityAttributes());
    EXPECT_EQ(&attributesFor(ComponentKind::ActivityAlias), &activityAliasAttributes());
    EXPECT_EQ(&attributesFor(ComponentKind::Service), &serviceAttributes());
    EXPECT_EQ(&attributesFor(ComponentKind::Receiver), &receiverAttributes());
    EXPECT_EQ(&attributesFor(ComponentKind::Provider), &providerAttributes());
    EXPECT_TRUE(activityAttributes().count("launchMode"));
    EXPECT_FALSE(serviceAttributes().count("launchMode"));
    EXPECT_TRUE(activityAliasAttributes().count("targetActivity"));
    EXPECT_FALSE(activityAttributes().count("targetActivity"));
    EXPECT_TRUE(providerAttributes().count("authorities"));
}

TEST(ManifestVocabulary, DataTakesEveryPatternAttribute) {
    for (const char* name : {"scheme", "host", "port", "path", "pathPrefix", "pathPattern",
                             "pathAdvancedPattern", "pathSuffix", "ssp", "sspPrefix", "sspPattern",
                             "sspAdvancedPattern", "sspSuffix", "mimeType", "mimeGroup"}) {
        EXPECT_TRUE(dataAttributes().count(name)) << name;
    }
    EXPECT_FALSE(dataAttributes().count("name"));
    EXPECT_TRUE(nameOnlyAttributes().count("name"));
    EXPECT_TRUE(intentFilterAttributes().count("priority"));
    EXPECT_TRUE(intentFilterAttributes().count("autoVerify"));
}

TEST(ManifestVocabulary, KnownChildrenHearthDoesNotModelAreListed) {
    EXPECT_TRUE(otherComponentChildren().count("meta-data"));
    EXPECT_FALSE(otherComponentChildren().count("intent-filter"));
    EXPECT_TRUE(otherApplicationChildren().count("uses-library"));
    EXPECT_FALSE(otherApplicationChildren().count("activity"));
}

TEST(AaptInteger, DecimalOrHexWithSignAndSurroundingSpace) {
    EXPECT_EQ(parseAaptInteger(" 42\n"), 42);
    EXPECT_EQ(parseAaptInteger("-7"), -7);
    EXPECT_EQ(parseAaptInteger("+7"), 7);
    EXPECT_EQ(parseAaptInteger("0x10"), 16);
    EXPECT_EQ(parseAaptInteger("0XfF"), 255);
    EXPECT_EQ(parseAaptInteger("0xffffffff"), -1);  // hex is the 32-bit pattern
    EXPECT_EQ(parseAaptInteger("2147483647"), 2147483647);
    EXPECT_EQ(parseAaptInteger("2147483648"), std::nullopt);
    EXPECT_EQ(parseAaptInteger("0x100000000"), std::nullopt);
    EXPECT_EQ(parseAaptInteger("1e3"), std::nullopt);
    EXPECT_EQ(parseAaptInteger(""), std::nullopt);
    EXPECT_EQ(parseAaptInteger("-"), std::nullopt);
}

TEST(AaptBool, ThreeSpellingsEachAndNothingElse) {
    for (const char* yes : {"true", "TRUE", "True", " true "}) EXPECT_EQ(parseAaptBool(yes), true);
    for (const char* no : {"false", "FALSE", "False"}) EXPECT_EQ(parseAaptBool(no), false);
    for (const char* neither : {"tRUE", "1", "yes", ""}) {
        EXPECT_EQ(parseAaptBool(neither), std::nullopt) << neither;
    }
}

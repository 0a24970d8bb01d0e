// Where JSON keys and values start (json_positions.h), the positions device.json's errors point
// at, and the JSON pointers and display names they are looked up and named by.

#include <gtest/gtest.h>

#include <string>

#include "json_positions.h"

using namespace hearth::detail;

TEST(JsonSpans, RecordEveryKeyAndValueByPointer) {
    //                            0         1         2         3
    //                            0123456789012345678901234567890123456
    const std::string text = R"({"a": [1, {"b/c": true}], "d~": "x"})";
    const JsonSpans spans = scanJsonSpans(text);
    EXPECT_EQ(spans.values.at(""), 0u);
    EXPECT_EQ(spans.keys.at("/a"), 1u);
    EXPECT_EQ(spans.values.at("/a"), 6u);
    EXPECT_EQ(spans.values.at("/a/0"), 7u);
    EXPECT_EQ(spans.values.at("/a/1"), 10u);
    EXPECT_EQ(spans.keys.at("/a/1/b~1c"), 11u);
    EXPECT_EQ(spans.values.at("/a/1/b~1c"), 18u);
    EXPECT_EQ(spans.keys.at("/d~0"), 26u);
    EXPECT_EQ(spans.values.at("/d~0"), 32u);
    EXPECT_FALSE(spans.firstDuplicate.has_value());
}

TEST(JsonSpans, CommentsAreSkippedAndTheFirstDuplicateKeyIsKept) {
    const std::string text = "{ // note\n \"k\": 1, /* x */ \"k\": 2, \"k\": 3 }";
    const JsonSpans spans = scanJsonSpans(text);
    ASSERT_TRUE(spans.firstDuplicate.has_value());
    EXPECT_EQ(spans.firstDuplicate->key, "k");
    EXPECT_EQ(spans.firstDuplicate->offset, text.find("\"k\": 2"));
    EXPECT_EQ(spans.keys.at("/k"), text.find("\"k\": 1"));
}

TEST(JsonSpans, NestingDeeperThanTheCapIsFoundOutsideStrings) {
    EXPECT_EQ(findExcessiveNesting("[[[]]]", 3), std::nullopt);
    EXPECT_EQ(findExcessiveNesting("[[[[]]]]", 3), std::optional<size_t>(3));
    EXPECT_EQ(findExcessiveNesting(R"(["[[[[", {"a": "{{{{"}])", 3), std::nullopt);
}

TEST(JsonPointers, EscapeKeysAndReadAsTheReadmeNamesThem) {
    EXPECT_EQ(jsonChild("/packages", 0), "/packages/0");
    EXPECT_EQ(jsonChild("/packages/0", "a/b~c"), "/packages/0/a~1b~0c");
    EXPECT_EQ(jsonDisplayName("/packages/0/manifest"), "packages[0].manifest");
    EXPECT_EQ(jsonDisplayName("/preferred/2/set/0"), "preferred[2].set[0]");
    EXPECT_EQ(jsonDisplayName(""), "");
}

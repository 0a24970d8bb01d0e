#include <gtest/gtest.h>

#include <hearth/manifest.h>
#include <hearth/result.h>

using namespace hearth;

TEST(ExpandClassName, LeadingDotIsRelativeToThePackage) {
    EXPECT_EQ(expandClassName("com.example", ".Main"), "com.example.Main");
}

TEST(ExpandClassName, NameWithoutDotIsRelativeToThePackage) {
    EXPECT_EQ(expandClassName("com.example", "Main"), "com.example.Main");
}

TEST(ExpandClassName, DottedNameIsAbsolute) {
    EXPECT_EQ(expandClassName("com.example", "org.other.Main"), "org.other.Main");
}

TEST(SourceLocation, PrefixReadsLikeACompiler) {
    Error error = makeError(SourceLocation{"a.xml", 14, 9}, "bad thing");
    EXPECT_EQ(error.toString(), "a.xml:14:9: bad thing");
    EXPECT_EQ(makeError("plain").toString(), "plain");
}

TEST(Result, HoldsAValueOrAnError) {
    Result<int> good = 3;
    ASSERT_TRUE(good.has_value());
    EXPECT_EQ(*good, 3);
    Result<int> bad = makeError("nope");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().message, "nope");
}

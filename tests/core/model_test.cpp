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

TEST(SourcePath, ReadsLikeTheStringItHolds) {
    const SourcePath path = std::string("app/AndroidManifest.xml");
    EXPECT_EQ(path, "app/AndroidManifest.xml");
    EXPECT_EQ(path, std::string("app/AndroidManifest.xml"));
    EXPECT_EQ(path, std::string_view("app/AndroidManifest.xml"));
    EXPECT_NE(path, "other.xml");
    EXPECT_EQ(path + ":3", "app/AndroidManifest.xml:3");
    EXPECT_EQ("at " + path, "at app/AndroidManifest.xml");
    EXPECT_EQ(path.size(), 23u);
    const std::string& text = path;
    EXPECT_EQ(text, "app/AndroidManifest.xml");
}

TEST(SourcePath, CopiesShareOnePathAndEqualPathsCompareEqual) {
    const SourcePath path("a.xml");
    const SourcePath copy = path;  // NOLINT(performance-unnecessary-copy-initialization)
    EXPECT_EQ(&copy.str(), &path.str());
    const SourcePath separate("a.xml");
    EXPECT_NE(&separate.str(), &path.str());
    EXPECT_EQ(separate, path);
    EXPECT_NE(SourcePath("b.xml"), path);
}

TEST(SourcePath, EmptyMeansUnknown) {
    EXPECT_TRUE(SourcePath().empty());
    EXPECT_TRUE(SourcePath("").empty());
    EXPECT_EQ(SourcePath(), "");
    EXPECT_EQ(SourcePath(), SourcePath(""));
    EXPECT_EQ((SourceLocation{{}, 3, 4}.prefix()), ":3:4: ");
    EXPECT_EQ(SourceLocation{}.prefix(), "");
}

TEST(Result, HoldsAValueOrAnError) {
    Result<int> good = 3;
    ASSERT_TRUE(good.has_value());
    EXPECT_EQ(*good, 3);
    Result<int> bad = makeError("nope");
    ASSERT_FALSE(bad.has_value());
    EXPECT_EQ(bad.error().message, "nope");
}

#include <gtest/gtest.h>

#include <hearth/component_name.h>
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

TEST(ComponentName, ShortFormDropsThePackagePrefix) {
    ComponentName name{"com.android.launcher", "com.android.launcher.Launcher"};
    EXPECT_EQ(name.flattenToShortString(), "com.android.launcher/.Launcher");
    ComponentName other{"com.example", "org.other.Main"};
    EXPECT_EQ(other.flattenToShortString(), "com.example/org.other.Main");
}

TEST(ComponentName, UnflattenExpandsARelativeClass) {
    auto name = ComponentName::unflatten("com.example.first/.FirstAppActivity");
    ASSERT_TRUE(name.has_value());
    EXPECT_EQ(name->className, "com.example.first.FirstAppActivity");
    EXPECT_FALSE(ComponentName::unflatten("no-slash").has_value());
    EXPECT_FALSE(ComponentName::unflatten("/cls").has_value());
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

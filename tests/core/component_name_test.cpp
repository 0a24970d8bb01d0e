// ComponentName (component_name.h): android.content.ComponentName's short and full forms.

#include <gtest/gtest.h>
#include <hearth/component_name.h>

using namespace hearth;

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

TEST(ComponentName, FullFormKeepsTheWholeClassAndOrdersByPackageThenClass) {
    const ComponentName a{"com.a", "com.a.Main"};
    EXPECT_EQ(a.flattenToString(), "com.a/com.a.Main");
    EXPECT_EQ(ComponentName::unflatten(a.flattenToString()), a);
    EXPECT_EQ(ComponentName::unflatten(a.flattenToShortString()), a);
    EXPECT_LT(a, (ComponentName{"com.a", "com.a.Next"}));
    EXPECT_LT((ComponentName{"com.a", "z.Z"}), (ComponentName{"com.b", "a.A"}));
    EXPECT_FALSE(ComponentName::unflatten("com.a/").has_value());
}

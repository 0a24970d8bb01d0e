// build.prop reading and the API level of an image (device-formats 1.2), against hand-written
// text and the real build.prop files of ../shared/realworld/device-snapshots.

#include <gtest/gtest.h>
#include <hearth/build_prop.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

std::string readShared(const std::string& relative) {
    std::ifstream in(fs::path(HEARTH_SHARED_DIR) / "realworld" / "device-snapshots" / relative,
                     std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

TEST(BuildProp, LaterDefinitionOverridesEarlierAndCommentsAreSkipped) {
    auto props = parseBuildProp("# begin build properties\nro.build.version.sdk=28\n\n"
                                "import /vendor/build.prop\n ro.build.version.sdk = 29 \n",
                                "system/build.prop");
    ASSERT_TRUE(props) << props.error().toString();
    EXPECT_EQ(props->get("ro.build.version.sdk"), "29");
    EXPECT_EQ(props->lines.at("ro.build.version.sdk"), 5);
    EXPECT_TRUE(props->diagnostics.empty());
}

TEST(BuildProp, ALineWithoutEqualsIsAWarningWithItsLine) {
    auto props = parseBuildProp("ro.a=1\nnonsense here\n", "b.prop");
    ASSERT_TRUE(props);
    ASSERT_EQ(props->diagnostics.size(), 1u);
    EXPECT_EQ(props->diagnostics[0].toString(),
              "b.prop:2:1: warning: expected 'key=value', got 'nonsense here'; line ignored");
}

TEST(BuildProp, ANulByteIsRefusedAsNotText) {
    auto props = parseBuildProp(std::string("ro.a=1\nro.b\0=2\n", 14), "b.prop");
    ASSERT_FALSE(props);
    EXPECT_EQ(props.error().toString(), "b.prop:2:5: a NUL byte: this is not a text build.prop");
}

TEST(PlatformVersion, ApiLevelComesFromSdk) {
    auto props = parseBuildProp("ro.build.version.release=10\nro.build.version.sdk=29\n", "p");
    auto version = platformVersion(*props);
    ASSERT_TRUE(version);
    EXPECT_EQ(version->apiLevel, 29);
    EXPECT_TRUE(version->diagnostics.empty());
}

TEST(PlatformVersion, MissingOrBadSdkIsAnExactError) {
    auto none = platformVersion(*parseBuildProp("ro.build.version.release=10\n", "p"));
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().toString(), "p: no 'ro.build.version.sdk': the API level is unknown");
    auto bad = platformVersion(*parseBuildProp("x=1\nro.build.version.sdk=Q\n", "p"));
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().toString(),
              "p:2:1: 'ro.build.version.sdk' must be a number between 1 and 99, got 'Q'");
}

TEST(PlatformVersion, PointReleasesOfOneApiLevelAreNotMismatches) {
    for (const char* release : {"2.3.3", "2.3.7", "2.3"}) {
        auto props = parseBuildProp(std::string("ro.build.version.release=") + release +
                                        "\nro.build.version.sdk=10\n",
                                    "p");
        auto version = platformVersion(*props);
        ASSERT_TRUE(version);
        EXPECT_TRUE(version->diagnostics.empty()) << release;
    }
}

// device-formats 1.2's trap: the rk322x TV box says release 9.1 while running 7.1.2 (sdk 25).
TEST(PlatformVersion, FakedReleaseOfTheRk322xBoxIsReportedAndSdkIsTrusted) {
    auto props = parseBuildProp(readShared("android7.1-rk322x-tvbox/build.prop"),
                                "android7.1-rk322x-tvbox/build.prop");
    ASSERT_TRUE(props) << props.error().toString();
    auto version = platformVersion(*props);
    ASSERT_TRUE(version) << version.error().toString();
    EXPECT_EQ(version->apiLevel, 25);
    EXPECT_EQ(version->release, "9.1");
    ASSERT_EQ(version->diagnostics.size(), 1u);
    EXPECT_NE(version->diagnostics[0].message.find(
                  "'ro.build.version.release' says '9.1' but 'ro.build.version.sdk' is 25 "
                  "(Android 7.1); the API level follows sdk"),
              std::string::npos)
        << version->diagnostics[0].message;
}

TEST(PlatformVersion, RealSystemBuildPropsGiveTheirApiLevels) {
    const std::pair<const char*, int> cases[] = {
        {"android2.2.2-gt-i5700-spica/system_build.prop", 8},
        {"android2.3.3-gt-s8000-jet/system_build.prop", 10},
        {"android11-pixel5-redfin/system-system-build.prop", 30},
    };
    for (const auto& [file, api] : cases) {
        auto props = parseBuildProp(readShared(file), file);
        ASSERT_TRUE(props) << file;
        auto version = platformVersion(*props);
        ASSERT_TRUE(version) << version.error().toString();
        EXPECT_EQ(version->apiLevel, api) << file;
        EXPECT_TRUE(version->diagnostics.empty()) << file << ": " << version->diagnostics[0].message;
    }
}

}  // namespace

// The small adb capture readers (device-formats §3.2): getprop, pm list packages, preferred-xml,
// role holders, pm get-app-links and cmd package query-activities, inline and on real captures.

#include <gtest/gtest.h>
#include <hearth/adb_capture.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace hearth {
namespace {

namespace fs = std::filesystem;

const fs::path kSnapshots = fs::path(HEARTH_SHARED_DIR) / "realworld" / "device-snapshots";
#define SKIP_WITHOUT_SNAPSHOTS() \
    if (!fs::is_directory(kSnapshots)) GTEST_SKIP() << kSnapshots << " is not there"
const fs::path kFire = kSnapshots / "android9-fireos7-trona";

std::string readOk(const fs::path& path) {
    Result<std::string> text = readCaptureFile(path, "capture");
    EXPECT_TRUE(text.has_value()) << text.error().toString();
    return text ? *text : std::string();
}

TEST(Getprop, ReadsBracketedPairsAndValuesSpanningLines) {
    Result<std::map<std::string, std::string>> props = parseGetprop(
        "[ro.build.version.sdk]: [28]\n[ro.motd]: [line one\nline two]\n[empty]: []\nnoise\n",
        "getprop.txt");
    ASSERT_TRUE(props.has_value());
    EXPECT_EQ(props->at("ro.build.version.sdk"), "28");
    EXPECT_EQ(props->at("ro.motd"), "line one\nline two");
    EXPECT_EQ(props->at("empty"), "");
    EXPECT_EQ(props->size(), 3u);
}

TEST(Getprop, TheRealRockchipCaptureShowsTheVendorFakedRelease) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<std::map<std::string, std::string>> props =
        parseGetprop(readOk(kSnapshots / "android7.1-rk322x-tvbox" / "getprop.txt"), "getprop");
    ASSERT_TRUE(props.has_value());
    EXPECT_EQ(props->at("ro.build.version.sdk"), "25");
    EXPECT_EQ(props->at("ro.build.version.release"), "9.1");  // device-formats §5: the trap
}

TEST(PmList, SplitsPathAndNameAtTheLastEqualsSign) {
    Result<std::vector<PmListEntry>> entries = parsePmList(
        "package:/data/app/com.microsoft.launcher-bTT5nKLHn89n_d_gJojj-Q==/base.apk="
        "com.microsoft.launcher uid:10178\r\npackage:com.amazon.avod\n\nWARNING: noise\n",
        "pm.txt");
    ASSERT_TRUE(entries.has_value());
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].name, "com.microsoft.launcher");
    EXPECT_EQ((*entries)[0].path,
              "/data/app/com.microsoft.launcher-bTT5nKLHn89n_d_gJojj-Q==/base.apk");
    EXPECT_EQ((*entries)[1].name, "com.amazon.avod");
    EXPECT_EQ((*entries)[1].path, "");
    EXPECT_EQ((*entries)[1].line, 2);
}

TEST(PmList, ALineWithoutANameIsAnError) {
    Result<std::vector<PmListEntry>> entries =
        parsePmList("package:/system/app/X.apk=\n", "pm.txt");
    ASSERT_FALSE(entries.has_value());
    EXPECT_EQ(entries.error().toString(), "pm.txt:1:1: 'package:' line without a package name");
}

TEST(PmList, TheRealFireListsHaveEveryPackage) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<std::vector<PmListEntry>> all =
        parsePmList(readOk(kFire / "before" / "package_all_packages.stdout.txt"), "all");
    Result<std::vector<PmListEntry>> system =
        parsePmList(readOk(kFire / "before" / "package_system_packages.stdout.txt"), "system");
    ASSERT_TRUE(all.has_value() && system.has_value());
    EXPECT_EQ(all->size(), 219u);
    EXPECT_EQ(system->size(), 207u);
}

TEST(PreferredXml, ReadsTheFullFormWithSetMatchAndAlways) {
    Result<std::vector<CapturedPreferred>> entries =
        parsePreferredXml(R"(<?xml version='1.0' encoding='utf-8' standalone='yes' ?>
<preferred-activities>
    <item name="com.example.a/.Home" match="100000" always="true" set="2">
        <set name="com.example.a/.Home" />
        <set name="com.example.b/.Home" />
        <filter>
            <action name="android.intent.action.MAIN" />
            <cat name="android.intent.category.HOME" />
            <cat name="android.intent.category.DEFAULT" />
        </filter>
    </item>
    <item name="com.example.browser/.Main" match="200000" always="false" set="0">
        <filter>
            <action name="android.intent.action.VIEW" />
            <scheme name="https" />
            <auth host="example.com" port="-1" />
            <path prefix="/docs" />
            <type name="image" />
        </filter>
    </item>
</preferred-activities>
)",
                          "preferred.xml");
    ASSERT_TRUE(entries.has_value()) << entries.error().toString();
    ASSERT_EQ(entries->size(), 2u);
    const CapturedPreferred& home = (*entries)[0];
    EXPECT_EQ(home.match, 0x100000);
    EXPECT_EQ(home.always, true);
    EXPECT_EQ(home.set.size(), 2u);
    EXPECT_EQ(home.filter.categories.size(), 2u);
    EXPECT_EQ(home.where.line, 3);
    const CapturedPreferred& browser = (*entries)[1];
    EXPECT_EQ(browser.always, false);
    EXPECT_EQ(browser.filter.authorities.at(0).host, "example.com");
    EXPECT_FALSE(browser.filter.authorities.at(0).port.has_value());
    EXPECT_EQ(browser.filter.paths.at(0).kind(), PatternKind::Prefix);
    EXPECT_EQ(browser.filter.types, (std::vector<std::string>{"image/*"}));
}

TEST(PreferredXml, TheRealFireOutputWithoutFullHasNoMatchOrSet) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<std::vector<CapturedPreferred>> entries = parsePreferredXml(
        readOk(kFire / "before" / "package_preferred_xml.stdout.txt"), "preferred_xml");
    ASSERT_TRUE(entries.has_value());
    ASSERT_EQ(entries->size(), 1u);
    EXPECT_EQ((*entries)[0].component.flattenToShortString(), "com.amazon.firelauncher/.Launcher");
    EXPECT_FALSE((*entries)[0].match.has_value());
    EXPECT_TRUE((*entries)[0].set.empty());
}

TEST(PreferredXml, MalformedXmlIsAnErrorWithItsPosition) {
    Result<std::vector<CapturedPreferred>> entries =
        parsePreferredXml("<preferred-activities>\n  <item name=\"a/.B\">\n", "p.xml");
    ASSERT_FALSE(entries.has_value());
    EXPECT_EQ(entries.error().toString(), "p.xml:2:21: malformed XML: Start-end tags mismatch");
}

TEST(RoleHolders, ReadsHoldersPerRoleAndTheMissingRoleService) {
    Result<RoleHolders> roles = parseRoleHolders(
        "android.app.role.HOME: com.example.launcher\n"
        "android.app.role.BROWSER: com.a;com.b\n"
        "android.app.role.SMS: \n",
        "roles.txt");
    ASSERT_TRUE(roles.has_value());
    EXPECT_EQ(roles->holders.at("android.app.role.HOME"),
              (std::vector<std::string>{"com.example.launcher"}));
    EXPECT_EQ(roles->holders.at("android.app.role.BROWSER").size(), 2u);
    EXPECT_TRUE(roles->holders.at("android.app.role.SMS").empty());
    EXPECT_FALSE(roles->unavailable);

    Result<RoleHolders> api28 =
        parseRoleHolders("android.app.role.HOME: cmd: Can't find service: role\n", "roles.txt");
    ASSERT_TRUE(api28.has_value());
    EXPECT_TRUE(api28->unavailable);
    EXPECT_TRUE(api28->holders.empty());
}

TEST(RoleHolders, ALineOfAnotherShapeIsAnError) {
    Result<RoleHolders> roles = parseRoleHolders("com.example.launcher and more\n", "roles.txt");
    ASSERT_FALSE(roles.has_value());
    EXPECT_EQ(roles.error().toString(),
              "roles.txt:1:1: expected 'ROLE: holder;holder' (as scripts/capture-device writes "
              "it), got 'com.example.launcher and more'");
}

TEST(AppLinks, ReadsThePocketCastsOutputWithoutAPackageHeader) {
    Result<std::vector<DomainVerification>> states = parseAppLinks(
        "    Domain verification state:\n"
        "      lists.pocketcasts.com: legacy_failure\n"
        "      pocketcasts.com: verified\n",
        "app-links.txt");
    ASSERT_TRUE(states.has_value());
    ASSERT_EQ(states->size(), 1u);
    EXPECT_EQ((*states)[0].packageName, "");
    ASSERT_EQ((*states)[0].domains.size(), 2u);
    EXPECT_EQ((*states)[0].domains[0].second, "legacy_failure");
}

TEST(QueryActivities, ReadsTheRealFireAnswerInFullForm) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<std::vector<QueriedActivity>> activities = parseQueryActivities(
        readOk(kFire / "before" / "package_home_query_cmd.stdout.txt"), "query");
    ASSERT_TRUE(activities.has_value()) << activities.error().toString();
    ASSERT_EQ(activities->size(), 3u);
    EXPECT_EQ((*activities)[0].component.flattenToShortString(),
              "com.amazon.firelauncher/.Launcher");
    EXPECT_EQ((*activities)[0].priority, 50);
    EXPECT_EQ((*activities)[0].match, 0x108000);
    EXPECT_TRUE((*activities)[0].isDefault);
    EXPECT_EQ((*activities)[2].component.flattenToShortString(),
              "com.android.settings/.FallbackHome");
    EXPECT_EQ((*activities)[2].priority, -1000);
    EXPECT_EQ((*activities)[2].directBootAware, true);
    EXPECT_EQ((*activities)[1].directBootAware, false);
}

TEST(QueryActivities, ReadsTheRealFireAnswerInBriefForm) {
    SKIP_WITHOUT_SNAPSHOTS();
    Result<std::vector<QueriedActivity>> activities = parseQueryActivities(
        readOk(kFire / "later-ps7331-brief" / "home_candidates.stdout.txt"), "brief");
    ASSERT_TRUE(activities.has_value());
    ASSERT_EQ(activities->size(), 3u);
    EXPECT_EQ((*activities)[1].component.flattenToShortString(),
              "com.microsoft.launcher/.Launcher");
    EXPECT_FALSE((*activities)[1].directBootAware.has_value());
}

TEST(CaptureFiles, BinaryDataIsRefusedWithAnExactMessage) {
    const fs::path path = fs::temp_directory_path() /
                          ("hearth_adb_readers_binary_" + std::to_string(::getpid()) + ".txt");
    {
        std::ofstream out(path, std::ios::binary);
        out << "[a]: [b]\n\x7f" << std::string(1, '\0') << "ELF";
    }
    Result<std::string> text = readCaptureFile(path, "'getprop' output");
    fs::remove(path);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().toString(),
              path.string() + ":2:2: binary data (a NUL byte), not 'getprop' output");
}

}  // namespace
}  // namespace hearth

// --framework-src (spec 5.7): small Java files in the shape of each call site, written by the
// tests themselves, give each site's category with file:line; a site not found is unknown.

#include <gtest/gtest.h>
#include <hearth/framework_source.h>
#include <hearth/home.h>

#include <filesystem>
#include <string>

#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

const SourceSite* siteOf(const FrameworkSourceScan& scan, const std::string& id) {
    for (const SourceSite& site : scan.sites) {
        if (site.site == id) return &site;
    }
    return nullptr;
}

std::string ams(const std::string& category) {
    return "package com.android.server.am;\n"
           "class ActivityManagerService {\n"
           "    // mHomeIntent.addCategory(Intent.CATEGORY_HOME) in a comment is not code\n"
           "    boolean startHomeActivityLocked() {\n"
           "        Intent intent = new Intent(mTopAction, mTopData != null ? Uri.parse(mTopData) : null);\n"
           "        intent.setComponent(mTopComponent);\n"
           "        if (mFactoryTest != SystemServer.FACTORY_TEST_LOW_LEVEL) {\n"
           "            intent.addCategory(" + category + ");\n"
           "        }\n"
           "        return true;\n"
           "    }\n"
           "}\n";
}

std::string windowManager(const std::string& cls, const std::string& category) {
    return "class " + cls + " {\n    public void init() {\n"
           "        mHomeIntent = new Intent(Intent.ACTION_MAIN, null);\n"
           "        mHomeIntent.addCategory(" + category + ");\n"
           "        mHomeIntent.addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);\n    }\n}\n";
}

std::string historyRecord(const std::string& category) {
    return "class HistoryRecord {\n    HistoryRecord(Intent _intent) {\n"
           "        if (!_intent.hasCategory(\"x\")) {}\n"
           "        if (_intent.getAction().equals(Intent.ACTION_MAIN) &&\n"
           "                _intent.hasCategory(" + category + ") &&\n"
           "                _intent.getCategories().size() == 1) {\n"
           "            isHomeActivity = true;\n        }\n    }\n}\n";
}

std::string recents(const std::string& category) {
    return "class RecentApplicationsDialog {\n    private void reloadButtons() {\n"
           "        ActivityInfo homeInfo = new Intent(Intent.ACTION_MAIN)\n"
           "                .addCategory(" + category + ").resolveActivityInfo(pm, 0);\n    }\n}\n";
}

// A 2.x tree with HOME_FIRST at boot and is-home only (the "half-patched" sample's framework).
class LegacyTree : public ::testing::Test {
  protected:
    void SetUp() override {
        const fs::path base = m_dir.path() / "frameworks";
        m_root = base;
        writeFile(base / "base/core/java/android/content/Intent.java",
                  "public class Intent {\n    public static final String CATEGORY_HOME = "
                  "\"android.intent.category.HOME\";\n    public static final String "
                  "CATEGORY_HOME_FIRST = \"android.intent.category.HOME_FIRST\";\n}\n");
        writeFile(base / "base/services/java/com/android/server/am/ActivityManagerService.java",
                  ams("Intent.CATEGORY_HOME_FIRST"));
        writeFile(base / "base/services/java/com/android/server/am/HistoryRecord.java",
                  historyRecord("\"android.intent.category.HOME_FIRST\""));
        writeFile(base / "policy/src/com/android/internal/policy/impl/PhoneWindowManager.java",
                  windowManager("PhoneWindowManager", "Intent.CATEGORY_HOME"));
        writeFile(base / "policy/src/com/android/internal/policy/impl/MidWindowManager.java",
                  windowManager("MidWindowManager", "Intent.CATEGORY_HOME"));
        writeFile(base / "policy/src/com/android/internal/policy/impl/RecentApplicationsDialog.java",
                  recents("Intent.CATEGORY_HOME"));
    }
    TempDir m_dir{"framework-src"};
    fs::path m_root;
};

TEST_F(LegacyTree, EachSiteReportsItsCategoryWithFileAndLine) {
    auto scan = scanFrameworkSource(m_root);
    ASSERT_TRUE(scan) << scan.error().toString();
    const SourceSite* boot = siteOf(*scan, "boot");
    ASSERT_NE(boot, nullptr);
    EXPECT_EQ(boot->status, SiteStatus::Patched);
    EXPECT_EQ(boot->expression, "Intent.CATEGORY_HOME_FIRST");
    EXPECT_EQ(boot->category, "android.intent.category.HOME_FIRST");
    EXPECT_EQ(boot->code, "ActivityManagerService.startHomeActivityLocked");
    EXPECT_EQ(boot->where.line, 8);
    EXPECT_NE(boot->where.file.str().find("am/ActivityManagerService.java"), std::string::npos);
    EXPECT_EQ(siteOf(*scan, "is-home")->status, SiteStatus::Patched);
    EXPECT_EQ(siteOf(*scan, "is-home")->where.line, 5);
    EXPECT_EQ(siteOf(*scan, "home-key")->status, SiteStatus::Stock);
    EXPECT_EQ(siteOf(*scan, "home-key")->where.line, 4);
    EXPECT_EQ(siteOf(*scan, "home-key-mid")->status, SiteStatus::Stock);
    EXPECT_EQ(siteOf(*scan, "recents")->status, SiteStatus::Stock);
    EXPECT_EQ(scan->patch().homeFirstSites, (std::set<std::string>{"boot", "is-home"}));
    const std::string text = renderFrameworkScan(*scan);
    EXPECT_NE(text.find(": home-first at boot, is-home\n"), std::string::npos) << text;
}

TEST_F(LegacyTree, AMissingFileIsUnknownNeverGuessed) {
    fs::remove(m_root / "policy/src/com/android/internal/policy/impl/MidWindowManager.java");
    auto scan = scanFrameworkSource(m_root);
    ASSERT_TRUE(scan);
    const SourceSite* mid = siteOf(*scan, "home-key-mid");
    ASSERT_NE(mid, nullptr);
    EXPECT_EQ(mid->status, SiteStatus::Unknown);
    EXPECT_EQ(mid->note, "no file of this call site was found");
}

TEST_F(LegacyTree, ACustomCategoryIsReportedAsCustom) {
    writeFile(m_root / "policy/src/com/android/internal/policy/impl/PhoneWindowManager.java",
              windowManager("PhoneWindowManager", "\"com.example.category.KIOSK\""));
    auto scan = scanFrameworkSource(m_root);
    ASSERT_TRUE(scan);
    const SourceSite* key = siteOf(*scan, "home-key");
    EXPECT_EQ(key->status, SiteStatus::Custom);
    EXPECT_EQ(key->category, "com.example.category.KIOSK");
    EXPECT_EQ(scan->patch().homeFirstSites.count("home-key"), 0u);
}

TEST(FrameworkSource, AnUnresolvableConstantIsUnknown) {
    const auto sites = scanJavaSource(ams("Constants.MY_HOME"), "ActivityManagerService.java");
    ASSERT_EQ(sites.size(), 1u);
    EXPECT_EQ(sites[0].status, SiteStatus::Unknown);
    EXPECT_EQ(sites[0].note, "'Constants.MY_HOME' could not be resolved to a category string");
}

TEST(FrameworkSource, ModernGetHomeIntentAndIsHomeIntent) {
    const std::string atms =
        "class ActivityTaskManagerService {\n"
        "    Intent getHomeIntent() {\n"
        "        Intent intent = new Intent(mTopAction, mTopData != null ? Uri.parse(mTopData) : null);\n"
        "        intent.setComponent(mTopComponent);\n"
        "        intent.addFlags(Intent.FLAG_DEBUG_TRIAGED_MISSING);\n"
        "        if (mFactoryTest != FactoryTest.FACTORY_TEST_LOW_LEVEL) {\n"
        "            intent.addCategory(Intent.CATEGORY_HOME);\n"
        "        }\n        return intent;\n    }\n}\n";
    auto boot = scanJavaSource(atms, "ActivityTaskManagerService.java");
    ASSERT_EQ(boot.size(), 1u);
    EXPECT_EQ(boot[0].status, SiteStatus::Stock);
    EXPECT_EQ(boot[0].code, "ActivityTaskManagerService.getHomeIntent");
    EXPECT_EQ(boot[0].where.line, 7);
    const std::string record =
        "class ActivityRecord {\n    static boolean isHomeIntent(Intent intent) {\n"
        "        return ACTION_MAIN.equals(intent.getAction())\n"
        "                && (intent.hasCategory(CATEGORY_HOME_FIRST)\n"
        "                || intent.hasCategory(CATEGORY_SECONDARY_HOME))\n"
        "                && intent.getCategories().size() == 1;\n    }\n}\n";
    auto check = scanJavaSource(record, "ActivityRecord.java",
                                {{"CATEGORY_HOME_FIRST", "android.intent.category.HOME_FIRST"}});
    ASSERT_EQ(check.size(), 1u);
    EXPECT_EQ(check[0].status, SiteStatus::Patched);
    EXPECT_EQ(check[0].where.line, 4);
}

TEST(FrameworkSource, AFolderWithoutCallSiteFilesIsAnExactError) {
    TempDir dir("framework-none");
    writeFile(dir.path() / "README", "nothing");
    auto scan = scanFrameworkSource(dir.path());
    ASSERT_FALSE(scan);
    EXPECT_EQ(scan.error().toString(),
              "'" + dir.path().string() +
                  "' holds none of the files of the home call sites (ActivityManagerService.java, "
                  "ActivityTaskManagerService.java, PhoneWindowManager.java, ...): is it a "
                  "frameworks/ checkout?");
}

}  // namespace

// --framework-src on hearth home and simulate: the site report, then answers with the patch the
// source implements.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "../core/apk_fixtures.h"
#include "cli_run.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

// ActivityManagerService with the HOME_FIRST swap at boot; no other call-site file.
fs::path patchedAmsTree(const fs::path& dir) {
    writeFile(dir / "base/services/java/com/android/server/am/ActivityManagerService.java",
              "class ActivityManagerService {\n"
              "    boolean startHomeActivityLocked() {\n"
              "        Intent intent = new Intent(mTopAction, null);\n"
              "        intent.addCategory(\"android.intent.category.HOME_FIRST\");\n"
              "        return true;\n"
              "    }\n"
              "}\n");
    return dir;
}

TEST(FrameworkSrcOption, HomeReportsEachSiteThenAnswersWithThatPatch) {
    TempDir dir("cli-framework-src");
    const fs::path src = patchedAmsTree(dir.path() / "frameworks");
    const std::string device = std::string(HEARTH_SAMPLES_DIR) + "/devices/seed";
    CliRun run = runCli({"home", device, "--framework-src", src.string()});
    ASSERT_EQ(run.code, 0) << run.err;
    const std::string ams =
        (src / "base/services/java/com/android/server/am/ActivityManagerService.java").generic_string();
    EXPECT_EQ(run.out.rfind("Framework source " + src.generic_string() + ": home-first at boot\n"
                            "  boot          patched     android.intent.category.HOME_FIRST  " +
                                ams + ":4  (ActivityManagerService.startHomeActivityLocked)\n"
                                "  home-key      unknown     : no file of this call site was found\n",
                            0),
              0u)
        << run.out;
    EXPECT_NE(run.out.find("framework home-first at boot"), std::string::npos) << run.out;
}

TEST(FrameworkSrcOption, AFolderThatIsNotASourceTreeIsBadInput) {
    TempDir dir("cli-framework-none");
    const std::string device = std::string(HEARTH_SAMPLES_DIR) + "/devices/seed";
    CliRun run = runCli({"home", device, "--framework-src", dir.path().string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find("is it a frameworks/ checkout?"), std::string::npos) << run.err;
}

}  // namespace

// hearth check, in-process: the sample contract passes on its device, a broken contract fails with
// exit 1 and a JUnit report, and a bad checks file is refused at file:line:col.

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;
namespace fs = std::filesystem;

const std::string kSamples = HEARTH_SAMPLES_DIR;

fs::path writeTemp(const std::string& name, const std::string& text) {
    const fs::path path =
        fs::temp_directory_path() / ("hearth-check-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

TEST(CheckCommand, TheSampleContractHoldsOnItsDevice) {
    const CliRun run = runCli({"check", kSamples + "/devices/app-links",
                               kSamples + "/checks/app-links.checks"});
    EXPECT_EQ(run.code, 0) << run.out << run.err;
    EXPECT_NE(run.out.find("4 checks: 4 passed, 0 failed\n"), std::string::npos) << run.out;
}

TEST(CheckCommand, WithoutAChecksFileTheManifestsOwnTestUrlsRun) {
    const std::string manifest = kSamples + "/checks/deep-links/AndroidManifest.xml";
    const CliRun run = runCli({"check", manifest});
    EXPECT_EQ(run.code, 0) << run.out << run.err;
    EXPECT_NE(run.out.find("PASS " + manifest + ":23  query -a android.intent.action.VIEW -c "
                           "android.intent.category.BROWSABLE -d "
                           "'https://recipes.example.com/recipe/42' --default-only => contains "
                           "com.example.recipes/.RecipeActivity\n"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("2 checks: 2 passed, 0 failed\n"), std::string::npos) << run.out;
    const CliRun skipped = runCli({"check", manifest, "--no-test-urls"});
    EXPECT_EQ(skipped.code, 1);
    const CliRun none = runCli({"check", kSamples + "/devices/seed"});
    EXPECT_EQ(none.code, 1);
    EXPECT_EQ(none.err,
              "hearth check: nothing to check: no CHECKS file was given and no manifest has a "
              "<tools:validation testUrl>\n");
}

TEST(CheckCommand, AFailedCheckExitsOneAndWritesJUnit) {
    const fs::path checks = writeTemp("fail.checks", "home boot => com.example/.Nope\n");
    const fs::path junit = writeTemp("report.xml", "");
    const CliRun run = runCli(
        {"check", kSamples + "/devices/seed", checks.string(), "--junit", junit.string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.out.find("FAIL " + checks.string() + ":1  home boot => com.example/.Nope\n"),
              std::string::npos)
        << run.out;
    std::ifstream in(junit);
    std::stringstream xml;
    xml << in.rdbuf();
    EXPECT_NE(xml.str().find("failures=\"1\""), std::string::npos) << xml.str();
    fs::remove(checks);
    fs::remove(junit);
}

TEST(CheckCommand, JsonListsEveryCheckWithWhatTheDeviceAnswered) {
    const fs::path checks = writeTemp("json.checks", "home boot => com.example/.Nope\n"
                                                     "resolve -a com.example.NOBODY => nothing\n");
    const CliRun run = runCli({"check", kSamples + "/devices/seed", checks.string(), "--json"});
    EXPECT_EQ(run.code, 1) << run.err;
    const nlohmann::ordered_json json = nlohmann::ordered_json::parse(run.out);
    EXPECT_EQ(json.begin().key(), "schemaVersion");
    EXPECT_EQ(json["device"]["name"], "seed");
    ASSERT_EQ(json["checks"].size(), 2u);
    const auto& failed = json["checks"][0];
    EXPECT_EQ(failed["file"], checks.string());
    EXPECT_EQ(failed["line"], 1);
    EXPECT_EQ(failed["command"], "home");
    EXPECT_EQ(failed["expected"], "component com.example/.Nope");
    EXPECT_EQ(failed["passed"], false);
    EXPECT_FALSE(failed["problem"].get<std::string>().empty());
    EXPECT_EQ(json["checks"][1]["passed"], true);
    EXPECT_EQ(json["checks"][1]["problem"], "");
    EXPECT_EQ(json["passed"], 1);
    EXPECT_EQ(json["failed"], 1);
    fs::remove(checks);
}

TEST(CheckCommand, ABadChecksFileIsRefusedWhereItIsWrong) {
    const fs::path checks = writeTemp("bad.checks", "\nresolve -a X => 'com.a/.A\n");
    const CliRun run = runCli({"check", kSamples + "/devices/seed", checks.string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, checks.string() + ":2:17: unterminated ' quote\n");
    fs::remove(checks);
}

}  // namespace

// The command table (cli.cpp): a misspelt command or option is named with its nearest match
// (issue 15, did-you-mean), and anything else keeps CLI11's own message.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

const std::string kSeed = std::string(HEARTH_SAMPLES_DIR) + "/devices/seed";

TEST(CommandTable, AMisspeltCommandIsNamedWithTheNearestCommand) {
    const CliRun run = runCli({"qurey", kSeed, "-a", "android.intent.action.MAIN"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err,
              "hearth: 'qurey' is not a hearth command; did you mean 'query'?\n"
              "Run 'hearth --help' for usage.\n");
}

TEST(CommandTable, AWordFarFromEveryCommandGetsNoGuess) {
    const CliRun run = runCli({"frobnicate"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err,
              "hearth: 'frobnicate' is not a hearth command\nRun 'hearth --help' for usage.\n");
}

TEST(CommandTable, AMisspeltOptionIsNamedWithTheCommandsNearestOption) {
    const CliRun run = runCli({"home", kSeed, "--compaer"});
    EXPECT_EQ(run.code, 2);
    EXPECT_NE(run.err.find("('--compaer'; did you mean '--compare'?)"), std::string::npos)
        << run.err;
}

TEST(CommandTable, AKnownCommandStillRuns) {
    EXPECT_EQ(runCli({"claims", kSeed, "--action", "android.intent.action.MAIN"}).code, 0);
}

TEST(CommandTable, AFlagsValueMayFollowItAsItsOwnWord) {
    // "--warnings none" is "--warnings=none", not the flag plus a package named "none" (which
    // would make the query package-restricted, Q-3, and find nothing).
    const std::vector<std::string> intent = {"query", kSeed, "-a", "android.intent.action.MAIN",
                                             "-c", "android.intent.category.HOME"};
    std::vector<std::string> spaced = intent;
    spaced.insert(spaced.end(), {"--warnings", "none", "--explain", "all"});
    std::vector<std::string> joined = intent;
    joined.insert(joined.end(), {"--warnings=none", "--explain=all"});
    const CliRun a = runCli(spaced);
    const CliRun b = runCli(joined);
    EXPECT_EQ(a.code, 0) << a.err;
    EXPECT_EQ(a.out, b.out);
    EXPECT_NE(a.out.find("com.android.launcher"), std::string::npos) << a.out;
    // A word that is not one of the flag's values stays the intent's own argument.
    std::vector<std::string> package = intent;
    package.insert(package.end(), {"--warnings", "com.android.launcher"});
    EXPECT_EQ(runCli(package).code, 0);
}

}  // namespace

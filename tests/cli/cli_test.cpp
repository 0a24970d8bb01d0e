// The command table (cli.cpp): a misspelt command or option is named with its nearest match
// (issue 15, did-you-mean), and anything else keeps CLI11's own message.

#include <gtest/gtest.h>

#include <string>

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

}  // namespace

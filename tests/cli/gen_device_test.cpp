#include <gtest/gtest.h>
#include <hearth/synthetic.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "cli_run.h"

using namespace hearth;

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

std::filesystem::path freshTempDir(const std::string& name) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("hearth-gen-device-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    return dir;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string expectedCases(size_t count, uint64_t seed) {
    std::string text;
    generateFilterMatchCases(count, seed,
                             [&](std::string_view line) { text.append(line) += '\n'; });
    return text;
}

}  // namespace

TEST(GenDevice, WritesTheDeviceDirectoryAndSaysWhat) {
    const std::filesystem::path dir = freshTempDir("device");
    const CliRun run = runCli({"gen-device", dir.string(), "--packages", "20", "--seed", "3"});
    const SyntheticDevice expected = generateSyntheticDevice({20, 3});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out, "wrote 20 packages with " + std::to_string(expected.filterCount) +
                           " intent filters to " + dir.string() + " (device.json, probes.txt)\n");
    EXPECT_EQ(readFile(dir / "device.json"), expected.deviceJson());
    EXPECT_EQ(readFile(dir / expected.packages[7].manifestPath), expected.packages[7].manifestXml);
    std::filesystem::remove_all(dir);
}

TEST(GenDevice, SeedDefaultsToOne) {
    const std::filesystem::path dir = freshTempDir("default-seed");
    ASSERT_EQ(runCli({"gen-device", dir.string(), "--packages", "5"}).code, 0);
    EXPECT_EQ(readFile(dir / "device.json"), generateSyntheticDevice({5, 1}).deviceJson());
    std::filesystem::remove_all(dir);
}

TEST(GenDevice, RefusesADirectoryThatIsNotEmpty) {
    const std::filesystem::path dir = freshTempDir("busy");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "keep.txt") << "mine";
    const CliRun run = runCli({"gen-device", dir.string(), "--packages", "5"});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "hearth gen-device: '" + dir.string() +
                           "' exists and is not empty; name a new directory or pass --force\n");
    EXPECT_EQ(readFile(dir / "keep.txt"), "mine");
    std::filesystem::remove_all(dir);
}

TEST(GenDevice, ForceWritesIntoADirectoryThatIsNotEmpty) {
    const std::filesystem::path dir = freshTempDir("force");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "keep.txt") << "mine";
    EXPECT_EQ(runCli({"gen-device", dir.string(), "--packages", "5", "--force"}).code, 0);
    EXPECT_TRUE(std::filesystem::exists(dir / "device.json"));
    std::filesystem::remove_all(dir);
}

TEST(GenDevice, ReportsAWriteFailureWithThePath) {
    const std::filesystem::path dir = freshTempDir("blocked");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "file") << "x";
    const CliRun run =
        runCli({"gen-device", (dir / "file" / "dev").string(), "--packages", "2"});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, "hearth gen-device: cannot write '" + (dir / "file" / "dev").string() +
                           "': Not a directory\n");
    std::filesystem::remove_all(dir);
}

TEST(GenDevice, PackagesNeedsAnOutputDirectory) {
    const CliRun run = runCli({"gen-device", "--packages", "10"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err,
              "hearth gen-device: --packages needs an output directory, e.g. 'hearth gen-device "
              "/tmp/dev --packages 1000'\n");
}

TEST(GenDevice, PackagesMustBeAtLeastOne) {
    const CliRun run = runCli({"gen-device", "/tmp/unused-hearth-dir", "--packages", "0"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err,
              "hearth gen-device: --packages must be between 1 and 20000 (the most packages a "
              "device may hold), got 0\n");
    EXPECT_FALSE(std::filesystem::exists("/tmp/unused-hearth-dir"));
}

// Issue 14: a device one package over limits.h's kMaxPackagesPerDevice would be refused by every
// command that loads it, so gen-device refuses to write it.
TEST(GenDevice, NeverWritesADeviceTheOtherCommandsRefuse) {
    const CliRun run = runCli({"gen-device", "/tmp/unused-hearth-dir", "--packages", "20001"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err,
              "hearth gen-device: --packages must be between 1 and 20000 (the most packages a "
              "device may hold), got 20001\n");
    EXPECT_FALSE(std::filesystem::exists("/tmp/unused-hearth-dir"));
}

TEST(GenDevice, WithoutAModeSaysWhatIsExpected) {
    const CliRun run = runCli({"gen-device", "/tmp/unused-hearth-dir"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err,
              "hearth gen-device: expected --packages N (a device) or --cases N (filter-match "
              "cases)\n");
}

TEST(GenDevice, PackagesAndCasesExcludeEachOther) {
    const CliRun run = runCli({"gen-device", "x", "--packages", "3", "--cases", "3"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.err, "hearth: --packages excludes --cases\nRun 'hearth --help' for usage.\n");
}

TEST(GenDeviceCases, WritesCasesToStandardOutput) {
    const CliRun run = runCli({"gen-device", "--cases", "40", "--seed", "6"});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, expectedCases(40, 6));
    EXPECT_EQ(run.err, "");
}

TEST(GenDeviceCases, WritesCasesToAFile) {
    const std::filesystem::path dir = freshTempDir("cases");
    std::filesystem::create_directories(dir);
    const std::filesystem::path file = dir / "cases.jsonl";
    const CliRun run = runCli({"gen-device", "--cases", "25", file.string()});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.out, "wrote 25 filter-match cases to " + file.string() + "\n");
    EXPECT_EQ(readFile(file), expectedCases(25, 1));
    std::filesystem::remove_all(dir);
}

TEST(GenDeviceCases, ReportsAFileThatCannotBeWritten) {
    const CliRun run =
        runCli({"gen-device", "--cases", "2", "/nonexistent-hearth-dir/cases.jsonl"});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err,
              "hearth gen-device: cannot write '/nonexistent-hearth-dir/cases.jsonl': No such file "
              "or directory\n");
}

TEST(GenDevice, HelpShowsExamples) {
    const CliRun run = runCli({"gen-device", "--help"});
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("hearth gen-device /tmp/dev10k --packages 10000 --seed 1"),
              std::string::npos);
    EXPECT_NE(run.out.find("--cases 100000"), std::string::npos);
}

// Every manifest in samples/manifests/invalid gives the error written next to it, from the parser
// and from `hearth dump` (message on stderr, exit 1).

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

namespace {

const std::filesystem::path kFolder =
    std::filesystem::path(HEARTH_SAMPLES_DIR) / "manifests" / "invalid";

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> invalidManifests() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(kFolder, ec)) {
        if (entry.path().extension() == ".xml") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

struct Expected {
    std::string message;  // as printed for "NAME.xml"
    int exitCode = -1;
};

Expected readExpected(const std::string& name) {
    std::istringstream lines(readFile(kFolder / (name + ".expected")));
    Expected expected;
    std::string exitLine;
    std::getline(lines, expected.message);
    std::getline(lines, exitLine);
    if (exitLine.rfind("exit ", 0) == 0) expected.exitCode = std::stoi(exitLine.substr(5));
    return expected;
}

class InvalidManifest : public testing::TestWithParam<std::string> {};

TEST_P(InvalidManifest, ParserGivesTheExpectedError) {
    const std::string name = GetParam();
    const Expected expected = readExpected(name);
    ASSERT_FALSE(expected.message.empty()) << name << ".expected is missing or empty";
    hearth::Result<hearth::Manifest> manifest =
        hearth::parseManifest(readFile(kFolder / (name + ".xml")), name + ".xml");
    ASSERT_FALSE(manifest.has_value()) << name << ".xml parsed without an error";
    EXPECT_EQ(manifest.error().toString(), expected.message);
}

TEST_P(InvalidManifest, DumpPrintsTheErrorAndExitsWithTheExpectedStatus) {
    const std::string name = GetParam();
    const Expected expected = readExpected(name);
    const std::string path = (kFolder / (name + ".xml")).string();
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    const int code = hearth::cli::runHearth({"dump", path}, in, out, err);
    EXPECT_EQ(code, expected.exitCode);
    // The CLI names the file as given: the full path instead of "NAME.xml".
    ASSERT_EQ(expected.message.rfind(name + ".xml:", 0), 0u) << expected.message;
    EXPECT_EQ(err.str(), path + expected.message.substr(name.size() + 4) + "\n");
    EXPECT_EQ(out.str(), "");
}

std::string testName(const testing::TestParamInfo<std::string>& info) {
    std::string name = info.param;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
}

INSTANTIATE_TEST_SUITE_P(Samples, InvalidManifest, testing::ValuesIn(invalidManifests()), testName);

TEST(InvalidManifests, FolderHoldsOneExpectationPerManifest) {
    const std::vector<std::string> names = invalidManifests();
    EXPECT_GE(names.size(), 30u);
    for (const auto& entry : std::filesystem::directory_iterator(kFolder)) {
        const std::filesystem::path path = entry.path();
        if (path.extension() == ".expected") {
            EXPECT_TRUE(std::filesystem::exists(kFolder / (path.stem().string() + ".xml")))
                << path << " has no manifest";
        } else if (path.extension() == ".xml") {
            EXPECT_TRUE(std::filesystem::exists(kFolder / (path.stem().string() + ".expected")))
                << path << " has no expectation";
        }
    }
}

}  // namespace

// hearth filter-match, run in-process (exact stdout, stderr and exit code) over the conformance
// vectors and over small inline cases; plus one smoke run of the real binary.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

using namespace hearth;

namespace {

const std::filesystem::path kConformance = std::filesystem::path(HEARTH_SHARED_DIR) / "conformance";

struct CliRun {
    int code = 0;
    std::string out;
    std::string err;
};

CliRun filterMatch(const std::vector<std::string>& args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    std::vector<std::string> all = {"filter-match"};
    all.insert(all.end(), args.begin(), args.end());
    CliRun run;
    run.code = cli::runHearth(all, in, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

// Compares line by line so that a failure names the first differing case.
void expectSameLines(const std::string& actual, const std::string& expected) {
    const std::vector<std::string> got = lines(actual);
    const std::vector<std::string> want = lines(expected);
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        ASSERT_EQ(got[i], want[i]) << "line " << i + 1;
    }
    EXPECT_EQ(actual, expected);
}

}  // namespace

TEST(FilterMatchCommand, AnswersEveryConformanceCaseExactlyAsAndroid) {
    if (!std::filesystem::exists(kConformance)) GTEST_SKIP() << kConformance << " is absent";
    const CliRun run = filterMatch({(kConformance / "filter-match.cases.jsonl").string()});
    EXPECT_EQ(run.code, cli::kExitOk);
    EXPECT_EQ(run.err, "");
    expectSameLines(run.out, readFile(kConformance / "filter-match.expected.jsonl"));
}

TEST(FilterMatchCommand, AnswersFiltersAndroidRefusesWithItsException) {
    if (!std::filesystem::exists(kConformance)) GTEST_SKIP() << kConformance << " is absent";
    const CliRun run = filterMatch({"-"}, readFile(kConformance / "filter-errors.cases.jsonl"));
    EXPECT_EQ(run.code, cli::kExitOk);
    expectSameLines(run.out, readFile(kConformance / "filter-errors.expected.jsonl"));
}

TEST(FilterMatchCommand, ReadsStandardInputWhenNoFileIsGiven) {
    const CliRun run = filterMatch(
        {},
        R"({"filter":{"actions":["android.intent.action.VIEW"]},"intent":{"action":"android.intent.action.VIEW"}})"
        "\n");
    EXPECT_EQ(run.code, cli::kExitOk);
    EXPECT_EQ(run.out, "{\"result\":1081344,\"name\":\"MATCH_CATEGORY_EMPTY\"}\n");
}

TEST(FilterMatchCommand, EchoesTheIdAsTheLastKey) {
    const CliRun run = filterMatch({}, R"({"id":"case-1","filter":{},"intent":{}})"
                                       "\n"
                                       R"({"intent":{"action":"X"},"id":{"n":[1,2.5,null,true]}})"
                                       "\n"
                                       R"({"id":7,"filter":{"types":["*"]}})"
                                       "\n");
    EXPECT_EQ(run.code, cli::kExitOk);
    EXPECT_EQ(run.out,
              "{\"result\":1081344,\"name\":\"MATCH_CATEGORY_EMPTY\",\"id\":\"case-1\"}\n"
              "{\"result\":-3,\"name\":\"NO_MATCH_ACTION\",\"id\":{\"n\":[1,2.5,null,true]}}\n"
              "{\"result\":null,\"name\":\"ERROR\",\"error\":\"android.content.IntentFilter$"
              "MalformedMimeTypeException: *\",\"id\":7}\n");
}

TEST(FilterMatchCommand, NumericPortsAreReadAsTheirDecimalText) {
    const CliRun run = filterMatch(
        {},
        R"({"filter":{"schemes":["http"],"authorities":[{"host":"h","port":8080}]},"intent":{"data":"http://h:8080/"}})"
        "\n"
        R"({"filter":{"schemes":["http"],"authorities":[{"host":"h","port":80.5}]},"intent":{"data":"http://h/"}})"
        "\n");
    EXPECT_EQ(run.out,
              "{\"result\":4227072,\"name\":\"MATCH_CATEGORY_PORT\"}\n"
              "{\"result\":null,\"name\":\"ERROR\",\"error\":\"java.lang.NumberFormatException: "
              "For input string: \\\"80.5\\\"\"}\n");
}

TEST(FilterMatchCommand, LineThatIsNotJsonIsReportedWithItsPositionAndTheRestIsAnswered) {
    const CliRun run = filterMatch({}, "{\"filter\":{}}\n{\"filter\":{,}}\n\n{\"filter\":{}}\n");
    EXPECT_EQ(run.code, cli::kExitBadInput);
    const std::string message =
        "<stdin>:2:12: invalid JSON: syntax error while parsing object key - unexpected ','; "
        "expected string literal";
    EXPECT_EQ(run.err, message + "\n");
    EXPECT_EQ(run.out,
              "{\"result\":1081344,\"name\":\"MATCH_CATEGORY_EMPTY\"}\n"
              "{\"result\":null,\"name\":\"BAD_INPUT\",\"error\":\"" +
                  message +
                  "\"}\n"
                  "{\"result\":1081344,\"name\":\"MATCH_CATEGORY_EMPTY\"}\n");
}

TEST(FilterMatchCommand, UnknownKeyIsBadInputPointingAtTheKey) {
    const CliRun run = filterMatch({}, R"({"id":3,"intent":{"category":["X"]}})"
                                       "\n");
    EXPECT_EQ(run.code, cli::kExitBadInput);
    EXPECT_EQ(run.err,
              "<stdin>:1:19: unknown key 'category' in 'intent' (expected action, categories, "
              "data, type)\n");
    EXPECT_EQ(run.out,
              "{\"result\":null,\"name\":\"BAD_INPUT\",\"error\":\"<stdin>:1:19: unknown key "
              "'category' in 'intent' (expected action, categories, data, type)\",\"id\":3}\n");
}

TEST(FilterMatchCommand, ValueOfTheWrongTypeIsBadInput) {
    const CliRun run = filterMatch({}, R"({"filter":{"actions":"VIEW"}})"
                                       "\n"
                                       R"({"filter":{"paths":[{"kind":"regex","value":"/"}]}})"
                                       "\n"
                                       R"({"filter":{"authorities":[{"port":"80"}]}})"
                                       "\n"
                                       R"([1,2])"
                                       "\n");
    EXPECT_EQ(run.code, cli::kExitBadInput);
    EXPECT_EQ(run.err,
              "<stdin>:1:12: 'actions' must be an array of strings or null, got a string\n"
              "<stdin>:2:22: 'kind' must be literal, prefix, glob, advanced_glob or suffix, got "
              "'regex'\n"
              "<stdin>:3:12: 'authorities' entries need a string 'host'\n"
              "<stdin>:4:1: a case must be a JSON object, got an array\n");
}

TEST(FilterMatchCommand, MissingFileIsBadInput) {
    const CliRun run = filterMatch({"/nonexistent/cases.jsonl"});
    EXPECT_EQ(run.code, cli::kExitBadInput);
    EXPECT_EQ(run.err, "/nonexistent/cases.jsonl: cannot open: No such file or directory\n");
    EXPECT_EQ(run.out, "");
}

TEST(FilterMatchCommand, HelpDocumentsTheFormatsErrorsAndExamples) {
    const CliRun run = filterMatch({"--help"});
    EXPECT_EQ(run.code, cli::kExitOk);
    EXPECT_NE(run.out.find("BAD_INPUT"), std::string::npos);
    EXPECT_NE(run.out.find("Examples:"), std::string::npos);
    EXPECT_NE(run.out.find("hearth filter-match ../shared/conformance/filter-match.cases.jsonl"),
              std::string::npos);
    EXPECT_NE(run.out.find("Exit codes:"), std::string::npos);
}

TEST(FilterMatchCommand, BinaryAnswersFromStandardInput) {
    if (!std::filesystem::exists(kConformance)) GTEST_SKIP() << kConformance << " is absent";
    const std::filesystem::path output =
        std::filesystem::temp_directory_path() /
        ("hearth-filter-match-test-" + std::to_string(::getpid()) + ".jsonl");
    const std::string command = std::string("'") + HEARTH_BINARY + "' filter-match < '" +
                                (kConformance / "filter-errors.cases.jsonl").string() + "' > '" +
                                output.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0);
    EXPECT_EQ(readFile(output), readFile(kConformance / "filter-errors.expected.jsonl"));
    std::filesystem::remove(output);
}

// Every conformance vector in HEARTH_SHARED_DIR/conformance, run through the core API (not the
// CLI; cases read and built by hearth/filter_case.h): filter-match cases must give Android's result
// exactly, filter-errors cases must be refused with the same kind of exception. Each disagreement
// is reported with its line number and the description from filter-match.notes.tsv. The test skips
// only when the folder is absent.

#include <gtest/gtest.h>
#include <hearth/filter_case.h>
#include <hearth/intent_filter.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace hearth;
using Json = nlohmann::json;

namespace {

const std::filesystem::path kConformance = std::filesystem::path(HEARTH_SHARED_DIR) / "conformance";

std::vector<std::string> readLines(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

std::map<int, std::string> readNotes() {
    std::map<int, std::string> notes;
    std::ifstream in(kConformance / "filter-match.notes.tsv");
    std::string line;
    while (std::getline(in, line)) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        try {
            notes[std::stoi(line.substr(0, tab))] = line.substr(tab + 1);
        } catch (const std::exception&) {
            // The header row.
        }
    }
    return notes;
}

// The case on `lineNumber` of `file`, built as `hearth filter-match` builds it; a line that is
// not a case fails the test rather than being skipped.
std::optional<FilterCaseBuild> buildCase(const std::string& line, const std::string& file,
                                         int lineNumber) {
    Result<FilterCase> testCase = parseFilterCase(line, file, lineNumber);
    if (!testCase) {
        ADD_FAILURE() << testCase.error().toString();
        return std::nullopt;
    }
    return buildFilterCase(std::move(testCase).value());
}

// "java.lang.NumberFormatException: For input string: ..." -> "java.lang.NumberFormatException".
std::string exceptionKind(const std::string& text) { return text.substr(0, text.find(':')); }

}  // namespace

TEST(Conformance, EveryFilterMatchVectorAgreesWithAndroid) {
    if (!std::filesystem::exists(kConformance)) GTEST_SKIP() << kConformance << " is absent";
    const std::vector<std::string> cases = readLines(kConformance / "filter-match.cases.jsonl");
    const std::vector<std::string> expected =
        readLines(kConformance / "filter-match.expected.jsonl");
    const std::map<int, std::string> notes = readNotes();
    ASSERT_FALSE(cases.empty()) << "no cases in " << kConformance;
    ASSERT_EQ(cases.size(), expected.size()) << "cases and expected answers differ in length";

    int agreed = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const int lineNumber = static_cast<int>(i) + 1;
        const Json answer = Json::parse(expected[i]);
        const std::optional<FilterCaseBuild> built =
            buildCase(cases[i], "filter-match.cases.jsonl", lineNumber);
        if (!built) continue;
        const auto note = notes.find(lineNumber);
        const std::string where = "filter-match line " + std::to_string(lineNumber) + " (" +
                                  (note == notes.end() ? "no note" : note->second) + ")";
        if (built->androidError) {
            ADD_FAILURE() << where << ": Hearth refused the filter (" << *built->androidError
                          << ") but Android answered " << expected[i];
            continue;
        }
        const int result = built->filter.match(built->intent);
        if (result != answer["result"].get<int>() ||
            matchCodeName(result) != answer["name"].get<std::string>()) {
            ADD_FAILURE() << where << ": Hearth answered " << result << " " << matchCodeName(result)
                          << ", Android " << expected[i];
            continue;
        }
        ++agreed;
    }
    EXPECT_EQ(agreed, static_cast<int>(cases.size()));
    RecordProperty("agreed", agreed);
    std::cout << "[ conformance ] " << agreed << " of " << cases.size()
              << " filter-match vectors agree\n";
}

TEST(Conformance, EveryFilterAndroidRefusesIsRefused) {
    if (!std::filesystem::exists(kConformance)) GTEST_SKIP() << kConformance << " is absent";
    const std::vector<std::string> cases = readLines(kConformance / "filter-errors.cases.jsonl");
    const std::vector<std::string> expected =
        readLines(kConformance / "filter-errors.expected.jsonl");
    ASSERT_FALSE(cases.empty()) << "no cases in " << kConformance;
    ASSERT_EQ(cases.size(), expected.size()) << "cases and expected answers differ in length";

    int agreed = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::string where = "filter-errors line " + std::to_string(i + 1);
        const Json answer = Json::parse(expected[i]);
        const std::optional<FilterCaseBuild> built =
            buildCase(cases[i], "filter-errors.cases.jsonl", static_cast<int>(i) + 1);
        if (!built) continue;
        if (!built->androidError) {
            ADD_FAILURE() << where << ": Hearth built the filter, Android refused it with "
                          << answer["error"].get<std::string>();
            continue;
        }
        // The README asks to compare the kind of error, not its text.
        if (exceptionKind(*built->androidError) !=
            exceptionKind(answer["error"].get<std::string>())) {
            ADD_FAILURE() << where << ": Hearth refused with " << *built->androidError
                          << ", Android with " << answer["error"].get<std::string>();
            continue;
        }
        ++agreed;
    }
    EXPECT_EQ(agreed, static_cast<int>(cases.size()));
    std::cout << "[ conformance ] " << agreed << " of " << cases.size()
              << " filter-errors vectors are refused alike\n";
}

// Every conformance vector in HEARTH_SHARED_DIR/conformance, run through the core API (not the
// CLI): filter-match cases must give Android's result exactly, filter-errors cases must be refused
// with the same kind of exception. Each disagreement is reported with its line number and the
// description from filter-match.notes.tsv. The test skips only when the folder is absent.

#include <gtest/gtest.h>
#include <hearth/intent.h>
#include <hearth/intent_filter.h>
#include <hearth/pattern_matcher.h>
#include <hearth/uri.h>

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

std::vector<std::string> strings(const Json& object, const char* key) {
    std::vector<std::string> out;
    if (object.contains(key) && !object[key].is_null()) {
        for (const Json& item : object[key]) out.push_back(item.get<std::string>());
    }
    return out;
}

std::optional<std::string> optionalString(const Json& object, const char* key) {
    if (!object.contains(key) || object[key].is_null()) return std::nullopt;
    return object[key].get<std::string>();
}

// The case format's kinds, read as `hearth filter-match` reads them: an unknown kind is a broken
// case, never a silent glob.
PatternKind kindOf(const std::string& name) {
    const std::optional<PatternKind> kind = patternKindFromName(name);
    if (!kind) ADD_FAILURE() << "unknown pattern kind '" << name << "' in a conformance case";
    return kind.value_or(PatternKind::Literal);
}

/// A filter built with the core API in the documented order, or the exception Android throws.
struct Built {
    IntentFilter filter;
    std::optional<std::string> androidError;
};

Built buildFilter(const Json& spec) {
    Built built;
    IntentFilter& filter = built.filter;
    filter.actions = strings(spec, "actions");
    filter.categories = strings(spec, "categories");
    for (const std::string& type : strings(spec, "types")) {
        if (!validateMimeType(type)) {
            built.androidError = androidMimeTypeException(type);
            return built;
        }
        filter.types.push_back(type);
    }
    filter.schemes = strings(spec, "schemes");
    const auto addPatterns = [&](const char* key, std::vector<PatternMatcher>& out) {
        if (!spec.contains(key) || spec[key].is_null()) return true;
        for (const Json& item : spec[key]) {
            const PatternKind kind = kindOf(item["kind"].get<std::string>());
            const std::string value = item["value"].get<std::string>();
            Result<PatternMatcher> matcher = PatternMatcher::create(kind, value);
            if (!matcher) {
                built.androidError = androidPatternException(kind, value);
                return false;
            }
            out.push_back(std::move(matcher.value()));
        }
        return true;
    };
    if (!addPatterns("ssps", filter.ssps)) return built;
    if (spec.contains("authorities") && !spec["authorities"].is_null()) {
        for (const Json& item : spec["authorities"]) {
            FilterAuthority authority{item["host"].get<std::string>(), std::nullopt, {}};
            if (item.contains("port") && !item["port"].is_null()) {
                const std::string port = item["port"].is_string() ? item["port"].get<std::string>()
                                                                  : item["port"].dump();
                Result<int> parsed = parsePort(port);
                if (!parsed) {
                    built.androidError = androidPortException(port);
                    return built;
                }
                authority.port = *parsed;
            }
            filter.authorities.push_back(std::move(authority));
        }
    }
    addPatterns("paths", filter.paths);
    return built;
}

Intent buildIntent(const Json& spec) {
    Intent intent;
    intent.action = optionalString(spec, "action");
    for (const std::string& category : strings(spec, "categories")) intent.addCategory(category);
    if (std::optional<std::string> data = optionalString(spec, "data")) {
        intent.data = Uri::parse(*data);
    }
    intent.type = optionalString(spec, "type");
    return intent;
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
        const Json testCase = Json::parse(cases[i]);
        const Json answer = Json::parse(expected[i]);
        const Built built = buildFilter(testCase.value("filter", Json::object()));
        const auto note = notes.find(lineNumber);
        const std::string where = "filter-match line " + std::to_string(lineNumber) + " (" +
                                  (note == notes.end() ? "no note" : note->second) + ")";
        if (built.androidError) {
            ADD_FAILURE() << where << ": Hearth refused the filter (" << *built.androidError
                          << ") but Android answered " << expected[i];
            continue;
        }
        const int result =
            built.filter.match(buildIntent(testCase.value("intent", Json::object())));
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
        const Built built = buildFilter(Json::parse(cases[i]).value("filter", Json::object()));
        if (!built.androidError) {
            ADD_FAILURE() << where << ": Hearth built the filter, Android refused it with "
                          << answer["error"].get<std::string>();
            continue;
        }
        // The README asks to compare the kind of error, not its text.
        if (exceptionKind(*built.androidError) !=
            exceptionKind(answer["error"].get<std::string>())) {
            ADD_FAILURE() << where << ": Hearth refused with " << *built.androidError
                          << ", Android with " << answer["error"].get<std::string>();
            continue;
        }
        ++agreed;
    }
    EXPECT_EQ(agreed, static_cast<int>(cases.size()));
    std::cout << "[ conformance ] " << agreed << " of " << cases.size()
              << " filter-errors vectors are refused alike\n";
}

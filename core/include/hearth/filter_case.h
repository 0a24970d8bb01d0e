#pragma once
// The conformance case format: one JSON object a line (../shared/conformance/*.cases.jsonl,
// `hearth filter-match`, the conformance test), an intent filter written as the values its add*
// methods receive, and an intent:
//   {"id":..,"filter":{"actions":[..],"categories":[..],"types":[..],"schemes":[..],
//    "ssps":[{"kind","value"}],"authorities":[{"host","port"}],"paths":[{"kind","value"}],
//    "priority":0},"intent":{"action","categories","data","type"}}
// Every key is optional and null means absent. Reading a case checks only its shape; building it
// applies Android's checks in Android's order, so a filter Android refuses is an answer (the
// exception it throws), not a bad case.

#include <hearth/intent.h>
#include <hearth/intent_filter.h>
#include <hearth/pattern_matcher.h>
#include <hearth/result.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// An "ssps" or "paths" entry as written: Android compiles (and may refuse) it when it is added.
struct FilterCasePattern {
    PatternKind kind = PatternKind::Literal;
    std::string value;
};

/// An "authorities" entry as written. The port is kept as text (a JSON number as it is written,
/// 80.5 or 1e3) because Android parses it with Integer.parseInt when it is added.
struct FilterCaseAuthority {
    std::string host;
    std::optional<std::string> port;
};

/// One case as read, before Android's checks. "priority" is checked to be an integer but not kept:
/// IntentFilter.match never reads it.
struct FilterCase {
    // The filter, each list in the order its add* calls are made.
    std::vector<std::string> actions;
    std::vector<std::string> categories;
    std::vector<std::string> types;
    std::vector<std::string> schemes;
    std::vector<FilterCasePattern> ssps;
    std::vector<FilterCaseAuthority> authorities;
    std::vector<FilterCasePattern> paths;
    // The intent.
    std::optional<std::string> action;
    std::vector<std::string> intentCategories;
    std::optional<std::string> data;
    std::optional<std::string> type;
};

/// Reads one case. A line that is not JSON, not an object, or holds an unknown key or a value of
/// the wrong type fails with "sourceName:lineNumber:column: message", the column pointing at the
/// JSON fault or at the key whose value is wrong ("unknown key 'category' in 'intent' (expected
/// action, categories, data, type)"). A line that is not JSON is refused as such, at its first
/// JSON fault, even when a key before the fault is wrong too.
/// `id`, when given, receives the case's "id" (any JSON value) as compact JSON, or nullopt when
/// there is none; also when the line fails after its "id" was read, so that an answer to a bad
/// line still names its case.
[[nodiscard]] Result<FilterCase> parseFilterCase(std::string_view line,
                                                 const std::string& sourceName, int lineNumber,
                                                 std::optional<std::string>* id = nullptr);

/// A case built with the core API: the filter (actions, categories, types, schemes, ssps,
/// authorities, paths: Android's order) and the intent, or the exception Android throws for the
/// first filter value it refuses.
struct FilterCaseBuild {
    IntentFilter filter;
    Intent intent;
    /// As Java prints it: "android.content.IntentFilter$MalformedMimeTypeException: image",
    /// "java.lang.NumberFormatException: For input string: \"80.5\"", ...; nullopt when the
    /// filter is built, and then match(intent) is the case's answer.
    std::optional<std::string> androidError;
};

/// Builds a case. Taken by value: a caller that moves its case in avoids copying every string.
FilterCaseBuild buildFilterCase(FilterCase testCase);

/// The case as one compact line of the format, which parseFilterCase reads back to the same
/// case: {"id":..,"filter":{..},"intent":{..}}, with "id" only when `id` (compact JSON, as
/// parseFilterCase hands it out) is given. The filter holds its non-empty lists only, in the order
/// above; the intent always has its four keys, null when absent ("categories" null when empty).
/// A port whose text is a JSON number is written as that number, any other port as a string.
std::string toJsonLine(const FilterCase& testCase, const std::optional<std::string>& id = {});

}  // namespace hearth

#pragma once
// A request of `--batch` (hearth query, resolve and start) written as one line of JSON:
//   {"id":..,"intent":"-a ACTION -d URI ..." or ["-a","ACTION",..],"caller":".."}
// "intent" is required; "id" is any JSON value, echoed in the answer; "caller" is --caller.
// Reading checks the line's shape only: the caller splits and parses the intent's words.

#include <hearth/result.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// One JSON request as read.
struct JsonRequest {
    /// "intent" as one string of shell-quoted words; nullopt when it is an array (intentWords).
    std::optional<std::string> intentLine;
    /// The column of the opening quote of intentLine's string in the line: the 1-based columns
    /// of its words, shifted by it, are the line's (exact unless escapes come before a word); 0
    /// when it cannot be found.
    int intentLineColumn = 0;
    /// "intent" as an array of words, one argument each.
    std::vector<std::string> intentWords;
    /// The column of the key "intent": where a fault in intentWords points.
    int intentColumn = 1;
    /// "caller", and the column of its key.
    std::optional<std::string> caller;
    int callerColumn = 1;
};

/// Reads one request. A line that is not JSON, not an object, has an unknown key, no "intent", or
/// a value of the wrong type fails with "sourceName:lineNumber:column: message", the column at
/// the JSON fault or at the key ("unknown key 'intnet': expected 'id', 'intent' or 'caller'").
/// `id`, when given, receives the request's "id" as compact JSON whenever the line is a JSON
/// object (also when it is refused for its shape, so that the answer still names it), else
/// nullopt.
[[nodiscard]] Result<JsonRequest> parseJsonRequest(std::string_view line,
                                                   const std::string& sourceName, int lineNumber,
                                                   std::optional<std::string>* id = nullptr);

}  // namespace hearth

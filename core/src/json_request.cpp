// A `--batch` JSON request (hearth/json_request.h), read with simdjson On Demand. A request is
// judged as a whole document: the line must be JSON before its shape is looked at, and among
// several shape faults the order of the checks decides, not the order of the keys.

#include <hearth/json_request.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "json_line.h"

namespace hearth {
namespace {

using simdjson::ondemand::json_type;
namespace ondemand = simdjson::ondemand;

// Column of `"key"` in the line: where a key-level fault points.
int columnOfKey(std::string_view line, std::string_view key) {
    const std::size_t at = line.find("\"" + std::string(key) + "\"");
    return at == std::string_view::npos ? 1 : static_cast<int>(at) + 1;
}

// Column of the first character inside the string value of `"key"`, or 0 if it cannot be found
// (then the intent's words keep columns relative to the value). Exact unless the value holds
// escapes before a word.
int columnOfStringValue(std::string_view line, std::string_view key) {
    const std::size_t keyAt = line.find("\"" + std::string(key) + "\"");
    if (keyAt == std::string_view::npos) return 0;
    const std::size_t colon = line.find(':', keyAt + key.size() + 2);
    if (colon == std::string_view::npos) return 0;
    const std::size_t quote = line.find('"', colon);
    return quote == std::string_view::npos ? 0 : static_cast<int>(quote) + 1;
}

// What the fields said; with duplicate keys the last one counts, as in a JSON object.
struct Fields {
    std::optional<std::string> id;
    bool idTooDeep = false;
    std::optional<json_type> intentType;
    std::string intentLine;
    std::vector<std::string> intentWords;
    std::optional<json_type> intentBadWord;  // the type of the first word that is not a string
    std::optional<json_type> callerType;
    std::string caller;
    std::optional<std::string> firstUnknownKey;  // in byte order, as a sorted object lists them
    // A value was passed over without being read: the line must still be checked to be JSON.
    bool unread = false;
};

// Reads the fields, or returns simdjson's error for a line that is not JSON.
simdjson::error_code readFields(ondemand::object& object, Fields& fields) {
    for (auto result : object) {
        ondemand::field field;
        std::string_view key;
        json_type type{};
        if (auto error = std::move(result).get(field)) return error;
        if (auto error = field.unescaped_key().get(key)) return error;
        ondemand::value value = field.value();
        if (auto error = value.type().get(type)) return error;
        if (key == "id") {
            std::string_view raw;
            simdjson::error_code error = simdjson::SUCCESS;
            if (type == json_type::array) {
                ondemand::array array;
                error = value.get_array().get(array);
                if (!error) error = array.raw_json().get(raw);
            } else if (type == json_type::object) {
                ondemand::object inner;
                error = value.get_object().get(inner);
                if (!error) error = inner.raw_json().get(raw);
            } else {
                // Read the scalar, not only its token: a value left unread is skipped without
                // being checked, and what follows it with it.
                raw = value.raw_json_token();
                error = json_line::checkScalar(value, type);
            }
            if (error) return error;
            fields.idTooDeep = json_line::tooDeep(raw);
            if (fields.idTooDeep) {
                fields.id.reset();
                fields.unread = true;  // skipped by raw_json(), not read
                continue;
            }
            fields.id = json_line::echo(raw);
            if (!fields.id) return simdjson::INCORRECT_TYPE;
        } else if (key == "intent") {
            fields.intentType = type;
            fields.intentWords.clear();
            fields.intentBadWord.reset();
            if (type == json_type::string) {
                std::string_view text;
                if (auto error = value.get_string().get(text)) return error;
                fields.intentLine.assign(text);
            } else if (type == json_type::array) {
                ondemand::array array;
                if (auto error = value.get_array().get(array)) return error;
                for (auto item : array) {
                    json_type itemType{};
                    if (auto error = item.type().get(itemType)) return error;
                    if (itemType != json_type::string) {
                        if (!fields.intentBadWord) fields.intentBadWord = itemType;
                        fields.unread = true;
                        continue;
                    }
                    std::string_view word;
                    if (auto error = item.get_string().get(word)) return error;
                    fields.intentWords.emplace_back(word);
                }
            } else {
                fields.unread = true;
            }
        } else if (key == "caller") {
            fields.callerType = type;
            if (type == json_type::string) {
                std::string_view text;
                if (auto error = value.get_string().get(text)) return error;
                fields.caller.assign(text);
            } else {
                fields.unread = true;
            }
        } else {
            if (!fields.firstUnknownKey || key < *fields.firstUnknownKey) {
                fields.firstUnknownKey = std::string(key);
            }
            fields.unread = true;
        }
    }
    return simdjson::SUCCESS;
}

}  // namespace

Result<JsonRequest> parseJsonRequest(std::string_view line, const std::string& sourceName,
                                     int lineNumber, std::optional<std::string>* id) {
    const auto at = [&](int column) { return SourceLocation{sourceName, lineNumber, column}; };
    const auto notJson = [&](simdjson::error_code error) {
        const json_line::Fault fault =
            json_line::locateFault(line).value_or(json_line::simdjsonFault(error));
        return makeError(at(fault.column), fault.message);
    };
    if (id != nullptr) id->reset();
    // One reader a thread, reused: its parser and buffer keep their capacity from line to line.
    thread_local json_line::Reader reader;
    ondemand::document document;
    json_type type{};
    if (auto error = reader.iterate(line).get(document)) return notJson(error);
    if (auto error = document.type().get(type)) return notJson(error);
    if (type != json_type::object) {
        if (std::optional<json_line::Fault> fault = json_line::locateFault(line)) {
            return makeError(at(fault->column), fault->message);
        }
        return makeError(
            at(1), std::string("a JSON request must be an object {\"id\",\"intent\",\"caller\"}, "
                               "got ") +
                       json_line::typeName(type));
    }
    ondemand::object object;
    Fields fields;
    if (auto error = document.get_object().get(object)) return notJson(error);
    if (auto error = readFields(object, fields)) return notJson(error);
    const char* rest = nullptr;
    if (document.current_location().get(rest) == simdjson::SUCCESS) {
        return notJson(simdjson::TRAILING_CONTENT);
    }
    if (fields.unread) {
        if (std::optional<json_line::Fault> fault = json_line::locateFault(line)) {
            return makeError(at(fault->column), fault->message);
        }
    }
    if (id != nullptr) *id = std::move(fields.id);
    if (fields.idTooDeep) {
        return makeError(at(columnOfKey(line, "id")), json_line::tooDeepMessage("id"));
    }

    if (fields.firstUnknownKey) {
        return makeError(
            at(columnOfKey(line, *fields.firstUnknownKey)),
            "unknown key '" + *fields.firstUnknownKey + "': expected 'id', 'intent' or 'caller'");
    }
    if (!fields.intentType) {
        return makeError(at(1),
                         "a JSON request needs 'intent', e.g. "
                         "{\"id\":1,\"intent\":\"-a android.intent.action.VIEW -d "
                         "https://example.com/\"}");
    }
    JsonRequest request;
    request.intentColumn = columnOfKey(line, "intent");
    if (*fields.intentType == json_type::string) {
        request.intentLine = std::move(fields.intentLine);
        request.intentLineColumn = columnOfStringValue(line, "intent");
    } else if (*fields.intentType == json_type::array) {
        if (fields.intentBadWord) {
            return makeError(at(request.intentColumn),
                             std::string("'intent' must hold strings, got ") +
                                 json_line::typeName(*fields.intentBadWord));
        }
        request.intentWords = std::move(fields.intentWords);
    } else {
        return makeError(at(request.intentColumn),
                         std::string("'intent' must be a string of intent arguments or an array "
                                     "of them, got ") +
                             json_line::typeName(*fields.intentType));
    }
    if (fields.callerType) {
        request.callerColumn = columnOfKey(line, "caller");
        if (*fields.callerType != json_type::string) {
            return makeError(at(request.callerColumn),
                             std::string("'caller' must be a string (shell, system, root or a "
                                         "package), got ") +
                                 json_line::typeName(*fields.callerType));
        }
        request.caller = std::move(fields.caller);
    }
    return request;
}

}  // namespace hearth

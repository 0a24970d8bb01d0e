// The conformance case format (hearth/filter_case.h): a reader that checks a case's shape as its
// keys arrive, in the order they are written (simdjson On Demand), and the build that applies
// Android's checks in Android's order.

#include <hearth/filter_case.h>
#include <hearth/uri.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_line.h"

namespace hearth {
namespace {

using simdjson::ondemand::json_type;
namespace ondemand = simdjson::ondemand;

/// Why a line is not a case, and where: the path of keys to point the column at (a shape fault),
/// or none (a JSON fault, located by json_line::locateFault).
struct BadCase {
    std::string message;
    std::vector<std::string> keyPath;
    bool json = false;
    simdjson::error_code jsonError = simdjson::SUCCESS;
};

/// Reads one case with simdjson's On Demand API: no document is built, each key is checked and
/// its value stored as it is reached, and the first thing that does not fit the format (or is not
/// JSON) stops the read. Every value before that point has been read in full, so a line is
/// refused for its first fault, as a streaming reader would.
class CaseReader {
  public:
    /// Reads `line` into spec (and the "id", if any, as compact JSON into id).
    std::optional<BadCase> read(std::string_view line, FilterCase& spec,
                                std::optional<std::string>& id) {
        m_spec = &spec;
        m_id = &id;
        m_path.clear();
        m_bad.reset();
        ondemand::document document;
        if (!check(m_reader.iterate(line).get(document))) return std::move(m_bad);
        json_type type{};
        if (!check(document.type().get(type))) return std::move(m_bad);
        if (type != json_type::object) {
            if (check(json_line::checkScalar(document, type))) {
                fail(std::string("a case must be a JSON object, got ") +
                     json_line::typeNameWithArticle(type));
            }
            return std::move(m_bad);
        }
        ondemand::object root;
        if (check(document.get_object().get(root)) && readRoot(root)) {
            // Anything after the case's closing brace makes the line something else than JSON.
            const char* rest = nullptr;
            if (document.current_location().get(rest) == simdjson::SUCCESS) {
                check(simdjson::TRAILING_CONTENT);
            }
        }
        return std::move(m_bad);
    }

  private:
    enum class Where { Root, Filter, Intent, Pattern, Authority };

    static std::span<const std::string_view> keysOf(Where where) {
        static constexpr std::string_view kRoot[] = {"id", "filter", "intent"};
        static constexpr std::string_view kFilter[] = {"actions", "categories", "types",
                                                       "schemes", "ssps",       "authorities",
                                                       "paths",   "priority"};
        static constexpr std::string_view kIntent[] = {"action", "categories", "data", "type"};
        static constexpr std::string_view kPattern[] = {"kind", "value"};
        static constexpr std::string_view kAuthority[] = {"host", "port"};
        switch (where) {
            case Where::Root:
                return kRoot;
            case Where::Filter:
                return kFilter;
            case Where::Intent:
                return kIntent;
            case Where::Pattern:
                return kPattern;
            case Where::Authority:
                return kAuthority;
        }
        return {};
    }

    // The object's name in a message; `list` is the key of the list an entry belongs to.
    static std::string whereName(Where where, std::string_view list) {
        switch (where) {
            case Where::Root:
                return "the case";
            case Where::Filter:
                return "'filter'";
            case Where::Intent:
                return "'intent'";
            default:
                return "'" + std::string(list) + "'";
        }
    }

    // False (and the read stops as not JSON) unless `error` is SUCCESS.
    bool check(simdjson::error_code error) {
        if (error == simdjson::SUCCESS) return true;
        if (!m_bad) m_bad = BadCase{{}, {}, true, error};
        return false;
    }

    bool fail(std::string message) {
        BadCase bad{std::move(message), {}, false, simdjson::SUCCESS};
        // An empty key cannot be told apart from an empty string value in the line: skip it.
        for (const std::string& key : m_path) {
            if (!key.empty()) bad.keyPath.push_back(key);
        }
        m_bad = std::move(bad);
        return false;
    }

    // A value of the wrong type for `key`. A scalar is read first: if it is not even JSON, that
    // is the fault.
    bool wrongType(ondemand::value& value, json_type type, std::string_view key,
                   std::string_view expected) {
        if (!check(json_line::checkScalar(value, type))) return false;
        return fail("'" + std::string(key) + "' must be " + std::string(expected) + ", got " +
                    json_line::typeNameWithArticle(type));
    }

    // The key of one field, checked against the keys `where` knows; it becomes the last element
    // of the key path.
    bool readKey(ondemand::field& field, Where where, std::string_view list,
                 std::string_view& key) {
        if (!check(field.unescaped_key().get(key))) return false;
        m_path.emplace_back(key);
        for (std::string_view known : keysOf(where)) {
            if (key == known) return true;
        }
        std::string names;
        for (std::string_view known : keysOf(where)) {
            names += (names.empty() ? "" : ", ") + std::string(known);
        }
        return fail("unknown key '" + std::string(key) + "' in " + whereName(where, list) +
                    " (expected " + names + ")");
    }

    // Reads the value of an optional string ("action", "data", "type"): null or a string.
    bool readOptionalString(ondemand::value& value, std::string_view key,
                            std::optional<std::string>& field) {
        json_type type{};
        if (!check(value.type().get(type))) return false;
        field.reset();
        if (type == json_type::null) return check(json_line::checkScalar(value, type));
        if (type != json_type::string) return wrongType(value, type, key, "a string or null");
        std::string_view text;
        if (!check(value.get_string().get(text))) return false;
        field.emplace(text);
        return true;
    }

    bool readRoot(ondemand::object& root) {
        for (auto result : root) {
            ondemand::field field;
            std::string_view key;
            if (!check(std::move(result).get(field)) || !readKey(field, Where::Root, {}, key)) {
                return false;
            }
            ondemand::value value = field.value();
            json_type type{};
            if (!check(value.type().get(type))) return false;
            if (key == "id") {
                if (!readId(value, type)) return false;
            } else if (type == json_type::object) {
                ondemand::object object;
                if (!check(value.get_object().get(object))) return false;
                if (!(key == "filter" ? readFilter(object) : readIntent(object))) return false;
            } else if (type == json_type::null) {
                if (!check(json_line::checkScalar(value, type))) return false;
            } else {
                return wrongType(value, type, key, "an object or null");
            }
            m_path.pop_back();
        }
        return true;
    }

    // The id is any JSON: kept as nlohmann prints it, to be echoed unchanged.
    bool readId(ondemand::value& value, json_type type) {
        std::string_view raw;
        if (type == json_type::array) {
            ondemand::array array;
            if (!check(value.get_array().get(array)) || !check(array.raw_json().get(raw))) {
                return false;
            }
        } else if (type == json_type::object) {
            ondemand::object object;
            if (!check(value.get_object().get(object)) || !check(object.raw_json().get(raw))) {
                return false;
            }
        } else {
            // Read the scalar, not only its token: a value left unread is skipped without being
            // checked, and what follows it with it.
            raw = value.raw_json_token();
            if (!check(json_line::checkScalar(value, type))) return false;
        }
        if (json_line::tooDeep(raw)) return fail(json_line::tooDeepMessage("id"));
        std::optional<std::string> compact = json_line::echo(raw);
        if (!compact) return check(simdjson::INCORRECT_TYPE);
        *m_id = std::move(compact);
        return true;
    }

    // Each member of a filter or intent object: its key checked (readKey pushes it on m_path),
    // then readValue(key, value).
    template <typename ReadValue>
    bool readFields(ondemand::object& object, Where where, ReadValue&& readValue) {
        for (auto result : object) {
            ondemand::field field;
            std::string_view key;
            if (!check(std::move(result).get(field)) || !readKey(field, where, {}, key)) {
                return false;
            }
            ondemand::value value = field.value();
            if (!readValue(key, value)) return false;
            m_path.pop_back();
        }
        return true;
    }

    bool readFilter(ondemand::object& filter) {
        FilterCase& spec = *m_spec;
        return readFields(filter, Where::Filter, [&](std::string_view key, ondemand::value& value) {
            if (key == "priority") return readPriority(value, key);
            if (key == "ssps" || key == "paths") {
                return readPatterns(value, key, key == "ssps" ? spec.ssps : spec.paths);
            }
            if (key == "authorities") return readAuthorities(value, key);
            return readStringList(value, key,
                                  key == "actions"      ? spec.actions
                                  : key == "categories" ? spec.categories
                                  : key == "types"      ? spec.types
                                                        : spec.schemes);
        });
    }

    bool readIntent(ondemand::object& intent) {
        FilterCase& spec = *m_spec;
        return readFields(intent, Where::Intent, [&](std::string_view key, ondemand::value& value) {
            if (key == "categories") return readStringList(value, key, spec.intentCategories);
            return readOptionalString(value, key,
                                      key == "action" ? spec.action
                                      : key == "data" ? spec.data
                                                      : spec.type);
        });
    }

    // It never changes what match() returns, but it must still be an integer.
    bool readPriority(ondemand::value& value, std::string_view key) {
        json_type type{};
        if (!check(value.type().get(type))) return false;
        if (type == json_type::null) return check(json_line::checkScalar(value, type));
        if (type != json_type::number) return wrongType(value, type, key, "an integer or null");
        const std::string_view token = value.raw_json_token();
        if (!check(json_line::checkScalar(value, type))) return false;
        if (token.find_first_of(".eE") != std::string_view::npos) {
            return fail("'" + std::string(key) + "' must be an integer or null, got a number");
        }
        return true;
    }

    // A null or an array; readItem(item, itemType) reads each element. kExpected names the
    // shape in the error.
    template <typename ReadItem>
    bool readArray(ondemand::value& value, std::string_view key, std::string_view expected,
                   ReadItem&& readItem) {
        json_type type{};
        if (!check(value.type().get(type))) return false;
        if (type == json_type::null) return check(json_line::checkScalar(value, type));
        if (type != json_type::array) return wrongType(value, type, key, expected);
        ondemand::array array;
        if (!check(value.get_array().get(array))) return false;
        for (auto result : array) {
            ondemand::value item;
            json_type itemType{};
            if (!check(std::move(result).get(item)) || !check(item.type().get(itemType))) {
                return false;
            }
            if (!readItem(item, itemType)) return false;
        }
        return true;
    }

    bool readStringList(ondemand::value& value, std::string_view key,
                        std::vector<std::string>& list) {
        constexpr std::string_view kExpected = "an array of strings or null";
        list.clear();
        return readArray(value, key, kExpected, [&](ondemand::value& item, json_type itemType) {
            if (itemType != json_type::string) return wrongType(item, itemType, key, kExpected);
            std::string_view text;
            if (!check(item.get_string().get(text))) return false;
            list.emplace_back(text);
            return true;
        });
    }

    bool readPatterns(ondemand::value& value, std::string_view key,
                      std::vector<FilterCasePattern>& list) {
        constexpr std::string_view kExpected = "an array of {\"kind\",\"value\"} or null";
        list.clear();
        return readArray(value, key, kExpected, [&](ondemand::value& item, json_type itemType) {
            if (itemType != json_type::object) return wrongType(item, itemType, key, kExpected);
            ondemand::object entry;
            if (!check(item.get_object().get(entry))) return false;
            FilterCasePattern& pattern = list.emplace_back();
            return readPattern(entry, key, pattern);
        });
    }

    bool readPattern(ondemand::object& entry, std::string_view list, FilterCasePattern& pattern) {
        bool kindSeen = false;
        bool valueSeen = false;
        for (auto result : entry) {
            ondemand::field field;
            std::string_view key;
            if (!check(std::move(result).get(field)) ||
                !readKey(field, Where::Pattern, list, key)) {
                return false;
            }
            ondemand::value value = field.value();
            json_type type{};
            if (!check(value.type().get(type))) return false;
            if (type != json_type::string) {
                if (!check(json_line::checkScalar(value, type))) return false;
                return fail("'" + std::string(list) + "' entries need a string '" +
                            std::string(key) + "'");
            }
            std::string_view text;
            if (!check(value.get_string().get(text))) return false;
            if (key == "kind") {
                const std::optional<PatternKind> kind = patternKindFromName(text);
                if (!kind) {
                    return fail(
                        "'kind' must be literal, prefix, glob, advanced_glob or suffix, got '" +
                        std::string(text) + "'");
                }
                pattern.kind = *kind;
                kindSeen = true;
            } else {
                pattern.value.assign(text);
                valueSeen = true;
            }
            m_path.pop_back();
        }
        // A missing key is about the whole entry: the column points at the list.
        if (!kindSeen) return fail("'" + std::string(list) + "' entries need a string 'kind'");
        if (!valueSeen) return fail("'" + std::string(list) + "' entries need a string 'value'");
        return true;
    }

    bool readAuthorities(ondemand::value& value, std::string_view key) {
        constexpr std::string_view kExpected = "an array of {\"host\",\"port\"} or null";
        std::vector<FilterCaseAuthority>& list = m_spec->authorities;
        list.clear();
        return readArray(value, key, kExpected, [&](ondemand::value& item, json_type itemType) {
            if (itemType != json_type::object) return wrongType(item, itemType, key, kExpected);
            ondemand::object entry;
            if (!check(item.get_object().get(entry))) return false;
            return readAuthority(entry, list.emplace_back());
        });
    }

    bool readAuthority(ondemand::object& entry, FilterCaseAuthority& authority) {
        bool hostSeen = false;
        for (auto result : entry) {
            ondemand::field field;
            std::string_view key;
            if (!check(std::move(result).get(field)) ||
                !readKey(field, Where::Authority, "authorities", key)) {
                return false;
            }
            ondemand::value value = field.value();
            json_type type{};
            if (!check(value.type().get(type))) return false;
            if (key == "host") {
                if (type != json_type::string) {
                    if (!check(json_line::checkScalar(value, type))) return false;
                    return fail("'authorities' entries need a string 'host'");
                }
                std::string_view text;
                if (!check(value.get_string().get(text))) return false;
                authority.host.assign(text);
                hostSeen = true;
            } else if (!readPort(value, type, key, authority.port)) {
                return false;
            }
            m_path.pop_back();
        }
        if (!hostSeen) return fail("'authorities' entries need a string 'host'");
        return true;
    }

    // A number reaches Android as its decimal text, so 80.5 is refused like "80.5".
    bool readPort(ondemand::value& value, json_type type, std::string_view key,
                  std::optional<std::string>& port) {
        port.reset();
        if (type == json_type::null) return check(json_line::checkScalar(value, type));
        if (type == json_type::number) {
            const std::string_view token = value.raw_json_token();
            if (!check(json_line::checkScalar(value, type))) return false;
            port = json_line::numberText(token);
            return true;
        }
        if (type != json_type::string) {
            return wrongType(value, type, key, "a string, a number or null");
        }
        std::string_view text;
        if (!check(value.get_string().get(text))) return false;
        port.emplace(text);
        return true;
    }

    json_line::Reader m_reader;
    FilterCase* m_spec = nullptr;
    std::optional<std::string>* m_id = nullptr;
    std::vector<std::string> m_path;  // the keys from the case down to the current one
    std::optional<BadCase> m_bad;
};

// The column of a key in the raw line, found by following the path of keys ("intent", then
// "categories" after it), so a message about a value points at its key; 1 when not found.
int columnOfKeyPath(std::string_view line, const std::vector<std::string>& keyPath) {
    std::size_t from = 0;
    std::size_t found = std::string_view::npos;
    for (const std::string& key : keyPath) {
        const std::size_t at = line.find("\"" + key + "\"", from);
        if (at == std::string_view::npos) break;
        found = at;
        from = at + 1;
    }
    return found == std::string_view::npos ? 1 : static_cast<int>(found) + 1;
}

// Adds "ssps" or "paths" entries as addDataSchemeSpecificPart / addDataPath do. Returns the
// exception Android throws for the first pattern it refuses, or nullopt.
std::optional<std::string> addPatterns(std::vector<FilterCasePattern>& patterns,
                                       std::vector<PatternMatcher>& out) {
    for (FilterCasePattern& pattern : patterns) {
        std::string exception = androidPatternException(pattern.kind, pattern.value);
        if (!exception.empty()) return exception;
        Result<PatternMatcher> matcher =
            PatternMatcher::create(pattern.kind, std::move(pattern.value));
        if (!matcher) return matcher.error().message;
        out.push_back(std::move(matcher.value()));
    }
    return std::nullopt;
}

// Builds the filter as IntentFilter's add* methods would, in the documented order. Returns the
// exception Android throws for the first value it refuses, or nullopt.
std::optional<std::string> buildFilter(FilterCase& spec, IntentFilter& filter) {
    filter.actions = std::move(spec.actions);
    filter.categories = std::move(spec.categories);
    for (std::string& type : spec.types) {
        if (!validateMimeType(type)) return androidMimeTypeException(type);
        filter.types.push_back(std::move(type));
    }
    filter.schemes = std::move(spec.schemes);
    if (auto refused = addPatterns(spec.ssps, filter.ssps)) return refused;
    for (FilterCaseAuthority& authority : spec.authorities) {
        std::optional<int> port;
        if (authority.port) {
            const Result<int> parsed = parsePort(*authority.port);
            if (!parsed) return androidPortException(*authority.port);
            port = *parsed;
        }
        filter.authorities.push_back({std::move(authority.host), port, {}});
    }
    return addPatterns(spec.paths, filter.paths);
}

// ---- Writing a case (toJsonLine) ------------------------------------------------------------

// A JSON string; bytes that are not UTF-8 become U+FFFD, so that the line is always JSON.
std::string jsonString(std::string_view text) {
    return nlohmann::json(std::string(text))
        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
bool isJsonNumber(std::string_view text) {
    size_t i = 0;
    auto digits = [&] {
        const size_t start = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        return i > start;
    };
    if (i < text.size() && text[i] == '-') ++i;
    if (i < text.size() && text[i] == '0') {
        ++i;
    } else if (!digits()) {
        return false;
    }
    if (i < text.size() && text[i] == '.' && (++i, !digits())) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        if (!digits()) return false;
    }
    return i == text.size();
}

// `[item,...]`, each item as `write` gives it.
template <typename T, typename Write>
std::string jsonArray(const std::vector<T>& items, Write write) {
    std::string out = "[";
    for (const T& item : items) {
        if (out.size() > 1) out += ',';
        out += write(item);
    }
    return out + "]";
}

std::string textJson(const std::string& text) { return jsonString(text); }

std::string patternJson(const FilterCasePattern& pattern) {
    return "{\"kind\":" + jsonString(patternKindName(pattern.kind)) +
           ",\"value\":" + jsonString(pattern.value) + "}";
}

std::string authorityJson(const FilterCaseAuthority& authority) {
    const std::string port = !authority.port                 ? std::string("null")
                             : isJsonNumber(*authority.port) ? *authority.port
                                                             : jsonString(*authority.port);
    return "{\"host\":" + jsonString(authority.host) + ",\"port\":" + port + "}";
}

// The filter's non-empty lists, in the order of the format.
std::string filterJson(const FilterCase& testCase) {
    std::string out;
    const auto add = [&](std::string_view key, const auto& items, auto write) {
        if (items.empty()) return;
        out += (out.empty() ? "" : ",") + jsonString(key) + ":" + jsonArray(items, write);
    };
    add("actions", testCase.actions, textJson);
    add("categories", testCase.categories, textJson);
    add("types", testCase.types, textJson);
    add("schemes", testCase.schemes, textJson);
    add("ssps", testCase.ssps, patternJson);
    add("authorities", testCase.authorities, authorityJson);
    add("paths", testCase.paths, patternJson);
    return "{" + out + "}";
}

// Every key of the intent, null when absent.
std::string intentJson(const FilterCase& testCase) {
    const auto orNull = [](const std::optional<std::string>& value) {
        return value ? jsonString(*value) : std::string("null");
    };
    const std::string categories = testCase.intentCategories.empty()
                                       ? std::string("null")
                                       : jsonArray(testCase.intentCategories, textJson);
    return "{\"action\":" + orNull(testCase.action) + ",\"categories\":" + categories +
           ",\"data\":" + orNull(testCase.data) + ",\"type\":" + orNull(testCase.type) + "}";
}

}  // namespace

std::string toJsonLine(const FilterCase& testCase, const std::optional<std::string>& id) {
    std::string out = "{";
    if (id) out += "\"id\":" + *id + ",";
    return out + "\"filter\":" + filterJson(testCase) + ",\"intent\":" + intentJson(testCase) + "}";
}

Result<FilterCase> parseFilterCase(std::string_view line, const std::string& sourceName,
                                   int lineNumber, std::optional<std::string>* id) {
    FilterCase testCase;
    std::optional<std::string> idJson;
    // One reader a thread, reused: its parser, buffer and key path keep their capacity from line
    // to line instead of being allocated again for every case.
    thread_local CaseReader reader;
    std::optional<BadCase> bad = reader.read(line, testCase, idJson);
    if (id != nullptr) *id = std::move(idJson);
    if (!bad) return testCase;
    // A line that is not JSON is refused for that, wherever its first JSON fault is: the reader
    // stops at the first fault it meets, and simdjson meets some (a bad byte, an unclosed string)
    // before reading anything, others only when it gets there.
    std::optional<json_line::Fault> fault = json_line::locateFault(line);
    if (bad->json && !fault) fault = json_line::simdjsonFault(bad->jsonError);
    if (fault) {
        return makeError(SourceLocation{sourceName, lineNumber, fault->column}, fault->message);
    }
    return makeError(SourceLocation{sourceName, lineNumber, columnOfKeyPath(line, bad->keyPath)},
                     std::move(bad->message));
}

FilterCaseBuild buildFilterCase(FilterCase testCase) {
    FilterCaseBuild built;
    built.intent.action = std::move(testCase.action);
    for (std::string& category : testCase.intentCategories) {
        built.intent.addCategory(std::move(category));
    }
    if (testCase.data) built.intent.data = Uri::parse(*testCase.data);
    built.intent.type = std::move(testCase.type);
    built.androidError = buildFilter(testCase, built.filter);
    return built;
}

}  // namespace hearth

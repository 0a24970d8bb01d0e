// The conformance case format (hearth/filter_case.h): a SAX reader that checks a case's shape as
// its keys arrive, and the build that applies Android's checks in Android's order.

#include <hearth/filter_case.h>
#include <hearth/json_error.h>
#include <hearth/uri.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hearth {
namespace {

using Json = nlohmann::json;

/// Why a line is not a case, and where: a column from the JSON parser, or the path of keys to
/// point the column at.
struct BadCase {
    std::string message;
    std::vector<std::string> keyPath;
    int column = 0;
};

/// Reads one case with nlohmann's SAX interface: no document is built, keys are dispatched as they
/// arrive, and the first thing that does not fit the format stops the parse with a BadCase.
class CaseReader {
  public:
    /// Reads `line` into spec (and the "id", if any, into id).
    std::optional<BadCase> read(std::string_view line, FilterCase& spec, std::optional<Json>& id) {
        m_spec = &spec;
        m_id = &id;
        m_frames.clear();
        m_keys.clear();
        m_bad.reset();
        m_captured.clear();
        const bool parsed = Json::sax_parse(line.begin(), line.end(), this);
        if (!parsed && !m_bad) m_bad = BadCase{"invalid JSON", {}, 1};
        return std::move(m_bad);
    }

    // The nlohmann SAX interface.
    bool null() {
        return scalar(Found::Null, nullptr, [] { return Json(nullptr); });
    }
    bool boolean(bool value) {
        return scalar(Found::Boolean, nullptr, [value] { return Json(value); });
    }
    bool number_integer(Json::number_integer_t value) {
        std::string text = std::to_string(value);
        return scalar(Found::Number, &text, [value] { return Json(value); });
    }
    bool number_unsigned(Json::number_unsigned_t value) {
        std::string text = std::to_string(value);
        return scalar(Found::Number, &text, [value] { return Json(value); });
    }
    bool number_float(Json::number_float_t value, const std::string& raw) {
        std::string text = raw;
        return scalar(Found::Number, &text, [value] { return Json(value); });
    }
    bool string(std::string& value) {
        return scalar(Found::String, &value, [&value] { return Json(value); });
    }
    bool binary(Json::binary_t&) { return fail("binary values are not JSON"); }
    bool start_object(std::size_t) { return open(Found::Object); }
    bool start_array(std::size_t) { return open(Found::Array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& name) {
        if (m_frames.back() == Frame::Capture) {
            m_captureKey = name;
            return true;
        }
        const std::span<const std::string_view> allowed = keysOf(m_frames.back());
        for (std::string_view known : allowed) {
            if (name == known) {
                m_keys.back() = name;
                return true;
            }
        }
        std::string list;
        for (std::string_view known : allowed) {
            list += (list.empty() ? "" : ", ") + std::string(known);
        }
        m_keys.back() = name;
        return fail("unknown key '" + name + "' in " + whereName(m_frames.back()) + " (expected " +
                    list + ")");
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) {
        m_bad = BadCase{describeJsonParseError(error.what()),
                        {},
                        static_cast<int>(position == 0 ? 1 : position)};
        return false;
    }

  private:
    enum class Frame {
        Root,
        Filter,
        Intent,
        StringList,
        PatternList,
        PatternEntry,
        AuthorityList,
        AuthorityEntry,
        Capture,
    };
    enum class Found { Null, Boolean, Number, String, Object, Array };

    static const char* foundName(Found found) {
        switch (found) {
            case Found::Null:
                return "null";
            case Found::Boolean:
                return "a boolean";
            case Found::Number:
                return "a number";
            case Found::String:
                return "a string";
            case Found::Object:
                return "an object";
            case Found::Array:
                return "an array";
        }
        return "a value";
    }

    static std::span<const std::string_view> keysOf(Frame frame) {
        static constexpr std::string_view kRoot[] = {"id", "filter", "intent"};
        static constexpr std::string_view kFilter[] = {"actions", "categories", "types",
                                                       "schemes", "ssps",       "authorities",
                                                       "paths",   "priority"};
        static constexpr std::string_view kIntent[] = {"action", "categories", "data", "type"};
        static constexpr std::string_view kPattern[] = {"kind", "value"};
        static constexpr std::string_view kAuthority[] = {"host", "port"};
        switch (frame) {
            case Frame::Root:
                return kRoot;
            case Frame::Filter:
                return kFilter;
            case Frame::Intent:
                return kIntent;
            case Frame::PatternEntry:
                return kPattern;
            case Frame::AuthorityEntry:
                return kAuthority;
            default:
                return {};
        }
    }

    std::string whereName(Frame frame) const {
        switch (frame) {
            case Frame::Root:
                return "the case";
            case Frame::Filter:
                return "'filter'";
            case Frame::Intent:
                return "'intent'";
            default:
                return "'" + listKey() + "'";
        }
    }

    // The key of the list the innermost entry belongs to ("ssps", "paths", "authorities").
    std::string listKey() const {
        for (std::size_t i = m_frames.size(); i-- > 0;) {
            if (m_frames[i] == Frame::PatternList || m_frames[i] == Frame::AuthorityList) {
                return m_keys[i - 1];
            }
        }
        return {};
    }

    bool fail(std::string message) {
        BadCase bad{std::move(message), {}, 0};
        for (const std::string& key : m_keys) {
            if (!key.empty()) bad.keyPath.push_back(key);
        }
        m_bad = std::move(bad);
        return false;
    }

    bool wrongType(std::string_view key, std::string_view expected, Found found) {
        return fail("'" + std::string(key) + "' must be " + std::string(expected) + ", got " +
                    foundName(found));
    }

    void push(Frame frame) {
        m_frames.push_back(frame);
        m_keys.emplace_back();
    }

    // A start_object/start_array: either the value of the current key, or an id being captured.
    bool open(Found found) {
        if (m_frames.empty()) {
            if (found != Found::Object) {
                return fail(std::string("a case must be a JSON object, got ") + foundName(found));
            }
            push(Frame::Root);
            return true;
        }
        if (m_frames.back() == Frame::Capture)
            return captureValue(found == Found::Object ? Json::object() : Json::array(), true);
        return value(found, nullptr,
                     [found] { return found == Found::Object ? Json::object() : Json::array(); });
    }

    bool close() {
        if (m_frames.back() == Frame::Capture) {
            m_captured.pop_back();
            if (m_captured.empty()) {
                m_frames.pop_back();
                m_keys.pop_back();
            }
            return true;
        }
        const Frame frame = m_frames.back();
        // A missing key is about the whole entry: point at the list, not at the entry's last key.
        m_keys.back().clear();
        if (frame == Frame::PatternEntry) {
            if (!m_kindSeen) return fail("'" + listKey() + "' entries need a string 'kind'");
            if (!m_valueSeen) return fail("'" + listKey() + "' entries need a string 'value'");
        }
        if (frame == Frame::AuthorityEntry && !m_hostSeen) {
            return fail("'authorities' entries need a string 'host'");
        }
        m_frames.pop_back();
        m_keys.pop_back();
        return true;
    }

    template <typename MakeJson>
    bool scalar(Found found, std::string* text, MakeJson&& make) {
        if (m_frames.empty()) {
            return fail(std::string("a case must be a JSON object, got ") + foundName(found));
        }
        if (m_frames.back() == Frame::Capture) return captureValue(make(), false);
        return value(found, text, make);
    }

    // Builds an "id" that is an object or array, to echo it unchanged.
    bool captureValue(Json item, bool opens) {
        Json* parent = m_captured.back();
        Json* placed = nullptr;
        if (parent->is_array()) {
            parent->push_back(std::move(item));
            placed = &parent->back();
        } else {
            placed = &((*parent)[m_captureKey] = std::move(item));
        }
        if (opens) m_captured.push_back(placed);
        return true;
    }

    // One value (scalar, or the start of an object or array) for the current key or list.
    template <typename MakeJson>
    bool value(Found found, std::string* text, MakeJson&& make) {
        FilterCase& spec = *m_spec;
        const Frame frame = m_frames.back();
        const std::string& key = m_keys.back();
        switch (frame) {
            case Frame::Root:
                if (key == "id") {
                    *m_id = make();
                    if (found == Found::Object || found == Found::Array) {
                        push(Frame::Capture);
                        m_captured.assign(1, &**m_id);
                    }
                    return true;
                }
                if (found == Found::Null) return true;
                if (found != Found::Object) return wrongType(key, "an object or null", found);
                push(key == "filter" ? Frame::Filter : Frame::Intent);
                return true;
            case Frame::Filter:
                if (key == "priority") {
                    // It never changes what match() returns, but it must still be a number.
                    if (found == Found::Null) return true;
                    if (found != Found::Number || text->find_first_of(".eE") != std::string::npos) {
                        return wrongType(key, "an integer or null", found);
                    }
                    return true;
                }
                if (key == "ssps" || key == "paths") {
                    (key == "ssps" ? spec.ssps : spec.paths).clear();
                    if (found == Found::Null) return true;
                    if (found != Found::Array) {
                        return wrongType(key, "an array of {\"kind\",\"value\"} or null", found);
                    }
                    push(Frame::PatternList);
                    return true;
                }
                if (key == "authorities") {
                    spec.authorities.clear();
                    if (found == Found::Null) return true;
                    if (found != Found::Array) {
                        return wrongType(key, "an array of {\"host\",\"port\"} or null", found);
                    }
                    push(Frame::AuthorityList);
                    return true;
                }
                return startStringList(key, found);
            case Frame::Intent:
                if (key == "categories") return startStringList(key, found);
                if (found != Found::Null && found != Found::String) {
                    return wrongType(key, "a string or null", found);
                }
                {
                    std::optional<std::string>& field = key == "action" ? spec.action
                                                        : key == "data" ? spec.data
                                                                        : spec.type;
                    field.reset();
                    if (found == Found::String) field = std::move(*text);
                }
                return true;
            case Frame::StringList:
                if (found != Found::String) {
                    return wrongType(m_keys[m_keys.size() - 2], "an array of strings or null",
                                     found);
                }
                m_stringList->push_back(std::move(*text));
                return true;
            case Frame::PatternList:
                if (found != Found::Object) {
                    return wrongType(m_keys[m_keys.size() - 2],
                                     "an array of {\"kind\",\"value\"} or null", found);
                }
                m_patternList = m_keys[m_keys.size() - 2] == "ssps" ? &spec.ssps : &spec.paths;
                m_patternList->push_back({PatternKind::Literal, {}});
                m_kindSeen = m_valueSeen = false;
                push(Frame::PatternEntry);
                return true;
            case Frame::PatternEntry:
                if (key == "kind") {
                    if (found != Found::String) {
                        return fail("'" + listKey() + "' entries need a string 'kind'");
                    }
                    const std::optional<PatternKind> kind = patternKindFromName(*text);
                    if (!kind) {
                        return fail(
                            "'kind' must be literal, prefix, glob, advanced_glob or suffix, got '" +
                            *text + "'");
                    }
                    m_patternList->back().kind = *kind;
                    m_kindSeen = true;
                } else {
                    if (found != Found::String) {
                        return fail("'" + listKey() + "' entries need a string 'value'");
                    }
                    m_patternList->back().value = std::move(*text);
                    m_valueSeen = true;
                }
                return true;
            case Frame::AuthorityList:
                if (found != Found::Object) {
                    return wrongType("authorities", "an array of {\"host\",\"port\"} or null",
                                     found);
                }
                spec.authorities.push_back({});
                m_hostSeen = false;
                push(Frame::AuthorityEntry);
                return true;
            case Frame::AuthorityEntry:
                if (key == "host") {
                    if (found != Found::String) {
                        return fail("'authorities' entries need a string 'host'");
                    }
                    spec.authorities.back().host = std::move(*text);
                    m_hostSeen = true;
                    return true;
                }
                spec.authorities.back().port.reset();
                if (found == Found::Null) return true;
                // A number reaches Android as its decimal text, so 80.5 is refused like "80.5".
                if (found != Found::String && found != Found::Number) {
                    return wrongType(key, "a string, a number or null", found);
                }
                spec.authorities.back().port = std::move(*text);
                return true;
            case Frame::Capture:
                break;
        }
        return true;
    }

    bool startStringList(const std::string& key, Found found) {
        FilterCase& spec = *m_spec;
        std::vector<std::string>* list = nullptr;
        if (m_frames.back() == Frame::Intent) {
            list = &spec.intentCategories;
        } else {
            list = key == "actions"      ? &spec.actions
                   : key == "categories" ? &spec.categories
                   : key == "types"      ? &spec.types
                                         : &spec.schemes;
        }
        list->clear();
        if (found == Found::Null) return true;
        if (found != Found::Array) return wrongType(key, "an array of strings or null", found);
        m_stringList = list;
        push(Frame::StringList);
        return true;
    }

    FilterCase* m_spec = nullptr;
    std::optional<Json>* m_id = nullptr;
    std::vector<Frame> m_frames;
    std::vector<std::string> m_keys;  // the current key of each frame
    std::optional<BadCase> m_bad;
    std::vector<std::string>* m_stringList = nullptr;
    std::vector<FilterCasePattern>* m_patternList = nullptr;
    bool m_kindSeen = false;
    bool m_valueSeen = false;
    bool m_hostSeen = false;
    std::vector<Json*> m_captured;
    std::string m_captureKey;
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

}  // namespace

Result<FilterCase> parseFilterCase(std::string_view line, const std::string& sourceName,
                                   int lineNumber, std::optional<std::string>* id) {
    FilterCase testCase;
    std::optional<Json> idJson;
    // One reader a thread, reused: its stacks keep their capacity from line to line instead of
    // being allocated again for every case (2% of `hearth filter-match`'s instructions).
    thread_local CaseReader reader;
    std::optional<BadCase> bad = reader.read(line, testCase, idJson);
    if (id != nullptr) {
        id->reset();
        if (idJson) *id = idJson->dump(-1, ' ', false, Json::error_handler_t::replace);
    }
    if (bad) {
        const int column = bad->column > 0 ? bad->column : columnOfKeyPath(line, bad->keyPath);
        return makeError(SourceLocation{sourceName, lineNumber, column}, std::move(bad->message));
    }
    return testCase;
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

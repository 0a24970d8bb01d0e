// JSON positions (json_positions.h): a second, forgiving scan over text nlohmann has accepted,
// recording where each key and value starts.

#include "json_positions.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>

namespace hearth::detail {

namespace {

using Json = nlohmann::json;

size_t skipSpaceAndComments(std::string_view text, size_t i) {
    while (i < text.size()) {
        const char c = text[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
            // nlohmann ends a line comment at either line break.
            while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
        } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
            const size_t end = text.find("*/", i + 2);
            i = end == std::string_view::npos ? text.size() : end + 2;
        } else {
            break;
        }
    }
    return i;
}

size_t skipString(std::string_view text, size_t i) {
    // i is at the opening quote; returns the index after the closing quote.
    ++i;
    while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
    return std::min(i + 1, text.size());
}

}  // namespace

std::optional<size_t> findExcessiveNesting(std::string_view text, int maxDepth) {
    int depth = 0;
    size_t i = 0;
    while (i < text.size()) {
        i = skipSpaceAndComments(text, i);
        if (i >= text.size()) break;
        const char c = text[i];
        if (c == '"') {
            i = skipString(text, i);
            continue;
        }
        if (c == '{' || c == '[') {
            if (++depth > maxDepth) return i;
        } else if (c == '}' || c == ']') {
            --depth;
        }
        ++i;
    }
    return std::nullopt;
}

namespace {

std::string escapePointerToken(const std::string& key) {
    std::string out;
    for (char c : key) {
        if (c == '~') {
            out += "~0";
        } else if (c == '/') {
            out += "~1";
        } else {
            out += c;
        }
    }
    return out;
}

class SpanScanner {
  public:
    explicit SpanScanner(std::string_view text) : m_text(text) {}

    JsonSpans scan() {
        size_t i = 0;
        scanValue(i, "");
        return std::move(m_spans);
    }

  private:
    void scanValue(size_t& i, const std::string& pointer) {
        i = skipSpaceAndComments(m_text, i);
        if (i >= m_text.size()) return;
        m_spans.values.emplace(pointer, i);
        const char c = m_text[i];
        if (c == '{') {
            ++i;
            std::set<std::string> seen;
            while (true) {
                i = skipSpaceAndComments(m_text, i);
                if (i >= m_text.size()) return;
                if (m_text[i] == '}') {
                    ++i;
                    return;
                }
                if (m_text[i] == ',') {
                    ++i;
                    continue;
                }
                const size_t keyStart = i;
                i = skipString(m_text, i);
                std::string key = decodeKey(m_text.substr(keyStart, i - keyStart));
                const std::string child = pointer + "/" + escapePointerToken(key);
                if (!seen.insert(key).second && !m_spans.firstDuplicate) {
                    m_spans.firstDuplicate = JsonSpans::Duplicate{key, keyStart};
                }
                m_spans.keys.emplace(child, keyStart);
                i = skipSpaceAndComments(m_text, i);
                if (i < m_text.size() && m_text[i] == ':') ++i;
                scanValue(i, child);
            }
        }
        if (c == '[') {
            ++i;
            size_t index = 0;
            while (true) {
                i = skipSpaceAndComments(m_text, i);
                if (i >= m_text.size()) return;
                if (m_text[i] == ']') {
                    ++i;
                    return;
                }
                if (m_text[i] == ',') {
                    ++i;
                    continue;
                }
                scanValue(i, pointer + "/" + std::to_string(index++));
            }
        }
        if (c == '"') {
            i = skipString(m_text, i);
            return;
        }
        const size_t start = i;
        while (i < m_text.size() &&
               std::string_view(",}] \t\r\n/").find(m_text[i]) == std::string_view::npos) {
            ++i;
        }
        // The text passed nlohmann's parser, so this only guards against a disagreement between
        // the two scanners: always make progress.
        if (i == start) ++i;
    }

    static std::string decodeKey(std::string_view quoted) {
        try {
            return Json::parse(quoted).get<std::string>();
        } catch (const Json::exception&) {
            return std::string(quoted);
        }
    }

    std::string_view m_text;
    JsonSpans m_spans;
};

}  // namespace

JsonSpans scanJsonSpans(std::string_view text) { return SpanScanner(text).scan(); }

std::string jsonChild(const std::string& pointer, const std::string& key) {
    return pointer + "/" + escapePointerToken(key);
}

std::string jsonChild(const std::string& pointer, size_t index) {
    return pointer + "/" + std::to_string(index);
}

std::string jsonDisplayName(const std::string& pointer) {
    std::string out;
    size_t i = 0;
    while (i < pointer.size()) {
        const size_t next = pointer.find('/', i + 1);
        std::string token =
            pointer.substr(i + 1, next == std::string::npos ? std::string::npos : next - i - 1);
        const bool index =
            !token.empty() && std::all_of(token.begin(), token.end(),
                                          [](unsigned char ch) { return std::isdigit(ch) != 0; });
        if (index) {
            out += "[" + token + "]";
        } else {
            if (!out.empty()) out += ".";
            out += token;
        }
        if (next == std::string::npos) break;
        i = next;
    }
    return out;
}

}  // namespace hearth::detail

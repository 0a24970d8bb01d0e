#include "capture_text.h"

#include <hearth/pattern_matcher.h>

#include <limits>

namespace hearth::detail {

std::optional<std::string_view> LineCursor::next() {
    if (m_pos >= m_text.size()) return std::nullopt;
    const size_t end = m_text.find('\n', m_pos);
    std::string_view line = m_text.substr(
        m_pos, end == std::string_view::npos ? std::string_view::npos : end - m_pos);
    m_pos = end == std::string_view::npos ? m_text.size() : end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++m_line;
    return line;
}

size_t indentOf(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    return i;
}

std::optional<int64_t> parseDecimal(std::string_view text) {
    if (text.empty()) return std::nullopt;
    size_t i = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') {
        negative = text[0] == '-';
        i = 1;
    }
    if (i >= text.size()) return std::nullopt;
    int64_t value = 0;
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        if (value > (std::numeric_limits<int64_t>::max() - 9) / 10) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return negative ? -value : value;
}

std::optional<int64_t> parseHex(std::string_view text) {
    if (startsWith(text, "0x") || startsWith(text, "0X")) text.remove_prefix(2);
    if (text.empty() || text.size() > 15) return std::nullopt;
    int64_t value = 0;
    for (char c : text) {
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        if (c >= 'a' && c <= 'f') digit = 10 + c - 'a';
        if (c >= 'A' && c <= 'F') digit = 10 + c - 'A';
        if (digit < 0) return std::nullopt;
        value = value * 16 + digit;
    }
    return value;
}

Result<void> checkNotBinary(std::string_view text, const std::string& sourceName,
                            std::string_view what) {
    const size_t nul = text.find('\0');
    if (nul == std::string_view::npos) return ok();
    int line = 1;
    size_t lineStart = 0;
    for (size_t i = 0; i < nul; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return makeError(SourceLocation{sourceName, line, static_cast<int>(nul - lineStart) + 1},
                     "binary data (a NUL byte), not " + std::string(what));
}

namespace {

// `"text"` → text; a value without quotes is taken as it is.
std::string unquote(std::string_view value) {
    value = text::trim(value);
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
    }
    return std::string(value);
}

// `"PatternMatcher{LITERAL: /x}"` → a PatternMatcher; nullopt when the shape is unknown.
std::optional<PatternMatcher> patternFromDump(std::string_view value) {
    std::string text = unquote(value);
    std::string_view view(text);
    if (!startsWith(view, "PatternMatcher{") || view.back() != '}') return std::nullopt;
    view = view.substr(15, view.size() - 16);
    const size_t colon = view.find(": ");
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view kindName = view.substr(0, colon);
    PatternKind kind;
    if (kindName == "LITERAL") {
        kind = PatternKind::Literal;
    } else if (kindName == "PREFIX") {
        kind = PatternKind::Prefix;
    } else if (kindName == "GLOB") {
        kind = PatternKind::SimpleGlob;
    } else if (kindName == "ADVANCED_GLOB") {
        kind = PatternKind::AdvancedGlob;
    } else if (kindName == "SUFFIX") {
        kind = PatternKind::Suffix;
    } else {
        return std::nullopt;
    }
    Result<PatternMatcher> matcher =
        PatternMatcher::create(kind, std::string(view.substr(colon + 2)));
    if (!matcher) return std::nullopt;
    return std::move(matcher).value();
}

// IntentFilter keeps "image/*" as the partial type "image" and dumps it that way.
std::string typeFromDump(std::string type) {
    if (type == "*") return "*/*";
    if (type.find('/') == std::string::npos) return type + "/*";
    return type;
}

}  // namespace

bool readFilterBodyLine(std::string_view line, IntentFilter& filter) {
    auto value = [&](std::string_view key) -> std::optional<std::string_view> {
        if (!startsWith(line, key)) return std::nullopt;
        return line.substr(key.size());
    };
    if (auto v = value("Action: ")) {
        filter.actions.push_back(unquote(*v));
    } else if (auto v = value("Category: ")) {
        filter.categories.push_back(unquote(*v));
    } else if (auto v = value("Scheme: ")) {
        filter.schemes.push_back(unquote(*v));
    } else if (auto v = value("Authority: ")) {
        // `"host": port` and, for a wildcard host, a trailing ` WILD`.
        std::string_view rest = text::trim(*v);
        if (rest.size() >= 5 && rest.substr(rest.size() - 5) == " WILD") {
            rest = text::trim(rest.substr(0, rest.size() - 5));
        }
        const size_t split = rest.rfind(": ");
        if (split == std::string_view::npos) return false;
        FilterAuthority authority;
        authority.host = unquote(rest.substr(0, split));
        const std::optional<int64_t> port = parseDecimal(text::trim(rest.substr(split + 2)));
        if (!port) return false;
        if (*port >= 0 && *port <= 65535) authority.port = static_cast<int>(*port);
        filter.authorities.push_back(std::move(authority));
    } else if (auto v = value("Path: ")) {
        std::optional<PatternMatcher> pattern = patternFromDump(*v);
        if (!pattern) return false;
        filter.paths.push_back(std::move(*pattern));
    } else if (auto v = value("Ssp: ") ? value("Ssp: ") : value("SchemeSsp: ")) {
        std::optional<PatternMatcher> pattern = patternFromDump(*v);
        if (!pattern) return false;
        filter.ssps.push_back(std::move(*pattern));
    } else if (auto v = value("Type: ") ? value("Type: ")
                        : value("StaticType: ") ? value("StaticType: ")
                                                 : value("DynamicType: ")) {
        filter.types.push_back(typeFromDump(unquote(*v)));
    } else if (auto v = value("MimeGroup: ")) {
        filter.mimeGroups.push_back(unquote(*v));
    } else if (auto v = value("AutoVerify=")) {
        filter.autoVerify = text::trim(*v) == "true";
    } else if (startsWith(line, "mPriority=")) {
        // "mPriority=50, mOrder=0, mHasPartialTypes=false" (12+: mHasStaticPartialTypes=...).
        size_t pos = 0;
        while (pos < line.size()) {
            size_t end = line.find(',', pos);
            if (end == std::string_view::npos) end = line.size();
            const std::string_view item = text::trim(line.substr(pos, end - pos));
            const size_t eq = item.find('=');
            if (eq != std::string_view::npos) {
                const std::string_view key = item.substr(0, eq);
                const std::optional<int64_t> number = parseDecimal(item.substr(eq + 1));
                if (number && *number >= INT32_MIN && *number <= INT32_MAX) {
                    if (key == "mPriority") filter.priority = static_cast<int>(*number);
                    if (key == "mOrder") filter.order = static_cast<int>(*number);
                }
            }
            pos = end + 1;
        }
    } else {
        return false;
    }
    return true;
}

}  // namespace hearth::detail

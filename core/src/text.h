#pragma once
// Small text helpers shared by the core: numbers and names as the reports print them, and
// trimming. Java-compatible UTF-8/UTF-16 helpers (isAscii, equalsIgnoreCase, appendUtf8) are in
// unicode.h; byte offsets to line and column in line_index.h.

#include <hearth/component_name.h>

#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::text {

/// "0x508000", as Integer.toHexString prints it after "0x" (negative values as their 32-bit
/// pattern).
inline std::string hex(int value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%x", static_cast<unsigned>(value));
    return buffer;
}

/// "VIEW" for "android.intent.action.VIEW", "DEFAULT" for "android.intent.category.DEFAULT";
/// other names unchanged.
inline std::string shortName(std::string_view name) {
    for (std::string_view prefix : {"android.intent.action.", "android.intent.category."}) {
        if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix) {
            return std::string(name.substr(prefix.size()));
        }
    }
    return std::string(name);
}

/// "HOME" for "android.intent.category.HOME"; anything else (actions included) unchanged.
inline std::string shortCategory(std::string_view category) {
    constexpr std::string_view kPrefix = "android.intent.category.";
    if (category.substr(0, kPrefix.size()) == kPrefix) {
        return std::string(category.substr(kPrefix.size()));
    }
    return std::string(category);
}

/// "com.a/.Home, com.b/.Launcher": the short forms, comma-separated.
inline std::string joinComponents(const std::vector<ComponentName>& components) {
    std::string out;
    for (const ComponentName& component : components) {
        if (!out.empty()) out += ", ";
        out += component.flattenToShortString();
    }
    return out;
}

/// "C-3: top two differ in priority (0 > -1000)": a reason as the reports print it, after the rule
/// that decided it (reasons never repeat their rule, see ResolveResult::reason); the reason alone
/// when there is no rule.
inline std::string citeRule(std::string_view rule, std::string_view reason) {
    return rule.empty() ? std::string(reason) : std::string(rule) + ": " + std::string(reason);
}

/// 'name', as messages quote names.
inline std::string inQuotes(std::string_view text) { return "'" + std::string(text) + "'"; }

/// <tag>, as messages name elements.
inline std::string tagText(std::string_view tag) { return "<" + std::string(tag) + ">"; }

/// The text with its first letter lower-cased (system messages start upper-case; ours do not).
inline std::string lowerFirst(std::string text) {
    if (!text.empty()) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

/// The text without leading and trailing spaces, tabs, carriage returns and newlines (a view
/// into the same text).
inline std::string_view trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n";
    const size_t begin = text.find_first_not_of(kSpace);
    if (begin == std::string_view::npos) return {};
    const size_t end = text.find_last_not_of(kSpace);
    return text.substr(begin, end - begin + 1);
}

}  // namespace hearth::text

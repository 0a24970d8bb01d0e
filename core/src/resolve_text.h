#pragma once
// Small text helpers shared by the resolver's explanations and the reports.

#include <cstdio>
#include <string>
#include <string_view>

namespace hearth::text {

/// "0x508000", as Integer.toHexString prints it (negative values as their 32-bit pattern).
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

}  // namespace hearth::text

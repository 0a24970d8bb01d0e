#pragma once
// ComponentName: a package plus a fully qualified class, as android.content.ComponentName.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace hearth {

struct ComponentName {
    std::string packageName;
    std::string className;  ///< always fully qualified

    /// "pkg/.Cls" when the class starts with "pkg.", else "pkg/full.Class" (flattenToShortString).
    std::string flattenToShortString() const;
    /// "pkg/full.Class".
    std::string flattenToString() const { return packageName + "/" + className; }
    /// Parses "pkg/Cls" or "pkg/.Cls" (unflattenFromString); nullopt when there is no '/' or a
    /// side is empty.
    static std::optional<ComponentName> unflatten(std::string_view text);

    auto operator<=>(const ComponentName&) const = default;
};

}  // namespace hearth

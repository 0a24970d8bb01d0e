#include <hearth/component_name.h>

namespace hearth {

std::string ComponentName::flattenToShortString() const {
    if (className.size() > packageName.size() && className.compare(0, packageName.size(), packageName) == 0 &&
        className[packageName.size()] == '.') {
        return packageName + "/" + className.substr(packageName.size());
    }
    return packageName + "/" + className;
}

std::optional<ComponentName> ComponentName::unflatten(std::string_view text) {
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= text.size()) return std::nullopt;
    ComponentName name;
    name.packageName = std::string(text.substr(0, slash));
    std::string_view cls = text.substr(slash + 1);
    // unflattenFromString: a class starting with '.' is relative to the package.
    name.className = cls.front() == '.' ? name.packageName + std::string(cls) : std::string(cls);
    return name;
}

}  // namespace hearth

#include <hearth/manifest.h>

namespace hearth {

const char* componentKindName(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Activity: return "activity";
        case ComponentKind::ActivityAlias: return "activity-alias";
        case ComponentKind::Service: return "service";
        case ComponentKind::Receiver: return "receiver";
        case ComponentKind::Provider: return "provider";
    }
    return "activity";
}

std::optional<ComponentKind> componentKindFromName(std::string_view name) {
    for (ComponentKind kind : {ComponentKind::Activity, ComponentKind::ActivityAlias,
                               ComponentKind::Service, ComponentKind::Receiver,
                               ComponentKind::Provider}) {
        if (name == componentKindName(kind)) return kind;
    }
    return std::nullopt;
}

const Component* Manifest::findComponent(std::string_view className) const {
    for (const Component& component : components) {
        if (component.name == className) return &component;
    }
    return nullptr;
}

bool Manifest::requestsPermission(std::string_view permission) const {
    for (const UsesPermission& uses : usesPermissions) {
        if (uses.name == permission) return true;
    }
    return false;
}

int Manifest::effectiveMinSdk() const { return minSdk.value_or(1); }

int Manifest::effectiveTargetSdk() const {
    if (targetSdk) return *targetSdk;
    return usesSdk ? effectiveMinSdk() : 0;
}

std::optional<std::string> QueriesIntent::dataUri() const {
    // Uri.Builder().scheme(s).authority(host).path("/*"): no "//" without an authority.
    if (scheme) return *scheme + ":" + (host ? "//" + *host : std::string()) + "/*";
    if (mimeType) return std::string("content://*/*");
    return std::nullopt;
}

Intent QueriesIntent::probe() const {
    Intent intent;
    intent.action = action;
    for (const std::string& category : categories) intent.addCategory(category);
    if (std::optional<std::string> uri = dataUri()) intent.data = Uri::parse(*uri);
    intent.type = mimeType;
    return intent;
}

std::string expandClassName(std::string_view packageName, std::string_view className) {
    // PackageParser.buildClassName: a leading '.' or no dot at all means relative to the package.
    const bool relative = className.empty() || className.front() == '.' ||
                          className.find('.') == std::string_view::npos;
    if (!relative) return std::string(className);
    const bool needsDot = !className.empty() && className.front() != '.';
    std::string out;
    out.reserve(packageName.size() + (needsDot ? 1 : 0) + className.size());
    out.append(packageName);
    if (needsDot) out += '.';
    out.append(className);
    return out;
}

}  // namespace hearth

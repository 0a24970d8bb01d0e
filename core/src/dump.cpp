#include <hearth/component_name.h>
#include <hearth/dump.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace hearth {
namespace {

// Keys stay in the order written here, which reads better than alphabetical.
using json = nlohmann::ordered_json;

json optionalString(const std::optional<std::string>& value) {
    return value ? json(*value) : json(nullptr);
}

json optionalInt(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

json patternsJson(const std::vector<PatternMatcher>& patterns) {
    json out = json::array();
    for (const PatternMatcher& pattern : patterns) {
        out.push_back({{"kind", patternKindName(pattern.kind())}, {"value", pattern.pattern()}});
    }
    return out;
}

json filterJson(const IntentFilter& filter) {
    json authorities = json::array();
    for (const FilterAuthority& authority : filter.authorities) {
        authorities.push_back({{"host", authority.host}, {"port", optionalInt(authority.port)}});
    }
    json data = {{"schemes", filter.schemes},
                 {"authorities", std::move(authorities)},
                 {"paths", patternsJson(filter.paths)},
                 {"ssps", patternsJson(filter.ssps)},
                 {"types", filter.types},
                 {"mimeGroups", filter.mimeGroups}};
    return {{"line", filter.where.line},       {"column", filter.where.column},
            {"priority", filter.priority},     {"order", filter.order},
            {"autoVerify", filter.autoVerify}, {"actions", filter.actions},
            {"categories", filter.categories}, {"data", std::move(data)}};
}

json componentJson(const Component& component) {
    json filters = json::array();
    for (const IntentFilter& filter : component.filters) filters.push_back(filterJson(filter));
    return {{"kind", componentKindName(component.kind)},
            {"name", component.name},
            {"label", optionalString(component.label)},
            {"icon", optionalString(component.icon)},
            {"enabled", component.enabled},
            {"exported", component.exported},
            {"exportedExplicit", component.exportedExplicit},
            {"permission", optionalString(component.permission)},
            {"process", optionalString(component.process)},
            {"directBootAware", component.directBootAware},
            {"excludeFromRecents", component.excludeFromRecents},
            {"launchMode", component.launchMode},
            {"targetActivity", component.kind == ComponentKind::ActivityAlias
                                   ? json(component.targetActivity)
                                   : json(nullptr)},
            {"authorities", component.kind == ComponentKind::Provider
                                ? json(component.authorities)
                                : json(nullptr)},
            {"line", component.where.line},
            {"column", component.where.column},
            {"filters", std::move(filters)}};
}

json usesPermissionsJson(const Manifest& manifest) {
    json out = json::array();
    for (const UsesPermission& permission : manifest.usesPermissions) {
        out.push_back({{"name", permission.name},
                       {"maxSdkVersion", optionalInt(permission.maxSdkVersion)},
                       {"sdk23", permission.sdk23},
                       {"line", permission.where.line},
                       {"column", permission.where.column}});
    }
    return out;
}

json queriesJson(const Queries& queries) {
    json intents = json::array();
    for (const QueriesIntent& intent : queries.intents) {
        intents.push_back({{"action", optionalString(intent.action)},
                           {"categories", intent.categories},
                           {"scheme", optionalString(intent.scheme)},
                           {"host", optionalString(intent.host)},
                           {"mimeType", optionalString(intent.mimeType)},
                           {"data", optionalString(intent.dataUri())},
                           {"line", intent.where.line},
                           {"column", intent.where.column}});
    }
    return {{"packages", queries.packages},
            {"intents", std::move(intents)},
            {"providers", queries.providerAuthorities}};
}

json manifestJson(const Manifest& manifest) {
    const Application& application = manifest.application;
    json components = json::array();
    for (const Component& component : manifest.components) {
        components.push_back(componentJson(component));
    }
    return {{"package", manifest.packageName},
            {"packageDerived", manifest.packageDerived},
            {"file", manifest.file},
            {"line", manifest.where.line},
            {"column", manifest.where.column},
            {"minSdk", optionalInt(manifest.minSdk)},
            {"targetSdk", optionalInt(manifest.targetSdk)},
            {"effectiveTargetSdk", manifest.effectiveTargetSdk()},
            {"usesPermissions", usesPermissionsJson(manifest)},
            {"queries", queriesJson(manifest.queries)},
            {"application",
             {{"label", optionalString(application.label)},
              {"icon", optionalString(application.icon)},
              {"enabled", application.enabled},
              {"process", optionalString(application.process)},
              {"directBootAware", application.directBootAware},
              {"forceQueryable", application.forceQueryable},
              {"line", application.where.line},
              {"column", application.where.column}}},
            {"components", std::move(components)}};
}

json diagnosticJson(const Diagnostic& diagnostic) {
    return {
        {"severity", diagnostic.severity == Diagnostic::Severity::Warning ? "warning" : "error"},
        {"file", diagnostic.where.file},
        {"line", diagnostic.where.line},
        {"column", diagnostic.where.column},
        {"message", diagnostic.message}};
}

// Strings are shown in double quotes with the characters that would break the line escaped.
std::string shown(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                out += c;
        }
    }
    return out + "\"";
}

std::string at(const SourceLocation& where) {
    if (where.line == 0) return "";
    return " (line " + std::to_string(where.line) + ":" + std::to_string(where.column) + ")";
}

const char* patternKindUpper(PatternKind kind) {
    switch (kind) {
        case PatternKind::Literal:
            return "LITERAL";
        case PatternKind::Prefix:
            return "PREFIX";
        case PatternKind::SimpleGlob:
            return "GLOB";
        case PatternKind::AdvancedGlob:
            return "ADVANCED_GLOB";
        case PatternKind::Suffix:
            return "SUFFIX";
    }
    return "LITERAL";
}

void writeFilter(std::ostream& out, const IntentFilter& filter) {
    out << "    Filter" << at(filter.where) << ":\n";
    for (const std::string& action : filter.actions)
        out << "      Action: " << shown(action) << "\n";
    for (const std::string& category : filter.categories) {
        out << "      Category: " << shown(category) << "\n";
    }
    for (const std::string& scheme : filter.schemes)
        out << "      Scheme: " << shown(scheme) << "\n";
    for (const PatternMatcher& ssp : filter.ssps) {
        out << "      Ssp: \"PatternMatcher{" << patternKindUpper(ssp.kind()) << ": "
            << ssp.pattern() << "}\"\n";
    }
    for (const FilterAuthority& authority : filter.authorities) {
        out << "      Authority: " << shown(authority.host) << ": "
            << (authority.port ? *authority.port : -1)
            << (!authority.host.empty() && authority.host.front() == '*' ? " WILD" : "") << "\n";
    }
    for (const PatternMatcher& path : filter.paths) {
        out << "      Path: \"PatternMatcher{" << patternKindUpper(path.kind()) << ": "
            << path.pattern() << "}\"\n";
    }
    for (const std::string& type : filter.types) out << "      Type: " << shown(type) << "\n";
    for (const std::string& group : filter.mimeGroups) {
        out << "      MimeGroup: " << shown(group) << "\n";
    }
    out << "      priority=" << filter.priority << " order=" << filter.order
        << " autoVerify=" << (filter.autoVerify ? "true" : "false") << "\n";
}

void writeComponent(std::ostream& out, const Manifest& manifest, const Component& component) {
    const ComponentName name{manifest.packageName, component.name};
    out << "  " << componentKindName(component.kind) << " " << name.flattenToShortString()
        << at(component.where) << "\n";
    out << "    ";
    if (component.label) out << "label=" << shown(*component.label) << " ";
    if (component.icon) out << "icon=" << *component.icon << " ";
    out << "enabled=" << (component.enabled ? "true" : "false")
        << " exported=" << (component.exported ? "true" : "false")
        << (component.exportedExplicit ? "" : " (default)");
    if (component.kind == ComponentKind::ActivityAlias) {
        out << " targetActivity=" << component.targetActivity;
    }
    if (component.kind == ComponentKind::Provider) {
        out << " authorities=" << shown(component.authorities);
    }
    if (component.permission) out << " permission=" << *component.permission;
    if (component.process) out << " process=" << *component.process;
    if (component.kind == ComponentKind::Activity ||
        component.kind == ComponentKind::ActivityAlias) {
        out << " launchMode=" << component.launchMode;
        if (component.excludeFromRecents) out << " excludeFromRecents=true";
    }
    if (component.directBootAware) out << " directBootAware=true";
    out << "\n";
    for (const IntentFilter& filter : component.filters) writeFilter(out, filter);
}

// <uses-permission> and <queries>, only when the manifest has them.
void writeVisibility(std::ostream& out, const Manifest& manifest) {
    for (const UsesPermission& permission : manifest.usesPermissions) {
        out << "  " << (permission.sdk23 ? "uses-permission-sdk-23 " : "uses-permission ")
            << permission.name;
        if (permission.maxSdkVersion) out << " maxSdkVersion=" << *permission.maxSdkVersion;
        out << at(permission.where) << "\n";
    }
    const Queries& queries = manifest.queries;
    if (queries.packages.empty() && queries.intents.empty() &&
        queries.providerAuthorities.empty()) {
        return;
    }
    out << "  queries:\n";
    for (const std::string& package : queries.packages) out << "    package " << package << "\n";
    for (const QueriesIntent& intent : queries.intents) {
        out << "    intent" << at(intent.where) << ":";
        if (intent.action) out << " act=" << *intent.action;
        if (!intent.categories.empty()) {
            out << " cat=[";
            for (size_t i = 0; i < intent.categories.size(); ++i) {
                out << (i > 0 ? "," : "") << intent.categories[i];
            }
            out << "]";
        }
        if (std::optional<std::string> data = intent.dataUri()) out << " dat=" << *data;
        if (intent.mimeType) out << " typ=" << *intent.mimeType;
        out << "\n";
    }
    for (const std::string& authority : queries.providerAuthorities) {
        out << "    provider " << authority << "\n";
    }
}

void writeManifest(std::ostream& out, const Manifest& manifest) {
    out << "Package [" << manifest.packageName << "]"
        << (manifest.packageDerived ? " (no package attribute)" : "") << " " << manifest.file;
    if (manifest.where.line > 0) out << ":" << manifest.where.line << ":" << manifest.where.column;
    out << "\n";
    out << "  minSdk=" << (manifest.minSdk ? std::to_string(*manifest.minSdk) : "unset")
        << " targetSdk=" << (manifest.targetSdk ? std::to_string(*manifest.targetSdk) : "unset");
    if (!manifest.targetSdk) out << " (Android uses " << manifest.effectiveTargetSdk() << ")";
    out << "\n";
    const Application& application = manifest.application;
    out << "  application" << at(application.where) << ":";
    if (application.label) out << " label=" << shown(*application.label);
    if (application.icon) out << " icon=" << *application.icon;
    out << " enabled=" << (application.enabled ? "true" : "false");
    if (application.process) out << " process=" << *application.process;
    if (application.directBootAware) out << " directBootAware=true";
    if (application.forceQueryable) out << " forceQueryable=true";
    out << "\n";
    writeVisibility(out, manifest);
    for (const Component& component : manifest.components) {
        writeComponent(out, manifest, component);
    }
}

}  // namespace

std::string renderDumpText(std::span<const Manifest> manifests) {
    std::ostringstream out;
    bool first = true;
    for (const Manifest& manifest : manifests) {
        if (!first) out << "\n";
        first = false;
        writeManifest(out, manifest);
    }
    return out.str();
}

std::string renderDumpJson(std::span<const Manifest> manifests, std::span<const Diagnostic> extra) {
    json packages = json::array();
    json diagnostics = json::array();
    for (const Manifest& manifest : manifests) {
        packages.push_back(manifestJson(manifest));
        for (const Diagnostic& diagnostic : manifest.diagnostics) {
            diagnostics.push_back(diagnosticJson(diagnostic));
        }
    }
    for (const Diagnostic& diagnostic : extra) diagnostics.push_back(diagnosticJson(diagnostic));
    const json document = {{"packages", std::move(packages)},
                           {"diagnostics", std::move(diagnostics)}};
    // Invalid UTF-8 in a manifest must not throw: replace it.
    return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string renderDumpJsonLine(const Manifest& manifest) {
    json line = manifestJson(manifest);
    json diagnostics = json::array();
    for (const Diagnostic& diagnostic : manifest.diagnostics) {
        diagnostics.push_back(diagnosticJson(diagnostic));
    }
    line["diagnostics"] = std::move(diagnostics);
    return line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string renderDumpJsonErrorLine(const Diagnostic& error) {
    const json line = {{"file", error.where.file}, {"error", diagnosticJson(error)}};
    return line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace hearth

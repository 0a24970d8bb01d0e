// A device.json package with its components inline, in `hearth dump --json`'s shape: package,
// minSdk, targetSdk, application, components[] (kind, name, enabled, exported, directBootAware,
// ..., filters[] with priority, order, autoVerify, actions, categories and data). Every key but a
// component's kind and name is optional; the defaults are Android's (exported: true when the
// component has filters). Location keys (file, line, column) a dump carries are accepted and
// ignored: positions point into the device.json.

#include "device_json_fields.h"

#include <hearth/pattern_matcher.h>

namespace hearth::detail {

namespace {

std::string child(const std::string& pointer, const std::string& key) {
    return jsonChild(pointer, key);
}
std::string child(const std::string& pointer, size_t index) { return jsonChild(pointer, index); }

class InlineReader {
  public:
    InlineReader(const JsonFields& fields, std::string file)
        : m_fields(fields), m_file(std::move(file)) {}

    Result<Manifest> read(const Json& entry, const std::string& pointer) {
        Manifest manifest;
        manifest.file = m_file;
        manifest.where = m_fields.valueAt(pointer);
        if (!entry.contains("package")) {
            return makeError(m_fields.valueAt(pointer),
                             "'" + jsonDisplayName(pointer) +
                                 "' has 'components' but no 'package': an inline package needs "
                                 "its name");
        }
        if (auto r = m_fields.readString(entry, pointer, "package", manifest.packageName); !r) {
            return r.error();
        }
        for (auto [key, field] : {std::pair{"minSdk", &manifest.minSdk},
                                  std::pair{"targetSdk", &manifest.targetSdk}}) {
            if (!entry.contains(key) || entry[key].is_null()) continue;
            int value = 0;
            if (auto r = m_fields.readInt(entry, pointer, key, 1, 10000, value); !r) {
                return r.error();
            }
            *field = value;
        }
        if (entry.contains("application")) {
            if (auto r = readApplication(entry["application"], child(pointer, "application"),
                                         manifest.application);
                !r) {
                return r.error();
            }
        }
        const Json& components = entry["components"];
        const std::string at = child(pointer, "components");
        if (auto r = m_fields.expectArray(components, at); !r) return r.error();
        for (size_t i = 0; i < components.size(); ++i) {
            Result<Component> component =
                readComponent(components[i], child(at, i), manifest.packageName);
            if (!component) return component.error();
            if (manifest.findComponent(component->name) != nullptr) {
                return makeError(m_fields.valueAt(child(at, i)),
                                 "'" + jsonDisplayName(child(at, i)) + "' declares '" +
                                     component->name + "' a second time");
            }
            manifest.components.push_back(std::move(component).value());
        }
        return manifest;
    }

  private:
    // A nullable string key of the dump's shape ("label": null).
    Result<void> readNullableString(const Json& object, const std::string& pointer,
                                    const char* key, std::optional<std::string>& out) const {
        if (!object.contains(key) || object[key].is_null()) return ok();
        std::string value;
        if (auto r = m_fields.readString(object, pointer, key, value); !r) return r;
        out = std::move(value);
        return ok();
    }

    Result<void> readApplication(const Json& value, const std::string& pointer,
                                 Application& application) const {
        if (auto r = m_fields.expectObject(value, pointer); !r) return r;
        if (auto r = m_fields.checkKeys(value, pointer,
                                        {"label", "icon", "enabled", "process", "directBootAware",
                                         "forceQueryable", "line", "column"});
            !r) {
            return r;
        }
        application.where = m_fields.valueAt(pointer);
        if (auto r = readNullableString(value, pointer, "label", application.label); !r) return r;
        if (auto r = readNullableString(value, pointer, "icon", application.icon); !r) return r;
        if (auto r = readNullableString(value, pointer, "process", application.process); !r) {
            return r;
        }
        if (auto r = m_fields.readBool(value, pointer, "enabled", application.enabled); !r) return r;
        if (auto r = m_fields.readBool(value, pointer, "forceQueryable", application.forceQueryable);
            !r) {
            return r;
        }
        return m_fields.readBool(value, pointer, "directBootAware", application.directBootAware);
    }

    Result<Component> readComponent(const Json& value, const std::string& pointer,
                                    const std::string& packageName) const {
        if (auto r = m_fields.expectObject(value, pointer); !r) return r.error();
        if (auto r = m_fields.checkKeys(
                value, pointer,
                {"kind", "name", "label", "icon", "enabled", "exported", "exportedExplicit",
                 "permission", "process", "directBootAware", "excludeFromRecents", "launchMode",
                 "targetActivity", "authorities", "line", "column", "filters"});
            !r) {
            return r.error();
        }
        Component component;
        component.where = m_fields.valueAt(pointer);
        for (const char* key : {"kind", "name"}) {
            if (!value.contains(key)) {
                return makeError(m_fields.valueAt(pointer),
                                 "'" + jsonDisplayName(pointer) + "' needs a '" + key + "'");
            }
        }
        std::string kind;
        if (auto r = m_fields.readString(value, pointer, "kind", kind); !r) return r.error();
        std::optional<ComponentKind> parsed = componentKindFromName(kind);
        if (!parsed) {
            return makeError(m_fields.valueAt(child(pointer, "kind")),
                             "'" + jsonDisplayName(child(pointer, "kind")) +
                                 "' must be activity, activity-alias, service, receiver or "
                                 "provider, got \"" + kind + "\"");
        }
        component.kind = *parsed;
        std::string name;
        if (auto r = m_fields.readString(value, pointer, "name", name); !r) return r.error();
        if (name.empty()) {
            return makeError(m_fields.valueAt(child(pointer, "name")),
                             "'" + jsonDisplayName(child(pointer, "name")) + "' is empty");
        }
        component.name = expandClassName(packageName, name);
        if (auto r = readNullableString(value, pointer, "label", component.label); !r) {
            return r.error();
        }
        if (auto r = readNullableString(value, pointer, "icon", component.icon); !r) {
            return r.error();
        }
        if (auto r = readNullableString(value, pointer, "permission", component.permission); !r) {
            return r.error();
        }
        if (auto r = readNullableString(value, pointer, "process", component.process); !r) {
            return r.error();
        }
        for (auto [key, field] : {std::pair{"enabled", &component.enabled},
                                  std::pair{"directBootAware", &component.directBootAware},
                                  std::pair{"excludeFromRecents", &component.excludeFromRecents}}) {
            if (auto r = m_fields.readBool(value, pointer, key, *field); !r) return r.error();
        }
        if (auto r = m_fields.readString(value, pointer, "launchMode", component.launchMode); !r) {
            return r.error();
        }
        std::optional<std::string> target;
        if (auto r = readNullableString(value, pointer, "targetActivity", target); !r) {
            return r.error();
        }
        if (target) component.targetActivity = expandClassName(packageName, *target);
        std::optional<std::string> authorities;
        if (auto r = readNullableString(value, pointer, "authorities", authorities); !r) {
            return r.error();
        }
        if (authorities) component.authorities = *authorities;

        if (value.contains("filters")) {
            const std::string at = child(pointer, "filters");
            if (auto r = m_fields.expectArray(value["filters"], at); !r) return r.error();
            for (size_t i = 0; i < value["filters"].size(); ++i) {
                Result<IntentFilter> filter = readFilter(value["filters"][i], child(at, i));
                if (!filter) return filter.error();
                component.filters.push_back(std::move(filter).value());
            }
        }
        // Android's default: exported when the component has a filter.
        component.exported = !component.filters.empty();
        if (value.contains("exported")) {
            if (auto r = m_fields.readBool(value, pointer, "exported", component.exported); !r) {
                return r.error();
            }
            component.exportedExplicit = true;
        }
        if (auto r = m_fields.readBool(value, pointer, "exportedExplicit",
                                       component.exportedExplicit);
            !r) {
            return r.error();
        }
        return component;
    }

    Result<IntentFilter> readFilter(const Json& value, const std::string& pointer) const {
        if (auto r = m_fields.expectObject(value, pointer); !r) return r.error();
        if (auto r = m_fields.checkKeys(value, pointer,
                                        {"priority", "order", "autoVerify", "actions",
                                         "categories", "data", "line", "column"});
            !r) {
            return r.error();
        }
        IntentFilter filter;
        filter.where = m_fields.valueAt(pointer);
        if (auto r = m_fields.readInt(value, pointer, "priority", -1000000000, 1000000000,
                                      filter.priority);
            !r) {
            return r.error();
        }
        if (auto r = m_fields.readInt(value, pointer, "order", -1000000000, 1000000000,
                                      filter.order);
            !r) {
            return r.error();
        }
        if (auto r = m_fields.readBool(value, pointer, "autoVerify", filter.autoVerify); !r) {
            return r.error();
        }
        if (auto r = m_fields.readStringList(value, pointer, "actions", filter.actions); !r) {
            return r.error();
        }
        if (auto r = m_fields.readStringList(value, pointer, "categories", filter.categories); !r) {
            return r.error();
        }
        if (value.contains("data")) {
            if (auto r = readData(value["data"], child(pointer, "data"), filter); !r) {
                return r.error();
            }
        }
        return filter;
    }

    Result<void> readData(const Json& data, const std::string& pointer,
                          IntentFilter& filter) const {
        if (auto r = m_fields.expectObject(data, pointer); !r) return r;
        if (auto r = m_fields.checkKeys(data, pointer,
                                        {"schemes", "authorities", "paths", "ssps", "types",
                                         "mimeGroups"});
            !r) {
            return r;
        }
        if (auto r = m_fields.readStringList(data, pointer, "schemes", filter.schemes); !r) return r;
        if (auto r = m_fields.readStringList(data, pointer, "mimeGroups", filter.mimeGroups); !r) {
            return r;
        }
        std::vector<std::string> types;
        if (auto r = m_fields.readStringList(data, pointer, "types", types); !r) return r;
        for (size_t i = 0; i < types.size(); ++i) {
            Result<std::string> valid = validateMimeType(types[i]);
            if (!valid) {
                const std::string at = child(child(pointer, "types"), i);
                return makeError(m_fields.valueAt(at),
                                 "'" + jsonDisplayName(at) + "': " + valid.error().message);
            }
            filter.types.push_back(types[i]);
        }
        if (data.contains("authorities")) {
            const std::string at = child(pointer, "authorities");
            if (auto r = m_fields.expectArray(data["authorities"], at); !r) return r;
            for (size_t i = 0; i < data["authorities"].size(); ++i) {
                const Json& item = data["authorities"][i];
                const std::string itemAt = child(at, i);
                if (auto r = m_fields.expectObject(item, itemAt); !r) return r;
                if (auto r = m_fields.checkKeys(item, itemAt, {"host", "port"}); !r) return r;
                FilterAuthority authority;
                authority.where = m_fields.valueAt(itemAt);
                if (auto r = m_fields.readString(item, itemAt, "host", authority.host); !r) return r;
                if (item.contains("port") && !item["port"].is_null()) {
                    int port = 0;
                    if (auto r = m_fields.readInt(item, itemAt, "port", 0, 65535, port); !r) return r;
                    authority.port = port;
                }
                filter.authorities.push_back(std::move(authority));
            }
        }
        for (auto [key, out] : {std::pair{"paths", &filter.paths}, std::pair{"ssps", &filter.ssps}}) {
            if (auto r = readPatterns(data, pointer, key, *out); !r) return r;
        }
        return ok();
    }

    Result<void> readPatterns(const Json& data, const std::string& pointer, const char* key,
                              std::vector<PatternMatcher>& out) const {
        if (!data.contains(key)) return ok();
        const std::string at = child(pointer, key);
        if (auto r = m_fields.expectArray(data[key], at); !r) return r;
        for (size_t i = 0; i < data[key].size(); ++i) {
            const Json& item = data[key][i];
            const std::string itemAt = child(at, i);
            if (auto r = m_fields.expectObject(item, itemAt); !r) return r;
            if (auto r = m_fields.checkKeys(item, itemAt, {"kind", "value"}); !r) return r;
            std::string kindName = "literal";
            std::string text;
            if (auto r = m_fields.readString(item, itemAt, "kind", kindName); !r) return r;
            if (auto r = m_fields.readString(item, itemAt, "value", text); !r) return r;
            const std::optional<PatternKind> kind = patternKindFromName(kindName);
            if (!kind) {
                return makeError(m_fields.valueAt(child(itemAt, "kind")),
                                 "'" + jsonDisplayName(child(itemAt, "kind")) +
                                     "' must be literal, prefix, glob, advanced_glob or suffix, "
                                     "got \"" + kindName + "\"");
            }
            Result<PatternMatcher> pattern = PatternMatcher::create(*kind, text);
            if (!pattern) {
                return makeError(m_fields.valueAt(child(itemAt, "value")),
                                 "'" + jsonDisplayName(child(itemAt, "value")) + "': " +
                                     pattern.error().message);
            }
            out.push_back(std::move(pattern).value());
        }
        return ok();
    }

    const JsonFields& m_fields;
    std::string m_file;
};

}  // namespace

Result<Manifest> readInlineManifest(const JsonFields& fields, const Json& entry,
                                    const std::string& pointer, const std::string& file) {
    return InlineReader(fields, file).read(entry, pointer);
}

}  // namespace hearth::detail

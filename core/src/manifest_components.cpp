// The component elements of a manifest (<activity>, <activity-alias>, <service>, <receiver>,
// <provider>), their <intent-filter>s and the filters' <action>, <category> and <data>, as
// PackageParser reads them (ManifestParser, manifest_parser_internal.h).

#include <hearth/limits.h>
#include <hearth/manifest.h>
#include <hearth/suggest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>

#include "manifest_parser_internal.h"
#include "text.h"

namespace hearth::detail {
namespace {

// <tools:validation> under whatever prefix the document binds to the tools namespace.
bool isToolsValidation(std::string_view tag, const Namespaces& ns) {
    return !ns.tools.empty() && tag.size() == ns.tools.size() + 11 &&
           tag.substr(0, ns.tools.size()) == ns.tools && tag.substr(ns.tools.size()) == ":validation";
}

using text::inQuotes;
using text::tagText;

constexpr const char* kLaunchModes[] = {"standard", "singleTop", "singleTask", "singleInstance",
                                        "singleInstancePerTask"};

}  // namespace

Result<void> ManifestParser::resolveAliases() {
    // An alias runs its target with the target's settings (M-28). PackageParser looks the target
    // up among the activities (aliases included) parsed before the alias, yet real apps (Fenix,
    // Signal, K-9) declare aliases first and still install, so any activity of the manifest counts.
    for (const PendingAlias& pending : m_aliases) {
        Component& alias = m_manifest.components[pending.index];
        const Component* target = nullptr;
        for (const Component& candidate : m_manifest.components) {
            if ((candidate.kind == ComponentKind::Activity ||
                 candidate.kind == ComponentKind::ActivityAlias) &&
                candidate.name == alias.targetActivity && &candidate != &alias) {
                target = &candidate;
                break;
            }
        }
        if (target == nullptr) {
            std::string message = "<activity-alias> attribute 'android:targetActivity' names " +
                                  inQuotes(alias.targetActivity) +
                                  ", which is not an <activity> of this manifest";
            if (!m_manifest.packageDerived || m_declaredPackage) {
                return errorAt(pending.targetWhere, std::move(message));
            }
            // With a stand-in package a relative name cannot be trusted: the real one may match.
            message += " (relative names expand against the stand-in package)";
            if (auto r = warn(pending.targetWhere, std::move(message)); !r) return r;
            continue;
        }
        alias.process = target->process;
        alias.directBootAware = target->directBootAware;
        alias.excludeFromRecents = target->excludeFromRecents;
        alias.launchMode = target->launchMode;
    }
    return ok();
}

Result<void> ManifestParser::parseComponent(const pugi::xml_node& element, const Namespaces& ns,
                                            ComponentKind kind) {
    const bool isAlias = kind == ComponentKind::ActivityAlias;
    if (auto r = checkAttributes(element, ns, attributesFor(kind),
                                 isAlias ? &activityAttributes() : nullptr);
        !r) {
        return r;
    }
    Component component;
    component.kind = kind;
    component.where = where(element);

    Result<std::string> name = requiredNonEmpty(element, ns, "name");
    if (!name) return name.error();
    component.name = expandClassName(m_namespace, *name);

    Result<std::optional<std::string>> label = stringAttribute(element, ns, "label");
    if (!label) return label.error();
    component.label = std::move(*label);
    Result<std::optional<std::string>> icon = stringAttribute(element, ns, "icon");
    if (!icon) return icon.error();
    component.icon = std::move(*icon);
    Result<std::optional<bool>> enabled = boolAttribute(element, ns, "enabled");
    if (!enabled) return enabled.error();
    component.enabled = enabled->value_or(true);
    Result<std::optional<bool>> exported = boolAttribute(element, ns, "exported");
    if (!exported) return exported.error();
    component.exportedExplicit = exported->has_value();
    Result<std::optional<std::string>> permission = stringAttribute(element, ns, "permission");
    if (!permission) return permission.error();
    component.permission = std::move(*permission);
    if (kind == ComponentKind::Provider) {
        // Android refuses the whole package without it ("<provider> does not include
        // authorities attribute", or "has empty authorities attribute"), and so does aapt.
        Result<std::string> authorities = requiredNonEmpty(element, ns, "authorities");
        if (!authorities) return authorities.error();
        component.authorities = std::move(*authorities);
    }

    if (isAlias) {
        Result<std::string> target = requiredNonEmpty(element, ns, "targetActivity");
        if (!target) return target.error();
        component.targetActivity = expandClassName(m_namespace, *target);
        // The target's settings are copied once every activity is known (resolveAliases).
        m_aliases.push_back(
            {m_manifest.components.size(), where(androidAttribute(element, ns, "targetActivity"))});
    } else {
        Result<std::optional<std::string>> process = stringAttribute(element, ns, "process");
        if (!process) return process.error();
        if (*process) component.process = expandProcessName(m_manifest.packageName, **process);
        Result<std::optional<bool>> directBootAware = boolAttribute(element, ns, "directBootAware");
        if (!directBootAware) return directBootAware.error();
        component.directBootAware = directBootAware->value_or(false);
    }
    if (kind == ComponentKind::Activity) {
        Result<std::optional<bool>> exclude = boolAttribute(element, ns, "excludeFromRecents");
        if (!exclude) return exclude.error();
        component.excludeFromRecents = exclude->value_or(false);
        if (const pugi::xml_attribute attribute = androidAttribute(element, ns, "launchMode")) {
            std::string scratch;
            Result<std::string_view> launchMode = rawValue(attribute, scratch);
            if (!launchMode) return launchMode.error();
            const auto known =
                std::find(std::begin(kLaunchModes), std::end(kLaunchModes), *launchMode);
            if (known == std::end(kLaunchModes)) {
                return errorAt(where(attribute),
                               "<activity> attribute " + inQuotes(attribute.name()) +
                                   " must be one of 'standard', 'singleTop', 'singleTask', "
                                   "'singleInstance', 'singleInstancePerTask', got " +
                                   inQuotes(*launchMode));
            }
            component.launchMode = std::string(*launchMode);
        }
    }

    size_t filters = 0;
    for (pugi::xml_node child : element.children()) {
        if (child.type() == pugi::node_element && std::string_view(child.name()) == "intent-filter") {
            ++filters;
        }
    }
    component.filters.reserve(filters);
    ChildCounts counts;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(element, child, counts); !r) return r;
        const std::string_view tag = child.name();
        if (tag == "intent-filter") {
            const Namespaces childNs = namespacesOf(child, ns);
            if (isRemovedByMerger(child, childNs)) continue;
            if (auto r = parseIntentFilter(child, childNs, component); !r) return r;
        } else if (isToolsValidation(tag, ns) && (kind == ComponentKind::Activity ||
                                                  kind == ComponentKind::ActivityAlias)) {
            // Android Lint's deep-link test (AppLinksValidDetector): an unprefixed testUrl.
            const pugi::xml_attribute testUrl = child.attribute("testUrl");
            if (!testUrl) {
                if (auto r = warn(where(child), tagText(tag) + " has no 'testUrl'; ignored"); !r) {
                    return r;
                }
                continue;
            }
            component.testUrls.push_back(TestUrl{testUrl.value(), where(testUrl)});
        } else if (otherComponentChildren().count(tag) == 0) {
            if (auto r = warn(where(child), "unknown element " + tagText(tag) + " in " +
                                                tagText(element.name()) + "; ignored");
                !r) {
                return r;
            }
        }
    }

    // Android's default: a provider is exported when the package targets API < 17 (the target
    // known at this point of the document, as ParsedProviderUtils reads it), any other component
    // exactly when some filter survived parsing.
    const bool exportedByDefault = kind == ComponentKind::Provider
                                       ? m_manifest.effectiveTargetSdk() < 17
                                       : !component.filters.empty();
    component.exported = exported->value_or(exportedByDefault);
    if (!component.exportedExplicit && !component.filters.empty() &&
        m_manifest.targetSdk.value_or(0) >= 31) {
        if (auto r = warn(component.where,
                          tagText(element.name()) + " " + inQuotes(component.name) +
                              " has an <intent-filter> but no 'android:exported'; Android 12 "
                              "refuses to install it when targetSdkVersion is 31 or more");
            !r) {
            return r;
        }
    }
    m_manifest.components.push_back(std::move(component));
    return ok();
}

Result<void> ManifestParser::parseIntentFilter(const pugi::xml_node& element, const Namespaces& ns,
                                               Component& component) {
    if (auto r = checkAttributes(element, ns, intentFilterAttributes()); !r) return r;
    IntentFilter filter;
    filter.where = where(element);
    Result<std::optional<int>> priority = intAttribute(element, ns, "priority");
    if (!priority) return priority.error();
    filter.priority = priority->value_or(0);
    Result<std::optional<int>> order = intAttribute(element, ns, "order");
    if (!order) return order.error();
    filter.order = order->value_or(0);
    Result<std::optional<bool>> autoVerify = boolAttribute(element, ns, "autoVerify");
    if (!autoVerify) return autoVerify.error();
    filter.autoVerify = autoVerify->value_or(false);
    if (auto r = parseFilterChildren(element, ns, filter); !r) return r;

    if (filter.actions.empty()) {
        // Activities and receivers drop an action-less filter (PackageParser logs "No actions
        // in intent filter"); services and providers keep it, though it matches no action (M-3).
        const bool dropped =
            component.kind != ComponentKind::Service && component.kind != ComponentKind::Provider;
        if (auto r = warn(filter.where,
                          dropped ? "<intent-filter> has no <action>, so Android drops it"
                                  : "<intent-filter> has no <action>, so it matches only intents "
                                    "without one");
            !r) {
            return r;
        }
        if (dropped) return ok();
    }
    component.filters.push_back(std::move(filter));
    return ok();
}

Result<void> ManifestParser::parseFilterChildren(const pugi::xml_node& element,
                                                 const Namespaces& ns, IntentFilter& filter) {
    ChildCounts counts;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(element, child, counts); !r) return r;
        const Namespaces childNs = namespacesOf(child, ns);
        if (isRemovedByMerger(child, childNs)) continue;
        const std::string_view tag = child.name();
        Result<void> handled = ok();
        if (tag == "action") {
            handled = parseActionOrCategory(child, childNs, filter.actions);
        } else if (tag == "category") {
            handled = parseActionOrCategory(child, childNs, filter.categories);
        } else if (tag == "data") {
            handled = parseData(child, childNs, filter);
        } else if (otherFilterChildren().count(tag) == 0) {
            handled = warn(where(child), "unknown element " + tagText(tag) + " in " +
                                             tagText(element.name()) + "; ignored");
        }
        if (!handled) return handled;
    }
    return ok();
}

Result<void> ManifestParser::parseActionOrCategory(const pugi::xml_node& element,
                                                   const Namespaces& ns,
                                                   std::vector<std::string>& names) {
    if (auto r = checkAttributes(element, ns, nameOnlyAttributes()); !r) return r;
    // S-2 (amending M-25): Android keeps an empty name and fails the package only for targetSdk
    // 30+ on Android 11+, which the parser knows once the whole manifest is read (run()).
    const pugi::xml_attribute named = androidAttribute(element, ns, "name");
    if (named && *named.value() == '\0') {
        if (!m_emptyFilterName) {
            m_emptyFilterName = std::pair{where(named), tagText(element.name()) + " attribute " +
                                                            inQuotes(named.name()) + " is empty"};
        }
        if (std::find(names.begin(), names.end(), "") == names.end()) names.emplace_back();
        return ok();
    }
    Result<std::string> name = requiredNonEmpty(element, ns, "name");
    if (!name) return name.error();
    if (std::find(names.begin(), names.end(), *name) != names.end()) {
        // IntentFilter.addAction/addCategory keep one copy.
        return warn(where(element), "duplicate " + tagText(element.name()) + " " + inQuotes(*name) +
                                        " in this " + tagText(element.parent().name()) +
                                        "; Android keeps one");
    }
    // A name one edit away from one Android defines is almost always a typo that silently
    // matches nothing (issue 15).
    const bool isAction = std::string_view(element.name()) == "action";
    if (const std::optional<std::string_view> meant =
            nearestName(*name, isAction ? wellKnownActions() : wellKnownCategories())) {
        if (auto r = warn(where(androidAttribute(element, ns, "name")),
                          tagText(element.name()) + " " + inQuotes(*name) + " is not " +
                              (isAction ? "an action" : "a category") +
                              " Android defines; did you mean " + inQuotes(*meant) + "?");
            !r) {
            return r;
        }
    }
    names.push_back(std::move(*name));
    return ok();
}

Result<void> ManifestParser::addPattern(const pugi::xml_node& element, const Namespaces& ns,
                                        std::string_view localName, PatternKind kind,
                                        std::vector<PatternMatcher>& into) {
    Result<std::optional<std::string>> value = stringAttribute(element, ns, localName);
    if (!value) return value.error();
    if (!*value) return ok();
    Result<PatternMatcher> matcher = PatternMatcher::create(kind, std::move(**value));
    if (!matcher) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
        return errorAt(where(attribute), "<data> attribute " + inQuotes(attribute.name()) + ": " +
                                             matcher.error().message);
    }
    into.push_back(std::move(*matcher));
    return ok();
}

Result<void> ManifestParser::parseData(const pugi::xml_node& element, const Namespaces& ns,
                                       IntentFilter& filter) {
    if (auto r = checkAttributes(element, ns, dataAttributes()); !r) return r;
    // Every attribute joins the filter on its own, so several <data> elements combine as a
    // cross product (M-26).
    Result<std::optional<std::string>> mimeType = stringAttribute(element, ns, "mimeType");
    if (!mimeType) return mimeType.error();
    if (*mimeType) {
        Result<std::string> type = validateMimeType(**mimeType);
        if (!type) {
            const pugi::xml_attribute attribute = androidAttribute(element, ns, "mimeType");
            // M-19: IntentFilter.addDataType refuses it, and with it the whole package.
            return errorAt(where(attribute), "<data> attribute " + inQuotes(attribute.name()) +
                                                 " must look like 'type/subtype', got " +
                                                 inQuotes(**mimeType));
        }
        if (std::find(filter.types.begin(), filter.types.end(), *type) == filter.types.end()) {
            filter.types.push_back(std::move(*type));
        }
    }
    Result<std::optional<std::string>> mimeGroup = stringAttribute(element, ns, "mimeGroup");
    if (!mimeGroup) return mimeGroup.error();
    if (*mimeGroup) filter.mimeGroups.push_back(std::move(**mimeGroup));

    Result<std::optional<std::string>> scheme = stringAttribute(element, ns, "scheme");
    if (!scheme) return scheme.error();
    if (*scheme &&
        std::find(filter.schemes.begin(), filter.schemes.end(), **scheme) == filter.schemes.end()) {
        filter.schemes.push_back(std::move(**scheme));
    }

    for (auto [localName, kind] :
         {std::pair{"ssp", PatternKind::Literal}, std::pair{"sspPrefix", PatternKind::Prefix},
          std::pair{"sspPattern", PatternKind::SimpleGlob},
          std::pair{"sspAdvancedPattern", PatternKind::AdvancedGlob},
          std::pair{"sspSuffix", PatternKind::Suffix}}) {
        if (auto r = addPattern(element, ns, localName, kind, filter.ssps); !r) return r;
    }

    Result<std::optional<std::string>> host = stringAttribute(element, ns, "host");
    if (!host) return host.error();
    Result<std::optional<std::string>> port = stringAttribute(element, ns, "port");
    if (!port) return port.error();
    if (*host) {
        FilterAuthority authority;
        authority.host = std::move(**host);
        authority.where = where(element);
        if (*port) {
            Result<int> number = parsePort(**port);
            if (!number) {
                const pugi::xml_attribute attribute = androidAttribute(element, ns, "port");
                // PackageParser reads the port with Integer.parseInt and fails the package.
                return errorAt(where(attribute), "<data> attribute " + inQuotes(attribute.name()) +
                                                     " must be a 32-bit whole number, got " +
                                                     inQuotes(**port));
            }
            authority.port = *number;
        }
        filter.authorities.push_back(std::move(authority));
    } else if (*port) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, "port");
        if (auto r = warn(where(attribute),
                          "<data> attribute " + inQuotes(attribute.name()) +
                              " is ignored: Android reads a port only with 'android:host' in "
                              "the same <data>");
            !r) {
            return r;
        }
    }

    for (auto [localName, kind] :
         {std::pair{"path", PatternKind::Literal}, std::pair{"pathPrefix", PatternKind::Prefix},
          std::pair{"pathPattern", PatternKind::SimpleGlob},
          std::pair{"pathAdvancedPattern", PatternKind::AdvancedGlob},
          std::pair{"pathSuffix", PatternKind::Suffix}}) {
        if (auto r = addPattern(element, ns, localName, kind, filter.paths); !r) return r;
    }
    return ok();
}

}  // namespace hearth::detail

#pragma once
// The manifest parser's class, shared by its two files: manifest_parser.cpp (the document, the
// attributes and the <manifest>, <application> and <queries> elements) and
// manifest_components.cpp (components, intent filters and their <data>). The XML layer is
// strict_xml.h, the android: vocabulary manifest_vocabulary.h.

#include <hearth/manifest.h>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <utility>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "manifest_vocabulary.h"
#include "string_resources.h"
#include "strict_xml.h"

namespace hearth::detail {

// The prefixes bound to the android and tools namespaces where an element sits.
struct Namespaces {
    std::string_view android;
    std::string_view tools;
};

// ":name" is private to the package (PackageParser.buildProcessName).
inline std::string expandProcessName(std::string_view packageName, std::string_view process) {
    if (!process.empty() && process.front() == ':') {
        return std::string(packageName) + std::string(process);
    }
    return std::string(process);
}

class ManifestParser {
  public:
    ManifestParser(std::string_view text, const std::string& file, const ParseOptions& options)
        : m_text(text), m_file(file), m_options(options), m_xml(text, file) {}

    Result<Manifest> run();

  private:
    // ---- locations and diagnostics ----------------------------------------------------------
    SourceLocation locateOffset(size_t offset) const { return m_xml.locateOffset(offset); }
    SourceLocation locatePointer(const char* p) const { return m_xml.locatePointer(p); }
    SourceLocation where(const pugi::xml_node& element) const { return m_xml.where(element); }
    SourceLocation where(const pugi::xml_attribute& attribute) const {
        return m_xml.where(attribute);
    }
    Error errorAt(SourceLocation location, std::string message) const {
        return makeError(std::move(location), std::move(message));
    }
    // A tolerable oddity: recorded, or fatal under --strict.
    Result<void> warn(SourceLocation location, std::string message) {
        if (m_options.strict) return makeError(std::move(location), std::move(message));
        m_manifest.diagnostics.push_back(
            {Diagnostic::Severity::Warning, std::move(location), std::move(message)});
        return ok();
    }

    // ---- namespaces and attributes ----------------------------------------------------------
    // An element's attributes, split once: every lookup below scans this instead of re-reading
    // (and re-measuring) pugixml's names.
    struct AttributeEntry {
        std::string_view name;    // as written: "android:name"
        std::string_view prefix;  // "android", or empty
        std::string_view local;   // "name"
        pugi::xml_attribute attribute;
    };
    const std::vector<AttributeEntry>& entriesOf(const pugi::xml_node& element) const;

    Namespaces namespacesOf(const pugi::xml_node& element, Namespaces inherited) const;
    pugi::xml_attribute androidAttribute(const pugi::xml_node& element, const Namespaces& ns,
                                         std::string_view localName) const;
    bool isRemovedByMerger(const pugi::xml_node& element, const Namespaces& ns) const;
    Result<void> checkAttributes(const pugi::xml_node& element, const Namespaces& ns,
                                 const NameSet& known, const NameSet* aliasIgnored = nullptr);
    // How many children of each limited tag (limits::maxChildren) one parent has had so far. A
    // parent has at most eight such tags today (<manifest>'s), so they live in a short array
    // instead of a map's node each; more spill into a vector.
    class ChildCounts {
      public:
        size_t increment(std::string_view tag);

      private:
        std::array<std::pair<std::string_view, size_t>, 8> m_counts{};
        size_t m_used = 0;
        std::vector<std::pair<std::string_view, size_t>> m_more;
    };
    Result<void> checkChildCount(const pugi::xml_node& parent, const pugi::xml_node& child,
                                 ChildCounts& counts) const;

    Result<std::string> substitutePlaceholders(const pugi::xml_attribute& attribute,
                                               std::string_view raw);
    Result<std::optional<std::string>> stringAttribute(const pugi::xml_node& element,
                                                       const Namespaces& ns,
                                                       std::string_view localName);
    // The attribute's text with placeholders substituted: a view of pugixml's value, or of
    // `scratch` when a placeholder was replaced.
    Result<std::string_view> rawValue(const pugi::xml_attribute& attribute, std::string& scratch);
    Result<std::optional<bool>> boolAttribute(const pugi::xml_node& element, const Namespaces& ns,
                                              std::string_view localName);
    Result<std::optional<int>> intAttribute(const pugi::xml_node& element, const Namespaces& ns,
                                            std::string_view localName);
    Result<std::string> requiredNonEmpty(const pugi::xml_node& element, const Namespaces& ns,
                                         std::string_view localName);
    // Follows an @type/name reference into res/values; nullptr when it cannot be resolved.
    Result<const std::string*> resolveReference(std::string_view reference, std::string_view type);
    // res/values next to the manifest, read at the first reference.
    Result<const ResourceValues*> resources();
    Result<void> warnUnresolved(const pugi::xml_node& element, const pugi::xml_attribute& attribute,
                                std::string_view value, std::string_view consequence);

    // ---- elements ---------------------------------------------------------------------------
    Result<void> checkShape(const pugi::xml_node& root);
    Result<void> parseRoot(const pugi::xml_node& root);
    Result<void> parseUsesSdk(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseUsesPermission(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseQueries(const pugi::xml_node& element, const Namespaces& ns);
    // <instrumentation>, <permission>, <uses-library>, <library> and their static forms: the
    // package names package visibility reads (V-8).
    Result<void> parseRelation(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> checkEmptyFilterNames();
    Result<void> parseQueriesIntent(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseApplication(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseComponent(const pugi::xml_node& element, const Namespaces& ns,
                                ComponentKind kind);
    Result<void> parseIntentFilter(const pugi::xml_node& element, const Namespaces& ns,
                                   Component& component);
    // The <action>, <category> and <data> children of an <intent-filter> or a queries <intent>.
    Result<void> parseFilterChildren(const pugi::xml_node& element, const Namespaces& ns,
                                     IntentFilter& filter);
    Result<void> parseActionOrCategory(const pugi::xml_node& element, const Namespaces& ns,
                                       std::vector<std::string>& names);
    Result<void> parseData(const pugi::xml_node& element, const Namespaces& ns,
                           IntentFilter& filter);
    Result<void> addPattern(const pugi::xml_node& element, const Namespaces& ns,
                            std::string_view localName, PatternKind kind,
                            std::vector<PatternMatcher>& into);

    std::string_view m_text;
    const std::string& m_file;
    const ParseOptions& m_options;
    StrictXml m_xml;  // the document; the parser's nodes point into it
    Manifest m_manifest;
    std::string m_namespace;  // what relative class names expand against
    std::map<std::string, std::string, std::less<>> m_placeholders;
    std::set<std::string, std::less<>> m_warnedPlaceholders;
    std::optional<ResourceValues> m_resources;
    bool m_warnedMissingResources = false;
    bool m_sawApplication = false;
    // The first empty <action>/<category> name and its message (S-2), decided after the parse.
    std::optional<std::pair<SourceLocation, std::string>> m_emptyFilterName;
    struct PendingAlias {
        size_t index;                // into m_manifest.components
        SourceLocation targetWhere;  // its android:targetActivity attribute
    };
    std::vector<PendingAlias> m_aliases;
    bool m_declaredPackage = false;  // the manifest has its own package attribute

    Result<void> resolveAliases();

    // One slot per nesting level in practice (manifest, application, component, filter, child).
    struct AttributeCacheSlot {
        pugi::xml_node node;
        std::vector<AttributeEntry> entries;
    };
    mutable std::array<AttributeCacheSlot, 8> m_attributeCache;
    mutable size_t m_nextCacheSlot = 0;
};

}  // namespace hearth::detail

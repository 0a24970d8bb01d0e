// Source AndroidManifest.xml -> Manifest, the way aapt2 compiles it and PackageParser reads it.

#include <hearth/limits.h>
#include <hearth/manifest.h>
#include <hearth/suggest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "aapt_escape.h"
#include "manifest_parser_internal.h"
#include "string_resources.h"
#include "text.h"

namespace hearth::detail {
namespace {

constexpr int kFirstApiRefusingEmptyNames = 30;  // S-2: Android 11, and targetSdk 30+

using text::inQuotes;
using text::tagText;

size_t utf16Length(std::string_view text) {
    size_t units = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80) units += (c >= 0xF0) ? 2 : 1;  // 4-byte sequences are pairs
    }
    return units;
}

// A stand-in package for a manifest without one: the module folder's name, skipping the Gradle
// source-set folders ("app/src/main/AndroidManifest.xml" gives "app").
std::string derivePackageName(const std::string& sourceName) {
    std::filesystem::path dir = std::filesystem::path(sourceName).parent_path();
    static const std::set<std::string> kSourceSetFolders = {"main", "src", "debug", "release"};
    while (!dir.empty() && kSourceSetFolders.count(dir.filename().string()) > 0) {
        dir = dir.parent_path();
    }
    std::string name;
    for (char c : dir.filename().string()) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '_' || c == '.') {
            name += static_cast<char>(std::tolower(u));
        } else if (!name.empty() && name.back() != '_') {
            name += '_';
        }
    }
    if (name.empty() || name == "." || name == "..") name = "app";
    return "unnamed." + name;
}

// Android's rule for package names (PackageParser.validateName): dot-separated segments, each a
// letter followed by letters, digits or underscores, at least two of them. "android" itself is the
// one exception: the framework's own package.
bool isValidPackageName(std::string_view name) {
    if (name == "android") return true;
    size_t segments = 0;
    bool atSegmentStart = true;
    for (char c : name) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (atSegmentStart) {
            if (!letter) return false;
            atSegmentStart = false;
            ++segments;
        } else if (c == '.') {
            atSegmentStart = true;
        } else if (!letter && !(c >= '0' && c <= '9') && c != '_') {
            return false;
        }
    }
    return !atSegmentStart && segments >= 2;
}

}  // namespace

const std::vector<ManifestParser::AttributeEntry>& ManifestParser::entriesOf(
    const pugi::xml_node& element) const {
    for (const AttributeCacheSlot& slot : m_attributeCache) {
        if (slot.node == element) return slot.entries;
    }
    AttributeCacheSlot& slot = m_attributeCache[m_nextCacheSlot++ % m_attributeCache.size()];
    slot.node = element;
    slot.entries.clear();
    for (pugi::xml_attribute attribute : element.attributes()) {
        const std::string_view name = attribute.name();
        const size_t colon = name.find(':');
        slot.entries.push_back(
            colon == std::string_view::npos
                ? AttributeEntry{name, {}, name, attribute}
                : AttributeEntry{name, name.substr(0, colon), name.substr(colon + 1), attribute});
    }
    return slot.entries;
}

Namespaces ManifestParser::namespacesOf(const pugi::xml_node& element, Namespaces inherited) const {
    for (const AttributeEntry& entry : entriesOf(element)) {
        if (entry.prefix != "xmlns") continue;
        const std::string_view uri = entry.attribute.value();
        if (uri == kAndroidNamespace) inherited.android = entry.local;
        if (uri == kToolsNamespace) inherited.tools = entry.local;
    }
    return inherited;
}

pugi::xml_attribute ManifestParser::androidAttribute(const pugi::xml_node& element,
                                                     const Namespaces& ns,
                                                     std::string_view localName) const {
    if (ns.android.empty()) return {};
    for (const AttributeEntry& entry : entriesOf(element)) {
        if (entry.local == localName && entry.prefix == ns.android) return entry.attribute;
    }
    return {};
}

bool ManifestParser::isRemovedByMerger(const pugi::xml_node& element, const Namespaces& ns) const {
    // tools:node="remove" deletes the element from the merged manifest, so the device never
    // sees it; every other tools: attribute only steers the merge and is ignored.
    if (ns.tools.empty()) return false;
    for (const AttributeEntry& entry : entriesOf(element)) {
        if (entry.local == "node" && entry.prefix == ns.tools) {
            const std::string_view mode = entry.attribute.value();
            return mode == "remove" || mode == "removeAll";
        }
    }
    return false;
}

Result<void> ManifestParser::checkAttributes(const pugi::xml_node& element, const Namespaces& ns,
                                             const NameSet& known, const NameSet* aliasIgnored) {
    const std::string_view tag = element.name();
    const std::vector<AttributeEntry>& entries = entriesOf(element);
    // checkShape has already refused repeated attributes, undeclared prefixes and too many
    // attributes on every element (checkWellFormed).
    for (size_t index = 0; index < entries.size(); ++index) {
        const pugi::xml_attribute attribute = entries[index].attribute;
        const std::string_view name = entries[index].name;
        const std::string_view prefix = entries[index].prefix;
        const std::string_view local = entries[index].local;
        if (name == "xmlns" || prefix == "xmlns") continue;
        if (prefix.empty()) {
            if (tag == "manifest") {
                static const NameSet kPlain = {"package",
                                               "coreApp",
                                               "split",
                                               "featureSplit",
                                               "configForSplit",
                                               "isFeatureSplit",
                                               "platformBuildVersionCode",
                                               "platformBuildVersionName"};
                if (kPlain.count(name) > 0) continue;
            }
            if (auto r =
                    warn(where(attribute), tagText(tag) + " attribute " + inQuotes(name) +
                                               " has no namespace and is ignored; Android reads " +
                                               inQuotes("android:" + std::string(name)));
                !r) {
                return r;
            }
            continue;
        }
        if (prefix != ns.android) continue;  // tools: and other namespaces are not Android's
        if (known.count(local) > 0) continue;
        std::string message =
            aliasIgnored != nullptr && aliasIgnored->count(local) > 0
                ? tagText(tag) + " attribute " + inQuotes(name) +
                      " is ignored: an alias takes it from its target activity"
                : "unknown attribute " + inQuotes(name) + " on " + tagText(tag) + "; ignored";
        if (auto r = warn(where(attribute), std::move(message)); !r) return r;
    }
    return ok();
}

size_t ManifestParser::ChildCounts::increment(std::string_view tag) {
    for (size_t i = 0; i < m_used; ++i) {
        if (m_counts[i].first == tag) return ++m_counts[i].second;
    }
    if (m_used < m_counts.size()) {
        m_counts[m_used++] = {tag, 1};
        return 1;
    }
    for (auto& [name, count] : m_more) {
        if (name == tag) return ++count;
    }
    m_more.emplace_back(tag, 1);
    return 1;
}

Result<void> ManifestParser::checkChildCount(const pugi::xml_node& parent,
                                             const pugi::xml_node& child,
                                             ChildCounts& counts) const {
    const std::string_view parentTag = parent.name();
    const std::string_view childTag = child.name();
    const std::optional<size_t> most = limits::maxChildren(parentTag, childTag);
    if (!most) return ok();
    if (counts.increment(childTag) > *most) {
        return errorAt(where(child), tagText(parentTag) + " has more than " +
                                         std::to_string(*most) + " " + tagText(childTag) +
                                         " elements, the most Android accepts");
    }
    return ok();
}

Result<std::string> ManifestParser::substitutePlaceholders(const pugi::xml_attribute& attribute,
                                                           std::string_view raw) {
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t open = raw.find("${", pos);
        const size_t close = open == std::string_view::npos ? open : raw.find('}', open + 2);
        if (close == std::string_view::npos) {
            out.append(raw.substr(pos));
            return out;
        }
        out.append(raw.substr(pos, open - pos));
        const std::string_view key = raw.substr(open + 2, close - open - 2);
        auto it = m_placeholders.find(key);
        if (it != m_placeholders.end()) {
            out += it->second;
        } else {
            // Kept verbatim so the reader sees what is missing; warned once per key.
            out.append(raw.substr(open, close + 1 - open));
            if (m_warnedPlaceholders.insert(std::string(key)).second) {
                if (auto r = warn(where(attribute),
                                  "placeholder " + inQuotes(raw.substr(open, close + 1 - open)) +
                                      " has no value; kept as written");
                    !r) {
                    return r.error();
                }
            }
        }
        pos = close + 1;
    }
}

Result<const ResourceValues*> ManifestParser::resources() {
    if (!m_resources) {
        m_resources = ResourceValues::loadNextTo(std::filesystem::path(m_file));
        // A broken values file costs labels, not the manifest: warnings.
        for (const Diagnostic& warning : m_resources->warnings()) {
            if (auto r = warn(warning.where, warning.message); !r) return r.error();
        }
    }
    return &*m_resources;
}

Result<const std::string*> ManifestParser::resolveReference(std::string_view reference,
                                                            std::string_view type) {
    Result<const ResourceValues*> values = resources();
    if (!values) return values.error();
    const std::string prefix = "@" + std::string(type) + "/";
    // Resource values may themselves point at other values; a few hops is all real apps use.
    for (int hop = 0; hop < 8; ++hop) {
        if (reference.substr(0, prefix.size()) != prefix) return nullptr;
        const std::string_view name = reference.substr(prefix.size());
        const std::string* found = type == "string" ? (*values)->findString(name)
                                   : type == "bool" ? (*values)->findBool(name)
                                                    : (*values)->findInteger(name);
        if (found == nullptr || found->empty() || found->front() != '@') return found;
        reference = *found;
    }
    return static_cast<const std::string*>(nullptr);
}

Result<void> ManifestParser::warnUnresolved(const pugi::xml_node& element,
                                            const pugi::xml_attribute& attribute,
                                            std::string_view value, std::string_view consequence) {
    Result<const ResourceValues*> values = resources();
    if (!values) return values.error();
    if ((*values)->files().empty()) {
        // Without any res/values every reference fails the same way: say it once.
        if (m_warnedMissingResources) return ok();
        m_warnedMissingResources = true;
        return warn(where(attribute),
                    tagText(element.name()) + " attribute " + inQuotes(attribute.name()) + " is " +
                        inQuotes(value) + ", but there is no res/values next to the manifest; " +
                        std::string(consequence) + " (later references are not reported)");
    }
    return warn(where(attribute), tagText(element.name()) + " attribute " +
                                      inQuotes(attribute.name()) + " is " + inQuotes(value) +
                                      ", which res/values does not define; " +
                                      std::string(consequence));
}

Result<std::string_view> ManifestParser::rawValue(const pugi::xml_attribute& attribute,
                                                  std::string& scratch) {
    const std::string_view raw = attribute.value();
    if (raw.find("${") == std::string_view::npos) return raw;
    Result<std::string> substituted = substitutePlaceholders(attribute, raw);
    if (!substituted) return substituted.error();
    scratch = std::move(*substituted);
    return std::string_view(scratch);
}

Result<std::optional<std::string>> ManifestParser::stringAttribute(const pugi::xml_node& element,
                                                                   const Namespaces& ns,
                                                                   std::string_view localName) {
    pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
    if (!attribute) return std::optional<std::string>{};
    std::string scratch;
    Result<std::string_view> raw = rawValue(attribute, scratch);
    if (!raw) return raw.error();
    std::string value(*raw);

    if (!value.empty() && (value.front() == '@' || value.front() == '?')) {
        // A resource reference: aapt compiles it as a reference, not as text, so no escapes.
        if (value.substr(0, 8) == "@string/") {
            Result<const std::string*> text = resolveReference(value, "string");
            if (!text) return text.error();
            if (*text != nullptr) {
                value = **text;
            } else if (auto r = warnUnresolved(element, attribute, value, "kept as written"); !r) {
                return r.error();
            }
        }
    } else if (value.find('\\') != std::string::npos) {
        Result<UnescapedValue> unescaped = unescapeAttributeValue(value);
        if (!unescaped) {
            return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                                 inQuotes(attribute.name()) + " has an " +
                                                 unescaped.error().message);
        }
        if (!unescaped->unknownEscapes.empty()) {
            std::string escapes;
            for (char c : unescaped->unknownEscapes) {
                if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && !escapes.empty()) {
                    escapes += "', '";
                }
                if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) escapes += '\\';
                escapes += c;
            }
            if (auto r = warn(where(attribute),
                              tagText(element.name()) + " attribute " + inQuotes(attribute.name()) +
                                  " has escape '" + escapes +
                                  "', which aapt reads as the bare character: the device sees " +
                                  inQuotes(unescaped->text) + " (write '\\\\' for a backslash)");
                !r) {
                return r.error();
            }
        }
        value = std::move(unescaped->text);
    }

    const size_t most = limits::maxAttributeLength(localName);
    if (value.size() > most && utf16Length(value) > most) {
        return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                             inQuotes(attribute.name()) + " is " +
                                             std::to_string(utf16Length(value)) +
                                             " characters long, more than the " +
                                             std::to_string(most) + " Android accepts");
    }
    return std::optional<std::string>(std::move(value));
}

Result<std::optional<bool>> ManifestParser::boolAttribute(const pugi::xml_node& element,
                                                          const Namespaces& ns,
                                                          std::string_view localName) {
    pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
    if (!attribute) return std::optional<bool>{};
    std::string scratch;
    Result<std::string_view> raw = rawValue(attribute, scratch);
    if (!raw) return raw.error();
    const std::string_view value = *raw;
    if (!value.empty() && (value.front() == '@' || value.front() == '?')) {
        Result<const std::string*> resolved = resolveReference(value, "bool");
        if (!resolved) return resolved.error();
        if (*resolved != nullptr) {
            if (std::optional<bool> parsed = parseAaptBool(**resolved)) return parsed;
        }
        if (auto r = warnUnresolved(element, attribute, value, "treated as not written"); !r) {
            return r.error();
        }
        return std::optional<bool>{};
    }
    if (std::optional<bool> parsed = parseAaptBool(value)) return parsed;
    return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                         inQuotes(attribute.name()) +
                                         " must be 'true' or 'false', got " + inQuotes(value));
}

Result<std::optional<int>> ManifestParser::intAttribute(const pugi::xml_node& element,
                                                        const Namespaces& ns,
                                                        std::string_view localName) {
    pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
    if (!attribute) return std::optional<int>{};
    std::string scratch;
    Result<std::string_view> raw = rawValue(attribute, scratch);
    if (!raw) return raw.error();
    const std::string_view value = *raw;
    if (!value.empty() && (value.front() == '@' || value.front() == '?')) {
        Result<const std::string*> resolved = resolveReference(value, "integer");
        if (!resolved) return resolved.error();
        if (*resolved != nullptr) {
            if (std::optional<int> parsed = parseAaptInteger(**resolved)) return parsed;
        }
        if (auto r = warnUnresolved(element, attribute, value, "treated as not written"); !r) {
            return r.error();
        }
        return std::optional<int>{};
    }
    if (std::optional<int> parsed = parseAaptInteger(value)) return parsed;
    return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                         inQuotes(attribute.name()) + " must be an integer, got " +
                                         inQuotes(value));
}

Result<std::string> ManifestParser::requiredNonEmpty(const pugi::xml_node& element,
                                                     const Namespaces& ns,
                                                     std::string_view localName) {
    Result<std::optional<std::string>> value = stringAttribute(element, ns, localName);
    if (!value) return value.error();
    if (!*value) {
        return errorAt(where(element), tagText(element.name()) +
                                           " is missing required attribute 'android:" +
                                           std::string(localName) + "'");
    }
    if ((*value)->empty()) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
        return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                             inQuotes(attribute.name()) + " is empty");
    }
    return std::move(**value);
}

// Checks the caps of limits.h over the whole tree once, without recursion.
// What XML's namespaces and attribute rules demand of every element, including those Hearth
// ignores (an unknown element, an <activity> nested in an <activity>): expat checks them all, so
// aapt refuses such a file wherever the fault is.
Result<void> ManifestParser::checkShape(const pugi::xml_node& root) {
    std::vector<std::string_view> rootPrefixes;
    for (const pugi::xml_attribute& attribute : root.attributes()) {
        const std::string_view name = attribute.name();
        if (name.substr(0, 6) == "xmlns:") rootPrefixes.push_back(name.substr(6));
    }
    size_t elements = 0;
    int depth = 1;
    pugi::xml_node node = root;
    while (node) {
        if (node.type() == pugi::node_element) {
            if (++elements > limits::kMaxXmlElements) {
                return errorAt(where(node), "the manifest has more than " +
                                                std::to_string(limits::kMaxXmlElements) +
                                                " elements, the most Hearth reads");
            }
            if (depth > limits::kMaxXmlDepth) {
                return errorAt(where(node), "elements nest more than " +
                                                std::to_string(limits::kMaxXmlDepth) +
                                                " deep, the most Hearth reads");
            }
            if (auto r = m_xml.checkElement(node, rootPrefixes); !r) return r;
        }
        if (node.type() == pugi::node_element && node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node && node != root && !node.next_sibling()) {
            node = node.parent();
            --depth;
        }
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return ok();
}

Result<Manifest> ManifestParser::run() {
    m_manifest.file = m_file;
    if (m_text.size() > limits::kMaxManifestBytes) {
        return makeError(SourceLocation{m_file, 0, 0},
                         "the manifest is " + std::to_string(m_text.size()) +
                             " bytes, more than the " + std::to_string(limits::kMaxManifestBytes) +
                             " Hearth reads");
    }
    const auto startsWith = [&](std::string_view bytes) {
        return m_text.substr(0, bytes.size()) == bytes;
    };
    if (startsWith("\xFF\xFE") || startsWith("\xFE\xFF") ||
        startsWith(std::string_view("\0<", 2)) || startsWith(std::string_view("<\0", 2))) {
        return makeError(SourceLocation{m_file, 1, 1},
                         "the manifest is UTF-16 text; Hearth reads UTF-8 manifests");
    }
    Result<pugi::xml_node> loaded = m_xml.load();
    if (!loaded) return loaded.error();
    const pugi::xml_node root = *loaded;
    if (std::string_view(root.name()) != "manifest") {
        return errorAt(where(root),
                       "the root element must be <manifest>, found " + tagText(root.name()));
    }
    if (auto r = checkShape(root); !r) return r.error();
    if (auto r = parseRoot(root); !r) return r.error();
    if (auto r = checkEmptyFilterNames(); !r) return r.error();
    return std::move(m_manifest);
}

// S-2: Android 11 made an empty <action>/<category> name a deferred parse error
// (EMPTY_INTENT_ACTION_CATEGORY, enabled for targetSdk 30+); before, and below that target, the
// empty name is kept. A source manifest without <uses-sdk> gets its target from the build, most
// likely a current one, so it is refused as the target-30 case.
Result<void> ManifestParser::checkEmptyFilterNames() {
    if (!m_emptyFilterName) return ok();
    const auto& [at, what] = *m_emptyFilterName;
    const int target = m_manifest.effectiveTargetSdk();
    if (m_options.apiLevel >= kFirstApiRefusingEmptyNames &&
        (target == 0 || target >= kFirstApiRefusingEmptyNames)) {
        return errorAt(at, what + "; Android 11+ refuses this for targetSdk 30+ (S-2)");
    }
    return warn(at, what + "; Android keeps the empty name (S-2: refused only for targetSdk 30+ "
                           "on Android 11+)");
}

Result<void> ManifestParser::parseRoot(const pugi::xml_node& root) {
    const Namespaces ns = namespacesOf(root, {});
    m_manifest.where = where(root);
    if (auto r = checkAttributes(root, ns, manifestAttributes()); !r) return r;

    // The package: the manifest's own attribute is the namespace relative class names expand
    // against; an explicit package option (Gradle's applicationId) names the installed package.
    m_placeholders.insert(m_options.placeholders.begin(), m_options.placeholders.end());
    const pugi::xml_attribute packageAttribute = root.attribute("package");
    std::string declared;
    if (packageAttribute) {
        Result<std::string> value =
            substitutePlaceholders(packageAttribute, packageAttribute.value());
        if (!value) return value.error();
        declared = std::move(*value);
        if (!declared.empty() && !isValidPackageName(declared)) {
            return errorAt(where(packageAttribute),
                           "<manifest> attribute 'package' must be a package name such as "
                           "'com.example.app', got " +
                               inQuotes(declared));
        }
    }
    if (m_options.packageName && !m_options.packageName->empty()) {
        m_manifest.packageName = *m_options.packageName;
        m_manifest.packageDerived = declared.empty();
    } else if (!declared.empty()) {
        m_manifest.packageName = declared;
    } else {
        m_manifest.packageName = derivePackageName(m_file);
        m_manifest.packageDerived = true;
        if (auto r = warn(where(root), "<manifest> has no 'package' attribute; using " +
                                           inQuotes(m_manifest.packageName) +
                                           " (give the package name to replace it)");
            !r) {
            return r;
        }
    }
    m_namespace = declared.empty() ? m_manifest.packageName : declared;
    m_declaredPackage = !declared.empty();
    // Gradle's manifest merger knows these two without being told.
    m_placeholders.try_emplace("applicationId", m_manifest.packageName);
    m_placeholders.try_emplace("packageName", m_manifest.packageName);

    ChildCounts counts;
    for (pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(root, child, counts); !r) return r;
        const std::string_view tag = child.name();
        const bool usesPermission = tag == "uses-permission" ||
                                    tag == "uses-permission-sdk-23" ||
                                    tag == "uses-permission-sdk-m";
        if (tag != "application" && tag != "uses-sdk" && tag != "queries" && !usesPermission) {
            if (otherManifestChildren().count(tag) > 0) {
                const Namespaces childNs = namespacesOf(child, ns);
                if (isRemovedByMerger(child, childNs)) continue;
                if (auto r = parseRelation(child, childNs); !r) return r;
                continue;
            }
            if (auto r = warn(where(child),
                              "unknown element " + tagText(tag) + " in <manifest>; ignored");
                !r) {
                return r;
            }
            continue;
        }
        const Namespaces childNs = namespacesOf(child, ns);
        if (isRemovedByMerger(child, childNs)) continue;
        if (tag == "application") {
            if (m_sawApplication) {
                // PackageParser skips a second <application> with a log line.
                if (auto r = warn(where(child),
                                  "second <application> ignored: Android reads "
                                  "only the first");
                    !r) {
                    return r;
                }
                continue;
            }
            m_sawApplication = true;
            if (auto r = parseApplication(child, childNs); !r) return r;
        } else if (usesPermission) {
            if (auto r = parseUsesPermission(child, childNs); !r) return r;
        } else if (tag == "queries") {
            if (auto r = parseQueries(child, childNs); !r) return r;
        } else if (auto r = parseUsesSdk(child, childNs); !r) {
            return r;
        }
    }
    return ok();
}

Result<void> ManifestParser::parseUsesSdk(const pugi::xml_node& element, const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, usesSdkAttributes()); !r) return r;
    m_manifest.usesSdk = true;
    for (auto [localName, field] : {std::pair{"minSdkVersion", &m_manifest.minSdk},
                                    std::pair{"targetSdkVersion", &m_manifest.targetSdk}}) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
        if (!attribute) continue;
        std::string scratch;
        Result<std::string_view> raw = rawValue(attribute, scratch);
        if (!raw) return raw.error();
        if (std::optional<int> level = parseAaptInteger(*raw)) {
            *field = *level;
            continue;
        }
        // A preview codename ("Tiramisu") is legal but is not an API level.
        if (auto r = warn(where(attribute), "<uses-sdk> attribute " + inQuotes(attribute.name()) +
                                                " is " + inQuotes(*raw) +
                                                ", not an API level; left unset");
            !r) {
            return r;
        }
    }
    return ok();
}

Result<void> ManifestParser::parseApplication(const pugi::xml_node& element, const Namespaces& ns) {
    Application& application = m_manifest.application;
    application.where = where(element);
    if (auto r = checkAttributes(element, ns, applicationAttributes()); !r) return r;

    Result<std::optional<std::string>> label = stringAttribute(element, ns, "label");
    if (!label) return label.error();
    application.label = std::move(*label);
    Result<std::optional<std::string>> icon = stringAttribute(element, ns, "icon");
    if (!icon) return icon.error();
    application.icon = std::move(*icon);
    Result<std::optional<bool>> enabled = boolAttribute(element, ns, "enabled");
    if (!enabled) return enabled.error();
    application.enabled = enabled->value_or(true);
    Result<std::optional<std::string>> process = stringAttribute(element, ns, "process");
    if (!process) return process.error();
    if (*process) application.process = expandProcessName(m_manifest.packageName, **process);
    Result<std::optional<bool>> directBootAware = boolAttribute(element, ns, "directBootAware");
    if (!directBootAware) return directBootAware.error();
    application.directBootAware = directBootAware->value_or(false);
    // V-4: honoured for system apps only, but read on every package as Android reads it.
    Result<std::optional<bool>> forceQueryable = boolAttribute(element, ns, "forceQueryable");
    if (!forceQueryable) return forceQueryable.error();
    application.forceQueryable = forceQueryable->value_or(false);

    // Sized once: growing a vector of components copies each of them into fresh pages, which on a
    // 10,000-package device was a fifth of loading it (issue 14).
    size_t declared = 0;
    for (pugi::xml_node child : element.children()) {
        if (child.type() == pugi::node_element && componentKindFromName(child.name())) ++declared;
    }
    m_manifest.components.reserve(declared);
    ChildCounts counts;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(element, child, counts); !r) return r;
        const std::string_view tag = child.name();
        if (std::optional<ComponentKind> kind = componentKindFromName(tag)) {
            const Namespaces childNs = namespacesOf(child, ns);
            if (isRemovedByMerger(child, childNs)) continue;
            if (auto r = parseComponent(child, childNs, *kind); !r) return r;
        } else if (otherApplicationChildren().count(tag) > 0) {
            const Namespaces childNs = namespacesOf(child, ns);
            if (isRemovedByMerger(child, childNs)) continue;
            if (auto r = parseRelation(child, childNs); !r) return r;
        } else {
            if (auto r = warn(where(child),
                              "unknown element " + tagText(tag) + " in <application>; ignored");
                !r) {
                return r;
            }
        }
    }
    return resolveAliases();
}

// <uses-permission>: only the name matters to resolution (V-2 reads QUERY_ALL_PACKAGES). Android
// skips one without a name, or whose name is a resource reference (getNonResourceString), and
// keeps each name once.
Result<void> ManifestParser::parseUsesPermission(const pugi::xml_node& element,
                                                 const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, usesPermissionAttributes()); !r) return r;
    const pugi::xml_attribute nameAttribute = androidAttribute(element, ns, "name");
    if (!nameAttribute) {
        return warn(where(element), tagText(element.name()) +
                                        " has no 'android:name'; Android ignores it");
    }
    std::string scratch;
    Result<std::string_view> raw = rawValue(nameAttribute, scratch);
    if (!raw) return raw.error();
    if (!raw->empty() && (raw->front() == '@' || raw->front() == '?')) {
        return warn(where(nameAttribute),
                    tagText(element.name()) + " attribute " + inQuotes(nameAttribute.name()) +
                        " is a resource reference, which Android does not read here; ignored");
    }
    Result<std::optional<std::string>> name = stringAttribute(element, ns, "name");
    if (!name) return name.error();
    Result<std::optional<int>> maxSdk = intAttribute(element, ns, "maxSdkVersion");
    if (!maxSdk) return maxSdk.error();
    if (m_manifest.requestsPermission(**name)) return ok();
    UsesPermission permission;
    permission.name = std::move(**name);
    // maxSdkVersion 0 means "no limit" to Android.
    if (*maxSdk && **maxSdk != 0) permission.maxSdkVersion = **maxSdk;
    permission.sdk23 = std::string_view(element.name()) != "uses-permission";
    permission.where = where(element);
    m_manifest.usesPermissions.push_back(std::move(permission));
    return ok();
}

Result<void> ManifestParser::parseRelation(const pugi::xml_node& element, const Namespaces& ns) {
    const std::string_view tag = element.name();
    PackageRelations& relations = m_manifest.relations;
    std::vector<std::string>* into = nullptr;
    std::string_view attribute = "name";
    if (tag == "instrumentation") {
        into = &relations.instrumentationTargets;
        attribute = "targetPackage";
    } else if (tag == "permission") {
        into = &relations.permissions;
    } else if (tag == "uses-library" || tag == "uses-static-library") {
        into = &relations.usesLibraries;
    } else if (tag == "library" || tag == "static-library") {
        into = &relations.libraries;
    } else {
        return ok();  // read by nothing Hearth answers
    }
    // These elements keep their other attributes unchecked: only the name matters here, and a
    // missing or referenced name simply ties the package to nothing (Android rejects some of
    // them at install; that is not a resolution question).
    const pugi::xml_attribute named = androidAttribute(element, ns, attribute);
    if (!named) return ok();
    std::string scratch;
    Result<std::string_view> raw = rawValue(named, scratch);
    if (!raw) return raw.error();
    if (raw->empty() || raw->front() == '@' || raw->front() == '?') return ok();
    if (std::find(into->begin(), into->end(), *raw) == into->end()) into->emplace_back(*raw);
    return ok();
}

// <queries> (ParsingPackageUtils.parseQueries): <package>, <intent> and <provider>; several
// <queries> elements add up.
Result<void> ManifestParser::parseQueries(const pugi::xml_node& element, const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, {}); !r) return r;
    Queries& queries = m_manifest.queries;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        const Namespaces childNs = namespacesOf(child, ns);
        if (isRemovedByMerger(child, childNs)) continue;
        const std::string_view tag = child.name();
        if (tag == "intent") {
            if (auto r = parseQueriesIntent(child, childNs); !r) return r;
        } else if (tag == "package") {
            if (auto r = checkAttributes(child, childNs, nameOnlyAttributes()); !r) return r;
            // Android: "Package name is missing from package tag."
            Result<std::string> name = requiredNonEmpty(child, childNs, "name");
            if (!name) return name.error();
            queries.packages.push_back(std::move(*name));
        } else if (tag == "provider") {
            if (auto r = checkAttributes(child, childNs, queriesProviderAttributes()); !r) return r;
            // Android: "Authority missing from provider tag."
            Result<std::string> authorities = requiredNonEmpty(child, childNs, "authorities");
            if (!authorities) return authorities.error();
            // StringTokenizer: empty pieces between ';' are skipped.
            std::string_view rest = *authorities;
            while (!rest.empty()) {
                const size_t semicolon = std::min(rest.find(';'), rest.size());
                if (semicolon > 0) queries.providerAuthorities.emplace_back(rest.substr(0, semicolon));
                rest.remove_prefix(std::min(semicolon + 1, rest.size()));
            }
        } else if (auto r = warn(where(child),
                                 "unknown element " + tagText(tag) + " in <queries>; ignored");
                   !r) {
            return r;
        }
    }
    return ok();
}

// A queries <intent> is read like an <intent-filter> (every check of its children applies), then
// reduced to one probe intent; more than one action, type, scheme or host fails the package.
Result<void> ManifestParser::parseQueriesIntent(const pugi::xml_node& element,
                                                const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, intentFilterAttributes()); !r) return r;
    IntentFilter filter;
    if (auto r = parseFilterChildren(element, ns, filter); !r) return r;
    const SourceLocation at = where(element);
    const auto refuse = [&](std::string what, const char* android) {
        return errorAt(at, "<intent> in <queries> " + what + "; Android refuses the package ('" +
                               android + "')");
    };
    if (filter.actions.empty() && filter.schemes.empty() && filter.types.empty()) {
        return refuse("needs an <action>, or a <data> with a scheme or a mimeType",
                      "intent tags must contain either an action or data.");
    }
    const auto most = [&](size_t count, const char* what, const char* android) {
        return count > 1 ? refuse("has " + std::to_string(count) + " " + what +
                                      ", more than the one Android accepts",
                                  android)
                         : Result<void>(ok());
    };
    if (auto r = most(filter.actions.size(), "actions", "intent tag may have at most one action.");
        !r) {
        return r;
    }
    if (auto r = most(filter.types.size(), "data types",
                      "intent tag may have at most one data type.");
        !r) {
        return r;
    }
    if (auto r = most(filter.schemes.size(), "data schemes",
                      "intent tag may have at most one data scheme.");
        !r) {
        return r;
    }
    if (auto r = most(filter.authorities.size(), "data hosts",
                      "intent tag may have at most one data host.");
        !r) {
        return r;
    }
    QueriesIntent intent;
    if (!filter.actions.empty()) intent.action = filter.actions.front();
    intent.categories = std::move(filter.categories);
    if (!filter.schemes.empty()) intent.scheme = filter.schemes.front();
    if (!filter.authorities.empty()) intent.host = filter.authorities.front().host;
    // Android stores "image/*" as "image" and adds the "/*" back here; the model keeps it whole.
    if (!filter.types.empty()) intent.mimeType = filter.types.front();
    intent.where = at;
    m_manifest.queries.intents.push_back(std::move(intent));
    return ok();
}

}  // namespace hearth::detail

namespace hearth {

Result<Manifest> parseManifest(std::string_view text, const std::string& sourceName,
                               const ParseOptions& options) {
    try {
        detail::ManifestParser parser(text, sourceName, options);
        return parser.run();
    } catch (const std::exception& e) {
        // Only allocation failure can get here; it must not cross the API.
        return makeError(SourceLocation{sourceName, 0, 0},
                         std::string("cannot parse the manifest: ") + e.what());
    }
}

}  // namespace hearth

#include "apk_manifest.h"

#include <hearth/limits.h>
#include <hearth/manifest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "aapt_escape.h"
#include "apk_reader.h"
#include "file_read.h"

namespace hearth::apk {
namespace {

constexpr std::string_view kAndroidUri = "http://schemas.android.com/apk/res/android";
constexpr const char* kManifestEntry = "AndroidManifest.xml";
constexpr const char* kResourcesEntry = "resources.arsc";

struct KnownAttribute {
    uint32_t id;
    const char* name;
};

// android: attributes by resource id. Ids up to 0x01010606 were checked against `aapt dump
// resources` of Debian's framework-res.apk (Android 10); the API 30/31 ones (forceQueryable,
// mimeGroup, pathSuffix, sspSuffix, pathAdvancedPattern, sspAdvancedPattern) against the
// platform's public-final.xml. Android itself matches these attributes by id, not by name.
constexpr KnownAttribute kAndroidAttributes[] = {
    {0x01010000, "theme"},
    {0x01010001, "label"},
    {0x01010002, "icon"},
    {0x01010003, "name"},
    {0x01010006, "permission"},
    {0x01010007, "readPermission"},
    {0x01010008, "writePermission"},
    {0x01010009, "protectionLevel"},
    {0x0101000a, "permissionGroup"},
    {0x0101000b, "sharedUserId"},
    {0x0101000c, "hasCode"},
    {0x0101000d, "persistent"},
    {0x0101000e, "enabled"},
    {0x0101000f, "debuggable"},
    {0x01010010, "exported"},
    {0x01010011, "process"},
    {0x01010012, "taskAffinity"},
    {0x01010013, "multiprocess"},
    {0x01010014, "finishOnTaskLaunch"},
    {0x01010015, "clearTaskOnLaunch"},
    {0x01010016, "stateNotNeeded"},
    {0x01010017, "excludeFromRecents"},
    {0x01010018, "authorities"},
    {0x0101001b, "grantUriPermissions"},
    {0x0101001c, "priority"},
    {0x0101001d, "launchMode"},
    {0x0101001e, "screenOrientation"},
    {0x0101001f, "configChanges"},
    {0x01010020, "description"},
    {0x01010024, "value"},
    {0x01010025, "resource"},
    {0x01010026, "mimeType"},
    {0x01010027, "scheme"},
    {0x01010028, "host"},
    {0x01010029, "port"},
    {0x0101002a, "path"},
    {0x0101002b, "pathPrefix"},
    {0x0101002c, "pathPattern"},
    {0x010101ea, "order"},
    {0x01010202, "targetActivity"},
    {0x01010203, "alwaysRetainTaskState"},
    {0x01010204, "allowTaskReparenting"},
    {0x0101020c, "minSdkVersion"},
    {0x0101021b, "versionCode"},
    {0x0101021c, "versionName"},
    {0x0101022d, "noHistory"},
    {0x01010270, "targetSdkVersion"},
    {0x01010271, "maxSdkVersion"},
    {0x01010280, "allowBackup"},
    {0x010102b7, "installLocation"},
    {0x010102be, "logo"},
    {0x010103a7, "parentActivityName"},
    {0x010103e3, "ssp"},
    {0x010103e4, "sspPrefix"},
    {0x010103e5, "sspPattern"},
    {0x010103f2, "banner"},
    {0x01010445, "documentLaunchMode"},
    {0x010104ee, "autoVerify"},
    {0x01010505, "directBootAware"},  // named encryptionAware in the API 24 previews
    {0x0101052c, "roundIcon"},
    {0x01010531, "visibleToInstantApps"},
    {0x01010572, "compileSdkVersion"},
    {0x01010573, "compileSdkVersionCodename"},
    {0x01010608, "forceQueryable"},
    {0x01010615, "mimeGroup"},
    {0x0101061e, "pathSuffix"},
    {0x0101061f, "sspSuffix"},
    {0x01010620, "pathAdvancedPattern"},
    {0x01010621, "sspAdvancedPattern"},
};

// Attributes whose value is a resource to show by name (@drawable/icon), not a value to resolve.
bool namesAResource(std::string_view localName) {
    return localName == "icon" || localName == "roundIcon" || localName == "logo" ||
           localName == "banner" || localName == "theme" || localName == "resource";
}

// Attributes that reach the model. An unresolvable reference elsewhere (android:theme pointing
// into the platform's resources, which an app's resources.arsc cannot name) changes no answer,
// so it is kept quietly.
bool reachesTheModel(std::string_view localName) {
    static const std::set<std::string_view> kModelled = {
        "label", "icon", "name", "enabled", "exported", "permission", "process", "directBootAware",
        "excludeFromRecents", "launchMode", "targetActivity", "minSdkVersion", "targetSdkVersion",
        "authorities", "forceQueryable", "maxSdkVersion",
        // intent-filter
        "priority", "order", "autoVerify",
        // data
        "scheme", "host", "port", "path", "pathPrefix", "pathPattern", "pathAdvancedPattern",
        "pathSuffix", "ssp", "sspPrefix", "sspPattern", "sspAdvancedPattern", "sspSuffix",
        "mimeType", "mimeGroup"};
    return kModelled.count(localName) > 0;
}

// Attributes the parser reads as booleans or integers: an unresolved reference there is dropped,
// as the source parser treats an unresolved @bool/@integer ("treated as not written").
bool takesNumberOrBool(std::string_view localName) {
    return localName == "enabled" || localName == "exported" || localName == "directBootAware" ||
           localName == "excludeFromRecents" || localName == "autoVerify" ||
           localName == "priority" || localName == "order" || localName == "minSdkVersion" ||
           localName == "targetSdkVersion" || localName == "launchMode" ||
           localName == "forceQueryable" || localName == "maxSdkVersion";
}

// android:launchMode is compiled to its enum value; the source (and the model) spell it.
std::optional<std::string> launchModeName(uint32_t value) {
    static const char* const kNames[] = {"standard", "singleTop", "singleTask", "singleInstance",
                                         "singleInstancePerTask"};
    if (value < std::size(kNames)) return std::string(kNames[value]);
    return std::nullopt;
}

bool isNameStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool isNameChar(unsigned char c) {
    return isNameStart(c) || std::isdigit(c) || c == '-' || c == '.';
}
// An XML name without a prefix: what an element or attribute may be called in the text we write.
bool isLocalName(std::string_view name) {
    if (name.empty() || !isNameStart(static_cast<unsigned char>(name.front()))) return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return isNameChar(static_cast<unsigned char>(c)); });
}

std::string formatFloat(float value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", static_cast<double>(value));
    return text;
}

// Res_value complex numbers (dimensions, fractions): 24-bit mantissa with a radix selector.
float complexToFloat(uint32_t data) {
    static const float kRadix[] = {1.0f / (1 << 8), 1.0f / (1 << 15), 1.0f / (1 << 23),
                                   1.0f / 2147483648.0f};
    const int32_t mantissa = static_cast<int32_t>(data & 0xFFFFFF00u);
    return static_cast<float>(mantissa) * kRadix[(data >> 4) & 0x3];
}

class Renderer {
  public:
    Renderer(const axml::Document& document, const TableLoader& loadTable,
             const std::string& sourceName, int apiLevel)
        : m_document(document),
          m_loadTable(loadTable),
          m_sourceName(sourceName),
          m_apiLevel(apiLevel) {}

    Result<RenderedManifest> run();

  private:
    struct Source {
        const arsc::ResourceTable* table = nullptr;  // string values index its pool
        const axml::Attribute* attribute = nullptr;  // string values are attribute.string
    };

    Result<void> assignPrefixes();
    Result<std::optional<std::string>> qualifiedName(const axml::Attribute& attribute,
                                                     size_t element);
    Result<std::optional<std::string>> valueText(const axml::Attribute& attribute,
                                                 std::string_view localName,
                                                 const std::string& shownName, size_t element);
    Result<std::optional<std::string>> typedText(const res::TypedValue& value, const Source& source,
                                                 std::string_view localName);
    Result<std::optional<std::string>> referenceText(uint32_t id, const std::string& shownName,
                                                     size_t element, std::string_view localName);
    Result<const arsc::ResourceTable*> table();
    void warn(size_t element, std::string message);
    SourceLocation locationOf(size_t element) const;

    const axml::Document& m_document;
    const TableLoader& m_loadTable;
    const SourcePath m_sourceName;  // shared by every location it gives
    const int m_apiLevel;
    std::map<std::string, std::string, std::less<>> m_prefixes;       // uri -> prefix
    std::vector<std::pair<std::string, std::string>> m_declarations;  // prefix, uri
    std::string m_packageName;
    std::optional<const arsc::ResourceTable*> m_table;
    std::vector<Diagnostic> m_warnings;
};

SourceLocation Renderer::locationOf(size_t element) const {
    return SourceLocation{m_sourceName, static_cast<int>(element) + 1, 0};
}

void Renderer::warn(size_t element, std::string message) {
    m_warnings.push_back(
        Diagnostic{Diagnostic::Severity::Warning, locationOf(element), std::move(message)});
}

Result<const arsc::ResourceTable*> Renderer::table() {
    if (!m_table) {
        Result<const arsc::ResourceTable*> loaded = m_loadTable();
        if (!loaded) return loaded.error();
        m_table = *loaded;
    }
    return *m_table;
}

Result<void> Renderer::assignPrefixes() {
    // The android namespace always gets its usual prefix, whatever the APK called it: the parser
    // reads android:name, and obfuscators rename prefixes and even the URI (ids still say which
    // attribute it is).
    m_prefixes.emplace(std::string(kAndroidUri), "android");
    m_declarations.emplace_back("android", std::string(kAndroidUri));
    std::set<std::string, std::less<>> used = {"android", "xml", "xmlns"};
    const auto declare = [&](std::string_view uri, std::string_view wanted) {
        if (uri.empty() || m_prefixes.count(uri)) return;
        std::string prefix(wanted);
        if (!isLocalName(prefix) || used.count(prefix) || prefix.rfind("xml", 0) == 0) {
            for (int n = 1;; ++n) {
                prefix = "ns" + std::to_string(n);
                if (!used.count(prefix)) break;
            }
        }
        used.insert(prefix);
        m_prefixes.emplace(std::string(uri), prefix);
        m_declarations.emplace_back(prefix, std::string(uri));
    };
    for (const auto& [prefix, uri] : m_document.namespaces) declare(uri, prefix);
    for (const axml::Element& element : m_document.elements) {
        for (const axml::Attribute& attribute : element.attributes) {
            if (!attribute.namespaceUri.empty()) declare(attribute.namespaceUri, "ns");
        }
    }
    return ok();
}

Result<std::optional<std::string>> Renderer::qualifiedName(const axml::Attribute& attribute,
                                                           size_t element) {
    // Android matches framework attributes by resource id; the stored name only matters when
    // there is no id (hand-made AXML) or the id is one Hearth does not model.
    if (const char* known = androidAttributeName(attribute.resourceId)) {
        return std::optional<std::string>(std::string("android:") + known);
    }
    const std::string shown =
        attribute.resourceId != 0 ? "attribute " + res::hex32(attribute.resourceId) : "attribute";
    if (!isLocalName(attribute.name)) {
        warn(element, shown + " named '" + std::string(attribute.name) +
                          "' is not a valid XML name; ignored");
        return std::optional<std::string>();
    }
    // A name Hearth knows under another id (an obfuscator's reuse, or a forged file) must not
    // pass for that attribute: Android would never read it as one.
    for (const KnownAttribute& known : kAndroidAttributes) {
        if (attribute.name == known.name && attribute.resourceId != 0) {
            warn(element, shown + " is stored under the name '" + std::string(attribute.name) +
                              "', which is attribute " + res::hex32(known.id) + "; ignored");
            return std::optional<std::string>();
        }
    }
    if ((attribute.resourceId >> 24) == 0x01) {
        return std::optional<std::string>("android:" + std::string(attribute.name));
    }
    if (attribute.namespaceUri.empty())
        return std::optional<std::string>(std::string(attribute.name));
    const auto prefix = m_prefixes.find(attribute.namespaceUri);
    return std::optional<std::string>(prefix->second + ":" + std::string(attribute.name));
}

Result<std::optional<std::string>> Renderer::referenceText(uint32_t id,
                                                           const std::string& shownName,
                                                           size_t element,
                                                           std::string_view localName) {
    using Text = std::optional<std::string>;
    const std::string raw = "@" + res::hex32(id);
    if (id == 0) return Text("@null");
    // What is left when the reference cannot be followed: the id itself (so the reader sees
    // something), or nothing for an attribute that needs a number or a boolean.
    const auto unresolved = [&](const std::string& why) -> Text {
        if (!reachesTheModel(localName)) return Text(raw);
        if (takesNumberOrBool(localName)) {
            warn(element,
                 "'" + shownName + "' refers to " + raw + ", " + why + "; treated as not written");
            return Text();
        }
        warn(element,
             "'" + shownName + "' refers to " + raw + ", " + why + "; kept as '" + raw + "'");
        return Text(raw);
    };
    Result<const arsc::ResourceTable*> loaded = table();
    if (!loaded) return loaded.error();
    const arsc::ResourceTable* resources = *loaded;
    if (resources == nullptr) return unresolved("but the APK has no resources.arsc");
    if (namesAResource(localName)) {
        if (std::optional<arsc::ResourceTable::Name> name = resources->nameOf(id)) {
            const bool own = (id >> 24) == 0x7f || name->packageName == m_packageName;
            return Text("@" + (own ? std::string() : name->packageName + ":") + name->type + "/" +
                        name->key);
        }
        return unresolved("which resources.arsc does not define");
    }
    Result<res::TypedValue> value = resources->value(id, m_apiLevel);
    if (!value)
        return unresolved("which resources.arsc does not resolve (" + value.error().message + ")");
    Result<Text> text = typedText(*value, Source{resources, nullptr}, localName);
    if (!text) {
        return unresolved("which resources.arsc does not resolve (" + text.error().message + ")");
    }
    if (!text->has_value()) {
        return unresolved("which resolves to a value of type " + res::hex8(value->type) +
                          " that has no text");
    }
    return text;
}

Result<std::optional<std::string>> Renderer::typedText(const res::TypedValue& value,
                                                       const Source& source,
                                                       std::string_view localName) {
    namespace vt = res::value_type;
    char text[32];
    switch (value.type) {
        case vt::kString:
            if (source.attribute != nullptr) {
                return std::optional<std::string>(std::string(source.attribute->string));
            } else {
                Result<std::string> string = source.table->stringOf(value);
                if (!string) return string.error();
                return std::optional<std::string>(std::move(string).value());
            }
        case vt::kIntBoolean:
            return std::optional<std::string>(value.data != 0 ? "true" : "false");
        case vt::kIntDec:
        case vt::kIntHex:
            if (localName == "launchMode") {
                if (std::optional<std::string> mode = launchModeName(value.data)) return mode;
            }
            return std::optional<std::string>(std::to_string(static_cast<int32_t>(value.data)));
        case vt::kFloat: {
            float number;
            std::memcpy(&number, &value.data, sizeof number);
            return std::optional<std::string>(formatFloat(number));
        }
        case vt::kDimension: {
            static const char* const kUnits[] = {"px", "dp", "sp", "pt", "in", "mm"};
            const uint32_t unit = value.data & 0xF;
            return std::optional<std::string>(formatFloat(complexToFloat(value.data)) +
                                              (unit < 6 ? kUnits[unit] : ""));
        }
        case vt::kFraction:
            return std::optional<std::string>(formatFloat(complexToFloat(value.data) * 100) +
                                              ((value.data & 0xF) == 1 ? "%p" : "%"));
        case vt::kIntColorArgb8:
            std::snprintf(text, sizeof text, "#%08x", value.data);
            return std::optional<std::string>(text);
        case vt::kIntColorRgb8:
            std::snprintf(text, sizeof text, "#%06x", value.data & 0xFFFFFF);
            return std::optional<std::string>(text);
        case vt::kIntColorArgb4:
            std::snprintf(text, sizeof text, "#%x%x%x%x", (value.data >> 28) & 0xF,
                          (value.data >> 20) & 0xF, (value.data >> 12) & 0xF,
                          (value.data >> 4) & 0xF);
            return std::optional<std::string>(text);
        case vt::kIntColorRgb4:
            std::snprintf(text, sizeof text, "#%x%x%x", (value.data >> 20) & 0xF,
                          (value.data >> 12) & 0xF, (value.data >> 4) & 0xF);
            return std::optional<std::string>(text);
        case vt::kAttribute:
        case vt::kDynamicAttribute:
            return std::optional<std::string>("?" + res::hex32(value.data));
        case vt::kNull:
            // DATA_NULL_EMPTY (1) is an explicit empty value; 0 means "undefined".
            if (value.data == 1) return std::optional<std::string>(std::string());
            return std::optional<std::string>();
        default:
            return std::optional<std::string>();
    }
}

Result<std::optional<std::string>> Renderer::valueText(const axml::Attribute& attribute,
                                                       std::string_view localName,
                                                       const std::string& shownName,
                                                       size_t element) {
    namespace vt = res::value_type;
    const res::TypedValue& value = attribute.typed;
    if (value.type == vt::kReference || value.type == vt::kDynamicReference) {
        return referenceText(value.data, shownName, element, localName);
    }
    Result<std::optional<std::string>> text =
        typedText(value, Source{nullptr, &attribute}, localName);
    if (!text) return text;
    if (!text->has_value()) {
        if (attribute.raw) return std::optional<std::string>(std::string(*attribute.raw));
        if (value.type != vt::kNull) {
            warn(element, "'" + shownName + "' has a value of unknown type " +
                              res::hex8(value.type) + "; ignored");
        }
    }
    return text;
}

Result<RenderedManifest> Renderer::run() {
    const std::vector<axml::Element>& elements = m_document.elements;
    for (const axml::Attribute& attribute : elements.front().attributes) {
        if (attribute.name == "package" && attribute.namespaceUri.empty() &&
            attribute.typed.type == res::value_type::kString) {
            m_packageName = std::string(attribute.string);
        }
    }
    if (Result<void> declared = assignPrefixes(); !declared) return declared.error();

    std::string xml;
    xml.reserve(64 * elements.size());
    std::vector<size_t> open;
    for (size_t index = 0; index < elements.size(); ++index) {
        const axml::Element& element = elements[index];
        while (!open.empty() && open.back() != element.parent) {
            xml += "</" + std::string(elements[open.back()].name) + ">";
            open.pop_back();
        }
        if (!isLocalName(element.name)) {
            return makeError(locationOf(index), "element name '" + std::string(element.name) +
                                                    "' is not a valid XML name");
        }
        if (index > 0) xml += '\n';  // element i starts line i + 1
        xml += "<";
        xml += element.name;
        if (index == 0) {
            for (const auto& [prefix, uri] : m_declarations) {
                xml += " xmlns:" + prefix + "=\"" + escapeXmlAttribute(uri) + "\"";
            }
        }
        std::set<std::string, std::less<>> written;
        for (const axml::Attribute& attribute : element.attributes) {
            Result<std::optional<std::string>> name = qualifiedName(attribute, index);
            if (!name) return name.error();
            if (!name->has_value()) continue;
            const std::string& qualified = **name;
            if (!written.insert(qualified).second) {
                warn(index, "'" + qualified + "' appears twice on <" + std::string(element.name) +
                                ">; the first one is used");
                continue;
            }
            const std::string_view localName =
                std::string_view(qualified).substr(qualified.find(':') + 1);
            Result<std::optional<std::string>> value =
                valueText(attribute, localName, qualified, index);
            if (!value) return value.error();
            if (!value->has_value()) continue;
            xml += " " + qualified + "=\"" + escapeAttributeValue(**value) + "\"";
        }
        if (element.children.empty()) {
            xml += "/>";
        } else {
            xml += ">";
            open.push_back(index);
        }
    }
    while (!open.empty()) {
        xml += "</" + std::string(elements[open.back()].name) + ">";
        open.pop_back();
    }
    xml += '\n';
    return RenderedManifest{std::move(xml), std::move(m_warnings)};
}

void relocate(SourceLocation& where, const SourcePath& sourceName) {
    where.file = sourceName;
    where.column = 0;  // columns of the rendered text mean nothing in an APK
}

void relocate(Manifest& manifest, const std::string& sourceNameText) {
    manifest.file = sourceNameText;
    const SourcePath sourceName(sourceNameText);  // one copy for every location
    relocate(manifest.where, sourceName);
    relocate(manifest.application.where, sourceName);
    for (Component& component : manifest.components) {
        relocate(component.where, sourceName);
        for (IntentFilter& filter : component.filters) {
            relocate(filter.where, sourceName);
            for (FilterAuthority& authority : filter.authorities)
                relocate(authority.where, sourceName);
        }
    }
    for (Diagnostic& diagnostic : manifest.diagnostics) relocate(diagnostic.where, sourceName);
}

// "app.apk: AndroidManifest.xml: <what>, at byte offset N" from an error of the binary readers.
Error entryError(const std::string& sourceName, const char* entry, const Error& error) {
    return makeError(SourceLocation{sourceName, 0, 0}, std::string(entry) + ": " + error.message);
}

}  // namespace

const char* androidAttributeName(uint32_t resourceId) {
    for (const KnownAttribute& known : kAndroidAttributes) {
        if (known.id == resourceId) return known.name;
    }
    return nullptr;
}

Result<RenderedManifest> renderSourceXml(const axml::Document& document,
                                         const TableLoader& loadTable,
                                         const std::string& sourceName, int apiLevel) {
    return Renderer(document, loadTable, sourceName, apiLevel).run();
}

ApkEntries::ApkEntries(Archive archive, std::string sourceName)
    : m_archive(std::move(archive)), m_sourceName(std::move(sourceName)) {}

Result<std::string_view> ApkEntries::manifest() {
    const SourceLocation file{m_sourceName, 0, 0};
    Result<std::optional<std::string_view>> bytes =
        m_archive.read(kManifestEntry, limits::kMaxManifestBytes, m_manifestStorage);
    if (!bytes) return makeError(file, bytes.error().message);
    if (!bytes->has_value()) return makeError(file, "no AndroidManifest.xml in the archive");
    return **bytes;
}

Result<const arsc::ResourceTable*> ApkEntries::table() {
    if (m_table) return &*m_table;
    const SourceLocation file{m_sourceName, 0, 0};
    Result<std::optional<std::string_view>> read =
        m_archive.read(kResourcesEntry, limits::kMaxResourceTableBytes, m_tableStorage);
    if (!read) return makeError(file, read.error().message);
    if (!read->has_value()) return static_cast<const arsc::ResourceTable*>(nullptr);
    Result<arsc::ResourceTable> parsed = arsc::ResourceTable::parse(**read);
    if (!parsed) return entryError(m_sourceName, kResourcesEntry, parsed.error());
    m_table = std::move(parsed).value();
    return &*m_table;
}

TableLoader ApkEntries::tableLoader() {
    return [this]() { return table(); };
}

Result<std::string> ApkEntries::read(const std::string& name, size_t cap) const {
    const SourceLocation file{m_sourceName, 0, 0};
    std::string storage;
    Result<std::optional<std::string_view>> bytes = m_archive.read(name, cap, storage);
    if (!bytes) return makeError(file, bytes.error().message);
    if (!bytes->has_value()) return makeError(file, "no " + name + " in the archive");
    return std::string(**bytes);
}

}  // namespace hearth::apk

namespace hearth {

namespace {

const apk::TableLoader kNoTable = []() -> Result<const arsc::ResourceTable*> {
    return static_cast<const arsc::ResourceTable*>(nullptr);
};

}  // namespace

Result<Manifest> parseApk(std::string_view bytes, const std::string& sourceName,
                          const ParseOptions& options) {
    Result<apk::Archive> archive = apk::Archive::open(bytes);
    if (!archive) return makeError(SourceLocation{sourceName, 0, 0}, archive.error().message);
    apk::ApkEntries entries(std::move(archive).value(), sourceName);
    Result<std::string_view> manifest = entries.manifest();
    if (!manifest) return manifest.error();
    return apk::parseBinaryManifest(*manifest, entries.tableLoader(), sourceName, options, true);
}

Result<std::string> decodeManifestXml(const std::filesystem::path& path, int apiLevel) {
    const std::string name = path.string();
    Result<std::string> bytes = detail::readFileCapped(path, limits::kMaxApkBytes);
    if (!bytes) return bytes.error();
    std::optional<apk::ApkEntries> entries;
    std::string_view manifestBytes = *bytes;
    if (apk::looksLikeZip(*bytes)) {
        Result<apk::Archive> archive = apk::Archive::open(*bytes);
        if (!archive) return makeError(SourceLocation{name, 0, 0}, archive.error().message);
        entries.emplace(std::move(archive).value(), name);
        Result<std::string_view> manifest = entries->manifest();
        if (!manifest) return manifest.error();
        manifestBytes = *manifest;
    }
    Result<axml::Document> document = axml::parse(manifestBytes);
    if (!document) {
        if (!entries) return makeError(SourceLocation{name, 0, 0}, document.error().message);
        return apk::entryError(name, apk::kManifestEntry, document.error());
    }
    Result<apk::RenderedManifest> rendered = apk::renderSourceXml(
        *document, entries ? entries->tableLoader() : kNoTable, name, apiLevel);
    if (!rendered) return rendered.error();
    // Indented by depth for reading; element i stays on line i (the lines APK locations name).
    std::string xml;
    xml.reserve(rendered->xml.size() + 4 * document->elements.size());
    size_t element = 0;
    for (size_t start = 0; start < rendered->xml.size();) {
        size_t end = rendered->xml.find('\n', start);
        if (end == std::string::npos) end = rendered->xml.size();
        if (element < document->elements.size() && end > start) {
            xml.append(4 * document->elements[element].depth, ' ');
        }
        xml.append(rendered->xml, start, end - start);
        xml += '\n';
        ++element;
        start = end + 1;
    }
    return xml;
}

Result<Manifest> parseBinaryManifest(std::string_view bytes, const std::string& sourceName,
                                     const ParseOptions& options) {
    return apk::parseBinaryManifest(bytes, kNoTable, sourceName, options, false);
}

}  // namespace hearth

namespace hearth::apk {

Result<Manifest> parseBinaryManifest(std::string_view bytes, const TableLoader& loadTable,
                                     const std::string& sourceName, const ParseOptions& options,
                                     bool inArchive) {
    const SourceLocation file{sourceName, 0, 0};
    Result<axml::Document> document = axml::parse(bytes);
    if (!document) {
        if (!inArchive) return makeError(file, document.error().message);
        return apk::entryError(sourceName, apk::kManifestEntry, document.error());
    }

    Result<apk::RenderedManifest> rendered = apk::renderSourceXml(*document, loadTable, sourceName, options.apiLevel);
    if (!rendered) return rendered.error();
    if (options.strict && !rendered->warnings.empty()) {
        const Diagnostic& first = rendered->warnings.front();
        return makeError(first.where, first.message);
    }

    if (rendered->xml.size() > limits::kMaxManifestBytes) {
        return makeError(file, std::string(inArchive ? "AndroidManifest.xml: " : "") + "decompiles to " +
                                   std::to_string(rendered->xml.size()) +
                                   " bytes of XML, more than hearth's limit of " +
                                   apk::mebibytes(limits::kMaxManifestBytes));
    }
    // A name that is no real path, so the source parser finds no res/values next to it.
    Result<Manifest> manifest =
        parseManifest(rendered->xml, sourceName + "!/" + apk::kManifestEntry, options);
    if (!manifest) {
        Error error = manifest.error();
        apk::relocate(error.where, sourceName);
        return error;
    }
    apk::relocate(*manifest, sourceName);
    std::vector<Diagnostic>& diagnostics = manifest->diagnostics;
    diagnostics.insert(diagnostics.begin(), rendered->warnings.begin(), rendered->warnings.end());
    std::stable_sort(
        diagnostics.begin(), diagnostics.end(),
        [](const Diagnostic& a, const Diagnostic& b) { return a.where.line < b.where.line; });
    return manifest;
}

}  // namespace hearth::apk

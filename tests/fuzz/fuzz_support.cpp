#include "fuzz_support.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>

namespace hearth::fuzz {

void fail(const char* check, const std::string& detail) {
    std::fprintf(stderr, "FUZZ CHECK FAILED: %s\n%s\n", check, detail.c_str());
    std::fflush(stderr);
    std::abort();
}

std::size_t countLines(std::string_view text) {
    std::size_t lines = 1;
    for (char c : text) lines += c == '\n';
    return lines;
}

void checkError(const Error& error, std::size_t lineCount) {
    const std::string text = error.toString();
    FUZZ_CHECK(!error.message.empty(), "empty error message: '" + text + "'");
    FUZZ_CHECK(error.message.back() != '\n', "error message ends in a newline: '" + text + "'");
    FUZZ_CHECK(error.where.line >= 0 && error.where.column >= 0, "negative location: " + text);
    if (lineCount > 0) {
        FUZZ_CHECK(
            static_cast<std::size_t>(error.where.line) <= lineCount,
            "error line beyond the input's " + std::to_string(lineCount) + " lines: " + text);
    }
}

namespace {

std::string optionalText(const std::optional<std::string>& value) {
    return value ? "'" + *value + "'" : "-";
}

std::string locationText(const SourceLocation& where) {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

void describeFilter(std::ostringstream& out, const IntentFilter& filter, bool withLocations) {
    out << "    filter priority=" << filter.priority << " order=" << filter.order
        << " autoVerify=" << filter.autoVerify;
    if (withLocations) out << " at " << locationText(filter.where);
    out << "\n";
    for (const auto& action : filter.actions) out << "      action '" << action << "'\n";
    for (const auto& category : filter.categories) out << "      category '" << category << "'\n";
    for (const auto& type : filter.types) out << "      type '" << type << "'\n";
    for (const auto& scheme : filter.schemes) out << "      scheme '" << scheme << "'\n";
    for (const auto& ssp : filter.ssps)
        out << "      ssp " << patternKindName(ssp.kind()) << " '" << ssp.pattern() << "'\n";
    for (const auto& authority : filter.authorities) {
        out << "      authority '" << authority.host
            << "' port=" << (authority.port ? std::to_string(*authority.port) : "-") << "\n";
    }
    for (const auto& path : filter.paths)
        out << "      path " << patternKindName(path.kind()) << " '" << path.pattern() << "'\n";
    for (const auto& group : filter.mimeGroups) out << "      mimeGroup '" << group << "'\n";
}

}  // namespace

std::string describe(const Manifest& manifest, bool withLocations) {
    std::ostringstream out;
    out << "package '" << manifest.packageName
        << "' minSdk=" << (manifest.minSdk ? std::to_string(*manifest.minSdk) : "-")
        << " targetSdk=" << (manifest.targetSdk ? std::to_string(*manifest.targetSdk) : "-")
        << "\n";
    const Application& app = manifest.application;
    out << "application label=" << optionalText(app.label) << " icon=" << optionalText(app.icon)
        << " enabled=" << app.enabled << " process=" << optionalText(app.process)
        << " directBootAware=" << app.directBootAware << "\n";
    for (const Component& component : manifest.components) {
        out << "  " << componentKindName(component.kind) << " '" << component.name
            << "' label=" << optionalText(component.label) << " enabled=" << component.enabled
            << " exported=" << component.exported << " explicit=" << component.exportedExplicit
            << " permission=" << optionalText(component.permission)
            << " process=" << optionalText(component.process)
            << " directBootAware=" << component.directBootAware
            << " excludeFromRecents=" << component.excludeFromRecents << " launchMode='"
            << component.launchMode << "' target='" << component.targetActivity
            << "' authorities='" << component.authorities << "'";
        if (withLocations) out << " at " << locationText(component.where);
        out << "\n";
        for (const IntentFilter& filter : component.filters)
            describeFilter(out, filter, withLocations);
    }
    if (withLocations) {
        out << "at " << locationText(manifest.where) << " file '" << manifest.file << "'\n";
        for (const Diagnostic& diagnostic : manifest.diagnostics)
            out << diagnostic.toString() << "\n";
    }
    return out.str();
}

// ---- zip ------------------------------------------------------------------------------------

std::uint32_t crc32(std::string_view bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t crc = 0xFFFFFFFFu;
    for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

namespace {

void put16(std::string& out, std::uint32_t value) {
    out.push_back(static_cast<char>(value & 0xFF));
    out.push_back(static_cast<char>((value >> 8) & 0xFF));
}

void put32(std::string& out, std::uint32_t value) {
    put16(out, value & 0xFFFF);
    put16(out, value >> 16);
}

}  // namespace

std::string zipArchive(const std::vector<ZipEntry>& entries) {
    std::string out;
    std::string directory;
    for (const ZipEntry& entry : entries) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const auto size = static_cast<std::uint32_t>(entry.data.size());
        const auto nameSize = static_cast<std::uint32_t>(entry.name.size());
        const std::uint32_t version = entry.method == 8 ? 20 : 10;
        put32(out, 0x04034b50);  // local file header
        put16(out, version);
        put16(out, 0);  // flags
        put16(out, entry.method);
        put16(out, 0);     // time
        put16(out, 0x21);  // date: 1980-01-01
        put32(out, entry.crc);
        put32(out, size);
        put32(out, entry.uncompressedSize);
        put16(out, nameSize);
        put16(out, 0);
        out += entry.name;
        out += entry.data;

        put32(directory, 0x02014b50);  // central directory header
        put16(directory, 20);          // version made by
        put16(directory, version);
        put16(directory, 0);
        put16(directory, entry.method);
        put16(directory, 0);
        put16(directory, 0x21);
        put32(directory, entry.crc);
        put32(directory, size);
        put32(directory, entry.uncompressedSize);
        put16(directory, nameSize);
        put16(directory, 0);  // extra
        put16(directory, 0);  // comment
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += entry.name;
    }
    const auto directoryOffset = static_cast<std::uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);  // end of central directory
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put16(out, static_cast<std::uint32_t>(entries.size()));
    put32(out, static_cast<std::uint32_t>(directory.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

std::string storedZip(const std::vector<std::pair<std::string, std::string>>& entries) {
    std::vector<ZipEntry> zipEntries;
    for (const auto& [name, content] : entries) {
        zipEntries.push_back(
            ZipEntry{name, content, 0, crc32(content), static_cast<std::uint32_t>(content.size())});
    }
    return zipArchive(zipEntries);
}

namespace {

// Deflate writes bits least significant first, but Huffman codes most significant bit first.
class BitWriter {
  public:
    void bits(std::uint32_t value, int count) {  // LSB first (header fields)
        for (int i = 0; i < count; ++i) bit((value >> i) & 1);
    }
    void code(std::uint32_t value, int count) {  // MSB first (Huffman codes)
        for (int i = count - 1; i >= 0; --i) bit((value >> i) & 1);
    }
    std::string finish() {
        if (m_used != 0) m_out.push_back(static_cast<char>(m_byte));
        return std::move(m_out);
    }

  private:
    void bit(std::uint32_t b) {
        m_byte |= b << m_used;
        if (++m_used == 8) {
            m_out.push_back(static_cast<char>(m_byte));
            m_byte = 0;
            m_used = 0;
        }
    }
    std::string m_out;
    std::uint32_t m_byte = 0;
    int m_used = 0;
};

std::uint32_t crc32OfZeros(std::size_t count) {
    std::uint32_t crc = 0xFFFFFFFFu;
    // Same table walk as crc32(), continued across blocks.
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    for (std::size_t i = 0; i < count; ++i) crc = table[crc & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

}  // namespace

DeflatedZeros deflateZeros(std::size_t atLeast) {
    BitWriter writer;
    writer.bits(1, 1);     // BFINAL
    writer.bits(1, 2);     // BTYPE 01: fixed Huffman codes
    writer.code(0x30, 8);  // literal 0
    std::size_t count = 1;
    while (count < atLeast) {
        writer.code(0xC5, 8);  // length symbol 285: 258 bytes
        writer.code(0, 5);     // distance code 0: distance 1
        count += 258;
    }
    writer.code(0, 7);  // end of block (symbol 256)
    return DeflatedZeros{writer.finish(), count, crc32OfZeros(count)};
}

// ---- AXML -----------------------------------------------------------------------------------

namespace {

constexpr const char* kAndroidNamespace = "http://schemas.android.com/apk/res/android";

std::u16string toUtf16(std::string_view utf8) {
    std::u16string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        std::uint32_t cp = c;
        std::size_t extra = 0;
        if (c >= 0xF0) {
            cp = c & 0x07;
            extra = 3;
        } else if (c >= 0xE0) {
            cp = c & 0x0F;
            extra = 2;
        } else if (c >= 0xC0) {
            cp = c & 0x1F;
            extra = 1;
        }
        for (std::size_t k = 1; k <= extra && i + k < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += 1 + extra;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
    }
    return out;
}

void putLength8(std::string& out, std::size_t length) {
    if (length > 0x7F) out.push_back(static_cast<char>(0x80 | ((length >> 8) & 0x7F)));
    out.push_back(static_cast<char>(length & 0xFF));
}

void putLength16(std::string& out, std::size_t length) {
    if (length > 0x7FFF) put16(out, 0x8000 | ((length >> 16) & 0x7FFF));
    put16(out, length & 0xFFFF);
}

void pad4(std::string& out) {
    while (out.size() % 4 != 0) out.push_back('\0');
}

class StringPool {
  public:
    /// The index of text among the shared strings, adding it once.
    std::uint32_t add(const std::string& text) {
        auto [it, inserted] =
            m_index.try_emplace(text, static_cast<std::uint32_t>(m_strings.size()));
        if (inserted) m_strings.push_back(text);
        return it->second;
    }
    /// A slot of its own (mapped attribute names must not be shared with other strings).
    std::uint32_t append(const std::string& text) {
        m_strings.push_back(text);
        return static_cast<std::uint32_t>(m_strings.size() - 1);
    }
    std::size_t size() const { return m_strings.size(); }

    std::string chunk(bool utf8) const {
        std::string data;
        std::vector<std::uint32_t> offsets;
        for (const std::string& text : m_strings) {
            offsets.push_back(static_cast<std::uint32_t>(data.size()));
            const std::u16string wide = toUtf16(text);
            if (utf8) {
                putLength8(data, wide.size());
                putLength8(data, text.size());
                data += text;
                data.push_back('\0');
            } else {
                putLength16(data, wide.size());
                for (char16_t unit : wide) put16(data, unit);
                put16(data, 0);
            }
        }
        pad4(data);
        const std::uint32_t headerSize = 28;
        const auto stringsStart = static_cast<std::uint32_t>(headerSize + 4 * offsets.size());
        std::string out;
        put16(out, 0x0001);
        put16(out, headerSize);
        put32(out, static_cast<std::uint32_t>(stringsStart + data.size()));
        put32(out, static_cast<std::uint32_t>(offsets.size()));
        put32(out, 0);                     // styles
        put32(out, utf8 ? (1u << 8) : 0);  // UTF8_FLAG
        put32(out, stringsStart);
        put32(out, 0);
        for (std::uint32_t offset : offsets) put32(out, offset);
        return out + data;
    }

  private:
    std::vector<std::string> m_strings;
    std::map<std::string, std::uint32_t> m_index;
};

void putNode(std::string& out, std::uint16_t type, std::uint32_t size, std::uint32_t line) {
    put16(out, type);
    put16(out, 16);
    put32(out, size);
    put32(out, line);
    put32(out, 0xFFFFFFFFu);  // no comment
}

}  // namespace

void AxmlWriter::startElement(const std::string& name, std::vector<Attribute> attributes) {
    m_events.push_back(Event{true, name, std::move(attributes)});
    m_open.push_back(name);
}

void AxmlWriter::endElement() {
    if (m_open.empty()) return;
    m_events.push_back(Event{false, m_open.back(), {}});
    m_open.pop_back();
}

std::string AxmlWriter::finish() {
    while (!m_open.empty()) endElement();
    // aapt puts the attribute names that have resource ids first in the pool, in id order, so
    // that the resource map covers exactly them.
    std::map<std::uint32_t, std::string> mapped;
    for (const Event& event : m_events)
        for (const Attribute& attribute : event.attributes)
            if (attribute.resourceId != 0) mapped.emplace(attribute.resourceId, attribute.name);
    StringPool pool;
    std::vector<std::uint32_t> resourceIds;
    std::map<std::uint32_t, std::uint32_t> slotOfId;
    for (const auto& [id, name] : mapped) {
        slotOfId[id] = pool.append(name);
        resourceIds.push_back(id);
    }
    const std::uint32_t prefix = pool.add("android");
    const std::uint32_t uri = pool.add(kAndroidNamespace);

    std::string body;
    std::uint32_t line = 1;
    putNode(body, 0x0100, 24, line);  // start namespace
    put32(body, prefix);
    put32(body, uri);
    for (Event& event : m_events) {
        if (!event.start) {
            putNode(body, 0x0103, 24, line);
            put32(body, 0xFFFFFFFFu);
            put32(body, pool.add(event.name));
            continue;
        }
        // aapt sorts attributes by resource id; unmapped ones follow.
        std::stable_sort(event.attributes.begin(), event.attributes.end(),
                         [](const Attribute& a, const Attribute& b) {
                             const auto key = [](const Attribute& x) {
                                 return x.resourceId == 0 ? 0xFFFFFFFFu : x.resourceId;
                             };
                             return key(a) < key(b);
                         });
        const auto count = static_cast<std::uint32_t>(event.attributes.size());
        putNode(body, 0x0102, 16 + 20 + 20 * count, ++line);
        put32(body, 0xFFFFFFFFu);  // element namespace: none
        put32(body, pool.add(event.name));
        put16(body, 20);  // attributeStart
        put16(body, 20);  // attributeSize
        put16(body, count);
        put16(body, 0);  // id, class, style attribute indices: none
        put16(body, 0);
        put16(body, 0);
        for (const Attribute& attribute : event.attributes) {
            put32(body, attribute.androidNamespace ? uri : 0xFFFFFFFFu);
            put32(body, attribute.resourceId != 0 ? slotOfId[attribute.resourceId]
                                                  : pool.add(attribute.name));
            const bool isString = attribute.type == ValueType::String;
            const std::uint32_t text = isString ? pool.add(attribute.text) : 0xFFFFFFFFu;
            put32(body, text);
            put16(body, 8);  // Res_value size
            body.push_back('\0');
            body.push_back(static_cast<char>(attribute.type));
            put32(body, isString ? text : attribute.data);
        }
    }
    putNode(body, 0x0101, 24, line);  // end namespace
    put32(body, prefix);
    put32(body, uri);

    std::string resourceMap;
    put16(resourceMap, 0x0180);
    put16(resourceMap, 8);
    put32(resourceMap, static_cast<std::uint32_t>(8 + 4 * resourceIds.size()));
    for (std::uint32_t id : resourceIds) put32(resourceMap, id);

    const std::string content = pool.chunk(m_utf8) + resourceMap + body;
    std::string out;
    put16(out, 0x0003);
    put16(out, 8);
    put32(out, static_cast<std::uint32_t>(8 + content.size()));
    return out + content;
}

// ---- manifest model to AXML ------------------------------------------------------------------

namespace {

// Resource ids of the android:attr/* the manifest uses (framework public.xml; the API 30-31
// attributes come from those releases' public.xml, the rest from framework-res 10).
std::uint32_t androidAttributeId(std::string_view name) {
    static const std::map<std::string_view, std::uint32_t> ids = {
        {"label", 0x01010001},
        {"icon", 0x01010002},
        {"name", 0x01010003},
        {"permission", 0x01010006},
        {"enabled", 0x0101000e},
        {"exported", 0x01010010},
        {"process", 0x01010011},
        {"excludeFromRecents", 0x01010017},
        {"authorities", 0x01010018},
        {"priority", 0x0101001c},
        {"launchMode", 0x0101001d},
        {"mimeType", 0x01010026},
        {"scheme", 0x01010027},
        {"host", 0x01010028},
        {"port", 0x01010029},
        {"path", 0x0101002a},
        {"pathPrefix", 0x0101002b},
        {"pathPattern", 0x0101002c},
        {"order", 0x010101ea},
        {"targetActivity", 0x01010202},
        {"minSdkVersion", 0x0101020c},
        {"targetSdkVersion", 0x01010270},
        {"ssp", 0x010103e3},
        {"sspPrefix", 0x010103e4},
        {"sspPattern", 0x010103e5},
        {"autoVerify", 0x010104ee},
        {"directBootAware", 0x01010505},
        {"mimeGroup", 0x01010615},
        {"pathSuffix", 0x0101061e},
        {"sspSuffix", 0x0101061f},
        {"pathAdvancedPattern", 0x01010620},
        {"sspAdvancedPattern", 0x01010621},
    };
    const auto it = ids.find(name);
    return it == ids.end() ? 0 : it->second;
}

// launchMode's enum values in attrs.xml.
std::optional<std::uint32_t> launchModeValue(std::string_view mode) {
    static const std::map<std::string_view, std::uint32_t> values = {{"standard", 0},
                                                                     {"singleTop", 1},
                                                                     {"singleTask", 2},
                                                                     {"singleInstance", 3},
                                                                     {"singleInstancePerTask", 4}};
    const auto it = values.find(mode);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

const char* patternAttribute(PatternKind kind, bool ssp) {
    switch (kind) {
        case PatternKind::Literal:
            return ssp ? "ssp" : "path";
        case PatternKind::Prefix:
            return ssp ? "sspPrefix" : "pathPrefix";
        case PatternKind::SimpleGlob:
            return ssp ? "sspPattern" : "pathPattern";
        case PatternKind::AdvancedGlob:
            return ssp ? "sspAdvancedPattern" : "pathAdvancedPattern";
        case PatternKind::Suffix:
            return ssp ? "sspSuffix" : "pathSuffix";
    }
    return "path";
}

}  // namespace

AxmlWriter::Attribute stringAttr(const std::string& name, const std::string& value) {
    AxmlWriter::Attribute attribute;
    attribute.name = name;
    attribute.resourceId = androidAttributeId(name);
    attribute.type = AxmlWriter::ValueType::String;
    attribute.text = value;
    return attribute;
}

AxmlWriter::Attribute intAttr(const std::string& name, std::int32_t value) {
    AxmlWriter::Attribute attribute;
    attribute.name = name;
    attribute.resourceId = androidAttributeId(name);
    attribute.type = AxmlWriter::ValueType::IntDec;
    attribute.data = static_cast<std::uint32_t>(value);
    return attribute;
}

AxmlWriter::Attribute boolAttr(const std::string& name, bool value) {
    AxmlWriter::Attribute attribute;
    attribute.name = name;
    attribute.resourceId = androidAttributeId(name);
    attribute.type = AxmlWriter::ValueType::Boolean;
    attribute.data = value ? 0xFFFFFFFFu : 0;  // aapt writes true as all ones
    return attribute;
}

std::string encodeManifestAxml(const Manifest& manifest, bool utf8Pool) {
    AxmlWriter writer(utf8Pool);
    AxmlWriter::Attribute package = stringAttr("package", manifest.packageName);
    package.androidNamespace = false;
    package.resourceId = 0;
    writer.startElement("manifest", {package});
    if (manifest.minSdk || manifest.targetSdk) {
        std::vector<AxmlWriter::Attribute> sdk;
        if (manifest.minSdk) sdk.push_back(intAttr("minSdkVersion", *manifest.minSdk));
        if (manifest.targetSdk) sdk.push_back(intAttr("targetSdkVersion", *manifest.targetSdk));
        writer.startElement("uses-sdk", sdk);
        writer.endElement();
    }
    const Application& app = manifest.application;
    std::vector<AxmlWriter::Attribute> appAttributes{
        boolAttr("enabled", app.enabled), boolAttr("directBootAware", app.directBootAware)};
    if (app.label) appAttributes.push_back(stringAttr("label", *app.label));
    if (app.icon) appAttributes.push_back(stringAttr("icon", *app.icon));
    if (app.process) appAttributes.push_back(stringAttr("process", *app.process));
    writer.startElement("application", appAttributes);
    for (const Component& component : manifest.components) {
        std::vector<AxmlWriter::Attribute> attributes{
            stringAttr("name", component.name),
            boolAttr("enabled", component.enabled),
            boolAttr("directBootAware", component.directBootAware),
        };
        if (component.kind == ComponentKind::Activity ||
            component.kind == ComponentKind::ActivityAlias)
            attributes.push_back(boolAttr("excludeFromRecents", component.excludeFromRecents));
        if (component.exportedExplicit)
            attributes.push_back(boolAttr("exported", component.exported));
        if (component.label) attributes.push_back(stringAttr("label", *component.label));
        if (component.permission)
            attributes.push_back(stringAttr("permission", *component.permission));
        if (component.process) attributes.push_back(stringAttr("process", *component.process));
        if (component.kind == ComponentKind::ActivityAlias)
            attributes.push_back(stringAttr("targetActivity", component.targetActivity));
        if (component.kind == ComponentKind::Provider)
            attributes.push_back(stringAttr("authorities", component.authorities));
        if (component.kind == ComponentKind::Activity) {
            if (auto mode = launchModeValue(component.launchMode)) {
                AxmlWriter::Attribute launchMode = intAttr("launchMode", 0);
                launchMode.type = AxmlWriter::ValueType::IntDec;
                launchMode.data = *mode;
                attributes.push_back(launchMode);
            }
        }
        writer.startElement(componentKindName(component.kind), attributes);
        for (const IntentFilter& filter : component.filters) {
            std::vector<AxmlWriter::Attribute> filterAttributes;
            if (filter.priority != 0)
                filterAttributes.push_back(intAttr("priority", filter.priority));
            if (filter.order != 0) filterAttributes.push_back(intAttr("order", filter.order));
            if (filter.autoVerify) filterAttributes.push_back(boolAttr("autoVerify", true));
            writer.startElement("intent-filter", filterAttributes);
            const auto leaf = [&writer](const char* element, AxmlWriter::Attribute attribute) {
                writer.startElement(element, {std::move(attribute)});
                writer.endElement();
            };
            for (const auto& action : filter.actions) leaf("action", stringAttr("name", action));
            for (const auto& category : filter.categories)
                leaf("category", stringAttr("name", category));
            for (const auto& type : filter.types) leaf("data", stringAttr("mimeType", type));
            for (const auto& group : filter.mimeGroups)
                leaf("data", stringAttr("mimeGroup", group));
            for (const auto& scheme : filter.schemes) leaf("data", stringAttr("scheme", scheme));
            for (const auto& ssp : filter.ssps)
                leaf("data", stringAttr(patternAttribute(ssp.kind(), true), ssp.pattern()));
            for (const auto& authority : filter.authorities) {
                std::vector<AxmlWriter::Attribute> hostPort{stringAttr("host", authority.host)};
                if (authority.port)
                    hostPort.push_back(stringAttr("port", std::to_string(*authority.port)));
                writer.startElement("data", hostPort);
                writer.endElement();
            }
            for (const auto& path : filter.paths)
                leaf("data", stringAttr(patternAttribute(path.kind(), false), path.pattern()));
            writer.endElement();
        }
        writer.endElement();
    }
    return writer.finish();
}

bool isValidUtf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + extra >= text.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (next & 0x3F);
        }
        const std::uint32_t minimum[] = {0, 0x80, 0x800, 0x10000};
        if (cp < minimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += 1 + extra;
    }
    return true;
}

}  // namespace hearth::fuzz

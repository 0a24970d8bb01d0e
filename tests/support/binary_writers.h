#pragma once
// Byte-level writers for the binary formats Hearth reads: zip archives (stored, deflated, or with
// headers that lie), binary XML (AXML) and resources.arsc. One set for every test that needs exact,
// possibly hostile, bytes: the APK and hostile-input tests, the benchmarks and the fuzz targets.
// Header-only and standard C++ only, so a fuzz target can use it without GoogleTest.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hearth::testing {

inline constexpr const char* kAndroidUri = "http://schemas.android.com/apk/res/android";

// ---- little-endian bytes -----------------------------------------------------------------------

inline void putU8(std::string& out, uint32_t value) { out += static_cast<char>(value & 0xFF); }
inline void putU16(std::string& out, uint32_t value) {
    putU8(out, value);
    putU8(out, value >> 8);
}
inline void putU32(std::string& out, uint32_t value) {
    putU16(out, value);
    putU16(out, value >> 16);
}
inline void setU16(std::string& bytes, size_t offset, uint32_t value) {
    bytes[offset] = static_cast<char>(value & 0xFF);
    bytes[offset + 1] = static_cast<char>((value >> 8) & 0xFF);
}
inline void setU32(std::string& bytes, size_t offset, uint32_t value) {
    setU16(bytes, offset, value);
    setU16(bytes, offset + 2, value >> 16);
}
inline uint32_t getU16(std::string_view bytes, size_t offset) {
    return static_cast<uint8_t>(bytes[offset]) | (static_cast<uint8_t>(bytes[offset + 1]) << 8);
}
inline uint32_t getU32(std::string_view bytes, size_t offset) {
    return getU16(bytes, offset) | (getU16(bytes, offset + 2) << 16);
}

// ---- zip -----------------------------------------------------------------------------------

inline uint32_t crc32Update(uint32_t crc, std::string_view data) {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (char ch : data) crc = table[(crc ^ static_cast<uint8_t>(ch)) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

/// CRC-32 as zip computes it.
inline uint32_t crc32(std::string_view data) { return crc32Update(0, data); }

/// A raw deflate stream (fixed Huffman codes) that inflates to `1 + 258 * runs` zero bytes: one
/// literal zero, then back-references of length 258 at distance 1. A zip bomb in ~13 bits per
/// 258 bytes, written without any compression library.
inline std::string deflateZeros(size_t runs) {
    std::string out;
    uint32_t buffer = 0;
    int used = 0;
    const auto bits = [&](uint32_t value, int count) {  // LSB first
        for (int i = 0; i < count; ++i) {
            buffer |= ((value >> i) & 1u) << used;
            if (++used == 8) {
                out += static_cast<char>(buffer);
                buffer = 0;
                used = 0;
            }
        }
    };
    const auto code = [&](uint32_t value, int count) {  // Huffman codes go MSB first
        for (int i = count - 1; i >= 0; --i) bits((value >> i) & 1u, 1);
    };
    bits(1, 1);     // final block
    bits(1, 2);     // fixed Huffman
    code(0x30, 8);  // literal 0
    for (size_t i = 0; i < runs; ++i) {
        code(0xC5, 8);  // length code 285 = 258
        code(0, 5);     // distance code 0 = 1
    }
    code(0, 7);  // end of block
    if (used > 0) out += static_cast<char>(buffer);
    return out;
}

/// A zip bomb's payload: deflateZeros() with enough runs to inflate to at least `atLeast` bytes.
struct DeflatedZeros {
    std::string stream;
    size_t count = 0;   ///< bytes it inflates to: 1 + 258 * runs
    uint32_t crc = 0;   ///< CRC-32 of those bytes
};
inline DeflatedZeros deflatedZerosOfAtLeast(size_t atLeast) {
    const size_t runs = atLeast <= 1 ? 0 : (atLeast - 1 + 257) / 258;
    const size_t count = 1 + 258 * runs;
    // The CRC of `count` zero bytes, a block at a time rather than one string of them all.
    const std::string block(1 << 16, '\0');
    uint32_t crc = 0;
    for (size_t left = count; left > 0;) {
        const size_t n = std::min(left, block.size());
        crc = crc32Update(crc, std::string_view(block.data(), n));
        left -= n;
    }
    return DeflatedZeros{deflateZeros(runs), count, crc};
}

/// A zip archive written byte by byte.
class ZipWriter {
  public:
    /// An entry stored uncompressed.
    void stored(std::string name, std::string data) {
        Entry entry{std::move(name), 0, crc32Update(0, data), data.size(), std::move(data)};
        m_entries.push_back(std::move(entry));
    }
    /// An entry whose raw deflate bytes are given, with the CRC and uncompressed size the headers
    /// should claim (which may lie).
    void deflated(std::string name, std::string rawDeflate, uint64_t declaredSize, uint32_t crc) {
        m_entries.push_back(Entry{std::move(name), 8, crc, declaredSize, std::move(rawDeflate)});
    }

    std::string bytes() const {
        std::string out;
        std::string central;
        for (const Entry& entry : m_entries) {
            const uint32_t offset = static_cast<uint32_t>(out.size());
            putU32(out, 0x04034b50);
            putU16(out, 20);
            putU16(out, 0);
            putU16(out, entry.method);
            putU16(out, 0);
            putU16(out, 0x21);
            putU32(out, entry.crc);
            putU32(out, static_cast<uint32_t>(entry.data.size()));
            putU32(out, static_cast<uint32_t>(entry.size));
            putU16(out, static_cast<uint32_t>(entry.name.size()));
            putU16(out, 0);
            out += entry.name;
            out += entry.data;

            putU32(central, 0x02014b50);
            putU16(central, 20);
            putU16(central, 20);
            putU16(central, 0);
            putU16(central, entry.method);
            putU16(central, 0);
            putU16(central, 0x21);
            putU32(central, entry.crc);
            putU32(central, static_cast<uint32_t>(entry.data.size()));
            putU32(central, static_cast<uint32_t>(entry.size));
            putU16(central, static_cast<uint32_t>(entry.name.size()));
            putU16(central, 0);
            putU16(central, 0);
            putU16(central, 0);
            putU16(central, 0);
            putU32(central, 0);
            putU32(central, offset);
            central += entry.name;
        }
        const uint32_t centralOffset = static_cast<uint32_t>(out.size());
        out += central;
        putU32(out, 0x06054b50);
        putU16(out, 0);
        putU16(out, 0);
        putU16(out, static_cast<uint32_t>(m_entries.size()));
        putU16(out, static_cast<uint32_t>(m_entries.size()));
        putU32(out, static_cast<uint32_t>(central.size()));
        putU32(out, centralOffset);
        putU16(out, 0);
        return out;
    }

  private:
    struct Entry {
        std::string name;
        uint16_t method;
        uint32_t crc;
        uint64_t size;
        std::string data;
    };
    std::vector<Entry> m_entries;
};

/// An APK holding just a manifest (and optionally a resource table).
inline std::string apkWith(const std::string& manifest,
                           const std::optional<std::string>& resources = std::nullopt) {
    ZipWriter zip;
    zip.stored("AndroidManifest.xml", manifest);
    if (resources) zip.stored("resources.arsc", *resources);
    return zip.bytes();
}

// ---- string pools ----------------------------------------------------------------------------

/// UTF-8 text as UTF-16 code units (a string pool's UTF-16 form, and the unit count the UTF-8 form
/// records first). Invalid sequences are decoded leniently; fuzzed text may hold them.
inline std::u16string toUtf16(std::string_view utf8) {
    std::u16string out;
    for (size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        uint32_t cp = c;
        size_t extra = 0;
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
        for (size_t k = 1; k <= extra && i + k < utf8.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        }
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

/// A ResStringPool chunk; UTF-8 or UTF-16, lengths in their one- or two-unit encodings (the UTF-8
/// form records the UTF-16 length, then the byte length, as aapt writes them).
inline std::string stringPoolChunk(const std::vector<std::string>& strings, bool utf8) {
    std::string data;
    std::vector<uint32_t> offsets;
    for (const std::string& text : strings) {
        offsets.push_back(static_cast<uint32_t>(data.size()));
        const std::u16string wide = toUtf16(text);
        if (utf8) {
            for (size_t length : {wide.size(), text.size()}) {
                if (length > 0x7F) putU8(data, 0x80 | ((length >> 8) & 0x7F));
                putU8(data, length & 0xFF);
            }
            data += text;
            putU8(data, 0);
        } else {
            if (wide.size() > 0x7FFF) putU16(data, 0x8000 | ((wide.size() >> 16) & 0x7FFF));
            putU16(data, wide.size() & 0xFFFF);
            for (char16_t unit : wide) putU16(data, unit);
            putU16(data, 0);
        }
    }
    while (data.size() % 4) data += '\0';
    const uint32_t headerSize = 28;
    const uint32_t stringsStart = headerSize + 4 * static_cast<uint32_t>(strings.size());
    std::string out;
    putU16(out, 0x0001);
    putU16(out, headerSize);
    putU32(out, stringsStart + static_cast<uint32_t>(data.size()));
    putU32(out, static_cast<uint32_t>(strings.size()));
    putU32(out, 0);
    putU32(out, utf8 ? 0x100 : 0);
    putU32(out, strings.empty() ? 0 : stringsStart);
    putU32(out, 0);
    for (uint32_t offset : offsets) putU32(out, offset);
    return out + data;
}

// ---- AXML ------------------------------------------------------------------------------------

/// Res_value types used by the writers.
namespace value {
inline constexpr uint8_t kReference = 0x01;
inline constexpr uint8_t kString = 0x03;
inline constexpr uint8_t kIntDec = 0x10;
inline constexpr uint8_t kIntHex = 0x11;
inline constexpr uint8_t kBoolean = 0x12;
}  // namespace value

struct AxmlAttribute {
    std::string namespaceUri;
    std::string name;
    uint32_t resourceId = 0;
    uint8_t type = value::kString;
    std::string text;   // kString: the value (also written as the raw value)
    uint32_t data = 0;  // other types
};

/// android:<name> (with its resource id) = "text".
inline AxmlAttribute androidString(std::string name, uint32_t id, std::string text) {
    return AxmlAttribute{kAndroidUri, std::move(name), id, value::kString, std::move(text), 0};
}
/// android:<name> (with its resource id) of a typed value.
inline AxmlAttribute androidTyped(std::string name, uint32_t id, uint8_t type, uint32_t data) {
    return AxmlAttribute{kAndroidUri, std::move(name), id, type, {}, data};
}
/// An attribute without namespace (package="...").
inline AxmlAttribute plainString(std::string name, std::string text) {
    return AxmlAttribute{{}, std::move(name), 0, value::kString, std::move(text), 0};
}

/// A binary XML document written chunk by chunk, as aapt lays it out: header, string pool
/// (attribute names with ids first, matching the resource map), resource map, nodes.
class AxmlWriter {
  public:
    bool utf8 = false;

    void startNamespace(std::string prefix, std::string uri) {
        m_nodes.push_back(Node{Node::StartNs, std::move(prefix), std::move(uri), {}});
    }
    void endNamespace(std::string prefix, std::string uri) {
        m_nodes.push_back(Node{Node::EndNs, std::move(prefix), std::move(uri), {}});
    }
    void start(std::string name, std::vector<AxmlAttribute> attributes = {}) {
        m_nodes.push_back(Node{Node::Start, std::move(name), {}, std::move(attributes)});
    }
    void end(std::string name) { m_nodes.push_back(Node{Node::End, std::move(name), {}, {}}); }
    /// start() then end(): an element without children.
    void leaf(std::string name, std::vector<AxmlAttribute> attributes = {}) {
        std::string copy = name;
        start(std::move(name), std::move(attributes));
        end(std::move(copy));
    }

    std::string bytes() const {
        // Strings: attribute names that carry ids first (the resource map covers them), then the
        // rest in order of appearance.
        std::vector<std::string> strings;
        std::vector<uint32_t> ids;
        std::map<std::pair<std::string, uint32_t>, uint32_t> idNames;
        std::map<std::string, uint32_t> plain;
        for (const Node& node : m_nodes) {
            for (const AxmlAttribute& attribute : node.attributes) {
                if (attribute.resourceId == 0) continue;
                auto key = std::make_pair(attribute.name, attribute.resourceId);
                if (idNames.count(key)) continue;
                idNames[key] = static_cast<uint32_t>(strings.size());
                strings.push_back(attribute.name);
                ids.push_back(attribute.resourceId);
            }
        }
        const auto index = [&](const std::string& text) -> uint32_t {
            auto found = plain.find(text);
            if (found != plain.end()) return found->second;
            const uint32_t at = static_cast<uint32_t>(strings.size());
            strings.push_back(text);
            plain[text] = at;
            return at;
        };
        const auto optionalIndex = [&](const std::string& text) -> uint32_t {
            return text.empty() ? 0xFFFFFFFFu : index(text);
        };
        std::string nodes;
        uint32_t line = 1;
        for (const Node& node : m_nodes) {
            std::string body;
            uint16_t type = 0;
            switch (node.kind) {
                case Node::StartNs:
                case Node::EndNs:
                    type = node.kind == Node::StartNs ? 0x0100 : 0x0101;
                    putU32(body, optionalIndex(node.name));
                    putU32(body, index(node.uri));
                    break;
                case Node::Start: {
                    type = 0x0102;
                    putU32(body, 0xFFFFFFFF);
                    putU32(body, index(node.name));
                    putU16(body, 20);
                    putU16(body, 20);
                    putU16(body, static_cast<uint32_t>(node.attributes.size()));
                    putU16(body, 0);
                    putU16(body, 0);
                    putU16(body, 0);
                    for (const AxmlAttribute& attribute : node.attributes) {
                        putU32(body, optionalIndex(attribute.namespaceUri));
                        putU32(body, attribute.resourceId != 0
                                         ? idNames.at({attribute.name, attribute.resourceId})
                                         : index(attribute.name));
                        const bool isString = attribute.type == value::kString;
                        const uint32_t text = isString ? index(attribute.text) : 0xFFFFFFFFu;
                        putU32(body, text);
                        putU16(body, 8);
                        putU8(body, 0);
                        putU8(body, attribute.type);
                        putU32(body, isString ? text : attribute.data);
                    }
                    break;
                }
                case Node::End:
                    type = 0x0103;
                    putU32(body, 0xFFFFFFFF);
                    putU32(body, index(node.name));
                    break;
            }
            putU16(nodes, type);
            putU16(nodes, 16);
            putU32(nodes, 16 + static_cast<uint32_t>(body.size()));
            putU32(nodes, line++);
            putU32(nodes, 0xFFFFFFFF);
            nodes += body;
        }
        std::string out;
        std::string pool = stringPoolChunk(strings, utf8);
        std::string map;
        putU16(map, 0x0180);
        putU16(map, 8);
        putU32(map, 8 + 4 * static_cast<uint32_t>(ids.size()));
        for (uint32_t id : ids) putU32(map, id);
        putU16(out, 0x0003);
        putU16(out, 8);
        putU32(out, static_cast<uint32_t>(8 + pool.size() + map.size() + nodes.size()));
        return out + pool + map + nodes;
    }

  private:
    struct Node {
        enum Kind { StartNs, EndNs, Start, End } kind;
        std::string name;  // element name, or namespace prefix
        std::string uri;
        std::vector<AxmlAttribute> attributes;
    };
    std::vector<Node> m_nodes;
};

/// Offsets of the chunks of a binary XML document (type, offset), for tests that corrupt one.
inline std::vector<std::pair<uint32_t, size_t>> chunksOf(std::string_view axml) {
    std::vector<std::pair<uint32_t, size_t>> chunks;
    for (size_t pos = getU16(axml, 2); pos + 8 <= axml.size(); pos += getU32(axml, pos + 4)) {
        chunks.emplace_back(getU16(axml, pos), pos);
        if (getU32(axml, pos + 4) == 0) break;
    }
    return chunks;
}
inline size_t chunkOffset(std::string_view axml, uint32_t type, int nth = 0) {
    for (auto [chunkType, offset] : chunksOf(axml)) {
        if (chunkType == type && nth-- == 0) return offset;
    }
    return std::string::npos;
}

/// <manifest package=...><application><activity android:name=".Main"/>...: the smallest
/// document most tests start from, with the ids aapt assigns.
inline AxmlWriter minimalManifest(std::vector<AxmlAttribute> activityExtras = {}) {
    AxmlWriter writer;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.start("application");
    std::vector<AxmlAttribute> attributes = {androidString("name", 0x01010003, ".Main")};
    attributes.insert(attributes.end(), activityExtras.begin(), activityExtras.end());
    writer.leaf("activity", attributes);
    writer.end("application");
    writer.end("manifest");
    writer.endNamespace("android", kAndroidUri);
    return writer;
}

// ---- resources.arsc ----------------------------------------------------------------------------

/// One resources.arsc package (id 0x7f) with simple entries, each in the default configuration
/// or in a French one, in any of the entry layouts Android reads.
class ArscWriter {
  public:
    /// How a type chunk indexes its entries: 32-bit offsets (aapt), 16-bit offsets
    /// (FLAG_OFFSET16) or sorted (index, offset) pairs (FLAG_SPARSE, aapt2 for sparse types).
    enum class Layout { Offsets32, Offsets16, Sparse };
    Layout layout = Layout::Offsets32;
    /// Compact entries (FLAG_COMPACT): key, flags with the value type, data in 8 bytes.
    bool compactEntries = false;

    /// An empty writer in each layout, full and compact entries: every way Android finds an entry.
    static std::vector<ArscWriter> everyLayout() {
        std::vector<ArscWriter> writers;
        for (Layout layout : {Layout::Offsets32, Layout::Offsets16, Layout::Sparse}) {
            for (bool compact : {false, true}) {
                writers.emplace_back();
                writers.back().layout = layout;
                writers.back().compactEntries = compact;
            }
        }
        return writers;
    }
    /// "layout1", "layout1c" (compact): names the writer in a failing test and in file names.
    std::string layoutName() const {
        return "layout" + std::to_string(static_cast<int>(layout)) + (compactEntries ? "c" : "");
    }

    struct Entry {
        std::string type;  // "string", "bool", ...
        std::string key;
        uint8_t valueType = value::kString;
        std::string text;   // kString
        uint32_t data = 0;  // other types
        bool defaultConfig = true;  // false: the French configuration
        uint16_t sdkVersion = 0;    // values-vN: the configuration's sdkVersion
    };

    /// Adds an entry; returns its id 0x7fTTEEEE (types and, per type, keys numbered in the order
    /// they first appear; a key added twice, default and French, keeps one id).
    uint32_t add(Entry entry) {
        auto type = std::find(m_types.begin(), m_types.end(), entry.type);
        if (type == m_types.end()) type = m_types.insert(m_types.end(), entry.type);
        const uint32_t typeId = static_cast<uint32_t>(type - m_types.begin()) + 1;
        std::vector<std::string> keys;
        for (const Entry& other : m_entries) {
            if (other.type == entry.type &&
                std::find(keys.begin(), keys.end(), other.key) == keys.end()) {
                keys.push_back(other.key);
            }
        }
        const uint32_t index =
            static_cast<uint32_t>(std::find(keys.begin(), keys.end(), entry.key) - keys.begin());
        m_entries.push_back(std::move(entry));
        return 0x7f000000u | (typeId << 16) | index;
    }

    std::string bytes() const {
        std::vector<std::string> values;
        std::vector<std::string> keys;
        const auto intern = [](std::vector<std::string>& pool, const std::string& text) {
            auto found = std::find(pool.begin(), pool.end(), text);
            if (found != pool.end()) return static_cast<uint32_t>(found - pool.begin());
            pool.push_back(text);
            return static_cast<uint32_t>(pool.size() - 1);
        };
        std::string body;  // type specs and types
        for (size_t t = 0; t < m_types.size(); ++t) {
            std::vector<std::string> typeKeys;  // entry index -> key
            for (const Entry& entry : m_entries) {
                if (entry.type == m_types[t] &&
                    std::find(typeKeys.begin(), typeKeys.end(), entry.key) == typeKeys.end()) {
                    typeKeys.push_back(entry.key);
                }
            }
            const uint32_t count = static_cast<uint32_t>(typeKeys.size());
            putU16(body, 0x0202);
            putU16(body, 16);
            putU32(body, 16 + 4 * count);
            putU8(body, static_cast<uint32_t>(t + 1));
            putU8(body, 0);
            putU16(body, 0);
            putU32(body, count);
            for (uint32_t i = 0; i < count; ++i) putU32(body, 0);
            std::vector<std::pair<bool, uint16_t>> configs = {{true, 0}};  // default first
            for (const Entry& entry : m_entries) {
                const std::pair<bool, uint16_t> config{entry.defaultConfig, entry.sdkVersion};
                if (entry.type == m_types[t] &&
                    std::find(configs.begin(), configs.end(), config) == configs.end()) {
                    configs.push_back(config);
                }
            }
            for (const auto& [defaultConfig, sdkVersion] : configs) {
                std::string entries;
                std::vector<std::pair<uint32_t, uint32_t>> present;  // entry index, offset
                for (const Entry& entry : m_entries) {
                    if (entry.type != m_types[t] || entry.defaultConfig != defaultConfig ||
                        entry.sdkVersion != sdkVersion) {
                        continue;
                    }
                    const uint32_t index = static_cast<uint32_t>(
                        std::find(typeKeys.begin(), typeKeys.end(), entry.key) - typeKeys.begin());
                    present.emplace_back(index, static_cast<uint32_t>(entries.size()));
                    const uint32_t key = intern(keys, entry.key);
                    const uint32_t data =
                        entry.valueType == value::kString ? intern(values, entry.text) : entry.data;
                    if (compactEntries) {
                        putU16(entries, key);
                        putU16(entries, 0x0008u | (uint32_t{entry.valueType} << 8));
                        putU32(entries, data);
                    } else {
                        putU16(entries, 8);
                        putU16(entries, 0);
                        putU32(entries, key);
                        putU16(entries, 8);
                        putU8(entries, 0);
                        putU8(entries, entry.valueType);
                        putU32(entries, data);
                    }
                }
                if (present.empty()) continue;
                std::string index;
                uint8_t flags = 0;
                uint32_t entryCount = count;
                if (layout == Layout::Offsets32) {
                    std::vector<uint32_t> offsets(count, 0xFFFFFFFF);
                    for (auto [at, offset] : present) offsets[at] = offset;
                    for (uint32_t offset : offsets) putU32(index, offset);
                } else if (layout == Layout::Offsets16) {
                    flags = 0x02;
                    std::vector<uint32_t> offsets(count, 0xFFFF);
                    for (auto [at, offset] : present) offsets[at] = offset / 4;
                    for (uint32_t offset : offsets) putU16(index, offset);
                } else {
                    flags = 0x01;
                    std::sort(present.begin(), present.end());
                    entryCount = static_cast<uint32_t>(present.size());
                    for (auto [at, offset] : present) {
                        putU16(index, at);
                        putU16(index, offset / 4);
                    }
                }
                while (index.size() % 4) index += '\0';
                const uint32_t headerSize = 20 + 64;
                putU16(body, 0x0201);
                putU16(body, headerSize);
                putU32(body, headerSize + static_cast<uint32_t>(index.size() + entries.size()));
                putU8(body, static_cast<uint32_t>(t + 1));
                putU8(body, flags);
                putU16(body, 0);
                putU32(body, entryCount);
                putU32(body, headerSize + static_cast<uint32_t>(index.size()));
                std::string config(64, '\0');
                setU32(config, 0, 64);
                if (!defaultConfig) config[8] = 'f', config[9] = 'r';  // language
                setU16(config, 24, sdkVersion);
                body += config;
                body += index;
                body += entries;
            }
        }
        const std::string typePool = stringPoolChunk(m_types, true);
        const std::string keyPool = stringPoolChunk(keys, true);
        std::string package;
        const uint32_t packageHeader = 288;
        putU16(package, 0x0200);
        putU16(package, packageHeader);
        putU32(package, packageHeader +
                            static_cast<uint32_t>(typePool.size() + keyPool.size() + body.size()));
        putU32(package, 0x7f);
        std::string name(256, '\0');
        const std::string packageName = "com.example.app";
        for (size_t i = 0; i < packageName.size(); ++i) name[2 * i] = packageName[i];
        package += name;
        putU32(package, packageHeader);
        putU32(package, static_cast<uint32_t>(m_types.size()));
        putU32(package, packageHeader + static_cast<uint32_t>(typePool.size()));
        putU32(package, static_cast<uint32_t>(keys.size()));
        putU32(package, 0);
        package += typePool + keyPool + body;

        const std::string valuePool = stringPoolChunk(values, true);
        std::string out;
        putU16(out, 0x0002);
        putU16(out, 12);
        putU32(out, 12 + static_cast<uint32_t>(valuePool.size() + package.size()));
        putU32(out, 1);
        return out + valuePool + package;
    }

  private:
    std::vector<std::string> m_types;
    std::vector<Entry> m_entries;
};

}  // namespace hearth::testing

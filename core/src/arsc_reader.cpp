#include "arsc_reader.h"

#include <algorithm>
#include <array>
#include <optional>

#include "file_read.h"

namespace hearth::arsc {
namespace {

using res::errorAt;
using res::hex32;
using res::readU16;
using res::readU32;
using res::readU8;

constexpr uint16_t kTableHeaderSize = 12;
constexpr uint16_t kPackageHeaderMinSize = 284;  // before typeIdOffset was added
constexpr uint16_t kTypeHeaderMinSize = 24;      // up to and including the config's size field
constexpr size_t kPackageNameOffset = 12;
constexpr size_t kPackageNameChars = 128;
// A type chunk's header is 76-84 bytes in tables aapt and aapt2 write; a longer one is read in
// place.
constexpr size_t kHeaderCopyBytes = 256;

constexpr uint8_t kTypeFlagSparse = 0x01;
constexpr uint8_t kTypeFlagOffset16 = 0x02;
constexpr uint32_t kNoEntry = 0xFFFFFFFF;
constexpr uint16_t kNoEntry16 = 0xFFFF;
constexpr uint16_t kEntryFlagComplex = 0x0001;
constexpr uint16_t kEntryFlagCompact = 0x0008;

std::string reference(uint32_t id) { return "@" + hex32(id); }

// Where ResTable_config keeps density, sdkVersion and minorVersion (16-bit fields).
constexpr size_t kConfigDensity = 14;
constexpr size_t kConfigSdkVersion = 24;
constexpr size_t kConfigMinorVersion = 26;

// Whether a ResTable_config (at byte 20 of a type chunk) qualifies nothing but the SDK level
// (and the density when `densityToo`): every field after its size is zero, sdkVersion and
// minorVersion (and density) aside.
bool qualifiesOnlySdk(std::string_view type, uint32_t configSize, bool densityToo = false) {
    for (size_t i = 4; i < configSize; ++i) {
        if (i >= kConfigSdkVersion && i < kConfigMinorVersion + 2) continue;
        if (densityToo && i >= kConfigDensity && i < kConfigDensity + 2) continue;
        if (type[20 + i] != 0) return false;
    }
    return true;
}

uint16_t configField(std::string_view type, uint32_t configSize, size_t field) {
    return configSize >= field + 2 ? readU16(type, 20 + field) : 0;
}

std::string packageNameAt(std::string_view chunk) {
    std::string name;
    for (size_t i = 0; i < kPackageNameChars; ++i) {
        uint16_t unit = readU16(chunk, kPackageNameOffset + 2 * i);
        if (unit == 0) break;
        res::appendUtf8(name, unit);
    }
    return name;
}

}  // namespace

Result<ResourceTable> ResourceTable::parse(std::string_view bytes) {
    Result<res::Chunk> header =
        res::readChunk(bytes, 0, bytes.size(), kTableHeaderSize, "resource table");
    if (!header) return header.error();
    if (header->type != res::chunk::kTable) {
        return errorAt(0, "not a resource table: the first chunk has type " +
                              res::hex16(header->type) + ", expected 0x0002 (RES_TABLE_TYPE)");
    }
    ResourceTable table;
    table.m_bytes = bytes;
    const size_t end = header->size;
    for (size_t pos = header->headerSize; pos < end;) {
        Result<res::Chunk> chunk = res::readChunk(bytes, pos, end, 8, "chunk");
        if (!chunk) return chunk.error();
        if (chunk->type == res::chunk::kStringPool) {
            if (table.m_values) return errorAt(pos, "a second global string pool");
            Result<res::StringPool> pool = res::StringPool::parse(*chunk);
            if (!pool) return pool.error();
            table.m_values = std::make_shared<res::StringPool>(std::move(pool).value());
        } else if (chunk->type == res::chunk::kTablePackage) {
            Result<res::Chunk> packageChunk =
                res::readChunk(bytes, pos, end, kPackageHeaderMinSize, "package chunk");
            if (!packageChunk) return packageChunk.error();
            const std::string_view body = packageChunk->bytes;
            Package package;
            package.id = readU32(body, 8);
            package.name = packageNameAt(body);
            if (packageChunk->headerSize >= kPackageHeaderMinSize + 4) {
                package.typeIdOffset = readU32(body, kPackageHeaderMinSize);
            }
            const auto poolAt = [&](uint32_t relative,
                                    const char* what) -> Result<std::shared_ptr<res::StringPool>> {
                if (relative == 0) return std::shared_ptr<res::StringPool>();
                if (relative >= packageChunk->size) {
                    return errorAt(pos, std::string(what) + " offset " + std::to_string(relative) +
                                            " is outside the package chunk");
                }
                Result<res::Chunk> poolChunk =
                    res::readChunk(bytes, pos + relative, pos + packageChunk->size, 8, what);
                if (!poolChunk) return poolChunk.error();
                Result<res::StringPool> pool = res::StringPool::parse(*poolChunk);
                if (!pool) return pool.error();
                return std::make_shared<res::StringPool>(std::move(pool).value());
            };
            Result<std::shared_ptr<res::StringPool>> typeStrings =
                poolAt(readU32(body, 268), "type string pool");
            if (!typeStrings) return typeStrings.error();
            Result<std::shared_ptr<res::StringPool>> keyStrings =
                poolAt(readU32(body, 276), "key string pool");
            if (!keyStrings) return keyStrings.error();
            package.typeStrings = *typeStrings;
            package.keyStrings = *keyStrings;

            // Every chunk of the package is checked, as Android's loader does, but through
            // copies of its header (copyOut): a header lies every few KiB of a large table, and
            // reading it through the mapping would map each page it passes.
            std::array<char, kHeaderCopyBytes> copy{};
            const size_t packageEnd = pos + packageChunk->size;
            for (size_t inner = pos + packageChunk->headerSize; inner < packageEnd;) {
                if (inner + 8 > packageEnd) {
                    return res::readChunk(bytes, inner, packageEnd, 8, "chunk").error();
                }
                detail::copyOut(bytes.data() + inner, 8, copy.data());
                Result<res::Chunk> sub = res::checkChunk(
                    bytes, std::string_view(copy.data(), 8), inner, packageEnd, 8, "chunk");
                if (!sub) return sub.error();
                if (sub->type == res::chunk::kTableType) {
                    if (sub->headerSize < kTypeHeaderMinSize) {
                        return errorAt(inner, "type chunk header size is " +
                                                  std::to_string(sub->headerSize) +
                                                  " bytes, expected at least 24");
                    }
                    std::string_view header = sub->bytes.substr(0, sub->headerSize);
                    if (header.size() <= copy.size()) {
                        detail::copyOut(header.data(), header.size(), copy.data());
                        header = std::string_view(copy.data(), header.size());
                    }
                    const uint32_t configSize = readU32(header, 20);
                    if (configSize < 4 || configSize > sub->headerSize - 20u) {
                        return errorAt(inner + 20, "type chunk configuration size " +
                                                       std::to_string(configSize) +
                                                       " does not fit its header");
                    }
                    const uint8_t typeId = readU8(header, 8);
                    if (typeId == 0) return errorAt(inner + 8, "type chunk with type id 0");
                    package.types[typeId].push_back(
                        TypeChunk{inner, qualifiesOnlySdk(header, configSize),
                                  configField(header, configSize, kConfigSdkVersion),
                                  qualifiesOnlySdk(header, configSize, true),
                                  configField(header, configSize, kConfigDensity)});
                }
                inner += sub->size;
            }
            table.m_packages.push_back(std::move(package));
        }
        // Other top-level chunks carry nothing Hearth needs.
        pos += chunk->size;
    }
    return table;
}

const ResourceTable::Package* ResourceTable::findPackage(uint32_t packageId) const {
    for (const Package& package : m_packages) {
        if (package.id == packageId) return &package;
    }
    return nullptr;
}

std::vector<uint32_t> ResourceTable::packageIds() const {
    std::vector<uint32_t> ids;
    for (const Package& package : m_packages) ids.push_back(package.id);
    return ids;
}

Result<std::optional<ResourceTable::Entry>> ResourceTable::entryAt(const TypeChunk& type,
                                                                   uint32_t index) const {
    // readChunk validated this chunk while indexing.
    const size_t size = readU32(m_bytes, type.offset + 4);
    const std::string_view chunk = m_bytes.substr(type.offset, size);
    const uint16_t headerSize = readU16(chunk, 2);
    const uint8_t flags = readU8(chunk, 9);
    const uint32_t entryCount = readU32(chunk, 12);
    const uint32_t entriesStart = readU32(chunk, 16);
    const bool sparse = (flags & kTypeFlagSparse) != 0;
    const bool offset16 = (flags & kTypeFlagOffset16) != 0;
    const uint64_t indexBytes = uint64_t{entryCount} * (offset16 ? 2 : 4);
    if (headerSize + indexBytes > size || entriesStart > size) {
        return errorAt(type.offset + 12, "type chunk declares " + std::to_string(entryCount) +
                                             " entries that do not fit its " +
                                             std::to_string(size) + " bytes");
    }

    uint64_t entryOffset = kNoEntry;
    if (sparse) {
        // Pairs of (entry index, offset / 4), sorted by index.
        uint32_t low = 0;
        uint32_t high = entryCount;
        while (low < high) {
            const uint32_t middle = low + (high - low) / 2;
            const uint16_t at = readU16(chunk, headerSize + 4 * size_t{middle});
            if (at == index) {
                entryOffset = uint64_t{readU16(chunk, headerSize + 4 * size_t{middle} + 2)} * 4;
                break;
            }
            if (at < index) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
    } else if (index < entryCount) {
        if (offset16) {
            const uint16_t value = readU16(chunk, headerSize + 2 * size_t{index});
            if (value != kNoEntry16) entryOffset = uint64_t{value} * 4;
        } else {
            entryOffset = readU32(chunk, headerSize + 4 * size_t{index});
        }
    }
    if (entryOffset == kNoEntry) return std::optional<Entry>();

    const uint64_t at = uint64_t{entriesStart} + entryOffset;
    const size_t fileAt = type.offset + static_cast<size_t>(std::min<uint64_t>(at, size));
    if (at + 8 > size) {
        return errorAt(fileAt, "resource entry runs past the end of its type chunk");
    }
    const size_t pos = static_cast<size_t>(at);
    Entry entry;
    const uint16_t entryFlags = readU16(chunk, pos + 2);
    if (entryFlags & kEntryFlagCompact) {
        entry.key = readU16(chunk, pos);
        entry.value.type = static_cast<uint8_t>(entryFlags >> 8);
        entry.value.data = readU32(chunk, pos + 4);
        return std::optional<Entry>(entry);
    }
    entry.key = readU32(chunk, pos + 4);
    if (entryFlags & kEntryFlagComplex) {
        entry.complex = true;
        return std::optional<Entry>(entry);
    }
    const uint16_t entrySize = readU16(chunk, pos);
    if (entrySize < 8 || pos + uint64_t{entrySize} + 8 > size) {
        return errorAt(fileAt, "resource entry of " + std::to_string(entrySize) +
                                   " bytes leaves no room for its value in the type chunk");
    }
    entry.value.type = readU8(chunk, pos + entrySize + 3);
    entry.value.data = readU32(chunk, pos + entrySize + 4);
    return std::optional<Entry>(entry);
}

Result<const std::vector<ResourceTable::TypeChunk>*> ResourceTable::typeChunksOf(
    uint32_t id) const {
    const Package* package = findPackage(id >> 24);
    if (!package) {
        return makeError("resources.arsc has no package " + res::hex8(id >> 24) + " for " +
                         reference(id));
    }
    const auto types = package->types.find(static_cast<uint8_t>((id >> 16) & 0xFF));
    if (types == package->types.end()) return makeError("no resource " + reference(id));
    return &types->second;
}

Result<res::TypedValue> ResourceTable::lookupOnce(uint32_t id, int apiLevel) const {
    Result<const std::vector<TypeChunk>*> types = typeChunksOf(id);
    if (!types) return types.error();
    const uint32_t index = id & 0xFFFF;
    // Only the configurations this device can pick are read: framework-res keeps 2,208 type
    // chunks of strings (one per locale and screen), and reading the entry of each for every
    // label cost half of `hearth dump framework-res.apk` (a page of the mapping per chunk).
    std::optional<Entry> best;
    int bestSdk = -1;
    for (const TypeChunk& type : **types) {
        // A configuration for a newer device than this one cannot win: skip it unread.
        if (!type.onlySdk || type.sdkVersion > apiLevel || type.sdkVersion <= bestSdk) continue;
        Result<std::optional<Entry>> entry = entryAt(type, index);
        if (!entry) return entry.error();
        if (!entry->has_value()) continue;
        best = **entry;
        bestSdk = type.sdkVersion;
    }
    if (best) {
        if (best->complex) return makeError(reference(id) + " is a bag, not a single value");
        return best->value;
    }
    // Nothing for this device: the other configurations are read only to say so precisely.
    for (const TypeChunk& type : **types) {
        if (type.onlySdk && type.sdkVersion <= apiLevel) continue;
        Result<std::optional<Entry>> entry = entryAt(type, index);
        if (!entry) return entry.error();
        if (!entry->has_value()) continue;
        return makeError(reference(id) + " has no value for the default configuration" +
                         (apiLevel > 0 ? " or values-vN up to API " + std::to_string(apiLevel)
                                       : std::string()));
    }
    return makeError("no resource " + reference(id));
}

Result<res::TypedValue> ResourceTable::value(uint32_t id, int apiLevel) const {
    Result<res::TypedValue> value = lookupOnce(id, apiLevel);
    for (int depth = 0; value && (value->type == res::value_type::kReference ||
                                  value->type == res::value_type::kDynamicReference);
         ++depth) {
        if (depth >= kMaxReferenceDepth) {
            return makeError("references from " + reference(id) + " go deeper than " +
                             std::to_string(kMaxReferenceDepth) + " levels (a cycle?)");
        }
        uint32_t next = value->data;
        // A shared library's own references carry package id 0 until it is loaded.
        if ((next >> 24) == 0 && !m_packages.empty()) next |= m_packages.front().id << 24;
        if (next == 0) return makeError(reference(id) + " is a null reference");
        value = lookupOnce(next, apiLevel);
    }
    return value;
}

Result<std::string> ResourceTable::stringOf(const res::TypedValue& value) const {
    if (value.type != res::value_type::kString) {
        return makeError("value of type " + res::hex8(value.type) + " is not a string");
    }
    if (!m_values) return makeError("resources.arsc has no global string pool");
    Result<std::string_view> text = m_values->get(value.data);
    if (!text) return text.error();
    return std::string(*text);
}

std::optional<ResourceTable::Name> ResourceTable::nameOf(uint32_t id) const {
    const Package* package = findPackage(id >> 24);
    if (!package || !package->typeStrings || !package->keyStrings) return std::nullopt;
    const uint8_t typeId = static_cast<uint8_t>((id >> 16) & 0xFF);
    const auto types = package->types.find(typeId);
    if (types == package->types.end()) return std::nullopt;
    for (const TypeChunk& type : types->second) {
        Result<std::optional<Entry>> entry = entryAt(type, id & 0xFFFF);
        if (!entry || !entry->has_value()) continue;
        if (typeId <= package->typeIdOffset) return std::nullopt;
        Result<std::string_view> typeName =
            package->typeStrings->get(typeId - 1 - package->typeIdOffset);
        Result<std::string_view> key = package->keyStrings->get((*entry)->key);
        if (!typeName || !key) return std::nullopt;
        return Name{package->name, std::string(*typeName), std::string(*key)};
    }
    return std::nullopt;
}

uint32_t ResourceTable::entryLimit(const TypeChunk& type) const {
    const size_t size = readU32(m_bytes, type.offset + 4);
    const std::string_view chunk = m_bytes.substr(type.offset, size);
    const uint32_t entryCount = readU32(chunk, 12);
    if ((readU8(chunk, 9) & kTypeFlagSparse) == 0) return entryCount;
    // Sparse: (index, offset / 4) pairs sorted by index; the last names the highest.
    const uint16_t headerSize = readU16(chunk, 2);
    if (entryCount == 0 || headerSize + 4 * uint64_t{entryCount} > size) return 0;
    return uint32_t{readU16(chunk, headerSize + 4 * size_t{entryCount - 1})} + 1;
}

std::optional<uint32_t> ResourceTable::idOf(std::string_view type, std::string_view key) const {
    if (m_packages.empty()) return std::nullopt;
    const Package& package = m_packages.front();
    if (!package.typeStrings || !package.keyStrings) return std::nullopt;
    std::optional<uint8_t> typeId;
    for (uint32_t i = 0; i < package.typeStrings->size() && !typeId; ++i) {
        Result<std::string_view> name = package.typeStrings->get(i);
        if (name && *name == type && i + 1 + package.typeIdOffset <= 0xFF) {
            typeId = static_cast<uint8_t>(i + 1 + package.typeIdOffset);
        }
    }
    if (!typeId) return std::nullopt;
    const auto types = package.types.find(*typeId);
    if (types == package.types.end()) return std::nullopt;
    // Entries name their key by index into the key pool: find the index first, then the entry
    // that carries it in some configuration.
    std::optional<uint32_t> keyIndex;
    for (uint32_t i = 0; i < package.keyStrings->size() && !keyIndex; ++i) {
        Result<std::string_view> name = package.keyStrings->get(i);
        if (name && *name == key) keyIndex = i;
    }
    if (!keyIndex) return std::nullopt;
    for (const TypeChunk& chunk : types->second) {
        const uint32_t limit = std::min<uint32_t>(entryLimit(chunk), 0x10000);
        for (uint32_t index = 0; index < limit; ++index) {
            Result<std::optional<Entry>> entry = entryAt(chunk, index);
            if (entry && entry->has_value() && (*entry)->key == *keyIndex) {
                return (package.id << 24) | (uint32_t{*typeId} << 16) | index;
            }
        }
    }
    return std::nullopt;
}

Result<std::vector<ResourceTable::DensityValue>> ResourceTable::densityValues(uint32_t id,
                                                                              int apiLevel) const {
    Result<const std::vector<TypeChunk>*> types = typeChunksOf(id);
    if (!types) return types.error();
    std::vector<DensityValue> values;
    for (const TypeChunk& type : **types) {
        if (!type.onlyDensityAndSdk || type.sdkVersion > apiLevel) continue;
        Result<std::optional<Entry>> entry = entryAt(type, id & 0xFFFF);
        if (!entry) return entry.error();
        if (!entry->has_value() || (*entry)->complex) continue;
        values.push_back(DensityValue{type.density, type.sdkVersion, (*entry)->value});
    }
    return values;
}

}  // namespace hearth::arsc

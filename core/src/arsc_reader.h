#pragma once
// Private: resources.arsc, the compiled resource table of an APK. Hearth needs two things from it:
// the value of a resource in the default configuration (to resolve @string references in labels
// and <data> attributes) and a resource's name (to show @drawable/icon instead of an id). The
// table is indexed once (packages, type chunks) and entries are read on demand, so a 30 MB
// framework table costs a walk over chunk headers, not a full decode.

#include <hearth/result.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "res_chunk.h"

namespace hearth::arsc {

/// Reference chains (@string/a -> @string/b -> ...) longer than this are reported, not followed.
inline constexpr int kMaxReferenceDepth = 16;

class ResourceTable {
  public:
    /// Indexes resources.arsc. `bytes` must outlive the table. Errors read "<what>, at byte
    /// offset N" (the caller names the file).
    [[nodiscard]] static Result<ResourceTable> parse(std::string_view bytes);

    /// The value of `id` on a device of API level `apiLevel` whose other qualifiers are all
    /// unspecified: among the configurations that qualify only the SDK level (values,
    /// values-v11, ...), the one with the highest level not above `apiLevel`, as Android picks
    /// it. References to other resources of this table are followed the same way. Fails with a
    /// reason ("no resource 0x7f020009", "... has no value for the default configuration or
    /// values-vN up to API L", a malformed entry at byte offset N).
    [[nodiscard]] Result<res::TypedValue> value(uint32_t id, int apiLevel) const;

    /// The string a value names: a string value (from the global pool) as text; anything else
    /// fails with a reason.
    [[nodiscard]] Result<std::string> stringOf(const res::TypedValue& value) const;

    /// "drawable/icon" (type/key) for an id defined in any configuration, with the package name
    /// in `packageName`; nullopt when the table does not know the id.
    struct Name {
        std::string packageName;
        std::string type;
        std::string key;
    };
    std::optional<Name> nameOf(uint32_t id) const;

    /// The id of the resource named type/key ("mipmap", "ic_launcher") in the table's first
    /// package (an APK's own); nullopt when it has no such resource.
    std::optional<uint32_t> idOf(std::string_view type, std::string_view key) const;

    /// One configuration's value of a resource that varies by screen density.
    struct DensityValue {
        uint16_t density = 0;  ///< dpi; 0: unqualified, kDensityAny: anydpi, kDensityNone: nodpi
        uint16_t sdkVersion = 0;
        res::TypedValue value;  ///< as stored: a reference is not followed
    };
    static constexpr uint16_t kDensityAny = 0xFFFE;
    static constexpr uint16_t kDensityNone = 0xFFFF;
    /// The values of `id` in every configuration that qualifies nothing but the screen density
    /// and an SDK level of at most `apiLevel` (drawable, drawable-xxhdpi-v4, mipmap-anydpi-v26,
    /// ...), in table order. Fails like value() for an unknown id or a malformed entry.
    [[nodiscard]] Result<std::vector<DensityValue>> densityValues(uint32_t id, int apiLevel) const;

    /// Package ids found in the table.
    std::vector<uint32_t> packageIds() const;

  private:
    struct TypeChunk {
        size_t offset = 0;  // start of the ResTable_type chunk in the file
        bool onlySdk = false;     // no qualifier but (maybe) the SDK level
        uint16_t sdkVersion = 0;  // the configuration's SDK level (0: any)
        bool onlyDensityAndSdk = false;  // no qualifier but (maybe) the density and SDK level
        uint16_t density = 0;            // the configuration's screen density (0: any)
    };
    struct Package {
        uint32_t id = 0;
        std::string name;
        uint32_t typeIdOffset = 0;
        std::shared_ptr<res::StringPool> typeStrings;
        std::shared_ptr<res::StringPool> keyStrings;
        std::map<uint8_t, std::vector<TypeChunk>> types;  // by type id (1-based)
    };
    struct Entry {
        res::TypedValue value;
        uint32_t key = 0;
        bool complex = false;
    };

    // The entry `index` of a type chunk, nullopt when the chunk has none; errors for malformed
    // entries.
    Result<std::optional<Entry>> entryAt(const TypeChunk& type, uint32_t index) const;
    const Package* findPackage(uint32_t packageId) const;
    // The type chunks (configurations) of the type `id` names; fails for an unknown package or
    // type.
    Result<const std::vector<TypeChunk>*> typeChunksOf(uint32_t id) const;
    // The highest entry index a type chunk may hold, plus one.
    uint32_t entryLimit(const TypeChunk& type) const;
    Result<res::TypedValue> lookupOnce(uint32_t id, int apiLevel) const;

    std::string_view m_bytes;
    std::shared_ptr<res::StringPool> m_values;
    std::vector<Package> m_packages;
};

}  // namespace hearth::arsc

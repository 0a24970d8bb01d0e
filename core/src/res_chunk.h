#pragma once
// Private: the pieces of Android's resource container format shared by binary XML (AXML) and
// resources.arsc — bounds-checked little-endian reads, chunk headers and string pools. Every
// error names the byte offset of the problem; callers prefix the file they read.

#include <hearth/result.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hearth::res {

/// Chunk types of Android's resource format (ResChunk_header::type).
namespace chunk {
inline constexpr uint16_t kStringPool = 0x0001;
inline constexpr uint16_t kTable = 0x0002;
inline constexpr uint16_t kXml = 0x0003;
inline constexpr uint16_t kXmlFirstNode = 0x0100;
inline constexpr uint16_t kXmlStartNamespace = 0x0100;
inline constexpr uint16_t kXmlEndNamespace = 0x0101;
inline constexpr uint16_t kXmlStartElement = 0x0102;
inline constexpr uint16_t kXmlEndElement = 0x0103;
inline constexpr uint16_t kXmlCdata = 0x0104;
inline constexpr uint16_t kXmlLastNode = 0x017f;
inline constexpr uint16_t kXmlResourceMap = 0x0180;
inline constexpr uint16_t kTablePackage = 0x0200;
inline constexpr uint16_t kTableType = 0x0201;
inline constexpr uint16_t kTableTypeSpec = 0x0202;
inline constexpr uint16_t kTableLibrary = 0x0203;
}  // namespace chunk

/// Res_value::dataType values.
namespace value_type {
inline constexpr uint8_t kNull = 0x00;
inline constexpr uint8_t kReference = 0x01;
inline constexpr uint8_t kAttribute = 0x02;
inline constexpr uint8_t kString = 0x03;
inline constexpr uint8_t kFloat = 0x04;
inline constexpr uint8_t kDimension = 0x05;
inline constexpr uint8_t kFraction = 0x06;
inline constexpr uint8_t kDynamicReference = 0x07;
inline constexpr uint8_t kDynamicAttribute = 0x08;
inline constexpr uint8_t kIntDec = 0x10;
inline constexpr uint8_t kIntHex = 0x11;
inline constexpr uint8_t kIntBoolean = 0x12;
inline constexpr uint8_t kIntColorArgb8 = 0x1c;
inline constexpr uint8_t kIntColorRgb8 = 0x1d;
inline constexpr uint8_t kIntColorArgb4 = 0x1e;
inline constexpr uint8_t kIntColorRgb4 = 0x1f;
}  // namespace value_type

/// A Res_value: a type tag and 32 bits of data (a string pool index for strings).
struct TypedValue {
    uint8_t type = value_type::kNull;
    uint32_t data = 0;
};

/// Little-endian reads; the caller has checked that offset + width <= bytes.size().
inline uint8_t readU8(std::string_view bytes, size_t offset) {
    return static_cast<uint8_t>(bytes[offset]);
}
inline uint16_t readU16(std::string_view bytes, size_t offset) {
    return static_cast<uint16_t>(readU8(bytes, offset) | (readU8(bytes, offset + 1) << 8));
}
inline uint32_t readU32(std::string_view bytes, size_t offset) {
    return static_cast<uint32_t>(readU16(bytes, offset)) |
           (static_cast<uint32_t>(readU16(bytes, offset + 2)) << 16);
}

/// "what, at byte offset N": the tail every binary-format error shares.
Error errorAt(size_t offset, const std::string& what);

/// "0x7f": a package id or value type.
std::string hex8(uint32_t value);
/// "0x0102": a chunk type or other 16-bit field, as Android's headers spell them.
std::string hex16(uint32_t value);
/// "0x7f020000": a resource id or other 32-bit field.
std::string hex32(uint32_t value);

/// A validated ResChunk_header: type, header size and total size, with the chunk's bytes.
struct Chunk {
    uint16_t type = 0;
    uint16_t headerSize = 0;
    uint32_t size = 0;
    size_t offset = 0;       ///< where the chunk starts in the file
    std::string_view bytes;  ///< the whole chunk (size bytes)
};

/// Reads the chunk header at `offset` of `file` and checks it against what Android's loader
/// checks: at least `minHeaderSize` header bytes, header inside the chunk, the chunk inside
/// [offset, end), both sizes multiples of 4. `what` names the chunk in errors ("string pool").
[[nodiscard]] Result<Chunk> readChunk(std::string_view file, size_t offset, size_t end,
                                      uint16_t minHeaderSize, const std::string& what);
/// readChunk's checks on a copy of the chunk's first 8 bytes (`header`), for a caller that reads
/// headers without touching the file's pages (copyOut in file_read.h); `offset + 8 <= end <=
/// file.size()` is the caller's to check.
[[nodiscard]] Result<Chunk> checkChunk(std::string_view file, std::string_view header,
                                       size_t offset, size_t end, uint16_t minHeaderSize,
                                       const std::string& what);

/// Hearth's cap on the bytes one string pool may decode (all strings, each counted once).
inline constexpr size_t kMaxDecodedPoolBytes = 64u << 20;

/// A ResStringPool: header validated up front, strings decoded (UTF-8 or UTF-16 to UTF-8) on
/// first use and cached, so that a hostile pool costs at most kMaxDecodedPoolBytes.
class StringPool {
  public:
    StringPool() = default;
    /// Validates the pool header of `chunk` (counts and offsets against the chunk's size).
    [[nodiscard]] static Result<StringPool> parse(const Chunk& chunk);

    uint32_t size() const { return m_count; }
    bool isUtf8() const { return m_utf8; }
    /// The string at `index`, decoded to UTF-8; an error for an index out of range, a string
    /// running past the pool, a missing terminator or the decode cap.
    [[nodiscard]] Result<std::string_view> get(uint32_t index) const;

  private:
    [[nodiscard]] Result<std::string> decode(uint32_t index) const;

    std::string_view m_chunk;  // the whole pool chunk
    size_t m_fileOffset = 0;   // where the chunk starts in its file
    uint32_t m_count = 0;
    uint32_t m_indexStart = 0;  // offset array, relative to the chunk
    uint32_t m_dataStart = 0;   // string data, relative to the chunk
    uint32_t m_dataEnd = 0;     // end of string data (styles or chunk end)
    bool m_utf8 = false;
    // Decoded strings by index; node-based so views stay valid while the pool lives. Shared so
    // that a StringPool stays cheap to move (views point into the nodes, not the pool object).
    std::shared_ptr<std::unordered_map<uint32_t, std::string>> m_cache;
    std::shared_ptr<size_t> m_decodedBytes;
};

/// Appends the UTF-8 encoding of a code point (U+FFFD for surrogates and out-of-range values).
void appendUtf8(std::string& out, uint32_t codePoint);

}  // namespace hearth::res

#include "res_chunk.h"

#include <hearth/limits.h>

#include <cstdio>

#include "unicode.h"

namespace hearth::res {
namespace {

constexpr uint16_t kStringPoolHeaderSize = 28;
constexpr uint32_t kUtf8Flag = 0x100;
constexpr uint32_t kReplacement = 0xFFFD;

bool isHighSurrogate(uint32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool isLowSurrogate(uint32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

// One UTF-8 sequence starting at text[pos]: its code point and length, or nullopt-like
// (length 0) when the bytes are not well formed. Surrogates are returned as they are so that
// the caller can pair CESU-8 halves (older aapt writes supplementary characters that way).
struct Utf8Step {
    uint32_t codePoint = 0;
    size_t length = 0;
};

Utf8Step stepUtf8(std::string_view text, size_t pos) {
    const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[pos + i]); };
    const uint8_t lead = byte(0);
    if (lead < 0x80) return {lead, 1};
    size_t length = 0;
    uint32_t codePoint = 0;
    uint32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2, codePoint = lead & 0x1F, minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3, codePoint = lead & 0x0F, minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4, codePoint = lead & 0x07, minimum = 0x10000;
    } else {
        return {};
    }
    if (pos + length > text.size()) return {};
    for (size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80) return {};
        codePoint = (codePoint << 6) | (byte(i) & 0x3F);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF) return {};
    return {codePoint, length};
}

// Copies UTF-8 bytes, joining CESU-8 surrogate pairs and replacing anything malformed with
// U+FFFD, so that every string leaving the reader is valid UTF-8 (JSON output depends on it).
std::string sanitizeUtf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        Utf8Step step = stepUtf8(text, pos);
        if (step.length == 0) {
            appendUtf8(out, kReplacement);
            ++pos;
            continue;
        }
        if (isHighSurrogate(step.codePoint) && pos + step.length < text.size()) {
            Utf8Step low = stepUtf8(text, pos + step.length);
            if (low.length != 0 && isLowSurrogate(low.codePoint)) {
                appendUtf8(out,
                           0x10000 + ((step.codePoint - 0xD800) << 10) + (low.codePoint - 0xDC00));
                pos += step.length + low.length;
                continue;
            }
        }
        appendUtf8(out, step.codePoint);
        pos += step.length;
    }
    return out;
}

}  // namespace

void appendUtf8(std::string& out, uint32_t codePoint) {
    if ((codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF) {
        codePoint = kReplacement;
    }
    text::appendUtf8(out, codePoint);
}

Error errorAt(size_t offset, const std::string& what) {
    return makeError(what + ", at byte offset " + std::to_string(offset));
}

std::string hex8(uint32_t value) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02x", value & 0xFFu);
    return text;
}

std::string hex16(uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%04x", value & 0xFFFFu);
    return text;
}

std::string hex32(uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}

Result<Chunk> readChunk(std::string_view file, size_t offset, size_t end, uint16_t minHeaderSize,
                        const std::string& what) {
    if (end > file.size()) end = file.size();
    if (offset + 8 > end) {
        return errorAt(offset, "the " + what + " header is cut off (" +
                                   std::to_string(end - offset) + " of 8 bytes)");
    }
    return checkChunk(file, file.substr(offset, 8), offset, end, minHeaderSize, what);
}

Result<Chunk> checkChunk(std::string_view file, std::string_view header, size_t offset, size_t end,
                         uint16_t minHeaderSize, const std::string& what) {
    Chunk chunk;
    chunk.type = readU16(header, 0);
    chunk.headerSize = readU16(header, 2);
    chunk.size = readU32(header, 4);
    chunk.offset = offset;
    if (chunk.headerSize < minHeaderSize) {
        return errorAt(offset, what + " header size is " + std::to_string(chunk.headerSize) +
                                   " bytes, expected at least " + std::to_string(minHeaderSize));
    }
    if (chunk.size < chunk.headerSize) {
        return errorAt(offset, what + " size " + std::to_string(chunk.size) +
                                   " is smaller than its header size " +
                                   std::to_string(chunk.headerSize));
    }
    if (chunk.size > end - offset) {
        return errorAt(offset, what + " declares " + std::to_string(chunk.size) +
                                   " bytes but only " + std::to_string(end - offset) +
                                   " remain (truncated or wrong size)");
    }
    // Android's loader rejects misaligned chunks (validate_chunk); so do we.
    if ((chunk.headerSize | chunk.size) & 3u) {
        return errorAt(offset, what + " sizes (header " + std::to_string(chunk.headerSize) +
                                   ", chunk " + std::to_string(chunk.size) +
                                   ") are not multiples of 4");
    }
    chunk.bytes = file.substr(offset, chunk.size);
    return chunk;
}

Result<StringPool> StringPool::parse(const Chunk& chunk) {
    if (chunk.type != chunk::kStringPool) {
        return errorAt(chunk.offset, "expected a string pool chunk (type 0x0001), found type " +
                                         hex16(chunk.type));
    }
    if (chunk.headerSize < kStringPoolHeaderSize) {
        return errorAt(chunk.offset, "string pool header size is " +
                                         std::to_string(chunk.headerSize) +
                                         " bytes, expected at least 28");
    }
    const std::string_view bytes = chunk.bytes;
    const uint32_t stringCount = readU32(bytes, 8);
    const uint32_t styleCount = readU32(bytes, 12);
    const uint32_t flags = readU32(bytes, 16);
    const uint32_t stringsStart = readU32(bytes, 20);
    const uint32_t stylesStart = readU32(bytes, 24);

    if (stringCount > limits::kMaxStringPoolStrings) {
        return errorAt(chunk.offset + 8, "string pool declares " + std::to_string(stringCount) +
                                             " strings, more than hearth's limit of " +
                                             std::to_string(limits::kMaxStringPoolStrings));
    }
    const uint64_t room = (chunk.size - chunk.headerSize) / 4;
    if (uint64_t{stringCount} + styleCount > room) {
        return errorAt(chunk.offset + 8, "string pool declares " + std::to_string(stringCount) +
                                             " strings and " + std::to_string(styleCount) +
                                             " styles, but its " + std::to_string(chunk.size) +
                                             "-byte chunk has room for at most " +
                                             std::to_string(room) + " offsets");
    }
    StringPool pool;
    pool.m_chunk = bytes;
    pool.m_fileOffset = chunk.offset;
    pool.m_count = stringCount;
    pool.m_indexStart = chunk.headerSize;
    pool.m_utf8 = (flags & kUtf8Flag) != 0;
    pool.m_cache = std::make_shared<std::unordered_map<uint32_t, std::string>>();
    pool.m_decodedBytes = std::make_shared<size_t>(0);
    if (stringCount > 0) {
        const uint64_t indexEnd =
            uint64_t{chunk.headerSize} + 4 * (uint64_t{stringCount} + styleCount);
        if (stringsStart < indexEnd || stringsStart >= chunk.size) {
            return errorAt(chunk.offset + 20,
                           "string pool data starts at " + std::to_string(stringsStart) +
                               ", outside its chunk (expected " + std::to_string(indexEnd) +
                               " to " + std::to_string(chunk.size - 1) + ")");
        }
        pool.m_dataStart = stringsStart;
        pool.m_dataEnd = chunk.size;
        if (styleCount > 0) {
            if (stylesStart <= stringsStart || stylesStart > chunk.size) {
                return errorAt(chunk.offset + 24, "string pool styles start at " +
                                                      std::to_string(stylesStart) +
                                                      ", outside its chunk or before its strings");
            }
            pool.m_dataEnd = stylesStart;
        }
    }
    return pool;
}

Result<std::string_view> StringPool::get(uint32_t index) const {
    if (index >= m_count) {
        return errorAt(m_fileOffset, "string #" + std::to_string(index) +
                                         " is past the end of the string pool (" +
                                         std::to_string(m_count) + " strings)");
    }
    if (auto found = m_cache->find(index); found != m_cache->end()) {
        return std::string_view(found->second);
    }
    Result<std::string> decoded = decode(index);
    if (!decoded) return decoded.error();
    *m_decodedBytes += decoded->size();
    if (*m_decodedBytes > kMaxDecodedPoolBytes) {
        return errorAt(m_fileOffset, "string pool decodes to more than " +
                                         std::to_string(kMaxDecodedPoolBytes >> 20) +
                                         " MiB (hearth's limit)");
    }
    auto [it, inserted] = m_cache->emplace(index, std::move(decoded).value());
    return std::string_view(it->second);
}

Result<std::string> StringPool::decode(uint32_t index) const {
    const uint32_t relative = readU32(m_chunk, m_indexStart + 4 * size_t{index});
    const uint64_t start = uint64_t{m_dataStart} + relative;
    const size_t fileStart = m_fileOffset + static_cast<size_t>(start);
    const std::string name = "string #" + std::to_string(index);
    if (start >= m_dataEnd) {
        return errorAt(m_fileOffset + m_indexStart + 4 * size_t{index},
                       name + " starts at " + std::to_string(relative) +
                           ", past the end of the string data (" +
                           std::to_string(m_dataEnd - m_dataStart) + " bytes)");
    }
    const std::string_view data = m_chunk.substr(0, m_dataEnd);
    size_t pos = static_cast<size_t>(start);
    const auto runsPast = [&] {
        return errorAt(fileStart, name + " runs past the end of the string pool");
    };
    const auto tooLong = [&](uint32_t units) {
        return errorAt(fileStart, name + " is " + std::to_string(units) +
                                      " characters long, more than hearth's limit of " +
                                      std::to_string(limits::kMaxPooledStringLength));
    };
    if (m_utf8) {
        // Two lengths (UTF-16 units, then UTF-8 bytes), each one byte or two with the high bit.
        const auto readLength = [&](size_t& at, uint32_t& length) {
            if (at >= data.size()) return false;
            length = readU8(data, at++);
            if (length & 0x80) {
                if (at >= data.size()) return false;
                length = ((length & 0x7F) << 8) | readU8(data, at++);
            }
            return true;
        };
        uint32_t units = 0;
        uint32_t byteCount = 0;
        if (!readLength(pos, units) || !readLength(pos, byteCount)) return runsPast();
        if (units > limits::kMaxPooledStringLength) return tooLong(units);
        if (uint64_t{pos} + byteCount >= data.size()) return runsPast();
        if (data[pos + byteCount] != '\0') {
            return errorAt(fileStart, name + " is not terminated by a zero byte");
        }
        return sanitizeUtf8(data.substr(pos, byteCount));
    }
    // UTF-16: one length unit, or two when the high bit is set.
    if (pos + 2 > data.size()) return runsPast();
    uint32_t units = readU16(data, pos);
    pos += 2;
    if (units & 0x8000) {
        if (pos + 2 > data.size()) return runsPast();
        units = ((units & 0x7FFF) << 16) | readU16(data, pos);
        pos += 2;
    }
    if (units > limits::kMaxPooledStringLength) return tooLong(units);
    if (uint64_t{pos} + 2 * uint64_t{units} + 2 > data.size()) return runsPast();
    if (readU16(data, pos + 2 * size_t{units}) != 0) {
        return errorAt(fileStart, name + " is not terminated by a zero character");
    }
    std::string out;
    out.reserve(units);
    for (uint32_t i = 0; i < units; ++i) {
        uint32_t unit = readU16(data, pos + 2 * size_t{i});
        if (isHighSurrogate(unit) && i + 1 < units) {
            uint32_t next = readU16(data, pos + 2 * size_t{i + 1});
            if (isLowSurrogate(next)) {
                appendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (next - 0xDC00));
                ++i;
                continue;
            }
        }
        appendUtf8(out, unit);
    }
    return out;
}

}  // namespace hearth::res

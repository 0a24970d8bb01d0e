// The zip layer was chosen by measuring process start-up, which is most of a small APK's dump:
// an empty C++ program with pugixml and zlib, plus each candidate linked and loaded but unused,
// CPU time (user+sys), medians of 100 alternating runs (2026-12-07, load average 9-10 on the
// 2-core development machine): zlib alone 6.1 ms, minizip 6.4 ms, Android's libziparchive 7.5 ms
// (it loads libbase and liblog), libzip 10.4 ms (libcrypto and libbz2). So the reader below is
// Hearth's own, a central-directory walk over the mapped file with zlib for inflate: nothing to
// load but zlib, and a stored entry (resources.arsc) is handed out in place, never copied.

#include "apk_reader.h"

#include <zlib.h>

#include <algorithm>

#include "res_chunk.h"

namespace hearth::apk {
namespace {

using res::readU16;
using res::readU32;

constexpr uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr uint32_t kCentralHeaderSignature = 0x02014b50;
constexpr uint32_t kEndSignature = 0x06054b50;
constexpr uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr size_t kLocalHeaderSize = 30;
constexpr size_t kCentralHeaderSize = 46;
constexpr size_t kEndSize = 22;
constexpr size_t kMaxCommentSize = 0xFFFF;
constexpr uint16_t kStored = 0;
constexpr uint16_t kDeflated = 8;

Error openError(const std::string& why) {
    return makeError("cannot open the zip archive (" + why + ")");
}

Error unpackError(std::string_view name, const std::string& why) {
    return makeError("cannot unpack " + std::string(name) + " (" + why + ")");
}

// Where the end-of-central-directory record starts, searching back over a comment of at most
// 64 KiB; nullopt when there is none.
std::optional<size_t> findEnd(std::string_view bytes) {
    if (bytes.size() < kEndSize) return std::nullopt;
    const size_t last = bytes.size() - kEndSize;
    const size_t first = last > kMaxCommentSize ? last - kMaxCommentSize : 0;
    for (size_t at = last + 1; at-- > first;) {
        if (bytes[at] == 'P' && readU32(bytes, at) == kEndSignature) return at;
    }
    return std::nullopt;
}

// Inflates raw DEFLATE `data` into exactly `size` bytes of `out`, reading at most one byte more
// to tell a stream that lies about its size (a zip bomb) from one that ends where it says.
Result<void> inflateEntry(std::string_view name, std::string_view data, size_t size,
                          std::string& out) {
    out.resize(size);
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return unpackError(name, "zlib cannot start");
    struct End {
        z_stream* stream;
        ~End() { inflateEnd(stream); }
    } end{&stream};
    // zlib counts in 32 bits: feed and drain in slices below 4 GiB.
    constexpr size_t kSlice = size_t{1} << 30;
    size_t consumed = 0;
    size_t produced = 0;
    int status = Z_OK;
    char extra = 0;
    while (status == Z_OK) {
        const bool overflow = produced == size;
        if (stream.avail_in == 0) {
            const size_t slice = std::min(kSlice, data.size() - consumed);
            stream.next_in =
                reinterpret_cast<Bytef*>(const_cast<char*>(data.data() + consumed));
            stream.avail_in = static_cast<uInt>(slice);
            consumed += slice;
        }
        const size_t room = overflow ? 1 : std::min(kSlice, size - produced);
        stream.next_out = reinterpret_cast<Bytef*>(overflow ? &extra : out.data() + produced);
        stream.avail_out = static_cast<uInt>(room);
        const uInt inputBefore = stream.avail_in;
        const bool inputLeft = inputBefore > 0;
        // Z_FINISH: when the whole entry fits the buffer in one call, zlib keeps no 32 KiB
        // window (and copies nothing into it): 8-16 fewer fresh pages per small APK. A stream
        // that does not finish gets its window then and continues as with Z_NO_FLUSH.
        status = inflate(&stream, Z_FINISH);
        const size_t wrote = room - stream.avail_out;
        const bool progressed = wrote > 0 || stream.avail_in != inputBefore;
        if (overflow && wrote > 0) {
            return makeError(std::string(name) + " unpacks to more than the " +
                             std::to_string(size) +
                             " bytes its zip header declares (a zip bomb or a corrupt archive); "
                             "reading stopped there");
        }
        produced += overflow ? 0 : wrote;
        if (status == Z_BUF_ERROR) {
            if (!inputLeft && consumed == data.size()) {
                return unpackError(name, "the compressed data ends before the entry does");
            }
            if (inputLeft && !progressed) return unpackError(name, "zlib made no progress");
            status = Z_OK;  // the input slice ran out: feed the next one
        }
    }
    if (status != Z_STREAM_END) {
        return unpackError(name, stream.msg != nullptr ? std::string(stream.msg)
                                                       : "zlib error " + std::to_string(status));
    }
    if (produced != size) {
        return unpackError(name, "it unpacks to " + std::to_string(produced) +
                                     " bytes, not the " + std::to_string(size) +
                                     " its zip header declares");
    }
    return ok();
}

}  // namespace

std::string mebibytes(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

bool looksLikeZip(std::string_view bytes) {
    return bytes.size() >= 4 && (readU32(bytes, 0) == kLocalHeaderSignature ||
                                 readU32(bytes, 0) == kEndSignature);
}

Result<Archive> Archive::open(std::string_view bytes) {
    if (bytes.empty()) return Archive();  // an empty file reads as an archive with no entries
    const std::optional<size_t> end = findEnd(bytes);
    if (!end) return makeError("not an APK: no zip archive found in the file");
    const size_t commentSize = readU16(bytes, *end + 20);
    if (*end + kEndSize + commentSize > bytes.size()) {
        return openError("the archive comment runs past the end of the file");
    }
    const uint16_t disk = readU16(bytes, *end + 4);
    const uint16_t directoryDisk = readU16(bytes, *end + 6);
    const uint16_t entriesHere = readU16(bytes, *end + 8);
    const uint16_t entries = readU16(bytes, *end + 10);
    const uint32_t directorySize = readU32(bytes, *end + 12);
    const uint32_t directoryOffset = readU32(bytes, *end + 16);
    if (disk != 0 || directoryDisk != 0 || entriesHere != entries) {
        return openError("archives spanning several disks are not supported");
    }
    if (*end >= 20 && readU32(bytes, *end - 20) == kZip64LocatorSignature) {
        return openError("zip64 archives are not supported");
    }
    if (uint64_t{directoryOffset} + directorySize > *end) {
        return openError("the central directory runs past the end of the archive");
    }
    // Android's libziparchive refuses an archive whose first entry is not at offset zero, which
    // stops the Janus trick (a dex file in front of the zip, CVE-2017-13156).
    if (entries > 0 && readU32(bytes, 0) != kLocalHeaderSignature) {
        return openError("the archive does not start with a local file header");
    }
    Archive archive;
    archive.m_bytes = bytes;
    archive.m_directoryOffset = directoryOffset;
    archive.m_directoryEnd = size_t{directoryOffset} + directorySize;
    archive.m_entryCount = entries;
    // Walk the directory once, so that a broken one fails here, as Android's open does.
    size_t at = archive.m_directoryOffset;
    for (size_t i = 0; i < entries; ++i) {
        if (at + kCentralHeaderSize > archive.m_directoryEnd ||
            readU32(bytes, at) != kCentralHeaderSignature) {
            return openError("central directory entry " + std::to_string(i + 1) + " of " +
                             std::to_string(entries) + " is malformed");
        }
        const size_t next = at + kCentralHeaderSize + readU16(bytes, at + 28) +
                            readU16(bytes, at + 30) + readU16(bytes, at + 32);
        if (next > archive.m_directoryEnd) {
            return openError("central directory entry " + std::to_string(i + 1) + " of " +
                             std::to_string(entries) + " runs past the directory");
        }
        // Android's libziparchive refuses the whole archive over a name holding a NUL byte.
        const std::string_view entryName = bytes.substr(at + kCentralHeaderSize, readU16(bytes, at + 28));
        if (entryName.find('\0') != std::string_view::npos) {
            return openError("central directory entry " + std::to_string(i + 1) +
                             " has a name with a NUL byte, which Android refuses");
        }
        at = next;
    }
    return archive;
}

Result<std::optional<Archive::Entry>> Archive::find(std::string_view name) const {
    std::optional<Entry> found;
    size_t at = m_directoryOffset;
    for (size_t i = 0; i < m_entryCount; ++i) {
        const size_t nameSize = readU16(m_bytes, at + 28);
        const size_t next =
            at + kCentralHeaderSize + nameSize + readU16(m_bytes, at + 30) + readU16(m_bytes, at + 32);
        if (m_bytes.substr(at + kCentralHeaderSize, nameSize) == name) {
            if (found) {
                return makeError("the zip archive holds " + std::string(name) +
                                 " twice (Android refuses such an APK)");
            }
            found = Entry{readU16(m_bytes, at + 10), readU32(m_bytes, at + 20),
                          readU32(m_bytes, at + 24), readU32(m_bytes, at + 42)};
        }
        at = next;
    }
    return found;
}

Result<std::optional<std::string_view>> Archive::read(std::string_view name, size_t cap,
                                                      std::string& storage) const {
    using View = std::optional<std::string_view>;
    Result<std::optional<Entry>> found = find(name);
    if (!found) return found.error();
    if (!found->has_value()) return View();
    const Entry& entry = **found;
    if (entry.size > cap) {
        return makeError(std::string(name) + " unpacks to " + std::to_string(entry.size) +
                         " bytes, more than hearth's limit of " + mebibytes(cap));
    }
    // The local header repeats the name and has its own extra field; the data follows it.
    const uint64_t local = entry.localOffset;
    if (local + kLocalHeaderSize > m_directoryOffset ||
        readU32(m_bytes, static_cast<size_t>(local)) != kLocalHeaderSignature) {
        return unpackError(name, "its local header is missing or malformed");
    }
    const size_t localName = readU16(m_bytes, static_cast<size_t>(local) + 26);
    const size_t localExtra = readU16(m_bytes, static_cast<size_t>(local) + 28);
    const uint64_t data = local + kLocalHeaderSize + localName + localExtra;
    if (data + entry.compressedSize > m_directoryOffset) {
        return unpackError(name, "its data runs into the central directory");
    }
    if (m_bytes.substr(static_cast<size_t>(local) + kLocalHeaderSize, localName) != name) {
        return unpackError(name, "its local header names another file");
    }
    const std::string_view bytes =
        m_bytes.substr(static_cast<size_t>(data), static_cast<size_t>(entry.compressedSize));
    if (entry.method == kStored) {
        if (entry.compressedSize != entry.size) {
            return unpackError(name, "it is stored in " + std::to_string(entry.compressedSize) +
                                         " bytes but declares " + std::to_string(entry.size));
        }
        return View(bytes);
    }
    if (entry.method != kDeflated) {
        return unpackError(name, "compression method " + std::to_string(entry.method) +
                                     " is not supported");
    }
    if (Result<void> inflated = inflateEntry(name, bytes, static_cast<size_t>(entry.size), storage);
        !inflated) {
        return inflated.error();
    }
    return View(std::string_view(storage));
}

}  // namespace hearth::apk

// The physical floor of `hearth dump FILE.apk`, for scripts/bench to time beside Hearth and aapt
// in the same run: map the APK, find the end of the central directory, walk the directory to
// AndroidManifest.xml, inflate that one entry with zlib into a heap buffer, exit. No XML, no
// output, no resources.arsc. `apk_floor --empty` only starts and exits (a C++ program linked with
// pugixml, as Hearth is): the start-up floor of a small APK's dump.
//
// `apk_floor --table FILE.apk` does the above and then walks resources.arsc in place the way
// Android's loader does before it answers any lookup (LoadedArsc: every top-level chunk, and
// every chunk of each package, header checked): reading only each chunk's 8-byte header. The
// table has no index of its chunks, so reaching the few entries a manifest names means walking
// the chain, one header per ~8 KiB of framework-res's 31.8 MB: this is the floor of `hearth dump`
// on an APK whose labels come from its table. `--table-pread` walks the same chain with one
// pread() per header instead of through the mapping (to measure which is cheaper here).
//
// Deliberately independent of Hearth's own zip reader (core/src/apk_reader.cpp): a floor that
// shared its code would move with it.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <pugixml.hpp>
#include <string_view>
#include <vector>

namespace {

uint32_t u16(const unsigned char* p) { return p[0] | (p[1] << 8); }
uint32_t u32(const unsigned char* p) { return u16(p) | (u16(p + 2) << 16); }

int fail(const char* what) {
    std::fprintf(stderr, "apk_floor: %s\n", what);
    return 1;
}

// Walks the chunks in [at, end) of the table, and the children of each package chunk; returns the
// number of chunks, or -1 for a malformed chain. `header` reads 8 bytes at an offset.
template <typename ReadHeader>
long walkTable(ReadHeader header, size_t at, size_t end, bool descend) {
    long chunks = 0;
    while (at + 8 <= end) {
        unsigned char h[8];
        if (!header(at, h)) return -1;
        const size_t headerSize = u16(h + 2);
        const size_t size = u32(h + 4);
        if (headerSize < 8 || size < headerSize || size > end - at || ((headerSize | size) & 3)) {
            return -1;
        }
        ++chunks;
        if (descend && u16(h) == 0x0200) {  // RES_TABLE_PACKAGE_TYPE: walk its children
            const long children = walkTable(header, at + headerSize, at + size, false);
            if (children < 0) return -1;
            chunks += children;
        }
        at += size;
    }
    return at == end ? chunks : -1;
}

// Central directory entry of `wanted`, or 0.
size_t findEntry(const unsigned char* bytes, size_t size, std::string_view wanted) {
    size_t end = size - 22;
    while (end > 0 && u32(bytes + end) != 0x06054b50) --end;
    const size_t entries = u16(bytes + end + 10);
    size_t at = u32(bytes + end + 16);
    for (size_t i = 0; i < entries; ++i) {
        const size_t nameSize = u16(bytes + at + 28);
        const std::string_view name(reinterpret_cast<const char*>(bytes + at + 46), nameSize);
        if (name == wanted) return at;
        at += 46 + nameSize + u16(bytes + at + 30) + u16(bytes + at + 32);
    }
    return 0;
}

size_t dataOffset(const unsigned char* bytes, size_t entry) {
    const size_t local = u32(bytes + entry + 42);
    return local + 30 + u16(bytes + local + 26) + u16(bytes + local + 28);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--empty") == 0) {
        pugi::xml_document document;  // keeps pugixml linked and initialised, as in hearth
        return document.load_string("<a/>") ? 0 : 1;
    }
    const bool table = argc == 3 && std::strcmp(argv[1], "--table") == 0;
    const bool tablePread = argc == 3 && std::strcmp(argv[1], "--table-pread") == 0;
    if (argc != 2 && !table && !tablePread) {
        return fail("usage: apk_floor FILE.apk | --table FILE.apk | --table-pread FILE.apk | --empty");
    }
    const int fd = open(argv[argc - 1], O_RDONLY);
    struct stat status {};
    if (fd < 0 || fstat(fd, &status) != 0) return fail("cannot open");
    const size_t size = static_cast<size_t>(status.st_size);
    void* mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) return fail("cannot map");
    const auto* bytes = static_cast<const unsigned char*>(mapped);
    const size_t manifest = findEntry(bytes, size, "AndroidManifest.xml");
    if (manifest == 0) return fail("no AndroidManifest.xml");
    const size_t compressed = u32(bytes + manifest + 20);
    const size_t uncompressed = u32(bytes + manifest + 24);
    const size_t data = dataOffset(bytes, manifest);
    std::vector<unsigned char> out(uncompressed);
    if (u16(bytes + manifest + 10) == 0) {
        std::memcpy(out.data(), bytes + data, uncompressed);
    } else {
        z_stream stream{};
        inflateInit2(&stream, -MAX_WBITS);
        stream.next_in = const_cast<unsigned char*>(bytes + data);
        stream.avail_in = static_cast<uInt>(compressed);
        stream.next_out = out.data();
        stream.avail_out = static_cast<uInt>(uncompressed);
        const int status = inflate(&stream, Z_FINISH);
        inflateEnd(&stream);
        if (status != Z_STREAM_END) return fail("inflate failed");
    }
    if (!table && !tablePread) return 0;
    const size_t arsc = findEntry(bytes, size, "resources.arsc");
    if (arsc == 0 || u16(bytes + arsc + 10) != 0) return fail("no stored resources.arsc");
    const size_t start = dataOffset(bytes, arsc);
    const size_t length = u32(bytes + arsc + 24);
    if (length < 12 || start + length > size) return fail("resources.arsc out of the file");
    long chunks = 0;
    if (table) {
        chunks = walkTable(
            [&](size_t at, unsigned char* h) {
                std::memcpy(h, bytes + start + at, 8);
                return true;
            },
            u16(bytes + start + 2), length, true);
    } else {
        chunks = walkTable(
            [&](size_t at, unsigned char* h) {
                return pread(fd, h, 8, static_cast<off_t>(start + at)) == 8;
            },
            u16(bytes + start + 2), length, true);
    }
    return chunks > 0 ? 0 : fail("malformed resources.arsc");
}

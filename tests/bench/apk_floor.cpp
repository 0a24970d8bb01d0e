// The physical floor of `hearth dump FILE.apk`, for scripts/bench to time beside Hearth and aapt
// in the same run: map the APK, find the end of the central directory, walk the directory to
// AndroidManifest.xml, inflate that one entry with zlib into a heap buffer, exit. No XML, no
// output, no resources.arsc. `apk_floor --empty` only starts and exits (a C++ program linked with
// pugixml, as Hearth is): the start-up floor of a small APK's dump.
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

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--empty") == 0) {
        pugi::xml_document document;  // keeps pugixml linked and initialised, as in hearth
        return document.load_string("<a/>") ? 0 : 1;
    }
    if (argc != 2) return fail("usage: apk_floor FILE.apk | --empty");
    const int fd = open(argv[1], O_RDONLY);
    struct stat status {};
    if (fd < 0 || fstat(fd, &status) != 0) return fail("cannot open");
    const size_t size = static_cast<size_t>(status.st_size);
    void* mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) return fail("cannot map");
    const auto* bytes = static_cast<const unsigned char*>(mapped);
    size_t end = size - 22;
    while (end > 0 && u32(bytes + end) != 0x06054b50) --end;
    const size_t entries = u16(bytes + end + 10);
    size_t at = u32(bytes + end + 16);
    const std::string_view wanted = "AndroidManifest.xml";
    for (size_t i = 0; i < entries; ++i) {
        const size_t nameSize = u16(bytes + at + 28);
        const std::string_view name(reinterpret_cast<const char*>(bytes + at + 46), nameSize);
        if (name == wanted) {
            const size_t compressed = u32(bytes + at + 20);
            const size_t uncompressed = u32(bytes + at + 24);
            const size_t local = u32(bytes + at + 42);
            const size_t data = local + 30 + u16(bytes + local + 26) + u16(bytes + local + 28);
            std::vector<unsigned char> out(uncompressed);
            if (u16(bytes + at + 10) == 0) {
                std::memcpy(out.data(), bytes + data, uncompressed);
                return 0;
            }
            z_stream stream{};
            inflateInit2(&stream, -MAX_WBITS);
            stream.next_in = const_cast<unsigned char*>(bytes + data);
            stream.avail_in = static_cast<uInt>(compressed);
            stream.next_out = out.data();
            stream.avail_out = static_cast<uInt>(uncompressed);
            const int status = inflate(&stream, Z_FINISH);
            inflateEnd(&stream);
            return status == Z_STREAM_END ? 0 : fail("inflate failed");
        }
        at += 46 + nameSize + u16(bytes + at + 30) + u16(bytes + at + 32);
    }
    return fail("no AndroidManifest.xml");
}

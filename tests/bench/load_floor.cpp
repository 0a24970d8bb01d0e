// The physical floor of loading a device folder, for scripts/bench --load to time beside a cold
// `hearth query` in the same run: on ONE thread, list the folder, read every
// `<package>/AndroidManifest.xml` into one reused buffer and parse it with pugixml into a DOM that
// is thrown away before the next file. Nothing else: no device.json, no model, no index.
//
// Deliberately independent of Hearth's loader (core/src/device.cpp, manifest_file.cpp): a floor
// that shared its code would move with it. It prints "manifests N bytes B elements E" so that the
// bench can compare Hearth's peak RSS with the bytes of the manifests themselves.

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace {

int fail(const char* what, const std::string& path) {
    std::fprintf(stderr, "load_floor: %s '%s'\n", what, path.c_str());
    return 1;
}

size_t countElements(const pugi::xml_node& node) {
    size_t count = 0;
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) count += 1 + countElements(child);
    }
    return count;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: load_floor DEVICE_FOLDER\n");
        return 2;
    }
    const std::string root = argv[1];
    DIR* folder = opendir(root.c_str());
    if (folder == nullptr) return fail("cannot list", root);
    std::vector<char> buffer(1 << 20);
    size_t manifests = 0, bytes = 0, elements = 0;
    pugi::xml_document document;
    while (const dirent* entry = readdir(folder)) {
        if (entry->d_name[0] == '.') continue;
        const std::string path = root + "/" + entry->d_name + "/AndroidManifest.xml";
        const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) continue;  // device.json, probes.txt: not a package folder
        struct stat status {};
        if (fstat(fd, &status) != 0) return fail("cannot stat", path);
        const auto size = static_cast<size_t>(status.st_size);
        if (size > buffer.size()) buffer.resize(size);
        size_t got = 0;
        while (got < size) {
            const ssize_t n = read(fd, buffer.data() + got, size - got);
            if (n <= 0) return fail("cannot read", path);
            got += static_cast<size_t>(n);
        }
        close(fd);
        if (!document.load_buffer(buffer.data(), size)) return fail("cannot parse", path);
        ++manifests;
        bytes += size;
        elements += countElements(document);
    }
    closedir(folder);
    std::printf("manifests %zu bytes %zu elements %zu\n", manifests, bytes, elements);
    return manifests > 0 ? 0 : fail("no <package>/AndroidManifest.xml in", root);
}

// Fuzz target: the system image walker (scanSystemImage) over a tree the input describes, one
// entry a line: "f PATH" an empty file, "d PATH" a folder, "l PATH TARGET" a symlink (loops
// welcome). Paths and targets stay inside a scratch folder (no "..", not absolute); at most 64
// entries. Checks:
// the walk ends (symlink loops included), every app found is an .apk inside the tree, and nothing
// throws.

#include <hearth/system_image.h>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "fuzz_support.h"

namespace {

namespace fs = std::filesystem;

bool safe(const std::string& path) {
    if (path.empty() || path.size() > 200 || path[0] == '/') return false;
    for (const auto& part : fs::path(path)) {
        if (part == "..") return false;
    }
    return path.find('\0') == std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    static const fs::path root =
        fs::temp_directory_path() / ("hearth-fuzz-image-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(root, ec);
    fs::create_directories(root, ec);
    std::istringstream lines{std::string(fuzz::asText(data, size))};
    std::string line;
    for (int entries = 0; entries < 64 && std::getline(lines, line); ++entries) {
        if (line.size() < 3 || line[1] != ' ') continue;
        const std::string rest = line.substr(2);
        const size_t space = rest.find(' ');
        const std::string path = rest.substr(0, space);
        if (!safe(path)) continue;
        const fs::path target = root / path;
        fs::create_directories(target.parent_path(), ec);
        if (line[0] == 'f') {
            std::ofstream(target) << "x";
        } else if (line[0] == 'd') {
            fs::create_directories(target, ec);
        } else if (line[0] == 'l' && space != std::string::npos && safe(rest.substr(space + 1))) {
            // Targets stay inside the scratch folder too (relative, no ".."): loops, not escapes.
            fs::create_symlink(rest.substr(space + 1), target, ec);
        }
    }
    const Result<SystemImageScan> scan = scanSystemImage(root);
    if (!scan) {
        fuzz::checkError(scan.error());
    } else {
        for (const ImageApp& app : scan->apps) {
            const std::string name = app.apk.filename().string();
            FUZZ_CHECK(name.size() >= 4, "app without an .apk name: " + app.apk.string());
            FUZZ_CHECK(app.apk.string().rfind(root.string(), 0) == 0,
                       "app outside the tree: " + app.apk.string());
        }
    }
    fs::remove_all(root, ec);
    return 0;
}

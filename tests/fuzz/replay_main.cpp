// A stand-in for libFuzzer's driver: feeds every file named on the command line (directories:
// every regular file below them, in sorted order) to LLVMFuzzerTestOneInput once. The normal
// g++ build links each fuzz target with it, so ctest replays the seed corpora and the regression
// inputs without clang; a crash or a failed invariant aborts, and ctest reports the file.
//
// Usage: fuzz_replay_<target> [--ext=.xml] [--name=AndroidManifest.xml] [--optional] PATH...
//   --ext / --name  only files with that extension / file name (applies to the paths after it)
//   --optional      the next PATH may be missing (the shared corpus is not always there)

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

namespace fs = std::filesystem;

struct Filter {
    std::string extension;
    std::string fileName;

    bool accepts(const fs::path& path) const {
        if (!extension.empty() && path.extension() != extension) return false;
        if (!fileName.empty() && path.filename() != fileName) return false;
        return true;
    }
};

bool replayFile(const fs::path& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) {
        std::cerr << path.string() << ": cannot be read\n";
        return false;
    }
    std::vector<char> bytes{std::istreambuf_iterator<char>(stream),
                            std::istreambuf_iterator<char>()};
    // libFuzzer never passes a null pointer, even for an empty input; neither do we.
    bytes.push_back('\0');
    std::fprintf(stderr, "replay %s\n", path.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size() - 1);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
    Filter filter;
    bool nextOptional = false;
    std::size_t replayed = 0;
    bool failed = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--ext=", 0) == 0) {
            filter.extension = arg.substr(6);
            continue;
        }
        if (arg.rfind("--name=", 0) == 0) {
            filter.fileName = arg.substr(7);
            continue;
        }
        if (arg == "--optional") {
            nextOptional = true;
            continue;
        }
        const fs::path root(arg);
        const bool optional = std::exchange(nextOptional, false);
        std::error_code ec;
        if (!fs::exists(root, ec)) {
            if (optional) {
                std::cerr << "skipping missing optional " << root.string() << "\n";
                continue;
            }
            std::cerr << root.string() << ": no such file or directory\n";
            failed = true;
            continue;
        }
        std::vector<fs::path> files;
        if (fs::is_directory(root, ec)) {
            for (const auto& entry : fs::recursive_directory_iterator(root, ec)) {
                if (entry.is_regular_file() && filter.accepts(entry.path()))
                    files.push_back(entry.path());
            }
            std::sort(files.begin(), files.end());
        } else {
            files.push_back(root);
        }
        for (const fs::path& file : files) {
            if (replayFile(file))
                ++replayed;
            else
                failed = true;
        }
    }
    std::cerr << "replayed " << replayed << " inputs\n";
    return failed ? 1 : 0;
}

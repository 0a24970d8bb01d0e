// APK parsing throughput: parseApk (unzip, binary XML, resources.arsc where a reference needs it,
// the model) over the sample manifests compiled to APKs by Debian's aapt when the program starts,
// and over Android's own framework-res.apk. The APKs are read into memory first, so the figures
// are parsing only: items_per_second is APKs/s and bytes_per_second is MB/s of binary XML (the
// uncompressed AndroidManifest.xml entries). Source XML is measured by parse_bench.

#include <benchmark/benchmark.h>
#include <hearth/manifest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../core/apk_fixtures.h"

namespace {

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

struct Apk {
    std::string name;
    std::string bytes;
    size_t manifestBytes = 0;  // uncompressed AndroidManifest.xml
};

// The uncompressed size the zip's central directory gives for an entry (0 when absent).
size_t entrySize(std::string_view zip, std::string_view name) {
    if (zip.size() < 22) return 0;
    size_t end = zip.size() - 22;
    while (end > 0 && getU32(zip, end) != 0x06054b50) --end;
    const size_t entries = getU16(zip, end + 10);
    size_t pos = getU32(zip, end + 16);
    for (size_t i = 0; i < entries && pos + 46 <= zip.size(); ++i) {
        const size_t nameLength = getU16(zip, pos + 28);
        const size_t extra = getU16(zip, pos + 30) + getU16(zip, pos + 32);
        if (zip.substr(pos + 46, nameLength) == name) return getU32(zip, pos + 24);
        pos += 46 + nameLength + extra;
    }
    return 0;
}

Apk loadApk(const fs::path& path) {
    Apk apk{path.string(), readFile(path), 0};
    apk.manifestBytes = entrySize(apk.bytes, "AndroidManifest.xml");
    return apk;
}

const std::vector<Apk>& sampleApks() {
    static const std::vector<Apk> apks = [] {
        std::vector<Apk> out;
        if (!aaptMissingReason().empty()) return out;
        static TempDir dir("apk-bench");
        std::vector<fs::path> manifests;
        for (const auto& entry :
             fs::recursive_directory_iterator(fs::path(HEARTH_SAMPLES_DIR) / "devices")) {
            if (entry.path().filename() == "AndroidManifest.xml") manifests.push_back(entry.path());
        }
        std::sort(manifests.begin(), manifests.end());
        for (size_t i = 0; i < manifests.size(); ++i) {
            const fs::path work = dir.path() / std::to_string(i);
            fs::create_directories(work);
            const fs::path apk = work / "app.apk";
            if (compileApk(manifests[i], apk, work).empty()) out.push_back(loadApk(apk));
        }
        return out;
    }();
    return apks;
}

void runApks(benchmark::State& state, const std::vector<Apk>& apks) {
    if (apks.empty()) {
        state.SkipWithError(aaptMissingReason().empty() ? "no APKs" : aaptMissingReason().c_str());
        return;
    }
    size_t manifestBytes = 0;
    for (const Apk& apk : apks) manifestBytes += apk.manifestBytes;
    for (auto _ : state) {
        for (const Apk& apk : apks) {
            Result<Manifest> manifest = parseApk(apk.bytes, apk.name);
            if (!manifest) {
                state.SkipWithError(manifest.error().toString().c_str());
                return;
            }
            benchmark::DoNotOptimize(manifest);
        }
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * apks.size()));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * manifestBytes));
    state.counters["apks"] = static_cast<double>(apks.size());
    state.counters["axml_bytes"] = static_cast<double>(manifestBytes);
}

void BM_ParseApk_Samples(benchmark::State& state) { runApks(state, sampleApks()); }
BENCHMARK(BM_ParseApk_Samples)->Unit(benchmark::kMicrosecond);

// framework-res.apk: 45 MB, 7,600 entries, a 222 KB manifest whose labels live in a 31.8 MB
// resources.arsc (stored, read in full once a label needs it).
void BM_ParseApk_FrameworkRes(benchmark::State& state) {
    static const std::vector<Apk> apks = [] {
        std::vector<Apk> out;
        if (fs::exists(kFrameworkRes)) out.push_back(loadApk(kFrameworkRes));
        return out;
    }();
    if (apks.empty()) {
        state.SkipWithError("framework-res.apk is not installed (android-framework-res)");
        return;
    }
    runApks(state, apks);
}
BENCHMARK(BM_ParseApk_FrameworkRes)->Unit(benchmark::kMillisecond);

// One sample APK without resources.arsc: unzip + binary XML + model, nothing else.
void BM_ParseApk_ManifestOnly(benchmark::State& state) {
    static const std::vector<Apk> apks = [] {
        std::vector<Apk> out;
        std::string axml = minimalManifest().bytes();
        Apk apk{"minimal.apk", apkWith(axml), axml.size()};
        out.push_back(std::move(apk));
        return out;
    }();
    runApks(state, apks);
}
BENCHMARK(BM_ParseApk_ManifestOnly)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

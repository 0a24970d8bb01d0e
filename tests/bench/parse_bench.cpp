// Source XML manifest parsing throughput: parseManifest over every manifest of samples/, of the
// shared corpus (29 real apps, 1.6 KB to 198 KB) and of 1,000 generated packages. The files are
// read into memory first, so the figures are parsing only: bytes_per_second is MB/s of XML, and
// items_per_second is manifests/s. Binary AXML and APKs are measured by apk_bench.

#include <benchmark/benchmark.h>
#include <hearth/manifest.h>
#include <hearth/synthetic.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace hearth;

struct Input {
    std::string name;  // a real path, so the parser looks for res/values next to it as it would
    std::string text;
};

std::vector<Input> readManifests(const std::filesystem::path& root) {
    std::vector<Input> inputs;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(root, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file() || it->path().filename() != "AndroidManifest.xml") continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        Input input{it->path().string(), text.str()};
        // Invalid samples exist on purpose (error tests); only what parses is throughput.
        if (parseManifest(input.text, input.name).has_value()) inputs.push_back(std::move(input));
    }
    std::sort(inputs.begin(), inputs.end(),
              [](const Input& a, const Input& b) { return a.name < b.name; });
    return inputs;
}

std::vector<Input> syntheticManifests() {
    std::vector<Input> inputs;
    for (SyntheticPackage& package : generateSyntheticDevice({1000, 1}).packages) {
        inputs.push_back({package.manifestPath, std::move(package.manifestXml)});
    }
    return inputs;
}

void runParse(benchmark::State& state, const std::vector<Input>& inputs) {
    if (inputs.empty()) {
        state.SkipWithError("no manifests found");
        return;
    }
    size_t bytes = 0;
    for (const Input& input : inputs) bytes += input.text.size();
    for (auto _ : state) {
        for (const Input& input : inputs) {
            Result<Manifest> manifest = parseManifest(input.text, input.name);
            benchmark::DoNotOptimize(manifest.has_value());
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * inputs.size()));
    state.counters["manifests"] = static_cast<double>(inputs.size());
    state.counters["avg_bytes"] = static_cast<double>(bytes) / static_cast<double>(inputs.size());
}

void BM_ParseSource_Samples(benchmark::State& state) {
    static const std::vector<Input> inputs = readManifests(HEARTH_SAMPLES_DIR);
    runParse(state, inputs);
}

void BM_ParseSource_Corpus(benchmark::State& state) {
    static const std::vector<Input> inputs =
        readManifests(std::filesystem::path(HEARTH_SHARED_DIR) / "corpus" / "manifests");
    runParse(state, inputs);
}

void BM_ParseSource_Synthetic1000(benchmark::State& state) {
    static const std::vector<Input> inputs = syntheticManifests();
    runParse(state, inputs);
}

BENCHMARK(BM_ParseSource_Samples)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseSource_Corpus)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseSource_Synthetic1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

// Building a device: parsing its manifests into the model (LoadDevice, from memory: no disk) and
// indexing it (BuildIndex), in packages per second, on synthetic devices of 100 to 10,000 packages.
// Memory per 1,000 filters comes from counting the heap: this program replaces the global
// operator new/delete to track live and peak bytes, so the counters are exact heap figures (pugixml
// buffers, which use malloc directly, are freed before a parse returns and do not stay).
//   device_KB_per_1k_filters      heap held by the parsed Device
//   index_KB_per_1k_filters       heap held by the PackageIndex built over it
//   index_peak_KB_per_1k_filters  highest heap use above the Device while the index was built

#include <benchmark/benchmark.h>
#include <hearth/device.h>
#include <hearth/package_index.h>
#include <hearth/synthetic.h>
#include <malloc.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <new>
#include <string>

namespace {

size_t gLiveBytes = 0;  // single-threaded program: plain counters
size_t gPeakBytes = 0;

void countAllocation(void* pointer) {
    gLiveBytes += malloc_usable_size(pointer);
    if (gLiveBytes > gPeakBytes) gPeakBytes = gLiveBytes;
}

void countRelease(void* pointer) { gLiveBytes -= malloc_usable_size(pointer); }

}  // namespace

// The replaceable allocation functions, counting what passes through them. Aligned forms are left
// to the library: nothing in Hearth over-aligns.
void* operator new(std::size_t size) {
    void* pointer = std::malloc(size == 0 ? 1 : size);
    if (pointer == nullptr) throw std::bad_alloc();
    countAllocation(pointer);
    return pointer;
}
void* operator new[](std::size_t size) { return operator new(size); }
void operator delete(void* pointer) noexcept {
    if (pointer == nullptr) return;
    countRelease(pointer);
    std::free(pointer);
}
void operator delete[](void* pointer) noexcept { operator delete(pointer); }
void operator delete(void* pointer, std::size_t) noexcept { operator delete(pointer); }
void operator delete[](void* pointer, std::size_t) noexcept { operator delete(pointer); }

namespace {

using namespace hearth;

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "index_bench: " << message << "\n";
    std::exit(1);
}

const SyntheticDevice& synthetic(size_t packages) {
    static std::map<size_t, std::unique_ptr<SyntheticDevice>> cache;
    std::unique_ptr<SyntheticDevice>& slot = cache[packages];
    if (!slot) slot = std::make_unique<SyntheticDevice>(generateSyntheticDevice({packages, 1}));
    return *slot;
}

Device build(const SyntheticDevice& device) {
    Result<Device> built = buildSyntheticDevice(device);
    if (!built) fail(built.error().toString());
    return std::move(built).value();
}

double kilobytesPerThousandFilters(size_t bytes, size_t filters) {
    return filters == 0
               ? 0.0
               : static_cast<double>(bytes) / 1024.0 * 1000.0 / static_cast<double>(filters);
}

void BM_LoadDevice(benchmark::State& state) {
    const SyntheticDevice& device = synthetic(static_cast<size_t>(state.range(0)));
    size_t deviceBytes = 0;
    for (auto _ : state) {
        const size_t before = gLiveBytes;
        Device built = build(device);
        deviceBytes = gLiveBytes - before;
        benchmark::DoNotOptimize(built.packages.data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * device.packages.size()));
    state.counters["filters"] = static_cast<double>(device.filterCount);
    state.counters["device_KB_per_1k_filters"] =
        kilobytesPerThousandFilters(deviceBytes, device.filterCount);
}

void BM_BuildIndex(benchmark::State& state) {
    const SyntheticDevice& synthetic_ = synthetic(static_cast<size_t>(state.range(0)));
    const Device device = build(synthetic_);
    size_t indexBytes = 0;
    size_t peakBytes = 0;
    size_t filters = 0;
    for (auto _ : state) {
        const size_t before = gLiveBytes;
        gPeakBytes = gLiveBytes;
        PackageIndex index(device);
        indexBytes = gLiveBytes - before;
        peakBytes = gPeakBytes - before;
        filters = index.filterCount();
        benchmark::DoNotOptimize(filters);
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * device.packages.size()));
    state.counters["filters"] = static_cast<double>(filters);
    state.counters["index_KB_per_1k_filters"] = kilobytesPerThousandFilters(indexBytes, filters);
    state.counters["index_peak_KB_per_1k_filters"] =
        kilobytesPerThousandFilters(peakBytes, filters);
}

BENCHMARK(BM_LoadDevice)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BuildIndex)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

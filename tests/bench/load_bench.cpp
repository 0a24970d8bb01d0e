// Loading a device from disk as `hearth` does (loadDevice on a gen-device folder: device.json plus
// one AndroidManifest.xml per package), with the manifests parsed on the caller's thread alone
// (threads:1) or on every core (threads:0). Wall time is what a user waits for, so this program
// reports real time; the CPU column is the whole process's, all threads together.
// The devices are written once per run into a temporary folder, removed at exit.

#include <benchmark/benchmark.h>
#include <hearth/device.h>
#include <hearth/synthetic.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

namespace {

using namespace hearth;
namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "load_bench: " << message << "\n";
    std::exit(1);
}

class DeviceFolders {
  public:
    ~DeviceFolders() {
        std::error_code ec;
        if (!m_root.empty()) fs::remove_all(m_root, ec);
    }

    // The folder of a seeded synthetic device of `packages` packages, written on first use.
    const fs::path& folder(size_t packages) {
        if (m_root.empty()) {
            m_root = fs::temp_directory_path() / ("hearth-load-bench-" + std::to_string(::getpid()));
        }
        auto [it, added] = m_folders.emplace(packages, m_root / std::to_string(packages));
        if (added) {
            const SyntheticDevice device = generateSyntheticDevice({packages, 1});
            if (Result<void> written = writeSyntheticDevice(device, it->second); !written) {
                fail(written.error().toString());
            }
        }
        return it->second;
    }

  private:
    fs::path m_root;
    std::map<size_t, fs::path> m_folders;
};

DeviceFolders gFolders;

void BM_LoadDeviceFromDisk(benchmark::State& state) {
    const fs::path& folder = gFolders.folder(static_cast<size_t>(state.range(0)));
    DeviceLoadOptions options;
    options.threads = static_cast<unsigned>(state.range(1));
    size_t packages = 0;
    for (auto _ : state) {
        Result<Device> device = loadDevice(folder, options);
        if (!device) fail(device.error().toString());
        packages = device->packages.size();
        benchmark::DoNotOptimize(device->packages.data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * packages));
}

BENCHMARK(BM_LoadDeviceFromDisk)
    ->ArgNames({"packages", "threads"})
    ->ArgsProduct({{1000, 10000}, {1, 0}})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime();

}  // namespace

BENCHMARK_MAIN();

// Query and resolve on synthetic devices of 100, 1,000 and 10,000 packages (about 100,000 intent
// filters), for the probes the generator names (hearth/synthetic.h): an app-private action, a
// shared action, an https deep link, an app-specific and a common MIME type, HOME, every launcher
// icon, and an intent nobody handles. Queries use flags 0, as `pm query-activities` and `hearth
// query` do by default (MATCH_DEFAULT_ONLY would hide every MAIN/LAUNCHER icon, R-7).
//
// Beside PackageIndex::query runs a deliberately naive baseline (NaiveScan/...): every activity
// filter of the device through the same IntentFilter::match. It lives only here, so that the
// index's advantage is a ratio measured in the same run. Targets (issue 7): median query under
// 5 us on the 10,000-package device for an intent with at most 10 candidates, growth with the
// number of candidates rather than the device; naive / index at least 100x at 10,000 packages.
//
// The "candidates" counter is the size of the answer; scripts/bench prints it beside the time.

#include <benchmark/benchmark.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/synthetic.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace {

using namespace hearth;

constexpr uint64_t kSeed = 1;
constexpr int kQueryFlags = 0;
constexpr size_t kSizes[] = {100, 1000, 10000};
const char* const kProbes[] = {"action-private", "action-shared", "web",          "mime",
                               "mime-common",    "home",          "launcher-all", "none"};

struct Fixture {
    Device device;
    std::unique_ptr<PackageIndex> index;  // refers to device: the fixture never moves
    std::map<std::string, Intent> probes;
};

[[noreturn]] void fail(const std::string& message) {
    std::cerr << "query_bench: " << message << "\n";
    std::exit(1);
}

// Devices are generated and parsed once per size, outside any timing.
const Fixture& fixture(size_t packages) {
    static std::map<size_t, std::unique_ptr<Fixture>> cache;
    std::unique_ptr<Fixture>& slot = cache[packages];
    if (slot) return *slot;
    const SyntheticDevice synthetic = generateSyntheticDevice({packages, kSeed});
    Result<Device> device = buildSyntheticDevice(synthetic);
    if (!device) fail(device.error().toString());
    slot = std::make_unique<Fixture>();
    slot->device = std::move(device).value();
    slot->index = std::make_unique<PackageIndex>(slot->device);
    for (const SyntheticProbe& probe : synthetic.probes) {
        Result<Intent> intent = parseIntentArgs(probe.args);
        if (!intent) fail("probe " + probe.name + ": " + intent.error().toString());
        slot->probes.emplace(probe.name, std::move(intent).value());
    }
    return *slot;
}

const Intent& probe(const Fixture& fixture, const std::string& name) {
    auto it = fixture.probes.find(name);
    if (it == fixture.probes.end()) fail("the generator made no '" + name + "' probe");
    return it->second;
}

// The baseline: no index, every activity filter of every package, first match per activity,
// DEFAULT required, disabled components dropped, then the priority/default/match order.
std::vector<ResolveInfo> naiveQuery(const Device& device, const Intent& intent, int queryFlags) {
    std::vector<ResolveInfo> out;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed) continue;
        for (const Component& component : package.manifest.components) {
            if (component.kind != ComponentKind::Activity &&
                component.kind != ComponentKind::ActivityAlias) {
                continue;
            }
            for (const IntentFilter& filter : component.filters) {
                const int match = filter.match(intent);
                if (match < 0) continue;
                if ((queryFlags & flags::kMatchDefaultOnly) != 0 && !filter.hasDefault()) continue;
                if (package.isComponentEnabled(component)) {
                    ResolveInfo info;
                    info.component = ComponentName{package.packageName(), component.name};
                    info.kind = component.kind;
                    info.priority = filter.priority;
                    info.match = match;
                    info.isDefault = filter.hasDefault();
                    info.system = package.system;
                    info.package = &package;
                    info.info = &component;
                    info.filter = &filter;
                    out.push_back(std::move(info));
                }
                break;
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const ResolveInfo& a, const ResolveInfo& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        if (a.isDefault != b.isDefault) return a.isDefault;
        return a.match > b.match;
    });
    return out;
}

void BM_Query(benchmark::State& state, size_t packages, std::string name) {
    const Fixture& f = fixture(packages);
    const Intent& intent = probe(f, name);
    size_t candidates = 0;
    for (auto _ : state) {
        std::vector<ResolveInfo> results = f.index->query(intent, kQueryFlags);
        candidates = results.size();
        benchmark::DoNotOptimize(results.data());
    }
    state.counters["candidates"] = static_cast<double>(candidates);
    state.counters["filters"] = static_cast<double>(f.index->filterCount());
}

void BM_Resolve(benchmark::State& state, size_t packages, std::string name) {
    const Fixture& f = fixture(packages);
    const Intent& intent = probe(f, name);
    size_t candidates = 0;
    for (auto _ : state) {
        ResolveResult result = f.index->resolveActivity(intent, kQueryFlags);
        candidates = result.candidates.size();
        benchmark::DoNotOptimize(result.outcome);
    }
    state.counters["candidates"] = static_cast<double>(candidates);
}

void BM_NaiveScan(benchmark::State& state, size_t packages, std::string name) {
    const Fixture& f = fixture(packages);
    const Intent& intent = probe(f, name);
    size_t candidates = 0;
    for (auto _ : state) {
        std::vector<ResolveInfo> results = naiveQuery(f.device, intent, kQueryFlags);
        candidates = results.size();
        benchmark::DoNotOptimize(results.data());
    }
    state.counters["candidates"] = static_cast<double>(candidates);
    state.counters["filters"] = static_cast<double>(f.index->filterCount());
}

}  // namespace

int main(int argc, char** argv) {
    // Registered by hand: one benchmark per (device size, probe), named Query/10000/web etc.
    for (size_t packages : kSizes) {
        for (const char* name : kProbes) {
            const std::string suffix = std::to_string(packages) + "/" + name;
            benchmark::RegisterBenchmark(("Query/" + suffix).c_str(), BM_Query, packages,
                                         std::string(name))
                ->Unit(benchmark::kMicrosecond);
            benchmark::RegisterBenchmark(("Resolve/" + suffix).c_str(), BM_Resolve, packages,
                                         std::string(name))
                ->Unit(benchmark::kMicrosecond);
            benchmark::RegisterBenchmark(("NaiveScan/" + suffix).c_str(), BM_NaiveScan, packages,
                                         std::string(name))
                ->Unit(benchmark::kMicrosecond);
        }
    }
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

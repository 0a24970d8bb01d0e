// Fuzz target: the `hearth simulate` script language. The input is parsed as a script; when it
// parses, it runs on the seed sample device (loaded once), so mutated steps exercise the
// simulator too: boot, HOME presses, chooser answers, installs (relative to the sample devices,
// never outside reads that matter), component state, expectations. Checks: errors carry a
// message and a line inside the script; a run renders as text and JSON.

#include <hearth/device.h>
#include <hearth/limits.h>
#include <hearth/simulate.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "fuzz_support.h"

namespace {

const std::filesystem::path& devicesDir() {
    static const std::filesystem::path dir = std::filesystem::path(HEARTH_SAMPLES_DIR) / "devices";
    return dir;
}

// The device every run starts from; loading it once keeps executions fast.
const hearth::Device* seedDevice() {
    static const std::optional<hearth::Device> device = []() -> std::optional<hearth::Device> {
        auto loaded = hearth::loadDevice(devicesDir() / "seed");
        if (!loaded) return std::nullopt;
        return std::move(loaded).value();
    }();
    return device ? &*device : nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const std::size_t lines = fuzz::countLines(text);
    const Result<SimulationScript> script =
        parseSimulationScript(text, "fuzz.script", devicesDir() / "seed");
    if (!script) {
        fuzz::checkError(script.error(), lines);
        return 0;
    }
    FUZZ_CHECK(script->steps.size() <= lines, "more steps than lines");
    const Device* device = seedDevice();
    if (device == nullptr) return 0;
    const SimulationResult result = runSimulation(*device, script.value());
    if (result.failure) fuzz::checkError(*result.failure, lines);
    FUZZ_CHECK(!renderSimulationText(result).empty(), "empty text rendering");
    FUZZ_CHECK(!renderSimulationJson(result).empty(), "empty JSON rendering");
    return 0;
}

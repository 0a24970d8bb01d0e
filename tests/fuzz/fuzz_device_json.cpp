// Fuzz target: device.json (parseDeviceJson). Relative manifest paths resolve against the seed
// sample device, so mutated seeds keep loading real manifests. Checks: errors have a message
// and a line inside the input; an accepted device stays within limits::kMaxPackagesPerDevice and
// every package has a name.

#include <hearth/device.h>
#include <hearth/limits.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const std::filesystem::path baseDir = std::filesystem::path(HEARTH_SAMPLES_DIR) / "devices";
    const Result<Device> device = parseDeviceJson(text, "device.json", baseDir);
    if (!device) {
        fuzz::checkError(device.error());
        return 0;
    }
    FUZZ_CHECK(device->packages.size() <= limits::kMaxPackagesPerDevice,
               "more packages than the cap: " + std::to_string(device->packages.size()));
    for (const InstalledPackage& package : device->packages)
        FUZZ_CHECK(!package.packageName().empty(), "package without a name");
    return 0;
}

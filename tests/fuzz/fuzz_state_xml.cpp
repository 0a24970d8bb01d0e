// Fuzz target: /data/system state files (parsePackagesXml, parsePackageRestrictions) as text or
// ABX (the input is read as both), then applyDeviceState on a small device. Checks: errors are
// single lines; every preferred entry kept has an action and a component; applying never adds
// packages.

#include <hearth/device_state.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    Result<DeviceState> state = parsePackagesXml(text, "packages.xml");
    if (!state) {
        fuzz::checkError(state.error());
        state = parsePackageRestrictions(text, "package-restrictions.xml");
        if (!state) {
            fuzz::checkError(state.error());
            return 0;
        }
    }
    for (const PreferredActivity& entry : state->preferred) {
        FUZZ_CHECK(!entry.filter.actions.empty(), "a preferred entry without an action was kept");
        FUZZ_CHECK(!entry.component.packageName.empty(), "a preferred entry without a component");
    }
    Device device;
    for (const char* name : {"com.android.launcher", "com.android.settings", "com.example"}) {
        InstalledPackage package;
        package.manifest.packageName = name;
        device.packages.push_back(package);
    }
    const Device applied = applyDeviceState(device, *state);
    FUZZ_CHECK(applied.packages.size() == device.packages.size(), "applying state added packages");
    return 0;
}

// Fuzz target: /data/system state files (parsePackagesXml, parsePackageRestrictions,
// parseRolesXml) as text or ABX (the input is read as each until one accepts it), then
// applyDeviceState on a small device. Checks: errors are single lines; every preferred entry kept
// has an action and a component; every role read is named, located and has named holders;
// applying never adds packages, and gives a device without roles the state's.

#include <hearth/device_state.h>

#include <cstddef>
#include <cstdint>
#include <optional>
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
            state = parseRolesXml(text, "roles.xml");
            if (!state) {
                fuzz::checkError(state.error());
                return 0;
            }
        }
    }
    for (const auto& [role, holders] : state->roleHolders) {
        FUZZ_CHECK(!role.empty(), "a role without a name was kept");
        FUZZ_CHECK(state->roleLocations.count(role) == 1, "a role without a location");
        for (const std::string& holder : holders) FUZZ_CHECK(!holder.empty(), "an unnamed holder");
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
    auto holder = [&](const char* role) -> std::optional<std::string> {
        auto it = state->roleHolders.find(role);
        if (it == state->roleHolders.end()) return std::nullopt;
        return it->second.empty() ? std::string() : it->second.front();
    };
    const std::optional<std::string> home = holder("android.app.role.HOME");
    FUZZ_CHECK(applied.roles.home == (home && home->empty() ? std::nullopt : home),
               "the HOME holder of roles.xml was not applied");
    // Android 6-9's <default-apps> browser stands in when roles.xml names no BROWSER holder.
    const std::optional<std::string> browser = holder("android.app.role.BROWSER");
    FUZZ_CHECK(applied.roles.browser == (browser ? browser : state->defaultBrowser),
               "the BROWSER holder of roles.xml (or the default-apps browser) was not applied");
    return 0;
}

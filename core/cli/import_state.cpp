#include "import_state.h"

#include <ostream>

namespace hearth::cli {

void addImportStateOption(CLI::App& app, std::string& dir) {
    app.add_option("--state", dir,
                   "a copy of /data/system (packages.xml, users/0/package-restrictions.xml, "
                   "roles.xml; text or ABX) laid over the device; referenced as \"state\" in "
                   "device.json");
}

std::optional<DeviceState> readImportState(const std::string& dir, const char* command, Io& io) {
    Result<DeviceState> state = readDeviceState(dir);
    if (!state) {
        io.err << "hearth " << command << ": " << state.error().toString() << "\n";
        return std::nullopt;
    }
    return std::move(state).value();
}

}  // namespace hearth::cli

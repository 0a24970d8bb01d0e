#pragma once
// --state DIR, shared by import image and import adb: a copy of /data/system (device-formats 2)
// that the written device.json references as "state", laid over the device whenever it loads.

#include <hearth/device_state.h>

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "command.h"

namespace hearth::cli {

/// Adds --state to an importer, storing the folder in `dir`.
void addImportStateOption(CLI::App& app, std::string& dir);

/// Reads the --state folder before anything is written; prints the error on io.err, after
/// "hearth <command>: ", and returns nullopt when it cannot be read.
std::optional<DeviceState> readImportState(const std::string& dir, const char* command, Io& io);

}  // namespace hearth::cli

#pragma once
// Private to the CLI: loading the DEVICE argument the same way in every command — the options
// (--strict, --warnings) and what is printed on stderr while loading.

#include <hearth/device.h>

#include <optional>
#include <string>

#include "command.h"

namespace hearth::cli {

struct DeviceLoadFlags {
    bool strict = false;    ///< --strict: fail on the first package Android would skip or refuse
    /// --warnings none|summary|all: "summary" (the default) prints the device.json's own warnings
    /// and counts the manifests'; "all" prints every one; "none" prints none (errors always).
    std::string warnings = "summary";
};

/// Adds --strict and --warnings to a command that loads a device.
void addDeviceLoadOptions(CLI::App& app, DeviceLoadFlags& flags);

/// After the error lines of the packages not installed: "hearth <command>: N packages not
/// installed (errors above); the rest of the device is loaded (--strict fails instead)". Prints
/// nothing when no package was skipped.
void printSkippedSummary(const char* command, const Device& device, Io& io);

/// Loads the device for `command`. On failure prints the error and returns nullopt (exit 1).
/// Otherwise prints, on io.err: an error line for every package not installed (cannot be parsed,
/// or refused as Android refuses it) and a summary; every warning about device.json itself (the
/// user's own typos are never hidden); the manifests' warnings, or only their number without
/// --warnings.
std::optional<Device> loadDeviceForCommand(const char* command, const std::string& path,
                                           const DeviceLoadFlags& flags, Io& io);

}  // namespace hearth::cli

#pragma once
// --framework-src DIR, shared by home, simulate and import image: read the HOME_FIRST patch from a
// frameworks/ checkout, show where each call site picks its category, and use that patch.

#include <hearth/device.h>

#include <iosfwd>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "command.h"

namespace hearth::cli {

/// Adds --framework-src to a command, storing the folder in `dir`.
void addFrameworkSrcOption(CLI::App& app, std::string& dir);

/// Scans `dir` and prints the site report on `report`; returns the patch it implies, or prints
/// the error on io.err and returns nullopt.
std::optional<FrameworkPatch> readFrameworkSrc(const std::string& dir, std::ostream& report, Io& io);

}  // namespace hearth::cli

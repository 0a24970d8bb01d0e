// hearth gen-device: writes a synthetic device (or filter-match cases) for benchmarks.

#include <hearth/limits.h>
#include <hearth/synthetic.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <system_error>

#include "cli.h"
#include "command.h"

namespace hearth::cli {
namespace {


constexpr const char* kExamples = R"(Examples:
  hearth gen-device /tmp/dev10k --packages 10000 --seed 1
      a device of 10,000 packages (about 100,000 intent filters): device.json, one
      <package>/AndroidManifest.xml each, and probes.txt (representative intents)
  hearth query /tmp/dev10k $(cut -f2 /tmp/dev10k/probes.txt | grep -m1 HOME)
  hearth gen-device --cases 100000 --seed 1 cases.jsonl
      100,000 filter-match cases in the conformance format, about half of them matching
  hearth gen-device --cases 1000 | hearth filter-match

The same --seed always writes the same files, on every platform. The mix of filters follows
the real manifests measured by scripts/measure-corpus (see docs/synthetic-devices.md).)";

struct GenDeviceOptions {
    std::string output;
    size_t packages = 0;
    size_t cases = 0;
    uint64_t seed = 1;
    bool force = false;
};

bool isNonEmptyDirectory(const std::filesystem::path& path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) return false;
    if (!std::filesystem::is_directory(path, error)) return true;
    return std::filesystem::directory_iterator(path, error) !=
           std::filesystem::directory_iterator();
}

int writeCases(const GenDeviceOptions& options, Io& io) {
    auto writeTo = [&](std::ostream& stream) {
        generateFilterMatchCases(options.cases, options.seed,
                                 [&](std::string_view line) { stream << line << '\n'; });
    };
    if (options.output.empty() || options.output == "-") {
        writeTo(io.out);
        return kExitOk;
    }
    std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
    if (file) writeTo(file);
    file.flush();
    if (!file) {
        io.err << "hearth gen-device: cannot write '" << options.output
               << "': " << std::error_code(errno, std::generic_category()).message() << "\n";
        return kExitBadInput;
    }
    io.out << "wrote " << options.cases << " filter-match cases to " << options.output << "\n";
    return kExitOk;
}

int writeDevice(const GenDeviceOptions& options, Io& io) {
    if (options.output.empty()) {
        io.err << "hearth gen-device: --packages needs an output directory, e.g. "
                  "'hearth gen-device /tmp/dev --packages 1000'\n";
        return kExitUsage;
    }
    // Never write a device the other commands refuse to load (limits.h says why the cap is
    // where it is).
    if (options.packages == 0 || options.packages > limits::kMaxPackagesPerDevice) {
        io.err << "hearth gen-device: --packages must be between 1 and " << limits::kMaxPackagesPerDevice
               << " (the most packages a device may hold), got " << options.packages << "\n";
        return kExitUsage;
    }
    if (!options.force && isNonEmptyDirectory(options.output)) {
        io.err << "hearth gen-device: '" << options.output
               << "' exists and is not empty; name a new directory or pass --force\n";
        return kExitBadInput;
    }
    const SyntheticDevice device = generateSyntheticDevice({options.packages, options.seed});
    if (Result<void> written = writeSyntheticDevice(device, options.output); !written) {
        io.err << "hearth gen-device: " << written.error().toString() << "\n";
        return kExitBadInput;
    }
    io.out << "wrote " << device.packages.size() << " packages with " << device.filterCount
           << " intent filters to " << options.output << " (device.json, probes.txt)\n";
    return kExitOk;
}

}  // namespace

Runner defineGenDevice(CLI::App& app, Io& io) {
    auto options = std::make_shared<GenDeviceOptions>();
    app.add_option("OUTPUT", options->output,
                   "the device directory to create (--packages), or the file for the cases "
                   "(--cases; absent or '-': standard output)");
    CLI::Option* packages =
        app.add_option("--packages", options->packages, "number of packages of the device");
    app.add_option("--cases", options->cases,
                   "write this many filter-match cases (JSON Lines) instead of a device")
        ->excludes(packages);
    app.add_option("--seed", options->seed, "random seed; the same seed gives the same output")
        ->capture_default_str();
    app.add_flag("--force", options->force, "write into a directory that is not empty");
    app.footer(kExamples);
    return [options, packages, &io]() -> int {
        if (options->cases > 0) return writeCases(*options, io);
        if (packages->count() > 0) return writeDevice(*options, io);
        io.err << "hearth gen-device: expected --packages N (a device) or --cases N "
                  "(filter-match cases)\n";
        return kExitUsage;
    };
}

}  // namespace hearth::cli

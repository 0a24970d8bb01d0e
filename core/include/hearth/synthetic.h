#pragma once
// Synthetic devices and filter-match cases for benchmarks: N packages whose intent-filter mix
// follows the measured mix of real manifests (docs/synthetic-devices.md), seeded and reproducible
// on every platform (the random draws use only std::mt19937_64, whose output the standard fixes,
// and distributions written here; std::uniform_int_distribution differs between standard
// libraries).

#include <hearth/device.h>
#include <hearth/result.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

struct SyntheticOptions {
    size_t packages = 1000;
    uint64_t seed = 1;
};

/// One generated package: its manifest text and the facts device.json records for it.
struct SyntheticPackage {
    std::string packageName;
    std::string
        manifestPath;  ///< relative to the device directory: "<package>/AndroidManifest.xml"
    std::string manifestXml;
    bool system = false;
    bool privileged = false;
    size_t filterCount = 0;
};

/// A representative intent for benchmarks, in `am start` argument form (parseIntentArgs).
struct SyntheticProbe {
    std::string name;  ///< "action-private", "web", "mime", "home", "none", ...
    std::vector<std::string>
        args;                 ///< e.g. {"-a", "android.intent.action.VIEW", "-d", "https://..."}
    std::string description;  ///< what the candidates are expected to be
};

struct SyntheticDevice {
    std::string name;  ///< "synthetic-<packages>-seed<seed>"
    std::vector<SyntheticPackage> packages;
    std::vector<SyntheticProbe> probes;
    size_t filterCount = 0;  ///< intent filters over every package

    /// device.json text listing every package with its system/privileged flags.
    std::string deviceJson() const;
    /// One probe a line: name, a tab, the arguments separated by spaces (none contains a space).
    std::string probesText() const;
};

/// Generates the device; the same options give byte-identical output.
SyntheticDevice generateSyntheticDevice(const SyntheticOptions& options);

/// Writes <dir>/device.json, <dir>/probes.txt and one <dir>/<package>/AndroidManifest.xml per
/// package, creating dir. Fails with "cannot write 'path': reason".
[[nodiscard]] Result<void> writeSyntheticDevice(const SyntheticDevice& device,
                                                const std::filesystem::path& dir);

/// Parses every generated manifest in memory (parseManifest) into a Device, as loadDevice would
/// from the written directory. Fails with the first manifest's parse error.
[[nodiscard]] Result<Device> buildSyntheticDevice(const SyntheticDevice& device);

/// Generates count filter-match cases in the conformance case format (one JSON object a line, with
/// an "id"), about half of them matching, from the same filter mix as the devices. Calls sink once
/// per line (without the newline), so that any count runs in constant memory.
void generateFilterMatchCases(size_t count, uint64_t seed,
                              const std::function<void(std::string_view line)>& sink);

}  // namespace hearth

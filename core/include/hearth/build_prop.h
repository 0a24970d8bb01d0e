#pragma once
// build.prop: the key=value property files of each partition of an Android image
// (device-formats 1.2). Hearth reads them to learn the API level the framework runs at: the
// system partition's ro.build.version.sdk. A vendor may fake ro.build.version.release; it is
// reported when it disagrees with sdk, never trusted.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

/// One property file: every key with its last value (a later line overrides an earlier one).
struct BuildProps {
    std::string sourceName;                   ///< the file as the user named it
    std::map<std::string, std::string> values;
    std::map<std::string, int> lines;          ///< key -> line of the value kept
    std::vector<Diagnostic> diagnostics;       ///< lines that are not key=value, comment or import

    /// The value of a key, or nullopt.
    std::optional<std::string> get(std::string_view key) const;
};

/// What the system build.prop says about the platform version.
struct PlatformVersion {
    int apiLevel = 0;               ///< ro.build.version.sdk
    std::string release;            ///< ro.build.version.release, as written (may be faked)
    std::string codename;           ///< ro.build.version.codename ("REL" on a release build)
    std::vector<Diagnostic> diagnostics;  ///< a release that disagrees with sdk, a preview build
};

/// Parses build.prop text; fails only on bytes no property file holds (NUL) or over the size cap.
[[nodiscard]] Result<BuildProps> parseBuildProp(std::string_view text, const std::string& sourceName);

/// The platform version from a system build.prop; fails with "file: no 'ro.build.version.sdk'"
/// or "file:line: 'ro.build.version.sdk' must be a number between 1 and 99, got 'x'".
[[nodiscard]] Result<PlatformVersion> platformVersion(const BuildProps& props);

/// The release ("2.3", "7.1", "10") Android shipped at an API level, or "" when unknown.
std::string releaseForApiLevel(int apiLevel);

}  // namespace hearth

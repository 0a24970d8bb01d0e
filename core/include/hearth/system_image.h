#pragma once
// System image trees (device-formats 1.1, 1.2): a folder laid out like a build's product output
// (out/target/product/<device>/) or an extracted factory image / ROM dump. The partition each APK
// sits in gives its flags (system/framework and */priv-app: system + privileged; */app: system;
// data/app: user apps, an update of a system package keeping its flags; */overlay: skipped), the
// system partition's build.prop gives the API level.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <hearth/device.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

/// One package found in the image: its base APK, the split APKs beside it, and the flags its
/// folder gives.
struct ImageApp {
    std::filesystem::path apk;                  ///< the base APK
    std::vector<std::filesystem::path> splits;  ///< split APKs of the same folder, merged into it
    std::string folder;                         ///< "system/priv-app", "vendor/app", "data/app"...
    bool system = false;
    bool privileged = false;
};

/// What a walk of the tree found, before any APK is read.
struct SystemImageScan {
    std::filesystem::path root;
    std::filesystem::path systemRoot;           ///< root/system, root/system/system, or root
    std::optional<std::filesystem::path> buildProp;  ///< the system partition's build.prop
    std::vector<ImageApp> apps;                 ///< in PackageManagerService's scan order
    int overlaysSkipped = 0;                    ///< */overlay APKs (resources only)
    std::vector<Diagnostic> diagnostics;        ///< folders without an APK, unreadable entries
};

/// The system partition of an image tree at root (root/system/system for system-as-root dumps,
/// root/system, or root itself when it is the partition), or nullopt when root is not an image.
std::optional<std::filesystem::path> findSystemPartition(const std::filesystem::path& root);

/// Walks the partitions of an image tree; fails only when root is not an image tree. Bounded
/// depth (limits::kMaxImageAppDepth) and a visited set make symlink loops harmless.
[[nodiscard]] Result<SystemImageScan> scanSystemImage(const std::filesystem::path& root);

/// Loads an image tree as a device: flags from the folders, splits merged into their base, the API
/// level from the system build.prop (API 34 with a warning when there is none), and
/// Device::inferred saying what was inferred ("API 29 from system/build.prop; 3 privileged,
/// 12 system, 4 user apps"). A package whose APK (or a split of it) cannot be parsed is skipped as
/// Android skips it (an error diagnostic and Device::skipped) unless options.parse.strict, which
/// fails with that APK's error instead.
[[nodiscard]] Result<Device> loadSystemImage(const std::filesystem::path& root,
                                             const DeviceLoadOptions& options = {});

}  // namespace hearth

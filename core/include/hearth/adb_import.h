#pragma once
// `hearth import adb`: turns the files of an adb capture (scripts/capture-device, device-formats
// §6) into a device.json, so that everything downstream reads one format. Packages without an APK
// carry their components and filters inline, with the priorities the device reported (already
// clamped); state, preferred activities, roles and App Links state come from the dumps.

#include <hearth/result.h>
#include <hearth/source_location.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hearth {

/// The capture files to import; every one is optional except at least one dumpsys or pm list.
struct AdbCaptureFiles {
    std::vector<std::filesystem::path> dumpsys;  ///< `dumpsys package -f`, package dumps too
    std::optional<std::filesystem::path> getprop;
    std::optional<std::filesystem::path> pmList;            ///< `pm list packages -f`
    std::optional<std::filesystem::path> systemPackages;    ///< `pm list packages -s`
    std::optional<std::filesystem::path> disabledPackages;  ///< `pm list packages -d`
    std::optional<std::filesystem::path> preferredXml;      ///< `dumpsys package preferred-xml --full`
    std::optional<std::filesystem::path> roleHolders;       ///< `ROLE: holders` lines
    std::optional<std::filesystem::path> appLinks;          ///< `pm get-app-links`
    std::optional<std::filesystem::path> homeActivities;    ///< `cmd package query-activities` for HOME
    std::optional<std::filesystem::path> userSetupComplete; ///< `settings get secure user_setup_complete`
    std::optional<std::filesystem::path> apks;              ///< folder of PACKAGE.apk files
    /// Commands of the capture that failed or were refused ("'cmd role holders' failed: ...").
    std::vector<std::string> failed;
};

/// The fixed file names scripts/capture-device writes, in the order it writes them.
const std::vector<std::string>& adbCaptureFileNames();

/// Finds the capture files in a folder: scripts/capture-device's fixed names, or a
/// NAME.command.txt + NAME.stdout.txt (+ .exit_code.txt, .stderr.txt) layout whose command says
/// what each file is. Fails when the folder holds neither.
[[nodiscard]] Result<AdbCaptureFiles> findAdbCapture(const std::filesystem::path& folder);

struct AdbImportOptions {
    int user = 0;                    ///< whose package state and preferred activities to import
    std::filesystem::path outDir;    ///< where device.json will be written (APK paths relative to it)
    std::string name;                ///< device name; default from getprop
    /// A copy of /data/system to reference as "state" (laid over the device on load), or empty.
    std::filesystem::path stateDir;
};

struct AdbImport {
    std::string deviceJson;              ///< the device.json text
    std::vector<std::string> summary;    ///< what was imported, one line each
    std::vector<std::string> lacking;    ///< what the capture did not say ("dumpsys without -f: ...")
};

/// Reads the capture files and builds the device.json; fails on the first file that cannot be
/// read or is not what its option says, with file:line:col.
[[nodiscard]] Result<AdbImport> importAdbCapture(const AdbCaptureFiles& files,
                                                 const AdbImportOptions& options);

}  // namespace hearth

// Which file of a capture folder is which: scripts/capture-device's fixed names, or a folder of
// NAME.command.txt + NAME.stdout.txt records (the layout of public capture repositories such as
// the Fire OS 7 one in shared/realworld), classified by the command each ran.

#include <hearth/adb_import.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "capture_text.h"

namespace hearth {

namespace fs = std::filesystem;

const std::vector<std::string>& adbCaptureFileNames() {
    static const std::vector<std::string> names = {
        "getprop.txt",           "pm-list-packages-f.txt", "pm-list-packages-s.txt",
        "pm-list-packages-d.txt", "dumpsys-package.txt",    "preferred-xml.txt",
        "role-holders.txt",      "app-links.txt",          "home-activities.txt",
        "user-setup-complete.txt"};
    return names;
}

namespace {

using detail::startsWith;

// Small text files of the record layout (command, exit code, stderr); capped, they are one line.
std::string readSmall(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text(4096, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    return std::string(text::trim(text));
}

bool hasWord(std::string_view command, std::string_view word) {
    size_t pos = 0;
    while ((pos = command.find(word, pos)) != std::string_view::npos) {
        const bool startOk = pos == 0 || command[pos - 1] == ' ';
        const size_t end = pos + word.size();
        if (startOk && (end == command.size() || command[end] == ' ')) return true;
        pos = end;
    }
    return false;
}

// Classifies one record by the shell command after "adb [-s SERIAL] shell".
void classify(std::string_view command, const fs::path& stdoutPath, AdbCaptureFiles& files) {
    const size_t shell = command.find(" shell ");
    if (shell == std::string_view::npos) return;
    const std::string_view cmd = text::trim(command.substr(shell + 7));
    if (startsWith(cmd, "dumpsys package")) {
        if (hasWord(cmd, "preferred-xml")) {
            files.preferredXml = stdoutPath;
        } else {
            files.dumpsys.push_back(stdoutPath);
        }
    } else if (startsWith(cmd, "pm list packages") || startsWith(cmd, "cmd package list packages")) {
        if (hasWord(cmd, "-f")) {
            files.pmList = stdoutPath;
        } else if (hasWord(cmd, "-s")) {
            files.systemPackages = stdoutPath;
        } else if (hasWord(cmd, "-d")) {
            files.disabledPackages = stdoutPath;
        }
    } else if (cmd == "getprop") {
        files.getprop = stdoutPath;
    } else if ((startsWith(cmd, "cmd package query-activities") ||
                startsWith(cmd, "pm query-activities")) &&
               cmd.find("android.intent.category.HOME") != std::string_view::npos &&
               cmd.find("android.intent.action.MAIN") != std::string_view::npos) {
        files.homeActivities = stdoutPath;
    } else if (startsWith(cmd, "pm get-app-links")) {
        files.appLinks = stdoutPath;
    } else if (startsWith(cmd, "settings get secure user_setup_complete")) {
        files.userSetupComplete = stdoutPath;
    }
}

}  // namespace

Result<AdbCaptureFiles> findAdbCapture(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        return makeError("cannot read the capture folder '" + folder.string() + "': " +
                         (fs::exists(folder, ec) ? "not a folder" : "no such folder"));
    }
    AdbCaptureFiles files;
    auto fixed = [&](const char* name) -> std::optional<fs::path> {
        const fs::path path = folder / name;
        if (fs::is_regular_file(path, ec)) return path;
        return std::nullopt;
    };
    bool any = false;
    auto take = [&](const char* name, std::optional<fs::path>& into) {
        into = fixed(name);
        any = any || into.has_value();
    };
    if (auto dumpsys = fixed("dumpsys-package.txt")) {
        files.dumpsys.push_back(*dumpsys);
        any = true;
    }
    take("getprop.txt", files.getprop);
    take("pm-list-packages-f.txt", files.pmList);
    take("pm-list-packages-s.txt", files.systemPackages);
    take("pm-list-packages-d.txt", files.disabledPackages);
    take("preferred-xml.txt", files.preferredXml);
    take("role-holders.txt", files.roleHolders);
    take("app-links.txt", files.appLinks);
    take("home-activities.txt", files.homeActivities);
    take("user-setup-complete.txt", files.userSetupComplete);
    if (fs::is_directory(folder / "apks", ec)) files.apks = folder / "apks";
    if (any) return files;

    // The record layout: NAME.command.txt holds "command: adb ... shell CMD".
    std::vector<fs::path> commands;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 12 && name.substr(name.size() - 12) == ".command.txt") {
            commands.push_back(entry.path());
        }
    }
    std::sort(commands.begin(), commands.end());
    for (const fs::path& commandPath : commands) {
        const std::string name = commandPath.filename().string();
        const std::string base = name.substr(0, name.size() - 12);
        std::string command = readSmall(commandPath);
        if (startsWith(command, "command:")) command = std::string(text::trim(command.substr(8)));
        const fs::path out = folder / (base + ".stdout.txt");
        const std::string exitCode = readSmall(folder / (base + ".exit_code.txt"));
        if (!exitCode.empty() && exitCode != "0") {
            std::string stderrText = readSmall(folder / (base + ".stderr.txt"));
            if (stderrText.empty()) stderrText = readSmall(out);
            const size_t shell = command.find(" shell ");
            files.failed.push_back(
                "'" + (shell == std::string::npos ? command : command.substr(shell + 7)) +
                "' failed (exit " + exitCode + ")" +
                (stderrText.empty() ? "" : ": " + stderrText.substr(0, stderrText.find('\n'))));
            continue;
        }
        if (!fs::is_regular_file(out, ec)) continue;
        classify(command, out, files);
    }
    if (files.dumpsys.empty() && !files.pmList) {
        return makeError("'" + folder.string() +
                         "' holds no adb capture: expected the files scripts/capture-device "
                         "writes (dumpsys-package.txt, pm-list-packages-f.txt, ...) or "
                         "NAME.command.txt + NAME.stdout.txt records of 'dumpsys package' or "
                         "'pm list packages -f'");
    }
    return files;
}

}  // namespace hearth

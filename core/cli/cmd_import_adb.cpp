// hearth import adb: a capture folder (scripts/capture-device) or individual capture files to a
// device.json in --out.

#include <hearth/adb_import.h>
#include <hearth/device.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli.h"
#include "command.h"
#include "import_state.h"

namespace hearth::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFooter = R"(Capture a phone first (adb, no root):
  scripts/capture-device [-s SERIAL] capture/          the fixed list of adb commands
Then:
  hearth import adb capture/ --out phone/
      every file the script wrote; phone/device.json is a device for every other command
  hearth import adb --dumpsys dumpsys-package.txt --getprop getprop.txt --out phone/
      individual files (--dumpsys may be repeated: a full dump plus package dumps)
  hearth query phone/ -a android.intent.action.MAIN -c android.intent.category.HOME --brief

The folder may also hold NAME.command.txt + NAME.stdout.txt records (one per adb command), as
public capture repositories do; the command says what each file is.

Packages without an APK (--apks DIR holding PACKAGE.apk) get their activities and filters inline,
with the priorities the device reported (already clamped). What the capture lacked is printed
("dumpsys without -f: no filter details").

Exit codes:
  0  device.json written
  1  a capture file cannot be read or is not what its option says (file:line:col)
  2  usage error, or --out already holds a device.json (use --force))";

struct ImportAdbOptions {
    std::string folder;
    std::vector<std::string> dumpsys;
    std::string getprop, pmList, systemPackages, disabledPackages, preferredXml, roleHolders,
        appLinks, homeActivities, userSetupComplete, apks, out, name, state;
    int user = 0;
    bool force = false;
};

std::optional<fs::path> optionalPath(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return fs::path(text);
}

int runImportAdb(const ImportAdbOptions& options, Io& io) {
    AdbCaptureFiles files;
    if (!options.folder.empty()) {
        Result<AdbCaptureFiles> found = findAdbCapture(options.folder);
        if (!found) {
            io.err << "hearth import adb: " << found.error().toString() << "\n";
            return kExitBadInput;
        }
        files = std::move(found).value();
    }
    // Individual files add to (or replace) what the folder holds.
    for (const std::string& dumpsys : options.dumpsys) files.dumpsys.emplace_back(dumpsys);
    for (auto [text, slot] : {std::pair{&options.getprop, &files.getprop},
                              std::pair{&options.pmList, &files.pmList},
                              std::pair{&options.systemPackages, &files.systemPackages},
                              std::pair{&options.disabledPackages, &files.disabledPackages},
                              std::pair{&options.preferredXml, &files.preferredXml},
                              std::pair{&options.roleHolders, &files.roleHolders},
                              std::pair{&options.appLinks, &files.appLinks},
                              std::pair{&options.homeActivities, &files.homeActivities},
                              std::pair{&options.userSetupComplete, &files.userSetupComplete},
                              std::pair{&options.apks, &files.apks}}) {
        if (auto path = optionalPath(*text)) *slot = path;
    }
    if (files.dumpsys.empty() && !files.pmList) {
        io.err << "hearth import adb: give a capture FOLDER, or at least --dumpsys FILE or "
                  "--pm-list FILE\n";
        return kExitUsage;
    }
    const fs::path outDir = options.out;
    const fs::path target = outDir / "device.json";
    std::error_code ec;
    if (fs::exists(target, ec) && !options.force) {
        io.err << "hearth import adb: '" << target.string()
               << "' exists; use --force to replace it\n";
        return kExitUsage;
    }
    // Read before anything is written: device.json will reference it, as import image's does.
    if (!options.state.empty() && !readImportState(options.state, "import adb", io)) {
        return kExitBadInput;
    }
    AdbImportOptions importOptions;
    importOptions.user = options.user;
    importOptions.stateDir = options.state;
    importOptions.outDir = fs::absolute(outDir, ec);
    importOptions.name = options.name;
    if (files.apks) files.apks = fs::absolute(*files.apks, ec);
    Result<AdbImport> imported = importAdbCapture(files, importOptions);
    if (!imported) {
        io.err << "hearth import adb: " << imported.error().toString() << "\n";
        return kExitBadInput;
    }
    fs::create_directories(outDir, ec);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out << imported->deviceJson;
    out.close();
    if (!out) {
        io.err << "hearth import adb: cannot write '" << target.string() << "'\n";
        return kExitBadInput;
    }
    io.out << "wrote " << target.string() << "\n";
    for (const std::string& line : imported->summary) io.out << "  " << line << "\n";
    for (const std::string& line : imported->lacking) io.out << "  lacking: " << line << "\n";
    // The written device must load: say so now rather than at the first query.
    Result<Device> device = loadDevice(target);
    if (!device) {
        io.err << "hearth import adb: the written device does not load: "
               << device.error().toString() << "\n";
        return kExitBadInput;
    }
    // What loading it says (the --state folder's warnings among them) and, with --state, what
    // the folder laid over the capture: device.json's "state" was applied as it loaded.
    for (const Diagnostic& diagnostic : device->diagnostics) {
        io.err << diagnostic.toString() << "\n";
    }
    if (!options.state.empty()) io.out << "  " << device->inferred << "\n";
    return kExitOk;
}

}  // namespace

Runner defineImportAdb(CLI::App& app, Io& io) {
    auto options = std::make_shared<ImportAdbOptions>();
    app.add_option("FOLDER", options->folder,
                   "a capture folder (scripts/capture-device's files, or NAME.command.txt + "
                   "NAME.stdout.txt records)");
    app.add_option("--dumpsys", options->dumpsys,
                   "'dumpsys package -f' output (repeatable: package dumps add their filters)");
    app.add_option("--getprop", options->getprop, "'getprop' output (API level, fingerprint)");
    app.add_option("--pm-list", options->pmList, "'pm list packages -f' output (partitions)");
    app.add_option("--system-packages", options->systemPackages, "'pm list packages -s' output");
    app.add_option("--disabled-packages", options->disabledPackages,
                   "'pm list packages -d' output");
    app.add_option("--preferred-xml", options->preferredXml,
                   "'dumpsys package preferred-xml --full' output");
    app.add_option("--role-holders", options->roleHolders,
                   "'ROLE: holder;holder' lines of 'cmd role get-role-holders'");
    app.add_option("--app-links", options->appLinks, "'pm get-app-links' output (Android 12+)");
    app.add_option("--home-activities", options->homeActivities,
                   "'cmd package query-activities -a android.intent.action.MAIN -c "
                   "android.intent.category.HOME' output");
    app.add_option("--user-setup-complete", options->userSetupComplete,
                   "'settings get secure user_setup_complete' output");
    app.add_option("--apks", options->apks, "a folder of PACKAGE.apk files (adb pull)");
    addImportStateOption(app, options->state);
    app.add_option("--user", options->user, "whose state to import")->check(CLI::Range(0, 100000));
    app.add_option("--name", options->name, "the device's name (default: ro.product.device)");
    app.add_option("--out", options->out, "the folder to write device.json into")->required();
    app.add_flag("--force", options->force, "replace an existing device.json");
    app.footer(kFooter);
    return [options, &io]() { return runImportAdb(*options, io); };
}

}  // namespace hearth::cli

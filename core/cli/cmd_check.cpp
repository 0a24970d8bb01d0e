// hearth check: run intent contracts (one check a line, in the CLI's own syntax) against a device,
// for CI: a readable pass/fail list, JUnit XML, exit code 1 on any failure.

#include <hearth/check.h>
#include <hearth/device.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"
#include "command.h"
#include "device_loading.h"

namespace hearth::cli {
namespace {

constexpr const char* kFooter = R"(A checks file holds one check a line, written as the command you would type, then '=>' and
the answer you expect; '#' starts a comment:

  # our verified links open our app
  start -a android.intent.action.VIEW -d https://news.example.com/today \
      => com.example.news/.ArticleActivity
  resolve -a android.intent.action.SEND -t text/plain => chooser com.a/.Share com.b/.Share
  query -a android.intent.action.VIEW -d geo:0,0 => contains com.example.maps/.Map
  home boot --patch home-first => com.example.first/.FirstAppActivity
  claims --host shop.example.com => com.example.shop/.ProductActivity
  resolve -a com.example.NOBODY => nothing

(One line a check: the backslash above is only for this help.) Every
<tools:validation testUrl="..."/> in an activity of the device's manifests (Android Lint's
deep-link test) is a check too, run first: the URL, as a VIEW + BROWSABLE intent with
MATCH_DEFAULT_ONLY, must reach that activity (--no-test-urls skips them). Words are split as a shell
splits them (quotes, backslashes). start, resolve and home expect one COMPONENT, 'chooser'
COMPONENT... (any order; for start, the entries the chooser shows) or 'nothing'; query expects
the exact list in order, 'contains' COMPONENT..., or 'nothing'; claims expects components that
must all claim it. start answers as 'hearth start' (am start); resolve and query use flags 0 as
'hearth resolve' does, add --default-only for startActivity's MATCH_DEFAULT_ONLY.

Examples:
  hearth check samples/devices/app-links samples/checks/app-links.checks
  hearth check samples/checks/deep-links/AndroidManifest.xml
      only the manifest's own <tools:validation testUrl> deep-link tests (an app's source
      manifest is a device of one app)
  hearth check out/target/product/generic rom.checks --junit build/intent-contract.xml
  hearth check samples/devices/app-links samples/checks/app-links.checks --json
      every check with what the device answered, as JSON: {"schemaVersion","device",
      "checks":[{"file","line","text","command","expected","passed","actual","problem"}],
      "passed","failed"}

Exit codes: 0 every check passed, 1 a check failed or an input cannot be read (checks file
errors as file:line:col), 2 usage error.)";

struct CheckOptions {
    std::string device;
    std::vector<std::string> files;
    std::string junit;
    bool json = false;
    bool skipTestUrls = false;
    DeviceLoadFlags load;
};

std::optional<std::string> readText(const std::string& path, Io& io) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        io.err << path << ": cannot read the checks file\n";
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

int runCheck(const CheckOptions& options, Io& io) {
    std::vector<Check> checks;
    for (const std::string& file : options.files) {
        std::optional<std::string> text = readText(file, io);
        if (!text) return kExitBadInput;
        Result<std::vector<Check>> parsed = parseChecks(*text, file);
        if (!parsed) {
            io.err << parsed.error().toString() << "\n";
            return kExitBadInput;
        }
        checks.insert(checks.end(), parsed->begin(), parsed->end());
    }
    std::optional<Device> device = loadDeviceForCommand("check", options.device, options.load, io);
    if (!device) return kExitBadInput;
    // The manifests' own deep-link tests run first, then the files' checks.
    if (!options.skipTestUrls) {
        std::vector<Check> own = testUrlChecks(*device);
        checks.insert(checks.begin(), own.begin(), own.end());
    }
    if (checks.empty()) {
        io.err << "hearth check: nothing to check: "
               << (options.files.empty() ? "no CHECKS file was given and "
                                         : "the checks files hold no check and ")
               << (options.skipTestUrls ? "--no-test-urls skips the manifests' own tests\n"
                                        : "no manifest has a <tools:validation testUrl>\n");
        return kExitBadInput;
    }

    const std::vector<CheckResult> results = runChecks(*device, checks);
    io.out << (options.json ? renderCheckJson(results, *device) : renderCheckText(results));
    if (!options.junit.empty()) {
        std::ofstream out(options.junit, std::ios::binary | std::ios::trunc);
        out << renderCheckJUnit(results, "hearth check " + options.device);
        if (!out) {
            io.err << options.junit << ": cannot write the JUnit report\n";
            return kExitBadInput;
        }
    }
    for (const CheckResult& result : results) {
        if (!result.passed) return kExitBadInput;
    }
    return kExitOk;
}

}  // namespace

Runner defineCheck(CLI::App& app, Io& io) {
    auto options = std::make_shared<CheckOptions>();
    app.add_option("DEVICE", options->device,
                   "a device: folder (with or without device.json), device.json, manifest or APK")
        ->required();
    app.add_option("CHECKS", options->files,
                   "checks files (one check a line; see below); without any, only the "
                   "manifests' own <tools:validation testUrl> tests run");
    app.add_flag("--no-test-urls", options->skipTestUrls,
                 "skip the manifests' own <tools:validation testUrl> tests");
    app.add_option("--junit", options->junit, "also write the results as JUnit XML to this file");
    app.add_flag("--json", options->json,
                 "one JSON object instead of the pass/fail list (docs/json.md)");
    addDeviceLoadOptions(app, options->load);
    app.footer(kFooter);
    return [options, &io]() -> int { return runCheck(*options, io); };
}

}  // namespace hearth::cli

// hearth dump: packages, components and filters of manifests and APKs, as a tree or as JSON.

#include <hearth/device.h>
#include <hearth/dump.h>
#include <hearth/limits.h>
#include <hearth/manifest.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <vector>

#include "cli.h"
#include "command.h"

namespace hearth::cli {
namespace {

constexpr const char* kExamples = R"(Examples:
  hearth dump app/src/main/AndroidManifest.xml
      the package, its components and their intent filters as a readable tree
  hearth dump samples/devices/seed --json
      the manifests the folder's device.json lists, as every other command reads the folder,
      as JSON
  hearth dump samples/devices/seed --scan
      every AndroidManifest.xml and *.apk below the folder (sorted by path), device.json or not
  hearth dump samples/checks/deep-links
      a folder without device.json: every manifest and APK below it
  hearth dump app/src/main/AndroidManifest.xml --package com.example.app \
      --placeholder deepLinkScheme=example
      a Gradle manifest without a package attribute, with a build-time placeholder filled in
  find apks -name '*.apk' | parallel -X -j4 hearth dump --jsonl > corpus.jsonl
      every APK of a corpus, one JSON object a line ({"package":..., "diagnostics":[...]} or
      {"file":..., "error":{...}}), sharded over 4 processes by GNU parallel
  hearth dump AndroidManifest.xml --strict
      fail (exit 1) on warnings too, e.g. unknown attributes or duplicate categories

Paths in messages and in the JSON are shown as given. Warnings go to stderr (text) or into
"diagnostics" (JSON); an invalid file prints file:line:col: message on stderr and exits 1.)";

struct DumpOptions {
    std::vector<std::string> paths;
    bool json = false;
    bool jsonl = false;
    bool strict = false;
    bool scan = false;
    std::string warnings = "all";  ///< on stderr: all, summary (their number) or none
    std::vector<std::string> placeholders;
    std::string packageName;
};

bool isDeviceJson(const std::string& argument) {
    std::error_code ec;
    return std::filesystem::path(argument).extension() == ".json" &&
           std::filesystem::is_regular_file(argument, ec);
}

// A folder with a device.json is that device, as `query DIR` and every other command read it
// (loadDevice); --scan reads the folder's files instead.
std::optional<std::string> deviceJsonOf(const std::string& argument, bool scan) {
    if (isDeviceJson(argument)) return argument;
    std::error_code ec;
    const std::filesystem::path inside = std::filesystem::path(argument) / "device.json";
    if (!scan && std::filesystem::is_directory(argument, ec) &&
        std::filesystem::is_regular_file(inside, ec)) {
        return inside.string();
    }
    return std::nullopt;
}

// Expands one PATH argument into the files to read, or reports why it cannot be read.
Result<std::vector<std::filesystem::path>> filesUnder(const std::string& argument) {
    const std::filesystem::path path(argument);
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        return makeError(SourceLocation{argument, 0, 0}, "no such file or directory");
    }
    if (!std::filesystem::is_directory(status)) return std::vector<std::filesystem::path>{path};

    // The same set loadDevice reads for `query DIR`.
    Result<std::vector<std::filesystem::path>> files = findManifestFiles(path);
    if (!files) return files.error();
    if (files->empty()) {
        return makeError(SourceLocation{argument, 0, 0},
                         "no AndroidManifest.xml or .apk found in this directory");
    }
    if (files->size() > limits::kMaxPackagesPerDevice) {
        return makeError(SourceLocation{argument, 0, 0},
                         "more than " + std::to_string(limits::kMaxPackagesPerDevice) +
                             " manifests and APKs, the most packages Hearth loads as one device");
    }
    return files;
}

int run(const DumpOptions& options, Io& io) {
    ParseOptions parse;
    parse.strict = options.strict;
    if (!options.packageName.empty()) parse.packageName = options.packageName;
    for (const std::string& placeholder : options.placeholders) {
        const size_t equals = placeholder.find('=');
        if (equals == std::string::npos || equals == 0) {
            io.err << "hearth dump: --placeholder expects KEY=VALUE, got '" << placeholder << "'\n";
            return kExitUsage;
        }
        parse.placeholders[placeholder.substr(0, equals)] = placeholder.substr(equals + 1);
    }

    // Diagnostics are kept apart from the manifests, in the order met, so that a device.json's
    // own warnings and failed files interleave with the manifests' warnings.
    std::vector<Manifest> manifests;
    std::vector<Diagnostic> diagnostics;
    bool failed = false;
    const auto fail = [&](const Error& error) {
        io.err << error.toString() << "\n";
        diagnostics.push_back({Diagnostic::Severity::Error, error.where, error.message});
        failed = true;
        if (options.jsonl) io.out << renderDumpJsonErrorLine(diagnostics.back()) << std::flush;
    };
    size_t unshownWarnings = 0;
    // --json and --jsonl carry every warning in "diagnostics"; text prints them on stderr as
    // --warnings says.
    const auto warn = [&](const std::vector<Diagnostic>& warnings) {
        for (const Diagnostic& warning : warnings) {
            if (!options.json && !options.jsonl) {
                if (options.warnings == "all") {
                    io.err << warning.toString() << "\n";
                } else if (options.warnings == "summary") {
                    ++unshownWarnings;
                }
            }
            diagnostics.push_back(warning);
        }
    };
    const auto add = [&](Manifest manifest) {
        if (options.jsonl) {
            // Streamed: one line per package as soon as it is read, nothing kept.
            io.out << renderDumpJsonLine(manifest) << std::flush;
            return;
        }
        manifest.diagnostics.clear();
        manifests.push_back(std::move(manifest));
    };
    for (const std::string& argument : options.paths) {
        if (const std::optional<std::string> deviceJson = deviceJsonOf(argument, options.scan)) {
            // The device's own list: its order, and its package names for manifests without one.
            Result<Device> device = loadDevice(*deviceJson, DeviceLoadOptions{parse, {}});
            if (!device) {
                fail(device.error());
                continue;
            }
            warn(device->diagnostics);
            if (options.jsonl && options.warnings != "none") {
                // Each line carries its manifest's warnings; the device.json's own are in no
                // line, so they go to stderr.
                for (const Diagnostic& warning : device->diagnostics) {
                    if (warning.where.file == *deviceJson) io.err << warning.toString() << "\n";
                }
            }
            for (InstalledPackage& package : device->packages) add(std::move(package.manifest));
            continue;
        }
        Result<std::vector<std::filesystem::path>> files = filesUnder(argument);
        if (!files) {
            fail(files.error());
            continue;
        }
        for (const std::filesystem::path& file : *files) {
            Result<Manifest> manifest = loadManifest(file, parse);
            if (!manifest) {
                fail(manifest.error());
                continue;
            }
            warn(manifest->diagnostics);
            add(std::move(*manifest));
        }
    }

    if (options.jsonl) return failed ? kExitBadInput : kExitOk;
    io.out << (options.json ? renderDumpJson(manifests, diagnostics) : renderDumpText(manifests));
    if (unshownWarnings > 0) {
        io.err << "hearth dump: " << unshownWarnings
               << (unshownWarnings == 1 ? " warning" : " warnings") << " (--warnings shows them)\n";
    }
    return failed ? kExitBadInput : kExitOk;
}

}  // namespace

Runner defineDump(CLI::App& app, Io& io) {
    auto options = std::make_shared<DumpOptions>();
    app.add_option("PATH", options->paths,
                   "AndroidManifest.xml files, .apk files, device.json files, device folders (a "
                   "device.json inside), or folders searched for manifests and APKs")
        ->required();
    CLI::Option* json = app.add_flag("--json", options->json, "print JSON instead of a tree");
    app.add_flag("--jsonl", options->jsonl,
                 "stream JSON Lines: one package (or one failed file) a line, as each is read, "
                 "without loading a device; for sharding a corpus with GNU parallel or xargs -P")
        ->excludes(json);
    app.add_flag("--strict", options->strict, "treat warnings as errors");
    app.add_flag("--warnings{all}", options->warnings,
                 "warnings on stderr: all (default; a dump shows everything), summary (their "
                 "number), none; --json and --jsonl keep every one in \"diagnostics\"")
        ->check(CLI::IsMember({"none", "summary", "all"}));
    app.add_flag("--scan", options->scan,
                 "read every AndroidManifest.xml and .apk below a folder even when it holds a "
                 "device.json (default: the folder is the device its device.json describes)");
    app.add_option("--placeholder", options->placeholders,
                   "KEY=VALUE for a ${KEY} manifest placeholder (repeatable); applicationId "
                   "defaults to the package")
        ->allow_extra_args(false);
    app.add_option("--package", options->packageName,
                   "package name for manifests without a package attribute (Gradle namespace)");
    app.footer(kExamples);
    return [options, &io]() -> int { return run(*options, io); };
}

}  // namespace hearth::cli

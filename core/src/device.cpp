// Device loading (directory, device.json, single manifest/APK) and the per-package state queries
// the resolver needs. device.json itself is parsed in device_json.cpp.

#include <hearth/device.h>
#include <hearth/install_check.h>
#include <hearth/limits.h>
#include <hearth/system_image.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <system_error>

#include "device_internal.h"
#include "manifest_pipeline.h"

namespace hearth {

namespace fs = std::filesystem;

ComponentState InstalledPackage::componentState(const Component& component) const {
    // R-8, in PackageUserState.isEnabled order: the application's state decides first, then a
    // component state override, then the manifest.
    if (!enabled) return ComponentState::AppDisabled;
    const bool manifestOn = component.enabled && manifest.application.enabled;
    if (enabledComponents.count(component.name) > 0) {
        return manifestOn ? ComponentState::Enabled : ComponentState::EnabledByOverride;
    }
    if (disabledComponents.count(component.name) > 0) return ComponentState::DisabledByOverride;
    if (!manifest.application.enabled) return ComponentState::DisabledInApplication;
    if (!component.enabled) return ComponentState::DisabledInManifest;
    return ComponentState::Enabled;
}

bool InstalledPackage::isInline() const {
    return std::filesystem::path(manifest.file).extension() == ".json";
}

void overrideTargetSdk(InstalledPackage& package, int targetSdk) {
    package.targetSdkOverride = targetSdk;
    package.manifest.targetSdk = targetSdk;
    // An override stands for the <uses-sdk> a build merges in (effectiveTargetSdk reads it).
    package.manifest.usesSdk = true;
}

const InstalledPackage* Device::findPackage(std::string_view packageName) const {
    for (const InstalledPackage& package : packages) {
        if (!package.removed && package.packageName() == packageName) return &package;
    }
    return nullptr;
}

InstalledPackage* Device::findPackage(std::string_view packageName) {
    for (InstalledPackage& package : packages) {
        if (!package.removed && package.packageName() == packageName) return &package;
    }
    return nullptr;
}

namespace detail {

Result<void> skipPackage(Device& device, bool strict, std::string packageName, std::string file,
                         Error error) {
    if (strict) return error;
    // Android skips the package and boots anyway; the message says so beside Android's reason.
    const std::string message = packageName.empty()
                                    ? error.message + " (package skipped)"
                                    : "package '" + packageName + "' not installed: " + error.message;
    device.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Error, error.where, message});
    device.skipped.push_back(
        SkippedPackage{std::move(packageName), std::move(file), std::move(error)});
    return ok();
}

Result<void> checkInstallable(Device& device, bool strict, bool apiLevelDeclared,
                              const InstalledPackage& package, bool& installed) {
    installed = true;
    std::optional<Error> refusal =
        installRefusal(package.manifest, device.apiLevel, apiLevelDeclared && !package.system);
    if (!refusal) return ok();
    installed = false;
    if (strict) {
        refusal->message = "package '" + package.packageName() + "' not installed: " +
                           refusal->message;
    }
    return skipPackage(device, strict, package.packageName(), package.manifest.file,
                       std::move(*refusal));
}

}  // namespace detail

namespace {

bool isDeviceJson(const fs::path& path) { return path.extension() == ".json"; }

bool isApk(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".apk";
}

// Build output and VCS folders hold copies of manifests (merged manifests, intermediates) that
// would install every app twice.
bool isSkippedDirectory(const std::string& name) {
    if (name.empty() || name[0] == '.') return true;
    if (name == "build" || name == "out" || name == "node_modules") return true;
    return name.rfind("build-", 0) == 0 || name.rfind("build_", 0) == 0 ||
           name.rfind("cmake-build-", 0) == 0;
}

Result<Device> loadDirectoryOfManifests(const fs::path& root, const DeviceLoadOptions& options) {
    Result<std::vector<fs::path>> found = findManifestFiles(root);
    if (!found) return found.error();
    const std::vector<fs::path>& manifests = *found;
    if (manifests.empty()) {
        return makeError("'" + root.string() +
                         "' holds no device.json, AndroidManifest.xml or .apk file");
    }
    if (manifests.size() > limits::kMaxPackagesPerDevice) {
        return makeError("'" + root.string() + "' holds more than " +
                         std::to_string(limits::kMaxPackagesPerDevice) +
                         " manifests and APKs, the most packages Hearth loads as one device");
    }
    Device device;
    device.source = root;
    device.name = root.filename().string();
    if (device.name.empty()) device.name = root.parent_path().filename().string();
    std::vector<detail::ManifestRequest> requests;
    requests.reserve(manifests.size());
    for (const fs::path& manifest : manifests) requests.push_back({manifest, options.parse});
    detail::ManifestPipeline pipeline(std::move(requests), options.threads);
    std::map<std::string, std::string> firstFile;  // package → manifest that installed it
    device.packages.reserve(manifests.size());       // growing it moves each package (issue 14)
    for (size_t i = 0; i < manifests.size(); ++i) {
        const bool strict = options.parse.strict;
        Result<Manifest> manifest = pipeline.take(i);
        if (options.progress) options.progress(i + 1, manifests.size());
        if (!manifest) {
            if (auto r = detail::skipPackage(device, strict, {}, manifests[i].string(),
                                             manifest.error());
                !r) {
                return r.error();
            }
            continue;
        }
        for (const Diagnostic& diagnostic : manifest->diagnostics) {
            device.diagnostics.push_back(diagnostic);
        }
        InstalledPackage package;
        package.manifest = std::move(manifest).value();
        bool installed = false;
        if (auto r = detail::checkInstallable(device, strict, false, package, installed); !r) {
            return r.error();
        }
        if (!installed) continue;
        const std::string& packageName = package.packageName();
        auto [it, inserted] = firstFile.emplace(packageName, manifests[i].string());
        if (!inserted) {
            // Android keeps one package per name; the first in path order stays installed.
            device.diagnostics.push_back(
                Diagnostic{Diagnostic::Severity::Warning, package.manifest.where,
                           "package '" + packageName + "' is already installed from '" +
                               it->second + "'; this manifest is ignored"});
            continue;
        }
        device.packages.push_back(std::move(package));
    }
    return device;
}

Result<Device> loadDeviceJsonFile(const fs::path& path, const DeviceLoadOptions& options) {
    Result<std::string> text = detail::readFileCapped(path, limits::kMaxDeviceJsonBytes);
    if (!text) return text.error();
    Result<Device> device = parseDeviceJson(*text, path.string(), path.parent_path(), options);
    if (!device) return device.error();
    device->source = path;
    return device;
}

}  // namespace

Result<std::vector<fs::path>> findManifestFiles(const fs::path& root) {
    std::vector<fs::path> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& entry = *it;
        const std::string name = entry.path().filename().string();
        std::error_code typeError;
        if (entry.is_directory(typeError)) {
            if (isSkippedDirectory(name)) it.disable_recursion_pending();
            continue;
        }
        if (name == "AndroidManifest.xml" || isApk(entry.path())) {
            found.push_back(entry.path());
            // One past the cap is enough for the caller to refuse the folder; stop walking.
            if (found.size() > limits::kMaxPackagesPerDevice) break;
        }
    }
    if (ec) {
        return makeError(SourceLocation{root.string(), 0, 0},
                         "cannot list: " + text::lowerFirst(ec.message()));
    }
    std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
        return a.generic_string() < b.generic_string();
    });
    return found;
}

Result<Device> loadDevice(const fs::path& path, const DeviceLoadOptions& options) {
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        return makeError("cannot read device '" + path.string() + "': no such file or directory");
    }
    if (fs::is_directory(path, ec)) {
        const fs::path deviceJson = path / "device.json";
        if (fs::is_regular_file(deviceJson, ec)) return loadDeviceJsonFile(deviceJson, options);
        if (findSystemPartition(path)) return loadSystemImage(path, options);
        return loadDirectoryOfManifests(path, options);
    }
    if (isDeviceJson(path)) return loadDeviceJsonFile(path, options);

    // One manifest is a device of one package: a manifest that cannot be read at all is an error,
    // but one Android would refuse still loads as a device with that package skipped.
    Result<Manifest> manifest = loadManifest(path, options.parse);
    if (!manifest) return manifest.error();
    if (options.progress) options.progress(1, 1);
    Device device;
    device.source = path;
    device.name = manifest->packageName;
    device.diagnostics = manifest->diagnostics;
    InstalledPackage package;
    package.manifest = std::move(manifest).value();
    bool installed = false;
    if (auto r = detail::checkInstallable(device, options.parse.strict, false, package, installed);
        !r) {
        return r.error();
    }
    if (installed) device.packages.push_back(std::move(package));
    return device;
}

}  // namespace hearth

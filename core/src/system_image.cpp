// System image trees (device-formats 1.1, 1.2): which folders PackageManagerService scans, in which
// order, with which flags; how a package folder holds its base and split APKs; and where the
// system partition's build.prop lives (root/system, or root/system/system for system-as-root dumps).

#include <hearth/build_prop.h>
#include <hearth/limits.h>
#include <hearth/system_image.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <utility>

#include "device_internal.h"
#include "manifest_pipeline.h"

namespace hearth {

namespace fs = std::filesystem;

namespace {

// PackagePartitions.SYSTEM_PARTITIONS in ascending order of specificity; product_services is
// Android 10's name for system_ext.
const char* const kPartitions[] = {"system",  "vendor",     "odm",
                                   "oem",     "product",    "system_ext",
                                   "product_services"};

bool isDir(const fs::path& path) {
    std::error_code ec;
    return fs::is_directory(path, ec);
}

bool isFile(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

// The same for a listed entry: the type the directory listing gave (no stat() unless it is a
// link, which is followed as above).
bool isFile(const fs::directory_entry& entry) {
    std::error_code ec;
    return entry.is_regular_file(ec);
}

bool endsWith(const std::string& text, const std::string& suffix) {
    if (text.size() < suffix.size()) return false;
    return std::equal(suffix.rbegin(), suffix.rend(), text.rbegin(), [](char a, char b) {
        return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
    });
}

bool isApkName(const std::string& name) { return endsWith(name, ".apk"); }

bool looksLikeSystemPartition(const fs::path& dir) {
    return isFile(dir / "build.prop") || isDir(dir / "priv-app") || isDir(dir / "app") ||
           isDir(dir / "framework");
}

// Lexical, so that a path through a symlink loop still has a name.
std::string relativeName(const fs::path& path, const fs::path& root) {
    const fs::path relative = path.lexically_relative(root);
    if (relative.empty() || *relative.begin() == "..") return path.generic_string();
    return relative.generic_string();
}

Diagnostic warning(const std::string& file, std::string message) {
    return Diagnostic{Diagnostic::Severity::Warning, SourceLocation{file, 0, 0}, std::move(message)};
}

// The sorted entries of a directory; an unreadable one (a symlink loop, no permission) becomes a
// warning and an empty list.
std::vector<fs::directory_entry> listDirectory(const fs::path& dir, const fs::path& root,
                                               std::vector<Diagnostic>& diagnostics) {
    std::vector<fs::directory_entry> entries;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
    if (ec) {
        diagnostics.push_back(warning(relativeName(dir, root),
                                      "cannot list the folder: " + text::lowerFirst(ec.message())));
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        return a.path().filename().string() < b.path().filename().string();
    });
    return entries;
}

class Walker {
  public:
    Walker(const fs::path& root, SystemImageScan& scan) : m_root(root), m_scan(scan) {}

    // Every APK directly in dir, each its own package (system/framework).
    void flatApks(const fs::path& dir, const ImageApp& flags) {
        if (!enter(dir)) return;
        for (const fs::directory_entry& entry : listDirectory(dir, m_root, m_scan.diagnostics)) {
            if (isApkName(entry.path().filename().string()) && isFile(entry)) {
                add(entry.path(), {}, flags);
            }
        }
    }

    // An app folder: app/X.apk (one package) or app/X/ (a package folder: base + splits).
    void appFolder(const fs::path& dir, const ImageApp& flags) {
        if (!enter(dir)) return;
        for (const fs::directory_entry& entry : listDirectory(dir, m_root, m_scan.diagnostics)) {
            const std::string name = entry.path().filename().string();
            std::error_code ec;
            const bool directory = entry.is_directory(ec);
            if (ec) {
                m_scan.diagnostics.push_back(warning(relativeName(entry.path(), m_root),
                                                     "cannot read: " + text::lowerFirst(ec.message())));
            } else if (directory) {
                packageFolder(entry.path(), flags, 1);
            } else if (isApkName(name) && isFile(entry)) {
                add(entry.path(), {}, flags);
            } else if (endsWith(name, ".apk.gz")) {
                compressedStub(entry.path());
            }
        }
    }

    int overlayApks(const fs::path& dir, int depth) {
        if (depth > limits::kMaxImageAppDepth || !enter(dir)) return 0;
        int count = 0;
        for (const fs::directory_entry& entry : listDirectory(dir, m_root, m_scan.diagnostics)) {
            std::error_code ec;
            if (entry.is_directory(ec)) {
                count += overlayApks(entry.path(), depth + 1);
            } else if (isApkName(entry.path().filename().string())) {
                ++count;
            }
        }
        return count;
    }

  private:
    // False when the folder was already walked (through a symlink or a second name for it). A
    // folder is known by its device and inode, as find(1) knows one: a single stat() following
    // links, where resolving the canonical path took an lstat() per component of the path.
    bool enter(const fs::path& dir) {
        struct stat status {};
        if (::stat(dir.c_str(), &status) != 0) {
            const std::error_code ec(errno, std::generic_category());
            m_scan.diagnostics.push_back(warning(relativeName(dir, m_root),
                                                 "cannot read: " + text::lowerFirst(ec.message())));
            return false;
        }
        return m_visited.emplace(status.st_dev, status.st_ino).second;
    }

    void compressedStub(const fs::path& path) {
        m_scan.diagnostics.push_back(warning(
            relativeName(path, m_root),
            "a compressed system app (stub): Android unpacks it into /data on first boot; not read"));
    }

    void packageFolder(const fs::path& dir, const ImageApp& flags, int depth) {
        if (!enter(dir)) return;
        std::vector<fs::path> apks;
        std::vector<fs::path> subfolders;
        bool compiledCode = false;
        bool stub = false;
        for (const fs::directory_entry& entry : listDirectory(dir, m_root, m_scan.diagnostics)) {
            const std::string name = entry.path().filename().string();
            std::error_code ec;
            if (entry.is_directory(ec)) {
                if (name == "oat" || name == "arm" || name == "arm64" || name == "x86" ||
                    name == "x86_64") {
                    compiledCode = true;
                } else if (name != "lib") {
                    subfolders.push_back(entry.path());
                }
            } else if (ec) {
                m_scan.diagnostics.push_back(warning(relativeName(entry.path(), m_root),
                                                     "cannot read: " + text::lowerFirst(ec.message())));
            } else if (isApkName(name) && isFile(entry)) {
                apks.push_back(entry.path());
            } else if (endsWith(name, ".odex") || endsWith(name, ".oat") || endsWith(name, ".vdex")) {
                compiledCode = true;
            } else if (endsWith(name, ".apk.gz")) {
                stub = true;
                compressedStub(entry.path());
            }
        }
        if (!apks.empty()) {
            add(baseApk(dir, apks), apks, flags);
            return;
        }
        // Android 11+ data/app: data/app/~~random==/com.example-random==/base.apk.
        if (!subfolders.empty() && depth < limits::kMaxImageAppDepth) {
            for (const fs::path& sub : subfolders) packageFolder(sub, flags, depth + 1);
            return;
        }
        if (stub) return;
        m_scan.diagnostics.push_back(warning(
            relativeName(dir, m_root),
            compiledCode ? "holds only compiled code (odex/oat), no APK: package not read"
                         : "holds no APK: package not read"));
    }

    // X/X.apk, else base.apk (data/app), else the only APK, else the first not named split*.
    static fs::path baseApk(const fs::path& dir, const std::vector<fs::path>& apks) {
        const std::string own = dir.filename().string() + ".apk";
        for (const char* name : {own.c_str(), "base.apk"}) {
            for (const fs::path& apk : apks) {
                if (apk.filename() == name) return apk;
            }
        }
        for (const fs::path& apk : apks) {
            if (apk.filename().string().rfind("split", 0) != 0) return apk;
        }
        return apks.front();
    }

    void add(const fs::path& base, const std::vector<fs::path>& all, const ImageApp& flags) {
        ImageApp app = flags;
        app.apk = base;
        for (const fs::path& apk : all) {
            if (apk != base) app.splits.push_back(apk);
        }
        m_scan.apps.push_back(std::move(app));
    }

    fs::path m_root;
    SystemImageScan& m_scan;
    std::set<std::pair<dev_t, ino_t>> m_visited;
};

// Where partition `name` lives: root/name, or inside the system partition (system/vendor on
// older devices, system/product in build outputs that fold it in). Both may exist.
std::vector<fs::path> partitionDirs(const fs::path& root, const fs::path& systemRoot,
                                    const std::string& name) {
    if (name == "system") return {systemRoot};
    std::vector<fs::path> dirs;
    for (const fs::path& dir : {root / name, systemRoot / name}) {
        if (isDir(dir)) dirs.push_back(dir);
    }
    return dirs;
}

}  // namespace

std::optional<fs::path> findSystemPartition(const fs::path& root) {
    if (looksLikeSystemPartition(root / "system" / "system")) return root / "system" / "system";
    if (looksLikeSystemPartition(root / "system")) return root / "system";
    // The partition itself (an unpacked system.img): build.prop beside app/ or priv-app/.
    if (isFile(root / "build.prop") && (isDir(root / "app") || isDir(root / "priv-app"))) {
        return root;
    }
    return std::nullopt;
}

Result<SystemImageScan> scanSystemImage(const fs::path& root) {
    const std::optional<fs::path> systemRoot = findSystemPartition(root);
    if (!systemRoot) {
        return makeError("'" + root.string() +
                         "' is not a system image tree: no system/ (or system/system/) partition "
                         "with build.prop, app/, priv-app/ or framework/");
    }
    SystemImageScan scan;
    scan.root = root;
    scan.systemRoot = *systemRoot;
    if (isFile(*systemRoot / "build.prop")) scan.buildProp = *systemRoot / "build.prop";
    Walker walker(root, scan);
    // InitAppsHelper.scanSystemDirs: overlays first (skipped here: resources only), then
    // system/framework (privileged), then each partition's priv-app and app, then data/app.
    for (const char* partition : kPartitions) {
        for (const fs::path& dir : partitionDirs(root, *systemRoot, partition)) {
            if (isDir(dir / "overlay")) scan.overlaysSkipped += walker.overlayApks(dir / "overlay", 1);
        }
    }
    if (isDir(*systemRoot / "framework")) {
        walker.flatApks(*systemRoot / "framework",
                        ImageApp{{}, {}, relativeName(*systemRoot / "framework", root), true, true});
    }
    for (const char* partition : kPartitions) {
        for (const fs::path& dir : partitionDirs(root, *systemRoot, partition)) {
            // oem has no priv-app (PackagePartitions); an oem/priv-app folder is not scanned.
            if (std::string(partition) != "oem" && isDir(dir / "priv-app")) {
                walker.appFolder(dir / "priv-app",
                                 ImageApp{{}, {}, relativeName(dir / "priv-app", root), true, true});
            }
            if (isDir(dir / "app")) {
                walker.appFolder(dir / "app",
                                 ImageApp{{}, {}, relativeName(dir / "app", root), true, false});
            }
        }
    }
    if (isDir(root / "data" / "app")) {
        walker.appFolder(root / "data" / "app", ImageApp{{}, {}, "data/app", false, false});
    }
    if (scan.apps.size() > limits::kMaxPackagesPerDevice) {
        return makeError("'" + root.string() + "' holds more than " +
                         std::to_string(limits::kMaxPackagesPerDevice) +
                         " packages, the most Hearth loads as one device");
    }
    return scan;
}

namespace {

struct Counts {
    int privileged = 0;
    int system = 0;
    int user = 0;
    int updated = 0;
};

std::string plural(int n, const char* word) {
    return std::to_string(n) + " " + word;
}

// The API level and what it was read from, as a phrase for Device::inferred.
std::string applyBuildProp(const SystemImageScan& scan, Device& device) {
    if (!scan.buildProp) {
        device.diagnostics.push_back(warning(
            relativeName(scan.systemRoot, scan.root),
            "no build.prop in the system partition: API level " + std::to_string(device.apiLevel) +
                " assumed (--api sets another)"));
        return "API " + std::to_string(device.apiLevel) + " assumed (no system build.prop)";
    }
    const std::string name = relativeName(*scan.buildProp, scan.root);
    Result<std::string> text = detail::readFileCapped(*scan.buildProp, limits::kMaxBuildPropBytes);
    Result<BuildProps> props = text ? parseBuildProp(*text, scan.buildProp->string())
                                    : Result<BuildProps>(text.error());
    Result<PlatformVersion> version =
        props ? platformVersion(*props) : Result<PlatformVersion>(props.error());
    if (!version) {
        device.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning,
                                                version.error().where,
                                                version.error().message + "; API level " +
                                                    std::to_string(device.apiLevel) + " assumed"});
        return "API " + std::to_string(device.apiLevel) + " assumed (" + name + " has no sdk)";
    }
    for (const Diagnostic& diagnostic : props->diagnostics) device.diagnostics.push_back(diagnostic);
    for (const Diagnostic& diagnostic : version->diagnostics) {
        device.diagnostics.push_back(diagnostic);
    }
    device.apiLevel = version->apiLevel;
    std::string phrase = "API " + std::to_string(version->apiLevel) + " from " + name;
    if (!version->diagnostics.empty() && !version->release.empty()) {
        phrase += " (release '" + version->release + "' not trusted)";
    }
    return phrase;
}

// A split's components join its base package (PackageParser merges a cluster into one package).
void mergeSplit(Manifest& base, Manifest split, const std::string& splitName,
                std::vector<Diagnostic>& diagnostics) {
    if (split.packageName != base.packageName) {
        diagnostics.push_back(warning(splitName, "split APK of package '" + split.packageName +
                                                     "' beside base package '" + base.packageName +
                                                     "': ignored"));
        return;
    }
    for (Diagnostic& diagnostic : split.diagnostics) diagnostics.push_back(std::move(diagnostic));
    for (Component& component : split.components) base.components.push_back(std::move(component));
}

}  // namespace

Result<Device> loadSystemImage(const fs::path& root, const DeviceLoadOptions& options) {
    Result<SystemImageScan> scan = scanSystemImage(root);
    if (!scan) return scan.error();
    Device device;
    device.source = root;
    device.name = root.filename().string();
    if (device.name.empty()) device.name = root.parent_path().filename().string();
    device.diagnostics = scan->diagnostics;
    const std::string apiPhrase = applyBuildProp(*scan, device);

    std::vector<detail::ManifestRequest> requests;
    std::vector<std::pair<size_t, size_t>> firstRequest;  // app → [first, end) of its requests
    for (const ImageApp& app : scan->apps) {
        const size_t first = requests.size();
        requests.push_back({app.apk, options.parse});
        for (const fs::path& split : app.splits) requests.push_back({split, options.parse});
        firstRequest.emplace_back(first, requests.size());
    }
    const size_t total = requests.size();
    detail::ManifestPipeline pipeline(std::move(requests), options.threads);
    std::map<std::string, size_t> installed;  // package → index in device.packages
    Counts counts;
    size_t done = 0;
    for (size_t a = 0; a < scan->apps.size(); ++a) {
        const ImageApp& app = scan->apps[a];
        Result<Manifest> manifest = pipeline.take(firstRequest[a].first);
        if (options.progress) options.progress(++done, total);
        // Android skips a package whose base or split APK it cannot parse (the cluster installs
        // as one) and boots anyway; --strict (parse.strict) fails the load instead.
        std::optional<std::pair<std::string, Error>> unparsable;
        if (!manifest) unparsable.emplace(app.apk.string(), manifest.error());
        for (size_t r = firstRequest[a].first + 1; r < firstRequest[a].second; ++r) {
            Result<Manifest> split = pipeline.take(r);
            if (options.progress) options.progress(++done, total);
            const fs::path& splitFile = app.splits[r - firstRequest[a].first - 1];
            if (!split && !unparsable) unparsable.emplace(splitFile.string(), split.error());
            if (!split || unparsable) continue;
            mergeSplit(*manifest, std::move(split).value(), relativeName(splitFile, root),
                       device.diagnostics);
        }
        if (unparsable) {
            const std::string packageName = manifest ? manifest->packageName : std::string();
            if (auto r = detail::skipPackage(device, options.parse.strict, packageName,
                                             unparsable->first, unparsable->second);
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
        package.system = app.system;
        package.privileged = app.privileged;
        // Packages of an image are scanned at boot, not installed: S-1 (a deferred parse error)
        // fails them as it fails an install, but the minimum installable target SDK is an
        // install-time check (an app installed before an upgrade to Android 14 stays), so it is
        // not applied (apiLevelDeclared false). A refused update leaves the system version.
        bool installable = false;
        if (auto r = detail::checkInstallable(device, options.parse.strict, false, package,
                                              installable);
            !r) {
            return r.error();
        }
        if (!installable) continue;
        const std::string packageName = package.packageName();
        auto it = installed.find(packageName);
        if (it != installed.end()) {
            InstalledPackage& existing = device.packages[it->second];
            if (!app.system && existing.system && !existing.updatedSystemApp) {
                // An update in /data/app of a system package: Android runs the update with the
                // original's flags (adjustScanFlagsWithPackageSetting).
                existing.manifest = std::move(package.manifest);
                existing.updatedSystemApp = true;
                ++counts.updated;
                continue;
            }
            device.diagnostics.push_back(warning(
                relativeName(app.apk, root),
                "package '" + packageName + "' is already installed from '" +
                    relativeName(existing.manifest.file, root) + "'; this APK is ignored"));
            continue;
        }
        installed.emplace(packageName, device.packages.size());
        device.packages.push_back(std::move(package));
    }
    for (const InstalledPackage& package : device.packages) {
        if (package.privileged) {
            ++counts.privileged;
        } else if (package.system) {
            ++counts.system;
        } else {
            ++counts.user;
        }
    }
    device.inferred = apiPhrase + "; " + plural(counts.privileged, "privileged") + ", " +
                      plural(counts.system, "system") + ", " +
                      plural(counts.user, counts.user == 1 ? "user app" : "user apps");
    if (counts.updated > 0) device.inferred += " (" + plural(counts.updated, "updated") + ")";
    if (scan->overlaysSkipped > 0) {
        device.inferred += "; " + plural(scan->overlaysSkipped, "overlays") + " skipped";
    }
    return device;
}

}  // namespace hearth

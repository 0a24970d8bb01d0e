// device.json: the hand-written description of a device (samples/devices/README.md is the
// reference). nlohmann checks the syntax; a second scan (json_positions.h) then records where
// every key and value starts so that each semantic error can point at its line and column.

#include <hearth/device.h>
#include <hearth/device_state.h>
#include <hearth/java_number.h>
#include <hearth/limits.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "device_internal.h"
#include "line_index.h"
#include "device_json_fields.h"
#include "json_positions.h"
#include "manifest_pipeline.h"

namespace hearth {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::json;
using detail::findExcessiveNesting;
using detail::jsonChild;
using detail::jsonDisplayName;
using detail::JsonSpans;
using detail::scanJsonSpans;

// JSON nesting beyond this is certainly not a device description; the cap also bounds recursion.
constexpr int kMaxJsonDepth = 64;

// Byte offsets of one named text to 1-based line and column (LineIndex).
class TextPositions {
  public:
    TextPositions(std::string_view text, std::string file)
        : m_lines(text), m_file(std::move(file)) {}
    SourceLocation at(size_t offset) const { return m_lines.locate(offset, m_file); }
    const std::string& file() const { return m_file; }

  private:
    LineIndex m_lines;
    SourcePath m_file;
};

std::string describeJson(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::boolean:
            return value.get<bool>() ? "true" : "false";
        case Json::value_t::string:
            return "the string " + value.dump();
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
        case Json::value_t::number_float:
            return "the number " + value.dump();
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        default:
            return "a " + std::string(value.type_name());
    }
}

std::string joinNames(std::initializer_list<const char*> names) {
    std::string out;
    for (const char* name : names) {
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}


class DeviceJsonReader : public detail::JsonFields {
  public:
    DeviceJsonReader(std::string_view text, std::string file, fs::path baseDir,
                     const DeviceLoadOptions& options)
        : m_text(text),
          m_positions(text, std::move(file)),
          m_baseDir(std::move(baseDir)),
          m_options(options) {}

    Result<Device> read() {
        if (auto nested = findExcessiveNesting(m_text, kMaxJsonDepth)) {
            return makeError(
                m_positions.at(*nested),
                "JSON is nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        }
        // nlohmann stops reading at a NUL byte and would silently ignore the rest of the file.
        if (const size_t nul = m_text.find('\0'); nul != std::string_view::npos) {
            return makeError(m_positions.at(nul),
                             "unexpected NUL byte: a device.json must be text");
        }
        Json root;
        try {
            root = Json::parse(m_text, nullptr, true, /*ignore_comments=*/true);
        } catch (const Json::parse_error& e) {
            return makeError(m_positions.at(e.byte > 0 ? e.byte - 1 : 0),
                             "invalid JSON: " + stripNlohmannPrefix(e.what()));
        } catch (const Json::exception& e) {
            return makeError(m_positions.at(0), "invalid JSON: " + stripNlohmannPrefix(e.what()));
        }
        m_spans = scanJsonSpans(m_text);
        if (m_spans.firstDuplicate) {
            return makeError(m_positions.at(m_spans.firstDuplicate->offset),
                             "duplicate key '" + m_spans.firstDuplicate->key +
                                 "': each key may appear once in an object");
        }
        if (!root.is_object()) {
            return makeError(valueAt(""),
                             "a device must be a JSON object, got " + describeJson(root));
        }
        Result<void> checked =
            checkKeys(root, "",
                      {"name", "description", "api", "userUnlocked", "userSetupComplete",
                       "framework", "packages", "preferred", "persistentPreferred", "state",
                       "roles", "sysconfig", "flags", "implicitVisibility"});
        if (!checked) return checked.error();

        Device device;
        device.name = m_baseDir.filename().string();
        if (device.name.empty()) device.name = "device";
        if (auto r = readString(root, "", "name", device.name); !r) return r.error();
        if (auto r = readString(root, "", "description", device.description); !r) {
            return r.error();
        }
        if (auto r = readInt(root, "", "api", 1, 100, device.apiLevel); !r) return r.error();
        m_apiDeclared = root.contains("api");
        device.apiLevelDeclared = m_apiDeclared;
        if (auto r = readBool(root, "", "userUnlocked", device.userUnlocked); !r) return r.error();
        if (auto r = readBool(root, "", "userSetupComplete", device.userSetupComplete); !r) {
            return r.error();
        }
        if (root.contains("framework")) {
            if (auto r = readFramework(root["framework"], "/framework", device.patch); !r) {
                return r.error();
            }
        }
        // Before the packages: a system app's <app-link> listing shapes its domains (W-17, W-31).
        if (root.contains("sysconfig")) {
            if (auto r =
                    detail::readSysconfig(*this, root["sysconfig"], "/sysconfig", device.sysconfig);
                !r) {
                return r.error();
            }
        }
        if (!root.contains("packages")) {
            return makeError(valueAt(""),
                             "a device needs a 'packages' list: the manifests it installs");
        }
        if (auto r = readPackages(root["packages"], "/packages", device); !r) return r.error();
        if (root.contains("roles")) {
            if (auto r = detail::readRoles(*this, root["roles"], "/roles", device.roles); !r) {
                return r.error();
            }
            detail::checkRoles(*this, "/roles", device, device.diagnostics);
        }
        if (root.contains("flags")) {
            if (auto r = detail::readDeviceFlags(*this, root["flags"], "/flags", device.flags);
                !r) {
                return r.error();
            }
        }
        if (root.contains("implicitVisibility")) {
            if (auto r = detail::readImplicitVisibility(*this, root["implicitVisibility"],
                                                        "/implicitVisibility",
                                                        device.implicitVisibility);
                !r) {
                return r.error();
            }
        }
        detail::checkCallerKeys(*this, device, device.diagnostics);
        detail::revokeSupersededSelections(device, device.diagnostics);
        if (root.contains("preferred")) {
            if (auto r = readPreferredList(root["preferred"], "/preferred", true, device.preferred,
                                           device.diagnostics);
                !r) {
                return r.error();
            }
        }
        if (root.contains("persistentPreferred")) {
            if (auto r = readPreferredList(root["persistentPreferred"], "/persistentPreferred",
                                           false, device.persistentPreferred, device.diagnostics);
                !r) {
                return r.error();
            }
        }
        // A copy of /data/system laid over the packages (device-formats 2), after the lists
        // above: what the state files record replaces them.
        if (root.contains("state")) {
            std::string stateDir;
            if (auto r = readString(root, "", "state", stateDir); !r) return r.error();
            Result<DeviceState> state = readDeviceState(m_baseDir / stateDir);
            if (!state) return makeError(valueAt("/state"), "'state': " + state.error().toString());
            device = applyDeviceState(std::move(device), *state);
        }
        return device;
    }

  private:
    static std::string stripNlohmannPrefix(const std::string& what) {
        // "[json.exception.parse_error.101] parse error at line 2, column 3: syntax error ..."
        const size_t column = what.find("column ");
        if (column != std::string::npos) {
            const size_t colon = what.find(": ", column);
            if (colon != std::string::npos) return what.substr(colon + 2);
        }
        const size_t bracket = what.find("] ");
        return bracket == std::string::npos ? what : what.substr(bracket + 2);
    }

    SourceLocation valueAt(const std::string& pointer) const override {
        auto it = m_spans.values.find(pointer);
        return m_positions.at(it == m_spans.values.end() ? 0 : it->second);
    }
    SourceLocation keyAt(const std::string& pointer) const override {
        auto it = m_spans.keys.find(pointer);
        return it == m_spans.keys.end() ? valueAt(pointer) : m_positions.at(it->second);
    }
    static std::string where(const std::string& pointer) {
        return pointer.empty() ? "the device" : "'" + jsonDisplayName(pointer) + "'";
    }

    Result<void> checkKeys(const Json& object, const std::string& pointer,
                           std::initializer_list<const char*> allowed) const override {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const bool known = std::any_of(allowed.begin(), allowed.end(),
                                           [&](const char* name) { return it.key() == name; });
            if (!known) {
                return makeError(keyAt(jsonChild(pointer, it.key())),
                                 "unknown key '" + it.key() + "' in " + where(pointer) +
                                     "; expected one of: " + joinNames(allowed));
            }
        }
        return ok();
    }

    Result<void> expectObject(const Json& value, const std::string& pointer) const override {
        if (value.is_object()) return ok();
        return makeError(valueAt(pointer), "'" + jsonDisplayName(pointer) +
                                               "' must be an object, got " + describeJson(value));
    }
    Result<void> expectArray(const Json& value, const std::string& pointer) const override {
        if (value.is_array()) return ok();
        return makeError(valueAt(pointer), "'" + jsonDisplayName(pointer) +
                                               "' must be a list, got " + describeJson(value));
    }

    Result<void> readBool(const Json& object, const std::string& pointer, const char* key,
                          bool& out) const override {
        if (!object.contains(key)) return ok();
        const Json& value = object[key];
        const std::string at = jsonChild(pointer, key);
        if (!value.is_boolean()) {
            return makeError(
                valueAt(at),
                "'" + jsonDisplayName(at) + "' must be true or false, got " + describeJson(value));
        }
        out = value.get<bool>();
        return ok();
    }

    Result<void> readString(const Json& object, const std::string& pointer, const char* key,
                            std::string& out) const override {
        if (!object.contains(key)) return ok();
        const Json& value = object[key];
        const std::string at = jsonChild(pointer, key);
        if (!value.is_string()) {
            return makeError(valueAt(at), "'" + jsonDisplayName(at) + "' must be a string, got " +
                                              describeJson(value));
        }
        out = value.get<std::string>();
        return ok();
    }

    Result<void> readOptionalString(const Json& object, const std::string& pointer, const char* key,
                                    std::optional<std::string>& out) const {
        if (!object.contains(key)) return ok();
        std::string value;
        if (auto r = readString(object, pointer, key, value); !r) return r;
        out = std::move(value);
        return ok();
    }

    Result<void> readInt(const Json& object, const std::string& pointer, const char* key, int low,
                         int high, int& out) const override {
        if (!object.contains(key)) return ok();
        const Json& value = object[key];
        const std::string at = jsonChild(pointer, key);
        if (!value.is_number_integer()) {
            return makeError(
                valueAt(at),
                "'" + jsonDisplayName(at) + "' must be a whole number, got " + describeJson(value));
        }
        const int64_t number = value.get<int64_t>();
        if (number < low || number > high) {
            return makeError(valueAt(at), "'" + jsonDisplayName(at) + "' must be between " +
                                              std::to_string(low) + " and " + std::to_string(high) +
                                              ", got " + std::to_string(number));
        }
        out = static_cast<int>(number);
        return ok();
    }

    Result<void> readStringList(const Json& object, const std::string& pointer, const char* key,
                                std::vector<std::string>& out) const override {
        if (!object.contains(key)) return ok();
        const Json& value = object[key];
        const std::string at = jsonChild(pointer, key);
        if (auto r = expectArray(value, at); !r) return r;
        for (size_t i = 0; i < value.size(); ++i) {
            if (!value[i].is_string()) {
                const std::string item = jsonChild(at, i);
                return makeError(valueAt(item), "'" + jsonDisplayName(item) +
                                                    "' must be a string, got " +
                                                    describeJson(value[i]));
            }
            out.push_back(value[i].get<std::string>());
        }
        return ok();
    }

    Result<void> readFramework(const Json& value, const std::string& pointer,
                               FrameworkPatch& patch) const {
        if (auto r = expectObject(value, pointer); !r) return r;
        if (auto r = checkKeys(value, pointer, {"patch", "patchSites"}); !r) return r;
        if (value.contains("patch") && value.contains("patchSites")) {
            return makeError(keyAt(jsonChild(pointer, "patchSites")),
                             "use either 'framework.patch' or 'framework.patchSites', not both");
        }
        if (value.contains("patch")) {
            std::string name;
            if (auto r = readString(value, pointer, "patch", name); !r) return r;
            if (name == "home-first") {
                patch = fullHomeFirstPatch();
            } else if (name != "stock") {
                return makeError(
                    valueAt(jsonChild(pointer, "patch")),
                    "'framework.patch' must be \"stock\" or \"home-first\", got \"" + name + "\"");
            }
        }
        std::vector<std::string> sites;
        if (auto r = readStringList(value, pointer, "patchSites", sites); !r) return r;
        for (size_t i = 0; i < sites.size(); ++i) {
            if (auto checked = checkHomeSite(sites[i]); !checked) {
                return makeError(valueAt(jsonChild(jsonChild(pointer, "patchSites"), i)),
                                 checked.error().message);
            }
            patch.homeFirstSites.insert(sites[i]);
        }
        return ok();
    }

    Result<void> readPackages(const Json& value, const std::string& pointer, Device& device) {
        if (auto r = expectArray(value, pointer); !r) return r;
        if (value.size() > limits::kMaxPackagesPerDevice) {
            return makeError(valueAt(pointer), "'packages' lists " + std::to_string(value.size()) +
                                                   " packages, more than the limit of " +
                                                   std::to_string(limits::kMaxPackagesPerDevice));
        }
        // Every entry is read first, so that the manifests can be parsed on all cores while they
        // are taken in list order below; an entry's own error still wins over a manifest error of
        // a later entry, and loses to one of an earlier entry, as if the list were read in order.
        std::vector<PackageEntry> entries;
        entries.reserve(value.size());
        std::optional<Error> entryError;
        for (size_t i = 0; i < value.size(); ++i) {
            Result<PackageEntry> entry = readPackageEntry(value[i], jsonChild(pointer, i));
            if (!entry) {
                entryError = entry.error();
                break;
            }
            entries.push_back(std::move(entry).value());
        }
        std::vector<detail::ManifestRequest> requests;
        requests.reserve(entries.size());
        std::vector<size_t> requestOf(entries.size());  // entry → its request; inline: none
        for (size_t i = 0; i < entries.size(); ++i) {
            requestOf[i] = requests.size();
            if (entries[i].inlineManifest) continue;
            requests.push_back({entries[i].path, entries[i].parse});
            requests.back().parse.apiLevel = device.apiLevel;  // APK resources resolve for it
        }
        detail::ManifestPipeline pipeline(std::move(requests), m_options.threads);
        // Sized once: growing it moves every InstalledPackage into fresh pages (issue 14).
        device.packages.reserve(device.packages.size() + entries.size());

        std::map<std::string, std::string> listedAt;  // package → pointer of its entry
        for (size_t i = 0; i < entries.size(); ++i) {
            const std::string at = entries[i].pointer;  // a copy: the entry is moved below
            const fs::path file = entries[i].path;
            // Components written inline come from a capture of a device that already installed
            // the package: Android's install checks (S-1, minimum target SDK) were passed there.
            const bool capturedInstalled = entries[i].inlineManifest != nullptr;
            Result<Manifest> manifest =
                entries[i].inlineManifest ? Result<Manifest>(std::move(*entries[i].inlineManifest))
                                          : pipeline.take(requestOf[i]);
            if (m_options.progress) m_options.progress(i + 1, value.size());
            if (!manifest) {
                // Android skips a package it cannot parse and boots anyway (--strict: fail).
                if (auto r = detail::skipPackage(device, m_options.parse.strict, {}, file.string(),
                                                 manifest.error());
                    !r) {
                    return r;
                }
                continue;
            }
            Result<InstalledPackage> package =
                finishPackage(std::move(entries[i]), std::move(manifest), device,
                              device.diagnostics);
            if (!package) return package.error();
            bool installed = capturedInstalled;
            if (!capturedInstalled) {
                if (auto r = detail::checkInstallable(device, m_options.parse.strict,
                                                      m_apiDeclared, *package, installed);
                    !r) {
                    return r;
                }
            }
            if (!installed) continue;
            const std::string name = package->packageName();
            auto [it, inserted] = listedAt.emplace(name, at);
            if (!inserted) {
                const SourceLocation first = valueAt(it->second);
                return makeError(valueAt(at), "package '" + name + "' is listed twice; first at " +
                                                  first.file + ":" + std::to_string(first.line) +
                                                  ":" + std::to_string(first.column));
            }
            device.packages.push_back(std::move(package).value());
        }
        if (entryError) return *entryError;
        return ok();
    }

    // A 'packages' entry whose JSON has been checked; its manifest is not read yet.
    struct PackageEntry {
        std::string pointer;
        std::string manifestPath;  // as written in device.json
        fs::path path;             // resolved against the device folder
        ParseOptions parse;
        InstalledPackage package;  // every field but the manifest
        std::vector<std::string> disabled;
        std::vector<std::string> enabled;
        // "components" instead of "manifest". A pointer: an empty Manifest in each of 10,000
        // entries was 5 MB of fresh pages for nothing (issue 14).
        std::unique_ptr<Manifest> inlineManifest;
    };

    Result<PackageEntry> readPackageEntry(const Json& value, const std::string& pointer) const {
        if (auto r = expectObject(value, pointer); !r) return r.error();
        if (auto r = checkKeys(
                value, pointer,
                {"manifest", "package", "system", "privileged", "updatedSystemApp", "enabled",
                 "stopped", "removed", "disabledComponents", "enabledComponents",
                 HEARTH_APP_LINKS_PACKAGE_KEYS, HEARTH_INLINE_PACKAGE_KEYS,
                 HEARTH_CALLER_PACKAGE_KEYS});
            !r) {
            return r.error();
        }
        ParseOptions parse = m_options.parse;
        std::optional<std::string> packageName;
        if (auto r = readOptionalString(value, pointer, "package", packageName); !r) {
            return r.error();
        }
        if (packageName) parse.packageName = packageName;

        InstalledPackage package;
        if (auto r = detail::readAppLinksPackageKeys(*this, value, pointer, package, parse); !r) {
            return r.error();
        }
        if (auto r = detail::readCallerPackageKeys(*this, value, pointer, package); !r) {
            return r.error();
        }
        for (auto [key, field] :
             {std::pair{"system", &package.system}, std::pair{"privileged", &package.privileged},
              std::pair{"updatedSystemApp", &package.updatedSystemApp},
              std::pair{"enabled", &package.enabled}, std::pair{"stopped", &package.stopped},
              std::pair{"removed", &package.removed},
              std::pair{"prioritiesClamped", &package.prioritiesClamped}}) {
            if (auto r = readBool(value, pointer, key, *field); !r) return r.error();
        }
        std::vector<std::string> disabled;
        std::vector<std::string> enabled;
        if (auto r = readStringList(value, pointer, "disabledComponents", disabled); !r) {
            return r.error();
        }
        if (auto r = readStringList(value, pointer, "enabledComponents", enabled); !r) {
            return r.error();
        }
        if (value.contains("components")) {
            if (value.contains("manifest")) {
                return makeError(keyAt(jsonChild(pointer, "components")),
                                 where(pointer) + " has both 'manifest' and 'components': give "
                                                  "one of them");
            }
            Result<Manifest> manifest =
                detail::readInlineManifest(*this, value, pointer, m_positions.file());
            if (!manifest) return manifest.error();
            return PackageEntry{pointer,
                                {},
                                {},
                                std::move(parse),
                                std::move(package),
                                std::move(disabled),
                                std::move(enabled),
                                std::make_unique<Manifest>(std::move(manifest).value())};
        }
        for (const char* key : {"application", "prioritiesClamped", "packageDerived", "file",
                                "line", "column"}) {
            if (value.contains(key)) {
                return makeError(keyAt(jsonChild(pointer, key)),
                                 "'" + jsonDisplayName(jsonChild(pointer, key)) +
                                     "' is read only with inline 'components', not with a "
                                     "'manifest'");
            }
        }
        if (!value.contains("manifest")) {
            return makeError(
                valueAt(pointer),
                where(pointer) + " needs a 'manifest': the path to an AndroidManifest.xml or .apk "
                                 "(or inline 'components')");
        }
        std::string manifestPath;
        if (auto r = readString(value, pointer, "manifest", manifestPath); !r) return r.error();

        const fs::path path = (m_baseDir / manifestPath).lexically_normal();
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            if (!fs::exists(path, ec)) {
                return makeError(
                    valueAt(jsonChild(pointer, "manifest")),
                    "manifest '" + manifestPath + "' not found: no file '" + path.string() + "'");
            }
            // Say what is there instead: reading /dev/zero or a FIFO would never end.
            return makeError(valueAt(jsonChild(pointer, "manifest")),
                             "manifest '" + manifestPath + "' is " +
                                 (fs::is_directory(path, ec) ? "a directory"
                                                             : "not a regular file") +
                                 " ('" + path.string() +
                                 "'), expected an AndroidManifest.xml or .apk file");
        }
        return PackageEntry{pointer,
                            manifestPath,
                            path,
                            std::move(parse),
                            std::move(package),
                            std::move(disabled),
                            std::move(enabled),
                            nullptr};
    }

    Result<InstalledPackage> finishPackage(PackageEntry entry, Result<Manifest> manifest,
                                           const Device& device,
                                           std::vector<Diagnostic>& diagnostics) const {
        if (!manifest) return manifest.error();
        for (const Diagnostic& diagnostic : manifest->diagnostics) {
            diagnostics.push_back(diagnostic);
        }
        InstalledPackage& package = entry.package;
        const std::string& pointer = entry.pointer;
        const std::string& manifestPath = entry.manifestPath;
        const std::vector<std::string>& disabled = entry.disabled;
        const std::vector<std::string>& enabled = entry.enabled;
        package.manifest = std::move(manifest).value();
        detail::finishAppLinksPackage(package, device, diagnostics);

        auto addStates = [&](const char* key, const std::vector<std::string>& names,
                             std::set<std::string>& into) {
            for (size_t i = 0; i < names.size(); ++i) {
                const std::string full = expandClassName(package.packageName(), names[i]);
                const std::string at = jsonChild(jsonChild(pointer, key), i);
                // A dump lists only components with filters: its own state lists name others.
                if (package.manifest.findComponent(full) == nullptr && !package.prioritiesClamped) {
                    diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, valueAt(at),
                                                     "'" + jsonDisplayName(at) + "' names '" +
                                                         full + "', which '" + manifestPath +
                                                         "' does not declare"});
                }
                into.insert(full);
            }
        };
        addStates("disabledComponents", disabled, package.disabledComponents);
        addStates("enabledComponents", enabled, package.enabledComponents);
        for (size_t i = 0; i < enabled.size(); ++i) {
            const std::string full = expandClassName(package.packageName(), enabled[i]);
            if (package.disabledComponents.count(full) > 0) {
                return makeError(
                    valueAt(jsonChild(jsonChild(pointer, "enabledComponents"), i)),
                    "'" + full + "' is in both 'disabledComponents' and 'enabledComponents'");
            }
        }
        return std::move(package);
    }

    Result<void> readPreferredList(const Json& value, const std::string& pointer, bool recorded,
                                   std::vector<PreferredActivity>& out,
                                   std::vector<Diagnostic>& diagnostics) const {
        if (auto r = expectArray(value, pointer); !r) return r;
        for (size_t i = 0; i < value.size(); ++i) {
            Result<PreferredActivity> entry =
                readPreferred(value[i], jsonChild(pointer, i), recorded, diagnostics);
            if (!entry) return entry.error();
            out.push_back(std::move(entry).value());
        }
        return ok();
    }

    Result<ComponentName> readComponent(const Json& object, const std::string& pointer,
                                        const char* key) const {
        std::string text;
        if (auto r = readString(object, pointer, key, text); !r) return r.error();
        std::optional<ComponentName> name = ComponentName::unflatten(text);
        if (!name) {
            const std::string at = jsonChild(pointer, key);
            return makeError(valueAt(at), "'" + jsonDisplayName(at) +
                                              "' must look like 'package/.Class' or "
                                              "'package/full.Class', got \"" +
                                              text + "\"");
        }
        return *name;
    }

    Result<void> addPattern(const Json& object, const std::string& pointer, const char* key,
                            PatternKind kind, std::vector<PatternMatcher>& out) const {
        std::optional<std::string> text;
        if (auto r = readOptionalString(object, pointer, key, text); !r) return r;
        if (!text) return ok();
        Result<PatternMatcher> matcher = PatternMatcher::create(kind, *text);
        if (!matcher) {
            return makeError(
                valueAt(jsonChild(pointer, key)),
                "'" + jsonDisplayName(jsonChild(pointer, key)) + "': " + matcher.error().message);
        }
        out.push_back(std::move(matcher).value());
        return ok();
    }

    Result<PreferredActivity> readPreferred(const Json& value, const std::string& pointer,
                                            bool recorded,
                                            std::vector<Diagnostic>& diagnostics) const {
        if (auto r = expectObject(value, pointer); !r) return r.error();
        Result<void> keys =
            recorded ? checkKeys(value, pointer,
                                 {"component", "action", "categories", "type", "scheme", "ssp",
                                  "sspPrefix", "sspPattern", "host", "port", "path", "pathPrefix",
                                  "pathPattern", "set", "match", "always"})
                     : checkKeys(value, pointer,
                                 {"component", "action", "categories", "type", "scheme", "ssp",
                                  "sspPrefix", "sspPattern", "host", "port", "path", "pathPrefix",
                                  "pathPattern"});
        if (!keys) return keys.error();
        PreferredActivity entry;
        entry.where = valueAt(pointer);
        if (!value.contains("component")) {
            return makeError(valueAt(pointer),
                             where(pointer) + " needs a 'component': the chosen activity");
        }
        Result<ComponentName> component = readComponent(value, pointer, "component");
        if (!component) return component.error();
        entry.component = *component;
        if (auto r = readPreferredFilter(value, pointer, entry, diagnostics); !r) return r.error();
        if (!recorded) return entry;
        if (auto r = readRecordedChoice(value, pointer, entry); !r) return r.error();
        return entry;
    }

    // The filter a preferred activity was recorded for: one action, categories, and at most one
    // of each data part, as addPreferredActivity takes it.
    Result<void> readPreferredFilter(const Json& value, const std::string& pointer,
                                     PreferredActivity& entry,
                                     std::vector<Diagnostic>& diagnostics) const {
        // addPreferredActivity refuses a filter without actions (P-5).
        if (!value.contains("action")) {
            return makeError(valueAt(pointer),
                             where(pointer) +
                                 " needs an 'action': Android refuses a preferred activity whose "
                                 "filter has no action");
        }
        IntentFilter& filter = entry.filter;
        filter.where = entry.where;
        std::string action;
        if (auto r = readString(value, pointer, "action", action); !r) return r.error();
        filter.actions.push_back(action);
        if (auto r = readStringList(value, pointer, "categories", filter.categories); !r) {
            return r.error();
        }
        if (!filter.hasDefault()) {
            diagnostics.push_back(Diagnostic{
                Diagnostic::Severity::Warning, valueAt(pointer),
                where(pointer) +
                    " has no category 'android.intent.category.DEFAULT', so it never matches a "
                    "startActivity resolution (MATCH_DEFAULT_ONLY, R-7)"});
        }
        std::optional<std::string> type;
        if (auto r = readOptionalString(value, pointer, "type", type); !r) return r.error();
        if (type) {
            Result<std::string> valid = validateMimeType(*type);
            if (!valid) {
                return makeError(valueAt(jsonChild(pointer, "type")),
                                 "'" + jsonDisplayName(jsonChild(pointer, "type")) +
                                     "': " + valid.error().message);
            }
            filter.types.push_back(*type);
        }
        std::optional<std::string> scheme;
        if (auto r = readOptionalString(value, pointer, "scheme", scheme); !r) return r.error();
        if (scheme) filter.schemes.push_back(*scheme);
        if (auto r = addPattern(value, pointer, "ssp", PatternKind::Literal, filter.ssps); !r) {
            return r.error();
        }
        if (auto r = addPattern(value, pointer, "sspPrefix", PatternKind::Prefix, filter.ssps);
            !r) {
            return r.error();
        }
        if (auto r = addPattern(value, pointer, "sspPattern", PatternKind::SimpleGlob, filter.ssps);
            !r) {
            return r.error();
        }
        std::optional<std::string> host;
        if (auto r = readOptionalString(value, pointer, "host", host); !r) return r.error();
        if (value.contains("port")) {
            const std::string at = jsonChild(pointer, "port");
            if (!host) {
                return makeError(keyAt(at), "'" + jsonDisplayName(at) +
                                                "' needs a 'host': Android drops a port "
                                                "without a host (M-26)");
            }
            const Json& port = value["port"];
            std::string portText;
            if (port.is_number_integer()) {
                portText = port.dump();
            } else if (port.is_string()) {
                portText = port.get<std::string>();
            } else {
                return makeError(valueAt(at), "'" + jsonDisplayName(at) +
                                                  "' must be a port number, got " +
                                                  describeJson(port));
            }
            Result<int> parsed = parsePort(portText);
            if (!parsed) {
                return makeError(valueAt(at),
                                 "'" + jsonDisplayName(at) + "': " + parsed.error().message);
            }
            filter.authorities.push_back(FilterAuthority{*host, *parsed, valueAt(at)});
        } else if (host) {
            filter.authorities.push_back(
                FilterAuthority{*host, std::nullopt, valueAt(jsonChild(pointer, "host"))});
        }
        if (auto r = addPattern(value, pointer, "path", PatternKind::Literal, filter.paths); !r) {
            return r.error();
        }
        if (auto r = addPattern(value, pointer, "pathPrefix", PatternKind::Prefix, filter.paths);
            !r) {
            return r.error();
        }
        if (auto r =
                addPattern(value, pointer, "pathPattern", PatternKind::SimpleGlob, filter.paths);
            !r) {
            return r.error();
        }
        return ok();
    }

    // What the chooser recorded beside the filter: "Always", the set it showed, the best match.
    Result<void> readRecordedChoice(const Json& value, const std::string& pointer,
                                    PreferredActivity& entry) const {
        if (auto r = readBool(value, pointer, "always", entry.always); !r) return r.error();
        if (value.contains("set")) {
            const std::string at = jsonChild(pointer, "set");
            std::vector<std::string> names;
            if (auto r = readStringList(value, pointer, "set", names); !r) return r.error();
            for (size_t i = 0; i < names.size(); ++i) {
                std::optional<ComponentName> name = ComponentName::unflatten(names[i]);
                if (!name) {
                    const std::string item = jsonChild(at, i);
                    return makeError(valueAt(item), "'" + jsonDisplayName(item) +
                                                        "' must look like 'package/.Class' or "
                                                        "'package/full.Class', got \"" +
                                                        names[i] + "\"");
                }
                entry.set.push_back(*name);
            }
        } else if (entry.always) {
            return makeError(valueAt(pointer),
                             where(pointer) +
                                 " needs a 'set': the candidates the chooser showed when it was "
                                 "chosen (P-5)");
        }
        if (value.contains("match")) {
            const std::string at = jsonChild(pointer, "match");
            const Json& match = value["match"];
            std::optional<int64_t> number;
            if (match.is_number_integer()) {
                number = match.get<int64_t>();
            } else if (match.is_string()) {
                number = decodeJavaInt(match.get<std::string>());
            }
            if (!number || *number < 0 || *number > INT64_C(0x7FFFFFFF)) {
                return makeError(valueAt(at), "'" + jsonDisplayName(at) +
                                                  "' must be a match code such as \"0x100000\", "
                                                  "got " +
                                                  describeJson(match));
            }
            // PreferredComponent keeps only the category part of the match (P-5).
            entry.match = static_cast<int>(*number) & match::kCategoryMask;
        } else if (entry.always) {
            return makeError(valueAt(pointer),
                             where(pointer) +
                                 " needs a 'match': the best match among the set, e.g. "
                                 "\"0x100000\" for an intent without data (P-5)");
        }
        return ok();
    }

    std::string_view m_text;
    TextPositions m_positions;
    fs::path m_baseDir;
    const DeviceLoadOptions& m_options;
    JsonSpans m_spans;
    bool m_apiDeclared = false;  // "api" given: the minimum installable target SDK applies
};

}  // namespace

namespace detail {

std::string describeJsonValue(const Json& value) { return describeJson(value); }

}  // namespace detail

Result<Device> parseDeviceJson(std::string_view text, const std::string& sourceName,
                               const fs::path& baseDir, const DeviceLoadOptions& options) {
    try {
        DeviceJsonReader reader(text, sourceName, baseDir, options);
        Result<Device> device = reader.read();
        if (device) device->source = sourceName;
        return device;
    } catch (const std::exception& e) {
        // Nothing above should throw; if a library does, it must not cross the API.
        return makeError(SourceLocation{sourceName, 0, 0},
                         std::string("cannot read the device: ") + e.what());
    }
}

}  // namespace hearth

// device.json writer: the inverse of device_json.cpp for the keys an importer fills.

#include <hearth/app_links.h>
#include <hearth/device_writer.h>
#include <hearth/home.h>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <system_error>

#include "device_internal.h"
#include "text.h"

namespace hearth {

namespace fs = std::filesystem;

namespace {

using text::hex;

nlohmann::ordered_json preferredJson(const PreferredActivity& entry, bool recorded,
                                     std::vector<std::string>& lost) {
    nlohmann::ordered_json j;
    const IntentFilter& filter = entry.filter;
    j["component"] = entry.component.flattenToShortString();
    const std::string name = "preferred " + entry.component.flattenToShortString();
    auto single = [&](const char* key, const std::vector<std::string>& values) {
        if (values.empty()) return;
        j[key] = values.front();
        if (values.size() > 1) lost.push_back(name + ": only its first " + key + " is written");
    };
    single("action", filter.actions);
    if (!filter.categories.empty()) j["categories"] = filter.categories;
    single("type", filter.types);
    single("scheme", filter.schemes);
    auto patterns = [&](const std::vector<PatternMatcher>& list, const char* literal,
                        const char* prefix, const char* glob) {
        if (list.empty()) return;
        const PatternMatcher& first = list.front();
        const char* key = first.kind() == PatternKind::Literal  ? literal
                          : first.kind() == PatternKind::Prefix ? prefix
                          : first.kind() == PatternKind::SimpleGlob ? glob
                                                                    : nullptr;
        if (key == nullptr) {
            lost.push_back(name + ": a " + patternKindName(first.kind()) + " pattern is not written");
            return;
        }
        j[key] = first.pattern();
        if (list.size() > 1) lost.push_back(name + ": only its first " + key + " is written");
    };
    patterns(filter.ssps, "ssp", "sspPrefix", "sspPattern");
    if (!filter.authorities.empty()) {
        j["host"] = filter.authorities.front().host;
        if (filter.authorities.front().port) j["port"] = *filter.authorities.front().port;
        if (filter.authorities.size() > 1) lost.push_back(name + ": only its first host is written");
    }
    patterns(filter.paths, "path", "pathPrefix", "pathPattern");
    if (recorded) {
        nlohmann::ordered_json set = nlohmann::ordered_json::array();
        for (const ComponentName& c : entry.set) set.push_back(c.flattenToShortString());
        j["set"] = set;
        j["match"] = hex(entry.match);
        j["always"] = entry.always;
    }
    return j;
}

// The App Links state as device.json's "appLinks" reads it (W-10, W-21, W-22); null when default.
nlohmann::ordered_json appLinksJson(const AppLinksState& links) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (!links.domains.empty()) {
        nlohmann::ordered_json domains = nlohmann::ordered_json::object();
        for (const DomainStateEntry& entry : links.domains) {
            domains[entry.domain] = domainStateName(entry.state);
        }
        j["domains"] = domains;
    }
    if (!links.linkHandlingAllowed) j["linkHandlingAllowed"] = false;
    if (!links.selectedHosts.empty()) j["selectedHosts"] = links.selectedHosts;
    if (links.legacyStatus != LegacyLinkStatus::Undefined) {
        j["legacyStatus"] = legacyLinkStatusName(links.legacyStatus);
    }
    if (links.legacyGeneration != 0) j["legacyGeneration"] = links.legacyGeneration;
    return j;
}

// The keys of the App Links and caller rules a package entry carries (targetSdk, appLinks, ...).
void writeModernPackageKeys(const InstalledPackage& package, nlohmann::ordered_json& p,
                            std::vector<std::string>& lost) {
    if (package.targetSdkOverride) p["targetSdk"] = *package.targetSdkOverride;
    if (package.minSdkOverride) p["minSdk"] = *package.minSdkOverride;
    if (package.firstInstallTime) p["firstInstallTime"] = *package.firstInstallTime;
    nlohmann::ordered_json links = appLinksJson(package.appLinks);
    if (!links.empty()) p["appLinks"] = links;
    if (package.installer) p["installer"] = *package.installer;
    if (package.updateOwner) p["updateOwner"] = *package.updateOwner;
    if (package.suspended) p["suspended"] = true;
    if (package.appId) p["appId"] = *package.appId;
    if (package.prioritiesClamped) {
        lost.push_back(package.packageName() +
                       ": its filter priorities were already clamped by the device (dumpsys); "
                       "read from the manifest they are clamped again");
    }
}

}  // namespace

namespace detail {

// Relative when the file sits below the output folder, else absolute: the device.json keeps
// pointing at the APKs in place wherever it is moved to.
std::string deviceJsonPath(const std::string& file, const fs::path& outDir) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(fs::path(file), ec).lexically_normal();
    if (ec) return fs::path(file).generic_string();
    if (outDir.empty()) return absolute.generic_string();
    const fs::path base = fs::absolute(outDir, ec).lexically_normal();
    const fs::path relative = absolute.lexically_relative(base);
    if (ec || relative.empty() || *relative.begin() == "..") return absolute.generic_string();
    return relative.generic_string();
}

}  // namespace detail

std::string renderDeviceJson(const Device& device, const DeviceJsonOptions& options,
                             std::vector<std::string>& lost) {
    nlohmann::ordered_json j;
    j["name"] = device.name;
    const std::string description =
        options.description.empty() ? device.description : options.description;
    if (!description.empty()) j["description"] = description;
    j["api"] = device.apiLevel;
    if (!device.userUnlocked) j["userUnlocked"] = false;
    if (!device.userSetupComplete) j["userSetupComplete"] = false;
    if (device.roles.browser || device.roles.home) {
        nlohmann::ordered_json roles;
        if (device.roles.browser) {
            // "" is the user's explicit "None" (no W-41 fallback), written back as null.
            if (device.roles.browser->empty()) {
                roles["browser"] = nullptr;
            } else {
                roles["browser"] = *device.roles.browser;
            }
        }
        if (device.roles.home) roles["home"] = *device.roles.home;
        j["roles"] = roles;
    }
    const SystemConfig& sysconfig = device.sysconfig;
    if (!sysconfig.appLinkPackages.empty() || !sysconfig.forceQueryablePackages.empty() ||
        sysconfig.systemPackagesQueryable) {
        nlohmann::ordered_json config;
        if (!sysconfig.appLinkPackages.empty()) config["appLinkPackages"] = sysconfig.appLinkPackages;
        if (!sysconfig.forceQueryablePackages.empty()) {
            config["forceQueryablePackages"] = sysconfig.forceQueryablePackages;
        }
        if (sysconfig.systemPackagesQueryable) config["systemPackagesQueryable"] = true;
        j["sysconfig"] = config;
    }
    if (device.flags.enforceIntentFilterMatch || device.flags.blockNullActionIntents) {
        nlohmann::ordered_json flags;
        if (device.flags.enforceIntentFilterMatch) flags["enforceIntentFilterMatch"] = true;
        if (device.flags.blockNullActionIntents) flags["blockNullActionIntents"] = true;
        j["flags"] = flags;
    }
    if (!device.implicitVisibility.empty()) {
        nlohmann::ordered_json pairs = nlohmann::ordered_json::array();
        for (const ImplicitVisibility& pair : device.implicitVisibility) {
            pairs.push_back({{"caller", pair.caller}, {"target", pair.target}});
        }
        j["implicitVisibility"] = pairs;
    }
    if (!device.patch.homeFirstSites.empty()) {
        nlohmann::ordered_json framework;
        if (device.patch.homeFirstSites.size() == homeSiteIds().size()) {
            framework["patch"] = "home-first";
        } else {
            framework["patchSites"] = device.patch.homeFirstSites;
        }
        j["framework"] = framework;
    }
    if (!options.stateDir.empty()) {
        j["state"] = detail::deviceJsonPath(options.stateDir.string(), options.outDir);
    }
    nlohmann::ordered_json packages = nlohmann::ordered_json::array();
    for (const InstalledPackage& package : device.packages) {
        // An inline package (its components written in a device.json) has no manifest to name.
        if (package.isInline()) {
            lost.push_back(package.packageName() +
                           ": an inline package (components in device.json) is not written");
            continue;
        }
        nlohmann::ordered_json p;
        p["manifest"] = detail::deviceJsonPath(package.manifest.file, options.outDir);
        if (package.manifest.packageDerived) p["package"] = package.packageName();
        if (package.system) p["system"] = true;
        if (package.privileged) p["privileged"] = true;
        if (package.updatedSystemApp) p["updatedSystemApp"] = true;
        if (!package.enabled) p["enabled"] = false;
        if (package.stopped) p["stopped"] = true;
        if (package.removed) p["removed"] = true;
        if (!package.disabledComponents.empty()) p["disabledComponents"] = package.disabledComponents;
        if (!package.enabledComponents.empty()) p["enabledComponents"] = package.enabledComponents;
        writeModernPackageKeys(package, p, lost);
        packages.push_back(p);
    }
    j["packages"] = packages;
    if (!device.preferred.empty()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const PreferredActivity& entry : device.preferred) {
            list.push_back(preferredJson(entry, true, lost));
        }
        j["preferred"] = list;
    }
    if (!device.persistentPreferred.empty()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const PreferredActivity& entry : device.persistentPreferred) {
            list.push_back(preferredJson(entry, false, lost));
        }
        j["persistentPreferred"] = list;
    }
    return j.dump(2) + "\n";
}

}  // namespace hearth

// device.json keys of the caller rules (android-modern.md §5): per package "installer" (V-8),
// "suspended" and "appId" (V-1, V-3, S-6 same-app), and the device's "sysconfig" (V-4, W-17) and
// "flags" (S-6, S-7 on Android 15).

#include <hearth/device.h>

#include <string>
#include <string_view>
#include <unordered_map>

#include "device_internal.h"
#include "device_json_fields.h"

namespace hearth::detail {

Result<void> readCallerPackageKeys(const JsonFields& fields, const Json& entry,
                                   const std::string& pointer, InstalledPackage& package) {
    if (entry.contains("installer")) {
        std::string installer;
        if (auto r = fields.readString(entry, pointer, "installer", installer); !r) return r;
        package.installer = installer;
    }
    if (entry.contains("updateOwner")) {
        std::string owner;
        if (auto r = fields.readString(entry, pointer, "updateOwner", owner); !r) return r;
        package.updateOwner = owner;
    }
    if (auto r = fields.readBool(entry, pointer, "suspended", package.suspended); !r) return r;
    if (entry.contains("appId")) {
        int appId = 0;
        if (auto r = fields.readInt(entry, pointer, "appId", 0, kMaxAppId, appId); !r) return r;
        package.appId = appId;
    }
    return ok();
}

Result<void> readSysconfig(const JsonFields& fields, const Json& value, const std::string& pointer,
                           SystemConfig& sysconfig) {
    if (auto r = fields.expectObject(value, pointer); !r) return r;
    if (auto r = fields.checkKeys(
            value, pointer,
            {"appLinkPackages", "forceQueryablePackages", "systemPackagesQueryable"});
        !r) {
        return r;
    }
    if (auto r =
            fields.readStringList(value, pointer, "appLinkPackages", sysconfig.appLinkPackages);
        !r) {
        return r;
    }
    if (auto r = fields.readStringList(value, pointer, "forceQueryablePackages",
                                       sysconfig.forceQueryablePackages);
        !r) {
        return r;
    }
    return fields.readBool(value, pointer, "systemPackagesQueryable",
                           sysconfig.systemPackagesQueryable);
}

Result<void> readDeviceFlags(const JsonFields& fields, const Json& value,
                             const std::string& pointer, DeviceFlags& flags) {
    if (auto r = fields.expectObject(value, pointer); !r) return r;
    if (auto r = fields.checkKeys(value, pointer,
                                  {"enforceIntentFilterMatch", "blockNullActionIntents"});
        !r) {
        return r;
    }
    if (auto r = fields.readBool(value, pointer, "enforceIntentFilterMatch",
                                 flags.enforceIntentFilterMatch);
        !r) {
        return r;
    }
    return fields.readBool(value, pointer, "blockNullActionIntents", flags.blockNullActionIntents);
}

Result<void> readImplicitVisibility(const JsonFields& fields, const Json& value,
                                    const std::string& pointer,
                                    std::vector<ImplicitVisibility>& pairs) {
    if (auto r = fields.expectArray(value, pointer); !r) return r;
    for (size_t i = 0; i < value.size(); ++i) {
        const std::string at = jsonChild(pointer, i);
        const Json& pair = value[i];
        if (auto r = fields.expectObject(pair, at); !r) return r;
        if (auto r = fields.checkKeys(pair, at, {"caller", "target"}); !r) return r;
        ImplicitVisibility entry;
        entry.where = fields.valueAt(at);
        for (auto [key, out] : {std::pair{"caller", &entry.caller},
                                std::pair{"target", &entry.target}}) {
            if (!pair.contains(key)) {
                return Error{fields.valueAt(at),
                             "'" + jsonDisplayName(at) + "' needs '" + key +
                                 "': the package that " +
                                 (std::string_view(key) == "caller" ? "sees the other"
                                                                    : "became visible") +
                                 " (V-9)"};
            }
            if (auto r = fields.readString(pair, at, key, *out); !r) return r;
        }
        pairs.push_back(std::move(entry));
    }
    return ok();
}

void checkCallerKeys(const JsonFields& fields, const Device& device,
                     std::vector<Diagnostic>& diagnostics) {
    // Device::findPackage by name, looked up once per name: these lists are as long as the file
    // lets them be, and a scan of every package per name would make a long one quadratic.
    std::unordered_map<std::string_view, const InstalledPackage*> installed;
    installed.reserve(device.packages.size());
    for (const InstalledPackage& package : device.packages) {
        if (!package.removed) installed.emplace(package.packageName(), &package);  // the first
    }
    const auto findPackage = [&](const std::string& name) -> const InstalledPackage* {
        const auto it = installed.find(name);
        return it == installed.end() ? nullptr : it->second;
    };
    // A name that is not installed is the user's typo: a warning that points at it.
    const auto check = [&](const std::vector<std::string>& names, const std::string& pointer) {
        for (size_t i = 0; i < names.size(); ++i) {
            if (findPackage(names[i])) continue;
            const std::string at = jsonChild(pointer, i);
            diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, fields.valueAt(at),
                                             "'" + jsonDisplayName(at) + "' names '" + names[i] +
                                                 "', which is not installed on the device"});
        }
    };
    check(device.sysconfig.appLinkPackages, "/sysconfig/appLinkPackages");
    check(device.sysconfig.forceQueryablePackages, "/sysconfig/forceQueryablePackages");
    const std::vector<std::string>& appLinks = device.sysconfig.appLinkPackages;
    for (size_t i = 0; i < appLinks.size(); ++i) {
        const InstalledPackage* package = findPackage(appLinks[i]);
        if (!package || package->system) continue;
        const std::string at = jsonChild("/sysconfig/appLinkPackages", i);
        diagnostics.push_back(Diagnostic{
            Diagnostic::Severity::Warning, fields.valueAt(at),
            "'" + jsonDisplayName(at) + "' names '" + appLinks[i] +
                "', which is not a system app: Android honours <app-link> for system apps only "
                "(W-17); ignored"});
    }
    for (size_t i = 0; i < device.implicitVisibility.size(); ++i) {
        const ImplicitVisibility& pair = device.implicitVisibility[i];
        for (auto [key, name] : {std::pair{"caller", &pair.caller},
                                 std::pair{"target", &pair.target}}) {
            if (findPackage(*name)) continue;
            const std::string at = jsonChild(jsonChild("/implicitVisibility", i), key);
            diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, fields.valueAt(at),
                                             "'" + jsonDisplayName(at) + "' names '" + *name +
                                                 "', which is not installed on the device"});
        }
    }
}

}  // namespace hearth::detail

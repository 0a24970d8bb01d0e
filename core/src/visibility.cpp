// Package visibility (android-modern.md §3, Android 11+): whether a calling app's query sees a
// target package (V-1..V-8), including the wildcard-mode filter match of <queries><intent> (V-6).

#include <hearth/caller.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace hearth {

namespace {

constexpr int kVisibilityApi = 30;  // Android 11: FILTER_APPLICATION_QUERY (135549675)
constexpr int kFirstApiWithQueryableViaPermission = 33;  // V-8, version unverified (spec §9)
constexpr int kFirstApiWithUpdateOwner = 34;              // V-8, version unverified (spec §9)
constexpr const char* kQueryAllPackages = "android.permission.QUERY_ALL_PACKAGES";

bool equalsIgnoreAsciiCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// AuthorityEntry.match in wildcard mode: a probe host "*" matches every authority, a probe
// without a host only the authority "*"; ports are ignored.
bool authorityMatches(const FilterAuthority& authority, const std::optional<std::string>& host) {
    if (!host) return authority.host == "*";
    if (*host == "*") return true;
    std::string_view wanted = authority.host;
    std::string_view actual = *host;
    if (!wanted.empty() && wanted.front() == '*') {
        wanted.remove_prefix(1);
        if (actual.size() < wanted.size()) return false;
        actual = actual.substr(actual.size() - wanted.size());
    }
    return equalsIgnoreAsciiCase(actual, wanted);
}

// The probe intent of a <queries><intent> (V-6, ParsingPackageUtils.parseQueries): data
// "scheme://host/*" (no host when none is given), or "content://*/*" for a MIME type alone.
struct Probe {
    std::optional<std::string> action;
    std::vector<std::string> categories;
    std::optional<std::string> scheme;
    std::optional<std::string> host;
    bool hasData = false;
    std::optional<std::string> type;
};

Probe probeOf(const QueriesIntent& element) {
    Probe probe;
    probe.action = element.action;
    probe.categories = element.categories;
    if (element.mimeType) {
        probe.type = *element.mimeType;
        if (probe.type->find('/') == std::string::npos) *probe.type += "/*";
    }
    if (element.scheme) {
        probe.scheme = element.scheme;
        probe.host = element.host;
        probe.hasData = true;
    } else if (probe.type) {
        probe.scheme = "content";
        probe.host = "*";
        probe.hasData = true;
    }
    return probe;
}

// IntentFilter.matchData's scheme, scheme-specific-part, authority and path steps in wildcard
// mode (scheme "*" matches any scheme list, path "/*" any path list). Types are left to match().
bool dataMatches(const IntentFilter& filter, const Probe& probe) {
    if (filter.types.empty() && filter.schemes.empty()) return !probe.type && !probe.hasData;
    if (filter.schemes.empty()) {
        // A filter with only types accepts no data, or content:, file: (M-rules) and "*".
        return !probe.scheme || probe.scheme->empty() || *probe.scheme == "content" ||
               *probe.scheme == "file" || *probe.scheme == "*";
    }
    const std::string scheme = probe.scheme.value_or("");
    if (!contains(filter.schemes, scheme) && scheme != "*") return false;
    bool sspMatched = false;
    if (!filter.ssps.empty() && probe.hasData) {
        const std::string ssp = "//" + probe.host.value_or("") + "/*";
        sspMatched = std::any_of(filter.ssps.begin(), filter.ssps.end(),
                                 [&](const PatternMatcher& m) { return m.match(ssp); });
    }
    if (sspMatched) return true;
    if (filter.authorities.empty()) return filter.ssps.empty() || !probe.hasData;
    const bool authority =
        std::any_of(filter.authorities.begin(), filter.authorities.end(),
                    [&](const FilterAuthority& a) { return authorityMatches(a, probe.host); });
    // With authorities and paths, the probe's path "/*" matches any path list in wildcard mode.
    return authority;
}

// IntentFilter.match(..., wildcardSupported = true) of a probe, result > 0.
bool probeMatches(const IntentFilter& filter, const Probe& probe) {
    if (!dataMatches(filter, probe)) return false;
    // Action, categories and type through the ordinary matcher, on the filter without its data
    // (already judged above). Action "*" matches any filter that has an action.
    IntentFilter rest = filter;
    rest.schemes.clear();
    rest.ssps.clear();
    rest.authorities.clear();
    rest.paths.clear();
    Intent intent;
    if (probe.action && *probe.action == "*") {
        if (filter.actions.empty()) return false;
        intent.action = filter.actions.front();
    } else {
        intent.action = probe.action;
    }
    for (const std::string& category : probe.categories) intent.addCategory(category);
    intent.type = probe.type;
    return rest.match(intent) > 0;
}

std::string singleQuoted(std::string_view name) { return "'" + std::string(name) + "'"; }

}  // namespace

std::optional<std::string> queriesIntentMatch(const QueriesIntent& element,
                                              const InstalledPackage& target) {
    const Probe probe = probeOf(element);
    for (const Component& component : target.manifest.components) {
        if (!component.exported) continue;
        for (const IntentFilter& filter : component.filters) {
            if (probeMatches(filter, probe)) return component.name;
        }
    }
    return std::nullopt;
}

std::optional<Visibility> unfilteredCaller(const Caller& caller, const Device& device) {
    const std::string name = singleQuoted(callerName(caller));
    if (device.apiLevel < kVisibilityApi) {
        return Visibility{
            true, "V-1",
            "package visibility starts with Android 11 (API 30); this device is API " +
                std::to_string(device.apiLevel)};
    }
    if (caller.kind != CallerKind::Package) {
        return Visibility{true, "V-1",
                          name + " is not an app (app id below 10000): it sees every package"};
    }
    const InstalledPackage* package = device.findPackage(caller.packageName);
    if (!package) return Visibility{true, "V-1", name + " is not installed"};
    const int appId = appIdOf(*package, device);
    if (appId < app_id::kFirstApplication) {
        return Visibility{true, "V-1",
                          name + " runs as app id " + std::to_string(appId) +
                              " (below 10000): it sees every package"};
    }
    const int target = callerTargetSdk(caller, device);
    if (target < kVisibilityApi) {
        return Visibility{true, "V-1",
                          name + " targets API " + std::to_string(target) +
                              " (below 30): its queries are not filtered"};
    }
    if (package->manifest.requestsPermission(kQueryAllPackages)) {
        return Visibility{true, "V-2",
                          name + " requests QUERY_ALL_PACKAGES: it sees every package"};
    }
    return std::nullopt;
}

namespace {

bool listed(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// V-8: the relationships that make target visible to self, in AppsFilter's order. The API
// levels of the update-owner and permission relations are not pinned by the spec (its §9):
// update owners are an Android 14 concept, queryable-via-uses-permission came with 13.
std::optional<std::string> relationTo(const InstalledPackage& self, const InstalledPackage& target,
                                      const Device& device) {
    const std::string who = singleQuoted(self.packageName());
    const std::string what = singleQuoted(target.packageName());
    if (self.installer && *self.installer == target.packageName()) {
        return what + " installed " + who + " (an app sees its installer)";
    }
    if (device.apiLevel >= kFirstApiWithUpdateOwner && self.updateOwner &&
        *self.updateOwner == target.packageName()) {
        return what + " is the update owner of " + who;
    }
    const PackageRelations& mine = self.manifest.relations;
    const PackageRelations& theirs = target.manifest.relations;
    if (listed(mine.instrumentationTargets, target.packageName())) {
        return who + " instruments " + what + " (<instrumentation android:targetPackage>)";
    }
    if (listed(theirs.instrumentationTargets, self.packageName())) {
        return what + " instruments " + who + " (<instrumentation android:targetPackage>)";
    }
    for (const std::string& library : mine.usesLibraries) {
        if (listed(theirs.libraries, library)) {
            return who + " uses the library '" + library + "' that " + what + " provides";
        }
    }
    if (device.apiLevel >= kFirstApiWithQueryableViaPermission) {
        for (const UsesPermission& uses : self.manifest.usesPermissions) {
            if (listed(theirs.permissions, uses.name)) {
                return who + " requests the permission '" + uses.name + "' that " + what +
                       " defines";
            }
        }
    }
    return std::nullopt;
}

}  // namespace

Visibility packageVisibility(const Caller& caller, const InstalledPackage& target,
                             const Device& device) {
    if (std::optional<Visibility> all = unfilteredCaller(caller, device)) return *all;
    const InstalledPackage& self = *device.findPackage(caller.packageName);
    const std::string who = singleQuoted(caller.packageName);
    const std::string what = singleQuoted(target.packageName());
    const int targetAppId = appIdOf(target, device);
    if (targetAppId == appIdOf(self, device)) {
        return {true, "V-1", what + " runs as the caller's own app id"};
    }
    if (targetAppId < app_id::kFirstApplication) {
        return {true, "V-3",
                what + " runs as app id " + std::to_string(targetAppId) +
                    " (below 10000): always visible"};
    }
    if (target.system) {
        if (device.sysconfig.systemPackagesQueryable) {
            return {true, "V-4",
                    what +
                        " is a system app and the device makes system apps queryable "
                        "(sysconfig 'systemPackagesQueryable')"};
        }
        if (target.manifest.application.forceQueryable) {
            return {true, "V-4", what + " is a system app with android:forceQueryable=\"true\""};
        }
        if (contains(device.sysconfig.forceQueryablePackages, target.packageName())) {
            return {true, "V-4", what + " is a system app in sysconfig 'forceQueryablePackages'"};
        }
    }
    const Queries& queries = self.manifest.queries;
    if (contains(queries.packages, target.packageName())) {
        return {true, "V-5", who + " declares <queries><package android:name=" + what + ">"};
    }
    for (const QueriesIntent& element : queries.intents) {
        if (std::optional<std::string> component = queriesIntentMatch(element, target)) {
            return {true, "V-6",
                    who + " declares a <queries><intent> (line " +
                        std::to_string(element.where.line) + ") that matches exported '" +
                        *component + "'"};
        }
    }
    for (const std::string& authority : queries.providerAuthorities) {
        for (const Component& component : target.manifest.components) {
            if (component.kind != ComponentKind::Provider || !component.exported) continue;
            std::string_view rest = component.authorities;
            while (!rest.empty()) {
                const size_t semi = rest.find(';');
                if (rest.substr(0, semi) == authority) {
                    return {true, "V-7",
                            who + " declares <queries><provider android:authorities=\"" +
                                authority + "\"> of exported '" + component.name + "'"};
                }
                if (semi == std::string_view::npos) break;
                rest.remove_prefix(semi + 1);
            }
        }
    }
    if (std::optional<std::string> relation = relationTo(self, target, device)) {
        return {true, "V-8", *relation};
    }
    for (const ImplicitVisibility& pair : device.implicitVisibility) {
        if (pair.caller == caller.packageName && pair.target == target.packageName()) {
            return {true, "V-9",
                    what + " interacted with " + who +
                        " at run time (device.json 'implicitVisibility', line " +
                        std::to_string(pair.where.line) + ")"};
        }
    }
    return {false, "V-10",
            what + " is not visible to " + who + ", which targets API " +
                std::to_string(callerTargetSdk(caller, device)) +
                ": no <queries> entry, QUERY_ALL_PACKAGES request, force-queryable system app, "
                "relationship (V-8) or run-time interaction (V-9) makes it visible"};
}

}  // namespace hearth

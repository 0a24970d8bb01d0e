// The device state as the rules read it, one line a fact (device_facts.h).

#include <hearth/app_links.h>
#include <hearth/caller.h>
#include <hearth/device_facts.h>

#include <algorithm>
#include <ctime>
#include <string>
#include <vector>

namespace hearth {

namespace {


std::string yesNo(bool value) { return value ? "true" : "false"; }

std::string joined(const std::vector<std::string>& names) {
    if (names.empty()) return "none";
    std::string out;
    for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
    return out;
}

// firstInstallTime as UTC ISO 8601, the form device.json accepts.
std::string isoTime(int64_t millis) {
    const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

}  // namespace

std::vector<Fact> deviceFacts(const Device& device) {
    std::vector<Fact> out;
    out.push_back({"api", std::to_string(device.apiLevel)});
    out.push_back({"userUnlocked", yesNo(device.userUnlocked)});
    out.push_back({"userSetupComplete", yesNo(device.userSetupComplete)});
    const std::optional<DefaultBrowser> browser = defaultBrowser(device);
    std::string browserText = "none";
    if (device.roles.browser && device.roles.browser->empty()) {
        browserText = "none (the user's None: null)";
    } else if (browser) {
        browserText = browser->package + (browser->rule == "W-41" ? " (W-41 fallback holder)" : "");
    }
    out.push_back({"roles.browser", browserText});
    out.push_back({"roles.home", device.roles.home ? *device.roles.home : "not set (H-9 fallback)"});
    out.push_back({"sysconfig.appLinkPackages", joined(device.sysconfig.appLinkPackages)});
    out.push_back(
        {"sysconfig.forceQueryablePackages", joined(device.sysconfig.forceQueryablePackages)});
    out.push_back(
        {"sysconfig.systemPackagesQueryable", yesNo(device.sysconfig.systemPackagesQueryable)});
    out.push_back({"flags.enforceIntentFilterMatch", yesNo(device.flags.enforceIntentFilterMatch)});
    out.push_back({"flags.blockNullActionIntents", yesNo(device.flags.blockNullActionIntents)});
    std::vector<std::string> pairs;
    for (const ImplicitVisibility& pair : device.implicitVisibility) {
        pairs.push_back(pair.caller + " sees " + pair.target);
    }
    out.push_back({"implicitVisibility", joined(pairs)});
    return out;
}

std::vector<Fact> packageFacts(const Device& device, const InstalledPackage& package) {
    const Manifest& manifest = package.manifest;
    std::vector<Fact> out;
    out.push_back({"system", yesNo(package.system)});
    out.push_back({"privileged", yesNo(package.privileged)});
    out.push_back({"enabled", yesNo(package.enabled)});
    out.push_back({"suspended", yesNo(package.suspended)});
    const int target = manifest.effectiveTargetSdk();
    out.push_back({"targetSdk", target > 0 ? std::to_string(target) : "unknown (no <uses-sdk>)"});
    out.push_back({"minSdk", std::to_string(manifest.effectiveMinSdk())});
    out.push_back({"appId", std::to_string(appIdOf(package, device)) +
                                (package.appId ? "" : " (not given: one per package from 10000)")});
    out.push_back({"firstInstallTime",
                   package.firstInstallTime ? isoTime(*package.firstInstallTime) : "unknown"});
    out.push_back({"installer", package.installer ? *package.installer : "none"});
    out.push_back({"updateOwner", package.updateOwner ? *package.updateOwner : "none"});
    const AppLinksState& links = package.appLinks;
    std::vector<std::string> domains;
    for (const DomainStateEntry& entry : links.domains) {
        domains.push_back(entry.domain + ": " + domainStateName(entry.state));
    }
    out.push_back({"appLinks.domains", joined(domains)});
    out.push_back({"appLinks.linkHandlingAllowed", yesNo(links.linkHandlingAllowed)});
    out.push_back({"appLinks.selectedHosts", joined(links.selectedHosts)});
    out.push_back({"appLinks.legacyStatus",
                   std::string(legacyLinkStatusName(links.legacyStatus)) +
                       (links.legacyGeneration ? " (generation " +
                                                     std::to_string(links.legacyGeneration) + ")"
                                               : "")});
    out.push_back({"sysconfig <app-link>", yesNo(links.sysconfigAppLink)});
    std::vector<std::string> permissions;
    for (const UsesPermission& uses : manifest.usesPermissions) permissions.push_back(uses.name);
    out.push_back({"<uses-permission>", joined(permissions)});
    std::vector<std::string> queries = manifest.queries.packages;
    for (const QueriesIntent& intent : manifest.queries.intents) {
        queries.push_back("intent " + intent.probe().toShortString());
    }
    for (const std::string& authority : manifest.queries.providerAuthorities) {
        queries.push_back("provider " + authority);
    }
    out.push_back({"<queries>", joined(queries)});
    out.push_back({"forceQueryable", yesNo(manifest.application.forceQueryable)});
    const PackageRelations& relations = manifest.relations;
    out.push_back({"<instrumentation> targets", joined(relations.instrumentationTargets)});
    out.push_back({"<uses-library>", joined(relations.usesLibraries)});
    out.push_back({"<library>", joined(relations.libraries)});
    out.push_back({"<permission>", joined(relations.permissions)});
    return out;
}

std::vector<HostLinkFact> hostLinkFacts(const Device& device, const InstalledPackage& package) {
    const DeclaredDomains declared = declaredDomains(package);
    std::vector<std::string> hosts = declared.autoVerify;
    for (const std::string& host : declared.web) {
        if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) hosts.push_back(host);
    }
    const AppLinksState& links = package.appLinks;
    std::vector<HostLinkFact> out;
    for (const std::string& host : hosts) {
        HostLinkFact fact;
        fact.host = host;
        fact.autoVerify = std::find(declared.autoVerify.begin(), declared.autoVerify.end(),
                                    host) != declared.autoVerify.end();
        for (const DomainStateEntry& entry : links.domains) {
            if (entry.domain == host) fact.state = entry.state;
        }
        fact.selected = std::find(links.selectedHosts.begin(), links.selectedHosts.end(), host) !=
                        links.selectedHosts.end();
        if (device.apiLevel >= kFirstApiWithDomainVerificationService) {
            fact.approval = approvalFor(package, host, device.apiLevel);
        } else {
            fact.approval.reason = std::string("API ") + std::to_string(device.apiLevel) +
                                   ": the link status decides ('legacyStatus' " +
                                   legacyLinkStatusName(links.legacyStatus) + ", W-10)";
        }
        out.push_back(std::move(fact));
    }
    return out;
}

}  // namespace hearth

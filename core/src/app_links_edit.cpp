// App Links state edits (app_links_edit.h): W-21 states, W-22 selections, the W-30 removals.

#include <hearth/app_links.h>
#include <hearth/app_links_edit.h>

#include <algorithm>
#include <string>

namespace hearth {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// The installed package, when it declares the host: among its autoVerify domains (W-21 states
// exist only for those) or among its web domains (what a user may select), W-20.
Result<InstalledPackage*> declaring(Device& device, const std::string& packageName,
                                    const std::string& host, bool autoVerify) {
    InstalledPackage* package = device.findPackage(packageName);
    if (!package) return makeError("'" + packageName + "' is not installed");
    const DeclaredDomains declared = declaredDomains(*package);
    if (contains(autoVerify ? declared.autoVerify : declared.web, host)) return package;
    if (autoVerify) {
        return makeError("'" + host + "' is not an autoVerify domain of '" + packageName +
                         "' (W-20): Android keeps no verification state for it");
    }
    return makeError("'" + host + "' is not a web domain of '" + packageName +
                     "' (a VIEW + BROWSABLE + DEFAULT http(s) filter host, W-20)");
}

// W-30: a host the user selects for one package leaves every other package's selections.
bool removeSelections(Device& device, const std::string& host) {
    bool changed = false;
    for (InstalledPackage& package : device.packages) {
        changed = std::erase(package.appLinks.selectedHosts, host) > 0 || changed;
    }
    return changed;
}

}  // namespace

Result<bool> setDomainState(Device& device, const std::string& packageName,
                            const std::string& domain, int state) {
    Result<InstalledPackage*> found = declaring(device, packageName, domain, true);
    if (!found) return found.error();
    InstalledPackage& package = **found;
    std::vector<DomainStateEntry>& domains = package.appLinks.domains;
    auto entry = std::find_if(domains.begin(), domains.end(),
                              [&](const DomainStateEntry& e) { return e.domain == domain; });
    const int before = entry == domains.end() ? domain_state::kNone : entry->state;
    bool changed = before != state;
    if (state == domain_state::kNone) {
        if (entry != domains.end()) domains.erase(entry);
    } else if (entry == domains.end()) {
        domains.push_back(DomainStateEntry{domain, state, package.appLinks.where});
    } else {
        entry->state = state;
    }
    if (state == domain_state::kVerified || state == domain_state::kApproved) {
        revokeSupersededSelections(device, package, [&](auto&&...) { changed = true; });
    }
    return changed;
}

Result<bool> setHostSelected(Device& device, const std::string& packageName,
                             const std::string& host, bool selected) {
    Result<InstalledPackage*> found = declaring(device, packageName, host, false);
    if (!found) return found.error();
    InstalledPackage& package = **found;
    std::vector<std::string>& hosts = package.appLinks.selectedHosts;
    if (!selected) return std::erase(hosts, host) > 0;
    if (contains(hosts, host)) return false;
    if (device.apiLevel < kFirstApiWithDomainVerificationService) {
        hosts.push_back(host);  // no W-30 before Android 12: selections stand side by side
        return true;
    }
    for (const InstalledPackage& other : device.packages) {
        if (&other == &package || other.removed || !other.appLinks.linkHandlingAllowed) continue;
        for (const DomainStateEntry& entry : other.appLinks.domains) {
            // A level above SELECTION (W-23 step 6) refuses the selection.
            if (entry.domain == host && isVerifiedDomainState(entry.state)) {
                return makeError("'" + other.packageName() + "' has '" + host + "' " +
                                 domainStateName(entry.state) +
                                 ", so the user cannot select it for '" + packageName +
                                 "' (ERROR_UNABLE_TO_APPROVE, W-30)");
            }
        }
    }
    removeSelections(device, host);
    hosts.push_back(host);
    return true;
}

Result<bool> setLinkHandlingAllowed(Device& device, const std::string& packageName, bool allowed) {
    // Any listed package, removed ones too: the explorer keeps their state to re-add them.
    const auto listed = std::find_if(
        device.packages.begin(), device.packages.end(),
        [&](const InstalledPackage& package) { return package.packageName() == packageName; });
    if (listed == device.packages.end()) return makeError("'" + packageName + "' is not installed");
    if (listed->appLinks.linkHandlingAllowed == allowed) return false;
    listed->appLinks.linkHandlingAllowed = allowed;
    if (allowed) revokeSupersededSelections(device, *listed);
    return true;
}

void revokeSupersededSelections(Device& device, const InstalledPackage& owner,
                                const RevokedSelection& revoked) {
    if (device.apiLevel < kFirstApiWithDomainVerificationService) return;
    // W-30: a verification in a user whose link handling is off removes nothing there.
    if (owner.removed || !owner.appLinks.linkHandlingAllowed) return;
    for (const DomainStateEntry& entry : owner.appLinks.domains) {
        if (entry.state != domain_state::kVerified && entry.state != domain_state::kApproved) {
            continue;
        }
        for (InstalledPackage& other : device.packages) {
            std::erase_if(other.appLinks.selectedHosts, [&](const std::string& host) {
                if (host != entry.domain) return false;
                if (revoked) revoked(other, host, owner, entry.state);
                return true;
            });
        }
    }
}

}  // namespace hearth

// `pm get-app-links` (android-modern.md W-50): the declared domains (W-20), their states (W-21)
// and the user's link-handling state (W-22), printed the way DomainVerificationDebug prints them.

#include <hearth/app_links_report.h>
#include <hearth/device.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "json_contract.h"
#include "unicode.h"

namespace hearth {

namespace {

constexpr int kFirstApiWithGetAppLinks = 31;

// ArrayMap/ArraySet order: ascending String.hashCode, ties in insertion order.
std::vector<std::string> hashOrdered(std::vector<std::string> values) {
    std::stable_sort(values.begin(), values.end(), [](const std::string& a, const std::string& b) {
        return text::javaHashCode(a) < text::javaHashCode(b);
    });
    return values;
}

// A stable stand-in for the domain-set UUID, which only a real device knows.
std::string standInId(const std::string& packageName) {
    uint64_t a = 1469598103934665603ULL;
    uint64_t b = 1099511628211ULL ^ 0x9E3779B97F4A7C15ULL;
    for (char c : packageName) {
        a = (a ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
        b = (b ^ static_cast<unsigned char>(c)) * 0x100000001B3ULL + 7;
    }
    char text[40];
    std::snprintf(text, sizeof text, "%08x-%04x-4%03x-%04x-%012llx",
                  static_cast<unsigned>(a >> 32), static_cast<unsigned>((a >> 16) & 0xFFFF),
                  static_cast<unsigned>(a & 0xFFF),
                  static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3FFF)),
                  static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
    return text;
}

int stateOf(const InstalledPackage& package, const std::string& domain) {
    for (const DomainStateEntry& entry : package.appLinks.domains) {
        if (entry.domain == domain) return entry.state;
    }
    return domain_state::kNone;
}

struct PackageLinks {
    const InstalledPackage* package = nullptr;
    DeclaredDomains domains;
    std::vector<std::string> enabled;   // selected web domains
    std::vector<std::string> disabled;  // the other web domains
};

Result<std::vector<PackageLinks>> collect(const Device& device, const AppLinksQuery& query) {
    if (device.apiLevel < kFirstApiWithGetAppLinks) {
        return makeError("'pm get-app-links' exists from Android 12 (API 31); this device is API " +
                         std::to_string(device.apiLevel) +
                         ", where each package has a link status instead ('appLinks.legacyStatus', "
                         "W-10)");
    }
    if (query.user && *query.user != "0" && *query.user != "all" && *query.user != "cur") {
        return makeError("Error: user " + *query.user + " not found (a Hearth device has user 0)");
    }
    std::vector<const InstalledPackage*> packages;
    if (query.package) {
        const InstalledPackage* package = device.findPackage(*query.package);
        if (!package) return makeError("Error: package " + *query.package + " unavailable");
        packages.push_back(package);
    } else {
        std::vector<std::string> names;
        for (const InstalledPackage& package : device.packages) {
            if (!package.removed) names.push_back(package.packageName());
        }
        for (const std::string& name : hashOrdered(names)) {
            packages.push_back(device.findPackage(name));
        }
    }
    std::vector<PackageLinks> out;
    for (const InstalledPackage* package : packages) {
        PackageLinks links{package, declaredDomains(*package), {}, {}};
        links.domains.autoVerify = hashOrdered(links.domains.autoVerify);
        links.domains.invalidAutoVerify = hashOrdered(links.domains.invalidAutoVerify);
        links.domains.web = hashOrdered(links.domains.web);
        const auto& selected = package->appLinks.selectedHosts;
        for (const std::string& domain : links.domains.web) {
            const bool on = std::find(selected.begin(), selected.end(), domain) != selected.end();
            (on ? links.enabled : links.disabled).push_back(domain);
        }
        out.push_back(std::move(links));
    }
    return out;
}

bool hasHeader(const PackageLinks& links) {
    return !links.domains.autoVerify.empty() || !links.domains.invalidAutoVerify.empty();
}

}  // namespace

Result<std::string> renderAppLinksText(const Device& device, const AppLinksQuery& query) {
    Result<std::vector<PackageLinks>> collected = collect(device, query);
    if (!collected) return collected.error();
    std::string out;
    for (const PackageLinks& links : *collected) {
        const std::string& name = links.package->packageName();
        const bool header = hasHeader(links);
        if (header) {
            out += "  " + name + ":\n";
            out += "    ID: " + standInId(name) + "\n";
            out += "    Signatures: []\n";
            if (!links.domains.invalidAutoVerify.empty()) {
                out += "    Invalid autoVerify domains:\n";
                for (const std::string& domain : links.domains.invalidAutoVerify) {
                    out += "      " + domain + "\n";
                }
            }
            out += "    Domain verification state:\n";
            for (const std::string& domain : links.domains.autoVerify) {
                out += "      " + domain + ": " +
                       domainStateName(stateOf(*links.package, domain)) + "\n";
            }
        }
        if (!query.user || links.domains.web.empty()) continue;
        if (!header) out += "  " + name + " " + standInId(name) + ":\n";
        out += "    User " + std::string(*query.user == "all" ? "all" : "0") + ":\n";
        out += std::string("      Verification link handling allowed: ") +
               (links.package->appLinks.linkHandlingAllowed ? "true" : "false") + "\n";
        out += "      Selection state:\n";
        for (const auto& [title, list] :
             {std::pair{"Enabled", &links.enabled}, std::pair{"Disabled", &links.disabled}}) {
            if (list->empty()) continue;
            out += std::string("        ") + title + ":\n";
            for (const std::string& domain : *list) out += "          " + domain + "\n";
        }
    }
    return out;
}

Result<std::string> renderAppLinksJson(const Device& device, const AppLinksQuery& query) {
    Result<std::vector<PackageLinks>> collected = collect(device, query);
    if (!collected) return collected.error();
    nlohmann::ordered_json packages = nlohmann::ordered_json::array();
    for (const PackageLinks& links : *collected) {
        if (!hasHeader(links) && (!query.user || links.domains.web.empty())) continue;
        nlohmann::ordered_json entry;
        entry["package"] = links.package->packageName();
        entry["id"] = standInId(links.package->packageName());
        nlohmann::ordered_json states = nlohmann::ordered_json::object();
        for (const std::string& domain : links.domains.autoVerify) {
            states[domain] = domainStateName(stateOf(*links.package, domain));
        }
        entry["autoVerifyDomains"] = std::move(states);
        entry["invalidAutoVerifyDomains"] = links.domains.invalidAutoVerify;
        entry["webDomains"] = links.domains.web;
        if (query.user) {
            entry["user"] = {{"linkHandlingAllowed", links.package->appLinks.linkHandlingAllowed},
                             {"enabled", links.enabled},
                             {"disabled", links.disabled}};
        }
        packages.push_back(std::move(entry));
    }
    nlohmann::ordered_json out = json_contract::answerHeader(device, nullptr);
    out["packages"] = std::move(packages);
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace hearth

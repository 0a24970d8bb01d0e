// Reverse lookup: which filters claim a scheme, host, path, type, action or category. Each part
// is tested with the matcher's own tests (filterHostMatches, filterTypeMatches, PatternMatcher),
// so a claim never disagrees with what IntentFilter.match would decide for that part.

#include <hearth/claims.h>

#include <hearth/app_links.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/uri.h>

#include <algorithm>
#include <tuple>

namespace hearth {
namespace {

constexpr int kFirstApiWithDomainVerification = 31;  // W-21: Android 12
constexpr int kFirstApiWithLinkStatus = 23;           // W-10: Android 6

bool contains(const std::vector<std::string>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool isWildcardHost(std::string_view host) { return !host.empty() && host.front() == '*'; }

// M-14 both ways: a wildcard query host ("*.example.com") asks whether the filter's host and the
// query share a host; treating either side as the pattern answers that.
bool hostClaimed(std::string_view filterHost, std::string_view wanted) {
    if (filterHostMatches(filterHost, wanted)) return true;
    return isWildcardHost(wanted) && filterHostMatches(wanted, filterHost);
}

// M-9.1 and M-10: a filter with schemes takes exactly those; a types-only filter takes content:
// and file: URIs (and scheme-less ones).
bool schemeClaimed(const IntentFilter& filter, std::string_view scheme) {
    if (!filter.schemes.empty()) return contains(filter.schemes, scheme);
    return !filter.types.empty() && (scheme == "content" || scheme == "file");
}

// M-9.3: authorities count only when the filter has a scheme; with none declared, every host
// passes (the scheme alone decides).
bool hostPartClaimed(const IntentFilter& filter, std::string_view host) {
    if (filter.schemes.empty()) return false;
    if (filter.authorities.empty()) return true;
    return std::any_of(filter.authorities.begin(), filter.authorities.end(),
                       [&](const FilterAuthority& a) { return hostClaimed(a.host, host); });
}

// M-9.3: paths count once an authority matched; no paths (or no authorities) take any path.
bool pathClaimed(const IntentFilter& filter, std::string_view path) {
    if (filter.schemes.empty()) return false;
    if (filter.authorities.empty() || filter.paths.empty()) return true;
    return std::any_of(filter.paths.begin(), filter.paths.end(),
                       [&](const PatternMatcher& p) { return p.match(path); });
}

// The no-selector question: what a link can open (VIEW + BROWSABLE + a scheme).
bool isDeepLinkFilter(const IntentFilter& filter) {
    return filter.hasAction(names::kActionView) && filter.hasCategory(names::kCategoryBrowsable) &&
           !filter.schemes.empty();
}

bool filterClaims(const IntentFilter& filter, const ClaimSelector& selector) {
    if (!selector.asksForValues()) {
        // Only a component: everything it accepts; nothing at all: every deep link.
        return selector.component.has_value() || isDeepLinkFilter(filter);
    }
    if (selector.action && !filter.hasAction(*selector.action)) return false;
    if (selector.category && !filter.hasCategory(*selector.category)) return false;
    if (selector.scheme && !schemeClaimed(filter, *selector.scheme)) return false;
    if (selector.host && !hostPartClaimed(filter, *selector.host)) return false;
    if (selector.path && !pathClaimed(filter, *selector.path)) return false;
    if (selector.type && (filter.types.empty() || !filterTypeMatches(filter.types, *selector.type))) {
        return false;
    }
    return true;
}

std::string pathTemplate(const PatternMatcher& path) {
    switch (path.kind()) {
        case PatternKind::Literal:
            return path.pattern();
        case PatternKind::Prefix:
            return path.pattern() + "*";
        case PatternKind::Suffix:
            return "*" + path.pattern();
        case PatternKind::SimpleGlob:
        case PatternKind::AdvancedGlob:
            break;
    }
    return path.pattern();
}

std::vector<DomainClaim> domainClaims(const InstalledPackage& package, const IntentFilter& filter,
                                      int apiLevel) {
    std::vector<DomainClaim> out;
    if (apiLevel < kFirstApiWithLinkStatus || !handlesWebUris(filter, false)) return out;
    for (const FilterAuthority& authority : filter.authorities) {
        if (authority.host.empty() ||
            std::any_of(out.begin(), out.end(),
                        [&](const DomainClaim& d) { return d.host == authority.host; })) {
            continue;
        }
        DomainClaim claim{authority.host, "", ""};
        if (apiLevel >= kFirstApiWithDomainVerification) {
            const Approval approval = approvalFor(package, authority.host, apiLevel);
            claim.state = approvalLevelName(approval.level);
            claim.reason = approval.reason;
        } else {
            claim.state = legacyLinkStatusName(package.appLinks.legacyStatus);
            claim.reason = "the package's link-handling status (W-10)";
        }
        out.push_back(std::move(claim));
    }
    return out;
}

}  // namespace

Result<ClaimSelector> validateClaimSelector(ClaimSelector selector) {
    for (auto [value, option] : {std::pair{&selector.scheme, "--scheme"}, {&selector.host, "--host"},
                                 {&selector.path, "--path"}, {&selector.action, "--action"},
                                 {&selector.category, "--category"}}) {
        if (*value && (*value)->empty()) return makeError(std::string(option) + " must not be empty");
    }
    if (selector.type) {
        if (Result<std::string> type = validateMimeType(*selector.type); !type) {
            return makeError("--type: " + type.error().message);
        }
    }
    if (selector.host && selector.host->find_first_of(":/") != std::string::npos) {
        return makeError("--host '" + *selector.host +
                         "' must be a host name alone (give the scheme with --scheme, the path "
                         "with --path)");
    }
    return selector;
}

Result<ClaimSelector> applyClaimUrl(ClaimSelector selector, std::string_view url) {
    const Uri uri = Uri::parse(url);
    if (!uri.scheme() || uri.scheme()->empty()) {
        return makeError("--url '" + std::string(url) +
                         "' has no scheme (write it as scheme://host/path)");
    }
    for (auto [slot, part, option] :
         {std::tuple{&selector.scheme, &uri.scheme(), "--scheme"},
          std::tuple{&selector.host, &uri.host(), "--host"},
          std::tuple{&selector.path, &uri.path(), "--path"}}) {
        if (!*part || (*part)->empty()) continue;
        if (*slot && **slot != **part) {
            return makeError(std::string(option) + " '" + **slot + "' disagrees with --url's '" +
                             **part + "'");
        }
        *slot = **part;
    }
    return selector;
}

std::vector<std::string> dataTemplates(const IntentFilter& filter) {
    std::vector<std::string> out;
    for (const std::string& scheme : filter.schemes) {
        const std::string prefix = scheme.empty() ? std::string() : scheme + ":";
        if (filter.authorities.empty()) {
            if (filter.ssps.empty()) out.push_back(prefix + "*");
            for (const PatternMatcher& ssp : filter.ssps) out.push_back(prefix + pathTemplate(ssp));
            continue;
        }
        for (const FilterAuthority& authority : filter.authorities) {
            std::string base = prefix + "//" + authority.host;
            if (authority.port && *authority.port >= 0) base += ":" + std::to_string(*authority.port);
            if (filter.paths.empty()) {
                out.push_back(base + (isWebScheme(scheme) ? "/*" : "*"));
                continue;
            }
            for (const PatternMatcher& path : filter.paths) out.push_back(base + pathTemplate(path));
        }
    }
    return out;
}

std::vector<Claim> findClaims(const Device& device, const ClaimSelector& selector) {
    std::vector<Claim> out;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed) continue;
        if (selector.component && selector.component->packageName != package.packageName()) {
            continue;
        }
        for (const Component& component : package.manifest.components) {
            const bool activityLike = component.kind == ComponentKind::Activity ||
                                      component.kind == ComponentKind::ActivityAlias;
            if (!activityLike && !selector.allKinds && !selector.component) continue;
            if (selector.component && selector.component->className != component.name) continue;
            for (size_t i = 0; i < component.filters.size(); ++i) {
                const IntentFilter& filter = component.filters[i];
                if (!filterClaims(filter, selector)) continue;
                Claim claim;
                claim.component = {package.packageName(), component.name};
                claim.kind = component.kind;
                claim.exported = component.exported;
                claim.enabled = package.isComponentEnabled(component);
                claim.filterIndex = static_cast<int>(i);
                claim.filter = &filter;
                claim.urls = dataTemplates(filter);
                claim.domains = domainClaims(package, filter, device.apiLevel);
                out.push_back(std::move(claim));
            }
        }
    }
    return out;
}

}  // namespace hearth

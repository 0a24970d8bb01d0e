// Web intents and App Links (spec android-modern.md §1.1, §2.1-§2.4): filter classification, the
// domains a package declares (W-20), approval levels (W-23), and the domain-filtering step of the
// query pipeline for Android 6-11 (W-10..W-15) and 12+ (W-24..W-28), with the default browser
// collapse (W-14). Pure functions over the device.

#include <hearth/app_links.h>
#include <hearth/device.h>
#include <hearth/package_index.h>

#include <algorithm>
#include <cctype>

#include "unicode.h"

namespace hearth {

namespace {

constexpr int kFirstApiWithAppLinks = 23;
constexpr int kFirstApiWithRestrictedDomains = 31;  // RESTRICT_DOMAINS 175408749 (W-20)
constexpr int kFirstApiWithBrowserRole = 29;            // W-14: RoleManager's BROWSER role
constexpr int kFirstApiWithSystemBrowserFallback = 31;  // W-41: "the only system package" step
constexpr int kFirstApiWithApprovalStep1 = 35;      // W-23 step 1 (absent from the A12 copy)

bool isAsciiAlnum(unsigned char c) { return std::isalnum(c) != 0 && c < 0x80; }
bool isAsciiAlpha(unsigned char c) { return std::isalpha(c) != 0 && c < 0x80; }
// Patterns.UCS_CHAR: the non-ASCII letters IRIs allow; any UTF-8 byte of a non-ASCII character.
bool isUcs(unsigned char c) { return c >= 0x80; }
bool isLabelChar(unsigned char c) { return isAsciiAlnum(c) || isUcs(c); }

// Patterns.IRI_LABEL: a label char, then up to 61 of label chars, '_' or '-', ending on a label
// char.
bool isIriLabel(std::string_view label) {
    if (label.empty() || label.size() > 63) return false;
    if (!isLabelChar(static_cast<unsigned char>(label.front()))) return false;
    if (!isLabelChar(static_cast<unsigned char>(label.back()))) return false;
    for (char c : label) {
        const auto u = static_cast<unsigned char>(c);
        if (!isLabelChar(u) && c != '_' && c != '-') return false;
    }
    return true;
}

// Patterns TLD: "xn--" punycode ([\w-]{0,58}\w) or 2..63 letters.
bool isTld(std::string_view label) {
    // Case-insensitive like the rest of DOMAIN_NAME (W-20). The shared Java fold is exact here: no
    // non-ASCII character folds to 'x', 'n' or '-', so it accepts what an ASCII-only fold would.
    if (label.size() >= 5 && text::equalsIgnoreCase(label.substr(0, 4), "xn--")) {
        const std::string_view rest = label.substr(4);
        if (rest.size() > 59) return false;
        auto word = [](char c) { return isAsciiAlnum(static_cast<unsigned char>(c)) || c == '_'; };
        if (!word(rest.back())) return false;
        return std::all_of(rest.begin(), rest.end(), [&](char c) { return word(c) || c == '-'; });
    }
    if (label.size() < 2 || label.size() > 63) return false;
    return std::all_of(label.begin(), label.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return isAsciiAlpha(u) || isUcs(u);
    });
}

// One part of Patterns.IP_ADDRESS: 25[0-5] | 2[0-4][0-9] | [0-1][0-9]{2} | [1-9][0-9] | [1-9],
// plus "0" where the pattern allows it (parts 2-4).
bool isIpPart(std::string_view part, bool allowZero) {
    if (!std::all_of(part.begin(), part.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
        return false;
    }
    switch (part.size()) {
        case 1:
            return part[0] != '0' || allowZero;
        case 2:
            return part[0] != '0';
        case 3:
            if (part[0] == '0' || part[0] == '1') return true;
            if (part[0] != '2') return false;
            return part[1] < '5' || (part[1] == '5' && part[2] <= '5');
        default:
            return false;
    }
}

std::vector<std::string_view> splitDots(std::string_view text) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
        const size_t dot = text.find('.', start);
        parts.push_back(text.substr(start, dot == std::string_view::npos ? text.npos : dot - start));
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    return parts;
}


// targetSdkVersion as Android defaults it (minSdkVersion, itself 1 when absent); device.json
// overrides are already written into the manifest. TODO(parser): use the manifest model's own
// effective targetSdk once it lands.
int targetSdkOf(const Manifest& manifest) {
    return manifest.targetSdk.value_or(manifest.minSdk.value_or(1));
}

}  // namespace

// ---- names --------------------------------------------------------------------------------------

std::string domainStateName(int state) {
    switch (state) {
        case domain_state::kNone:
            return "none";
        case domain_state::kVerified:
            return "verified";
        case domain_state::kApproved:
            return "approved";
        case domain_state::kDenied:
            return "denied";
        case domain_state::kMigrated:
            return "migrated";
        case domain_state::kRestored:
            return "restored";
        case domain_state::kLegacyFailure:
            return "legacy_failure";
        case domain_state::kSystemConfigured:
            return "system_configured";
        case domain_state::kPreVerified:
            return "pre_verified";
        default:
            return std::to_string(state);
    }
}

std::optional<int> parseDomainState(std::string_view text) {
    for (int state = domain_state::kNone; state <= domain_state::kPreVerified; ++state) {
        if (text == domainStateName(state)) return state;
    }
    if (text.empty() || text.size() > 9) return std::nullopt;
    if (!std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
        return std::nullopt;
    }
    const int value = std::stoi(std::string(text));
    if (value <= domain_state::kPreVerified || value >= domain_state::kFirstAgentCode) return value;
    return std::nullopt;
}

bool isVerifiedDomainState(int state) {
    switch (state) {
        case domain_state::kVerified:
        case domain_state::kApproved:
        case domain_state::kMigrated:
        case domain_state::kRestored:
        case domain_state::kSystemConfigured:
        case domain_state::kPreVerified:
            return true;
        default:
            return false;
    }
}

const char* legacyLinkStatusName(LegacyLinkStatus status) {
    switch (status) {
        case LegacyLinkStatus::Undefined:
            return "undefined";
        case LegacyLinkStatus::Ask:
            return "ask";
        case LegacyLinkStatus::Always:
            return "always";
        case LegacyLinkStatus::Never:
            return "never";
        case LegacyLinkStatus::AlwaysAsk:
            return "always-ask";
    }
    return "undefined";
}

std::optional<LegacyLinkStatus> parseLegacyLinkStatus(std::string_view text) {
    if (text == "always_ask") return LegacyLinkStatus::AlwaysAsk;
    for (int value = 0; value <= 4; ++value) {
        const auto status = static_cast<LegacyLinkStatus>(value);
        if (text == legacyLinkStatusName(status) || text == std::to_string(value)) return status;
    }
    return std::nullopt;
}

const char* approvalLevelName(ApprovalLevel level) {
    switch (level) {
        case ApprovalLevel::None:
            return "none";
        case ApprovalLevel::LegacyAsk:
            return "legacy-ask";
        case ApprovalLevel::LegacyAlways:
            return "legacy-always";
        case ApprovalLevel::Selection:
            return "selection";
        case ApprovalLevel::Verified:
            return "verified";
        case ApprovalLevel::InstantApp:
            return "instant-app";
    }
    return "none";
}

// ---- §1.1 classification ------------------------------------------------------------------------

bool handlesWebUris(const IntentFilter& filter, bool onlyWeb) {
    if (!filter.hasAction(names::kActionView) || !filter.hasCategory(names::kCategoryBrowsable) ||
        filter.schemes.empty()) {
        return false;
    }
    if (onlyWeb) return std::all_of(filter.schemes.begin(), filter.schemes.end(), isWebScheme);
    return std::any_of(filter.schemes.begin(), filter.schemes.end(), isWebScheme);
}

bool needsVerification(const IntentFilter& filter) {
    return filter.autoVerify && handlesWebUris(filter, true);
}

bool isBrowserFilter(const IntentFilter& filter) {
    if (filter.hasCategory(names::kCategoryAppBrowser)) return true;
    return handlesWebUris(filter, false) && filter.authorities.empty();
}

bool isWebScheme(std::string_view scheme) { return scheme == "http" || scheme == "https"; }

bool hasWebUri(const Intent& intent) {
    const std::optional<std::string>& scheme = intent.scheme();
    return intent.data && scheme && isWebScheme(*scheme);
}

bool isWebIntent(const Intent& intent) {
    return hasWebUri(intent) && intent.action && *intent.action == names::kActionView;
}

bool isDomainName(std::string_view host) {
    const std::vector<std::string_view> parts = splitDots(host);
    if (parts.size() == 4 && isIpPart(parts[0], false) && isIpPart(parts[1], true) &&
        isIpPart(parts[2], true) && isIpPart(parts[3], true)) {
        return true;
    }
    if (parts.size() < 2) return false;
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        if (!isIriLabel(parts[i])) return false;
    }
    return isTld(parts.back());
}

bool isValidDomain(std::string_view host) {
    if (host.substr(0, 2) == "*.") host.remove_prefix(2);
    return isDomainName(host);
}

bool isDomainVerificationIntent(const Intent& intent, int queryFlags) {
    if (!isWebIntent(intent)) return false;
    const std::optional<std::string>& host = intent.data->host();
    if (!host || host->empty() || !isDomainName(*host)) return false;
    const bool browsable = intent.hasCategory(names::kCategoryBrowsable);
    const bool isDefault = intent.hasCategory(names::kCategoryDefault);
    const bool defaultOnly = (queryFlags & flags::kMatchDefaultOnly) != 0;
    switch (intent.categories.size()) {
        case 0:
            return defaultOnly;
        case 1:
            return browsable ? defaultOnly : isDefault;
        case 2:
            return browsable && isDefault;
        default:
            return false;
    }
}

bool isBrowserEntry(const ResolveInfo& info) {
    return info.filter != nullptr && isBrowserFilter(*info.filter);
}

// ---- W-20 ---------------------------------------------------------------------------------------

namespace {

bool isActivityLike(ComponentKind kind) {
    return kind == ComponentKind::Activity || kind == ComponentKind::ActivityAlias;
}

void addUnique(std::vector<std::string>& list, const std::string& value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

DeclaredDomains declaredDomains(const InstalledPackage& package) {
    DeclaredDomains out;
    const bool restricted = targetSdkOf(package.manifest) >= kFirstApiWithRestrictedDomains;
    // W-20 legacy collection: a sysconfig <app-link> package collects without an autoVerify filter.
    bool legacyCollect = !restricted && package.appLinks.sysconfigAppLink;
    if (!restricted) {
        for (const Component& component : package.manifest.components) {
            if (!isActivityLike(component.kind)) continue;
            for (const IntentFilter& filter : component.filters) {
                legacyCollect = legacyCollect || needsVerification(filter);
            }
        }
    }
    for (const Component& component : package.manifest.components) {
        if (!isActivityLike(component.kind)) continue;
        for (const IntentFilter& filter : component.filters) {
            const bool autoVerify =
                restricted ? filter.autoVerify && filter.hasDefault() && handlesWebUris(filter, true)
                           : legacyCollect && handlesWebUris(filter, false);
            const bool web = filter.hasDefault() && handlesWebUris(filter, false);
            for (const FilterAuthority& authority : filter.authorities) {
                const bool valid = isValidDomain(authority.host);
                if (autoVerify) addUnique(valid ? out.autoVerify : out.invalidAutoVerify,
                                          authority.host);
                if (web && valid) addUnique(out.web, authority.host);
            }
        }
    }
    return out;
}

// ---- W-23 ---------------------------------------------------------------------------------------

namespace {

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

Approval approvalFor(const InstalledPackage& package, std::string_view host, int apiLevel) {
    const AppLinksState& links = package.appLinks;
    const std::string quoted = "'" + std::string(host) + "'";
    if (apiLevel >= kFirstApiWithApprovalStep1) {
        if (package.removed) {
            return {ApprovalLevel::None, "the package is not installed (W-23 step 1)"};
        }
        if (!package.enabled) return {ApprovalLevel::None, "the package is disabled (W-23 step 1)"};
        if (package.suspended) {
            return {ApprovalLevel::None, "the package is suspended (W-23 step 1)"};
        }
    }
    if (!links.linkHandlingAllowed) {
        return {ApprovalLevel::None,
                "'Open supported links' is off for it ('linkHandlingAllowed': false, W-23 step 4)"};
    }
    for (const DomainStateEntry& entry : links.domains) {
        if (entry.domain == host && isVerifiedDomainState(entry.state)) {
            return {ApprovalLevel::Verified,
                    quoted + " is " + domainStateName(entry.state) + " (W-23 step 6)"};
        }
    }
    for (const DomainStateEntry& entry : links.domains) {
        if (entry.domain.size() > 2 && entry.domain.compare(0, 2, "*.") == 0 &&
            isVerifiedDomainState(entry.state) &&
            endsWith(host, std::string_view(entry.domain).substr(2))) {
            return {ApprovalLevel::Verified, "'" + entry.domain + "' is " +
                                                 domainStateName(entry.state) + " and " + quoted +
                                                 " ends with '" + entry.domain.substr(2) +
                                                 "' (W-23 step 7)"};
        }
    }
    for (const std::string& selected : links.selectedHosts) {
        if (selected == host) {
            return {ApprovalLevel::Selection,
                    "the user selected " + quoted + " ('selectedHosts', W-23 step 8)"};
        }
    }
    for (const std::string& selected : links.selectedHosts) {
        if (selected.size() > 2 && selected.compare(0, 2, "*.") == 0 &&
            endsWith(host, std::string_view(selected).substr(2))) {
            return {ApprovalLevel::Selection, "the user selected '" + selected + "', which covers " +
                                                  quoted + " ('selectedHosts', W-23 step 8)"};
        }
    }
    std::string state = "none";
    for (const DomainStateEntry& entry : links.domains) {
        if (entry.domain == host) state = domainStateName(entry.state);
    }
    return {ApprovalLevel::None,
            "not approved for " + quoted + " (state " + state + ", not selected)"};
}

// ---- W-40, W-41 ---------------------------------------------------------------------------------

namespace {

Intent browserProbe() {
    Intent probe;
    probe.action = names::kActionView;
    probe.addCategory(names::kCategoryBrowsable);
    probe.data = Uri::parse("http:");
    return probe;
}

bool qualifiesAsBrowser(const InstalledPackage& package, const Intent& probe) {
    for (const Component& component : package.manifest.components) {
        if (!isActivityLike(component.kind) || !component.exported) continue;
        for (const IntentFilter& filter : component.filters) {
            if (!filter.hasDefault() || filter.match(probe) < 0) continue;
            if (isBrowserFilter(filter)) return true;
            break;  // the first matching filter defines the entry
        }
    }
    return false;
}

}  // namespace

bool qualifiesAsBrowser(const InstalledPackage& package) {
    return qualifiesAsBrowser(package, browserProbe());
}

std::optional<DefaultBrowser> defaultBrowser(const Device& device) {
    const bool role = device.apiLevel >= kFirstApiWithBrowserRole;
    if (device.roles.browser) {
        if (device.roles.browser->empty()) return std::nullopt;  // "browser": null, the user's None
        return DefaultBrowser{*device.roles.browser, "W-14",
                              role ? "the BROWSER role holder ('roles.browser')"
                                   : "the default browser ('roles.browser')"};
    }
    if (!role) return std::nullopt;
    // W-41: PermissionController's fallback when nobody holds the role.
    const Intent probe = browserProbe();
    std::vector<const InstalledPackage*> qualifying;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed || !package.enabled) continue;
        if (qualifiesAsBrowser(package, probe)) qualifying.push_back(&package);
    }
    if (qualifying.size() == 1) {
        return DefaultBrowser{qualifying.front()->packageName(), "W-41",
                              "the BROWSER role's fallback holder (no 'roles.browser'; the only "
                              "app that qualifies, W-41)"};
    }
    if (device.apiLevel < kFirstApiWithSystemBrowserFallback) return std::nullopt;
    const InstalledPackage* system = nullptr;
    for (const InstalledPackage* package : qualifying) {
        if (!package->system) continue;
        if (system) return std::nullopt;  // two system browsers: no fallback
        system = package;
    }
    if (!system) return std::nullopt;
    return DefaultBrowser{system->packageName(), "W-41",
                          "the BROWSER role's fallback holder (no 'roles.browser'; the only "
                          "system app that qualifies, W-41)"};
}

// ---- the filtering step -------------------------------------------------------------------------

namespace {

struct Step {
    const Device& device;
    const Intent& intent;
    int queryFlags;
    const std::vector<ResolveInfo>& input;
    const std::optional<DefaultBrowser>& browser;
    WebFilterResult& out;
    // Indexed like input: rule and reason, the rule empty until a step gives a verdict (a vector,
    // not a map: a web query's handful of candidates, one lookup each).
    std::vector<std::pair<std::string, std::string>> verdicts;

    void verdict(size_t index, std::string rule, std::string reason) {
        verdicts[index] = {std::move(rule), std::move(reason)};
    }

    std::string shortName(size_t index) const {
        return input[index].component.flattenToShortString();
    }

    // W-14: the default browser's best entry stands for every browser when its priority is at
    // least max(0, every browser's priority); otherwise all browsers stay.
    std::vector<size_t> includeBrowsers(const std::vector<size_t>& browsers,
                                        const std::string& why) {
        if ((queryFlags & flags::kMatchAll) != 0) {
            for (size_t i : browsers) verdict(i, "W-14", "a browser; MATCH_ALL keeps every one");
            return browsers;
        }
        int maxPriority = 0;
        for (size_t i : browsers) maxPriority = std::max(maxPriority, input[i].priority);
        std::optional<size_t> best;
        if (browser) {
            for (size_t i : browsers) {
                if (input[i].component.packageName != browser->package) continue;
                if (!best || input[i].priority > input[*best].priority) best = i;
            }
        }
        if (best && input[*best].priority >= maxPriority) {
            const std::string holder = browser->rule == "W-41" ? "the BROWSER role's fallback holder"
                                       : device.apiLevel >= kFirstApiWithBrowserRole
                                           ? "the BROWSER role holder"
                                           : "the default browser";
            for (size_t i : browsers) {
                if (i == *best) {
                    verdict(i, browser->rule, "a browser, " + browser->why + "; " + why +
                                                  ", and it stands for every browser");
                } else {
                    verdict(i, browser->rule, "a browser; " + holder + " '" + browser->package +
                                                  "' (" + shortName(*best) +
                                                  ") stands for every browser");
                }
            }
            return {*best};
        }
        std::string all = "a browser; " + why + ", and every browser stays: ";
        if (!browser && device.roles.browser) {
            all += "the user chose no default browser ('roles.browser': null)";
        } else if (!browser) {
            all += "there is no default browser ('roles.browser'";
            all += device.apiLevel >= kFirstApiWithBrowserRole
                       ? ", and no single app qualifies as the fallback holder, W-41)"
                       : ")";
        } else if (!best) {
            all += "'" + browser->package + "', " + browser->why + ", is not among the candidates";
        } else {
            all += "'" + browser->package + "', " + browser->why + ", has priority " +
                   std::to_string(input[*best].priority) + ", below another browser's " +
                   std::to_string(maxPriority);
        }
        for (size_t i : browsers) verdict(i, "W-14", all);
        return browsers;
    }

    std::vector<size_t> legacy();
    std::vector<size_t> modern();
    std::vector<size_t> approvedApps(const std::string& host, const std::vector<size_t>& others);
};

std::vector<size_t> Step::legacy() {
    // W-12: partition in sorted-query order.
    std::vector<size_t> browsers, always, never, alwaysAsk, undefined;
    for (size_t i = 0; i < input.size(); ++i) {
        if (isBrowserEntry(input[i])) {
            browsers.push_back(i);
            continue;
        }
        switch (input[i].package ? input[i].package->appLinks.legacyStatus
                                 : LegacyLinkStatus::Undefined) {
            case LegacyLinkStatus::Always:
                always.push_back(i);
                break;
            case LegacyLinkStatus::Never:
                never.push_back(i);
                break;
            case LegacyLinkStatus::AlwaysAsk:
                alwaysAsk.push_back(i);
                break;
            default:
                undefined.push_back(i);
                break;
        }
    }
    std::vector<size_t> result;
    bool withBrowsers = false;
    if (!always.empty()) {
        // W-13 step 1, W-15: ALWAYS apps only, ordered by their link generation.
        for (size_t i : always) {
            const int generation = input[i].package->appLinks.legacyGeneration;
            out.kept.push_back(input[i]);
            out.kept.back().preferredOrder = generation;
            verdict(i, "W-13", "its link status is 'always' (generation " +
                                   std::to_string(generation) +
                                   ", its preferredOrder, W-15): Android 6-11 starts the "
                                   "'always' apps and leaves the browsers out");
            result.push_back(i);
        }
        for (size_t i : undefined) {
            verdict(i, "W-13", "its link status is '" +
                                   std::string(legacyLinkStatusName(
                                       input[i].package->appLinks.legacyStatus)) +
                                   "', and another candidate's is 'always' (W-13 step 1)");
        }
        out.rule = "W-13";
        out.summary = always.size() == 1
                          ? "W-13: one app has link status 'always' and replaces every other "
                            "candidate"
                          : "W-13: " + std::to_string(always.size()) +
                                " apps have link status 'always' and replace every other candidate";
    } else {
        for (size_t i : undefined) {
            out.kept.push_back(input[i]);
            verdict(i, "W-13", "its link status is '" +
                                   std::string(legacyLinkStatusName(
                                       input[i].package->appLinks.legacyStatus)) +
                                   "': it stays beside the browsers (W-13 step 2)");
            result.push_back(i);
        }
        withBrowsers = true;
        out.rule = "W-13";
        out.summary = "W-13: no app has link status 'always', so the apps stay beside the browsers";
        if (!never.empty()) out.summary += " (apps with link status 'never' are left out)";
    }
    if (!alwaysAsk.empty()) {
        // W-13 step 3: everything so far loses its preferredOrder.
        for (ResolveInfo& info : out.kept) info.preferredOrder = 0;
        for (size_t i : alwaysAsk) {
            out.kept.push_back(input[i]);
            out.kept.back().preferredOrder = 0;
            verdict(i, "W-13", "its link status is 'always-ask': it stays and the browsers join "
                               "(W-13 step 3)");
            result.push_back(i);
        }
        withBrowsers = true;
    }
    for (size_t i : never) {
        verdict(i, "W-13", "its link status is 'never' ('legacyStatus'): Android 6-11 leaves it "
                           "out of web intents (W-13)");
    }
    if (withBrowsers) {
        for (size_t i : includeBrowsers(browsers, "no app has link status 'always'")) {
            out.kept.push_back(input[i]);
            result.push_back(i);
        }
    } else {
        for (size_t i : browsers) {
            verdict(i, "W-13", "a browser; an app with link status 'always' answers, so the "
                               "browsers are left out (W-13 step 1)");
        }
    }
    if (result.empty() && withBrowsers) {
        // W-13 step 5: everything but the NEVER apps (which may leave nothing, E36).
        out.kept.clear();
        for (size_t i = 0; i < input.size(); ++i) {
            const bool isNever = std::find(never.begin(), never.end(), i) != never.end();
            if (isNever) continue;
            out.kept.push_back(input[i]);
            verdict(i, "W-13", "nothing else is left, so every candidate but the 'never' apps "
                               "stays (W-13 step 5)");
            result.push_back(i);
        }
        out.summary = "W-13 step 5: nothing was left, so every candidate but the 'never' apps stays";
    }
    return result;
}

std::vector<size_t> Step::approvedApps(const std::string& host, const std::vector<size_t>& others) {
    // W-25 step 1 and 2: BROWSABLE entries only, one level per package.
    std::vector<std::pair<size_t, Approval>> levels;
    for (size_t i : others) {
        if (input[i].filter == nullptr ||
            !input[i].filter->hasCategory(names::kCategoryBrowsable)) {
            verdict(i, "W-28",
                    "its matching filter lacks category BROWSABLE, so it can never be approved "
                    "for a web link; Android 12+ leaves it out when browsers answer (W-28)");
            continue;
        }
        Approval approval = approvalFor(*input[i].package, host, device.apiLevel);
        if (approval.level == ApprovalLevel::None) {
            verdict(i, "W-26", approval.reason + ": Android 12+ keeps only browsers (W-26)");
        }
        levels.emplace_back(i, std::move(approval));
    }
    ApprovalLevel highest = ApprovalLevel::None;
    for (const auto& [i, approval] : levels) highest = std::max(highest, approval.level);
    if (highest == ApprovalLevel::None) return {};
    std::vector<size_t> top;
    for (const auto& [i, approval] : levels) {
        if (approval.level == highest) {
            top.push_back(i);
        } else if (approval.level != ApprovalLevel::None) {
            verdict(i, "W-25",
                    approval.reason + ", but another app is approved at a higher level (" +
                        approvalLevelName(highest) + ", W-25 step 4)");
        }
    }
    const auto reasonOf = [&](size_t index) {
        for (const auto& [i, approval] : levels) {
            if (i == index) return approval.reason;
        }
        return std::string();
    };
    if (highest == ApprovalLevel::LegacyAsk) {
        for (size_t i : top) verdict(i, "W-25", reasonOf(i) + " (W-25, legacy ask: all stay)");
        return top;
    }
    // W-25 step 5: the package installed last, then its activity declared last.
    std::optional<size_t> winner;
    bool tie = false;
    for (size_t i : top) {
        if (!winner) {
            winner = i;
            continue;
        }
        const int64_t a = input[i].package->firstInstallTime.value_or(0);
        const int64_t b = input[*winner].package->firstInstallTime.value_or(0);
        if (input[i].package == input[*winner].package) continue;
        if (a > b) {
            winner = i;
            tie = false;
        } else if (a == b) {
            tie = true;
        }
    }
    const InstalledPackage* package = input[*winner].package;
    auto declaredIndex = [&](size_t i) {
        const auto& components = package->manifest.components;
        for (size_t c = 0; c < components.size(); ++c) {
            if (&components[c] == input[i].info) return c;
        }
        return size_t{0};
    };
    size_t chosen = *winner;
    for (size_t i : top) {
        if (input[i].package == package && declaredIndex(i) > declaredIndex(chosen)) chosen = i;
    }
    for (size_t i : top) {
        if (i == chosen) {
            std::string why = reasonOf(i) + ": Android 12+ starts the approved app and leaves the "
                                            "browsers out (W-25, W-26)";
            if (tie) {
                why += "; another approved app has the same first-install time, which Android "
                       "leaves unordered (Hearth keeps the first, W-25 step 5)";
            }
            verdict(i, "W-25", why);
        } else if (input[i].package == package) {
            verdict(i, "W-25", reasonOf(i) + ", but W-25 keeps only the package's activity "
                                             "declared last (" + shortName(chosen) + ")");
        } else {
            verdict(i, "W-25",
                    reasonOf(i) + ", but '" + package->packageName() +
                        "' was installed later ('firstInstallTime', W-25 step 5)");
        }
    }
    return {chosen};
}

std::vector<size_t> Step::modern() {
    std::vector<size_t> browsers, others;
    for (size_t i = 0; i < input.size(); ++i) {
        (isBrowserEntry(input[i]) ? browsers : others).push_back(i);
    }
    const std::string host = intent.data->host().value_or("");
    std::vector<size_t> result;
    bool withBrowsers = true;
    std::string why;
    if (!isDomainVerificationIntent(intent, queryFlags)) {
        for (size_t i : others) {
            verdict(i, "W-26", "not a domain-verification intent (W-24), so every non-browser "
                               "candidate stays (W-26)");
            result.push_back(i);
        }
        why = "not a domain-verification intent (W-24)";
        out.rule = "W-24";
        out.summary = "W-24: not a domain-verification intent (categories or flags), so the apps "
                      "stay and the browsers join (W-26)";
    } else {
        result = approvedApps(host, others);
        withBrowsers = result.empty();
        out.rule = withBrowsers ? "W-26" : "W-25";
        why = "no app is approved for '" + host + "'";
        out.summary = withBrowsers ? "W-26: no app is approved for '" + host +
                                         "', so Android 12+ keeps only the browsers"
                                   : "W-25: " + input[result.front()].component.flattenToShortString() +
                                         " is approved for '" + host + "' and replaces every other "
                                         "candidate";
    }
    if (withBrowsers) {
        for (size_t i : includeBrowsers(browsers, why)) result.push_back(i);
    } else {
        for (size_t i : browsers) {
            verdict(i, "W-26", "a browser; " + shortName(result.front()) + " is approved for '" +
                                   host + "', so Android 12+ leaves the browsers out (W-26)");
        }
    }
    if (result.empty()) {
        for (size_t i = 0; i < input.size(); ++i) {
            verdict(i, "W-26", "no approved app and no browser: every candidate stays (W-26)");
            result.push_back(i);
        }
        out.rule = "W-26";
        out.summary = "W-26: no approved app and no browser, so every candidate stays";
    }
    // Assembly order (apps, then browsers) is what the R-9 re-sort keeps for full ties (W-4).
    for (size_t i : result) {
        out.kept.push_back(input[i]);
        // R-8 amendment: A12's resolver always leaves preferredOrder at 0.
        out.kept.back().preferredOrder = 0;
    }
    return result;
}

}  // namespace

bool domainFilteringApplies(const Device& device, const Intent& intent) {
    return device.apiLevel >= kFirstApiWithAppLinks && !intent.component && !intent.package &&
           hasWebUri(intent);
}

WebFilterResult filterWebCandidates(const Device& device, const Intent& intent, int queryFlags,
                                    const std::vector<ResolveInfo>& sorted,
                                    const std::optional<DefaultBrowser>& browser) {
    WebFilterResult out;
    if (!domainFilteringApplies(device, intent)) {
        out.kept = sorted;
        return out;
    }
    out.applied = true;
    if (sorted.size() <= 1) {
        // W-2: a single candidate is returned unfiltered.
        out.kept = sorted;
        if (sorted.empty()) return out;  // nothing to say: C-1 answers
        out.rule = "W-2";
        out.summary = "W-2: one candidate only, so no domain filtering";
        for (const ResolveInfo& info : sorted) {
            out.verdicts.push_back(CandidateVerdict{info.component, true, "W-2",
                                              "the only candidate: domain filtering does not run "
                                              "(W-2)"});
        }
        return out;
    }
    out.filtered = true;
    out.kept.reserve(sorted.size());
    Step step{device, intent, queryFlags, sorted, browser, out, {}};
    step.verdicts.resize(sorted.size());
    const std::vector<size_t> kept =
        device.apiLevel >= kFirstApiWithDomainVerificationService ? step.modern() : step.legacy();
    std::vector<bool> isKept(sorted.size(), false);
    for (size_t i : kept) isKept[i] = true;
    out.verdicts.reserve(sorted.size());
    for (size_t i = 0; i < sorted.size(); ++i) {
        auto& [rule, reason] = step.verdicts[i];
        out.verdicts.push_back(
            CandidateVerdict{sorted[i].component, isKept[i], std::move(rule), std::move(reason)});
    }
    out.browsersOnly = !out.kept.empty() &&
                       std::all_of(out.kept.begin(), out.kept.end(), isBrowserEntry);
    return out;
}

}  // namespace hearth

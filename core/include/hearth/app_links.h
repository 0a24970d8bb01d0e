#pragma once
// Web intents and App Links (spec android-modern.md §1.1, §2): which filters handle web URIs,
// which are browsers, the domains a package declares (W-20), the per-domain verification states
// and approval levels of Android 12+ (W-21..W-25), the per-package link status of Android 6-11
// (W-10..W-15), the default browser (W-14, W-40), and the domain-filtering step of the query
// pipeline (W-1..W-4, W-13, W-26). Pure: no I/O, no globals, deterministic order.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/candidate_verdict.h>
#include <hearth/component_name.h>
#include <hearth/intent.h>
#include <hearth/intent_filter.h>
#include <hearth/source_location.h>

namespace hearth {

struct Device;
struct InstalledPackage;
struct ResolveInfo;

namespace names {
inline constexpr const char* kCategoryAppBrowser = "android.intent.category.APP_BROWSER";
}  // namespace names

namespace flags {
inline constexpr int kMatchAll = 0x00020000;
inline constexpr int kActivityRequireNonBrowser = 0x400;
}  // namespace flags

/// W-21 per-domain verification state codes (DomainVerificationState); 1024 and above are an
/// agent's own error codes.
namespace domain_state {
inline constexpr int kNone = 0;
inline constexpr int kVerified = 1;
inline constexpr int kApproved = 2;
inline constexpr int kDenied = 3;
inline constexpr int kMigrated = 4;
inline constexpr int kRestored = 5;
inline constexpr int kLegacyFailure = 6;
inline constexpr int kSystemConfigured = 7;
inline constexpr int kPreVerified = 8;
inline constexpr int kFirstAgentCode = 1024;
}  // namespace domain_state

/// Android 12 (API 31): the domain verification service (W-20..W-34) replaces the W-10 link
/// status; W-21 states, W-30's removals and W-23's approval apply from here.
inline constexpr int kFirstApiWithDomainVerificationService = 31;

/// The W-21 debug name `pm get-app-links` prints ("verified", "none", ...), or the number for
/// agent codes (>= 1024) and unknown codes.
std::string domainStateName(int state);
/// Inverse of domainStateName: a W-21 name or a whole number 0..8 or >= 1024; nullopt otherwise.
std::optional<int> parseDomainState(std::string_view text);
/// Whether a W-21 state counts as verified: verified, approved, migrated, restored,
/// system_configured, pre_verified (the last unverified in the spec).
bool isVerifiedDomainState(int state);

/// W-10 legacy (API 23-30) per-package link-handling status, Android's values 0..4.
enum class LegacyLinkStatus { Undefined = 0, Ask = 1, Always = 2, Never = 3, AlwaysAsk = 4 };
/// "undefined", "ask", "always", "never", "always-ask".
const char* legacyLinkStatusName(LegacyLinkStatus status);
/// Inverse of legacyLinkStatusName; also accepts "always_ask" and "0".."4"; nullopt otherwise.
std::optional<LegacyLinkStatus> parseLegacyLinkStatus(std::string_view text);

/// One domain's W-21 state as device.json gives it.
struct DomainStateEntry {
    std::string domain;  ///< as written, "*.example.net" allowed
    int state = domain_state::kNone;
    SourceLocation where;
};

/// A package's App Links state for the device's user (device.json "appLinks").
struct AppLinksState {
    std::vector<DomainStateEntry> domains;   ///< W-21 states, device.json order
    bool linkHandlingAllowed = true;         ///< W-22 "Open supported links"
    std::vector<std::string> selectedHosts;  ///< W-22 user selections
    LegacyLinkStatus legacyStatus = LegacyLinkStatus::Undefined;  ///< W-10 (API 23-30)
    int legacyGeneration = 0;                ///< W-15 link generation of an ALWAYS status
    /// A system app listed in sysconfig <app-link> (W-17, W-31); set when the device loads.
    bool sysconfigAppLink = false;
    SourceLocation where;                    ///< the device.json "appLinks" value, if any
};

/// The default holders of roles the resolver reads (device.json "roles").
struct DeviceRoles {
    std::optional<std::string> browser;  ///< default browser (W-14; role BROWSER from API 29)
    std::optional<std::string> home;     ///< ROLE_HOME holder (H-8)
};

/// W-23 approval levels (modern values); only the order matters.
enum class ApprovalLevel {
    None = 0,
    LegacyAsk = 1,
    LegacyAlways = 2,
    Selection = 3,
    Verified = 4,
    InstantApp = 5
};
/// "none", "legacy-ask", "legacy-always", "selection", "verified", "instant-app".
const char* approvalLevelName(ApprovalLevel level);

/// §1.1: a scheme that is exactly "http" or "https" (case-sensitive, as Android compares it).
bool isWebScheme(std::string_view scheme);
/// §1.1 handlesWebUris(onlyWeb): VIEW + BROWSABLE + a scheme, and some (onlyWeb: every) scheme
/// is exactly http or https.
bool handlesWebUris(const IntentFilter& filter, bool onlyWeb);
/// §1.1 needsVerification: autoVerify and handlesWebUris(true).
bool needsVerification(const IntentFilter& filter);
/// §1.1 handleAllWebDataURI: category APP_BROWSER, or handlesWebUris(false) with no authority.
bool isBrowserFilter(const IntentFilter& filter);
/// §1.1 Intent.hasWebURI: data whose scheme is exactly "http" or "https".
bool hasWebUri(const Intent& intent);
/// §1.1 Intent.isWebIntent: hasWebURI and action VIEW.
bool isWebIntent(const Intent& intent);
/// Patterns.DOMAIN_NAME (host names with a letter TLD or punycode TLD, or IPv4), W-20.
bool isDomainName(std::string_view host);
/// W-20 isValidDomain: an optional "*." then isDomainName.
bool isValidDomain(std::string_view host);
/// W-24 isDomainVerificationIntent: a web intent with a DOMAIN_NAME host and categories exactly
/// {BROWSABLE, DEFAULT} or {DEFAULT}, or {BROWSABLE} / {} with MATCH_DEFAULT_ONLY.
bool isDomainVerificationIntent(const Intent& intent, int queryFlags);

/// W-20: the domains a package declares.
struct DeclaredDomains {
    std::vector<std::string> autoVerify;         ///< valid autoVerify domains, first-seen order
    std::vector<std::string> invalidAutoVerify;  ///< autoVerify hosts isValidDomain refuses
    std::vector<std::string> web;                ///< valid web domains (DEFAULT + web filters)
};
/// W-20 for a package (its effective targetSdk picks the collection rule).
DeclaredDomains declaredDomains(const InstalledPackage& package);

/// A package's W-23 level for a host, with the step that decided in words.
struct Approval {
    ApprovalLevel level = ApprovalLevel::None;
    std::string reason;  ///< e.g. "'example.com' is verified", "not approved for 'x.org'"
};
/// W-23 approval of a package for host (exact, case-sensitive), on a device of apiLevel >= 31.
Approval approvalFor(const InstalledPackage& package, std::string_view host, int apiLevel);

/// W-40: whether a package has an exported activity whose first filter matching VIEW + BROWSABLE +
/// "http:" (MATCH_DEFAULT_ONLY) is a browser filter, i.e. it can hold the BROWSER role.
bool qualifiesAsBrowser(const InstalledPackage& package);

/// The package W-14 collapses the browsers to.
struct DefaultBrowser {
    std::string package;
    std::string rule;  ///< "W-14" when device.json's "roles.browser" names it, "W-41" for the fallback
    std::string why;   ///< "the BROWSER role holder ('roles.browser')", "the only app that ..."
};
/// The default browser: device.json's "roles.browser" (the PackageManager default before API 29,
/// the BROWSER role from 29), else from API 29 the role's fallback holder (W-41): the only
/// installed, enabled package that qualifies (W-40), else from API 31 the only qualifying system
/// package; nullopt when there is none (a configured default holder is not known offline).
std::optional<DefaultBrowser> defaultBrowser(const Device& device);

/// The domain-filtering step of a query (W-1..W-4): the candidates it keeps (not yet re-sorted:
/// the caller re-sorts them with R-9, W-4) and a verdict for every candidate it saw.
struct WebFilterResult {
    bool applied = false;                ///< false: W-1 gate closed or API < 23 (nothing changed)
    bool filtered = false;               ///< the W-13/W-26 assembly ran (W-2: >= 2 candidates)
    std::string rule;                    ///< the rule that decided the assembly
    std::string summary;                 ///< one sentence for --explain
    std::vector<ResolveInfo> kept;       ///< candidates left, preferredOrder adjusted (W-15)
    std::vector<CandidateVerdict> verdicts;  ///< one per input candidate, input order
    bool browsersOnly = false;           ///< every kept candidate is a browser entry (C-6, W-34)
};

/// W-1 gate: domain filtering runs for an activity query on API 23+ whose (effective, Q-1) intent
/// has no component, no package and a web URI.
bool domainFilteringApplies(const Device& device, const Intent& intent);

/// Domain filtering for an implicit activity query (W-1 gate: no component, no package, a web
/// URI) on the sorted candidates: A6-A11 per-package status (W-10..W-15) or A12+ approval
/// (W-24..W-28), with the default browser collapse (W-14). Below API 23 nothing is filtered.
/// browser is defaultBrowser(device), computed once per device by the caller (PackageIndex).
WebFilterResult filterWebCandidates(const Device& device, const Intent& intent, int queryFlags,
                                    const std::vector<ResolveInfo>& sorted,
                                    const std::optional<DefaultBrowser>& browser);

/// Whether a candidate is a browser entry: the filter that created it handles all web data
/// (§1.1 handleAllWebDataURI).
bool isBrowserEntry(const ResolveInfo& info);

}  // namespace hearth

#pragma once
// Reverse lookup (`hearth claims`): which intent filters on a device claim a scheme, a host, a
// path, a MIME type, an action or a category, and every intent one component accepts. A filter
// claims a value when some intent carrying it gets past that part of IntentFilter.match (spec
// section 2): the same host, path and type tests the matcher uses, applied part by part.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/component_name.h>
#include <hearth/manifest.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

struct Device;

/// What to look for; every selector given must hold for the same filter. Ports are not asked
/// for: a filter's port shows in its URL templates. With no selector at
/// all, every deep link: a filter with VIEW, BROWSABLE and a scheme (what a link can open).
struct ClaimSelector {
    std::optional<std::string> scheme;    ///< exact, case-sensitive (M-9.1)
    std::optional<std::string> host;      ///< "*.example.com" asks for any host under it (M-14)
    std::optional<std::string> path;      ///< a URI path, matched by the filter's patterns
    std::optional<std::string> type;      ///< a MIME type; "image/*" and "*/*" as Android reads them
    std::optional<std::string> action;
    std::optional<std::string> category;
    std::optional<ComponentName> component;  ///< only this component (every intent it accepts)
    bool allKinds = false;                ///< services, receivers and providers too

    /// Whether any of scheme, host, path, type, action or category is given.
    bool asksForValues() const { return scheme || host || path || type || action || category; }
    bool empty() const { return !asksForValues() && !component; }
};

/// A host's link state for the claiming package: the W-23 approval on API 31+ ("verified",
/// "selection", "none"), the W-10 per-package status on API 23-30, nothing below.
struct DomainClaim {
    std::string host;
    std::string state;
    std::string reason;  ///< the sentence approvalFor gives, or the legacy status in words
};

/// One filter that claims what was asked.
struct Claim {
    ComponentName component;
    ComponentKind kind = ComponentKind::Activity;
    bool exported = false;
    bool enabled = true;          ///< the component's state on the device (R-8)
    int filterIndex = 0;          ///< 0-based, in declaration order within the component
    const IntentFilter* filter = nullptr;  ///< points into the device, which must outlive it
    std::vector<std::string> urls;  ///< the data cross product as URL templates (M-26)
    std::vector<DomainClaim> domains;  ///< for each host of a web filter (VIEW + BROWSABLE + http/s)
};

/// Checks the selector's values as Android would read them: a MIME type must look like
/// "type/subtype" (M-19), a host or scheme must not be empty. Fails with the value named.
[[nodiscard]] Result<ClaimSelector> validateClaimSelector(ClaimSelector selector);

/// --url: sets scheme, host and path from one link; a part already given must agree. Fails with
/// "--url 'x' has no scheme (write it as scheme://host/path)" or "--host 'a.org' disagrees with
/// --url's 'b.org'".
[[nodiscard]] Result<ClaimSelector> applyClaimUrl(ClaimSelector selector, std::string_view url);

/// Every filter on the device that claims what `selector` asks, in scan order (packages as
/// installed, components and filters as declared). Removed packages are left out.
std::vector<Claim> findClaims(const Device& device, const ClaimSelector& selector);

/// The filter's data written as URL templates, one per scheme x authority x path (M-26: each
/// <data> attribute is added on its own): "https://*.example.com/item*", "geo:*" for a scheme
/// with no authority, "content:* (image/*)"-style types are not included (see Claim::filter).
/// A prefix path is "/item*", a glob shows its pattern, a suffix "*.pdf".
std::vector<std::string> dataTemplates(const IntentFilter& filter);

/// The claims as text: one block per filter (component, state, location, actions, categories,
/// data, types, domains), after a count line naming what was asked.
std::string renderClaimsText(const std::vector<Claim>& claims, const ClaimSelector& selector,
                             const Device& device);
/// The claims as one JSON object: {"schemaVersion", "device": {"name", "api"}, "selector",
/// "claims": [{"component", "kind", "exported", "enabled", "filter": {"index", "actions",
/// "categories", "data", "types", "autoVerify", "priority"}, "links", "location"}]}.
std::string renderClaimsJson(const std::vector<Claim>& claims, const ClaimSelector& selector,
                             const Device& device);

}  // namespace hearth

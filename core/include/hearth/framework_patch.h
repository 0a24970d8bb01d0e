#pragma once
// FrameworkPatch: which HOME call sites of the framework use the private category HOME_FIRST
// instead of HOME (spec 5.7), and the words that name it — call-site ids, the "stock" /
// "home-first" patch names, the one error for an unknown site. device.json, `--patch-site`,
// simulation scripts and --framework-src all read and print patches through this header.

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/result.h>

namespace hearth {

/// The call-site ids, as used by FrameworkPatch, `--patch-site` and the reports.
namespace home_site {
inline constexpr const char* kBoot = "boot";
inline constexpr const char* kHomeKey = "home-key";
inline constexpr const char* kHomeKeyMid = "home-key-mid";
inline constexpr const char* kRecents = "recents";
inline constexpr const char* kIsHome = "is-home";
}  // namespace home_site

/// The framework's home category at each call site (spec 5.7). Site ids: boot, home-key,
/// home-key-mid, recents, is-home.
struct FrameworkPatch {
    std::set<std::string> homeFirstSites;  ///< sites that use HOME_FIRST instead of HOME

    bool isPatched(std::string_view site) const { return homeFirstSites.count(std::string(site)) > 0; }
};

/// Every call-site id in report order: boot, home-key, home-key-mid, recents, is-home.
const std::vector<std::string>& homeSiteIds();
/// True when id names a call site.
bool isHomeSite(std::string_view id);
/// Succeeds when id names a call site; else fails, without a location, with "unknown call site
/// 'x': expected one of boot, home-key, home-key-mid, recents, is-home".
[[nodiscard]] Result<void> checkHomeSite(std::string_view id);

/// A patch from the command-line vocabulary: `patch` is "stock", "home-first" or empty; `sites`
/// are call-site ids. Fails with "unknown patch 'x': expected 'stock' or 'home-first'" or
/// checkHomeSite's error.
[[nodiscard]] Result<FrameworkPatch> makeFrameworkPatch(std::string_view patch,
                                                        const std::vector<std::string>& sites);
/// The patch with every call site swapped to HOME_FIRST.
FrameworkPatch fullHomeFirstPatch();
/// "stock", "home-first" (every site) or "home-first at boot, is-home" (some sites).
std::string describePatch(const FrameworkPatch& patch);

}  // namespace hearth

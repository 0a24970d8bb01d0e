// The FrameworkPatch vocabulary (framework_patch.h): one list of call sites and one wording for
// an unknown one, whichever input named it.

#include <hearth/framework_patch.h>

#include <algorithm>

namespace hearth {

const std::vector<std::string>& homeSiteIds() {
    static const std::vector<std::string> ids = {home_site::kBoot, home_site::kHomeKey,
                                                 home_site::kHomeKeyMid, home_site::kRecents,
                                                 home_site::kIsHome};
    return ids;
}

bool isHomeSite(std::string_view id) {
    const auto& ids = homeSiteIds();
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Result<void> checkHomeSite(std::string_view id) {
    if (isHomeSite(id)) return ok();
    std::string known;
    for (const std::string& site : homeSiteIds()) {
        known += known.empty() ? site : ", " + site;
    }
    return makeError("unknown call site '" + std::string(id) + "': expected one of " + known);
}

Result<FrameworkPatch> makeFrameworkPatch(std::string_view patch,
                                          const std::vector<std::string>& sites) {
    FrameworkPatch result;
    if (patch == "home-first") {
        result = fullHomeFirstPatch();
    } else if (!patch.empty() && patch != "stock") {
        return makeError("unknown patch '" + std::string(patch) +
                         "': expected 'stock' or 'home-first'");
    }
    for (const std::string& site : sites) {
        if (auto checked = checkHomeSite(site); !checked) return checked.error();
        result.homeFirstSites.insert(site);
    }
    return result;
}

FrameworkPatch fullHomeFirstPatch() {
    FrameworkPatch patch;
    for (const std::string& site : homeSiteIds()) patch.homeFirstSites.insert(site);
    return patch;
}

std::string describePatch(const FrameworkPatch& patch) {
    if (patch.homeFirstSites.empty()) return "stock";
    std::string sites;
    for (const std::string& site : homeSiteIds()) {
        if (!patch.isPatched(site)) continue;
        if (!sites.empty()) sites += ", ";
        sites += site;
    }
    if (patch.homeFirstSites.size() == homeSiteIds().size()) return "home-first";
    return "home-first at " + sites;
}

}  // namespace hearth

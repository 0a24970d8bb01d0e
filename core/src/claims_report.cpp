// `hearth claims` output: text for people, one JSON object for scripts. Both read the same Claim
// list; nothing is decided here.

#include <hearth/claims.h>

#include <hearth/device.h>

#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

#include "json_contract.h"

namespace hearth {
namespace {

using Json = nlohmann::ordered_json;
using json_contract::locationJson;

// The selectors given, named as the options are, in the order they are listed.
std::vector<std::pair<const char*, std::string>> givenSelectors(const ClaimSelector& selector) {
    std::vector<std::pair<const char*, std::string>> out;
    for (const auto& [name, value] :
         {std::pair{"scheme", &selector.scheme}, {"host", &selector.host}, {"path", &selector.path},
          {"type", &selector.type}, {"action", &selector.action},
          {"category", &selector.category}}) {
        if (*value) out.emplace_back(name, **value);
    }
    return out;
}

// "scheme 'https', host 'a.example.com'" — what was asked.
std::string describeSelector(const ClaimSelector& selector) {
    std::string out;
    for (const auto& [name, value] : givenSelectors(selector)) {
        if (!out.empty()) out += ", ";
        out += std::string(name) + " '" + value + "'";
    }
    return out;
}

std::string countLine(size_t count, const ClaimSelector& selector, const Device& device) {
    const std::string on = " on " + (device.name.empty() ? std::string("the device") : device.name) +
                           " (API " + std::to_string(device.apiLevel) + ")";
    const std::string asked = describeSelector(selector);
    const std::string filters = std::to_string(count) + (count == 1 ? " filter" : " filters");
    if (selector.component) {
        const std::string who = selector.component->flattenToShortString();
        if (count == 0) return "No filter of " + who + on + (asked.empty() ? "" : " claims " + asked);
        return who + ": " + filters + (asked.empty() ? "" : " claim " + asked) + on;
    }
    if (asked.empty()) {
        return count == 0 ? "No deep link (VIEW + BROWSABLE + a scheme)" + on
                          : filters + " declare deep links (VIEW + BROWSABLE + a scheme)" + on;
    }
    if (count == 0) return "No filter claims " + asked + on;
    return filters + (count == 1 ? " claims " : " claim ") + asked + on;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::string stateWords(const Claim& claim) {
    std::string out = componentKindName(claim.kind);
    out += claim.exported ? ", exported" : ", not exported";
    if (!claim.enabled) out += ", disabled";
    return out;
}

}  // namespace

std::string renderClaimsText(const std::vector<Claim>& claims, const ClaimSelector& selector,
                             const Device& device) {
    std::string out = countLine(claims.size(), selector, device) + "\n";
    constexpr const char* kIndent = "\n              ";
    for (const Claim& claim : claims) {
        const IntentFilter& filter = *claim.filter;
        out += "\n" + claim.component.flattenToShortString() + " (" + stateWords(claim) + ")\n";
        out += "  filter #" + std::to_string(claim.filterIndex + 1);
        if (!filter.where.prefix().empty()) out += " at " + filter.where.file + ":" +
                                                   std::to_string(filter.where.line) + ":" +
                                                   std::to_string(filter.where.column);
        if (filter.priority != 0) out += ", priority " + std::to_string(filter.priority);
        out += "\n";
        if (!filter.actions.empty()) out += "  actions:    " + joined(filter.actions, kIndent) + "\n";
        if (!filter.categories.empty()) {
            out += "  categories: " + joined(filter.categories, kIndent) + "\n";
        }
        if (!claim.urls.empty()) out += "  data:       " + joined(claim.urls, kIndent) + "\n";
        if (!filter.types.empty()) out += "  types:      " + joined(filter.types, kIndent) + "\n";
        if (filter.autoVerify) out += "  autoVerify: true\n";
        std::vector<std::string> domains;
        for (const DomainClaim& domain : claim.domains) {
            domains.push_back(domain.host + " " + domain.state);
        }
        if (!domains.empty()) out += "  links:      " + joined(domains, kIndent) + "\n";
    }
    return out;
}

std::string renderClaimsJson(const std::vector<Claim>& claims, const ClaimSelector& selector,
                             const Device& device) {
    Json out = json_contract::answerHeader(device, nullptr);
    Json asked = Json::object();
    for (const auto& [name, value] : givenSelectors(selector)) asked[name] = value;
    if (selector.component) asked["component"] = selector.component->flattenToShortString();
    out["selector"] = asked;
    Json list = Json::array();
    for (const Claim& claim : claims) {
        const IntentFilter& filter = *claim.filter;
        Json domains = Json::array();
        for (const DomainClaim& domain : claim.domains) {
            domains.push_back(
                {{"host", domain.host}, {"state", domain.state}, {"reason", domain.reason}});
        }
        list.push_back({
            {"component", claim.component.flattenToShortString()},
            {"package", claim.component.packageName},
            {"class", claim.component.className},
            {"kind", componentKindName(claim.kind)},
            {"exported", claim.exported},
            {"enabled", claim.enabled},
            {"filter",
             {{"index", claim.filterIndex},
              {"actions", filter.actions},
              {"categories", filter.categories},
              {"data", claim.urls},
              {"types", filter.types},
              {"autoVerify", filter.autoVerify},
              {"priority", filter.priority}}},
            {"links", domains},
            {"location", locationJson(filter.where)},
        });
    }
    out["claims"] = list;
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace hearth

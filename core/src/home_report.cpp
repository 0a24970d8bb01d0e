// Text and JSON renderings of a HomeReport, shared by the CLI and the GUI's exports.

#include <hearth/home_report.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "json_contract.h"
#include "text.h"

namespace hearth {
namespace {

using Json = nlohmann::ordered_json;

using text::hex;
using text::joinComponents;
using text::shortCategory;

// A table cell stays readable: long chooser lists are cut after a few entries (details and JSON
// keep them all).
constexpr size_t kChooserEntriesShown = 3;

std::string chooserText(const std::vector<ComponentName>& chooser) {
    if (chooser.size() <= kChooserEntriesShown) return "chooser: " + joinComponents(chooser);
    std::vector<ComponentName> first(chooser.begin(), chooser.begin() + kChooserEntriesShown);
    return "chooser of " + std::to_string(chooser.size()) + ": " + joinComponents(first) + " and " +
           std::to_string(chooser.size() - kChooserEntriesShown) + " more";
}

std::string intentText(const Intent& intent) {
    std::string out;
    if (intent.action) out += "act=" + *intent.action;
    if (!intent.categories.empty()) {
        out += " cat=[";
        for (size_t i = 0; i < intent.categories.size(); ++i) {
            if (i > 0) out += ",";
            out += intent.categories[i];
        }
        out += "]";
    }
    if (intent.flags != 0) out += " flg=" + hex(intent.flags);
    return out;
}

std::string queryFlagsText(const HomeSiteReport& site) {
    std::string out = hex(site.queryFlags);
    out += site.matchDefaultOnly ? " (MATCH_DEFAULT_ONLY: filters need DEFAULT)"
                                 : " (no MATCH_DEFAULT_ONLY: filters without DEFAULT qualify)";
    return out;
}

std::string padRight(std::string text, size_t width) {
    if (text.size() < width) text.append(width - text.size(), ' ');
    return text;
}

std::string headline(const HomeReport& report) {
    std::string out = report.deviceName.empty() ? std::string("device") : report.deviceName;
    out += ": Android API " + std::to_string(report.apiLevel) + ", ";
    out += report.generation == FrameworkGeneration::Legacy ? "legacy 2.x framework"
                                                            : "modern framework";
    return out;
}

std::string stateLine(const HomeReport& report) {
    std::string out = report.userUnlocked ? "storage unlocked" : "storage LOCKED (direct boot)";
    out += report.userSetupComplete ? ", user setup complete" : ", user setup IN PROGRESS";
    return out;
}

void renderTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
    std::vector<size_t> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
    }
    for (const auto& row : rows) {
        std::string line = " ";
        for (size_t i = 0; i < row.size(); ++i) {
            line += " ";
            line += i + 1 == row.size() ? row[i] : padRight(row[i], widths[i]);
            if (i + 1 != row.size()) line += " ";
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out << line << "\n";
    }
}

std::string candidateLocation(const HomeCandidate& candidate) {
    std::string where = candidate.where.prefix();
    if (where.size() >= 2) where.resize(where.size() - 2);  // drop ": "
    return where;
}

void renderSiteDetails(std::ostream& out, const HomeSiteReport& site) {
    out << site.site << ": " << site.where << "\n";
    if (site.outcome == HomeOutcome::NotPresent) {
        out << "  outcome     not present\n";
        out << "  why         " << site.reason << "\n";
        return;
    }
    const bool isHome = site.site == home_site::kIsHome;
    out << (isHome ? "  checks for  " : "  intent      ") << intentText(site.intent) << "\n";
    if (site.site != home_site::kIsHome && site.outcome != HomeOutcome::Refused) {
        out << "  resolved    queryFlags=" << queryFlagsText(site) << "\n";
    }
    out << "  outcome     " << summarizeHomeSite(site) << "\n";
    if (site.chooser.size() > kChooserEntriesShown) {
        for (const ComponentName& c : site.chooser) {
            out << "              " << c.flattenToShortString() << "\n";
        }
    }
    out << "  why         " << text::citeRule(site.rule, site.reason) << "\n";
    if (!site.note.empty()) out << "  next        " << site.note << "\n";
    for (const HomeCheck& check : site.checks) {
        if (check.startedBy == home_site::kBoot) continue;  // that one is the "why" above
        out << "  also        a " << check.startedBy << " (" << intentText(check.intent)
            << "): " << check.reason << "\n";
    }
    if (isHome) return;
    size_t index = 0;
    bool first = true;
    for (const HomeCandidate& c : site.candidates) {
        if (!c.candidate) continue;
        ++index;
        out << (first ? "  candidates  " : "              ") << index << ". "
            << c.component.flattenToShortString() << "  " << c.reason;
        const std::string where = candidateLocation(c);
        if (!where.empty()) out << "  [" << where << "]";
        out << "\n";
        first = false;
    }
    if (first && site.outcome != HomeOutcome::Refused) out << "  candidates  none\n";
    first = true;
    size_t mainOnly = 0;
    for (const HomeCandidate& c : site.candidates) {
        if (c.candidate) continue;
        if (!c.declaresHome) {
            ++mainOnly;
            continue;
        }
        out << (first ? "  rejected    " : "              ") << c.component.flattenToShortString()
            << "  " << c.rule << ": " << c.reason;
        const std::string where = candidateLocation(c);
        if (!where.empty()) out << "  [" << where << "]";
        out << "\n";
        first = false;
    }
    if (mainOnly > 0) {
        out << (first ? "  rejected    " : "              ") << mainOnly
            << (mainOnly == 1 ? " other MAIN activity" : " other MAIN activities")
            << " without HOME or HOME_FIRST (see --json)\n";
    }
}

Json candidateJson(const HomeCandidate& c) {
    Json j;
    j["component"] = c.component.flattenToShortString();
    j["candidate"] = c.candidate;
    if (c.candidate) {
        j["priority"] = c.priority;
        j["declaredPriority"] = c.declaredPriority;
        j["isDefault"] = c.isDefault;
        j["match"] = hex(c.match);
    } else {
        j["rule"] = c.rule;
    }
    j["declaresHome"] = c.declaresHome;
    j["reason"] = c.reason;
    // One nested location, as in every answer (docs/json.md): the deciding filter, or the
    // component when no filter decided.
    j["location"] = json_contract::locationJson(c.where);
    return j;
}

Json componentOrNull(const std::optional<ComponentName>& component) {
    return component ? Json(component->flattenToShortString()) : Json(nullptr);
}

Json componentList(const std::vector<ComponentName>& components) {
    Json list = Json::array();
    for (const ComponentName& c : components) list.push_back(c.flattenToShortString());
    return list;
}

Json siteJson(const HomeSiteReport& site) {
    Json j;
    j["site"] = site.site;
    j["where"] = site.where;
    j["category"] = site.category;
    j["intent"] = json_contract::intentJson(site.intent);
    j["queryFlags"] = hex(site.queryFlags);
    j["matchDefaultOnly"] = site.matchDefaultOnly;
    j["outcome"] = homeOutcomeName(site.outcome);
    j["component"] = componentOrNull(site.component);
    j["chooser"] = componentList(site.chooser);
    if (site.site == home_site::kRecents) j["hidden"] = componentOrNull(site.hidden);
    Json candidates = Json::array();
    for (const HomeCandidate& c : site.candidates) candidates.push_back(candidateJson(c));
    j["candidates"] = std::move(candidates);
    if (!site.checks.empty()) {
        Json checks = Json::array();
        for (const HomeCheck& check : site.checks) {
            Json c;
            c["startedBy"] = check.startedBy;
            c["intent"] = json_contract::intentJson(check.intent);
            c["component"] = componentOrNull(check.component);
            c["chooser"] = componentList(check.chooser);
            c["isHome"] = check.isHome;
            c["rule"] = check.rule;
            c["reason"] = check.reason;
            checks.push_back(std::move(c));
        }
        j["checks"] = std::move(checks);
    }
    j["rule"] = site.rule;
    j["reason"] = site.reason;
    if (!site.note.empty()) j["note"] = site.note;
    return j;
}

// The report's own fields; the answer's header (schemaVersion, device) comes first, once.
Json reportJson(const HomeReport& report) {
    Json j;
    if (!report.inferred.empty()) j["inferred"] = report.inferred;
    Json framework;
    framework["api"] = report.apiLevel;
    framework["generation"] = frameworkGenerationName(report.generation);
    framework["patch"] = describePatch(report.patch);
    Json sites = Json::object();
    for (const auto& [site, category] : report.siteCategories) sites[site] = category;
    framework["sites"] = std::move(sites);
    j["framework"] = std::move(framework);
    j["userUnlocked"] = report.userUnlocked;
    j["userSetupComplete"] = report.userSetupComplete;
    if (report.role) {
        Json role;
        role["holder"] = report.role->holder ? Json(*report.role->holder) : Json(nullptr);
        role["fallback"] = report.role->fallback;
        role["reason"] = report.role->reason;
        j["roleHome"] = std::move(role);
    }
    Json sitesJson = Json::array();
    for (const HomeSiteReport& site : report.sites) sitesJson.push_back(siteJson(site));
    j["sites"] = std::move(sitesJson);
    j["warnings"] = report.warnings;
    return j;
}

void renderWarnings(std::ostream& out, const HomeReport& report, const std::string& label) {
    for (const std::string& warning : report.warnings) {
        out << "!! " << label << warning << "\n";
    }
}

std::string patchColumnTitle(const HomeReport& report) { return describePatch(report.patch); }

}  // namespace

std::string summarizeHomeSite(const HomeSiteReport& site) {
    const bool recents = site.site == home_site::kRecents;
    const bool isHome = site.site == home_site::kIsHome;
    const bool boot = site.site == home_site::kBoot;
    switch (site.outcome) {
        case HomeOutcome::Activity: {
            const std::string name = site.component ? site.component->flattenToShortString() : "?";
            if (recents) return "hides " + name;
            if (isHome) return name + " is home";
            return name;
        }
        case HomeOutcome::Chooser:
            if (recents && !site.hidden) return "hides nothing (home is ambiguous: the chooser)";
            if (isHome) return "the pick from the chooser is home";
            return chooserText(site.chooser);
        case HomeOutcome::None:
            if (boot) return "NO HOME (blank screen)";
            if (recents) return "hides nothing";
            if (isHome) {
                for (const HomeCheck& check : site.checks) {
                    if (check.startedBy == home_site::kBoot && check.component) {
                        return "nothing is home (" + check.component->flattenToShortString() +
                               " is an ordinary app)";
                    }
                }
                return "nothing is home";
            }
            return "nothing (HOME does nothing)";
        case HomeOutcome::Refused:
            return "refused: user setup in progress";
        case HomeOutcome::NotPresent:
            return "not present";
    }
    return "";
}

std::string renderHomeText(const HomeReport& report) {
    std::ostringstream out;
    out << "Home on " << headline(report) << ", framework " << describePatch(report.patch) << "\n";
    if (!report.inferred.empty()) out << "Inferred: " << report.inferred << "\n";
    if (report.generation == FrameworkGeneration::Modern) {
        out << stateLine(report) << "\n";
        if (report.role) {
            out << "ROLE_HOME: "
                << (report.role->holder ? *report.role->holder : std::string("no holder")) << " ("
                << report.role->reason << ")\n";
        }
    }
    out << "\n";
    std::vector<std::vector<std::string>> rows = {{"site", "category", "outcome"}};
    for (const HomeSiteReport& site : report.sites) {
        rows.push_back({site.site, shortCategory(site.category), summarizeHomeSite(site)});
    }
    renderTable(out, rows);
    if (!report.warnings.empty()) {
        out << "\n";
        renderWarnings(out, report, "");
    }
    for (const HomeSiteReport& site : report.sites) {
        out << "\n";
        renderSiteDetails(out, site);
    }
    return out.str();
}

// Manifest text is not checked for UTF-8 (pugixml keeps bytes as they are): replace what is not
// UTF-8 instead of letting nlohmann throw out of the renderer.
std::string renderHomeJson(const HomeReport& report) {
    Json j = json_contract::answerHeader(report.deviceName, report.apiLevel);
    j.update(reportJson(report));
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string renderHomeCompareText(const HomeReport& stock, const HomeReport& patched) {
    std::ostringstream out;
    out << "Home on " << headline(stock) << ": stock vs " << patchColumnTitle(patched) << "\n";
    if (!stock.inferred.empty()) out << "Inferred: " << stock.inferred << "\n";
    if (stock.generation == FrameworkGeneration::Modern) out << stateLine(stock) << "\n";
    out << "\n";
    std::vector<std::vector<std::string>> rows = {{"site", "stock (every site HOME)", "category",
                                                   "patched (" + patchColumnTitle(patched) + ")"}};
    for (size_t i = 0; i < stock.sites.size() && i < patched.sites.size(); ++i) {
        rows.push_back({stock.sites[i].site, summarizeHomeSite(stock.sites[i]),
                        shortCategory(patched.sites[i].category),
                        summarizeHomeSite(patched.sites[i])});
    }
    renderTable(out, rows);
    if (!stock.warnings.empty() || !patched.warnings.empty()) out << "\n";
    renderWarnings(out, stock, "stock: ");
    renderWarnings(out, patched, "patched: ");
    for (const auto& [label, report] :
         {std::pair<const char*, const HomeReport*>{"stock", &stock}, {"patched", &patched}}) {
        out << "\nwhy (" << label << ")\n";
        std::vector<std::vector<std::string>> why;
        for (const HomeSiteReport& site : report->sites) {
            why.push_back({site.site, text::citeRule(site.rule, site.reason)});
        }
        renderTable(out, why);
    }
    out << "\nCandidates and rejected activities: hearth home DEVICE [--patch home-first] "
           "(or --json).\n";
    return out.str();
}

std::string renderHomeCompareJson(const HomeReport& stock, const HomeReport& patched) {
    Json j = json_contract::answerHeader(stock.deviceName, stock.apiLevel);
    j["stock"] = reportJson(stock);
    j["patched"] = reportJson(patched);
    return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace hearth

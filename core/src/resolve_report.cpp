// Text and JSON renderings of query/resolve answers (spec 6.1, 6.2) and of --explain.

#include <hearth/resolve_report.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "json_contract.h"
#include "resolve_report_json.h"
#include "text.h"

namespace hearth {

namespace {

using Json = nlohmann::ordered_json;
using text::hex;

const char* infoBlockName(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Service:
            return "ServiceInfo:";
        case ComponentKind::Provider:
            return "ProviderInfo:";
        default:
            return "ActivityInfo:";
    }
}

const char* singular(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Service:
            return "Service";
        case ComponentKind::Receiver:
            return "Receiver";
        case ComponentKind::Provider:
            return "Provider";
        default:
            return "Activity";
    }
}

std::string location(const SourceLocation& where) {
    std::string out = where.file;
    if (where.line > 0) {
        out += ":" + std::to_string(where.line);
        if (where.column > 0) out += ":" + std::to_string(where.column);
    }
    return out;
}

std::string patternDump(const PatternMatcher& matcher) {
    // PatternMatcher.toString() spells the kinds in capitals.
    const char* kind = "LITERAL";
    switch (matcher.kind()) {
        case PatternKind::Literal:
            kind = "LITERAL";
            break;
        case PatternKind::Prefix:
            kind = "PREFIX";
            break;
        case PatternKind::SimpleGlob:
            kind = "GLOB";
            break;
        case PatternKind::AdvancedGlob:
            kind = "ADVANCED";
            break;
        case PatternKind::Suffix:
            kind = "SUFFIX";
            break;
    }
    return std::string("PatternMatcher{") + kind + ": " + matcher.pattern() + "}";
}

void dumpFilter(std::string& out, const IntentFilter& filter, int priority,
                const std::string& prefix) {
    for (const std::string& action : filter.actions) {
        out += prefix + "Action: \"" + action + "\"\n";
    }
    for (const std::string& category : filter.categories) {
        out += prefix + "Category: \"" + category + "\"\n";
    }
    for (const std::string& scheme : filter.schemes) {
        out += prefix + "Scheme: \"" + scheme + "\"\n";
    }
    for (const PatternMatcher& ssp : filter.ssps) {
        out += prefix + "Ssp: \"" + patternDump(ssp) + "\"\n";
    }
    for (const FilterAuthority& authority : filter.authorities) {
        const bool wild = !authority.host.empty() && authority.host[0] == '*';
        out += prefix + "Authority: \"" + (wild ? authority.host.substr(1) : authority.host) +
               "\": " + std::to_string(authority.port.value_or(-1)) + (wild ? " WILD" : "") + "\n";
    }
    for (const PatternMatcher& path : filter.paths) {
        out += prefix + "Path: \"" + patternDump(path) + "\"\n";
    }
    bool partial = false;
    for (const std::string& type : filter.types) {
        out += prefix + "Type: \"" + type + "\"\n";
        const size_t slash = type.find('/');
        partial = partial || (slash != std::string::npos && type.size() == slash + 2 &&
                              type[slash + 1] == '*');
    }
    out += prefix + "mPriority=" + std::to_string(priority) +
           ", mOrder=" + std::to_string(filter.order) +
           ", mHasPartialTypes=" + (partial ? "true" : "false") + "\n";
    if (filter.autoVerify) out += prefix + "AutoVerify=true\n";
}

std::string priorityLine(const ResolveInfo& info) {
    return "priority=" + std::to_string(info.priority) +
           " preferredOrder=" + std::to_string(info.preferredOrder) + " match=" + hex(info.match) +
           " specificIndex=-1 isDefault=" + (info.isDefault ? "true" : "false");
}

Json filterJson(const IntentFilter* filter) {
    return filter ? json_contract::locationJson(filter->where) : Json(nullptr);
}

// The answer's first fields: schemaVersion, device and intent when the caller gives them.
Json answerStart(const AnswerContext& context) {
    return context.device ? json_contract::answerHeader(*context.device, context.intent)
                          : Json::object();
}

Json resolveInfoJson(const ResolveInfo& info) {
    Json out;
    out["component"] = info.component.flattenToShortString();
    out["package"] = info.component.packageName;
    out["class"] = info.component.className;
    out["priority"] = info.priority;
    out["declaredPriority"] = info.declaredPriority;
    out["preferredOrder"] = info.preferredOrder;
    out["match"] = hex(info.match);  // one form in every answer, as pm prints it
    out["isDefault"] = info.isDefault;
    out["system"] = info.system;
    out["kind"] = componentKindName(info.kind);
    out["filter"] = filterJson(info.filter);
    return out;
}

Json rejectionsJson(const std::vector<Rejection>& rejections) {
    Json list = Json::array();
    for (const Rejection& rejection : rejections) {
        Json item;
        item["component"] = rejection.component.flattenToShortString();
        item["kind"] = componentKindName(rejection.kind);
        item["rule"] = rejection.rule;
        item["reason"] = rejection.reason;
        item["nearMiss"] = rejection.nearMiss;
        item["filter"] = filterJson(rejection.filter);
        list.push_back(std::move(item));
    }
    return list;
}

Json componentList(const std::vector<ComponentName>& components) {
    Json list = Json::array();
    for (const ComponentName& name : components) list.push_back(name.flattenToShortString());
    return list;
}

std::string candidateLine(const ResolveInfo& info) {
    std::string out = info.component.flattenToShortString() +
                      "  priority=" + std::to_string(info.priority) + " match=" + hex(info.match) +
                      " isDefault=" + (info.isDefault ? "true" : "false") +
                      " system=" + (info.system ? "true" : "false");
    if (info.filter) out += "  (" + location(info.filter->where) + ")";
    return out;
}

// The post-query steps (W-3) for --explain: each step's sentence, then every candidate a step
// kept with its rule (the removed ones are among the "Not candidates").
std::string renderSteps(const QuerySteps& steps) {
    if (steps.notes.empty() && steps.verdicts.empty()) return "";
    std::string out = "After the query (W-3):\n";
    for (const std::string& note : steps.notes) out += "  " + note + "\n";
    // Candidates kept for the same reason share one line.
    std::vector<std::pair<std::string, std::string>> lines;  // names, "rule: reason"
    for (const CandidateVerdict& verdict : steps.verdicts) {
        if (!verdict.kept) continue;
        const std::string why = verdict.rule + ": " + verdict.reason;
        const std::string name = verdict.component.flattenToShortString();
        if (!lines.empty() && lines.back().second == why) {
            lines.back().first += ", " + name;
        } else {
            lines.emplace_back(name, why);
        }
    }
    for (const auto& [names, why] : lines) out += "  kept " + names + " — " + why + "\n";
    return out;
}

Json stepsJson(const QuerySteps& steps) {
    Json out;
    out["notes"] = steps.notes;
    Json list = Json::array();
    for (const CandidateVerdict& verdict : steps.verdicts) {
        Json item;
        item["component"] = verdict.component.flattenToShortString();
        item["kept"] = verdict.kept;
        item["rule"] = verdict.rule;
        item["reason"] = verdict.reason;
        list.push_back(std::move(item));
    }
    out["verdicts"] = std::move(list);
    return out;
}

}  // namespace

const char* componentKindPlural(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Service:
            return "services";
        case ComponentKind::Receiver:
            return "receivers";
        case ComponentKind::Provider:
            return "providers";
        default:
            return "activities";
    }
}

std::string renderFilterSummary(const IntentFilter& filter) {
    const auto joined = [](const std::vector<std::string>& words, const char* separator) {
        std::string out;
        for (const std::string& word : words) out += (out.empty() ? "" : separator) + word;
        return out;
    };
    std::vector<std::string> actions;
    for (const std::string& action : filter.actions) actions.push_back(text::shortName(action));
    std::vector<std::string> categories;
    for (const std::string& category : filter.categories) {
        categories.push_back(text::shortName(category));
    }
    std::vector<std::string> data;
    for (const std::string& scheme : filter.schemes) data.push_back(scheme + ":");
    for (const FilterAuthority& authority : filter.authorities) {
        data.push_back(authority.host +
                       (authority.port ? ":" + std::to_string(*authority.port) : std::string()));
    }
    for (const PatternMatcher& path : filter.paths) data.push_back(path.pattern());
    data.insert(data.end(), filter.types.begin(), filter.types.end());
    std::string out = actions.empty() ? "(no action)" : joined(actions, ", ");
    if (!categories.empty()) out += "  \u00b7  " + joined(categories, ", ");
    if (!data.empty()) out += "  \u00b7  " + joined(data, " ");
    return out;
}

std::string renderResolveInfo(const ResolveInfo& info, std::string_view prefixView,
                              const ReportStyle& style) {
    const std::string prefix(prefixView);
    const std::string shortName = info.component.flattenToShortString();
    if (style.components) return prefix + shortName + "\n";
    if (style.brief) return prefix + priorityLine(info) + "\n" + prefix + shortName + "\n";

    std::string out;
    if (info.filter) {
        out += prefix + "Filter:\n";
        dumpFilter(out, *info.filter, info.priority, prefix + "  ");
    }
    out += prefix + priorityLine(info) + "\n";
    out += prefix + infoBlockName(info.kind) + "\n";
    const std::string inner = prefix + "  ";
    out += inner + "name=" + info.component.className + "\n";
    out += inner + "packageName=" + info.component.packageName + "\n";
    if (!info.info) return out;  // the ResolverActivity: nothing else is known about it
    const Component& component = *info.info;
    if (component.label) out += inner + "nonLocalizedLabel=" + *component.label + "\n";
    const bool enabled =
        info.package ? info.package->isComponentEnabled(component) : component.enabled;
    out += inner + "enabled=" + (enabled ? "true" : "false") +
           " exported=" + (component.exported ? "true" : "false") +
           " directBootAware=" + (component.directBootAware ? "true" : "false") + "\n";
    std::string process = info.component.packageName;
    if (component.process) {
        process = *component.process;
    } else if (info.package && info.package->manifest.application.process) {
        process = *info.package->manifest.application.process;
    }
    out += inner + "processName=" + process + "\n";
    if (component.permission) out += inner + "permission=" + *component.permission + "\n";
    if (!component.targetActivity.empty()) {
        out += inner + "targetActivity=" + component.targetActivity + "\n";
    }
    if (component.kind == ComponentKind::Activity || component.kind == ComponentKind::ActivityAlias)
        out += inner + "launchMode=" + component.launchMode + "\n";
    out += inner + "source=" + location(component.where) + "\n";
    if (info.filter) out += inner + "filter=" + location(info.filter->where) + "\n";
    return out;
}

std::string renderQueryText(const std::vector<ResolveInfo>& results, ComponentKind kind,
                            const ReportStyle& style) {
    if (results.empty()) return std::string("No ") + componentKindPlural(kind) + " found\n";
    std::string out;
    if (style.components) {
        for (const ResolveInfo& info : results) out += renderResolveInfo(info, "", style);
        return out;
    }
    out += std::to_string(results.size()) + " " + componentKindPlural(kind) + " found:\n";
    for (size_t i = 0; i < results.size(); ++i) {
        out += std::string("  ") + singular(kind) + " #" + std::to_string(i) + ":\n";
        out += renderResolveInfo(results[i], "    ", style);
    }
    return out;
}

std::string renderResolveText(const ResolveResult& result, ComponentKind kind,
                              const ReportStyle& style) {
    if (result.outcome == ResolveOutcome::None || !result.chosen) {
        return std::string("No ") +
               (kind == ComponentKind::Activity || kind == ComponentKind::ActivityAlias
                    ? "activity"
                    : componentKindName(kind)) +
               " found\n";
    }
    std::string out = renderResolveInfo(*result.chosen, "", style);
    // pm prints only the ResolverActivity; the dump (not --brief or --components, which stay
    // pm's) also names what the chooser lists, so a second query is not needed (issue 15).
    if (result.outcome == ResolveOutcome::Chooser && !style.brief && !style.components) {
        out += "Chooser lists " + std::to_string(result.candidates.size()) + " " +
               componentKindPlural(kind) + ":";
        for (size_t i = 0; i < result.candidates.size(); ++i) {
            out += (i ? ", " : " ") + result.candidates[i].component.flattenToShortString();
        }
        out += "\n";
    }
    return out;
}

std::string describeRejection(const Rejection& rejection) {
    std::string out = rejection.component.flattenToShortString() + ": not a candidate — " +
                      rejection.rule + ": " + rejection.reason;
    if (rejection.filter && !rejection.filter->where.file.empty()) {
        out += " (" + location(rejection.filter->where) + ")";
    }
    return out;
}

namespace {

// Whether --why's subject (a package, or "pkg/.Cls") names this component.
bool isSubject(const ComponentName& component, const std::string& only) {
    if (only.find('/') == std::string::npos) return component.packageName == only;
    const std::optional<ComponentName> named = ComponentName::unflatten(only);
    return named && *named == component;
}

// Beyond this many candidates the order lists only the first ones: the rest follow the same R-9
// keys, and a 10,000-package device has thousands of launchers.
constexpr size_t kCandidatesListed = 10;

// The candidates in Android's order, each with the R-9 key that put it after the previous one:
// every one with --explain=all, --why's subject only, else the first kCandidatesListed and a count.
std::string renderCandidateOrder(const std::vector<ResolveInfo>& list, int apiLevel,
                                 const ExplainStyle& style, bool withDeclaredPriority) {
    std::string out;
    size_t listed = 0;
    for (size_t i = 0; i < list.size(); ++i) {
        const ResolveInfo& info = list[i];
        if (!style.only.empty() ? !isSubject(info.component, style.only)
                                : !style.all && listed == kCandidatesListed) {
            continue;
        }
        ++listed;
        out += "  #" + std::to_string(i) + " " + candidateLine(info);
        if (i > 0) {
            out += " — after #" + std::to_string(i - 1) + ": " +
                   describeOrder(list[i - 1], info, apiLevel);
        }
        if (withDeclaredPriority && info.priority != info.declaredPriority) {
            out += " [declared priority " + std::to_string(info.declaredPriority) + "]";
        }
        out += "\n";
    }
    if (style.only.empty() && listed < list.size()) {
        out += "  … " + std::to_string(list.size() - listed) +
               " more in the same order (--explain=all lists every one)\n";
    } else if (!style.only.empty() && listed == 0) {
        out += "  (" + style.only + " is not among them)\n";
    }
    return out;
}

// Beyond this many packages the far rows are one line, so a large device's explanation stays a
// screenful (issue 15).
constexpr size_t kFoldedPackagesListed = 20;

// "M-3 ×12, Q-2 ×1": how many rows each rule produced, most frequent first.
std::string ruleTally(const std::vector<const Rejection*>& rows) {
    std::map<std::string, size_t> counts;
    for (const Rejection* row : rows) ++counts[row->rule];
    std::vector<std::pair<std::string, size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    for (const auto& [rule, count] : sorted) {
        out += (out.empty() ? "" : ", ") + rule + " ×" + std::to_string(count);
    }
    return out;
}

// Beyond this many near misses, those with the same rule and sentence share one line that names
// each of them (a device's 2,000 disabled launcher aliases are one line, not a scroll).
constexpr size_t kNearMissesListed = 20;

std::string renderNearMisses(const std::vector<const Rejection*>& near) {
    std::string out;
    if (near.size() <= kNearMissesListed) {
        for (const Rejection* rejection : near) out += "  " + describeRejection(*rejection) + "\n";
        return out;
    }
    std::vector<std::pair<std::string, std::vector<const Rejection*>>> groups;  // first-seen order
    std::map<std::string, size_t> groupOf;
    for (const Rejection* rejection : near) {
        const std::string key = rejection->rule + ": " + rejection->reason;
        auto [it, added] = groupOf.emplace(key, groups.size());
        if (added) groups.emplace_back(key, std::vector<const Rejection*>{});
        groups[it->second].second.push_back(rejection);
    }
    for (const auto& [why, rows] : groups) {
        if (rows.size() == 1) {
            out += "  " + describeRejection(*rows.front()) + "\n";
            continue;
        }
        out += "  " + std::to_string(rows.size()) + " × " + why + ":";
        for (size_t i = 0; i < rows.size(); ++i) {
            out += (i ? ", " : " ") + rows[i]->component.flattenToShortString();
        }
        out += "\n";
    }
    return out;
}

std::string renderNotCandidates(const std::vector<Rejection>& rejections, const char* noneLine,
                                const ExplainStyle& style) {
    if (!style.only.empty()) {
        if (rejections.empty()) {
            return "Not candidates among " + style.only + ": none (each is in the list)\n";
        }
        // Every row of the one package asked about, its near misses first.
        std::vector<const Rejection*> rows;
        for (const Rejection& rejection : rejections) rows.push_back(&rejection);
        std::stable_partition(rows.begin(), rows.end(),
                              [](const Rejection* row) { return row->nearMiss; });
        std::string out = "Not candidates among " + style.only + " (near misses first):\n";
        for (const Rejection* row : rows) out += "  " + describeRejection(*row) + "\n";
        return out;
    }
    if (rejections.empty()) return std::string("Not candidates: ") + noneLine + "\n";
    if (style.all) {
        std::string out = "Not candidates:\n";
        for (const Rejection& rejection : rejections) {
            out += "  " + describeRejection(rejection) + "\n";
        }
        return out;
    }
    std::string out = "Not candidates (near misses first):\n";
    std::vector<std::string> packages;  // in device order
    std::map<std::string, std::vector<const Rejection*>> far;
    std::vector<const Rejection*> near;
    for (const Rejection& rejection : rejections) {
        if (rejection.nearMiss) {
            near.push_back(&rejection);
            continue;
        }
        auto& rows = far[rejection.component.packageName];
        if (rows.empty()) packages.push_back(rejection.component.packageName);
        rows.push_back(&rejection);
    }
    out += renderNearMisses(near);
    if (far.empty()) return out;
    std::vector<const Rejection*> all;
    for (const auto& [package, rows] : far) all.insert(all.end(), rows.begin(), rows.end());
    const ComponentKind kind = all.front()->kind;
    const std::string noun = all.size() != 1 ? componentKindPlural(kind)
                             : kind == ComponentKind::ActivityAlias
                                 ? "activity"
                                 : componentKindName(kind);
    out += "  Far from matching: " + std::to_string(all.size()) + " " + noun + " in " +
           std::to_string(far.size()) + (far.size() == 1 ? " package" : " packages");
    if (far.size() > kFoldedPackagesListed) out += " — " + ruleTally(all);
    out += " (--explain=all lists them, --why PKG explains one package)\n";
    if (far.size() <= kFoldedPackagesListed) {
        for (const std::string& package : packages) {
            const auto& rows = far[package];
            out += "    " + package + ": " + std::to_string(rows.size()) + " — " +
                   ruleTally(rows) + "\n";
        }
    }
    return out;
}

}  // namespace

std::string renderQueryExplanation(const std::vector<ResolveInfo>& results,
                                   const std::vector<Rejection>& rejections, int apiLevel,
                                   const QuerySteps* steps, const ExplainStyle& style) {
    std::string out = steps ? renderSteps(*steps) : "";
    if (results.size() > 1) {
        out += "Order (R-9):\n" + renderCandidateOrder(results, apiLevel, style, false);
    }
    return out + renderNotCandidates(
                     rejections, "none (every component of this kind is in the list)", style);
}

std::string renderResolveExplanation(const ResolveResult& result,
                                     const std::vector<Rejection>& rejections, int apiLevel,
                                     const ExplainStyle& style) {
    std::string out = std::string("Outcome: ") + resolveOutcomeName(result.outcome);
    if (result.chosen) out += " (" + result.chosen->component.flattenToShortString() + ")";
    out += "\nWhy: " + text::citeRule(result.rule, result.reason) + "\n";
    if (!result.candidates.empty()) {
        out += "Candidates (Android's order, R-9):\n" +
               renderCandidateOrder(result.candidates, apiLevel, style, true);
    }
    out += renderSteps(result.steps);
    for (const PreferredChange& change : result.preferredChanges) {
        out += std::string("Preferred table: ") + preferredChangeKindName(change.kind) +
               " entry preferred[" + std::to_string(change.index) + "]\n";
    }
    return out + renderNotCandidates(rejections, "none (every activity is in the list)", style);
}

// Manifest text is not checked for UTF-8 (pugixml keeps bytes as they are): both renderers replace
// what is not UTF-8 instead of letting nlohmann throw out of them.
std::string renderQueryJson(const std::vector<ResolveInfo>& results,
                            const std::vector<Rejection>* rejections, const QuerySteps* steps,
                            const AnswerContext& context) {
    Json out = answerStart(context);
    Json list = Json::array();
    for (const ResolveInfo& info : results) list.push_back(resolveInfoJson(info));
    out["results"] = std::move(list);
    if (rejections) out["explain"] = rejectionsJson(*rejections);
    if (rejections && steps && !steps->notes.empty()) out["steps"] = stepsJson(*steps);
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json resolveAnswerJson(const ResolveResult& result, const std::vector<Rejection>* rejections,
                       const AnswerContext& context) {
    Json out = answerStart(context);
    out["outcome"] = resolveOutcomeName(result.outcome);
    if (result.chosen) {
        out["component"] = result.chosen->component.flattenToShortString();
    } else {
        out["component"] = nullptr;
    }
    out["rule"] = result.rule;
    out["reason"] = text::citeRule(result.rule, result.reason);  // schema 1 cites the rule
    Json list = Json::array();
    for (const ResolveInfo& info : result.candidates) list.push_back(resolveInfoJson(info));
    out["candidates"] = std::move(list);
    if (result.preferredIndex) {
        out["preferred"] = *result.preferredIndex;
    } else {
        out["preferred"] = nullptr;
    }
    if (result.persistentPreferredIndex) {
        out["persistentPreferred"] = *result.persistentPreferredIndex;
    }
    Json changes = Json::array();
    for (const PreferredChange& change : result.preferredChanges) {
        Json item;
        item["kind"] = preferredChangeKindName(change.kind);
        item["index"] = change.index;
        if (change.kind == PreferredChange::Kind::ShrinkSet) {
            item["set"] = componentList(change.newSet);
        }
        changes.push_back(std::move(item));
    }
    out["preferredChanges"] = std::move(changes);
    if (rejections) out["explain"] = rejectionsJson(*rejections);
    if (rejections && !result.steps.notes.empty()) out["steps"] = stepsJson(result.steps);
    return out;
}

std::string renderResolveJson(const ResolveResult& result,
                              const std::vector<Rejection>* rejections,
                              const AnswerContext& context) {
    return resolveAnswerJson(result, rejections, context)
               .dump(2, ' ', false, Json::error_handler_t::replace) +
           "\n";
}

}  // namespace hearth

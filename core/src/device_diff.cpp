// `hearth diff`: the probe intents a device's filters stand for, resolved on two devices, and
// HOME at every call site; the rows whose answer differs. The resolution is resolveStart's and
// analyzeHome's own, so a row says exactly what `hearth start` / `hearth home` would say.

#include <hearth/device_diff.h>

#include <hearth/app_links.h>
#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/intent_filter.h>
#include <hearth/package_index.h>
#include <hearth/start.h>

#include <map>

#include <nlohmann/json.hpp>

#include "json_contract.h"

namespace hearth {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kAnyHost = "example.org";  // stands for a filter host of "*"

// The shortest subject a path or SSP matcher accepts, as far as it can be written without
// search: a glob's "x*" and ".*" match nothing, '.' any one character; a prefix is itself; a
// suffix needs something before it. probeIntentsOf checks the result with the matcher itself.
std::string shortestMatch(const PatternMatcher& matcher) {
    const std::string& pattern = matcher.pattern();
    switch (matcher.kind()) {
        case PatternKind::Literal:
        case PatternKind::Prefix:
            return pattern;
        case PatternKind::Suffix:
            return "/x" + pattern;
        case PatternKind::SimpleGlob:
        case PatternKind::AdvancedGlob:
            break;
    }
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            out += pattern[++i];
            continue;
        }
        // One unit: a character, '.', or (advanced globs) a set "[a-z]", whose first member
        // stands for it.
        std::string unit(1, c == '.' ? 'x' : c);
        if (c == '[') {
            const size_t close = pattern.find(']', i + 1);
            if (close == std::string::npos) return out + pattern.substr(i);
            size_t first = i + 1;
            if (first < close && pattern[first] == '^') return out + pattern.substr(i);  // no guess
            unit = std::string(1, first < close ? pattern[first] : 'x');
            i = close;
        }
        const char next = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
        if (next == '*') {
            ++i;  // zero of them
        } else if (next == '+') {
            ++i;
            out += unit;  // one of them
        } else {
            out += unit;
        }
    }
    return out;
}

std::string concreteHost(const std::string& host) {
    if (host == "*" || host.empty()) return kAnyHost;
    if (host.front() == '*') return "x" + host.substr(1);  // "*.example.com": M-14 needs a label
    return host;
}

// One URI per scheme x authority x path (or scheme x SSP), written concretely.
std::vector<std::string> concreteUris(const IntentFilter& filter) {
    std::vector<std::string> out;
    for (const std::string& scheme : filter.schemes) {
        if (scheme.empty()) continue;  // "" takes scheme-less data: the no-data probe covers it
        if (filter.authorities.empty()) {
            if (filter.ssps.empty()) {
                out.push_back(isWebScheme(scheme) ? scheme + "://" + kAnyHost + "/" : scheme + ":x");
            }
            for (const PatternMatcher& ssp : filter.ssps) {
                out.push_back(scheme + ":" + shortestMatch(ssp));
            }
            continue;
        }
        for (const FilterAuthority& authority : filter.authorities) {
            std::string base = scheme + "://" + concreteHost(authority.host);
            if (authority.port && *authority.port >= 0) base += ":" + std::to_string(*authority.port);
            if (filter.paths.empty()) out.push_back(base + "/");
            for (const PatternMatcher& path : filter.paths) out.push_back(base + shortestMatch(path));
        }
    }
    return out;
}

// A shell word: left bare when it is plain, single-quoted otherwise.
std::string shellWord(const std::string& word) {
    const bool plain =
        !word.empty() && word.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                                "0123456789._/:=@%+,-") == std::string::npos;
    if (plain) return word;
    std::string out = "'";
    for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string argsOf(const Intent& intent) {
    std::string out;
    const auto add = [&out](const char* option, const std::string& value) {
        if (!out.empty()) out += ' ';
        out += std::string(option) + " " + shellWord(value);
    };
    if (intent.action) add("-a", *intent.action);
    for (const std::string& category : intent.categories) add("-c", category);
    if (intent.data) add("-d", intent.data->toString());
    if (intent.type) add("-t", *intent.type);
    return out;
}

Json outcomeJson(const DiffOutcome& outcome) {
    Json chooser = Json::array();
    for (const ComponentName& c : outcome.chooser) chooser.push_back(c.flattenToShortString());
    return {{"outcome", outcome.kind},
            {"component", outcome.component ? Json(outcome.component->flattenToShortString())
                                            : Json(nullptr)},
            {"chooser", chooser},
            {"rule", outcome.rule},
            {"reason", outcome.reason}};
}

std::string deviceWords(const Device& device) {
    return (device.name.empty() ? std::string("device") : device.name) + " (API " +
           std::to_string(device.apiLevel) + ")";
}

}  // namespace

std::string DiffOutcome::summary() const {
    if (kind == "activity" && component) return component->flattenToShortString();
    if (kind == "chooser") {
        std::string out = "chooser:";
        for (size_t i = 0; i < chooser.size(); ++i) {
            out += (i == 0 ? " " : ", ") + chooser[i].flattenToShortString();
        }
        return out;
    }
    if (kind == "none") return "nothing";
    return kind;
}

std::vector<ProbeIntent> probeIntentsOf(const IntentFilter& filter) {
    std::vector<ProbeIntent> out;
    std::vector<std::optional<std::string>> uris;
    for (std::string& uri : concreteUris(filter)) uris.emplace_back(std::move(uri));
    if (uris.empty()) uris.emplace_back(std::nullopt);
    std::vector<std::optional<std::string>> types(filter.types.begin(), filter.types.end());
    if (types.empty()) types.emplace_back(std::nullopt);

    for (const std::string& action : filter.actions) {
        for (const std::optional<std::string>& uri : uris) {
            for (const std::optional<std::string>& type : types) {
                Intent intent;
                intent.action = action;
                for (const std::string& category : filter.categories) {
                    if (category != names::kCategoryDefault) intent.addCategory(category);
                }
                if (uri) intent.data = Uri::parse(*uri);
                intent.type = type;
                if (filter.match(intent) < 0) continue;  // not a way to reach this filter
                std::string args = argsOf(intent);
                out.push_back({std::move(intent), std::move(args)});
            }
        }
    }
    return out;
}

std::vector<ProbeIntent> probeIntents(const Device& device) {
    std::map<std::string, ProbeIntent> unique;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed) continue;
        for (const Component& component : package.manifest.components) {
            if (component.kind != ComponentKind::Activity &&
                component.kind != ComponentKind::ActivityAlias) {
                continue;
            }
            for (const IntentFilter& filter : component.filters) {
                for (ProbeIntent& probe : probeIntentsOf(filter)) {
                    std::string key = probe.args;
                    unique.emplace(std::move(key), std::move(probe));
                }
            }
        }
    }
    std::vector<ProbeIntent> out;
    out.reserve(unique.size());
    for (auto& [args, probe] : unique) out.push_back(std::move(probe));
    return out;
}

DiffOutcome outcomeOf(const ResolveResult& result) {
    DiffOutcome out;
    out.kind = resolveOutcomeName(result.outcome);
    if (result.outcome == ResolveOutcome::Activity && result.chosen) {
        out.component = result.chosen->component;
    }
    if (result.outcome == ResolveOutcome::Chooser) {
        for (const ResolveInfo& info : result.candidates) out.chooser.push_back(info.component);
    }
    out.rule = result.rule;
    out.reason = result.reason;
    return out;
}

DiffOutcome outcomeOf(const StartResult& start) {
    DiffOutcome out = outcomeOf(start.result);
    if (start.result.outcome == ResolveOutcome::Chooser) out.chooser = start.chooser;
    return out;
}

DiffOutcome outcomeOf(const HomeSiteReport& site) {
    DiffOutcome out;
    out.kind = homeOutcomeName(site.outcome);
    out.component = site.component;
    out.chooser = site.chooser;
    out.rule = site.rule;
    out.reason = site.reason;
    return out;
}

DeviceDiff diffDevices(const Device& before, const Device& after, const DiffCallers& callers) {
    DeviceDiff diff;
    diff.callers = callers;
    const HomeReport homeBefore = analyzeHome(before);
    const HomeReport homeAfter = analyzeHome(after);
    for (const HomeSiteReport& site : homeBefore.sites) {
        for (const HomeSiteReport& other : homeAfter.sites) {
            if (other.site != site.site) continue;
            ++diff.intentsCompared;
            DiffRow row{"home " + site.site, site.site, outcomeOf(site), outcomeOf(other)};
            if (!row.before.sameAnswer(row.after)) diff.rows.push_back(std::move(row));
        }
    }

    std::map<std::string, Intent> intents;
    for (const Device* device : {&before, &after}) {
        for (ProbeIntent& probe : probeIntents(*device)) {
            intents.emplace(std::move(probe.args), std::move(probe.intent));
        }
    }
    const PackageIndex beforeIndex(before);
    const PackageIndex afterIndex(after);
    for (const auto& [args, intent] : intents) {
        ++diff.intentsCompared;
        // As `hearth start` answers: mode Start, MATCH_DEFAULT_ONLY, W-34, the chooser's entries.
        // Captured through a name of its own: clang 14 (the fuzz build) cannot capture a
        // structured binding.
        const auto startAs = [&intent = intent](const PackageIndex& index,
                                                const std::optional<Caller>& caller) {
            ResolveRequest request;
            request.intent = intent;
            request.caller = caller;
            return outcomeOf(resolveStart(index, std::move(request)));
        };
        DiffRow row{args, "", startAs(beforeIndex, callers.before),
                    startAs(afterIndex, callers.after)};
        if (!row.before.sameAnswer(row.after)) diff.rows.push_back(std::move(row));
    }
    return diff;
}

std::string renderDiffSummary(const DeviceDiff& diff, const Device& before, const Device& after) {
    const auto as = [](const std::optional<Caller>& caller) {
        return caller ? " as " + callerName(*caller) : std::string();
    };
    const std::string sides = "before " + deviceWords(before) + as(diff.callers.before) +
                              ", after " + deviceWords(after) + as(diff.callers.after);
    if (diff.rows.empty()) {
        return "No intent changes its outcome (" + std::to_string(diff.intentsCompared) +
               " compared; " + sides + ")";
    }
    return std::to_string(diff.rows.size()) + " of " + std::to_string(diff.intentsCompared) +
           " intents change their outcome (" + sides + ")";
}

std::string renderDiffText(const DeviceDiff& diff, const Device& before, const Device& after) {
    std::string out = renderDiffSummary(diff, before, after);
    if (diff.rows.empty()) return out + "\n";
    out += ":\n";
    for (const DiffRow& row : diff.rows) {
        out += "\n" + row.intent + "\n";
        out += "  before: " + row.before.summary() + "\n";
        out += "  after:  " + row.after.summary();
        if (!row.after.rule.empty()) out += "  (" + row.after.rule + ")";
        out += "\n";
    }
    return out;
}

std::string renderDiffJson(const DeviceDiff& diff, const Device& before, const Device& after) {
    Json out;
    out["schemaVersion"] = json_contract::kSchemaVersion;
    out["before"] = json_contract::deviceJson(before);
    out["after"] = json_contract::deviceJson(after);
    const auto callerJson = [](const std::optional<Caller>& caller) {
        return caller ? Json(callerName(*caller)) : Json(nullptr);
    };
    out["callers"] = {{"before", callerJson(diff.callers.before)},
                      {"after", callerJson(diff.callers.after)}};
    out["compared"] = diff.intentsCompared;
    Json rows = Json::array();
    for (const DiffRow& row : diff.rows) {
        rows.push_back({{"intent", row.intent},
                        {"site", row.site.empty() ? Json(nullptr) : Json(row.site)},
                        {"before", outcomeJson(row.before)},
                        {"after", outcomeJson(row.after)}});
    }
    out["changes"] = rows;
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace hearth

// PackageIndex::explain: for each component a query did not return, the rule that removed it
// (M-1..M-18 through describeFilterMatch, R-5, R-7, R-8, Q-2, Q-3, spec 3.3's stopped packages),
// or the verdict of the post-query step that removed it (W-3: domain filtering, caller rules).

#include <hearth/package_index.h>

#include <algorithm>
#include <string>
#include <vector>

#include <hearth/suggest.h>

#include "package_index_internal.h"
#include "text.h"

namespace hearth {

using index_detail::describePlan;
using index_detail::describeRegistration;
using index_detail::effectiveIntent;
using index_detail::firstCutHolding;
using index_detail::Group;
using index_detail::groupOf;
using index_detail::isExcludingStopped;
using index_detail::planScan;
using index_detail::refusal;
using index_detail::ScanPlan;
using text::hex;

namespace {

// Rejection::nearness of a candidate a post-query step removed: above every filter verdict
// (closeness() + stage tops out at 8).
constexpr int kNearnessRemoved = 9;
// The component an explicit intent names, refused: as near as a matching filter refused.
constexpr int kNearnessRefusedExplicit = 8;

// How close a filter came to producing a result, for choosing the filter that explains a
// component best: failures later in IntentFilter.match (M-1 order) and in spec 3.3 rank higher.
int closeness(int matchCode) {
    switch (matchCode) {
        case match::kNoMatchAction:
            return 1;
        case match::kNoMatchData:
            return 2;
        case match::kNoMatchType:
            return 3;
        case match::kNoMatchCategory:
            return 4;
        default:
            return matchCode >= 0 ? 5 : 0;
    }
}

std::string whyNoBucket(const ScanPlan& plan, const Intent& intent, const IntentFilter& filter) {
    std::string scanned;
    if (plan.count == 0) {
        if (intent.type &&
            (intent.type->find('/') == std::string::npos || intent.type->find('/') == 0)) {
            scanned = "this intent scans no bucket: its type '" + *intent.type +
                      "' has no 'base/' part and there is no scheme";
        } else if (intent.type) {
            scanned = "this intent scans no bucket: type '" + *intent.type +
                      "' without an action and no scheme";
        } else {
            scanned = "this intent scans no bucket: it has no action, no type and no scheme";
        }
    } else {
        scanned = "this intent scans only " + describePlan(plan);
    }
    return scanned + "; the filter is registered in " + describeRegistration(filter);
}

// Whether a filter that failed with `code` came close (Rejection::nearMiss): everything before the
// failing test matched and the failure is in a detail rather than in what the filter is for. A
// wrong action, another scheme or another host is not close: on a large device those are the
// thousands of rows nobody asked about.
bool failedNearly(const IntentFilter& filter, const Intent& intent, int code) {
    switch (code) {
        case match::kNoMatchCategory:
            // Action, type and data all matched (M-1's order). Without data or type only the
            // action did, which every MAIN/LAUNCHER filter does for a HOME intent: not close.
            return intent.data.has_value() || intent.type.has_value();
        case match::kNoMatchType:
            // The type is the last test of matchData: scheme, host and path already matched.
            // Close when one side has no type at all; another type is another kind of content.
            return !intent.type || filter.types.empty();
        case match::kNoMatchData: {
            const std::optional<std::string>& scheme = intent.scheme();
            if (!scheme || std::find(filter.schemes.begin(), filter.schemes.end(), *scheme) ==
                               filter.schemes.end()) {
                return false;
            }
            if (filter.authorities.empty() || !intent.data || !intent.data->host()) return true;
            return std::any_of(filter.authorities.begin(), filter.authorities.end(),
                               [&](const FilterAuthority& authority) {
                                   return filterHostMatches(authority.host, *intent.data->host());
                               });
        }
        default:
            return false;
    }
}

// The verdict of the step that removed a gathered candidate, if one did.
const CandidateVerdict* removalOf(const QueryTrace& trace, const ComponentName& name) {
    for (const CandidateVerdict& verdict : trace.steps.verdicts) {
        if (!verdict.kept && verdict.component == name) return &verdict;
    }
    return nullptr;
}

}  // namespace

std::optional<std::string> describeMissingPackage(const Device& device,
                                                  std::string_view packageName) {
    std::vector<std::string_view> installed;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed) continue;
        if (package.packageName() == packageName) return std::nullopt;
        installed.push_back(package.packageName());
    }
    std::string out = "no package '" + std::string(packageName) + "' is installed";
    if (auto meant = nearestName(packageName, installed, 2)) {
        out += "; did you mean '" + std::string(*meant) + "'?";
    }
    return out;
}

std::optional<std::string> describeMissingComponent(const Device& device, const ComponentName& name,
                                                    ComponentKind kind) {
    if (std::optional<std::string> missing = describeMissingPackage(device, name.packageName)) {
        return missing;
    }
    const auto holder =
        std::find_if(device.packages.begin(), device.packages.end(), [&](const auto& package) {
            return !package.removed && package.packageName() == name.packageName;
        });
    const Group group = groupOf(kind);
    const auto shortName = [&](const std::string& className) {
        return ComponentName{name.packageName, className}.flattenToShortString().substr(
            name.packageName.size() + 1);
    };
    std::vector<std::string> same;
    for (const Component& component : holder->manifest.components) {
        if (groupOf(component.kind) != group) continue;
        if (component.name == name.className) return std::nullopt;
        same.push_back(shortName(component.name));
    }
    std::string out = "'" + name.packageName + "' declares no " + componentKindName(kind) + " '" +
                      shortName(name.className) + "'";
    if (same.empty()) return out + "; it declares none of that kind";
    constexpr size_t kListed = 8;
    out += "; it has ";
    for (size_t i = 0; i < same.size() && i < kListed; ++i) out += (i ? ", " : "") + same[i];
    if (same.size() > kListed) out += " and " + std::to_string(same.size() - kListed) + " more";
    return out;
}

std::vector<Rejection> PackageIndex::explain(const Intent& intent, int queryFlags,
                                             ComponentKind kind) const {
    return explain(ResolveRequest{intent, queryFlags, kind, ResolveMode::Query});
}

std::vector<Rejection> PackageIndex::explain(const ResolveRequest& request) const {
    return explain(request, [](const InstalledPackage&, const Component&) { return true; });
}

std::vector<Rejection> PackageIndex::explain(
    const ResolveRequest& request,
    const std::function<bool(const InstalledPackage&, const Component&)>& wanted) const {
    std::vector<Rejection> out;
    const QueryTrace trace = this->trace(request);
    const std::vector<ResolveInfo>& answer = trace.results;
    const int queryFlags = request.queryFlags;
    const ComponentKind kind = request.kind;
    const Intent& intent = effectiveIntent(request.intent);
    const Group group = groupOf(kind);
    const bool defaultOnly = (queryFlags & flags::kMatchDefaultOnly) != 0;
    const ScanPlan plan = planScan(intent);
    const bool excludingStopped = isExcludingStopped(intent);
    bool namedComponentSeen = false;

    for (const InstalledPackage& package : m_device.packages) {
        if (package.removed) continue;
        for (const Component& component : package.manifest.components) {
            if (groupOf(component.kind) != group) continue;
            const ComponentName name{package.packageName(), component.name};
            // an explicit intent is about one component; the others say nothing useful.
            if (intent.component && !(*intent.component == name)) continue;
            namedComponentSeen = namedComponentSeen || intent.component.has_value();
            if (!wanted(package, component)) continue;
            const bool inAnswer = std::any_of(answer.begin(), answer.end(),
                                              [&](const auto& r) { return r.component == name; });
            if (inAnswer) continue;
            Rejection rejection;
            rejection.component = name;
            rejection.kind = component.kind;
            // Gathered, then removed by a post-query step (W-3): that step's own verdict.
            if (const CandidateVerdict* removed = removalOf(trace, name)) {
                const auto gathered = std::find_if(
                    trace.gathered.begin(), trace.gathered.end(),
                    [&](const ResolveInfo& info) { return info.component == name; });
                rejection.filter = gathered != trace.gathered.end() ? gathered->filter : nullptr;
                rejection.rule = removed->rule;
                rejection.reason = removed->reason;
                rejection.nearness = kNearnessRemoved;
                rejection.nearMiss = true;
                out.push_back(rejection);
                continue;
            }
            auto reject = [&](const IntentFilter* filter, std::string rule, std::string reason,
                              bool nearMiss) {
                rejection.filter = filter;
                rejection.rule = std::move(rule);
                rejection.reason = std::move(reason);
                rejection.nearMiss = nearMiss;
                out.push_back(rejection);
            };

            if (intent.component) {
                std::optional<std::string> why = refusal(*m_impl, package, component, queryFlags);
                rejection.nearness = kNearnessRefusedExplicit;
                reject(nullptr, "R-8",
                       "the intent names it explicitly, but " +
                           why.value_or("it is not available"),
                       true);
                continue;
            }
            if (intent.package && *intent.package != package.packageName()) {
                reject(nullptr, "Q-3",
                       "the intent is restricted to package '" + *intent.package + "'", false);
                continue;
            }
            if (excludingStopped && package.stopped && !package.system) {
                reject(nullptr, "3.3",
                       "the package is stopped and the intent has FLAG_EXCLUDE_STOPPED_PACKAGES "
                       "(0x10)",
                       true);
                continue;
            }
            if (component.filters.empty()) {
                reject(nullptr, "Q-2",
                       std::string("it declares no <intent-filter>: only an explicit intent (-n) "
                                   "reaches it"),
                       false);
                continue;
            }

            // The filter that came closest decides the explanation (first one on a tie).
            const IntentFilter* best = nullptr;
            int bestRank = -1;
            int bestCode = 0;
            int bestStage = 0;  // 0 match failed, 1 no bucket, 2 not DEFAULT, 3 passed
            for (const IntentFilter& filter : component.filters) {
                const int code = filter.match(intent);
                int stage = 0;
                int rank = closeness(code);
                if (code >= 0) {
                    stage = 3;
                    if (!intent.package && firstCutHolding(plan, filter) < 0) {
                        stage = 1;
                    } else if (defaultOnly && !filter.hasDefault()) {
                        stage = 2;
                    }
                    rank += stage;
                }
                if (rank > bestRank) {
                    bestRank = rank;
                    best = &filter;
                    bestCode = code;
                    bestStage = stage;
                }
            }
            rejection.nearness = bestRank;
            if (bestCode < 0) {
                MatchExplanation why = describeFilterMatch(*best, intent, bestCode);
                reject(best, why.rule, why.reason, failedNearly(*best, intent, bestCode));
            } else if (bestStage == 1) {
                reject(best, "R-5",
                       "the filter would match (" + hex(bestCode) +
                           ") but the resolver never looks at it: " +
                           whyNoBucket(plan, intent, *best),
                       true);
            } else if (bestStage == 2) {
                reject(best, "R-7",
                       "the filter matches (" + hex(bestCode) +
                           ") but lacks category 'android.intent.category.DEFAULT', which "
                           "MATCH_DEFAULT_ONLY requires",
                       true);
            } else {
                std::optional<std::string> why = refusal(*m_impl, package, component, queryFlags);
                reject(best, "R-8",
                       "the filter matches (" + hex(bestCode) + ") but " +
                           why.value_or("the component was refused"),
                       true);
            }
        }
    }
    if (intent.component && !namedComponentSeen) {
        Rejection missing;
        missing.component = *intent.component;
        missing.kind = kind;
        missing.rule = "Q-2";
        missing.reason = describeMissingComponent(m_device, *intent.component, kind)
                             .value_or("the intent names it explicitly, but it is not available");
        missing.nearMiss = true;
        out.push_back(std::move(missing));
    }
    return out;
}

}  // namespace hearth

// chooseBestActivity (C-1..C-6) and the preferred-activity lookup it consults when the top two
// candidates tie, findPreferredActivity (P-6..P-8), as PackageManagerService splits them; and
// resolve() for the other component kinds, which never show a chooser.

#include <hearth/app_links.h>
#include <hearth/package_index.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "package_index_internal.h"
#include "text.h"

namespace hearth {

using index_detail::effectiveIntent;
using index_detail::firstCutHolding;
using index_detail::isActivityKind;
using index_detail::planScan;
using index_detail::ScanPlan;
using text::hex;

namespace {

bool isHomeIntent(const Intent& intent) {
    return intent.action && *intent.action == names::kActionMain &&
           intent.hasCategory(names::kCategoryHome) && intent.categories.size() == 1 &&
           !intent.data && !intent.type;
}

std::string entryName(const char* table, size_t index, const PreferredActivity& entry) {
    std::string out = std::string(table) + "[" + std::to_string(index) + "] (" +
                      entry.component.flattenToShortString();
    if (entry.where.line > 0) {
        out += " at " + entry.where.file + ":" + std::to_string(entry.where.line);
    }
    return out + ")";
}

std::optional<size_t> findInQuery(const std::vector<ResolveInfo>& query,
                                  const ComponentName& component) {
    for (size_t i = 0; i < query.size(); ++i) {
        if (query[i].component == component) return i;
    }
    return std::nullopt;
}

bool contains(const std::vector<ComponentName>& set, const ComponentName& name) {
    return std::find(set.begin(), set.end(), name) != set.end();
}

struct PreferredHit {
    std::optional<size_t> candidate;  // index into the query
    std::optional<size_t> entry;
    bool persistent = false;
    bool stopAtChooser = false;  // a set mismatch ended the lookup (P-8)
    std::vector<std::string> notes;
    std::vector<PreferredChange> changes;
};

// The entries of a preferred table that an IntentResolver query over their filters returns, in
// its order: the first bucket cut holding each entry, then table order (P-7, P-8).
std::vector<size_t> matchingEntries(const std::vector<PreferredActivity>& table,
                                    const Intent& intent, bool defaultOnly) {
    const ScanPlan plan = planScan(intent);
    std::vector<std::pair<int, size_t>> found;
    for (size_t i = 0; i < table.size(); ++i) {
        const IntentFilter& filter = table[i].filter;
        const int cut = firstCutHolding(plan, filter);
        if (cut < 0) continue;
        if (filter.match(intent) < 0) continue;
        if (defaultOnly && !filter.hasDefault()) continue;
        found.emplace_back(cut, i);
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<size_t> order;
    for (const auto& [cut, index] : found) order.push_back(index);
    return order;
}

// What the preferred lookup reads besides the device's tables.
struct PreferredContext {
    const Device& device;
    const std::vector<ResolveInfo>& query;  // the sorted candidates
    const std::optional<std::string>& setupWizard;
    std::function<bool(const ComponentName&)> installed;  // an activity the device has
};

// P-7 (Android 5.0+): the first persistent preferred entry whose component is a candidate.
void findPersistentPreferred(const PreferredContext& context, const Intent& intent,
                             bool defaultOnly, PreferredHit& hit) {
    const std::vector<PreferredActivity>& table = context.device.persistentPreferred;
    for (size_t index : matchingEntries(table, intent, defaultOnly)) {
        const PreferredActivity& entry = table[index];
        if (!context.installed(entry.component)) {
            hit.notes.push_back(entryName("persistentPreferred", index, entry) +
                                " names a component that is not installed; ignored (P-7)");
            continue;
        }
        if (auto at = findInQuery(context.query, entry.component)) {
            hit.candidate = at;
            hit.entry = index;
            hit.persistent = true;
            return;
        }
        hit.notes.push_back(entryName("persistentPreferred", index, entry) +
                            " is not among the candidates (P-7)");
    }
}

// 2.x/4.x sameSet(query, priority): only candidates at the top priority count. False (with the
// entry removed) when the set changed, and the chooser asks again.
bool legacySetStillHolds(const PreferredContext& context, size_t index,
                         const std::string& label, PreferredHit& hit) {
    const PreferredActivity& entry = context.device.preferred[index];
    const int top = context.query.front().priority;
    size_t matched = 0;
    bool same = true;
    for (const ResolveInfo& info : context.query) {
        if (info.priority != top) continue;
        if (!contains(entry.set, info.component)) {
            same = false;
            break;
        }
        ++matched;
    }
    same = same && matched == entry.set.size();
    if (same) return true;
    hit.changes.push_back(PreferredChange{PreferredChange::Kind::Remove, index, {}});
    hit.notes.push_back(label +
                        " was recorded with a different set of top-priority "
                        "candidates; the entry is removed and the chooser asks "
                        "again (P-8, sameSet at priority " +
                        std::to_string(top) + ")");
    return false;
}

// Android 5.0+: the recorded set against the candidates (the setup wizard left out while the
// user has not finished setup, Android 10+). A set that only lost candidates shrinks (Android
// 10+); any other change demotes the entry and the chooser asks again (false).
bool modernSetStillHolds(const PreferredContext& context, size_t index, const std::string& label,
                         bool excludeSetupWizard, PreferredHit& hit) {
    const PreferredActivity& entry = context.device.preferred[index];
    const int api = context.device.apiLevel;
    const bool allowMutation = !excludeSetupWizard;
    const std::optional<std::string>& wizard = context.setupWizard;
    auto counts = [&](const ComponentName& name) {
        return !(excludeSetupWizard && wizard && name.packageName == *wizard);
    };
    size_t inSet = 0;
    size_t counted = 0;
    bool superset = true;
    for (const ResolveInfo& info : context.query) {
        if (!counts(info.component)) continue;
        ++counted;
        if (contains(entry.set, info.component)) {
            ++inSet;
        } else {
            superset = false;
        }
    }
    size_t setSize = 0;
    for (const ComponentName& name : entry.set) setSize += counts(name) ? 1 : 0;
    const bool same = superset && inSet == setSize && counted == inSet;
    if (same) return true;
    if (api >= 29 && superset) {
        std::vector<ComponentName> shrunk;
        for (const ComponentName& name : entry.set) {
            if (findInQuery(context.query, name)) shrunk.push_back(name);
        }
        if (allowMutation) {
            hit.changes.push_back(
                PreferredChange{PreferredChange::Kind::ShrinkSet, index, std::move(shrunk)});
        }
        hit.notes.push_back(label +
                            ": candidates only disappeared since it was "
                            "recorded, so its set shrinks and it is used (P-8)");
        return true;
    }
    if (allowMutation) {
        hit.changes.push_back(PreferredChange{PreferredChange::Kind::DemoteToLastChosen, index, {}});
    }
    hit.notes.push_back(label +
                        (api >= 29 ? ": a new candidate appeared since it was recorded"
                                   : ": the candidate set changed since it was "
                                     "recorded") +
                        (allowMutation ? ", so it becomes a last-chosen entry" : "") +
                        " and the chooser asks again (P-8)");
    return false;
}

// P-8: the first preferred entry recorded for this intent at the best match, with "always", whose
// component is installed and a candidate, and whose recorded set still holds.
void findRecordedPreferred(const PreferredContext& context, const Intent& intent, bool defaultOnly,
                           PreferredHit& hit) {
    const Device& device = context.device;
    const int api = device.apiLevel;
    int best = 0;
    for (const ResolveInfo& info : context.query) best = std::max(best, info.match);
    best &= match::kCategoryMask;
    const bool excludeSetupWizard = api >= 29 && isHomeIntent(intent) && !device.userSetupComplete;
    const bool allowMutation = !excludeSetupWizard;
    for (size_t index : matchingEntries(device.preferred, intent, defaultOnly)) {
        const PreferredActivity& entry = device.preferred[index];
        const std::string label = entryName("preferred", index, entry);
        if (entry.match != best) {
            hit.notes.push_back(label + " was recorded at match " + hex(entry.match) +
                                " but the best match now is " + hex(best) +
                                ", so it is skipped (P-8)");
            continue;
        }
        if (!entry.always) {
            hit.notes.push_back(label +
                                " is a last-chosen (\"Just once\") entry, which only "
                                "pre-selects in the chooser (P-8)");
            continue;
        }
        if (!context.installed(entry.component)) {
            if (api >= 11 && allowMutation) {
                hit.changes.push_back(PreferredChange{PreferredChange::Kind::Remove, index, {}});
                hit.notes.push_back(label +
                                    " names a component that is no longer installed; the "
                                    "entry is removed (P-8)");
            } else {
                hit.notes.push_back(
                    label + " names a component that is not installed, so it is skipped (P-8)");
            }
            continue;
        }
        const std::optional<size_t> at = findInQuery(context.query, entry.component);
        if (!at) {
            hit.notes.push_back(label + " is not among the candidates, so it is skipped (P-8)");
            continue;
        }
        const bool holds = api < 21 ? legacySetStillHolds(context, index, label, hit)
                                    : modernSetStillHolds(context, index, label,
                                                          excludeSetupWizard, hit);
        if (!holds) {
            hit.stopAtChooser = true;
            return;
        }
        hit.candidate = at;
        hit.entry = index;
        return;
    }
}

// findPreferredActivity (P-6..P-8): persistent entries first, then the recorded ones.
PreferredHit findPreferredActivity(const PreferredContext& context, const Intent& original,
                                   int queryFlags) {
    const Intent& intent = original.selector ? *original.selector : original;  // P-6
    const bool defaultOnly = (queryFlags & flags::kMatchDefaultOnly) != 0;
    PreferredHit hit;
    if (context.device.apiLevel >= 21) findPersistentPreferred(context, intent, defaultOnly, hit);
    if (!hit.candidate) findRecordedPreferred(context, intent, defaultOnly, hit);
    return hit;
}

// C-1..C-3: the answers that need no preferred activity. False when the top two tie (C-4).
// `filtered`: the post-query steps' sentences when they removed a candidate (W-3), else empty.
bool chooseWithoutPreferred(ResolveResult& result, const Intent& original,
                            const std::string& clampNotes, const std::string& filtered) {
    const std::vector<ResolveInfo>& query = result.candidates;
    if (query.empty()) {
        result.outcome = ResolveOutcome::None;
        result.rule = "C-1";
        result.reason =
            filtered.empty() ? "no activity matches" : "no activity is left; " + filtered;
        return true;
    }
    if (query.size() == 1) {
        result.outcome = ResolveOutcome::Activity;
        result.chosen = query.front();
        result.rule = "C-2";
        if (effectiveIntent(original).component) {
            result.reason = "the intent names the component explicitly (Q-2)";
        } else if (!filtered.empty()) {
            result.reason = "only one activity is left; " + filtered;
        } else {
            result.reason = "only one activity matches";
        }
        result.reason += clampNotes;
        return true;
    }
    const ResolveInfo& r0 = query[0];
    const ResolveInfo& r1 = query[1];
    if (r0.priority == r1.priority && r0.preferredOrder == r1.preferredOrder &&
        r0.isDefault == r1.isDefault) {
        return false;
    }
    result.outcome = ResolveOutcome::Activity;
    result.chosen = r0;
    result.rule = "C-3";
    if (r0.priority != r1.priority) {
        result.reason = "top two differ in priority (" + std::to_string(r0.priority) + " > " +
                        std::to_string(r1.priority) + ")";
    } else if (r0.preferredOrder != r1.preferredOrder) {
        result.reason = "top two differ in preferredOrder (" + std::to_string(r0.preferredOrder) +
                        " > " + std::to_string(r1.preferredOrder) + ")";
    } else {
        result.reason = "top two differ in isDefault (only the first has category DEFAULT)";
    }
    result.reason += clampNotes;
    return true;
}

// chooseBestActivity over a tie (C-4..C-6): the preferred activity found, or C-5's refusal, or
// the chooser.
void chooseAmongTied(ResolveResult& result, const Intent& original, const PreferredHit& hit,
                     const Device& device, const std::string& clampNotes) {
    const std::vector<ResolveInfo>& query = result.candidates;
    const ResolveInfo& r0 = query[0];
    result.preferredChanges = hit.changes;
    std::string notes;
    for (const std::string& note : hit.notes) notes += "; " + note;

    if (hit.candidate) {
        result.outcome = ResolveOutcome::Activity;
        result.chosen = query[*hit.candidate];
        result.rule = hit.persistent ? "P-7" : "P-8";
        if (hit.persistent) {
            result.persistentPreferredIndex = hit.entry;
            result.reason = "persistent preferred activity " +
                            entryName("persistentPreferred", *hit.entry,
                                      device.persistentPreferred[*hit.entry]);
        } else {
            result.preferredIndex = hit.entry;
            result.reason = "preferred activity " +
                            entryName("preferred", *hit.entry, device.preferred[*hit.entry]) +
                            " recorded for this intent";
        }
        result.reason += "; C-4: top two tie at priority " + std::to_string(r0.priority);
        result.reason += notes + clampNotes;
        return;
    }

    // C-5 (Android 11+): FLAG_ACTIVITY_REQUIRE_DEFAULT refuses the chooser.
    if (device.apiLevel >= 30 && (original.flags & flags::kActivityRequireDefault) != 0) {
        result.outcome = ResolveOutcome::None;
        result.rule = "C-5";
        result.reason =
            "FLAG_ACTIVITY_REQUIRE_DEFAULT and no single default activity" + notes + clampNotes;
        return;
    }

    result.outcome = ResolveOutcome::Chooser;
    ResolveInfo resolver;
    resolver.component = resolverActivityComponent();
    result.chosen = resolver;
    result.rule = "C-6";
    const size_t shown = chooserEntries(query).size();
    std::string chooser = "; the chooser shows " + std::to_string(shown) + " activities";
    if (shown < query.size()) {
        const size_t left = query.size() - shown;
        chooser += " (" + std::to_string(left) + " lower one" + (left == 1 ? "" : "s") +
                   " left out: the chooser drops what does not tie with the first on priority "
                   "and isDefault)";
    }
    result.reason = "top two tie at priority " + std::to_string(r0.priority) +
                    (r0.isDefault ? ", default" : ", not default") + ", no preferred activity" +
                    notes + chooser + clampNotes;
}

// W-34 (Android 11+, starts only): FLAG_ACTIVITY_REQUIRE_NON_BROWSER refuses a browser answer —
// a browser entry, or the chooser when every entry is a browser (the ResolverActivity's
// handleAllWebDataURI, C-6 amendment).
void refuseBrowserAnswer(ResolveResult& result, const Intent& original, int apiLevel) {
    if (apiLevel < 30 || (original.flags & flags::kActivityRequireNonBrowser) == 0) return;
    const bool allBrowsers =
        !result.candidates.empty() &&
        std::all_of(result.candidates.begin(), result.candidates.end(), isBrowserEntry);
    const bool browser = (result.outcome == ResolveOutcome::Activity && result.chosen &&
                          isBrowserEntry(*result.chosen)) ||
                         (result.outcome == ResolveOutcome::Chooser && allBrowsers);
    if (!browser) return;
    result.reason =
        std::string("FLAG_ACTIVITY_REQUIRE_NON_BROWSER and the answer is ") +
        (result.outcome == ResolveOutcome::Chooser ? "a chooser of browsers" : "a browser") + " (" +
        text::citeRule(result.rule, result.reason) + ")";
    result.rule = "W-34";
    result.outcome = ResolveOutcome::None;
    result.chosen.reset();
}

}  // namespace

std::vector<ResolveInfo> chooserEntries(const std::vector<ResolveInfo>& candidates) {
    std::vector<ResolveInfo> shown;
    for (const ResolveInfo& info : candidates) {
        if (!shown.empty() && (info.priority != shown.front().priority ||
                               info.isDefault != shown.front().isDefault)) {
            break;
        }
        shown.push_back(info);
    }
    return shown;
}

ResolveResult PackageIndex::resolve(const ResolveRequest& request) const {
    QueryTrace trace = index_detail::runQueryPipeline(*m_impl, m_device, defaultBrowser(), request,
                                                      /*keepGathered=*/false);
    ResolveResult result;
    result.candidates = std::move(trace.results);
    result.steps = std::move(trace.steps);
    const ComponentKind kind = request.kind;
    if (!isActivityKind(kind)) {
        if (result.candidates.empty()) {
            result.outcome = ResolveOutcome::None;
            result.rule = "C-1";
            result.reason = std::string("no ") + componentKindName(kind) + " matches";
            return result;
        }
        result.outcome = ResolveOutcome::Activity;
        result.chosen = result.candidates.front();
        result.rule = "R-9";
        result.reason = std::string("the first of ") + std::to_string(result.candidates.size()) +
                        " " + componentKindName(kind) + (result.candidates.size() == 1 ? "" : "s") +
                        " in Android's order (like resolveService, no chooser)";
        return result;
    }

    const Intent& original = request.intent;
    std::string clampNotes;
    for (const ResolveInfo& info : result.candidates) {
        if (!info.package || !info.info || !info.filter) continue;
        const std::string note = priorityNote(*info.package, *info.info, *info.filter);
        if (!note.empty() && info.priority != info.declaredPriority) {
            clampNotes += "; " + info.component.flattenToShortString() + " " + note;
        }
    }
    std::string filtered;
    const bool removed = std::any_of(result.steps.verdicts.begin(), result.steps.verdicts.end(),
                                     [](const CandidateVerdict& verdict) { return !verdict.kept; });
    for (const std::string& note : result.steps.notes) {
        if (removed) filtered += (filtered.empty() ? "" : "; ") + note;
    }
    if (!chooseWithoutPreferred(result, original, clampNotes, filtered)) {
        const PreferredContext context{
            m_device, result.candidates, setupWizardPackage(),
            [this](const ComponentName& name) { return index_detail::hasActivity(*m_impl, name); }};
        const PreferredHit hit = findPreferredActivity(context, original, request.queryFlags);
        chooseAmongTied(result, original, hit, m_device, clampNotes);
        if (!filtered.empty()) result.reason += "; after " + filtered;
    } else if (result.rule == "C-3" && !filtered.empty()) {
        result.reason += "; after " + filtered;
    }
    if (request.mode == ResolveMode::Start) refuseBrowserAnswer(result, original, m_device.apiLevel);
    // V-13: an app whose query may be visibility-filtered does not change the preferred table.
    if (request.caller && request.mode == ResolveMode::Query && !result.preferredChanges.empty() &&
        callerAppId(*request.caller, m_device) >= app_id::kFirstApplication) {
        result.preferredChanges.clear();
        result.reason += "; an app's query leaves the preferred table as it is (V-13)";
    }
    return result;
}

ResolveResult PackageIndex::resolveActivity(const Intent& intent, int queryFlags) const {
    return resolve(ResolveRequest{intent, queryFlags, ComponentKind::Activity, ResolveMode::Query});
}

ResolveResult PackageIndex::resolve(const Intent& intent, int queryFlags,
                                    ComponentKind kind) const {
    return resolve(ResolveRequest{intent, queryFlags, kind, ResolveMode::Query});
}

}  // namespace hearth

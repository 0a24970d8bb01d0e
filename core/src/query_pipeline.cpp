// The activity query pipeline in Android's order (android-modern.md W-3): gather and sort
// (R-1..R-9), domain filtering (W-1..W-4, W-10..W-28) and the R-9 re-sort, then the caller step.
// query(), resolve() and explain() all run it, so what --explain says is what decided.

#include <hearth/app_links.h>
#include <hearth/caller_rules.h>
#include <hearth/package_index.h>

#include <string>
#include <utility>
#include <vector>

#include "package_index_internal.h"

namespace hearth {

using index_detail::effectiveIntent;
using index_detail::isActivityKind;

namespace {

// W-1..W-4: domain filtering of the sorted candidates, then the R-9 re-sort of what it kept.
void filterDomains(const Device& device, const std::optional<DefaultBrowser>& browser,
                   const ResolveRequest& request, QueryTrace& trace) {
    const Intent& intent = effectiveIntent(request.intent);  // the selector's data decides
    // The gate is checked first so that the common, non-web query copies nothing.
    if (!domainFilteringApplies(device, intent)) return;
    WebFilterResult web =
        filterWebCandidates(device, intent, request.queryFlags, trace.results, browser);
    if (!web.summary.empty()) trace.steps.notes.push_back(web.summary);
    for (CandidateVerdict& verdict : web.verdicts) {
        trace.steps.verdicts.push_back(std::move(verdict));
    }
    if (!web.filtered) return;  // W-2: the lone candidate stays as it was
    trace.results = std::move(web.kept);
    index_detail::sortCandidates(trace.results, device.apiLevel);  // W-4
    trace.browsersOnly = web.browsersOnly;
}

// The caller step: what the caller may see and start (V-, S-), one verdict per removal and one
// sentence for the step when it removed something or the caller is not the shell.
void runCallerRules(const Device& device, const ResolveRequest& request, QueryTrace& trace) {
    std::vector<CandidateVerdict> removed =
        applyCallerRules(device, *request.caller, request.mode, request.intent, trace.results);
    if (removed.empty() && request.caller->kind == CallerKind::Shell) return;
    std::string note = describeCaller(*request.caller, device, request.mode);
    for (size_t i = 0; i < removed.size(); ++i) {
        note += (i == 0 ? "; it removes " : ", ") + removed[i].component.flattenToShortString() +
                " (" + removed[i].rule + ")";
    }
    trace.steps.notes.push_back(std::move(note));
    for (CandidateVerdict& verdict : removed) trace.steps.verdicts.push_back(std::move(verdict));
}

}  // namespace

namespace index_detail {

QueryTrace runQueryPipeline(const Index& index, const Device& device,
                            const std::optional<DefaultBrowser>& browser,
                            const ResolveRequest& request, bool keepGathered) {
    QueryTrace trace;
    trace.results = gather(index, request.intent, request.queryFlags, request.kind);
    if (keepGathered) trace.gathered = trace.results;
    if (!isActivityKind(request.kind)) {
        // The W- and S- rules are activity rules; visibility filters every component query.
        if (request.caller && request.mode == ResolveMode::Query) {
            std::vector<CandidateVerdict> removed =
                applyVisibility(device, *request.caller, request.intent, trace.results);
            for (CandidateVerdict& verdict : removed) {
                trace.steps.verdicts.push_back(std::move(verdict));
            }
        }
        return trace;
    }

    filterDomains(device, browser, request, trace);

    // W-3: caller rules (callers), after domain filtering and the re-sort and before
    // chooseBestActivity, in their own order (S-6/S-8, S-7, V-10/V-12 for queries, S-4 for starts).
    if (request.caller) runCallerRules(device, request, trace);
    return trace;
}

}  // namespace index_detail

QueryTrace PackageIndex::trace(const ResolveRequest& request) const {
    return index_detail::runQueryPipeline(*m_impl, m_device, defaultBrowser(), request,
                                          /*keepGathered=*/true);
}

std::vector<ResolveInfo> PackageIndex::query(const ResolveRequest& request) const {
    return index_detail::runQueryPipeline(*m_impl, m_device, defaultBrowser(), request,
                                          /*keepGathered=*/false)
        .results;
}

std::vector<ResolveInfo> PackageIndex::query(const Intent& intent, int queryFlags,
                                             ComponentKind kind) const {
    return query(ResolveRequest{intent, queryFlags, kind, ResolveMode::Query});
}

}  // namespace hearth

// `am start` offline (base spec 6.4, android-modern.md §6): a resolve in mode Start, and am's text
// plus one line saying what starts.

#include <hearth/app_links.h>
#include <hearth/caller_rules.h>
#include <hearth/resolve_report.h>
#include <hearth/start.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "resolve_report_json.h"
#include "text.h"

namespace hearth {

namespace {

// W-18: Android 10's ResolverActivity shows web links (VIEW + http/https) with the browsable
// layout, whose buttons are "Just once" and "Settings".
constexpr int kFirstApiWithBrowsableChooser = 29;

}  // namespace

StartResult resolveStart(const PackageIndex& index, ResolveRequest request) {
    StartResult start;
    start.requested = request.intent;
    request.intent.flags |= flags::kActivityNewTask;
    start.started = request.intent;
    request.queryFlags = kStartQueryFlags;
    request.kind = ComponentKind::Activity;
    request.mode = ResolveMode::Start;
    start.result = index.resolve(request);
    if (start.result.outcome == ResolveOutcome::Activity && start.result.chosen) {
        const ResolveInfo& chosen = *start.result.chosen;
        if (request.caller) {
            start.denied = startDenial(index.device(), *request.caller, start.started, chosen);
        }
        if (!start.denied) start.suspended = suspendedStart(index.device(), chosen);
    }
    if (start.result.outcome == ResolveOutcome::Chooser) {
        const std::vector<ResolveInfo> shown = chooserEntries(start.result.candidates);
        for (const ResolveInfo& info : shown) start.chooser.push_back(info.component);
        start.browserChooser = std::all_of(shown.begin(), shown.end(), isBrowserEntry);
        start.chooserOffersAlways = !(index.device().apiLevel >= kFirstApiWithBrowsableChooser &&
                                      isWebIntent(start.requested));
    }
    return start;
}

StartResult resolveStart(const PackageIndex& index, const Intent& intent) {
    ResolveRequest request;
    request.intent = intent;
    return resolveStart(index, std::move(request));
}

std::string renderStartText(const StartResult& start) {
    const ResolveResult& result = start.result;
    // am prints the intent before adding FLAG_ACTIVITY_NEW_TASK, and the error after.
    std::string out = "Starting: Intent { " + start.requested.toShortString() + " }\n";
    switch (result.outcome) {
        case ResolveOutcome::None:
            if (start.requested.component && !start.requested.selector &&
                result.candidates.empty()) {
                out += "Error type 3\nError: Activity class {" +
                       start.requested.component->flattenToString() + "} does not exist.\n";
            } else {
                out += "Error: Activity not started, unable to resolve Intent { " +
                       start.started.toShortString() + " }\n";
            }
            out += "Starts nothing (" + text::citeRule(result.rule, result.reason) + ")\n";
            break;
        case ResolveOutcome::Activity:
            if (start.denied) {
                // ActivityTaskSupervisor's SecurityException as am reports it (S-5; the wording
                // around the message is from memory, android-modern.md §9).
                out +=
                    "Exception occurred while executing 'start':\njava.lang.SecurityException: " +
                    *start.denied +
                    "\nStarts nothing (S-5: " + result.chosen->component.flattenToShortString() +
                    " is not exported and the caller is another app)\n";
                break;
            }
            if (start.suspended) {
                out += "Starts a suspended-app dialog instead of " +
                       result.chosen->component.flattenToShortString() + " (" + *start.suspended +
                       ")\n";
                break;
            }
            out += "Starts " + result.chosen->component.flattenToShortString() + " (" +
                   text::citeRule(result.rule, result.reason) + ")\n";
            break;
        case ResolveOutcome::Chooser:
            out += "Starts the chooser (" + resolverActivityComponent().flattenToShortString() +
                   ") with " + std::to_string(start.chooser.size()) +
                   (start.browserChooser ? " browsers" : " activities") + ": " +
                   text::joinComponents(start.chooser) + " (" +
                   text::citeRule(result.rule, result.reason) + ")\n";
            if (!start.chooserOffersAlways) {
                out += "The chooser offers Just once and Settings, no Always (W-18: a web link "
                       "on Android 10+)\n";
            }
            break;
    }
    return out;
}

std::string renderStartJson(const StartResult& start, const std::vector<Rejection>* rejections,
                            const AnswerContext& context) {
    const nlohmann::ordered_json resolved = resolveAnswerJson(start.result, rejections, context);
    nlohmann::ordered_json out;
    for (auto it = resolved.begin(); it != resolved.end(); ++it) {
        // After the shared header (schemaVersion, device, intent), before resolve's own fields.
        if (it.key() == "outcome") {
            out["intentText"] = "Intent { " + start.requested.toShortString() + " }";
        }
        out[it.key()] = it.value();
    }
    nlohmann::ordered_json chooser = nlohmann::ordered_json::array();
    for (const ComponentName& component : start.chooser) {
        chooser.push_back(component.flattenToShortString());
    }
    out["chooser"] = std::move(chooser);
    out["browserChooser"] = start.browserChooser;
    out["chooserOffersAlways"] = start.result.outcome == ResolveOutcome::Chooser &&
                                 start.chooserOffersAlways;
    if (start.denied) out["denied"] = *start.denied;
    if (start.suspended) out["suspended"] = *start.suspended;
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace hearth

#pragma once
// Renderings of query and resolve answers: the text `cmd package query-activities` /
// `resolve-activity` print (spec 6.1, 6.2), the --explain text, and the JSON that the CLI prints
// and the GUI exports. Every function is pure and deterministic.
//
// Hearth's non-brief dump follows ResolveInfo.dump (Filter block, priority line, ActivityInfo
// block); Android's exact ActivityInfo lines were not captured (spec 8), so those lines are
// Hearth's own: name, packageName, nonLocalizedLabel, enabled/exported/directBootAware,
// processName, permission, targetActivity, launchMode, source and filter locations.

#include <hearth/manifest.h>
#include <hearth/package_index.h>

#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// How the pm-like text is printed.
struct ReportStyle {
    bool brief = false;       ///< --brief: the priority line and the short component
    bool components = false;  ///< --components: only short components
};

/// "activities", "services", "receivers", "providers" (also for activity-alias).
const char* componentKindPlural(ComponentKind kind);

/// A filter on one line for tables (the explorer's device tree, a preferred activity's filter):
/// "VIEW  ·  DEFAULT, BROWSABLE  ·  https: example.com /docs text/*" — actions and categories in
/// their short forms, then the data parts; "(no action)" when it declares none.
std::string renderFilterSummary(const IntentFilter& filter);

/// One ResolveInfo as pm prints it: brief (two lines), components (one line) or Hearth's dump;
/// every line starts with prefix and ends with '\n'.
std::string renderResolveInfo(const ResolveInfo& info, std::string_view prefix,
                              const ReportStyle& style);

/// `pm query-activities` text (spec 6.2): "No activities found", or "N activities found:" then
/// "  Activity #i:" blocks; with --components one short component per line and no header.
std::string renderQueryText(const std::vector<ResolveInfo>& results, ComponentKind kind,
                            const ReportStyle& style);

/// `pm resolve-activity` text (spec 6.1): "No activity found" or the chosen ResolveInfo (the
/// ResolverActivity for a chooser, followed in the dump style by "Chooser lists N activities: a,
/// b" — Hearth's line, not pm's).
std::string renderResolveText(const ResolveResult& result, ComponentKind kind,
                              const ReportStyle& style);

/// How --explain lists the components that are not candidates.
struct ExplainStyle {
    /// --explain=all: one line per component. Otherwise near misses (Rejection::nearMiss) one by
    /// one (beyond 20, one line per rule and sentence naming each component), then the rest
    /// counted per package (one line when they span more than 20 packages); candidates beyond
    /// the first 10 are counted.
    bool all = false;
    /// --why: the package or component the rejections were limited to, named in the section's
    /// heading; empty for a whole-device explanation.
    std::string only;
};

/// One line for a component that is not a candidate:
/// "pkg/.Cls: not a candidate — M-3: action '...' is not in the filter's actions [SENDTO]
/// (file:line:col)".
std::string describeRejection(const Rejection& rejection);

/// --explain for query: what the post-query steps did (W-3: their sentences and every kept
/// candidate's rule), the order, then the "Not candidates" section as `style` says (or a line
/// saying every component is a candidate).
std::string renderQueryExplanation(const std::vector<ResolveInfo>& results,
                                   const std::vector<Rejection>& rejections, int apiLevel,
                                   const QuerySteps* steps = nullptr,
                                   const ExplainStyle& style = {});

/// --explain for resolve: the outcome and its reason, every candidate in Android's order with the
/// R-9 key that placed it after the previous one (and clamped priorities), what the post-query
/// steps kept and why (W-3), then the rejections.
std::string renderResolveExplanation(const ResolveResult& result,
                                     const std::vector<Rejection>& rejections, int apiLevel,
                                     const ExplainStyle& style = {});

/// What a --json answer echoes first (docs/json.md): "schemaVersion", "device" {"name","api"} and
/// "intent" as parsed. The CLI always gives it; without a device the answer starts at its own
/// fields.
struct AnswerContext {
    const Device* device = nullptr;
    const Intent* intent = nullptr;
};

/// The context's header, then {"results":[{"component","package","class","priority",
/// "declaredPriority","preferredOrder","match" (hex: "0x108000"),"isDefault","system","kind",
/// "filter":{"file","line","column"}|null}]} and, when rejections is given,
/// "explain":[{"component","kind","rule","reason","nearMiss","filter"}] and, when a post-query step
/// ran, "steps":{"notes":[...],"verdicts":[{"component","kept","rule","reason"}]}.
/// Indented by 2.
std::string renderQueryJson(const std::vector<ResolveInfo>& results,
                            const std::vector<Rejection>* rejections = nullptr,
                            const QuerySteps* steps = nullptr, const AnswerContext& context = {});

/// The context's header, then {"outcome","component","rule","reason","candidates":[...],
/// "preferred":...,
/// "preferredChanges":[...]} (+ "explain" and "steps" as above). Indented by 2.
std::string renderResolveJson(const ResolveResult& result,
                              const std::vector<Rejection>* rejections = nullptr,
                              const AnswerContext& context = {});

}  // namespace hearth

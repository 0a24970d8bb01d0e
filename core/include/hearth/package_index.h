#pragma once
// PackageIndex: Android's IntentResolver and PackageManager resolution over a Device — candidate
// gathering through the action/scheme/type buckets (R-1..R-5), per-filter processing (R-6..R-8),
// sorting, priority clamping (P-1..P-3), explicit and package-restricted intents,
// chooseBestActivity with preferred activities (C-1..C-6, P-4..P-8). Pure: no I/O, no globals,
// deterministic order.

#include <hearth/caller.h>
#include <hearth/candidate_verdict.h>
#include <hearth/component_name.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

namespace index_detail {
struct Index;  // core/src/package_index.cpp
}

/// One candidate, as android.content.pm.ResolveInfo.
struct ResolveInfo {
    ComponentName component;
    ComponentKind kind = ComponentKind::Activity;
    int priority = 0;          ///< effective (clamped) filter priority
    int declaredPriority = 0;  ///< as written in the manifest
    int preferredOrder = 0;
    int match = 0;  ///< IntentFilter.match code; 0 for explicit components (Q-2)
    bool isDefault = false;
    bool system = false;
    const InstalledPackage* package = nullptr;  ///< points into the Device
    const Component* info = nullptr;            ///< points into the Device
    const IntentFilter* filter = nullptr;       ///< the filter that produced it; nullptr for Q-2
};

/// Why a component did not make a query's list (--explain).
struct Rejection {
    ComponentName component;
    ComponentKind kind = ComponentKind::Activity;
    const IntentFilter* filter = nullptr;  ///< the filter judged; nullptr: the whole component
    std::string rule;                      ///< spec rule id: "M-3", "R-7", "R-8", "R-5", "Q-3"...
    std::string reason;                    ///< one readable sentence
    /// How near it came, for ordering: 9 gathered then removed by a post-query step (W-, V-, S-);
    /// 6..8 its filter matched (or an explicit intent named it) but refused it;
    /// 1..4 its nearest filter failed at the action, data, type or category (M- rules); 0 never
    /// considered (Q-2, Q-3, a stopped package).
    int nearness = 0;
    /// The verdict every front end shows: a near miss is listed one by one, the rest counted. Near:
    /// a filter matched and a later rule removed it (R-5, R-7, R-8, a W-/V-/S- step, a stopped
    /// package), or its filter failed only on a category, a MIME subtype or the data's path, port
    /// or ssp under a matching scheme and host. Far: a wrong action, another host, no filter.
    bool nearMiss = false;
};

/// Why `name` names nothing on the device, or nullopt when it names an installed package's
/// component of `kind`'s group: "no package 'com.x' is installed; did you mean 'com.y'?" or
/// "'com.a' declares no activity '.Nope'; it has .Browser, .Settings" (Q-2's explicit intent,
/// --why).
std::optional<std::string> describeMissingComponent(const Device& device, const ComponentName& name,
                                                    ComponentKind kind);
/// "no package 'com.x' is installed; did you mean 'com.y'?", or nullopt when it is installed.
std::optional<std::string> describeMissingPackage(const Device& device,
                                                  std::string_view packageName);

enum class ResolveOutcome { Activity, Chooser, None };

/// S-9: a query (queryIntentActivities, `pm query-activities`) or a resolve for start
/// (startActivity, `am start`): the caller rules and W-34 differ between them.
enum class ResolveMode { Query, Start };

/// "query", "start".
const char* resolveModeName(ResolveMode mode);

/// One resolution request: what every step of the pipeline reads (W-3).
struct ResolveRequest {
    Intent intent;
    int queryFlags = 0;  ///< PackageManager flags (MATCH_DEFAULT_ONLY, ...); pm's default is 0
    ComponentKind kind = ComponentKind::Activity;
    ResolveMode mode = ResolveMode::Query;
    /// Who asks: the caller rules (V-10, V-12, S-4, S-6..S-8; caller_rules.h) run for it after
    /// domain filtering (W-3). nullopt: no caller rules, the resolver alone (the CLI passes the
    /// shell, as pm and am run, unless --caller says otherwise).
    std::optional<Caller> caller{};
};

/// What the steps after gathering did (W-3): one sentence per step that ran and a verdict per
/// candidate a step judged, in step order. --explain prints exactly these.
struct QuerySteps {
    std::vector<std::string> notes;
    std::vector<CandidateVerdict> verdicts;
};

/// An activity query through the whole pipeline: gathered and sorted (R-1..R-9), domain-filtered
/// and re-sorted (W-1..W-4), then the caller step; other kinds are only gathered.
struct QueryTrace {
    std::vector<ResolveInfo> gathered;  ///< before the post-query steps
    std::vector<ResolveInfo> results;   ///< the answer (queryIntentActivities)
    QuerySteps steps;
    bool browsersOnly = false;  ///< domain filtering left only browser entries (C-6, W-34)
};

/// "activity", "chooser", "none".
const char* resolveOutcomeName(ResolveOutcome outcome);

/// A change resolution makes to the preferred table (P-8: prune, demote to last-chosen, shrink
/// set). Android applies DemoteToLastChosen and ShrinkSet by removing the entry and adding a new
/// one, so the changed entry moves to the end of the table.
struct PreferredChange {
    enum class Kind { Remove, DemoteToLastChosen, ShrinkSet } kind = Kind::Remove;
    size_t index = 0;                   ///< index into Device::preferred
    std::vector<ComponentName> newSet;  ///< ShrinkSet only
};

/// "remove", "demote-to-last-chosen", "shrink-set".
const char* preferredChangeKindName(PreferredChange::Kind kind);

struct ResolveResult {
    ResolveOutcome outcome = ResolveOutcome::None;
    std::optional<ResolveInfo> chosen;     ///< Activity: the activity; Chooser: ResolverActivity
    std::vector<ResolveInfo> candidates;   ///< the sorted query result
    std::string reason;                    ///< why this outcome; never repeats `rule`
    std::string rule;                      ///< the deciding rule id
    std::optional<size_t> preferredIndex;  ///< the Device::preferred entry used, if any
    std::optional<size_t> persistentPreferredIndex;  ///< the Device::persistentPreferred entry used
    std::vector<PreferredChange> preferredChanges;   ///< to apply to the device when simulating
    QuerySteps steps;  ///< what domain filtering (and the caller step) decided, for --explain
};

/// The ResolverActivity component Android returns for an ambiguous resolve (C-6).
ComponentName resolverActivityComponent();

/// The entries the chooser (ResolverActivity) shows from sorted candidates: the first and every
/// following one tied with it on priority and isDefault (ResolverListController drops the rest).
/// C-6's reason, `hearth start` and home's chooser all count these.
std::vector<ResolveInfo> chooserEntries(const std::vector<ResolveInfo>& candidates);

/// Number of R-9 sort keys Android uses at an API level: 4 (priority, preferredOrder, isDefault,
/// match) below 14, 5 (+ system) for 14..23, 6 (+ packageName) from 24.
int sortKeyCount(int apiLevel);

/// Which R-9 key orders `first` before `second` at an API level, as a phrase such as
/// "priority 1 > 0" or "match 0x508000 > 0x208000"; "scan order" when every key ties.
std::string describeOrder(const ResolveInfo& first, const ResolveInfo& second, int apiLevel);

class PackageIndex {
  public:
    /// Indexes every installed, non-removed package of the device. The device must outlive the
    /// index and must not change while it is used (rebuild after changes).
    explicit PackageIndex(const Device& device);

    /// The query pipeline (W-3) with every step's verdicts; query, resolve and explain use it.
    QueryTrace trace(const ResolveRequest& request) const;

    /// queryIntentActivities (or services/receivers/providers by kind): trace(request).results.
    std::vector<ResolveInfo> query(const ResolveRequest& request) const;
    /// query() of a request in mode Query.
    std::vector<ResolveInfo> query(const Intent& intent, int queryFlags,
                                   ComponentKind kind = ComponentKind::Activity) const;

    /// resolveIntent: the query pipeline then chooseBestActivity (C-1..C-6) with the preferred
    /// lookup (P-6..P-8); in mode Start also W-34. Other kinds: the first query result
    /// (resolveService never shows a chooser).
    ResolveResult resolve(const ResolveRequest& request) const;
    /// resolve() of an activity request in mode Query.
    ResolveResult resolveActivity(const Intent& intent, int queryFlags) const;
    /// resolve() of a request in mode Query.
    ResolveResult resolve(const Intent& intent, int queryFlags, ComponentKind kind) const;

    /// For every component of the kind that is not in query()'s answer, the rule that removed it:
    /// a post-query step's verdict (W-, V-, S-) or why it was never gathered (M-, R-, Q-).
    std::vector<Rejection> explain(const ResolveRequest& request) const;
    /// explain() of a request in mode Query.
    std::vector<Rejection> explain(const Intent& intent, int queryFlags,
                                   ComponentKind kind = ComponentKind::Activity) const;
    /// explain() for only the components `wanted` accepts; the others cost nothing (`home` lists
    /// only activities that declare HOME or MAIN; `--why` one package or component).
    std::vector<Rejection> explain(
        const ResolveRequest& request,
        const std::function<bool(const InstalledPackage&, const Component&)>& wanted) const;

    const Device& device() const { return m_device; }
    /// Number of filters indexed (all kinds).
    size_t filterCount() const;

    /// The effective priority of a filter of a package on this device (P-1..P-3).
    int effectivePriority(const InstalledPackage& package, const Component& component,
                          const IntentFilter& filter) const;
    /// Why effectivePriority differs from the declared one, e.g. "declared 100, clamped to 0 by
    /// P-1: not a privileged app"; empty when it does not.
    std::string priorityNote(const InstalledPackage& package, const Component& component,
                             const IntentFilter& filter) const;
    /// The setup wizard package (the one system package with an activity for MAIN +
    /// SETUP_WIZARD), exempt from P-1's protected-action clamp; nullopt when there is not exactly
    /// one such activity.
    const std::optional<std::string>& setupWizardPackage() const;
    /// defaultBrowser(device), computed once (W-14, W-41).
    const std::optional<DefaultBrowser>& defaultBrowser() const;

    PackageIndex(const PackageIndex&) = delete;
    PackageIndex& operator=(const PackageIndex&) = delete;
    PackageIndex(PackageIndex&&) noexcept;
    ~PackageIndex();

  private:
    using Impl = index_detail::Index;
    const Device& m_device;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace hearth

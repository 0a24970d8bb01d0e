#pragma once
// What package_index.cpp (the IntentResolver buckets) shares with explain.cpp and
// resolve_activity.cpp: the component groups, the scan plan of spec 3.2 and the few questions the
// explanations and chooseBestActivity ask the index. Internal to the core.

#include <hearth/package_index.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::index_detail {

/// The four IntentResolvers: activities (and aliases), services, receivers, providers.
enum class Group { Activity = 0, Service = 1, Receiver = 2, Provider = 3 };
inline constexpr std::size_t kGroupCount = 4;

/// The resolver a component kind registers with.
Group groupOf(ComponentKind kind);
/// Activity or activity-alias.
inline bool isActivityKind(ComponentKind kind) { return groupOf(kind) == Group::Activity; }

/// The IntentResolver maps (R-1..R-4).
enum class BucketKind { Type, BaseType, WildType, TypedAction, Action, Scheme };

/// The buckets a query scans, in Android's order (spec 3.2): up to three type cuts (or the
/// typed-action or action cut), then the scheme cut. Keys are views into the intent.
struct ScanPlan {
    struct Cut {
        BucketKind kind = BucketKind::Type;
        std::string_view key;
    };
    std::array<Cut, 4> cuts{};
    std::size_t count = 0;

    void add(BucketKind kind, std::string_view key) { cuts[count++] = Cut{kind, key}; }
};

/// The scan plan of an intent (spec 3.2).
ScanPlan planScan(const Intent& intent);
/// The first cut of the plan whose bucket holds the filter, or -1 (R-5: never looked at).
int firstCutHolding(const ScanPlan& plan, const IntentFilter& filter);
/// "actionToFilter['android.intent.action.VIEW'], schemeToFilter['https']".
std::string describePlan(const ScanPlan& plan);
/// Where R-1..R-4 register the filter, e.g. "actionToFilter['android.intent.action.MAIN']";
/// "no bucket at all" when nowhere.
std::string describeRegistration(const IntentFilter& filter);
/// FLAG_EXCLUDE_STOPPED_PACKAGES without FLAG_INCLUDE_STOPPED_PACKAGES.
bool isExcludingStopped(const Intent& intent);
/// the intent resolution looks at (the selector of an intent without a component).
inline const Intent& effectiveIntent(const Intent& original) {
    return (!original.component && original.selector) ? *original.selector : original;
}

/// R-8 and the query-flag filters applied when a filter produced a match (newResult): the
/// rule-less reason the component is refused, or nullopt when it is accepted.
std::optional<std::string> refusal(const Index& index, const InstalledPackage& package,
                                   const Component& component, int queryFlags);
/// R-1..R-9: the candidates the IntentResolver buckets give, sorted; no post-query step (W-3).
std::vector<ResolveInfo> gather(const Index& index, const Intent& intent, int queryFlags,
                                ComponentKind kind);
/// The R-9 sort (stable) with the keys of an API level, as the re-sort after domain filtering
/// (W-4) needs.
void sortCandidates(std::vector<ResolveInfo>& candidates, int apiLevel);
/// Whether the device has the activity (or alias) a name names, in a package that is installed.
bool hasActivity(const Index& index, const ComponentName& name);
/// The query pipeline (W-3): gather, domain filtering with the R-9 re-sort, the caller step.
/// PackageIndex::trace keeps what was gathered; query and resolve, which read only the results,
/// skip that copy.
QueryTrace runQueryPipeline(const Index& index, const Device& device,
                            const std::optional<DefaultBrowser>& browser,
                            const ResolveRequest& request, bool keepGathered);

}  // namespace hearth::index_detail

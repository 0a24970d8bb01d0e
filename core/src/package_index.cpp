// PackageIndex: Android's IntentResolver buckets (R-1..R-5) per component kind, PackageManager's
// per-filter processing (R-6..R-8), sorting, priority clamping (P-1..P-3), explicit and
// package-restricted intents (Q-1..Q-3), chooseBestActivity (C-1..C-6) and the preferred-activity
// lookup (P-6..P-8). Pure: nothing here does I/O or keeps global state.

#include <hearth/package_index.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "resolve_text.h"

namespace hearth {

const char* resolveOutcomeName(ResolveOutcome outcome) {
    switch (outcome) {
        case ResolveOutcome::Activity:
            return "activity";
        case ResolveOutcome::Chooser:
            return "chooser";
        case ResolveOutcome::None:
            return "none";
    }
    return "none";
}

const char* preferredChangeKindName(PreferredChange::Kind kind) {
    switch (kind) {
        case PreferredChange::Kind::Remove:
            return "remove";
        case PreferredChange::Kind::DemoteToLastChosen:
            return "demote-to-last-chosen";
        case PreferredChange::Kind::ShrinkSet:
            return "shrink-set";
    }
    return "remove";
}

ComponentName resolverActivityComponent() {
    return ComponentName{"android", "com.android.internal.app.ResolverActivity"};
}

int sortKeyCount(int apiLevel) {
    // 2.x compares four keys. A 4.x copy adds `system` (its comment dates it to Ice Cream
    // Sandwich, API 14) and an Android 7.0 copy already ends with packageName; the exact releases
    // between 11 and 23 that added each key are unverified (spec 3.4).
    if (apiLevel < 14) return 4;
    if (apiLevel < 24) return 5;
    return 6;
}

namespace {

using text::hex;

// The comparator of R-9. Returns <0 when a sorts before b, >0 after, 0 when tied.
int compareResolveInfo(const ResolveInfo& a, const ResolveInfo& b, int keys) {
    if (a.priority != b.priority) return a.priority > b.priority ? -1 : 1;
    if (a.preferredOrder != b.preferredOrder) return a.preferredOrder > b.preferredOrder ? -1 : 1;
    if (a.isDefault != b.isDefault) return a.isDefault ? -1 : 1;
    if (a.match != b.match) return a.match > b.match ? -1 : 1;
    if (keys >= 5 && a.system != b.system) return a.system ? -1 : 1;
    if (keys >= 6) {
        const int c = a.component.packageName.compare(b.component.packageName);
        if (c != 0) return c < 0 ? -1 : 1;
    }
    return 0;
}

}  // namespace

std::string describeOrder(const ResolveInfo& first, const ResolveInfo& second, int apiLevel) {
    const int keys = sortKeyCount(apiLevel);
    if (first.priority != second.priority) {
        return "priority " + std::to_string(first.priority) +
               (first.priority > second.priority ? " > " : " < ") + std::to_string(second.priority);
    }
    if (first.preferredOrder != second.preferredOrder) {
        return "preferredOrder " + std::to_string(first.preferredOrder) + " vs " +
               std::to_string(second.preferredOrder);
    }
    if (first.isDefault != second.isDefault) {
        return std::string("isDefault ") + (first.isDefault ? "true" : "false") + " vs " +
               (second.isDefault ? "true" : "false");
    }
    if (first.match != second.match) {
        return "match " + hex(first.match) + (first.match > second.match ? " > " : " < ") +
               hex(second.match);
    }
    if (keys >= 5 && first.system != second.system) {
        return std::string("system app ") + (first.system ? "first" : "second");
    }
    if (keys >= 6 && first.component.packageName != second.component.packageName) {
        return "package name '" + first.component.packageName + "' < '" +
               second.component.packageName + "'";
    }
    return "scan order";
}

namespace {

// ---- the index --------------------------------------------------------------------------------

enum class Group { Activity = 0, Service = 1, Receiver = 2, Provider = 3 };
constexpr size_t kGroupCount = 4;

Group groupOf(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Activity:
        case ComponentKind::ActivityAlias:
            return Group::Activity;
        case ComponentKind::Service:
            return Group::Service;
        case ComponentKind::Receiver:
            return Group::Receiver;
        case ComponentKind::Provider:
            return Group::Provider;
    }
    return Group::Activity;
}

bool isActivityKind(ComponentKind kind) { return groupOf(kind) == Group::Activity; }

struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const noexcept {
        return std::hash<std::string_view>{}(text);
    }
};

using EntryList = std::vector<uint32_t>;  // filter entries, ascending (= bucket order)
using EntryListMap = std::unordered_map<std::string, EntryList, StringHash, std::equal_to<>>;

const EntryList* findList(const EntryListMap& map, std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

// Sub-lists of a large bucket, so that a query can skip entries that cannot produce a result
// without changing the answer: a filter lacking the intent's action fails M-3, one lacking an
// intent category fails M-5, one lacking DEFAULT is dropped under MATCH_DEFAULT_ONLY, and
// in a scheme bucket a filter whose only way to match is a literal ASCII host needs the intent's
// host (M-9 step 3, M-14). Skipped entries never add a result, so R-6's first-match rule and the
// bucket order are unaffected. Android scans the whole bucket; this only makes it cheaper.
struct Postings {
    EntryListMap byAction;
    EntryListMap byCategory;
    EntryListMap byHost;  // lower-cased literal ASCII hosts (scheme buckets only)
    EntryList anyHost;    // scheme-bucket entries that may match whatever the host
    // "*.example.com" hosts (M-14) under "example.com", lower-cased (scheme buckets only)
    EntryListMap bySuffix;
    bool hostIndexed = false;
};

struct Bucket {
    EntryList entries;
    std::unique_ptr<Postings> postings;  // only for buckets worth splitting
};

using BucketMap = std::unordered_map<std::string, Bucket, StringHash, std::equal_to<>>;

const Bucket* findBucket(const BucketMap& map, std::string_view key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

bool isAscii(std::string_view text) {
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// The literal hosts a scheme-bucket filter can only match through, or nullopt when it may match
// any host (no authority, an SSP that can match first, a bare "*" or "*suffix" wildcard, or a
// non-ASCII host whose case-insensitive comparison is Unicode's). A "*.example.com" host stays in
// its "*." form: it matches exactly the hosts that end with ".example.com" (M-14), which a query
// finds by looking up every parent domain of the intent's host (issue 7: app links with wildcard
// hosts were tested one by one on every https query).
std::optional<std::vector<std::string>> literalHosts(const IntentFilter& filter) {
    if (!filter.ssps.empty() || filter.authorities.empty()) return std::nullopt;
    std::vector<std::string> hosts;
    for (const FilterAuthority& authority : filter.authorities) {
        const bool dottedSuffix = authority.host.size() > 2 &&
                                  authority.host.compare(0, 2, "*.") == 0 &&
                                  authority.host.find('*', 1) == std::string::npos;
        if (authority.host.empty() || (authority.host[0] == '*' && !dottedSuffix) ||
            !isAscii(authority.host)) {
            return std::nullopt;
        }
        std::string host = asciiLower(authority.host);
        if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) hosts.push_back(host);
    }
    return hosts;
}

// How IntentFilter.addDataType stores a type: "image/*" is partial (kept as base "image"),
// "*/*" is partial with base "*", anything else with a '/' is a full type.
struct FilterType {
    std::string_view base;
    bool partial = false;
};

FilterType splitFilterType(std::string_view type) {
    const size_t slash = type.find('/');
    if (slash == std::string_view::npos || slash == 0) return FilterType{type, false};
    const bool partial = type.size() == slash + 2 && type[slash + 1] == '*';
    return FilterType{type.substr(0, slash), partial};
}

enum class BucketKind { Type, BaseType, WildType, TypedAction, Action, Scheme };

const char* bucketKindName(BucketKind kind) {
    switch (kind) {
        case BucketKind::Type:
            return "typeToFilter";
        case BucketKind::BaseType:
            return "baseTypeToFilter";
        case BucketKind::WildType:
            return "wildTypeToFilter";
        case BucketKind::TypedAction:
            return "typedActionToFilter";
        case BucketKind::Action:
            return "actionToFilter";
        case BucketKind::Scheme:
            return "schemeToFilter";
    }
    return "";
}

// The buckets a query scans, in Android's order (spec 3.2): up to three type cuts (or the
// typed-action or action cut), then the scheme cut.
struct ScanPlan {
    struct Cut {
        BucketKind kind = BucketKind::Type;
        std::string_view key;
    };
    std::array<Cut, 4> cuts{};
    size_t count = 0;

    void add(BucketKind kind, std::string_view key) { cuts[count++] = Cut{kind, key}; }
};

ScanPlan planScan(const Intent& intent) {
    ScanPlan plan;
    const std::optional<std::string>& type = intent.type;
    if (type) {
        const size_t slash = type->find('/');
        if (slash != std::string::npos && slash > 0) {
            const std::string_view base = std::string_view(*type).substr(0, slash);
            if (base != "*") {
                const bool wildSubtype = type->size() == slash + 2 && (*type)[slash + 1] == '*';
                if (!wildSubtype) {
                    plan.add(BucketKind::Type, *type);
                } else {
                    plan.add(BucketKind::BaseType, base);
                }
                plan.add(BucketKind::WildType, base);
                plan.add(BucketKind::WildType, "*");
            } else if (intent.action) {
                plan.add(BucketKind::TypedAction, *intent.action);
            }
        }
    }
    const std::optional<std::string>& scheme = intent.scheme();
    if (!type && !scheme && intent.action) plan.add(BucketKind::Action, *intent.action);
    if (scheme) plan.add(BucketKind::Scheme, *scheme);
    return plan;
}

bool hasAnyAction(const IntentFilter& filter, std::string_view action) {
    return std::find(filter.actions.begin(), filter.actions.end(), action) != filter.actions.end();
}

// Whether registering the filter (R-1..R-4) puts it in bucket kind[key].
bool filterInBucket(const IntentFilter& filter, BucketKind kind, std::string_view key) {
    switch (kind) {
        case BucketKind::Type:
            return std::find(filter.types.begin(), filter.types.end(), key) != filter.types.end();
        case BucketKind::BaseType:
        case BucketKind::WildType:
            for (const std::string& type : filter.types) {
                const FilterType split = splitFilterType(type);
                if (split.base == key && split.partial == (kind == BucketKind::WildType)) {
                    return true;
                }
            }
            return false;
        case BucketKind::TypedAction:
            return !filter.types.empty() && hasAnyAction(filter, key);
        case BucketKind::Action:
            return filter.types.empty() && filter.schemes.empty() && hasAnyAction(filter, key);
        case BucketKind::Scheme:
            return std::find(filter.schemes.begin(), filter.schemes.end(), key) !=
                   filter.schemes.end();
    }
    return false;
}

// The first cut of the plan that holds the filter, or -1 (R-5: the resolver never looks at it).
int firstCutHolding(const ScanPlan& plan, const IntentFilter& filter) {
    for (size_t i = 0; i < plan.count; ++i) {
        if (filterInBucket(filter, plan.cuts[i].kind, plan.cuts[i].key)) return static_cast<int>(i);
    }
    return -1;
}

std::string describePlan(const ScanPlan& plan) {
    std::string out;
    for (size_t i = 0; i < plan.count; ++i) {
        if (!out.empty()) out += ", ";
        out += std::string(bucketKindName(plan.cuts[i].kind)) + "['" +
               std::string(plan.cuts[i].key) + "']";
    }
    return out;
}

// Where R-1..R-4 register the filter, e.g. "actionToFilter['android.intent.action.MAIN']".
std::string describeRegistration(const IntentFilter& filter) {
    std::vector<std::string> places;
    for (const std::string& scheme : filter.schemes) {
        places.push_back("schemeToFilter['" + scheme + "']");
    }
    for (const std::string& type : filter.types) {
        const FilterType split = splitFilterType(type);
        places.push_back("typeToFilter['" + type + "']");
        places.push_back(std::string(split.partial ? "wildTypeToFilter['" : "baseTypeToFilter['") +
                         std::string(split.base) + "']");
    }
    for (const std::string& action : filter.actions) {
        if (!filter.types.empty()) places.push_back("typedActionToFilter['" + action + "']");
        if (filter.types.empty() && filter.schemes.empty()) {
            places.push_back("actionToFilter['" + action + "']");
        }
    }
    if (places.empty()) return "no bucket at all";
    std::string out;
    for (const std::string& place : places) {
        if (!out.empty()) out += ", ";
        out += place;
    }
    return out;
}

struct FilterEntry {
    const InstalledPackage* package = nullptr;
    const Component* component = nullptr;
    const IntentFilter* filter = nullptr;
    uint32_t componentId = 0;
    int priority = 0;
    bool hasDefault = false;
};

struct Resolver {
    std::vector<FilterEntry> entries;  // registration order: package scan order, manifest order
    BucketMap schemeToFilter;
    BucketMap typeToFilter;
    BucketMap baseTypeToFilter;
    BucketMap wildTypeToFilter;
    BucketMap typedActionToFilter;
    BucketMap actionToFilter;
    // Q-3 scans one package's filters directly (queryIntentFromList); a package's entries are
    // contiguous because packages are registered one after the other.
    std::unordered_map<std::string, std::pair<uint32_t, uint32_t>, StringHash, std::equal_to<>>
        packageRange;

    const BucketMap& map(BucketKind kind) const {
        switch (kind) {
            case BucketKind::Type:
                return typeToFilter;
            case BucketKind::BaseType:
                return baseTypeToFilter;
            case BucketKind::WildType:
                return wildTypeToFilter;
            case BucketKind::TypedAction:
                return typedActionToFilter;
            case BucketKind::Action:
                return actionToFilter;
            case BucketKind::Scheme:
                return schemeToFilter;
        }
        return schemeToFilter;
    }

    // Splits every large bucket into posting lists (see Postings); called once all filters are in.
    void buildPostings() {
        constexpr size_t kWorthSplitting = 32;
        for (BucketMap* map : {&schemeToFilter, &typeToFilter, &baseTypeToFilter, &wildTypeToFilter,
                               &typedActionToFilter, &actionToFilter}) {
            const bool schemeBucket = map == &schemeToFilter;
            for (auto& [key, bucket] : *map) {
                if (bucket.entries.size() < kWorthSplitting) continue;
                auto postings = std::make_unique<Postings>();
                postings->hostIndexed = schemeBucket;
                uint32_t previous = UINT32_MAX;
                for (uint32_t index : bucket.entries) {
                    if (index == previous) continue;  // R-2 repeats: one posting is enough
                    previous = index;
                    const IntentFilter& filter = *entries[index].filter;
                    for (const std::string& action : filter.actions) {
                        EntryList& list = postings->byAction[action];
                        if (list.empty() || list.back() != index) list.push_back(index);
                    }
                    for (const std::string& category : filter.categories) {
                        EntryList& list = postings->byCategory[category];
                        if (list.empty() || list.back() != index) list.push_back(index);
                    }
                    if (!schemeBucket) continue;
                    if (std::optional<std::vector<std::string>> hosts = literalHosts(filter)) {
                        for (const std::string& host : *hosts) {
                            EntryList& list = host[0] == '*' ? postings->bySuffix[host.substr(2)]
                                                             : postings->byHost[host];
                            if (list.empty() || list.back() != index) list.push_back(index);
                        }
                    } else {
                        postings->anyHost.push_back(index);
                    }
                }
                bucket.postings = std::move(postings);
            }
        }
    }

    void add(FilterEntry entry) {
        const uint32_t index = static_cast<uint32_t>(entries.size());
        const IntentFilter& filter = *entry.filter;
        entries.push_back(entry);
        for (const std::string& scheme : filter.schemes) {
            schemeToFilter[scheme].entries.push_back(index);
        }
        for (const std::string& type : filter.types) {
            // a filter with two types of one base lands in that base's bucket twice, as in
            // Android; R-6 makes the repeat harmless.
            const FilterType split = splitFilterType(type);
            typeToFilter[type].entries.push_back(index);
            (split.partial ? wildTypeToFilter : baseTypeToFilter)[std::string(split.base)]
                .entries.push_back(index);
        }
        if (!filter.types.empty()) {
            for (const std::string& action : filter.actions) {
                typedActionToFilter[action].entries.push_back(index);
            }
        }
        if (filter.types.empty() && filter.schemes.empty()) {
            for (const std::string& action : filter.actions) {
                actionToFilter[action].entries.push_back(index);
            }
        }
    }
};

// Component ids already in a result. Results are usually a handful, so a small inline
// array avoids allocating on the fast path; large results switch to a hash set.
class SeenComponents {
  public:
    bool contains(uint32_t id) const {
        const size_t inlined = std::min(m_size, m_inline.size());
        for (size_t i = 0; i < inlined; ++i) {
            if (m_inline[i] == id) return true;
        }
        return m_size > m_inline.size() && m_more.count(id) > 0;
    }
    void insert(uint32_t id) {
        if (m_size < m_inline.size()) {
            m_inline[m_size] = id;
        } else {
            m_more.insert(id);
        }
        ++m_size;
    }

  private:
    std::array<uint32_t, 16> m_inline{};
    size_t m_size = 0;
    std::unordered_set<uint32_t> m_more;
};

// The entries of one bucket worth trying for an intent: one ascending list, or a few to merge (a
// scheme bucket's any-host entries, the entries for the intent's host and for its parent domains'
// wildcards). A filter may sit in several of them; the merge visits it once.
struct EntrySelection {
    static constexpr size_t kMaxLists = 8;
    std::array<const EntryList*, kMaxLists> lists{};
    size_t count = 0;

    EntrySelection() = default;
    explicit EntrySelection(const EntryList* only) : count(1) { lists[0] = only; }
    void add(const EntryList* list) {
        if (list != nullptr && !list->empty()) lists[count++] = list;
    }
};

const EntryList& emptyList() {
    static const EntryList empty;
    return empty;
}

EntrySelection selectEntries(const Bucket& bucket, const Intent& intent, bool defaultOnly) {
    EntrySelection best(&bucket.entries);
    if (!bucket.postings) return best;
    const Postings& postings = *bucket.postings;
    size_t bestSize = bucket.entries.size();
    auto offer = [&](const EntryList* list) {
        if (!list) list = &emptyList();  // nobody in the bucket has it: nothing can match
        if (list->size() < bestSize) {
            best = EntrySelection(list);
            bestSize = list->size();
        }
    };
    if (intent.action) offer(findList(postings.byAction, *intent.action));
    for (const std::string& category : intent.categories) {
        offer(findList(postings.byCategory, category));
    }
    if (defaultOnly) offer(findList(postings.byCategory, names::kCategoryDefault));
    if (postings.hostIndexed && intent.data) {
        const std::optional<std::string>& host = intent.data->host();
        if (!host) {
            offer(&postings.anyHost);
        } else if (host->size() <= 256 && isAscii(*host)) {
            std::array<char, 256> lowered{};
            for (size_t i = 0; i < host->size(); ++i) {
                const char c = (*host)[i];
                lowered[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
            const std::string_view lower(lowered.data(), host->size());
            EntrySelection byHost;
            byHost.add(&postings.anyHost);
            byHost.add(findList(postings.byHost, lower));
            bool fits = true;
            if (!postings.bySuffix.empty()) {
                // "*.b.c" matches a.b.c and x.a.b.c: try what follows each dot of the host.
                for (size_t dot = lower.find('.'); fits && dot != std::string_view::npos;
                     dot = lower.find('.', dot + 1)) {
                    const EntryList* list = findList(postings.bySuffix, lower.substr(dot + 1));
                    if (list == nullptr) continue;
                    fits = byHost.count < EntrySelection::kMaxLists;
                    if (fits) byHost.add(list);
                }
            }
            size_t size = 0;
            for (size_t l = 0; l < byHost.count; ++l) size += byHost.lists[l]->size();
            if (fits && size < bestSize) {
                best = byHost.count == 0 ? EntrySelection(&emptyList()) : byHost;
                bestSize = size;
            }
        }
    }
    return best;
}

// Calls visit(index) for the selected entries in ascending (bucket) order.
template <typename Visit>
void forEachSelected(const EntrySelection& selection, Visit visit) {
    if (selection.count == 1) {
        for (uint32_t index : *selection.lists[0]) visit(index);
        return;
    }
    std::array<size_t, EntrySelection::kMaxLists> at{};
    while (true) {
        uint32_t next = UINT32_MAX;
        for (size_t l = 0; l < selection.count; ++l) {
            if (at[l] < selection.lists[l]->size()) {
                next = std::min(next, (*selection.lists[l])[at[l]]);
            }
        }
        if (next == UINT32_MAX) return;
        visit(next);
        for (size_t l = 0; l < selection.count; ++l) {
            if (at[l] < selection.lists[l]->size() && (*selection.lists[l])[at[l]] == next) ++at[l];
        }
    }
}

bool isProtectedAction(const std::string& action) {
    return action == "android.intent.action.SEND" || action == "android.intent.action.SENDTO" ||
           action == "android.intent.action.SEND_MULTIPLE" ||
           action == "android.intent.action.VIEW";
}

bool isDirectBootAware(const InstalledPackage& package, const Component& component) {
    // android:directBootAware on a component defaults to the application's value.
    return component.directBootAware || package.manifest.application.directBootAware;
}

bool isExcludingStopped(const Intent& intent) {
    return (intent.flags & (flags::kExcludeStoppedPackages | flags::kIncludeStoppedPackages)) ==
           flags::kExcludeStoppedPackages;
}

void stableSort(std::vector<ResolveInfo>& results, int keys) {
    if (results.size() <= 16) {
        // Insertion sort: stable and allocation-free for the usual handful of candidates.
        for (size_t i = 1; i < results.size(); ++i) {
            size_t j = i;
            while (j > 0 && compareResolveInfo(results[i], results[j - 1], keys) < 0) --j;
            if (j != i)
                std::rotate(results.begin() + j, results.begin() + i, results.begin() + i + 1);
        }
        return;
    }
    std::stable_sort(results.begin(), results.end(),
                     [keys](const ResolveInfo& a, const ResolveInfo& b) {
                         return compareResolveInfo(a, b, keys) < 0;
                     });
}

std::string shortName(std::string_view name) { return text::shortName(name); }

}  // namespace

// ---- PackageIndex::Impl -------------------------------------------------------------------------

struct PackageIndex::Impl {
    const Device& device;
    std::array<Resolver, kGroupCount> resolvers;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> packageByName;
    std::optional<std::string> setupWizard;
    size_t filterCount = 0;

    explicit Impl(const Device& d) : device(d) {
        setupWizard = findSetupWizard();
        uint32_t nextComponentId = 0;
        for (size_t p = 0; p < device.packages.size(); ++p) {
            const InstalledPackage& package = device.packages[p];
            if (package.removed) continue;
            packageByName.emplace(package.packageName(), p);
            std::array<uint32_t, kGroupCount> begin{};
            for (size_t g = 0; g < kGroupCount; ++g) {
                begin[g] = static_cast<uint32_t>(resolvers[g].entries.size());
            }
            for (const Component& component : package.manifest.components) {
                const uint32_t componentId = nextComponentId++;
                Resolver& resolver = resolvers[static_cast<size_t>(groupOf(component.kind))];
                for (const IntentFilter& filter : component.filters) {
                    resolver.add(FilterEntry{&package, &component, &filter, componentId,
                                             clamp(package, component, filter, nullptr),
                                             filter.hasDefault()});
                    ++filterCount;
                }
            }
            for (size_t g = 0; g < kGroupCount; ++g) {
                const uint32_t end = static_cast<uint32_t>(resolvers[g].entries.size());
                if (end > begin[g]) {
                    resolvers[g].packageRange.emplace(package.packageName(),
                                                      std::pair{begin[g], end});
                }
            }
        }
        for (Resolver& resolver : resolvers) resolver.buildPostings();
    }

    const Resolver& resolver(ComponentKind kind) const {
        return resolvers[static_cast<size_t>(groupOf(kind))];
    }

    const InstalledPackage* findPackage(std::string_view name) const {
        auto it = packageByName.find(name);
        return it == packageByName.end() ? nullptr : &device.packages[it->second];
    }

    // getSetupWizardPackageName: MAIN + SETUP_WIZARD among system apps (disabled components
    // included); exactly one activity must answer.
    std::optional<std::string> findSetupWizard() const {
        std::optional<std::string> found;
        int count = 0;
        for (const InstalledPackage& package : device.packages) {
            if (package.removed || !package.system) continue;
            for (const Component& component : package.manifest.components) {
                if (!isActivityKind(component.kind)) continue;
                const bool answers =
                    std::any_of(component.filters.begin(), component.filters.end(),
                                [](const IntentFilter& filter) {
                                    return filter.hasAction(names::kActionMain) &&
                                           filter.hasCategory(names::kCategorySetupWizard) &&
                                           filter.schemes.empty() && filter.types.empty();
                                });
                if (answers) {
                    ++count;
                    found = package.packageName();
                }
            }
        }
        return count == 1 ? found : std::nullopt;
    }

    // P-1..P-3: the priority the resolver uses; `note` (if given) says why it changed.
    int clamp(const InstalledPackage& package, const Component& component,
              const IntentFilter& filter, std::string* note) const {
        const int declared = filter.priority;
        // Only activity filters are clamped; receivers keep their priority (ordered broadcasts).
        if (!isActivityKind(component.kind) || declared <= 0) return declared;
        const int api = device.apiLevel;
        auto clamped = [&](const std::string& why) {
            if (note) *note = "declared " + std::to_string(declared) + ", " + why;
            return 0;
        };
        if (api < 11) {
            if (!package.system) return clamped("parsed as 0 by P-3: not a system app");
            return declared;
        }
        if (api < 26) {
            if (!package.system) return clamped("forced to 0 by P-2: not a system app");
            return declared;
        }
        if (!package.privileged) return clamped("clamped to 0 by P-1: not a privileged app");
        if (package.updatedSystemApp) {
            return clamped(
                "clamped to 0 by P-1: an updated privileged app keeps at most the priority of its "
                "system-image version, which Hearth does not know");
        }
        for (const std::string& action : filter.actions) {
            if (!isProtectedAction(action)) continue;
            if (setupWizard && *setupWizard == package.packageName()) {
                if (note) {
                    *note = "declared " + std::to_string(declared) +
                            ", kept by P-1: the setup wizard may use protected action '" + action +
                            "'";
                }
                return declared;
            }
            return clamped("clamped to 0 by P-1: privileged app with protected action '" + action +
                           "' (only the setup wizard may)");
        }
        return declared;
    }

    // R-8 and the query-flag filters applied when a filter produced a match (newResult); returns
    // the rule-less reason the component is refused, or nullopt when it is accepted.
    std::optional<std::string> refusal(const InstalledPackage& package, const Component& component,
                                       int queryFlags) const {
        if ((queryFlags & flags::kMatchDisabledComponents) == 0 &&
            !package.isComponentEnabled(component)) {
            if (!package.enabled) {
                return "the application '" + package.packageName() +
                       "' is disabled (device 'enabled': false)";
            }
            if (package.disabledComponents.count(component.name) > 0) {
                return "it is disabled on the device ('disabledComponents')";
            }
            if (!package.manifest.application.enabled &&
                package.enabledComponents.count(component.name) == 0) {
                return "its <application> has android:enabled=\"false\"";
            }
            return std::string("its <") + componentKindName(component.kind) +
                   "> has android:enabled=\"false\"";
        }
        bool wantAware = (queryFlags & flags::kMatchDirectBootAware) != 0;
        bool wantUnaware = (queryFlags & flags::kMatchDirectBootUnaware) != 0;
        if (!wantAware && !wantUnaware) {
            wantAware = true;
            wantUnaware = device.userUnlocked;
        }
        const bool aware = isDirectBootAware(package, component);
        if (aware && !wantAware) {
            return "it is directBootAware and the query asks only for direct-boot-unaware "
                   "components (MATCH_DIRECT_BOOT_UNAWARE)";
        }
        if (!aware && !wantUnaware) {
            return device.userUnlocked
                       ? "it is not directBootAware and the query asks only for "
                         "direct-boot-aware components (MATCH_DIRECT_BOOT_AWARE)"
                       : "user storage is locked (direct boot) and it is not directBootAware";
        }
        if ((queryFlags & flags::kMatchSystemOnly) != 0 && !package.system) {
            return "'" + package.packageName() +
                   "' is not a system app and the query uses MATCH_SYSTEM_ONLY";
        }
        return std::nullopt;
    }

    ResolveInfo makeInfo(const FilterEntry& entry, int match) const {
        ResolveInfo info;
        info.component = ComponentName{entry.package->packageName(), entry.component->name};
        info.kind = entry.component->kind;
        info.priority = entry.priority;
        info.declaredPriority = entry.filter->priority;
        info.preferredOrder = 0;
        info.match = match;
        info.isDefault = entry.hasDefault;
        info.system = entry.package->system;
        info.package = entry.package;
        info.info = entry.component;
        info.filter = entry.filter;
        return info;
    }

    // One filter through IntentResolver.buildResolveList (spec 3.3).
    void consider(const FilterEntry& entry, const Intent& intent, int queryFlags,
                  bool excludingStopped, SeenComponents& seen,
                  std::vector<ResolveInfo>& out) const {
        const InstalledPackage& package = *entry.package;
        if (excludingStopped && package.stopped && !package.system) return;
        if (intent.package && *intent.package != package.packageName()) return;
        // Android checks R-6 before matching; checking it after the (pure) match and R-7 gives
        // the same answer and keeps the common case, a failing filter, cheap.
        const int match = entry.filter->match(intent);
        if (match < 0) return;
        if ((queryFlags & flags::kMatchDefaultOnly) != 0 && !entry.hasDefault) return;
        if (seen.contains(entry.componentId)) return;
        if (refusal(package, *entry.component, queryFlags)) return;
        seen.insert(entry.componentId);
        out.push_back(makeInfo(entry, match));
    }

    const Component* findComponent(const InstalledPackage& package, const std::string& className,
                                   Group group) const {
        for (const Component& component : package.manifest.components) {
            if (component.name == className && groupOf(component.kind) == group) return &component;
        }
        return nullptr;
    }

    // getActivityInfo and a single ResolveInfo; filters are not consulted.
    std::vector<ResolveInfo> queryExplicit(const ComponentName& name, int queryFlags,
                                           ComponentKind kind) const {
        std::vector<ResolveInfo> out;
        const InstalledPackage* package = findPackage(name.packageName);
        if (!package) return out;
        const Component* component = findComponent(*package, name.className, groupOf(kind));
        if (!component || refusal(*package, *component, queryFlags)) return out;
        ResolveInfo info;
        info.component = name;
        info.kind = component->kind;
        info.package = package;
        info.info = component;
        // Android fills only activityInfo here: priority, match, isDefault and system stay unset.
        out.push_back(std::move(info));
        return out;
    }

    std::vector<ResolveInfo> query(const Intent& original, int queryFlags,
                                   ComponentKind kind) const {
        const Intent& intent =
            (!original.component && original.selector) ? *original.selector : original;
        if (intent.component) return queryExplicit(*intent.component, queryFlags, kind);
        const Resolver& r = resolver(kind);
        std::vector<ResolveInfo> out;
        SeenComponents seen;
        const bool excludingStopped = isExcludingStopped(intent);
        const bool defaultOnly = (queryFlags & flags::kMatchDefaultOnly) != 0;
        if (intent.package) {
            // the package's own filters in order, without the index.
            auto range = r.packageRange.find(*intent.package);
            if (range != r.packageRange.end() && findPackage(*intent.package)) {
                for (uint32_t i = range->second.first; i < range->second.second; ++i) {
                    consider(r.entries[i], intent, queryFlags, excludingStopped, seen, out);
                }
            }
        } else {
            const ScanPlan plan = planScan(intent);
            for (size_t c = 0; c < plan.count; ++c) {
                const Bucket* bucket = findBucket(r.map(plan.cuts[c].kind), plan.cuts[c].key);
                if (!bucket) continue;
                const EntrySelection selection = selectEntries(*bucket, intent, defaultOnly);
                forEachSelected(selection, [&](uint32_t index) {
                    consider(r.entries[index], intent, queryFlags, excludingStopped, seen, out);
                });
            }
        }
        stableSort(out, sortKeyCount(device.apiLevel));
        return out;
    }
};

// ---- PackageIndex -------------------------------------------------------------------------------

PackageIndex::PackageIndex(const Device& device)
    : m_device(device), m_impl(std::make_unique<Impl>(device)) {}
PackageIndex::PackageIndex(PackageIndex&&) noexcept = default;
PackageIndex::~PackageIndex() = default;

size_t PackageIndex::filterCount() const { return m_impl->filterCount; }

const std::optional<std::string>& PackageIndex::setupWizardPackage() const {
    return m_impl->setupWizard;
}

int PackageIndex::effectivePriority(const InstalledPackage& package, const Component& component,
                                    const IntentFilter& filter) const {
    return m_impl->clamp(package, component, filter, nullptr);
}

std::string PackageIndex::priorityNote(const InstalledPackage& package, const Component& component,
                                       const IntentFilter& filter) const {
    std::string note;
    m_impl->clamp(package, component, filter, &note);
    return note;
}

std::vector<ResolveInfo> PackageIndex::query(const Intent& intent, int queryFlags,
                                             ComponentKind kind) const {
    return m_impl->query(intent, queryFlags, kind);
}

// ---- explain ------------------------------------------------------------------------------------

namespace {

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

}  // namespace

std::vector<Rejection> PackageIndex::explain(const Intent& original, int queryFlags,
                                             ComponentKind kind) const {
    std::vector<Rejection> out;
    const std::vector<ResolveInfo> answer = query(original, queryFlags, kind);
    const Intent& intent =
        (!original.component && original.selector) ? *original.selector : original;
    const Group group = groupOf(kind);
    const bool defaultOnly = (queryFlags & flags::kMatchDefaultOnly) != 0;
    const ScanPlan plan = planScan(intent);
    const bool excludingStopped = isExcludingStopped(intent);

    for (const InstalledPackage& package : m_device.packages) {
        if (package.removed) continue;
        for (const Component& component : package.manifest.components) {
            if (groupOf(component.kind) != group) continue;
            const ComponentName name{package.packageName(), component.name};
            const bool inAnswer = std::any_of(answer.begin(), answer.end(),
                                              [&](const auto& r) { return r.component == name; });
            if (inAnswer) continue;
            Rejection rejection;
            rejection.component = name;
            rejection.kind = component.kind;
            auto reject = [&](const IntentFilter* filter, std::string rule, std::string reason) {
                rejection.filter = filter;
                rejection.rule = std::move(rule);
                rejection.reason = std::move(reason);
                out.push_back(rejection);
            };

            if (intent.component) {
                if (*intent.component == name) {
                    std::optional<std::string> why =
                        m_impl->refusal(package, component, queryFlags);
                    reject(nullptr, "R-8",
                           "the intent names it explicitly, but " +
                               why.value_or("it is not available"));
                } else {
                    reject(nullptr, "Q-2",
                           "the intent names '" + intent.component->flattenToShortString() +
                               "' explicitly; no other component is considered");
                }
                continue;
            }
            if (intent.package && *intent.package != package.packageName()) {
                reject(nullptr, "Q-3",
                       "the intent is restricted to package '" + *intent.package + "'");
                continue;
            }
            if (excludingStopped && package.stopped && !package.system) {
                reject(nullptr, "3.3",
                       "the package is stopped and the intent has FLAG_EXCLUDE_STOPPED_PACKAGES "
                       "(0x10)");
                continue;
            }
            if (component.filters.empty()) {
                reject(nullptr, "Q-2",
                       std::string("it declares no <intent-filter>: only an explicit intent (-n) "
                                   "reaches it"));
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
            if (bestCode < 0) {
                MatchExplanation why = describeFilterMatch(*best, intent, bestCode);
                reject(best, why.rule, why.reason);
            } else if (bestStage == 1) {
                reject(best, "R-5",
                       "the filter would match (" + hex(bestCode) +
                           ") but the resolver never looks at it: " +
                           whyNoBucket(plan, intent, *best));
            } else if (bestStage == 2) {
                reject(best, "R-7",
                       "the filter matches (" + hex(bestCode) +
                           ") but lacks category 'android.intent.category.DEFAULT', which "
                           "MATCH_DEFAULT_ONLY requires");
            } else {
                std::optional<std::string> why = m_impl->refusal(package, component, queryFlags);
                reject(best, "R-8",
                       "the filter matches (" + hex(bestCode) + ") but " +
                           why.value_or("the component was refused"));
            }
        }
    }
    return out;
}

// ---- resolve ------------------------------------------------------------------------------------

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

}  // namespace

namespace {

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

}  // namespace

ResolveResult PackageIndex::resolve(const Intent& intent, int queryFlags,
                                    ComponentKind kind) const {
    if (isActivityKind(kind)) return resolveActivity(intent, queryFlags);
    ResolveResult result;
    result.candidates = query(intent, queryFlags, kind);
    if (result.candidates.empty()) {
        result.outcome = ResolveOutcome::None;
        result.rule = "C-1";
        result.reason = std::string("C-1: no ") + componentKindName(kind) + " matches";
        return result;
    }
    result.outcome = ResolveOutcome::Activity;
    result.chosen = result.candidates.front();
    result.rule = "R-9";
    result.reason = std::string("R-9: the first of ") + std::to_string(result.candidates.size()) +
                    " " + componentKindName(kind) + (result.candidates.size() == 1 ? "" : "s") +
                    " in Android's order (like resolveService, no chooser)";
    return result;
}

ResolveResult PackageIndex::resolveActivity(const Intent& original, int queryFlags) const {
    ResolveResult result;
    result.candidates = query(original, queryFlags, ComponentKind::Activity);
    const std::vector<ResolveInfo>& query = result.candidates;
    const int api = m_device.apiLevel;

    std::string clampNotes;
    for (const ResolveInfo& info : query) {
        if (!info.package || !info.info || !info.filter) continue;
        const std::string note = priorityNote(*info.package, *info.info, *info.filter);
        if (!note.empty() && info.priority != info.declaredPriority) {
            clampNotes += "; " + info.component.flattenToShortString() + " " + note;
        }
    }

    if (query.empty()) {
        result.outcome = ResolveOutcome::None;
        result.rule = "C-1";
        result.reason = "C-1: no activity matches";
        return result;
    }
    if (query.size() == 1) {
        result.outcome = ResolveOutcome::Activity;
        result.chosen = query.front();
        result.rule = "C-2";
        const Intent& effective =
            (!original.component && original.selector) ? *original.selector : original;
        result.reason = effective.component ? "C-2: the intent names the component explicitly (Q-2)"
                                            : "C-2: only one activity matches";
        result.reason += clampNotes;
        return result;
    }
    const ResolveInfo& r0 = query[0];
    const ResolveInfo& r1 = query[1];
    if (r0.priority != r1.priority || r0.preferredOrder != r1.preferredOrder ||
        r0.isDefault != r1.isDefault) {
        result.outcome = ResolveOutcome::Activity;
        result.chosen = r0;
        result.rule = "C-3";
        if (r0.priority != r1.priority) {
            result.reason = "C-3: top two differ in priority (" + std::to_string(r0.priority) +
                            " > " + std::to_string(r1.priority) + ")";
        } else if (r0.preferredOrder != r1.preferredOrder) {
            result.reason = "C-3: top two differ in preferredOrder (" +
                            std::to_string(r0.preferredOrder) + " > " +
                            std::to_string(r1.preferredOrder) + ")";
        } else {
            result.reason =
                "C-3: top two differ in isDefault (only the first has category DEFAULT)";
        }
        result.reason += clampNotes;
        return result;
    }

    // C-4: preferred activities (P-6..P-8).
    const Intent& intent = original.selector ? *original.selector : original;  // P-6
    const bool defaultOnly = (queryFlags & flags::kMatchDefaultOnly) != 0;
    PreferredHit hit;
    if (api >= 21) {
        // P-7: persistent preferred activities (Android 5.0+).
        for (size_t index : matchingEntries(m_device.persistentPreferred, intent, defaultOnly)) {
            const PreferredActivity& entry = m_device.persistentPreferred[index];
            const InstalledPackage* package = m_impl->findPackage(entry.component.packageName);
            if (!package ||
                !m_impl->findComponent(*package, entry.component.className, Group::Activity)) {
                hit.notes.push_back(entryName("persistentPreferred", index, entry) +
                                    " names a component that is not installed; ignored (P-7)");
                continue;
            }
            if (auto at = findInQuery(query, entry.component)) {
                hit.candidate = at;
                hit.entry = index;
                hit.persistent = true;
                break;
            }
            hit.notes.push_back(entryName("persistentPreferred", index, entry) +
                                " is not among the candidates (P-7)");
        }
    }
    if (!hit.candidate) {
        int best = 0;
        for (const ResolveInfo& info : query) best = std::max(best, info.match);
        best &= match::kCategoryMask;
        const bool excludeSetupWizard =
            api >= 29 && isHomeIntent(intent) && !m_device.userSetupComplete;
        const bool allowMutation = !excludeSetupWizard;
        const std::optional<std::string>& wizard = m_impl->setupWizard;
        auto counts = [&](const ComponentName& name) {
            return !(excludeSetupWizard && wizard && name.packageName == *wizard);
        };
        const std::vector<size_t> entries =
            matchingEntries(m_device.preferred, intent, defaultOnly);
        for (size_t index : entries) {
            const PreferredActivity& entry = m_device.preferred[index];
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
            const InstalledPackage* package = m_impl->findPackage(entry.component.packageName);
            if (!package ||
                !m_impl->findComponent(*package, entry.component.className, Group::Activity)) {
                if (api >= 11 && allowMutation) {
                    hit.changes.push_back(
                        PreferredChange{PreferredChange::Kind::Remove, index, {}});
                    hit.notes.push_back(label +
                                        " names a component that is no longer installed; the "
                                        "entry is removed (P-8)");
                } else {
                    hit.notes.push_back(
                        label + " names a component that is not installed, so it is skipped (P-8)");
                }
                continue;
            }
            const std::optional<size_t> at = findInQuery(query, entry.component);
            if (!at) {
                hit.notes.push_back(label + " is not among the candidates, so it is skipped (P-8)");
                continue;
            }

            if (api < 21) {
                // 2.x/4.x sameSet(query, priority): only candidates at the top priority count.
                const int top = query.front().priority;
                size_t matched = 0;
                bool same = true;
                for (const ResolveInfo& info : query) {
                    if (info.priority != top) continue;
                    if (!contains(entry.set, info.component)) {
                        same = false;
                        break;
                    }
                    ++matched;
                }
                same = same && matched == entry.set.size();
                if (!same) {
                    hit.changes.push_back(
                        PreferredChange{PreferredChange::Kind::Remove, index, {}});
                    hit.notes.push_back(label +
                                        " was recorded with a different set of top-priority "
                                        "candidates; the entry is removed and the chooser asks "
                                        "again (P-8, sameSet at priority " +
                                        std::to_string(top) + ")");
                    hit.stopAtChooser = true;
                    break;
                }
            } else {
                size_t inSet = 0;
                size_t counted = 0;
                bool superset = true;
                for (const ResolveInfo& info : query) {
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
                if (!same) {
                    if (api >= 29 && superset) {
                        std::vector<ComponentName> shrunk;
                        for (const ComponentName& name : entry.set) {
                            if (findInQuery(query, name)) shrunk.push_back(name);
                        }
                        if (allowMutation) {
                            hit.changes.push_back(PreferredChange{PreferredChange::Kind::ShrinkSet,
                                                                  index, std::move(shrunk)});
                        }
                        hit.notes.push_back(label +
                                            ": candidates only disappeared since it was "
                                            "recorded, so its set shrinks and it is used (P-8)");
                    } else {
                        if (allowMutation) {
                            hit.changes.push_back(PreferredChange{
                                PreferredChange::Kind::DemoteToLastChosen, index, {}});
                        }
                        hit.notes.push_back(
                            label +
                            (api >= 29 ? ": a new candidate appeared since it was recorded"
                                       : ": the candidate set changed since it was "
                                         "recorded") +
                            (allowMutation ? ", so it becomes a last-chosen entry" : "") +
                            " and the chooser asks again (P-8)");
                        hit.stopAtChooser = true;
                        break;
                    }
                }
            }
            hit.candidate = at;
            hit.entry = index;
            break;
        }
    }
    result.preferredChanges = hit.changes;
    std::string notes;
    for (const std::string& note : hit.notes) notes += "; " + note;

    if (hit.candidate) {
        result.outcome = ResolveOutcome::Activity;
        result.chosen = query[*hit.candidate];
        result.rule = hit.persistent ? "P-7" : "P-8";
        if (hit.persistent) {
            result.persistentPreferredIndex = hit.entry;
            result.reason = "P-7: persistent preferred activity " +
                            entryName("persistentPreferred", *hit.entry,
                                      m_device.persistentPreferred[*hit.entry]);
        } else {
            result.preferredIndex = hit.entry;
            result.reason = "P-8: preferred activity " +
                            entryName("preferred", *hit.entry, m_device.preferred[*hit.entry]) +
                            " recorded for this intent";
        }
        result.reason += "; C-4: top two tie at priority " + std::to_string(r0.priority);
        result.reason += notes + clampNotes;
        return result;
    }

    // C-5 (Android 11+): FLAG_ACTIVITY_REQUIRE_DEFAULT refuses the chooser.
    if (api >= 30 && (original.flags & flags::kActivityRequireDefault) != 0) {
        result.outcome = ResolveOutcome::None;
        result.rule = "C-5";
        result.reason = "C-5: FLAG_ACTIVITY_REQUIRE_DEFAULT and no single default activity" +
                        notes + clampNotes;
        return result;
    }

    result.outcome = ResolveOutcome::Chooser;
    ResolveInfo resolver;
    resolver.component = resolverActivityComponent();
    result.chosen = resolver;
    result.rule = "C-6";
    result.reason = "C-6: top two tie at priority " + std::to_string(r0.priority) +
                    (r0.isDefault ? ", default" : ", not default") + ", no preferred activity" +
                    notes + "; the chooser lists " + std::to_string(query.size()) + " activities" +
                    clampNotes;
    return result;
}

// ---- describeFilterMatch ------------------------------------------------------------------------

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

// M-13/M-14, for explanations only (matching itself is IntentFilter::match).
bool hostMatches(const std::string& filterHost, std::string_view host) {
    if (!filterHost.empty() && filterHost[0] == '*') {
        const std::string_view suffix = std::string_view(filterHost).substr(1);
        if (host.size() < suffix.size()) return false;
        return equalsIgnoreCase(host.substr(host.size() - suffix.size()), suffix);
    }
    return equalsIgnoreCase(filterHost, host);
}

std::string listOf(const std::vector<std::string>& values, bool shorten) {
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += shorten ? shortName(values[i]) : values[i];
    }
    return out + "]";
}

std::string listOf(const std::vector<PatternMatcher>& matchers) {
    std::string out = "[";
    for (size_t i = 0; i < matchers.size(); ++i) {
        if (i > 0) out += ", ";
        out +=
            std::string(patternKindName(matchers[i].kind())) + " '" + matchers[i].pattern() + "'";
    }
    return out + "]";
}

std::string listOf(const std::vector<FilterAuthority>& authorities) {
    std::string out = "[";
    for (size_t i = 0; i < authorities.size(); ++i) {
        if (i > 0) out += ", ";
        out += authorities[i].host;
        if (authorities[i].port) out += ":" + std::to_string(*authorities[i].port);
    }
    return out + "]";
}

bool containsIgnoreCase(const std::vector<std::string>& values, std::string_view value) {
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& v) { return equalsIgnoreCase(v, value); });
}

MatchExplanation describeData(const IntentFilter& filter, const Intent& intent) {
    const std::optional<Uri>& data = intent.data;
    if (filter.types.empty() && filter.schemes.empty()) {
        if (data) {
            return {"M-8", "the filter declares no <data>, but the intent has data '" +
                               data->toString() + "'"};
        }
        return {"M-8", "the filter declares no <data>, but the intent has type '" +
                           intent.type.value_or("") + "'"};
    }
    if (filter.schemes.empty()) {
        return {"M-10",
                "a filter with only MIME types accepts no data or content:, file: URIs, "
                "but the intent has data '" +
                    (data ? data->toString() : std::string()) + "'"};
    }
    const std::optional<std::string>& scheme = intent.scheme();
    const std::string schemeText = scheme.value_or("");
    if (std::find(filter.schemes.begin(), filter.schemes.end(), schemeText) ==
        filter.schemes.end()) {
        if (!data) {
            return {"M-9", "the intent has no data, but the filter needs a scheme from " +
                               listOf(filter.schemes, false)};
        }
        if (!scheme) {
            return {"M-9", "data '" + data->toString() +
                               "' has no scheme; the filter's schemes are " +
                               listOf(filter.schemes, false)};
        }
        std::string reason = "scheme '" + schemeText + "' is not in the filter's schemes " +
                             listOf(filter.schemes, false);
        if (containsIgnoreCase(filter.schemes, schemeText))
            reason += " (schemes are case-sensitive)";
        return {"M-9", reason};
    }
    std::string sspMiss;
    if (!filter.ssps.empty() && data) {
        sspMiss = "scheme-specific part '" + data->schemeSpecificPart() +
                  "' matches none of the filter's " + listOf(filter.ssps);
        if (filter.authorities.empty()) return {"M-9", sspMiss};
        sspMiss += ", and ";
    }
    if (!filter.authorities.empty()) {
        const std::optional<std::string>& host = data ? data->host() : std::optional<std::string>();
        if (!host) {
            return {"M-15", sspMiss +
                                (data ? "'" + data->toString() + "' has no host"
                                      : std::string("the intent has no data")) +
                                ", but the filter needs one of the hosts " +
                                listOf(filter.authorities)};
        }
        const FilterAuthority* hostOnly = nullptr;
        bool matched = false;
        for (const FilterAuthority& authority : filter.authorities) {
            if (!hostMatches(authority.host, *host)) continue;
            if (authority.port && *authority.port != data->port()) {
                if (!hostOnly) hostOnly = &authority;
                continue;
            }
            matched = true;
            break;
        }
        if (!matched && hostOnly) {
            const std::string port =
                data->port() < 0 ? "no port" : "port " + std::to_string(data->port());
            return {"M-16", sspMiss + "'" + data->toString() + "' has " + port +
                                ", but the filter's authority '" + hostOnly->host +
                                "' needs port " + std::to_string(*hostOnly->port)};
        }
        if (!matched) {
            return {"M-14", sspMiss + "host '" + *host + "' matches none of the filter's hosts " +
                                listOf(filter.authorities)};
        }
        if (!filter.paths.empty()) {
            const std::string path = data->path().value_or("");
            return {"M-9", "path '" + path + "'" +
                               (path.empty() ? " (the URI has no path)" : std::string()) +
                               " matches none of the filter's paths " + listOf(filter.paths)};
        }
    }
    return {"M-9", "the data '" + (data ? data->toString() : std::string()) +
                       "' does not match the filter's <data>"};
}

}  // namespace

MatchExplanation describeFilterMatch(const IntentFilter& filter, const Intent& intent, int code) {
    switch (code) {
        case match::kNoMatchAction: {
            const std::string action = intent.action.value_or("");
            if (filter.actions.empty()) {
                return {"M-3",
                        "the filter lists no action, so it never matches action '" + action + "'"};
            }
            std::string reason = "action '" + action + "' is not in the filter's actions " +
                                 listOf(filter.actions, true);
            if (filter.hasAction("*")) {
                return {"M-4", reason + " ('*' is a literal action, not a wildcard)"};
            }
            return {"M-3", reason};
        }
        case match::kNoMatchCategory: {
            std::string missing;
            for (const std::string& category : intent.categories) {
                if (!filter.hasCategory(category)) {
                    missing = category;
                    break;
                }
            }
            if (filter.categories.empty()) {
                return {"M-6", "the filter lists no category, but the intent has category '" +
                                   missing + "'"};
            }
            return {"M-5", "category '" + missing + "' is not in the filter's categories " +
                               listOf(filter.categories, true)};
        }
        case match::kNoMatchData:
            return describeData(filter, intent);
        case match::kNoMatchType: {
            if (filter.types.empty()) {
                return {"M-11", "the filter declares no MIME type, but the intent has type '" +
                                    intent.type.value_or("") + "'"};
            }
            if (!intent.type) {
                return {"M-11", "the filter needs a MIME type from " + listOf(filter.types, false) +
                                    ", but the intent has none (only -t sets it; content "
                                    "providers are not asked)"};
            }
            std::string reason = "type '" + *intent.type + "' matches none of the filter's types " +
                                 listOf(filter.types, false);
            if (containsIgnoreCase(filter.types, *intent.type)) {
                reason += " (types are case-sensitive, M-18)";
            }
            return {"M-11", reason};
        }
        default:
            break;
    }
    if (code >= 0) return {"M-12", "the filter matches: " + matchCodeName(code) + " " + hex(code)};
    return {"M-1", "the filter does not match (" + std::to_string(code) + ")"};
}

}  // namespace hearth

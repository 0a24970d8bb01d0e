// PackageIndex: Android's IntentResolver buckets (R-1..R-5) per component kind, PackageManager's
// per-filter processing (R-6..R-8), sorting, priority clamping (P-1..P-3) and explicit and
// package-restricted intents (Q-1..Q-3). explain() is in explain.cpp, chooseBestActivity with the
// preferred-activity lookup (C-1..C-6, P-6..P-8) in resolve_activity.cpp. Pure: nothing here does
// I/O or keeps global state.

#include <hearth/package_index.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "package_index_internal.h"
#include "text.h"
#include "unicode.h"

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

const char* resolveModeName(ResolveMode mode) {
    return mode == ResolveMode::Start ? "start" : "query";
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

using index_detail::BucketKind;
using index_detail::Group;
using index_detail::groupOf;
using index_detail::isActivityKind;
using index_detail::isExcludingStopped;
using index_detail::kGroupCount;
using index_detail::planScan;
using index_detail::ScanPlan;

namespace {

// ---- the index --------------------------------------------------------------------------------

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
            !text::isAscii(authority.host)) {
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

}  // namespace

namespace index_detail {

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

bool isExcludingStopped(const Intent& intent) {
    return (intent.flags & (flags::kExcludeStoppedPackages | flags::kIncludeStoppedPackages)) ==
           flags::kExcludeStoppedPackages;
}

}  // namespace index_detail

namespace {

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
        } else if (host->size() <= 256 && text::isAscii(*host)) {
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

}  // namespace

// ---- the index of one device ---------------------------------------------------------------------

namespace index_detail {

struct Index {
    const Device& device;
    std::array<Resolver, kGroupCount> resolvers;
    std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> packageByName;
    std::optional<std::string> setupWizard;
    std::optional<DefaultBrowser> browser;
    size_t filterCount = 0;

    explicit Index(const Device& d) : device(d) {
        setupWizard = findSetupWizard();
        browser = hearth::defaultBrowser(device);
        // Sized once: every count is known before the first entry is added (issue 14).
        packageByName.reserve(device.packages.size());
        std::array<size_t, kGroupCount> filtersOf{};
        for (const InstalledPackage& package : device.packages) {
            if (package.removed) continue;
            for (const Component& component : package.manifest.components) {
                filtersOf[static_cast<size_t>(groupOf(component.kind))] += component.filters.size();
            }
        }
        for (size_t g = 0; g < kGroupCount; ++g) {
            resolvers[g].entries.reserve(filtersOf[g]);
            resolvers[g].packageRange.reserve(device.packages.size());
        }
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
        // Priorities a device reported (hearth import adb) were clamped there already.
        if (package.prioritiesClamped) return declared;
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
        if ((queryFlags & flags::kMatchDisabledComponents) == 0) {
            switch (package.componentState(component)) {
                case ComponentState::Enabled:
                case ComponentState::EnabledByOverride:
                    break;
                case ComponentState::AppDisabled:
                    return "the application '" + package.packageName() +
                           "' is disabled (device 'enabled': false)";
                case ComponentState::DisabledByOverride:
                    return "it is disabled on the device ('disabledComponents')";
                case ComponentState::DisabledInApplication:
                    return "its <application> has android:enabled=\"false\"";
                case ComponentState::DisabledInManifest:
                    return std::string("its <") + componentKindName(component.kind) +
                           "> has android:enabled=\"false\"";
            }
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

std::optional<std::string> refusal(const Index& index, const InstalledPackage& package,
                                   const Component& component, int queryFlags) {
    return index.refusal(package, component, queryFlags);
}

std::vector<ResolveInfo> gather(const Index& index, const Intent& intent, int queryFlags,
                                ComponentKind kind) {
    return index.query(intent, queryFlags, kind);
}

void sortCandidates(std::vector<ResolveInfo>& candidates, int apiLevel) {
    stableSort(candidates, sortKeyCount(apiLevel));
}

bool hasActivity(const Index& index, const ComponentName& name) {
    const InstalledPackage* package = index.findPackage(name.packageName);
    return package && index.findComponent(*package, name.className, Group::Activity);
}

}  // namespace index_detail


// ---- PackageIndex -------------------------------------------------------------------------------

PackageIndex::PackageIndex(const Device& device)
    : m_device(device), m_impl(std::make_unique<Impl>(device)) {}
PackageIndex::PackageIndex(PackageIndex&&) noexcept = default;
PackageIndex::~PackageIndex() = default;

size_t PackageIndex::filterCount() const { return m_impl->filterCount; }

const std::optional<DefaultBrowser>& PackageIndex::defaultBrowser() const {
    return m_impl->browser;
}

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


}  // namespace hearth

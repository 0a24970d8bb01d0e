// Per-filter matching throughput: IntentFilter::match on the three typical filter shapes of real
// manifests (action-only; scheme + host + path glob; MIME wildcard), against an intent it accepts
// and intents it rejects late (the costly rejections). Target (issue 7): 10 million matches per
// second on one core; items_per_second is that figure.

#include <benchmark/benchmark.h>
#include <hearth/intent.h>
#include <hearth/intent_filter.h>
#include <hearth/pattern_matcher.h>
#include <hearth/uri.h>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

using namespace hearth;

PatternMatcher pattern(PatternKind kind, const char* text) {
    Result<PatternMatcher> matcher = PatternMatcher::create(kind, text);
    if (!matcher) {
        std::cerr << "match_bench: bad pattern '" << text << "': " << matcher.error().toString()
                  << "\n";
        std::exit(1);
    }
    return std::move(matcher).value();
}

Intent intent(const char* action, std::vector<std::string> categories, const char* data,
              const char* type) {
    Intent out;
    if (action != nullptr) out.action = action;
    out.categories = std::move(categories);
    if (data != nullptr) out.data = Uri::parse(data);
    if (type != nullptr) out.type = type;
    return out;
}

// A settings entry point: one action, DEFAULT (the corpus's most common shape, 62% of filters).
IntentFilter actionOnlyFilter() {
    IntentFilter filter;
    filter.actions = {"android.intent.action.APPLICATION_PREFERENCES"};
    filter.categories = {names::kCategoryDefault};
    return filter;
}

// An app link: http/https, an exact and a wildcard host, a prefix and a glob path.
IntentFilter webFilter() {
    IntentFilter filter;
    filter.actions = {names::kActionView};
    filter.categories = {names::kCategoryDefault, names::kCategoryBrowsable};
    filter.schemes = {"http", "https"};
    filter.authorities = {FilterAuthority{"www.example.com", std::nullopt, {}},
                          FilterAuthority{"*.example.org", std::nullopt, {}}};
    filter.paths = {pattern(PatternKind::Prefix, "/watch"),
                    pattern(PatternKind::SimpleGlob, "/channel/.*/videos")};
    return filter;
}

// A media viewer: VIEW and SEND of image/* and video/*.
IntentFilter mimeFilter() {
    IntentFilter filter;
    filter.actions = {names::kActionView, "android.intent.action.SEND"};
    filter.categories = {names::kCategoryDefault};
    filter.types = {"image/*", "video/*"};
    return filter;
}

int expectPositive(int code, bool positive, const char* what) {
    if ((code >= 0) != positive) {
        std::cerr << "match_bench: " << what << " gave " << matchCodeName(code) << "\n";
        std::exit(1);
    }
    return code;
}

void runMatch(benchmark::State& state, const IntentFilter& filter, const Intent& probe,
              bool positive) {
    // A benchmark that measured the wrong branch would be worse than none.
    state.SetLabel(matchCodeName(expectPositive(filter.match(probe), positive,
                                                positive ? "a matching case" : "a rejection")));
    for (auto _ : state) {
        benchmark::DoNotOptimize(filter.match(probe));
    }
    state.SetItemsProcessed(state.iterations());
}

void BM_ActionOnly_Match(benchmark::State& state) {
    runMatch(state, actionOnlyFilter(),
             intent("android.intent.action.APPLICATION_PREFERENCES", {}, nullptr, nullptr), true);
}
void BM_ActionOnly_OtherAction(benchmark::State& state) {
    runMatch(state, actionOnlyFilter(),
             intent("android.intent.action.APPLICATION_RESTRICTIONS_CHANGED", {}, nullptr, nullptr),
             false);
}
void BM_ActionOnly_ExtraCategory(benchmark::State& state) {
    runMatch(state, actionOnlyFilter(),
             intent("android.intent.action.APPLICATION_PREFERENCES", {names::kCategoryBrowsable},
                    nullptr, nullptr),
             false);
}

void BM_WebPathGlob_Match(benchmark::State& state) {
    runMatch(state, webFilter(),
             intent(names::kActionView, {names::kCategoryBrowsable},
                    "https://m.example.org/channel/UCabc123/videos", nullptr),
             true);
}
void BM_WebPathGlob_OtherHost(benchmark::State& state) {
    runMatch(state, webFilter(),
             intent(names::kActionView, {names::kCategoryBrowsable},
                    "https://m.example.net/channel/UCabc123/videos", nullptr),
             false);
}
void BM_WebPathGlob_OtherPath(benchmark::State& state) {
    runMatch(state, webFilter(),
             intent(names::kActionView, {names::kCategoryBrowsable},
                    "https://www.example.com/channel/UCabc123/about", nullptr),
             false);
}

void BM_MimeWildcard_Match(benchmark::State& state) {
    runMatch(state, mimeFilter(), intent(names::kActionView, {}, nullptr, "video/mp4"), true);
}
void BM_MimeWildcard_OtherType(benchmark::State& state) {
    runMatch(state, mimeFilter(), intent(names::kActionView, {}, nullptr, "audio/mpeg"), false);
}
void BM_MimeWildcard_ContentUri(benchmark::State& state) {
    runMatch(
        state, mimeFilter(),
        intent(names::kActionView, {}, "content://media/external/images/media/42", "image/jpeg"),
        true);
}

BENCHMARK(BM_ActionOnly_Match);
BENCHMARK(BM_ActionOnly_OtherAction);
BENCHMARK(BM_ActionOnly_ExtraCategory);
BENCHMARK(BM_WebPathGlob_Match);
BENCHMARK(BM_WebPathGlob_OtherHost);
BENCHMARK(BM_WebPathGlob_OtherPath);
BENCHMARK(BM_MimeWildcard_Match);
BENCHMARK(BM_MimeWildcard_OtherType);
BENCHMARK(BM_MimeWildcard_ContentUri);

}  // namespace

BENCHMARK_MAIN();

// Fuzz target: the --framework-src call-site scanner (scanJavaSource). The first byte picks which
// call-site file the rest is scanned as (one scan an execution, so the fuzzer learns each file's
// paths instead of paying for all seven every time). Checks: every site found is one of the call-site ids, its
// line lies inside the text, and a stock/patched site names the category it resolved.

#include <hearth/framework_source.h>
#include <hearth/home.h>

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    static const char* const kFiles[] = {
        "ActivityManagerService.java", "ActivityTaskManagerService.java", "HistoryRecord.java",
        "ActivityRecord.java",         "PhoneWindowManager.java",         "MidWindowManager.java",
        "RecentApplicationsDialog.java"};
    if (size == 0) return 0;
    const char* const file = kFiles[data[0] % std::size(kFiles)];
    const std::string_view text = fuzz::asText(data + 1, size - 1);
    const std::size_t lines = fuzz::countLines(text);
    const std::vector<std::pair<std::string, std::string>> constants = {
        {"CATEGORY_HOME_FIRST", "android.intent.category.HOME_FIRST"}};
    for (const SourceSite& site : scanJavaSource(text, file, constants)) {
        FUZZ_CHECK(isHomeSite(site.site), "unknown site id '" + site.site + "'");
        FUZZ_CHECK(site.where.line >= 0 && static_cast<std::size_t>(site.where.line) <= lines,
                   "site line outside the text: " + std::to_string(site.where.line));
        if (site.status == SiteStatus::Stock || site.status == SiteStatus::Patched) {
            FUZZ_CHECK(!site.category.empty(), "a judged site without its category");
        }
    }
    return 0;
}

// Fuzz target: the small adb capture readers of hearth import adb, each fed the same input:
// getprop, pm list packages, preferred-xml, role holders, pm get-app-links and cmd package
// query-activities. Checks: errors have a message and a line inside the input; accepted entries
// are well formed (names present, components with both halves).

#include <hearth/adb_capture.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const std::size_t lines = fuzz::countLines(text);
    auto check = [&](const auto& result) {
        if (!result) fuzz::checkError(result.error(), lines);
    };
    const auto props = parseGetprop(text, "getprop.txt");
    check(props);
    const auto list = parsePmList(text, "pm.txt");
    check(list);
    if (list) {
        for (const PmListEntry& entry : *list) FUZZ_CHECK(!entry.name.empty(), "unnamed package");
    }
    const auto preferred = parsePreferredXml(text, "preferred.xml");
    check(preferred);
    if (preferred) {
        for (const CapturedPreferred& entry : *preferred) {
            FUZZ_CHECK(!entry.component.packageName.empty(), "preferred without a package");
        }
    }
    check(parseRoleHolders(text, "roles.txt"));
    check(parseAppLinks(text, "app-links.txt"));
    const auto activities = parseQueryActivities(text, "query.txt");
    check(activities);
    if (activities) {
        for (const QueriedActivity& activity : *activities) {
            FUZZ_CHECK(!activity.component.packageName.empty() &&
                           !activity.component.className.empty(),
                       "queried activity without a component");
        }
    }
    return 0;
}

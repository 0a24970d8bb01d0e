// Fuzz target: `dumpsys package` output (parseDumpsysPackageText), the streaming, section-tolerant
// reader of hearth import adb. Checks: errors have a message and a line inside the input; an
// accepted capture holds only well-formed components and never more lines than the input has.

#include <hearth/adb_capture.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const Result<DumpsysCapture> capture = parseDumpsysPackageText(text, "dumpsys.txt");
    const std::size_t lines = fuzz::countLines(text);
    if (!capture) {
        fuzz::checkError(capture.error(), lines);
        return 0;
    }
    FUZZ_CHECK(capture->lines <= lines, "more lines read than the input has");
    for (const DumpsysFilter& filter : capture->filters) {
        FUZZ_CHECK(!filter.component.packageName.empty() && !filter.component.className.empty(),
                   "filter of an unnamed component");
        FUZZ_CHECK(filter.filter.where.line >= 1 &&
                       static_cast<std::size_t>(filter.filter.where.line) <= lines,
                   "filter located outside the input");
    }
    for (const DumpsysPackage& package : capture->packages) {
        FUZZ_CHECK(package.where.line >= 1, "package without a location");
    }
    return 0;
}

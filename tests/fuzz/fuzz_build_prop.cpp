// Fuzz target: build.prop (parseBuildProp, platformVersion). Checks: errors and warnings are
// single lines located inside the input; an accepted API level is 1..99.

#include <hearth/build_prop.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const std::size_t lines = fuzz::countLines(text);
    const Result<BuildProps> props = parseBuildProp(text, "build.prop");
    if (!props) {
        fuzz::checkError(props.error(), lines);
        return 0;
    }
    for (const Diagnostic& d : props->diagnostics) {
        FUZZ_CHECK(d.where.line >= 1 && static_cast<std::size_t>(d.where.line) <= lines,
                   "warning outside the input: " + d.toString());
    }
    const Result<PlatformVersion> version = platformVersion(*props);
    if (!version) {
        fuzz::checkError(version.error(), lines);
        return 0;
    }
    FUZZ_CHECK(version->apiLevel >= 1 && version->apiLevel <= 99,
               "api level out of range: " + std::to_string(version->apiLevel));
    return 0;
}

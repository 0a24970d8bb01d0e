// Fuzz target: source AndroidManifest.xml (parseManifest). Beyond "no crash, no leak, no UB" it
// checks that errors carry a message and a location inside the input, that strict mode only ever
// turns a success into a failure when there were warnings (and otherwise yields the same model).

#include <hearth/manifest.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const std::size_t lines = fuzz::countLines(text);

    const Result<Manifest> lenient = parseManifest(text, "fuzz/AndroidManifest.xml");
    ParseOptions strictOptions;
    strictOptions.strict = true;
    const Result<Manifest> strict = parseManifest(text, "fuzz/AndroidManifest.xml", strictOptions);

    if (!lenient) {
        fuzz::checkError(lenient.error(), lines);
        FUZZ_CHECK(!strict,
                   "strict mode accepted what lenient mode refused: " + lenient.error().toString());
        return 0;
    }
    const Manifest& manifest = lenient.value();
    FUZZ_CHECK(!manifest.packageName.empty(), "accepted a manifest without a package name");
    for (const Component& component : manifest.components) {
        FUZZ_CHECK(!component.name.empty(), "component without a name");
        FUZZ_CHECK(
            component.where.line >= 1 && static_cast<std::size_t>(component.where.line) <= lines,
            "component location outside the input: line " + std::to_string(component.where.line));
    }
    if (strict) {
        FUZZ_CHECK(fuzz::describe(strict.value(), true) == fuzz::describe(manifest, true),
                   "strict and lenient parses disagree on an accepted manifest");
    } else {
        fuzz::checkError(strict.error(), lines);
    }
    return 0;
}

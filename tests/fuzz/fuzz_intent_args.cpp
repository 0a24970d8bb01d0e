// Fuzz target: `am start`-style intent arguments (parseIntentArgs). The input is split into
// arguments at NUL and newline bytes. Checks: errors have a message; an accepted intent has no
// duplicate categories and renders (toShortString) without trouble, selectors included.

#include <hearth/intent.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    std::vector<std::string> args(1);
    for (char c : fuzz::asText(data, size)) {
        if (c == '\0' || c == '\n')
            args.emplace_back();
        else
            args.back().push_back(c);
    }
    if (args.back().empty()) args.pop_back();

    const Result<Intent> intent = parseIntentArgs(args);
    if (!intent) {
        fuzz::checkError(intent.error());
        return 0;
    }
    for (const Intent* current = &intent.value(); current != nullptr;
         current = current->selector.get()) {
        std::vector<std::string> categories = current->categories;
        std::sort(categories.begin(), categories.end());
        FUZZ_CHECK(std::adjacent_find(categories.begin(), categories.end()) == categories.end(),
                   "duplicate category in " + current->toShortString());
        // Rendering must work; it may be empty (an empty --selector renders as am's "{ }").
        (void)current->toShortString();
    }
    return 0;
}

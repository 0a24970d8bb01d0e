// Fuzz target: the APK container (parseApk over whole zip archives: central directory, entry
// sizes, compression, then the binary manifest and resources.arsc inside).

#include <hearth/manifest.h>

#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const Result<Manifest> apk = parseApk(fuzz::asText(data, size), "fuzz.apk");
    if (!apk) {
        fuzz::checkError(apk.error());
        return 0;
    }
    for (const Component& component : apk->components)
        FUZZ_CHECK(!component.name.empty(), "component without a name");
    return 0;
}

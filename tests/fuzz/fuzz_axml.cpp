// Fuzz target: binary AXML. The input is the AndroidManifest.xml entry of an otherwise valid APK
// (a stored zip made here), so every mutation reaches the AXML reader instead of dying in the
// zip layer. Seeds are the binary manifests aapt compiles from samples/ (made at seed time).

#include <hearth/manifest.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "../support/binary_writers.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string apk = testing::apkWith(std::string(fuzz::asText(data, size)));
    const Result<Manifest> manifest = parseApk(apk, "fuzz.apk");
    if (!manifest) {
        fuzz::checkError(manifest.error());
        return 0;
    }
    FUZZ_CHECK(!manifest->packageName.empty(), "accepted a binary manifest without a package");
    for (const Component& component : manifest->components)
        FUZZ_CHECK(!component.name.empty(), "component without a name");
    return 0;
}

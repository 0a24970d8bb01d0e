// Differential fuzz target: source parser versus binary parser on the same manifest.
//
// The input is source XML. When parseManifest accepts it, the model is compiled to binary AXML
// the way aapt lays it out (fuzz_support's encoder: attribute names mapped to android:attr
// resource ids, typed booleans and integers, one <data> element per value), wrapped in an APK,
// and read back with parseApk. The two models must be equal, locations and diagnostics aside.
// One input bit picks a UTF-8 or a UTF-16 string pool.
//
// Why not aapt in the loop: a process per execution would run ~1,000x slower. Instead, aapt is
// used at seed time (tests/fuzz/make_seeds compiles samples/ into the apk and axml seeds), and
// the APK tests compare aapt's output with the source parser sample by sample.

#include <hearth/manifest.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "../support/binary_writers.h"
#include "fuzz_support.h"

namespace {

bool allUtf8(const hearth::Manifest& manifest) {
    return hearth::fuzz::isValidUtf8(hearth::fuzz::describe(manifest, false));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const Result<Manifest> source = parseManifest(text, "fuzz/AndroidManifest.xml");
    if (!source) return 0;
    const Manifest& model = source.value();
    // A UTF-16 pool cannot carry bytes that are not UTF-8, and neither can Android's.
    if (!allUtf8(model)) return 0;
    // A derived package name is Hearth's invention; the APK would state it outright.
    if (model.packageDerived) return 0;

    const bool utf8Pool = size > 0 && (data[size - 1] & 1) != 0;
    const std::string axml = fuzz::encodeManifestAxml(model, utf8Pool);
    const std::string apk = testing::apkWith(axml);
    const Result<Manifest> binary = parseApk(apk, "fuzz.apk");
    FUZZ_CHECK(binary.has_value(), "the APK of an accepted manifest was refused: " +
                                       (binary ? std::string() : binary.error().toString()) +
                                       "\nsource model:\n" + fuzz::describe(model, false));
    const std::string expected = fuzz::describe(model, false);
    const std::string actual = fuzz::describe(binary.value(), false);
    FUZZ_CHECK(expected == actual, "source and binary models differ\n--- source\n" + expected +
                                       "--- binary\n" + actual);
    return 0;
}

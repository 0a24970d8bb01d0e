// The aapt half of the differential test: for each pair MANIFEST.xml APK given on the command line
// (the APK compiled from that manifest by Debian's aapt), the model parseManifest builds from the
// source must equal the model parseApk builds from aapt's binary output, locations and
// diagnostics aside. scripts/fuzz feeds it the inputs fuzz_differential found, compiled by aapt,
// so the fuzzer's manifests are checked against the real compiler too, not only against
// fuzz_support's encoder. When aapt refused a manifest, the second path names a file ending in
// ".err" holding aapt's message instead: those Hearth accepts are counted by aapt's reason (Hearth
// is lenient on purpose in places, e.g. a missing package attribute is a warning). Prints each
// mismatch and a summary; exits 1 when any pair differs.

#include <hearth/manifest.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>

#include "fuzz_support.h"

namespace {

std::string readFile(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
    int compared = 0;
    int skipped = 0;
    int mismatches = 0;
    std::map<std::string, int> aaptRefusals;  // reason -> manifests Hearth accepts
    for (int i = 1; i + 1 < argc; i += 2) {
        const hearth::Result<hearth::Manifest> source =
            hearth::parseManifest(readFile(argv[i]), "AndroidManifest.xml");
        const std::string second = argv[i + 1];
        if (second.size() > 4 && second.substr(second.size() - 4) == ".err") {
            if (source) {
                std::string reason = readFile(argv[i + 1]);
                reason = reason.substr(0, reason.find('\n'));
                // "path:line: error: what" or "path:line: what" -> "what": the place differs for
                // every input.
                const std::size_t error = reason.find("error: ");
                if (error != std::string::npos) {
                    reason = reason.substr(error + 7);
                } else if (const std::size_t xml = reason.find(".xml:"); xml != std::string::npos) {
                    const std::size_t space = reason.find(": ", xml + 5);
                    if (space != std::string::npos) reason = reason.substr(space + 2);
                }
                ++aaptRefusals[reason.substr(0, 70)];
            }
            continue;
        }
        const hearth::Result<hearth::Manifest> binary =
            hearth::parseApk(readFile(argv[i + 1]), "app.apk");
        if (!source || source->packageDerived) {
            ++skipped;  // aapt compiled something Hearth refuses: not this tool's question
            continue;
        }
        ++compared;
        if (!binary) {
            ++mismatches;
            std::cout << "MISMATCH " << argv[i]
                      << ": aapt's APK is refused: " << binary.error().toString() << "\n";
            continue;
        }
        const std::string expected = hearth::fuzz::describe(source.value(), false);
        const std::string actual = hearth::fuzz::describe(binary.value(), false);
        if (expected != actual) {
            ++mismatches;
            std::cout << "MISMATCH " << argv[i] << "\n--- from source\n"
                      << expected << "--- from aapt's APK\n"
                      << actual;
        }
    }
    std::cout << "aapt differential: " << compared << " compared, " << mismatches << " mismatches, "
              << skipped << " skipped (refused by Hearth's source parser)\n";
    for (const auto& [reason, count] : aaptRefusals)
        std::cout << "  Hearth accepts, aapt refuses (" << count << "): " << reason << "\n";
    return mismatches == 0 ? 0 : 1;
}

#pragma once
// Helpers shared by the fuzz targets: invariant checks that abort (so libFuzzer and the replay
// driver both record the input), a canonical text form of the manifest model for comparisons, and
// a manifest model encoded as aapt would (the byte writers are ../support/binary_writers.h).

#include <hearth/manifest.h>
#include <hearth/result.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hearth::fuzz {

/// Prints what failed (and the detail) to stderr and aborts.
[[noreturn]] void fail(const char* check, const std::string& detail);

}  // namespace hearth::fuzz

/// Aborts with the condition text and the detail when cond is false.
#define FUZZ_CHECK(cond, detail)                            \
    do {                                                    \
        if (!(cond)) ::hearth::fuzz::fail(#cond, (detail)); \
    } while (false)

namespace hearth::fuzz {

/// The input as text (bytes kept as they are).
inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Checks what every error must satisfy: a non-empty, single-line message that does not end in a
/// newline; when the error has a line, it lies within a text of lineCount lines.
void checkError(const Error& error, std::size_t lineCount = 0);

/// Every field of the model in a stable text form, one item a line. Locations and diagnostics are
/// included only when asked (the source and the binary parser place them differently).
std::string describe(const Manifest& manifest, bool withLocations);

/// Number of lines in text as an editor counts them (a final line without '\n' counts).
std::size_t countLines(std::string_view text);

/// Encodes a parsed manifest as aapt would compile an equivalent source: every component, filter
/// and <data> value (one <data> element per value, which Android merges the same way, M-26), with
/// a UTF-8 or a UTF-16 string pool.
std::string encodeManifestAxml(const Manifest& manifest, bool utf8Pool);

/// True when every string in the model is valid UTF-8 (what a UTF-16 pool can carry losslessly).
bool isValidUtf8(std::string_view text);

}  // namespace hearth::fuzz

#pragma once
// Helpers shared by the fuzz targets: invariant checks that abort (so libFuzzer and the replay
// driver both record the input), a canonical text form of the manifest model for comparisons, and
// writers for the binary formats the targets wrap their input in (a stored zip, binary AXML).

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

/// CRC-32 as zip computes it.
std::uint32_t crc32(std::string_view bytes);

/// A zip archive whose entries are stored uncompressed, in the given order.
std::string storedZip(const std::vector<std::pair<std::string, std::string>>& entries);

/// One entry of zipArchive(): bytes as stored, and what the headers claim about them.
struct ZipEntry {
    std::string name;
    std::string data;                    ///< stored bytes (deflate stream when method is 8)
    std::uint16_t method = 0;            ///< 0 stored, 8 deflate
    std::uint32_t crc = 0;               ///< CRC-32 of the uncompressed bytes
    std::uint32_t uncompressedSize = 0;  ///< as declared (a zip bomb may lie)
};
/// A zip archive of the entries exactly as described (nothing recomputed).
std::string zipArchive(const std::vector<ZipEntry>& entries);

/// A deflate stream (fixed Huffman codes) that inflates to `count` zero bytes at ~20 bytes per
/// 100 KiB: a zip bomb's payload. `count` is rounded up to 1 + a multiple of 258.
struct DeflatedZeros {
    std::string stream;
    std::size_t count = 0;  ///< bytes it inflates to
    std::uint32_t crc = 0;  ///< CRC-32 of those bytes
};
DeflatedZeros deflateZeros(std::size_t atLeast);

/// Builds Android binary XML (AXML) the way aapt lays it out: string pool (attribute names first,
/// mapped to resource ids), resource map, one namespace, start/end element chunks.
class AxmlWriter {
  public:
    enum class ValueType : std::uint8_t {
        Reference = 0x01,
        String = 0x03,
        IntDec = 0x10,
        IntHex = 0x11,
        Boolean = 0x12,
    };
    struct Attribute {
        bool androidNamespace = true;
        std::string name;
        std::uint32_t resourceId = 0;  ///< 0: not mapped (the parser must fall back to the name)
        ValueType type = ValueType::String;
        std::string text;        ///< String
        std::uint32_t data = 0;  ///< every other type
    };

    explicit AxmlWriter(bool utf8Pool) : m_utf8(utf8Pool) {}

    void startElement(const std::string& name, std::vector<Attribute> attributes);
    void endElement();
    /// The whole document; elements still open are closed first.
    std::string finish();

  private:
    struct Event {
        bool start = true;
        std::string name;
        std::vector<Attribute> attributes;
    };
    bool m_utf8;
    std::vector<Event> m_events;
    std::vector<std::string> m_open;
};

/// Attribute helpers with the resource ids of android:attr/* (framework public.xml).
AxmlWriter::Attribute stringAttr(const std::string& name, const std::string& value);
AxmlWriter::Attribute intAttr(const std::string& name, std::int32_t value);
AxmlWriter::Attribute boolAttr(const std::string& name, bool value);

/// Encodes a parsed manifest as aapt would compile an equivalent source: every component, filter
/// and <data> value (one <data> element per value, which Android merges the same way, M-26).
std::string encodeManifestAxml(const Manifest& manifest, bool utf8Pool);

/// True when every string in the model is valid UTF-8 (what a UTF-16 pool can carry losslessly).
bool isValidUtf8(std::string_view text);

}  // namespace hearth::fuzz

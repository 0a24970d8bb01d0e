#pragma once
// Java-compatible text helpers. Android works on UTF-16 Java strings; Hearth keeps UTF-8. These
// helpers let the matcher see a UTF-8 string exactly as Java would see the same text, so that
// globs ('.' is one UTF-16 unit), host comparison (compareToIgnoreCase) and Integer.parseInt give
// Android's answers for non-ASCII text too. ASCII text takes fast paths everywhere.

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::text {

/// True when every byte is below 0x80. Inline and a word at a time: the matcher asks it of every
/// host and path it compares (issue 14's 10 M matches/s), mostly of 10-40 byte strings.
inline bool isAscii(std::string_view text) {
    const char* bytes = text.data();
    const std::size_t size = text.size();
    std::uint64_t seen = 0;
    std::size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        seen |= word;
    }
    for (; i < size; ++i) seen |= static_cast<unsigned char>(bytes[i]);
    return (seen & 0x8080808080808080ULL) == 0;
}

/// equalsIgnoreCase for two texts the caller knows are ASCII: caseKey of an ASCII unit is its
/// lower case, so this is a byte compare with 'A'-'Z' folded.
inline bool equalsIgnoreCaseAscii(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        unsigned char x = static_cast<unsigned char>(a[i]);
        unsigned char y = static_cast<unsigned char>(b[i]);
        if (x == y) continue;
        if (static_cast<unsigned>(x - 'A') < 26u) x = static_cast<unsigned char>(x + 32);
        if (static_cast<unsigned>(y - 'A') < 26u) y = static_cast<unsigned char>(y + 32);
        if (x != y) return false;
    }
    return true;
}

/// The key under which String.compareToIgnoreCase treats UTF-16 units as equal:
/// Character.toLowerCase(Character.toUpperCase(unit)).
char16_t caseKey(char16_t unit);

/// String.equalsIgnoreCase / compareToIgnoreCase(...) == 0 on UTF-16 units: same length, and each
/// unit pair equal or with equal caseKey. Unicode-aware (U+212A KELVIN SIGN equals 'k').
bool equalsIgnoreCase(std::u16string_view a, std::u16string_view b);
/// The same for UTF-8 texts, without allocating.
bool equalsIgnoreCase(std::string_view a, std::string_view b);

/// Character.digit(unit, 10): 0..9, or -1 when the unit is not a decimal digit.
int decimalDigit(char16_t unit);

/// Decodes one UTF-8 sequence at text[pos] the way Java's UTF-8 CharsetDecoder with REPLACE
/// does: returns the code point, or U+FFFD for a malformed sequence, and advances pos by the
/// number of bytes Java consumes for it (a sequence cut short by the end of text is one U+FFFD).
char32_t nextCodePoint(std::string_view text, std::size_t& pos);

/// Appends a code point as UTF-8.
void appendUtf8(std::string& out, char32_t codePoint);

/// Appends bytes decoded as UTF-8 the way Java's decoder with REPLACE does (UriCodec's flush).
void appendJavaDecoded(std::string& out, std::string_view bytes);

/// The UTF-16 units Java would hold for a UTF-8 text. Short texts stay in inline storage, so the
/// matcher's non-ASCII paths do not allocate for ordinary URIs.
class Utf16 {
  public:
    explicit Utf16(std::string_view utf8);
    Utf16(const Utf16&) = delete;
    Utf16& operator=(const Utf16&) = delete;

    std::u16string_view view() const {
        return m_onHeap ? std::u16string_view(m_heap)
                        : std::u16string_view(m_inline.data(), m_size);
    }

  private:
    static constexpr std::size_t kInlineUnits = 256;
    std::array<char16_t, kInlineUnits> m_inline;
    std::u16string m_heap;
    std::size_t m_size = 0;
    bool m_onHeap = false;
};

/// The UTF-16 units of a UTF-8 text, in a string.
std::u16string toUtf16(std::string_view utf8);

/// Integer.parseInt(text) with radix 10 (a leading '+' or '-', any Unicode decimal digits, no
/// overflow); nullopt where Java throws NumberFormatException.
std::optional<std::int32_t> parseJavaInt(std::string_view text);
std::optional<std::int32_t> parseJavaInt(std::u16string_view units);

/// String.hashCode() of the text's UTF-16 units (ArraySet orders by it).
std::int32_t javaHashCode(std::string_view utf8);

}  // namespace hearth::text

#include "unicode.h"

#include <algorithm>
#include <iterator>

namespace hearth::text {
namespace {

struct CaseKey {
    char16_t unit;
    char16_t key;
};

#include "unicode_tables.inc"

constexpr char32_t kReplacement = 0xFFFD;

bool isContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Java's decoder accepts a truncated 3- or 4-byte sequence only as long as the bytes present
// could still start a valid one; these mirror its "is the prefix already malformed" checks.
bool threeByteSecondIsBad(unsigned char lead, unsigned char second) {
    return (lead == 0xE0 && (second & 0xE0) == 0x80) || !isContinuation(second);
}

bool fourByteSecondIsBad(unsigned char lead, unsigned char second) {
    return (lead == 0xF0 && (second < 0x90 || second > 0xBF)) ||
           (lead == 0xF4 && (second & 0xF0) != 0x80) || !isContinuation(second);
}

}  // namespace

char16_t caseKey(char16_t unit) {
    if (unit < 0x80) return (unit >= 'A' && unit <= 'Z') ? static_cast<char16_t>(unit + 32) : unit;
    const auto* end = std::end(kCaseKeys);
    const auto* found =
        std::lower_bound(std::begin(kCaseKeys), end, unit,
                         [](const CaseKey& entry, char16_t u) { return entry.unit < u; });
    return (found != end && found->unit == unit) ? found->key : unit;
}

bool equalsIgnoreCase(std::u16string_view a, std::u16string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i] && caseKey(a[i]) != caseKey(b[i])) return false;
    }
    return true;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (isAscii(a) && isAscii(b)) return equalsIgnoreCaseAscii(a, b);
    const Utf16 a16(a);
    const Utf16 b16(b);
    return equalsIgnoreCase(a16.view(), b16.view());
}

int decimalDigit(char16_t unit) {
    if (unit >= '0' && unit <= '9') return unit - '0';
    if (unit < 0x80) return -1;
    const auto* end = std::end(kDigitZeros);
    const auto* after = std::upper_bound(std::begin(kDigitZeros), end, unit);
    if (after == std::begin(kDigitZeros)) return -1;
    const char16_t zero = *(after - 1);
    return unit - zero < 10 ? unit - zero : -1;
}

char32_t nextCodePoint(std::string_view text, std::size_t& pos) {
    const auto byteAt = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const std::size_t remaining = text.size() - pos;
    const unsigned char lead = byteAt(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        if (remaining < 2 || !isContinuation(byteAt(pos + 1))) {
            ++pos;
            return kReplacement;
        }
        const char32_t cp = ((lead & 0x1Fu) << 6) | (byteAt(pos + 1) & 0x3Fu);
        pos += 2;
        return cp;
    }
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (remaining < 3) {
            if (remaining > 1 && threeByteSecondIsBad(lead, byteAt(pos + 1))) {
                ++pos;
            } else {
                pos = text.size();  // a valid-looking prefix cut off by the end: one U+FFFD
            }
            return kReplacement;
        }
        const unsigned char second = byteAt(pos + 1);
        const unsigned char third = byteAt(pos + 2);
        if (threeByteSecondIsBad(lead, second)) {
            ++pos;
            return kReplacement;
        }
        if (!isContinuation(third)) {
            pos += 2;
            return kReplacement;
        }
        const char32_t cp = ((lead & 0x0Fu) << 12) | ((second & 0x3Fu) << 6) | (third & 0x3Fu);
        pos += 3;
        // Java rejects an encoded surrogate as one malformed 3-byte sequence.
        return (cp >= 0xD800 && cp <= 0xDFFF) ? kReplacement : cp;
    }
    if (lead >= 0xF0 && lead <= 0xF7) {
        if (remaining < 4) {
            if (lead > 0xF4 || (remaining > 1 && fourByteSecondIsBad(lead, byteAt(pos + 1)))) {
                ++pos;
            } else if (remaining > 2 && !isContinuation(byteAt(pos + 2))) {
                pos += 2;
            } else {
                pos = text.size();
            }
            return kReplacement;
        }
        const unsigned char second = byteAt(pos + 1);
        const unsigned char third = byteAt(pos + 2);
        const unsigned char fourth = byteAt(pos + 3);
        if (lead > 0xF4 || fourByteSecondIsBad(lead, second)) {
            ++pos;
            return kReplacement;
        }
        if (!isContinuation(third)) {
            pos += 2;
            return kReplacement;
        }
        if (!isContinuation(fourth)) {
            pos += 3;
            return kReplacement;
        }
        pos += 4;
        return ((lead & 0x07u) << 18) | ((second & 0x3Fu) << 12) | ((third & 0x3Fu) << 6) |
               (fourth & 0x3Fu);
    }
    ++pos;
    return kReplacement;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

void appendJavaDecoded(std::string& out, std::string_view bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) appendUtf8(out, nextCodePoint(bytes, pos));
}

namespace {

template <typename Sink>
void forEachUtf16Unit(std::string_view utf8, Sink&& sink) {
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const unsigned char byte = static_cast<unsigned char>(utf8[pos]);
        if (byte < 0x80) {
            sink(static_cast<char16_t>(byte));
            ++pos;
            continue;
        }
        const char32_t cp = nextCodePoint(utf8, pos);
        if (cp >= 0x10000) {
            sink(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            sink(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            sink(static_cast<char16_t>(cp));
        }
    }
}

}  // namespace

Utf16::Utf16(std::string_view utf8) {
    // A UTF-8 text never has more UTF-16 units than bytes.
    if (utf8.size() <= kInlineUnits) {
        forEachUtf16Unit(utf8, [this](char16_t unit) { m_inline[m_size++] = unit; });
    } else {
        m_onHeap = true;
        m_heap = toUtf16(utf8);
        m_size = m_heap.size();
    }
}

std::u16string toUtf16(std::string_view utf8) {
    std::u16string out;
    out.reserve(utf8.size());
    forEachUtf16Unit(utf8, [&out](char16_t unit) { out += unit; });
    return out;
}

std::optional<std::int32_t> parseJavaInt(std::string_view text) {
    const Utf16 units(text);
    return parseJavaInt(units.view());
}

std::optional<std::int32_t> parseJavaInt(std::u16string_view units) {
    if (units.empty()) return std::nullopt;
    std::size_t i = 0;
    bool negative = false;
    if (units[0] == u'-' || units[0] == u'+') {
        negative = units[0] == u'-';
        if (units.size() == 1) return std::nullopt;
        i = 1;
    }
    const std::int64_t limit = negative ? 2147483648LL : 2147483647LL;
    std::int64_t value = 0;
    for (; i < units.size(); ++i) {
        const int digit = decimalDigit(units[i]);
        if (digit < 0) return std::nullopt;
        value = value * 10 + digit;
        if (value > limit) return std::nullopt;
    }
    return static_cast<std::int32_t>(negative ? -value : value);
}

std::int32_t javaHashCode(std::string_view utf8) {
    std::uint32_t hash = 0;
    forEachUtf16Unit(utf8, [&hash](char16_t unit) { hash = hash * 31u + unit; });
    return static_cast<std::int32_t>(hash);
}

}  // namespace hearth::text

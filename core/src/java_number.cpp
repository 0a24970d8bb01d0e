// Java's number syntax, as am's intent options, pm's --query-flags and device.json's match codes
// use it: Integer.decode, Long.valueOf and Float.valueOf over the text's UTF-16 units, so any
// Unicode decimal digit counts as Java's Character.digit says.

#include <hearth/java_number.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "unicode.h"

namespace hearth {
namespace {

int javaDigit(char16_t unit, int radix) {
    int digit = -1;
    if (unit >= u'a' && unit <= u'z') {
        digit = unit - u'a' + 10;
    } else if (unit >= u'A' && unit <= u'Z') {
        digit = unit - u'A' + 10;
    } else {
        digit = text::decimalDigit(unit);
    }
    return digit < radix ? digit : -1;
}

// Digits only (no sign), at most `limit`.
std::optional<std::uint64_t> parseMagnitude(std::u16string_view digits, int radix,
                                            std::uint64_t limit) {
    if (digits.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (char16_t unit : digits) {
        const int digit = javaDigit(unit, radix);
        if (digit < 0) return std::nullopt;
        if (value >
            (limit - static_cast<std::uint64_t>(digit)) / static_cast<std::uint64_t>(radix)) {
            return std::nullopt;
        }
        value = value * static_cast<std::uint64_t>(radix) + static_cast<std::uint64_t>(digit);
    }
    return value;
}

}  // namespace

// Integer.decode: optional sign, then 0x / 0X / # (hex), 0 (octal) or decimal.
std::optional<std::int32_t> decodeJavaInt(std::string_view textValue) {
    const std::u16string units = text::toUtf16(textValue);
    std::size_t index = 0;
    bool negative = false;
    if (units.empty()) return std::nullopt;
    if (units[0] == u'-' || units[0] == u'+') {
        negative = units[0] == u'-';
        index = 1;
    }
    int radix = 10;
    const std::u16string_view rest = std::u16string_view(units).substr(index);
    if (rest.starts_with(u"0x") || rest.starts_with(u"0X")) {
        index += 2;
        radix = 16;
    } else if (rest.starts_with(u"#")) {
        index += 1;
        radix = 16;
    } else if (rest.starts_with(u"0") && rest.size() > 1) {
        index += 1;
        radix = 8;
    }
    const std::u16string_view digits = std::u16string_view(units).substr(index);
    if (!digits.empty() && (digits[0] == u'-' || digits[0] == u'+')) return std::nullopt;
    const auto magnitude = parseMagnitude(digits, radix, negative ? 2147483648ULL : 2147483647ULL);
    if (!magnitude) return std::nullopt;
    return static_cast<std::int32_t>(negative ? -static_cast<std::int64_t>(*magnitude)
                                              : static_cast<std::int64_t>(*magnitude));
}

// Long.valueOf: optional sign and decimal digits within 64 bits.
bool isJavaLong(std::string_view textValue) {
    const std::u16string units = text::toUtf16(textValue);
    std::u16string_view digits = units;
    bool negative = false;
    if (!digits.empty() && (digits[0] == u'-' || digits[0] == u'+')) {
        negative = digits[0] == u'-';
        digits.remove_prefix(1);
    }
    return parseMagnitude(digits, 10, negative ? 9223372036854775808ULL : 9223372036854775807ULL)
        .has_value();
}

// Float.valueOf / Double.valueOf: Java's literal syntax after trim(): sign, "NaN", "Infinity",
// decimal with optional exponent, or a hex float with a 'p' exponent; optional f/F/d/D suffix.
bool isJavaFloat(std::string_view textValue) {
    while (!textValue.empty() && static_cast<unsigned char>(textValue.front()) <= ' ') {
        textValue.remove_prefix(1);
    }
    while (!textValue.empty() && static_cast<unsigned char>(textValue.back()) <= ' ') {
        textValue.remove_suffix(1);
    }
    std::string_view body = textValue;
    if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
    if (body == "NaN" || body == "Infinity") return true;
    if (!body.empty() && std::string_view("fFdD").find(body.back()) != std::string_view::npos) {
        body.remove_suffix(1);
    }
    if (body.starts_with("0x") || body.starts_with("0X")) {
        const std::string copy(body);
        if (copy.find_first_of("pP") == std::string::npos) return false;
        char* end = nullptr;
        std::strtod(copy.c_str(), &end);
        return end == copy.c_str() + copy.size();
    }
    std::size_t i = 0;
    std::size_t mantissaDigits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++mantissaDigits;
    if (i < body.size() && body[i] == '.') {
        ++i;
        while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++mantissaDigits;
    }
    if (mantissaDigits == 0) return false;
    if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
        ++i;
        if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
        std::size_t exponentDigits = 0;
        while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++exponentDigits;
        if (exponentDigits == 0) return false;
    }
    return i == body.size();
}

}  // namespace hearth

#pragma once
// Java's number syntax (java_number.cpp): what Integer.decode, Long.valueOf and Float.valueOf
// accept, for am's intent options, pm's --query-flags and device.json's match codes.

#include <cstdint>
#include <optional>
#include <string_view>

namespace hearth {

/// Integer.decode: optional sign, then "0x"/"0X"/"#" (hex), a leading "0" (octal) or decimal
/// digits, within 32 bits; nullopt where Java throws NumberFormatException.
std::optional<std::int32_t> decodeJavaInt(std::string_view text);
/// Whether Long.valueOf accepts the text: optional sign and decimal digits within 64 bits.
bool isJavaLong(std::string_view text);
/// Whether Float.valueOf / Double.valueOf accept the text (Java's literal syntax after trim()).
bool isJavaFloat(std::string_view text);

}  // namespace hearth

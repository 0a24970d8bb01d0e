#pragma once
// Android Binary XML ("ABX", magic "ABX\0"): the form Android 12+ writes /data/system state in
// (packages.xml, package-restrictions.xml) unless persist.sys.binary_xml=false
// (device-formats 2.5). Hearth converts it to the text abx2xml prints and reads that with the one
// text XML path, so both forms give the same answers.

#include <string>
#include <string_view>

#include <hearth/result.h>

namespace hearth {

/// True when the bytes start with the ABX magic 41 42 58 00 (format version 0).
bool isAbx(std::string_view bytes);

/// The document as text XML, attribute values rendered as abx2xml does (ints in decimal, hex
/// types in lower-case signed hex, booleans true/false, bytes as hex or base64). Fails with
/// "name: byte N: message" on a truncated or malformed stream, an unknown token or type, an
/// undefined interned string, an END_TAG that does not close the open element, or nesting deeper
/// than limits::kMaxXmlDepth.
[[nodiscard]] Result<std::string> abxToXml(std::string_view bytes, const std::string& sourceName);

}  // namespace hearth

#pragma once
// aapt2's escape rules, applied to values the way the build tools compile them into an APK, because
// the device only ever sees the compiled value: a pathPattern written ".*\\.pdf" in XML reaches
// the matcher as ".*\.pdf".

#include <hearth/result.h>

#include <string>
#include <string_view>

namespace hearth {

/// A value after unescaping, plus what aapt silently changed.
struct UnescapedValue {
    std::string text;
    /// Characters that followed a backslash with no special meaning ("\." becomes "."), in order;
    /// empty when there were none. Worth a warning: the writer usually meant a literal backslash.
    std::string unknownEscapes;
};

/// Unescapes an attribute value as aapt2 does: "\\" "\'" "\"" "\@" "\?" "\#" give the character,
/// "\n" and "\t" a newline and a tab, "\uXXXX" the UTF-16 unit (surrogate pairs combine), any other
/// "\c" gives c, a trailing lone backslash vanishes. Whitespace and quotes are kept as written.
/// Fails with "invalid unicode escape '\u12x': expected four hex digits" (or a lone surrogate).
[[nodiscard]] Result<UnescapedValue> unescapeAttributeValue(std::string_view raw);

/// Processes the text of a <string> resource as aapt2 does: the attribute escapes above, plus
/// runs of unquoted whitespace collapse to one space, unquoted leading and trailing whitespace is
/// dropped, and double quotes are removed while keeping what they enclose verbatim.
[[nodiscard]] Result<UnescapedValue> unescapeResourceString(std::string_view raw);

/// The inverse of unescapeAttributeValue, XML-escaped too: text to put between the quotes of an
/// attribute in source XML so that parsing it gives `value` back (a leading @ or ? is escaped so it
/// stays text; control characters become \uXXXX).
std::string escapeAttributeValue(std::string_view value);

/// XML escaping alone, for text compared as written (namespace URIs): & < > " become entities and
/// control characters, which XML cannot hold at all, become '?'.
std::string escapeXmlAttribute(std::string_view text);

}  // namespace hearth

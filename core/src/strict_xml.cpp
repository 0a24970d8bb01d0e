// expat's refusals on top of pugixml (strict_xml.h): what aapt2 would refuse to compile.

#include "strict_xml.h"

#include <hearth/limits.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <unordered_set>

#include "manifest_vocabulary.h"
#include "text.h"

namespace hearth::detail {
namespace {

using text::inQuotes;
using text::tagText;

// pugixml keeps an unknown entity ("&nbsp;") or a bare '&' as text, where XML (and so aapt)
// refuses the file. Finds the first such '&' outside comments, CDATA, PIs and the DOCTYPE.
struct BadReference {
    size_t offset;
    std::string_view text;  // "&" or "&name;"
    // A well-formed numeric reference to a character XML does not allow ("&#0;", "&#xD800;"):
    // pugixml would write it into the text as is (a NUL ends the string), expat refuses it.
    std::optional<uint32_t> forbiddenCharacter;
};

// XML 1.0's Char production: what a document may contain, written or by reference.
bool isXmlChar(uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::optional<BadReference> findBadReference(std::string_view text) {
    // Only an '&' can be reported, and most manifests have none: one memchr pass settles those
    // (the scan below was 9% of loading a 10,000-package device, issue 7).
    if (text.find('&') == std::string_view::npos) return std::nullopt;
    const auto skipTo = [&](size_t from, std::string_view end) {
        const size_t found = text.find(end, from);
        return found == std::string_view::npos ? text.size() : found + end.size();
    };
    size_t pos = 0;
    while ((pos = text.find_first_of("&<", pos)) != std::string_view::npos) {
        const std::string_view rest = text.substr(pos);
        if (rest.front() == '<') {
            if (rest.substr(0, 4) == "<!--") {
                pos = skipTo(pos + 4, "-->");
            } else if (rest.substr(0, 9) == "<![CDATA[") {
                pos = skipTo(pos + 9, "]]>");
            } else if (rest.substr(0, 2) == "<?") {
                pos = skipTo(pos + 2, "?>");
            } else if (rest.substr(0, 2) == "<!") {
                // A DOCTYPE, possibly with an internal subset in brackets.
                const size_t bracket = text.find_first_of("[>", pos);
                pos = bracket != std::string_view::npos && text[bracket] == '['
                          ? skipTo(skipTo(bracket, "]"), ">")
                          : skipTo(pos, ">");
            } else {
                ++pos;
            }
            continue;
        }
        size_t end = pos + 1;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '#' ||
                text[end] == '_' || text[end] == '-' || text[end] == '.' || text[end] == ':')) {
            ++end;
        }
        const std::string_view name = text.substr(pos + 1, end - pos - 1);
        if (end >= text.size() || text[end] != ';' || name.empty()) {
            return BadReference{pos, text.substr(pos, 1), std::nullopt};
        }
        bool known =
            name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
        if (!known && name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            known = !digits.empty() && std::all_of(digits.begin(), digits.end(), [hex](char c) {
                return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                           : (c >= '0' && c <= '9');
            });
        }
        if (!known) return BadReference{pos, text.substr(pos, end + 1 - pos), std::nullopt};
        if (name[0] == '#') {
            const bool hex = name[1] == 'x';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            uint64_t value = 0;
            for (char c : digits) {
                const int digit = std::isdigit(static_cast<unsigned char>(c))
                                      ? c - '0'
                                      : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
                value = value * (hex ? 16 : 10) + static_cast<uint64_t>(digit);
                if (value > 0x10FFFF) break;  // already out of Unicode; stop before overflowing
            }
            if (!isXmlChar(static_cast<uint32_t>(std::min<uint64_t>(value, 0x110000)))) {
                return BadReference{pos, text.substr(pos, end + 1 - pos),
                                    static_cast<uint32_t>(std::min<uint64_t>(value, 0x110000))};
            }
        }
        pos = end + 1;
    }
    return std::nullopt;
}

// The offset of the first "--" inside a comment (XML allows two hyphens only in the closing "-->",
// and not "--->"); pugixml accepts them, expat refuses the file. CDATA sections are skipped.
std::optional<size_t> findDoubleHyphenInComment(std::string_view text) {
    size_t pos = 0;
    while ((pos = text.find("<!", pos)) != std::string_view::npos) {
        if (text.substr(pos, 9) == "<![CDATA[") {
            const size_t end = text.find("]]>", pos + 9);
            if (end == std::string_view::npos) return std::nullopt;  // pugixml reports it
            pos = end + 3;
            continue;
        }
        if (text.substr(pos, 4) != "<!--") {
            pos += 2;
            continue;
        }
        const size_t end = text.find("-->", pos + 4);
        if (end == std::string_view::npos) return std::nullopt;  // unterminated: pugixml says so
        const size_t hyphens = text.find("--", pos + 4);
        if (hyphens < end) return hyphens;
        if (end > pos + 4 && text[end - 1] == '-') return end - 1;  // "--->"
        pos = end + 3;
    }
    return std::nullopt;
}

// The first byte from `from` on that XML 1.0 forbids: not UTF-8 (stray continuation bytes,
// truncated or overlong sequences, surrogates, above U+10FFFF), a control character other than
// tab, newline and carriage return, or U+FFFE/U+FFFF. pugixml keeps such bytes as they are; aapt's
// expat refuses the file ("not well-formed (invalid token)").
std::optional<size_t> firstForbiddenXmlByte(std::string_view text, size_t from) {
    for (size_t i = from; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\r') return i;
            ++i;
            continue;
        }
        size_t extra = 0;
        uint32_t codePoint = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            codePoint = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= text.size()) return i;
        for (size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        static constexpr uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
        if (codePoint < kSmallest[extra] || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint == 0xFFFE ||
            codePoint == 0xFFFF) {
            return i;
        }
        i += 1 + extra;
    }
    return std::nullopt;
}

// The innermost element still open at `offset`, found by re-reading the (well-formed) text before
// it: pugixml reports a mismatched end tag but not which element it should have closed.
struct OpenElement {
    size_t offset = 0;  // of its '<'
    std::string_view name;
};

std::optional<OpenElement> innermostOpenElement(std::string_view text, size_t offset) {
    std::vector<OpenElement> open;
    size_t pos = 0;
    const auto skipPast = [&](size_t from, std::string_view end) {
        const size_t found = text.find(end, from);
        return found == std::string_view::npos ? text.size() : found + end.size();
    };
    const auto isNameChar = [](char c) {
        return !std::isspace(static_cast<unsigned char>(c)) && c != '>' && c != '/';
    };
    while ((pos = text.find('<', pos)) != std::string_view::npos && pos < offset) {
        const std::string_view rest = text.substr(pos);
        if (rest.substr(0, 4) == "<!--") {
            pos = skipPast(pos + 4, "-->");
        } else if (rest.substr(0, 9) == "<![CDATA[") {
            pos = skipPast(pos + 9, "]]>");
        } else if (rest.substr(0, 2) == "<?") {
            pos = skipPast(pos + 2, "?>");
        } else if (rest.substr(0, 2) == "<!") {
            const size_t bracket = text.find_first_of("[>", pos);
            pos = bracket != std::string_view::npos && text[bracket] == '['
                      ? skipPast(skipPast(bracket, "]"), ">")
                      : skipPast(pos, ">");
        } else if (rest.substr(0, 2) == "</") {
            if (!open.empty()) open.pop_back();
            pos = skipPast(pos + 2, ">");
        } else {
            size_t end = pos + 1;
            while (end < text.size() && isNameChar(text[end])) ++end;
            const OpenElement element{pos, text.substr(pos + 1, end - pos - 1)};
            // Skip the attributes; a quoted value may hold '>'.
            char quote = 0;
            while (end < text.size() && (quote != 0 || text[end] != '>')) {
                if (quote == 0 && (text[end] == '"' || text[end] == '\'')) {
                    quote = text[end];
                } else if (text[end] == quote) {
                    quote = 0;
                }
                ++end;
            }
            if (end == text.size() || text[end - 1] != '/') open.push_back(element);
            pos = end + 1;
        }
    }
    if (open.empty()) return std::nullopt;
    return open.back();
}

}  // namespace

Result<pugi::xml_node> StrictXml::load() {
    const auto startsWith = [&](std::string_view bytes) {
        return m_text.substr(0, bytes.size()) == bytes;
    };
    if (startsWith("\xEF\xBB\xBF")) m_bufferOffset = 3;
    // Such a manifest could never be compiled into an APK, and its bytes would reach every
    // rendering of the model (nlohmann refuses to write them as JSON).
    if (const std::optional<size_t> bad = firstForbiddenXmlByte(m_text, m_bufferOffset)) {
        const auto byte = static_cast<unsigned char>(m_text[*bad]);
        static constexpr char kHex[] = "0123456789ABCDEF";
        const std::string hex = {'0', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
        return errorAt(locateOffset(*bad),
                       byte < 0x20
                           ? "malformed XML: control character " + hex + " is not allowed in XML"
                           : "malformed XML: byte " + hex +
                                 " is not valid UTF-8 here; manifests are UTF-8 text");
    }
    m_buffer.assign(m_text.substr(m_bufferOffset));

    // parse_default resolves only XML's predefined entities and character references; DOCTYPE
    // declarations are skipped and nothing external is ever fetched. parse_fragment keeps text
    // outside the root element, which pugixml would otherwise drop without a word.
    const pugi::xml_parse_result parsed = m_doc.load_buffer_inplace(
        m_buffer.data(), m_buffer.size(),
        pugi::parse_default | pugi::parse_fragment | pugi::parse_declaration | pugi::parse_pi,
        pugi::encoding_utf8);
    if (!parsed) {
        size_t offset = static_cast<size_t>(parsed.offset) + m_bufferOffset;
        if (parsed.status == pugi::status_end_element_mismatch) {
            size_t nameEnd = offset;
            while (nameEnd < m_text.size() && m_text[nameEnd] != '>' &&
                   !std::isspace(static_cast<unsigned char>(m_text[nameEnd]))) {
                ++nameEnd;
            }
            const std::string_view found = m_text.substr(offset, nameEnd - offset);
            if (offset >= 2 && m_text.substr(offset - 2, 2) == "</") offset -= 2;
            // pugixml reports a file that ends inside an element the same way.
            if (found.empty()) offset = m_text.size();
            if (std::optional<OpenElement> open = innermostOpenElement(m_text, offset)) {
                return errorAt(locateOffset(offset),
                               "malformed XML: expected </" + std::string(open->name) +
                                   "> to close " + tagText(open->name) + " from line " +
                                   std::to_string(locateOffset(open->offset).line) + ", found " +
                                   (found.empty() ? std::string("the end of the file")
                                                  : "</" + std::string(found) + ">"));
            }
        }
        return errorAt(locateOffset(offset), "malformed XML: " + text::lowerFirst(parsed.description()));
    }
    if (std::optional<BadReference> bad = findBadReference(m_text)) {
        if (bad->forbiddenCharacter) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", *bad->forbiddenCharacter);
            return errorAt(locateOffset(bad->offset),
                           "malformed XML: character reference " + inQuotes(bad->text) + " names " +
                               (*bad->forbiddenCharacter > 0x10FFFF
                                    ? std::string("no Unicode character")
                                    : std::string(code) + ", which XML does not allow"));
        }
        return errorAt(locateOffset(bad->offset),
                       bad->text == "&"
                           ? std::string("malformed XML: '&' must start a reference such as "
                                         "'&amp;'")
                           : "malformed XML: unknown entity " + inQuotes(bad->text) +
                                 "; XML predefines only &amp; &lt; &gt; &quot; &apos;");
    }
    if (const std::optional<size_t> hyphens = findDoubleHyphenInComment(m_text)) {
        return errorAt(locateOffset(*hyphens),
                       "malformed XML: '--' inside a comment; XML allows it only in the closing "
                       "'-->'");
    }
    // As a fragment pugixml accepts no root, several roots and text beside them; XML does not.
    pugi::xml_node root;
    for (pugi::xml_node top : m_doc.children()) {
        if (top.type() == pugi::node_declaration) {
            if (auto r = checkXmlDeclaration(top); !r) return r.error();
            continue;
        }
        if (top.type() == pugi::node_element) {
            if (!root) {
                root = top;
                continue;
            }
            return errorAt(where(top), "malformed XML: " + tagText(top.name()) +
                                           " after the root element " + tagText(root.name()));
        }
        if (top.type() == pugi::node_pcdata || top.type() == pugi::node_cdata) {
            std::string_view text = top.value();
            const size_t visible = text.find_first_not_of(" \t\r\n");
            if (visible == std::string_view::npos) continue;
            return errorAt(locatePointer(text.data() + visible),
                           std::string("malformed XML: text ") + (root ? "after" : "before") +
                               " the root element");
        }
    }
    if (!root) return errorAt(locateOffset(0), "malformed XML: no document element found");
    // pugixml drops text at the very end of the file ("</manifest>x" with no newline after it).
    if (const size_t lastTag = m_text.find_last_of('>'); lastTag != std::string_view::npos) {
        const size_t visible = m_text.find_first_not_of(" \t\r\n", lastTag + 1);
        if (visible != std::string_view::npos) {
            return errorAt(locateOffset(visible), "malformed XML: text after the root element");
        }
    }
    return root;
}

// pugixml reads <?xml ...?> wherever it stands and with any pseudo-attributes; XML (and so aapt's
// expat) wants it first in the file, with version, then encoding, then standalone.
Result<void> StrictXml::checkXmlDeclaration(const pugi::xml_node& declaration) const {
    const char* start = declaration.name() - 2;  // "<?xml": in-place parsing keeps the text
    if (start != m_buffer.data()) {
        return errorAt(locatePointer(start),
                       "malformed XML: the XML declaration must be the very first thing in the "
                       "file (not even white space before it)");
    }
    static constexpr std::array<std::string_view, 3> kOrder = {"version", "encoding", "standalone"};
    size_t next = 0;  // index in kOrder of the first pseudo-attribute still allowed
    for (const pugi::xml_attribute& attribute : declaration.attributes()) {
        const std::string_view name = attribute.name();
        const std::string_view value = attribute.value();
        const auto found =
            std::find(kOrder.begin() + static_cast<std::ptrdiff_t>(next), kOrder.end(), name);
        if (found == kOrder.end() || (next == 0 && found != kOrder.begin())) {
            return errorAt(where(attribute),
                           "malformed XML: unexpected " + inQuotes(name) +
                               " in the XML declaration, which holds version (first, required), "
                               "then encoding, then standalone");
        }
        next = static_cast<size_t>(found - kOrder.begin()) + 1;
        if (name == "version") {
            // expat checks only the characters (aapt accepts version="2.0", even version="").
            const bool valid = std::all_of(value.begin(), value.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
                       c == ':' || c == '-';
            });
            if (!valid) {
                return errorAt(where(attribute), "malformed XML: XML version " + inQuotes(value) +
                                                     " is not well-formed (such as \"1.0\")");
            }
        } else if (name == "encoding") {
            std::string lower(value);
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == "utf-16") {
                return errorAt(where(attribute),
                               "the XML declaration says UTF-16, but the file is 8-bit text; "
                               "Hearth reads UTF-8 manifests");
            }
            const bool latin1 = lower == "iso-8859-1";
            if (lower != "utf-8" && lower != "us-ascii" && !latin1) {
                return errorAt(where(attribute), "malformed XML: unknown encoding " +
                                                     inQuotes(value) + "; manifests are UTF-8");
            }
            // ASCII text reads the same in Latin-1 and UTF-8; other bytes would not.
            if (latin1 && std::any_of(m_buffer.begin(), m_buffer.end(), [](char c) {
                    return static_cast<unsigned char>(c) >= 0x80;
                })) {
                return errorAt(where(attribute),
                               "the manifest declares ISO-8859-1 and holds non-ASCII bytes; "
                               "Hearth reads UTF-8 manifests (convert it, e.g. with iconv)");
            }
        } else if (value != "yes" && value != "no") {
            return errorAt(where(attribute),
                           "malformed XML: standalone must be \"yes\" or "
                           "\"no\", got " +
                               inQuotes(value));
        }
    }
    if (next == 0) {
        return errorAt(locatePointer(start),
                       "malformed XML: the XML declaration needs a version (<?xml "
                       "version=\"1.0\" encoding=\"utf-8\"?>)");
    }
    return ok();
}

Result<void> StrictXml::checkElement(
    const pugi::xml_node& element, const std::vector<std::string_view>& rootPrefixes) const {
    const auto declared = [&](std::string_view prefix) {
        // XML 1.0 namespaces cannot be undeclared, so a prefix bound on the root is bound below.
        return prefix == "xml" || prefix == "xmlns" ||
               std::find(rootPrefixes.begin(), rootPrefixes.end(), prefix) != rootPrefixes.end() ||
               isPrefixDeclared(element, prefix);
    };
    const auto undeclared = [&](const SourceLocation& at, std::string_view prefix) {
        return errorAt(at, "malformed XML: namespace prefix " + inQuotes(prefix) +
                               " is not declared" +
                               (prefix == "android" ? "; add xmlns:android=\"" +
                                                          std::string(kAndroidNamespace) +
                                                          "\" to <manifest>"
                                                    : std::string()));
    };
    // A qualified name has one colon at most ("a:b:c" is not a name to a namespace-aware parser).
    const auto badQName = [&](const SourceLocation& at, std::string_view name) {
        return errorAt(at, "malformed XML: " + inQuotes(name) +
                               " is not a valid name (a prefix, one ':', a local name)");
    };
    const std::string_view tag = element.name();
    if (const size_t colon = tag.find(':'); colon != std::string_view::npos) {
        if (tag.find(':', colon + 1) != std::string_view::npos || colon == 0 ||
            colon + 1 == tag.size()) {
            return badQName(where(element), tag);
        }
        if (!declared(tag.substr(0, colon))) return undeclared(where(element), tag.substr(0, colon));
    }
    // A set only for long lists: 65,535 attributes must not cost 2 billion compares.
    std::unordered_set<std::string_view> seen;
    size_t count = 0;
    for (const pugi::xml_attribute& attribute : element.attributes()) {
        if (++count > limits::kMaxAttributesPerElement) {
            return errorAt(where(attribute), tagText(tag) + " has more than " +
                                                 std::to_string(limits::kMaxAttributesPerElement) +
                                                 " attributes, the most an APK can hold");
        }
        const std::string_view name = attribute.name();
        bool repeated = false;
        if (count <= 16) {
            for (pugi::xml_attribute earlier = element.first_attribute(); earlier != attribute;
                 earlier = earlier.next_attribute()) {
                if (name == earlier.name()) repeated = true;
            }
        } else {
            if (count == 17) {
                for (pugi::xml_attribute a = element.first_attribute(); a != attribute;
                     a = a.next_attribute()) {
                    seen.insert(a.name());
                }
            }
            repeated = !seen.insert(name).second;
        }
        // pugixml does not reject a repeated attribute; XML (and aapt) does.
        if (repeated) {
            return errorAt(where(attribute), "malformed XML: " + tagText(tag) + " has attribute " +
                                                 inQuotes(name) + " twice");
        }
        if (const size_t colon = name.find(':'); colon != std::string_view::npos) {
            if (name.find(':', colon + 1) != std::string_view::npos || colon == 0 ||
                colon + 1 == name.size()) {
                return badQName(where(attribute), name);
            }
            if (!declared(name.substr(0, colon))) {
                return undeclared(where(attribute), name.substr(0, colon));
            }
        }
        // A raw '<' in a value: pugixml keeps it, XML does not ("&lt;" is how to write one).
        // In-place parsing leaves the value where it was written, quote just before it.
        const char* value = attribute.value();
        const char* begin = m_buffer.data();
        if (value > begin && value <= begin + m_buffer.size()) {
            const size_t start = static_cast<size_t>(value - begin) + m_bufferOffset;
            const char quote = m_text[start - 1];
            if (quote == '"' || quote == '\'') {
                const size_t end = std::min(m_text.find(quote, start), m_text.size());
                const size_t inValue = m_text.substr(start, end - start).find('<');
                if (inValue != std::string_view::npos) {
                    return errorAt(locateOffset(start + inValue),
                                   "malformed XML: '<' in the value of " + inQuotes(name) +
                                       "; write it as &lt;");
                }
            }
        }
    }
    return ok();
}

bool StrictXml::isPrefixDeclared(const pugi::xml_node& element, std::string_view prefix) const {
    if (prefix == "xml") return true;  // bound by XML itself
    const std::string declaration = "xmlns:" + std::string(prefix);
    for (pugi::xml_node node = element; node.type() == pugi::node_element; node = node.parent()) {
        if (node.attribute(declaration.c_str())) return true;
    }
    return false;
}

}  // namespace hearth::detail

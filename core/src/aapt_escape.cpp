#include "aapt_escape.h"

#include <cstdint>
#include <cstdio>
#include <optional>

#include "unicode.h"

namespace hearth {
namespace {

using text::appendUtf8;

std::optional<std::uint32_t> hexDigit(char c) {
    if (c >= '0' && c <= '9') return static_cast<std::uint32_t>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<std::uint32_t>(c - 'a' + 10);
    if (c >= 'A' && c <= 'F') return static_cast<std::uint32_t>(c - 'A' + 10);
    return std::nullopt;
}

// Reads the four hex digits after "\u" at raw[pos] (pos points at 'u').
std::optional<std::uint32_t> readUnicodeUnit(std::string_view raw, std::size_t pos) {
    if (raw.size() < pos + 5) return std::nullopt;
    std::uint32_t unit = 0;
    for (std::size_t i = 1; i <= 4; ++i) {
        std::optional<std::uint32_t> digit = hexDigit(raw[pos + i]);
        if (!digit) return std::nullopt;
        unit = unit * 16 + *digit;
    }
    return unit;
}

Error badUnicodeEscape(std::string_view raw, std::size_t backslash, std::string_view why) {
    // Quote what was written: the backslash, the 'u' and up to four following characters.
    std::string_view written = raw.substr(backslash, 6);
    return makeError("invalid unicode escape '" + std::string(written) + "': " + std::string(why));
}

// Handles one escape whose backslash is at raw[pos]; returns the index after it.
Result<std::size_t> appendEscape(std::string_view raw, std::size_t pos, UnescapedValue& out) {
    if (pos + 1 >= raw.size()) return raw.size();  // a trailing lone backslash vanishes
    const char c = raw[pos + 1];
    switch (c) {
        case 'n':
            out.text += '\n';
            return pos + 2;
        case 't':
            out.text += '\t';
            return pos + 2;
        case '\\':
        case '\'':
        case '"':
        case '@':
        case '?':
        case '#':
            out.text += c;
            return pos + 2;
        case 'u': {
            std::optional<std::uint32_t> unit = readUnicodeUnit(raw, pos + 1);
            if (!unit) return badUnicodeEscape(raw, pos, "expected four hex digits");
            std::size_t next = pos + 6;
            std::uint32_t codePoint = *unit;
            if (codePoint >= 0xD800 && codePoint <= 0xDBFF) {
                // A high surrogate must be followed by an escaped low surrogate.
                std::optional<std::uint32_t> low;
                if (next + 1 < raw.size() && raw[next] == '\\' && raw[next + 1] == 'u') {
                    low = readUnicodeUnit(raw, next + 1);
                }
                if (!low || *low < 0xDC00 || *low > 0xDFFF) {
                    return badUnicodeEscape(raw, pos, "a high surrogate without a low one");
                }
                codePoint = 0x10000 + ((codePoint - 0xD800) << 10) + (*low - 0xDC00);
                next += 6;
            } else if (codePoint >= 0xDC00 && codePoint <= 0xDFFF) {
                return badUnicodeEscape(raw, pos, "a low surrogate without a high one");
            }
            appendUtf8(out.text, codePoint);
            return next;
        }
        default: {
            // aapt2 keeps the character and drops the backslash (aapt1 dropped both). Copy a
            // whole UTF-8 sequence so that "\é" stays valid text.
            std::size_t end = pos + 2;
            while (end < raw.size() && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80) ++end;
            out.text.append(raw.substr(pos + 1, end - pos - 1));
            out.unknownEscapes.append(raw.substr(pos + 1, end - pos - 1));
            return end;
        }
    }
}

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

Result<UnescapedValue> unescapeAttributeValue(std::string_view raw) {
    UnescapedValue out;
    out.text.reserve(raw.size());
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const std::size_t backslash = raw.find('\\', pos);
        if (backslash == std::string_view::npos) {
            out.text.append(raw.substr(pos));
            break;
        }
        out.text.append(raw.substr(pos, backslash - pos));
        Result<std::size_t> next = appendEscape(raw, backslash, out);
        if (!next) return next.error();
        pos = *next;
    }
    return out;
}

Result<UnescapedValue> unescapeResourceString(std::string_view raw) {
    UnescapedValue out;
    out.text.reserve(raw.size());
    bool quoted = false;
    bool pendingSpace = false;  // an unquoted whitespace run seen since the last character
    std::size_t pos = 0;
    while (pos < raw.size()) {
        const char c = raw[pos];
        if (!quoted && isXmlSpace(c)) {
            pendingSpace = true;
            ++pos;
            continue;
        }
        if (pendingSpace) {
            // Leading whitespace is dropped; trailing whitespace never reaches this point.
            if (!out.text.empty()) out.text += ' ';
            pendingSpace = false;
        }
        if (c == '"') {
            quoted = !quoted;
            ++pos;
        } else if (c == '\\') {
            Result<std::size_t> next = appendEscape(raw, pos, out);
            if (!next) return next.error();
            pos = *next;
        } else {
            out.text += c;
            ++pos;
        }
    }
    return out;
}

namespace {

// Appends the entity of a character XML reserves inside a quoted attribute; false for any other.
bool appendXmlEntity(std::string& out, char c) {
    switch (c) {
        case '&':
            out += "&amp;";
            return true;
        case '<':
            out += "&lt;";
            return true;
        case '>':
            out += "&gt;";
            return true;
        case '"':
            out += "&quot;";
            return true;
        default:
            return false;
    }
}

}  // namespace

std::string escapeXmlAttribute(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (appendXmlEntity(out, c)) continue;
        // Control characters cannot appear in XML at all; a URI with one is dropped to '?'.
        out += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
    }
    return out;
}

std::string escapeAttributeValue(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 8);
    for (size_t i = 0; i < value.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(value[i]);
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '@':
            case '?':
                // Only a leading @ or ? makes aapt read a reference; escape just that one.
                if (i == 0) out += '\\';
                out += static_cast<char>(c);
                break;
            default:
                if (appendXmlEntity(out, static_cast<char>(c))) break;
                if (c < 0x20) {
                    // Other control characters cannot appear in XML; aapt's \u escape can.
                    char text[8];
                    std::snprintf(text, sizeof text, "\\u%04x", c);
                    out += text;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out;
}

}  // namespace hearth

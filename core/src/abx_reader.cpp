// ABX reader (device-formats 2.5): a stream of one-byte events (low nibble token, high nibble
// type), big-endian numbers, u16-length strings, and a table of interned strings that grows in
// order of first use. Written from the format description, not from Android's code.

#include <hearth/abx.h>
#include <hearth/limits.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <vector>

namespace hearth {

namespace {

enum Token : uint8_t {
    kStartDocument = 0,
    kEndDocument = 1,
    kStartTag = 2,
    kEndTag = 3,
    kText = 4,
    kCdsect = 5,
    kEntityRef = 6,
    kIgnorableWhitespace = 7,
    kProcessingInstruction = 8,
    kComment = 9,
    kDocdecl = 10,
    kAttribute = 15,
};

enum Type : uint8_t {
    kNull = 1,
    kString = 2,
    kStringInterned = 3,
    kBytesHex = 4,
    kBytesBase64 = 5,
    kInt = 6,
    kIntHex = 7,
    kLong = 8,
    kLongHex = 9,
    kFloat = 10,
    kDouble = 11,
    kBooleanTrue = 12,
    kBooleanFalse = 13,
};

constexpr size_t kMaxInterned = 65'535;

void escapeInto(std::string& out, std::string_view text, bool attribute) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            case '\0': out += "&#0;"; break;  // Java's modified UTF-8 NUL; kept visible
            default: out += c;
        }
    }
}

// Java's Float/Double.toString for the values state files hold: the shortest round-trip digits,
// with ".0" on integral values.
template <typename T>
std::string javaFloat(T value) {
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, ec == std::errc() ? end : buffer);
    if (text.find_first_of(".en") == std::string::npos) text += ".0";  // n: nan, inf
    return text;
}

std::string signedHex(int64_t value) {
    const bool negative = value < 0;
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    std::string digits;
    do {
        digits.insert(digits.begin(), "0123456789abcdef"[magnitude & 0xF]);
        magnitude >>= 4;
    } while (magnitude != 0);
    return negative ? "-" + digits : digits;
}

std::string base64(std::string_view bytes) {
    static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const uint32_t n = (uint32_t(uint8_t(bytes[i])) << 16) | (uint32_t(uint8_t(bytes[i + 1])) << 8) |
                           uint8_t(bytes[i + 2]);
        for (int shift : {18, 12, 6, 0}) out += kAlphabet[(n >> shift) & 63];
    }
    if (i < bytes.size()) {
        uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
        if (i + 1 < bytes.size()) n |= uint32_t(uint8_t(bytes[i + 1])) << 8;
        out += kAlphabet[(n >> 18) & 63];
        out += kAlphabet[(n >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

class Reader {
  public:
    Reader(std::string_view bytes, const std::string& sourceName)
        : m_bytes(bytes), m_source(sourceName) {}

    Result<std::string> run() {
        m_pos = 4;  // magic, checked by the caller
        bool tagOpen = false;  // "<name attrs" written, '>' not yet
        while (m_pos < m_bytes.size()) {
            const size_t eventAt = m_pos;
            const uint8_t event = static_cast<uint8_t>(m_bytes[m_pos++]);
            const uint8_t token = event & 0x0F;
            const uint8_t type = event >> 4;
            if (token == kAttribute) {
                if (!tagOpen) return fail(eventAt, "an attribute outside a start tag");
                auto r = attribute(type, eventAt);
                if (!r) return r.error();
                continue;
            }
            if (tagOpen && token != kEndTag) {
                m_out += '>';
                tagOpen = false;
            }
            switch (token) {
                case kStartDocument:
                    break;
                case kEndDocument:
                    if (!m_open.empty()) {
                        return fail(eventAt, "the document ends with <" + m_open.back() + "> open");
                    }
                    return std::move(m_out);
                case kStartTag: {
                    if (type != kStringInterned) return fail(eventAt, badType(type, "a start tag"));
                    auto name = interned();
                    if (!name) return name.error();
                    if (static_cast<int>(m_open.size()) >= limits::kMaxXmlDepth) {
                        return fail(eventAt, "elements nested deeper than " +
                                                 std::to_string(limits::kMaxXmlDepth));
                    }
                    m_out += '<';
                    m_out += *name;
                    m_open.push_back(*name);
                    tagOpen = true;
                    break;
                }
                case kEndTag: {
                    if (type != kStringInterned) return fail(eventAt, badType(type, "an end tag"));
                    auto name = interned();
                    if (!name) return name.error();
                    if (m_open.empty() || m_open.back() != *name) {
                        return fail(eventAt, "end tag </" + *name + "> " +
                                                 (m_open.empty() ? std::string("with no element open")
                                                                 : "closes <" + m_open.back() + ">"));
                    }
                    m_open.pop_back();
                    if (tagOpen) {
                        m_out += "/>";
                        tagOpen = false;
                    } else {
                        m_out += "</" + *name + ">";
                    }
                    break;
                }
                case kText: case kCdsect: case kEntityRef: case kIgnorableWhitespace:
                case kProcessingInstruction: case kComment: case kDocdecl: {
                    auto r = textEvent(token, type, eventAt);
                    if (!r) return r.error();
                    break;
                }
                default:
                    return fail(eventAt, "unknown token " + std::to_string(token));
            }
        }
        // The parser treats the end of the bytes as END_DOCUMENT.
        if (!m_open.empty()) {
            return fail(m_pos, "truncated: the data ends with <" + m_open.back() + "> open");
        }
        return std::move(m_out);
    }

  private:
    Error fail(size_t at, const std::string& message) const {
        return makeError(m_source + ": byte " + std::to_string(at) + ": " + message);
    }

    static std::string badType(uint8_t type, const char* what) {
        return "type " + std::to_string(type) + " for " + what + " (expected an interned string)";
    }

    Result<std::string_view> take(size_t count, const char* what) {
        if (m_bytes.size() - m_pos < count) {
            return fail(m_pos, std::string("truncated: ") + what + " needs " +
                                   std::to_string(count) + " bytes, " +
                                   std::to_string(m_bytes.size() - m_pos) + " left");
        }
        std::string_view out = m_bytes.substr(m_pos, count);
        m_pos += count;
        return out;
    }

    Result<uint64_t> number(size_t width, const char* what) {
        auto bytes = take(width, what);
        if (!bytes) return bytes.error();
        uint64_t value = 0;
        for (char c : *bytes) value = (value << 8) | static_cast<uint8_t>(c);
        return value;
    }

    Result<std::string> utf(const char* what) {
        auto length = number(2, what);
        if (!length) return length.error();
        auto bytes = take(static_cast<size_t>(*length), what);
        if (!bytes) return bytes.error();
        // Java's modified UTF-8 writes NUL as C0 80; other bytes pass through.
        std::string text;
        text.reserve(bytes->size());
        for (size_t i = 0; i < bytes->size(); ++i) {
            if ((*bytes)[i] == '\xC0' && i + 1 < bytes->size() && (*bytes)[i + 1] == '\x80') {
                text += '\0';
                ++i;
            } else {
                text += (*bytes)[i];
            }
        }
        return text;
    }

    Result<std::string> interned() {
        const size_t at = m_pos;
        auto ref = number(2, "an interned string reference");
        if (!ref) return ref.error();
        if (*ref == 0xFFFF) {
            auto text = utf("an interned string");
            if (!text) return text.error();
            if (m_interned.size() >= kMaxInterned) {
                return fail(at, "more than " + std::to_string(kMaxInterned) + " interned strings");
            }
            m_interned.push_back(*text);
            return std::move(text).value();
        }
        if (*ref >= m_interned.size()) {
            return fail(at, "interned string #" + std::to_string(*ref) + " is not defined (" +
                                std::to_string(m_interned.size()) + " so far)");
        }
        return m_interned[static_cast<size_t>(*ref)];
    }

    Result<void> attribute(uint8_t type, size_t eventAt) {
        auto name = interned();
        if (!name) return name.error();
        std::string value;
        switch (type) {
            case kNull: return ok();  // abx2xml leaves a null attribute out
            case kString: {
                auto text = utf("an attribute value");
                if (!text) return text.error();
                value = std::move(text).value();
                break;
            }
            case kStringInterned: {
                auto text = interned();
                if (!text) return text.error();
                value = std::move(text).value();
                break;
            }
            case kBytesHex: case kBytesBase64: {
                auto length = number(2, "a byte array length");
                if (!length) return length.error();
                auto bytes = take(static_cast<size_t>(*length), "a byte array");
                if (!bytes) return bytes.error();
                if (type == kBytesBase64) {
                    value = base64(*bytes);
                } else {
                    for (char c : *bytes) {
                        value += "0123456789abcdef"[static_cast<uint8_t>(c) >> 4];
                        value += "0123456789abcdef"[static_cast<uint8_t>(c) & 0xF];
                    }
                }
                break;
            }
            case kInt: case kIntHex: {
                auto n = number(4, "an int");
                if (!n) return n.error();
                const auto v = static_cast<int32_t>(static_cast<uint32_t>(*n));
                value = type == kInt ? std::to_string(v) : signedHex(v);
                break;
            }
            case kLong: case kLongHex: {
                auto n = number(8, "a long");
                if (!n) return n.error();
                const auto v = static_cast<int64_t>(*n);
                value = type == kLong ? std::to_string(v) : signedHex(v);
                break;
            }
            case kFloat: {
                auto n = number(4, "a float");
                if (!n) return n.error();
                const auto bits = static_cast<uint32_t>(*n);
                float f;
                std::memcpy(&f, &bits, sizeof f);
                value = javaFloat(f);
                break;
            }
            case kDouble: {
                auto n = number(8, "a double");
                if (!n) return n.error();
                double d;
                std::memcpy(&d, &*n, sizeof d);
                value = javaFloat(d);
                break;
            }
            case kBooleanTrue: value = "true"; break;
            case kBooleanFalse: value = "false"; break;
            default:
                return fail(eventAt, "unknown attribute type " + std::to_string(type));
        }
        m_out += ' ';
        m_out += *name;
        m_out += "=\"";
        escapeInto(m_out, value, true);
        m_out += '"';
        return ok();
    }

    Result<void> textEvent(uint8_t token, uint8_t type, size_t eventAt) {
        std::optional<std::string> text;
        if (type == kString) {
            auto t = utf("text");
            if (!t) return t.error();
            text = std::move(t).value();
        } else if (type != kNull) {
            return fail(eventAt, "type " + std::to_string(type) + " for text (expected a string)");
        }
        if (!text) return ok();
        switch (token) {
            case kText: case kIgnorableWhitespace: escapeInto(m_out, *text, false); break;
            case kCdsect: m_out += "<![CDATA[" + *text + "]]>"; break;
            case kEntityRef: m_out += "&" + *text + ";"; break;
            case kProcessingInstruction: m_out += "<?" + *text + "?>"; break;
            case kComment: m_out += "<!--" + *text + "-->"; break;
            case kDocdecl: m_out += "<!DOCTYPE " + *text + ">"; break;
            default: break;
        }
        return ok();
    }

    std::string_view m_bytes;
    std::string m_source;
    size_t m_pos = 0;
    std::string m_out;
    std::vector<std::string> m_open;
    std::vector<std::string> m_interned;
};

}  // namespace

bool isAbx(std::string_view bytes) {
    return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("ABX\0", 4);
}

Result<std::string> abxToXml(std::string_view bytes, const std::string& sourceName) {
    if (!isAbx(bytes)) {
        return makeError(sourceName + ": not Android binary XML (no 'ABX\\0' magic)");
    }
    return Reader(bytes, sourceName).run();
}

}  // namespace hearth

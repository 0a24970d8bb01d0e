// android.net.Uri.parse (StringUri) and Uri.decode, reproduced from their documented and observed
// behaviour: every accessor's value is computed here once, so matching reads fields only.

#include <hearth/uri.h>

#include "unicode.h"

namespace hearth {
namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

int hexValue(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Android looks for the port separator from the end and gives up at the first character that is
// neither ':' nor an ASCII digit, so "[::1]" has no port and "h:80:90" has host "h:80".
std::size_t findPortSeparator(std::string_view authority) {
    for (std::size_t i = authority.size(); i-- > 0;) {
        const char c = authority[i];
        if (c == ':') return i;
        if (c < '0' || c > '9') return std::string_view::npos;
    }
    return std::string_view::npos;
}

}  // namespace

std::string decodeUriComponent(std::string_view encoded) {
    if (encoded.find('%') == std::string_view::npos) return std::string(encoded);
    std::string out;
    out.reserve(encoded.size());
    // Bytes of consecutive escapes are decoded together, so "%C3%A9" is one character.
    std::string pendingBytes;
    const auto flush = [&] {
        if (pendingBytes.empty()) return;
        text::appendJavaDecoded(out, pendingBytes);
        pendingBytes.clear();
    };
    std::size_t i = 0;
    while (i < encoded.size()) {
        const unsigned char c = static_cast<unsigned char>(encoded[i]);
        if (c != '%') {
            flush();
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        ++i;
        unsigned value = 0;
        for (int digitIndex = 0; digitIndex < 2; ++digitIndex) {
            if (i >= encoded.size()) {
                // Android stops decoding at an escape cut off by the end of the text.
                flush();
                out += kReplacementUtf8;
                return out;
            }
            const unsigned char digitChar = static_cast<unsigned char>(encoded[i]);
            const int digit = hexValue(digitChar);
            // A non-hex character is consumed whole (Java reads one char, which may be several
            // UTF-8 bytes here) and replaced by U+FFFD; Android still emits the value read so
            // far as a byte, which is why "%zz" decodes to U+FFFD, U+0000, 'z'.
            if (digit < 0) {
                text::nextCodePoint(encoded, i);
                flush();
                out += kReplacementUtf8;
                break;
            }
            ++i;
            value = value * 16 + static_cast<unsigned>(digit);
        }
        pendingBytes += static_cast<char>(value & 0xFF);
    }
    flush();
    return out;
}

Uri Uri::parse(std::string_view text) {
    constexpr auto npos = std::string_view::npos;
    Uri uri;
    uri.m_text = std::string(text);
    const std::size_t length = text.size();

    const std::size_t schemeSeparator = text.find(':');
    const bool hasScheme = schemeSeparator != npos;
    if (hasScheme) uri.m_scheme = std::string(text.substr(0, schemeSeparator));
    const std::size_t sspStart = hasScheme ? schemeSeparator + 1 : 0;

    const std::size_t fragmentSeparator = text.find('#', hasScheme ? schemeSeparator : 0);
    const std::size_t sspEnd = fragmentSeparator == npos ? length : fragmentSeparator;
    uri.m_ssp = decodeUriComponent(text.substr(sspStart, sspEnd - sspStart));
    if (fragmentSeparator != npos) {
        uri.m_fragment = decodeUriComponent(text.substr(fragmentSeparator + 1));
    }

    // Relative URIs are hierarchical; "scheme:" alone and "scheme:x" are opaque.
    uri.m_hierarchical = !hasScheme || (sspStart < length && text[sspStart] == '/');

    const bool hasAuthority =
        length >= sspStart + 2 && text[sspStart] == '/' && text[sspStart + 1] == '/';
    if (hasAuthority) {
        const std::size_t authorityStart = sspStart + 2;
        std::size_t authorityEnd = authorityStart;
        // WHATWG treats '\' like '/' here, and so does Android.
        while (authorityEnd < length && text[authorityEnd] != '/' && text[authorityEnd] != '\\' &&
               text[authorityEnd] != '?' && text[authorityEnd] != '#') {
            ++authorityEnd;
        }
        const std::string_view encodedAuthority =
            text.substr(authorityStart, authorityEnd - authorityStart);
        uri.m_authority = decodeUriComponent(encodedAuthority);

        const std::size_t userInfoEnd = encodedAuthority.rfind('@');
        const std::size_t hostStart = userInfoEnd == npos ? 0 : userInfoEnd + 1;
        const std::size_t portSeparator = findPortSeparator(encodedAuthority);
        const std::size_t hostEnd = portSeparator == npos ? encodedAuthority.size() : portSeparator;
        uri.m_host = decodeUriComponent(
            encodedAuthority.substr(hostStart, hostEnd > hostStart ? hostEnd - hostStart : 0));
        if (portSeparator != npos) {
            // An empty or too large port is Integer.parseInt failing: Android answers -1.
            const std::string port = decodeUriComponent(encodedAuthority.substr(portSeparator + 1));
            uri.m_port = text::parseJavaInt(port).value_or(-1);
        }
    }

    if (uri.m_hierarchical) {
        std::size_t pathStart = sspStart;
        bool emptyPath = false;
        if (hasAuthority) {
            pathStart = sspStart + 2;
            while (pathStart < length) {
                const char c = text[pathStart];
                if (c == '?' || c == '#') {
                    emptyPath = true;
                    break;
                }
                if (c == '/' || c == '\\') break;
                ++pathStart;
            }
        }
        if (emptyPath) {
            uri.m_path = std::string();
        } else {
            std::size_t pathEnd = pathStart;
            while (pathEnd < length && text[pathEnd] != '?' && text[pathEnd] != '#') ++pathEnd;
            uri.m_path = decodeUriComponent(text.substr(pathStart, pathEnd - pathStart));
        }
    }
    return uri;
}

}  // namespace hearth

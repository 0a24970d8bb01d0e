// Fuzz target: Uri::parse and decodeUriComponent. Parsing never fails, so the checks are the
// properties android.net.Uri guarantees: the text is kept verbatim, the scheme is the text before
// the first ':' (when it comes before any '/', '?' or '#'), opaque URIs have no host or path,
// ports are -1 or a non-negative number, and parsing is a pure function of the text.

#include <hearth/uri.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view text = fuzz::asText(data, size);
    const Uri uri = Uri::parse(text);
    FUZZ_CHECK(uri.toString() == text, "toString() changed the text");
    if (uri.scheme()) {
        FUZZ_CHECK(text.substr(0, uri.scheme()->size()) == *uri.scheme() &&
                       text.size() > uri.scheme()->size() && text[uri.scheme()->size()] == ':',
                   "scheme '" + *uri.scheme() + "' is not the text before the first ':'");
    }
    if (uri.isOpaque()) {
        FUZZ_CHECK(!uri.host() && !uri.path() && !uri.authority(),
                   "an opaque URI has a host, path or authority");
    }
    if (uri.host()) FUZZ_CHECK(uri.authority().has_value(), "a host without an authority");
    FUZZ_CHECK(uri.port() >= -1, "port below -1");
    const Uri again = Uri::parse(uri.toString());
    FUZZ_CHECK(again.scheme() == uri.scheme() && again.host() == uri.host() &&
                   again.path() == uri.path() && again.port() == uri.port() &&
                   again.schemeSpecificPart() == uri.schemeSpecificPart() &&
                   again.fragment() == uri.fragment(),
               "two parses of the same text differ");
    const std::string decoded = decodeUriComponent(text);
    FUZZ_CHECK(decoded.size() <= text.size() * 3 + 3, "decoding grew the text unreasonably");
    return 0;
}

// Uri::parse and decodeUriComponent against android.net.Uri's behaviour (spec section 1). The
// expected values are what Android's StringUri and UriCodec return for the same text.

#include <gtest/gtest.h>
#include <hearth/uri.h>

using namespace hearth;

namespace {
const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
}

TEST(UriParse, HttpUriHasSchemeHostPortAndDecodedPath) {
    const Uri uri = Uri::parse("http://user@Example.com:8080/a%20b/c?q=1#frag");
    EXPECT_EQ(uri.toString(), "http://user@Example.com:8080/a%20b/c?q=1#frag");
    EXPECT_EQ(uri.scheme(), "http");
    EXPECT_TRUE(uri.isHierarchical());
    EXPECT_EQ(uri.authority(), "user@Example.com:8080");
    EXPECT_EQ(uri.host(), "Example.com");
    EXPECT_EQ(uri.port(), 8080);
    EXPECT_EQ(uri.path(), "/a b/c");
    EXPECT_EQ(uri.schemeSpecificPart(), "//user@Example.com:8080/a b/c?q=1");
    EXPECT_EQ(uri.fragment(), "frag");
}

TEST(UriParse, SchemeIsTheTextBeforeTheFirstColonEvenAfterASlash) {
    // StringUri looks for the first ':' only; it does not stop at '/', '?' or '#'.
    const Uri uri = Uri::parse("foo/bar:baz");
    EXPECT_EQ(uri.scheme(), "foo/bar");
    EXPECT_TRUE(uri.isOpaque());
    EXPECT_EQ(uri.schemeSpecificPart(), "baz");
}

TEST(UriParse, SchemeCaseIsPreserved) { EXPECT_EQ(Uri::parse("HTTP://a/").scheme(), "HTTP"); }

TEST(UriParse, TextWithoutColonIsARelativeHierarchicalUri) {
    const Uri uri = Uri::parse("example.com/path");
    EXPECT_FALSE(uri.scheme().has_value());
    EXPECT_TRUE(uri.isHierarchical());
    EXPECT_FALSE(uri.host().has_value());
    EXPECT_EQ(uri.path(), "example.com/path");
    EXPECT_EQ(uri.schemeSpecificPart(), "example.com/path");
}

TEST(UriParse, EmptyTextIsARelativeUriWithEmptyPath) {
    const Uri uri = Uri::parse("");
    EXPECT_FALSE(uri.scheme().has_value());
    EXPECT_EQ(uri.path(), "");
    EXPECT_EQ(uri.schemeSpecificPart(), "");
}

TEST(UriParse, LeadingColonGivesAnEmptyScheme) {
    const Uri uri = Uri::parse(":http");
    EXPECT_EQ(uri.scheme(), "");
    EXPECT_EQ(uri.schemeSpecificPart(), "http");
}

TEST(UriParse, RelativeUriWithDoubleSlashHasAnAuthority) {
    const Uri uri = Uri::parse("//host/p");
    EXPECT_FALSE(uri.scheme().has_value());
    EXPECT_EQ(uri.host(), "host");
    EXPECT_EQ(uri.path(), "/p");
}

TEST(UriParse, OpaqueUriHasNoAuthorityHostOrPath) {
    const Uri uri = Uri::parse("mailto:a@example.com");
    EXPECT_TRUE(uri.isOpaque());
    EXPECT_FALSE(uri.authority().has_value());
    EXPECT_FALSE(uri.host().has_value());
    EXPECT_FALSE(uri.path().has_value());
    EXPECT_EQ(uri.port(), -1);
    EXPECT_EQ(uri.schemeSpecificPart(), "a@example.com");
}

TEST(UriParse, SchemeAloneIsOpaqueWithEmptySchemeSpecificPart) {
    const Uri uri = Uri::parse("http:");
    EXPECT_TRUE(uri.isOpaque());
    EXPECT_EQ(uri.schemeSpecificPart(), "");
    EXPECT_FALSE(uri.path().has_value());
}

TEST(UriParse, SingleSlashAfterSchemeIsHierarchicalWithoutAuthority) {
    const Uri uri = Uri::parse("http:/path");
    EXPECT_TRUE(uri.isHierarchical());
    EXPECT_FALSE(uri.host().has_value());
    EXPECT_EQ(uri.path(), "/path");
}

TEST(UriParse, HostWithoutPathHasEmptyPath) {
    EXPECT_EQ(Uri::parse("http://example.com").path(), "");
    EXPECT_EQ(Uri::parse("https://example.com?q=1").path(), "");
    EXPECT_EQ(Uri::parse("https://example.com#top").path(), "");
}

TEST(UriParse, TripleSlashGivesAnEmptyHost) {
    const Uri uri = Uri::parse("file:///sdcard/a.pdf");
    EXPECT_EQ(uri.host(), "");
    EXPECT_EQ(uri.path(), "/sdcard/a.pdf");
}

TEST(UriParse, HostIsWhatFollowsTheLastAt) {
    EXPECT_EQ(Uri::parse("https://evil.com@example.com/x").host(), "example.com");
    EXPECT_EQ(Uri::parse("https://a@b@example.com/x").host(), "example.com");
}

TEST(UriParse, BackslashEndsTheAuthorityAndStartsThePath) {
    const Uri uri = Uri::parse("https://example.com\\@evil.com/x");
    EXPECT_EQ(uri.host(), "example.com");
    EXPECT_EQ(uri.path(), "\\@evil.com/x");
}

TEST(UriParse, HostIsPercentDecoded) {
    EXPECT_EQ(Uri::parse("https://ex%61mple.com/").host(), "example.com");
}

TEST(UriParse, PortIsMinusOneWhenAbsentEmptyOrNotANumber) {
    EXPECT_EQ(Uri::parse("https://example.com/").port(), -1);
    EXPECT_EQ(Uri::parse("https://example.com:/").port(), -1);
    EXPECT_EQ(Uri::parse("https://example.com:99999999999/").port(), -1);
    const Uri letters = Uri::parse("https://example.com:abc/");
    EXPECT_EQ(letters.port(), -1);
    EXPECT_EQ(letters.host(), "example.com:abc");
}

TEST(UriParse, PortWithLeadingZeroIsDecimal) {
    EXPECT_EQ(Uri::parse("https://example.com:08080/").port(), 8080);
}

TEST(UriParse, SignedPortIsPartOfTheHost) {
    const Uri uri = Uri::parse("https://example.com:+8080/");
    EXPECT_EQ(uri.host(), "example.com:+8080");
    EXPECT_EQ(uri.port(), -1);
}

TEST(UriParse, PortSeparatorIsTheLastColonBeforeTrailingDigits) {
    const Uri uri = Uri::parse("https://example.com:80:90/");
    EXPECT_EQ(uri.host(), "example.com:80");
    EXPECT_EQ(uri.port(), 90);
}

TEST(UriParse, Ipv6LiteralKeepsItsBrackets) {
    const Uri bare = Uri::parse("https://[::1]/");
    EXPECT_EQ(bare.host(), "[::1]");
    EXPECT_EQ(bare.port(), -1);
    const Uri withPort = Uri::parse("https://[::1]:8080/");
    EXPECT_EQ(withPort.host(), "[::1]");
    EXPECT_EQ(withPort.port(), 8080);
}

TEST(UriParse, SchemeSpecificPartExcludesTheFragmentAndKeepsTheQuery) {
    EXPECT_EQ(Uri::parse("tel:123#x").schemeSpecificPart(), "123");
    EXPECT_EQ(Uri::parse("geo:0,0?q=pizza+pie").schemeSpecificPart(), "0,0?q=pizza+pie");
    EXPECT_EQ(Uri::parse("tel:+1%20555").schemeSpecificPart(), "+1 555");
}

TEST(UriParse, FragmentSearchStartsAtTheSchemeSeparator) {
    // Android looks for '#' from the ':' on, so a '#' before it is part of the scheme.
    const Uri uri = Uri::parse("a#b:c");
    EXPECT_EQ(uri.scheme(), "a#b");
    EXPECT_FALSE(uri.fragment().has_value());
}

TEST(UriParse, PathIsDecodedSoEncodedSlashesBecomeSlashes) {
    EXPECT_EQ(Uri::parse("https://example.com/a%2Fb").path(), "/a/b");
}

TEST(UriParse, EqualityComparesTheText) {
    EXPECT_EQ(Uri::parse("http://a/"), Uri::parse("http://a/"));
    EXPECT_FALSE(Uri::parse("http://a/") == Uri::parse("HTTP://a/"));
}

TEST(DecodeUriComponent, TextWithoutEscapesIsUnchangedAndPlusStaysPlus) {
    EXPECT_EQ(decodeUriComponent("a+b c"), "a+b c");
}

TEST(DecodeUriComponent, EscapedUtf8BytesFormOneCharacter) {
    EXPECT_EQ(decodeUriComponent("caf%C3%A9"), "caf\xC3\xA9");
    EXPECT_EQ(decodeUriComponent("%e2%82%ac"), "\xE2\x82\xAC");
}

TEST(DecodeUriComponent, NonHexEscapeBecomesReplacementFollowedByTheByteReadSoFar) {
    // UriCodec appends U+FFFD, then still emits the partial value (0 here) as a byte.
    EXPECT_EQ(decodeUriComponent("/a%zz"), "/a" + kReplacement + std::string(1, '\0') + "z");
    EXPECT_EQ(decodeUriComponent("%4zq"), kReplacement + std::string(1, '\x04') + "q");
}

TEST(DecodeUriComponent, EscapeCutOffByTheEndBecomesReplacement) {
    EXPECT_EQ(decodeUriComponent("a%"), "a" + kReplacement);
    EXPECT_EQ(decodeUriComponent("a%4"), "a" + kReplacement);
}

TEST(DecodeUriComponent, MalformedUtf8IsReplacedAsJavasDecoderDoes) {
    EXPECT_EQ(decodeUriComponent("%C3("), kReplacement + "(");
    EXPECT_EQ(decodeUriComponent("%E9"), kReplacement);
    // An encoded surrogate is one malformed sequence; a bad lead and its tail are two.
    EXPECT_EQ(decodeUriComponent("%ED%A0%80"), kReplacement);
    EXPECT_EQ(decodeUriComponent("%E0%80"), kReplacement + kReplacement);
    EXPECT_EQ(decodeUriComponent("%F0%9F%98"), kReplacement);
}

TEST(DecodeUriComponent, RawCharacterEndsAPendingEscapedSequence) {
    // The escaped lead byte is decoded (and found malformed) before the raw text is copied.
    EXPECT_EQ(decodeUriComponent("%C3\xC3\xA9"), kReplacement + "\xC3\xA9");
}

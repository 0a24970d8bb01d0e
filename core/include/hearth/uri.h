#pragma once
// Uri: a parsed URI with the semantics of android.net.Uri.parse — no normalisation, opaque versus
// hierarchical, percent-decoded path and scheme-specific part. Parsing never fails (Android's does
// not either); every part is computed once so that matching does no allocation.

#include <optional>
#include <string>
#include <string_view>

namespace hearth {

class Uri {
  public:
    /// Parses like android.net.Uri.parse: never fails. The scheme is the text before the first
    /// ':' wherever it is (Android's StringUri does not stop at '/', '?' or '#'); a string without
    /// ':' is a relative URI. "//" after the scheme starts an authority, which ends at '/', '\\',
    /// '?' or '#'; the host is what follows the last '@', the port the trailing digits after ':'.
    static Uri parse(std::string_view text);

    /// The text exactly as given.
    const std::string& toString() const { return m_text; }
    /// Scheme (case preserved), or nullopt for a relative URI.
    const std::optional<std::string>& scheme() const { return m_scheme; }
    /// True for "scheme:/..." and "scheme://..." and relative URIs; false for "mailto:x".
    bool isHierarchical() const { return m_hierarchical; }
    bool isOpaque() const { return !m_hierarchical; }
    /// Decoded scheme-specific part: between "scheme:" and "#".
    const std::string& schemeSpecificPart() const { return m_ssp; }
    /// Decoded authority, or nullopt (opaque URIs, or no "//").
    const std::optional<std::string>& authority() const { return m_authority; }
    /// Host, or nullopt when there is no authority (and for opaque URIs).
    const std::optional<std::string>& host() const { return m_host; }
    /// Port, or -1 when absent or not a number.
    int port() const { return m_port; }
    /// Decoded path ("" for "http://host"), or nullopt for opaque URIs.
    const std::optional<std::string>& path() const { return m_path; }
    /// Decoded fragment, or nullopt.
    const std::optional<std::string>& fragment() const { return m_fragment; }

    bool operator==(const Uri& other) const { return m_text == other.m_text; }

  private:
    std::string m_text;
    std::optional<std::string> m_scheme;
    bool m_hierarchical = true;
    std::string m_ssp;
    std::optional<std::string> m_authority;
    std::optional<std::string> m_host;
    int m_port = -1;
    std::optional<std::string> m_path;
    std::optional<std::string> m_fragment;
};

/// Percent-decodes like Android's Uri.decode (UriCodec, UTF-8, no '+' conversion): escaped bytes
/// are decoded as UTF-8; a malformed escape or byte sequence becomes U+FFFD, exactly where
/// Android puts it (so "%zz" decodes to U+FFFD U+0000 'z', as Android's does).
std::string decodeUriComponent(std::string_view encoded);

}  // namespace hearth

#pragma once
// Private helpers of the adb capture readers: line splitting, trimming, the binary-data check and
// the filter-body lines IntentFilter.dump prints (shared by the dumpsys resolver tables and
// preferred sections).

#include <hearth/intent_filter.h>
#include <hearth/result.h>

#include <optional>
#include <vector>
#include <string>
#include <string_view>

#include "text.h"

namespace hearth::detail {

/// Walks text line by line (LF or CRLF), 1-based line numbers.
class LineCursor {
  public:
    explicit LineCursor(std::string_view text) : m_text(text) {}
    /// The next line without its line break; nullopt at the end.
    std::optional<std::string_view> next();
    int line() const { return m_line; }

  private:
    std::string_view m_text;
    size_t m_pos = 0;
    int m_line = 0;
};

/// Leading spaces (a tab counts as one).
size_t indentOf(std::string_view line);
/// Whether text starts with prefix.
inline bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}
/// Decimal integer (optional sign), nullopt for anything else or overflow of int64.
std::optional<int64_t> parseDecimal(std::string_view text);
/// Hexadecimal with or without "0x", nullopt for anything else.
std::optional<int64_t> parseHex(std::string_view text);

/// Fails with "file:L:C: binary data (a NUL byte), not WHAT" when text holds a NUL byte.
[[nodiscard]] Result<void> checkNotBinary(std::string_view text, const std::string& sourceName,
                                          std::string_view what);

/// Reads one body line of IntentFilter.dump (`Action: "x"`, `Category:`, `Scheme:`, `Authority:`,
/// `Path:`, `Ssp:`, `Type:`/`StaticType:`/`DynamicType:`, `MimeGroup:`, `AutoVerify=`,
/// `mPriority=`) into the filter. Returns false when the line is none of these.
bool readFilterBodyLine(std::string_view trimmedLine, IntentFilter& filter);

}  // namespace hearth::detail

namespace hearth {
struct DomainVerification;
}

namespace hearth::detail {

/// Reads the Android 12+ domain verification block (`pkg:` / `ID:` / `Domain verification state:`
/// / `User N:` / `Selection state:`), as dumpsys and `pm get-app-links` print it, line by line.
class DomainVerificationReader {
  public:
    explicit DomainVerificationReader(std::vector<DomainVerification>& out) : m_out(out) {}
    /// Takes one line; returns false when it is not part of the block.
    bool feed(std::string_view line);

  private:
    enum class Mode { None, Domains, Selection, Enabled, Disabled };
    std::vector<DomainVerification>& m_out;
    Mode m_mode = Mode::None;
    bool m_inUser = false;
};

}  // namespace hearth::detail

#pragma once
// Private: an APK as a zip archive read in place (the bytes are usually a read-only mapping of the
// file). Only the central directory is walked, and only the entries asked for are touched: a
// stored entry is handed out as a view into the archive (no copy, no CRC pass: Android maps a
// stored resources.arsc the same way), a deflated one is inflated with zlib into the caller's
// buffer. The caps are checked twice: against the size the central directory declares, and while
// inflating, so an entry that lies about its size (a zip bomb) stops one byte past its claim.
//
// libzip was measured against this reader and dropped: linking it costs every process about
// 4 ms of start-up (it drags in libcrypto and libbz2), and its buffer source copies and
// CRC-checks every byte of an entry (twice 31.8 MB for framework-res's resources.arsc).

#include <hearth/result.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::apk {

/// "16 MiB": a cap as the errors spell it.
std::string mebibytes(size_t bytes);

/// True when `bytes` start like a zip archive (a local file header or an empty archive's end).
bool looksLikeZip(std::string_view bytes);

class Archive {
  public:
    /// Opens the archive in `bytes`, which must outlive it. Fails with "not an APK: ..." when
    /// there is no zip at all, else with "cannot open the zip archive (<reason>)".
    [[nodiscard]] static Result<Archive> open(std::string_view bytes);

    /// The uncompressed bytes of entry `name`: a view into the archive when the entry is stored,
    /// else a view of `storage`, which receives the inflated bytes. nullopt when there is no such
    /// entry. Fails when the entry (declared or actual) is larger than `cap` bytes, when it
    /// cannot be inflated, or when the archive names it twice (Android refuses such an APK).
    [[nodiscard]] Result<std::optional<std::string_view>> read(std::string_view name, size_t cap,
                                                               std::string& storage) const;

  private:
    struct Entry {
        uint16_t method = 0;
        uint64_t compressedSize = 0;
        uint64_t size = 0;
        uint64_t localOffset = 0;
    };
    Result<std::optional<Entry>> find(std::string_view name) const;

    std::string_view m_bytes;
    size_t m_directoryOffset = 0;
    size_t m_directoryEnd = 0;
    size_t m_entryCount = 0;
};

}  // namespace hearth::apk

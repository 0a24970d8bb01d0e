#pragma once
// Private: an APK as a zip archive held in memory (libzip over a buffer, no temporary files).
// Entries are read with a cap that is checked twice: against the size the zip headers declare,
// and while inflating, so an entry that lies about its size (a zip bomb) stops at the cap.

#include <hearth/result.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace hearth::apk {

/// "16 MiB": a cap as the errors spell it.
std::string mebibytes(size_t bytes);

class Archive {
  public:
    /// Opens the archive in `bytes`, which must outlive it. Fails with "not an APK: ..." when
    /// there is no zip at all, else with libzip's reason.
    [[nodiscard]] static Result<Archive> open(std::string_view bytes);

    /// The uncompressed bytes of entry `name`; nullopt when there is no such entry. Fails when
    /// the entry (declared or actual) is larger than `cap` bytes, or cannot be inflated.
    [[nodiscard]] Result<std::optional<std::string>> read(const std::string& name,
                                                          size_t cap) const;

    Archive(Archive&&) noexcept;
    Archive& operator=(Archive&&) noexcept;
    ~Archive();

  private:
    struct Handle;
    Archive();
    std::unique_ptr<Handle> m_handle;
};

}  // namespace hearth::apk

#pragma once
// Reading a file Hearth was pointed at, with one wording for every way it can fail:
// "path: cannot read: no such file or directory", "...: it is a directory",
// "...: not a regular file (a device, pipe or socket)", "...: N bytes is more than the limit of M".

#include <hearth/result.h>

#include <cstddef>
#include <filesystem>
#include <string>

namespace hearth::detail {

/// Ok when the path names a regular file; otherwise the error above, located at the path (a
/// directory would read as empty, a device or pipe such as /dev/zero would never end).
[[nodiscard]] Result<void> checkRegularFile(const std::filesystem::path& path);

/// The whole file when it is a regular file of at most maxBytes (checked again while reading:
/// the file may grow); otherwise the error above.
[[nodiscard]] Result<std::string> readFileCapped(const std::filesystem::path& path,
                                                 std::size_t maxBytes);

}  // namespace hearth::detail

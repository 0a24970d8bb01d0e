#pragma once
// Reading a file Hearth was pointed at, with one wording for every way it can fail:
// "path: cannot read: no such file or directory", "...: it is a directory",
// "...: not a regular file (a device, pipe or socket)", "...: N bytes is more than the limit of M".

#include <hearth/result.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace hearth::detail {

/// Ok when the path names a regular file; otherwise the error above, located at the path (a
/// directory would read as empty, a device or pipe such as /dev/zero would never end).
[[nodiscard]] Result<void> checkRegularFile(const std::filesystem::path& path);

/// The whole file when it is a regular file of at most maxBytes (checked again while reading:
/// the file may grow); otherwise the error above.
[[nodiscard]] Result<std::string> readFileCapped(const std::filesystem::path& path,
                                                 std::size_t maxBytes);

/// A whole file's bytes: read into memory when it is small, mapped read-only when it is large. A
/// manifest is a few kilobytes, for which one read() costs less than a mapping does: mmap, a page
/// fault, and an munmap that makes every other thread of the process flush its TLB (10,000 of
/// each on a large device, issue 14). An APK can be hundreds of megabytes of which a reader needs
/// a few entries (the manifest, an icon): it is mapped, and only the pages read are touched.
class FileBytes {
  public:
    /// The bytes of a regular file of at most maxBytes: one open and one fstat of the descriptor
    /// (the path is not stat'ed first: a device of 10,000 packages made five stat calls per
    /// package, issue 14). Fails with checkRegularFile's wording, "path: the file is N bytes, more
    /// than the M Hearth reads", or "path: cannot read: <reason>".
    [[nodiscard]] static Result<FileBytes> open(const std::filesystem::path& path,
                                                std::size_t maxBytes);

    FileBytes() = default;
    FileBytes(FileBytes&& other) noexcept;
    FileBytes& operator=(FileBytes&& other) noexcept;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    ~FileBytes();

    std::string_view bytes() const;

  private:
    Result<void> read(int fd, std::size_t size);
    Result<void> map(int fd, std::size_t size);
    void release();  // unmaps and closes what this holds

    std::string m_read;
    void* m_mapped = nullptr;
    std::size_t m_size = 0;
    int m_fd = -1;  // kept open while mapped, for copyOut
};

/// Copies `size` bytes starting at `at` to `out`. When they lie in a file FileBytes mapped, they
/// are read from the file with pread() rather than through the mapping: a walk that reads a few
/// bytes every few kilobytes of a large mapping (the chunk headers of resources.arsc, one per
/// ~8 KiB of framework-res's 31.8 MB) would otherwise fault in, map and at exit unmap every
/// page it passes, which costs more here than one system call per header (issue 14; the
/// `apk_floor --table` and `--table-pread` floors measure both). Anything else is a memcpy.
void copyOut(const char* at, std::size_t size, char* out);

}  // namespace hearth::detail

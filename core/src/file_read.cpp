// One way to read a file a user named, and one wording for its failures (file_read.h).

#include "file_read.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <system_error>
#include <vector>

#include "text.h"

namespace hearth::detail {

namespace fs = std::filesystem;

namespace {

Error cannotRead(const fs::path& path, const std::string& reason) {
    return Error{SourceLocation{path.string(), 0, 0}, "cannot read: " + reason};
}

}  // namespace

Result<void> checkRegularFile(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) return cannotRead(path, "no such file or directory");
    if (fs::is_directory(status)) return cannotRead(path, "it is a directory");
    if (!fs::is_regular_file(status)) {
        return cannotRead(path, "not a regular file (a device, pipe or socket)");
    }
    return ok();
}

Result<std::string> readFileCapped(const fs::path& path, std::size_t maxBytes) {
    if (Result<void> regular = checkRegularFile(path); !regular) return regular.error();
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > maxBytes) {
        return cannotRead(path, std::to_string(size) + " bytes is more than the limit of " +
                                    std::to_string(maxBytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        const int error = errno != 0 ? errno : EACCES;
        return cannotRead(path, text::lowerFirst(std::strerror(error)));
    }
    // Read in chunks and stop one byte past the cap: the file may have grown since file_size().
    std::string text;
    char chunk[64 * 1024];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        text.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (text.size() > maxBytes) {
            return cannotRead(path, "more than the limit of " + std::to_string(maxBytes) + " bytes");
        }
    }
    return text;
}

namespace {

struct FileCloser {
    int fd;
    ~FileCloser() {
        if (fd >= 0) close(fd);
    }
};

constexpr std::size_t kReadBelow = std::size_t{1} << 20;

// The files FileBytes holds mapped, for copyOut: loader threads map and read APKs at once.
struct MappedFile {
    const char* begin;
    std::size_t size;
    int fd;
};
std::mutex g_mappedMutex;
std::vector<MappedFile> g_mapped;

void forgetMapping(const void* begin) {
    const std::lock_guard<std::mutex> lock(g_mappedMutex);
    std::erase_if(g_mapped, [&](const MappedFile& file) { return file.begin == begin; });
}

}  // namespace

void copyOut(const char* at, std::size_t size, char* out) {
    int fd = -1;
    off_t offset = 0;
    {
        const std::lock_guard<std::mutex> lock(g_mappedMutex);
        for (const MappedFile& file : g_mapped) {
            if (at >= file.begin && size <= file.size &&
                static_cast<std::size_t>(at - file.begin) <= file.size - size) {
                fd = file.fd;
                offset = static_cast<off_t>(at - file.begin);
                break;
            }
        }
    }
    std::size_t got = 0;
    while (fd >= 0 && got < size) {
        const ssize_t n = pread(fd, out + got, size - got, offset + static_cast<off_t>(got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<std::size_t>(n);
    }
    // Not mapped by FileBytes, or the file changed under the mapping: the bytes as mapped.
    if (got < size) std::memcpy(out + got, at + got, size - got);
}

Result<FileBytes> FileBytes::open(const fs::path& path, std::size_t maxBytes) {
    const std::string name = path.string();
    // O_NONBLOCK: opening a FIFO must not wait for a writer, and the type is checked before a
    // byte is read.
    const FileCloser fd{::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    struct stat status {};
    if (fd.fd < 0 || fstat(fd.fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        const int error = errno;
        // checkRegularFile words a missing file, a directory, a device or a pipe as every reader
        // does; what is left (permission denied) is the open's own error.
        if (Result<void> regular = checkRegularFile(path); !regular) return regular.error();
        return cannotRead(path, text::lowerFirst(std::strerror(error)));
    }
    const auto size = static_cast<uintmax_t>(status.st_size);
    if (size > maxBytes) {
        return Error{SourceLocation{name, 0, 0}, "the file is " + std::to_string(size) +
                                                     " bytes, more than the " +
                                                     std::to_string(maxBytes) + " Hearth reads"};
    }
    FileBytes contents;
    if (size == 0) return contents;
    Result<void> done = size < kReadBelow ? contents.read(fd.fd, static_cast<std::size_t>(size))
                                          : contents.map(fd.fd, static_cast<std::size_t>(size));
    if (!done) return cannotRead(path, done.error().message);
    return contents;
}

FileBytes::FileBytes(FileBytes&& other) noexcept
    : m_read(std::move(other.m_read)),
      m_mapped(other.m_mapped),
      m_size(other.m_size),
      m_fd(other.m_fd) {
    other.m_mapped = nullptr;
    other.m_size = 0;
    other.m_fd = -1;
}

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
    if (this != &other) {
        release();
        m_read = std::move(other.m_read);
        m_mapped = other.m_mapped;
        m_size = other.m_size;
        m_fd = other.m_fd;
        other.m_mapped = nullptr;
        other.m_size = 0;
        other.m_fd = -1;
    }
    return *this;
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() {
    if (m_mapped != nullptr) {
        forgetMapping(m_mapped);
        munmap(m_mapped, m_size);
        m_mapped = nullptr;
    }
    if (m_fd >= 0) {
        close(m_fd);
        m_fd = -1;
    }
}

std::string_view FileBytes::bytes() const {
    if (m_mapped == nullptr) return m_read;
    return std::string_view(static_cast<const char*>(m_mapped), m_size);
}

Result<void> FileBytes::read(int fd, std::size_t size) {
    m_read.resize(size);
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, m_read.data() + got, size - got);
        if (n == 0) break;  // the file got shorter since fstat: what is there is the file
        if (n < 0) {
            if (errno == EINTR) continue;
            return makeError(text::lowerFirst(std::strerror(errno)));
        }
        got += static_cast<std::size_t>(n);
    }
    m_read.resize(got);
    return ok();
}

Result<void> FileBytes::map(int fd, std::size_t size) {
    void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (data == MAP_FAILED) return makeError(text::lowerFirst(std::strerror(errno)));
    m_mapped = data;
    m_size = size;
    // Without a descriptor of its own copyOut reads through the mapping, as before.
    m_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (m_fd >= 0) {
        const std::lock_guard<std::mutex> lock(g_mappedMutex);
        g_mapped.push_back(MappedFile{static_cast<const char*>(data), size, m_fd});
    }
    return ok();
}

}  // namespace hearth::detail

// loadManifest: one file, recognised by its bytes (as Android's installer does, which never looks
// at a name): a zip archive is an APK whatever it is called, a compiled manifest is read as binary
// XML, anything else is source XML. A large file is mapped read-only, not copied: an APK is read
// in place, touching only its central directory and the entries the manifest needs.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hearth/limits.h>
#include <hearth/manifest.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "file_read.h"
#include "apk_reader.h"
#include "axml_parser.h"
#include "device_internal.h"
#include "res_chunk.h"

namespace hearth {
namespace {

// A whole file's bytes: read into memory when it is small, mapped read-only when it is large. A
// manifest is a few kilobytes, for which one read() costs less than a mapping does: mmap, a page
// fault, and an munmap that makes every other thread of the process flush its TLB (10,000 of each
// on a large device, issue 14). An APK can be hundreds of megabytes of which the manifest needs
// a few entries: it is mapped, and only the pages read are touched.
class FileBytes {
  public:
    FileBytes() = default;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    ~FileBytes() {
        if (m_mapped != nullptr) munmap(m_mapped, m_size);
    }
    Result<void> load(int fd, size_t size) {
        if (size == 0) return ok();
        return size < kReadBelow ? read(fd, size) : map(fd, size);
    }
    std::string_view bytes() const {
        if (m_mapped == nullptr) return m_read;
        return std::string_view(static_cast<const char*>(m_mapped), m_size);
    }

  private:
    static constexpr size_t kReadBelow = size_t{1} << 20;

    Result<void> read(int fd, size_t size) {
        m_read.resize(size);
        size_t got = 0;
        while (got < size) {
            const ssize_t n = ::read(fd, m_read.data() + got, size - got);
            if (n == 0) break;  // the file got shorter since fstat: what is there is the file
            if (n < 0) {
                if (errno == EINTR) continue;
                return makeError(text::lowerFirst(std::strerror(errno)));
            }
            got += static_cast<size_t>(n);
        }
        m_read.resize(got);
        return ok();
    }
    Result<void> map(int fd, size_t size) {
        void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED) return makeError(text::lowerFirst(std::strerror(errno)));
        m_mapped = data;
        m_size = size;
        return ok();
    }

    std::string m_read;
    void* m_mapped = nullptr;
    size_t m_size = 0;
};

struct FileCloser {
    int fd;
    ~FileCloser() {
        if (fd >= 0) close(fd);
    }
};

// A compiled manifest as Android's ResXMLTree accepts one: it checks the first chunk's sizes
// (header at least 8 bytes, inside the chunk, the chunk inside the file), never its type.
bool looksLikeBinaryXml(std::string_view bytes) {
    if (bytes.size() < 8 || axml::looksLikeTextXml(bytes)) return false;
    const uint16_t headerSize = res::readU16(bytes, 2);
    const uint32_t size = res::readU32(bytes, 4);
    return headerSize >= 8 && headerSize <= size && size <= bytes.size();
}

bool hasApkExtension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return extension == ".apk";
}

}  // namespace

Result<Manifest> loadManifest(const std::filesystem::path& path, const ParseOptions& options) {
    const std::string name = path.string();
    const SourceLocation file{name, 0, 0};
    // One open and one fstat of the descriptor; the path is not stat'ed first (a device of 10,000
    // packages made five stat calls per package, issue 14). O_NONBLOCK: opening a FIFO must not
    // wait for a writer, and the type is checked before a byte is read.
    const FileCloser fd{open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    struct stat status {};
    if (fd.fd < 0 || fstat(fd.fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        const int error = errno;
        // checkRegularFile words a missing file, a directory, a device or a pipe as every reader
        // does; what is left (permission denied) is the open's own error.
        if (Result<void> regular = detail::checkRegularFile(path); !regular) return regular.error();
        return makeError(file, "cannot read: " + text::lowerFirst(std::strerror(error)));
    }
    const auto size = static_cast<uintmax_t>(status.st_size);
    if (size > limits::kMaxApkBytes) {
        return makeError(file, "the file is " + std::to_string(size) + " bytes, more than the " +
                                   std::to_string(limits::kMaxApkBytes) + " Hearth reads");
    }
    FileBytes contents;
    if (Result<void> done = contents.load(fd.fd, static_cast<size_t>(size)); !done) {
        return makeError(file, "cannot read: " + done.error().message);
    }
    const std::string_view bytes = contents.bytes();
    if (apk::looksLikeZip(bytes) || hasApkExtension(path)) return parseApk(bytes, name, options);
    if (size > limits::kMaxManifestBytes) {
        return makeError(file, "the file is " + std::to_string(size) + " bytes, more than the " +
                                   std::to_string(limits::kMaxManifestBytes) + " Hearth reads");
    }
    if (looksLikeBinaryXml(bytes)) return parseBinaryManifest(bytes, name, options);
    return parseManifest(bytes, name, options);
}

}  // namespace hearth

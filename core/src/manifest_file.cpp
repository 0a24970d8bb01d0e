// loadManifest: one file, recognised by its bytes (as Android's installer does, which never looks
// at a name): a zip archive is an APK whatever it is called, a compiled manifest is read as binary
// XML, anything else is source XML. The file is mapped read-only, not copied: an APK is read in
// place, touching only its central directory and the entries the manifest needs.

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

// A read-only mapping of a whole file (empty files map to an empty view).
class MappedFile {
  public:
    MappedFile() = default;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile() {
        if (m_data != nullptr) munmap(m_data, m_size);
    }
    Result<void> map(int fd, size_t size) {
        if (size == 0) return ok();
        void* data = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (data == MAP_FAILED) return makeError(text::lowerFirst(std::strerror(errno)));
        m_data = data;
        m_size = size;
        return ok();
    }
    std::string_view bytes() const {
        return m_data != nullptr ? std::string_view(static_cast<const char*>(m_data), m_size)
                                 : std::string_view();
    }

  private:
    void* m_data = nullptr;
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
    if (Result<void> regular = detail::checkRegularFile(path); !regular) return regular.error();
    const FileCloser fd{open(name.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat status {};
    if (fd.fd < 0 || fstat(fd.fd, &status) != 0) {
        return makeError(file, "cannot read: " + text::lowerFirst(std::strerror(errno)));
    }
    const auto size = static_cast<uintmax_t>(status.st_size);
    if (size > limits::kMaxApkBytes) {
        return makeError(file, "the file is " + std::to_string(size) + " bytes, more than the " +
                                   std::to_string(limits::kMaxApkBytes) + " Hearth reads");
    }
    MappedFile mapped;
    if (Result<void> done = mapped.map(fd.fd, static_cast<size_t>(size)); !done) {
        return makeError(file, "cannot read: " + done.error().message);
    }
    const std::string_view bytes = mapped.bytes();
    if (apk::looksLikeZip(bytes) || hasApkExtension(path)) return parseApk(bytes, name, options);
    if (size > limits::kMaxManifestBytes) {
        return makeError(file, "the file is " + std::to_string(size) + " bytes, more than the " +
                                   std::to_string(limits::kMaxManifestBytes) + " Hearth reads");
    }
    if (looksLikeBinaryXml(bytes)) return parseBinaryManifest(bytes, name, options);
    return parseManifest(bytes, name, options);
}

}  // namespace hearth

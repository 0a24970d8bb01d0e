// One way to read a file a user named, and one wording for its failures (file_read.h).

#include "file_read.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

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

}  // namespace hearth::detail

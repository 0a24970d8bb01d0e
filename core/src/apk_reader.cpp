#include "apk_reader.h"

#include <zip.h>

#include <algorithm>
#include <cctype>

namespace hearth::apk {
namespace {

std::string zipErrorText(zip_error_t* error) {
    std::string text = zip_error_strerror(error);
    // libzip capitalises its messages; house style is lower case.
    if (!text.empty())
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

struct FileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

std::string mebibytes(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

struct Archive::Handle {
    zip_t* archive = nullptr;
    ~Handle() {
        // Read-only: discard rather than write anything back.
        if (archive != nullptr) zip_discard(archive);
    }
};

Archive::Archive() : m_handle(std::make_unique<Handle>()) {}
Archive::Archive(Archive&&) noexcept = default;
Archive& Archive::operator=(Archive&&) noexcept = default;
Archive::~Archive() = default;

Result<Archive> Archive::open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    // libzip wants a non-null pointer even for an empty buffer.
    static const char kEmpty = 0;
    zip_source_t* source =
        zip_source_buffer_create(bytes.empty() ? &kEmpty : bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
        std::string text = zipErrorText(&error);
        zip_error_fini(&error);
        return makeError("cannot read the archive (" + text + ")");
    }
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive == nullptr) {
        zip_source_free(source);
        const bool notZip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
        std::string text = zipErrorText(&error);
        zip_error_fini(&error);
        if (notZip) return makeError("not an APK: no zip archive found in the file");
        return makeError("cannot open the zip archive (" + text + ")");
    }
    zip_error_fini(&error);
    Archive result;
    result.m_handle->archive = archive;
    return result;
}

Result<std::optional<std::string>> Archive::read(const std::string& name, size_t cap) const {
    const std::string capText = mebibytes(cap);
    zip_t* archive = m_handle->archive;
    const zip_int64_t index = zip_name_locate(archive, name.c_str(), 0);
    if (index < 0) return std::optional<std::string>();

    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
        return makeError("cannot read " + name + " (" + zipErrorText(zip_get_error(archive)) + ")");
    }
    if ((stat.valid & ZIP_STAT_SIZE) && stat.size > cap) {
        return makeError(name + " unpacks to " + std::to_string(stat.size) +
                         " bytes, more than hearth's limit of " + capText);
    }
    std::unique_ptr<zip_file_t, FileCloser> file(
        zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0));
    if (!file) {
        return makeError("cannot unpack " + name + " (" + zipErrorText(zip_get_error(archive)) +
                         ")");
    }
    // The declared size (checked against the cap above) is allocated once; inflating goes one byte
    // past it at most, because an entry larger than its header says is a zip bomb or corrupt
    // (Android's libziparchive refuses it too). Without a declared size the cap bounds it.
    const bool declared = (stat.valid & ZIP_STAT_SIZE) != 0;
    const size_t limit = declared ? static_cast<size_t>(stat.size) : cap;
    std::string data;
    data.reserve(limit);
    char buffer[64 * 1024];
    while (true) {
        const size_t want = std::min(sizeof buffer, limit + 1 - data.size());
        const zip_int64_t got = zip_fread(file.get(), buffer, want);
        if (got < 0) {
            return makeError("cannot unpack " + name + " (" +
                             zipErrorText(zip_file_get_error(file.get())) + ")");
        }
        if (got == 0) break;
        data.append(buffer, static_cast<size_t>(got));
        if (data.size() > limit) {
            if (!declared) {
                return makeError(name + " unpacks to more than hearth's limit of " + capText +
                                 "; reading stopped there");
            }
            return makeError(name + " unpacks to more than the " + std::to_string(limit) +
                             " bytes its zip header declares (a zip bomb or a corrupt archive); "
                             "reading stopped there");
        }
    }
    return std::optional<std::string>(std::move(data));
}

}  // namespace hearth::apk

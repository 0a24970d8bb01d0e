// loadManifest: one file, recognised by its bytes (as Android's installer does, which never looks
// at a name): a zip archive is an APK whatever it is called, a compiled manifest is read as binary
// XML, anything else is source XML. A large file is mapped read-only, not copied: an APK is read
// in place, touching only its central directory and the entries the manifest needs.

#include <hearth/limits.h>
#include <hearth/manifest.h>

#include "file_read.h"
#include "apk_reader.h"
#include "axml_parser.h"
#include "device_internal.h"
#include "res_chunk.h"

namespace hearth {
namespace {

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
    Result<detail::FileBytes> contents = detail::FileBytes::open(path, limits::kMaxApkBytes);
    if (!contents) return contents.error();
    const auto size = contents->bytes().size();
    const std::string_view bytes = contents->bytes();
    if (apk::looksLikeZip(bytes) || hasApkExtension(path)) return parseApk(bytes, name, options);
    if (size > limits::kMaxManifestBytes) {
        return makeError(file, "the file is " + std::to_string(size) + " bytes, more than the " +
                                   std::to_string(limits::kMaxManifestBytes) + " Hearth reads");
    }
    if (looksLikeBinaryXml(bytes)) return parseBinaryManifest(bytes, name, options);
    return parseManifest(bytes, name, options);
}

}  // namespace hearth

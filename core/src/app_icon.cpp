// loadAppIcon: a component's icon reference, through resources.arsc, to the bitmap a phone shows.

#include <hearth/app_icon.h>
#include <hearth/limits.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <vector>

#include "apk_manifest.h"
#include "apk_reader.h"
#include "arsc_reader.h"
#include "file_read.h"
#include "res_chunk.h"

namespace hearth {
namespace {

using Density = arsc::ResourceTable::DensityValue;

constexpr uint16_t kDensityMedium = 160;

// A reference the manifest model holds, as the APK renderer writes it: "@type/key" of the APK's
// own package, "@package:type/key" of another, or "@0x7f020001" when the table has no name.
struct IconReference {
    std::optional<uint32_t> id;
    std::string package;  // empty: the APK's own
    std::string type;
    std::string key;
};

std::optional<IconReference> parseReference(std::string_view text) {
    if (text.size() < 2 || text.front() != '@') return std::nullopt;
    text.remove_prefix(1);
    IconReference reference;
    if (text.size() > 2 && text.substr(0, 2) == "0x") {
        uint32_t id = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data() + 2, end, id, 16);
        if (error != std::errc() || stop != end) return std::nullopt;
        reference.id = id;
        return reference;
    }
    if (const size_t colon = text.find(':'); colon != std::string_view::npos) {
        reference.package = std::string(text.substr(0, colon));
        text.remove_prefix(colon + 1);
    }
    const size_t slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) {
        return std::nullopt;
    }
    reference.type = std::string(text.substr(0, slash));
    reference.key = std::string(text.substr(slash + 1));
    return reference;
}

// Whether configuration density `a` is a better match than `b` for a screen of `requested` dpi,
// by Android's density rule (ResTable_config::isBetterThan): anydpi first; else the smallest
// density at or above the screen's, unless one below is close enough that scaling it up beats
// scaling the other down (scaling down counts as twice as good). Unqualified counts as mdpi.
bool denserMatch(uint16_t a, uint16_t b, int requested) {
    const int first = a != 0 ? a : kDensityMedium;
    const int second = b != 0 ? b : kDensityMedium;
    if (first == second) return false;
    if (first == arsc::ResourceTable::kDensityAny) return true;
    if (second == arsc::ResourceTable::kDensityAny) return false;
    const bool firstIsHigher = first > second;
    const int high = std::max(first, second);
    const int low = std::min(first, second);
    if (requested >= high) return firstIsHigher;
    if (low >= requested) return !firstIsHigher;
    const bool pickLow = int64_t{2 * low - requested} * high > int64_t{requested} * requested;
    return pickLow ? !firstIsHigher : firstIsHigher;
}

bool betterMatch(const Density& a, const Density& b, int requested) {
    const int first = a.density != 0 ? a.density : kDensityMedium;
    const int second = b.density != 0 ? b.density : kDensityMedium;
    if (first != second) return denserMatch(a.density, b.density, requested);
    return a.sdkVersion > b.sdkVersion;  // values-v21 over values for the same density
}

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The image formats BitmapFactory decodes that a launcher icon comes in, by their magic.
bool isBitmap(std::string_view bytes) {
    if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8)) return true;
    if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") {
        return true;
    }
    if (bytes.substr(0, 3) == "\xFF\xD8\xFF") return true;
    return bytes.substr(0, 4) == "GIF8";
}

bool isZipFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char head[4] = {};
    in.read(head, sizeof head);
    return in.gcount() == sizeof head && apk::looksLikeZip(std::string_view(head, sizeof head));
}

// A resource's file values in density order, each reference followed (a drawable that is an
// alias of a mipmap), with the density of the configuration that named the file.
struct Candidate {
    Density where;
    std::string path;
};

Result<std::vector<Candidate>> candidatesOf(const arsc::ResourceTable& table, uint32_t id,
                                            int apiLevel, int depth) {
    Result<std::vector<Density>> values = table.densityValues(id, apiLevel);
    if (!values) return values.error();
    std::vector<Candidate> files;
    for (const Density& value : *values) {
        if (value.value.type == res::value_type::kString) {
            Result<std::string> path = table.stringOf(value.value);
            if (!path) return path.error();
            files.push_back(Candidate{value, std::move(path).value()});
        } else if (value.value.type == res::value_type::kReference && value.value.data != 0 &&
                   depth < arsc::kMaxReferenceDepth) {
            // A color or other value is no bitmap; a reference lends its files this density.
            Result<std::vector<Candidate>> target =
                candidatesOf(table, value.value.data, apiLevel, depth + 1);
            if (!target) return target.error();
            for (Candidate& file : *target) {
                if (value.density != 0) file.where.density = value.density;
                files.push_back(std::move(file));
            }
        }
    }
    return files;
}

}  // namespace

std::optional<std::string> iconReference(const Manifest& manifest, const Component& component) {
    return component.icon ? component.icon : manifest.application.icon;
}

Result<std::optional<AppIcon>> loadAppIcon(const Manifest& manifest, const Component& component,
                                           int apiLevel) {
    using Found = std::optional<AppIcon>;
    const std::optional<std::string> text = iconReference(manifest, component);
    if (!text || *text == "@null" || manifest.file.empty() || !isZipFile(manifest.file)) {
        return Found();
    }
    const std::optional<IconReference> reference = parseReference(*text);
    if (!reference || (!reference->package.empty() && reference->package != manifest.packageName)) {
        return Found();
    }
    const std::string& apkName = manifest.file;
    const SourceLocation file{apkName, 0, 0};
    // Mapped, not read: an icon needs the central directory, resources.arsc and one entry.
    Result<detail::FileBytes> contents = detail::FileBytes::open(apkName, limits::kMaxApkBytes);
    if (!contents) return contents.error();
    Result<apk::Archive> archive = apk::Archive::open(contents->bytes());
    if (!archive) return makeError(file, archive.error().message);
    apk::ApkEntries entries(std::move(archive).value(), apkName);
    Result<const arsc::ResourceTable*> table = entries.table();
    if (!table) return table.error();
    if (*table == nullptr) {
        return makeError(file,
                         "android:icon '" + *text + "' cannot be resolved: no resources.arsc");
    }
    const std::optional<uint32_t> id =
        reference->id ? reference->id : (*table)->idOf(reference->type, reference->key);
    if (!id) return makeError(file, "resources.arsc does not define android:icon '" + *text + "'");
    // Framework icons (@android:...) live in framework-res, not this APK.
    if ((*id >> 24) == 0x01) return Found();
    Result<std::vector<Candidate>> candidates = candidatesOf(**table, *id, apiLevel, 0);
    if (!candidates) return makeError(file, "resources.arsc: " + candidates.error().message);

    // Best first, XML drawables (adaptive icons, vectors, <bitmap> wrappers) left out: they need
    // rendering. A file that turns out not to be a bitmap gives way to the next best.
    std::vector<Candidate> left;
    for (Candidate& candidate : *candidates) {
        if (!endsWith(candidate.path, ".xml")) left.push_back(std::move(candidate));
    }
    while (!left.empty()) {
        auto best = left.begin();
        for (auto it = left.begin(); it != left.end(); ++it) {
            if (betterMatch(it->where, best->where, kPhoneDensity)) best = it;
        }
        Result<std::string> image = entries.read(best->path, limits::kMaxIconBytes);
        if (!image) return image.error();
        if (isBitmap(*image)) {
            const int density = best->where.density;
            return Found(AppIcon{std::move(image).value(), best->path, density});
        }
        left.erase(best);
    }
    return Found();
}

}  // namespace hearth

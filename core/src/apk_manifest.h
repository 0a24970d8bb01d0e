#pragma once
// Private: turns a compiled (AXML) manifest back into the source form aapt compiled it from, so
// that APKs go through the very same element -> model code as source manifests (parseManifest)
// and both give the same Manifest. Attributes are named by resource id (obfuscated or renamed
// names still parse), references are resolved through resources.arsc for the configuration
// the device's API level selects (values-vN), typed values are written as their source text, and
// every value is escaped so that aapt's unescaping gives back exactly the compiled string.
//
// Element i (1-based, document order) is written on line i, which is how an APK element's
// location reads: "app.apk:12" is the 12th element of its AndroidManifest.xml.

#include <hearth/manifest.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "apk_reader.h"
#include "arsc_reader.h"
#include "axml_parser.h"

namespace hearth::apk {

/// The android: attribute a resource id stands for, or nullptr when Hearth does not know it.
const char* androidAttributeName(uint32_t resourceId);

/// Provides resources.arsc on first use (nullptr when the APK has none); errors stop the parse.
using TableLoader = std::function<Result<const arsc::ResourceTable*>()>;

struct RenderedManifest {
    std::string xml;
    std::vector<Diagnostic> warnings;  ///< located at sourceName:elementIndex
};

/// An APK's entries as Hearth reads them: the manifest, resources.arsc (read and indexed on first
/// use: a 30 MB framework table is not worth touching for a manifest without references; a
/// stored entry is used in place) and any other file. Errors name the APK (`sourceName`).
class ApkEntries {
  public:
    ApkEntries(Archive archive, std::string sourceName);

    /// The compiled AndroidManifest.xml; fails when the archive has none.
    [[nodiscard]] Result<std::string_view> manifest();
    /// resources.arsc, indexed (nullptr when the APK has none); fails when it is malformed.
    [[nodiscard]] Result<const arsc::ResourceTable*> table();
    /// table() as a TableLoader; this object must outlive the loader.
    TableLoader tableLoader();
    /// The bytes of entry `name` (res/mipmap-xxhdpi/ic_launcher.png), copied; fails when the
    /// archive has no such entry or it is larger than `cap` bytes.
    [[nodiscard]] Result<std::string> read(const std::string& name, size_t cap) const;

  private:
    Archive m_archive;
    std::string m_sourceName;
    std::string m_manifestStorage;
    std::string m_tableStorage;
    std::optional<arsc::ResourceTable> m_table;
};

/// Parses a binary manifest: renders it as source XML (references resolved through `loadTable`)
/// and hands that to parseManifest. `inArchive` prefixes errors with the entry's name.
[[nodiscard]] Result<Manifest> parseBinaryManifest(std::string_view bytes,
                                                   const TableLoader& loadTable,
                                                   const std::string& sourceName,
                                                   const ParseOptions& options, bool inArchive);

/// Writes the document as source XML. `sourceName` locates warnings; references resolve for a
/// device of API level `apiLevel` (values-v11 applies from API 11 on).
[[nodiscard]] Result<RenderedManifest> renderSourceXml(const axml::Document& document,
                                                       const TableLoader& loadTable,
                                                       const std::string& sourceName,
                                                       int apiLevel);

}  // namespace hearth::apk

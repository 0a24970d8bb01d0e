#pragma once
// Caps on what Hearth reads from outside: how big, how deep, how many. Each number says where it
// comes from: a limit real Android enforces (so a larger input could never be installed anyway),
// or, where Android has none, Hearth's own guard set far above the largest real input we measured
// (framework-res.apk of Debian's android-framework-res 10.0.0: 45 MB APK, 31.8 MB resources.arsc
// with 127,684 strings, 222 KB binary manifest nested 6 deep; the largest manifest of
// ../shared/corpus: 198 KB, 1,591 elements, nested 5 deep). A cap that trips is an error naming the
// limit, never a truncation.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hearth::limits {

// ---- files ----------------------------------------------------------------------------------

/// Source AndroidManifest.xml, and the decompressed AndroidManifest.xml entry of an APK. Android
/// has no byte limit; Hearth's guard: 16 MiB, 75x framework-res's 222 KB binary manifest.
inline constexpr std::size_t kMaxManifestBytes = std::size_t{16} << 20;
/// An .apk read into memory. Android: none below the zip format's 4 GiB; Hearth's guard: 1 GiB,
/// 5x Google Play's 200 MB cap on a base APK and 20x framework-res.apk.
inline constexpr std::size_t kMaxApkBytes = std::size_t{1} << 30;
/// The decompressed resources.arsc entry of an APK (zip bombs stop here whatever the entry's
/// declared size). Hearth's guard: 256 MiB, 8x framework-res's 31.8 MB table.
inline constexpr std::size_t kMaxResourceTableBytes = std::size_t{256} << 20;
/// One icon bitmap read from an APK (app_icon.h). Hearth's guard: 8 MiB; a 192-pixel xxxhdpi
/// launcher PNG is a few tens of kilobytes, and a bitmap larger than this is no icon to draw.
inline constexpr std::size_t kMaxIconBytes = std::size_t{8} << 20;
/// device.json. Hearth's guard: 16 MiB, room for kMaxPackagesPerDevice entries of 800 bytes.
inline constexpr std::size_t kMaxDeviceJsonBytes = std::size_t{16} << 20;
/// res/values/strings.xml next to a source manifest. Hearth's guard, as for the manifest.
inline constexpr std::size_t kMaxStringsXmlBytes = std::size_t{16} << 20;
/// A `hearth simulate` script. Hearth's guard: 1 MiB (a script is typed by hand).
inline constexpr std::size_t kMaxScriptBytes = std::size_t{1} << 20;
/// Steps in one simulate script. Hearth's guard: each step may resolve every call site.
inline constexpr std::size_t kMaxScriptSteps = 100'000;
/// One line of `hearth filter-match` input (a conformance case), so that the reader streams in
/// constant memory. Hearth's guard: 1 MiB; the longest shared conformance case is under 400 bytes.
inline constexpr std::size_t kMaxCaseLineBytes = std::size_t{1} << 20;
/// One request of `--batch` (an intent line or a JSON request), so that a batch streams in
/// constant memory. Hearth's guard: 1 MiB, as for a filter-match case; an intent is a few hundred.
inline constexpr std::size_t kMaxBatchLineBytes = std::size_t{1} << 20;
/// Nesting of a JSON value Hearth echoes back (the "id" of a case or a request, any JSON): printing
/// it recurses once a level, and a 1 MiB line of '[' would overflow the stack. Hearth's guard:
/// 1,024, simdjson's default depth; the case and request formats themselves nest 4 deep at most.
inline constexpr int kMaxJsonDepth = 1024;

// ---- XML shape (source and binary) ------------------------------------------------------------

/// Element nesting depth. Neither aapt2 (expat) nor Android's ResXMLParser caps it; real manifests
/// nest at most 6 deep (manifest/queries/intent/data or .../intent-filter/data). Hearth's guard:
/// 64, which also bounds any recursion over the tree.
inline constexpr int kMaxXmlDepth = 64;
/// Elements in one manifest. Hearth's guard: 1,048,576, 300x framework-res's manifest (3,300) and
/// above the largest total Android 14's per-parent caps allow for the components Hearth reads.
inline constexpr std::size_t kMaxXmlElements = std::size_t{1} << 20;
/// Attributes on one element: binary XML stores the count in 16 bits
/// (ResXMLTree_attrExt::attributeCount), so aapt cannot compile more into an APK.
inline constexpr std::size_t kMaxAttributesPerElement = 65'535;

/// Children Android 14+ accepts under one parent (android.content.res.Element / TagCounter, the
/// manifest validator): installing a manifest with more throws "The number of child X elements
/// exceeded the max allowed in Y". Returns nullopt when Android does not count that pair.
constexpr std::optional<std::size_t> maxChildren(std::string_view parent, std::string_view child) {
    if (parent == "manifest") {
        if (child == "application" || child == "uses-sdk" || child == "instrumentation") return 100;
        if (child == "queries") return 200;
        if (child == "permission") return 2'000;
        if (child == "uses-permission" || child == "uses-permission-sdk-23" ||
            child == "uses-permission-sdk-m")
            return 20'000;
    } else if (parent == "application") {
        if (child == "activity") return 40'000;
        if (child == "provider") return 8'000;
        if (child == "activity-alias") return 4'000;
        if (child == "receiver" || child == "service" || child == "meta-data" ||
            child == "uses-library")
            return 1'000;
    } else if (parent == "activity" || parent == "activity-alias" || parent == "service" ||
               parent == "receiver" || parent == "provider") {
        if (child == "intent-filter") return 20'000;
        if (child == "meta-data") return 1'000;
    } else if (parent == "intent-filter" || parent == "intent") {
        if (child == "action") return 20'000;
        if (child == "category" || child == "data") return 40'000;
    } else if (parent == "queries") {
        if (child == "package") return 1'000;
        if (child == "intent") return 2'000;
        if (child == "provider") return 8'000;
    }
    return std::nullopt;
}

/// Longest string value Android 14+ accepts for a manifest attribute (same validator,
/// android.content.res.Element.getAttrStrMaxLen), by local name: scheme/host/port 256, package
/// names 256, mimeType 512, class and permission names 1,024, paths and patterns 4,000, anything
/// else 32,768. Counted in UTF-16 code units, as Java's String.length().
constexpr std::size_t maxAttributeLength(std::string_view localName) {
    if (localName == "scheme" || localName == "host" || localName == "port") return 256;
    if (localName == "permissionGroup" || localName == "package" || localName == "sharedUserId" ||
        localName == "targetPackage")
        return 256;
    if (localName == "mimeType") return 512;
    if (localName == "name" || localName == "targetActivity" || localName == "permission" ||
        localName == "process" || localName == "taskAffinity" || localName == "readPermission" ||
        localName == "writePermission" || localName == "parentActivityName" ||
        localName == "backupAgent" || localName == "manageSpaceActivity" ||
        localName == "category" || localName == "versionName" || localName == "targetProcesses" ||
        localName == "targetName" || localName == "requiredAccountType" ||
        localName == "restrictedAccountType" || localName == "requiredSystemPropertyName")
        return 1'024;
    if (localName == "path" || localName == "pathPattern" || localName == "pathPrefix" ||
        localName == "pathSuffix" || localName == "pathAdvancedPattern" || localName == "value")
        return 4'000;
    return 32'768;
}

// ---- binary XML and resources.arsc ------------------------------------------------------------

/// Strings in one string pool (AXML or resources.arsc). Android checks only that the declared
/// count fits in the chunk; Hearth's guard: 2,097,152, 16x framework-res's 127,684-string table.
inline constexpr std::uint32_t kMaxStringPoolStrings = std::uint32_t{1} << 21;
/// Characters in one pooled string. aapt2 cannot encode a longer string in a UTF-8 pool (the
/// length prefix holds 15 bits), and no manifest attribute may exceed 32,768 (above).
inline constexpr std::size_t kMaxPooledStringLength = 32'767;

// ---- devices --------------------------------------------------------------------------------

/// Packages in one device (device.json entries, or manifests and APKs found in a directory).
/// Android gives each installed app a uid in 10000..19999 per user (Process.FIRST_APPLICATION_UID..
/// LAST_APPLICATION_UID), so a user sees at most 10,000 apps plus system packages sharing system
/// uids; Hearth's guard: 20,000, twice that and twice the 10,000-package benchmark device.
inline constexpr std::size_t kMaxPackagesPerDevice = 20'000;

// ---- images and device state (device-formats 1, 2) ---------------------------------------------

/// One build.prop. Android's property service has no file cap (each value is capped at 92 bytes
/// before Android 8); the largest real one in ../shared/realworld is 13 KB. Hearth's guard: 4 MiB.
inline constexpr std::size_t kMaxBuildPropBytes = std::size_t{4} << 20;
/// packages.xml or package-restrictions.xml, text or ABX. Android has no cap; a phone with 400
/// packages writes about 1 MB. Hearth's guard: 256 MiB.
inline constexpr std::size_t kMaxStateXmlBytes = std::size_t{256} << 20;
/// One Java source file scanned by --framework-src. The largest call-site file
/// (ActivityManagerService.java) is under 1.5 MB in every release. Hearth's guard: 16 MiB.
inline constexpr std::size_t kMaxJavaSourceBytes = std::size_t{16} << 20;
/// Directory levels the image walker descends below a partition's app folder (app/X/X.apk is 2,
/// Android 11's data/app/~~random/pkg-random/base.apk is 3). Also what stops a symlink loop.
inline constexpr int kMaxImageAppDepth = 3;

}  // namespace hearth::limits

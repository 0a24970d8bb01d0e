// Source AndroidManifest.xml -> Manifest, the way aapt2 compiles it and PackageParser reads it.

#include <hearth/limits.h>
#include <hearth/manifest.h>
#include <hearth/suggest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "aapt_escape.h"
#include "string_resources.h"
#include "line_index.h"
#include "text.h"

namespace hearth {
namespace {

constexpr std::string_view kAndroidNamespace = "http://schemas.android.com/apk/res/android";
constexpr std::string_view kToolsNamespace = "http://schemas.android.com/tools";

using NameSet = std::unordered_set<std::string_view>;

// The android: attributes Android reads on each element we model. Anything else there is worth a
// warning: it is usually a typo or an attribute placed on the wrong element.
const NameSet& manifestAttributes() {
    static const NameSet names = {
        "versionCode",     "versionName",          "versionCodeMajor",
        "sharedUserId",    "sharedUserLabel",      "sharedUserMaxSdkVersion",
        "installLocation", "compileSdkVersion",    "compileSdkVersionCodename",
        "isolatedSplits",  "targetSandboxVersion", "requiredSplitTypes",
        "splitTypes",      "revisionCode",         "isFeatureSplit",
        "isSplitRequired"};
    return names;
}

const NameSet& usesSdkAttributes() {
    static const NameSet names = {"minSdkVersion", "targetSdkVersion", "maxSdkVersion"};
    return names;
}

const NameSet& applicationAttributes() {
    static const NameSet names = {"allowAudioPlaybackCapture",
                                  "allowBackup",
                                  "allowClearUserData",
                                  "allowClearUserDataOnFailedRestore",
                                  "allowCrossUidActivitySwitchFromBelow",
                                  "allowNativeHeapPointerTagging",
                                  "allowTaskReparenting",
                                  "appCategory",
                                  "appComponentFactory",
                                  "attributionsAreUserVisible",
                                  "autoRevokePermissions",
                                  "backupAgent",
                                  "backupInForeground",
                                  "banner",
                                  "cantSaveState",
                                  "classLoader",
                                  "crossProfile",
                                  "dataExtractionRules",
                                  "debuggable",
                                  "defaultToDeviceProtectedStorage",
                                  "description",
                                  "directBootAware",
                                  "enableOnBackInvokedCallback",
                                  "enabled",
                                  "extractNativeLibs",
                                  "forceQueryable",
                                  "fullBackupContent",
                                  "fullBackupOnly",
                                  "gwpAsanMode",
                                  "hardwareAccelerated",
                                  "hasCode",
                                  "hasFragileUserData",
                                  "icon",
                                  "isGame",
                                  "isSplitRequired",
                                  "killAfterRestore",
                                  "largeHeap",
                                  "label",
                                  "localeConfig",
                                  "logo",
                                  "manageSpaceActivity",
                                  "maxAspectRatio",
                                  "memtagMode",
                                  "minAspectRatio",
                                  "multiArch",
                                  "name",
                                  "nativeHeapZeroInitialized",
                                  "networkSecurityConfig",
                                  "permission",
                                  "persistent",
                                  "persistentWhenFeatureAvailable",
                                  "preserveLegacyExternalStorage",
                                  "process",
                                  "requestLegacyExternalStorage",
                                  "requestRawExternalStorageAccess",
                                  "requiredAccountType",
                                  "requiredForAllUsers",
                                  "resizeableActivity",
                                  "restoreAnyVersion",
                                  "restoreNeedsApplication",
                                  "restrictedAccountType",
                                  "roundIcon",
                                  "supportsRtl",
                                  "taskAffinity",
                                  "testOnly",
                                  "theme",
                                  "uiOptions",
                                  "usesCleartextTraffic",
                                  "usesNonSdkApi",
                                  "vmSafeMode",
                                  "zygotePreloadName",
                                  "supportsPictureInPicture",
                                  "isCredential",
                                  "enableVrMode",
                                  "supportsInlineSuggestions"};
    return names;
}

// Attributes every component kind shares.
void addComponentCommon(NameSet& names) {
    for (std::string_view name :
         {"name", "label", "icon", "roundIcon", "banner", "logo", "description", "enabled",
          "exported", "permission", "process", "directBootAware", "attributionTags", "singleUser",
          "visibleToInstantApps", "splitName"}) {
        names.insert(name);
    }
}

const NameSet& activityAttributes() {
    static const NameSet names = [] {
        NameSet set = {"allowEmbedded",
                       "allowTaskReparenting",
                       "alwaysRetainTaskState",
                       "autoRemoveFromRecents",
                       "canDisplayOnRemoteDevices",
                       "clearTaskOnLaunch",
                       "colorMode",
                       "configChanges",
                       "documentLaunchMode",
                       "enableOnBackInvokedCallback",
                       "enableVrMode",
                       "excludeFromRecents",
                       "finishOnCloseSystemDialogs",
                       "finishOnTaskLaunch",
                       "hardwareAccelerated",
                       "immersive",
                       "inheritShowWhenLocked",
                       "launchMode",
                       "lockTaskMode",
                       "maxAspectRatio",
                       "maxRecents",
                       "minAspectRatio",
                       "multiprocess",
                       "noHistory",
                       "parentActivityName",
                       "persistableMode",
                       "preferMinimalPostProcessing",
                       "recreateOnConfigChanges",
                       "relinquishTaskIdentity",
                       "resizeableActivity",
                       "resumeWhilePausing",
                       "rotationAnimation",
                       "screenOrientation",
                       "showForAllUsers",
                       "showOnLockScreen",
                       "showWhenLocked",
                       "stateNotNeeded",
                       "supportsPictureInPicture",
                       "taskAffinity",
                       "theme",
                       "turnScreenOn",
                       "uiOptions",
                       "windowSoftInputMode",
                       "allowUntrustedActivityEmbedding",
                       "knownActivityEmbeddingCerts",
                       "requireContentUriPermissionFromCaller",
                       "requiredDisplayCategory",
                       "screenDensity",
                       "primaryUserOnly",
                       "systemUserOnly",
                       "lockTaskMode",
                       "forceQueryable",
                       "enableOnBackInvokedCallback"};
        addComponentCommon(set);
        return set;
    }();
    return names;
}

// PackageParser reads only these on an alias; the rest comes from the target activity (M-28).
const NameSet& activityAliasAttributes() {
    static const NameSet names = {"name",
                                  "targetActivity",
                                  "label",
                                  "icon",
                                  "roundIcon",
                                  "banner",
                                  "logo",
                                  "description",
                                  "enabled",
                                  "exported",
                                  "permission",
                                  "parentActivityName",
                                  "attributionTags",
                                  "knownActivityEmbeddingCerts"};
    return names;
}

const NameSet& serviceAttributes() {
    static const NameSet names = [] {
        NameSet set = {"foregroundServiceType", "isolatedProcess", "stopWithTask",
                       "useAppZygote",          "externalService", "allowSharedIsolatedProcess"};
        addComponentCommon(set);
        return set;
    }();
    return names;
}

const NameSet& receiverAttributes() {
    static const NameSet names = [] {
        NameSet set;
        addComponentCommon(set);
        return set;
    }();
    return names;
}

const NameSet& providerAttributes() {
    static const NameSet names = [] {
        NameSet set = {"authorities",  "grantUriPermissions", "initOrder",
                       "multiprocess", "readPermission",      "writePermission",
                       "syncable",     "forceUriPermissions", "systemUserOnly"};
        addComponentCommon(set);
        return set;
    }();
    return names;
}

const NameSet& intentFilterAttributes() {
    static const NameSet names = {"priority", "order",     "autoVerify", "label",
                                  "icon",     "roundIcon", "banner",     "logo"};
    return names;
}

// <uses-permission>, <uses-permission-sdk-23> and <uses-permission-sdk-m> share one parser.
const NameSet& usesPermissionAttributes() {
    static const NameSet names = {"name",           "maxSdkVersion",      "minSdkVersion",
                                  "requiredFeature", "requiredNotFeature", "usesPermissionFlags"};
    return names;
}

// Android reads only the authorities; aapt before Android 11 wants a name on any <provider>.
const NameSet& queriesProviderAttributes() {
    static const NameSet names = {"authorities", "name"};
    return names;
}

const NameSet& nameOnlyAttributes() {
    static const NameSet names = {"name"};
    return names;
}

const NameSet& dataAttributes() {
    static const NameSet names = {"scheme",
                                  "host",
                                  "port",
                                  "path",
                                  "pathPrefix",
                                  "pathPattern",
                                  "pathAdvancedPattern",
                                  "pathSuffix",
                                  "ssp",
                                  "sspPrefix",
                                  "sspPattern",
                                  "sspAdvancedPattern",
                                  "sspSuffix",
                                  "mimeType",
                                  "mimeGroup"};
    return names;
}

// Elements Android knows under each parent but Hearth does not model: accepted without a word.
const NameSet& otherManifestChildren() {
    static const NameSet names = {"permission",
                                  "permission-group",
                                  "permission-tree",
                                  "uses-feature",
                                  "uses-configuration",
                                  "supports-screens",
                                  "compatible-screens",
                                  "supports-gl-texture",
                                  "instrumentation",
                                  "protected-broadcast",
                                  "original-package",
                                  "adopt-permissions",
                                  "eat-comment",
                                  "package-verifier",
                                  "key-sets",
                                  "overlay",
                                  "restrict-update",
                                  "uses-split",
                                  "feature-group",
                                  "attribution",
                                  "supports-input",
                                  "install-constraints",
                                  "apex-system-service",
                                  "required-feature",
                                  "required-not-feature",
                                  "uses-gl-texture"};
    return names;
}

const NameSet& otherApplicationChildren() {
    static const NameSet names = {"meta-data",           "uses-library",     "uses-native-library",
                                  "uses-static-library", "uses-sdk-library", "uses-package",
                                  "profileable",         "property",         "library",
                                  "static-library",      "sdk-library",      "processes",
                                  "apex-system-service", "receiver-alias"};
    return names;
}

const NameSet& otherComponentChildren() {
    static const NameSet names = {"meta-data", "layout", "grant-uri-permission", "path-permission",
                                  "property"};
    return names;
}

const NameSet& otherFilterChildren() {
    static const NameSet names = {"uri-relative-filter-group"};
    return names;
}

const NameSet& attributesFor(ComponentKind kind) {
    switch (kind) {
        case ComponentKind::Activity:
            return activityAttributes();
        case ComponentKind::ActivityAlias:
            return activityAliasAttributes();
        case ComponentKind::Service:
            return serviceAttributes();
        case ComponentKind::Receiver:
            return receiverAttributes();
        case ComponentKind::Provider:
            return providerAttributes();
    }
    return activityAttributes();
}

// The prefixes bound to the android and tools namespaces where an element sits.
struct Namespaces {
    std::string_view android;
    std::string_view tools;
};

std::string inQuotes(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string tagText(std::string_view tag) { return "<" + std::string(tag) + ">"; }

size_t utf16Length(std::string_view text) {
    size_t units = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80) units += (c >= 0xF0) ? 2 : 1;  // 4-byte sequences are pairs
    }
    return units;
}

// aapt's integer syntax: optional sign, decimal or 0x hex, surrounding whitespace allowed, 32 bits.
std::optional<int> parseAaptInteger(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    if (text.empty()) return std::nullopt;
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) return std::nullopt;
    long long value = 0;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
        text.remove_prefix(2);
        if (text.size() > 8) return std::nullopt;
        for (char c : text) {
            int digit;
            if (c >= '0' && c <= '9')
                digit = c - '0';
            else if (c >= 'a' && c <= 'f')
                digit = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                digit = c - 'A' + 10;
            else
                return std::nullopt;
            value = value * 16 + digit;
        }
        // Hex is read as the 32-bit pattern, so 0xffffffff is -1.
        value = static_cast<int32_t>(static_cast<uint32_t>(value));
        return static_cast<int>(negative ? -value : value);
    }
    if (text.size() > 10) return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    if (negative) value = -value;
    if (value < INT32_MIN || value > INT32_MAX) return std::nullopt;
    return static_cast<int>(value);
}

// aapt accepts these spellings for a boolean attribute.
std::optional<bool> parseAaptBool(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
    if (text == "true" || text == "TRUE" || text == "True") return true;
    if (text == "false" || text == "FALSE" || text == "False") return false;
    return std::nullopt;
}

// ":name" is private to the package (PackageParser.buildProcessName).
std::string expandProcessName(std::string_view packageName, std::string_view process) {
    if (!process.empty() && process.front() == ':') {
        return std::string(packageName) + std::string(process);
    }
    return std::string(process);
}

// A stand-in package for a manifest without one: the module folder's name, skipping the Gradle
// source-set folders ("app/src/main/AndroidManifest.xml" gives "app").
std::string derivePackageName(const std::string& sourceName) {
    std::filesystem::path dir = std::filesystem::path(sourceName).parent_path();
    static const std::set<std::string> kSourceSetFolders = {"main", "src", "debug", "release"};
    while (!dir.empty() && kSourceSetFolders.count(dir.filename().string()) > 0) {
        dir = dir.parent_path();
    }
    std::string name;
    for (char c : dir.filename().string()) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '_' || c == '.') {
            name += static_cast<char>(std::tolower(u));
        } else if (!name.empty() && name.back() != '_') {
            name += '_';
        }
    }
    if (name.empty() || name == "." || name == "..") name = "app";
    return "unnamed." + name;
}

// Android's rule for package names (PackageParser.validateName): dot-separated segments, each a
// letter followed by letters, digits or underscores, at least two of them. "android" itself is the
// one exception: the framework's own package.
bool isValidPackageName(std::string_view name) {
    if (name == "android") return true;
    size_t segments = 0;
    bool atSegmentStart = true;
    for (char c : name) {
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (atSegmentStart) {
            if (!letter) return false;
            atSegmentStart = false;
            ++segments;
        } else if (c == '.') {
            atSegmentStart = true;
        } else if (!letter && !(c >= '0' && c <= '9') && c != '_') {
            return false;
        }
    }
    return !atSegmentStart && segments >= 2;
}

// pugixml keeps an unknown entity ("&nbsp;") or a bare '&' as text, where XML (and so aapt)
// refuses the file. Finds the first such '&' outside comments, CDATA, PIs and the DOCTYPE.
struct BadReference {
    size_t offset;
    std::string_view text;  // "&" or "&name;"
    // A well-formed numeric reference to a character XML does not allow ("&#0;", "&#xD800;"):
    // pugixml would write it into the text as is (a NUL ends the string), expat refuses it.
    std::optional<uint32_t> forbiddenCharacter;
};

// XML 1.0's Char production: what a document may contain, written or by reference.
bool isXmlChar(uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

std::optional<BadReference> findBadReference(std::string_view text) {
    // Only an '&' can be reported, and most manifests have none: one memchr pass settles those
    // (the scan below was 9% of loading a 10,000-package device, issue 7).
    if (text.find('&') == std::string_view::npos) return std::nullopt;
    const auto skipTo = [&](size_t from, std::string_view end) {
        const size_t found = text.find(end, from);
        return found == std::string_view::npos ? text.size() : found + end.size();
    };
    size_t pos = 0;
    while ((pos = text.find_first_of("&<", pos)) != std::string_view::npos) {
        const std::string_view rest = text.substr(pos);
        if (rest.front() == '<') {
            if (rest.substr(0, 4) == "<!--") {
                pos = skipTo(pos + 4, "-->");
            } else if (rest.substr(0, 9) == "<![CDATA[") {
                pos = skipTo(pos + 9, "]]>");
            } else if (rest.substr(0, 2) == "<?") {
                pos = skipTo(pos + 2, "?>");
            } else if (rest.substr(0, 2) == "<!") {
                // A DOCTYPE, possibly with an internal subset in brackets.
                const size_t bracket = text.find_first_of("[>", pos);
                pos = bracket != std::string_view::npos && text[bracket] == '['
                          ? skipTo(skipTo(bracket, "]"), ">")
                          : skipTo(pos, ">");
            } else {
                ++pos;
            }
            continue;
        }
        size_t end = pos + 1;
        while (end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '#' ||
                text[end] == '_' || text[end] == '-' || text[end] == '.' || text[end] == ':')) {
            ++end;
        }
        const std::string_view name = text.substr(pos + 1, end - pos - 1);
        if (end >= text.size() || text[end] != ';' || name.empty()) {
            return BadReference{pos, text.substr(pos, 1)};
        }
        bool known =
            name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
        if (!known && name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            known = !digits.empty() && std::all_of(digits.begin(), digits.end(), [hex](char c) {
                return hex ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                           : (c >= '0' && c <= '9');
            });
        }
        if (!known) return BadReference{pos, text.substr(pos, end + 1 - pos), std::nullopt};
        if (name[0] == '#') {
            const bool hex = name[1] == 'x';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            uint64_t value = 0;
            for (char c : digits) {
                const int digit = std::isdigit(static_cast<unsigned char>(c))
                                      ? c - '0'
                                      : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
                value = value * (hex ? 16 : 10) + static_cast<uint64_t>(digit);
                if (value > 0x10FFFF) break;  // already out of Unicode; stop before overflowing
            }
            if (!isXmlChar(static_cast<uint32_t>(std::min<uint64_t>(value, 0x110000)))) {
                return BadReference{pos, text.substr(pos, end + 1 - pos),
                                    static_cast<uint32_t>(std::min<uint64_t>(value, 0x110000))};
            }
        }
        pos = end + 1;
    }
    return std::nullopt;
}

// The offset of the first "--" inside a comment (XML allows two hyphens only in the closing "-->",
// and not "--->"); pugixml accepts them, expat refuses the file. CDATA sections are skipped.
std::optional<size_t> findDoubleHyphenInComment(std::string_view text) {
    size_t pos = 0;
    while ((pos = text.find("<!", pos)) != std::string_view::npos) {
        if (text.substr(pos, 9) == "<![CDATA[") {
            const size_t end = text.find("]]>", pos + 9);
            if (end == std::string_view::npos) return std::nullopt;  // pugixml reports it
            pos = end + 3;
            continue;
        }
        if (text.substr(pos, 4) != "<!--") {
            pos += 2;
            continue;
        }
        const size_t end = text.find("-->", pos + 4);
        if (end == std::string_view::npos) return std::nullopt;  // unterminated: pugixml says so
        const size_t hyphens = text.find("--", pos + 4);
        if (hyphens < end) return hyphens;
        if (end > pos + 4 && text[end - 1] == '-') return end - 1;  // "--->"
        pos = end + 3;
    }
    return std::nullopt;
}

// The first byte from `from` on that XML 1.0 forbids: not UTF-8 (stray continuation bytes,
// truncated or overlong sequences, surrogates, above U+10FFFF), a control character other than
// tab, newline and carriage return, or U+FFFE/U+FFFF. pugixml keeps such bytes as they are; aapt's
// expat refuses the file ("not well-formed (invalid token)").
std::optional<size_t> firstForbiddenXmlByte(std::string_view text, size_t from) {
    for (size_t i = from; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x80) {
            ++i;
            continue;
        }
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\r') return i;
            ++i;
            continue;
        }
        size_t extra = 0;
        uint32_t codePoint = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            codePoint = c & 0x07;
        } else {
            return i;
        }
        if (i + extra >= text.size()) return i;
        for (size_t k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) return i;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        static constexpr uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
        if (codePoint < kSmallest[extra] || codePoint > 0x10FFFF ||
            (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint == 0xFFFE ||
            codePoint == 0xFFFF) {
            return i;
        }
        i += 1 + extra;
    }
    return std::nullopt;
}

// The innermost element still open at `offset`, found by re-reading the (well-formed) text before
// it: pugixml reports a mismatched end tag but not which element it should have closed.
struct OpenElement {
    size_t offset = 0;  // of its '<'
    std::string_view name;
};

std::optional<OpenElement> innermostOpenElement(std::string_view text, size_t offset) {
    std::vector<OpenElement> open;
    size_t pos = 0;
    const auto skipPast = [&](size_t from, std::string_view end) {
        const size_t found = text.find(end, from);
        return found == std::string_view::npos ? text.size() : found + end.size();
    };
    const auto isNameChar = [](char c) {
        return !std::isspace(static_cast<unsigned char>(c)) && c != '>' && c != '/';
    };
    while ((pos = text.find('<', pos)) != std::string_view::npos && pos < offset) {
        const std::string_view rest = text.substr(pos);
        if (rest.substr(0, 4) == "<!--") {
            pos = skipPast(pos + 4, "-->");
        } else if (rest.substr(0, 9) == "<![CDATA[") {
            pos = skipPast(pos + 9, "]]>");
        } else if (rest.substr(0, 2) == "<?") {
            pos = skipPast(pos + 2, "?>");
        } else if (rest.substr(0, 2) == "<!") {
            const size_t bracket = text.find_first_of("[>", pos);
            pos = bracket != std::string_view::npos && text[bracket] == '['
                      ? skipPast(skipPast(bracket, "]"), ">")
                      : skipPast(pos, ">");
        } else if (rest.substr(0, 2) == "</") {
            if (!open.empty()) open.pop_back();
            pos = skipPast(pos + 2, ">");
        } else {
            size_t end = pos + 1;
            while (end < text.size() && isNameChar(text[end])) ++end;
            const OpenElement element{pos, text.substr(pos + 1, end - pos - 1)};
            // Skip the attributes; a quoted value may hold '>'.
            char quote = 0;
            while (end < text.size() && (quote != 0 || text[end] != '>')) {
                if (quote == 0 && (text[end] == '"' || text[end] == '\'')) {
                    quote = text[end];
                } else if (text[end] == quote) {
                    quote = 0;
                }
                ++end;
            }
            if (end == text.size() || text[end - 1] != '/') open.push_back(element);
            pos = end + 1;
        }
    }
    if (open.empty()) return std::nullopt;
    return open.back();
}

constexpr const char* kLaunchModes[] = {"standard", "singleTop", "singleTask", "singleInstance",
                                        "singleInstancePerTask"};

class ManifestParser {
  public:
    ManifestParser(std::string_view text, const std::string& file, const ParseOptions& options)
        : m_text(text), m_file(file), m_options(options), m_lines(text) {}

    Result<Manifest> run();

  private:
    // ---- locations and diagnostics ----------------------------------------------------------
    SourceLocation locateOffset(size_t offset) const { return m_lines.locate(offset, m_file); }
    SourceLocation locatePointer(const char* p) const {
        const char* begin = m_buffer.data();
        if (p < begin || p > begin + m_buffer.size()) return SourceLocation{m_file, 0, 0};
        return locateOffset(static_cast<size_t>(p - begin) + m_bufferOffset);
    }
    // An element starts at its '<', one byte before the name pugixml points at.
    SourceLocation where(const pugi::xml_node& element) const {
        return locatePointer(element.name() - 1);
    }
    SourceLocation where(const pugi::xml_attribute& attribute) const {
        return locatePointer(attribute.name());
    }
    Error errorAt(SourceLocation location, std::string message) const {
        return makeError(std::move(location), std::move(message));
    }
    // A tolerable oddity: recorded, or fatal under --strict.
    Result<void> warn(SourceLocation location, std::string message) {
        if (m_options.strict) return makeError(std::move(location), std::move(message));
        m_manifest.diagnostics.push_back(
            {Diagnostic::Severity::Warning, std::move(location), std::move(message)});
        return ok();
    }

    // ---- namespaces and attributes ----------------------------------------------------------
    // An element's attributes, split once: every lookup below scans this instead of re-reading
    // (and re-measuring) pugixml's names.
    struct AttributeEntry {
        std::string_view name;    // as written: "android:name"
        std::string_view prefix;  // "android", or empty
        std::string_view local;   // "name"
        pugi::xml_attribute attribute;
    };
    const std::vector<AttributeEntry>& entriesOf(const pugi::xml_node& element) const;

    Namespaces namespacesOf(const pugi::xml_node& element, Namespaces inherited) const;
    pugi::xml_attribute androidAttribute(const pugi::xml_node& element, const Namespaces& ns,
                                         std::string_view localName) const;
    bool isRemovedByMerger(const pugi::xml_node& element, const Namespaces& ns) const;
    bool isPrefixDeclared(const pugi::xml_node& element, std::string_view prefix) const;
    Result<void> checkAttributes(const pugi::xml_node& element, const Namespaces& ns,
                                 const NameSet& known, const NameSet* aliasIgnored = nullptr);
    Result<void> checkChildCount(const pugi::xml_node& parent, const pugi::xml_node& child,
                                 std::map<std::string_view, size_t>& counts) const;

    Result<std::string> substitutePlaceholders(const pugi::xml_attribute& attribute,
                                               std::string_view raw);
    Result<std::optional<std::string>> stringAttribute(const pugi::xml_node& element,
                                                       const Namespaces& ns,
                                                       std::string_view localName);
    // The attribute's text with placeholders substituted: a view of pugixml's value, or of
    // `scratch` when a placeholder was replaced.
    Result<std::string_view> rawValue(const pugi::xml_attribute& attribute, std::string& scratch);
    Result<std::optional<bool>> boolAttribute(const pugi::xml_node& element, const Namespaces& ns,
                                              std::string_view localName);
    Result<std::optional<int>> intAttribute(const pugi::xml_node& element, const Namespaces& ns,
                                            std::string_view localName);
    Result<std::string> requiredNonEmpty(const pugi::xml_node& element, const Namespaces& ns,
                                         std::string_view localName);
    // Follows an @type/name reference into res/values; nullptr when it cannot be resolved.
    Result<const std::string*> resolveReference(std::string_view reference, std::string_view type);
    // res/values next to the manifest, read at the first reference.
    Result<const ResourceValues*> resources();
    Result<void> warnUnresolved(const pugi::xml_node& element, const pugi::xml_attribute& attribute,
                                std::string_view value, std::string_view consequence);

    // ---- elements ---------------------------------------------------------------------------
    Result<void> checkShape(const pugi::xml_node& root);
    Result<void> checkWellFormed(const pugi::xml_node& element,
                                 const std::vector<std::string_view>& rootPrefixes) const;
    Result<void> checkXmlDeclaration(const pugi::xml_node& declaration) const;
    Result<void> parseRoot(const pugi::xml_node& root);
    Result<void> parseUsesSdk(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseUsesPermission(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseQueries(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseQueriesIntent(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseApplication(const pugi::xml_node& element, const Namespaces& ns);
    Result<void> parseComponent(const pugi::xml_node& element, const Namespaces& ns,
                                ComponentKind kind);
    Result<void> parseIntentFilter(const pugi::xml_node& element, const Namespaces& ns,
                                   Component& component);
    // The <action>, <category> and <data> children of an <intent-filter> or a queries <intent>.
    Result<void> parseFilterChildren(const pugi::xml_node& element, const Namespaces& ns,
                                     IntentFilter& filter);
    Result<void> parseActionOrCategory(const pugi::xml_node& element, const Namespaces& ns,
                                       std::vector<std::string>& names);
    Result<void> parseData(const pugi::xml_node& element, const Namespaces& ns,
                           IntentFilter& filter);
    Result<void> addPattern(const pugi::xml_node& element, const Namespaces& ns,
                            std::string_view localName, PatternKind kind,
                            std::vector<PatternMatcher>& into);

    std::string_view m_text;
    const std::string& m_file;
    const ParseOptions& m_options;
    LineIndex m_lines;
    std::string m_buffer;       // pugixml parses in place so names point at their offsets
    size_t m_bufferOffset = 0;  // bytes skipped before m_buffer (a UTF-8 byte order mark)
    Manifest m_manifest;
    std::string m_namespace;  // what relative class names expand against
    std::map<std::string, std::string, std::less<>> m_placeholders;
    std::set<std::string, std::less<>> m_warnedPlaceholders;
    std::optional<ResourceValues> m_resources;
    bool m_warnedMissingResources = false;
    bool m_sawApplication = false;
    struct PendingAlias {
        size_t index;                // into m_manifest.components
        SourceLocation targetWhere;  // its android:targetActivity attribute
    };
    std::vector<PendingAlias> m_aliases;
    bool m_declaredPackage = false;  // the manifest has its own package attribute

    Result<void> resolveAliases();

    // One slot per nesting level in practice (manifest, application, component, filter, child).
    struct AttributeCacheSlot {
        pugi::xml_node node;
        std::vector<AttributeEntry> entries;
    };
    mutable std::array<AttributeCacheSlot, 8> m_attributeCache;
    mutable size_t m_nextCacheSlot = 0;
};

const std::vector<ManifestParser::AttributeEntry>& ManifestParser::entriesOf(
    const pugi::xml_node& element) const {
    for (const AttributeCacheSlot& slot : m_attributeCache) {
        if (slot.node == element) return slot.entries;
    }
    AttributeCacheSlot& slot = m_attributeCache[m_nextCacheSlot++ % m_attributeCache.size()];
    slot.node = element;
    slot.entries.clear();
    for (pugi::xml_attribute attribute : element.attributes()) {
        const std::string_view name = attribute.name();
        const size_t colon = name.find(':');
        slot.entries.push_back(
            colon == std::string_view::npos
                ? AttributeEntry{name, {}, name, attribute}
                : AttributeEntry{name, name.substr(0, colon), name.substr(colon + 1), attribute});
    }
    return slot.entries;
}

Namespaces ManifestParser::namespacesOf(const pugi::xml_node& element, Namespaces inherited) const {
    for (const AttributeEntry& entry : entriesOf(element)) {
        if (entry.prefix != "xmlns") continue;
        const std::string_view uri = entry.attribute.value();
        if (uri == kAndroidNamespace) inherited.android = entry.local;
        if (uri == kToolsNamespace) inherited.tools = entry.local;
    }
    return inherited;
}

pugi::xml_attribute ManifestParser::androidAttribute(const pugi::xml_node& element,
                                                     const Namespaces& ns,
                                                     std::string_view localName) const {
    if (ns.android.empty()) return {};
    for (const AttributeEntry& entry : entriesOf(element)) {
        if (entry.local == localName && entry.prefix == ns.android) return entry.attribute;
    }
    return {};
}

bool ManifestParser::isPrefixDeclared(const pugi::xml_node& element,
                                      std::string_view prefix) const {
    if (prefix == "xml") return true;  // bound by XML itself
    const std::string declaration = "xmlns:" + std::string(prefix);
    for (pugi::xml_node node = element; node.type() == pugi::node_element; node = node.parent()) {
        if (node.attribute(declaration.c_str())) return true;
    }
    return false;
}

bool ManifestParser::isRemovedByMerger(const pugi::xml_node& element, const Namespaces& ns) const {
    // tools:node="remove" deletes the element from the merged manifest, so the device never
    // sees it; every other tools: attribute only steers the merge and is ignored.
    if (ns.tools.empty()) return false;
    for (const AttributeEntry& entry : entriesOf(element)) {
        if (entry.local == "node" && entry.prefix == ns.tools) {
            const std::string_view mode = entry.attribute.value();
            return mode == "remove" || mode == "removeAll";
        }
    }
    return false;
}

Result<void> ManifestParser::checkAttributes(const pugi::xml_node& element, const Namespaces& ns,
                                             const NameSet& known, const NameSet* aliasIgnored) {
    const std::string_view tag = element.name();
    const std::vector<AttributeEntry>& entries = entriesOf(element);
    // checkShape has already refused repeated attributes, undeclared prefixes and too many
    // attributes on every element (checkWellFormed).
    for (size_t index = 0; index < entries.size(); ++index) {
        const pugi::xml_attribute attribute = entries[index].attribute;
        const std::string_view name = entries[index].name;
        const std::string_view prefix = entries[index].prefix;
        const std::string_view local = entries[index].local;
        if (name == "xmlns" || prefix == "xmlns") continue;
        if (prefix.empty()) {
            if (tag == "manifest") {
                static const NameSet kPlain = {"package",
                                               "coreApp",
                                               "split",
                                               "featureSplit",
                                               "configForSplit",
                                               "isFeatureSplit",
                                               "platformBuildVersionCode",
                                               "platformBuildVersionName"};
                if (kPlain.count(name) > 0) continue;
            }
            if (auto r =
                    warn(where(attribute), tagText(tag) + " attribute " + inQuotes(name) +
                                               " has no namespace and is ignored; Android reads " +
                                               inQuotes("android:" + std::string(name)));
                !r) {
                return r;
            }
            continue;
        }
        if (prefix != ns.android) continue;  // tools: and other namespaces are not Android's
        if (known.count(local) > 0) continue;
        std::string message =
            aliasIgnored != nullptr && aliasIgnored->count(local) > 0
                ? tagText(tag) + " attribute " + inQuotes(name) +
                      " is ignored: an alias takes it from its target activity"
                : "unknown attribute " + inQuotes(name) + " on " + tagText(tag) + "; ignored";
        if (auto r = warn(where(attribute), std::move(message)); !r) return r;
    }
    return ok();
}

Result<void> ManifestParser::checkChildCount(const pugi::xml_node& parent,
                                             const pugi::xml_node& child,
                                             std::map<std::string_view, size_t>& counts) const {
    const std::string_view parentTag = parent.name();
    const std::string_view childTag = child.name();
    const std::optional<size_t> most = limits::maxChildren(parentTag, childTag);
    if (!most) return ok();
    if (++counts[childTag] > *most) {
        return errorAt(where(child), tagText(parentTag) + " has more than " +
                                         std::to_string(*most) + " " + tagText(childTag) +
                                         " elements, the most Android accepts");
    }
    return ok();
}

Result<std::string> ManifestParser::substitutePlaceholders(const pugi::xml_attribute& attribute,
                                                           std::string_view raw) {
    std::string out;
    size_t pos = 0;
    while (true) {
        const size_t open = raw.find("${", pos);
        const size_t close = open == std::string_view::npos ? open : raw.find('}', open + 2);
        if (close == std::string_view::npos) {
            out.append(raw.substr(pos));
            return out;
        }
        out.append(raw.substr(pos, open - pos));
        const std::string_view key = raw.substr(open + 2, close - open - 2);
        auto it = m_placeholders.find(key);
        if (it != m_placeholders.end()) {
            out += it->second;
        } else {
            // Kept verbatim so the reader sees what is missing; warned once per key.
            out.append(raw.substr(open, close + 1 - open));
            if (m_warnedPlaceholders.insert(std::string(key)).second) {
                if (auto r = warn(where(attribute),
                                  "placeholder " + inQuotes(raw.substr(open, close + 1 - open)) +
                                      " has no value; kept as written");
                    !r) {
                    return r.error();
                }
            }
        }
        pos = close + 1;
    }
}

Result<const ResourceValues*> ManifestParser::resources() {
    if (!m_resources) {
        m_resources = ResourceValues::loadNextTo(std::filesystem::path(m_file));
        // A broken values file costs labels, not the manifest: warnings.
        for (const Diagnostic& warning : m_resources->warnings()) {
            if (auto r = warn(warning.where, warning.message); !r) return r.error();
        }
    }
    return &*m_resources;
}

Result<const std::string*> ManifestParser::resolveReference(std::string_view reference,
                                                            std::string_view type) {
    Result<const ResourceValues*> values = resources();
    if (!values) return values.error();
    const std::string prefix = "@" + std::string(type) + "/";
    // Resource values may themselves point at other values; a few hops is all real apps use.
    for (int hop = 0; hop < 8; ++hop) {
        if (reference.substr(0, prefix.size()) != prefix) return nullptr;
        const std::string_view name = reference.substr(prefix.size());
        const std::string* found = type == "string" ? (*values)->findString(name)
                                   : type == "bool" ? (*values)->findBool(name)
                                                    : (*values)->findInteger(name);
        if (found == nullptr || found->empty() || found->front() != '@') return found;
        reference = *found;
    }
    return static_cast<const std::string*>(nullptr);
}

Result<void> ManifestParser::warnUnresolved(const pugi::xml_node& element,
                                            const pugi::xml_attribute& attribute,
                                            std::string_view value, std::string_view consequence) {
    Result<const ResourceValues*> values = resources();
    if (!values) return values.error();
    if ((*values)->files().empty()) {
        // Without any res/values every reference fails the same way: say it once.
        if (m_warnedMissingResources) return ok();
        m_warnedMissingResources = true;
        return warn(where(attribute),
                    tagText(element.name()) + " attribute " + inQuotes(attribute.name()) + " is " +
                        inQuotes(value) + ", but there is no res/values next to the manifest; " +
                        std::string(consequence) + " (later references are not reported)");
    }
    return warn(where(attribute), tagText(element.name()) + " attribute " +
                                      inQuotes(attribute.name()) + " is " + inQuotes(value) +
                                      ", which res/values does not define; " +
                                      std::string(consequence));
}

Result<std::string_view> ManifestParser::rawValue(const pugi::xml_attribute& attribute,
                                                  std::string& scratch) {
    const std::string_view raw = attribute.value();
    if (raw.find("${") == std::string_view::npos) return raw;
    Result<std::string> substituted = substitutePlaceholders(attribute, raw);
    if (!substituted) return substituted.error();
    scratch = std::move(*substituted);
    return std::string_view(scratch);
}

Result<std::optional<std::string>> ManifestParser::stringAttribute(const pugi::xml_node& element,
                                                                   const Namespaces& ns,
                                                                   std::string_view localName) {
    pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
    if (!attribute) return std::optional<std::string>{};
    std::string scratch;
    Result<std::string_view> raw = rawValue(attribute, scratch);
    if (!raw) return raw.error();
    std::string value(*raw);

    if (!value.empty() && (value.front() == '@' || value.front() == '?')) {
        // A resource reference: aapt compiles it as a reference, not as text, so no escapes.
        if (value.substr(0, 8) == "@string/") {
            Result<const std::string*> text = resolveReference(value, "string");
            if (!text) return text.error();
            if (*text != nullptr) {
                value = **text;
            } else if (auto r = warnUnresolved(element, attribute, value, "kept as written"); !r) {
                return r.error();
            }
        }
    } else if (value.find('\\') != std::string::npos) {
        Result<UnescapedValue> unescaped = unescapeAttributeValue(value);
        if (!unescaped) {
            return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                                 inQuotes(attribute.name()) + " has an " +
                                                 unescaped.error().message);
        }
        if (!unescaped->unknownEscapes.empty()) {
            std::string escapes;
            for (char c : unescaped->unknownEscapes) {
                if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && !escapes.empty()) {
                    escapes += "', '";
                }
                if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) escapes += '\\';
                escapes += c;
            }
            if (auto r = warn(where(attribute),
                              tagText(element.name()) + " attribute " + inQuotes(attribute.name()) +
                                  " has escape '" + escapes +
                                  "', which aapt reads as the bare character: the device sees " +
                                  inQuotes(unescaped->text) + " (write '\\\\' for a backslash)");
                !r) {
                return r.error();
            }
        }
        value = std::move(unescaped->text);
    }

    const size_t most = limits::maxAttributeLength(localName);
    if (value.size() > most && utf16Length(value) > most) {
        return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                             inQuotes(attribute.name()) + " is " +
                                             std::to_string(utf16Length(value)) +
                                             " characters long, more than the " +
                                             std::to_string(most) + " Android accepts");
    }
    return std::optional<std::string>(std::move(value));
}

Result<std::optional<bool>> ManifestParser::boolAttribute(const pugi::xml_node& element,
                                                          const Namespaces& ns,
                                                          std::string_view localName) {
    pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
    if (!attribute) return std::optional<bool>{};
    std::string scratch;
    Result<std::string_view> raw = rawValue(attribute, scratch);
    if (!raw) return raw.error();
    const std::string_view value = *raw;
    if (!value.empty() && (value.front() == '@' || value.front() == '?')) {
        Result<const std::string*> resolved = resolveReference(value, "bool");
        if (!resolved) return resolved.error();
        if (*resolved != nullptr) {
            if (std::optional<bool> parsed = parseAaptBool(**resolved)) return parsed;
        }
        if (auto r = warnUnresolved(element, attribute, value, "treated as not written"); !r) {
            return r.error();
        }
        return std::optional<bool>{};
    }
    if (std::optional<bool> parsed = parseAaptBool(value)) return parsed;
    return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                         inQuotes(attribute.name()) +
                                         " must be 'true' or 'false', got " + inQuotes(value));
}

Result<std::optional<int>> ManifestParser::intAttribute(const pugi::xml_node& element,
                                                        const Namespaces& ns,
                                                        std::string_view localName) {
    pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
    if (!attribute) return std::optional<int>{};
    std::string scratch;
    Result<std::string_view> raw = rawValue(attribute, scratch);
    if (!raw) return raw.error();
    const std::string_view value = *raw;
    if (!value.empty() && (value.front() == '@' || value.front() == '?')) {
        Result<const std::string*> resolved = resolveReference(value, "integer");
        if (!resolved) return resolved.error();
        if (*resolved != nullptr) {
            if (std::optional<int> parsed = parseAaptInteger(**resolved)) return parsed;
        }
        if (auto r = warnUnresolved(element, attribute, value, "treated as not written"); !r) {
            return r.error();
        }
        return std::optional<int>{};
    }
    if (std::optional<int> parsed = parseAaptInteger(value)) return parsed;
    return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                         inQuotes(attribute.name()) + " must be an integer, got " +
                                         inQuotes(value));
}

Result<std::string> ManifestParser::requiredNonEmpty(const pugi::xml_node& element,
                                                     const Namespaces& ns,
                                                     std::string_view localName) {
    Result<std::optional<std::string>> value = stringAttribute(element, ns, localName);
    if (!value) return value.error();
    if (!*value) {
        return errorAt(where(element), tagText(element.name()) +
                                           " is missing required attribute 'android:" +
                                           std::string(localName) + "'");
    }
    if ((*value)->empty()) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
        return errorAt(where(attribute), tagText(element.name()) + " attribute " +
                                             inQuotes(attribute.name()) + " is empty");
    }
    return std::move(**value);
}

// Checks the caps of limits.h over the whole tree once, without recursion.
// What XML's namespaces and attribute rules demand of every element, including those Hearth
// ignores (an unknown element, an <activity> nested in an <activity>): expat checks them all, so
// aapt refuses such a file wherever the fault is.
Result<void> ManifestParser::checkWellFormed(
    const pugi::xml_node& element, const std::vector<std::string_view>& rootPrefixes) const {
    const auto declared = [&](std::string_view prefix) {
        // XML 1.0 namespaces cannot be undeclared, so a prefix bound on the root is bound below.
        return prefix == "xml" || prefix == "xmlns" ||
               std::find(rootPrefixes.begin(), rootPrefixes.end(), prefix) != rootPrefixes.end() ||
               isPrefixDeclared(element, prefix);
    };
    const auto undeclared = [&](const SourceLocation& at, std::string_view prefix) {
        return errorAt(at, "malformed XML: namespace prefix " + inQuotes(prefix) +
                               " is not declared" +
                               (prefix == "android" ? "; add xmlns:android=\"" +
                                                          std::string(kAndroidNamespace) +
                                                          "\" to <manifest>"
                                                    : std::string()));
    };
    // A qualified name has one colon at most ("a:b:c" is not a name to a namespace-aware parser).
    const auto badQName = [&](const SourceLocation& at, std::string_view name) {
        return errorAt(at, "malformed XML: " + inQuotes(name) +
                               " is not a valid name (a prefix, one ':', a local name)");
    };
    const std::string_view tag = element.name();
    if (const size_t colon = tag.find(':'); colon != std::string_view::npos) {
        if (tag.find(':', colon + 1) != std::string_view::npos || colon == 0 ||
            colon + 1 == tag.size()) {
            return badQName(where(element), tag);
        }
        if (!declared(tag.substr(0, colon))) return undeclared(where(element), tag.substr(0, colon));
    }
    // A set only for long lists: 65,535 attributes must not cost 2 billion compares.
    std::unordered_set<std::string_view> seen;
    size_t count = 0;
    for (const pugi::xml_attribute& attribute : element.attributes()) {
        if (++count > limits::kMaxAttributesPerElement) {
            return errorAt(where(attribute), tagText(tag) + " has more than " +
                                                 std::to_string(limits::kMaxAttributesPerElement) +
                                                 " attributes, the most an APK can hold");
        }
        const std::string_view name = attribute.name();
        bool repeated = false;
        if (count <= 16) {
            for (pugi::xml_attribute earlier = element.first_attribute(); earlier != attribute;
                 earlier = earlier.next_attribute()) {
                if (name == earlier.name()) repeated = true;
            }
        } else {
            if (count == 17) {
                for (pugi::xml_attribute a = element.first_attribute(); a != attribute;
                     a = a.next_attribute()) {
                    seen.insert(a.name());
                }
            }
            repeated = !seen.insert(name).second;
        }
        // pugixml does not reject a repeated attribute; XML (and aapt) does.
        if (repeated) {
            return errorAt(where(attribute), "malformed XML: " + tagText(tag) + " has attribute " +
                                                 inQuotes(name) + " twice");
        }
        if (const size_t colon = name.find(':'); colon != std::string_view::npos) {
            if (name.find(':', colon + 1) != std::string_view::npos || colon == 0 ||
                colon + 1 == name.size()) {
                return badQName(where(attribute), name);
            }
            if (!declared(name.substr(0, colon))) {
                return undeclared(where(attribute), name.substr(0, colon));
            }
        }
        // A raw '<' in a value: pugixml keeps it, XML does not ("&lt;" is how to write one).
        // In-place parsing leaves the value where it was written, quote just before it.
        const char* value = attribute.value();
        const char* begin = m_buffer.data();
        if (value > begin && value <= begin + m_buffer.size()) {
            const size_t start = static_cast<size_t>(value - begin) + m_bufferOffset;
            const char quote = m_text[start - 1];
            if (quote == '"' || quote == '\'') {
                const size_t end = std::min(m_text.find(quote, start), m_text.size());
                const size_t inValue = m_text.substr(start, end - start).find('<');
                if (inValue != std::string_view::npos) {
                    return errorAt(locateOffset(start + inValue),
                                   "malformed XML: '<' in the value of " + inQuotes(name) +
                                       "; write it as &lt;");
                }
            }
        }
    }
    return ok();
}

Result<void> ManifestParser::checkShape(const pugi::xml_node& root) {
    std::vector<std::string_view> rootPrefixes;
    for (const pugi::xml_attribute& attribute : root.attributes()) {
        const std::string_view name = attribute.name();
        if (name.substr(0, 6) == "xmlns:") rootPrefixes.push_back(name.substr(6));
    }
    size_t elements = 0;
    int depth = 1;
    pugi::xml_node node = root;
    while (node) {
        if (node.type() == pugi::node_element) {
            if (++elements > limits::kMaxXmlElements) {
                return errorAt(where(node), "the manifest has more than " +
                                                std::to_string(limits::kMaxXmlElements) +
                                                " elements, the most Hearth reads");
            }
            if (depth > limits::kMaxXmlDepth) {
                return errorAt(where(node), "elements nest more than " +
                                                std::to_string(limits::kMaxXmlDepth) +
                                                " deep, the most Hearth reads");
            }
            if (auto r = checkWellFormed(node, rootPrefixes); !r) return r;
        }
        if (node.type() == pugi::node_element && node.first_child()) {
            node = node.first_child();
            ++depth;
            continue;
        }
        while (node && node != root && !node.next_sibling()) {
            node = node.parent();
            --depth;
        }
        if (!node || node == root) break;
        node = node.next_sibling();
    }
    return ok();
}

Result<Manifest> ManifestParser::run() {
    m_manifest.file = m_file;
    if (m_text.size() > limits::kMaxManifestBytes) {
        return makeError(SourceLocation{m_file, 0, 0},
                         "the manifest is " + std::to_string(m_text.size()) +
                             " bytes, more than the " + std::to_string(limits::kMaxManifestBytes) +
                             " Hearth reads");
    }
    const auto startsWith = [&](std::string_view bytes) {
        return m_text.substr(0, bytes.size()) == bytes;
    };
    if (startsWith("\xFF\xFE") || startsWith("\xFE\xFF") ||
        startsWith(std::string_view("\0<", 2)) || startsWith(std::string_view("<\0", 2))) {
        return makeError(SourceLocation{m_file, 1, 1},
                         "the manifest is UTF-16 text; Hearth reads UTF-8 manifests");
    }
    if (startsWith("\xEF\xBB\xBF")) m_bufferOffset = 3;
    // Such a manifest could never be compiled into an APK, and its bytes would reach every
    // rendering of the model (nlohmann refuses to write them as JSON).
    if (const std::optional<size_t> bad = firstForbiddenXmlByte(m_text, m_bufferOffset)) {
        const auto byte = static_cast<unsigned char>(m_text[*bad]);
        static constexpr char kHex[] = "0123456789ABCDEF";
        const std::string hex = {'0', 'x', kHex[byte >> 4], kHex[byte & 0xF]};
        return errorAt(locateOffset(*bad),
                       byte < 0x20
                           ? "malformed XML: control character " + hex + " is not allowed in XML"
                           : "malformed XML: byte " + hex +
                                 " is not valid UTF-8 here; manifests are UTF-8 text");
    }
    m_buffer.assign(m_text.substr(m_bufferOffset));

    pugi::xml_document doc;
    // parse_default resolves only XML's predefined entities and character references; DOCTYPE
    // declarations are skipped and nothing external is ever fetched. parse_fragment keeps text
    // outside the root element, which pugixml would otherwise drop without a word.
    const pugi::xml_parse_result parsed = doc.load_buffer_inplace(
        m_buffer.data(), m_buffer.size(),
        pugi::parse_default | pugi::parse_fragment | pugi::parse_declaration | pugi::parse_pi,
        pugi::encoding_utf8);
    if (!parsed) {
        size_t offset = static_cast<size_t>(parsed.offset) + m_bufferOffset;
        if (parsed.status == pugi::status_end_element_mismatch) {
            size_t nameEnd = offset;
            while (nameEnd < m_text.size() && m_text[nameEnd] != '>' &&
                   !std::isspace(static_cast<unsigned char>(m_text[nameEnd]))) {
                ++nameEnd;
            }
            const std::string_view found = m_text.substr(offset, nameEnd - offset);
            if (offset >= 2 && m_text.substr(offset - 2, 2) == "</") offset -= 2;
            // pugixml reports a file that ends inside an element the same way.
            if (found.empty()) offset = m_text.size();
            if (std::optional<OpenElement> open = innermostOpenElement(m_text, offset)) {
                return errorAt(locateOffset(offset),
                               "malformed XML: expected </" + std::string(open->name) +
                                   "> to close " + tagText(open->name) + " from line " +
                                   std::to_string(locateOffset(open->offset).line) + ", found " +
                                   (found.empty() ? std::string("the end of the file")
                                                  : "</" + std::string(found) + ">"));
            }
        }
        return errorAt(locateOffset(offset), "malformed XML: " + text::lowerFirst(parsed.description()));
    }
    if (std::optional<BadReference> bad = findBadReference(m_text)) {
        if (bad->forbiddenCharacter) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", *bad->forbiddenCharacter);
            return errorAt(locateOffset(bad->offset),
                           "malformed XML: character reference " + inQuotes(bad->text) + " names " +
                               (*bad->forbiddenCharacter > 0x10FFFF
                                    ? std::string("no Unicode character")
                                    : std::string(code) + ", which XML does not allow"));
        }
        return errorAt(locateOffset(bad->offset),
                       bad->text == "&"
                           ? std::string("malformed XML: '&' must start a reference such as "
                                         "'&amp;'")
                           : "malformed XML: unknown entity " + inQuotes(bad->text) +
                                 "; XML predefines only &amp; &lt; &gt; &quot; &apos;");
    }
    if (const std::optional<size_t> hyphens = findDoubleHyphenInComment(m_text)) {
        return errorAt(locateOffset(*hyphens),
                       "malformed XML: '--' inside a comment; XML allows it only in the closing "
                       "'-->'");
    }
    // As a fragment pugixml accepts no root, several roots and text beside them; XML does not.
    pugi::xml_node root;
    for (pugi::xml_node top : doc.children()) {
        if (top.type() == pugi::node_declaration) {
            if (auto r = checkXmlDeclaration(top); !r) return r.error();
            continue;
        }
        if (top.type() == pugi::node_element) {
            if (!root) {
                root = top;
                continue;
            }
            return errorAt(where(top), "malformed XML: " + tagText(top.name()) +
                                           " after the root element " + tagText(root.name()));
        }
        if (top.type() == pugi::node_pcdata || top.type() == pugi::node_cdata) {
            std::string_view text = top.value();
            const size_t visible = text.find_first_not_of(" \t\r\n");
            if (visible == std::string_view::npos) continue;
            return errorAt(locatePointer(text.data() + visible),
                           std::string("malformed XML: text ") + (root ? "after" : "before") +
                               " the root element");
        }
    }
    if (!root) return errorAt(locateOffset(0), "malformed XML: no document element found");
    // pugixml drops text at the very end of the file ("</manifest>x" with no newline after it).
    if (const size_t lastTag = m_text.find_last_of('>'); lastTag != std::string_view::npos) {
        const size_t visible = m_text.find_first_not_of(" \t\r\n", lastTag + 1);
        if (visible != std::string_view::npos) {
            return errorAt(locateOffset(visible), "malformed XML: text after the root element");
        }
    }
    if (std::string_view(root.name()) != "manifest") {
        return errorAt(where(root),
                       "the root element must be <manifest>, found " + tagText(root.name()));
    }
    if (auto r = checkShape(root); !r) return r.error();
    if (auto r = parseRoot(root); !r) return r.error();
    return std::move(m_manifest);
}

// pugixml reads <?xml ...?> wherever it stands and with any pseudo-attributes; XML (and so aapt's
// expat) wants it first in the file, with version, then encoding, then standalone.
Result<void> ManifestParser::checkXmlDeclaration(const pugi::xml_node& declaration) const {
    const char* start = declaration.name() - 2;  // "<?xml": in-place parsing keeps the text
    if (start != m_buffer.data()) {
        return errorAt(locatePointer(start),
                       "malformed XML: the XML declaration must be the very first thing in the "
                       "file (not even white space before it)");
    }
    static constexpr std::array<std::string_view, 3> kOrder = {"version", "encoding", "standalone"};
    size_t next = 0;  // index in kOrder of the first pseudo-attribute still allowed
    for (const pugi::xml_attribute& attribute : declaration.attributes()) {
        const std::string_view name = attribute.name();
        const std::string_view value = attribute.value();
        const auto found =
            std::find(kOrder.begin() + static_cast<std::ptrdiff_t>(next), kOrder.end(), name);
        if (found == kOrder.end() || (next == 0 && found != kOrder.begin())) {
            return errorAt(where(attribute),
                           "malformed XML: unexpected " + inQuotes(name) +
                               " in the XML declaration, which holds version (first, required), "
                               "then encoding, then standalone");
        }
        next = static_cast<size_t>(found - kOrder.begin()) + 1;
        if (name == "version") {
            // expat checks only the characters (aapt accepts version="2.0", even version="").
            const bool valid = std::all_of(value.begin(), value.end(), [](char c) {
                return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
                       c == ':' || c == '-';
            });
            if (!valid) {
                return errorAt(where(attribute), "malformed XML: XML version " + inQuotes(value) +
                                                     " is not well-formed (such as \"1.0\")");
            }
        } else if (name == "encoding") {
            std::string lower(value);
            for (char& c : lower)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (lower == "utf-16") {
                return errorAt(where(attribute),
                               "the XML declaration says UTF-16, but the file is 8-bit text; "
                               "Hearth reads UTF-8 manifests");
            }
            const bool latin1 = lower == "iso-8859-1";
            if (lower != "utf-8" && lower != "us-ascii" && !latin1) {
                return errorAt(where(attribute), "malformed XML: unknown encoding " +
                                                     inQuotes(value) + "; manifests are UTF-8");
            }
            // ASCII text reads the same in Latin-1 and UTF-8; other bytes would not.
            if (latin1 && std::any_of(m_buffer.begin(), m_buffer.end(), [](char c) {
                    return static_cast<unsigned char>(c) >= 0x80;
                })) {
                return errorAt(where(attribute),
                               "the manifest declares ISO-8859-1 and holds non-ASCII bytes; "
                               "Hearth reads UTF-8 manifests (convert it, e.g. with iconv)");
            }
        } else if (value != "yes" && value != "no") {
            return errorAt(where(attribute),
                           "malformed XML: standalone must be \"yes\" or "
                           "\"no\", got " +
                               inQuotes(value));
        }
    }
    if (next == 0) {
        return errorAt(locatePointer(start),
                       "malformed XML: the XML declaration needs a version (<?xml "
                       "version=\"1.0\" encoding=\"utf-8\"?>)");
    }
    return ok();
}

Result<void> ManifestParser::parseRoot(const pugi::xml_node& root) {
    const Namespaces ns = namespacesOf(root, {});
    m_manifest.where = where(root);
    if (auto r = checkAttributes(root, ns, manifestAttributes()); !r) return r;

    // The package: the manifest's own attribute is the namespace relative class names expand
    // against; an explicit package option (Gradle's applicationId) names the installed package.
    m_placeholders.insert(m_options.placeholders.begin(), m_options.placeholders.end());
    const pugi::xml_attribute packageAttribute = root.attribute("package");
    std::string declared;
    if (packageAttribute) {
        Result<std::string> value =
            substitutePlaceholders(packageAttribute, packageAttribute.value());
        if (!value) return value.error();
        declared = std::move(*value);
        if (!declared.empty() && !isValidPackageName(declared)) {
            return errorAt(where(packageAttribute),
                           "<manifest> attribute 'package' must be a package name such as "
                           "'com.example.app', got " +
                               inQuotes(declared));
        }
    }
    if (m_options.packageName && !m_options.packageName->empty()) {
        m_manifest.packageName = *m_options.packageName;
        m_manifest.packageDerived = declared.empty();
    } else if (!declared.empty()) {
        m_manifest.packageName = declared;
    } else {
        m_manifest.packageName = derivePackageName(m_file);
        m_manifest.packageDerived = true;
        if (auto r = warn(where(root), "<manifest> has no 'package' attribute; using " +
                                           inQuotes(m_manifest.packageName) +
                                           " (give the package name to replace it)");
            !r) {
            return r;
        }
    }
    m_namespace = declared.empty() ? m_manifest.packageName : declared;
    m_declaredPackage = !declared.empty();
    // Gradle's manifest merger knows these two without being told.
    m_placeholders.try_emplace("applicationId", m_manifest.packageName);
    m_placeholders.try_emplace("packageName", m_manifest.packageName);

    std::map<std::string_view, size_t> counts;
    for (pugi::xml_node child : root.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(root, child, counts); !r) return r;
        const std::string_view tag = child.name();
        const bool usesPermission = tag == "uses-permission" ||
                                    tag == "uses-permission-sdk-23" ||
                                    tag == "uses-permission-sdk-m";
        if (tag != "application" && tag != "uses-sdk" && tag != "queries" && !usesPermission) {
            if (otherManifestChildren().count(tag) > 0) continue;
            if (auto r = warn(where(child),
                              "unknown element " + tagText(tag) + " in <manifest>; ignored");
                !r) {
                return r;
            }
            continue;
        }
        const Namespaces childNs = namespacesOf(child, ns);
        if (isRemovedByMerger(child, childNs)) continue;
        if (tag == "application") {
            if (m_sawApplication) {
                // PackageParser skips a second <application> with a log line.
                if (auto r = warn(where(child),
                                  "second <application> ignored: Android reads "
                                  "only the first");
                    !r) {
                    return r;
                }
                continue;
            }
            m_sawApplication = true;
            if (auto r = parseApplication(child, childNs); !r) return r;
        } else if (usesPermission) {
            if (auto r = parseUsesPermission(child, childNs); !r) return r;
        } else if (tag == "queries") {
            if (auto r = parseQueries(child, childNs); !r) return r;
        } else if (auto r = parseUsesSdk(child, childNs); !r) {
            return r;
        }
    }
    return ok();
}

Result<void> ManifestParser::parseUsesSdk(const pugi::xml_node& element, const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, usesSdkAttributes()); !r) return r;
    m_manifest.usesSdk = true;
    for (auto [localName, field] : {std::pair{"minSdkVersion", &m_manifest.minSdk},
                                    std::pair{"targetSdkVersion", &m_manifest.targetSdk}}) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
        if (!attribute) continue;
        std::string scratch;
        Result<std::string_view> raw = rawValue(attribute, scratch);
        if (!raw) return raw.error();
        if (std::optional<int> level = parseAaptInteger(*raw)) {
            *field = *level;
            continue;
        }
        // A preview codename ("Tiramisu") is legal but is not an API level.
        if (auto r = warn(where(attribute), "<uses-sdk> attribute " + inQuotes(attribute.name()) +
                                                " is " + inQuotes(*raw) +
                                                ", not an API level; left unset");
            !r) {
            return r;
        }
    }
    return ok();
}

Result<void> ManifestParser::parseApplication(const pugi::xml_node& element, const Namespaces& ns) {
    Application& application = m_manifest.application;
    application.where = where(element);
    if (auto r = checkAttributes(element, ns, applicationAttributes()); !r) return r;

    Result<std::optional<std::string>> label = stringAttribute(element, ns, "label");
    if (!label) return label.error();
    application.label = std::move(*label);
    Result<std::optional<std::string>> icon = stringAttribute(element, ns, "icon");
    if (!icon) return icon.error();
    application.icon = std::move(*icon);
    Result<std::optional<bool>> enabled = boolAttribute(element, ns, "enabled");
    if (!enabled) return enabled.error();
    application.enabled = enabled->value_or(true);
    Result<std::optional<std::string>> process = stringAttribute(element, ns, "process");
    if (!process) return process.error();
    if (*process) application.process = expandProcessName(m_manifest.packageName, **process);
    Result<std::optional<bool>> directBootAware = boolAttribute(element, ns, "directBootAware");
    if (!directBootAware) return directBootAware.error();
    application.directBootAware = directBootAware->value_or(false);
    // V-4: honoured for system apps only, but read on every package as Android reads it.
    Result<std::optional<bool>> forceQueryable = boolAttribute(element, ns, "forceQueryable");
    if (!forceQueryable) return forceQueryable.error();
    application.forceQueryable = forceQueryable->value_or(false);

    std::map<std::string_view, size_t> counts;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(element, child, counts); !r) return r;
        const std::string_view tag = child.name();
        if (std::optional<ComponentKind> kind = componentKindFromName(tag)) {
            const Namespaces childNs = namespacesOf(child, ns);
            if (isRemovedByMerger(child, childNs)) continue;
            if (auto r = parseComponent(child, childNs, *kind); !r) return r;
        } else if (otherApplicationChildren().count(tag) == 0) {
            if (auto r = warn(where(child),
                              "unknown element " + tagText(tag) + " in <application>; ignored");
                !r) {
                return r;
            }
        }
    }
    return resolveAliases();
}

Result<void> ManifestParser::resolveAliases() {
    // An alias runs its target with the target's settings (M-28). PackageParser looks the target
    // up among the activities (aliases included) parsed before the alias, yet real apps (Fenix,
    // Signal, K-9) declare aliases first and still install, so any activity of the manifest counts.
    for (const PendingAlias& pending : m_aliases) {
        Component& alias = m_manifest.components[pending.index];
        const Component* target = nullptr;
        for (const Component& candidate : m_manifest.components) {
            if ((candidate.kind == ComponentKind::Activity ||
                 candidate.kind == ComponentKind::ActivityAlias) &&
                candidate.name == alias.targetActivity && &candidate != &alias) {
                target = &candidate;
                break;
            }
        }
        if (target == nullptr) {
            std::string message = "<activity-alias> attribute 'android:targetActivity' names " +
                                  inQuotes(alias.targetActivity) +
                                  ", which is not an <activity> of this manifest";
            if (!m_manifest.packageDerived || m_declaredPackage) {
                return errorAt(pending.targetWhere, std::move(message));
            }
            // With a stand-in package a relative name cannot be trusted: the real one may match.
            message += " (relative names expand against the stand-in package)";
            if (auto r = warn(pending.targetWhere, std::move(message)); !r) return r;
            continue;
        }
        alias.process = target->process;
        alias.directBootAware = target->directBootAware;
        alias.excludeFromRecents = target->excludeFromRecents;
        alias.launchMode = target->launchMode;
    }
    return ok();
}

Result<void> ManifestParser::parseComponent(const pugi::xml_node& element, const Namespaces& ns,
                                            ComponentKind kind) {
    const bool isAlias = kind == ComponentKind::ActivityAlias;
    if (auto r = checkAttributes(element, ns, attributesFor(kind),
                                 isAlias ? &activityAttributes() : nullptr);
        !r) {
        return r;
    }
    Component component;
    component.kind = kind;
    component.where = where(element);

    Result<std::string> name = requiredNonEmpty(element, ns, "name");
    if (!name) return name.error();
    component.name = expandClassName(m_namespace, *name);

    Result<std::optional<std::string>> label = stringAttribute(element, ns, "label");
    if (!label) return label.error();
    component.label = std::move(*label);
    Result<std::optional<bool>> enabled = boolAttribute(element, ns, "enabled");
    if (!enabled) return enabled.error();
    component.enabled = enabled->value_or(true);
    Result<std::optional<bool>> exported = boolAttribute(element, ns, "exported");
    if (!exported) return exported.error();
    component.exportedExplicit = exported->has_value();
    Result<std::optional<std::string>> permission = stringAttribute(element, ns, "permission");
    if (!permission) return permission.error();
    component.permission = std::move(*permission);
    if (kind == ComponentKind::Provider) {
        // Android refuses the whole package without it ("<provider> does not include
        // authorities attribute", or "has empty authorities attribute"), and so does aapt.
        Result<std::string> authorities = requiredNonEmpty(element, ns, "authorities");
        if (!authorities) return authorities.error();
        component.authorities = std::move(*authorities);
    }

    if (isAlias) {
        Result<std::string> target = requiredNonEmpty(element, ns, "targetActivity");
        if (!target) return target.error();
        component.targetActivity = expandClassName(m_namespace, *target);
        // The target's settings are copied once every activity is known (resolveAliases).
        m_aliases.push_back(
            {m_manifest.components.size(), where(androidAttribute(element, ns, "targetActivity"))});
    } else {
        Result<std::optional<std::string>> process = stringAttribute(element, ns, "process");
        if (!process) return process.error();
        if (*process) component.process = expandProcessName(m_manifest.packageName, **process);
        Result<std::optional<bool>> directBootAware = boolAttribute(element, ns, "directBootAware");
        if (!directBootAware) return directBootAware.error();
        component.directBootAware = directBootAware->value_or(false);
    }
    if (kind == ComponentKind::Activity) {
        Result<std::optional<bool>> exclude = boolAttribute(element, ns, "excludeFromRecents");
        if (!exclude) return exclude.error();
        component.excludeFromRecents = exclude->value_or(false);
        if (const pugi::xml_attribute attribute = androidAttribute(element, ns, "launchMode")) {
            std::string scratch;
            Result<std::string_view> launchMode = rawValue(attribute, scratch);
            if (!launchMode) return launchMode.error();
            const auto known =
                std::find(std::begin(kLaunchModes), std::end(kLaunchModes), *launchMode);
            if (known == std::end(kLaunchModes)) {
                return errorAt(where(attribute),
                               "<activity> attribute " + inQuotes(attribute.name()) +
                                   " must be one of 'standard', 'singleTop', 'singleTask', "
                                   "'singleInstance', 'singleInstancePerTask', got " +
                                   inQuotes(*launchMode));
            }
            component.launchMode = std::string(*launchMode);
        }
    }

    std::map<std::string_view, size_t> counts;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(element, child, counts); !r) return r;
        const std::string_view tag = child.name();
        if (tag == "intent-filter") {
            const Namespaces childNs = namespacesOf(child, ns);
            if (isRemovedByMerger(child, childNs)) continue;
            if (auto r = parseIntentFilter(child, childNs, component); !r) return r;
        } else if (otherComponentChildren().count(tag) == 0) {
            if (auto r = warn(where(child), "unknown element " + tagText(tag) + " in " +
                                                tagText(element.name()) + "; ignored");
                !r) {
                return r;
            }
        }
    }

    // Android's default: a provider is exported when the package targets API < 17 (the target
    // known at this point of the document, as ParsedProviderUtils reads it), any other component
    // exactly when some filter survived parsing.
    const bool exportedByDefault = kind == ComponentKind::Provider
                                       ? m_manifest.effectiveTargetSdk() < 17
                                       : !component.filters.empty();
    component.exported = exported->value_or(exportedByDefault);
    if (!component.exportedExplicit && !component.filters.empty() &&
        m_manifest.targetSdk.value_or(0) >= 31) {
        if (auto r = warn(component.where,
                          tagText(element.name()) + " " + inQuotes(component.name) +
                              " has an <intent-filter> but no 'android:exported'; Android 12 "
                              "refuses to install it when targetSdkVersion is 31 or more");
            !r) {
            return r;
        }
    }
    m_manifest.components.push_back(std::move(component));
    return ok();
}

Result<void> ManifestParser::parseIntentFilter(const pugi::xml_node& element, const Namespaces& ns,
                                               Component& component) {
    if (auto r = checkAttributes(element, ns, intentFilterAttributes()); !r) return r;
    IntentFilter filter;
    filter.where = where(element);
    Result<std::optional<int>> priority = intAttribute(element, ns, "priority");
    if (!priority) return priority.error();
    filter.priority = priority->value_or(0);
    Result<std::optional<int>> order = intAttribute(element, ns, "order");
    if (!order) return order.error();
    filter.order = order->value_or(0);
    Result<std::optional<bool>> autoVerify = boolAttribute(element, ns, "autoVerify");
    if (!autoVerify) return autoVerify.error();
    filter.autoVerify = autoVerify->value_or(false);
    if (auto r = parseFilterChildren(element, ns, filter); !r) return r;

    if (filter.actions.empty()) {
        // Activities and receivers drop an action-less filter (PackageParser logs "No actions
        // in intent filter"); services and providers keep it, though it matches no action (M-3).
        const bool dropped =
            component.kind != ComponentKind::Service && component.kind != ComponentKind::Provider;
        if (auto r = warn(filter.where,
                          dropped ? "<intent-filter> has no <action>, so Android drops it"
                                  : "<intent-filter> has no <action>, so it matches only intents "
                                    "without one");
            !r) {
            return r;
        }
        if (dropped) return ok();
    }
    component.filters.push_back(std::move(filter));
    return ok();
}

Result<void> ManifestParser::parseFilterChildren(const pugi::xml_node& element,
                                                 const Namespaces& ns, IntentFilter& filter) {
    std::map<std::string_view, size_t> counts;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        if (auto r = checkChildCount(element, child, counts); !r) return r;
        const Namespaces childNs = namespacesOf(child, ns);
        if (isRemovedByMerger(child, childNs)) continue;
        const std::string_view tag = child.name();
        Result<void> handled = ok();
        if (tag == "action") {
            handled = parseActionOrCategory(child, childNs, filter.actions);
        } else if (tag == "category") {
            handled = parseActionOrCategory(child, childNs, filter.categories);
        } else if (tag == "data") {
            handled = parseData(child, childNs, filter);
        } else if (otherFilterChildren().count(tag) == 0) {
            handled = warn(where(child), "unknown element " + tagText(tag) + " in " +
                                             tagText(element.name()) + "; ignored");
        }
        if (!handled) return handled;
    }
    return ok();
}

Result<void> ManifestParser::parseActionOrCategory(const pugi::xml_node& element,
                                                   const Namespaces& ns,
                                                   std::vector<std::string>& names) {
    if (auto r = checkAttributes(element, ns, nameOnlyAttributes()); !r) return r;
    // An empty name fails the whole package (M-25).
    Result<std::string> name = requiredNonEmpty(element, ns, "name");
    if (!name) return name.error();
    if (std::find(names.begin(), names.end(), *name) != names.end()) {
        // IntentFilter.addAction/addCategory keep one copy.
        return warn(where(element), "duplicate " + tagText(element.name()) + " " + inQuotes(*name) +
                                        " in this " + tagText(element.parent().name()) +
                                        "; Android keeps one");
    }
    // A name one edit away from one Android defines is almost always a typo that silently
    // matches nothing (issue 15).
    const bool isAction = std::string_view(element.name()) == "action";
    if (const std::optional<std::string_view> meant =
            nearestName(*name, isAction ? wellKnownActions() : wellKnownCategories())) {
        if (auto r = warn(where(androidAttribute(element, ns, "name")),
                          tagText(element.name()) + " " + inQuotes(*name) + " is not " +
                              (isAction ? "an action" : "a category") +
                              " Android defines; did you mean " + inQuotes(*meant) + "?");
            !r) {
            return r;
        }
    }
    names.push_back(std::move(*name));
    return ok();
}

// <uses-permission>: only the name matters to resolution (V-2 reads QUERY_ALL_PACKAGES). Android
// skips one without a name, or whose name is a resource reference (getNonResourceString), and
// keeps each name once.
Result<void> ManifestParser::parseUsesPermission(const pugi::xml_node& element,
                                                 const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, usesPermissionAttributes()); !r) return r;
    const pugi::xml_attribute nameAttribute = androidAttribute(element, ns, "name");
    if (!nameAttribute) {
        return warn(where(element), tagText(element.name()) +
                                        " has no 'android:name'; Android ignores it");
    }
    std::string scratch;
    Result<std::string_view> raw = rawValue(nameAttribute, scratch);
    if (!raw) return raw.error();
    if (!raw->empty() && (raw->front() == '@' || raw->front() == '?')) {
        return warn(where(nameAttribute),
                    tagText(element.name()) + " attribute " + inQuotes(nameAttribute.name()) +
                        " is a resource reference, which Android does not read here; ignored");
    }
    Result<std::optional<std::string>> name = stringAttribute(element, ns, "name");
    if (!name) return name.error();
    Result<std::optional<int>> maxSdk = intAttribute(element, ns, "maxSdkVersion");
    if (!maxSdk) return maxSdk.error();
    if (m_manifest.requestsPermission(**name)) return ok();
    UsesPermission permission;
    permission.name = std::move(**name);
    // maxSdkVersion 0 means "no limit" to Android.
    if (*maxSdk && **maxSdk != 0) permission.maxSdkVersion = **maxSdk;
    permission.sdk23 = std::string_view(element.name()) != "uses-permission";
    permission.where = where(element);
    m_manifest.usesPermissions.push_back(std::move(permission));
    return ok();
}

// <queries> (ParsingPackageUtils.parseQueries): <package>, <intent> and <provider>; several
// <queries> elements add up.
Result<void> ManifestParser::parseQueries(const pugi::xml_node& element, const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, {}); !r) return r;
    Queries& queries = m_manifest.queries;
    for (pugi::xml_node child : element.children()) {
        if (child.type() != pugi::node_element) continue;
        const Namespaces childNs = namespacesOf(child, ns);
        if (isRemovedByMerger(child, childNs)) continue;
        const std::string_view tag = child.name();
        if (tag == "intent") {
            if (auto r = parseQueriesIntent(child, childNs); !r) return r;
        } else if (tag == "package") {
            if (auto r = checkAttributes(child, childNs, nameOnlyAttributes()); !r) return r;
            // Android: "Package name is missing from package tag."
            Result<std::string> name = requiredNonEmpty(child, childNs, "name");
            if (!name) return name.error();
            queries.packages.push_back(std::move(*name));
        } else if (tag == "provider") {
            if (auto r = checkAttributes(child, childNs, queriesProviderAttributes()); !r) return r;
            // Android: "Authority missing from provider tag."
            Result<std::string> authorities = requiredNonEmpty(child, childNs, "authorities");
            if (!authorities) return authorities.error();
            // StringTokenizer: empty pieces between ';' are skipped.
            std::string_view rest = *authorities;
            while (!rest.empty()) {
                const size_t semicolon = std::min(rest.find(';'), rest.size());
                if (semicolon > 0) queries.providerAuthorities.emplace_back(rest.substr(0, semicolon));
                rest.remove_prefix(std::min(semicolon + 1, rest.size()));
            }
        } else if (auto r = warn(where(child),
                                 "unknown element " + tagText(tag) + " in <queries>; ignored");
                   !r) {
            return r;
        }
    }
    return ok();
}

// A queries <intent> is read like an <intent-filter> (every check of its children applies), then
// reduced to one probe intent; more than one action, type, scheme or host fails the package.
Result<void> ManifestParser::parseQueriesIntent(const pugi::xml_node& element,
                                                const Namespaces& ns) {
    if (auto r = checkAttributes(element, ns, intentFilterAttributes()); !r) return r;
    IntentFilter filter;
    if (auto r = parseFilterChildren(element, ns, filter); !r) return r;
    const SourceLocation at = where(element);
    const auto refuse = [&](std::string what, const char* android) {
        return errorAt(at, "<intent> in <queries> " + what + "; Android refuses the package ('" +
                               android + "')");
    };
    if (filter.actions.empty() && filter.schemes.empty() && filter.types.empty()) {
        return refuse("needs an <action>, or a <data> with a scheme or a mimeType",
                      "intent tags must contain either an action or data.");
    }
    const auto most = [&](size_t count, const char* what, const char* android) {
        return count > 1 ? refuse("has " + std::to_string(count) + " " + what +
                                      ", more than the one Android accepts",
                                  android)
                         : Result<void>(ok());
    };
    if (auto r = most(filter.actions.size(), "actions", "intent tag may have at most one action.");
        !r) {
        return r;
    }
    if (auto r = most(filter.types.size(), "data types",
                      "intent tag may have at most one data type.");
        !r) {
        return r;
    }
    if (auto r = most(filter.schemes.size(), "data schemes",
                      "intent tag may have at most one data scheme.");
        !r) {
        return r;
    }
    if (auto r = most(filter.authorities.size(), "data hosts",
                      "intent tag may have at most one data host.");
        !r) {
        return r;
    }
    QueriesIntent intent;
    if (!filter.actions.empty()) intent.action = filter.actions.front();
    intent.categories = std::move(filter.categories);
    if (!filter.schemes.empty()) intent.scheme = filter.schemes.front();
    if (!filter.authorities.empty()) intent.host = filter.authorities.front().host;
    // Android stores "image/*" as "image" and adds the "/*" back here; the model keeps it whole.
    if (!filter.types.empty()) intent.mimeType = filter.types.front();
    intent.where = at;
    m_manifest.queries.intents.push_back(std::move(intent));
    return ok();
}

Result<void> ManifestParser::addPattern(const pugi::xml_node& element, const Namespaces& ns,
                                        std::string_view localName, PatternKind kind,
                                        std::vector<PatternMatcher>& into) {
    Result<std::optional<std::string>> value = stringAttribute(element, ns, localName);
    if (!value) return value.error();
    if (!*value) return ok();
    Result<PatternMatcher> matcher = PatternMatcher::create(kind, std::move(**value));
    if (!matcher) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, localName);
        return errorAt(where(attribute), "<data> attribute " + inQuotes(attribute.name()) + ": " +
                                             matcher.error().message);
    }
    into.push_back(std::move(*matcher));
    return ok();
}

Result<void> ManifestParser::parseData(const pugi::xml_node& element, const Namespaces& ns,
                                       IntentFilter& filter) {
    if (auto r = checkAttributes(element, ns, dataAttributes()); !r) return r;
    // Every attribute joins the filter on its own, so several <data> elements combine as a
    // cross product (M-26).
    Result<std::optional<std::string>> mimeType = stringAttribute(element, ns, "mimeType");
    if (!mimeType) return mimeType.error();
    if (*mimeType) {
        Result<std::string> type = validateMimeType(**mimeType);
        if (!type) {
            const pugi::xml_attribute attribute = androidAttribute(element, ns, "mimeType");
            // M-19: IntentFilter.addDataType refuses it, and with it the whole package.
            return errorAt(where(attribute), "<data> attribute " + inQuotes(attribute.name()) +
                                                 " must look like 'type/subtype', got " +
                                                 inQuotes(**mimeType));
        }
        if (std::find(filter.types.begin(), filter.types.end(), *type) == filter.types.end()) {
            filter.types.push_back(std::move(*type));
        }
    }
    Result<std::optional<std::string>> mimeGroup = stringAttribute(element, ns, "mimeGroup");
    if (!mimeGroup) return mimeGroup.error();
    if (*mimeGroup) filter.mimeGroups.push_back(std::move(**mimeGroup));

    Result<std::optional<std::string>> scheme = stringAttribute(element, ns, "scheme");
    if (!scheme) return scheme.error();
    if (*scheme &&
        std::find(filter.schemes.begin(), filter.schemes.end(), **scheme) == filter.schemes.end()) {
        filter.schemes.push_back(std::move(**scheme));
    }

    for (auto [localName, kind] :
         {std::pair{"ssp", PatternKind::Literal}, std::pair{"sspPrefix", PatternKind::Prefix},
          std::pair{"sspPattern", PatternKind::SimpleGlob},
          std::pair{"sspAdvancedPattern", PatternKind::AdvancedGlob},
          std::pair{"sspSuffix", PatternKind::Suffix}}) {
        if (auto r = addPattern(element, ns, localName, kind, filter.ssps); !r) return r;
    }

    Result<std::optional<std::string>> host = stringAttribute(element, ns, "host");
    if (!host) return host.error();
    Result<std::optional<std::string>> port = stringAttribute(element, ns, "port");
    if (!port) return port.error();
    if (*host) {
        FilterAuthority authority;
        authority.host = std::move(**host);
        authority.where = where(element);
        if (*port) {
            Result<int> number = parsePort(**port);
            if (!number) {
                const pugi::xml_attribute attribute = androidAttribute(element, ns, "port");
                // PackageParser reads the port with Integer.parseInt and fails the package.
                return errorAt(where(attribute), "<data> attribute " + inQuotes(attribute.name()) +
                                                     " must be a 32-bit whole number, got " +
                                                     inQuotes(**port));
            }
            authority.port = *number;
        }
        filter.authorities.push_back(std::move(authority));
    } else if (*port) {
        const pugi::xml_attribute attribute = androidAttribute(element, ns, "port");
        if (auto r = warn(where(attribute),
                          "<data> attribute " + inQuotes(attribute.name()) +
                              " is ignored: Android reads a port only with 'android:host' in "
                              "the same <data>");
            !r) {
            return r;
        }
    }

    for (auto [localName, kind] :
         {std::pair{"path", PatternKind::Literal}, std::pair{"pathPrefix", PatternKind::Prefix},
          std::pair{"pathPattern", PatternKind::SimpleGlob},
          std::pair{"pathAdvancedPattern", PatternKind::AdvancedGlob},
          std::pair{"pathSuffix", PatternKind::Suffix}}) {
        if (auto r = addPattern(element, ns, localName, kind, filter.paths); !r) return r;
    }
    return ok();
}

}  // namespace

Result<Manifest> parseManifest(std::string_view text, const std::string& sourceName,
                               const ParseOptions& options) {
    try {
        ManifestParser parser(text, sourceName, options);
        return parser.run();
    } catch (const std::exception& e) {
        // Only allocation failure can get here; it must not cross the API.
        return makeError(SourceLocation{sourceName, 0, 0},
                         std::string("cannot parse the manifest: ") + e.what());
    }
}

}  // namespace hearth

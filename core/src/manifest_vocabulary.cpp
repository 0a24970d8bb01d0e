// The android: vocabulary of the manifest elements Hearth models, and aapt's value spellings
// (manifest_vocabulary.h).

#include "manifest_vocabulary.h"

#include <cstdint>

namespace hearth::detail {

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
static void addComponentCommon(NameSet& names) {
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

}  // namespace hearth::detail

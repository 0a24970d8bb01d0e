#pragma once
// The manifest model: one package with its application and components, as the device's package
// manager sees it after aapt compiled the source (escapes resolved, class names expanded). Parsers
// for source XML and for APKs (binary AXML) produce the same model.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/intent_filter.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

enum class ComponentKind { Activity, ActivityAlias, Service, Receiver, Provider };

/// "activity", "activity-alias", "service", "receiver", "provider".
const char* componentKindName(ComponentKind kind);
/// Inverse of componentKindName; nullopt for anything else.
std::optional<ComponentKind> componentKindFromName(std::string_view name);

/// A `<tools:validation testUrl="..."/>` of an activity: Android Lint's deep-link test, a URL the
/// activity must handle (`hearth check` runs it). Only source manifests have them: the build
/// strips the tools namespace.
struct TestUrl {
    std::string url;
    SourceLocation where;  ///< the testUrl attribute
};

struct Component {
    ComponentKind kind = ComponentKind::Activity;
    std::string name;                      ///< fully qualified class name
    std::optional<std::string> label;
    /// android:icon as written ("@mipmap/ic_launcher"; an APK's reference by name, or "@0x7f..."
    /// when resources.arsc does not name it); unset: Android shows the application's icon.
    std::optional<std::string> icon;
    bool enabled = true;                   ///< android:enabled as declared
    /// Explicit value, else Android's default: a provider is exported when the package targets
    /// API < 17 (as known when it is parsed), any other component when it has a filter.
    bool exported = false;
    bool exportedExplicit = false;         ///< whether android:exported was written
    std::optional<std::string> permission;
    std::optional<std::string> process;    ///< as declared (expanded like Android: ":x" is private)
    bool directBootAware = false;
    bool excludeFromRecents = false;
    std::string launchMode = "standard";   ///< standard, singleTop, singleTask, singleInstance, ...
    std::string targetActivity;            ///< activity-alias only: fully qualified
    std::string authorities;               ///< provider only: android:authorities, ';'-separated
    std::vector<IntentFilter> filters;
    std::vector<TestUrl> testUrls;         ///< activity and activity-alias only
    SourceLocation where;
};

struct Application {
    std::optional<std::string> label;
    std::optional<std::string> icon;
    bool enabled = true;
    std::optional<std::string> process;
    bool directBootAware = false;
    bool forceQueryable = false;           ///< android:forceQueryable (system apps only, V-4)
    SourceLocation where;
};

/// One <uses-permission> (or <uses-permission-sdk-23>, <uses-permission-sdk-m>) with a name.
struct UsesPermission {
    std::string name;
    std::optional<int> maxSdkVersion;      ///< requested only on devices at or below this API
    bool sdk23 = false;                    ///< the -sdk-23/-sdk-m form: requested from API 23 on
    SourceLocation where;
};

/// One <queries><intent>, reduced as Android reduces it (ParsingPackageUtils.parseQueries, V-6):
/// at most one action, scheme, host and MIME type; categories kept.
struct QueriesIntent {
    std::optional<std::string> action;
    std::vector<std::string> categories;
    std::optional<std::string> scheme;
    std::optional<std::string> host;       ///< as written ("*.example.com" keeps its '*')
    std::optional<std::string> mimeType;   ///< as declared ("image/*" stays "image/*")
    SourceLocation where;

    /// The data URI of the probe intent Android builds: "scheme://host/*", "scheme:/*" without a
    /// host, "content://*/*" for a type alone, nullopt when there is neither scheme nor type.
    std::optional<std::string> dataUri() const;
    /// The probe intent itself: action, categories, dataUri() and mimeType.
    Intent probe() const;
};

/// <queries> (all of them, merged): what the package declares it wants to see (V-5..V-7).
struct Queries {
    std::vector<std::string> packages;             ///< <package android:name>, document order
    std::vector<QueriesIntent> intents;
    std::vector<std::string> providerAuthorities;  ///< <provider android:authorities>, split at ';'
};

/// What ties a package to others for package visibility (V-8): instrumentation, shared
/// libraries and permissions. Names as written, each once, document order.
struct PackageRelations {
    std::vector<std::string> instrumentationTargets;  ///< <instrumentation android:targetPackage>
    std::vector<std::string> usesLibraries;    ///< <uses-library>, <uses-static-library> names
    std::vector<std::string> libraries;        ///< <library>, <static-library> it provides
    std::vector<std::string> permissions;      ///< <permission android:name> it defines
};

struct Manifest {
    std::string packageName;
    bool packageDerived = false;           ///< no package attribute: taken from options or made up
    std::optional<int> minSdk;
    std::optional<int> targetSdk;
    bool usesSdk = false;                  ///< whether a <uses-sdk> element was read
    Application application;
    std::vector<Component> components;     ///< in document order
    std::vector<UsesPermission> usesPermissions;  ///< each name once, document order
    Queries queries;
    PackageRelations relations;            ///< V-8
    std::string file;                      ///< where it was read from
    SourceLocation where;                  ///< the <manifest> element
    std::vector<Diagnostic> diagnostics;   ///< warnings (errors stop the parse)

    /// The component with this fully qualified name, or nullptr.
    const Component* findComponent(std::string_view className) const;
    /// Whether some <uses-permission> names this permission (requested, not necessarily granted;
    /// V-2 reads QUERY_ALL_PACKAGES this way). maxSdkVersion is not applied.
    bool requestsPermission(std::string_view permission) const;
    /// minSdkVersion as Android reads it: 1 when unset.
    int effectiveMinSdk() const;
    /// targetSdkVersion as Android reads it: when unset, the minSdkVersion (1 when that is unset
    /// too); 0 when there is no <uses-sdk> at all (PackageParser's DEFAULT_TARGET_SDK_VERSION).
    /// Every rule that depends on the target reads it here.
    int effectiveTargetSdk() const;
};

struct ParseOptions {
    /// ${key} substitutions; "applicationId" defaults to the package.
    std::map<std::string, std::string> placeholders;
    /// Package to use when the manifest has no package attribute (or to override it).
    std::optional<std::string> packageName;
    /// Turn warnings into errors.
    bool strict = false;
    /// The device's API level: an APK's resource references resolve for it (values-v11 applies
    /// from API 11 on), as the device's own package parser resolves them. 34 is Device's default.
    int apiLevel = 34;
};

/// Parses AndroidManifest.xml source text. sourceName is used in locations and for finding
/// res/values/strings.xml next to the file (when it names a real path). Fails with one
/// "file:line:col: message" error; warnings land in Manifest::diagnostics.
[[nodiscard]] Result<Manifest> parseManifest(std::string_view text, const std::string& sourceName,
                                             const ParseOptions& options = {});

/// Parses an APK's binary manifest (and resources.arsc) from the archive's bytes.
[[nodiscard]] Result<Manifest> parseApk(std::string_view bytes, const std::string& sourceName,
                                        const ParseOptions& options = {});

/// Parses a compiled (binary XML) AndroidManifest.xml on its own, outside any APK: references
/// stay unresolved, since there is no resources.arsc to follow them in.
[[nodiscard]] Result<Manifest> parseBinaryManifest(std::string_view bytes,
                                                   const std::string& sourceName,
                                                   const ParseOptions& options = {});

/// An APK's (or a compiled) AndroidManifest.xml decoded to XML, what `aapt dump xmltree` shows
/// but in source form: references resolved for a device of `apiLevel`, each element on the line
/// its APK location names (element i, 1-based document order, on line i), indented by depth.
/// Fails with the reader's error ("app.apk: no AndroidManifest.xml in the archive", ...).
[[nodiscard]] Result<std::string> decodeManifestXml(const std::filesystem::path& path,
                                                    int apiLevel);

/// Reads a file and parses it by its bytes: a zip archive as an APK (whatever its extension), a
/// binary manifest as one, anything else as source XML.
[[nodiscard]] Result<Manifest> loadManifest(const std::filesystem::path& path,
                                            const ParseOptions& options = {});

/// Expands a class name as Android does: ".Foo" and "Foo" (no dot) are relative to the package.
std::string expandClassName(std::string_view packageName, std::string_view className);

}  // namespace hearth

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

struct Component {
    ComponentKind kind = ComponentKind::Activity;
    std::string name;                      ///< fully qualified class name
    std::optional<std::string> label;
    bool enabled = true;                   ///< android:enabled as declared
    bool exported = false;                 ///< explicit value, or true iff there is a filter
    bool exportedExplicit = false;         ///< whether android:exported was written
    std::optional<std::string> permission;
    std::optional<std::string> process;    ///< as declared (expanded like Android: ":x" is private)
    bool directBootAware = false;
    bool excludeFromRecents = false;
    std::string launchMode = "standard";   ///< standard, singleTop, singleTask, singleInstance, ...
    std::string targetActivity;            ///< activity-alias only: fully qualified
    std::string authorities;               ///< provider only: android:authorities, ';'-separated
    std::vector<IntentFilter> filters;
    SourceLocation where;
};

struct Application {
    std::optional<std::string> label;
    std::optional<std::string> icon;
    bool enabled = true;
    std::optional<std::string> process;
    bool directBootAware = false;
    SourceLocation where;
};

struct Manifest {
    std::string packageName;
    bool packageDerived = false;           ///< no package attribute: taken from options or made up
    std::optional<int> minSdk;
    std::optional<int> targetSdk;
    Application application;
    std::vector<Component> components;     ///< in document order
    std::string file;                      ///< where it was read from
    SourceLocation where;                  ///< the <manifest> element
    std::vector<Diagnostic> diagnostics;   ///< warnings (errors stop the parse)

    /// The component with this fully qualified name, or nullptr.
    const Component* findComponent(std::string_view className) const;
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

/// Reads a file and parses it by its bytes: a zip archive as an APK (whatever its extension), a
/// binary manifest as one, anything else as source XML.
[[nodiscard]] Result<Manifest> loadManifest(const std::filesystem::path& path,
                                            const ParseOptions& options = {});

/// Expands a class name as Android does: ".Foo" and "Foo" (no dot) are relative to the package.
std::string expandClassName(std::string_view packageName, std::string_view className);

}  // namespace hearth

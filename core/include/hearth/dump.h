#pragma once
// Renderings of parsed manifests for people (a `pm dump`-like tree) and for programs (JSON), shared
// by `hearth dump` and the GUI. Both keep document order, so the same app read from source XML or
// from its APK renders identically except for file names and locations.

#include <hearth/manifest.h>
#include <hearth/source_location.h>

#include <span>
#include <string>
#include <vector>

namespace hearth {

/// A readable tree: each package, its application, components and filters (IntentFilter.dump
/// wording), one blank line between packages. Diagnostics are not included.
std::string renderDumpText(std::span<const Manifest> manifests);

/// {"packages":[...],"diagnostics":[...]} pretty-printed with two spaces and a final newline.
/// "diagnostics" holds every manifest's diagnostics in order, then `extra` (e.g. files that
/// failed).
std::string renderDumpJson(std::span<const Manifest> manifests,
                           std::span<const Diagnostic> extra = {});

/// One package as one line of JSON Lines (`hearth dump --jsonl`): the object "packages" holds in
/// renderDumpJson, plus its own "diagnostics", compact, ending in a newline.
std::string renderDumpJsonLine(const Manifest& manifest);

/// A file that could not be read, as one JSON Lines line: {"file":...,"error":{diagnostic}}.
std::string renderDumpJsonErrorLine(const Diagnostic& error);

}  // namespace hearth

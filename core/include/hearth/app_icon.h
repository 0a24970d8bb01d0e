#pragma once
// The launcher icon Android shows for a component of a package installed from an APK: the
// reference the manifest names (the component's own android:icon, else the application's),
// resolved through the APK's resources.arsc to the bitmap a phone's screen density picks, and
// that bitmap's bytes as stored in the APK (PNG, WebP or JPEG), for a GUI to decode.

#include <hearth/manifest.h>
#include <hearth/result.h>

#include <optional>
#include <string>

namespace hearth {

/// The screen density icons are picked for: xxhdpi (480 dpi), a common phone's.
inline constexpr int kPhoneDensity = 480;

struct AppIcon {
    std::string bytes;  ///< the image file as stored in the APK: PNG, WebP or JPEG
    std::string entry;  ///< its path in the APK: "res/mipmap-xxhdpi-v4/ic_launcher.png"
    int density = 0;    ///< its configuration's density in dpi; 0: unqualified (drawable/)
};

/// The icon reference Android shows for `component` (ComponentInfo.getIconResource): its own
/// android:icon (an activity's or an alias'), else the application's; nullopt when neither has
/// one.
std::optional<std::string> iconReference(const Manifest& manifest, const Component& component);

/// The bitmap of iconReference() in the APK `manifest.file` was read from, for a device of API
/// level `apiLevel`. Among the configurations that qualify only the density (and an SDK level up
/// to `apiLevel`) it takes the one Android's density rule picks for kPhoneDensity; an XML
/// drawable there (an anydpi-v26 adaptive icon, a vector) cannot be drawn without rendering it,
/// so the best bitmap of the same resource in another configuration stands in. nullopt: no
/// icon reference, a manifest that is no APK (source XML, an inline device.json package), an
/// icon of another package (@android:...), or no bitmap among the resource's values. Fails with
/// "app.apk: <reason>" when the APK or its resources.arsc cannot be read, the reference is not
/// defined there, or the bitmap entry is missing or larger than limits::kMaxIconBytes.
[[nodiscard]] Result<std::optional<AppIcon>> loadAppIcon(const Manifest& manifest,
                                                         const Component& component,
                                                         int apiLevel = 34);

}  // namespace hearth

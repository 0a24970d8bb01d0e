#pragma once
// Exports: the home comparison or the intent answer as JSON (the CLI's format, rendered by the
// core), a panel as PNG, or the edited device as a device.json (renderDeviceJson). Files are written atomically (QSaveFile) and an existing file is only
// replaced when the user says so.

#include <hearth/result.h>

#include <QByteArray>
#include <QString>
#include <functional>
#include <string>
#include <vector>

class QWidget;

namespace hearth {
struct Device;
}

namespace hearth::gui {

/// Asked before replacing an existing file; returns true to replace it.
using ConfirmOverwrite = std::function<bool(const QString& path)>;

/// Writes bytes to path through QSaveFile, so readers never see half a file. Fails with
/// "cannot write 'path': reason". When path exists, confirm decides; a refusal fails with
/// "'path' exists: not replaced".
[[nodiscard]] Result<void> saveFile(const QString& path, const QByteArray& bytes,
                                    const ConfirmOverwrite& confirm);

/// Writes the device as device.json (the core's renderDeviceJson, manifest paths relative to the
/// file's folder where they can be) through saveFile. Never writes one of the device's own files
/// (its device.json or a manifest): "'path' is one of the device's own files: save the edited
/// device elsewhere". Returns what device.json could not say (renderDeviceJson's `lost`).
[[nodiscard]] Result<std::vector<std::string>> saveDeviceJson(const Device& device,
                                                              const QString& path,
                                                              const ConfirmOverwrite& confirm);

/// The widget as it looks now, as PNG bytes.
QByteArray grabPng(QWidget* widget);

}  // namespace hearth::gui

#pragma once
// Exports: the home comparison or the intent answer as JSON (the CLI's format, rendered by the
// core) or a panel as PNG. Files are written atomically (QSaveFile) and an existing file is only
// replaced when the user says so.

#include <hearth/result.h>

#include <QByteArray>
#include <QString>
#include <functional>

class QWidget;

namespace hearth::gui {

/// Asked before replacing an existing file; returns true to replace it.
using ConfirmOverwrite = std::function<bool(const QString& path)>;

/// Writes bytes to path through QSaveFile, so readers never see half a file. Fails with
/// "cannot write 'path': reason". When path exists, confirm decides; a refusal fails with
/// "'path' exists: not replaced".
[[nodiscard]] Result<void> saveFile(const QString& path, const QByteArray& bytes,
                                    const ConfirmOverwrite& confirm);

/// The widget as it looks now, as PNG bytes.
QByteArray grabPng(QWidget* widget);

}  // namespace hearth::gui

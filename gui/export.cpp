#include "export.h"

#include <hearth/device.h>
#include <hearth/device_writer.h>

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QSaveFile>
#include <QWidget>

namespace hearth::gui {

Result<void> saveFile(const QString& path, const QByteArray& bytes,
                      const ConfirmOverwrite& confirm) {
    if (QFileInfo::exists(path) && !(confirm && confirm(path))) {
        return makeError("'" + path.toStdString() + "' exists: not replaced");
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError("cannot write '" + path.toStdString() +
                         "': " + file.errorString().toStdString());
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return makeError("cannot write '" + path.toStdString() +
                         "': " + file.errorString().toStdString());
    }
    return ok();
}

namespace {

// The files a device was read from: its device.json (or the file it was opened as) and every
// manifest or APK.
bool isOwnFile(const Device& device, const QString& path) {
    const QFileInfo target(path);
    const auto same = [&target](const QString& file) {
        const QFileInfo info(file);
        if (!info.exists()) return false;
        return info.canonicalFilePath() == target.canonicalFilePath() ||
               info.absoluteFilePath() == target.absoluteFilePath();
    };
    if (!target.exists()) return false;
    const QString source = QString::fromStdString(device.source.string());
    if (same(source) || (QFileInfo(source).isDir() && same(QDir(source).filePath("device.json")))) {
        return true;
    }
    for (const InstalledPackage& package : device.packages) {
        if (same(QString::fromStdString(package.manifest.file))) return true;
    }
    return false;
}

}  // namespace

Result<std::vector<std::string>> saveDeviceJson(const Device& device, const QString& path,
                                                const ConfirmOverwrite& confirm) {
    if (isOwnFile(device, path)) {
        return makeError("'" + path.toStdString() +
                         "' is one of the device's own files: save the edited device elsewhere");
    }
    DeviceJsonOptions options;
    options.outDir = QFileInfo(path).absolutePath().toStdString();
    std::vector<std::string> lost;
    const std::string text = renderDeviceJson(device, options, lost);
    if (auto written = saveFile(path, QByteArray::fromStdString(text), confirm); !written) {
        return written.error();
    }
    return lost;
}

QByteArray grabPng(QWidget* widget) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    widget->grab().save(&buffer, "PNG");
    return bytes;
}

}  // namespace hearth::gui

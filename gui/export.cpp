#include "export.h"

#include <QBuffer>
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

QByteArray grabPng(QWidget* widget) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    widget->grab().save(&buffer, "PNG");
    return bytes;
}

}  // namespace hearth::gui

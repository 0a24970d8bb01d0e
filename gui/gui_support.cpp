#include "gui_support.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QPalette>

// Q_INIT_RESOURCE must be called from the global namespace.
static void initHearthResources() { Q_INIT_RESOURCE(hearth); }

namespace hearth::gui {

void initResources() { initHearthResources(); }

QIcon appIcon() {
    QIcon icon;
    for (int size : {16, 32, 48, 64, 128, 256}) {
        icon.addFile(QStringLiteral(":/hearth/icons/hearth-%1.png").arg(size), QSize(size, size));
    }
    return icon;
}

QString defaultDevicePath() {
    QStringList candidates;
    const QString appDir = QCoreApplication::applicationDirPath();
    if (!appDir.isEmpty()) {
        candidates << appDir + "/../share/hearth/samples/devices/seed";
    }
    candidates << QStringLiteral(HEARTH_SAMPLES_DIR "/devices/seed");
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isDir()) return QDir::cleanPath(candidate);
    }
    return {};
}

QString deviceFileFilter() {
    return QCoreApplication::translate("hearth::gui", "Devices and manifests (device.json *.json "
                                                      "AndroidManifest.xml *.xml *.apk);;All "
                                                      "files (*)");
}

QString locationText(const SourceLocation& where) {
    if (where.file.empty()) return {};
    QString text = qs(where.file);
    if (where.line > 0) text += ":" + QString::number(where.line);
    return text;
}

QString shortLocationText(const SourceLocation& where) {
    if (where.file.empty()) return {};
    const QFileInfo file(qs(where.file));
    QString text = file.dir().dirName() + "/" + file.fileName();
    if (where.line > 0) text += ":" + QString::number(where.line);
    return text;
}

QVariant locationCellData(const SourceLocation& where, int role, bool bold) {
    switch (role) {
        case Qt::DisplayRole:
            return shortLocationText(where);
        case Qt::ToolTipRole:
            return QCoreApplication::translate("hearth", "%1 (double-click to show it)")
                .arg(locationText(where));
        case Qt::FontRole: {
            if (!bold && where.file.empty()) return {};
            QFont font;
            font.setBold(bold);
            font.setUnderline(!where.file.empty());
            return font;
        }
        case Qt::ForegroundRole:
            return QGuiApplication::palette().link();
        case kLocationRole:
            return QVariant::fromValue(where);
    }
    return {};
}

}  // namespace hearth::gui

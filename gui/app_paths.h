#pragma once
// Small things every part of the GUI needs: where the bundled samples are, the application icon,
// and conversions between the core's std::string and Qt's QString.

#include <hearth/source_location.h>

#include <QIcon>
#include <QMetaType>
#include <QVariant>
#include <QString>
#include <string>

namespace hearth::gui {

/// Registers the compiled-in resources (icons); call once before the first window.
void initResources();

/// The application icon, at every size the resources hold.
QIcon appIcon();

/// The bundled samples/devices/seed folder: next to the executable when installed
/// (../share/hearth/samples), else the source tree the build came from; empty when neither exists.
QString defaultDevicePath();
/// The file dialog filter of every "open a device" dialog: device.json, manifests and APKs.
QString deviceFileFilter();

/// std::string (UTF-8) to QString.
inline QString qs(const std::string& text) { return QString::fromStdString(text); }

/// The item role under which every model hands out a row's SourceLocation (file, line, column),
/// so that any view can jump to the manifest line of what it shows.
inline constexpr int kLocationRole = Qt::UserRole + 1;
/// The role tables sort by (QSortFilterProxyModel::setSortRole): numbers as numbers.
inline constexpr int kSortRole = Qt::UserRole + 2;

/// "file:line" of a location ("" when it names no file), the way the panels show links.
QString locationText(const SourceLocation& where);
/// "folder/file:line": the file's own folder and name, for links in narrow places.
QString shortLocationText(const SourceLocation& where);

/// A table cell that links to a manifest line, for `role`: the short location as text, underlined
/// in the palette's link colour (bold as well when `bold`), the full location in the tooltip.
QVariant locationCellData(const SourceLocation& where, int role, bool bold = false);

}  // namespace hearth::gui

// Models hand locations to views through QVariant (kLocationRole in each model).
Q_DECLARE_METATYPE(hearth::SourceLocation)

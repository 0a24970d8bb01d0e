#pragma once
// What every part of the GUI shares: the item roles of all its models (numbered once), qs()
// from the core's std::string to Qt's QString, manifest-location cells, the application icon and
// where the bundled samples are.

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

/// Every custom item role of the GUI's models, numbered in this one place so that no two roles
/// share a value (a view or proxy asking one model for another model's role gets nothing, never
/// an unrelated value). A model's own roles are also named on the model (PackageTreeModel::
/// kBadgesRole); their meaning is documented there.
enum ItemRole : int {
    /// Any model: the row's SourceLocation (file, line, column), so that any view can jump to the
    /// manifest line of what it shows.
    kLocationRole = Qt::UserRole + 1,
    /// Any table: the value it sorts by (QSortFilterProxyModel::setSortRole), numbers as numbers.
    kSortRole,
    kPackageBadgesRole,      ///< PackageTreeModel::kBadgesRole
    kPackageNodeTypeRole,    ///< PackageTreeModel::kNodeTypeRole
    kPackageComponentRole,   ///< PackageTreeModel::kComponentRole
    kRejectionNearnessRole,  ///< RejectionModel::kNearnessRole
    kRejectionNearMissRole,  ///< RejectionModel::kNearMissRole
    kHomeOutcomeRole,        ///< HomeSiteModel::kOutcomeRole
    kHomeSiteRole,           ///< HomeSiteModel::kSiteRole
};

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

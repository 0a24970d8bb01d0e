#include "models/install_refusal_model.h"

#include "gui_support.h"

namespace hearth::gui {

InstallRefusalModel::InstallRefusalModel(QObject* parent)
    : RowTableModel({tr("Package"), tr("Refused"), tr("Where"), tr("Why (Android's words)")},
                    parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

QVariant InstallRefusalModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowAt(index);
    if (!found) return {};
    const Row& row = *found;
    if (role == kLocationRole) return QVariant::fromValue(row.error.where);
    if (role == Qt::ToolTipRole) return qs(row.error.toString());
    if (role != Qt::DisplayRole && role != kSortRole) return {};
    switch (Column(index.column())) {
        case Package:
            return row.packageName.empty() ? qs(row.file) : qs(row.packageName);
        case When:
            return row.skippedAtLoad ? tr("when loaded: not installed")
                                     : tr("as edited: installed here, refused on reload");
        case Where:
            return locationText(row.error.where);
        case Why:
            return qs(row.error.message);
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace hearth::gui

#include "models/preferred_model.h"

#include <hearth/resolve_report.h>

#include "gui_support.h"

namespace hearth::gui {

PreferredModel::PreferredModel(QObject* parent)
    : RowTableModel({tr("Kind"), tr("Activity"), tr("Recorded for"), tr("Chooser showed"),
                     tr("Match"), tr("Source")},
                    parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

void PreferredModel::setDevice(const Device& device) {
    std::vector<Row> rows;
    for (bool persistent : {true, false}) {
        const std::vector<PreferredActivity>& table =
            persistent ? device.persistentPreferred : device.preferred;
        for (size_t i = 0; i < table.size(); ++i) {
            const PreferredActivity& entry = table[i];
            Row row;
            row.persistent = persistent;
            row.index = i;
            row.always = entry.always;
            row.component = entry.component;
            row.filter = qs(renderFilterSummary(entry.filter));
            for (const ComponentName& shown : entry.set) {
                row.set << qs(shown.flattenToShortString());
            }
            row.match = entry.match;
            row.where = entry.where;
            rows.push_back(std::move(row));
        }
    }
    setRows(std::move(rows));
}

QVariant PreferredModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowAt(index);
    if (!found) return {};
    const Row& row = *found;
    if (role == kSortRole && index.column() == Source) return locationText(row.where);
    if (index.column() == Source || role == kLocationRole) return locationCellData(row.where, role);
    if (role == Qt::ToolTipRole && index.column() == Kind) {
        return row.persistent ? tr("P-7: a persistent preferred activity (system or device "
                                   "policy) wins before any other")
               : row.always   ? tr("P-4: chosen with \"Always\": starts without a chooser while "
                                   "the matching set is unchanged")
                              : tr("P-5: chosen \"Just once\": only pre-selects the entry in "
                                   "the chooser");
    }
    if (role != Qt::DisplayRole && role != kSortRole && role != Qt::ToolTipRole) return {};
    switch (Column(index.column())) {
        case Kind:
            return row.persistent ? tr("persistent") : row.always ? tr("always") : tr("last chosen");
        case Activity:
            return qs(row.component.flattenToShortString());
        case Filter:
            return row.filter;
        case Set:
            return row.set.isEmpty() ? tr("(any)") : row.set.join(", ");
        case Match:
            return QString("0x%1").arg(row.match, 0, 16);
        case Source:
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace hearth::gui

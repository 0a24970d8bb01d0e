#include "models/diff_model.h"

#include "gui_support.h"

namespace hearth::gui {

DiffModel::DiffModel(QObject* parent)
    : RowTableModel({tr("Intent"), tr("Before"), tr("After"), tr("Rule"), tr("Why")}, parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

QVariant DiffModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowAt(index);
    if (!found) return {};
    const Row& row = *found;
    if (role == Qt::ToolTipRole) {
        // The cells are cut to one line: the tooltip has the whole intent, and each side's
        // reason (which names its rules).
        switch (Column(index.column())) {
            case Intent:
                return qs(row.intent);
            case Before:
                return qs(row.before.reason);
            case After:
            case Rule:
            case Why:
                return qs(row.after.reason);
            case ColumnCount:
                break;
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != kSortRole) return {};
    switch (Column(index.column())) {
        case Intent:
            return qs(row.intent);
        case Before:
            return qs(row.before.summary());
        case After:
            return qs(row.after.summary());
        case Rule:
            return qs(row.after.rule);
        case Why:
            return qs(row.after.reason);
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace hearth::gui

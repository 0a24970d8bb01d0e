#include "models/resolve_result_model.h"

#include <QFont>

#include "gui_support.h"

namespace hearth::gui {

ResolveResultModel::ResolveResultModel(QObject* parent)
    : RowTableModel({tr("#"), tr("Component"), tr("Priority"), tr("Match"),
                     tr("DEFAULT"), tr("System"), tr("Filter")},
                    parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

ResolveResultModel::Row ResolveResultModel::rowFrom(const ResolveInfo& info) {
    Row row;
    row.component = info.component;
    row.kind = info.kind;
    row.priority = info.priority;
    row.declaredPriority = info.declaredPriority;
    row.match = info.match;
    row.isDefault = info.isDefault;
    row.system = info.system;
    if (info.filter) {
        row.where = info.filter->where;
    } else if (info.info) {
        row.where = info.info->where;  // Q-2: an explicit component has no filter
    }
    return row;
}

void ResolveResultModel::setResult(const ResolveResult& result) {
    beginResetModel();
    m_rows.clear();
    for (const ResolveInfo& info : result.candidates) {
        Row row = rowFrom(info);
        row.chosen = result.outcome == ResolveOutcome::Activity && result.chosen &&
                     result.chosen->component == info.component;
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void ResolveResultModel::setCandidates(const std::vector<ResolveInfo>& candidates) {
    beginResetModel();
    m_rows.clear();
    for (const ResolveInfo& info : candidates) m_rows.push_back(rowFrom(info));
    endResetModel();
}

QVariant ResolveResultModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowAt(index);
    if (!found) return {};
    const Row& row = *found;
    if (role == kSortRole) {
        switch (Column(index.column())) {
            case Rank:
                return index.row();
            case Priority:
                return row.priority;
            case Match:
                return row.match;
            case Filter:
                return locationText(row.where);
            case Component:
            case Default:
            case System:
            case ColumnCount:
                break;
        }
        return data(index, Qt::DisplayRole);
    }
    if (index.column() == Filter || role == kLocationRole) {
        return locationCellData(row.where, role, row.chosen);
    }
    switch (role) {
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case Rank:
                    return index.row() + 1;
                case Component:
                    return qs(row.component.flattenToShortString());
                case Priority:
                    if (row.priority != row.declaredPriority) {
                        return tr("%1 (declared %2)").arg(row.priority).arg(row.declaredPriority);
                    }
                    return row.priority;
                case Match:
                    if (row.match == 0) return tr("explicit");
                    return QStringLiteral("0x%1 %2")
                        .arg(row.match, 0, 16)
                        .arg(qs(matchCodeName(row.match)));
                case Default:
                    return row.isDefault ? tr("yes") : tr("no");
                case System:
                    return row.system ? tr("yes") : tr("no");
                case Filter:
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::FontRole: {
            if (!row.chosen) return {};
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::ToolTipRole: {
            // The full component name on every cell, and the cell's own text where it is cut.
            QString tip = row.chosen ? tr("%1: chosen").arg(qs(row.component.flattenToString()))
                                     : qs(row.component.flattenToString());
            if (index.column() != Component && index.column() != Rank) {
                tip += "\n" + data(index, Qt::DisplayRole).toString();
            }
            return tip;
        }
        case Qt::TextAlignmentRole:
            if (index.column() == Rank) return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
    }
    return {};
}

}  // namespace hearth::gui

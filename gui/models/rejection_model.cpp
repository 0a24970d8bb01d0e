#include "models/rejection_model.h"

#include <algorithm>
#include <tuple>

#include "gui_support.h"

namespace hearth::gui {

RejectionModel::RejectionModel(QObject* parent)
    : RowTableModel({tr("Component"), tr("Rule"), tr("Why it is not a candidate"),
                     tr("Filter")},
                    parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

void RejectionModel::setRejections(const std::vector<Rejection>& rejections, const Device& device) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(rejections.size());
    // explain() lists a package's components together: one lookup per package, not per row
    // (findPackage scans the device; per row it was quadratic on a 10,000-package device).
    const InstalledPackage* package = nullptr;
    for (const Rejection& rejection : rejections) {
        SourceLocation where;
        if (rejection.filter) {
            where = rejection.filter->where;
        } else {
            if (!package || package->packageName() != rejection.component.packageName) {
                package = device.findPackage(rejection.component.packageName);
            }
            const hearth::Component* component =
                package ? package->manifest.findComponent(rejection.component.className) : nullptr;
            if (component) where = component->where;
        }
        m_rows.push_back(
            Row{rejection.component, rejection.rule, rejection.reason, where, rejection.nearness,
                rejection.nearMiss});
    }
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const Row& a, const Row& b) {
                         return std::tie(a.nearMiss, a.nearness) > std::tie(b.nearMiss, b.nearness);
                     });
    endResetModel();
}

QVariant RejectionModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowAt(index);
    if (!found) return {};
    const Row& row = *found;
    if (role == kNearnessRole) return row.nearness;
    if (role == kNearMissRole) return row.nearMiss;
    if (role == kSortRole && index.column() == Filter) return locationText(row.where);
    if (index.column() == Filter || role == kLocationRole) return locationCellData(row.where, role);
    switch (role) {
        case kSortRole:
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case Component:
                    return qs(row.component.flattenToShortString());
                case Rule:
                    return qs(row.rule);
                case Reason:
                    return qs(row.reason);
                case Filter:
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::ToolTipRole:
            // The whole text, however narrow the column: the component in full, the reason.
            return index.column() == Component
                       ? QString(qs(row.component.flattenToString()) + "\n" + qs(row.reason))
                       : QString(qs(row.rule) + ": " + qs(row.reason));
    }
    return {};
}


RejectionProxy::RejectionProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(kSortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void RejectionProxy::setNearMissesOnly(bool only) {
    if (only == m_nearOnly) return;
    m_nearOnly = only;
    invalidateFilter();
}

bool RejectionProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (m_nearOnly) {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (!index.data(RejectionModel::kNearMissRole).toBool()) return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

}  // namespace hearth::gui

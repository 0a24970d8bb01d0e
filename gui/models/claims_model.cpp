#include "models/claims_model.h"

#include "gui_support.h"

namespace hearth::gui {

ClaimsModel::ClaimsModel(QObject* parent)
    : RowTableModel({tr("Component"), tr("Kind"), tr("State"), tr("Links it claims"),
                     tr("App Links state per host"), tr("Filter")},
                    parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

void ClaimsModel::setClaims(const std::vector<Claim>& claims) {
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(claims.size());
    for (const Claim& claim : claims) {
        Row row;
        row.component = claim.component;
        row.kind = QString::fromLatin1(componentKindName(claim.kind));
        QStringList state;
        state << (claim.exported ? tr("exported") : tr("not exported"));
        if (!claim.enabled) state << tr("disabled");
        row.state = state.join(", ");
        for (const std::string& url : claim.urls) row.links << qs(url);
        for (const DomainClaim& domain : claim.domains) {
            row.domains << qs(domain.host) + ": " + qs(domain.state);
            row.domainReasons << qs(domain.host) + ": " + qs(domain.state) +
                                     (domain.reason.empty() ? QString() : " — " + qs(domain.reason));
        }
        if (claim.filter) row.where = claim.filter->where;
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

QVariant ClaimsModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowAt(index);
    if (!found) return {};
    const Row& row = *found;
    if (role == kSortRole && index.column() == Filter) return locationText(row.where);
    if (index.column() == Filter || role == kLocationRole) return locationCellData(row.where, role);
    switch (role) {
        case kSortRole:
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case Component:
                    return qs(row.component.flattenToShortString());
                case Kind:
                    return row.kind;
                case State:
                    return row.state;
                case Links:
                    return row.links.join(", ");
                case Domains:
                    return row.domains.join(", ");
                case Filter:
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::ToolTipRole:
            // Whole lists, one item a line, and the reason of each domain's state.
            switch (Column(index.column())) {
                case Links:
                    return row.links.join('\n');
                case Domains:
                    return row.domainReasons.join('\n');
                case Component:
                case Kind:
                case State:
                    return qs(row.component.flattenToString()) + '\n' + row.state;
                case Filter:
                case ColumnCount:
                    break;
            }
            return {};
    }
    return {};
}

}  // namespace hearth::gui

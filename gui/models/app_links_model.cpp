#include "models/app_links_model.h"

#include <hearth/app_links.h>

#include <algorithm>

#include "device_session.h"
#include "gui_support.h"

namespace hearth::gui {

AppLinksModel::AppLinksModel(DeviceSession& session, QObject* parent)
    : RowTableModel({tr("Host"), tr("Declared"), tr("State (W-21)"), tr("Selected (W-22)"),
                     tr("Approval (W-23)"), tr("Why")},
                    parent),
      m_session(session) {
    Q_ASSERT(columnCount() == ColumnCount);
    connect(&m_session, &DeviceSession::deviceEdited, this, &AppLinksModel::refresh);
    connect(&m_session, &DeviceSession::deviceReplaced, this, &AppLinksModel::refresh);
}

void AppLinksModel::setPackage(const QString& packageName) {
    m_package = packageName;
    refresh();
}

void AppLinksModel::refresh() {
    std::vector<Row> rows;
    if (m_session.hasDevice()) {
        const Device& device = m_session.device();
        if (const InstalledPackage* package = device.findPackage(m_package.toStdString())) {
            rows = hostLinkFacts(device, *package);
        }
    }
    const bool sameHosts =
        rows.size() == m_rows.size() &&
        std::equal(rows.begin(), rows.end(), m_rows.begin(),
                   [](const Row& a, const Row& b) { return a.host == b.host; });
    if (!sameHosts) {
        setRows(std::move(rows));
        return;
    }
    m_rows = std::move(rows);
    if (!m_rows.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant AppLinksModel::data(const QModelIndex& index, int role) const {
    const Row* found = rowAt(index);
    if (!found) return {};
    const Row& row = *found;
    const auto column = Column(index.column());
    if (role == Qt::CheckStateRole && column == Selected) {
        return row.selected ? Qt::Checked : Qt::Unchecked;
    }
    if (role == Qt::ToolTipRole) return qs(row.approval.reason);
    if (role == Qt::EditRole && column == State) return qs(domainStateName(row.state));
    if (role != Qt::DisplayRole && role != kSortRole) return {};
    switch (column) {
        case Host:
            return qs(row.host);
        case Kind:
            return row.autoVerify ? tr("autoVerify") : tr("web");
        case State:
            return row.autoVerify ? qs(domainStateName(row.state)) : tr("—");
        case Selected:
            return role == kSortRole ? QVariant(row.selected) : QVariant();
        case Approval:
            return qs(approvalLevelName(row.approval.level));
        case Why:
            return qs(row.approval.reason);
        case ColumnCount:
            break;
    }
    return {};
}

Qt::ItemFlags AppLinksModel::flags(const QModelIndex& index) const {
    const Row* row = rowAt(index);
    if (!row) return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Selected) flags |= Qt::ItemIsUserCheckable;
    // W-21 states exist only for autoVerify domains (W-20).
    if (index.column() == State && row->autoVerify) flags |= Qt::ItemIsEditable;
    return flags;
}

bool AppLinksModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Row* row = rowAt(index);
    if (!row || !(flags(index) & (Qt::ItemIsEditable | Qt::ItemIsUserCheckable))) return false;
    const std::string package = m_package.toStdString();
    const std::string host = row->host;
    Result<bool> changed = makeError("not editable");
    if (index.column() == Selected && role == Qt::CheckStateRole) {
        changed = m_session.setHostSelected(package, host,
                                            value.toInt() == int(Qt::Checked));
    } else if (index.column() == State && role == Qt::EditRole) {
        const std::optional<int> state = parseDomainState(value.toString().toStdString());
        if (!state) {
            emit editRefused(tr("'%1' is not a W-21 state").arg(value.toString()));
            return false;
        }
        changed = m_session.setDomainState(package, host, *state);
    } else {
        return false;
    }
    if (!changed) {
        emit editRefused(qs(changed.error().message));
        return false;
    }
    // The session's deviceEdited already refreshed the rows when something changed.
    return true;
}

}  // namespace hearth::gui

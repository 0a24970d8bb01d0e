#include "models/home_site_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <hearth/home_report.h>

#include "gui_support.h"

namespace hearth::gui {

HomeSiteModel::HomeSiteModel(DeviceSession& session, Framework framework, QObject* parent)
    : QAbstractTableModel(parent), m_session(session), m_framework(framework) {
    connect(&m_session, &DeviceSession::deviceReplaced, this, [this] { reload(true); });
    connect(&m_session, &DeviceSession::deviceEdited, this, [this] { reload(false); });
    reload(true);
}

void HomeSiteModel::reload(bool shapeMayChange) {
    HomeReport report = m_session.hasDevice() ? m_session.homeReport(m_framework) : HomeReport{};
    if (shapeMayChange || report.sites.size() != m_report.sites.size()) {
        beginResetModel();
        m_report = std::move(report);
        endResetModel();
        return;
    }
    // Same sites, new answers: keep the selection the user made.
    m_report = std::move(report);
    if (!m_report.sites.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    }
}

int HomeSiteModel::rowOf(const std::string& site) const {
    for (size_t row = 0; row < m_report.sites.size(); ++row) {
        if (m_report.sites[row].site == site) return int(row);
    }
    return -1;
}

QString HomeSiteModel::siteTitle(const std::string& site) {
    if (site == home_site::kBoot) return tr("Boot");
    if (site == home_site::kHomeKey) return tr("HOME key");
    if (site == home_site::kHomeKeyMid) return tr("MID HOME key");
    if (site == home_site::kRecents) return tr("Recents");
    if (site == home_site::kIsHome) return tr("Is-home check");
    return qs(site);
}

int HomeSiteModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_report.sites.size());
}

int HomeSiteModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HomeSiteModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const HomeSiteReport& site = m_report.sites[size_t(index.row())];
    const bool homeFirst = site.category == names::kCategoryHomeFirst;
    switch (role) {
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case Site:
                    return siteTitle(site.site);
                case Category:
                    if (site.outcome == HomeOutcome::NotPresent) return QStringLiteral("—");
                    return homeFirst ? QStringLiteral("HOME_FIRST") : QStringLiteral("HOME");
                case Outcome:
                    return QString::fromLatin1(homeOutcomeName(site.outcome));
                case Result:
                    return qs(summarizeHomeSite(site));
                case Rule:
                    return qs(site.rule);
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::CheckStateRole:
            if (m_framework == Framework::Patched && index.column() == Site) {
                return m_session.patchedSites().count(site.site) ? Qt::Checked : Qt::Unchecked;
            }
            return {};
        case Qt::ToolTipRole:
            if (index.column() == Site) return qs(site.where);
            return qs(site.reason);
        case Qt::ForegroundRole:
            if (index.column() != Outcome && index.column() != Result) return {};
            switch (site.outcome) {
                case HomeOutcome::Activity:
                    return QBrush(QColor(0x1b, 0x7a, 0x3a));
                case HomeOutcome::Chooser:
                    return QBrush(QColor(0xa3, 0x5c, 0x00));
                case HomeOutcome::None:
                    return QBrush(QColor(0xc0, 0x1c, 0x28));
                case HomeOutcome::Refused:
                case HomeOutcome::NotPresent:
                    return QBrush(QColor(0x6b, 0x6b, 0x6b));
            }
            return {};
        case Qt::FontRole:
            if (index.column() == Outcome || index.column() == Result) {
                QFont font;
                font.setBold(site.outcome == HomeOutcome::None || index.column() == Outcome);
                font.setItalic(site.outcome == HomeOutcome::NotPresent);
                return font;
            }
            return {};
        case kOutcomeRole:
            return int(site.outcome);
        case kSiteRole:
            return qs(site.site);
    }
    return {};
}

bool HomeSiteModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (m_framework != Framework::Patched || role != Qt::CheckStateRole || index.column() != Site ||
        !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    // The session recomputes the patched report and signals deviceEdited, which refreshes us.
    m_session.setSitePatched(m_report.sites[size_t(index.row())].site,
                             value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags HomeSiteModel::flags(const QModelIndex& index) const {
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return Qt::NoItemFlags;
    }
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (m_framework == Framework::Patched && index.column() == Site) {
        flags |= Qt::ItemIsUserCheckable;
    }
    return flags;
}

QVariant HomeSiteModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Vertical || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
        case Site:
            return m_framework == Framework::Patched ? tr("☑ = HOME_FIRST") : tr("Call site");
        case Category:
            return tr("Category");
        case Outcome:
            return tr("Outcome");
        case Result:
            return tr("What comes up");
        case Rule:
            return tr("Rule");
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace hearth::gui

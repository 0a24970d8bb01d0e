#include "models/package_tree_model.h"

#include <hearth/intent.h>
#include <hearth/resolve_report.h>

#include <QApplication>
#include <QBrush>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <iterator>
#include <utility>

#include "device_session.h"
#include "gui_support.h"

namespace hearth::gui {
namespace {

// internalId says which row owns an index: 0 for packages, (package + 1) for components and
// (package + 1) | (component + 1) << 32 for filters.
constexpr quintptr kComponentShift = 32;
constexpr quintptr kLowMask = (quintptr(1) << kComponentShift) - 1;

bool sameWhere(const SourceLocation& a, const SourceLocation& b) {
    return a.file == b.file && a.line == b.line && a.column == b.column;
}

QColor dimmedText() { return QApplication::palette().color(QPalette::Disabled, QPalette::Text); }

// The badges in the order they are shown; bit i is kBadges[i].
constexpr const char* kBadges[] = {"HOME", "HOME_FIRST", "LAUNCHER", "DEFAULT"};

QString priorityText(int declared, int effective) {
    QString text = PackageTreeModel::tr("priority %1").arg(declared);
    // P-1..P-3: the device clamps what the manifest declares.
    if (effective != declared) text += PackageTreeModel::tr(" → %1 (clamped)").arg(effective);
    return text;
}

}  // namespace

bool PackageTreeModel::sameRow(const FilterRow& a, const FilterRow& b) {
    return a.declared == b.declared && a.effective == b.effective && a.badges == b.badges;
}

bool PackageTreeModel::sameRow(const ComponentRow& a, const ComponentRow& b) {
    // Filters are compared row by row on their own.
    return a.enabled == b.enabled && a.exported == b.exported && a.state == b.state &&
           a.badges == b.badges;
}

bool PackageTreeModel::sameRow(const PackageRow& a, const PackageRow& b) {
    return a.name == b.name && a.installed == b.installed && a.state == b.state &&
           a.tooltip == b.tooltip && a.badges == b.badges && sameWhere(a.where, b.where);
}

PackageTreeModel::PackageTreeModel(DeviceSession& session, QObject* parent)
    : QAbstractItemModel(parent), m_session(session) {
    connect(&m_session, &DeviceSession::deviceReplaced, this, &PackageTreeModel::reset);
    connect(&m_session, &DeviceSession::deviceEdited, this, &PackageTreeModel::refresh);
    reset();
}

PackageTreeModel::BadgeBits PackageTreeModel::badgeBitsOf(const IntentFilter& filter) {
    // Badges explain home eligibility at a glance: only MAIN filters make a launcher or a home.
    if (!filter.hasAction(names::kActionMain)) return 0;
    const char* const categories[] = {names::kCategoryHome, names::kCategoryHomeFirst,
                                      names::kCategoryLauncher, names::kCategoryDefault};
    BadgeBits bits = 0;
    for (size_t i = 0; i < std::size(categories); ++i) {
        if (filter.hasCategory(categories[i])) bits |= BadgeBits(1u << i);
    }
    return bits;
}

QStringList PackageTreeModel::badgeNames(BadgeBits bits) {
    QStringList names;
    for (size_t i = 0; i < std::size(kBadges); ++i) {
        if (bits & (1u << i)) names << QLatin1String(kBadges[i]);
    }
    return names;
}

QStringList PackageTreeModel::badgesOf(const IntentFilter& filter) {
    return badgeNames(badgeBitsOf(filter));
}

const InstalledPackage* PackageTreeModel::packageAt(size_t package) const {
    if (!m_session.hasDevice() || package >= m_session.device().packages.size()) return nullptr;
    return &m_session.device().packages[package];
}

const Component* PackageTreeModel::componentAt(size_t package, size_t component) const {
    const InstalledPackage* owner = packageAt(package);
    if (owner == nullptr || component >= owner->manifest.components.size()) return nullptr;
    return &owner->manifest.components[component];
}

const IntentFilter* PackageTreeModel::filterAt(size_t package, size_t component,
                                               size_t filter) const {
    const Component* owner = componentAt(package, component);
    if (owner == nullptr || filter >= owner->filters.size()) return nullptr;
    return &owner->filters[filter];
}

std::vector<PackageTreeModel::PackageRow> PackageTreeModel::snapshot() const {
    std::vector<PackageRow> rows;
    if (!m_session.hasDevice()) return rows;
    const Device& device = m_session.device();
    const PackageIndex& index = m_session.index();
    rows.reserve(device.packages.size());
    for (const InstalledPackage& package : device.packages) {
        PackageRow row;
        row.name = qs(package.packageName());
        row.installed = !package.removed;
        row.where = package.manifest.where;
        if (row.where.file.empty()) row.where.file = package.manifest.file;
        QStringList state;
        if (package.removed) state << tr("removed");
        if (package.system) state << tr("system");
        if (package.privileged) state << tr("privileged");
        if (package.updatedSystemApp) state << tr("updated");
        if (!package.enabled) state << tr("app disabled");
        if (package.stopped) state << tr("stopped");
        if (package.suspended) state << tr("suspended");
        if (state.isEmpty()) state << tr("user app");
        row.state = state.join(", ");
        row.tooltip = row.name + "\n" + qs(package.manifest.file) + "\n" + row.state;
        row.components.reserve(package.manifest.components.size());
        for (const Component& component : package.manifest.components) {
            ComponentRow c;
            const ComponentState componentState = package.componentState(component);
            c.enabled = !package.removed && package.isComponentEnabled(component);
            // Short words for the core's R-8 decision: the check box already says enabled; the
            // tooltip says the rest.
            if (package.removed) {
                c.state = tr("not installed");
            } else {
                switch (componentState) {
                    case ComponentState::Enabled:
                        break;
                    case ComponentState::EnabledByOverride:
                        c.state = tr("on (override)");
                        break;
                    case ComponentState::AppDisabled:
                        c.state = tr("app disabled");
                        break;
                    case ComponentState::DisabledByOverride:
                        c.state = tr("disabled");
                        break;
                    case ComponentState::DisabledInApplication:
                    case ComponentState::DisabledInManifest:
                        c.state = tr("off in manifest");
                        break;
                }
            }
            c.exported = component.exported;
            c.filters.reserve(component.filters.size());
            for (const IntentFilter& filter : component.filters) {
                FilterRow f;
                f.declared = filter.priority;
                f.effective = index.effectivePriority(package, component, filter);
                f.badges = badgeBitsOf(filter);
                c.badges |= f.badges;
                c.filters.push_back(f);
            }
            row.badges |= c.badges;
            row.components.push_back(std::move(c));
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void PackageTreeModel::reset() {
    beginResetModel();
    m_packages = snapshot();
    endResetModel();
}

bool PackageTreeModel::sameShape(const std::vector<PackageRow>& rows) const {
    if (rows.size() != m_packages.size()) return false;
    for (size_t p = 0; p < rows.size(); ++p) {
        if (rows[p].name != m_packages[p].name ||
            rows[p].components.size() != m_packages[p].components.size()) {
            return false;
        }
        for (size_t c = 0; c < rows[p].components.size(); ++c) {
            if (rows[p].components[c].filters.size() !=
                m_packages[p].components[c].filters.size()) {
                return false;
            }
        }
    }
    return true;
}

void PackageTreeModel::refresh() {
    std::vector<PackageRow> rows = snapshot();
    if (!sameShape(rows)) {
        beginResetModel();
        m_packages = std::move(rows);
        endResetModel();
        return;
    }
    // Edits keep the tree's shape: update in place so that expansion and selection survive, and
    // only the rows that changed, so that a click stays instant on a device of 20,000 components.
    std::vector<PackageRow> old = std::exchange(m_packages, std::move(rows));
    auto changed = [this](int row, const QModelIndex& parent) {
        emit dataChanged(index(row, 0, parent), index(row, ColumnCount - 1, parent));
    };
    for (size_t p = 0; p < m_packages.size(); ++p) {
        const PackageRow& now = m_packages[p];
        const PackageRow& was = old[p];
        if (!sameRow(now, was)) changed(int(p), {});
        const QModelIndex package = index(int(p), 0);
        for (size_t c = 0; c < now.components.size(); ++c) {
            if (!sameRow(now.components[c], was.components[c])) changed(int(c), package);
            const QModelIndex component = index(int(c), 0, package);
            for (size_t f = 0; f < now.components[c].filters.size(); ++f) {
                if (!sameRow(now.components[c].filters[f], was.components[c].filters[f])) {
                    changed(int(f), component);
                }
            }
        }
    }
}

QModelIndex PackageTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    if (!parent.isValid()) return createIndex(row, column, quintptr(0));
    const quintptr parentId = parent.internalId();
    if (parentId == 0) return createIndex(row, column, quintptr(parent.row()) + 1);
    if ((parentId >> kComponentShift) == 0) {
        return createIndex(row, column,
                           parentId | ((quintptr(parent.row()) + 1) << kComponentShift));
    }
    return {};
}

QModelIndex PackageTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    const quintptr id = child.internalId();
    if (id == 0) return {};
    const int packageRow = int((id & kLowMask) - 1);
    const quintptr componentPart = id >> kComponentShift;
    if (componentPart == 0) return createIndex(packageRow, 0, quintptr(0));
    return createIndex(int(componentPart - 1), 0, id & kLowMask);
}

int PackageTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(m_packages.size());
    if (parent.column() != 0) return 0;
    const quintptr id = parent.internalId();
    if (id == 0) return int(m_packages[size_t(parent.row())].components.size());
    if ((id >> kComponentShift) == 0) {
        const PackageRow& package = m_packages[size_t(id - 1)];
        return int(package.components[size_t(parent.row())].filters.size());
    }
    return 0;
}

int PackageTreeModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant PackageTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const quintptr id = index.internalId();
    const int column = index.column();

    if (id == 0) {
        const PackageRow& row = m_packages[size_t(index.row())];
        switch (role) {
            case Qt::DisplayRole:
                switch (Column(column)) {
                    case Name:
                        return row.name;
                    case Kind:
                        return tr("package");
                    case State:
                        return row.state;
                    case Badges:
                        return badgeNames(row.badges).join(" ");
                    case Source:
                        return locationText(row.where);
                    case ColumnCount:
                        break;
                }
                return {};
            case Qt::CheckStateRole:
                if (column == Name) return row.installed ? Qt::Checked : Qt::Unchecked;
                return {};
            case Qt::FontRole:
                if (column == Name) {
                    QFont font;
                    font.setBold(true);
                    font.setStrikeOut(!row.installed);
                    return font;
                }
                return {};
            case Qt::ForegroundRole:
                if (!row.installed) return QBrush(dimmedText());
                return {};
            case Qt::ToolTipRole:
                return row.tooltip + "\n" +
                       (row.installed ? tr("installed: uncheck to remove it")
                                      : tr("removed: check to install it"));
            case kBadgesRole:
                return badgeNames(row.badges);
            case kNodeTypeRole:
                return int(NodeType::Package);
            case kComponentRole:
                return row.name;
            case kLocationRole:
                return QVariant::fromValue(row.where);
        }
        return {};
    }

    const size_t package = size_t((id & kLowMask) - 1);
    if ((id >> kComponentShift) == 0) return componentData(package, index, role);
    return filterData(package, size_t((id >> kComponentShift) - 1), index, role);
}

QVariant PackageTreeModel::componentData(size_t packageRow, const QModelIndex& index,
                                         int role) const {
    const ComponentRow& row = m_packages[packageRow].components[size_t(index.row())];
    const InstalledPackage* package = packageAt(packageRow);
    const Component* component = componentAt(packageRow, size_t(index.row()));
    if (package == nullptr || component == nullptr) return {};
    const ComponentName name{package->packageName(), component->name};
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            switch (Column(column)) {
                case Name: {
                    const QString full = qs(name.flattenToShortString());
                    return full.mid(full.indexOf('/') + 1);
                }
                case Kind:
                    return QString::fromLatin1(componentKindName(component->kind));
                case State:
                    return row.state;
                case Badges:
                    return badgeNames(row.badges).join(" ");
                case Source:
                    return locationText(component->where);
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::CheckStateRole:
            if (column == Name) return row.enabled ? Qt::Checked : Qt::Unchecked;
            return {};
        case Qt::ForegroundRole:
            if (!row.enabled) return QBrush(dimmedText());
            return {};
        case Qt::ToolTipRole: {
            QString tip = qs(name.flattenToString());
            if (component->label && !component->label->empty()) {
                tip += "\n" + tr("label: %1").arg(qs(*component->label));
            }
            tip += "\n" + (row.state.isEmpty() ? tr("enabled") : row.state);
            tip += row.exported ? tr(", exported") : tr(", not exported");
            return tip;
        }
        case kBadgesRole:
            return badgeNames(row.badges);
        case kNodeTypeRole:
            return int(NodeType::Component);
        case kComponentRole:
            return qs(name.flattenToString());
        case kLocationRole:
            return QVariant::fromValue(component->where);
    }
    return {};
}

QVariant PackageTreeModel::filterData(size_t packageRow, size_t componentRow,
                                      const QModelIndex& index, int role) const {
    const ComponentRow& component = m_packages[packageRow].components[componentRow];
    const FilterRow& row = component.filters[size_t(index.row())];
    const IntentFilter* filter = filterAt(packageRow, componentRow, size_t(index.row()));
    const InstalledPackage* package = packageAt(packageRow);
    if (filter == nullptr || package == nullptr) return {};
    switch (role) {
        case Qt::DisplayRole:
            switch (Column(index.column())) {
                case Name:
                    return qs(renderFilterSummary(*filter));
                case Kind:
                    return tr("intent-filter");
                case State:
                    return priorityText(row.declared, row.effective);
                case Badges:
                    return badgeNames(row.badges).join(" ");
                case Source:
                    return locationText(filter->where);
                case ColumnCount:
                    break;
            }
            return {};
        case Qt::ForegroundRole:
            if (!component.enabled) return QBrush(dimmedText());
            return {};
        case Qt::ToolTipRole:
            return qs(renderFilterSummary(*filter));
        case kBadgesRole:
            return badgeNames(row.badges);
        case kNodeTypeRole:
            return int(NodeType::Filter);
        case kComponentRole: {
            const Component* owner = componentAt(packageRow, componentRow);
            return qs(ComponentName{package->packageName(), owner->name}.flattenToString());
        }
        case kLocationRole:
            return QVariant::fromValue(filter->where);
    }
    return {};
}

bool PackageTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || index.column() != Name || !index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return false;
    }
    const bool checked = value.toInt() == Qt::Checked;
    const quintptr id = index.internalId();
    // The session edits the device and signals deviceEdited; refresh() then updates every row
    // whose state follows (a package's components, clamped priorities, ...).
    if (id == 0) {
        const PackageRow& row = m_packages[size_t(index.row())];
        return m_session.setPackageRemoved(row.name.toStdString(), !checked);
    }
    if ((id >> kComponentShift) == 0) {
        const PackageRow& package = m_packages[size_t(id - 1)];
        const Component* component = componentAt(size_t(id - 1), size_t(index.row()));
        if (!package.installed || component == nullptr) return false;
        return m_session.setComponentEnabled(package.name.toStdString(), component->name, checked);
    }
    return false;
}

Qt::ItemFlags PackageTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    const quintptr id = index.internalId();
    if (index.column() == Name) {
        if (id == 0) flags |= Qt::ItemIsUserCheckable;
        if (id != 0 && (id >> kComponentShift) == 0 && m_packages[size_t(id - 1)].installed) {
            flags |= Qt::ItemIsUserCheckable;
        }
    }
    if (id != 0 && (id >> kComponentShift) != 0) flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QVariant PackageTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
        case Name:
            return tr("Name");
        case Kind:
            return tr("Kind");
        case State:
            return tr("State");
        case Badges:
            return tr("Badges");
        case Source:
            return tr("Source");
        case ColumnCount:
            break;
    }
    return {};
}

QModelIndex PackageTreeModel::packageIndex(const QString& packageName) const {
    for (size_t p = 0; p < m_packages.size(); ++p) {
        if (m_packages[p].name == packageName) return index(int(p), 0);
    }
    return {};
}

QModelIndex PackageTreeModel::componentIndex(const QString& packageName,
                                             const QString& className) const {
    const QModelIndex package = packageIndex(packageName);
    if (!package.isValid()) return {};
    const InstalledPackage* owner = packageAt(size_t(package.row()));
    if (owner == nullptr) return {};
    const std::string name = className.toStdString();
    const std::vector<Component>& components = owner->manifest.components;
    for (size_t c = 0; c < components.size(); ++c) {
        if (components[c].name == name) return index(int(c), 0, package);
    }
    return {};
}

}  // namespace hearth::gui

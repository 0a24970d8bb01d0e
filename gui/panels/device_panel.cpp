#include "panels/device_panel.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "device_session.h"
#include "gui_support.h"
#include "models/package_tree_model.h"
#include "panels/badge_delegate.h"

namespace hearth::gui {
namespace {
constexpr int kExpandedPackages = 60;
}  // namespace

DevicePanel::DevicePanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_model = new PackageTreeModel(session, this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);  // name, state, badges and source all match

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search packages, components, badges (HOME_FIRST), files…"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName("deviceSearch");

    m_view = new QTreeView(this);
    m_view->setObjectName("packageTree");
    m_view->setModel(m_proxy);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setItemDelegateForColumn(PackageTreeModel::Badges,
                                     new BadgeDelegate(PackageTreeModel::kBadgesRole, m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(PackageTreeModel::Name, QHeaderView::Stretch);
    m_view->setColumnWidth(PackageTreeModel::State, 62);
    m_view->setColumnWidth(PackageTreeModel::Badges, 162);
    m_view->setColumnHidden(PackageTreeModel::Kind, true);
    m_view->setColumnHidden(PackageTreeModel::Source, true);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setObjectName("deviceSummary");

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    connect(m_search, &QLineEdit::textChanged, this, &DevicePanel::applySearch);
    connect(m_view, &QWidget::customContextMenuRequested, this, &DevicePanel::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                if (!current.isValid()) return;
                emit locationSelected(current.data(kLocationRole).value<hearth::SourceLocation>());
            });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        emit locationActivated(index.data(kLocationRole).value<hearth::SourceLocation>());
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        // A fresh device: show every package with its components, filters folded.
        expandPackages();
        updateSummary();
    });
    connect(&m_session, &DeviceSession::deviceEdited, this, &DevicePanel::updateSummary);
    expandPackages();
    updateSummary();
}

void DevicePanel::expandPackages() {
    // A small device opens with every package showing its components; a large one opens folded,
    // because expanding a thousand packages costs more than anyone reads.
    if (m_proxy->rowCount() <= kExpandedPackages) {
        m_view->expandToDepth(0);
    }
}

void DevicePanel::applySearch(const QString& text) {
    m_proxy->setFilterFixedString(text);
    if (text.isEmpty()) {
        m_view->collapseAll();
        expandPackages();
    } else if (m_proxy->rowCount() <= kExpandedPackages) {
        m_view->expandAll();  // show where the matches are
    }
}

void DevicePanel::updateSummary() {
    if (!m_session.hasDevice()) {
        m_summary->setText(tr("No device"));
        return;
    }
    const Device& device = m_session.device();
    int installed = 0;
    int components = 0;
    for (const InstalledPackage& package : device.packages) {
        if (!package.removed) ++installed;
        components += int(package.manifest.components.size());
    }
    QString text = tr("%1 of %2 packages installed, %3 components, %4 filters indexed")
                       .arg(installed)
                       .arg(device.packages.size())
                       .arg(components)
                       .arg(m_session.index().filterCount());
    if (m_session.isEdited()) text += tr(" — edited in memory");
    m_summary->setText(text);
}

bool DevicePanel::revealComponent(const QString& flattened) {
    const int slash = flattened.indexOf('/');
    if (slash < 0) return false;
    const QModelIndex source =
        m_model->componentIndex(flattened.left(slash), flattened.mid(slash + 1));
    const QModelIndex proxied = m_proxy->mapFromSource(source);
    if (!proxied.isValid()) return false;
    m_view->scrollTo(proxied);
    m_view->setCurrentIndex(proxied);
    return true;
}

void DevicePanel::showContextMenu(const QPoint& position) {
    const QModelIndex proxied = m_view->indexAt(position);
    if (!proxied.isValid()) return;
    const QModelIndex index = m_proxy->mapToSource(proxied.siblingAtColumn(0));
    const auto type =
        PackageTreeModel::NodeType(index.data(PackageTreeModel::kNodeTypeRole).toInt());
    const std::string name = index.data(PackageTreeModel::kComponentRole).toString().toStdString();
    QMenu menu(this);
    if (type == PackageTreeModel::NodeType::Package) {
        const InstalledPackage* package = nullptr;
        for (const InstalledPackage& candidate : m_session.device().packages) {
            if (candidate.packageName() == name) package = &candidate;
        }
        if (!package) return;
        menu.addAction(package->removed ? tr("Install") : tr("Remove"), this,
                       [this, name, removed = package->removed] {
                           m_session.setPackageRemoved(name, !removed);
                       });
        menu.addAction(package->enabled ? tr("Disable application") : tr("Enable application"),
                       this, [this, name, enabled = package->enabled] {
                           m_session.setApplicationEnabled(name, !enabled);
                       });
        menu.addAction(package->suspended ? tr("Unsuspend") : tr("Suspend"), this,
                       [this, name, suspended = package->suspended] {
                           m_session.setPackageSuspended(name, !suspended);
                       });
    } else {
        const auto component = ComponentName::unflatten(name);
        if (!component) return;
        const bool enabled = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
        menu.addAction(enabled ? tr("Disable component") : tr("Enable component"), this,
                       [this, component, enabled] {
                           m_session.setComponentEnabled(component->packageName,
                                                         component->className, !enabled);
                       });
    }
    menu.addSeparator();
    menu.addAction(tr("Show in manifest"), this, [this, index] {
        emit locationActivated(index.data(kLocationRole).value<hearth::SourceLocation>());
    });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

}  // namespace hearth::gui

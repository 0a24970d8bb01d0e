#pragma once
// PackageTreeModel: the device's packages, their components and the components' intent filters,
// as a three-level tree over the DeviceSession's device. Check boxes install / remove
// packages and enable / disable components; the edit goes to the session (in memory only), which
// tells every panel.

#include <hearth/component_name.h>
#include <hearth/device.h>
#include <hearth/manifest.h>
#include <hearth/source_location.h>

#include <QAbstractItemModel>
#include <QStringList>
#include <vector>

#include "gui_support.h"

namespace hearth::gui {

class DeviceSession;

class PackageTreeModel : public QAbstractItemModel {
    Q_OBJECT

  public:
    enum Column { Name, Kind, State, Badges, Source, ColumnCount };
    /// The row's badges ("HOME", "HOME_FIRST", "LAUNCHER", "DEFAULT") as a QStringList.
    static constexpr int kBadgesRole = kPackageBadgesRole;
    /// What the row is: a NodeType value.
    static constexpr int kNodeTypeRole = kPackageNodeTypeRole;
    /// The row's "package/class" (components), package name (packages) or owning component.
    static constexpr int kComponentRole = kPackageComponentRole;

    enum class NodeType { Package, Component, Filter };

    explicit PackageTreeModel(DeviceSession& session, QObject* parent = nullptr);

    /// The categories worth a badge on a MAIN filter, in the order they are shown.
    static QStringList badgesOf(const IntentFilter& filter);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The index of a package row, or an invalid index.
    QModelIndex packageIndex(const QString& packageName) const;
    /// The index of a component row, or an invalid index.
    QModelIndex componentIndex(const QString& packageName, const QString& className) const;

  private:
    // The rows keep what an edit can change, to tell which rows changed (refresh()); text that
    // only the files decide (filter summaries, names, labels, source locations) is read from the
    // session's device when a view asks for it. Rows match device().packages, components and
    // filters index for index: a 10,000-package device has 100,000 filters, and rendering them
    // all up front was an eighth of opening it (issue 16).
    using BadgeBits = quint8;
    struct FilterRow {
        int declared = 0;
        int effective = 0;  ///< after the P-1..P-3 clamping
        BadgeBits badges = 0;
    };
    struct ComponentRow {
        bool enabled = true;
        bool exported = false;
        QString state;
        BadgeBits badges = 0;
        std::vector<FilterRow> filters;
    };
    struct PackageRow {
        QString name;
        bool installed = true;
        QString state;
        QString tooltip;
        BadgeBits badges = 0;
        SourceLocation where;
        std::vector<ComponentRow> components;
    };

    static BadgeBits badgeBitsOf(const IntentFilter& filter);
    static QStringList badgeNames(BadgeBits bits);
    const InstalledPackage* packageAt(size_t package) const;
    const Component* componentAt(size_t package, size_t component) const;
    const IntentFilter* filterAt(size_t package, size_t component, size_t filter) const;
    QVariant componentData(size_t package, const QModelIndex& index, int role) const;
    QVariant filterData(size_t package, size_t component, const QModelIndex& index,
                        int role) const;
    static bool sameRow(const FilterRow& a, const FilterRow& b);
    static bool sameRow(const ComponentRow& a, const ComponentRow& b);
    static bool sameRow(const PackageRow& a, const PackageRow& b);
    void reset();
    void refresh();
    std::vector<PackageRow> snapshot() const;
    bool sameShape(const std::vector<PackageRow>& rows) const;

    DeviceSession& m_session;
    std::vector<PackageRow> m_packages;
};

}  // namespace hearth::gui

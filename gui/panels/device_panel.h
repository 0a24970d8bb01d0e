#pragma once
// DevicePanel: the package tree with a search box. Checking and unchecking edits the in-memory
// device; selecting a row tells the window which manifest line to show.

#include <hearth/source_location.h>

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace hearth::gui {

class DeviceSession;
class PackageTreeModel;

class DevicePanel : public QWidget {
    Q_OBJECT

  public:
    explicit DevicePanel(DeviceSession& session, QWidget* parent = nullptr);

    PackageTreeModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    QTreeView* view() const { return m_view; }
    QLineEdit* searchBox() const { return m_search; }

    /// Selects and reveals a component ("pkg/full.Class"); false when it is not listed.
    bool revealComponent(const QString& flattened);

  signals:
    /// The selected row's manifest location (package, component or filter).
    void locationSelected(const hearth::SourceLocation& where);
    /// The user asked to see a row's manifest line (double-click, "Show in manifest").
    void locationActivated(const hearth::SourceLocation& where);

  private:
    void applySearch(const QString& text);
    void expandPackages();
    void showContextMenu(const QPoint& position);
    void updateSummary();

    DeviceSession& m_session;
    PackageTreeModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTreeView* m_view = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_summary = nullptr;
};

}  // namespace hearth::gui

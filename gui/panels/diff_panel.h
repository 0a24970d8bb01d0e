#pragma once
// DiffPanel: `hearth diff` in the window — which intents (and HOME call sites) change their
// outcome between the device as loaded and this window's edited copy of it (packages removed or
// disabled, API level changed, HOME sites patched, choices forgotten). The rows are the core's
// diffDevices; the panel only chooses the two devices and when to compare them.

#include <QWidget>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace hearth::gui {

class DeviceSession;
class DiffModel;

class DiffPanel : public QWidget {
    Q_OBJECT

  public:
    explicit DiffPanel(DeviceSession& session, QWidget* parent = nullptr);

    /// Compares the loaded device with the edited one now; false when no device is open.
    bool compare();
    /// True when the rows shown are those of the current devices (false until the next compare
    /// after an edit made while the panel was hidden).
    bool isCurrent() const { return !m_stale; }
    DiffModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    /// The line above the table: renderDiffSummary's sentence, or why there is none.
    QString summaryText() const;

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    void onDeviceChanged();

    DeviceSession& m_session;
    QLabel* m_summary = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    DiffModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    bool m_stale = true;
};

}  // namespace hearth::gui

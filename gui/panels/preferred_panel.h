#pragma once
// PreferredPanel: the choices the device has recorded (PreferredModel) — listed, forgotten one
// by one or all at once, in the window's copy of the device. Forgetting "Always" brings the
// chooser back, as Settings > Apps > Open by default > Clear defaults does on a phone.

#include <hearth/source_location.h>

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hearth::gui {

class DeviceSession;
class PreferredModel;

class PreferredPanel : public QWidget {
    Q_OBJECT

  public:
    explicit PreferredPanel(DeviceSession& session, QWidget* parent = nullptr);

    PreferredModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    /// Forgets the entries of the selected rows; false when none is selected.
    bool forgetSelected();
    /// Forgets every recorded choice; false when there is none.
    bool forgetAll();

  signals:
    void locationActivated(const hearth::SourceLocation& where);

  private:
    void refresh();

    DeviceSession& m_session;
    PreferredModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_forget = nullptr;
    QPushButton* m_forgetAll = nullptr;
};

}  // namespace hearth::gui

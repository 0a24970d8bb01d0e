#pragma once
// DiffPanel: `hearth diff` in the window — which intents (and HOME call sites) change their
// outcome between the device as loaded and this window's edited copy of it (packages removed or
// disabled, API level changed, HOME sites patched, choices forgotten), or between this device and
// another one read from disk. The rows are the core's diffDevices; the panel only chooses the two
// devices and when to compare them.

#include <hearth/device.h>

#include <QWidget>
#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace hearth::gui {

class DeviceSession;
class DiffModel;

class DiffPanel : public QWidget {
    Q_OBJECT

  public:
    explicit DiffPanel(DeviceSession& session, QWidget* parent = nullptr);

    /// Compares now: the loaded device with the edited one, or the edited one with the other
    /// device when one is set. False when no device is open.
    bool compare();
    /// Reads another device (a folder, device.json, manifest or APK, as loadDevice reads it) and
    /// compares this window's device with it: `hearth diff THIS OTHER`. False, with the core's
    /// message shown and no rows, when it cannot be read; the two devices compared stay the same.
    bool compareWith(const QString& path);
    /// Goes back to comparing the loaded device with the edited one.
    void compareWithLoaded();
    /// The other device's path, "" while the edits are compared.
    QString otherDevicePath() const { return m_otherPath; }
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
    void chooseOtherDevice();
    void showSides();

    DeviceSession& m_session;
    std::optional<Device> m_other;
    QString m_otherPath;
    QLabel* m_sides = nullptr;
    QPushButton* m_backToLoaded = nullptr;
    QLabel* m_summary = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    DiffModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    bool m_stale = true;
};

}  // namespace hearth::gui

#pragma once
// DiffPanel: `hearth diff` in the window — which intents (and HOME call sites) change their
// outcome between the device as loaded and this window's edited copy of it (packages removed or
// disabled, API level changed, HOME sites patched, choices forgotten), or between this device and
// another one read from disk. The rows are the core's diffDevices; the panel only chooses the two
// devices and when to compare them. diffDevices runs on a worker thread (QtConcurrent; about 12 s
// on the 10,000-package device): the window stays usable, and a result that an edit has made out
// of date is dropped when it arrives.

#include <hearth/device.h>

#include <QFutureWatcher>
#include <QWidget>
#include <memory>
#include <optional>
#include <string>

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

    /// Starts comparing: the loaded device with the edited one, or the edited one with the other
    /// device when one is set, on a worker thread; the rows arrive when it ends (comparing()
    /// until then). False when no device is open.
    bool compare();
    /// True while a comparison runs in the background.
    bool comparing() const { return m_watcher.isRunning(); }
    /// Waits (processing events) until the running comparison has delivered its rows; false when
    /// it did not within timeoutMs. For --screenshot and tests.
    bool waitForResult(int timeoutMs = 120000);
    /// Reads another device (a folder, device.json, manifest or APK, as loadDevice reads it) and
    /// compares this window's device with it: `hearth diff THIS OTHER`. False, with the core's
    /// message shown and no rows, when it cannot be read; the two devices compared stay the same.
    bool compareWith(const QString& path);
    /// Goes back to comparing the loaded device with the edited one.
    void compareWithLoaded();
    /// The other device's path, "" while the edits are compared.
    QString otherDevicePath() const { return m_otherPath; }
    /// True when the rows shown are those of the current devices (false while a comparison runs,
    /// and until the next compare after an edit made while the panel was hidden).
    bool isCurrent() const { return !m_stale && m_shownGeneration == m_generation; }
    DiffModel* model() const { return m_model; }
    QSortFilterProxyModel* proxy() const { return m_proxy; }
    /// The line above the table: renderDiffSummary's sentence, or why there is none.
    QString summaryText() const;

  protected:
    void showEvent(QShowEvent* event) override;

  signals:
    /// The rows of a comparison are shown (or its error).
    void compared();

  private:
    struct Outcome;
    void onDeviceChanged();
    void showOutcome();
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
    quint64 m_generation = 0;       ///< the comparison whose result is still wanted
    quint64 m_shownGeneration = 0;  ///< the comparison whose rows are shown
    QFutureWatcher<std::shared_ptr<Outcome>> m_watcher;
};

}  // namespace hearth::gui

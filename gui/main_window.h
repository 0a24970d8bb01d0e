#pragma once
// MainWindow: the explorer. The device tree docks on the left, diagnostics at the bottom; the
// centre holds the home comparison, the intent tester and the manifest view. Devices load on a
// worker thread with a progress bar, reload when a file on disk changes, and every in-memory
// edit reaches every panel through the DeviceSession.

#include <hearth/device.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

#include <QMainWindow>
#include <QStringList>
#include <memory>

#include "device_session.h"
#include "export.h"

class QFileSystemWatcher;
class QLabel;
class QMenu;
class QProgressBar;
class QTabWidget;
class QTableView;
class QTimer;

namespace hearth::gui {

class DeviceLoader;
class ClaimsPanel;
class DeviceFactsPanel;
class DevicePanel;
class DeviceSession;
class DiagnosticModel;
class DiffPanel;
class HomePanel;
class InstallRefusalsPanel;
class PreferredPanel;
class IntentTester;
class ManifestView;

class MainWindow : public QMainWindow {
    Q_OBJECT

  public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Starts loading a device (folder, device.json, manifest or APK) in the background.
    void openDevice(const QString& path);
    /// Loads a device before returning (for --screenshot and tests). False when it fails; the
    /// error is then in lastError() and in the diagnostics dock.
    bool openDeviceNow(const QString& path);
    /// Loads the current device again from disk (edits in memory are dropped).
    void reload();
    /// The path of the device shown ("" when none).
    QString devicePath() const { return m_devicePath; }
    /// The last load or export error, "" when the last one succeeded.
    QString lastError() const { return m_lastError; }

    DeviceSession& session() const { return *m_session; }
    DevicePanel* devicePanel() const { return m_devicePanel; }
    DeviceFactsPanel* deviceFactsPanel() const { return m_factsPanel; }
    HomePanel* homePanel() const { return m_homePanel; }
    IntentTester* intentTester() const { return m_intentTester; }
    ManifestView* manifestView() const { return m_manifestView; }
    ClaimsPanel* claimsPanel() const { return m_claimsPanel; }
    PreferredPanel* preferredPanel() const { return m_preferredPanel; }
    DiffPanel* diffPanel() const { return m_diffPanel; }
    InstallRefusalsPanel* refusalsPanel() const { return m_refusalsPanel; }
    DiagnosticModel* diagnosticModel() const { return m_diagnostics; }
    QTabWidget* tabs() const { return m_tabs; }

    /// The home comparison as the CLI prints it with `home --compare --json`.
    QByteArray homeComparisonJson() const;
    /// The intent tester's answer as the CLI prints it with `resolve --json`; empty when no
    /// intent has been run.
    QByteArray intentAnswerJson() const;
    /// Writes JSON or a PNG of the current tab's panel; confirm decides about existing files.
    bool exportHomeJson(const QString& path, const ConfirmOverwrite& confirm);
    bool exportIntentJson(const QString& path, const ConfirmOverwrite& confirm);
    /// Writes the edited device (DeviceSession::deviceToSave) as a device.json at path, never over
    /// one of the device's own files; what device.json cannot say is in lastSaveLost().
    bool saveDeviceJson(const QString& path, const ConfirmOverwrite& confirm);
    /// What the last saveDeviceJson could not write (renderDeviceJson's `lost`).
    QStringList lastSaveLost() const { return m_lastSaveLost; }
    /// A PNG of a panel (the home panel or the intent tester, as shown now).
    bool exportPng(QWidget* panel, const QString& path, const ConfirmOverwrite& confirm);

    /// The recent devices, most recent first (QSettings).
    static QStringList recentDevices();

  protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

  private:
    void buildMenus();
    void buildDocks();
    void onLoadStarted(const QString& path);
    void onLoadProgress(qulonglong done, qulonglong total);
    void onLoadFinished(const QString& path, std::shared_ptr<Result<AnalyzedDevice>> result);
    /// Shows a manifest line; focus also brings the manifest tab to the front.
    void showLocation(const SourceLocation& where, bool focus);
    void updateTitle();
    void watchDeviceFiles();
    void rememberRecent(const QString& path);
    void refillRecentMenu();
    void chooseAndOpen(bool folder);
    enum class ExportKind { HomeJson, HomePng, IntentJson, IntentPng };
    void exportWithDialog(ExportKind kind);
    bool finishExport(const Result<void>& written, const QString& path);
    void showAbout();
    void saveDeviceWithDialog();
    bool askOverwrite(const QString& path);

    std::unique_ptr<DeviceSession> m_session;
    DeviceLoader* m_loader = nullptr;
    DevicePanel* m_devicePanel = nullptr;
    DeviceFactsPanel* m_factsPanel = nullptr;
    HomePanel* m_homePanel = nullptr;
    IntentTester* m_intentTester = nullptr;
    ManifestView* m_manifestView = nullptr;
    ClaimsPanel* m_claimsPanel = nullptr;
    PreferredPanel* m_preferredPanel = nullptr;
    DiffPanel* m_diffPanel = nullptr;
    InstallRefusalsPanel* m_refusalsPanel = nullptr;
    DiagnosticModel* m_diagnostics = nullptr;
    QTableView* m_diagnosticView = nullptr;
    QTabWidget* m_tabs = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_statusDevice = nullptr;
    QMenu* m_recentMenu = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QTimer* m_reloadTimer = nullptr;
    QString m_devicePath;
    QString m_lastError;
    QString m_changedFile;
    QStringList m_lastSaveLost;
};

}  // namespace hearth::gui

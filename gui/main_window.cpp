#include "main_window.h"

#include <hearth/home.h>
#include <hearth/home_report.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>

#include "device_loader.h"
#include "device_session.h"
#include "gui_support.h"
#include "models/diagnostic_model.h"
#include "panels/claims_panel.h"
#include "panels/device_facts_panel.h"
#include "panels/device_panel.h"
#include "panels/diff_panel.h"
#include "panels/home_panel.h"
#include "panels/install_refusals_panel.h"
#include "panels/preferred_panel.h"
#include "panels/intent_tester.h"
#include "panels/manifest_view.h"

namespace hearth::gui {
namespace {

constexpr int kMaxRecent = 8;
const char* const kRecentKey = "recentDevices";

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_session(std::make_unique<DeviceSession>()) {
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    setObjectName("mainWindow");

    m_loader = new DeviceLoader(this);
    m_homePanel = new HomePanel(*m_session, this);
    m_intentTester = new IntentTester(*m_session, this);
    m_manifestView = new ManifestView(*m_session, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName("mainTabs");
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_homePanel, tr("&Home"));
    m_tabs->addTab(m_intentTester, tr("&Intent tester"));
    m_tabs->addTab(m_manifestView, tr("&Manifest"));
    m_claimsPanel = new ClaimsPanel(*m_session, this);
    m_tabs->addTab(m_claimsPanel, tr("&Claims"));
    m_preferredPanel = new PreferredPanel(*m_session, this);
    m_tabs->addTab(m_preferredPanel, tr("&Preferred"));
    m_diffPanel = new DiffPanel(*m_session, this);
    m_tabs->addTab(m_diffPanel, tr("&Diff"));
    m_refusalsPanel = new InstallRefusalsPanel(*m_session, this);
    m_tabs->addTab(m_refusalsPanel, tr("&Refusals"));
    setCentralWidget(m_tabs);

    buildDocks();
    buildMenus();

    m_progress = new QProgressBar(this);
    m_progress->setObjectName("loadProgress");
    m_progress->setMaximumWidth(240);
    m_progress->setFormat(tr("%v of %m manifests"));
    m_progress->hide();
    m_statusDevice = new QLabel(this);
    // Long paths must not widen the window; the tooltip has the whole path.
    m_statusDevice->setMaximumWidth(480);
    statusBar()->addPermanentWidget(m_statusDevice);
    statusBar()->addPermanentWidget(m_progress);

    m_watcher = new QFileSystemWatcher(this);
    m_reloadTimer = new QTimer(this);
    m_reloadTimer->setSingleShot(true);
    // Editors save in bursts (write, rename, touch): wait for the burst to end.
    m_reloadTimer->setInterval(400);
    auto changed = [this](const QString& path) {
        m_changedFile = path;
        m_reloadTimer->start();
    };
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, changed);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, changed);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        statusBar()->showMessage(tr("%1 changed on disk: reloading").arg(m_changedFile), 4000);
        reload();
    });

    connect(m_loader, &DeviceLoader::started, this, &MainWindow::onLoadStarted);
    connect(m_loader, &DeviceLoader::progress, this, &MainWindow::onLoadProgress);
    connect(m_loader, &DeviceLoader::finished, this, &MainWindow::onLoadFinished);
    connect(m_session.get(), &DeviceSession::deviceEdited, this, &MainWindow::updateTitle);
    connect(m_devicePanel, &DevicePanel::locationSelected, this,
            [this](const SourceLocation& where) { showLocation(where, false); });
    connect(m_devicePanel, &DevicePanel::locationActivated, this,
            [this](const SourceLocation& where) { showLocation(where, true); });
    connect(m_intentTester, &IntentTester::locationActivated, this,
            [this](const SourceLocation& where) { showLocation(where, true); });
    connect(m_claimsPanel, &ClaimsPanel::locationActivated, this,
            [this](const SourceLocation& where) { showLocation(where, true); });
    connect(m_preferredPanel, &PreferredPanel::locationActivated, this,
            [this](const SourceLocation& where) { showLocation(where, true); });
    connect(m_refusalsPanel, &InstallRefusalsPanel::locationActivated, this,
            [this](const SourceLocation& where) { showLocation(where, true); });
    connect(m_homePanel, &HomePanel::locationActivated, this,
            [this](const SourceLocation& where) { showLocation(where, true); });

    resize(1400, 900);
    updateTitle();
}

MainWindow::~MainWindow() {
    // Panels and their models read the session while Qt tears them down (a view being hidden
    // still asks its model for size hints). ~QWidget would delete them only after m_session is
    // gone (a use after free under ASan), so they go first.
    delete centralWidget();
    for (QDockWidget* dock : findChildren<QDockWidget*>(QString(), Qt::FindDirectChildrenOnly))
        delete dock;
}

void MainWindow::buildDocks() {
    m_devicePanel = new DevicePanel(*m_session, this);
    auto* deviceDock = new QDockWidget(tr("Device"), this);
    deviceDock->setObjectName("deviceDock");
    deviceDock->setWidget(m_devicePanel);
    deviceDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, deviceDock);
    resizeDocks({deviceDock}, {455}, Qt::Horizontal);
    m_factsPanel = new DeviceFactsPanel(*m_session, this);
    auto* factsDock = new QDockWidget(tr("Device facts"), this);
    factsDock->setObjectName("factsDock");
    // The per-package controls and the App Links table make the panel tall: it scrolls rather
    // than squeezing the device tree above it.
    auto* factsScroll = new QScrollArea(this);
    factsScroll->setWidgetResizable(true);
    factsScroll->setFrameShape(QFrame::NoFrame);
    factsScroll->setWidget(m_factsPanel);
    factsDock->setWidget(factsScroll);
    factsDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                           QDockWidget::DockWidgetClosable);
    splitDockWidget(deviceDock, factsDock, Qt::Vertical);

    m_diagnostics = new DiagnosticModel(this);
    m_diagnosticView = new QTableView(this);
    m_diagnosticView->setObjectName("diagnosticsTable");
    m_diagnosticView->setModel(m_diagnostics);
    m_diagnosticView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diagnosticView->verticalHeader()->hide();
    m_diagnosticView->horizontalHeader()->setStretchLastSection(true);
    m_diagnosticView->horizontalHeader()->setSectionResizeMode(DiagnosticModel::Location,
                                                               QHeaderView::ResizeToContents);
    connect(m_diagnosticView, &QAbstractItemView::doubleClicked, this,
            [this](const QModelIndex& index) {
                showLocation(index.data(kLocationRole).value<SourceLocation>(), true);
            });
    auto* diagnosticsDock = new QDockWidget(tr("Diagnostics"), this);
    diagnosticsDock->setObjectName("diagnosticsDock");
    diagnosticsDock->setWidget(m_diagnosticView);
    addDockWidget(Qt::BottomDockWidgetArea, diagnosticsDock);
    resizeDocks({diagnosticsDock}, {90}, Qt::Vertical);
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] { chooseAndOpen(false); });
    file->addAction(tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    [this] { chooseAndOpen(true); });
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    refillRecentMenu();
    file->addAction(tr("&Reload"), QKeySequence::Refresh, this, &MainWindow::reload);
    file->addAction(tr("Re&vert Edits"), this, [this] {
        if (m_session->hasDevice()) m_session->revertEdits();
    });
    file->addSeparator();
    file->addAction(tr("&Save Device as device.json…"), QKeySequence::SaveAs, this,
                    &MainWindow::saveDeviceWithDialog);
    QMenu* exports = file->addMenu(tr("&Export"));
    exports->addAction(tr("Home Comparison as &JSON…"), this,
                       [this] { exportWithDialog(ExportKind::HomeJson); });
    exports->addAction(tr("Home Comparison as &PNG…"), this,
                       [this] { exportWithDialog(ExportKind::HomePng); });
    exports->addAction(tr("Intent Answer as J&SON…"), this,
                       [this] { exportWithDialog(ExportKind::IntentJson); });
    exports->addAction(tr("Intent Answer as P&NG…"), this,
                       [this] { exportWithDialog(ExportKind::IntentPng); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        view->addAction(dock->toggleViewAction());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Hearth"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::openDevice(const QString& path) { m_loader->start(path); }

bool MainWindow::openDeviceNow(const QString& path) {
    m_loader->loadNow(path);
    return m_lastError.isEmpty() && m_session->hasDevice() && m_devicePath == path;
}

void MainWindow::reload() {
    if (!m_devicePath.isEmpty()) openDevice(m_devicePath);
}

void MainWindow::onLoadStarted(const QString& path) {
    m_progress->setRange(0, 0);  // busy until the loader knows how many manifests there are
    m_progress->show();
    statusBar()->showMessage(tr("Loading %1…").arg(path));
}

void MainWindow::onLoadProgress(qulonglong done, qulonglong total) {
    m_progress->setRange(0, int(total));
    m_progress->setValue(int(done));
}

void MainWindow::onLoadFinished(const QString& path,
                                std::shared_ptr<Result<AnalyzedDevice>> result) {
    m_progress->hide();
    if (!result->has_value()) {
        const Error& error = result->error();
        m_lastError = qs(error.toString());
        Diagnostic diagnostic{Diagnostic::Severity::Error, error.where, error.message};
        if (diagnostic.where.file.empty()) diagnostic.where.file = path.toStdString();
        m_diagnostics->setDiagnostics({diagnostic});
        statusBar()->showMessage(tr("Cannot open %1: %2").arg(path, m_lastError));
        return;
    }
    m_lastError.clear();
    const bool sameDevice = path == m_devicePath;
    const bool hadEdits = sameDevice && m_session->hasDevice() && m_session->isEdited();
    m_devicePath = path;
    m_session->setDevice(std::move(*result).value());
    m_diagnostics->setDiagnostics(m_session->device().diagnostics);
    watchDeviceFiles();
    rememberRecent(path);
    updateTitle();
    const Device& device = m_session->device();
    QString message = tr("Loaded %1: %2 packages").arg(qs(device.name)).arg(device.packages.size());
    if (hadEdits) message += tr(" (in-memory edits dropped)");
    statusBar()->showMessage(message, 6000);
}

void MainWindow::watchDeviceFiles() {
    const QStringList old = m_watcher->files() + m_watcher->directories();
    if (!old.isEmpty()) m_watcher->removePaths(old);
    const Device& device = m_session->device();
    QStringList paths;
    const QString source = qs(device.source.string());
    if (QFileInfo::exists(source)) paths << source;
    if (QFileInfo(source).isDir() && QFileInfo::exists(source + "/device.json")) {
        paths << source + "/device.json";
    }
    for (const InstalledPackage& package : device.packages) {
        const QString file = qs(package.manifest.file);
        if (QFileInfo(file).isFile()) paths << file;
    }
    paths.removeDuplicates();
    if (!paths.isEmpty()) m_watcher->addPaths(paths);
}

void MainWindow::updateTitle() {
    const QString name =
        m_session->hasDevice() && !m_session->device().name.empty()
            ? qs(m_session->device().name)
            : (m_devicePath.isEmpty() ? tr("no device") : QFileInfo(m_devicePath).fileName());
    setWindowTitle(tr("%1[*] — Hearth Explorer").arg(name));
    setWindowModified(m_session->hasDevice() && m_session->isEdited());
    if (m_session->hasDevice()) {
        const Device& device = m_session->device();
        m_statusDevice->setText(tr("%1 · API %2").arg(m_devicePath).arg(device.apiLevel));
        m_statusDevice->setToolTip(m_devicePath);
    } else {
        m_statusDevice->clear();
    }
}

void MainWindow::showLocation(const SourceLocation& where, bool focus) {
    if (where.file.empty()) return;
    const bool shown = m_manifestView->showLocation(where);
    if (focus) {
        m_tabs->setCurrentWidget(m_manifestView);
        if (!shown) statusBar()->showMessage(tr("Cannot show %1").arg(qs(where.file)), 5000);
    }
}

QStringList MainWindow::recentDevices() { return QSettings().value(kRecentKey).toStringList(); }

void MainWindow::rememberRecent(const QString& path) {
    QStringList recent = recentDevices();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent) recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    refillRecentMenu();
}

void MainWindow::refillRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent = recentDevices();
    for (const QString& path : recent) {
        m_recentMenu->addAction(path, this, [this, path] { openDevice(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseAndOpen(bool folder) {
    const QString start = m_devicePath.isEmpty() ? QString() : QFileInfo(m_devicePath).path();
    const QString path =
        folder ? QFileDialog::getExistingDirectory(this, tr("Open a device folder"), start)
               : QFileDialog::getOpenFileName(this, tr("Open a device"), start,
                                              deviceFileFilter());
    if (!path.isEmpty()) openDevice(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.front().isLocalFile()) return;
    event->acceptProposedAction();
    openDevice(urls.front().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event) { event->accept(); }

QByteArray MainWindow::homeComparisonJson() const {
    if (!m_session->hasDevice()) return {};
    // The JSON explains every activity, as `hearth home --compare --json` does: computed here,
    // not kept, since the views need only the first few explained.
    return QByteArray::fromStdString(
        renderHomeCompareJson(m_session->fullHomeReport(Framework::Stock),
                              m_session->fullHomeReport(Framework::Patched)));
}

QByteArray MainWindow::intentAnswerJson() const { return m_intentTester->answerJson(); }

bool MainWindow::finishExport(const Result<void>& written, const QString& path) {
    if (!written) {
        m_lastError = qs(written.error().toString());
        statusBar()->showMessage(m_lastError, 8000);
        return false;
    }
    m_lastError.clear();
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
    return true;
}

bool MainWindow::exportHomeJson(const QString& path, const ConfirmOverwrite& confirm) {
    const QByteArray json = homeComparisonJson();
    if (json.isEmpty()) return finishExport(makeError("no device is open"), path);
    return finishExport(saveFile(path, json, confirm), path);
}

bool MainWindow::exportIntentJson(const QString& path, const ConfirmOverwrite& confirm) {
    const QByteArray json = intentAnswerJson();
    if (json.isEmpty()) {
        return finishExport(makeError("no intent answer yet: run an intent in the tester first"),
                            path);
    }
    return finishExport(saveFile(path, json, confirm), path);
}

bool MainWindow::exportPng(QWidget* panel, const QString& path, const ConfirmOverwrite& confirm) {
    return finishExport(saveFile(path, grabPng(panel), confirm), path);
}

bool MainWindow::saveDeviceJson(const QString& path, const ConfirmOverwrite& confirm) {
    m_lastSaveLost.clear();
    if (!m_session->hasDevice()) return finishExport(makeError("no device is open"), path);
    Result<std::vector<std::string>> lost =
        gui::saveDeviceJson(m_session->deviceToSave(), path, confirm);
    if (!lost) return finishExport(lost.error(), path);
    for (const std::string& what : *lost) m_lastSaveLost << qs(what);
    return finishExport(ok(), path);
}

void MainWindow::saveDeviceWithDialog() {
    if (!m_session->hasDevice()) return;
    const QString start = m_devicePath.isEmpty() ? QString() : QFileInfo(m_devicePath).path();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save device as device.json"), QDir(start).filePath("device.json"),
        tr("device.json (*.json)"), nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) return;
    if (!saveDeviceJson(path, [this](const QString& existing) { return askOverwrite(existing); })) {
        QMessageBox::warning(this, tr("Save failed"), m_lastError);
    } else if (!m_lastSaveLost.isEmpty()) {
        QMessageBox::information(this, tr("Saved, with omissions"),
                                 tr("device.json cannot say everything about this device:\n%1")
                                     .arg(m_lastSaveLost.join('\n')));
    }
}

bool MainWindow::askOverwrite(const QString& path) {
    return QMessageBox::question(
               this, tr("Replace file?"), tr("%1 already exists. Replace it?").arg(path),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

void MainWindow::exportWithDialog(ExportKind kind) {
    const bool json = kind == ExportKind::HomeJson || kind == ExportKind::IntentJson;
    const QString base = m_session->hasDevice() ? qs(m_session->device().name) : "hearth";
    const QString suggested =
        base + (kind == ExportKind::HomeJson || kind == ExportKind::HomePng ? "-home" : "-intent") +
        (json ? ".json" : ".png");
    // The dialog itself does not confirm: askOverwrite does, the same way for every path.
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export"), suggested, json ? tr("JSON (*.json)") : tr("PNG image (*.png)"),
        nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty()) return;
    const ConfirmOverwrite confirm = [this](const QString& existing) {
        return askOverwrite(existing);
    };
    bool saved = false;
    switch (kind) {
        case ExportKind::HomeJson:
            saved = exportHomeJson(path, confirm);
            break;
        case ExportKind::HomePng:
            saved = exportPng(m_homePanel, path, confirm);
            break;
        case ExportKind::IntentJson:
            saved = exportIntentJson(path, confirm);
            break;
        case ExportKind::IntentPng:
            saved = exportPng(m_intentTester, path, confirm);
            break;
    }
    if (!saved) QMessageBox::warning(this, tr("Export failed"), m_lastError);
}

void MainWindow::showAbout() {
    QMessageBox box(this);
    box.setWindowTitle(tr("About Hearth Explorer"));
    box.setIconPixmap(appIcon().pixmap(96, 96));
    box.setTextFormat(Qt::RichText);
    box.setText(tr("<h3>Hearth Explorer %1</h3>"
                   "<p>Which activity does Android make HOME — with the stock framework, and with "
                   "one patched to use <code>android.intent.category.HOME_FIRST</code>?</p>"
                   "<p>Hearth reads manifests and APKs and resolves intents exactly as "
                   "PackageManager does, offline. Every answer cites the rule it follows.</p>"
                   "<p>Built with Qt %2.</p>")
                    .arg(QStringLiteral(HEARTH_VERSION), QString::fromLatin1(qVersion())));
    box.exec();
}

}  // namespace hearth::gui

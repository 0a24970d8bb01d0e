// The window as a whole: opening devices (in the background, by drag and drop, from the recent
// list), reloading when a manifest changes on disk, load errors in the diagnostics dock, exports
// that never replace a file without asking, and the --screenshot mode of the real binary.

#include "main_window.h"

#include <hearth/home.h>
#include <hearth/home_report.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/resolve_report.h>
#include <hearth/start.h>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QTabWidget>
#include <QTableView>

#include "device_loader.h"
#include "device_session.h"
#include "gui_test_support.h"
#include "models/diagnostic_model.h"
#include "models/home_site_model.h"
#include "panels/home_panel.h"
#include "panels/intent_tester.h"
#include "panels/manifest_view.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

struct Run {
    int exitCode = -1;
    QString lastErrorLine;
};

/// Runs hearth-gui without a display and returns its exit code and the last line of stderr (Qt
/// may warn first, e.g. about XDG_RUNTIME_DIR).
Run runGui(const QStringList& arguments, bool withDisplayEnvironment = true) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    if (!withDisplayEnvironment) {
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
            environment.remove(name);
        }
    }
    process.setProcessEnvironment(environment);
    process.start(HEARTH_GUI_BINARY, arguments);
    if (!process.waitForFinished(120000)) return {};
    const QStringList lines =
        QString::fromUtf8(process.readAllStandardError()).split('\n', Qt::SkipEmptyParts);
    return {process.exitCode(), lines.isEmpty() ? QString() : lines.last()};
}

QString stockBoot(MainWindow& window, int column) {
    auto* model = window.homePanel()->model(Framework::Stock);
    return model->index(model->rowOf("boot"), column).data().toString();
}

QByteArray readAll(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

  private slots:
    void withNoDeviceNamedTheBundledSeedDeviceIsFound() {
        const QString seed = defaultDevicePath();
        QVERIFY(!seed.isEmpty());
        QVERIFY(QFileInfo(seed + "/device.json").isFile());
    }

    void openingTheSeedDeviceTitlesTheWindowWithItsName() {
        MainWindow window;
        QVERIFY2(window.openDeviceNow(defaultDevicePath()), qPrintable(window.lastError()));
        const std::string name = window.session().device().name;
        QVERIFY(!name.empty());
        QVERIFY(window.windowTitle().startsWith(QString::fromStdString(name)));
        QVERIFY(window.windowTitle().endsWith("Hearth Explorer"));
        QVERIFY(!window.windowIcon().isNull());
    }

    void aDeviceLoadsInTheBackgroundWithProgress() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        MainWindow window;
        auto* loader = window.findChild<DeviceLoader*>();
        QVERIFY(loader);
        QSignalSpy progress(loader, &DeviceLoader::progress);
        QSignalSpy finished(loader, &DeviceLoader::finished);
        window.openDevice(folder.path());
        QVERIFY(loader->isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(window.session().hasDevice());
        QCOMPARE(window.session().device().packages.size(), size_t(4));
        QVERIFY(!progress.isEmpty());
        const QList<QVariant> last = progress.last();
        QCOMPARE(last.at(0).toULongLong(), last.at(1).toULongLong());
        QCOMPARE(last.at(1).toULongLong(), qulonglong(4));
        QVERIFY(!window.findChild<QProgressBar*>("loadProgress")->isVisible());
    }

    void aLaterOpenSupersedesALoadStillRunning() {
        DeviceFolder first;
        writeLegacyHomeDevice(first, true);
        DeviceFolder second;
        writeLegacyHomeDevice(second, false);
        MainWindow window;
        window.openDevice(first.path());
        window.openDevice(second.path());
        QTRY_COMPARE_WITH_TIMEOUT(window.devicePath(), second.path(), 30000);
        QCOMPARE(window.session().device().packages.size(), size_t(3));
    }

    void aBrokenManifestIsReportedInTheDiagnosticsDockWithItsLocation() {
        // Android skips a package it cannot parse and boots anyway (issue 13): the device opens
        // without it and the dock shows the package's error with its location.
        DeviceFolder folder;
        folder.write("app/AndroidManifest.xml", "<manifest package=\"com.example\">\n  <oops\n");
        const Result<Device> expected = loadDevice(folder.path().toStdString());
        QVERIFY(expected.has_value());
        QCOMPARE(expected->skipped.size(), size_t(1));
        const Error& error = expected->skipped.front().error;
        QVERIFY(error.where.line > 0);
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        QVERIFY(window.session().hasDevice());
        QCOMPARE(window.session().device().packages.size(), size_t(0));
        DiagnosticModel* diagnostics = window.diagnosticModel();
        QCOMPARE(diagnostics->errorCount(), 1);
        int errorRow = -1;
        for (int row = 0; row < diagnostics->rowCount(); ++row) {
            if (diagnostics->index(row, DiagnosticModel::Severity).data().toString() == "error")
                errorRow = row;
        }
        QVERIFY(errorRow >= 0);
        QVERIFY(diagnostics->index(errorRow, DiagnosticModel::Location)
                    .data()
                    .toString()
                    .startsWith(QString::fromStdString(error.where.file) + ":" +
                                QString::number(error.where.line)));
    }

    void changingAManifestOnDiskReloadsTheDevice() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        QCOMPARE(stockBoot(window, HomeSiteModel::Outcome), QString("chooser"));
        // The third-party launcher stops declaring HOME: only the stock Launcher is left.
        folder.write("nova/AndroidManifest.xml",
                     activityManifest("com.example.nova", ".NovaHome", {kMain}, {kLauncher}));
        QTRY_COMPARE_WITH_TIMEOUT(stockBoot(window, HomeSiteModel::Result),
                                  QString("com.android.launcher/.Launcher"), 30000);
    }

    void droppingAFolderOnTheWindowOpensIt() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, false);
        MainWindow window;
        window.show();
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder.path())});
        // Qt delivers a drop to the widget that accepted the drag's enter event.
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton,
                              Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(window.devicePath(), folder.path(), 30000);
    }

    void recentDevicesListTheLastOpenedFirst() {
        DeviceFolder first;
        writeLegacyHomeDevice(first, true);
        DeviceFolder second;
        writeLegacyHomeDevice(second, false);
        MainWindow window;
        QVERIFY(window.openDeviceNow(first.path()));
        QVERIFY(window.openDeviceNow(second.path()));
        QVERIFY(window.openDeviceNow(first.path()));
        const QStringList recent = MainWindow::recentDevices();
        QVERIFY(recent.size() >= 2);
        QCOMPARE(recent.at(0), QFileInfo(first.path()).absoluteFilePath());
        QCOMPARE(recent.at(1), QFileInfo(second.path()).absoluteFilePath());
        QCOMPARE(recent.count(QFileInfo(first.path()).absoluteFilePath()), 1);
    }

    void exportingTheHomeComparisonWritesTheCliJsonAndNeverReplacesWithoutAsking() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        Device stock = loadOrFail(folder.path());
        stock.patch = FrameworkPatch{};
        Device patched = stock;
        patched.patch = fullHomeFirstPatch();
        const QByteArray expected = QByteArray::fromStdString(
            renderHomeCompareJson(analyzeHome(stock), analyzeHome(patched)));

        const QString path = folder.file("home.json");
        int asked = 0;
        auto refuse = [&asked](const QString&) { return ++asked, false; };
        auto accept = [&asked](const QString&) { return ++asked, true; };
        QVERIFY(window.exportHomeJson(path, refuse));
        QCOMPARE(asked, 0);
        QCOMPARE(readAll(path), expected);

        folder.write("home.json", "keep me");
        QVERIFY(!window.exportHomeJson(path, refuse));
        QCOMPARE(asked, 1);
        QCOMPARE(window.lastError(), "'" + path + "' exists: not replaced");
        QCOMPARE(readAll(path), QByteArray("keep me"));

        QVERIFY(window.exportHomeJson(path, accept));
        QCOMPARE(asked, 2);
        QCOMPARE(readAll(path), expected);
    }

    void withoutAnAnswerTheIntentExportSaysWhy() {
        MainWindow window;
        QTemporaryDir dir;
        QVERIFY(!window.exportIntentJson(dir.filePath("intent.json"), {}));
        QCOMPARE(window.lastError(),
                 QString("no intent answer yet: run an intent in the tester first"));
        QVERIFY(!QFileInfo::exists(dir.filePath("intent.json")));
    }

    void exportingTheIntentAnswerWritesTheCliStartJson() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        const Device device = loadOrFail(folder.path());
        const PackageIndex index(device);
        // The tester answers as `hearth start --json --explain` until told otherwise.
        auto expectedJson = [&index](const std::vector<std::string>& args) {
            const Result<Intent> intent = parseIntentArgs(args);
            if (!intent) return QByteArray();
            const ResolveRequest request{*intent, kStartQueryFlags, ComponentKind::Activity,
                                         ResolveMode::Start, Caller{}};
            const auto rejections = index.explain(request);
            return QByteArray::fromStdString(
                renderStartJson(resolveStart(index, request), &rejections));
        };

        // A freshly opened device already answers the home intent.
        const QString path = folder.file("intent.json");
        QVERIFY(window.exportIntentJson(path, {}));
        QCOMPARE(readAll(path), expectedJson({"-a", "android.intent.action.MAIN", "-c",
                                              "android.intent.category.HOME"}));

        QVERIFY(window.intentTester()->setAmArguments(
            "-a android.intent.action.VIEW -d https://example.com/x"));
        QVERIFY(window.intentTester()->run());
        QVERIFY(window.exportIntentJson(path, [](const QString&) { return true; }));
        QCOMPARE(readAll(path),
                 expectedJson({"-a", "android.intent.action.VIEW", "-d", "https://example.com/x"}));
    }

    void aDeviceEditedInTheWindowSavesAsADeviceJsonThatReloadsToTheSameAnswers() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        const QByteArray original = readAll(folder.file("device.json"));
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        DeviceSession& session = window.session();
        // A package disabled, one removed, and a half patch: boot keeps HOME (H-1, H-4).
        QVERIFY(session.setApplicationEnabled("com.example.nova", false));
        QVERIFY(session.setPackageRemoved("com.example.browser", true));
        session.setSitePatched("boot", false);

        QTemporaryDir elsewhere;
        const QString path = elsewhere.filePath("device.json");
        QVERIFY2(window.saveDeviceJson(path, {}), qPrintable(window.lastError()));
        QVERIFY(window.lastSaveLost().isEmpty());
        QCOMPARE(readAll(folder.file("device.json")), original);

        // Loaded the way the CLI loads it, the saved device answers as the window did.
        const Device reloaded = loadOrFail(path);
        QCOMPARE(reloaded.patch.homeFirstSites, session.patchedSites());
        QCOMPARE(QString::fromStdString(renderHomeJson(analyzeHome(reloaded))),
                 QString::fromStdString(renderHomeJson(session.homeReport(Framework::Patched))));
        const PackageIndex index(reloaded);
        for (const std::vector<std::string>& args :
             {std::vector<std::string>{"-a", "android.intent.action.VIEW", "-d",
                                       "https://example.com/x"},
              std::vector<std::string>{"-a", "android.intent.action.MAIN", "-c",
                                       "android.intent.category.HOME"}}) {
            const Result<Intent> intent = parseIntentArgs(args);
            QVERIFY(intent.has_value());
            QCOMPARE(QString::fromStdString(renderResolveJson(index.resolveActivity(*intent, 0))),
                     QString::fromStdString(
                         renderResolveJson(session.index().resolveActivity(*intent, 0))));
        }
    }

    void savingADeviceNeverWritesItsOwnFilesNorReplacesWithoutAsking() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        const QByteArray original = readAll(folder.file("device.json"));
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        QVERIFY(window.session().setPackageRemoved("com.example.browser", true));
        const auto yes = [](const QString&) { return true; };
        QVERIFY(!window.saveDeviceJson(folder.file("device.json"), yes));
        QCOMPARE(window.lastError(), "'" + folder.file("device.json") +
                                         "' is one of the device's own files: save the edited "
                                         "device elsewhere");
        QVERIFY(!window.saveDeviceJson(folder.file("browser/AndroidManifest.xml"), yes));
        QCOMPARE(readAll(folder.file("device.json")), original);

        folder.write("copy.json", "{}");
        int asked = 0;
        QVERIFY(!window.saveDeviceJson(folder.file("copy.json"), [&asked](const QString&) {
            ++asked;
            return false;
        }));
        QCOMPARE(asked, 1);
        QCOMPARE(readAll(folder.file("copy.json")), QByteArray("{}"));
        QVERIFY(window.saveDeviceJson(folder.file("copy.json"), yes));
        QVERIFY(loadOrFail(folder.file("copy.json")).packages.at(2).removed);
    }

    void exportingIntoAMissingFolderFailsWithTheReason() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        const QString path = folder.file("missing/home.json");
        QVERIFY(!window.exportHomeJson(path, {}));
        QVERIFY(window.lastError().startsWith("cannot write '" + path + "': "));
    }

    void longAnswersWrapInsteadOfWideningTheWindow() {
        // Forty launchers with long names: the chooser line and the tables grow, the window not.
        DeviceFolder folder;
        QByteArray packages;
        for (int i = 0; i < 40; ++i) {
            const QString package =
                QStringLiteral("com.example.a.rather.long.package.name.for.launcher%1").arg(i);
            folder.write(
                QStringLiteral("l%1/AndroidManifest.xml").arg(i),
                activityManifest(package, ".HomeScreenActivity", {kMain}, {kHome, kDefault}));
        }
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        QVERIFY(window.session().homeReport(Framework::Stock).sites.front().chooser.size() == 40);
        window.resize(1400, 900);
        window.show();
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            QApplication::processEvents();
            QCOMPARE(window.size(), QSize(1400, 900));
        }
    }

    void exportingAPanelAsPngWritesAnImageOfIt() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, true);
        MainWindow window;
        window.show();
        QVERIFY(window.openDeviceNow(folder.path()));
        const QString path = folder.file("home.png");
        QVERIFY(window.exportPng(window.homePanel(), path, {}));
        QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), window.homePanel()->size() * window.homePanel()->devicePixelRatio());
    }

    void theElementSpanCoversAFilterFromItsStartToItsEndTag() {
        const QString text =
            "<manifest>\n"
            "  <activity android:name=\".A\">\n"
            "    <intent-filter android:priority=\"1\">\n"
            "      <!-- </intent-filter> in a comment does not end it -->\n"
            "      <action android:name=\"a>b\"/>\n"
            "    </intent-filter>\n"
            "    <intent-filter/>\n"
            "  </activity>\n"
            "</manifest>\n";
        QCOMPARE(ManifestView::elementLines(text, 3, 5), std::make_pair(3, 6));
        QCOMPARE(ManifestView::elementLines(text, 2, 3), std::make_pair(2, 8));
        QCOMPARE(ManifestView::elementLines(text, 7, 5), std::make_pair(7, 7));
        // No column: the first element on the line.
        QCOMPARE(ManifestView::elementLines(text, 3, 0), std::make_pair(3, 6));
        QCOMPARE(ManifestView::elementLines(text, 99, 1), std::make_pair(99, 99));
    }

    void theScreenshotOptionRendersTheSeedDeviceToAPng() {
        QTemporaryDir dir;
        const QString png = dir.filePath("seed.png");
        QCOMPARE(runGui({"--screenshot", png, defaultDevicePath()}).exitCode, 0);
        QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1400, 900));
    }

    // Issue 16: without any display environment, --help and --screenshot used to abort (134).
    void helpAndScreenshotWorkWithoutADisplay() {
        QCOMPARE(runGui({"--help"}, false).exitCode, 0);
        QTemporaryDir dir;
        const QString png = dir.filePath("headless.png");
        QCOMPARE(runGui({"--screenshot", png, defaultDevicePath()}, false).exitCode, 0);
        QVERIFY(!QImage(png).isNull());
        const Run window = runGui({defaultDevicePath()}, false);
        QCOMPARE(window.exitCode, 1);
        QVERIFY(window.lastErrorLine.startsWith("hearth-gui: no display to open a window on"));
    }

    // A second device is compared with the first in the Diff tab, as `hearth diff A B` does.
    void theScreenshotOptionComparesASecondDeviceOrSaysWhyItCannot() {
        QTemporaryDir dir;
        const QString png = dir.filePath("diff.png");
        const QString appLinks = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/app-links");
        QCOMPARE(runGui({"--tab", "diff", "--screenshot", png, defaultDevicePath(), appLinks})
                     .exitCode,
                 0);
        QVERIFY(!QImage(png).isNull());
        const QString missing = dir.filePath("nothing-here");
        const Run run = runGui({"--screenshot", png, defaultDevicePath(), missing});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.lastErrorLine,
                 "hearth-gui: " +
                     QString::fromStdString(loadDevice(missing.toStdString()).error().toString()));
    }

    // --select highlights a component's element in the Manifest tab; a name the device lacks is
    // refused.
    void theScreenshotOptionSelectsAComponentOrSaysItIsMissing() {
        QTemporaryDir dir;
        const QString png = dir.filePath("manifest.png");
        const QString appLinks = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/app-links");
        QCOMPARE(runGui({"--tab", "manifest", "--select", "com.example.news/.ArticleActivity",
                         "--screenshot", png, appLinks})
                     .exitCode,
                 0);
        QVERIFY(!QImage(png).isNull());
        const Run run = runGui({"--tab", "manifest", "--select", "com.example.news/.Nope",
                                "--screenshot", png, appLinks});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.lastErrorLine,
                 QString("hearth-gui: --select names no component of the device, got "
                         "'com.example.news/.Nope'"));
    }

    void theScreenshotOptionFailsOnAnUnreadableDevice() {
        QTemporaryDir dir;
        const QString missing = dir.filePath("nothing-here");
        const Run run = runGui({"--screenshot", dir.filePath("x.png"), missing});
        QCOMPARE(run.exitCode, 1);
        const Result<Device> expected = loadDevice(missing.toStdString());
        QVERIFY(!expected.has_value());
        QCOMPARE(run.lastErrorLine,
                 "hearth-gui: " + QString::fromStdString(expected.error().toString()));
    }

    void badCommandLinesAreUsageErrorsThatSayWhatWasExpected() {
        QTemporaryDir dir;
        const QString png = dir.filePath("x.png");
        Run run = runGui({"--screenshot", png, "--size", "big", defaultDevicePath()});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.lastErrorLine,
                 QString("hearth-gui: --size must look like 1400x900, got 'big'"));
        run = runGui({"--tab", "phone", "--screenshot", png, defaultDevicePath()});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.lastErrorLine,
                 QString("hearth-gui: --tab must be one of home, intent, manifest, claims, preferred, "
                         "diff, refusals, got 'phone'"));
        run = runGui({"--screenshot", png, "a", "b", "c"});
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.lastErrorLine,
                 QString("hearth-gui: expected at most DEVICE and OTHER, got 3 devices"));
        QVERIFY(!QFileInfo::exists(png));
    }

    void exportingTheHomeComparisonWithoutADeviceSaysSo() {
        MainWindow window;
        QTemporaryDir dir;
        QVERIFY(!window.exportHomeJson(dir.filePath("home.json"), {}));
        QCOMPARE(window.lastError(), QString("no device is open"));
    }
};

HEARTH_GUI_TEST_MAIN(MainWindowTest)
#include "main_window_test.moc"

// The Diff tab (issue 16): `hearth diff` in the window, between the device as loaded and the
// window's edited copy. Its rows are the core's diffDevices for the same two devices, computed on
// a worker thread while the window keeps answering; a hidden tab waits to be shown before it
// compares.

#include "panels/diff_panel.h"

#include <hearth/device_diff.h>

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTimer>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "models/diff_model.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

const QString kAppLinks = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/app-links");
const QString kSeed = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/seed");

QStringList column(const QAbstractItemModel& model, int column) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) out << cell(model, row, column);
    return out;
}

QStringList intents(const DeviceDiff& diff) {
    QStringList out;
    for (const DiffRow& row : diff.rows) out << QString::fromStdString(row.intent);
    return out;
}

QStringList afterSummaries(const DeviceDiff& diff) {
    QStringList out;
    for (const DiffRow& row : diff.rows) out << QString::fromStdString(row.after.summary());
    return out;
}

}  // namespace

class DiffPanelTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        m_window = std::make_unique<MainWindow>();
        QVERIFY2(m_window->openDeviceNow(kAppLinks), qPrintable(m_window->lastError()));
        m_panel = m_window->diffPanel();
    }
    void cleanup() { m_window.reset(); }

    void anUneditedDeviceChangesNothing() {
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        const Device& loaded = m_window->session().loadedDevice();
        const DeviceDiff none = diffDevices(loaded, loaded);
        QCOMPARE(m_panel->summaryText(),
                 QString::fromStdString(renderDiffSummary(none, loaded, loaded)));
        QVERIFY(m_panel->summaryText().startsWith("No intent changes its outcome ("));
    }

    void removingAnAppListsTheCoresRows() {
        DiffModel* model = m_panel->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        const Device& loaded = m_window->session().loadedDevice();
        const Device edited = m_window->session().deviceToSave();
        const DeviceDiff expected = diffDevices(loaded, edited);
        QVERIFY(!expected.rows.empty());
        QCOMPARE(model->rowCount(), int(expected.rows.size()));
        QCOMPARE(column(*model, DiffModel::Intent), intents(expected));
        QCOMPARE(column(*model, DiffModel::After), afterSummaries(expected));
        QCOMPARE(m_panel->summaryText(),
                 QString::fromStdString(renderDiffSummary(expected, loaded, edited)));
        // News was verified for its links (W-23): they leave it for the default browser.
        const QStringList before = column(*model, DiffModel::Before);
        QVERIFY(before.contains("com.example.news/.ArticleActivity"));
        QVERIFY(!column(*model, DiffModel::After).join(' ').contains("com.example.news"));
        QCOMPARE(cell(*model, 0, DiffModel::Rule),
                 QString::fromStdString(expected.rows.front().after.rule));
        QCOMPARE(model->index(0, DiffModel::Why).data(Qt::ToolTipRole).toString(),
                 QString::fromStdString(expected.rows.front().after.reason));
    }

    void theFilterNarrowsTheTable() {
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        const int all = m_panel->proxy()->rowCount();
        auto* filter = m_panel->findChild<QLineEdit*>("diffFilter");
        filter->setText("NEWS.EXAMPLE.COM");
        QVERIFY(m_panel->proxy()->rowCount() > 0);
        QVERIFY(m_panel->proxy()->rowCount() <= all);
        for (int row = 0; row < m_panel->proxy()->rowCount(); ++row) {
            QVERIFY(cell(*m_panel->proxy(), row, DiffModel::Intent).contains("news.example.com") ||
                    cell(*m_panel->proxy(), row, DiffModel::Before).contains("news"));
        }
        filter->setText("no such text anywhere");
        QCOMPARE(m_panel->proxy()->rowCount(), 0);
    }

    void aHiddenTabComparesOnlyWhenShown() {
        m_window->tabs()->setCurrentIndex(0);  // Home
        m_window->show();
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(!m_panel->isCurrent());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        m_window->tabs()->setCurrentWidget(m_panel);
        QVERIFY(m_panel->waitForResult());
        QVERIFY(m_panel->isCurrent());
        QVERIFY(m_panel->model()->rowCount() > 0);
        // Shown, it follows each edit at once: putting News back changes nothing again.
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", false));
        QVERIFY(m_panel->waitForResult());
        QVERIFY(m_panel->isCurrent());
        QCOMPARE(m_panel->model()->rowCount(), 0);
    }

    void theCompareButtonComparesAndRevertClearsTheRows() {
        QVERIFY(m_window->session().setApiLevel(30));
        QTest::mouseClick(m_panel->findChild<QPushButton*>("diffCompare"), Qt::LeftButton);
        QVERIFY(m_panel->waitForResult());
        QVERIFY(m_panel->isCurrent());
        // On API 30 the links follow the rules before Android 12 (W-10): several get a chooser.
        QVERIFY(m_panel->model()->rowCount() > 0);
        const Device& loaded = m_window->session().loadedDevice();
        QCOMPARE(m_panel->model()->rowCount(),
                 int(diffDevices(loaded, m_window->session().deviceToSave()).rows.size()));
        m_window->session().revertEdits();
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        QCOMPARE(m_panel->model()->rowCount(), 0);
    }

    void patchingHomeSitesIsAnEditToo() {
        // The seed device runs the stock framework; patching one call site in the window moves
        // HOME there, as the saved device.json would.
        QVERIFY(m_window->openDeviceNow(kSeed));
        m_window->session().setPatchedSites({"boot"});
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        QVERIFY(column(*m_panel->model(), DiffModel::Intent).contains("home boot"));
    }

    void anotherDeviceIsComparedWithThisOneUntilTheLoadedOneIsAskedForAgain() {
        const QString legacy = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/legacy-links");
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(m_panel->compareWith(legacy) && m_panel->waitForResult());
        QCOMPARE(m_panel->otherDevicePath(), legacy);
        // `hearth diff THIS OTHER`: this window's device, edits included, before; the other after.
        const Device edited = m_window->session().deviceToSave();
        const Device other = loadOrFail(legacy);
        const DeviceDiff expected = diffDevices(edited, other);
        QVERIFY(!expected.rows.empty());
        QCOMPARE(column(*m_panel->model(), DiffModel::Intent), intents(expected));
        QCOMPARE(column(*m_panel->model(), DiffModel::After), afterSummaries(expected));
        QCOMPARE(m_panel->summaryText(),
                 QString::fromStdString(renderDiffSummary(expected, edited, other)));
        // Another edit compares the edited device with the same other one.
        QVERIFY(m_window->session().setApiLevel(30));
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        QCOMPARE(m_panel->model()->rowCount(),
                 int(diffDevices(m_window->session().deviceToSave(), other).rows.size()));
        QTest::mouseClick(m_panel->findChild<QPushButton*>("diffBackToLoaded"), Qt::LeftButton);
        QVERIFY(m_panel->waitForResult());
        QVERIFY(m_panel->otherDevicePath().isEmpty());
        QCOMPARE(m_panel->model()->rowCount(),
                 int(diffDevices(m_window->session().loadedDevice(),
                                 m_window->session().deviceToSave())
                         .rows.size()));
    }

    void anUnreadableOtherDeviceShowsTheCoresMessage() {
        QTemporaryDir dir;
        const QString missing = dir.filePath("nothing-here");
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        QVERIFY(!m_panel->compareWith(missing));
        QCOMPARE(m_panel->summaryText(),
                 QString::fromStdString(loadDevice(missing.toStdString()).error().toString()));
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QVERIFY(m_panel->otherDevicePath().isEmpty());
        QVERIFY(m_panel->compare() && m_panel->waitForResult());
        QVERIFY(m_panel->model()->rowCount() > 0);
    }

    void theComparisonRunsOnAWorkerThreadAndTheWindowKeepsAnswering() {
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(m_panel->compare());
        // compare() returns at once: the rows are not there yet, the window says it is working.
        QVERIFY(!m_panel->isCurrent());
        QVERIFY(m_panel->summaryText().startsWith("Comparing"));
        // The event loop runs meanwhile: a timer posted now fires before the rows arrive or with
        // them, never after a blocked loop.
        bool ticked = false;
        QTimer::singleShot(0, m_panel, [&ticked] { ticked = true; });
        QSignalSpy compared(m_panel, &DiffPanel::compared);
        QVERIFY(m_panel->waitForResult());
        QVERIFY(ticked);
        QCOMPARE(compared.size(), 1);
        QCOMPARE(m_panel->model()->rowCount(),
                 int(diffDevices(m_window->session().loadedDevice(),
                                 m_window->session().deviceToSave())
                         .rows.size()));
    }

    void anEditDuringAComparisonDropsItsOutOfDateResult() {
        m_window->tabs()->setCurrentWidget(m_panel);
        m_window->show();
        QVERIFY(m_panel->waitForResult());
        QSignalSpy compared(m_panel, &DiffPanel::compared);
        // Two edits in a row while shown: two comparisons, only the second one's rows are shown.
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", false));
        QVERIFY(m_panel->waitForResult());
        QTest::qWait(50);  // the first worker's result, if it came late, would land now
        QCOMPARE(compared.size(), 1);
        QCOMPARE(m_panel->model()->rowCount(), 0);
    }

    void withoutADeviceThereIsNothingToCompare() {
        MainWindow empty;
        QVERIFY(!empty.diffPanel()->compare());
        QCOMPARE(empty.diffPanel()->summaryText(), QString("No device is open."));
    }

  private:
    std::unique_ptr<MainWindow> m_window;
    DiffPanel* m_panel = nullptr;
};

HEARTH_GUI_TEST_MAIN(DiffPanelTest)
#include "diff_panel_test.moc"

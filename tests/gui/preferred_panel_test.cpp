// The Preferred tab (issue 16): the device's recorded choices listed, and forgotten in the
// window's copy of the device. Each answer afterwards is the core's answer for a device with the
// same entries removed by hand.

#include <hearth/package_index.h>
#include <hearth/start.h>

#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QTableView>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "models/preferred_model.h"
#include "panels/intent_tester.h"
#include "panels/preferred_panel.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

const QString kBrowsers = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/browsers");
// Matched at scheme level by every browser: the recorded "Always" choice (P-4) answers it.
const std::vector<std::string> kLink = {"-a", "android.intent.action.VIEW", "-d",
                                        "https://example.com/other"};

}  // namespace

class PreferredPanelTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        m_window = std::make_unique<MainWindow>();
        QVERIFY2(m_window->openDeviceNow(kBrowsers), qPrintable(m_window->lastError()));
        m_panel = m_window->preferredPanel();
    }
    void cleanup() { m_window.reset(); }

    void theRecordedChoiceIsListedWithItsFilterAndSource() {
        PreferredModel* model = m_panel->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(cell(*model, 0, PreferredModel::Kind), QString("always"));
        QCOMPARE(cell(*model, 0, PreferredModel::Activity),
                 QString("com.example.alpha/.BrowserActivity"));
        const QString filter = cell(*model, 0, PreferredModel::Filter);
        QCOMPARE(filter, QString("VIEW  \u00b7  BROWSABLE, DEFAULT  \u00b7  https:"));
        QCOMPARE(cell(*model, 0, PreferredModel::Match), QString("0x200000"));
        const auto where = model->index(0, 0).data(kLocationRole).value<SourceLocation>();
        QVERIFY(QString::fromStdString(where.file).endsWith("browsers/device.json"));
        QCOMPARE(where.line, m_window->session().device().preferred.front().where.line);
    }

    void forgettingTheChoiceBringsTheChooserBack() {
        const Device loaded = m_window->session().device();
        QCOMPARE(outcome(loaded), QString("activity"));
        auto* view = m_panel->findChild<QTableView*>("preferredTable");
        auto* forget = m_panel->findChild<QPushButton*>("preferredForget");
        QVERIFY(!forget->isEnabled());
        view->selectRow(0);
        QVERIFY(forget->isEnabled());
        QTest::mouseClick(forget, Qt::LeftButton);
        QVERIFY(m_window->session().device().preferred.empty());
        QCOMPARE(m_panel->model()->rowCount(), 0);
        QVERIFY(m_window->session().isEdited());
        Device byHand = loaded;
        byHand.preferred.clear();
        QCOMPARE(outcome(m_window->session().device()), outcome(byHand));
        QCOMPARE(outcome(byHand), QString("chooser"));
        QVERIFY(!m_panel->findChild<QPushButton*>("preferredForgetAll")->isEnabled());
    }

    void forgetAllClearsBothTablesAndNothingIsANoOp() {
        QVERIFY(m_panel->forgetAll());
        QVERIFY(m_window->session().device().preferred.empty());
        QVERIFY(m_window->session().device().persistentPreferred.empty());
        QVERIFY(!m_panel->forgetAll());
        QVERIFY(!m_panel->forgetSelected());
    }

  private:
    static QString outcome(const Device& device) {
        const PackageIndex index(device);
        Result<Intent> intent = parseIntentArgs(kLink);
        if (!intent) return "bad intent";
        return resolveOutcomeName(resolveStart(index, *intent).result.outcome);
    }

    std::unique_ptr<MainWindow> m_window;
    PreferredPanel* m_panel = nullptr;
};

HEARTH_GUI_TEST_MAIN(PreferredPanelTest)
#include "preferred_panel_test.moc"

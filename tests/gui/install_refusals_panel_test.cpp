// The Refusals tab (issue 16): the packages a device does not install and Android's reason (the
// core's installRefusals: S-1 and the minimum installable target SDK), those its load skipped and
// those the window's edits make Android refuse; the rows are the core's for the same device.

#include <hearth/install_check.h>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "models/install_refusal_model.h"
#include "panels/device_facts_panel.h"
#include "panels/install_refusals_panel.h"
#include "panels/manifest_view.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

const QString kAppLinks = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/app-links");

// A device of API 34 with one app targeting 22 (refused, INSTALL_FAILED_DEPRECATED_SDK_VERSION)
// and one targeting 34.
void writeOldAppDevice(const DeviceFolder& folder) {
    folder.write("old/AndroidManifest.xml",
                 "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"\n"
                 "    package=\"com.example.old\">\n"
                 "  <uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"22\"/>\n"
                 "  <application/>\n"
                 "</manifest>\n");
    folder.write("new/AndroidManifest.xml",
                 "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"\n"
                 "    package=\"com.example.new\">\n"
                 "  <uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"34\"/>\n"
                 "  <application/>\n"
                 "</manifest>\n");
    folder.write("device.json",
                 "{ \"name\": \"old-app\", \"api\": 34, \"packages\": [\n"
                 "  { \"manifest\": \"old/AndroidManifest.xml\" },\n"
                 "  { \"manifest\": \"new/AndroidManifest.xml\" } ] }\n");
}

}  // namespace

class InstallRefusalsPanelTest : public QObject {
    Q_OBJECT

  private slots:
    void aPackageTheLoadSkippedIsListedWithAndroidsReason() {
        DeviceFolder folder;
        writeOldAppDevice(folder);
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        InstallRefusalModel* model = window.refusalsPanel()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(cell(*model, 0, InstallRefusalModel::Package), QString("com.example.old"));
        QCOMPARE(cell(*model, 0, InstallRefusalModel::When), QString("when loaded: not installed"));
        const std::vector<InstallRefusal> core = installRefusals(window.session().device());
        QCOMPARE(cell(*model, 0, InstallRefusalModel::Why), qs(core.at(0).error.message));
        QVERIFY(cell(*model, 0, InstallRefusalModel::Why)
                    .startsWith("INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target "
                                "at least SDK version 23, but found 22"));
        QVERIFY(window.refusalsPanel()->summaryText().startsWith(
            "API 34 refuses 1 package(s): 1 skipped when the device loaded"));

        // A double click opens the manifest line Android names.
        window.tabs()->setCurrentWidget(window.refusalsPanel());
        QTableView* view = window.refusalsPanel()->view();
        emit view->doubleClicked(view->model()->index(0, 0));
        QCOMPARE(window.tabs()->currentWidget(), window.manifestView());
        QCOMPARE(window.manifestView()->currentFile(), folder.file("old/AndroidManifest.xml"));
    }

    void raisingTheApiLevelOrLoweringATargetSdkListsWhatAReloadWouldSkip() {
        MainWindow window;
        QVERIFY(window.openDeviceNow(kAppLinks));
        InstallRefusalModel* model = window.refusalsPanel()->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(window.refusalsPanel()->summaryText().startsWith("API 34 installs every package"));
        DeviceFactsPanel* facts = window.deviceFactsPanel();
        QVERIFY(facts->selectPackage("com.example.firefly"));
        facts->findChild<QSpinBox*>("factsTargetSdk")->setValue(22);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(cell(*model, 0, InstallRefusalModel::Package), QString("com.example.firefly"));
        QCOMPARE(cell(*model, 0, InstallRefusalModel::When),
                 QString("as edited: installed here, refused on reload"));
        // Saved and reloaded, the loader skips it as the panel said.
        QTemporaryDir dir;
        QVERIFY(window.saveDeviceJson(dir.filePath("device.json"), {}));
        const Device reloaded = loadOrFail(dir.filePath("device.json"));
        QCOMPARE(reloaded.findPackage("com.example.firefly"), nullptr);
        const std::vector<InstallRefusal> refusals = installRefusals(reloaded);
        QCOMPARE(refusals.size(), size_t(1));
        QCOMPARE(qs(refusals[0].error.message), cell(*model, 0, InstallRefusalModel::Why));
        // Put back to 34, nothing is refused.
        facts->findChild<QSpinBox*>("factsTargetSdk")->setValue(34);
        QCOMPARE(model->rowCount(), 0);
    }
};

HEARTH_GUI_TEST_MAIN(InstallRefusalsPanelTest)
#include "install_refusals_panel_test.moc"

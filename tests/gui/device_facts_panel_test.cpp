// Device facts (issue 16): API level, storage, setup, the HOME and BROWSER role holders and one
// package's enabled and suspended states, edited in the window. Each control edits the session's
// device copy and every answer is then the core's answer for that copy — checked here against the
// core run on the loaded device with the same fact changed by hand.

#include <hearth/home.h>
#include <hearth/home_report.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/resolve_report.h>
#include <hearth/start.h>

#include <QCheckBox>
#include <QComboBox>
#include <QTreeWidget>
#include <QSpinBox>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "panels/device_facts_panel.h"
#include "panels/home_panel.h"
#include "panels/intent_tester.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

const QString kAppLinks = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/app-links");

QByteArray startJson(const Device& device, const QString& uri) {
    return coreStartJson(device, {"-a", "android.intent.action.VIEW", "-d", uri.toStdString()});
}

}  // namespace

class DeviceFactsPanelTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        m_window = std::make_unique<MainWindow>();
        QVERIFY2(m_window->openDeviceNow(kAppLinks), qPrintable(m_window->lastError()));
        m_loaded = loadOrFail(kAppLinks);
        m_panel = m_window->deviceFactsPanel();
        m_tester = m_window->intentTester();
    }
    void cleanup() { m_window.reset(); }

    /// Runs a start of the URI in the tester and compares it with the core on `expected`.
    void compareStart(const Device& expected, const QString& uri) {
        QVERIFY(m_tester->setAmArguments("am start -a android.intent.action.VIEW -d " + uri));
        QVERIFY(m_tester->run());
        QCOMPARE(m_tester->answerJson(), startJson(expected, uri));
    }

    void theControlsShowTheLoadedFacts() {
        QCOMPARE(m_panel->findChild<QSpinBox*>("factsApiLevel")->value(), 34);
        QVERIFY(m_panel->findChild<QCheckBox*>("factsUnlocked")->isChecked());
        QVERIFY(m_panel->findChild<QCheckBox*>("factsSetupComplete")->isChecked());
        QCOMPARE(m_panel->findChild<QComboBox*>("factsBrowserRole")->currentText(),
                 QString("com.example.chromium"));
        QCOMPARE(m_panel->findChild<QComboBox*>("factsHomeRole")->currentText(),
                 QString("(not set)"));
    }

    void choosingAnotherDefaultBrowserReanswersTheStart() {
        // W-26/W-14: a link no app is approved for goes to the default browser.
        auto* browser = m_panel->findChild<QComboBox*>("factsBrowserRole");
        browser->setCurrentIndex(browser->findText("com.example.firefly"));
        QCOMPARE(m_window->session().device().roles.browser,
                 std::optional<std::string>("com.example.firefly"));
        Device expected = m_loaded;
        expected.roles.browser = "com.example.firefly";
        compareStart(expected, "https://shop.example.com/cart");
        QVERIFY(m_tester->outcomeText().contains("com.example.firefly"));
    }

    void suspendingTheVerifiedAppReanswersTheStart() {
        QVERIFY(m_panel->selectPackage("com.example.news"));
        auto* suspended = m_panel->findChild<QCheckBox*>("factsPackageSuspended");
        QVERIFY(!suspended->isChecked());
        suspended->setChecked(true);
        QVERIFY(m_window->session().device().findPackage("com.example.news")->suspended);
        Device expected = m_loaded;
        for (InstalledPackage& package : expected.packages) {
            if (package.packageName() == "com.example.news") package.suspended = true;
        }
        compareStart(expected, "https://news.example.com/today");
        QVERIFY(m_window->isWindowModified());
    }

    void disablingAPackageAndLoweringTheApiLevelReanswer() {
        QVERIFY(m_panel->selectPackage("com.example.chromium"));
        m_panel->findChild<QCheckBox*>("factsPackageEnabled")->setChecked(false);
        m_panel->findChild<QSpinBox*>("factsApiLevel")->setValue(30);
        Device expected = m_loaded;
        expected.apiLevel = 30;
        for (InstalledPackage& package : expected.packages) {
            if (package.packageName() == "com.example.chromium") package.enabled = false;
        }
        compareStart(expected, "https://shop.example.com/cart");
        QCOMPARE(m_window->session().device().apiLevel, 30);
    }

    void lockingStorageAndUnfinishedSetupReanswerHome() {
        // H-11, H-12: home reads both facts; the home panel's report is the core's for the copy.
        m_panel->findChild<QCheckBox*>("factsUnlocked")->setChecked(false);
        m_panel->findChild<QCheckBox*>("factsSetupComplete")->setChecked(false);
        Device expected = m_loaded;
        expected.userUnlocked = false;
        expected.userSetupComplete = false;
        expected.patch = FrameworkPatch{};
        QCOMPARE(QString::fromStdString(
                     renderHomeJson(m_window->session().homeReport(Framework::Stock))),
                 QString::fromStdString(renderHomeJson(analyzeHome(expected))));
        QVERIFY(m_window->homePanel()->headlineText().contains("storage locked"));
        QVERIFY(m_window->homePanel()->headlineText().contains("user setup in progress"));
    }

    void theBrowsersNoneTurnsOffTheFallbackHolder() {
        // W-41: with the role not set, the only qualifying system browser would hold it; the
        // user's "(none)" ("browser": null) leaves no default browser at all.
        auto* browser = m_panel->findChild<QComboBox*>("factsBrowserRole");
        browser->setCurrentIndex(browser->findText("(none)"));
        QCOMPARE(m_window->session().device().roles.browser, std::optional<std::string>(""));
        Device expected = m_loaded;
        expected.roles.browser = "";
        compareStart(expected, "https://shop.example.com/cart");
        browser->setCurrentIndex(browser->findText("(not set)"));
        QCOMPARE(m_window->session().device().roles.browser, std::optional<std::string>());
        expected.roles.browser.reset();
        compareStart(expected, "https://shop.example.com/cart");
    }

    void theStateListShowsTheCoresFactsForTheChosenPackage() {
        QVERIFY(m_panel->selectPackage("com.example.news"));
        auto* state = m_panel->findChild<QTreeWidget*>("factsState");
        QVERIFY(state);
        QCOMPARE(state->topLevelItemCount(), 2);
        const auto valueOf = [&](int group, const QString& key) {
            QTreeWidgetItem* parent = state->topLevelItem(group);
            for (int i = 0; i < parent->childCount(); ++i) {
                if (parent->child(i)->text(0) == key) return parent->child(i)->text(1);
            }
            return QString("(missing)");
        };
        QCOMPARE(valueOf(0, "roles.browser"), QString("com.example.chromium"));
        QCOMPARE(valueOf(1, "appLinks.domains"), QString("news.example.com: verified"));
        QCOMPARE(state->topLevelItem(1)->text(0), QString("Package com.example.news"));
    }

    void aRoleHolderMustBeAListedPackage() {
        QVERIFY(!m_window->session().setHomeRoleHolder(std::string("com.example.missing")));
        QVERIFY(m_window->session().setHomeRoleHolder(std::string("com.example.news")));
        QCOMPARE(m_panel->findChild<QComboBox*>("factsHomeRole")->currentText(),
                 QString("com.example.news"));
        QVERIFY(m_window->session().setHomeRoleHolder(std::nullopt));
        QCOMPARE(m_panel->findChild<QComboBox*>("factsHomeRole")->currentText(),
                 QString("(not set)"));
    }

  private:
    std::unique_ptr<MainWindow> m_window;
    Device m_loaded;
    DeviceFactsPanel* m_panel = nullptr;
    IntentTester* m_tester = nullptr;
};

HEARTH_GUI_TEST_MAIN(DeviceFactsPanelTest)
#include "device_facts_panel_test.moc"

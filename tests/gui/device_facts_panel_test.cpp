// Device facts (issue 16): API level, storage, setup, the HOME and BROWSER role holders and one
// package's flags (enabled, suspended, system, privileged), targetSdk and App Links state, edited in
// the window; saved, the device reloads to the same answers. Each control edits the session's
// device copy and every answer is then the core's answer for that copy — checked here against the
// core run on the loaded device with the same fact changed by hand.

#include <hearth/home.h>
#include <hearth/home_report.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/resolve_report.h>
#include <hearth/start.h>

#include <hearth/app_links_edit.h>

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QComboBox>
#include <QTreeWidget>
#include <QSpinBox>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "models/app_links_model.h"
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


    /// Saves the window's device and reloads it as the CLI does.
    Device saveAndReload(const QTemporaryDir& dir) {
        const QString path = dir.filePath("device.json");
        if (!m_window->saveDeviceJson(path, {})) qFatal("save: %s", qPrintable(m_window->lastError()));
        return loadOrFail(path);
    }

    /// The tester answers each URI as `hearth start` does on the saved and reloaded device.
    void compareWithReloaded(const Device& reloaded, const QStringList& uris) {
        for (const QString& uri : uris) {
            QVERIFY(m_tester->setAmArguments("am start -a android.intent.action.VIEW -d " + uri));
            QVERIFY(m_tester->run());
            QCOMPARE(m_tester->answerJson(), startJson(reloaded, uri));
        }
    }

    void systemPrivilegedAndTargetSdkEditLiveAndSurviveSaving() {
        // W-41: with no browser role set, from API 31 the only qualifying system app holds it.
        auto* browser = m_panel->findChild<QComboBox*>("factsBrowserRole");
        browser->setCurrentIndex(browser->findText("(not set)"));
        QVERIFY(m_panel->selectPackage("com.example.firefly"));
        auto* system = m_panel->findChild<QCheckBox*>("factsPackageSystem");
        auto* privileged = m_panel->findChild<QCheckBox*>("factsPackagePrivileged");
        QVERIFY(!system->isChecked());
        QTest::mouseClick(system, Qt::LeftButton);
        QTest::mouseClick(privileged, Qt::LeftButton);
        const InstalledPackage* firefly =
            m_window->session().device().findPackage("com.example.firefly");
        QVERIFY(firefly->system && firefly->privileged);
        Device expected = m_loaded;
        expected.roles.browser.reset();
        expected.findPackage("com.example.firefly")->system = true;
        expected.findPackage("com.example.firefly")->privileged = true;
        // Two system browsers: no fallback holder, so the link is not collapsed to one browser.
        compareStart(expected, "https://shop.example.com/cart");
        QVERIFY(!m_tester->outcomeText().startsWith("→ com.example.chromium"));

        QVERIFY(m_panel->selectPackage("com.example.news"));
        auto* targetSdk = m_panel->findChild<QSpinBox*>("factsTargetSdk");
        targetSdk->setValue(30);
        QCOMPARE(m_window->session().device().findPackage("com.example.news")
                     ->manifest.effectiveTargetSdk(),
                 30);
        overrideTargetSdk(*expected.findPackage("com.example.news"), 30);
        compareStart(expected, "https://news.example.com/today");

        QTemporaryDir dir;
        const Device reloaded = saveAndReload(dir);
        QVERIFY(reloaded.findPackage("com.example.firefly")->system);
        QVERIFY(reloaded.findPackage("com.example.firefly")->privileged);
        QCOMPARE(reloaded.findPackage("com.example.news")->manifest.effectiveTargetSdk(), 30);
        compareWithReloaded(reloaded, {"https://shop.example.com/cart",
                                       "https://news.example.com/today",
                                       "https://blog.example.org/post"});
    }

    void appLinksStatesAndSelectionsEditLiveAndSurviveSaving() {
        AppLinksModel* links = m_panel->appLinksModel();
        QAbstractItemModelTester tester(links,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_panel->selectPackage("com.example.shop"));
        QCOMPARE(links->rowCount(), 1);
        QCOMPARE(cell(*links, 0, AppLinksModel::Host), QString("shop.example.com"));
        QCOMPARE(cell(*links, 0, AppLinksModel::State), QString("none"));
        QCOMPARE(cell(*links, 0, AppLinksModel::Approval), QString("none"));
        // pm set-app-links --package com.example.shop 1 shop.example.com (W-21, W-23 step 6).
        QVERIFY(links->setData(links->index(0, AppLinksModel::State), "verified"));
        QCOMPARE(cell(*links, 0, AppLinksModel::State), QString("verified"));
        QCOMPARE(cell(*links, 0, AppLinksModel::Approval), QString("verified"));
        Device expected = m_loaded;
        QVERIFY(*setDomainState(expected, "com.example.shop", "shop.example.com", 1));
        compareStart(expected, "https://shop.example.com/cart");
        QVERIFY(m_tester->outcomeText().contains("com.example.shop"));

        // The user's selection of blog.example.org (W-22), unticked: the browser opens it.
        QVERIFY(m_panel->selectPackage("com.example.blog"));
        QCOMPARE(links->index(0, AppLinksModel::Selected).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QVERIFY(!(links->flags(links->index(0, AppLinksModel::State)) & Qt::ItemIsEditable));
        QVERIFY(links->setData(links->index(0, AppLinksModel::Selected), Qt::Unchecked,
                               Qt::CheckStateRole));
        QVERIFY(*setHostSelected(expected, "com.example.blog", "blog.example.org", false));
        compareStart(expected, "https://blog.example.org/post");
        QVERIFY(m_tester->outcomeText().contains("com.example.chromium"));

        // "Open supported links" off: the verified News is approved for nothing (W-23 step 4).
        QVERIFY(m_panel->selectPackage("com.example.news"));
        m_panel->findChild<QCheckBox*>("factsLinkHandling")->setChecked(false);
        expected.findPackage("com.example.news")->appLinks.linkHandlingAllowed = false;
        compareStart(expected, "https://news.example.com/today");
        QVERIFY(!m_tester->outcomeText().contains("com.example.news"));

        QTemporaryDir dir;
        const Device reloaded = saveAndReload(dir);
        compareWithReloaded(reloaded, {"https://shop.example.com/cart",
                                       "https://blog.example.org/post",
                                       "https://news.example.com/today"});
    }

    void aStateTheCoreRefusesIsReportedAndChangesNothing() {
        QVERIFY(m_panel->selectPackage("com.example.shop"));
        AppLinksModel* links = m_panel->appLinksModel();
        QSignalSpy refused(links, &AppLinksModel::editRefused);
        QVERIFY(!links->setData(links->index(0, AppLinksModel::State), "bogus"));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(m_panel->linksMessage(), QString("'bogus' is not a W-21 state"));
        QVERIFY(!m_window->session().isEdited());
    }

  private:
    std::unique_ptr<MainWindow> m_window;
    Device m_loaded;
    DeviceFactsPanel* m_panel = nullptr;
    IntentTester* m_tester = nullptr;
};

HEARTH_GUI_TEST_MAIN(DeviceFactsPanelTest)
#include "device_facts_panel_test.moc"

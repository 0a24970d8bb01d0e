// Interaction tests: what the panels show after the user toggles the patch, removes the stock
// Launcher, answers the chooser, and runs an intent. The window is driven the way a user drives
// it (check boxes through the views' models, buttons clicked) and the assertions read what the
// panels display.

#include <hearth/intent.h>

#include <QAbstractButton>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "models/home_site_model.h"
#include "models/package_tree_model.h"
#include "models/rejection_model.h"
#include "models/resolve_result_model.h"
#include "panels/device_panel.h"
#include "panels/home_panel.h"
#include "panels/intent_tester.h"
#include "panels/manifest_view.h"
#include "panels/phone_preview.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

/// What a home table shows in a column for a call site.
QString shown(HomePanel* panel, Framework framework, const char* site, int column) {
    QTableView* view = panel->view(framework);
    auto* model = static_cast<HomeSiteModel*>(view->model());
    return view->model()->index(model->rowOf(site), column).data().toString();
}

/// The device tree's row (through the search proxy the view shows) for a package.
QModelIndex treeRow(DevicePanel* panel, const QString& package) {
    return panel->proxy()->mapFromSource(panel->model()->packageIndex(package));
}

void clickChooserEntry(PhonePreview* phone, const QString& component, const char* button) {
    auto* list = phone->findChild<QListWidget*>("phoneChooserList");
    QVERIFY(list);
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == component) {
            list->setCurrentRow(row);
        }
    }
    QCOMPARE(list->currentItem()->data(Qt::UserRole).toString(), component);
    auto* push = phone->findChild<QPushButton*>(button);
    QVERIFY(push);
    QVERIFY(push->isEnabled());
    QTest::mouseClick(push, Qt::LeftButton);
}

}  // namespace

class PanelsTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        m_folder = std::make_unique<DeviceFolder>();
        writeLegacyHomeDevice(*m_folder, true);
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY2(m_window->openDeviceNow(m_folder->path()), qPrintable(m_window->lastError()));
    }
    void cleanup() {
        m_window.reset();
        m_folder.reset();
    }

    void bothFrameworksAreShownSideBySideForEveryCallSite() {
        HomePanel* home = m_window->homePanel();
        QCOMPARE(home->view(Framework::Stock)->model()->rowCount(), int(homeSiteIds().size()));
        QCOMPARE(home->view(Framework::Patched)->model()->rowCount(), int(homeSiteIds().size()));
        QCOMPARE(shown(home, Framework::Stock, "boot", HomeSiteModel::Outcome), QString("chooser"));
        QCOMPARE(shown(home, Framework::Patched, "boot", HomeSiteModel::Result),
                 QString("com.example.first/.FirstAppActivity"));
        QVERIFY(home->headlineText().contains("legacy-home"));
        QVERIFY(home->headlineText().contains("API 8"));
    }

    void togglingThePatchOffAtBootBringsTheChooserBackInThePatchedColumn() {
        HomePanel* home = m_window->homePanel();
        QTableView* patched = home->view(Framework::Patched);
        auto* model = static_cast<HomeSiteModel*>(patched->model());
        const QModelIndex bootSite = model->index(model->rowOf("boot"), HomeSiteModel::Site);
        QVERIFY(model->setData(bootSite, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(shown(home, Framework::Patched, "boot", HomeSiteModel::Category), QString("HOME"));
        QCOMPARE(shown(home, Framework::Patched, "boot", HomeSiteModel::Outcome),
                 QString("chooser"));
        QCOMPARE(shown(home, Framework::Patched, "home-key", HomeSiteModel::Result),
                 QString("com.example.first/.FirstAppActivity"));
        // The details follow the selected row, and say which category the site now uses.
        home->showDetails(Framework::Patched, model->rowOf("boot"));
        QVERIFY(home->detailsText().contains("cat=[android.intent.category.HOME]"));
        QVERIFY(home->detailsText().contains("com.example.nova/.NovaHome"));
        // Ticking it again restores the full patch.
        QVERIFY(model->setData(bootSite, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(shown(home, Framework::Patched, "boot", HomeSiteModel::Result),
                 QString("com.example.first/.FirstAppActivity"));
    }

    void removingTheStockLauncherMakesTheThirdPartyLauncherHome() {
        DevicePanel* device = m_window->devicePanel();
        PhonePreview* phone = m_window->homePanel()->phone();
        phone->setFramework(Framework::Stock);
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Chooser);

        const QModelIndex launcher = treeRow(device, "com.android.launcher");
        QVERIFY(launcher.isValid());
        QVERIFY(device->view()->model()->setData(launcher, Qt::Unchecked, Qt::CheckStateRole));

        HomePanel* home = m_window->homePanel();
        QCOMPARE(shown(home, Framework::Stock, "boot", HomeSiteModel::Outcome),
                 QString("activity"));
        QCOMPARE(shown(home, Framework::Stock, "boot", HomeSiteModel::Result),
                 QString("com.example.nova/.NovaHome"));
        // The phone replays the boot on the edited device at once.
        QCOMPARE(phone->screen(), PhonePreview::Screen::Activity);
        QCOMPARE(phone->foregroundActivity(), QString("com.example.nova/.NovaHome"));
        QVERIFY(m_window->isWindowModified());
        // The files on disk are untouched: reverting restores the launcher.
        m_window->session().revertEdits();
        QCOMPARE(shown(home, Framework::Stock, "boot", HomeSiteModel::Outcome), QString("chooser"));
    }

    void pickingAlwaysInTheChooserRecordsTheHomeAndTheChooserStaysAway() {
        PhonePreview* phone = m_window->homePanel()->phone();
        phone->setFramework(Framework::Stock);
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Chooser);
        QCOMPARE(phone->chooserCandidates(),
                 QStringList({"com.android.launcher/.Launcher", "com.example.nova/.NovaHome"}));
        // Each entry is one line as on Android: the app's label and an icon; the component on
        // hover; no horizontal scrolling.
        auto* list = phone->findChild<QListWidget*>("phoneChooserList");
        QCOMPARE(list->item(1)->text(), QString("Nova"));
        QCOMPARE(list->item(1)->toolTip(), QString("com.example.nova/.NovaHome"));
        QVERIFY(!list->item(1)->icon().isNull());
        QCOMPARE(list->horizontalScrollBarPolicy(), Qt::ScrollBarAlwaysOff);

        clickChooserEntry(phone, "com.example.nova/.NovaHome", "phoneAlways");
        QCOMPARE(phone->screen(), PhonePreview::Screen::Activity);
        QCOMPARE(phone->foregroundActivity(), QString("com.example.nova/.NovaHome"));

        // P-4/P-5: one "Always" entry for the candidates shown, on the session's device.
        const auto& preferred = m_window->session().device().preferred;
        QCOMPARE(preferred.size(), size_t(1));
        QVERIFY(preferred.front().always);
        QCOMPARE(preferred.front().component.flattenToShortString(),
                 std::string("com.example.nova/.NovaHome"));
        QCOMPARE(preferred.front().set.size(), size_t(2));

        HomePanel* home = m_window->homePanel();
        QCOMPARE(shown(home, Framework::Stock, "boot", HomeSiteModel::Outcome),
                 QString("activity"));
        QCOMPARE(shown(home, Framework::Stock, "boot", HomeSiteModel::Result),
                 QString("com.example.nova/.NovaHome"));
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Activity);
        QCOMPARE(phone->foregroundActivity(), QString("com.example.nova/.NovaHome"));
    }

    void pickingJustOnceStartsTheActivityButTheNextBootAsksAgain() {
        PhonePreview* phone = m_window->homePanel()->phone();
        phone->setFramework(Framework::Stock);
        phone->boot();
        clickChooserEntry(phone, "com.android.launcher/.Launcher", "phoneJustOnce");
        QCOMPARE(phone->screen(), PhonePreview::Screen::Activity);
        QCOMPARE(phone->foregroundActivity(), QString("com.android.launcher/.Launcher"));
        for (const PreferredActivity& entry : m_window->session().device().preferred) {
            QVERIFY(!entry.always);
        }
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Chooser);
    }

    void thePatchedPhoneBootsIntoFirstApp() {
        PhonePreview* phone = m_window->homePanel()->phone();
        phone->setFramework(Framework::Patched);
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Activity);
        QCOMPARE(phone->foregroundActivity(), QString("com.example.first/.FirstAppActivity"));
        phone->pressHome();
        QCOMPARE(phone->foregroundActivity(), QString("com.example.first/.FirstAppActivity"));
        QVERIFY(!phone->homeIgnored());
    }

    void removingFirstAppLeavesThePatchedPhoneWithNoHome() {
        PhonePreview* phone = m_window->homePanel()->phone();
        phone->setFramework(Framework::Patched);
        phone->boot();
        QVERIFY(m_window->session().setPackageRemoved("com.example.first", true));
        QCOMPARE(phone->screen(), PhonePreview::Screen::NoHome);
        QCOMPARE(shown(m_window->homePanel(), Framework::Patched, "boot", HomeSiteModel::Outcome),
                 QString("none"));
    }

    void aHalfDonePatchIsShownAsAnInconsistencyUnderThePatchedColumn() {
        HomePanel* home = m_window->homePanel();
        QCOMPARE(home->warningsText(Framework::Patched), QString());
        QVERIFY(!home->findChild<QLabel*>("homePatchedWarnings")->isVisibleTo(home));
        // Boot keeps HOME while the HOME key uses HOME_FIRST: the CLI's "!! inconsistent" line.
        m_window->session().setSitePatched("boot", false);
        QStringList expected;
        for (const std::string& warning :
             m_window->session().homeReport(Framework::Patched).warnings) {
            expected << "!! " + QString::fromStdString(warning);
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(home->warningsText(Framework::Patched), expected.join('\n'));
        QVERIFY(home->warningsText(Framework::Patched)
                    .startsWith("!! inconsistent: boot starts the chooser"));
        QVERIFY(home->warningsText(Framework::Patched)
                    .contains("but home-key starts com.example.first/.FirstAppActivity"));
        QVERIFY(home->findChild<QLabel*>("homePatchedWarnings")->isVisibleTo(home));
        m_window->session().setSitePatched("boot", true);
        QCOMPARE(home->warningsText(Framework::Patched), QString());
    }

    void runningAnIntentListsCandidatesTheDecisionAndWhyTheOthersLost() {
        IntentTester* tester = m_window->intentTester();
        QVERIFY(tester->setAmArguments("-a android.intent.action.VIEW -d https://example.com/x"));
        QTest::mouseClick(tester->findChild<QPushButton*>("intentRun"), Qt::LeftButton);
        QCOMPARE(tester->outcomeText(), QString("→ com.example.browser/.Browser"));
        QCOMPARE(tester->findChild<QLineEdit*>("intentData")->text(),
                 QString("https://example.com/x"));
        ResolveResultModel* results = tester->resultModel();
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->index(0, ResolveResultModel::Match).data().toString(),
                 QString("0x208000 MATCH_CATEGORY_SCHEME"));
        QCOMPARE(results->index(0, ResolveResultModel::Default).data().toString(), QString("yes"));
        RejectionModel* rejections = tester->rejectionModel();
        QStringList lost;
        for (int row = 0; row < rejections->rowCount(); ++row) {
            lost << rejections->index(row, RejectionModel::Component).data().toString();
        }
        QVERIFY(lost.contains("com.android.launcher/.Launcher"));
        QVERIFY(lost.contains("com.example.nova/.NovaHome"));
        QVERIFY(!lost.contains("com.example.browser/.Browser"));
    }

    void theIntentFieldsAndTheAmLineDescribeTheSameIntent() {
        IntentTester* tester = m_window->intentTester();
        auto* action = tester->findChild<QComboBox*>("intentAction");
        auto* categories = tester->findChild<QLineEdit*>("intentCategories");
        action->setCurrentText("android.intent.action.MAIN");
        categories->setText("");
        QTest::keyClicks(categories, "android.intent.category.HOME");
        QCOMPARE(tester->amArguments(),
                 QString("-a android.intent.action.MAIN -c android.intent.category.HOME"));
        QVERIFY(tester->run());
        QVERIFY(tester->outcomeText().startsWith("→ chooser"));
        QVERIFY(tester->reasonText().contains("C-"));
    }

    void anIntentTheCoreRefusesShowsTheCoresMessage() {
        IntentTester* tester = m_window->intentTester();
        const Result<Intent> expected = parseIntentArgs({"-x"});
        QVERIFY(!expected.has_value());
        QVERIFY(!tester->setAmArguments("-x"));
        QVERIFY(!tester->run());
        QCOMPARE(tester->outcomeText(),
                 "cannot build the intent: " + QString::fromStdString(expected.error().toString()));
        QCOMPARE(tester->resultModel()->rowCount(), 0);
    }

    void anIntentRerunsWhenTheDeviceChanges() {
        IntentTester* tester = m_window->intentTester();
        QVERIFY(tester->setAmArguments("-a android.intent.action.VIEW -d https://example.com/x"));
        QVERIFY(tester->run());
        QVERIFY(m_window->session().setPackageRemoved("com.example.browser", true));
        QCOMPARE(tester->resultModel()->rowCount(), 0);
        QVERIFY(tester->outcomeText().startsWith("→ nothing found"));
    }

    void activatingACandidateShowsItsFilterInTheManifestView() {
        IntentTester* tester = m_window->intentTester();
        QVERIFY(tester->setAmArguments("-a android.intent.action.VIEW -d https://example.com/x"));
        QVERIFY(tester->run());
        auto* view = tester->findChild<QTableView*>("intentResults");
        QVERIFY(view);
        emit view->doubleClicked(view->model()->index(0, 0));
        ManifestView* manifest = m_window->manifestView();
        QCOMPARE(m_window->tabs()->currentWidget(), manifest);
        QVERIFY(manifest->currentFile().endsWith("browser/AndroidManifest.xml"));
        QCOMPARE(manifest->highlightedLines(), std::make_pair(5, 10));
    }

    void searchingTheDeviceTreeKeepsOnlyMatchingRows() {
        DevicePanel* device = m_window->devicePanel();
        QTest::keyClicks(device->searchBox(), "HOME_FIRST");
        QCOMPARE(device->proxy()->rowCount(), 1);
        QCOMPARE(device->proxy()->index(0, 0).data().toString(), QString("com.example.first"));
        device->searchBox()->clear();
        QCOMPARE(device->proxy()->rowCount(), 4);
    }

    void theHomeKeyDuringSetupIsRefusedAndTheScreenStays() {
        // H-14: a modern device whose user setup is not complete ignores the HOME key.
        DeviceFolder folder;
        folder.write("launcher/AndroidManifest.xml",
                     activityManifest("com.example.launcher", ".Home", {kMain},
                                      {kHome, kDefault, kLauncher}, "Home"));
        folder.write("device.json",
                     "{ \"name\": \"in-setup\", \"api\": 34, \"userSetupComplete\": false,\n"
                     "  \"packages\": [ { \"manifest\": \"launcher/AndroidManifest.xml\", "
                     "\"system\": true } ] }\n");
        MainWindow window;
        QVERIFY2(window.openDeviceNow(folder.path()), qPrintable(window.lastError()));
        HomePanel* home = window.homePanel();
        QCOMPARE(shown(home, Framework::Stock, "home-key", HomeSiteModel::Outcome),
                 QString("refused"));
        PhonePreview* phone = home->phone();
        phone->setFramework(Framework::Stock);
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Activity);
        QCOMPARE(phone->foregroundActivity(), QString("com.example.launcher/.Home"));
        phone->pressHome();
        QVERIFY(phone->homeIgnored());
        QCOMPARE(phone->foregroundActivity(), QString("com.example.launcher/.Home"));
    }

    void theChooserShowsAnApksOwnIconAndAStandInForASourceManifest() {
        const QString aapt = QStringLiteral("/usr/bin/aapt");
        const QString framework =
            QStringLiteral("/usr/share/android-framework-res/framework-res.apk");
        if (!QFile::exists(aapt) || !QFile::exists(framework)) {
            QSKIP("aapt and android-framework-res are needed to build an APK");
        }
        // An APK whose launcher icon is a solid colour no stand-in has, with a HOME activity,
        // beside a source-manifest launcher: boot shows the chooser with both.
        const QColor iconColour(0, 128, 255);
        QTemporaryDir work;
        QVERIFY(work.isValid());
        QVERIFY(QDir().mkpath(work.filePath("res/mipmap-xxhdpi")));
        QImage image(72, 72, QImage::Format_ARGB32);
        image.fill(iconColour);
        QVERIFY(image.save(work.filePath("res/mipmap-xxhdpi/ic_launcher.png")));
        QFile manifest(work.filePath("AndroidManifest.xml"));
        QVERIFY(manifest.open(QIODevice::WriteOnly));
        manifest.write(
            "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"\n"
            "    package=\"com.example.iconic\">\n"
            "  <application android:label=\"Iconic\" android:icon=\"@mipmap/ic_launcher\">\n"
            "    <activity android:name=\".Home\" android:exported=\"true\">\n"
            "      <intent-filter>\n"
            "        <action android:name=\"android.intent.action.MAIN\"/>\n"
            "        <category android:name=\"android.intent.category.HOME\"/>\n"
            "        <category android:name=\"android.intent.category.DEFAULT\"/>\n"
            "      </intent-filter>\n"
            "    </activity>\n"
            "  </application>\n"
            "</manifest>\n");
        manifest.close();
        DeviceFolder device;
        device.write(
            "plain/AndroidManifest.xml",
            activityManifest("com.example.plain", ".Home", {kMain}, {kHome, kDefault}, "Plain"));
        QProcess process;
        process.start(aapt, {"package", "-f", "-M", manifest.fileName(), "-S", work.filePath("res"),
                             "-I", framework, "-F", device.file("iconic.apk")});
        QVERIFY(process.waitForFinished(60000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QVERIFY2(m_window->openDeviceNow(device.path()), qPrintable(m_window->lastError()));

        PhonePreview* phone = m_window->homePanel()->phone();
        phone->setFramework(Framework::Stock);
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Chooser);
        auto* list = phone->findChild<QListWidget*>("phoneChooserList");
        const auto iconImage = [&](const QString& component) {
            for (int row = 0; row < list->count(); ++row) {
                if (list->item(row)->data(Qt::UserRole).toString() == component) {
                    return list->item(row)->icon().pixmap(list->iconSize()).toImage();
                }
            }
            return QImage();
        };
        // The APK's bitmap, scaled to the icon size: its colour edge to edge.
        const QImage apkIcon = iconImage("com.example.iconic/.Home");
        QCOMPARE(apkIcon.size(), list->iconSize());
        QCOMPARE(apkIcon.pixelColor(apkIcon.width() / 2, apkIcon.height() / 2), iconColour);
        QCOMPARE(apkIcon.pixelColor(0, 0), iconColour);
        // The source manifest's stand-in: another colour, with rounded (transparent) corners.
        const QImage standIn = iconImage("com.example.plain/.Home");
        QCOMPARE(standIn.size(), list->iconSize());
        QVERIFY(standIn.pixelColor(standIn.width() / 2, standIn.height() / 2) != iconColour);
        QCOMPARE(standIn.pixelColor(0, 0).alpha(), 0);

        // An APK whose icon cannot be read keeps the stand-in, and its entry says why.
        if (!QFile::exists(QStringLiteral("/usr/bin/zip"))) return;  // scripts/setup installs it
        QProcess strip;
        strip.start(QStringLiteral("zip"), {"-q", "-d", device.file("iconic.apk"),
                                            "res/mipmap-xxhdpi-v4/ic_launcher.png"});
        QVERIFY(strip.waitForFinished(60000));
        QVERIFY2(strip.exitCode() == 0, strip.readAllStandardError().constData());
        QVERIFY2(m_window->openDeviceNow(device.path()), qPrintable(m_window->lastError()));
        phone->setFramework(Framework::Stock);
        phone->boot();
        QCOMPARE(phone->screen(), PhonePreview::Screen::Chooser);
        QString tip;
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->data(Qt::UserRole).toString() == "com.example.iconic/.Home") {
                tip = list->item(row)->toolTip();
            }
        }
        QVERIFY2(tip.contains("icon: ") && tip.contains("iconic.apk") &&
                     tip.contains("ic_launcher.png"),
                 qPrintable(tip));
    }

  private:
    std::unique_ptr<DeviceFolder> m_folder;
    std::unique_ptr<MainWindow> m_window;
};

HEARTH_GUI_TEST_MAIN(PanelsTest)
#include "panels_test.moc"

// The intent tester as a workbench (issue 16): a command pasted from a terminal — `adb shell am
// start ...` with shell quotes, `pm query-activities ...` — is read like a shell reads it, its
// prefix picks the question (start, resolve, query), and the answer is the core's answer to that
// question as the CLI asks it; "Copy as hearth command" gives the same question back as a CLI line.

#include <hearth/caller.h>
#include <hearth/check.h>
#include <hearth/intent.h>
#include <hearth/intent_command_line.h>
#include <hearth/package_index.h>
#include <hearth/resolve_report.h>
#include <hearth/start.h>

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "models/rejection_model.h"
#include "models/resolve_result_model.h"
#include "panels/intent_tester.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

const QString kAppLinks = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/app-links");

QByteArray cliStartJson(const Device& device, const std::vector<std::string>& args) {
    return coreStartJson(device, args);
}

QString cliStartText(const Device& device, const std::vector<std::string>& args) {
    const Result<Intent> intent = parseIntentArgs(args);
    if (!intent) return {};
    const PackageIndex index(device);
    ResolveRequest request{*intent, kStartQueryFlags, ComponentKind::Activity, ResolveMode::Start,
                           Caller{}};
    return QString::fromStdString(renderStartText(resolveStart(index, request))).trimmed();
}

}  // namespace

class IntentTesterTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        m_window = std::make_unique<MainWindow>();
        QVERIFY2(m_window->openDeviceNow(kAppLinks), qPrintable(m_window->lastError()));
        m_device = loadOrFail(kAppLinks);
    }
    void cleanup() { m_window.reset(); }

    void pastingAdbShellAmStartGivesTheAnswerOfHearthStart() {
        IntentTester* tester = m_window->intentTester();
        // The paste, whole, with its shell quotes.
        auto* line = tester->findChild<QLineEdit*>("intentAmLine");
        line->clear();
        QTest::keyClicks(line,
                         "adb shell am start -a android.intent.action.VIEW -d "
                         "'https://example.com/a?b=1&c=2'");
        QCOMPARE(tester->findChild<QLineEdit*>("intentData")->text(),
                 QString("https://example.com/a?b=1&c=2"));
        QTest::mouseClick(tester->findChild<QPushButton*>("intentRun"), Qt::LeftButton);
        QCOMPARE(tester->mode(), IntentVerb::Start);
        const std::vector<std::string> args{"-a", "android.intent.action.VIEW", "-d",
                                            "https://example.com/a?b=1&c=2"};
        QCOMPARE(tester->answerJson(), cliStartJson(m_device, args));
        QCOMPARE(tester->reasonText(), cliStartText(m_device, args));
        QVERIFY(tester->reasonText().contains("Starting: Intent {"));
        QVERIFY(tester->pasteNoteText().contains("Read 'adb shell am start' as `hearth start`"));
    }

    void aStartOfAVerifiedLinkOpensTheAppWhereAResolveWithFlagsZeroDoesNot() {
        // W-25: News is verified for its host, so a start opens it directly; pm's flags 0 query
        // also matches the browsers, so a resolve asks.
        IntentTester* tester = m_window->intentTester();
        QVERIFY(tester->setAmArguments(
            "am start -a android.intent.action.VIEW -d 'https://news.example.com/today'"));
        QVERIFY(tester->run());
        const std::vector<std::string> args{"-a", "android.intent.action.VIEW", "-d",
                                            "https://news.example.com/today"};
        QCOMPARE(tester->answerJson(), cliStartJson(m_device, args));
        QVERIFY(tester->lastStart().has_value());
        QCOMPARE(tester->outcomeText(), QString("→ com.example.news/.ArticleActivity"));

        QVERIFY(tester->setAmArguments(
            "pm resolve-activity -a android.intent.action.VIEW -d https://news.example.com/today"));
        QVERIFY(tester->run());
        QCOMPARE(tester->mode(), IntentVerb::Resolve);
        QVERIFY(!tester->lastStart().has_value());
        const PackageIndex index(m_device);
        const Result<Intent> intent = parseIntentArgs(args);
        ResolveRequest request{*intent, 0, ComponentKind::Activity, ResolveMode::Query, Caller{}};
        const std::vector<Rejection> rejections = index.explain(request);
        QCOMPARE(tester->answerJson(),
                 QByteArray::fromStdString(renderResolveJson(index.resolve(request), &rejections)));
    }

    void theModeSaysWhichSemanticsItUses() {
        IntentTester* tester = m_window->intentTester();
        auto* semantics = tester->findChild<QLabel*>("intentSemantics");
        tester->setMode(IntentVerb::Start);
        QVERIFY(semantics->text().contains("MATCH_DEFAULT_ONLY | STOCK_PM_FLAGS"));
        QVERIFY(!tester->findChild<QWidget*>("intentDefaultOnly")->isEnabled());
        tester->setMode(IntentVerb::Query);
        QVERIFY(semantics->text().contains("query flags 0"));
        QVERIFY(tester->findChild<QWidget*>("intentDefaultOnly")->isEnabled());
    }

    void pmQueryActivitiesListsEveryMatchWithItsQueryFlags() {
        IntentTester* tester = m_window->intentTester();
        QVERIFY(tester->setAmArguments("adb -s emulator-5554 shell pm query-activities --brief "
                                       "-a android.intent.action.VIEW -d https://shop.example.com/x"));
        QVERIFY(tester->run());
        QCOMPARE(tester->mode(), IntentVerb::Query);
        const PackageIndex index(m_device);
        const Result<Intent> intent = parseIntentArgs(
            {"-a", "android.intent.action.VIEW", "-d", "https://shop.example.com/x"});
        const std::vector<ResolveInfo> expected = index.query(
            ResolveRequest{*intent, 0, ComponentKind::Activity, ResolveMode::Query, Caller{}});
        QCOMPARE(tester->resultModel()->rowCount(), int(expected.size()));
        QVERIFY(tester->pasteNoteText().contains("--brief"));
    }

    void aBadPasteShowsTheLocatedError() {
        IntentTester* tester = m_window->intentTester();
        QVERIFY(!tester->setAmArguments("adb devices"));
        QCOMPARE(tester->outcomeText(),
                 QString("cannot build the intent: command:1:5: 'adb' must be followed by "
                         "'shell', got 'devices'"));
        QVERIFY(!tester->setAmArguments("am start -d 'https://x"));
        QCOMPARE(tester->outcomeText(),
                 QString("cannot build the intent: command:1:13: unterminated ' quote"));
    }

    void theCallerDecidesTheSaferIntentAndVisibilityRulesAsTheClisCaller() {
        // S-5: the shell may not start another app's non-exported activity; the app itself may.
        const QString callers = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/callers");
        QVERIFY(m_window->openDeviceNow(callers));
        const Device device = loadOrFail(callers);
        IntentTester* tester = m_window->intentTester();
        auto* caller = tester->findChild<QComboBox*>("intentCaller");
        QVERIFY(caller);
        QCOMPARE(tester->caller(), QString("shell"));
        QVERIFY(caller->findText("com.example.notes") >= 0);
        QVERIFY(tester->setAmArguments("am start -n com.example.notes/.EditorActivity"));
        QVERIFY(tester->run());
        const auto expected = [&](const Caller& who) {
            const Result<Intent> intent = parseIntentArgs({"-n", "com.example.notes/.EditorActivity"});
            const PackageIndex index(device);
            const ResolveRequest request{*intent, kStartQueryFlags, ComponentKind::Activity,
                                         ResolveMode::Start, who};
            const std::vector<Rejection> rejections = index.explain(request);
            return QByteArray::fromStdString(
                renderStartJson(resolveStart(index, request), &rejections));
        };
        QCOMPARE(tester->answerJson(), expected(Caller{}));
        // Choosing the caller answers again, as `hearth start --caller com.example.notes` does.
        caller->setCurrentText("com.example.notes");
        QCOMPARE(tester->answerJson(),
                 expected(Caller{CallerKind::Package, "com.example.notes"}));
        QVERIFY(tester->answerJson() != expected(Caller{}));
        QVERIFY(tester->hearthCommand().contains(" --caller com.example.notes -n "));

        // A name the device does not have is refused with the CLI's sentence.
        caller->setCurrentText("com.example.note");
        QVERIFY(!tester->run());
        QCOMPARE(tester->outcomeText(),
                 QString("cannot build the intent: --caller expects shell, system, root or a "
                         "package installed on the device, got 'com.example.note'; did you mean "
                         "'com.example.notes'?"));
    }

    void copyAsHearthCommandGivesALineTheCliReadsToTheSameQuestion() {
        IntentTester* tester = m_window->intentTester();
        QVERIFY(tester->setAmArguments(
            "adb shell am start -W -a android.intent.action.VIEW -d 'https://example.com/a?b=1&c=2'"));
        QVERIFY(tester->run());
        QTest::mouseClick(tester->findChild<QPushButton*>("intentCopyCommand"), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QCOMPARE(copied, tester->hearthCommand());
        const QString source = QString::fromStdString(m_device.source.string());
        QCOMPARE(copied, "hearth start " + source +
                             " -a android.intent.action.VIEW -d 'https://example.com/a?b=1&c=2'");
        // Read back by the shell-word splitter, it is the same intent.
        Result<std::vector<ShellWord>> words = splitShellWords(copied.toStdString(), "copy", 1);
        QVERIFY(words.has_value());
        QCOMPARE(QString::fromStdString((*words)[6].text), QString("https://example.com/a?b=1&c=2"));

        tester->setMode(IntentVerb::Query);
        tester->setKind(ComponentKind::Service);
        QVERIFY(tester->hearthCommand().startsWith("hearth query " + source + " --kind service "));
    }

    void theTablesFilterSortAndShowNearMissesFirst() {
        IntentTester* tester = m_window->intentTester();
        QVERIFY(tester->setAmArguments("-a android.intent.action.VIEW -d https://shop.example.com/x"));
        tester->setMode(IntentVerb::Query);
        QVERIFY(tester->run());
        RejectionModel* all = tester->rejectionModel();
        RejectionProxy* shown = tester->rejectionProxy();
        auto* nearOnly = tester->findChild<QCheckBox*>("intentNearOnly");
        QVERIFY(nearOnly->isChecked());
        // Every row the proxy hides is a far miss; the near ones lead.
        for (int row = 0; row < shown->rowCount(); ++row) {
            QVERIFY(shown->index(row, 0).data(RejectionModel::kNearMissRole).toBool());
        }
        QTest::mouseClick(nearOnly, Qt::LeftButton, {}, QPoint(4, nearOnly->height() / 2));
        QCOMPARE(shown->rowCount(), all->rowCount());

        auto* filter = tester->findChild<QLineEdit*>("intentTableFilter");
        QTest::keyClicks(filter, "social");
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, RejectionModel::Component).data().toString(),
                 QString("com.example.social/.ProfileActivity"));
        auto* box = tester->findChild<QGroupBox*>("intentRejectionsBox");
        QVERIFY(box->title().contains(QString("showing 1 of %1").arg(all->rowCount())));
        filter->clear();
        QCOMPARE(shown->rowCount(), all->rowCount());

        // A header click sorts the view, not the core's answer.
        auto* view = tester->findChild<QTableView*>("intentRejections");
        view->sortByColumn(RejectionModel::Component, Qt::AscendingOrder);
        for (int row = 1; row < shown->rowCount(); ++row) {
            QVERIFY(shown->index(row - 1, RejectionModel::Component).data().toString() <=
                    shown->index(row, RejectionModel::Component).data().toString());
        }
    }

    void theCandidateTableShowsSeveralRowsAndFullTextOnHover() {
        IntentTester* tester = m_window->intentTester();
        auto* view = tester->findChild<QTableView*>("intentResults");
        QVERIFY(view->minimumHeight() >= 5 * view->verticalHeader()->defaultSectionSize());
        QVERIFY(tester->setAmArguments(
            "pm query-activities -a android.intent.action.VIEW -d https://shop.example.com/x"));
        QVERIFY(tester->run());
        QVERIFY(tester->resultProxy()->rowCount() >= 2);
        const QModelIndex match = tester->resultProxy()->index(0, ResolveResultModel::Match);
        const QString tip = match.data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(tester->resultProxy()->index(0, ResolveResultModel::Component)
                                 .data()
                                 .toString()
                                 .section('/', 0, 0)));
        QVERIFY(tip.endsWith(match.data().toString()));
    }

  private:
    std::unique_ptr<MainWindow> m_window;
    Device m_device;
};

HEARTH_GUI_TEST_MAIN(IntentTesterTest)
#include "intent_tester_test.moc"

// Every hearth-gui model under QAbstractItemModelTester, plus what each one shows for a small
// legacy device whose home answers are known: stock boot asks (two HOME launchers), the patched
// framework starts FirstApp (the only MAIN + HOME_FIRST + DEFAULT activity).

#include <hearth/claims.h>
#include <hearth/home.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>

#include <QAbstractItemModelTester>
#include <utility>
#include <QSortFilterProxyModel>

#include "device_session.h"
#include "gui_test_support.h"
#include "models/claims_model.h"
#include "models/diagnostic_model.h"
#include "models/home_site_model.h"
#include "models/package_tree_model.h"
#include "models/rejection_model.h"
#include "models/resolve_result_model.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

int rowOfSite(const HomeSiteModel& model, const char* site) { return model.rowOf(site); }

}  // namespace

class ModelsTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        m_folder = std::make_unique<DeviceFolder>();
        writeLegacyHomeDevice(*m_folder, true);
        m_session = std::make_unique<DeviceSession>();
        m_session->setDevice(loadOrFail(m_folder->path()));
    }
    void cleanup() {
        m_session.reset();
        m_folder.reset();
    }

    void packageTreeModelPassesTheModelTesterThroughLoadsAndEdits() {
        PackageTreeModel model(*m_session);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setRecursiveFilteringEnabled(true);
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(
            &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterFixedString("HOME_FIRST");
        QVERIFY(m_session->setPackageRemoved("com.example.nova", true));
        QVERIFY(m_session->setComponentEnabled("com.android.launcher",
                                               "com.android.launcher.Launcher", false));
        m_session->setDevice(loadOrFail(m_folder->path()));
    }

    void theSessionCopiesTheLoadedDeviceOnlyWhenTheFirstEditComes() {
        // Issue 16: a 10,000-package device is a hundred megabytes; looking must not double it.
        QCOMPARE(&m_session->loadedDevice(), &m_session->device());
        QVERIFY(m_session->setPackageRemoved("com.example.nova", true));
        QVERIFY(&m_session->loadedDevice() != &m_session->device());
        QVERIFY(m_session->loadedDevice().findPackage("com.example.nova") != nullptr);
        QCOMPARE(m_session->device().findPackage("com.example.nova"), nullptr);
        // A second edit keeps the first copy: it is still the device as loaded.
        QVERIFY(m_session->setApiLevel(10));
        QCOMPARE(m_session->loadedDevice().apiLevel, 8);
        m_session->revertEdits();
        QVERIFY(!m_session->isEdited());
        QCOMPARE(&m_session->loadedDevice(), &m_session->device());
        QVERIFY(m_session->device().findPackage("com.example.nova") != nullptr);
        QCOMPARE(m_session->device().apiLevel, 8);
    }

    void packageTreeListsPackagesThenComponentsThenFilters() {
        PackageTreeModel model(*m_session);
        QCOMPARE(model.rowCount(), 4);
        const QModelIndex launcher = model.packageIndex("com.android.launcher");
        QVERIFY(launcher.isValid());
        QCOMPARE(cell(model, launcher.row(), PackageTreeModel::State), QString("system"));
        QCOMPARE(model.rowCount(launcher), 1);
        const QModelIndex activity = model.index(0, PackageTreeModel::Name, launcher);
        QCOMPARE(activity.data().toString(), QString(".Launcher"));
        QCOMPARE(activity.data(PackageTreeModel::kBadgesRole).toStringList(),
                 QStringList({"HOME", "DEFAULT"}));
        QCOMPARE(model.rowCount(activity), 1);
        const QModelIndex filter = model.index(0, PackageTreeModel::Name, activity);
        QCOMPARE(filter.data().toString(), QString("MAIN  ·  HOME, DEFAULT"));
        const auto where = filter.data(kLocationRole).value<SourceLocation>();
        QVERIFY(QString::fromStdString(where.file).endsWith("launcher/AndroidManifest.xml"));
        QCOMPARE(where.line, 5);
    }

    void firstAppCarriesTheHomeFirstBadge() {
        PackageTreeModel model(*m_session);
        const QModelIndex first =
            model.componentIndex("com.example.first", "com.example.first.FirstAppActivity");
        QVERIFY(first.isValid());
        QCOMPARE(first.siblingAtColumn(PackageTreeModel::Badges).data().toString(),
                 QString("HOME_FIRST DEFAULT"));
    }

    void uncheckingAPackageRemovesItFromTheDeviceInMemory() {
        PackageTreeModel model(*m_session);
        const QModelIndex nova = model.packageIndex("com.example.nova");
        QCOMPARE(nova.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY(model.setData(nova, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(m_session->device().findPackage("com.example.nova"), nullptr);
        QVERIFY(m_session->isEdited());
        QCOMPARE(model.packageIndex("com.example.nova").data(Qt::CheckStateRole).toInt(),
                 int(Qt::Unchecked));
        QVERIFY(cell(model, nova.row(), PackageTreeModel::State).startsWith("removed"));
        // Components of a removed package cannot be toggled.
        const QModelIndex component = model.index(0, 0, model.packageIndex("com.example.nova"));
        QVERIFY(!(model.flags(component) & Qt::ItemIsUserCheckable));
    }

    void uncheckingAComponentDisablesItAndCheckingEnablesItAgain() {
        PackageTreeModel model(*m_session);
        const QModelIndex launcher =
            model.componentIndex("com.android.launcher", "com.android.launcher.Launcher");
        QVERIFY(model.setData(launcher, Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(m_session->device().findPackage("com.android.launcher")->disabledComponents,
                 std::set<std::string>{"com.android.launcher.Launcher"});
        QCOMPARE(launcher.siblingAtColumn(PackageTreeModel::State).data().toString(),
                 QString("disabled"));
        QVERIFY(model.setData(launcher, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(
            m_session->device().findPackage("com.android.launcher")->disabledComponents.empty());
        QCOMPARE(launcher.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    }

    void homeSiteModelsPassTheModelTesterThroughEditsAndPatchToggles() {
        HomeSiteModel stock(*m_session, Framework::Stock);
        HomeSiteModel patched(*m_session, Framework::Patched);
        QAbstractItemModelTester stockTester(
            &stock, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester patchedTester(
            &patched, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_session->setSitePatched("boot", false);
        QVERIFY(m_session->setPackageRemoved("com.example.nova", true));
        m_session->setDevice(loadOrFail(m_folder->path()));
    }

    void stockBootAsksBetweenTwoLaunchersAndThePatchStartsFirstApp() {
        HomeSiteModel stock(*m_session, Framework::Stock);
        HomeSiteModel patched(*m_session, Framework::Patched);
        QCOMPARE(stock.rowCount(), int(homeSiteIds().size()));
        const int boot = rowOfSite(stock, "boot");
        QCOMPARE(cell(stock, boot, HomeSiteModel::Category), QString("HOME"));
        QCOMPARE(cell(stock, boot, HomeSiteModel::Outcome), QString("chooser"));
        QVERIFY(
            cell(stock, boot, HomeSiteModel::Result).contains("com.android.launcher/.Launcher"));
        QVERIFY(cell(stock, boot, HomeSiteModel::Result).contains("com.example.nova/.NovaHome"));
        QCOMPARE(cell(patched, boot, HomeSiteModel::Category), QString("HOME_FIRST"));
        QCOMPARE(cell(patched, boot, HomeSiteModel::Outcome), QString("activity"));
        QCOMPARE(cell(patched, boot, HomeSiteModel::Result),
                 QString("com.example.first/.FirstAppActivity"));
        QCOMPARE(patched.index(boot, HomeSiteModel::Site).data(Qt::CheckStateRole).toInt(),
                 int(Qt::Checked));
        QVERIFY(!(stock.flags(stock.index(boot, HomeSiteModel::Site)) & Qt::ItemIsUserCheckable));
    }

    void uncheckingASiteInThePatchedColumnPutsHomeBackThere() {
        HomeSiteModel patched(*m_session, Framework::Patched);
        const int boot = rowOfSite(patched, "boot");
        const int key = rowOfSite(patched, "home-key");
        QVERIFY(patched.setData(patched.index(boot, HomeSiteModel::Site), Qt::Unchecked,
                                Qt::CheckStateRole));
        QCOMPARE(m_session->patchedSites().count("boot"), size_t(0));
        QCOMPARE(cell(patched, boot, HomeSiteModel::Category), QString("HOME"));
        QCOMPARE(cell(patched, boot, HomeSiteModel::Outcome), QString("chooser"));
        // The other sites keep HOME_FIRST: a half-done patch shows its inconsistency.
        QCOMPARE(cell(patched, key, HomeSiteModel::Category), QString("HOME_FIRST"));
        QCOMPARE(cell(patched, key, HomeSiteModel::Result),
                 QString("com.example.first/.FirstAppActivity"));
    }

    void resolveResultModelShowsCandidatesInAndroidsOrder() {
        ResolveResultModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Result<Intent> intent = parseIntentArgs(
            {"-a", "android.intent.action.MAIN", "-c", "android.intent.category.HOME"});
        QVERIFY(intent.has_value());
        const ResolveResult result =
            m_session->index().resolveActivity(*intent, flags::kMatchDefaultOnly);
        model.setResult(result);
        QCOMPARE(model.rowCount(), 2);
        // equal priority and DEFAULT, same match; the system app sorts first.
        QCOMPARE(cell(model, 0, ResolveResultModel::Component),
                 QString("com.android.launcher/.Launcher"));
        QCOMPARE(cell(model, 1, ResolveResultModel::Component),
                 QString("com.example.nova/.NovaHome"));
        QCOMPARE(cell(model, 0, ResolveResultModel::Match),
                 QString("0x108000 MATCH_CATEGORY_EMPTY"));
        QCOMPARE(cell(model, 0, ResolveResultModel::Default), QString("yes"));
        QCOMPARE(cell(model, 0, ResolveResultModel::System), QString("yes"));
        QCOMPARE(cell(model, 1, ResolveResultModel::System), QString("no"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void rejectionModelSaysWhyEveryOtherActivityLost() {
        RejectionModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Result<Intent> intent = parseIntentArgs(
            {"-a", "android.intent.action.MAIN", "-c", "android.intent.category.HOME"});
        QVERIFY(intent.has_value());
        const auto rejections =
            m_session->index().explain(*intent, flags::kMatchDefaultOnly, ComponentKind::Activity);
        model.setRejections(rejections, m_session->device());
        QCOMPARE(model.rowCount(), int(rejections.size()));
        QStringList components;
        for (int row = 0; row < model.rowCount(); ++row) {
            components << cell(model, row, RejectionModel::Component);
            QVERIFY(!cell(model, row, RejectionModel::Rule).isEmpty());
            QVERIFY(!cell(model, row, RejectionModel::Reason).isEmpty());
        }
        QVERIFY(components.contains("com.example.first/.FirstAppActivity"));
        QVERIFY(components.contains("com.example.browser/.Browser"));
    }

    void rejectionsComeNearMissesFirstAndTheProxyHidesFarMissesAndFilters() {
        RejectionModel model;
        RejectionProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // VIEW https on the legacy home device: the launchers' MAIN filters fail at the action
        // (M-3, far); the HOME_FIRST app too.
        Result<Intent> intent = parseIntentArgs(
            {"-a", "android.intent.action.VIEW", "-c", "android.intent.category.BROWSABLE", "-d",
             "https://example.com/x", "-t", "text/html"});
        QVERIFY(intent.has_value());
        const auto rejections = m_session->index().explain(*intent, 0, ComponentKind::Activity);
        model.setRejections(rejections, m_session->device());
        // Near misses lead, then by nearness.
        std::pair<bool, int> previous{true, 100};
        for (int row = 0; row < model.rowCount(); ++row) {
            const std::pair<bool, int> key{
                model.index(row, 0).data(RejectionModel::kNearMissRole).toBool(),
                model.index(row, 0).data(RejectionModel::kNearnessRole).toInt()};
            QVERIFY(key <= previous);
            previous = key;
        }
        QCOMPARE(proxy.rowCount(), model.rowCount());
        proxy.setNearMissesOnly(true);
        int near = 0;
        for (const Rejection& rejection : rejections) {
            if (rejection.nearMiss) ++near;
        }
        QCOMPARE(proxy.rowCount(), near);
        QVERIFY(proxy.rowCount() < model.rowCount());
        proxy.setNearMissesOnly(false);
        proxy.setFilterFixedString("NOVA");
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(cell(proxy, 0, RejectionModel::Component), QString("com.example.nova/.NovaHome"));
        // The reason in full on hover, whatever the column's width.
        const QString tip = proxy.index(0, RejectionModel::Reason).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.endsWith(cell(proxy, 0, RejectionModel::Reason)));
        QVERIFY(tip.startsWith(cell(proxy, 0, RejectionModel::Rule) + ": "));
        proxy.setFilterFixedString({});
        proxy.sort(RejectionModel::Component, Qt::DescendingOrder);
        QCOMPARE(cell(proxy, 0, RejectionModel::Component), QString("com.example.nova/.NovaHome"));
    }

    void claimsModelShowsEachClaimingFilterWithItsLinks() {
        ClaimsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClaimSelector selector;
        selector.scheme = "https";
        const std::vector<Claim> claims = findClaims(m_session->device(), selector);
        QCOMPARE(claims.size(), size_t(1));
        model.setClaims(claims);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(model, 0, ClaimsModel::Component), QString("com.example.browser/.Browser"));
        QCOMPARE(cell(model, 0, ClaimsModel::Kind), QString("activity"));
        QCOMPARE(cell(model, 0, ClaimsModel::State), QString("exported"));
        QCOMPARE(cell(model, 0, ClaimsModel::Links),
                 QString::fromStdString(claims[0].urls.front()));
        const auto where = model.index(0, 0).data(kLocationRole).value<SourceLocation>();
        QCOMPARE(where.line, claims[0].filter->where.line);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void diagnosticModelShowsSeverityLocationAndMessage() {
        DiagnosticModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiagnostics({Diagnostic{Diagnostic::Severity::Warning,
                                         SourceLocation{"app/AndroidManifest.xml", 14, 9},
                                         "unknown attribute 'android:foo'"},
                              Diagnostic{Diagnostic::Severity::Error, SourceLocation{}, "boom"}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(cell(model, 0, DiagnosticModel::Severity), QString("warning"));
        QCOMPARE(cell(model, 0, DiagnosticModel::Location),
                 QString("app/AndroidManifest.xml:14:9"));
        QCOMPARE(cell(model, 0, DiagnosticModel::Message),
                 QString("unknown attribute 'android:foo'"));
        QCOMPARE(cell(model, 1, DiagnosticModel::Severity), QString("error"));
        QCOMPARE(cell(model, 1, DiagnosticModel::Location), QString());
        QCOMPARE(model.errorCount(), 1);
        QCOMPARE(model.warningCount(), 1);
        const auto where = model.index(0, 0).data(kLocationRole).value<SourceLocation>();
        QCOMPARE(where.line, 14);
    }

  private:
    std::unique_ptr<DeviceFolder> m_folder;
    std::unique_ptr<DeviceSession> m_session;
};

HEARTH_GUI_TEST_MAIN(ModelsTest)
#include "models_test.moc"

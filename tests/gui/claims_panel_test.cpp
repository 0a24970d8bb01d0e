// The claims tab (issue 16): `hearth claims` in the window. Empty, it lists every deep link with
// its hosts' App Links states (the device's app-links table); a link or a part of one narrows it
// to the filters that claim it. Rows and refusals are the core's (findClaims,
// validateClaimSelector, applyClaimUrl).

#include <hearth/claims.h>

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "models/claims_model.h"
#include "panels/claims_panel.h"
#include "panels/manifest_view.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

const QString kAppLinks = QStringLiteral(HEARTH_SAMPLES_DIR "/devices/app-links");

QStringList components(const QAbstractItemModel* model) {
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row) {
        out << model->index(row, ClaimsModel::Component).data().toString();
    }
    return out;
}

QStringList components(const std::vector<Claim>& claims) {
    QStringList out;
    for (const Claim& claim : claims) {
        out << QString::fromStdString(claim.component.flattenToShortString());
    }
    return out;
}

}  // namespace

class ClaimsPanelTest : public QObject {
    Q_OBJECT

  private slots:
    void init() {
        m_window = std::make_unique<MainWindow>();
        QVERIFY2(m_window->openDeviceNow(kAppLinks), qPrintable(m_window->lastError()));
        m_panel = m_window->claimsPanel();
    }
    void cleanup() { m_window.reset(); }

    void emptyItListsEveryDeepLinkWithItsAppLinksState() {
        const std::vector<Claim> expected = findClaims(m_window->session().device(), {});
        QCOMPARE(components(m_panel->model()), components(expected));
        QVERIFY(m_panel->summaryText().startsWith(QString::number(expected.size()) + " deep link"));
        // W-23: News is verified for its host.
        const int news = int(components(m_panel->model()).indexOf("com.example.news/.ArticleActivity"));
        QVERIFY(news >= 0);
        QCOMPARE(m_panel->model()->index(news, ClaimsModel::Domains).data().toString(),
                 QString("news.example.com: verified"));
    }

    void aLinkNarrowsItToTheFiltersThatClaimIt() {
        m_panel->setField("url", "https://shop.example.com/cart");
        QVERIFY(m_panel->find());
        ClaimSelector selector = applyClaimUrl({}, "https://shop.example.com/cart").value();
        QCOMPARE(components(m_panel->model()),
                 components(findClaims(m_window->session().device(), selector)));
        QVERIFY(components(m_panel->model()).contains("com.example.shop/.ProductActivity"));
        QVERIFY(!components(m_panel->model()).contains("com.example.news/.ArticleActivity"));
    }

    void aSelectorTheCoreRefusesShowsItsMessage() {
        m_panel->setField("type", "image");
        QVERIFY(!m_panel->find());
        ClaimSelector bad;
        bad.type = "image";
        QCOMPARE(m_panel->summaryText(),
                 QString::fromStdString(validateClaimSelector(bad).error().toString()));
        QCOMPARE(m_panel->model()->rowCount(), 0);
    }

    void removingAPackageRefreshesTheClaims() {
        QVERIFY(m_window->session().setPackageRemoved("com.example.news", true));
        QVERIFY(!components(m_panel->model()).contains("com.example.news/.ArticleActivity"));
    }

    void theTableFiltersAndADoubleClickShowsTheFilter() {
        auto* filter = m_panel->findChild<QLineEdit*>("claimsFilter");
        QTest::keyClicks(filter, "blog.example.org");
        QCOMPARE(m_panel->proxy()->rowCount(), 1);
        auto* view = m_panel->findChild<QTableView*>("claimsTable");
        emit view->doubleClicked(view->model()->index(0, ClaimsModel::Component));
        QCOMPARE(m_window->tabs()->currentWidget(), m_window->manifestView());
        QVERIFY(m_window->manifestView()->currentFile().endsWith("blog/AndroidManifest.xml"));
    }

  private:
    std::unique_ptr<MainWindow> m_window;
    ClaimsPanel* m_panel = nullptr;
};

HEARTH_GUI_TEST_MAIN(ClaimsPanelTest)
#include "claims_panel_test.moc"

#include "panels/home_panel.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <hearth/home_report.h>

#include "gui_support.h"
#include "models/home_site_model.h"
#include "panels/phone_preview.h"

namespace hearth::gui {
namespace {

QTableView* makeSiteTable(HomeSiteModel* model, QWidget* parent, const QString& name) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->setShowGrid(false);
    view->setAlternatingRowColors(true);
    // The result text carries the outcome (coloured, "chooser: …", "NO HOME"); the rule and the
    // outcome word are in the details below and in the tooltips.
    view->setColumnHidden(HomeSiteModel::Rule, true);
    view->setColumnHidden(HomeSiteModel::Outcome, true);
    // Stock uses HOME everywhere (the box title says so): its column would only repeat it.
    view->setColumnHidden(HomeSiteModel::Category, model->framework() == Framework::Stock);
    QHeaderView* header = view->horizontalHeader();
    header->setSectionResizeMode(HomeSiteModel::Site, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HomeSiteModel::Category, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HomeSiteModel::Outcome, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(HomeSiteModel::Result, QHeaderView::Stretch);
    view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    // Every call site stays visible: the table is exactly as tall as its rows.
    auto fit = [view] {
        const int rows = view->model()->rowCount();
        view->setFixedHeight(view->horizontalHeader()->sizeHint().height() +
                             rows * view->verticalHeader()->defaultSectionSize() +
                             2 * view->frameWidth() + 2);
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, view, fit);
    fit();
    return view;
}

QString escaped(const std::string& text) { return qs(text).toHtmlEscaped(); }

// Rows of non-candidates shown in the details before the rest is summarised: as many as the
// session's home reports explain.
constexpr size_t kMaxLosersShown = DeviceSession::kExplainedNonCandidates;

// Links carry file, line and column: "hearth-loc:?file=...&line=N&column=N".
QString locationUrl(const SourceLocation& where) {
    QUrl url;
    url.setScheme("hearth-loc");
    url.setQuery(QStringLiteral("file=%1&line=%2&column=%3")
                     .arg(QString::fromUtf8(QUrl::toPercentEncoding(qs(where.file))))
                     .arg(where.line)
                     .arg(where.column));
    return url.toString(QUrl::FullyEncoded);
}

QString outcomeColor(HomeOutcome outcome) {
    switch (outcome) {
        case HomeOutcome::Activity:
            return "#1b7a3a";
        case HomeOutcome::Chooser:
            return "#a35c00";
        case HomeOutcome::None:
            return "#c01c28";
        case HomeOutcome::Refused:
        case HomeOutcome::NotPresent:
            return "#6b6b6b";
    }
    return "#000";
}

}  // namespace

HomePanel::HomePanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_headline = new QLabel(this);
    m_headline->setObjectName("homeHeadline");
    m_headline->setTextFormat(Qt::RichText);
    m_headline->setWordWrap(true);
    m_patchLine = new QLabel(this);
    m_patchLine->setObjectName("homePatchLine");
    m_patchLine->setWordWrap(true);

    m_stock = new HomeSiteModel(session, Framework::Stock, this);
    m_patched = new HomeSiteModel(session, Framework::Patched, this);
    m_stockView = makeSiteTable(m_stock, this, "homeStockTable");
    m_patchedView = makeSiteTable(m_patched, this, "homePatchedTable");

    // HomeReport::warnings (the CLI's "!!" lines): a half-done patch shows up as an
    // inconsistency right under the column that has it.
    for (auto [label, name] : {std::pair{&m_stockWarnings, "homeStockWarnings"},
                               std::pair{&m_patchedWarnings, "homePatchedWarnings"}}) {
        *label = new QLabel(this);
        (*label)->setObjectName(name);
        (*label)->setTextFormat(Qt::PlainText);
        (*label)->setWordWrap(true);
        (*label)->setTextInteractionFlags(Qt::TextSelectableByMouse);
        (*label)->setStyleSheet(QStringLiteral("color: #c01c28; font-weight: bold;"));
        (*label)->hide();
    }
    auto* stockBox = new QGroupBox(tr("Stock framework — CATEGORY_HOME at every call site"), this);
    auto* stockLayout = new QVBoxLayout(stockBox);
    stockLayout->setContentsMargins(4, 4, 4, 4);
    stockLayout->addWidget(m_stockView);
    stockLayout->addWidget(m_stockWarnings);
    stockLayout->addStretch(1);
    auto* patchedBox = new QGroupBox(tr("HOME_FIRST-patched framework"), this);
    patchedBox->setObjectName("homePatchedBox");
    auto* patchedLayout = new QVBoxLayout(patchedBox);
    patchedLayout->setContentsMargins(4, 4, 4, 4);
    patchedLayout->addWidget(m_patchedView);
    patchedLayout->addWidget(m_patchedWarnings);
    patchedLayout->addStretch(1);
    auto* tables = new QHBoxLayout;
    tables->addWidget(stockBox, 4);
    tables->addWidget(patchedBox, 5);

    m_details = new QTextBrowser(this);
    m_details->setObjectName("homeDetails");
    m_details->setOpenLinks(false);
    m_phone = new PhonePreview(session, this);

    auto* lower = new QHBoxLayout;
    lower->addWidget(m_details, 1);
    lower->addWidget(m_phone, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addLayout(tables);
    layout->addWidget(m_patchLine);
    layout->addLayout(lower, 1);

    auto select = [this](Framework framework) {
        return [this, framework](const QModelIndex& current) {
            if (current.isValid()) showDetails(framework, current.row());
        };
    };
    connect(m_stockView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            select(Framework::Stock));
    connect(m_patchedView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            select(Framework::Patched));
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) {
        // Links carry file and line: "hearth-loc:?file=...&line=N".
        SourceLocation where;
        const QString query = url.query(QUrl::FullyDecoded);
        for (const QString& pair : query.split('&')) {
            const QString key = pair.section('=', 0, 0);
            const QString value = pair.section('=', 1);
            if (key == "file") where.file = value.toStdString();
            if (key == "line") where.line = value.toInt();
            if (key == "column") where.column = value.toInt();
        }
        emit locationActivated(where);
    });
    connect(&m_session, &DeviceSession::deviceReplaced, this, [this] {
        // Start on the stock boot, selected, so that the details say which row they explain.
        m_detailFramework = Framework::Stock;
        m_detailRow = 0;
        m_patchedView->clearSelection();
        m_stockView->selectRow(0);
        updateHeadline();
        updateWarnings();
        refreshDetails();
    });
    connect(&m_session, &DeviceSession::deviceEdited, this, [this] {
        updateHeadline();
        updateWarnings();
        refreshDetails();
    });
    updateHeadline();
    updateWarnings();
    refreshDetails();
}

void HomePanel::updateWarnings() {
    for (Framework framework : {Framework::Stock, Framework::Patched}) {
        QLabel* label = framework == Framework::Stock ? m_stockWarnings : m_patchedWarnings;
        QStringList lines;
        if (m_session.hasDevice()) {
            for (const std::string& warning : m_session.homeReport(framework).warnings) {
                lines << "!! " + qs(warning);
            }
        }
        label->setText(lines.join('\n'));
        label->setVisible(!lines.isEmpty());
    }
}

QString HomePanel::warningsText(Framework framework) const {
    return (framework == Framework::Stock ? m_stockWarnings : m_patchedWarnings)->text();
}

HomeSiteModel* HomePanel::model(Framework framework) const {
    return framework == Framework::Stock ? m_stock : m_patched;
}

QTableView* HomePanel::view(Framework framework) const {
    return framework == Framework::Stock ? m_stockView : m_patchedView;
}

void HomePanel::updateHeadline() {
    if (!m_session.hasDevice()) {
        m_headline->setText(tr("<b>No device.</b> Open a folder, device.json, manifest or APK."));
        m_patchLine->clear();
        return;
    }
    const HomeReport& report = m_session.homeReport(Framework::Stock);
    QString text =
        QStringLiteral("<b style='font-size:large'>%1</b> &nbsp; Android API %2, %3")
            .arg(escaped(report.deviceName.empty() ? std::string("device") : report.deviceName))
            .arg(report.apiLevel)
            .arg(report.generation == FrameworkGeneration::Legacy ? tr("legacy 2.x framework")
                                                                  : tr("modern framework"));
    text += " · " + (report.userUnlocked ? tr("storage unlocked")
                                         : tr("<span style='color:#c01c28'>storage locked "
                                              "(direct boot)</span>"));
    text += " · " + (report.userSetupComplete
                         ? tr("user setup complete")
                         : tr("<span style='color:#a35c00'>user setup in progress</span>"));
    if (report.role) {
        text +=
            " · " + tr("HOME role: %1")
                        .arg(report.role->holder ? escaped(*report.role->holder) : tr("no holder"));
    }
    if (m_session.isEdited()) {
        text += " · <span style='color:#a35c00'>" + tr("edited in memory") + "</span>";
    }
    m_headline->setText(text);
    m_patchLine->setText(tr("Patched column: %1. Tick a call site to swap HOME for HOME_FIRST "
                            "there; untick to see a half-done patch.")
                             .arg(qs(describePatch(m_session.patchFor(Framework::Patched)))));
}

void HomePanel::showDetails(Framework framework, int row) {
    m_detailFramework = framework;
    m_detailRow = row;
    refreshDetails();
}

void HomePanel::refreshDetails() {
    HomeSiteModel* source = model(m_detailFramework);
    if (!m_session.hasDevice() || m_detailRow < 0 || m_detailRow >= source->rowCount()) {
        m_details->clear();
        return;
    }
    const HomeSiteReport& site = source->siteAt(m_detailRow);

    QString html;
    html += QStringLiteral("<h3 style='margin:0'>%1 — %2</h3>")
                .arg(HomeSiteModel::siteTitle(site.site).toHtmlEscaped(),
                     m_detailFramework == Framework::Stock ? tr("stock framework")
                                                           : tr("HOME_FIRST-patched framework"));
    html += QStringLiteral("<p style='margin:2px'><b>%1</b> %2</p>")
                .arg(tr("Where:"), escaped(site.where));
    if (site.outcome != HomeOutcome::NotPresent) {
        html += QStringLiteral(
                    "<p style='margin:2px'><b>%1</b> <code>%2</code><br><b>%3</b> "
                    "0x%4%5</p>")
                    .arg(tr("Intent:"), escaped(site.intent.toShortString()), tr("Query flags:"))
                    .arg(uint(site.queryFlags), 0, 16)
                    .arg(site.matchDefaultOnly ? tr(" (MATCH_DEFAULT_ONLY: filters need DEFAULT)")
                                               : tr(" (filters without DEFAULT qualify)"));
    }
    html += QStringLiteral(
                "<p style='margin:4px 2px'><b style='color:%1'>%2</b> &nbsp; %3 "
                "<i>%4</i></p>")
                .arg(outcomeColor(site.outcome), escaped(summarizeHomeSite(site)),
                     escaped(site.rule), escaped(site.reason));

    if (!site.candidates.empty()) {
        // Percent widths and break points after '/' keep long names from squeezing the reasons.
        auto breakable = [](const QString& text) {
            QString out = text.toHtmlEscaped();
            out.replace('/', QStringLiteral("/&#8203;"));
            return out;
        };
        html += QStringLiteral(
                    "<table cellspacing='0' cellpadding='3' border='0' width='100%'>"
                    "<tr style='background:#e8e8e8'><th align='left' width='31%'>%1</th><th "
                    "align='left' width='45%'>%2</th><th align='left' width='24%'>%3</th></tr>")
                    .arg(tr("Component"), tr("Candidate? Why"), tr("Source"));
        int hidden = 0;
        size_t shownLosers = 0;
        for (const HomeCandidate& candidate : site.candidates) {
            QString verdict;
            if (candidate.candidate) {
                verdict = tr("<b style='color:#1b7a3a'>✔ candidate</b>, priority %1")
                              .arg(candidate.priority);
                if (candidate.priority != candidate.declaredPriority) {
                    verdict += tr(" (declared %1)").arg(candidate.declaredPriority);
                }
                verdict += candidate.isDefault ? tr(", DEFAULT") : tr(", no DEFAULT");
            } else {
                // A device of a thousand apps has a thousand MAIN activities: the first few
                // say why; the intent tester lists them all.
                if (++shownLosers > kMaxLosersShown) {
                    ++hidden;
                    continue;
                }
                verdict = QStringLiteral("<b style='color:#6b6b6b'>✘ %1</b>")
                              .arg(escaped(candidate.rule));
            }
            QString source;
            if (!candidate.where.file.empty()) {
                source = QStringLiteral("<a href='%1'>%2</a>")
                             .arg(locationUrl(candidate.where),
                                  breakable(shortLocationText(candidate.where)));
            }
            html += QStringLiteral("<tr><td><code>%1</code></td><td>%2 — %3</td><td>%4</td></tr>")
                        .arg(breakable(qs(candidate.component.flattenToShortString())), verdict,
                             escaped(candidate.reason), source);
        }
        if (hidden > 0) {
            html += QStringLiteral("<tr><td colspan='3'><i>%1</i></td></tr>")
                        .arg(tr("… and %1 more activities that are not candidates (the intent "
                                "tester lists every one)")
                                 .arg(hidden));
        }
        html += "</table>";
    }
    for (const HomeCheck& check : site.checks) {
        html += QStringLiteral(
                    "<p style='margin:4px 2px'><b>%1</b> <code>%2</code> → %3: "
                    "<b>%4</b> %5 <i>%6</i></p>")
                    .arg(tr("Started by %1:").arg(escaped(check.startedBy)),
                         escaped(check.intent.toShortString()),
                         check.component ? escaped(check.component->flattenToShortString())
                                         : tr("nothing started"),
                         check.isHome ? tr("treated as home") : tr("not home"), escaped(check.rule),
                         escaped(check.reason));
    }
    m_details->setHtml(html);
}

QString HomePanel::detailsText() const { return m_details->toPlainText(); }

QString HomePanel::headlineText() const { return m_headline->text(); }

}  // namespace hearth::gui

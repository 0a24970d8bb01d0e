#include "panels/intent_tester.h"

#include <hearth/resolve_report.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "app_paths.h"
#include "device_session.h"
#include "models/rejection_model.h"
#include "models/resolve_result_model.h"

namespace hearth::gui {
namespace {

// Rows measured when sizing a column to its contents.
constexpr int kSizingRows = 200;
// The widest a sized column may get, in pixels.
constexpr int kMaxColumnWidth = 280;
// Chooser candidates named in the outcome line.
constexpr int kNamedInOutcome = 4;

QString quoteArgument(const QString& argument) {
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./*-]+$"));
    if (plain.match(argument).hasMatch()) return argument;
    QString quoted = argument;
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + quoted + '"';
}

QTableView* makeTable(QWidget* parent, const QString& name) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

}  // namespace

IntentTester::IntentTester(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_action = new QComboBox(this);
    m_action->setObjectName("intentAction");
    m_action->setEditable(true);
    m_action->addItems({QString(), names::kActionMain, names::kActionView,
                        QStringLiteral("android.intent.action.SEND"),
                        QStringLiteral("android.intent.action.DIAL")});
    m_categories = new QLineEdit(this);
    m_categories->setObjectName("intentCategories");
    m_categories->setPlaceholderText(tr("space separated, e.g. android.intent.category.HOME"));
    m_data = new QLineEdit(this);
    m_data->setObjectName("intentData");
    m_data->setPlaceholderText(tr("URI, e.g. https://example.com/x"));
    m_type = new QLineEdit(this);
    m_type->setObjectName("intentType");
    m_type->setPlaceholderText(tr("MIME type, e.g. image/png"));
    m_component = new QLineEdit(this);
    m_component->setObjectName("intentComponent");
    m_component->setPlaceholderText(tr("pkg/.Class (explicit intent, Q-2)"));
    m_flags = new QLineEdit(this);
    m_flags->setObjectName("intentFlags");
    m_flags->setPlaceholderText(tr("e.g. 0x10000000"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName("intentKind");
    for (ComponentKind kind : {ComponentKind::Activity, ComponentKind::Service,
                               ComponentKind::Receiver, ComponentKind::Provider}) {
        m_kind->addItem(QString::fromLatin1(componentKindName(kind)), int(kind));
    }
    m_defaultOnly = new QCheckBox(tr("MATCH_DEFAULT_ONLY, as startActivity passes it (R-7)"), this);
    m_defaultOnly->setObjectName("intentDefaultOnly");
    m_defaultOnly->setChecked(true);

    m_amLine = new QLineEdit(this);
    m_amLine->setObjectName("intentAmLine");
    m_amLine->setPlaceholderText(
        tr("am start arguments: -a android.intent.action.VIEW -d https://example.com/x"));
    m_amLine->setFont(QFont(QStringLiteral("monospace")));
    m_run = new QPushButton(tr("Resolve"), this);
    m_run->setObjectName("intentRun");
    m_run->setDefault(true);

    auto* fields = new QFormLayout;
    fields->addRow(tr("Action"), m_action);
    fields->addRow(tr("Categories"), m_categories);
    fields->addRow(tr("Data"), m_data);
    auto* fields2 = new QFormLayout;
    fields2->addRow(tr("Type"), m_type);
    fields2->addRow(tr("Component"), m_component);
    fields2->addRow(tr("Flags"), m_flags);
    auto* fieldRow = new QHBoxLayout;
    fieldRow->addLayout(fields, 3);
    fieldRow->addLayout(fields2, 2);
    auto* optionRow = new QHBoxLayout;
    optionRow->addWidget(new QLabel(tr("Resolve as"), this));
    optionRow->addWidget(m_kind);
    optionRow->addWidget(m_defaultOnly);
    optionRow->addStretch(1);
    auto* lineRow = new QHBoxLayout;
    lineRow->addWidget(new QLabel(tr("am start"), this));
    lineRow->addWidget(m_amLine, 1);
    lineRow->addWidget(m_run);

    auto* intentBox = new QGroupBox(tr("Intent"), this);
    auto* intentLayout = new QVBoxLayout(intentBox);
    intentLayout->addLayout(fieldRow);
    intentLayout->addLayout(optionRow);
    intentLayout->addLayout(lineRow);

    m_outcome = new QLabel(this);
    m_outcome->setObjectName("intentOutcome");
    m_outcome->setTextFormat(Qt::PlainText);
    QFont big = m_outcome->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_outcome->setFont(big);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A chooser over fifty apps is a long line: wrap it rather than widen the window.
    m_outcome->setWordWrap(true);
    m_reason = new QLabel(this);
    m_reason->setObjectName("intentReason");
    m_reason->setTextFormat(Qt::PlainText);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_results = new ResolveResultModel(this);
    m_rejections = new RejectionModel(this);
    m_resultView = makeTable(this, "intentResults");
    m_resultView->setModel(m_results);
    m_rejectionView = makeTable(this, "intentRejections");
    m_rejectionView->setModel(m_rejections);
    // A device of a thousand apps has tens of thousands of losers: fixed row heights and widths
    // (sized from the first rows only) keep the view instant; full reasons are in the tooltips.
    m_rejectionView->horizontalHeader()->setSectionResizeMode(RejectionModel::Reason,
                                                              QHeaderView::Stretch);
    m_rejectionView->horizontalHeader()->setStretchLastSection(false);
    m_resultView->horizontalHeader()->setResizeContentsPrecision(kSizingRows);
    m_rejectionView->horizontalHeader()->setResizeContentsPrecision(kSizingRows);

    auto* resultsBox = new QGroupBox(tr("Candidates, in Android's order (R-9)"), this);
    auto* resultsLayout = new QVBoxLayout(resultsBox);
    resultsLayout->addWidget(m_resultView);
    auto* rejectionsBox =
        new QGroupBox(tr("Every other component, and why it lost (--explain)"), this);
    auto* rejectionsLayout = new QVBoxLayout(rejectionsBox);
    rejectionsLayout->addWidget(m_rejectionView);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(resultsBox);
    splitter->addWidget(rejectionsBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intentBox);
    layout->addWidget(m_outcome);
    layout->addWidget(m_reason);
    layout->addWidget(splitter, 1);

    for (QLineEdit* edit : {m_categories, m_data, m_type, m_component, m_flags}) {
        connect(edit, &QLineEdit::textEdited, this, &IntentTester::syncLineFromFields);
        connect(edit, &QLineEdit::returnPressed, this, &IntentTester::run);
    }
    connect(m_action, &QComboBox::currentTextChanged, this, &IntentTester::syncLineFromFields);
    connect(m_amLine, &QLineEdit::returnPressed, this, &IntentTester::run);
    connect(m_amLine, &QLineEdit::textEdited, this, [this](const QString& text) {
        // Typing `am start` arguments fills the fields once they parse; errors wait for Run.
        const QStringList words = QProcess::splitCommand(text);
        std::vector<std::string> args;
        for (const QString& word : words) args.push_back(word.toStdString());
        if (args.empty()) return;
        Result<Intent> intent = parseIntentArgs(args);
        if (intent) fillFields(*intent);
    });
    connect(m_run, &QPushButton::clicked, this, &IntentTester::run);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &IntentTester::rerunIfShown);
    connect(m_defaultOnly, &QCheckBox::toggled, this, &IntentTester::rerunIfShown);
    for (QTableView* view : {m_resultView, m_rejectionView}) {
        connect(view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
            emit locationActivated(index.data(kLocationRole).value<hearth::SourceLocation>());
        });
    }
    connect(&m_session, &DeviceSession::deviceEdited, this, &IntentTester::rerunIfShown);
    connect(&m_session, &DeviceSession::deviceReplaced, this, &IntentTester::rerunIfShown);

    // The home intent is the question everyone starts with: answer it as soon as a device loads.
    setAmArguments(QStringLiteral("-a android.intent.action.MAIN -c android.intent.category.HOME"));
    m_shown = true;
}

ComponentKind IntentTester::kind() const { return ComponentKind(m_kind->currentData().toInt()); }

void IntentTester::setDefaultOnly(bool defaultOnly) { m_defaultOnly->setChecked(defaultOnly); }

void IntentTester::setKind(ComponentKind kind) {
    const int row = m_kind->findData(int(kind));
    if (row >= 0) m_kind->setCurrentIndex(row);
}

std::vector<std::string> IntentTester::argsFromFields() const {
    std::vector<std::string> args;
    auto add = [&args](const char* option, const QString& value) {
        if (value.trimmed().isEmpty()) return;
        args.push_back(option);
        args.push_back(value.trimmed().toStdString());
    };
    add("-a", m_action->currentText());
    for (const QString& category :
         m_categories->text().split(QRegularExpression("[\\s,]+"), Qt::SkipEmptyParts)) {
        add("-c", category);
    }
    add("-d", m_data->text());
    add("-t", m_type->text());
    add("-n", m_component->text());
    add("-f", m_flags->text());
    return args;
}

QString IntentTester::amArguments() const { return m_amLine->text(); }

void IntentTester::syncLineFromFields() {
    if (m_syncing) return;
    QStringList words;
    for (const std::string& arg : argsFromFields()) words << quoteArgument(qs(arg));
    m_amLine->setText(words.join(' '));
}

void IntentTester::fillFields(const Intent& intent) {
    m_syncing = true;
    m_action->setCurrentText(intent.action ? qs(*intent.action) : QString());
    QStringList categories;
    for (const std::string& category : intent.categories) categories << qs(category);
    m_categories->setText(categories.join(' '));
    m_data->setText(intent.data ? qs(intent.data->toString()) : QString());
    m_type->setText(intent.type ? qs(*intent.type) : QString());
    m_component->setText(intent.component ? qs(intent.component->flattenToShortString())
                                          : QString());
    m_flags->setText(intent.flags ? QStringLiteral("0x%1").arg(uint(intent.flags), 0, 16)
                                  : QString());
    m_syncing = false;
}

bool IntentTester::setAmArguments(const QString& arguments) {
    m_amLine->setText(arguments);
    std::vector<std::string> args;
    for (const QString& word : QProcess::splitCommand(arguments))
        args.push_back(word.toStdString());
    Result<Intent> intent = parseIntentArgs(args);
    if (!intent) {
        showError(qs(intent.error().toString()));
        return false;
    }
    fillFields(*intent);
    return true;
}

void IntentTester::showError(const QString& message) {
    m_lastResult.reset();
    m_lastQuery.reset();
    m_lastRejections.clear();
    m_lastIntent.reset();
    m_results->clear();
    m_rejections->clear();
    m_outcome->setText(tr("cannot build the intent: %1").arg(message));
    m_outcome->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_reason->clear();
}

void IntentTester::rerunIfShown() {
    if (m_shown) run();
}

bool IntentTester::run() {
    std::vector<std::string> args;
    for (const QString& word : QProcess::splitCommand(m_amLine->text())) {
        args.push_back(word.toStdString());
    }
    Result<Intent> parsed = parseIntentArgs(args);
    if (!parsed) {
        showError(qs(parsed.error().toString()));
        return false;
    }
    m_shown = true;
    if (!m_session.hasDevice()) {
        showError(tr("no device is open"));
        return false;
    }
    fillFields(*parsed);
    const Intent& intent = *parsed;
    const int flags = m_defaultOnly->isChecked() ? flags::kMatchDefaultOnly : 0;
    const PackageIndex& index = m_session.index();
    const ComponentKind queryKind = kind();
    m_lastIntent = intent;
    m_lastFlags = flags;

    QString color;
    if (queryKind == ComponentKind::Activity) {
        ResolveResult result = index.resolveActivity(intent, flags);
        m_results->setResult(result);
        switch (result.outcome) {
            case ResolveOutcome::Activity:
                m_outcome->setText(
                    tr("→ %1").arg(qs(result.chosen->component.flattenToShortString())));
                color = "#1b7a3a";
                break;
            case ResolveOutcome::Chooser: {
                QStringList names;
                for (const ResolveInfo& info : result.candidates) {
                    names << qs(info.component.flattenToShortString());
                }
                // The table lists every candidate; the headline names a few.
                if (names.size() > kNamedInOutcome) {
                    const qsizetype total = names.size();
                    names = names.mid(0, kNamedInOutcome);
                    names << tr("… (%1 in all)").arg(total);
                }
                m_outcome->setText(tr("→ chooser (ResolverActivity): %1").arg(names.join(", ")));
                color = "#a35c00";
                break;
            }
            case ResolveOutcome::None:
                m_outcome->setText(
                    tr("→ nothing found: Android reports 'unable to resolve Intent'"));
                color = "#c01c28";
                break;
        }
        // The core's reasons usually open with their rule; cite it once.
        const QString reason = qs(result.reason);
        const QString rule = qs(result.rule);
        m_reason->setText(rule.isEmpty() || reason.startsWith(rule) ? reason
                                                                    : rule + ": " + reason);
        m_lastResult = std::move(result);
        m_lastQuery.reset();
    } else {
        std::vector<ResolveInfo> candidates = index.query(intent, flags, queryKind);
        m_results->setCandidates(candidates);
        m_outcome->setText(candidates.empty()
                               ? tr("→ no %1 matches").arg(componentKindName(queryKind))
                               : tr("→ %n match(es)", nullptr, int(candidates.size())));
        color = candidates.empty() ? "#c01c28" : "#1b7a3a";
        m_reason->setText(
            tr("Services, receivers and providers are listed, not chosen: "
               "the caller decides."));
        m_lastQuery = std::move(candidates);
        m_lastResult.reset();
    }
    m_outcome->setStyleSheet(QStringLiteral("color: %1;").arg(color));
    m_lastRejections = index.explain(intent, flags, queryKind);
    m_rejections->setRejections(m_lastRejections, m_session.device());
    for (int column : {int(ResolveResultModel::Rank), int(ResolveResultModel::Component),
                       int(ResolveResultModel::Priority), int(ResolveResultModel::Match),
                       int(ResolveResultModel::Default), int(ResolveResultModel::System)}) {
        m_resultView->resizeColumnToContents(column);
    }
    for (int column :
         {int(RejectionModel::Component), int(RejectionModel::Rule), int(RejectionModel::Filter)}) {
        m_rejectionView->resizeColumnToContents(column);
    }
    // Long class names must leave room for the reasons.
    for (QTableView* view : {m_resultView, m_rejectionView}) {
        for (int column = 0; column < view->model()->columnCount(); ++column) {
            view->setColumnWidth(column, std::min(view->columnWidth(column), kMaxColumnWidth));
        }
    }
    return true;
}

QByteArray IntentTester::answerJson() const {
    // The results point into the session's device; run() is redone on every change, so they
    // always describe the device shown.
    if (m_lastResult) {
        return QByteArray::fromStdString(renderResolveJson(*m_lastResult, &m_lastRejections));
    }
    if (m_lastQuery)
        return QByteArray::fromStdString(renderQueryJson(*m_lastQuery, &m_lastRejections));
    return {};
}

QString IntentTester::outcomeText() const { return m_outcome->text(); }

QString IntentTester::reasonText() const { return m_reason->text(); }

}  // namespace hearth::gui

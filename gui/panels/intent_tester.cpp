#include "panels/intent_tester.h"

#include <hearth/caller.h>

#include <hearth/java_number.h>
#include <hearth/resolve_report.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "device_session.h"
#include "gui_support.h"
#include "models/rejection_model.h"
#include "models/resolve_result_model.h"
#include "panels/row_table_view.h"

namespace hearth::gui {
namespace {

// Rows measured when sizing a column to its contents.
constexpr int kSizingRows = 200;
// The widest a sized column may get, in pixels.
constexpr int kMaxColumnWidth = 280;
// Chooser candidates named in the outcome line.
constexpr int kNamedInOutcome = 4;
// Candidate rows the table shows without scrolling.
constexpr int kMinCandidateRows = 5;

// Long class names must leave room for the reasons.
void fitColumns(QTableView* view) {
    for (int column = 0; column < view->model()->columnCount(); ++column) {
        view->setColumnWidth(column, std::min(view->columnWidth(column), kMaxColumnWidth));
    }
}

// The modes, in the combo's order, with the semantics each one states.
struct ModeRow {
    IntentVerb verb;
    const char* label;
    const char* semantics;
};
constexpr ModeRow kModes[] = {
    {IntentVerb::Start, "start (am start)",
     "As `hearth start` and am start: MATCH_DEFAULT_ONLY | STOCK_PM_FLAGS, App Links "
     "(W-24..W-28, W-34), S- and V- rules for the caller; what starts, and am's text."},
    {IntentVerb::Resolve, "resolve (pm resolve-activity)",
     "As `hearth resolve` and pm resolve-activity: query flags 0 unless MATCH_DEFAULT_ONLY is "
     "ticked (R-7), V- and S- rules for the caller; chooseBestActivity's decision."},
    {IntentVerb::Query, "query (pm query-activities)",
     "As `hearth query` and pm query-activities: query flags 0 unless MATCH_DEFAULT_ONLY is "
     "ticked (R-7), V- and S- rules for the caller; every match in Android's order."},
};

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
    QGroupBox* intentBox = createIntentBox();
    createOutcomeLabels();
    QSplitter* tables = createResultTables();
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_tableFilter, 1);
    filterRow->addWidget(m_nearOnly);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intentBox);
    layout->addWidget(m_outcome);
    layout->addWidget(m_reason);
    layout->addLayout(filterRow);
    layout->addWidget(tables, 1);

    connectSignals();
    refillCallers();
    updateSemantics();
    updateTableTitles();
    // The home intent is the question everyone starts with: answer it as soon as a device loads.
    setAmArguments(QStringLiteral("-a android.intent.action.MAIN -c android.intent.category.HOME"));
    m_shown = true;
}

// The intent's fields, the answer options, the caller and the command line.
QGroupBox* IntentTester::createIntentBox() {
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
    m_mode = new QComboBox(this);
    m_mode->setObjectName("intentMode");
    for (const ModeRow& row : kModes) {
        m_mode->addItem(tr(row.label), int(row.verb));
        m_mode->setItemData(m_mode->count() - 1, tr(row.semantics), Qt::ToolTipRole);
    }
    m_defaultOnly = new QCheckBox(tr("MATCH_DEFAULT_ONLY (--default-only, R-7)"), this);
    m_defaultOnly->setObjectName("intentDefaultOnly");
    m_defaultOnly->setChecked(false);
    m_caller = new QComboBox(this);
    m_caller->setObjectName("intentCaller");
    m_caller->setEditable(true);
    m_caller->setInsertPolicy(QComboBox::NoInsert);
    m_caller->setMinimumContentsLength(18);
    m_caller->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_caller->setToolTip(tr("The package the intent is sent from (--caller): its package "
                            "visibility (V-1..V-9) and the safer-intent rules (S-3..S-8) apply. "
                            "shell: pm and am; system and root bypass S-3."));
    m_semantics = new QLabel(this);
    m_semantics->setObjectName("intentSemantics");
    m_semantics->setWordWrap(true);
    m_semantics->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_pasteNote = new QLabel(this);
    m_pasteNote->setObjectName("intentPasteNote");
    m_pasteNote->setWordWrap(true);
    m_pasteNote->setTextFormat(Qt::PlainText);
    m_pasteNote->hide();

    m_amLine = new QLineEdit(this);
    m_amLine->setObjectName("intentAmLine");
    m_amLine->setPlaceholderText(
        tr("paste a command: adb shell am start -a android.intent.action.VIEW -d "
           "'https://example.com/x' (or pm query-activities ..., or bare am arguments)"));
    m_amLine->setFont(QFont(QStringLiteral("monospace")));
    m_run = new QPushButton(tr("Answer"), this);
    m_run->setObjectName("intentRun");
    m_run->setDefault(true);
    m_copyCommand = new QPushButton(tr("Copy as hearth command"), this);
    m_copyCommand->setObjectName("intentCopyCommand");
    m_copyCommand->setToolTip(tr("Copies the same question as a `hearth` CLI line"));

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
    optionRow->addWidget(new QLabel(tr("Answer as"), this));
    optionRow->addWidget(m_mode);
    optionRow->addWidget(m_kind);
    optionRow->addWidget(m_defaultOnly);
    optionRow->addStretch(1);
    optionRow->addWidget(new QLabel(tr("Caller"), this));
    optionRow->addWidget(m_caller);
    auto* lineRow = new QHBoxLayout;
    lineRow->addWidget(new QLabel(tr("Command"), this));
    lineRow->addWidget(m_amLine, 1);
    lineRow->addWidget(m_run);
    lineRow->addWidget(m_copyCommand);

    auto* intentBox = new QGroupBox(tr("Intent"), this);
    auto* intentLayout = new QVBoxLayout(intentBox);
    intentLayout->addLayout(fieldRow);
    intentLayout->addLayout(optionRow);
    intentLayout->addWidget(m_semantics);
    intentLayout->addLayout(lineRow);
    intentLayout->addWidget(m_pasteNote);
    return intentBox;
}

void IntentTester::createOutcomeLabels() {
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
}

// The candidates above the rejected components, with the filter box and "Near misses only"
// (laid out by the constructor).
QSplitter* IntentTester::createResultTables() {
    m_results = new ResolveResultModel(this);
    m_rejections = new RejectionModel(this);
    m_resultProxy = makeRowProxy(m_results, this);
    m_rejectionProxy = new RejectionProxy(this);
    m_rejectionProxy->setSourceModel(m_rejections);
    m_rejectionProxy->setNearMissesOnly(true);
    m_resultView = makeTable(this, "intentResults");
    m_resultView->setModel(m_resultProxy);
    m_rejectionView = makeTable(this, "intentRejections");
    m_rejectionView->setModel(m_rejectionProxy);
    // Header clicks sort; until then both keep the core's order (R-9, near misses first).
    for (QTableView* view : {m_resultView, m_rejectionView}) {
        view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
        view->setSortingEnabled(true);
    }
    // Room for a chooser of several candidates without scrolling.
    m_resultView->setMinimumHeight(m_resultView->horizontalHeader()->sizeHint().height() +
                                   kMinCandidateRows * m_resultView->verticalHeader()->defaultSectionSize() +
                                   2 * m_resultView->frameWidth());
    m_tableFilter = new QLineEdit(this);
    m_tableFilter->setObjectName("intentTableFilter");
    m_tableFilter->setClearButtonEnabled(true);
    m_tableFilter->setPlaceholderText(tr("Filter both tables: component, rule, reason or file"));
    m_nearOnly = new QCheckBox(tr("Near misses only"), this);
    m_nearOnly->setObjectName("intentNearOnly");
    m_nearOnly->setChecked(true);
    m_nearOnly->setToolTip(tr("Hide the components whose filters fail at the action (M-3) or "
                              "that were never considered (Q-2, Q-3): on a large device they "
                              "are hundreds of rows that say nothing about this intent."));
    // A device of a thousand apps has tens of thousands of losers: fixed row heights and widths
    // (sized from the first rows only) keep the view instant; full reasons are in the tooltips.
    m_rejectionView->horizontalHeader()->setSectionResizeMode(RejectionModel::Reason,
                                                              QHeaderView::Stretch);
    m_rejectionView->horizontalHeader()->setStretchLastSection(false);
    m_resultView->horizontalHeader()->setResizeContentsPrecision(kSizingRows);
    m_rejectionView->horizontalHeader()->setResizeContentsPrecision(kSizingRows);

    m_resultsBox = new QGroupBox(this);
    m_resultsBox->setObjectName("intentResultsBox");
    auto* resultsLayout = new QVBoxLayout(m_resultsBox);
    resultsLayout->addWidget(m_resultView);
    m_rejectionsBox = new QGroupBox(this);
    m_rejectionsBox->setObjectName("intentRejectionsBox");
    auto* rejectionsLayout = new QVBoxLayout(m_rejectionsBox);
    rejectionsLayout->addWidget(m_rejectionView);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_resultsBox);
    splitter->addWidget(m_rejectionsBox);
    // The candidates keep their few rows; the losers, often hundreds, take the rest.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({1, 3});
    return splitter;
}

void IntentTester::connectSignals() {
    for (QLineEdit* edit : {m_categories, m_data, m_type, m_component, m_flags}) {
        connect(edit, &QLineEdit::textEdited, this, &IntentTester::syncLineFromFields);
        connect(edit, &QLineEdit::returnPressed, this, &IntentTester::run);
    }
    connect(m_action, &QComboBox::currentTextChanged, this, &IntentTester::syncLineFromFields);
    connect(m_amLine, &QLineEdit::returnPressed, this, &IntentTester::run);
    connect(m_amLine, &QLineEdit::textEdited, this, [this](const QString&) {
        // A typed or pasted command fills the fields (and the mode its prefix implies) once it
        // parses; errors wait for Answer.
        std::optional<IntentCommandLine> command = readCommandLine(nullptr);
        if (!command || command->intentArgs.empty()) return;
        Result<Intent> intent = parseIntentArgs(command->intentArgs);
        if (!intent) return;
        m_syncing = true;
        if (command->verb != IntentVerb::Unspecified) setMode(command->verb);
        m_syncing = false;
        fillFields(*intent);
    });
    connect(m_tableFilter, &QLineEdit::textChanged, this, &IntentTester::setTableFilter);
    connect(m_nearOnly, &QCheckBox::toggled, this, &IntentTester::setNearMissesOnly);
    connect(m_run, &QPushButton::clicked, this, &IntentTester::run);
    connect(m_copyCommand, &QPushButton::clicked, this, &IntentTester::copyHearthCommand);
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateSemantics();
        if (m_syncing) return;
        // The mode chosen by hand wins over a pasted prefix that asked another question.
        std::optional<IntentCommandLine> command = readCommandLine(nullptr);
        if (command && command->verb != IntentVerb::Unspecified && command->verb != mode()) {
            syncLineFromFields();
        }
        rerunIfShown();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &IntentTester::rerunIfShown);
    connect(m_defaultOnly, &QCheckBox::toggled, this, &IntentTester::rerunIfShown);
    connect(m_caller, &QComboBox::currentTextChanged, this, [this] {
        if (!m_syncing) rerunIfShown();
    });
    for (QTableView* view : {m_resultView, m_rejectionView}) {
        connect(view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
            emit locationActivated(index.data(kLocationRole).value<hearth::SourceLocation>());
        });
    }
    connect(&m_session, &DeviceSession::deviceEdited, this, &IntentTester::rerunIfShown);
    connect(&m_session, &DeviceSession::deviceReplaced, this, [this] {
        refillCallers();
        rerunIfShown();
    });
}

ComponentKind IntentTester::kind() const { return ComponentKind(m_kind->currentData().toInt()); }

void IntentTester::setDefaultOnly(bool defaultOnly) { m_defaultOnly->setChecked(defaultOnly); }

QString IntentTester::caller() const { return m_caller->currentText().trimmed(); }

void IntentTester::setCaller(const QString& caller) { m_caller->setCurrentText(caller); }

void IntentTester::refillCallers() {
    const QString current = caller().isEmpty() ? QStringLiteral("shell") : caller();
    m_syncing = true;
    m_caller->clear();
    m_caller->addItems({QStringLiteral("shell"), QStringLiteral("system"), QStringLiteral("root")});
    if (m_session.hasDevice()) {
        for (const InstalledPackage& package : m_session.device().packages) {
            m_caller->addItem(qs(package.packageName()));
        }
    }
    m_caller->setCurrentText(current);
    m_syncing = false;
}

IntentVerb IntentTester::mode() const { return IntentVerb(m_mode->currentData().toInt()); }

void IntentTester::setMode(IntentVerb mode) {
    const int row = m_mode->findData(int(mode == IntentVerb::Unspecified ? IntentVerb::Start : mode));
    if (row >= 0) m_mode->setCurrentIndex(row);
}

void IntentTester::updateSemantics() {
    const IntentVerb verb = mode();
    for (const ModeRow& row : kModes) {
        if (row.verb == verb) m_semantics->setText(tr(row.semantics));
    }
    // A start is always an activity resolved with MATCH_DEFAULT_ONLY.
    m_kind->setEnabled(verb == IntentVerb::Query);
    m_defaultOnly->setEnabled(verb != IntentVerb::Start);
}

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
    m_amLine->setText(qs(joinShellWords(argsFromFields())));
    m_pasteNote->hide();
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

std::optional<IntentCommandLine> IntentTester::readCommandLine(QString* error) const {
    Result<IntentCommandLine> command =
        parseIntentCommandLine(m_amLine->text().toStdString(), "command");
    if (!command) {
        if (error) *error = qs(command.error().toString());
        return std::nullopt;
    }
    return std::move(*command);
}

bool IntentTester::setAmArguments(const QString& arguments) {
    m_amLine->setText(arguments);
    QString error;
    std::optional<IntentCommandLine> command = readCommandLine(&error);
    if (!command) {
        showError(error);
        return false;
    }
    Result<Intent> intent = parseIntentArgs(command->intentArgs);
    if (!intent) {
        showError(qs(intent.error().toString()));
        return false;
    }
    m_syncing = true;
    if (command->verb != IntentVerb::Unspecified) setMode(command->verb);
    m_syncing = false;
    fillFields(*intent);
    return true;
}

void IntentTester::setTableFilter(const QString& text) {
    if (m_tableFilter->text() != text) m_tableFilter->setText(text);
    m_resultProxy->setFilterFixedString(text);
    m_rejectionProxy->setFilterFixedString(text);
    updateTableTitles();
}

void IntentTester::setNearMissesOnly(bool only) {
    if (m_nearOnly->isChecked() != only) m_nearOnly->setChecked(only);
    m_rejectionProxy->setNearMissesOnly(only);
    updateTableTitles();
}

void IntentTester::updateTableTitles() {
    const auto shown = [](const QAbstractItemModel* proxy, const QAbstractItemModel* source) {
        return proxy->rowCount() == source->rowCount()
                   ? QString()
                   : tr(" — showing %1 of %2").arg(proxy->rowCount()).arg(source->rowCount());
    };
    m_resultsBox->setTitle(tr("Candidates, in Android's order (R-9)") +
                           shown(m_resultProxy, m_results));
    m_rejectionsBox->setTitle(tr("Every other component, and why it lost (--explain), near "
                                 "misses first") +
                              shown(m_rejectionProxy, m_rejections));
}

void IntentTester::showError(const QString& message) {
    m_lastResult.reset();
    m_lastStart.reset();
    m_lastQuery.reset();
    m_lastRejections.clear();
    m_lastRequest.reset();
    m_explainLater.cancel();
    m_lastIntent.reset();
    m_results->clear();
    m_rejections->clear();
    updateTableTitles();
    m_outcome->setText(tr("cannot build the intent: %1").arg(message));
    m_outcome->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_reason->clear();
}

void IntentTester::rerunIfShown() {
    if (m_shown) run();
}

std::optional<ResolveRequest> IntentTester::requestFor(const Intent& intent) const {
    ResolveRequest request;
    request.intent = intent;
    // run() sets the caller the Caller box names; the shell asks until then, as the CLI defaults.
    request.caller = Caller{};
    switch (mode()) {
        case IntentVerb::Start:
            request.mode = ResolveMode::Start;
            request.kind = ComponentKind::Activity;
            request.queryFlags = kStartQueryFlags;
            return request;
        case IntentVerb::Resolve:
        case IntentVerb::Query:
        case IntentVerb::Unspecified:
            break;
    }
    request.mode = ResolveMode::Query;
    request.kind = mode() == IntentVerb::Query ? kind() : ComponentKind::Activity;
    request.queryFlags = 0;
    if (m_pastedQueryFlags) {
        std::optional<int> flags = decodeJavaInt(*m_pastedQueryFlags);
        if (!flags) return std::nullopt;
        request.queryFlags = *flags;
    }
    if (m_defaultOnly->isChecked()) request.queryFlags |= flags::kMatchDefaultOnly;
    return request;
}

void IntentTester::showOutcome(const ResolveResult& result,
                               const std::vector<ResolveInfo>& chooser) {
    QString color;
    switch (result.outcome) {
        case ResolveOutcome::Activity:
            m_outcome->setText(tr("→ %1").arg(qs(result.chosen->component.flattenToShortString())));
            color = "#1b7a3a";
            break;
        case ResolveOutcome::Chooser: {
            QStringList names;
            for (const ResolveInfo& info : chooser) {
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
            m_outcome->setText(tr("→ nothing found: Android reports 'unable to resolve Intent'"));
            color = "#c01c28";
            break;
    }
    m_outcome->setStyleSheet(QStringLiteral("color: %1;").arg(color));
}

bool IntentTester::run() {
    QString error;
    std::optional<IntentCommandLine> command = readCommandLine(&error);
    if (!command) {
        showError(error);
        return false;
    }
    Result<Intent> parsed = parseIntentArgs(command->intentArgs);
    if (!parsed) {
        showError(qs(parsed.error().toString()));
        return false;
    }
    m_syncing = true;
    if (command->verb != IntentVerb::Unspecified) setMode(command->verb);
    m_syncing = false;
    m_pastedQueryFlags = command->queryFlags;
    QStringList note;
    if (!command->prefix.empty()) {
        note << tr("Read '%1' as `hearth %2`.")
                    .arg(qs(command->prefix), QString::fromLatin1(intentVerbName(command->verb)));
    }
    if (!command->ignored.empty()) {
        QStringList dropped;
        for (const std::string& option : command->ignored) dropped << qs(option);
        note << tr("Ignored (no effect on resolution): %1.").arg(dropped.join(", "));
    }
    for (const std::string& text : command->notes) note << tr("Note: %1.").arg(qs(text));
    m_pasteNote->setText(note.join(' '));
    m_pasteNote->setVisible(!note.isEmpty());

    m_shown = true;
    if (!m_session.hasDevice()) {
        showError(tr("no device is open"));
        return false;
    }
    fillFields(*parsed);
    std::optional<ResolveRequest> request = requestFor(*parsed);
    if (!request) {
        showError(tr("--query-flags must be a number, got '%1'")
                      .arg(qs(m_pastedQueryFlags.value_or(""))));
        return false;
    }
    // The CLI's own reading of --caller: the same names, the same refusal.
    Result<Caller> sender = parseCaller(caller().toStdString(), m_session.device());
    if (!sender) {
        showError(qs(sender.error().message));
        return false;
    }
    request->caller = std::move(sender).value();
    const PackageIndex& index = m_session.index();
    m_lastIntent = request->intent;
    m_lastFlags = request->queryFlags;
    m_lastStart.reset();
    m_lastResult.reset();
    m_lastQuery.reset();

    if (request->mode == ResolveMode::Start) {
        StartResult start = resolveStart(index, *request);
        m_results->setResult(start.result);
        std::vector<ResolveInfo> shown;
        for (const ResolveInfo& info : start.result.candidates) {
            if (std::find(start.chooser.begin(), start.chooser.end(), info.component) !=
                start.chooser.end()) {
                shown.push_back(info);
            }
        }
        showOutcome(start.result, shown);
        if (start.denied) {
            m_outcome->setText(tr("→ nothing starts: Permission Denial (S-5)"));
            m_outcome->setStyleSheet(QStringLiteral("color: #c01c28;"));
        } else if (start.suspended) {
            m_outcome->setText(tr("→ a suspended-app dialog instead of %1")
                                   .arg(qs(start.result.chosen->component.flattenToShortString())));
            m_outcome->setStyleSheet(QStringLiteral("color: #a35c00;"));
        }
        // am's own text, as `hearth start` prints it.
        m_reason->setText(qs(renderStartText(start)).trimmed());
        m_lastResult = start.result;
        m_lastStart = std::move(start);
    } else if (request->kind == ComponentKind::Activity && mode() == IntentVerb::Resolve) {
        ResolveResult result = index.resolve(*request);
        m_results->setResult(result);
        showOutcome(result, result.candidates);
        // The core's reasons never repeat their rule: cite it before the reason, as the CLI does.
        m_reason->setText(result.rule.empty() ? qs(result.reason)
                                              : qs(result.rule) + ": " + qs(result.reason));
        m_lastResult = std::move(result);
    } else {
        std::vector<ResolveInfo> candidates = index.query(*request);
        m_results->setCandidates(candidates);
        const char* kindName = componentKindName(request->kind);
        m_outcome->setText(candidates.empty()
                               ? tr("→ no %1 matches").arg(kindName)
                               : tr("→ %n match(es)", nullptr, int(candidates.size())));
        m_outcome->setStyleSheet(
            QStringLiteral("color: %1;").arg(candidates.empty() ? "#c01c28" : "#1b7a3a"));
        m_reason->setText(request->kind == ComponentKind::Activity
                              ? tr("Every match in Android's order (R-9); the caller decides.")
                              : tr("Services, receivers and providers are listed, not chosen: "
                                   "the caller decides."));
        m_lastQuery = std::move(candidates);
    }
    m_lastRequest = std::move(*request);
    m_lastRejections.clear();
    m_rejections->clear();
    m_explainLater.request();
    updateTableTitles();
    for (int column : {int(ResolveResultModel::Rank), int(ResolveResultModel::Component),
                       int(ResolveResultModel::Priority), int(ResolveResultModel::Match),
                       int(ResolveResultModel::Default), int(ResolveResultModel::System)}) {
        m_resultView->resizeColumnToContents(column);
    }
    fitColumns(m_resultView);
    return true;
}

void IntentTester::fillRejections() {
    if (!m_lastRequest || !m_session.hasDevice()) return;
    m_lastRejections = m_session.index().explain(*m_lastRequest);
    m_rejections->setRejections(m_lastRejections, m_session.device());
    updateTableTitles();
    for (int column :
         {int(RejectionModel::Component), int(RejectionModel::Rule), int(RejectionModel::Filter)}) {
        m_rejectionView->resizeColumnToContents(column);
    }
    fitColumns(m_rejectionView);
}

void IntentTester::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_explainLater.ensure();
}

RejectionModel* IntentTester::rejectionModel() {
    m_explainLater.ensure();
    return m_rejections;
}

RejectionProxy* IntentTester::rejectionProxy() {
    m_explainLater.ensure();
    return m_rejectionProxy;
}

QString IntentTester::hearthCommand() const {
    if (!m_session.hasDevice()) return {};
    std::optional<IntentCommandLine> command = readCommandLine(nullptr);
    if (!command || !parseIntentArgs(command->intentArgs)) return {};
    const IntentVerb verb = mode();
    std::vector<std::string> words{"hearth", intentVerbName(verb),
                                   m_session.device().source.string()};
    if (verb != IntentVerb::Start) {
        if (command->queryFlags) {
            words.push_back("--query-flags");
            words.push_back(*command->queryFlags);
        }
        if (m_defaultOnly->isChecked()) words.push_back("--default-only");
        if (verb == IntentVerb::Query && kind() != ComponentKind::Activity) {
            words.push_back("--kind");
            words.push_back(componentKindName(kind()));
        }
    }
    if (!caller().isEmpty() && caller() != QLatin1String("shell")) {
        words.push_back("--caller");
        words.push_back(caller().toStdString());
    }
    words.insert(words.end(), command->intentArgs.begin(), command->intentArgs.end());
    return qs(joinShellWords(words));
}

void IntentTester::copyHearthCommand() {
    const QString command = hearthCommand();
    if (command.isEmpty()) return;
    QApplication::clipboard()->setText(command);
    if (m_session.isEdited()) {
        m_pasteNote->setText(tr("Copied. The CLI reads the files on disk: this window's edits "
                                "are not in them."));
        m_pasteNote->show();
    }
}

QString IntentTester::pasteNoteText() const {
    return m_pasteNote->isHidden() ? QString() : m_pasteNote->text();
}

QByteArray IntentTester::answerJson() const {
    // The results point into the session's device; run() is redone on every change, so they
    // always describe the device shown. Rejections not yet explained for the table are
    // explained here (the JSON has every one, as the CLI's).
    std::vector<Rejection> explained;
    if (m_explainLater.due() && m_lastRequest) {
        explained = m_session.index().explain(*m_lastRequest);
    }
    const std::vector<Rejection>* rejections =
        m_explainLater.due() ? &explained : &m_lastRejections;
    if (m_lastStart) return QByteArray::fromStdString(renderStartJson(*m_lastStart, rejections));
    if (m_lastResult) {
        return QByteArray::fromStdString(renderResolveJson(*m_lastResult, rejections));
    }
    if (m_lastQuery) return QByteArray::fromStdString(renderQueryJson(*m_lastQuery, rejections));
    return {};
}

QString IntentTester::outcomeText() const { return m_outcome->text(); }

QString IntentTester::reasonText() const { return m_reason->text(); }

}  // namespace hearth::gui

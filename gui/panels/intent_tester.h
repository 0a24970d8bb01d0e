#pragma once
// IntentTester: build an intent from fields or from a pasted command (`adb shell am start ...`,
// `pm query-activities ...` or bare am arguments: hearth::parseIntentCommandLine, then
// parseIntentArgs), and see Android's answer on the current device as `hearth start`, `hearth
// resolve` or `hearth query` gives it: the candidates in order, the decision and its reason, and
// for every other component why it lost. Rows link to manifest lines.

#include <hearth/intent.h>
#include <hearth/intent_command_line.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>
#include <hearth/source_location.h>
#include <hearth/start.h>

#include <QWidget>
#include <optional>
#include <string>
#include <vector>

#include "deferred_work.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QGroupBox;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;

namespace hearth::gui {

class DeviceSession;
class RejectionModel;
class RejectionProxy;
class ResolveResultModel;

class IntentTester : public QWidget {
    Q_OBJECT

  public:
    explicit IntentTester(DeviceSession& session, QWidget* parent = nullptr);

    /// Puts a command (bare am arguments, or with an adb/am/pm/cmd package prefix, whose verb then
    /// becomes the mode) in the command line and the fields; false (with the error shown) when
    /// parseIntentCommandLine or parseIntentArgs refuses it.
    bool setAmArguments(const QString& arguments);
    /// The command line as typed or as built from the fields.
    QString amArguments() const;
    /// The question asked: Start (am start, `hearth start`), Resolve or Query (pm, flags 0 unless
    /// MATCH_DEFAULT_ONLY is ticked, `hearth resolve`/`hearth query`).
    IntentVerb mode() const;
    void setMode(IntentVerb mode);
    /// The same question as a CLI line: `hearth start DEVICE -a ... -d '...'`, words quoted by
    /// joinShellWords; "" without a device or when the arguments do not parse.
    QString hearthCommand() const;
    /// What the GUI read in the last paste: prefix removed, options dropped, notes; "" for none.
    QString pasteNoteText() const;
    /// Resolves the current intent on the current device and shows the answer. False when the
    /// arguments do not parse (the error is shown instead).
    bool run();

    /// Whether the query passes MATCH_DEFAULT_ONLY, as startActivity does.
    void setDefaultOnly(bool defaultOnly);
    /// Who sends the intent, as `--caller` reads it (parseCaller): "shell" (pm and am, the
    /// default), "system", "root" or an installed package, whose visibility (V-) and safer-intent
    /// (S-) rules then apply. An unknown name is refused when the intent is answered.
    QString caller() const;
    void setCaller(const QString& caller);
    void setKind(ComponentKind kind);

    ResolveResultModel* resultModel() const { return m_results; }
    /// The rejections of the last answer. They are computed when the table is first shown or
    /// asked for: explaining every component of a 10,000-package device is a second of work the
    /// explorer need not do at start-up while another tab is in front.
    RejectionModel* rejectionModel();
    /// What the tables show: sorted, filtered (the filter line), far misses hidden or not.
    QSortFilterProxyModel* resultProxy() const { return m_resultProxy; }
    RejectionProxy* rejectionProxy();
    /// Filters both tables on this text (every column, case-insensitive).
    void setTableFilter(const QString& text);
    /// Hides or shows the rejections that failed at the action or were never considered.
    void setNearMissesOnly(bool only);
    /// The decision line: "activity com.a/.Main", "chooser: …", "nothing found", or the error.
    QString outcomeText() const;
    /// The reason under it (rules cited), or "".
    QString reasonText() const;
    /// The last activity answer, when an activity intent was run and the arguments parsed.
    const std::optional<ResolveResult>& lastResult() const { return m_lastResult; }
    /// The last answer in mode Start (resolveStart), else nullopt.
    const std::optional<StartResult>& lastStart() const { return m_lastStart; }
    /// The answer as the CLI prints it: `start --json --explain` in mode Start, `resolve --json
    /// --explain` for activities, `query --json --explain` otherwise; empty when nothing was run.
    QByteArray answerJson() const;
    const std::optional<Intent>& lastIntent() const { return m_lastIntent; }
    int lastQueryFlags() const { return m_lastFlags; }
    ComponentKind kind() const;

  signals:
    /// A row's manifest location was activated (double-click).
    void locationActivated(const hearth::SourceLocation& where);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    /// Explains the last request's rejections into the table (m_explainLater).
    void fillRejections();
    QGroupBox* createIntentBox();
    void createOutcomeLabels();
    QSplitter* createResultTables();
    void connectSignals();
    std::optional<IntentCommandLine> readCommandLine(QString* error) const;
    std::optional<ResolveRequest> requestFor(const Intent& intent) const;
    void showOutcome(const ResolveResult& result, const std::vector<ResolveInfo>& chooser);
    void updateSemantics();
    void copyHearthCommand();
    std::vector<std::string> argsFromFields() const;
    void fillFields(const Intent& intent);
    void syncLineFromFields();
    void showError(const QString& message);
    void rerunIfShown();
    void refillCallers();
    void updateTableTitles();

    DeviceSession& m_session;
    QComboBox* m_action = nullptr;
    QLineEdit* m_categories = nullptr;
    QLineEdit* m_data = nullptr;
    QLineEdit* m_type = nullptr;
    QLineEdit* m_component = nullptr;
    QLineEdit* m_flags = nullptr;
    QLineEdit* m_amLine = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_mode = nullptr;
    QLabel* m_semantics = nullptr;
    QLabel* m_pasteNote = nullptr;
    QPushButton* m_copyCommand = nullptr;
    QCheckBox* m_defaultOnly = nullptr;
    QComboBox* m_caller = nullptr;
    QPushButton* m_run = nullptr;
    QLabel* m_outcome = nullptr;
    QLabel* m_reason = nullptr;
    QTableView* m_resultView = nullptr;
    QTableView* m_rejectionView = nullptr;
    ResolveResultModel* m_results = nullptr;
    RejectionModel* m_rejections = nullptr;
    QSortFilterProxyModel* m_resultProxy = nullptr;
    RejectionProxy* m_rejectionProxy = nullptr;
    QLineEdit* m_tableFilter = nullptr;
    QCheckBox* m_nearOnly = nullptr;
    QGroupBox* m_resultsBox = nullptr;
    QGroupBox* m_rejectionsBox = nullptr;
    std::optional<ResolveResult> m_lastResult;
    std::optional<StartResult> m_lastStart;
    std::optional<std::string> m_pastedQueryFlags;
    std::optional<std::vector<ResolveInfo>> m_lastQuery;
    std::vector<Rejection> m_lastRejections;
    std::optional<ResolveRequest> m_lastRequest;  ///< what m_lastRejections explain
    DeferredWork m_explainLater{this, [this] { fillRejections(); }};  ///< due: they lag it
    std::optional<Intent> m_lastIntent;
    int m_lastFlags = 0;
    bool m_shown = false;
    bool m_syncing = false;
};

}  // namespace hearth::gui

#include "panels/diff_panel.h"

#include <hearth/device_diff.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QtConcurrent/QtConcurrentRun>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "device_session.h"
#include "gui_support.h"
#include "models/diff_model.h"
#include "panels/row_table_view.h"

namespace hearth::gui {
namespace {

// A long intent or a chooser's list must leave room for the reason: wider cells are elided. The
// intent gets more, as it is what tells the rows apart.
constexpr int kMaxIntentWidth = 250;
constexpr int kMaxOutcomeWidth = 220;

// The table elides in the middle, where intents and choosers say least; a reason says most
// in its first words, so its column is cut at the end.
class ElideRightDelegate : public QStyledItemDelegate {
  public:
    using QStyledItemDelegate::QStyledItemDelegate;

  protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideRight;
    }
};

}  // namespace

DiffPanel::DiffPanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_sides = new QLabel(this);
    m_sides->setObjectName("diffSides");
    m_sides->setTextFormat(Qt::PlainText);
    m_sides->setWordWrap(true);
    auto* compareButton = new QPushButton(tr("Compare"), this);
    compareButton->setObjectName("diffCompare");
    auto* otherButton = new QPushButton(tr("Compare with another device…"), this);
    otherButton->setObjectName("diffCompareWith");
    m_backToLoaded = new QPushButton(tr("Compare with the loaded device"), this);
    m_backToLoaded->setObjectName("diffBackToLoaded");
    m_summary = new QLabel(this);
    m_summary->setObjectName("diffSummary");
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName("diffFilter");
    m_filter->setPlaceholderText(tr("Filter the table: intent, activity, rule or reason"));
    m_filter->setClearButtonEnabled(true);

    m_model = new DiffModel(this);
    m_proxy = makeRowProxy(m_model, this);
    m_view = makeRowTableView(m_proxy, "diffTable", this);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setItemDelegateForColumn(DiffModel::Why, new ElideRightDelegate(m_view));
    m_view->horizontalHeader()->setSectionResizeMode(DiffModel::Why, QHeaderView::Stretch);

    auto* top = new QHBoxLayout;
    top->addWidget(m_sides, 1);
    top->addWidget(compareButton);
    top->addWidget(otherButton);
    top->addWidget(m_backToLoaded);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);

    connect(compareButton, &QPushButton::clicked, this, &DiffPanel::compare);
    connect(otherButton, &QPushButton::clicked, this, &DiffPanel::chooseOtherDevice);
    connect(m_backToLoaded, &QPushButton::clicked, this, &DiffPanel::compareWithLoaded);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(&m_watcher, &QFutureWatcher<std::shared_ptr<Outcome>>::finished, this,
            &DiffPanel::showOutcome);
    connect(&m_session, &DeviceSession::deviceReplaced, this, &DiffPanel::onDeviceChanged);
    connect(&m_session, &DeviceSession::deviceEdited, this, &DiffPanel::onDeviceChanged);
    showSides();
    onDeviceChanged();
}

void DiffPanel::showSides() {
    m_sides->setText(
        m_other ? tr("Before: this window's device, as Save would write it. After: %1.")
                      .arg(m_otherPath)
                : tr("Before: the device as loaded. After: this window's copy, as Save would "
                     "write it (packages, API level, choices forgotten, HOME sites patched)."));
    m_backToLoaded->setVisible(m_other.has_value());
}

void DiffPanel::onDeviceChanged() {
    // diffDevices resolves every probe intent on both devices: about ten seconds for the
    // 10,000-package device of `hearth gen-device` (46,000 intents). Every check box in the other
    // panels is an edit, so a hidden tab only notes that its rows are out of date and compares
    // when it is shown (or Compare is pressed).
    if (isVisible()) {
        compare();
        return;
    }
    m_stale = true;
    ++m_generation;  // a comparison still running describes the devices before this change
    m_model->clear();
    m_summary->setStyleSheet({});
    m_summary->setText(m_session.hasDevice() ? tr("Not compared yet: press Compare.")
                                             : tr("No device is open."));
}

void DiffPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) compare();
}

// What a worker thread hands back: the rows and the count line, for the devices it was given.
struct DiffPanel::Outcome {
    quint64 generation = 0;
    DeviceDiff diff;
    std::string summary;
};

bool DiffPanel::compare() {
    m_stale = false;
    m_summary->setStyleSheet({});
    const quint64 generation = ++m_generation;
    if (!m_session.hasDevice()) {
        m_shownGeneration = generation;
        m_model->clear();
        m_summary->setText(tr("No device is open."));
        return false;
    }
    // deviceToSave, not device(): the patched HOME sites are an edit too, and so the rows are
    // what `hearth diff` prints for the device.json that Save writes. The worker gets its own
    // copies: the session's device changes under it with the next edit.
    auto edited = std::make_shared<const Device>(m_session.deviceToSave());
    auto before = m_other ? edited : std::make_shared<const Device>(m_session.loadedDevice());
    auto after = m_other ? std::make_shared<const Device>(*m_other) : edited;
    m_summary->setText(tr("Comparing on a worker thread… (the window stays usable)"));
    m_watcher.setFuture(QtConcurrent::run([generation, before, after] {
        auto outcome = std::make_shared<Outcome>();
        outcome->generation = generation;
        outcome->diff = diffDevices(*before, *after);
        outcome->summary = renderDiffSummary(outcome->diff, *before, *after);
        return outcome;
    }));
    return true;
}

void DiffPanel::showOutcome() {
    const std::shared_ptr<Outcome> outcome = m_watcher.result();
    // An edit since started another comparison: this one describes devices no longer shown.
    if (!outcome || outcome->generation != m_generation) return;
    m_shownGeneration = outcome->generation;
    m_summary->setText(qs(outcome->summary));
    m_model->setDiff(std::move(outcome->diff));
    for (auto [column, maxWidth] : {std::pair{DiffModel::Intent, kMaxIntentWidth},
                                    {DiffModel::Before, kMaxOutcomeWidth},
                                    {DiffModel::After, kMaxOutcomeWidth}}) {
        m_view->resizeColumnToContents(column);
        m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), maxWidth));
    }
    m_view->resizeColumnToContents(DiffModel::Rule);
    emit compared();
}

bool DiffPanel::waitForResult(int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    // The rows arrive through the watcher's queued finished signal: run the event loop until then.
    while (m_shownGeneration != m_generation) {
        if (timer.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

bool DiffPanel::compareWith(const QString& path) {
    // Read here, not by the window's DeviceLoader: that one replaces the session's device.
    Result<Device> other = loadDevice(path.toStdString());
    if (!other) {
        m_shownGeneration = ++m_generation;
        m_model->clear();
        m_summary->setText(qs(other.error().toString()));
        m_summary->setStyleSheet(QStringLiteral("color: #c01c28;"));
        return false;
    }
    m_other = std::move(other).value();
    m_otherPath = path;
    showSides();
    return compare();
}

void DiffPanel::compareWithLoaded() {
    m_other.reset();
    m_otherPath.clear();
    showSides();
    compare();
}

void DiffPanel::chooseOtherDevice() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with another device"),
                                                      m_otherPath, deviceFileFilter());
    if (path.isEmpty()) return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    compareWith(path);
    QApplication::restoreOverrideCursor();
}

QString DiffPanel::summaryText() const { return m_summary->text(); }

}  // namespace hearth::gui

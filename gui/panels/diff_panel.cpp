#include "panels/diff_panel.h"

#include <hearth/device_diff.h>

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "app_paths.h"
#include "device_session.h"
#include "models/diff_model.h"

namespace hearth::gui {

DiffPanel::DiffPanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    auto* caption = new QLabel(
        tr("Before: the device as loaded. After: this window's copy, as Save would write it "
           "(packages, API level, choices forgotten, HOME sites patched)."),
        this);
    caption->setWordWrap(true);
    auto* compareButton = new QPushButton(tr("Compare"), this);
    compareButton->setObjectName("diffCompare");
    m_summary = new QLabel(this);
    m_summary->setObjectName("diffSummary");
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName("diffFilter");
    m_filter->setPlaceholderText(tr("Filter the table: intent, activity, rule or reason"));
    m_filter->setClearButtonEnabled(true);

    m_model = new DiffModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(kSortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_view = new QTableView(this);
    m_view->setObjectName("diffTable");
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    m_view->horizontalHeader()->setSectionResizeMode(DiffModel::Why, QHeaderView::Stretch);

    auto* top = new QHBoxLayout;
    top->addWidget(caption, 1);
    top->addWidget(compareButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);

    connect(compareButton, &QPushButton::clicked, this, &DiffPanel::compare);
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(&m_session, &DeviceSession::deviceReplaced, this, &DiffPanel::onDeviceChanged);
    connect(&m_session, &DeviceSession::deviceEdited, this, &DiffPanel::onDeviceChanged);
    onDeviceChanged();
}

void DiffPanel::onDeviceChanged() {
    // diffDevices resolves every probe intent on both devices: seconds on a device with 10,000
    // packages. Every check box in the other panels is an edit, so a hidden tab only notes that
    // its rows are out of date and compares when it is shown (or Compare is pressed).
    if (isVisible()) {
        compare();
        return;
    }
    m_stale = true;
    m_model->clear();
    m_summary->setText(m_session.hasDevice() ? tr("Not compared yet: press Compare.")
                                             : tr("No device is open."));
}

void DiffPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) compare();
}

bool DiffPanel::compare() {
    m_stale = false;
    if (!m_session.hasDevice()) {
        m_model->clear();
        m_summary->setText(tr("No device is open."));
        return false;
    }
    // deviceToSave, not device(): the patched HOME sites are an edit too, and so the rows are
    // what `hearth diff LOADED SAVED` prints for the saved device.json.
    const Device& before = m_session.loadedDevice();
    const Device after = m_session.deviceToSave();
    DeviceDiff diff = diffDevices(before, after);
    m_summary->setText(qs(renderDiffSummary(diff, before, after)));
    m_model->setDiff(std::move(diff));
    for (int column : {int(DiffModel::Before), int(DiffModel::After), int(DiffModel::Rule)}) {
        m_view->resizeColumnToContents(column);
    }
    return true;
}

QString DiffPanel::summaryText() const { return m_summary->text(); }

}  // namespace hearth::gui

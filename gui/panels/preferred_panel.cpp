#include "panels/preferred_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <vector>

#include "device_session.h"
#include "gui_support.h"
#include "models/preferred_model.h"
#include "panels/row_table_view.h"

namespace hearth::gui {

PreferredPanel::PreferredPanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_summary = new QLabel(this);
    m_summary->setObjectName("preferredSummary");
    m_summary->setWordWrap(true);
    m_model = new PreferredModel(this);
    m_proxy = makeRowProxy(m_model, this);
    m_view = makeRowTableView(m_proxy, "preferredTable", this);
    m_view->horizontalHeader()->setSectionResizeMode(PreferredModel::Filter,
                                                     QHeaderView::Stretch);
    m_forget = new QPushButton(tr("Forget selected"), this);
    m_forget->setObjectName("preferredForget");
    m_forgetAll = new QPushButton(tr("Forget all"), this);
    m_forgetAll->setObjectName("preferredForgetAll");

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_forget);
    buttons->addWidget(m_forgetAll);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    connect(m_forget, &QPushButton::clicked, this, &PreferredPanel::forgetSelected);
    connect(m_forgetAll, &QPushButton::clicked, this, &PreferredPanel::forgetAll);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        emit locationActivated(index.data(kLocationRole).value<hearth::SourceLocation>());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_forget->setEnabled(m_view->selectionModel()->hasSelection()); });
    connect(&m_session, &DeviceSession::deviceReplaced, this, &PreferredPanel::refresh);
    connect(&m_session, &DeviceSession::deviceEdited, this, &PreferredPanel::refresh);
    refresh();
}

void PreferredPanel::refresh() {
    if (!m_session.hasDevice()) {
        m_model->clear();
        m_summary->setText(tr("No device is open."));
    } else {
        m_model->setDevice(m_session.device());
        const int n = m_model->rowCount();
        m_summary->setText(n == 0 ? tr("No choice is recorded: every chooser asks.")
                           : n == 1
                               ? tr("1 recorded choice (P-4, P-5, P-7); forgetting it brings the "
                                    "chooser back.")
                               : tr("%1 recorded choices (P-4, P-5, P-7); forgetting one brings "
                                    "its chooser back.")
                                     .arg(n));
        for (int column : {int(PreferredModel::Kind), int(PreferredModel::Activity),
                           int(PreferredModel::Match)}) {
            m_view->resizeColumnToContents(column);
        }
    }
    m_forget->setEnabled(m_view->selectionModel()->hasSelection());
    m_forgetAll->setEnabled(m_model->rowCount() > 0);
}

bool PreferredPanel::forgetSelected() {
    // Entries by table and index, removed from the highest index down so the others keep theirs.
    std::vector<std::pair<bool, size_t>> entries;
    for (const QModelIndex& selected : m_view->selectionModel()->selectedRows()) {
        if (const PreferredRow* row = m_model->entryAt(m_proxy->mapToSource(selected).row())) {
            entries.emplace_back(row->persistent, row->index);
        }
    }
    if (entries.empty()) return false;
    std::sort(entries.rbegin(), entries.rend());
    for (const auto& [persistent, index] : entries) {
        m_session.removePreferredActivity(persistent, index);
    }
    return true;
}

bool PreferredPanel::forgetAll() { return m_session.clearPreferredActivities(); }

}  // namespace hearth::gui

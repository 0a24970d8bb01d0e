#include "panels/install_refusals_panel.h"

#include <hearth/install_check.h>

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "device_session.h"
#include "gui_support.h"
#include "models/install_refusal_model.h"
#include "panels/row_table_view.h"

namespace hearth::gui {

InstallRefusalsPanel::InstallRefusalsPanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_summary = new QLabel(this);
    m_summary->setObjectName("refusalsSummary");
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    auto* filter = new QLineEdit(this);
    filter->setObjectName("refusalsFilter");
    filter->setPlaceholderText(tr("Filter the table: package, file or reason"));
    filter->setClearButtonEnabled(true);
    m_model = new InstallRefusalModel(this);
    m_proxy = makeRowProxy(m_model, this);
    m_view = makeRowTableView(m_proxy, "refusalsTable", this);
    m_view->horizontalHeader()->setSectionResizeMode(InstallRefusalModel::Why,
                                                     QHeaderView::Stretch);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(filter);
    layout->addWidget(m_view, 1);

    connect(filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        emit locationActivated(index.data(kLocationRole).value<hearth::SourceLocation>());
    });
    connect(&m_session, &DeviceSession::deviceReplaced, this, &InstallRefusalsPanel::refresh);
    connect(&m_session, &DeviceSession::deviceEdited, this, &InstallRefusalsPanel::refresh);
    refresh();
}

QString InstallRefusalsPanel::summaryText() const { return m_summary->text(); }

void InstallRefusalsPanel::refresh() {
    if (!m_session.hasDevice()) {
        m_model->clear();
        m_summary->setText(tr("No device is open."));
        return;
    }
    const Device& device = m_session.device();
    std::vector<InstallRefusal> refusals = installRefusals(device);
    const auto atLoad = std::count_if(refusals.begin(), refusals.end(),
                                      [](const InstallRefusal& r) { return r.skippedAtLoad; });
    const qsizetype now = qsizetype(refusals.size()) - atLoad;
    m_summary->setText(
        refusals.empty()
            ? tr("API %1 installs every package of this device (S-1, minimum target SDK).")
                  .arg(device.apiLevel)
            : tr("API %1 refuses %2 package(s): %3 skipped when the device loaded, %4 installed "
                 "here but refused as edited (a saved device.json skips them on reload).")
                  .arg(device.apiLevel)
                  .arg(refusals.size())
                  .arg(atLoad)
                  .arg(now));
    m_model->setRefusals(std::move(refusals));
    for (int column : {int(InstallRefusalModel::Package), int(InstallRefusalModel::When),
                       int(InstallRefusalModel::Where)}) {
        m_view->resizeColumnToContents(column);
    }
}

}  // namespace hearth::gui

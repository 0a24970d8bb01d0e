#include "panels/claims_panel.h"

#include <hearth/claims.h>
#include <hearth/device.h>

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "device_session.h"
#include "gui_support.h"
#include "models/claims_model.h"
#include "panels/row_table_view.h"

namespace hearth::gui {
namespace {

QLineEdit* makeField(QWidget* parent, const QString& name, const QString& placeholder) {
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

std::optional<std::string> valueOf(const QLineEdit* edit) {
    const QString text = edit->text().trimmed();
    if (text.isEmpty()) return std::nullopt;
    return text.toStdString();
}

}  // namespace

ClaimsPanel::ClaimsPanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_url = makeField(this, "claimsUrl", tr("a link, e.g. https://shop.example.com/cart"));
    m_scheme = makeField(this, "claimsScheme", tr("e.g. geo"));
    m_host = makeField(this, "claimsHost", tr("e.g. example.com or *.example.com"));
    m_path = makeField(this, "claimsPath", tr("e.g. /item/42"));
    m_type = makeField(this, "claimsType", tr("e.g. image/png"));
    m_action = makeField(this, "claimsAction", tr("e.g. android.intent.action.SEND"));
    m_category = makeField(this, "claimsCategory", tr("e.g. android.intent.category.BROWSABLE"));
    m_allKinds = new QCheckBox(tr("Services, receivers and providers too"), this);
    m_allKinds->setObjectName("claimsAllKinds");
    auto* findButton = new QPushButton(tr("Find claims"), this);
    findButton->setObjectName("claimsFind");
    findButton->setDefault(true);

    auto* left = new QFormLayout;
    left->addRow(tr("URL"), m_url);
    left->addRow(tr("Scheme"), m_scheme);
    left->addRow(tr("Host"), m_host);
    left->addRow(tr("Path"), m_path);
    auto* right = new QFormLayout;
    right->addRow(tr("MIME type"), m_type);
    right->addRow(tr("Action"), m_action);
    right->addRow(tr("Category"), m_category);
    right->addRow(m_allKinds);
    auto* fields = new QHBoxLayout;
    fields->addLayout(left, 1);
    fields->addLayout(right, 1);
    auto* box = new QGroupBox(tr("What is claimed (empty: every deep link, with its App Links "
                                 "state)"),
                              this);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->addLayout(fields);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(findButton);
    boxLayout->addLayout(buttons);

    m_summary = new QLabel(this);
    m_summary->setObjectName("claimsSummary");
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_filter = makeField(this, "claimsFilter", tr("Filter the table: component, link or host"));

    m_model = new ClaimsModel(this);
    m_proxy = makeRowProxy(m_model, this);
    m_view = makeRowTableView(m_proxy, "claimsTable", this);
    m_view->horizontalHeader()->setSectionResizeMode(ClaimsModel::Links, QHeaderView::Stretch);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(box);
    layout->addWidget(m_summary);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);

    for (QLineEdit* edit : {m_url, m_scheme, m_host, m_path, m_type, m_action, m_category}) {
        connect(edit, &QLineEdit::returnPressed, this, &ClaimsPanel::find);
    }
    connect(findButton, &QPushButton::clicked, this, &ClaimsPanel::find);
    connect(m_allKinds, &QCheckBox::toggled, this, &ClaimsPanel::find);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& index) {
        emit locationActivated(index.data(kLocationRole).value<hearth::SourceLocation>());
    });
    connect(&m_session, &DeviceSession::deviceReplaced, this, [this] { m_findLater.request(); });
    connect(&m_session, &DeviceSession::deviceEdited, this, [this] { m_findLater.request(); });
    m_findLater.request();
}

void ClaimsPanel::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_findLater.ensure();
}

ClaimsModel* ClaimsPanel::model() {
    m_findLater.ensure();
    return m_model;
}

QSortFilterProxyModel* ClaimsPanel::proxy() {
    m_findLater.ensure();
    return m_proxy;
}

void ClaimsPanel::setField(const QString& name, const QString& value) {
    for (QLineEdit* edit : {m_url, m_scheme, m_host, m_path, m_type, m_action, m_category}) {
        if (edit->objectName() == "claims" + name.left(1).toUpper() + name.mid(1)) {
            edit->setText(value);
        }
    }
}

bool ClaimsPanel::find() {
    m_findLater.cancel();
    auto refuse = [this](const QString& message) {
        m_model->clear();
        m_summary->setText(message);
        m_summary->setStyleSheet(QStringLiteral("color: #c01c28;"));
        return false;
    };
    if (!m_session.hasDevice()) return refuse(tr("no device is open"));
    ClaimSelector selector;
    selector.scheme = valueOf(m_scheme);
    selector.host = valueOf(m_host);
    selector.path = valueOf(m_path);
    selector.type = valueOf(m_type);
    selector.action = valueOf(m_action);
    selector.category = valueOf(m_category);
    selector.allKinds = m_allKinds->isChecked();
    if (std::optional<std::string> url = valueOf(m_url)) {
        Result<ClaimSelector> withUrl = applyClaimUrl(std::move(selector), *url);
        if (!withUrl) return refuse(qs(withUrl.error().toString()));
        selector = std::move(*withUrl);
    }
    Result<ClaimSelector> valid = validateClaimSelector(std::move(selector));
    if (!valid) return refuse(qs(valid.error().toString()));
    const std::vector<Claim> claims = findClaims(m_session.device(), *valid);
    m_model->setClaims(claims);
    m_summary->setStyleSheet({});
    // Without a translation file Qt's %n plural forms print "(s)": the English is spelled out.
    const bool one = claims.size() == 1;
    const QString count = QString::number(claims.size());
    m_summary->setText(valid->asksForValues()
                           ? (one ? tr("1 filter claims it") : tr("%1 filters claim it").arg(count))
                           : (one ? tr("1 deep link filter (VIEW + BROWSABLE + a scheme)")
                                  : tr("%1 deep link filters (VIEW + BROWSABLE + a scheme)")
                                        .arg(count)));
    for (int column : {int(ClaimsModel::Component), int(ClaimsModel::Kind),
                       int(ClaimsModel::State), int(ClaimsModel::Domains)}) {
        m_view->resizeColumnToContents(column);
    }
    return true;
}

QString ClaimsPanel::summaryText() {
    m_findLater.ensure();
    return m_summary->text();
}

}  // namespace hearth::gui

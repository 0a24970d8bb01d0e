#include "panels/device_facts_panel.h"

#include <hearth/app_links.h>
#include <hearth/device.h>
#include <hearth/device_facts.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "device_session.h"
#include "gui_support.h"
#include "models/app_links_model.h"

namespace hearth::gui {
namespace {

// The API levels the core models: Android 1.0 to the newest it knows (android-modern.md).
constexpr int kMinApi = 1;
constexpr int kMaxApi = 36;

// "(not set)" carries no data; the browser's "(none)" carries "" (the user's explicit None,
// device.json "browser": null, which turns off the W-41 fallback holder).
std::optional<std::string> holderOf(const QComboBox* combo) {
    const QVariant data = combo->currentData();
    if (!data.isValid()) return std::nullopt;
    return data.toString().toStdString();
}

// The W-21 state column edits with the states' debug names (`pm set-app-links` takes them).
class DomainStateDelegate : public QStyledItemDelegate {
  public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex&) const override {
        auto* combo = new QComboBox(parent);
        for (int state = domain_state::kNone; state <= domain_state::kPreVerified; ++state) {
            combo->addItem(QString::fromStdString(domainStateName(state)));
        }
        return combo;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        auto* combo = static_cast<QComboBox*>(editor);
        combo->setCurrentIndex(std::max(0, combo->findText(index.data(Qt::EditRole).toString())));
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override {
        model->setData(index, static_cast<QComboBox*>(editor)->currentText(), Qt::EditRole);
    }
};

}  // namespace

DeviceFactsPanel::DeviceFactsPanel(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_api = new QSpinBox(this);
    m_api->setObjectName("factsApiLevel");
    m_api->setRange(kMinApi, kMaxApi);
    m_api->setToolTip(tr("The device's API level: sort keys (R-9), framework generation, App "
                         "Links rules (W-10..W-27) and caller rules follow it. Manifests are not "
                         "parsed again."));
    m_unlocked = new QCheckBox(tr("Credential storage unlocked"), this);
    m_unlocked->setObjectName("factsUnlocked");
    m_unlocked->setToolTip(tr("Unticked: direct boot before the first unlock; only "
                              "direct-boot-aware homes can start (H-11)."));
    m_setupComplete = new QCheckBox(tr("User setup complete"), this);
    m_setupComplete->setObjectName("factsSetupComplete");
    m_setupComplete->setToolTip(tr("Unticked: the setup wizard still runs (H-12, H-14)."));
    m_homeRole = new QComboBox(this);
    m_homeRole->setObjectName("factsHomeRole");
    m_homeRole->setToolTip(tr("ROLE_HOME's holder (H-8); not set: the fallback holder (H-9)."));
    m_browserRole = new QComboBox(this);
    m_browserRole->setObjectName("factsBrowserRole");
    m_browserRole->setToolTip(
        tr("The default browser (W-14); not set: from API 29 the fallback holder, the only app "
           "that qualifies (or from API 31 the only system one, W-41); (none): the user's None."));
    m_note = new QLabel(tr("Edits stay in memory; File > Save Device as device.json… keeps them."),
                        this);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));

    auto* deviceForm = new QFormLayout;
    deviceForm->addRow(tr("API level"), m_api);
    deviceForm->addRow(m_unlocked);
    deviceForm->addRow(m_setupComplete);
    deviceForm->addRow(tr("HOME role"), m_homeRole);
    deviceForm->addRow(tr("Browser role"), m_browserRole);
    QWidget* packageBox = buildPackageBox();
    m_state = new QTreeWidget(this);
    m_state->setObjectName("factsState");
    m_state->setColumnCount(2);
    m_state->setHeaderLabels({tr("Fact (device.json key)"), tr("Value the rules read")});
    m_state->setRootIsDecorated(true);
    m_state->setToolTip(tr("Read-only: edit these in device.json (samples/devices/README.md "
                           "lists every key)."));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(deviceForm);
    layout->addWidget(packageBox);
    layout->addWidget(m_note);
    layout->addWidget(m_state, 1);

    connect(m_api, &QSpinBox::valueChanged, this, [this](int api) {
        if (!m_refreshing) m_session.setApiLevel(api);
    });
    connect(m_unlocked, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing) m_session.setUserUnlocked(on);
    });
    connect(m_setupComplete, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing) m_session.setUserSetupComplete(on);
    });
    connect(m_homeRole, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing) m_session.setHomeRoleHolder(holderOf(m_homeRole));
    });
    connect(m_browserRole, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing) m_session.setBrowserRoleHolder(holderOf(m_browserRole));
    });
    connect(&m_session, &DeviceSession::deviceReplaced, this, &DeviceFactsPanel::refresh);
    connect(&m_session, &DeviceSession::deviceEdited, this, &DeviceFactsPanel::refresh);
    refresh();
}

QWidget* DeviceFactsPanel::buildPackageBox() {
    m_package = new QComboBox(this);
    m_package->setObjectName("factsPackage");
    m_packageEnabled = new QCheckBox(tr("Enabled"), this);
    m_packageEnabled->setObjectName("factsPackageEnabled");
    m_packageSuspended = new QCheckBox(tr("Suspended"), this);
    m_packageSuspended->setObjectName("factsPackageSuspended");
    m_packageSuspended->setToolTip(tr("A suspended app loses App Links approval (W-23) and a "
                                      "start shows the suspended-app dialog instead."));
    m_packageSystem = new QCheckBox(tr("System"), this);
    m_packageSystem->setObjectName("factsPackageSystem");
    m_packageSystem->setToolTip(tr("On the system image (FLAG_SYSTEM): the H-9 fallback HOME, "
                                   "the W-41 browser fallback from API 31, V-4 visibility."));
    m_packagePrivileged = new QCheckBox(tr("Privileged"), this);
    m_packagePrivileged->setObjectName("factsPackagePrivileged");
    m_packagePrivileged->setToolTip(tr("In a privileged partition (priv-app): its filter "
                                       "priorities are kept (P-1) and it may set persistent "
                                       "preferred activities (P-7)."));
    m_targetSdk = new QSpinBox(this);
    m_targetSdk->setObjectName("factsTargetSdk");
    m_targetSdk->setRange(kMinApi, kMaxApi);
    m_targetSdk->setToolTip(tr("targetSdkVersion (device.json \"targetSdk\"): W-20's domain "
                               "collection, the S- rules, V- visibility and install refusals "
                               "(S-1) follow it."));
    m_linkHandling = new QCheckBox(tr("Open supported links"), this);
    m_linkHandling->setObjectName("factsLinkHandling");
    m_linkHandling->setToolTip(tr("W-22 linkHandlingAllowed: off, the app is approved for no "
                                  "host (W-23 step 4)."));
    m_legacyStatus = new QComboBox(this);
    m_legacyStatus->setObjectName("factsLegacyStatus");
    m_legacyStatus->setToolTip(tr("The Android 6-11 per-package link status (W-10)."));
    for (LegacyLinkStatus status : {LegacyLinkStatus::Undefined, LegacyLinkStatus::Ask,
                                    LegacyLinkStatus::Always, LegacyLinkStatus::Never,
                                    LegacyLinkStatus::AlwaysAsk}) {
        m_legacyStatus->addItem(QString::fromLatin1(legacyLinkStatusName(status)), int(status));
    }
    m_links = new AppLinksModel(m_session, this);
    m_linksView = new QTableView(this);
    m_linksView->setObjectName("factsAppLinks");
    m_linksView->setModel(m_links);
    m_linksView->verticalHeader()->hide();
    m_linksView->setWordWrap(false);
    m_linksView->horizontalHeader()->setStretchLastSection(true);
    m_linksView->setItemDelegateForColumn(AppLinksModel::State,
                                          new DomainStateDelegate(m_linksView));
    m_linksView->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_linksView->setMinimumHeight(90);
    m_linksMessage = new QLabel(this);
    m_linksMessage->setObjectName("factsLinksMessage");
    m_linksMessage->setWordWrap(true);
    m_linksMessage->setStyleSheet(QStringLiteral("color: #c01c28;"));
    m_linksMessage->hide();

    auto* box = new QGroupBox(tr("Package"), this);
    auto* form = new QFormLayout(box);
    form->addRow(m_package);
    auto* flags = new QHBoxLayout;
    for (QCheckBox* check : {m_packageEnabled, m_packageSuspended, m_packageSystem,
                             m_packagePrivileged}) {
        flags->addWidget(check);
    }
    flags->addStretch(1);
    form->addRow(flags);
    form->addRow(tr("targetSdk"), m_targetSdk);
    auto* links = new QHBoxLayout;
    links->addWidget(m_linkHandling);
    links->addStretch(1);
    links->addWidget(new QLabel(tr("Link status (6-11)"), this));
    links->addWidget(m_legacyStatus);
    form->addRow(links);
    form->addRow(m_linksView);
    form->addRow(m_linksMessage);

    connect(m_package, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing) refreshPackage();
    });
    // Each per-package control edits the chosen package in the session (refresh() sets them
    // without editing: m_refreshing).
    // Through std::function: a pointer to member function captured by the slot and called with
    // .* made the sanitizer build (g++ 12, Debug, ASan) report a stack-buffer-underflow inside
    // Qt's slot call on the first toggle; the cause was not pinned down, this form is clean.
    using PackageEdit = std::function<bool(DeviceSession&, const std::string&, bool)>;
    const std::pair<QCheckBox*, PackageEdit> toggles[] = {
        {m_packageEnabled, &DeviceSession::setApplicationEnabled},
        {m_packageSuspended, &DeviceSession::setPackageSuspended},
        {m_packageSystem, &DeviceSession::setPackageSystem},
        {m_packagePrivileged, &DeviceSession::setPackagePrivileged},
        {m_linkHandling, &DeviceSession::setLinkHandlingAllowed}};
    for (const auto& [check, edit] : toggles) {
        connect(check, &QCheckBox::toggled, this, [this, apply = edit](bool on) {
            if (!m_refreshing) apply(m_session, currentPackage().toStdString(), on);
        });
    }
    connect(m_targetSdk, &QSpinBox::valueChanged, this, [this](int sdk) {
        if (!m_refreshing) m_session.setTargetSdk(currentPackage().toStdString(), sdk);
    });
    connect(m_legacyStatus, &QComboBox::currentIndexChanged, this, [this] {
        if (m_refreshing) return;
        m_session.setLegacyLinkStatus(currentPackage().toStdString(),
                                      LegacyLinkStatus(m_legacyStatus->currentData().toInt()));
    });
    connect(m_links, &AppLinksModel::editRefused, this, [this](const QString& message) {
        m_linksMessage->setText(message);
        m_linksMessage->setVisible(!message.isEmpty());
    });
    return box;
}

QString DeviceFactsPanel::linksMessage() const {
    return m_linksMessage->isHidden() ? QString() : m_linksMessage->text();
}

QString DeviceFactsPanel::currentPackage() const { return m_package->currentText(); }

bool DeviceFactsPanel::selectPackage(const QString& packageName) {
    const int row = m_package->findText(packageName);
    if (row < 0) return false;
    m_package->setCurrentIndex(row);
    return true;
}

void DeviceFactsPanel::fillRoleCombo(QComboBox* combo, const std::optional<std::string>& holder,
                                     bool offerNone) {
    combo->clear();
    combo->addItem(tr("(not set)"));
    if (offerNone) combo->addItem(tr("(none)"), QString(""));
    for (const InstalledPackage& package : m_session.device().packages) {
        combo->addItem(qs(package.packageName()), qs(package.packageName()));
    }
    int index = 0;
    if (holder && holder->empty()) {
        index = offerNone ? 1 : 0;
    } else if (holder) {
        index = std::max(0, combo->findData(qs(*holder)));
    }
    combo->setCurrentIndex(index);
}

void DeviceFactsPanel::refresh() {
    m_refreshing = true;
    const bool has = m_session.hasDevice();
    setEnabled(has);
    if (has) {
        const Device& device = m_session.device();
        m_api->setValue(device.apiLevel);
        m_unlocked->setChecked(device.userUnlocked);
        m_setupComplete->setChecked(device.userSetupComplete);
        fillRoleCombo(m_homeRole, device.roles.home, false);
        fillRoleCombo(m_browserRole, device.roles.browser, true);
        const QString current = m_package->currentText();
        m_package->clear();
        for (const InstalledPackage& package : device.packages) {
            m_package->addItem(qs(package.packageName()));
        }
        m_package->setCurrentIndex(std::max(0, m_package->findText(current)));
    }
    m_refreshing = false;
    refreshPackage();
}

void DeviceFactsPanel::refreshState() {
    m_state->clear();
    if (!m_session.hasDevice()) return;
    const Device& device = m_session.device();
    const auto addGroup = [this](const QString& title, const std::vector<Fact>& facts) {
        auto* group = new QTreeWidgetItem(m_state, {title});
        for (const Fact& fact : facts) {
            auto* item = new QTreeWidgetItem(group, {qs(fact.key), qs(fact.value)});
            item->setToolTip(1, qs(fact.value));
        }
        group->setExpanded(true);
    };
    addGroup(tr("Device"), deviceFacts(device));
    for (const InstalledPackage& package : device.packages) {
        if (qs(package.packageName()) != currentPackage()) continue;
        addGroup(tr("Package %1").arg(qs(package.packageName())), packageFacts(device, package));
    }
    m_state->resizeColumnToContents(0);
}

void DeviceFactsPanel::refreshPackage() {
    m_refreshing = true;
    const InstalledPackage* package = nullptr;
    if (m_session.hasDevice()) {
        for (const InstalledPackage& candidate : m_session.device().packages) {
            if (qs(candidate.packageName()) == currentPackage()) package = &candidate;
        }
    }
    for (QWidget* control : std::initializer_list<QWidget*>{
             m_packageEnabled, m_packageSuspended, m_packageSystem, m_packagePrivileged,
             m_targetSdk, m_linkHandling, m_legacyStatus, m_linksView}) {
        control->setEnabled(package != nullptr);
    }
    m_packageEnabled->setChecked(package && package->enabled);
    m_packageSuspended->setChecked(package && package->suspended);
    m_packageSystem->setChecked(package && package->system);
    m_packagePrivileged->setChecked(package && package->privileged);
    m_targetSdk->setValue(package ? package->manifest.effectiveTargetSdk() : kMinApi);
    m_linkHandling->setChecked(package && package->appLinks.linkHandlingAllowed);
    m_legacyStatus->setCurrentIndex(std::max(
        0, m_legacyStatus->findData(int(package ? package->appLinks.legacyStatus
                                                : LegacyLinkStatus::Undefined))));
    m_refreshing = false;
    if (m_links->package() != currentPackage()) {
        m_linksMessage->hide();
        m_links->setPackage(currentPackage());
        m_linksView->resizeColumnsToContents();
    }
    refreshState();
}

}  // namespace hearth::gui

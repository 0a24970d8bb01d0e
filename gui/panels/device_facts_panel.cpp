#include "panels/device_facts_panel.h"

#include <hearth/device.h>
#include <hearth/device_facts.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <optional>
#include <string>

#include "device_session.h"
#include "gui_support.h"

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
    m_package = new QComboBox(this);
    m_package->setObjectName("factsPackage");
    m_packageEnabled = new QCheckBox(tr("Enabled"), this);
    m_packageEnabled->setObjectName("factsPackageEnabled");
    m_packageSuspended = new QCheckBox(tr("Suspended"), this);
    m_packageSuspended->setObjectName("factsPackageSuspended");
    m_packageSuspended->setToolTip(tr("A suspended app loses App Links approval (W-23) and a "
                                      "start shows the suspended-app dialog instead."));
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
    auto* packageBox = new QGroupBox(tr("Package"), this);
    auto* packageForm = new QFormLayout(packageBox);
    packageForm->addRow(m_package);
    packageForm->addRow(m_packageEnabled);
    packageForm->addRow(m_packageSuspended);
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
    connect(m_package, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing) refreshPackage();
    });
    connect(m_packageEnabled, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing) m_session.setApplicationEnabled(currentPackage().toStdString(), on);
    });
    connect(m_packageSuspended, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing) m_session.setPackageSuspended(currentPackage().toStdString(), on);
    });
    connect(&m_session, &DeviceSession::deviceReplaced, this, &DeviceFactsPanel::refresh);
    connect(&m_session, &DeviceSession::deviceEdited, this, &DeviceFactsPanel::refresh);
    refresh();
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
    m_packageEnabled->setEnabled(package != nullptr);
    m_packageSuspended->setEnabled(package != nullptr);
    m_packageEnabled->setChecked(package && package->enabled);
    m_packageSuspended->setChecked(package && package->suspended);
    m_refreshing = false;
    refreshState();
}

}  // namespace hearth::gui

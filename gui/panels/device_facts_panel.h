#pragma once
// DeviceFactsPanel: the facts of the device that decide answers but live outside the manifests —
// API level, credential storage (H-11), user setup (H-12, H-14), the HOME and BROWSER role holders
// (H-8, W-14), and one package's install flags (system, privileged), enabled and suspended states,
// targetSdk and App Links state (W-21 states, W-22 selections and "Open supported links", the W-10
// link status of Android 6-11); below them, read-only, every other
// fact the rules read (device_facts.h: sysconfig, flags, App Links state, install facts). Every control edits the session's
// in-memory copy (DeviceSession), so every panel re-answers through the core at once; nothing is
// decided here.

#include <QWidget>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTableView;
class QTreeWidget;

namespace hearth::gui {

class AppLinksModel;
class DeviceSession;

class DeviceFactsPanel : public QWidget {
    Q_OBJECT

  public:
    explicit DeviceFactsPanel(DeviceSession& session, QWidget* parent = nullptr);

    /// The package the per-package controls edit ("" when none).
    QString currentPackage() const;
    /// Chooses the package the per-package controls edit; false when it is not listed.
    bool selectPackage(const QString& packageName);
    /// The selected package's web hosts (W-20..W-23), editable.
    AppLinksModel* appLinksModel() const { return m_links; }
    QTableView* appLinksView() const { return m_linksView; }
    /// The core's last refusal of an App Links edit ("" after a successful one).
    QString linksMessage() const;

  private:
    void refresh();
    void refreshPackage();
    void fillRoleCombo(QComboBox* combo, const std::optional<std::string>& holder, bool offerNone);
    void refreshState();
    QWidget* buildPackageBox();

    DeviceSession& m_session;
    QSpinBox* m_api = nullptr;
    QCheckBox* m_unlocked = nullptr;
    QCheckBox* m_setupComplete = nullptr;
    QComboBox* m_homeRole = nullptr;
    QComboBox* m_browserRole = nullptr;
    QComboBox* m_package = nullptr;
    QCheckBox* m_packageEnabled = nullptr;
    QCheckBox* m_packageSuspended = nullptr;
    QCheckBox* m_packageSystem = nullptr;
    QCheckBox* m_packagePrivileged = nullptr;
    QSpinBox* m_targetSdk = nullptr;
    QCheckBox* m_linkHandling = nullptr;
    QComboBox* m_legacyStatus = nullptr;
    AppLinksModel* m_links = nullptr;
    QTableView* m_linksView = nullptr;
    QLabel* m_linksMessage = nullptr;
    QLabel* m_note = nullptr;
    QTreeWidget* m_state = nullptr;  ///< read-only: the core's deviceFacts and packageFacts
    bool m_refreshing = false;
};

}  // namespace hearth::gui

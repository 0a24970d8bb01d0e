#pragma once
// DeviceFactsPanel: the facts of the device that decide answers but live outside the manifests —
// API level, credential storage (H-11), user setup (H-12, H-14), the HOME and BROWSER role holders
// (H-8, W-14), and one package's enabled and suspended states; below them, read-only, every other
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
class QTreeWidget;

namespace hearth::gui {

class DeviceSession;

class DeviceFactsPanel : public QWidget {
    Q_OBJECT

  public:
    explicit DeviceFactsPanel(DeviceSession& session, QWidget* parent = nullptr);

    /// The package the per-package controls edit ("" when none).
    QString currentPackage() const;
    /// Chooses the package the per-package controls edit; false when it is not listed.
    bool selectPackage(const QString& packageName);

  private:
    void refresh();
    void refreshPackage();
    void fillRoleCombo(QComboBox* combo, const std::optional<std::string>& holder, bool offerNone);
    void refreshState();

    DeviceSession& m_session;
    QSpinBox* m_api = nullptr;
    QCheckBox* m_unlocked = nullptr;
    QCheckBox* m_setupComplete = nullptr;
    QComboBox* m_homeRole = nullptr;
    QComboBox* m_browserRole = nullptr;
    QComboBox* m_package = nullptr;
    QCheckBox* m_packageEnabled = nullptr;
    QCheckBox* m_packageSuspended = nullptr;
    QLabel* m_note = nullptr;
    QTreeWidget* m_state = nullptr;  ///< read-only: the core's deviceFacts and packageFacts
    bool m_refreshing = false;
};

}  // namespace hearth::gui

#pragma once
// PhonePreview: a small phone with Boot and Home buttons. The screen shows what the chosen
// framework brings up: the home activity, Android's chooser with its candidates and "Always" /
// "Just once" (the choice is recorded on the in-memory device as Android records it), a black
// "no home" screen, or the framework refusing the key. It drives the core's hearth::Simulator
// over a copy of the session's device, and hands recorded choices back to the session so that
// every other panel sees them.

#include <hearth/home.h>
#include <hearth/simulate.h>

#include <QFrame>
#include <QHash>
#include <QIcon>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "device_session.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace hearth::gui {

class PhonePreview : public QFrame {
    Q_OBJECT

  public:
    /// What the screen shows.
    enum class Screen { Off, Activity, Chooser, NoHome };

    explicit PhonePreview(DeviceSession& session, QWidget* parent = nullptr);

    Framework framework() const { return m_framework; }
    void setFramework(Framework framework);

    /// Starts the system (the boot call site) and shows what comes up.
    void boot();
    /// Presses HOME (the home-key call site).
    void pressHome();
    /// In the chooser: picks a candidate ("pkg/.Cls" or "pkg/full.Class"); always = "Always".
    /// False when the chooser is not shown or the component is not one of its candidates.
    bool choose(const QString& component, bool always);

    Screen screen() const { return m_screen; }
    /// Whether the last HOME press was refused (H-14: user setup in progress).
    bool homeIgnored() const { return m_homeIgnored; }
    /// The activity on screen, when there is one ("pkg/.Cls").
    QString foregroundActivity() const { return m_foreground; }
    /// The chooser's candidates, in its order.
    QStringList chooserCandidates() const;
    /// The one-line status under the screen.
    QString statusText() const;

  signals:
    /// The user picked a candidate in the chooser (after the choice was recorded).
    void chosen(const QString& component, bool always);

  private:
    /// Shows what one simulator step did; false (status shows why) when it failed. `key` is
    /// the button pressed ("boot", "press-home"), replayed after an edit; "" for a choice.
    bool showStep(const Result<StepReport>& report, const std::string& key);
    void restart();
    void show(const hearth::Screen& screen);
    void showScreen(Screen screen);
    void chooseSelected(bool always);
    void syncPreferredToSession();
    /// The app's own icon (the core's loadAppIcon bitmap, scaled) or, when it has none or it
    /// cannot be read, a stand-in in the package's colour; read once per APK and component.
    /// The chooser icon of a component: the APK's own (loadAppIcon), else the stand-in. An icon
    /// that cannot be read is not hidden: `why` gets the core's error for the entry's tooltip.
    QIcon iconOf(const Device& device, const ComponentName& name, QString* why);

    DeviceSession& m_session;
    Framework m_framework = Framework::Stock;
    Screen m_screen = Screen::Off;
    bool m_homeIgnored = false;
    QString m_foreground;
    std::unique_ptr<Simulator> m_simulator;
    std::vector<std::string> m_keys;  // the keys pressed since boot, replayed after an edit
    bool m_ignoreNextEdit = false;
    struct CachedIcon {
        QIcon icon;
        QString error;  // why the APK's icon could not be shown, or empty
    };
    QHash<QString, CachedIcon> m_icons;  // by manifest file and component

    QComboBox* m_frameworkBox = nullptr;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_activityTitle = nullptr;
    QLabel* m_activityDetail = nullptr;
    QLabel* m_chooserTitle = nullptr;
    QListWidget* m_chooserList = nullptr;
    QPushButton* m_once = nullptr;
    QPushButton* m_always = nullptr;
    QLabel* m_noHome = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_boot = nullptr;
    QPushButton* m_home = nullptr;
};

}  // namespace hearth::gui

#pragma once
// Simulate: a device living through a script of user and system events (boot, HOME presses,
// chooser answers, installs, setup, direct boot), showing after each step what is on screen.
// Home resolution follows home.h; "Always" answers are recorded as Android records them (P-4,
// P-5) and the resolver's preferred-table changes (P-8) are applied to the device as they happen.

#include <hearth/component_name.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// One word of a script line and where it starts.
struct ScriptToken {
    std::string text;
    SourceLocation where;
};

/// One script line: the step keyword and its arguments.
struct SimulationStep {
    enum class Kind {
        Boot,                 ///< boot [locked|unlocked]
        Reboot,               ///< reboot [locked|unlocked]
        PressHome,            ///< press-home
        Choose,               ///< choose COMPONENT always|once
        Install,              ///< install PATH (manifest or APK, relative to the script)
        Uninstall,            ///< uninstall PACKAGE
        Disable,              ///< disable COMPONENT
        Enable,               ///< enable COMPONENT
        Unlock,               ///< unlock (credential-encrypted storage)
        FinishSetup,          ///< finish-setup (USER_SETUP_COMPLETE=1)
        Patch,                ///< patch home-first|stock
        PatchSite,            ///< patch-site SITE... (swap only these call sites to HOME_FIRST)
        ExpectScreen,         ///< expect screen COMPONENT
        ExpectChooser,        ///< expect chooser COMPONENT... (any order)
        ExpectNoHome,         ///< expect no-home
        ExpectHomeIgnored,    ///< expect home-ignored (the last HOME press was refused)
        ExpectSetupComplete,  ///< expect setup-complete
    };
    Kind kind = Kind::Boot;
    std::string text;               ///< the line without its comment, trimmed
    ScriptToken keyword;            ///< the step word
    std::vector<ScriptToken> args;  ///< the arguments (for expect: after the expectation word)
};

/// A parsed script.
struct SimulationScript {
    std::string sourceName;         ///< for error locations
    std::filesystem::path baseDir;  ///< install paths are relative to it
    std::vector<SimulationStep> steps;
};

/// Parses script text: one step a line, '#' starts a comment, blank lines are fine. Fails with
/// "script:line:col: unknown step 'x': expected one of ..." and similar, pointing at the word.
[[nodiscard]] Result<SimulationScript> parseSimulationScript(std::string_view text,
                                                             const std::string& sourceName,
                                                             const std::filesystem::path& baseDir);
/// Reads and parses a script file; install paths resolve against its folder.
[[nodiscard]] Result<SimulationScript> loadSimulationScript(const std::filesystem::path& path);

/// What the user sees.
struct Screen {
    enum class Kind { Off, Activity, Chooser, NoHome } kind = Kind::Off;
    std::optional<ComponentName> activity;  ///< Activity
    std::vector<ComponentName> chooser;     ///< Chooser: the entries listed

    /// "off", "com.a/.Home", "chooser: a/.A, b/.B", "no home (blank screen)".
    std::string describe() const;
};

/// "off", "activity", "chooser", "no-home".
const char* screenKindName(Screen::Kind kind);

/// What one step did.
struct StepReport {
    SimulationStep step;
    std::vector<std::string> events;  ///< what happened, in order, citing rules
    Screen screen;                    ///< after the step
    bool homeIgnored = false;         ///< a HOME press was refused (H-14)
    bool expectation = false;         ///< the step was an expect step (and it held)
};

/// A device and what is on its screen, advanced one step at a time (the GUI drives it too).
class Simulator {
  public:
    /// Simulates its own copy of `device`, with the device's own framework patch.
    explicit Simulator(Device device);
    /// Simulates `device` under `patch` without copying it: the device and an index built over
    /// it are borrowed until a step changes the device (a pick recorded as "Always", a setup
    /// wizard finishing, an install...), which makes the simulator's own copy then. The explorer
    /// boots its phone this way on the device it has open: a copy of a 10,000-package device is
    /// a hundred megabytes and most sessions never change it. Both must outlive the simulator
    /// and stay unchanged while it lives.
    Simulator(const Device& device, const PackageIndex& index, FrameworkPatch patch);

    /// Carries out one step. Fails with an error located at the step (or its argument) when the
    /// step cannot apply ("press-home before 'boot'...") or an expectation does not hold.
    [[nodiscard]] Result<StepReport> apply(const SimulationStep& step,
                                           const std::filesystem::path& baseDir);
    /// The steps the explorer's buttons take, typed: the very steps a script's "boot",
    /// "press-home" and "choose COMPONENT always|once" lines build, without writing script text.
    [[nodiscard]] Result<StepReport> boot();
    [[nodiscard]] Result<StepReport> pressHome();
    [[nodiscard]] Result<StepReport> choose(const ComponentName& component, bool always);

    /// The device as the steps left it. Its `patch` is the one it came with: the simulator's
    /// framework is patch() (a script's "patch" steps change that).
    const Device& device() const { return *m_device; }
    const FrameworkPatch& patch() const { return m_patch; }
    const Screen& screen() const { return m_screen; }
    bool running() const { return m_running; }

    Simulator(const Simulator&) = delete;
    Simulator& operator=(const Simulator&) = delete;
    ~Simulator();

  private:
    struct ChooserContext {
        Intent intent;
        std::vector<ComponentName> set;
        int bestMatch = 0;
    };

    const PackageIndex& index();
    /// The device to change: the simulator's own copy, made on first use when it is borrowed.
    Device& edit();
    void changed();
    void applyPreferredChanges(const std::vector<PreferredChange>& changes);
    void startHome(std::string_view site, StepReport& report);
    bool showHome(const ComponentName& component, std::string_view how, StepReport& report);
    bool homeFinishes(const ComponentName& component, StepReport& report);
    void restartHomeIfGone(StepReport& report);
    Result<void> applyBoot(const SimulationStep& step, StepReport& report);
    Result<void> applyChoose(const SimulationStep& step, StepReport& report);
    Result<void> install(const SimulationStep& step, const std::filesystem::path& baseDir,
                         StepReport& report);
    Result<void> setComponentState(const SimulationStep& step, bool enable, StepReport& report);
    Result<void> expect(const SimulationStep& step, StepReport& report);

    std::optional<Device> m_own;                  ///< set once the device is the simulator's
    const Device* m_device = nullptr;             ///< the device simulated: borrowed or &*m_own
    const PackageIndex* m_borrowedIndex = nullptr;  ///< an index over the borrowed device
    FrameworkPatch m_patch;
    bool m_initialUnlocked = true;
    bool m_running = false;
    bool m_lastHomeIgnored = false;
    Screen m_screen;
    std::optional<ChooserContext> m_chooser;
    std::unique_ptr<PackageIndex> m_index;
};

/// A whole run: every step that was carried out, and the error that stopped it, if any.
struct SimulationResult {
    std::string deviceName;
    std::string inferred;  ///< Device::inferred: what the image or capture implied, or ""
    int apiLevel = 0;
    bool legacy = false;
    std::string scriptName;
    std::vector<StepReport> steps;
    std::optional<Error> failure;
    size_t expectationsMet = 0;
};

/// Runs every step of the script on the device; stops at the first failing step.
SimulationResult runSimulation(Device device, const SimulationScript& script);

/// Step by step: the line number and step, then what happened and the screen.
std::string renderSimulationText(const SimulationResult& result);
/// {"schemaVersion","device":{"name","api"},"generation","script","steps":[{"line","step",
/// "events","screen":{...},"homeIgnored"}],"ok","error"} (docs/json.md).
std::string renderSimulationJson(const SimulationResult& result);

}  // namespace hearth

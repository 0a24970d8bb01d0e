#pragma once
// DeviceSession: the device the window shows. It owns the loaded hearth::Device and the
// PackageIndex over it; the panels edit the device in memory through it (never the files on disk)
// and every view listens to its signals, so one check box updates every outcome at once.

#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/package_index.h>
#include <hearth/result.h>

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace hearth::gui {

/// The two frameworks the home panel compares.
enum class Framework { Stock, Patched };

/// A loaded device with its index and both home reports, computed off the GUI thread
/// (DeviceLoader); an index or a report left empty is computed when first needed.
struct AnalyzedDevice {
    std::unique_ptr<Device> device;       ///< on the heap: the index points into it
    std::unique_ptr<PackageIndex> index;  ///< over *device
    std::optional<HomeReport> stock;
    std::optional<HomeReport> patched;
};

class DeviceSession : public QObject {
    Q_OBJECT

  public:
    explicit DeviceSession(QObject* parent = nullptr);
    ~DeviceSession() override;

    /// Replaces the device (a load or reload); forgets the previous one and every edit.
    void setDevice(Device device);
    /// The same, with the home reports already computed by analyze().
    void setDevice(AnalyzedDevice analyzed);
    /// Computes what setDevice would compute first (pure, safe on any thread).
    static AnalyzedDevice analyze(Device device);
    /// The call sites the patched column starts with: comparisonPatch() with none chosen.
    static std::set<std::string> initialPatchedSites(const Device& device);
    bool hasDevice() const { return m_device != nullptr; }
    /// The current device, edits included. Only valid while hasDevice().
    const Device& device() const { return *m_device; }
    /// The index over device(); rebuilt after every edit. Only valid while hasDevice().
    const PackageIndex& index() const { return *m_index; }
    /// The device as it was loaded, before any edit. The copy is made by the first edit: a
    /// 10,000-package device is a hundred megabytes, and most sessions only look.
    const Device& loadedDevice() const { return m_loaded ? *m_loaded : *m_device; }
    /// True when the in-memory device differs from what was loaded.
    bool isEdited() const { return m_edited; }

    /// Installs (removed = false) or uninstalls a package listed by the device. False when the
    /// package is unknown or already in that state.
    bool setPackageRemoved(const std::string& packageName, bool removed);
    /// Enables or disables the whole application (PackageManager's application enabled setting).
    bool setApplicationEnabled(const std::string& packageName, bool enabled);
    /// Sets a component's enabled state (setComponentEnabledSetting ENABLED / DISABLED).
    bool setComponentEnabled(const std::string& packageName, const std::string& className,
                             bool enabled);
    /// Suspends or unsuspends a package (W-23 step 1; a start shows the suspended-app dialog).
    bool setPackageSuspended(const std::string& packageName, bool suspended);
    /// A package's install flags: on the system image (FLAG_SYSTEM; P-1 priorities, H-9, W-41,
    /// V-4) and in a privileged partition (priv-app; P-1, P-7). False when unchanged or unknown.
    bool setPackageSystem(const std::string& packageName, bool system);
    bool setPackagePrivileged(const std::string& packageName, bool privileged);
    /// The package's targetSdkVersion (overrideTargetSdk: what device.json's "targetSdk" sets).
    /// False when unchanged, unknown or not 1..99.
    bool setTargetSdk(const std::string& packageName, int targetSdk);
    /// App Links edits through the core (app_links_edit.h): a W-21 state of an autoVerify domain,
    /// a W-22 user selection; "Open supported links" (W-22, W-23 step 4) and the Android 6-11 link
    /// status (W-10). The Result carries the core's refusal; true when something changed.
    [[nodiscard]] Result<bool> setDomainState(const std::string& packageName,
                                              const std::string& domain, int state);
    [[nodiscard]] Result<bool> setHostSelected(const std::string& packageName,
                                               const std::string& host, bool selected);
    bool setLinkHandlingAllowed(const std::string& packageName, bool allowed);
    bool setLegacyLinkStatus(const std::string& packageName, LegacyLinkStatus status);
    /// The device facts the resolver and home read: API level (the manifests are not parsed
    /// again: values-vN of APKs stay as loaded), credential storage unlocked (H-11), user setup
    /// complete (H-12, H-14). False when the value is already that one (or the API is not 1..99).
    bool setApiLevel(int apiLevel);
    bool setUserUnlocked(bool unlocked);
    bool setUserSetupComplete(bool complete);
    /// The holder of the HOME role (H-8) or the BROWSER role (W-14); nullopt clears it. False when
    /// unchanged or when the package is not listed.
    bool setHomeRoleHolder(std::optional<std::string> packageName);
    bool setBrowserRoleHolder(std::optional<std::string> packageName);
    /// Forgets recorded choices: a preferred activity (P-4/P-5, "Always" or last chosen) or a
    /// persistent one (P-7) by its index in device().preferred / persistentPreferred, or all of
    /// both. False when there is no such entry (or none at all).
    bool removePreferredActivity(bool persistent, size_t index);
    bool clearPreferredActivities();
    /// Replaces the device with an edited copy (e.g. after the simulator recorded a choice).
    void applyEditedDevice(Device device);
    /// Restores the device as loaded.
    void revertEdits();

    /// The call sites the "patched" framework column swaps to HOME_FIRST. Starts as the device's
    /// own patch, or every site when the device runs the stock framework.
    const std::set<std::string>& patchedSites() const { return m_patchedSites; }
    void setSitePatched(const std::string& site, bool patched);
    void setPatchedSites(std::set<std::string> sites);

    /// The framework patch a column runs: none for Stock, patchedSites() for Patched.
    FrameworkPatch patchFor(Framework framework) const;
    /// The device "Save device as device.json" writes: the current device, edits included, running
    /// the patched column's framework when its sites were changed from initialPatchedSites() of
    /// the loaded device, else its own framework (so an untouched stock device stays stock).
    Device deviceToSave() const;
    /// Every call site of that framework on the current device; computed once per change. Of
    /// the MAIN activities that are not candidates, the first kExplainedNonCandidates say why
    /// (what the home panel shows); the rest are named (HomeDetail).
    const HomeReport& homeReport(Framework framework) const;
    static constexpr size_t kExplainedNonCandidates = 40;
    static constexpr HomeDetail kHomeDetail = HomeDetail::firstMainOnly(kExplainedNonCandidates);
    /// homeReport() with every non-candidate explained, as `hearth home --json` has it (Export).
    HomeReport fullHomeReport(Framework framework) const;

  signals:
    /// A different device (load or reload): views reset.
    void deviceReplaced();
    /// The same device, edited in memory or with another patch: views refresh in place.
    void deviceEdited();

  private:
    /// Keeps the device as loaded before the first edit changes it (loadedDevice()).
    void keepLoaded();
    /// The listed package to edit (keepLoaded() first); nullptr when unknown.
    InstalledPackage* findListedPackage(const std::string& packageName);
    /// Sets a package's field and re-answers; false when the package is unknown or the value is
    /// already that one.
    template <typename T>
    bool setPackageField(const std::string& packageName, T InstalledPackage::*field, T value);
    Result<bool> applyCoreEdit(Result<bool> changed);
    bool setRoleHolder(std::optional<std::string>& role, std::optional<std::string> packageName);
    void rebuildIndex();
    void markEdited();

    std::unique_ptr<Device> m_loaded;  ///< null until the first edit: then the device as loaded
    std::unique_ptr<Device> m_device;
    std::unique_ptr<PackageIndex> m_index;
    std::set<std::string> m_patchedSites;
    bool m_edited = false;
    mutable std::optional<HomeReport> m_stockReport;
    mutable std::optional<HomeReport> m_patchedReport;
};

}  // namespace hearth::gui

#include "device_session.h"

#include <hearth/app_links_edit.h>

#include <future>

namespace hearth::gui {

DeviceSession::DeviceSession(QObject* parent) : QObject(parent) {}

DeviceSession::~DeviceSession() = default;

FrameworkPatch DeviceSession::patchFor(Framework framework) const {
    if (framework == Framework::Stock) return FrameworkPatch{};
    return FrameworkPatch{m_patchedSites};
}

const HomeReport& DeviceSession::homeReport(Framework framework) const {
    std::optional<HomeReport>& cached =
        framework == Framework::Stock ? m_stockReport : m_patchedReport;
    // Over the session's index: an edit rebuilds it once, not once more per column.
    if (!cached) cached = analyzeHome(*m_device, *m_index, patchFor(framework), kHomeDetail);
    return *cached;
}

HomeReport DeviceSession::fullHomeReport(Framework framework) const {
    return analyzeHome(*m_device, *m_index, patchFor(framework), HomeDetail::Full);
}

std::set<std::string> DeviceSession::initialPatchedSites(const Device& device) {
    return comparisonPatch(device, std::nullopt).homeFirstSites;
}

AnalyzedDevice DeviceSession::analyze(Device device) {
    AnalyzedDevice analyzed;
    analyzed.device = std::make_unique<Device>(std::move(device));
    analyzed.index = std::make_unique<PackageIndex>(*analyzed.device);
    const Device& loaded = *analyzed.device;
    const PackageIndex& index = *analyzed.index;
    // The columns are two reads of one device and one index (compareHome's pair): the patched
    // one on a second thread halves the wait for a large device.
    std::future<HomeReport> patched = std::async(std::launch::async, [&loaded, &index] {
        return analyzeHome(loaded, index, comparisonPatch(loaded, std::nullopt), kHomeDetail);
    });
    analyzed.stock = analyzeHome(loaded, index, FrameworkPatch{}, kHomeDetail);
    analyzed.patched = patched.get();
    return analyzed;
}

void DeviceSession::setDevice(Device device) {
    AnalyzedDevice analyzed;
    analyzed.device = std::make_unique<Device>(std::move(device));
    setDevice(std::move(analyzed));
}

void DeviceSession::setDevice(AnalyzedDevice analyzed) {
    // The index points into the device: drop it before the device it refers to.
    m_index.reset();
    m_loaded.reset();
    m_device = std::move(analyzed.device);
    m_edited = false;
    m_patchedSites = initialPatchedSites(*m_device);
    m_index = analyzed.index ? std::move(analyzed.index) : std::make_unique<PackageIndex>(*m_device);
    m_stockReport = std::move(analyzed.stock);
    m_patchedReport = std::move(analyzed.patched);
    emit deviceReplaced();
}

void DeviceSession::rebuildIndex() {
    m_stockReport.reset();
    m_patchedReport.reset();
    m_index.reset();
    m_index = std::make_unique<PackageIndex>(*m_device);
}

void DeviceSession::keepLoaded() {
    if (m_device && !m_loaded) m_loaded = std::make_unique<Device>(*m_device);
}

void DeviceSession::markEdited() {
    Q_ASSERT_X(m_loaded, "DeviceSession::markEdited", "an edit must keepLoaded() first");
    m_edited = true;
    rebuildIndex();
    emit deviceEdited();
}

InstalledPackage* DeviceSession::findListedPackage(const std::string& packageName) {
    if (!m_device) return nullptr;
    keepLoaded();
    // Device::findPackage skips removed packages; a removed one must be found to re-install it.
    for (InstalledPackage& package : m_device->packages) {
        if (package.packageName() == packageName) return &package;
    }
    return nullptr;
}

bool DeviceSession::setPackageRemoved(const std::string& packageName, bool removed) {
    InstalledPackage* package = findListedPackage(packageName);
    if (!package || package->removed == removed) return false;
    package->removed = removed;
    markEdited();
    return true;
}

template <typename T>
bool DeviceSession::setPackageField(const std::string& packageName, T InstalledPackage::*field,
                                    T value) {
    InstalledPackage* package = findListedPackage(packageName);
    if (!package || package->*field == value) return false;
    package->*field = std::move(value);
    markEdited();
    return true;
}

bool DeviceSession::setApplicationEnabled(const std::string& packageName, bool enabled) {
    return setPackageField(packageName, &InstalledPackage::enabled, enabled);
}

bool DeviceSession::setPackageSystem(const std::string& packageName, bool system) {
    return setPackageField(packageName, &InstalledPackage::system, system);
}

bool DeviceSession::setPackagePrivileged(const std::string& packageName, bool privileged) {
    return setPackageField(packageName, &InstalledPackage::privileged, privileged);
}

bool DeviceSession::setTargetSdk(const std::string& packageName, int targetSdk) {
    InstalledPackage* package = findListedPackage(packageName);
    if (!package || targetSdk < 1 || targetSdk > 99 ||
        package->manifest.effectiveTargetSdk() == targetSdk) {
        return false;
    }
    overrideTargetSdk(*package, targetSdk);
    markEdited();
    return true;
}

Result<bool> DeviceSession::applyCoreEdit(Result<bool> changed) {
    if (changed && *changed) markEdited();
    return changed;
}

Result<bool> DeviceSession::setDomainState(const std::string& packageName,
                                           const std::string& domain, int state) {
    if (!m_device) return makeError("no device is open");
    keepLoaded();
    return applyCoreEdit(hearth::setDomainState(*m_device, packageName, domain, state));
}

Result<bool> DeviceSession::setHostSelected(const std::string& packageName,
                                            const std::string& host, bool selected) {
    if (!m_device) return makeError("no device is open");
    keepLoaded();
    return applyCoreEdit(hearth::setHostSelected(*m_device, packageName, host, selected));
}

bool DeviceSession::setLinkHandlingAllowed(const std::string& packageName, bool allowed) {
    if (!m_device) return false;
    keepLoaded();
    // The core's edit: turned on, it applies W-30 as device.json's loader does.
    Result<bool> changed =
        applyCoreEdit(hearth::setLinkHandlingAllowed(*m_device, packageName, allowed));
    return changed && *changed;
}

bool DeviceSession::setLegacyLinkStatus(const std::string& packageName, LegacyLinkStatus status) {
    InstalledPackage* package = findListedPackage(packageName);
    if (!package || package->appLinks.legacyStatus == status) return false;
    package->appLinks.legacyStatus = status;
    markEdited();
    return true;
}

bool DeviceSession::setComponentEnabled(const std::string& packageName,
                                        const std::string& className, bool enabled) {
    InstalledPackage* package = findListedPackage(packageName);
    if (!package) return false;
    const Component* component = package->manifest.findComponent(className);
    if (!component) return false;
    const bool wasDisabled = package->disabledComponents.count(className) > 0;
    const bool wasEnabled = package->enabledComponents.count(className) > 0;
    // Like setComponentEnabledSetting: an explicit state replaces the other explicit state, and
    // ENABLED is only recorded when the manifest alone would leave the component disabled.
    if (enabled) {
        package->disabledComponents.erase(className);
        if (!component->enabled) package->enabledComponents.insert(className);
    } else {
        package->enabledComponents.erase(className);
        package->disabledComponents.insert(className);
    }
    const bool changed = wasDisabled != (package->disabledComponents.count(className) > 0) ||
                         wasEnabled != (package->enabledComponents.count(className) > 0);
    if (changed) markEdited();
    return changed;
}

bool DeviceSession::setPackageSuspended(const std::string& packageName, bool suspended) {
    return setPackageField(packageName, &InstalledPackage::suspended, suspended);
}

bool DeviceSession::setApiLevel(int apiLevel) {
    if (!m_device || apiLevel < 1 || apiLevel > 99 || m_device->apiLevel == apiLevel) return false;
    keepLoaded();
    m_device->apiLevel = apiLevel;
    // Chosen here, so it is declared: Save writes it and the minimum target SDK applies (S-1).
    m_device->apiLevelDeclared = true;
    markEdited();
    return true;
}

bool DeviceSession::setUserUnlocked(bool unlocked) {
    if (!m_device || m_device->userUnlocked == unlocked) return false;
    keepLoaded();
    m_device->userUnlocked = unlocked;
    markEdited();
    return true;
}

bool DeviceSession::removePreferredActivity(bool persistent, size_t index) {
    if (!m_device) return false;
    std::vector<PreferredActivity>& table =
        persistent ? m_device->persistentPreferred : m_device->preferred;
    if (index >= table.size()) return false;
    keepLoaded();
    table.erase(table.begin() + std::ptrdiff_t(index));
    markEdited();
    return true;
}

bool DeviceSession::clearPreferredActivities() {
    if (!m_device || (m_device->preferred.empty() && m_device->persistentPreferred.empty())) {
        return false;
    }
    keepLoaded();
    m_device->preferred.clear();
    m_device->persistentPreferred.clear();
    markEdited();
    return true;
}

bool DeviceSession::setUserSetupComplete(bool complete) {
    if (!m_device || m_device->userSetupComplete == complete) return false;
    keepLoaded();
    m_device->userSetupComplete = complete;
    markEdited();
    return true;
}

bool DeviceSession::setRoleHolder(std::optional<std::string>& role,
                                  std::optional<std::string> packageName) {
    if (role == packageName) return false;
    // "" is the browser role's explicit None (device.json "browser": null).
    if (packageName && !packageName->empty() && !findListedPackage(*packageName)) return false;
    keepLoaded();
    role = std::move(packageName);
    markEdited();
    return true;
}

bool DeviceSession::setHomeRoleHolder(std::optional<std::string> packageName) {
    return m_device && setRoleHolder(m_device->roles.home, std::move(packageName));
}

bool DeviceSession::setBrowserRoleHolder(std::optional<std::string> packageName) {
    return m_device && setRoleHolder(m_device->roles.browser, std::move(packageName));
}

void DeviceSession::applyEditedDevice(Device device) {
    keepLoaded();
    m_index.reset();
    *m_device = std::move(device);
    markEdited();
}

void DeviceSession::revertEdits() {
    if (!m_loaded) return;
    m_index.reset();
    *m_device = std::move(*m_loaded);
    m_loaded.reset();
    m_edited = false;
    rebuildIndex();
    emit deviceEdited();
}

Device DeviceSession::deviceToSave() const {
    Device device = *m_device;
    if (m_patchedSites != initialPatchedSites(loadedDevice())) {
        device.patch = patchFor(Framework::Patched);
    }
    return device;
}

void DeviceSession::setSitePatched(const std::string& site, bool patched) {
    std::set<std::string> sites = m_patchedSites;
    if (patched) {
        sites.insert(site);
    } else {
        sites.erase(site);
    }
    setPatchedSites(std::move(sites));
}

void DeviceSession::setPatchedSites(std::set<std::string> sites) {
    if (sites == m_patchedSites) return;
    m_patchedSites = std::move(sites);
    m_patchedReport.reset();
    emit deviceEdited();
}

}  // namespace hearth::gui

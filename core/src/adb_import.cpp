// `hearth import adb`: from capture files to a device.json (device-formats §3.3 and §4). The dump
// gives state and the device's own (clamped) filter priorities, pm list the partitions, the
// preferred section or preferred-xml --full the recorded choices; what none of them says is
// reported in `lacking`, never guessed.

#include <hearth/adb_capture.h>
#include <hearth/adb_import.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "capture_text.h"
#include "device_internal.h"
#include "text.h"

namespace hearth {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::ordered_json;
using detail::startsWith;

constexpr const char* kMain = "android.intent.action.MAIN";
constexpr const char* kHome = "android.intent.category.HOME";
constexpr const char* kDefault = "android.intent.category.DEFAULT";

using text::hex;

// device-formats §1.1 applied to a device path (pm list -f): system, privileged, overlay.
struct Partition {
    bool system = false;
    bool privileged = false;
    bool overlay = false;
};

Partition partitionOf(std::string_view path) {
    Partition partition;
    for (std::string_view root : {"/system/", "/product/", "/system_ext/", "/vendor/", "/odm/",
                                  "/oem/", "/apex/"}) {
        if (!startsWith(path, root)) continue;
        std::string_view rest = path.substr(root.size());
        if (root == "/system/" && startsWith(rest, "system_ext/")) rest = rest.substr(11);
        if (root == "/system/" && startsWith(rest, "product/")) rest = rest.substr(8);
        partition.system = true;
        partition.privileged = startsWith(rest, "priv-app/") || startsWith(rest, "framework/");
        partition.overlay = startsWith(rest, "overlay/");
        return partition;
    }
    return partition;
}

Json patternList(const std::vector<PatternMatcher>& patterns) {
    Json out = Json::array();
    for (const PatternMatcher& pattern : patterns) {
        out.push_back({{"kind", patternKindName(pattern.kind())}, {"value", pattern.pattern()}});
    }
    return out;
}

// A filter in `hearth dump --json`'s shape (what device.json's inline components read).
Json filterJson(const IntentFilter& filter) {
    Json authorities = Json::array();
    for (const FilterAuthority& authority : filter.authorities) {
        authorities.push_back(
            {{"host", authority.host},
             {"port", authority.port ? Json(*authority.port) : Json(nullptr)}});
    }
    Json out = {{"priority", filter.priority}, {"order", filter.order},
                {"autoVerify", filter.autoVerify}, {"actions", filter.actions},
                {"categories", filter.categories}};
    out["data"] = {{"schemes", filter.schemes},     {"authorities", std::move(authorities)},
                   {"paths", patternList(filter.paths)}, {"ssps", patternList(filter.ssps)},
                   {"types", filter.types},         {"mimeGroups", filter.mimeGroups}};
    return out;
}

struct ComponentFacts {
    ComponentKind kind = ComponentKind::Activity;
    std::vector<IntentFilter> filters;
    std::optional<bool> enabled;
    std::optional<bool> exported;
    std::optional<bool> directBootAware;
};

struct PackageFacts {
    std::string name;
    const DumpsysPackage* dump = nullptr;
    std::string path;  // pm list -f
    bool listedSystem = false;
    bool listedDisabled = false;
    std::map<std::string, ComponentFacts> components;  // by full class name
    std::vector<std::string> componentOrder;
};

class Importer {
  public:
    Importer(const AdbCaptureFiles& files, const AdbImportOptions& options)
        : m_files(files), m_options(options) {}

    Result<AdbImport> run() {
        if (auto r = readDumps(); !r) return r.error();
        if (auto r = readLists(); !r) return r.error();
        if (m_dumps.empty() && m_pmList.empty()) {
            return makeError("nothing to import: give a 'dumpsys package' output (--dumpsys) or "
                             "a 'pm list packages -f' output (--pm-list)");
        }
        collectPackages();
        collectFilters();
        if (auto r = readHomeActivities(); !r) return r.error();
        Json device = Json::object();
        if (auto r = writeHeader(device); !r) return r.error();
        // Referenced, not copied (as import image does): device.json's "state" is read on load.
        if (!m_options.stateDir.empty()) {
            device["state"] = detail::deviceJsonPath(m_options.stateDir.string(), m_options.outDir);
        }
        Json packages = Json::array();
        for (const std::string& name : m_order) packages.push_back(packageJson(m_packages[name]));
        device["packages"] = std::move(packages);
        if (auto r = writePreferred(device); !r) return r.error();
        for (const std::string& failure : m_files.failed) m_result.lacking.push_back(failure);
        m_result.lacking.push_back(
            "no persistent preferred activities: adb without root cannot read them");
        m_result.deviceJson = device.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
        return std::move(m_result);
    }

  private:
    Result<void> readDumps() {
        for (const fs::path& path : m_files.dumpsys) {
            Result<DumpsysCapture> capture = readDumpsysPackage(path);
            if (!capture) return capture.error();
            if (capture->hasResolverTables && !capture->hasFilterDetails) {
                m_result.lacking.push_back(
                    path.string() + ": dumpsys without -f: no filter details (" +
                    std::to_string(capture->components.size()) +
                    " components named without their intent filters)");
            }
            m_dumps.push_back(std::move(capture).value());
        }
        return ok();
    }

    Result<void> readLists() {
        auto list = [&](const std::optional<fs::path>& path,
                        std::vector<PmListEntry>& out) -> Result<void> {
            if (!path) return ok();
            Result<std::string> text = readCaptureFile(*path, "'pm list packages' output");
            if (!text) return text.error();
            Result<std::vector<PmListEntry>> entries = parsePmList(*text, path->string());
            if (!entries) return entries.error();
            out = std::move(entries).value();
            return ok();
        };
        if (auto r = list(m_files.pmList, m_pmList); !r) return r;
        if (auto r = list(m_files.systemPackages, m_systemList); !r) return r;
        if (auto r = list(m_files.disabledPackages, m_disabledList); !r) return r;
        if (m_files.getprop) {
            Result<std::string> text = readCaptureFile(*m_files.getprop, "'getprop' output");
            if (!text) return text.error();
            auto properties = parseGetprop(*text, m_files.getprop->string());
            if (!properties) return properties.error();
            m_properties = std::move(properties).value();
        }
        return ok();
    }

    PackageFacts& facts(const std::string& name) {
        auto [it, inserted] = m_packages.try_emplace(name);
        if (inserted) {
            it->second.name = name;
            m_order.push_back(name);
        }
        return it->second;
    }

    void collectPackages() {
        for (const DumpsysCapture& dump : m_dumps) {
            for (const DumpsysPackage& package : dump.packages) {
                PackageFacts& f = facts(package.name);
                if (!f.dump) f.dump = &package;
            }
            for (const DumpsysPackage& hidden : dump.hiddenSystemPackages) {
                m_hiddenSystem.insert(hidden.name);
            }
        }
        size_t overlays = 0;
        for (const PmListEntry& entry : m_pmList) {
            if (partitionOf(entry.path).overlay && m_packages.count(entry.name) == 0) {
                ++overlays;  // runtime resource overlays: no components
                continue;
            }
            facts(entry.name).path = entry.path;
        }
        if (overlays > 0) {
            m_result.summary.push_back(std::to_string(overlays) +
                                       " resource overlays of 'pm list packages -f' skipped");
        }
        for (const PmListEntry& entry : m_systemList) {
            if (auto it = m_packages.find(entry.name); it != m_packages.end()) {
                it->second.listedSystem = true;
            }
        }
        for (const PmListEntry& entry : m_disabledList) {
            if (auto it = m_packages.find(entry.name); it != m_packages.end()) {
                it->second.listedDisabled = true;
            }
        }
    }

    ComponentFacts& component(PackageFacts& package, const ComponentName& name,
                              ComponentKind kind) {
        auto [it, inserted] = package.components.try_emplace(name.className);
        if (inserted) {
            it->second.kind = kind;
            package.componentOrder.push_back(name.className);
        }
        return it->second;
    }

    void collectFilters() {
        for (const DumpsysCapture& dump : m_dumps) {
            for (const DumpsysFilter& filter : dump.filters) {
                PackageFacts& package = facts(filter.component.packageName);
                ComponentFacts& facts = component(package, filter.component, filter.kind);
                const bool known = std::any_of(facts.filters.begin(), facts.filters.end(),
                                               [&](const IntentFilter& f) { return f == filter.filter; });
                if (!known) {
                    facts.filters.push_back(filter.filter);
                    ++m_filterCount;
                }
            }
            for (const DumpsysComponent& named : dump.components) {
                PackageFacts& package = facts(named.component.packageName);
                component(package, named.component, named.kind);
            }
        }
    }

    // `cmd package query-activities -a MAIN -c HOME`: the device's HOME candidates with their
    // clamped priorities and the attributes a dump lacks (enabled, exported, directBootAware).
    Result<void> readHomeActivities() {
        if (!m_files.homeActivities) return ok();
        const std::string source = m_files.homeActivities->string();
        Result<std::string> text =
            readCaptureFile(*m_files.homeActivities, "'cmd package query-activities' output");
        if (!text) return text.error();
        Result<std::vector<QueriedActivity>> activities = parseQueryActivities(*text, source);
        if (!activities) return activities.error();
        size_t added = 0;
        for (const QueriedActivity& activity : *activities) {
            PackageFacts& package = facts(activity.component.packageName);
            ComponentFacts& facts = component(package, activity.component, ComponentKind::Activity);
            if (activity.enabled) facts.enabled = activity.enabled;
            if (activity.exported) facts.exported = activity.exported;
            if (activity.directBootAware) facts.directBootAware = activity.directBootAware;
            const auto home = std::find_if(
                facts.filters.begin(), facts.filters.end(), [](const IntentFilter& filter) {
                    return filter.hasAction(kMain) && filter.hasCategory(kHome);
                });
            if (home != facts.filters.end()) {
                if (home->priority != activity.priority) {
                    m_result.lacking.push_back(
                        source + ": " + activity.component.flattenToShortString() +
                        " is listed at priority " + std::to_string(activity.priority) +
                        " but its dumped HOME filter says " + std::to_string(home->priority) +
                        " (the dump's filter is kept)");
                }
                continue;
            }
            IntentFilter filter;
            filter.actions = {kMain};
            filter.categories = {kHome};
            if (activity.isDefault) filter.categories.push_back(kDefault);
            filter.priority = activity.priority;
            facts.filters.push_back(std::move(filter));
            ++added;
        }
        if (added > 0) {
            m_result.summary.push_back(std::to_string(added) +
                                       " HOME filters from query-activities (" + source +
                                       "): MAIN + HOME (+ DEFAULT when isDefault), at the "
                                       "priority the device listed");
        }
        return ok();
    }

    Result<void> writeHeader(Json& device) {
        auto property = [&](const char* key) -> std::string {
            auto it = m_properties.find(key);
            return it == m_properties.end() ? std::string() : it->second;
        };
        std::string name = m_options.name;
        if (name.empty()) name = property("ro.product.device");
        if (name.empty()) name = property("ro.product.model");
        if (name.empty()) name = "adb-capture";
        std::string fingerprint = property("ro.build.fingerprint");
        for (const DumpsysCapture& dump : m_dumps) {
            if (fingerprint.empty()) fingerprint = dump.fingerprint;
        }
        device["name"] = name;
        device["description"] =
            "imported by 'hearth import adb'" + (fingerprint.empty() ? "" : ": " + fingerprint);

        std::optional<int> api;
        std::string apiFrom;
        const std::string sdk = property("ro.build.version.sdk");
        if (auto value = detail::parseDecimal(sdk); value && *value >= 1 && *value <= 100) {
            api = static_cast<int>(*value);
            apiFrom = "ro.build.version.sdk of getprop";
        }
        for (const DumpsysCapture& dump : m_dumps) {
            if (!dump.sdkVersion || *dump.sdkVersion < 1 || *dump.sdkVersion > 100) continue;
            if (!api) {
                api = dump.sdkVersion;
                apiFrom = "'Database versions' of " + dump.source;
            } else if (*api != *dump.sdkVersion) {
                m_result.lacking.push_back(dump.source + " says sdkVersion=" +
                                           std::to_string(*dump.sdkVersion) + ", getprop " +
                                           std::to_string(*api) + " (getprop is kept)");
            }
        }
        if (api) {
            device["api"] = *api;
            m_result.summary.push_back("API " + std::to_string(*api) + " from " + apiFrom);
            const std::string release = property("ro.build.version.release");
            if (!release.empty()) {
                m_result.summary.push_back("ro.build.version.release=" + release +
                                           " is shown, never trusted: the API level decides");
            }
        } else {
            m_result.lacking.push_back(
                "no API level (no getprop, no 'Database versions'): device.json's default "
                "(34) applies; add \"api\" by hand");
        }
        if (m_files.userSetupComplete) {
            Result<std::string> text = readCaptureFile(*m_files.userSetupComplete,
                                                       "'settings get' output");
            if (!text) return text.error();
            const std::string_view value = text::trim(*text);
            if (value == "1" || value == "0") {
                device["userSetupComplete"] = value == "1";
            } else {
                m_result.lacking.push_back(m_files.userSetupComplete->string() +
                                           ": user_setup_complete is '" + std::string(value) +
                                           "', neither 0 nor 1: not imported");
            }
        }
        if (auto r = writeRoles(device); !r) return r;
        return readAppLinks();
    }

    Result<void> writeRoles(Json& device) {
        if (!m_files.roleHolders) {
            m_result.lacking.push_back("no role holders (capture without role-holders.txt)");
            return ok();
        }
        Result<std::string> text = readCaptureFile(*m_files.roleHolders, "role holders");
        if (!text) return text.error();
        Result<RoleHolders> roles = parseRoleHolders(*text, m_files.roleHolders->string());
        if (!roles) return roles.error();
        Json out = Json::object();
        const DeviceRoles held = detail::deviceRolesOf(roles->holders);
        if (held.home) out["home"] = *held.home;
        if (held.browser) {
            // The capture shows the role with no holder: the user's "None".
            out["browser"] = held.browser->empty() ? Json(nullptr) : Json(*held.browser);
        }
        if (roles->unavailable) {
            m_result.lacking.push_back("no role service on this device (API < 29): no role "
                                       "holders");
        }
        if (!out.empty()) device["roles"] = std::move(out);
        return ok();
    }

    Result<void> readAppLinks() {
        for (const DumpsysCapture& dump : m_dumps) {
            for (const DomainVerification& state : dump.domainVerification) {
                m_domains.push_back(state);
            }
        }
        if (!m_files.appLinks) return ok();
        Result<std::string> text = readCaptureFile(*m_files.appLinks, "'pm get-app-links' output");
        if (!text) return text.error();
        Result<std::vector<DomainVerification>> states =
            parseAppLinks(*text, m_files.appLinks->string());
        if (!states) return states.error();
        // The separate command is newer than (or as new as) the dump: it wins.
        for (DomainVerification& state : *states) m_domains.push_back(std::move(state));
        return ok();
    }

    std::optional<Json> appLinksJson(const std::string& packageName) const {
        Json out = Json::object();
        for (const DomainVerification& state : m_domains) {
            if (state.packageName != packageName) continue;
            Json domains = Json::object();
            for (const auto& [host, value] : state.domains) {
                if (auto code = detail::parseDecimal(value)) {
                    domains[host] = *code;
                } else {
                    domains[host] = value;
                }
            }
            if (!domains.empty()) out["domains"] = std::move(domains);
            for (const DomainVerification::User& user : state.users) {
                if (user.user != m_options.user) continue;
                if (user.linkHandlingAllowed) out["linkHandlingAllowed"] = *user.linkHandlingAllowed;
                if (!user.enabledHosts.empty()) out["selectedHosts"] = user.enabledHosts;
            }
        }
        // Android 6-11: the user's status when defined, else the package's verification status.
        const LegacyLinkState* chosen = nullptr;
        for (const DumpsysCapture& dump : m_dumps) {
            for (const LegacyLinkState& state : dump.legacyLinks) {
                if (state.packageName != packageName) continue;
                if (state.user && *state.user == m_options.user && state.status != "undefined") {
                    chosen = &state;
                } else if (!state.user && !chosen) {
                    chosen = &state;
                }
            }
        }
        if (chosen) {
            out["legacyStatus"] = chosen->status;
            if (chosen->user && chosen->generation) out["legacyGeneration"] = *chosen->generation;
        }
        if (out.empty()) return std::nullopt;
        return out;
    }

    Json componentJson(const std::string& className, const ComponentFacts& facts) const {
        Json out = {{"kind", componentKindName(facts.kind)}, {"name", className}};
        if (facts.enabled) out["enabled"] = *facts.enabled;
        if (facts.exported) out["exported"] = *facts.exported;
        if (facts.directBootAware) out["directBootAware"] = *facts.directBootAware;
        Json filters = Json::array();
        for (const IntentFilter& filter : facts.filters) filters.push_back(filterJson(filter));
        out["filters"] = std::move(filters);
        return out;
    }

    Json packageJson(const PackageFacts& package) {
        Json out = {{"package", package.name}};
        const DumpsysPackage* dump = package.dump;
        const Partition partition = partitionOf(dump ? dump->codePath : package.path);
        const bool system = dump ? dump->system : (partition.system || package.listedSystem);
        const bool updated = dump ? dump->updatedSystemApp || m_hiddenSystem.count(package.name) > 0
                                  : package.listedSystem && !partition.system;
        const bool privileged = dump ? dump->privileged : partition.privileged;
        out["system"] = system || updated;
        if (privileged) out["privileged"] = true;
        if (updated) out["updatedSystemApp"] = true;
        ++(privileged ? m_privileged : system || updated ? m_system : m_user);

        std::optional<fs::path> apk;
        if (m_files.apks) {
            const fs::path candidate = *m_files.apks / (package.name + ".apk");
            std::error_code ec;
            if (fs::is_regular_file(candidate, ec)) apk = candidate;
        }
        if (apk) {
            out["manifest"] = m_options.outDir.empty()
                                  ? apk->string()
                                  : apk->lexically_proximate(m_options.outDir).generic_string();
            ++m_fromApk;
        } else {
            // "minSdk=0" (the framework package) means unset.
            if (dump && dump->minSdk.value_or(0) >= 1) out["minSdk"] = *dump->minSdk;
            if (dump && dump->targetSdk.value_or(0) >= 1) out["targetSdk"] = *dump->targetSdk;
            out["prioritiesClamped"] = true;
            Json components = Json::array();
            for (const std::string& className : package.componentOrder) {
                components.push_back(componentJson(className, package.components.at(className)));
            }
            out["components"] = std::move(components);
        }
        writeState(package, out);
        writeCallerKeys(package, out);
        if (std::optional<Json> links = appLinksJson(package.name)) out["appLinks"] = *links;
        return out;
    }

    void writeState(const PackageFacts& package, Json& out) {
        const DumpsysUserState* state = package.dump ? package.dump->user(m_options.user) : nullptr;
        if (!state) {
            if (package.listedDisabled) out["enabled"] = false;
            return;
        }
        // COMPONENT_ENABLED_STATE_DISABLED (2), _USER (3) and _UNTIL_USED (4) all hide the app
        // from resolution.
        if (state->enabled >= 2 && state->enabled <= 4) out["enabled"] = false;
        if (state->stopped) out["stopped"] = true;
        if (state->suspended) out["suspended"] = true;
        if (!state->installed || state->hidden) {
            out["removed"] = true;
            if (state->hidden) {
                m_result.lacking.push_back(package.name + " is hidden for user " +
                                           std::to_string(m_options.user) +
                                           ": imported as removed");
            }
        }
        if (!state->disabledComponents.empty()) out["disabledComponents"] = state->disabledComponents;
        if (!state->enabledComponents.empty()) out["enabledComponents"] = state->enabledComponents;
    }

    // The keys of the caller rules the dump states: appId (V-1, V-3, S-6 same app) and installer
    // (V-8); suspended, per user, is in writeState.
    void writeCallerKeys(const PackageFacts& package, Json& out) {
        if (!package.dump) return;
        if (const std::optional<int>& appId = package.dump->appId) {
            if (*appId >= 0 && *appId <= detail::kMaxAppId) {
                out["appId"] = *appId;
            } else {
                m_result.lacking.push_back(package.dump->where.prefix() + package.name +
                                           ": app id " + std::to_string(*appId) +
                                           " is not one of an application (0.." +
                                           std::to_string(detail::kMaxAppId) + "): not imported");
            }
        }
        if (package.dump->installer) out["installer"] = *package.dump->installer;
    }

    // One preferred entry in device.json's shape; nullopt (and a note) when it cannot be one.
    std::optional<Json> preferredJson(const CapturedPreferred& entry, const std::string& source) {
        const std::string who = source + ": preferred " + entry.component.flattenToShortString();
        const IntentFilter& filter = entry.filter;
        if (filter.actions.size() != 1 || filter.schemes.size() > 1 ||
            filter.authorities.size() > 1 || filter.paths.size() > 1 || filter.types.size() > 1 ||
            !filter.ssps.empty()) {
            m_result.lacking.push_back(who + ": a filter with more than one action, scheme, "
                                             "host, path or type cannot be written to device.json: "
                                             "left out");
            return std::nullopt;
        }
        if (!entry.match || !entry.always || (*entry.always && entry.set.empty())) {
            m_result.lacking.push_back(who + ": no match, always or set (preferred-xml without "
                                             "--full): left out");
            return std::nullopt;
        }
        Json out = {{"component", entry.component.flattenToShortString()},
                    {"action", filter.actions.front()},
                    {"categories", filter.categories}};
        if (!filter.types.empty()) out["type"] = filter.types.front();
        if (!filter.schemes.empty()) out["scheme"] = filter.schemes.front();
        if (!filter.authorities.empty()) {
            out["host"] = filter.authorities.front().host;
            if (filter.authorities.front().port) out["port"] = *filter.authorities.front().port;
        }
        if (!filter.paths.empty()) {
            const PatternMatcher& path = filter.paths.front();
            const char* key = path.kind() == PatternKind::Literal  ? "path"
                              : path.kind() == PatternKind::Prefix ? "pathPrefix"
                              : path.kind() == PatternKind::SimpleGlob ? "pathPattern"
                                                                       : nullptr;
            if (!key) {
                m_result.lacking.push_back(who + ": a '" + patternKindName(path.kind()) +
                                           "' path cannot be written to device.json: left out");
                return std::nullopt;
            }
            out[key] = path.pattern();
        }
        Json set = Json::array();
        for (const ComponentName& member : entry.set) set.push_back(member.flattenToShortString());
        out["set"] = std::move(set);
        out["match"] = hex(*entry.match);
        out["always"] = *entry.always;
        return out;
    }

    Result<void> writePreferred(Json& device) {
        std::vector<std::pair<CapturedPreferred, std::string>> entries;
        bool fromDump = false;
        for (const DumpsysCapture& dump : m_dumps) {
            if (!dump.hasPreferredSection || fromDump) continue;
            fromDump = true;
            for (const CapturedPreferred& entry : dump.preferred) {
                if (entry.user == m_options.user) entries.emplace_back(entry, dump.source);
            }
        }
        if (m_files.preferredXml) {
            const std::string source = m_files.preferredXml->string();
            Result<std::string> text =
                readCaptureFile(*m_files.preferredXml, "'dumpsys package preferred-xml' output");
            if (!text) return text.error();
            Result<std::vector<CapturedPreferred>> xml = parsePreferredXml(*text, source);
            if (!xml) return xml.error();
            const bool full = std::any_of(xml->begin(), xml->end(),
                                          [](const CapturedPreferred& e) { return e.match.has_value(); });
            if (full || !fromDump) {
                entries.clear();
                for (CapturedPreferred& entry : *xml) entries.emplace_back(std::move(entry), source);
            } else {
                // Without --full the XML names only the choices: check them against the dump's.
                std::set<std::string> dumped;
                for (const auto& [entry, from] : entries) {
                    dumped.insert(entry.component.flattenToShortString());
                }
                for (const CapturedPreferred& entry : *xml) {
                    if (dumped.count(entry.component.flattenToShortString()) == 0) {
                        m_result.lacking.push_back(
                            source + ": preferred " + entry.component.flattenToShortString() +
                            " is not in the dump's preferred activities (captured at another "
                            "time?): the dump's entries are kept");
                    }
                }
            }
        }
        Json preferred = Json::array();
        for (const auto& [entry, source] : entries) {
            if (std::optional<Json> json = preferredJson(entry, source)) preferred.push_back(*json);
        }
        m_result.summary.push_back(std::to_string(preferred.size()) + " preferred activities");
        if (!preferred.empty()) device["preferred"] = std::move(preferred);
        m_result.summary.insert(
            m_result.summary.begin(),
            std::to_string(m_order.size()) + " packages (" + std::to_string(m_privileged) +
                " privileged, " + std::to_string(m_system) + " other system, " +
                std::to_string(m_user) + " user apps; " + std::to_string(m_fromApk) +
                " from APKs), " + std::to_string(m_filterCount) + " intent filters from dumpsys");
        return ok();
    }

    const AdbCaptureFiles& m_files;
    const AdbImportOptions& m_options;
    AdbImport m_result;
    std::vector<DumpsysCapture> m_dumps;
    std::vector<PmListEntry> m_pmList;
    std::vector<PmListEntry> m_systemList;
    std::vector<PmListEntry> m_disabledList;
    std::map<std::string, std::string> m_properties;
    std::map<std::string, PackageFacts> m_packages;
    std::vector<std::string> m_order;
    std::set<std::string> m_hiddenSystem;
    std::vector<DomainVerification> m_domains;
    size_t m_filterCount = 0;
    size_t m_privileged = 0;
    size_t m_system = 0;
    size_t m_user = 0;
    size_t m_fromApk = 0;
};

}  // namespace

Result<AdbImport> importAdbCapture(const AdbCaptureFiles& files, const AdbImportOptions& options) {
    try {
        return Importer(files, options).run();
    } catch (const std::exception& e) {
        return makeError(std::string("cannot import the capture: ") + e.what());
    }
}

}  // namespace hearth

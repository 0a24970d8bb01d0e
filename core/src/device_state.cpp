// /data/system state (device-formats 2.2-2.5): packages.xml and package-restrictions.xml, text or
// ABX, mapped onto the Device model. OEM attributes and unknown tags are skipped, not refused:
// the files are written by the device, not by the user.

#include <hearth/abx.h>
#include <hearth/device_state.h>
#include <hearth/limits.h>

#include <pugixml.hpp>

#include <charconv>
#include <map>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include "device_internal.h"
#include "intent_filter_xml.h"
#include "line_index.h"

namespace hearth {

namespace fs = std::filesystem;

namespace {

// One file's text and how to locate a node in it (ABX has no lines: the converted text's lines
// would point nowhere, so ABX positions name the file only).
class StateDocument {
  public:
    static Result<StateDocument> load(std::string_view bytes, const std::string& sourceName,
                                      const char* rootName) {
        StateDocument doc;
        doc.m_source = sourceName;
        if (bytes.size() > limits::kMaxStateXmlBytes) {
            return makeError(SourceLocation{sourceName, 0, 0},
                             std::to_string(bytes.size()) + " bytes is more than the limit of " +
                                 std::to_string(limits::kMaxStateXmlBytes));
        }
        if (isAbx(bytes)) {
            Result<std::string> text = abxToXml(bytes, sourceName);
            if (!text) return text.error();
            doc.m_text = std::move(text).value();
            doc.m_abx = true;
        } else {
            doc.m_text = std::string(bytes);
        }
        doc.m_index = std::make_unique<LineIndex>(doc.m_text);
        const pugi::xml_parse_result parsed =
            doc.m_xml.load_buffer(doc.m_text.data(), doc.m_text.size(), pugi::parse_default,
                                  pugi::encoding_utf8);
        if (!parsed) {
            return makeError(doc.at(static_cast<size_t>(parsed.offset)),
                             "not well-formed XML: " + text::lowerFirst(parsed.description()));
        }
        doc.m_root = doc.m_xml.document_element();
        if (std::string_view(doc.m_root.name()) != rootName) {
            return makeError(doc.where(doc.m_root), std::string("expected a <") + rootName +
                                                        "> document, got <" + doc.m_root.name() +
                                                        ">");
        }
        return doc;
    }

    // pugixml's offset is the element's name; users expect the '<' before it.
    SourceLocation where(const pugi::xml_node& node) const {
        size_t offset = static_cast<size_t>(node.offset_debug());
        if (offset > 0 && offset <= m_text.size() && m_text[offset - 1] == '<') --offset;
        return at(offset);
    }
    SourceLocation at(size_t offset) const {
        if (m_abx) return SourceLocation{m_source, 0, 0};
        return m_index->locate(offset, m_source);
    }
    pugi::xml_node root() const { return m_root; }
    std::string label() const { return m_source + (m_abx ? " (ABX)" : ""); }

  private:
    SourcePath m_source;
    std::string m_text;
    bool m_abx = false;
    std::unique_ptr<LineIndex> m_index;
    pugi::xml_document m_xml;
    pugi::xml_node m_root;
};

std::optional<long long> integer(const pugi::xml_node& node, const char* name, int base = 10) {
    const pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute) return std::nullopt;
    std::string_view text = attribute.value();
    if (base == 16 && (text.rfind("0x", 0) == 0 || text.rfind("0X", 0) == 0)) text.remove_prefix(2);
    long long value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

std::optional<bool> boolean(const pugi::xml_node& node, const char* name) {
    const pugi::xml_attribute attribute = node.attribute(name);
    if (!attribute) return std::nullopt;
    return std::string_view(attribute.value()) == "true";
}

// The state's entry of each package by name, made once per file read: a linear search per
// <package> made a packages.xml of N packages cost N^2 (20,000 packages, the most a device holds,
// took seconds; a hostile file within the 256 MiB cap would never finish).
class PackageEntries {
  public:
    explicit PackageEntries(DeviceState& state) : m_state(state) {
        for (size_t i = 0; i < state.packages.size(); ++i) {
            m_positions.emplace(state.packages[i].name, i);
        }
    }

    PackageStateEntry& entryFor(const std::string& name) {
        const auto [it, added] = m_positions.emplace(name, m_state.packages.size());
        if (added) {
            m_state.packages.push_back(PackageStateEntry{});
            m_state.packages.back().name = name;
        }
        return m_state.packages[it->second];
    }

  private:
    DeviceState& m_state;
    std::unordered_map<std::string, size_t> m_positions;
};

void readComponentLists(const pugi::xml_node& node, PackageStateEntry& entry) {
    for (const pugi::xml_node& item : node.child("disabled-components").children("item")) {
        entry.disabledComponents.insert(item.attribute("name").value());
    }
    for (const pugi::xml_node& item : node.child("enabled-components").children("item")) {
        entry.enabledComponents.insert(item.attribute("name").value());
    }
}

bool isPrivilegedPath(std::string_view codePath) {
    return codePath.find("/priv-app/") != std::string_view::npos ||
           codePath.rfind("/system/framework/", 0) == 0;
}

bool isSystemPath(std::string_view codePath) {
    for (const char* prefix : {"/system/", "/vendor/", "/odm/", "/oem/", "/product/",
                               "/system_ext/", "/product_services/", "/apex/"}) {
        if (codePath.rfind(prefix, 0) == 0) return true;
    }
    return false;
}

// IntentFilter.readFromXml (readFilterXml) for what a preferred filter holds; what it leaves out
// is a warning.
std::optional<IntentFilter> readFilter(const pugi::xml_node& filterNode, const StateDocument& doc,
                                       std::vector<Diagnostic>& diagnostics) {
    auto warn = [&](const pugi::xml_node& node, const std::string& message) {
        diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, doc.where(node), message});
    };
    IntentFilter filter = detail::readFilterXml(
        filterNode, [&](const pugi::xml_node& node) { return doc.where(node); },
        [&](const pugi::xml_node& node, const std::string& why) { warn(node, why + ": ignored"); });
    if (filter.actions.empty()) {
        warn(filterNode, "a preferred filter without an action never matches: entry skipped");
        return std::nullopt;
    }
    return filter;
}

// <item name match always set><set name/>...<filter/></item> (PreferredComponent + filter).
void readPreferredList(const pugi::xml_node& list, const StateDocument& doc, bool recorded,
                       std::vector<PreferredActivity>& into, std::vector<Diagnostic>& diagnostics) {
    for (const pugi::xml_node& item : list.children("item")) {
        auto skip = [&](const std::string& why) {
            diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, doc.where(item),
                                             "preferred entry skipped: " + why});
        };
        const std::optional<ComponentName> component =
            ComponentName::unflatten(item.attribute("name").value());
        if (!component) {
            skip("'name' must be a component 'pkg/.Cls', got '" +
                 std::string(item.attribute("name").value()) + "'");
            continue;
        }
        PreferredActivity entry;
        entry.component = *component;
        entry.where = doc.where(item);
        if (recorded) {
            // match is hex without 0x (Integer.parseInt(s, 16)); a missing one means 0.
            if (item.attribute("match")) {
                const std::optional<long long> match = integer(item, "match", 16);
                if (!match) {
                    skip("'match' must be hex, got '" + std::string(item.attribute("match").value()) + "'");
                    continue;
                }
                entry.match = static_cast<int>(*match) & match::kCategoryMask;
            }
            entry.always = boolean(item, "always").value_or(true);
            for (const pugi::xml_node& member : item.children("set")) {
                const std::optional<ComponentName> c =
                    ComponentName::unflatten(member.attribute("name").value());
                if (c) entry.set.push_back(*c);
            }
            const std::optional<long long> count = integer(item, "set");
            if (count && *count != static_cast<long long>(entry.set.size())) {
                // PreferredComponent refuses the entry ("Set count mismatch").
                skip("'set' says " + std::to_string(*count) + " but " +
                     std::to_string(entry.set.size()) + " <set> children follow");
                continue;
            }
        }
        const pugi::xml_node filterNode = item.child("filter");
        if (!filterNode) {
            skip("no <filter>");
            continue;
        }
        std::optional<IntentFilter> filter = readFilter(filterNode, doc, diagnostics);
        if (!filter) continue;
        entry.filter = std::move(*filter);
        into.push_back(std::move(entry));
    }
}

void readDomainVerifications(const pugi::xml_node& node, DeviceState& state) {
    for (const pugi::xml_node& package : node.child("active").children("package-state")) {
        DomainVerificationEntry entry;
        entry.packageName = package.attribute("packageName").value();
        for (const pugi::xml_node& domain : package.child("state").children("domain")) {
            entry.hostStates[domain.attribute("name").value()] =
                static_cast<int>(integer(domain, "state").value_or(0));
        }
        for (const pugi::xml_node& user : package.child("user-states").children("user-state")) {
            if (integer(user, "userId").value_or(0) != 0) continue;
            entry.allowLinkHandling = boolean(user, "allowLinkHandling");
            for (const pugi::xml_node& host : user.child("enabled-hosts").children("host")) {
                entry.userEnabledHosts.insert(host.attribute("name").value());
            }
        }
        state.domainVerification.push_back(std::move(entry));
    }
}

}  // namespace

const PackageStateEntry* DeviceState::find(std::string_view packageName) const {
    for (const PackageStateEntry& entry : packages) {
        if (entry.name == packageName) return &entry;
    }
    return nullptr;
}

Result<DeviceState> parsePackagesXml(std::string_view bytes, const std::string& sourceName,
                                     DeviceState state) {
    Result<StateDocument> doc = StateDocument::load(bytes, sourceName, "packages");
    if (!doc) return doc.error();
    state.filesRead.push_back(doc->label());
    PackageEntries entries(state);
    std::vector<std::pair<std::string, std::string>> updated;  // name, original codePath
    for (const pugi::xml_node& node : doc->root().children()) {
        const std::string_view tag = node.name();
        if (tag == "version" && !node.attribute("volumeUuid")) {
            if (auto sdk = integer(node, "sdkVersion")) state.apiLevel = static_cast<int>(*sdk);
        } else if (tag == "last-platform-version") {
            if (auto sdk = integer(node, "internal")) state.apiLevel = static_cast<int>(*sdk);
        } else if (tag == "package") {
            PackageStateEntry& entry = entries.entryFor(node.attribute("name").value());
            entry.where = doc->where(node);
            entry.codePath = node.attribute("codePath").value();
            std::optional<long long> flags = integer(node, "publicFlags");
            if (!flags) flags = integer(node, "flags");
            if (flags) {
                entry.system = (*flags & 0x1) != 0;
                if ((*flags & 0x80) != 0) entry.updatedSystemApp = true;
            } else {
                entry.system = isSystemPath(entry.codePath);
            }
            if (auto privateFlags = integer(node, "privateFlags")) {
                entry.privileged = (*privateFlags & 0x8) != 0;
            } else if (*entry.system) {
                entry.privileged = isPrivilegedPath(entry.codePath);
            }
            readComponentLists(node, entry);  // <= 4.1 kept them here
        } else if (tag == "updated-package") {
            updated.emplace_back(node.attribute("name").value(), node.attribute("codePath").value());
        } else if (tag == "preferred-activities") {
            state.preferredRecorded = true;
            readPreferredList(node, *doc, true, state.preferred, state.diagnostics);
        } else if (tag == "domain-verifications") {
            readDomainVerifications(node, state);
        }
    }
    for (const auto& [name, codePath] : updated) {
        // The system image original of a package updated in /data/app: the package keeps the
        // original's system and privileged flags (device-formats 1.1, 2.2).
        PackageStateEntry& entry = entries.entryFor(name);
        entry.updatedSystemApp = true;
        entry.system = true;
        if (!entry.privileged || !*entry.privileged) entry.privileged = isPrivilegedPath(codePath + "/");
    }
    return state;
}

Result<DeviceState> parsePackageRestrictions(std::string_view bytes, const std::string& sourceName,
                                             DeviceState state) {
    Result<StateDocument> doc = StateDocument::load(bytes, sourceName, "package-restrictions");
    if (!doc) return doc.error();
    state.filesRead.push_back(doc->label());
    PackageEntries entries(state);
    for (const pugi::xml_node& node : doc->root().children()) {
        const std::string_view tag = node.name();
        if (tag == "pkg") {
            PackageStateEntry& entry = entries.entryFor(node.attribute("name").value());
            if (entry.where.file.empty()) entry.where = doc->where(node);
            entry.installed = boolean(node, "inst");
            entry.stopped = boolean(node, "stopped");
            entry.hidden = boolean(node, "hidden");
            if (auto enabled = integer(node, "enabled")) entry.enabledState = static_cast<int>(*enabled);
            if (auto status = integer(node, "domainVerificationStatus")) {
                entry.domainVerificationStatus = static_cast<int>(*status);
            }
            readComponentLists(node, entry);
        } else if (tag == "preferred-activities") {
            state.preferred.clear();
            state.preferredRecorded = true;
            readPreferredList(node, *doc, true, state.preferred, state.diagnostics);
        } else if (tag == "persistent-preferred-activities") {
            state.persistentRecorded = true;
            readPreferredList(node, *doc, false, state.persistentPreferred, state.diagnostics);
        } else if (tag == "default-apps") {
            if (auto browser = node.child("default-browser")) {
                state.defaultBrowser = browser.attribute("packageName").value();
            }
            if (auto dialer = node.child("default-dialer")) {
                state.defaultDialer = dialer.attribute("packageName").value();
            }
        }
    }
    return state;
}

// RolesPersistence / RoleUserState: <roles version packagesHash><role name><holder name/>...
Result<DeviceState> parseRolesXml(std::string_view bytes, const std::string& sourceName,
                                  DeviceState state) {
    Result<StateDocument> doc = StateDocument::load(bytes, sourceName, "roles");
    if (!doc) return doc.error();
    state.filesRead.push_back(doc->label());
    for (const pugi::xml_node& node : doc->root().children("role")) {
        const std::string name = node.attribute("name").value();
        if (name.empty()) {
            state.diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, doc->where(node),
                                                   "<role> without a 'name': skipped"});
            continue;
        }
        std::vector<std::string>& holders = state.roleHolders[name];
        holders.clear();  // a repeated role: the last one read wins, as in RoleUserState
        state.roleLocations[name] = doc->where(node);
        for (const pugi::xml_node& holder : node.children("holder")) {
            const std::string package = holder.attribute("name").value();
            if (!package.empty()) holders.push_back(package);
        }
    }
    return state;
}

namespace detail {

DeviceRoles deviceRolesOf(const std::map<std::string, std::vector<std::string>>& holders) {
    DeviceRoles roles;
    if (auto it = holders.find("android.app.role.HOME");
        it != holders.end() && !it->second.empty()) {
        roles.home = it->second.front();
    }
    if (auto it = holders.find("android.app.role.BROWSER"); it != holders.end()) {
        roles.browser = it->second.empty() ? std::string() : it->second.front();
    }
    return roles;
}

}  // namespace detail

Result<DeviceState> readDeviceState(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        return makeError("cannot read state '" + dir.string() + "': not a folder (expected a copy "
                         "of /data/system)");
    }
    auto firstExisting = [&](std::initializer_list<fs::path> candidates) -> std::optional<fs::path> {
        for (const fs::path& candidate : candidates) {
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
        return std::nullopt;
    };
    const auto packages = firstExisting({dir / "packages.xml", dir / "packages-backup.xml"});
    const auto restrictions =
        firstExisting({dir / "users/0/package-restrictions.xml",
                       dir / "users/0/package-restrictions-backup.xml",
                       dir / "package-restrictions.xml"});
    // Android 11 reads the users/0 file of 10 only when its own is missing (RoleUserState's
    // legacy path); /data/misc_de is /data/system's sibling on a device.
    const fs::path apexRoles = "misc_de/0/apexdata/com.android.permission/roles.xml";
    const auto roles = firstExisting(
        {dir / apexRoles, dir / ".." / apexRoles, dir / "users/0/roles.xml", dir / "roles.xml"});
    if (!packages && !restrictions && !roles) {
        return makeError("cannot read state '" + dir.string() +
                         "': no packages.xml, users/0/package-restrictions.xml or roles.xml in it");
    }
    DeviceState state;
    if (packages) {
        Result<std::string> bytes = detail::readFileCapped(*packages, limits::kMaxStateXmlBytes);
        if (!bytes) return bytes.error();
        Result<DeviceState> read = parsePackagesXml(*bytes, packages->string(), std::move(state));
        if (!read) return read.error();
        state = std::move(read).value();
    }
    if (restrictions) {
        Result<std::string> bytes = detail::readFileCapped(*restrictions, limits::kMaxStateXmlBytes);
        if (!bytes) return bytes.error();
        Result<DeviceState> read =
            parsePackageRestrictions(*bytes, restrictions->string(), std::move(state));
        if (!read) return read.error();
        state = std::move(read).value();
    }
    if (roles) {
        Result<std::string> bytes = detail::readFileCapped(*roles, limits::kMaxStateXmlBytes);
        if (!bytes) return bytes.error();
        Result<DeviceState> read =
            parseRolesXml(*bytes, roles->lexically_normal().string(), std::move(state));
        if (!read) return read.error();
        state = std::move(read).value();
    }
    return state;
}

namespace {

std::string listSome(const std::vector<std::string>& names) {
    constexpr size_t kShown = 5;
    std::string out;
    for (size_t i = 0; i < names.size() && i < kShown; ++i) out += (i ? ", '" : "'") + names[i] + "'";
    if (names.size() > kShown) out += " and " + std::to_string(names.size() - kShown) + " more";
    return out;
}

Diagnostic stateWarning(SourceLocation where, std::string message) {
    return Diagnostic{Diagnostic::Severity::Warning, std::move(where), std::move(message)};
}

}  // namespace

Device applyDeviceState(Device device, const DeviceState& state) {
    const std::string files = [&] {
        std::string out;
        for (const std::string& file : state.filesRead) out += (out.empty() ? "" : " + ") + file;
        return out;
    }();
    for (const Diagnostic& diagnostic : state.diagnostics) device.diagnostics.push_back(diagnostic);
    if (state.apiLevel && *state.apiLevel != device.apiLevel) {
        device.diagnostics.push_back(stateWarning(
            {}, "the state files were last written by API " + std::to_string(*state.apiLevel) +
                    " but the device is API " + std::to_string(device.apiLevel) +
                    "; the device's API level is kept"));
    }
    std::vector<std::string> withoutApk;
    int applied = 0;
    std::unordered_map<std::string_view, InstalledPackage*> byName;  // the last of a name, as a scan
    byName.reserve(device.packages.size());
    for (InstalledPackage& candidate : device.packages) byName[candidate.packageName()] = &candidate;
    for (const PackageStateEntry& entry : state.packages) {
        const auto found = byName.find(entry.name);
        InstalledPackage* package = found == byName.end() ? nullptr : found->second;
        if (package == nullptr) {
            if (entry.installed.value_or(true)) withoutApk.push_back(entry.name);
            continue;
        }
        ++applied;
        if (entry.system) package->system = *entry.system;
        if (entry.privileged) package->privileged = *entry.privileged;
        if (entry.updatedSystemApp) package->updatedSystemApp = true;
        if (entry.installed) package->removed = !*entry.installed;
        // A hidden package is invisible to queries (PackageManager filters it like an uninstalled
        // one).
        if (entry.hidden.value_or(false)) package->removed = true;
        if (entry.stopped) package->stopped = *entry.stopped;
        if (entry.enabledState) {
            // 0 default (the manifest decides), 1 enabled, 2 disabled, 3 disabled by the user,
            // 4 disabled until used.
            package->enabled = *entry.enabledState < 2;
        }
        package->disabledComponents.insert(entry.disabledComponents.begin(),
                                           entry.disabledComponents.end());
        package->enabledComponents.insert(entry.enabledComponents.begin(),
                                          entry.enabledComponents.end());
        for (const std::string& name : entry.enabledComponents) package->disabledComponents.erase(name);
    }
    if (!withoutApk.empty()) {
        device.diagnostics.push_back(stateWarning(
            {}, std::to_string(withoutApk.size()) + " package" + (withoutApk.size() == 1 ? "" : "s") +
                    " of the state files " + (withoutApk.size() == 1 ? "has" : "have") + " no APK in the device (" + listSome(withoutApk) +
                    "): their state is not applied"));
    }
    std::string roleSummary;
    DeviceRoles held = detail::deviceRolesOf(state.roleHolders);
    // Android 6-9 keep the default browser in package-restrictions' <default-apps> instead of a
    // role; W-14 reads it the same way (a roles.xml holder, 10+, is the newer word).
    const bool browserFromDefaultApps = !held.browser && state.defaultBrowser;
    if (browserFromDefaultApps) held.browser = *state.defaultBrowser;
    const char* browserSource =
        browserFromDefaultApps ? "<default-apps> default-browser" : "android.app.role.BROWSER";
    for (auto [role, key, declared, fromState] :
         {std::tuple{"android.app.role.HOME", "home", &device.roles.home, &held.home},
          std::tuple{browserSource, "browser", &device.roles.browser, &held.browser}}) {
        if (!*fromState) continue;
        auto name = [](const std::optional<std::string>& holder) {
            return holder->empty() ? std::string("nobody") : "'" + *holder + "'";
        };
        if (!(browserFromDefaultApps && fromState == &held.browser)) {
            roleSummary += std::string(", ") + key + " role " + name(*fromState);
        }
        // device.json's own "roles" are the user's word: kept, but a disagreement is shown.
        if (!*declared) {
            *declared = *fromState;
        } else if (**declared != **fromState) {
            auto where = state.roleLocations.find(role);
            device.diagnostics.push_back(
                stateWarning(where == state.roleLocations.end() ? SourceLocation{} : where->second,
                             std::string(role) + " is held by " + name(*fromState) +
                                 " here, but device.json's 'roles." + key + "' names " +
                                 name(*declared) + ": device.json's is kept"));
        }
    }
    if (state.preferredRecorded) device.preferred = state.preferred;
    if (state.persistentRecorded) device.persistentPreferred = state.persistentPreferred;
    std::string summary = "state from " + files + ": " + std::to_string(applied) + " package" +
                          (applied == 1 ? "" : "s") + ", " +
                          std::to_string(state.preferred.size()) + " preferred, " +
                          std::to_string(state.persistentPreferred.size()) + " persistent preferred";
    if (state.defaultBrowser) summary += ", default browser '" + *state.defaultBrowser + "'";
    summary += roleSummary;
    device.inferred += (device.inferred.empty() ? "" : "; ") + summary;
    return device;
}

}  // namespace hearth

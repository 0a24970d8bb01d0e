// `dumpsys package` (device-formats §3.1): a line-oriented, section-tolerant reader. Sections are
// recognised by their column-0 titles; inside a section only the lines Hearth needs are read,
// anything else (OEM additions, fields renamed across releases, sections Hearth does not use) is
// counted as skipped. The input is streamed in blocks so a 2 MB dump (or a 2 GB mistake) never sits
// in memory whole.

#include <hearth/adb_capture.h>

#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "capture_text.h"
#include "file_read.h"

namespace hearth {

const DumpsysUserState* DumpsysPackage::user(int id) const {
    for (const DumpsysUserState& state : users) {
        if (state.user == id) return &state;
    }
    return nullptr;
}

namespace detail {

bool DomainVerificationReader::feed(std::string_view line) {
    const std::string_view t = text::trim(line);
    if (t.empty()) return true;
    auto current = [&]() -> DomainVerification& {
        if (m_out.empty()) m_out.emplace_back();  // `pm get-app-links PKG` may omit the header
        return m_out.back();
    };
    auto currentUser = [&]() -> DomainVerification::User& {
        DomainVerification& package = current();
        if (package.users.empty()) package.users.emplace_back();
        return package.users.back();
    };
    if (t == "Domain verification state:") {
        current();
        m_mode = Mode::Domains;
        m_inUser = false;
        return true;
    }
    if (startsWith(t, "User ") && t.back() == ':') {
        const std::optional<int64_t> id = parseDecimal(t.substr(5, t.size() - 6));
        DomainVerification::User user;
        user.user = id && *id >= 0 && *id < 100000 ? static_cast<int>(*id) : -1;
        current().users.push_back(user);
        m_inUser = true;
        m_mode = Mode::None;
        return true;
    }
    if (startsWith(t, "Verification link handling allowed:") && m_inUser) {
        currentUser().linkHandlingAllowed = text::trim(t.substr(35)) == "true";
        return true;
    }
    if (t == "Selection state:") {
        m_mode = Mode::Selection;
        return true;
    }
    if (t == "Enabled:" && m_inUser) {
        m_mode = Mode::Enabled;
        return true;
    }
    if (t == "Disabled:" && m_inUser) {
        m_mode = Mode::Disabled;
        return true;
    }
    if (startsWith(t, "ID:") || startsWith(t, "Signatures:")) return true;
    const bool oneWord = t.find(' ') == std::string_view::npos;
    if (m_mode == Mode::Domains) {
        const size_t colon = t.find(": ");
        if (colon != std::string_view::npos && t.find(' ') == colon + 1) {
            current().domains.emplace_back(std::string(t.substr(0, colon)),
                                           std::string(text::trim(t.substr(colon + 2))));
            return true;
        }
    }
    if ((m_mode == Mode::Enabled || m_mode == Mode::Disabled) && oneWord && t.back() != ':') {
        auto& hosts = m_mode == Mode::Enabled ? currentUser().enabledHosts
                                              : currentUser().disabledHosts;
        hosts.emplace_back(t);
        return true;
    }
    if (oneWord && t.size() > 1 && t.back() == ':' && t.find('.') != std::string_view::npos) {
        DomainVerification package;
        package.packageName = std::string(t.substr(0, t.size() - 1));
        m_out.push_back(std::move(package));
        m_mode = Mode::None;
        m_inUser = false;
        return true;
    }
    return false;
}

}  // namespace detail

namespace {

using detail::indentOf;
using detail::parseDecimal;
using detail::parseHex;
using detail::startsWith;

enum class Section {
    None,
    Database,
    Resolver,
    Preferred,
    LegacyVerification,
    LegacyLinkages,
    DomainVerification,
    Packages,
    HiddenPackages,
    Other,
};

// "flags=[ SYSTEM HAS_CODE ]" → whether the token is listed.
bool hasFlag(std::string_view list, std::string_view token) {
    size_t pos = 0;
    while (pos < list.size()) {
        while (pos < list.size() && (list[pos] == ' ' || list[pos] == '[')) ++pos;
        size_t end = pos;
        while (end < list.size() && list[end] != ' ' && list[end] != ']') ++end;
        if (list.substr(pos, end - pos) == token) return true;
        pos = end + 1;
    }
    return false;
}

// "key=value key2=value2" → value of key.
std::optional<std::string_view> field(std::string_view line, std::string_view key) {
    size_t pos = 0;
    while (pos < line.size()) {
        while (pos < line.size() && line[pos] == ' ') ++pos;
        size_t end = line.find(' ', pos);
        if (end == std::string_view::npos) end = line.size();
        const std::string_view item = line.substr(pos, end - pos);
        if (item.size() > key.size() && startsWith(item, key) && item[key.size()] == '=') {
            return item.substr(key.size() + 1);
        }
        pos = end + 1;
    }
    return std::nullopt;
}

std::optional<int> smallInt(std::optional<std::string_view> text) {
    if (!text) return std::nullopt;
    const std::optional<int64_t> value = parseDecimal(*text);
    if (!value || *value < INT32_MIN || *value > INT32_MAX) return std::nullopt;
    return static_cast<int>(*value);
}

bool isHexId(std::string_view text) {
    if (text.empty() || text.size() > 16) return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    }
    return true;
}

// A resolver or preferred entry line: "<id> pkg/.Cls[ filter <id>][ (N filters)]".
struct EntryLine {
    std::string id;
    ComponentName component;
    std::string filterId;
};

std::optional<EntryLine> parseEntryLine(std::string_view t) {
    const size_t space = t.find(' ');
    if (space == std::string_view::npos || !isHexId(t.substr(0, space))) return std::nullopt;
    std::string_view rest = t.substr(space + 1);
    const size_t end = rest.find(' ');
    const std::string_view name = rest.substr(0, end);
    if (name.find('/') == std::string_view::npos) return std::nullopt;
    std::optional<ComponentName> component = ComponentName::unflatten(name);
    if (!component) return std::nullopt;
    EntryLine entry{std::string(t.substr(0, space)), std::move(*component), {}};
    if (end != std::string_view::npos) {
        const std::string_view tail = text::trim(rest.substr(end));
        if (startsWith(tail, "filter ")) {
            const std::string_view id = text::trim(tail.substr(7));
            if (!isHexId(id)) return std::nullopt;
            entry.filterId = std::string(id);
        } else if (!(startsWith(tail, "(") && tail.back() == ')')) {
            return std::nullopt;
        }
    }
    return entry;
}

class DumpsysParser {
  public:
    explicit DumpsysParser(std::string sourceName) : m_sourcePath(sourceName) {
        m_capture.source = std::move(sourceName);
    }

    void feed(std::string_view line, int lineNumber) {
        ++m_capture.lines;
        m_lineNumber = lineNumber;
        if (!line.empty() && line[0] != ' ' && line[0] != '\t') {
            startSection(text::trim(line));
            return;
        }
        bool used = false;
        switch (m_section) {
            case Section::Database:
                used = readDatabase(text::trim(line));
                break;
            case Section::Resolver:
                used = readResolver(line);
                break;
            case Section::Preferred:
                used = readPreferred(line);
                break;
            case Section::LegacyVerification:
            case Section::LegacyLinkages:
                used = readLegacy(text::trim(line));
                break;
            case Section::DomainVerification:
                used = m_domains.feed(line);
                break;
            case Section::Packages:
            case Section::HiddenPackages:
                used = readPackage(line);
                break;
            case Section::None:
            case Section::Other:
                break;
        }
        if (!used && !text::trim(line).empty()) ++m_capture.skippedLines;
    }

    Result<DumpsysCapture> finish() {
        if (!m_sawKnownSection) {
            return makeError(SourceLocation{m_capture.source, 1, 1},
                             "not a 'dumpsys package' output: no section such as 'Packages:', "
                             "'Activity Resolver Table:' or 'Preferred Activities User 0:'");
        }
        return std::move(m_capture);
    }

  private:
    void startSection(std::string_view title) {
        m_section = Section::Other;
        m_entry = Entry::None;
        m_package = nullptr;
        m_componentList = nullptr;
        m_setOpen = false;
        if (startsWith(title, "DUMP OF SERVICE") || startsWith(title, "-----")) {
            m_section = Section::None;
            return;
        }
        auto resolver = [&](ComponentKind kind) {
            m_section = Section::Resolver;
            m_kind = kind;
            m_capture.hasResolverTables = true;
        };
        if (title == "Database versions:") {
            m_section = Section::Database;
        } else if (title == "Activity Resolver Table:") {
            resolver(ComponentKind::Activity);
        } else if (title == "Receiver Resolver Table:") {
            resolver(ComponentKind::Receiver);
        } else if (title == "Service Resolver Table:") {
            resolver(ComponentKind::Service);
        } else if (title == "Provider Resolver Table:") {
            resolver(ComponentKind::Provider);
        } else if (startsWith(title, "Preferred Activities User ") && title.back() == ':') {
            m_section = Section::Preferred;
            m_user = smallInt(title.substr(26, title.size() - 27)).value_or(0);
            m_capture.hasPreferredSection = true;
        } else if (title == "App verification status:") {
            m_section = Section::LegacyVerification;
            m_legacyUser.reset();
        } else if (startsWith(title, "App linkages for user ") && title.back() == ':') {
            m_section = Section::LegacyLinkages;
            m_legacyUser = smallInt(title.substr(22, title.size() - 23)).value_or(0);
        } else if (title == "Domain verification status:") {
            m_section = Section::DomainVerification;
        } else if (title == "Packages:") {
            m_section = Section::Packages;
            m_capture.hasPackages = true;
        } else if (title == "Hidden system packages:") {
            m_section = Section::HiddenPackages;
        } else {
            ++m_capture.skippedLines;
            return;
        }
        m_sawKnownSection = true;
    }

    SourceLocation here(int column = 1) const {
        return SourceLocation{m_sourcePath, m_lineNumber, column};
    }

    bool readDatabase(std::string_view t) {
        // The first block ("Internal:") is the device's own; "External:" is adopted storage.
        if (auto sdk = smallInt(field(t, "sdkVersion")); sdk && !m_capture.sdkVersion) {
            m_capture.sdkVersion = *sdk;
            return true;
        }
        if (startsWith(t, "fingerprint=") && m_capture.fingerprint.empty()) {
            m_capture.fingerprint = std::string(text::trim(t.substr(12)));
            return true;
        }
        return t == "Internal:" || t == "External:";
    }

    // Resolver tables: bucket titles, keys, entries and (with a filter id) the filter body.
    bool readResolver(std::string_view line) {
        const std::string_view t = text::trim(line);
        if (std::optional<EntryLine> entry = parseEntryLine(t)) {
            m_entry = Entry::None;
            const ComponentName& name = entry->component;
            if (entry->filterId.empty()) {
                if (m_namedOnly.insert({static_cast<int>(m_kind), name.flattenToString()}).second) {
                    m_capture.components.push_back({name, m_kind});
                }
                return true;
            }
            m_capture.hasFilterDetails = true;
            const std::string key = entry->filterId + " " + name.flattenToString();
            if (!m_filterIds.insert(key).second) {
                m_entry = Entry::Duplicate;  // the same filter listed under another key
                return true;
            }
            DumpsysFilter filter{name, m_kind, {}};
            filter.filter.where = here(static_cast<int>(indentOf(line)) + 1);
            m_capture.filters.push_back(std::move(filter));
            m_entry = Entry::Filter;
            return true;
        }
        if (m_entry == Entry::Duplicate && detail::readFilterBodyLine(t, m_scratch)) {
            m_scratch = {};
            return true;
        }
        if (m_entry == Entry::Filter &&
            detail::readFilterBodyLine(t, m_capture.filters.back().filter)) {
            return true;
        }
        // Bucket titles ("Non-Data Actions:") and keys ("android.intent.action.MAIN:").
        if (!t.empty() && t.back() == ':') {
            m_entry = Entry::None;
            return true;
        }
        return false;
    }

    bool readPreferred(std::string_view line) {
        const std::string_view t = text::trim(line);
        if (std::optional<EntryLine> entry = parseEntryLine(t)) {
            m_setOpen = false;
            if (!m_preferredIds.insert(std::to_string(m_user) + " " + entry->id).second) {
                m_entry = Entry::Duplicate;
                return true;
            }
            CapturedPreferred preferred;
            preferred.user = m_user;
            preferred.component = entry->component;
            preferred.where = here(static_cast<int>(indentOf(line)) + 1);
            preferred.filter.where = preferred.where;
            m_capture.preferred.push_back(std::move(preferred));
            m_entry = Entry::Filter;
            return true;
        }
        if (m_entry == Entry::Duplicate) {
            if (t == "Selected from:" || startsWith(t, "mMatch=") ||
                detail::readFilterBodyLine(t, m_scratch) ||
                (t.find('/') != std::string_view::npos && t.find(' ') == std::string_view::npos)) {
                m_scratch = {};
                return true;
            }
        }
        if (m_entry == Entry::Filter) {
            CapturedPreferred& preferred = m_capture.preferred.back();
            if (startsWith(t, "mMatch=")) {
                if (auto match = field(t, "mMatch")) {
                    if (auto value = parseHex(*match); value && *value <= INT32_MAX) {
                        preferred.match = static_cast<int>(*value);
                    }
                }
                if (auto always = field(t, "mAlways")) preferred.always = *always == "true";
                return true;
            }
            if (t == "Selected from:") {
                m_setOpen = true;
                return true;
            }
            if (detail::readFilterBodyLine(t, preferred.filter)) {
                m_setOpen = false;
                return true;
            }
            if (m_setOpen && t.find(' ') == std::string_view::npos) {
                if (std::optional<ComponentName> name = ComponentName::unflatten(t)) {
                    preferred.set.push_back(std::move(*name));
                    return true;
                }
            }
        }
        if (!t.empty() && t.back() == ':') {
            m_entry = Entry::None;
            m_setOpen = false;
            return true;
        }
        return false;
    }

    bool readLegacy(std::string_view t) {
        if (startsWith(t, "Package: ")) {
            LegacyLinkState state;
            state.packageName = std::string(text::trim(t.substr(9)));
            state.user = m_legacyUser;
            m_capture.legacyLinks.push_back(std::move(state));
            return true;
        }
        if (m_capture.legacyLinks.empty()) return t.empty();
        LegacyLinkState& state = m_capture.legacyLinks.back();
        if (startsWith(t, "Domains: ")) {
            std::string_view rest = t.substr(9);
            while (!rest.empty()) {
                rest = text::trim(rest);
                const size_t end = rest.find(' ');
                state.domains.emplace_back(rest.substr(0, end));
                if (end == std::string_view::npos) break;
                rest = rest.substr(end);
            }
            return true;
        }
        if (startsWith(t, "Status: ")) {
            // "Status:  always : 200000001": the status word, then (for a user) the 64-bit state
            // whose high half is the status and low half the generation.
            std::string_view rest = text::trim(t.substr(8));
            const size_t colon = rest.find(" : ");
            state.status = std::string(text::trim(rest.substr(0, colon)));
            if (colon != std::string_view::npos) {
                if (auto value = parseHex(text::trim(rest.substr(colon + 3)))) {
                    state.generation = *value & 0xFFFFFFFF;
                }
            }
            return true;
        }
        return false;
    }

    bool readPackage(std::string_view line) {
        const std::string_view t = text::trim(line);
        const size_t indent = indentOf(line);
        if (m_componentList && indent > m_componentListIndent &&
            t.find(' ') == std::string_view::npos && t.find(':') == std::string_view::npos &&
            t.find('=') == std::string_view::npos) {
            m_componentList->emplace_back(t);
            return true;
        }
        m_componentList = nullptr;
        if (startsWith(t, "Package [")) {
            const size_t close = t.find(']');
            if (close == std::string_view::npos) return false;
            auto& list = m_section == Section::Packages ? m_capture.packages
                                                        : m_capture.hiddenSystemPackages;
            DumpsysPackage package;
            package.name = std::string(t.substr(9, close - 9));
            package.where = here(static_cast<int>(indent) + 1);
            list.push_back(std::move(package));
            m_package = &list.back();
            return true;
        }
        if (!m_package) return false;
        if (startsWith(t, "codePath=")) {
            m_package->codePath = std::string(t.substr(9));
            return true;
        }
        if (startsWith(t, "userId=") || startsWith(t, "appId=")) {
            m_package->appId = smallInt(field(t, t.substr(0, t.find('='))));
            return true;
        }
        if (startsWith(t, "installerPackageName=")) {
            const std::string_view installer = t.substr(21);
            if (!installer.empty() && installer != "null") {
                m_package->installer = std::string(installer);
            }
            return true;
        }
        if (startsWith(t, "versionCode=")) {
            m_package->minSdk = smallInt(field(t, "minSdk"));
            m_package->targetSdk = smallInt(field(t, "targetSdk"));
            return true;
        }
        if (startsWith(t, "flags=[")) {
            m_package->system = hasFlag(t.substr(6), "SYSTEM");
            m_package->updatedSystemApp = hasFlag(t.substr(6), "UPDATED_SYSTEM_APP");
            return true;
        }
        if (startsWith(t, "privateFlags=[")) {
            m_package->privileged = hasFlag(t.substr(13), "PRIVILEGED") ||
                                    hasFlag(t.substr(13), "PRIVATE_FLAG_PRIVILEGED");
            return true;
        }
        if (startsWith(t, "User ") && t.find(": ") != std::string_view::npos) {
            const size_t colon = t.find(": ");
            const std::optional<int> id = smallInt(t.substr(5, colon - 5));
            if (!id) return false;
            const std::string_view rest = t.substr(colon + 2);
            DumpsysUserState state;
            state.user = *id;
            state.installed = field(rest, "installed").value_or("true") != "false";
            state.hidden = field(rest, "hidden").value_or("false") == "true";
            state.suspended = field(rest, "suspended").value_or("false") == "true";
            state.stopped = field(rest, "stopped").value_or("false") == "true";
            state.enabled = smallInt(field(rest, "enabled")).value_or(0);
            m_package->users.push_back(std::move(state));
            return true;
        }
        if ((t == "disabledComponents:" || t == "enabledComponents:") && !m_package->users.empty()) {
            DumpsysUserState& state = m_package->users.back();
            m_componentList =
                t == "disabledComponents:" ? &state.disabledComponents : &state.enabledComponents;
            m_componentListIndent = indent;
            return true;
        }
        return false;
    }

    enum class Entry { None, Filter, Duplicate };

    DumpsysCapture m_capture;
    SourcePath m_sourcePath;  // m_capture.source, shared by every location
    Section m_section = Section::None;
    bool m_sawKnownSection = false;
    int m_lineNumber = 0;
    ComponentKind m_kind = ComponentKind::Activity;
    Entry m_entry = Entry::None;
    IntentFilter m_scratch;  // body lines of a filter already read under another key
    std::set<std::string> m_filterIds;
    std::set<std::pair<int, std::string>> m_namedOnly;
    std::set<std::string> m_preferredIds;
    int m_user = 0;
    bool m_setOpen = false;
    std::optional<int> m_legacyUser;
    detail::DomainVerificationReader m_domains{m_capture.domainVerification};
    DumpsysPackage* m_package = nullptr;
    std::vector<std::string>* m_componentList = nullptr;
    size_t m_componentListIndent = 0;
};

Error lineTooLong(const std::string& sourceName, int line) {
    return makeError(SourceLocation{sourceName, line, 1},
                     "line longer than " + std::to_string(adb::kMaxCaptureLineBytes >> 20) +
                         " MiB: not a 'dumpsys package' output");
}

}  // namespace

Result<DumpsysCapture> parseDumpsysPackage(std::istream& in, const std::string& sourceName) {
    DumpsysParser parser(sourceName);
    std::string line;
    int lineNumber = 1;
    size_t total = 0;
    std::array<char, 1 << 16> block{};
    while (in) {
        in.read(block.data(), block.size());
        const size_t got = static_cast<size_t>(in.gcount());
        if (got == 0) break;
        total += got;
        if (total > adb::kMaxCaptureBytes) {
            return makeError(SourceLocation{sourceName, lineNumber, 0},
                             "more than " + std::to_string(adb::kMaxCaptureBytes >> 20) +
                                 " MiB: too large for a 'dumpsys package' output");
        }
        std::string_view chunk(block.data(), got);
        if (const size_t nul = chunk.find('\0'); nul != std::string_view::npos) {
            const size_t lastBreak = chunk.substr(0, nul).rfind('\n');
            int extraLines = 0;
            for (size_t i = 0; i < nul; ++i) extraLines += chunk[i] == '\n' ? 1 : 0;
            const size_t column = lastBreak == std::string_view::npos
                                      ? line.size() + nul + 1
                                      : nul - lastBreak;
            return makeError(
                SourceLocation{sourceName, lineNumber + extraLines, static_cast<int>(column)},
                "binary data (a NUL byte), not a 'dumpsys package' output");
        }
        while (!chunk.empty()) {
            const size_t end = chunk.find('\n');
            if (end == std::string_view::npos) {
                line.append(chunk);
                if (line.size() > adb::kMaxCaptureLineBytes) {
                    return lineTooLong(sourceName, lineNumber);
                }
                break;
            }
            line.append(chunk.substr(0, end));
            if (line.size() > adb::kMaxCaptureLineBytes) return lineTooLong(sourceName, lineNumber);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            parser.feed(line, lineNumber++);
            line.clear();
            chunk.remove_prefix(end + 1);
        }
    }
    if (!line.empty()) {
        if (line.back() == '\r') line.pop_back();
        parser.feed(line, lineNumber);
    }
    return parser.finish();
}

Result<DumpsysCapture> parseDumpsysPackageText(std::string_view text,
                                               const std::string& sourceName) {
    std::istringstream in{std::string(text)};
    return parseDumpsysPackage(in, sourceName);
}

Result<DumpsysCapture> readDumpsysPackage(const std::filesystem::path& path) {
    std::error_code ec;
    const std::string name = path.string();
    if (Result<void> regular = detail::checkRegularFile(path); !regular) return regular.error();
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > adb::kMaxCaptureBytes) {
        return makeError(SourceLocation{name, 0, 0},
                         "file of " + std::to_string(size >> 20) + " MiB, more than the " +
                             std::to_string(adb::kMaxCaptureBytes >> 20) +
                             " MiB a 'dumpsys package' output may be");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(SourceLocation{name, 0, 0}, "cannot read: cannot open it");
    return parseDumpsysPackage(in, name);
}

}  // namespace hearth

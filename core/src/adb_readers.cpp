// The small adb capture readers (device-formats §3.2): getprop, pm list packages, preferred-xml,
// role holders, pm get-app-links and cmd package query-activities.

#include <hearth/adb_capture.h>

#include <pugixml.hpp>

#include "capture_text.h"
#include "device_internal.h"
#include "intent_filter_xml.h"
#include "line_index.h"

namespace hearth {

namespace {

using detail::checkNotBinary;
using detail::LineCursor;
using detail::parseDecimal;
using detail::parseHex;
using detail::startsWith;

}  // namespace

Result<std::map<std::string, std::string>> parseGetprop(std::string_view text,
                                                        const std::string& sourceName) {
    if (auto r = checkNotBinary(text, sourceName, "'getprop' output"); !r) return r.error();
    std::map<std::string, std::string> properties;
    LineCursor lines(text);
    // A value may hold line breaks: it then ends on the first later line ending in ']'.
    std::string* open = nullptr;
    while (std::optional<std::string_view> line = lines.next()) {
        if (open) {
            *open += "\n";
            if (!line->empty() && line->back() == ']') {
                *open += line->substr(0, line->size() - 1);
                open = nullptr;
            } else {
                *open += *line;
            }
            continue;
        }
        const std::string_view t = text::trim(*line);
        const size_t split = t.find("]: [");
        if (!startsWith(t, "[") || split == std::string_view::npos) continue;
        std::string& value = properties[std::string(t.substr(1, split - 1))];
        const std::string_view rest = t.substr(split + 4);
        if (!rest.empty() && rest.back() == ']') {
            value = std::string(rest.substr(0, rest.size() - 1));
        } else {
            value = std::string(rest);
            open = &value;
        }
    }
    return properties;
}

Result<std::vector<PmListEntry>> parsePmList(std::string_view text, const std::string& sourceName) {
    if (auto r = checkNotBinary(text, sourceName, "'pm list packages' output"); !r) {
        return r.error();
    }
    std::vector<PmListEntry> entries;
    LineCursor lines(text);
    while (std::optional<std::string_view> line = lines.next()) {
        std::string_view t = text::trim(*line);
        if (!startsWith(t, "package:")) continue;
        t.remove_prefix(8);
        // -U appends " uid:N", -i " installer=X": both after a space no path or name contains.
        if (const size_t space = t.find(' '); space != std::string_view::npos) {
            t = t.substr(0, space);
        }
        PmListEntry entry;
        entry.line = lines.line();
        // Paths contain '=' ("...-bTT5nKLHn89n_d_gJojj-Q==/base.apk"): the name follows the last.
        if (const size_t eq = t.rfind('='); eq != std::string_view::npos) {
            entry.path = std::string(t.substr(0, eq));
            t = t.substr(eq + 1);
        }
        if (t.empty()) {
            return makeError(SourceLocation{sourceName, lines.line(), 1},
                             "'package:' line without a package name");
        }
        entry.name = std::string(t);
        entries.push_back(std::move(entry));
    }
    return entries;
}

namespace {

// IntentFilter.readFromXml (readFilterXml); a pattern PatternMatcher refuses fails the capture,
// a MIME group is left out as Hearth does not model it.
Result<IntentFilter> filterFromXml(const pugi::xml_node& node, const LineIndex& index,
                                   const std::string& sourceName) {
    const auto where = [&](const pugi::xml_node& at) {
        return index.locate(static_cast<size_t>(at.offset_debug()), sourceName);
    };
    std::optional<Error> refused;
    IntentFilter filter = detail::readFilterXml(
        node, where, [&](const pugi::xml_node& at, const std::string& why) {
            const std::string_view tag = at.name();
            if (!refused && (tag == "path" || tag == "ssp")) refused = makeError(where(at), why);
        });
    if (refused) return *refused;
    return filter;
}

}  // namespace

Result<std::vector<CapturedPreferred>> parsePreferredXml(std::string_view text,
                                                         const std::string& sourceName) {
    if (auto r = checkNotBinary(text, sourceName, "'dumpsys package preferred-xml' output"); !r) {
        return r.error();
    }
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    const LineIndex index(text);
    if (!parsed) {
        return makeError(index.locate(static_cast<size_t>(parsed.offset), sourceName),
                         std::string("malformed XML: ") + parsed.description());
    }
    const pugi::xml_node root = doc.child("preferred-activities");
    if (!root) {
        return makeError(SourceLocation{sourceName, 1, 1},
                         "no <preferred-activities> element: not a 'dumpsys package "
                         "preferred-xml' output");
    }
    std::vector<CapturedPreferred> out;
    for (const pugi::xml_node& item : root.children("item")) {
        const SourceLocation where =
            index.locate(static_cast<size_t>(item.offset_debug()), sourceName);
        std::optional<ComponentName> component = ComponentName::unflatten(item.attribute("name").value());
        if (!component) {
            return makeError(where, "<item> attribute 'name' must look like 'package/.Class', got '" +
                                        std::string(item.attribute("name").value()) + "'");
        }
        CapturedPreferred preferred;
        preferred.component = std::move(*component);
        preferred.where = where;
        if (const pugi::xml_attribute match = item.attribute("match")) {
            if (auto value = parseHex(match.value()); value && *value <= INT32_MAX) {
                preferred.match = static_cast<int>(*value);
            }
        }
        if (const pugi::xml_attribute always = item.attribute("always")) {
            preferred.always = std::string_view(always.value()) == "true";
        }
        for (const pugi::xml_node& member : item.children("set")) {
            if (auto name = ComponentName::unflatten(member.attribute("name").value())) {
                preferred.set.push_back(std::move(*name));
            }
        }
        if (const pugi::xml_node filter = item.child("filter")) {
            Result<IntentFilter> read = filterFromXml(filter, index, sourceName);
            if (!read) return read.error();
            preferred.filter = std::move(read).value();
        }
        out.push_back(std::move(preferred));
    }
    return out;
}

Result<RoleHolders> parseRoleHolders(std::string_view text, const std::string& sourceName) {
    if (auto r = checkNotBinary(text, sourceName, "role holders"); !r) return r.error();
    RoleHolders roles;
    LineCursor lines(text);
    while (std::optional<std::string_view> line = lines.next()) {
        const std::string_view t = text::trim(*line);
        if (t.empty()) continue;
        // API 28 has no role service; API 29-30 have no get-role-holders command.
        if (t.find("Can't find service: role") != std::string_view::npos ||
            t.find("Unknown command") != std::string_view::npos) {
            roles.unavailable = true;
            continue;
        }
        const size_t colon = t.find(':');
        const std::string_view role = t.substr(0, colon);
        if (colon == std::string_view::npos || role.empty() ||
            role.find(' ') != std::string_view::npos) {
            return makeError(SourceLocation{sourceName, lines.line(), 1},
                             "expected 'ROLE: holder;holder' (as scripts/capture-device writes "
                             "it), got '" + std::string(t.substr(0, 80)) + "'");
        }
        std::vector<std::string>& holders = roles.holders[std::string(role)];
        std::string_view rest = text::trim(t.substr(colon + 1));
        if (rest.find("Can't find service") != std::string_view::npos ||
            rest.find("Unknown command") != std::string_view::npos) {
            roles.unavailable = true;
            roles.holders.erase(std::string(role));
            continue;
        }
        while (!rest.empty()) {
            const size_t semicolon = rest.find(';');
            const std::string_view holder = text::trim(rest.substr(0, semicolon));
            if (!holder.empty()) holders.emplace_back(holder);
            if (semicolon == std::string_view::npos) break;
            rest = rest.substr(semicolon + 1);
        }
    }
    return roles;
}

Result<std::vector<DomainVerification>> parseAppLinks(std::string_view text,
                                                      const std::string& sourceName) {
    if (auto r = checkNotBinary(text, sourceName, "'pm get-app-links' output"); !r) {
        return r.error();
    }
    std::vector<DomainVerification> out;
    detail::DomainVerificationReader reader(out);
    LineCursor lines(text);
    while (std::optional<std::string_view> line = lines.next()) reader.feed(*line);
    return out;
}

Result<std::vector<QueriedActivity>> parseQueryActivities(std::string_view text,
                                                          const std::string& sourceName) {
    if (auto r = checkNotBinary(text, sourceName, "'cmd package query-activities' output"); !r) {
        return r.error();
    }
    std::vector<QueriedActivity> out;
    std::string name;
    std::string packageName;
    int openedAt = 0;
    bool inApplication = false;
    auto close = [&]() -> Result<void> {
        if (openedAt == 0) return ok();
        QueriedActivity& activity = out.back();
        if (activity.component.packageName.empty() && !name.empty() && !packageName.empty()) {
            activity.component = ComponentName{packageName, name};
        }
        if (activity.component.packageName.empty()) {
            return makeError(SourceLocation{sourceName, openedAt, 1},
                             "'Activity #' entry without a component name");
        }
        name.clear();
        packageName.clear();
        return ok();
    };
    LineCursor lines(text);
    while (std::optional<std::string_view> line = lines.next()) {
        const std::string_view t = text::trim(*line);
        if (startsWith(t, "Activity #") && t.back() == ':') {
            if (auto r = close(); !r) return r.error();
            out.emplace_back();
            openedAt = lines.line();
            inApplication = false;
            continue;
        }
        if (openedAt == 0) continue;
        QueriedActivity& activity = out.back();
        auto field = [&](std::string_view key) -> std::optional<std::string_view> {
            const size_t at = t.find(std::string(key) + "=");
            if (at != 0 && (at == std::string_view::npos || t[at - 1] != ' ')) return std::nullopt;
            std::string_view value = t.substr(at + key.size() + 1);
            return value.substr(0, value.find(' '));
        };
        auto number = [&](std::string_view key) -> std::optional<int> {
            std::optional<std::string_view> value = field(key);
            if (!value) return std::nullopt;
            std::optional<int64_t> parsed =
                startsWith(*value, "0x") ? parseHex(*value) : parseDecimal(*value);
            if (!parsed || *parsed < INT32_MIN || *parsed > INT32_MAX) return std::nullopt;
            return static_cast<int>(*parsed);
        };
        if (startsWith(t, "priority=")) {
            activity.priority = number("priority").value_or(0);
            activity.preferredOrder = number("preferredOrder").value_or(0);
            activity.match = number("match").value_or(0);
            activity.isDefault = field("isDefault").value_or("false") == "true";
        } else if (t == "ApplicationInfo:") {
            inApplication = true;
        } else if (inApplication) {
            continue;
        } else if (startsWith(t, "name=")) {
            name = std::string(t.substr(5));
        } else if (startsWith(t, "packageName=")) {
            packageName = std::string(t.substr(12));
        } else if (startsWith(t, "enabled=")) {
            activity.enabled = field("enabled") == "true";
            if (auto v = field("exported")) activity.exported = *v == "true";
            if (auto v = field("directBootAware")) activity.directBootAware = *v == "true";
        } else if (t.find('/') != std::string_view::npos && t.find(' ') == std::string_view::npos &&
                   t.find('=') == std::string_view::npos) {
            if (auto component = ComponentName::unflatten(t)) activity.component = *component;
        }
    }
    if (auto r = close(); !r) return r.error();
    return out;
}

Result<std::string> readCaptureFile(const std::filesystem::path& path, std::string_view what) {
    Result<std::string> text = detail::readFileCapped(path, adb::kMaxCaptureBytes);
    if (!text) return text.error();
    if (auto r = checkNotBinary(*text, path.string(), what); !r) return r.error();
    return text;
}

}  // namespace hearth

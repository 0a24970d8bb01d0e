// device.json keys of the web-intent rules (android-modern.md §5): "roles" {browser, home} and, per
// package, "targetSdk", "minSdk", "placeholders", "firstInstallTime" and "appLinks" {domains,
// linkHandlingAllowed, selectedHosts, legacyStatus, legacyGeneration}.

#include <hearth/app_links.h>
#include <hearth/app_links_edit.h>
#include <hearth/device.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include "device_json_fields.h"

namespace hearth::detail {

namespace {

constexpr int kMaxSdk = 100;

std::optional<int> digits(std::string_view text, size_t at, size_t count) {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (size_t i = at; i < at + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
int64_t daysFromCivil(int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const int64_t yoe = y - era * 400;
    const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

// ISO 8601 "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z" or "+HH:MM"/"-HH:MM" (UTC when
// absent), to milliseconds since the epoch.
std::optional<int64_t> parseIsoTime(std::string_view text) {
    const auto year = digits(text, 0, 4);
    const auto month = digits(text, 5, 2);
    const auto day = digits(text, 8, 2);
    if (!year || !month || !day || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (*month < 1 || *month > 12 || *day < 1 || *day > 31) return std::nullopt;
    int64_t ms = daysFromCivil(*year, *month, *day) * 86400000;
    size_t i = 10;
    if (i == text.size()) return ms;
    if (text[i] != 'T' && text[i] != ' ') return std::nullopt;
    const auto hour = digits(text, i + 1, 2);
    const auto minute = digits(text, i + 4, 2);
    if (!hour || !minute || text[i + 3] != ':' || *hour > 23 || *minute > 59) return std::nullopt;
    ms += (*hour * 60 + *minute) * int64_t{60000};
    i += 6;
    if (i < text.size() && text[i] == ':') {
        const auto second = digits(text, i + 1, 2);
        if (!second || *second > 60) return std::nullopt;
        ms += *second * int64_t{1000};
        i += 3;
        if (i < text.size() && text[i] == '.') {
            size_t end = i + 1;
            int64_t fraction = 0;
            int scale = 1000;
            while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) {
                if (scale > 1) {
                    scale /= 10;
                    fraction += (text[end] - '0') * scale;
                }
                ++end;
            }
            if (end == i + 1) return std::nullopt;
            ms += fraction;
            i = end;
        }
    }
    if (i == text.size()) return ms;
    if (text[i] == 'Z' && i + 1 == text.size()) return ms;
    if ((text[i] == '+' || text[i] == '-') && text.size() == i + 6 && text[i + 3] == ':') {
        const auto offsetHours = digits(text, i + 1, 2);
        const auto offsetMinutes = digits(text, i + 4, 2);
        if (!offsetHours || !offsetMinutes) return std::nullopt;
        const int64_t offset = (*offsetHours * 60 + *offsetMinutes) * int64_t{60000};
        return text[i] == '+' ? ms - offset : ms + offset;
    }
    return std::nullopt;
}

std::string joinStateNames() {
    std::string out;
    for (int state = domain_state::kNone; state <= domain_state::kPreVerified; ++state) {
        if (!out.empty()) out += ", ";
        out += domainStateName(state);
    }
    return out + " or a number from 1024";
}

Result<void> readDomains(const JsonFields& fields, const Json& value, const std::string& pointer,
                         AppLinksState& links) {
    if (auto r = fields.expectObject(value, pointer); !r) return r;
    for (auto it = value.begin(); it != value.end(); ++it) {
        const std::string at = jsonChild(pointer, it.key());
        if (!isValidDomain(it.key())) {
            return makeError(fields.keyAt(at),
                             "'" + it.key() +
                                 "' is not a domain Android verifies: it must look like "
                                 "'example.com' or '*.example.com' (W-20)");
        }
        std::optional<int> state;
        if (it.value().is_string()) {
            state = parseDomainState(it.value().get<std::string>());
        } else if (it.value().is_number_integer()) {
            const int64_t number = it.value().get<int64_t>();
            if (number >= 0 && number <= INT32_MAX) {
                state = parseDomainState(std::to_string(number));
            }
        }
        if (!state) {
            return makeError(fields.valueAt(at), "'" + jsonDisplayName(at) +
                                                     "' must be a verification state (" +
                                                     joinStateNames() + "), got " +
                                                     describeJsonValue(it.value()));
        }
        links.domains.push_back(DomainStateEntry{it.key(), *state, fields.keyAt(at)});
    }
    return ok();
}

Result<void> readAppLinks(const JsonFields& fields, const Json& value, const std::string& pointer,
                          AppLinksState& links) {
    if (auto r = fields.expectObject(value, pointer); !r) return r;
    if (auto r = fields.checkKeys(value, pointer,
                                  {"domains", "linkHandlingAllowed", "selectedHosts",
                                   "legacyStatus", "legacyGeneration"});
        !r) {
        return r;
    }
    links.where = fields.valueAt(pointer);
    if (value.contains("domains")) {
        if (auto r = readDomains(fields, value["domains"], jsonChild(pointer, "domains"), links);
            !r) {
            return r;
        }
    }
    if (auto r = fields.readBool(value, pointer, "linkHandlingAllowed", links.linkHandlingAllowed);
        !r) {
        return r;
    }
    if (auto r = fields.readStringList(value, pointer, "selectedHosts", links.selectedHosts); !r) {
        return r;
    }
    if (value.contains("legacyStatus")) {
        const std::string at = jsonChild(pointer, "legacyStatus");
        const Json& status = value["legacyStatus"];
        std::optional<LegacyLinkStatus> parsed;
        if (status.is_string()) parsed = parseLegacyLinkStatus(status.get<std::string>());
        if (status.is_number_integer() && status.get<int64_t>() >= 0 &&
            status.get<int64_t>() <= 4) {
            parsed = static_cast<LegacyLinkStatus>(status.get<int>());
        }
        if (!parsed) {
            return makeError(fields.valueAt(at),
                             "'" + jsonDisplayName(at) +
                                 "' must be one of undefined, ask, always, never, always-ask (or "
                                 "0..4), got " +
                                 describeJsonValue(status));
        }
        links.legacyStatus = *parsed;
    }
    return fields.readInt(value, pointer, "legacyGeneration", 0, INT32_MAX, links.legacyGeneration);
}

Result<void> readFirstInstallTime(const JsonFields& fields, const Json& entry,
                                  const std::string& pointer, InstalledPackage& package) {
    if (!entry.contains("firstInstallTime")) return ok();
    const std::string at = jsonChild(pointer, "firstInstallTime");
    const Json& value = entry["firstInstallTime"];
    if (value.is_number_integer() && value.get<int64_t>() >= 0) {
        package.firstInstallTime = value.get<int64_t>();
        return ok();
    }
    if (value.is_string()) {
        if (auto ms = parseIsoTime(value.get<std::string>())) {
            package.firstInstallTime = *ms;
            return ok();
        }
    }
    return makeError(fields.valueAt(at),
                     "'" + jsonDisplayName(at) +
                         "' must be milliseconds since 1970 or an ISO 8601 time such as "
                         "\"2024-05-01T12:00:00Z\", got " +
                         describeJsonValue(value));
}

bool hasHomeActivity(const InstalledPackage& package) {
    return std::any_of(package.manifest.components.begin(), package.manifest.components.end(),
                       [](const Component& component) {
                           return std::any_of(component.filters.begin(), component.filters.end(),
                                              [](const IntentFilter& filter) {
                                                  return filter.hasAction(names::kActionMain) &&
                                                         filter.hasCategory(names::kCategoryHome);
                                              });
                       });
}

}  // namespace

Result<void> readRoles(const JsonFields& fields, const Json& value, const std::string& pointer,
                       DeviceRoles& roles) {
    if (auto r = fields.expectObject(value, pointer); !r) return r;
    if (auto r = fields.checkKeys(value, pointer, {"browser", "home"}); !r) return r;
    for (auto [key, field] : {std::pair{"browser", &roles.browser}, std::pair{"home", &roles.home}}) {
        if (!value.contains(key)) continue;
        // "browser": null is the user's "None" in Settings > Default apps: no holder, and no
        // fallback holder either (W-41 applies only when nothing was chosen). Kept as "".
        if (std::string_view(key) == "browser" && value[key].is_null()) {
            *field = std::string();
            continue;
        }
        std::string name;
        if (auto r = fields.readString(value, pointer, key, name); !r) return r;
        *field = name;
    }
    return ok();
}

Result<void> readAppLinksPackageKeys(const JsonFields& fields, const Json& entry,
                                     const std::string& pointer, InstalledPackage& package,
                                     ParseOptions& parse) {
    for (auto [key, field] : {std::pair{"targetSdk", &package.targetSdkOverride},
                              std::pair{"minSdk", &package.minSdkOverride}}) {
        // null is what `hearth dump --json` writes for an undeclared SDK level: absent.
        if (!entry.contains(key) || entry[key].is_null()) continue;
        int number = 0;
        if (auto r = fields.readInt(entry, pointer, key, 1, kMaxSdk, number); !r) return r;
        *field = number;
    }
    if (entry.contains("placeholders")) {
        const std::string at = jsonChild(pointer, "placeholders");
        const Json& value = entry["placeholders"];
        if (auto r = fields.expectObject(value, at); !r) return r;
        for (auto it = value.begin(); it != value.end(); ++it) {
            std::string text;
            if (auto r = fields.readString(value, at, it.key().c_str(), text); !r) return r;
            parse.placeholders[it.key()] = text;
        }
    }
    if (auto r = readFirstInstallTime(fields, entry, pointer, package); !r) return r;
    if (entry.contains("appLinks")) {
        return readAppLinks(fields, entry["appLinks"], jsonChild(pointer, "appLinks"),
                            package.appLinks);
    }
    return ok();
}

namespace {

constexpr int kFirstApiWithLegacyLinkStatus = 23;           // W-10..W-19

// What installing a system app listed in sysconfig <app-link> writes (W-31 on API 31+, W-17
// before): a domain device.json gives a state for keeps it (the user's capture or edit wins).
void applySysconfigAppLink(InstalledPackage& package, int apiLevel) {
    AppLinksState& links = package.appLinks;
    if (apiLevel >= kFirstApiWithDomainVerificationService) {
        for (const std::string& domain : declaredDomains(package).autoVerify) {
            const bool stated = std::any_of(
                links.domains.begin(), links.domains.end(),
                [&](const DomainStateEntry& entry) { return entry.domain == domain; });
            if (!stated) {
                links.domains.push_back(
                    DomainStateEntry{domain, domain_state::kSystemConfigured, links.where});
            }
        }
    } else if (apiLevel >= kFirstApiWithLegacyLinkStatus &&
               links.legacyStatus == LegacyLinkStatus::Undefined) {
        links.legacyStatus = LegacyLinkStatus::Always;
    }
}

}  // namespace

void finishAppLinksPackage(InstalledPackage& package, const Device& device,
                           std::vector<Diagnostic>& diagnostics) {
    // One place for the SDK levels: the manifest (callers' install checks read it too).
    if (package.targetSdkOverride) overrideTargetSdk(package, *package.targetSdkOverride);
    if (package.minSdkOverride) {
        package.manifest.minSdk = package.minSdkOverride;
        package.manifest.usesSdk = true;  // as overrideTargetSdk: the <uses-sdk> a build merges in
    }
    AppLinksState& links = package.appLinks;
    const std::vector<std::string>& appLinkPackages = device.sysconfig.appLinkPackages;
    links.sysconfigAppLink =
        package.system && std::find(appLinkPackages.begin(), appLinkPackages.end(),
                                    package.packageName()) != appLinkPackages.end();
    if (links.sysconfigAppLink) applySysconfigAppLink(package, device.apiLevel);
    if (links.domains.empty() && links.selectedHosts.empty()) return;
    const DeclaredDomains declared = declaredDomains(package);
    const std::string name = "'" + package.packageName() + "'";
    std::erase_if(links.domains, [&](const DomainStateEntry& entry) {
        const bool known = std::find(declared.autoVerify.begin(), declared.autoVerify.end(),
                                     entry.domain) != declared.autoVerify.end();
        if (!known) {
            diagnostics.push_back(Diagnostic{
                Diagnostic::Severity::Warning, entry.where,
                "'" + entry.domain + "' is not an autoVerify domain of " + name +
                    " (W-20), so Android keeps no verification state for it; ignored"});
        }
        return !known;
    });
    std::erase_if(links.selectedHosts, [&](const std::string& host) {
        const bool known =
            std::find(declared.web.begin(), declared.web.end(), host) != declared.web.end();
        if (!known) {
            diagnostics.push_back(Diagnostic{
                Diagnostic::Severity::Warning, links.where,
                "selected host '" + host + "' is not a web domain of " + name +
                    " (a VIEW + BROWSABLE + DEFAULT http(s) filter host, W-20), so Android "
                    "drops the selection (W-30); ignored"});
        }
        return !known;
    });
}

void revokeSupersededSelections(Device& device, std::vector<Diagnostic>& diagnostics) {
    const auto warn = [&](const InstalledPackage& selector, const std::string& host,
                          const InstalledPackage& owner, int state) {
        diagnostics.push_back(Diagnostic{
            Diagnostic::Severity::Warning, selector.appLinks.where,
            "'" + selector.packageName() + "' cannot keep the user's selection of '" + host +
                "': '" + owner.packageName() + "' has it " + domainStateName(state) +
                ", and Android removes every selection of a host when it is verified or "
                "approved (W-30); ignored"});
    };
    for (const InstalledPackage& owner : device.packages) {
        hearth::revokeSupersededSelections(device, owner, warn);
    }
}

void checkRoles(const JsonFields& fields, const std::string& pointer, const Device& device,
                std::vector<Diagnostic>& diagnostics) {
    if (const auto& browser = device.roles.browser; browser && !browser->empty()) {
        const SourceLocation at = fields.valueAt(jsonChild(pointer, "browser"));
        const InstalledPackage* package = device.findPackage(*browser);
        if (!package) {
            diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, at,
                                             "'roles.browser' names '" + *browser +
                                                 "', which is not installed; no default browser"});
        } else if (!qualifiesAsBrowser(*package)) {
            diagnostics.push_back(
                Diagnostic{Diagnostic::Severity::Warning, at,
                           "'roles.browser' names '" + *browser +
                               "', which has no exported activity with a VIEW + BROWSABLE + "
                               "DEFAULT http filter without a host; Android would not give it "
                               "the BROWSER role (W-40)"});
        }
    }
    if (const auto& home = device.roles.home) {
        const SourceLocation at = fields.valueAt(jsonChild(pointer, "home"));
        const InstalledPackage* package = device.findPackage(*home);
        if (!package) {
            diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, at,
                                             "'roles.home' names '" + *home +
                                                 "', which is not installed; no HOME role holder"});
        } else if (!hasHomeActivity(*package)) {
            diagnostics.push_back(Diagnostic{Diagnostic::Severity::Warning, at,
                                             "'roles.home' names '" + *home +
                                                 "', which has no MAIN + HOME activity (H-8)"});
        }
    }
}

}  // namespace hearth::detail

// describeFilterMatch: which part of IntentFilter.match failed (M-1..M-18), in words. It asks the
// same questions as intent_filter.cpp, through the same host test (filterHostMatches), so an
// explanation cannot blame a different part than the decision did.

#include <hearth/intent_filter.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text.h"
#include "unicode.h"

namespace hearth {

using text::hex;

namespace {

std::string listOf(const std::vector<std::string>& values, bool shorten) {
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) {
        if (i > 0) out += ", ";
        out += shorten ? text::shortName(values[i]) : values[i];
    }
    return out + "]";
}

std::string listOf(const std::vector<PatternMatcher>& matchers) {
    std::string out = "[";
    for (size_t i = 0; i < matchers.size(); ++i) {
        if (i > 0) out += ", ";
        out +=
            std::string(patternKindName(matchers[i].kind())) + " '" + matchers[i].pattern() + "'";
    }
    return out + "]";
}

std::string listOf(const std::vector<FilterAuthority>& authorities) {
    std::string out = "[";
    for (size_t i = 0; i < authorities.size(); ++i) {
        if (i > 0) out += ", ";
        out += authorities[i].host;
        if (authorities[i].port) out += ":" + std::to_string(*authorities[i].port);
    }
    return out + "]";
}

bool containsIgnoreCase(const std::vector<std::string>& values, std::string_view value) {
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& v) { return text::equalsIgnoreCase(v, value); });
}

MatchExplanation describeData(const IntentFilter& filter, const Intent& intent) {
    const std::optional<Uri>& data = intent.data;
    if (filter.types.empty() && filter.schemes.empty()) {
        if (data) {
            return {"M-8", "the filter declares no <data>, but the intent has data '" +
                               data->toString() + "'"};
        }
        return {"M-8", "the filter declares no <data>, but the intent has type '" +
                           intent.type.value_or("") + "'"};
    }
    if (filter.schemes.empty()) {
        return {"M-10",
                "a filter with only MIME types accepts no data or content:, file: URIs, "
                "but the intent has data '" +
                    (data ? data->toString() : std::string()) + "'"};
    }
    const std::optional<std::string>& scheme = intent.scheme();
    const std::string schemeText = scheme.value_or("");
    if (std::find(filter.schemes.begin(), filter.schemes.end(), schemeText) ==
        filter.schemes.end()) {
        if (!data) {
            return {"M-9", "the intent has no data, but the filter needs a scheme from " +
                               listOf(filter.schemes, false)};
        }
        if (!scheme) {
            return {"M-9", "data '" + data->toString() +
                               "' has no scheme; the filter's schemes are " +
                               listOf(filter.schemes, false)};
        }
        std::string reason = "scheme '" + schemeText + "' is not in the filter's schemes " +
                             listOf(filter.schemes, false);
        if (containsIgnoreCase(filter.schemes, schemeText))
            reason += " (schemes are case-sensitive)";
        return {"M-9", reason};
    }
    std::string sspMiss;
    if (!filter.ssps.empty() && data) {
        sspMiss = "scheme-specific part '" + data->schemeSpecificPart() +
                  "' matches none of the filter's " + listOf(filter.ssps);
        if (filter.authorities.empty()) return {"M-9", sspMiss};
        sspMiss += ", and ";
    }
    if (!filter.authorities.empty()) {
        const std::optional<std::string>& host = data ? data->host() : std::optional<std::string>();
        if (!host) {
            return {"M-15", sspMiss +
                                (data ? "'" + data->toString() + "' has no host"
                                      : std::string("the intent has no data")) +
                                ", but the filter needs one of the hosts " +
                                listOf(filter.authorities)};
        }
        const FilterAuthority* hostOnly = nullptr;
        bool matched = false;
        for (const FilterAuthority& authority : filter.authorities) {
            if (!filterHostMatches(authority.host, *host)) continue;
            if (authority.port && *authority.port >= 0 && *authority.port != data->port()) {
                if (!hostOnly) hostOnly = &authority;
                continue;
            }
            matched = true;
            break;
        }
        if (!matched && hostOnly) {
            const std::string port =
                data->port() < 0 ? "no port" : "port " + std::to_string(data->port());
            return {"M-16", sspMiss + "'" + data->toString() + "' has " + port +
                                ", but the filter's authority '" + hostOnly->host +
                                "' needs port " + std::to_string(*hostOnly->port)};
        }
        if (!matched) {
            return {"M-14", sspMiss + "host '" + *host + "' matches none of the filter's hosts " +
                                listOf(filter.authorities)};
        }
        if (!filter.paths.empty()) {
            const std::string path = data->path().value_or("");
            return {"M-9", "path '" + path + "'" +
                               (path.empty() ? " (the URI has no path)" : std::string()) +
                               " matches none of the filter's paths " + listOf(filter.paths)};
        }
    }
    return {"M-9", "the data '" + (data ? data->toString() : std::string()) +
                       "' does not match the filter's <data>"};
}

}  // namespace

MatchExplanation describeFilterMatch(const IntentFilter& filter, const Intent& intent, int code) {
    switch (code) {
        case match::kNoMatchAction: {
            const std::string action = intent.action.value_or("");
            if (filter.actions.empty()) {
                return {"M-3",
                        "the filter lists no action, so it never matches action '" + action + "'"};
            }
            std::string reason = "action '" + action + "' is not in the filter's actions " +
                                 listOf(filter.actions, true);
            if (filter.hasAction("*")) {
                return {"M-4", reason + " ('*' is a literal action, not a wildcard)"};
            }
            return {"M-3", reason};
        }
        case match::kNoMatchCategory: {
            std::string missing;
            for (const std::string& category : intent.categories) {
                if (!filter.hasCategory(category)) {
                    missing = category;
                    break;
                }
            }
            if (filter.categories.empty()) {
                return {"M-6", "the filter lists no category, but the intent has category '" +
                                   missing + "'"};
            }
            return {"M-5", "category '" + missing + "' is not in the filter's categories " +
                               listOf(filter.categories, true)};
        }
        case match::kNoMatchData:
            return describeData(filter, intent);
        case match::kNoMatchType: {
            if (filter.types.empty()) {
                return {"M-11", "the filter declares no MIME type, but the intent has type '" +
                                    intent.type.value_or("") + "'"};
            }
            if (!intent.type) {
                return {"M-11", "the filter needs a MIME type from " + listOf(filter.types, false) +
                                    ", but the intent has none (only -t sets it; content "
                                    "providers are not asked)"};
            }
            std::string reason = "type '" + *intent.type + "' matches none of the filter's types " +
                                 listOf(filter.types, false);
            if (containsIgnoreCase(filter.types, *intent.type)) {
                reason += " (types are case-sensitive, M-18)";
            }
            return {"M-11", reason};
        }
        default:
            break;
    }
    if (code >= 0) return {"M-12", "the filter matches: " + matchCodeName(code) + " " + hex(code)};
    return {"M-1", "the filter does not match (" + std::to_string(code) + ")"};
}

}  // namespace hearth

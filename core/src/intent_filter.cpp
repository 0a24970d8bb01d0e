// IntentFilter.match (spec section 2): action, then data (scheme, scheme-specific part,
// authority, path, MIME type), then categories, returning Android's exact codes. match() is on the
// resolver's hot path, so it allocates nothing: it reads the Uri's precomputed parts and compares
// views.

#include <hearth/intent_filter.h>

#include <algorithm>

#include "unicode.h"

namespace hearth {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
    for (const std::string& item : list) {
        if (item == value) return true;
    }
    return false;
}

bool anyMatches(const std::vector<PatternMatcher>& matchers, std::string_view subject) {
    for (const PatternMatcher& matcher : matchers) {
        if (matcher.match(subject)) return true;
    }
    return false;
}

// The UTF-16 form of the host test, for hosts that are not ASCII.
bool hostMatchesUtf16(std::string_view wanted, std::string_view uriHost, bool wild) {
    const text::Utf16 wanted16(wanted);
    const text::Utf16 host16(uriHost);
    std::u16string_view host = host16.view();
    if (wild) {
        if (host.size() < wanted16.view().size()) return false;
        host = host.substr(host.size() - wanted16.view().size());
    }
    // M-13: compareToIgnoreCase, so Unicode-aware (U+212A KELVIN SIGN equals 'k').
    return text::equalsIgnoreCase(host, wanted16.view());
}

}  // namespace

// A leading '*' makes the rest a suffix that the URI host must end with (M-14); Android measures
// and cuts that suffix in UTF-16 units, which for ASCII hosts (nearly all of them) are the bytes.
bool filterHostMatches(std::string_view filterHost, std::string_view uriHost) {
    const bool wild = !filterHost.empty() && filterHost.front() == '*';
    const std::string_view wanted = wild ? filterHost.substr(1) : filterHost;
    if (!text::isAscii(wanted) || !text::isAscii(uriHost)) {
        return hostMatchesUtf16(wanted, uriHost, wild);
    }
    if (uriHost.size() < wanted.size() || (!wild && uriHost.size() != wanted.size())) return false;
    return text::equalsIgnoreCaseAscii(uriHost.substr(uriHost.size() - wanted.size()), wanted);
}

namespace {

// The first authority that matches decides between HOST and PORT (M-17). A filter port below 0
// means "any port", as Android's -1 does.
int matchAuthorities(const std::vector<FilterAuthority>& authorities, const Uri* data) {
    if (data == nullptr || !data->host()) return match::kNoMatchData;  // M-15
    for (const FilterAuthority& authority : authorities) {
        if (!filterHostMatches(authority.host, *data->host())) continue;
        if (authority.port && *authority.port >= 0) {
            // M-16: a URI without an explicit port has -1, so it never matches a filter port.
            if (*authority.port != data->port()) continue;
            return match::kCategoryPort;
        }
        return match::kCategoryHost;
    }
    return match::kNoMatchData;
}

// IntentFilter stores "image/*" as the partial type "image" and "*/*" as "*"; everything else
// as declared. This is that stored form, as a view into the declared string.
std::string_view storedType(std::string_view declared, bool& partial) {
    const std::size_t slash = declared.find('/');
    partial = slash != std::string_view::npos && declared.size() == slash + 2 &&
              declared[slash + 1] == '*';
    return partial ? declared.substr(0, slash) : declared;
}

// findMimeType (spec 2.7), over a non-empty type list.
bool typeMatches(const std::vector<std::string>& types, const std::optional<std::string>& type) {
    if (!type) return false;
    const std::string_view wanted = *type;
    const std::size_t slash = wanted.find('/');
    const bool hasBase = slash != std::string_view::npos && slash > 0;
    const std::string_view base = hasBase ? wanted.substr(0, slash) : std::string_view();
    const std::string_view baseWithSlash =
        hasBase ? wanted.substr(0, slash + 1) : std::string_view();
    const bool wantsAnySubtype = hasBase && wanted.size() == slash + 2 && wanted[slash + 1] == '*';

    bool hasPartial = false;
    bool listsAnyType = false;  // "*/*"
    bool listsBase = false;     // "base/*"
    bool listsTypeUnderBase = false;
    for (const std::string& declared : types) {
        bool partial = false;
        const std::string_view stored = storedType(declared, partial);
        if (stored == wanted) return true;  // 1: exact (also "image" against "image/*")
        hasPartial = hasPartial || partial;
        listsAnyType = listsAnyType || stored == "*";
        if (hasBase) {
            listsBase = listsBase || stored == base;
            listsTypeUnderBase =
                listsTypeUnderBase || (wantsAnySubtype && stored.starts_with(baseWithSlash));
        }
    }
    if (wanted == "*/*") return true;             // 2: the list is not empty here
    if (hasPartial && listsAnyType) return true;  // 3: filter takes "*/*"
    if (hasPartial && listsBase) return true;     // 4: filter takes "base/*"
    return listsTypeUnderBase;                    // 5: intent asks for "base/*"
}

int matchData(const IntentFilter& filter, const Intent& intent) {
    const Uri* data = intent.data ? &*intent.data : nullptr;
    const std::string* scheme = data && data->scheme() ? &*data->scheme() : nullptr;
    const std::optional<std::string>& type = intent.type;

    // M-8: no types and no schemes: only an intent without data and type matches; authorities,
    // paths and SSPs declared without a scheme are ignored.
    if (filter.types.empty() && filter.schemes.empty()) {
        return (!type && data == nullptr) ? match::kCategoryEmpty + match::kAdjustmentNormal
                                          : match::kNoMatchData;
    }

    int result = match::kCategoryEmpty;
    if (!filter.schemes.empty()) {
        // M-9.1: a URI without a scheme (or no URI) needs "" in the scheme list.
        if (!contains(filter.schemes, scheme ? std::string_view(*scheme) : std::string_view())) {
            return match::kNoMatchData;
        }
        result = match::kCategoryScheme;
        // M-9.2: a matching SSP settles it; a miss falls back to the authorities.
        if (!filter.ssps.empty() && data != nullptr) {
            result = anyMatches(filter.ssps, data->schemeSpecificPart())
                         ? match::kCategorySchemeSpecificPart
                         : match::kNoMatchData;
        }
        if (result != match::kCategorySchemeSpecificPart && !filter.authorities.empty()) {
            // M-9.3: paths count only once an authority matched.
            const int authority = matchAuthorities(filter.authorities, data);
            if (authority < 0) return match::kNoMatchData;
            if (filter.paths.empty()) {
                result = authority;
            } else if (data->path() && anyMatches(filter.paths, *data->path())) {
                result = match::kCategoryPath;
            } else {
                return match::kNoMatchData;
            }
        }
        if (result == match::kNoMatchData) return match::kNoMatchData;  // M-9.4
    } else if (scheme && !scheme->empty() && *scheme != "content" && *scheme != "file") {
        // M-10: a types-only filter takes no URI, or a content:, file: or scheme-less one.
        return match::kNoMatchData;
    }

    // M-11: the type decides last and overrides the data category.
    if (!filter.types.empty()) {
        if (!typeMatches(filter.types, type)) return match::kNoMatchType;
        result = match::kCategoryType;
    } else if (type) {
        return match::kNoMatchType;
    }
    return result + match::kAdjustmentNormal;
}

}  // namespace

bool filterTypeMatches(const std::vector<std::string>& types, std::string_view type) {
    return typeMatches(types, std::string(type));
}

std::string matchCodeName(int code) {
    switch (code) {
        case match::kNoMatchType:
            return "NO_MATCH_TYPE";
        case match::kNoMatchData:
            return "NO_MATCH_DATA";
        case match::kNoMatchAction:
            return "NO_MATCH_ACTION";
        case match::kNoMatchCategory:
            return "NO_MATCH_CATEGORY";
        case -5:
            return "NO_MATCH_EXTRAS";
        default:
            break;
    }
    if (code > 0) {
        switch (code & match::kCategoryMask) {
            case match::kCategoryEmpty:
                return "MATCH_CATEGORY_EMPTY";
            case match::kCategoryScheme:
                return "MATCH_CATEGORY_SCHEME";
            case match::kCategoryHost:
                return "MATCH_CATEGORY_HOST";
            case match::kCategoryPort:
                return "MATCH_CATEGORY_PORT";
            case match::kCategoryPath:
                return "MATCH_CATEGORY_PATH";
            case match::kCategorySchemeSpecificPart:
                return "MATCH_CATEGORY_SCHEME_SPECIFIC_PART";
            case match::kCategoryType:
                return "MATCH_CATEGORY_TYPE";
            default:
                break;
        }
    }
    return "UNKNOWN_MATCH_CODE_" + std::to_string(code);
}

bool IntentFilter::hasAction(std::string_view action) const { return contains(actions, action); }

bool IntentFilter::hasCategory(std::string_view category) const {
    return contains(categories, category);
}

int IntentFilter::match(const Intent& intent) const {
    // M-1: action, data, categories, in that order; the first failure is the answer.
    // M-2/M-3: a null action passes; a non-null one must be listed (M-4: '*' is literal).
    if (intent.action && !hasAction(*intent.action)) return match::kNoMatchAction;
    const int dataMatch = matchData(*this, intent);
    if (dataMatch < 0) return dataMatch;
    // M-5/M-6: every intent category must be listed.
    for (const std::string& category : intent.categories) {
        if (!hasCategory(category)) return match::kNoMatchCategory;
    }
    return dataMatch;
}

bool IntentFilter::operator==(const IntentFilter& o) const {
    return actions == o.actions && categories == o.categories && types == o.types &&
           schemes == o.schemes && ssps == o.ssps && authorities == o.authorities &&
           paths == o.paths && mimeGroups == o.mimeGroups && priority == o.priority &&
           order == o.order && autoVerify == o.autoVerify;
}

Result<std::string> validateMimeType(std::string_view type) {
    // M-19, IntentFilter.addDataType: a '/' after at least one character, and at least one
    // character after it.
    const std::size_t slash = type.find('/');
    if (slash == std::string_view::npos || slash == 0 || type.size() < slash + 2) {
        return makeError("MIME type '" + std::string(type) + "' must look like 'type/subtype'");
    }
    return std::string(type);
}

Result<int> parsePort(std::string_view port) {
    if (const std::optional<std::int32_t> value = text::parseJavaInt(port)) return *value;
    // Integer.parseInt accepts an optional sign and decimal digits only, within 32 bits.
    std::size_t digits = 0;
    std::size_t pos = (!port.empty() && (port[0] == '-' || port[0] == '+')) ? 1 : 0;
    bool allDigits = pos < port.size();
    for (; pos < port.size(); ++pos) {
        if (port[pos] >= '0' && port[pos] <= '9') {
            ++digits;
        } else {
            allDigits = false;
        }
    }
    if (allDigits && digits > 0) {
        return makeError("port '" + std::string(port) + "' does not fit in 32 bits");
    }
    return makeError("port '" + std::string(port) + "' must be a whole number");
}

std::string androidMimeTypeException(std::string_view type) {
    if (validateMimeType(type)) return {};
    return "android.content.IntentFilter$MalformedMimeTypeException: " + std::string(type);
}

std::string androidPortException(std::string_view port) {
    if (parsePort(port)) return {};
    return "java.lang.NumberFormatException: For input string: \"" + std::string(port) + "\"";
}

}  // namespace hearth

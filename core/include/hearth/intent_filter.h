#pragma once
// IntentFilter: one <intent-filter>, stored the way Android stores it (each <data> attribute added
// independently, M-26), and IntentFilter.match with Android's exact result codes (spec section 2).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/intent.h>
#include <hearth/pattern_matcher.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

/// IntentFilter.match result codes (spec 2.1). Positive results are category + kMatchAdjustmentNormal.
namespace match {
inline constexpr int kCategoryMask = 0x0FFF0000;
inline constexpr int kAdjustmentMask = 0x0000FFFF;
inline constexpr int kAdjustmentNormal = 0x00008000;
inline constexpr int kCategoryEmpty = 0x00100000;
inline constexpr int kCategoryScheme = 0x00200000;
inline constexpr int kCategoryHost = 0x00300000;
inline constexpr int kCategoryPort = 0x00400000;
inline constexpr int kCategoryPath = 0x00500000;
inline constexpr int kCategorySchemeSpecificPart = 0x00580000;
inline constexpr int kCategoryType = 0x00600000;
inline constexpr int kNoMatchType = -1;
inline constexpr int kNoMatchData = -2;
inline constexpr int kNoMatchAction = -3;
inline constexpr int kNoMatchCategory = -4;
}  // namespace match

/// "MATCH_CATEGORY_HOST", "NO_MATCH_DATA", ... for a match() result.
std::string matchCodeName(int code);

/// One authority of a filter: host as declared (a leading '*' is a suffix wildcard, M-14) and an
/// optional port.
struct FilterAuthority {
    std::string host;
    std::optional<int> port;
    SourceLocation where;

    bool operator==(const FilterAuthority& o) const { return host == o.host && port == o.port; }
};

struct IntentFilter {
    std::vector<std::string> actions;
    std::vector<std::string> categories;
    std::vector<std::string> types;  ///< as declared and validated: "image/png", "image/*", "*/*"
    std::vector<std::string> schemes;
    std::vector<PatternMatcher> ssps;
    std::vector<FilterAuthority> authorities;
    std::vector<PatternMatcher> paths;
    std::vector<std::string> mimeGroups;
    int priority = 0;        ///< as declared (clamping is the device's business, P-1..P-3)
    int order = 0;
    bool autoVerify = false;
    SourceLocation where;    ///< the <intent-filter> element

    bool hasAction(std::string_view action) const;
    bool hasCategory(std::string_view category) const;
    /// True when the filter lists android.intent.category.DEFAULT (used by MATCH_DEFAULT_ONLY, R-7).
    bool hasDefault() const { return hasCategory("android.intent.category.DEFAULT"); }

    /// IntentFilter.match(action, type, scheme, data, categories) with the intent's resolved type
    /// (its explicit type; providers are not consulted). Returns a match code (spec 2.1).
    int match(const Intent& intent) const;

    bool operator==(const IntentFilter& o) const;
};

/// Checks a MIME type the way IntentFilter.addDataType does (M-19) and returns it unchanged; fails
/// with "MIME type 'image' must look like 'type/subtype'" for "image", "/png", "image/" or "*".
[[nodiscard]] Result<std::string> validateMimeType(std::string_view type);
/// Parses a <data android:port> value as Integer.parseInt does (M-26): optional sign, decimal
/// digits, 32 bits; fails with "port 'eighty' must be a whole number" (also for "") or
/// "port '99999999999' does not fit in 32 bits".
[[nodiscard]] Result<int> parsePort(std::string_view port);

/// The exception Android throws for a MIME type validateMimeType refuses, as Java prints it
/// ("android.content.IntentFilter$MalformedMimeTypeException: image"), or "" when it is valid.
std::string androidMimeTypeException(std::string_view type);
/// The exception Android throws for a port parsePort refuses, as Java prints it
/// ("java.lang.NumberFormatException: For input string: \"eighty\""), or "" when it is valid.
std::string androidPortException(std::string_view port);

/// AuthorityEntry.match's host test (M-13, M-14): a leading '*' in the filter host makes the rest
/// a suffix, compared like String.compareToIgnoreCase (U+212A KELVIN SIGN equals 'k').
bool filterHostMatches(std::string_view filterHost, std::string_view uriHost);

/// findMimeType (spec 2.7): whether a non-empty list of declared filter types takes an intent of
/// `type` ("image/png", "image/*", "*/*"); the type test of match(), shared with reverse lookups.
bool filterTypeMatches(const std::vector<std::string>& types, std::string_view type);

/// Why filter.match(intent) gives `code`, as a rule id and one sentence naming the part that
/// failed with the values involved, e.g. {"M-3", "action 'android.intent.action.VIEW' is not in
/// the filter's actions [SENDTO]"}; for a positive code, what matched.
struct MatchExplanation {
    std::string rule;
    std::string reason;
};
/// The explanation of match()'s `code` (intent_filter_explain.cpp); used by explain() and the GUI.
MatchExplanation describeFilterMatch(const IntentFilter& filter, const Intent& intent, int code);

}  // namespace hearth

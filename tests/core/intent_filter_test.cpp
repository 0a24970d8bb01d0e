// IntentFilter.match, one test per per-filter edge case of spec section 7 (rows 1-43, 69, 70),
// named after the rule it pins; then the M- rules the table does not spell out, and the value
// checks of <data> (validateMimeType, parsePort) with their full messages.

#include <gtest/gtest.h>
#include <hearth/intent.h>
#include <hearth/intent_filter.h>
#include <hearth/pattern_matcher.h>

#include <initializer_list>
#include <string>

using namespace hearth;

namespace {

constexpr const char* kView = names::kActionView;
constexpr const char* kMain = names::kActionMain;
constexpr const char* kDefault = names::kCategoryDefault;
constexpr const char* kBrowsable = names::kCategoryBrowsable;
constexpr const char* kLauncher = names::kCategoryLauncher;

constexpr int kEmpty = match::kCategoryEmpty + match::kAdjustmentNormal;
constexpr int kScheme = match::kCategoryScheme + match::kAdjustmentNormal;
constexpr int kHost = match::kCategoryHost + match::kAdjustmentNormal;
constexpr int kPort = match::kCategoryPort + match::kAdjustmentNormal;
constexpr int kPath = match::kCategoryPath + match::kAdjustmentNormal;
constexpr int kSsp = match::kCategorySchemeSpecificPart + match::kAdjustmentNormal;
constexpr int kType = match::kCategoryType + match::kAdjustmentNormal;

PatternMatcher pattern(PatternKind kind, const std::string& value) {
    return PatternMatcher::create(kind, value).value();
}

Intent intent(std::optional<std::string> action, std::optional<std::string> data = std::nullopt,
              std::optional<std::string> type = std::nullopt,
              std::initializer_list<const char*> categories = {}) {
    Intent result;
    result.action = std::move(action);
    if (data) result.data = Uri::parse(*data);
    result.type = std::move(type);
    for (const char* category : categories) result.addCategory(category);
    return result;
}

IntentFilter webFilter(std::initializer_list<const char*> hosts) {
    IntentFilter filter;
    filter.actions = {kView};
    filter.categories = {kDefault, kBrowsable};
    filter.schemes = {"http", "https"};
    for (const char* host : hosts) filter.authorities.push_back({host, std::nullopt, {}});
    return filter;
}

IntentFilter typeFilter(std::initializer_list<const char*> types) {
    IntentFilter filter;
    filter.actions = {kView};
    for (const char* type : types) filter.types.push_back(type);
    return filter;
}

IntentFilter pathFilter(PatternKind kind, const std::string& value) {
    IntentFilter filter;
    filter.schemes = {"http"};
    filter.authorities = {{"x", std::nullopt, {}}};
    filter.paths = {pattern(kind, value)};
    return filter;
}

}  // namespace

// ---- Spec section 7 -------------------------------------------------------------------------

TEST(IntentFilterMatch, Row01_M8_FilterWithoutDataMatchesIntentWithoutDataAsEmpty) {
    IntentFilter filter;
    filter.actions = {kView};
    filter.categories = {kDefault};
    EXPECT_EQ(filter.match(intent(kView)), 0x108000);
}

TEST(IntentFilterMatch, Row02_M3_FilterWithoutActionsRejectsEveryAction) {
    IntentFilter filter;
    filter.categories = {kDefault};
    EXPECT_EQ(filter.match(intent(kView)), match::kNoMatchAction);
}

TEST(IntentFilterMatch, Row03_M2_NullActionSkipsTheActionTest) {
    IntentFilter filter;
    filter.actions = {kMain};
    filter.categories = {kDefault};
    EXPECT_EQ(filter.match(intent(std::nullopt, std::nullopt, std::nullopt, {kDefault})), kEmpty);
}

TEST(IntentFilterMatch, Row04_M2_NullActionWithDataMatchesASchemeFilter) {
    IntentFilter filter;
    filter.actions = {kView};
    filter.schemes = {"http"};
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://a")), 0x208000);
    EXPECT_FALSE(filter.hasDefault());
}

TEST(IntentFilterMatch, Row05_R7_LauncherFilterMatchesButHasNoDefault) {
    // Rows 5 and 6: match() accepts; only MATCH_DEFAULT_ONLY (the resolver) tells them apart.
    IntentFilter filter;
    filter.actions = {kMain};
    filter.categories = {kLauncher};
    EXPECT_EQ(filter.match(intent(kMain, std::nullopt, std::nullopt, {kLauncher})), kEmpty);
    EXPECT_FALSE(filter.hasDefault());
}

TEST(IntentFilterMatch, Row07_M5_IntentCategoryMissingFromTheFilterFails) {
    IntentFilter filter;
    filter.actions = {kView};
    filter.categories = {kDefault};
    EXPECT_EQ(filter.match(intent(kView, std::nullopt, std::nullopt, {kBrowsable})),
              match::kNoMatchCategory);
}

TEST(IntentFilterMatch, Row08_M6_IntentWithoutCategoriesPassesAnyFilter) {
    IntentFilter filter;
    filter.actions = {kView};
    filter.categories = {kDefault, kBrowsable};
    EXPECT_EQ(filter.match(intent(kView)), kEmpty);
}

TEST(IntentFilterMatch, Row09_M6_FilterWithoutCategoriesRejectsAnyCategory) {
    IntentFilter filter;
    filter.actions = {kView};
    EXPECT_EQ(filter.match(intent(kView, std::nullopt, std::nullopt, {kDefault})),
              match::kNoMatchCategory);
}

TEST(IntentFilterMatch, Row10_M13_SchemeIsCaseSensitive) {
    IntentFilter filter;
    filter.schemes = {"http"};
    EXPECT_EQ(filter.match(intent(std::nullopt, "HTTP://a")), match::kNoMatchData);
}

TEST(IntentFilterMatch, Row11_M13_HostComparisonIgnoresCase) {
    EXPECT_EQ(webFilter({"example.com"}).match(intent(kView, "http://EXAMPLE.com/x")), 0x308000);
}

TEST(IntentFilterMatch, Row12_M14_HostWildcardDoesNotMatchTheBareDomain) {
    EXPECT_EQ(webFilter({"*.example.com"}).match(intent(kView, "http://example.com")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, Row13_M14_HostWildcardMatchesASubdomain) {
    EXPECT_EQ(webFilter({"*.example.com"}).match(intent(kView, "http://m.example.com")), kHost);
    EXPECT_EQ(webFilter({"*.example.com"}).match(intent(kView, "http://a.b.example.com")), kHost);
}

TEST(IntentFilterMatch, Row14_M14_HostWildcardIsAPlainSuffixNotLabelAware) {
    EXPECT_EQ(webFilter({"*example.com"}).match(intent(kView, "http://evilexample.com")), kHost);
}

TEST(IntentFilterMatch, Row15_M15_OpaqueUriHasNoHostForAWildcard) {
    IntentFilter filter;
    filter.schemes = {"mailto"};
    filter.authorities = {{"*", std::nullopt, {}}};
    EXPECT_EQ(filter.match(intent(std::nullopt, "mailto:a@b")), match::kNoMatchData);
}

TEST(IntentFilterMatch, Row16_M16_FilterPortNeedsAnExplicitUriPort) {
    IntentFilter filter;
    filter.schemes = {"http"};
    filter.authorities = {{"h", 8080, {}}};
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://h/")), match::kNoMatchData);
}

TEST(IntentFilterMatch, Row17_M16_MatchingPortGivesThePortCategory) {
    IntentFilter filter;
    filter.schemes = {"http"};
    filter.authorities = {{"h", 8080, {}}};
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://h:8080/")), 0x408000);
}

TEST(IntentFilterMatch, Row18_M9_PathsAreIgnoredWithoutAuthorities) {
    IntentFilter filter;
    filter.schemes = {"http"};
    filter.paths = {pattern(PatternKind::Literal, "/a")};
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://x/b")), 0x208000);
}

TEST(IntentFilterMatch, Row19_M21_PathPrefixHasNoSegmentBoundary) {
    EXPECT_EQ(
        pathFilter(PatternKind::Prefix, "/app").match(intent(std::nullopt, "http://x/application")),
        0x508000);
}

TEST(IntentFilterMatch, Row20_M9_HostWithoutPathHasAnEmptyPath) {
    EXPECT_EQ(pathFilter(PatternKind::Literal, "/").match(intent(std::nullopt, "http://x")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, Row21_M23_SimpleGlobDoesNotBacktrack) {
    // The XML text ".*\\.pdf" is the pattern .*\.pdf.
    EXPECT_EQ(pathFilter(PatternKind::SimpleGlob, ".*\\.pdf")
                  .match(intent(std::nullopt, "http://x/a.b.pdf")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, Row22_M23_SimpleGlobMatchesWhenTheFirstOccurrenceIsTheRightOne) {
    EXPECT_EQ(pathFilter(PatternKind::SimpleGlob, ".*\\.pdf")
                  .match(intent(std::nullopt, "http://x/ab.pdf")),
              kPath);
}

TEST(IntentFilterMatch, Row23_M23_TrailingStarAfterTheSubjectEndedFails) {
    EXPECT_EQ(pathFilter(PatternKind::SimpleGlob, "/a*").match(intent(std::nullopt, "http://x/")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, Row24_M23_StarInTheMiddleMatchesZeroRepetitions) {
    EXPECT_EQ(
        pathFilter(PatternKind::SimpleGlob, "/ab*c").match(intent(std::nullopt, "http://x/ac")),
        kPath);
}

TEST(IntentFilterMatch, Row25_M24_AdvancedGlobNeedsOneOrMore) {
    const IntentFilter filter = pathFilter(PatternKind::AdvancedGlob, "/item/[0-9]+");
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://x/item/123")), kPath);
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://x/item/")), match::kNoMatchData);
}

TEST(IntentFilterMatch, Row26_M22_PathSuffixIsCaseSensitive) {
    EXPECT_EQ(pathFilter(PatternKind::Suffix, ".pdf").match(intent(std::nullopt, "http://x/X.PDF")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, Row27_M11_PartialTypeMatchesAConcreteType) {
    EXPECT_EQ(typeFilter({"image/*"}).match(intent(kView, std::nullopt, "image/png")), 0x608000);
}

TEST(IntentFilterMatch, Row28_M10_TypesOnlyFilterRejectsHttpData) {
    EXPECT_EQ(typeFilter({"image/*"}).match(intent(kView, "http://x/a.png", "image/png")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, Row29_M10_TypesOnlyFilterAcceptsContentData) {
    // The provider's type reaches match() as the intent's resolved type.
    EXPECT_EQ(typeFilter({"image/*"}).match(intent(kView, "content://m/1", "image/jpeg")), kType);
}

TEST(IntentFilterMatch, Row30_M11_TypedFilterRejectsAnIntentWithoutType) {
    EXPECT_EQ(typeFilter({"image/*"}).match(intent(kView, "file:///a.png")), match::kNoMatchType);
}

TEST(IntentFilterMatch, Row31_M11_UntypedFilterRejectsATypedIntent) {
    IntentFilter filter;
    filter.schemes = {"http"};
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://x", "text/html")), match::kNoMatchType);
}

TEST(IntentFilterMatch, Row32_M9_IntentWithoutDataNeedsTheEmptyScheme) {
    IntentFilter filter = typeFilter({"image/*"});
    filter.schemes = {"content"};
    EXPECT_EQ(filter.match(intent(kView, std::nullopt, "image/png")), match::kNoMatchData);
}

TEST(IntentFilterMatch, Row33_MimeAnyTypeFilterTakesEveryType) {
    EXPECT_EQ(typeFilter({"*/*"}).match(intent(kView, std::nullopt, "application/x-foo")), kType);
}

TEST(IntentFilterMatch, Row34_MimeIntentWildcardSubtypeMatchesAConcreteFilterType) {
    EXPECT_EQ(typeFilter({"image/png"}).match(intent(kView, std::nullopt, "image/*")), kType);
}

TEST(IntentFilterMatch, Row35_MimeIntentAnyTypeMatchesATypedFilter) {
    EXPECT_EQ(typeFilter({"image/png"}).match(intent(kView, std::nullopt, "*/*")), kType);
}

TEST(IntentFilterMatch, Row36_M2_NullActionStillMatchesATypedFilter) {
    // match() accepts; it is the resolver's index that finds nothing for this intent.
    EXPECT_EQ(typeFilter({"image/png"}).match(intent(std::nullopt, std::nullopt, "*/*")), kType);
}

TEST(IntentFilterMatch, Row37_M18_TypeIsCaseSensitive) {
    EXPECT_EQ(typeFilter({"image/png"}).match(intent(kView, std::nullopt, "IMAGE/PNG")),
              match::kNoMatchType);
}

TEST(IntentFilterMatch, Row38_M19_TypeWithoutSubtypeIsRefused) {
    const Result<std::string> refused = validateMimeType("image");
    ASSERT_FALSE(refused.has_value());
    EXPECT_EQ(refused.error().message, "MIME type 'image' must look like 'type/subtype'");
    EXPECT_EQ(androidMimeTypeException("image"),
              "android.content.IntentFilter$MalformedMimeTypeException: image");
}

TEST(IntentFilterMatch, Row39_M11_TypeWithoutSlashMatchesNoFilterType) {
    EXPECT_EQ(typeFilter({"image/*", "text/plain"}).match(intent(kView, std::nullopt, "foo")),
              match::kNoMatchType);
}

TEST(IntentFilterMatch, Row40_M9_SchemeSpecificPartLiteral) {
    IntentFilter filter;
    filter.schemes = {"tel"};
    filter.ssps = {pattern(PatternKind::Literal, "123")};
    EXPECT_EQ(filter.match(intent(std::nullopt, "tel:123")), 0x588000);
    EXPECT_EQ(filter.match(intent(std::nullopt, "tel:1234")), match::kNoMatchData);
}

TEST(IntentFilterMatch, Row41_M9_SchemeSpecificPartMissFallsBackToTheAuthority) {
    IntentFilter filter;
    filter.schemes = {"http"};
    filter.ssps = {pattern(PatternKind::Prefix, "//a.com/")};
    filter.authorities = {{"b.com", std::nullopt, {}}};
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://b.com/x")), kHost);
}

TEST(IntentFilterMatch, Row42_M26_DataAttributesCombineAsACrossProduct) {
    // <data scheme="http" host="a.com"/><data scheme="https" host="b.com"/> is one filter.
    EXPECT_EQ(webFilter({"a.com", "b.com"}).match(intent(kView, "https://a.com")), kHost);
}

TEST(IntentFilterMatch, Row43_M8_FilterWithoutDataRejectsARelativeUri) {
    IntentFilter filter;
    filter.actions = {kView};
    EXPECT_EQ(filter.match(intent(kView, "foo")), match::kNoMatchData);
}

TEST(IntentFilterMatch, Row69_M4_FilterActionStarIsLiteral) {
    IntentFilter filter;
    filter.actions = {"*"};
    EXPECT_EQ(filter.match(intent(kView)), match::kNoMatchAction);
    EXPECT_EQ(filter.match(intent("*")), kEmpty);
}

TEST(IntentFilterMatch, Row70_M26_PortWithoutHostIsDroppedSoAnyPortMatches) {
    // <data scheme="http" host="a.com"/><data port="8080"/>: the parser keeps no port.
    IntentFilter filter;
    filter.schemes = {"http"};
    filter.authorities = {{"a.com", std::nullopt, {}}};
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://a.com:9/")), 0x308000);
}

// ---- Rules beyond the table ------------------------------------------------------------------

TEST(IntentFilterMatch, M1_ActionIsCheckedBeforeDataAndDataBeforeCategories) {
    IntentFilter filter;
    filter.actions = {kView};
    filter.schemes = {"http"};
    EXPECT_EQ(filter.match(intent("SEND", "ftp://x", std::nullopt, {kBrowsable})),
              match::kNoMatchAction);
    EXPECT_EQ(filter.match(intent(kView, "ftp://x", std::nullopt, {kBrowsable})),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, M8_EmptyFilterRejectsATypeOnlyIntentAsData) {
    EXPECT_EQ(IntentFilter{}.match(intent(std::nullopt, std::nullopt, "image/png")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, M8_AuthoritiesWithoutASchemeAreIgnored) {
    IntentFilter filter;
    filter.authorities = {{"example.com", std::nullopt, {}}};
    EXPECT_EQ(filter.match(intent(std::nullopt)), kEmpty);
    EXPECT_EQ(filter.match(intent(std::nullopt, "http://example.com/")), match::kNoMatchData);
}

TEST(IntentFilterMatch, M9_EmptySchemeMatchesARelativeUri) {
    IntentFilter filter;
    filter.schemes = {""};
    EXPECT_EQ(filter.match(intent(std::nullopt, "relative/path")), kScheme);
    EXPECT_EQ(filter.match(intent(std::nullopt)), kScheme);
}

TEST(IntentFilterMatch, M9_SchemeSpecificPartMissWithoutAuthoritiesIsNoMatch) {
    IntentFilter filter;
    filter.schemes = {"tel"};
    filter.ssps = {pattern(PatternKind::Literal, "999")};
    EXPECT_EQ(filter.match(intent(std::nullopt, "tel:123")), match::kNoMatchData);
}

TEST(IntentFilterMatch, M13_HostComparisonIsUnicodeAwareLikeCompareToIgnoreCase) {
    // U+212A KELVIN SIGN lower-cases to 'k'; U+0130 (I with dot) lower-cases to 'i'.
    EXPECT_EQ(webFilter({"\xE2\x84\xAAiwix.org"}).match(intent(kView, "https://kiwix.org/")),
              kHost);
    EXPECT_EQ(webFilter({"\xC4\xB0nfo.example"}).match(intent(kView, "https://info.example/")),
              kHost);
    EXPECT_EQ(webFilter({"caf\xC3\xA9.example"}).match(intent(kView, "https://CAF%C3%89.example/")),
              kHost);
    EXPECT_EQ(webFilter({"stra\xC3\x9F"
                         "e.example"})
                  .match(intent(kView, "https://strasse.example/")),
              match::kNoMatchData);
}

TEST(IntentFilterMatch, M14_AWildcardSuffixIsCutInUtf16UnitsNotBytes) {
    // "xab.\u017F" ends in U+017F LONG S (two bytes, one UTF-16 unit), which compareToIgnoreCase
    // equates with 's': Android cuts the last three units, "b.\u017F", and matches "*b.s". The
    // last three bytes, ".\xC5\xBF", would start at '.' and miss.
    EXPECT_TRUE(filterHostMatches("*b.s", "xab.\xC5\xBF"));
    EXPECT_FALSE(filterHostMatches("*ab.s", "xb.\xC5\xBF"));
    EXPECT_TRUE(filterHostMatches("*.example", "\xE2\x84\xAA.example"));  // KELVIN SIGN first
}

TEST(IntentFilterMatch, M14_HostStarAloneMatchesTheEmptyHostOfAFileUri) {
    IntentFilter filter;
    filter.schemes = {"file"};
    filter.authorities = {{"*", std::nullopt, {}}};
    EXPECT_EQ(filter.match(intent(std::nullopt, "file:///sdcard/x")), kHost);
}

TEST(IntentFilterMatch, M17_FirstMatchingAuthorityDecidesHostOrPort) {
    IntentFilter hostFirst;
    hostFirst.schemes = {"http"};
    hostFirst.authorities = {{"example.com", std::nullopt, {}}, {"example.com", 8080, {}}};
    EXPECT_EQ(hostFirst.match(intent(std::nullopt, "http://example.com:8080/")), kHost);
    IntentFilter portFirst = hostFirst;
    std::swap(portFirst.authorities[0], portFirst.authorities[1]);
    EXPECT_EQ(portFirst.match(intent(std::nullopt, "http://example.com:8080/")), kPort);
}

TEST(IntentFilterMatch, Mime_TypeWithoutSubtypeMatchesThePartialType) {
    EXPECT_EQ(typeFilter({"image/*"}).match(intent(kView, std::nullopt, "image")), kType);
    EXPECT_EQ(typeFilter({"*/*"}).match(intent(kView, std::nullopt, "")), kType);
    EXPECT_EQ(typeFilter({"image/*"}).match(intent(kView, std::nullopt, "*")), match::kNoMatchType);
}

TEST(IntentFilterMatch, Mime_TypeParametersAreCompared) {
    EXPECT_EQ(typeFilter({"image/*"}).match(intent(kView, std::nullopt, "image/png; charset=x")),
              kType);
    EXPECT_EQ(
        typeFilter({"text/plain; charset=utf-8"}).match(intent(kView, std::nullopt, "text/plain")),
        match::kNoMatchType);
}

TEST(MatchCodeName, NamesEveryResult) {
    EXPECT_EQ(matchCodeName(0x108000), "MATCH_CATEGORY_EMPTY");
    EXPECT_EQ(matchCodeName(0x208000), "MATCH_CATEGORY_SCHEME");
    EXPECT_EQ(matchCodeName(0x308000), "MATCH_CATEGORY_HOST");
    EXPECT_EQ(matchCodeName(0x408000), "MATCH_CATEGORY_PORT");
    EXPECT_EQ(matchCodeName(0x508000), "MATCH_CATEGORY_PATH");
    EXPECT_EQ(matchCodeName(0x588000), "MATCH_CATEGORY_SCHEME_SPECIFIC_PART");
    EXPECT_EQ(matchCodeName(0x608000), "MATCH_CATEGORY_TYPE");
    EXPECT_EQ(matchCodeName(0x600000), "MATCH_CATEGORY_TYPE");
    EXPECT_EQ(matchCodeName(-1), "NO_MATCH_TYPE");
    EXPECT_EQ(matchCodeName(-2), "NO_MATCH_DATA");
    EXPECT_EQ(matchCodeName(-3), "NO_MATCH_ACTION");
    EXPECT_EQ(matchCodeName(-4), "NO_MATCH_CATEGORY");
    EXPECT_EQ(matchCodeName(0), "UNKNOWN_MATCH_CODE_0");
}

TEST(IntentFilter, EqualityIgnoresTheSourceLocation) {
    IntentFilter a = webFilter({"a.com"});
    IntentFilter b = webFilter({"a.com"});
    b.where = {"other.xml", 3, 5};
    b.authorities[0].where = {"other.xml", 4, 7};
    EXPECT_TRUE(a == b);
    b.priority = 1;
    EXPECT_FALSE(a == b);
}

TEST(ValidateMimeType, AcceptsTypesWithASubtypeAndRefusesTheRest) {
    EXPECT_EQ(validateMimeType("image/*").value(), "image/*");
    EXPECT_EQ(validateMimeType("*/*").value(), "*/*");
    EXPECT_EQ(validateMimeType("a/b/c").value(), "a/b/c");
    for (const char* bad : {"/png", "image/", "*", ""}) {
        const Result<std::string> refused = validateMimeType(bad);
        ASSERT_FALSE(refused.has_value()) << bad;
        EXPECT_EQ(refused.error().message,
                  "MIME type '" + std::string(bad) + "' must look like 'type/subtype'");
    }
    EXPECT_EQ(androidMimeTypeException("image/png"), "");
}

TEST(ParsePort, FollowsIntegerParseInt) {
    EXPECT_EQ(parsePort("8080").value(), 8080);
    EXPECT_EQ(parsePort("+80").value(), 80);
    EXPECT_EQ(parsePort("-1").value(), -1);
    EXPECT_EQ(parsePort("007").value(), 7);
    EXPECT_EQ(parsePort("2147483647").value(), 2147483647);
    EXPECT_EQ(parsePort("\xD9\xA8\xD9\xA0").value(), 80);  // Arabic-Indic digits, as Java takes
}

TEST(ParsePort, RefusesWhatIntegerParseIntRefuses) {
    EXPECT_EQ(parsePort("eighty").error().message, "port 'eighty' must be a whole number");
    EXPECT_EQ(parsePort("").error().message, "port '' must be a whole number");
    EXPECT_EQ(parsePort("+").error().message, "port '+' must be a whole number");
    EXPECT_EQ(parsePort(" 80").error().message, "port ' 80' must be a whole number");
    EXPECT_EQ(parsePort("99999999999").error().message,
              "port '99999999999' does not fit in 32 bits");
    EXPECT_EQ(androidPortException("eighty"),
              "java.lang.NumberFormatException: For input string: \"eighty\"");
    EXPECT_EQ(androidPortException("80"), "");
}

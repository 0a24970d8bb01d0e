// PatternMatcher: Android's five pattern kinds (M-20..M-24), the non-backtracking glob quirks, and
// the advanced-glob errors with both Hearth's message and Android's exception text.

#include <gtest/gtest.h>
#include <hearth/pattern_matcher.h>

#include <string>

using namespace hearth;

namespace {

PatternMatcher make(PatternKind kind, const std::string& pattern) {
    Result<PatternMatcher> matcher = PatternMatcher::create(kind, pattern);
    EXPECT_TRUE(matcher.has_value()) << (matcher ? "" : matcher.error().message);
    return std::move(matcher.value());
}

bool glob(const std::string& pattern, const std::string& subject) {
    return make(PatternKind::SimpleGlob, pattern).match(subject);
}

bool advanced(const std::string& pattern, const std::string& subject) {
    return make(PatternKind::AdvancedGlob, pattern).match(subject);
}

std::string createError(const std::string& pattern) {
    Result<PatternMatcher> matcher = PatternMatcher::create(PatternKind::AdvancedGlob, pattern);
    return matcher ? "(accepted)" : matcher.error().message;
}

}  // namespace

TEST(PatternKindName, UsesTheConformanceVocabulary) {
    EXPECT_STREQ(patternKindName(PatternKind::Literal), "literal");
    EXPECT_STREQ(patternKindName(PatternKind::Prefix), "prefix");
    EXPECT_STREQ(patternKindName(PatternKind::SimpleGlob), "glob");
    EXPECT_STREQ(patternKindName(PatternKind::AdvancedGlob), "advanced_glob");
    EXPECT_STREQ(patternKindName(PatternKind::Suffix), "suffix");
}

TEST(PatternMatcher, M20_LiteralIsWholeStringEquality) {
    const PatternMatcher literal = make(PatternKind::Literal, "/docs");
    EXPECT_TRUE(literal.match("/docs"));
    EXPECT_FALSE(literal.match("/docs/"));
    EXPECT_FALSE(literal.match("/DOCS"));
}

TEST(PatternMatcher, M21_PrefixHasNoSegmentBoundary) {
    const PatternMatcher prefix = make(PatternKind::Prefix, "/app");
    EXPECT_TRUE(prefix.match("/application"));
    EXPECT_FALSE(prefix.match("/ap"));
    EXPECT_TRUE(make(PatternKind::Prefix, "").match(""));
}

TEST(PatternMatcher, M22_SuffixIsCaseSensitive) {
    const PatternMatcher suffix = make(PatternKind::Suffix, ".pdf");
    EXPECT_TRUE(suffix.match("/a.pdf"));
    EXPECT_FALSE(suffix.match("/X.PDF"));
}

TEST(PatternMatcher, M23_DotStarThenLiteralTakesTheFirstOccurrence) {
    EXPECT_TRUE(glob(".*\\.pdf", "/ab.pdf"));
    // The first '.' is taken and never given back: no backtracking.
    EXPECT_FALSE(glob(".*\\.pdf", "/a.b.pdf"));
    EXPECT_FALSE(glob(".*\\.pdf", "/pdf"));
}

TEST(PatternMatcher, M23_StarTakesEveryRepetitionAndGivesNoneBack) {
    EXPECT_FALSE(glob("a*a", "aa"));
    EXPECT_TRUE(glob("/a*b", "/aaab"));
    EXPECT_TRUE(glob("/a*b", "/b"));
}

TEST(PatternMatcher, M23_TrailingStarNeedingZeroRepetitionsAfterTheEndFails) {
    EXPECT_FALSE(glob("/a*", "/"));
    EXPECT_FALSE(glob("ab*", "a"));
    EXPECT_TRUE(glob("ab*c", "ac"));
}

TEST(PatternMatcher, M23_DotStarAtTheEndMatchesTheRestIncludingNothing) {
    EXPECT_TRUE(glob("/.*", "/"));
    EXPECT_TRUE(glob("/.*", "/a/b"));
    EXPECT_TRUE(glob("/a.*", "/a"));
    EXPECT_TRUE(glob(".*", ""));
    EXPECT_FALSE(glob("/.*", ""));
}

TEST(PatternMatcher, M23_EmptyPatternMatchesOnlyTheEmptySubject) {
    EXPECT_TRUE(glob("", ""));
    EXPECT_FALSE(glob("", "/"));
}

TEST(PatternMatcher, M23_EscapedDotStillMatchesAnyCharacter) {
    // Android tests the character, not whether it was escaped.
    EXPECT_TRUE(glob("/x\\.y", "/x.y"));
    EXPECT_TRUE(glob("/x\\.y", "/xzy"));
}

TEST(PatternMatcher, M23_EscapedStarIsALiteralStar) {
    EXPECT_TRUE(glob("/foo\\*", "/foo*"));
    EXPECT_FALSE(glob("/foo\\*", "/foo"));
}

TEST(PatternMatcher, M23_BracketsAreLiteralInASimpleGlob) {
    EXPECT_TRUE(glob("[0-9]*", "[0-9]"));
    EXPECT_FALSE(glob("[0-9]*", "5"));
}

TEST(PatternMatcher, M23_DotMatchesOneUtf16UnitLikeJava) {
    EXPECT_TRUE(glob("/./x", "/\xC3\xA9/x"));  // é is one unit
    EXPECT_FALSE(glob("/../x", "/\xC3\xA9/x"));
    EXPECT_TRUE(glob("/../x", "/\xF0\x9F\x98\x80/x"));  // an emoji is two units
    EXPECT_TRUE(glob("/\xC3\xA9*x", "/\xC3\xA9\xC3\xA9x"));
}

TEST(PatternMatcher, M24_AdvancedGlobSetsRangesAndQuantifiers) {
    EXPECT_TRUE(advanced("/[a-z]+/[0-9]{2,3}", "/abc/12"));
    EXPECT_FALSE(advanced("/[a-z]+/[0-9]{2,3}", "/abc/1"));
    EXPECT_FALSE(advanced("/[a-z]+/[0-9]{2,3}", "/abc/1234"));
    EXPECT_FALSE(advanced("/[a-z]+/[0-9]{2,3}", "/ABC/12"));
    EXPECT_TRUE(advanced("/item/[^/]+", "/item/42"));
    EXPECT_FALSE(advanced("/item/[^/]+", "/item/4/2"));
    EXPECT_TRUE(advanced("/a{2,}", "/aaaa"));
    EXPECT_FALSE(advanced("/a{2,}", "/a"));
    EXPECT_TRUE(advanced("/p.+", "/px"));
    EXPECT_FALSE(advanced("/p.+", "/p"));
}

TEST(PatternMatcher, M24_AdvancedGlobIsGreedyWithoutBacktracking) {
    EXPECT_FALSE(advanced("[a-z]*a", "ba"));
    EXPECT_FALSE(advanced("/.*\\.pdf", "/a.pdf"));
    EXPECT_TRUE(advanced("/[a-c]*x", "/abcx"));
}

TEST(PatternMatcher, M24_SpecialCharactersAreMembersInsideASet) {
    EXPECT_TRUE(advanced("[.*+{]+", ".*+{"));
    EXPECT_TRUE(advanced("[a-]+", "a-a"));
    EXPECT_FALSE(advanced("[a-]+", "b"));
    EXPECT_TRUE(advanced("[\\]]", "]"));
}

TEST(PatternMatcher, M24_AStrayClosingBraceIsDropped) {
    // Android only keeps '}' when it closes a range; elsewhere it vanishes from the pattern.
    EXPECT_TRUE(advanced("a}b", "ab"));
}

TEST(PatternMatcher, M24_SetRangesCompareUtf16Units) {
    EXPECT_TRUE(advanced("/[\xC3\xA0-\xC3\xBF]+", "/\xC3\xA9\xC3\xA8"));
    EXPECT_FALSE(advanced("/[a-z]", "/\xC3\xA9"));
}

TEST(PatternMatcherErrors, ModifierWithoutAToken) {
    EXPECT_EQ(createError("*a"),
              "advanced pattern '*a' is malformed: '*' (character 1) must follow a character, '.' "
              "or a set");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "*a"),
              "java.lang.IllegalArgumentException: Modifier must follow a token.");
    EXPECT_EQ(createError("/a+*"),
              "advanced pattern '/a+*' is malformed: '*' (character 4) must follow a character, "
              "'.' or a set");
}

TEST(PatternMatcherErrors, SetOpenedAtTheEnd) {
    EXPECT_EQ(createError("/["),
              "advanced pattern '/[' is malformed: the set '[' (character 2) is not closed by ']'");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/["),
              "java.lang.StringIndexOutOfBoundsException: String index out of range: 2");
}

TEST(PatternMatcherErrors, SetNotClosed) {
    EXPECT_EQ(createError("/[ab"),
              "advanced pattern '/[ab' is malformed: the set '[' (character 2) is not closed by "
              "']'");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/[ab"),
              "java.lang.IllegalArgumentException: Set was not terminated!");
}

TEST(PatternMatcherErrors, EmptySet) {
    EXPECT_EQ(createError("/[]"),
              "advanced pattern '/[]' is malformed: the set '[' (character 2) is empty");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/[^]"),
              "java.lang.IllegalArgumentException: You must define characters in a set.");
}

TEST(PatternMatcherErrors, RangeNotClosed) {
    EXPECT_EQ(createError("/a{2"),
              "advanced pattern '/a{2' is malformed: the range '{' (character 3) is not closed by "
              "'}'");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/a{2"),
              "java.lang.IllegalArgumentException: Range not ended with '}'");
}

TEST(PatternMatcherErrors, RangeMinimumAboveMaximum) {
    EXPECT_EQ(createError("/a{3,1}"),
              "advanced pattern '/a{3,1}' is malformed: the range '{3,1}' (character 3) has a "
              "minimum greater than its maximum");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/a{3,1}"),
              "java.lang.IllegalArgumentException: Range quantifier minimum is greater than "
              "maximum");
}

TEST(PatternMatcherErrors, RangeThatIsNotANumber) {
    EXPECT_EQ(createError("/a{x}"),
              "advanced pattern '/a{x}' is malformed: the range '{x}' (character 3) must be {n}, "
              "{n,} or {n,m} with whole numbers");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/a{,2}"),
              "java.lang.IllegalArgumentException: Range number format incorrect");
}

TEST(PatternMatcherErrors, EscapeAtTheEnd) {
    EXPECT_EQ(createError("/a\\"),
              "advanced pattern '/a\\' is malformed: the '\\' at the end escapes nothing");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/a\\"),
              "java.lang.IllegalArgumentException: Escape found at end of pattern!");
}

TEST(PatternMatcherErrors, PatternLargerThanAndroidsBuffer) {
    const std::string large(2100, 'a');
    EXPECT_EQ(createError(large), "advanced pattern '" + large +
                                      "' is malformed: it compiles to more than 2048 entries, "
                                      "Android's limit");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, large),
              "java.lang.IllegalArgumentException: Pattern is too large!");
    EXPECT_EQ(createError(std::string(2000, 'a')), "(accepted)");
}

TEST(PatternMatcherErrors, OnlyAdvancedGlobsAreRefused) {
    EXPECT_TRUE(PatternMatcher::create(PatternKind::SimpleGlob, "*a").has_value());
    EXPECT_EQ(androidPatternException(PatternKind::SimpleGlob, "/["), "");
    EXPECT_EQ(androidPatternException(PatternKind::AdvancedGlob, "/[a-z]+"), "");
}

TEST(PatternKindNames, EveryNameReadsBackAndTheCaseAliasesAreKnown) {
    for (PatternKind kind : {PatternKind::Literal, PatternKind::Prefix, PatternKind::SimpleGlob,
                             PatternKind::AdvancedGlob, PatternKind::Suffix}) {
        EXPECT_EQ(patternKindFromName(patternKindName(kind)), kind) << patternKindName(kind);
    }
    EXPECT_EQ(patternKindFromName("simple_glob"), PatternKind::SimpleGlob);
    EXPECT_EQ(patternKindFromName("pattern"), PatternKind::SimpleGlob);
    EXPECT_EQ(patternKindFromName("aglob"), PatternKind::AdvancedGlob);
}

TEST(PatternKindNames, AnUnknownKindIsNotReadAsAGlob) {
    // The conformance test once read any unknown kind as a simple glob while filter-match
    // refused it; both now ask patternKindFromName.
    EXPECT_EQ(patternKindFromName("sglob"), std::nullopt);
    EXPECT_EQ(patternKindFromName("Glob"), std::nullopt);
    EXPECT_EQ(patternKindFromName(""), std::nullopt);
}

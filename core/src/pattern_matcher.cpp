// Android's PatternMatcher (M-20..M-24). Both globs are single forward passes that never
// backtrack; the quirks that follow from that (`.*\.pdf` failing on "/a.b.pdf", `a*a` failing on
// "aa") are Android's behaviour and are kept on purpose. Globs run on UTF-16 units, as Java's do,
// so '.' consumes one unit; ASCII patterns against ASCII subjects run byte-wise without copying.

#include <hearth/pattern_matcher.h>

#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "unicode.h"

namespace hearth {
namespace {

// ---- Simple glob (PATTERN_SIMPLE_GLOB, M-23) ----------------------------------------------------

template <typename Char>
bool matchSimpleGlob(std::basic_string_view<Char> pattern, std::basic_string_view<Char> subject) {
    const std::size_t patternLength = pattern.size();
    const std::size_t subjectLength = subject.size();
    if (patternLength == 0) return subjectLength == 0;
    // Android reads one character ahead and uses 0 past the end; so do we, which keeps its
    // behaviour for patterns ending in '\' and for subjects holding U+0000.
    const auto patternAt = [&](std::size_t i) { return i < patternLength ? pattern[i] : Char(0); };

    std::size_t ip = 0;
    std::size_t is = 0;
    Char next = pattern[0];
    while (ip < patternLength && is < subjectLength) {
        Char c = next;
        next = patternAt(++ip);
        const bool escaped = c == Char('\\');
        if (escaped) {
            c = next;
            next = patternAt(++ip);
        }
        if (next == Char('*')) {
            if (!escaped && c == Char('.')) {
                // ".*" as the last thing in the pattern matches whatever is left.
                if (ip >= patternLength - 1) return true;
                next = pattern[++ip];
                if (next == Char('\\')) next = patternAt(++ip);
                // Skip to the first occurrence of the character after ".*" and never retry a
                // later one: this is the missing backtracking of M-23.
                while (is < subjectLength && subject[is] != next) ++is;
                if (is == subjectLength) return false;
                next = patternAt(++ip);
                ++is;
            } else {
                // "X*" takes every consecutive X and gives none back.
                while (is < subjectLength && subject[is] == c) ++is;
                next = patternAt(++ip);
            }
        } else {
            // An escaped '.' still matches any character: Android tests the character, not
            // whether it was escaped.
            if (c != Char('.') && subject[is] != c) return false;
            ++is;
        }
    }
    if (ip >= patternLength && is >= subjectLength) return true;
    // The subject ran out while the pattern still has exactly ".*" left.
    return ip + 2 == patternLength && pattern[ip] == Char('.') && pattern[ip + 1] == Char('*');
}

// ---- Advanced glob (PATTERN_ADVANCED_GLOB, M-24) ------------------------------------------------

// The compiled program is Android's: character tokens are their (non-negative) UTF-16 units,
// structure is marked by these negative values, and a range modifier is followed by its minimum
// and maximum.
constexpr std::int32_t kSetStart = -1;
constexpr std::int32_t kInverseSetStart = -2;
constexpr std::int32_t kSetStop = -3;
constexpr std::int32_t kAnyChar = -4;
constexpr std::int32_t kRangeStart = -5;
constexpr std::int32_t kRangeStop = -6;
constexpr std::int32_t kZeroOrMore = -7;
constexpr std::int32_t kOneOrMore = -8;
// Android's parse buffer holds 2048 entries and refuses to start a token with fewer than 3 free.
constexpr std::size_t kMaxProgramEntries = 2048;

enum class GlobProblem {
    None,
    TooLarge,
    EmptySet,
    ModifierWithoutToken,
    RangeNotClosed,
    RangeMinAboveMax,
    RangeNotANumber,
    EscapeAtEnd,
    SetNotClosed,
    SetOpenedAtEnd,  // Android indexes past the end here (StringIndexOutOfBoundsException)
};

struct GlobParse {
    std::vector<std::int32_t> program;
    GlobProblem problem = GlobProblem::None;
    std::size_t position = 0;  // the UTF-16 index where the problem is
    std::u16string detail;     // the offending range text, when there is one
};

bool isModifier(std::int32_t entry) {
    return entry == kOneOrMore || entry == kZeroOrMore || entry == kRangeStop ||
           entry == kRangeStart;
}

GlobParse parseAdvancedGlob(std::u16string_view pattern) {
    GlobParse result;
    std::vector<std::int32_t>& out = result.program;
    const auto fail = [&](GlobProblem problem, std::size_t position) {
        result.problem = problem;
        result.position = position;
        return result;
    };
    const std::size_t length = pattern.size();
    std::size_t ip = 0;
    std::size_t setStartPosition = 0;
    bool inSet = false;
    bool inRange = false;
    bool inCharRange = false;
    while (ip < length) {
        if (out.size() > kMaxProgramEntries - 3) return fail(GlobProblem::TooLarge, ip);
        char16_t c = pattern[ip];
        bool literal = false;
        switch (c) {
            case u'[':
                if (inSet) {
                    literal = true;
                    break;
                }
                if (ip + 1 >= length) return fail(GlobProblem::SetOpenedAtEnd, ip);
                setStartPosition = ip;
                if (pattern[ip + 1] == u'^') {
                    out.push_back(kInverseSetStart);
                    ++ip;
                } else {
                    out.push_back(kSetStart);
                }
                ++ip;
                inSet = true;
                continue;
            case u']':
                if (!inSet) {
                    literal = true;
                    break;
                }
                if (out.back() == kSetStart || out.back() == kInverseSetStart) {
                    return fail(GlobProblem::EmptySet, setStartPosition);
                }
                out.push_back(kSetStop);
                inSet = false;
                inCharRange = false;
                break;
            case u'{':
                if (inSet) break;
                if (out.empty() || isModifier(out.back())) {
                    return fail(GlobProblem::ModifierWithoutToken, ip);
                }
                out.push_back(kRangeStart);
                ++ip;
                inRange = true;
                break;
            case u'}':
                if (inRange) {
                    out.push_back(kRangeStop);
                    inRange = false;
                }
                break;
            case u'*':
            case u'+':
                if (inSet) break;
                if (out.empty() || isModifier(out.back())) {
                    return fail(GlobProblem::ModifierWithoutToken, ip);
                }
                out.push_back(c == u'*' ? kZeroOrMore : kOneOrMore);
                break;
            case u'.':
                if (!inSet) out.push_back(kAnyChar);
                break;
            case u'\\':
                if (ip + 1 >= length) return fail(GlobProblem::EscapeAtEnd, ip);
                c = pattern[++ip];
                literal = true;
                break;
            default:
                literal = true;
                break;
        }
        if (inSet) {
            // Inside a set every character (even '.', '*', '{') is a member; "a-z" is a range
            // unless the '-' is last. Members are stored as [low, high] pairs.
            if (inCharRange) {
                out.push_back(c);
                inCharRange = false;
            } else if (ip + 2 < length && pattern[ip + 1] == u'-' && pattern[ip + 2] != u']') {
                inCharRange = true;
                out.push_back(c);
                ++ip;
            } else {
                out.push_back(c);
                out.push_back(c);
            }
        } else if (inRange) {
            const std::size_t rangeEnd = pattern.find(u'}', ip);
            if (rangeEnd == std::u16string_view::npos) {
                return fail(GlobProblem::RangeNotClosed, ip - 1);
            }
            const std::u16string_view range = pattern.substr(ip, rangeEnd - ip);
            const std::size_t comma = range.find(u',');
            std::optional<std::int32_t> minimum;
            std::optional<std::int32_t> maximum;
            if (comma == std::u16string_view::npos) {
                minimum = maximum = text::parseJavaInt(range);
            } else {
                minimum = text::parseJavaInt(range.substr(0, comma));
                maximum = comma + 1 == range.size() ? std::optional<std::int32_t>(INT32_MAX)
                                                    : text::parseJavaInt(range.substr(comma + 1));
            }
            result.detail = std::u16string(range);
            if (!minimum || !maximum) return fail(GlobProblem::RangeNotANumber, ip - 1);
            if (*minimum > *maximum) return fail(GlobProblem::RangeMinAboveMax, ip - 1);
            result.detail.clear();
            out.push_back(*minimum);
            out.push_back(*maximum);
            ip = rangeEnd;
            continue;
        } else if (literal) {
            out.push_back(c);
        }
        ++ip;
    }
    if (inSet) return fail(GlobProblem::SetNotClosed, setStartPosition);
    return result;
}

enum class TokenKind { Literal, Any, Set, InverseSet };

template <typename Char>
bool tokenMatches(const std::vector<std::int32_t>& program, TokenKind kind, std::size_t first,
                  std::size_t last, Char c) {
    const std::int32_t unit = static_cast<std::int32_t>(static_cast<std::make_unsigned_t<Char>>(c));
    switch (kind) {
        case TokenKind::Any:
            return true;
        case TokenKind::Literal:
            return unit == program[first];
        case TokenKind::Set:
        case TokenKind::InverseSet: {
            bool inSet = false;
            for (std::size_t i = first; i < last; i += 2) {
                if (unit >= program[i] && unit <= program[i + 1]) {
                    inSet = true;
                    break;
                }
            }
            return kind == TokenKind::Set ? inSet : !inSet;
        }
    }
    return false;
}

template <typename Char>
bool matchAdvancedGlob(const std::vector<std::int32_t>& program,
                       std::basic_string_view<Char> subject) {
    const std::size_t programLength = program.size();
    const std::size_t subjectLength = subject.size();
    std::size_t ip = 0;
    std::size_t is = 0;
    while (ip < programLength) {
        TokenKind kind = TokenKind::Literal;
        std::size_t first = ip;
        std::size_t last = ip;
        const std::int32_t entry = program[ip];
        if (entry == kAnyChar) {
            kind = TokenKind::Any;
            ++ip;
        } else if (entry == kSetStart || entry == kInverseSetStart) {
            kind = entry == kSetStart ? TokenKind::Set : TokenKind::InverseSet;
            first = ip + 1;
            while (++ip < programLength && program[ip] != kSetStop) {
            }
            last = ip - 1;
            ++ip;
        } else {
            ++ip;
        }

        std::int64_t minimum = 1;
        std::int64_t maximum = 1;
        if (ip < programLength) {
            switch (program[ip]) {
                case kZeroOrMore:
                    minimum = 0;
                    maximum = INT32_MAX;
                    ++ip;
                    break;
                case kOneOrMore:
                    minimum = 1;
                    maximum = INT32_MAX;
                    ++ip;
                    break;
                case kRangeStart:
                    minimum = program[ip + 1];
                    maximum = program[ip + 2];
                    ip += 4;  // range start, minimum, maximum, range stop
                    break;
                default:
                    break;
            }
        }
        if (minimum > maximum) return false;
        // Greedy: take as many as allowed and never give any back (M-24).
        std::int64_t matched = 0;
        while (matched < maximum && is + matched < subjectLength &&
               tokenMatches(program, kind, first, last, subject[is + matched])) {
            ++matched;
        }
        if (matched < minimum) return false;
        is += static_cast<std::size_t>(matched);
    }
    return is >= subjectLength;
}

std::string toUtf8(std::u16string_view units) {
    std::string out;
    for (std::size_t i = 0; i < units.size(); ++i) {
        char32_t cp = units[i];
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 &&
            units[i + 1] <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00);
            ++i;
        }
        text::appendUtf8(out, cp);
    }
    return out;
}

std::string describeProblem(const GlobParse& parse, std::u16string_view pattern) {
    const std::string where = "(character " + std::to_string(parse.position + 1) + ")";
    switch (parse.problem) {
        case GlobProblem::None:
            return {};
        case GlobProblem::TooLarge:
            return "it compiles to more than " + std::to_string(kMaxProgramEntries) +
                   " entries, Android's limit";
        case GlobProblem::EmptySet:
            return "the set '[' " + where + " is empty";
        case GlobProblem::ModifierWithoutToken:
            return "'" + toUtf8(pattern.substr(parse.position, 1)) + "' " + where +
                   " must follow a character, '.' or a set";
        case GlobProblem::RangeNotClosed:
            return "the range '{' " + where + " is not closed by '}'";
        case GlobProblem::RangeMinAboveMax:
            return "the range '{" + toUtf8(parse.detail) + "}' " + where +
                   " has a minimum greater than its maximum";
        case GlobProblem::RangeNotANumber:
            return "the range '{" + toUtf8(parse.detail) + "}' " + where +
                   " must be {n}, {n,} or {n,m} with whole numbers";
        case GlobProblem::EscapeAtEnd:
            return "the '\\' at the end escapes nothing";
        case GlobProblem::SetNotClosed:
        case GlobProblem::SetOpenedAtEnd:
            return "the set '[' " + where + " is not closed by ']'";
    }
    return {};
}

}  // namespace

const char* patternKindName(PatternKind kind) {
    switch (kind) {
        case PatternKind::Literal:
            return "literal";
        case PatternKind::Prefix:
            return "prefix";
        case PatternKind::SimpleGlob:
            return "glob";
        case PatternKind::AdvancedGlob:
            return "advanced_glob";
        case PatternKind::Suffix:
            return "suffix";
    }
    return "literal";
}

std::optional<PatternKind> patternKindFromName(std::string_view name) {
    if (name == "literal") return PatternKind::Literal;
    if (name == "prefix") return PatternKind::Prefix;
    if (name == "glob" || name == "simple_glob" || name == "pattern") return PatternKind::SimpleGlob;
    if (name == "advanced_glob" || name == "aglob") return PatternKind::AdvancedGlob;
    if (name == "suffix") return PatternKind::Suffix;
    return std::nullopt;
}

Result<PatternMatcher> PatternMatcher::create(PatternKind kind, std::string pattern) {
    PatternMatcher matcher(kind, std::move(pattern));
    if (kind == PatternKind::SimpleGlob || kind == PatternKind::AdvancedGlob) {
        matcher.m_asciiPattern = text::isAscii(matcher.m_pattern);
        matcher.m_pattern16 = text::toUtf16(matcher.m_pattern);
    }
    if (kind == PatternKind::AdvancedGlob) {
        GlobParse parse = parseAdvancedGlob(matcher.m_pattern16);
        if (parse.problem != GlobProblem::None) {
            return makeError("advanced pattern '" + matcher.m_pattern +
                             "' is malformed: " + describeProblem(parse, matcher.m_pattern16));
        }
        matcher.m_program = std::move(parse.program);
    }
    return matcher;
}

bool PatternMatcher::match(std::string_view subject) const {
    switch (m_kind) {
        case PatternKind::Literal:
            return subject == m_pattern;
        case PatternKind::Prefix:
            return subject.starts_with(m_pattern);
        case PatternKind::Suffix:
            return subject.ends_with(m_pattern);
        case PatternKind::SimpleGlob:
            if (m_asciiPattern && text::isAscii(subject)) {
                return matchSimpleGlob<char>(m_pattern, subject);
            } else {
                const text::Utf16 units(subject);
                return matchSimpleGlob<char16_t>(m_pattern16, units.view());
            }
        case PatternKind::AdvancedGlob:
            // The program holds UTF-16 units, which equal bytes for an ASCII subject.
            if (text::isAscii(subject)) {
                return matchAdvancedGlob<char>(m_program, subject);
            } else {
                const text::Utf16 units(subject);
                return matchAdvancedGlob<char16_t>(m_program, units.view());
            }
    }
    return false;
}

std::string androidPatternException(PatternKind kind, std::string_view pattern) {
    if (kind != PatternKind::AdvancedGlob) return {};
    const std::u16string units = text::toUtf16(pattern);
    const GlobParse parse = parseAdvancedGlob(units);
    const std::string illegal = "java.lang.IllegalArgumentException: ";
    switch (parse.problem) {
        case GlobProblem::None:
            return {};
        case GlobProblem::TooLarge:
            return illegal + "Pattern is too large!";
        case GlobProblem::EmptySet:
            return illegal + "You must define characters in a set.";
        case GlobProblem::ModifierWithoutToken:
            return illegal + "Modifier must follow a token.";
        case GlobProblem::RangeNotClosed:
            return illegal + "Range not ended with '}'";
        case GlobProblem::RangeMinAboveMax:
            return illegal + "Range quantifier minimum is greater than maximum";
        case GlobProblem::RangeNotANumber:
            return illegal + "Range number format incorrect";
        case GlobProblem::EscapeAtEnd:
            return illegal + "Escape found at end of pattern!";
        case GlobProblem::SetNotClosed:
            return illegal + "Set was not terminated!";
        case GlobProblem::SetOpenedAtEnd:
            return "java.lang.StringIndexOutOfBoundsException: String index out of range: " +
                   std::to_string(parse.position + 1);
    }
    return {};
}

}  // namespace hearth

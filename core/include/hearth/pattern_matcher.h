#pragma once
// PatternMatcher: the path and scheme-specific-part matchers of an intent filter, with Android's
// exact (non-backtracking) glob semantics. Spec rules M-20..M-24.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/result.h>

#include <optional>
#include <string_view>

namespace hearth {

/// Android's PatternMatcher types, with Android's numeric values.
enum class PatternKind { Literal = 0, Prefix = 1, SimpleGlob = 2, AdvancedGlob = 3, Suffix = 4 };

/// "literal", "prefix", "glob", "advanced_glob", "suffix" (the conformance vocabulary).
const char* patternKindName(PatternKind kind);
/// The kind a name stands for: patternKindName's names, and the case format's aliases
/// "simple_glob", "pattern" (SimpleGlob) and "aglob" (AdvancedGlob); nullopt for any other name.
std::optional<PatternKind> patternKindFromName(std::string_view name);

class PatternMatcher {
  public:
    /// A compiled matcher; fails for a malformed advanced glob where Android's PatternMatcher
    /// throws, with a message naming the pattern and the problem ("advanced pattern '*a' is
    /// malformed: '*' (character 1) must follow a character, '.' or a set"). The exception Android
    /// throws is androidPatternException().
    [[nodiscard]] static Result<PatternMatcher> create(PatternKind kind, std::string pattern);

    /// True when the whole subject matches (M-20..M-24).
    bool match(std::string_view subject) const;

    PatternKind kind() const { return m_kind; }
    const std::string& pattern() const { return m_pattern; }

    bool operator==(const PatternMatcher& other) const {
        return m_kind == other.m_kind && m_pattern == other.m_pattern;
    }

  private:
    PatternMatcher(PatternKind kind, std::string pattern) : m_kind(kind), m_pattern(std::move(pattern)) {}
    PatternKind m_kind;
    std::string m_pattern;
    std::vector<int32_t> m_program;  // compiled advanced glob
    std::u16string m_pattern16;      // globs: the pattern as Java's UTF-16 units
    bool m_asciiPattern = true;      // globs: ASCII patterns match ASCII subjects byte-wise
};

/// The exception Android's PatternMatcher throws for this pattern, as Java prints it
/// ("java.lang.IllegalArgumentException: Modifier must follow a token."), or "" when Android
/// accepts it. Only advanced globs can be refused.
std::string androidPatternException(PatternKind kind, std::string_view pattern);

}  // namespace hearth

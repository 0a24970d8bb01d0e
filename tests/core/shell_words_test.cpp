// Shell-word splitting (shell_words.h): the one splitter behind checks files, simulate scripts,
// --batch lines and the explorer's intent box.

#include <gtest/gtest.h>
#include <hearth/shell_words.h>

#include <string>
#include <string_view>
#include <vector>

using namespace hearth;

namespace {

std::vector<std::string> words(std::string_view line) {
    Result<std::vector<ShellWord>> split = splitShellWords(line, "t", 1);
    EXPECT_TRUE(split.has_value()) << split.error().toString();
    std::vector<std::string> out;
    if (split) {
        for (const ShellWord& word : *split) out.push_back(word.text);
    }
    return out;
}

}  // namespace

TEST(ShellWords, QuotesAndBackslashesAreReadAsAShellReadsThem) {
    EXPECT_EQ(words(R"(-d 'https://x.org/a b' -e k "v \"q\" \x" a\ b # comment)"),
              (std::vector<std::string>{"-d", "https://x.org/a b", "-e", "k", "v \"q\" \\x",
                                        "a b"}));
    EXPECT_EQ(words("  "), std::vector<std::string>{});
    EXPECT_EQ(words("a#b"), std::vector<std::string>{"a#b"});
}

TEST(ShellWords, AnUnterminatedQuoteIsLocated) {
    Result<std::vector<ShellWord>> split = splitShellWords("resolve -d 'https://x", "f", 7);
    ASSERT_FALSE(split.has_value());
    EXPECT_EQ(split.error().toString(), "f:7:12: unterminated ' quote");
}

TEST(ShellWords, EachWordKnowsTheColumnItStartsAt) {
    Result<std::vector<ShellWord>> split = splitShellWords("  am  'two words' x", "s.txt", 3);
    ASSERT_TRUE(split.has_value());
    ASSERT_EQ(split->size(), 3u);
    EXPECT_EQ((*split)[0].where.prefix(), "s.txt:3:3: ");
    EXPECT_EQ((*split)[1].text, "two words");
    EXPECT_EQ((*split)[1].where.prefix(), "s.txt:3:7: ");
    EXPECT_EQ((*split)[2].where.prefix(), "s.txt:3:19: ");
}

TEST(ShellWords, AnUnterminatedDoubleQuoteIsLocatedAtItsQuote) {
    Result<std::vector<ShellWord>> split = splitShellWords("a \"b", "f", 1);
    ASSERT_FALSE(split.has_value());
    EXPECT_EQ(split.error().toString(), "f:1:3: unterminated \" quote");
}

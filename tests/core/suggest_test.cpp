// Did-you-mean helpers (issue 15): edit distance and the nearest well-known action or category.

#include <gtest/gtest.h>
#include <hearth/suggest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

using namespace hearth;

TEST(EditDistance, CountsInsertionsDeletionsReplacementsAndSwaps) {
    EXPECT_EQ(editDistance("", ""), 0u);
    EXPECT_EQ(editDistance("VIEW", "VIEW"), 0u);
    EXPECT_EQ(editDistance("VEIW", "VIEW"), 1u);  // swapped neighbours: one edit
    EXPECT_EQ(editDistance("EVIW", "VIEW"), 2u);
    EXPECT_EQ(editDistance("ca", "abc"), 3u);     // optimal string alignment, not Damerau
    EXPECT_EQ(editDistance("VIE", "VIEW"), 1u);
    EXPECT_EQ(editDistance("VIEWS", "VIEW"), 1u);
    EXPECT_EQ(editDistance("VIAW", "VIEW"), 1u);
    EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
    EXPECT_EQ(editDistance("", "abc"), 3u);
}

TEST(EditDistance, TheBoundedFormAgreesWithTheTableUpToItsBound) {
    // Every pair of strings of up to 5 letters over {a, b, c} (364 with the empty one), at
    // bounds 0..3: the banded form must give min(editDistance, bound + 1) exactly.
    std::vector<std::string> words = {""};
    for (size_t start = 0; start < words.size(); ++start) {
        if (words[start].size() == 5) continue;
        for (char c : {'a', 'b', 'c'}) words.push_back(words[start] + c);
    }
    ASSERT_EQ(words.size(), 364u);
    for (const std::string& a : words) {
        for (const std::string& b : words) {
            const size_t exact = editDistance(a, b);
            for (size_t bound = 0; bound <= 3; ++bound) {
                ASSERT_EQ(editDistanceWithin(a, b, bound), std::min(exact, bound + 1))
                    << "'" << a << "' vs '" << b << "' within " << bound;
            }
        }
    }
    EXPECT_EQ(editDistanceWithin("com.acme.bank1370.action.OPEN", "android.intent.action.VIEW", 1),
              2u);
    EXPECT_EQ(editDistanceWithin("android.intent.action.VEIW", "android.intent.action.VIEW", 1),
              1u);
}

TEST(NearestName, ATypoOneEditAwayIsNamed) {
    EXPECT_EQ(nearestName("android.intent.action.VIEWW", wellKnownActions()),
              "android.intent.action.VIEW");
    EXPECT_EQ(nearestName("android.intent.category.BROWSEABLE", wellKnownCategories()),
              "android.intent.category.BROWSABLE");
}

TEST(NearestName, ASwappedPairIsOneEdit) {
    EXPECT_EQ(nearestName("android.intent.action.VEIW", wellKnownActions()),
              "android.intent.action.VIEW");
    EXPECT_EQ(nearestName("android.intent.action.EIVW", wellKnownActions()), std::nullopt);
    EXPECT_EQ(nearestName("android.intent.action.EIVW", wellKnownActions(), 2),
              "android.intent.action.VIEW");
}

TEST(NearestName, ADifferenceOfLetterCaseAloneIsNamed) {
    EXPECT_EQ(nearestName("android.intent.action.view", wellKnownActions()),
              "android.intent.action.VIEW");
}

TEST(NearestName, AKnownOrFarAwayNameHasNoSuggestion) {
    EXPECT_EQ(nearestName("android.intent.action.VIEW", wellKnownActions()), std::nullopt);
    EXPECT_EQ(nearestName("android.intent.action.SENDTO", wellKnownActions()), std::nullopt);
    EXPECT_EQ(nearestName("com.example.action.VIEW", wellKnownActions()), std::nullopt);
}

TEST(WellKnownNames, NoTwoListedNamesAreOneEditApartUnlessBothAreReal) {
    // Both dock categories are Android's own; any other pair one edit apart would make the
    // parser "correct" one real name into another.
    for (auto list : {wellKnownActions(), wellKnownCategories()}) {
        for (size_t i = 0; i < list.size(); ++i) {
            for (size_t j = i + 1; j < list.size(); ++j) {
                if (editDistance(list[i], list[j]) <= 1) {
                    EXPECT_TRUE(list[i].find("DESK_DOCK") != std::string_view::npos)
                        << list[i] << " / " << list[j];
                }
            }
        }
    }
    EXPECT_NE(std::find(wellKnownCategories().begin(), wellKnownCategories().end(),
                        "android.intent.category.HOME_FIRST"),
              wellKnownCategories().end());
}

TEST(NearestName, TheIndexedWellKnownListsAnswerAsAScanOfTheSameNames) {
    // nearestName looks wellKnownActions() and wellKnownCategories() up in a hash set (for
    // exact names) and a table of positions by length (for the rest, in list order); the same
    // names in another vector take the plain scan. Every variant of every
    // name (one byte changed, dropped or added, letter case, a swap) must answer the same, at
    // distances 1 and 2.
    for (auto list : {wellKnownActions(), wellKnownCategories()}) {
        const std::vector<std::string_view> copy(list.begin(), list.end());
        std::vector<std::string> words;
        for (std::string_view name : list) {
            const std::string n(name);
            words.push_back(n);
            for (size_t i = 0; i < n.size(); i += 7) {
                words.push_back(n.substr(0, i) + n.substr(i + 1));
                words.push_back(n.substr(0, i) + 'X' + n.substr(i));
                std::string changed = n;
                changed[i] = changed[i] == 'Q' ? 'Z' : 'Q';
                words.push_back(changed);
                if (i + 1 < n.size()) {
                    std::string swapped = n;
                    std::swap(swapped[i], swapped[i + 1]);
                    words.push_back(swapped);
                }
            }
            std::string lower = n;
            for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            words.push_back(lower);
        }
        words.push_back("");
        words.push_back("com.example.action.OPEN");
        for (const std::string& word : words) {
            for (size_t distance : {size_t{1}, size_t{2}}) {
                EXPECT_EQ(nearestName(word, list, distance), nearestName(word, copy, distance))
                    << word << " at distance " << distance;
            }
        }
    }
}

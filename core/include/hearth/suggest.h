#pragma once
// Did-you-mean: how far apart two names are, and the intent actions and categories Android defines
// that manifests and intents name most, so a typo ("android.intent.action.VEIW") can be pointed at
// the name it probably meant. Used by the manifest parser (issue 15) and meant for the CLI.

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace hearth {

/// Edit distance between a and b: inserted, deleted or replaced bytes and swapped neighbours
/// ("VEIW" -> "VIEW") count one each (optimal string alignment).
size_t editDistance(std::string_view a, std::string_view b);
/// min(editDistance(a, b), bound + 1), in time proportional to the length times the bound: the
/// common prefix and suffix are skipped and only cells within `bound` of the diagonal are filled,
/// so comparing a name with a hundred others stays cheap however long they are (a manifest's every
/// action is compared with every well-known one while a device loads).
size_t editDistanceWithin(std::string_view a, std::string_view b, size_t bound);

/// Intent actions Android defines (Intent.ACTION_* and a few from other framework classes) that
/// filters and intents commonly use, fully qualified.
std::span<const std::string_view> wellKnownActions();
/// Intent categories Android defines (Intent.CATEGORY_*), plus Hearth's HOME_FIRST patch category.
std::span<const std::string_view> wellKnownCategories();

/// The candidate `word` probably meant: one that differs only in letter case, or else the first
/// closest one at most `maxDistance` edits away; nullopt when `word` is itself a candidate or
/// none is that close.
std::optional<std::string_view> nearestName(std::string_view word,
                                            std::span<const std::string_view> candidates,
                                            size_t maxDistance = 1);

}  // namespace hearth

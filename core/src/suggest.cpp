#include <hearth/suggest.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <unordered_set>
#include <vector>

namespace hearth {
namespace {

// Pairs one edit apart are deliberately absent from each list unless both are real names (the
// parser would otherwise "correct" one real name into the other).
constexpr std::string_view kActions[] = {
    "android.intent.action.MAIN",
    "android.intent.action.VIEW",
    "android.intent.action.EDIT",
    "android.intent.action.INSERT",
    "android.intent.action.INSERT_OR_EDIT",
    "android.intent.action.DELETE",
    "android.intent.action.PICK",
    "android.intent.action.PICK_ACTIVITY",
    "android.intent.action.GET_CONTENT",
    "android.intent.action.OPEN_DOCUMENT",
    "android.intent.action.OPEN_DOCUMENT_TREE",
    "android.intent.action.CREATE_DOCUMENT",
    "android.intent.action.CHOOSER",
    "android.intent.action.CREATE_SHORTCUT",
    "android.intent.action.ATTACH_DATA",
    "android.intent.action.DIAL",
    "android.intent.action.CALL",
    "android.intent.action.CALL_BUTTON",
    "android.intent.action.ANSWER",
    "android.intent.action.SEND",
    "android.intent.action.SENDTO",
    "android.intent.action.SEND_MULTIPLE",
    "android.intent.action.PASTE",
    "android.intent.action.RUN",
    "android.intent.action.SYNC",
    "android.intent.action.SEARCH",
    "android.intent.action.WEB_SEARCH",
    "android.intent.action.SEARCH_LONG_PRESS",
    "android.intent.action.ASSIST",
    "android.intent.action.VOICE_COMMAND",
    "android.intent.action.ALL_APPS",
    "android.intent.action.SET_WALLPAPER",
    "android.intent.action.BUG_REPORT",
    "android.intent.action.FACTORY_TEST",
    "android.intent.action.APP_ERROR",
    "android.intent.action.POWER_USAGE_SUMMARY",
    "android.intent.action.MANAGE_NETWORK_USAGE",
    "android.intent.action.APPLICATION_PREFERENCES",
    "android.intent.action.SHOW_APP_INFO",
    "android.intent.action.PROCESS_TEXT",
    "android.intent.action.TRANSLATE",
    "android.intent.action.DEFINE",
    "android.intent.action.QUICK_VIEW",
    "android.intent.action.INSTALL_PACKAGE",
    "android.intent.action.UNINSTALL_PACKAGE",
    "android.intent.action.SET_ALARM",
    "android.intent.action.SHOW_ALARMS",
    "android.intent.action.SET_TIMER",
    "android.intent.action.BOOT_COMPLETED",
    "android.intent.action.LOCKED_BOOT_COMPLETED",
    "android.intent.action.USER_PRESENT",
    "android.intent.action.USER_UNLOCKED",
    "android.intent.action.SCREEN_ON",
    "android.intent.action.SCREEN_OFF",
    "android.intent.action.PACKAGE_ADDED",
    "android.intent.action.PACKAGE_REMOVED",
    "android.intent.action.PACKAGE_REPLACED",
    "android.intent.action.PACKAGE_CHANGED",
    "android.intent.action.MY_PACKAGE_REPLACED",
    "android.intent.action.TIMEZONE_CHANGED",
    "android.intent.action.TIME_SET",
    "android.intent.action.DATE_CHANGED",
    "android.intent.action.LOCALE_CHANGED",
    "android.intent.action.CONFIGURATION_CHANGED",
    "android.intent.action.BATTERY_CHANGED",
    "android.intent.action.BATTERY_LOW",
    "android.intent.action.BATTERY_OKAY",
    "android.intent.action.ACTION_POWER_CONNECTED",
    "android.intent.action.ACTION_POWER_DISCONNECTED",
    "android.intent.action.ACTION_SHUTDOWN",
    "android.intent.action.REBOOT",
    "android.intent.action.AIRPLANE_MODE",
    "android.intent.action.HEADSET_PLUG",
    "android.intent.action.MEDIA_BUTTON",
    "android.intent.action.MEDIA_MOUNTED",
    "android.intent.action.CAMERA_BUTTON",
    "android.intent.action.NEW_OUTGOING_CALL",
    "android.intent.action.PHONE_STATE",
    "android.intent.action.DOWNLOAD_COMPLETE",
};

constexpr std::string_view kCategories[] = {
    "android.intent.category.DEFAULT",
    "android.intent.category.BROWSABLE",
    "android.intent.category.LAUNCHER",
    "android.intent.category.LEANBACK_LAUNCHER",
    "android.intent.category.INFO",
    "android.intent.category.HOME",
    "android.intent.category.HOME_FIRST",
    "android.intent.category.SECONDARY_HOME",
    "android.intent.category.SETUP_WIZARD",
    "android.intent.category.LAUNCHER_APP",
    "android.intent.category.ALTERNATIVE",
    "android.intent.category.SELECTED_ALTERNATIVE",
    "android.intent.category.TAB",
    "android.intent.category.PREFERENCE",
    "android.intent.category.DEVELOPMENT_PREFERENCE",
    "android.intent.category.NOTIFICATION_PREFERENCES",
    "android.intent.category.EMBED",
    "android.intent.category.APP_MARKET",
    "android.intent.category.MONKEY",
    "android.intent.category.TEST",
    "android.intent.category.UNIT_TEST",
    "android.intent.category.SAMPLE_CODE",
    "android.intent.category.OPENABLE",
    "android.intent.category.TYPED_OPENABLE",
    "android.intent.category.CAR_DOCK",
    "android.intent.category.DESK_DOCK",
    "android.intent.category.LE_DESK_DOCK",
    "android.intent.category.HE_DESK_DOCK",
    "android.intent.category.CAR_MODE",
    "android.intent.category.VOICE",
    "android.intent.category.APP_BROWSER",
    "android.intent.category.APP_CALCULATOR",
    "android.intent.category.APP_CALENDAR",
    "android.intent.category.APP_CONTACTS",
    "android.intent.category.APP_EMAIL",
    "android.intent.category.APP_GALLERY",
    "android.intent.category.APP_MAPS",
    "android.intent.category.APP_MESSAGING",
    "android.intent.category.APP_MUSIC",
    "android.intent.category.APP_FILES",
    "android.intent.category.ACCESSIBILITY_SHORTCUT_TARGET",
};

bool equalIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// nearestName once `word` is known not to be a candidate: one differing only in letter case (the
// first in the given order), or else the first closest within maxDistance edits.
std::optional<std::string_view> closest(std::string_view word,
                                        std::span<const std::string_view> candidates,
                                        size_t maxDistance) {
    for (std::string_view candidate : candidates) {
        if (equalIgnoringCase(word, candidate)) return candidate;
    }
    std::optional<std::string_view> best;
    size_t bestDistance = maxDistance + 1;
    for (std::string_view candidate : candidates) {
        // The length difference bounds the distance from below: most candidates stop here.
        const size_t distance = editDistanceWithin(word, candidate, bestDistance - 1);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

// The parser asks nearestName of every action and category a device declares (206,000 on the
// 10,000-package synthetic device), always against one of the two lists above: nearly always a
// name on the list, which a hash set answers without a scan, else an app's own name, for which
// only the candidates of a length within maxDistance can be close (both tests of `closest` look
// at the length first), found through a table of the list's positions by length.
class WellKnownList {
  public:
    static constexpr size_t kMaxNames = 128;

    explicit WellKnownList(std::span<const std::string_view> names)
        : m_names(names), m_set(names.begin(), names.end()) {
        for (size_t i = 0; i < names.size(); ++i) {
            if (names[i].size() >= m_positionsByLength.size()) {
                m_positionsByLength.resize(names[i].size() + 1);
            }
            m_positionsByLength[names[i].size()].set(i);
        }
    }

    bool is(std::span<const std::string_view> candidates) const {
        return candidates.data() == m_names.data() && candidates.size() == m_names.size();
    }
    bool contains(std::string_view word) const { return m_set.count(word) > 0; }

    // `closest` over the names whose length is within maxDistance of the word's, in list order
    // (ties go to the first in the list, as they would over the whole list).
    std::optional<std::string_view> closestByLength(std::string_view word,
                                                    size_t maxDistance) const {
        std::bitset<kMaxNames> positions;
        const size_t from = word.size() > maxDistance ? word.size() - maxDistance : 0;
        for (size_t length = from;
             length <= word.size() + maxDistance && length < m_positionsByLength.size(); ++length) {
            positions |= m_positionsByLength[length];
        }
        if (positions.none()) return std::nullopt;
        std::array<std::string_view, kMaxNames> near;
        size_t count = 0;
        for (size_t i = 0; i < m_names.size(); ++i) {
            if (positions[i]) near[count++] = m_names[i];
        }
        return closest(word, std::span(near.data(), count), maxDistance);
    }

  private:
    std::span<const std::string_view> m_names;
    std::unordered_set<std::string_view> m_set;
    std::vector<std::bitset<kMaxNames>> m_positionsByLength;
};

static_assert(std::size(kActions) <= WellKnownList::kMaxNames &&
              std::size(kCategories) <= WellKnownList::kMaxNames);

const WellKnownList* wellKnownList(std::span<const std::string_view> candidates) {
    static const WellKnownList actions(kActions);
    static const WellKnownList categories(kCategories);
    if (actions.is(candidates)) return &actions;
    if (categories.is(candidates)) return &categories;
    return nullptr;
}
}  // namespace

size_t editDistance(std::string_view a, std::string_view b) {
    // The classic table, three rows at a time (a swap looks two rows back).
    std::vector<size_t> before(b.size() + 1), previous(b.size() + 1), row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t replace = previous[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0);
            row[j] = std::min({previous[j] + 1, row[j - 1] + 1, replace});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return previous[b.size()];
}

size_t editDistanceWithin(std::string_view a, std::string_view b, size_t bound) {
    // The length difference bounds the distance from below, and stripping equal ends keeps it:
    // checked first, it spares most candidates of nearestName the stripping loops below.
    const size_t over = bound + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > bound) return over;
    // Equal ends never need an edit: an optimal alignment matches them.
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    const size_t n = a.size();
    const size_t m = b.size();
    if (n == 0 || m == 0) return std::max(n, m);
    // One edit leaves one differing letter on each side, one extra letter on one side, or a
    // swapped pair: the parser asks this of every action and category, so no table for it.
    if (bound == 1) {
        const bool swapped = n == 2 && m == 2 && a[0] == b[1] && a[1] == b[0];
        return (n == 1 && m == 1) || swapped ? 1 : over;
    }
    // editDistance's table, with every cell farther than `bound` from the diagonal left at
    // `over`: such a cell costs more than `bound` edits whatever it holds.
    std::vector<size_t> before(m + 1, over), previous(m + 1, over), row(m + 1, over);
    for (size_t j = 0; j <= std::min(m, bound); ++j) previous[j] = j;
    size_t previousMin = 0;
    for (size_t i = 1; i <= n; ++i) {
        std::fill(row.begin(), row.end(), over);
        if (i <= bound) row[0] = i;
        size_t rowMin = row[0];
        const size_t from = i > bound ? i - bound : 1;
        const size_t to = std::min(m, i + bound);
        for (size_t j = from; j <= to; ++j) {
            size_t cell = std::min({previous[j] + 1, row[j - 1] + 1,
                                    previous[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cell = std::min(cell, before[j - 2] + 1);
            }
            row[j] = std::min(cell, over);
            rowMin = std::min(rowMin, row[j]);
        }
        // A cell reads only the two rows above it: once both are past the bound, so is the end.
        if (rowMin > bound && previousMin > bound) return over;
        previousMin = rowMin;
        std::swap(before, previous);
        std::swap(previous, row);
    }
    return std::min(previous[m], over);
}

std::span<const std::string_view> wellKnownActions() { return kActions; }

std::span<const std::string_view> wellKnownCategories() { return kCategories; }

std::optional<std::string_view> nearestName(std::string_view word,
                                            std::span<const std::string_view> candidates,
                                            size_t maxDistance) {
    if (const WellKnownList* known = wellKnownList(candidates)) {
        if (known->contains(word)) return std::nullopt;
        return known->closestByLength(word, maxDistance);
    }
    if (std::find(candidates.begin(), candidates.end(), word) != candidates.end()) {
        return std::nullopt;
    }
    return closest(word, candidates, maxDistance);
}

}  // namespace hearth

#pragma once
// A command line as people paste it: `adb -s SERIAL shell am start -a ... -d 'https://x?a=1&b=2'`.
// The line is split into shell words (splitShellWords: quotes and backslashes as a POSIX shell
// reads them), the launcher prefix is removed — `adb [-s SERIAL|-d|-e|-t ID] shell`, then
// `am start`/`am start-activity`, `pm query-activities`/`pm resolve-activity` or
// `cmd package query-activities`/`cmd package resolve-activity` — and so are the command's own
// options that are not intent arguments (am's -W -S -D --user ...; pm's --brief --components
// --user --query-flags). What remains is am INTENT syntax for parseIntentArgs (intent.h), plus
// the verb the prefix implied, so the CLI and the GUI answer the same question.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/result.h>

namespace hearth {

/// The question a pasted command asks.
enum class IntentVerb {
    Unspecified,  ///< bare intent arguments: the caller's default applies
    Start,        ///< am start / am start-activity: what starts (hearth start, resolveStart)
    Resolve,      ///< pm / cmd package resolve-activity: resolveActivity, flags 0 unless given
    Query,        ///< pm / cmd package query-activities: queryIntentActivities, flags 0 unless given
};

/// "start", "resolve", "query", or "" for Unspecified: the hearth command answering that verb.
const char* intentVerbName(IntentVerb verb);

/// A pasted command line taken apart.
struct IntentCommandLine {
    std::vector<std::string> intentArgs;    ///< am INTENT arguments for parseIntentArgs
    IntentVerb verb = IntentVerb::Unspecified;  ///< what the removed prefix implied
    std::string prefix;                     ///< the words removed before the intent, space-joined
    std::optional<std::string> queryFlags;  ///< pm's --query-flags value, as written
    std::vector<std::string> ignored;       ///< command options dropped (e.g. "-W", "--user 0")
    /// Things worth knowing about the paste, e.g. that a real `adb shell` splits the words a second
    /// time on the device, so an unquoted '&' there ends the command.
    std::vector<std::string> notes;
};

/// Splits `line` into shell words (a backslash before a line break joins the lines) and removes a
/// launcher prefix and the command's own options. A single word after `adb shell` holding the
/// whole command (`adb shell "am start -d x"`) is split again, as the device's shell does. Fails
/// with "source:1:col: message" for an unterminated quote, "'adb' must be followed by 'shell', got
/// 'x'", "'am x' is not an activity start: expected 'am start' or 'am start-activity'", "'pm x'
/// ...", "'-s' needs a device serial", "'--user' needs a value", "nothing after 'am start'".
[[nodiscard]] Result<IntentCommandLine> parseIntentCommandLine(std::string_view line,
                                                               const std::string& sourceName);

/// The arguments as a shell line: words quoted with '...' when they hold anything but
/// [A-Za-z0-9_@%+=:,./-]; splitShellWords reads the line back to the same words.
std::string joinShellWords(const std::vector<std::string>& words);

}  // namespace hearth

#pragma once
// Intent: what an app asks the system to start, and its parsing from `am start` arguments
// (spec 6.3).

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/component_name.h>
#include <hearth/result.h>
#include <hearth/uri.h>

namespace hearth {

/// Well-known names used across the core.
namespace names {
inline constexpr const char* kActionMain = "android.intent.action.MAIN";
inline constexpr const char* kActionView = "android.intent.action.VIEW";
inline constexpr const char* kCategoryDefault = "android.intent.category.DEFAULT";
inline constexpr const char* kCategoryHome = "android.intent.category.HOME";
inline constexpr const char* kCategoryHomeFirst = "android.intent.category.HOME_FIRST";
inline constexpr const char* kCategoryLauncher = "android.intent.category.LAUNCHER";
inline constexpr const char* kCategoryBrowsable = "android.intent.category.BROWSABLE";
inline constexpr const char* kCategorySetupWizard = "android.intent.category.SETUP_WIZARD";
}  // namespace names

/// Intent flags and PackageManager query flags (spec 4.1).
namespace flags {
inline constexpr int kMatchDefaultOnly = 0x00010000;
inline constexpr int kGetResolvedFilter = 0x40;
inline constexpr int kMatchDisabledComponents = 0x200;
inline constexpr int kStockPmFlags = 0x400;
inline constexpr int kMatchDirectBootUnaware = 0x00040000;
inline constexpr int kMatchDirectBootAware = 0x00080000;
inline constexpr int kMatchSystemOnly = 0x00100000;
inline constexpr int kActivityNewTask = 0x10000000;
inline constexpr int kActivityResetTaskIfNeeded = 0x00200000;
inline constexpr int kDebugTriagedMissing = 0x00000100;
inline constexpr int kExcludeStoppedPackages = 0x10;
inline constexpr int kIncludeStoppedPackages = 0x20;
inline constexpr int kActivityRequireDefault = 0x200;
// Intent flags set by the `am` shortcuts (--activity-clear-top, ...), Android's values.
inline constexpr int kGrantReadUriPermission = 0x1;
inline constexpr int kGrantWriteUriPermission = 0x2;
inline constexpr int kDebugLogResolution = 0x8;
inline constexpr int kGrantPersistableUriPermission = 0x40;
inline constexpr int kGrantPrefixUriPermission = 0x80;
inline constexpr int kActivityMatchExternal = 0x800;
inline constexpr int kActivityTaskOnHome = 0x00004000;
inline constexpr int kActivityClearTask = 0x00008000;
inline constexpr int kActivityNoAnimation = 0x00010000;
inline constexpr int kActivityReorderToFront = 0x00020000;
inline constexpr int kActivityNoUserAction = 0x00040000;
inline constexpr int kActivityClearWhenTaskReset = 0x00080000;
inline constexpr int kActivityLaunchedFromHistory = 0x00100000;
inline constexpr int kActivityBroughtToFront = 0x00400000;
inline constexpr int kActivityExcludeFromRecents = 0x00800000;
inline constexpr int kActivityPreviousIsTop = 0x01000000;
inline constexpr int kReceiverIncludeBackground = 0x01000000;
inline constexpr int kActivityClearTop = 0x04000000;
inline constexpr int kActivityMultipleTask = 0x08000000;
inline constexpr int kReceiverNoAbort = 0x08000000;
inline constexpr int kReceiverForeground = 0x10000000;
inline constexpr int kActivitySingleTop = 0x20000000;
inline constexpr int kReceiverReplacePending = 0x20000000;
inline constexpr int kActivityNoHistory = 0x40000000;
inline constexpr int kReceiverRegisteredOnly = 0x40000000;
}  // namespace flags

struct Intent {
    std::optional<std::string> action;
    std::vector<std::string> categories;  ///< a set: no duplicates, insertion order kept
    std::optional<Uri> data;
    std::optional<std::string> type;      ///< raw, never normalised (M-18)
    std::optional<ComponentName> component;
    std::optional<std::string> package;
    int flags = 0;
    std::shared_ptr<const Intent> selector;
    /// `am -i` / intent URI "identifier=": part of the intent's identity, never of matching.
    std::optional<std::string> identifier;
    /// Whether extras were given (`am -e ...`); their values take no part in resolution.
    bool hasExtras = false;

    bool hasCategory(std::string_view category) const;
    /// Adds a category unless present.
    void addCategory(std::string category);
    /// The data URI's scheme, or nullopt.
    const std::optional<std::string>& scheme() const;
    /// The body of "Intent { ... }" as `am` prints it (Intent.toShortString, secure form):
    /// "act=A cat=[c1,c2] dat=D typ=T id=I flg=0xF pkg=P cmp=pkg/.Cls (has extras)", categories in
    /// Android's ArraySet
    /// order (by String.hashCode), dat= sanitised like Uri.toSafeString, a selector appended as
    /// " sel=...}" (Android's own unbalanced brace).
    std::string toShortString() const;
};

/// Parses `am start`/`pm query-activities` intent arguments (spec 6.3): -a -c -d -t -n -p -f,
/// extras (checked like am checks them, then ignored), flag shortcuts, --selector, and one
/// trailing URI (intent:, android-app: or plain), component or package. Errors use am's wording
/// ("Unknown option: -x", "No intent supplied", "Bad component name: x", "Argument expected
/// after \"-a\""); an argument after the trailing one is refused ("Unexpected argument: x")
/// where am would silently ignore it.
[[nodiscard]] Result<Intent> parseIntentArgs(const std::vector<std::string>& args);

}  // namespace hearth

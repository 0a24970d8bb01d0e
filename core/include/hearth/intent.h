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

    bool hasCategory(std::string_view category) const;
    /// Adds a category unless present.
    void addCategory(std::string category);
    /// The data URI's scheme, or nullopt.
    const std::optional<std::string>& scheme() const;
    /// Intent { act=... cat=[...] dat=... typ=... flg=0x... pkg=... cmp=... } body, as am prints.
    std::string toShortString() const;
};

/// Parses `am start`/`pm query-activities` intent arguments (spec 6.3): -a -c -d -t -n -p -f,
/// extras (accepted and ignored), flag shortcuts, --selector, and one trailing URI, component or
/// package. Errors use am's wording ("Unknown option: -x", "No intent supplied", ...).
[[nodiscard]] Result<Intent> parseIntentArgs(const std::vector<std::string>& args);

}  // namespace hearth

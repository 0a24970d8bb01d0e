#pragma once
// Reads the HOME_FIRST patch from a frameworks/ source checkout (--framework-src): for each call
// site of spec 5.7 (2.x: ActivityManagerService.startHomeActivityLocked, HistoryRecord's home
// check, PhoneWindowManager and MidWindowManager's HOME-key intent, the RecentApplicationsDialogs;
// modern: ActivityTaskManagerService.getHomeIntent, ActivityRecord.isHomeIntent and the HOME-key
// intent) the category the code uses there, with file:line. A site not found is unknown, never
// guessed.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <hearth/device.h>
#include <hearth/result.h>
#include <hearth/source_location.h>

namespace hearth {

enum class SiteStatus {
    Stock,       ///< the site uses android.intent.category.HOME
    Patched,     ///< the site uses android.intent.category.HOME_FIRST
    Custom,      ///< the site uses another category (a patch Hearth reports but does not model)
    Unknown,     ///< the code of the site was not found
    NotPresent,  ///< the site does not exist in this source generation (MidWindowManager on 10+)
};

/// "stock", "patched", "custom", "unknown", "not-present".
const char* siteStatusName(SiteStatus status);

/// One place in the source where a call site picks its category.
struct SourceSite {
    std::string site;          ///< call-site id: boot, home-key, home-key-mid, recents, is-home
    SiteStatus status = SiteStatus::Unknown;
    std::string code;          ///< "ActivityManagerService.startHomeActivityLocked"
    std::string expression;    ///< the argument as written: "Intent.CATEGORY_HOME"
    std::string category;      ///< its value, when it could be resolved
    SourceLocation where;      ///< file:line of the expression
    std::string note;          ///< why unknown, or what a custom category means
};

/// Every call site found in a tree (sites with several places, like the two recents dialogs,
/// appear once per place) and the patch they add up to.
struct FrameworkSourceScan {
    std::filesystem::path root;
    std::vector<SourceSite> sites;
    std::vector<Diagnostic> diagnostics;

    /// The HOME_FIRST patch the source implements: a site is patched when every place of it uses
    /// HOME_FIRST.
    FrameworkPatch patch() const;
};

/// The call sites one Java file holds, judged by its file name (ActivityManagerService.java,
/// HistoryRecord.java, ActivityRecord.java, PhoneWindowManager.java, MidWindowManager.java,
/// RecentApplicationsDialog.java, ActivityTaskManagerService.java); categoryConstants maps
/// "CATEGORY_X" to its value (from Intent.java). Sites of that file that are not found are Unknown.
std::vector<SourceSite> scanJavaSource(std::string_view text, const std::string& fileName,
                                       const std::vector<std::pair<std::string, std::string>>&
                                           categoryConstants = {});

/// Walks a frameworks/ checkout (bounded depth, symlinks not followed) and scans the files of
/// every call site; fails when the folder cannot be read or holds none of them.
[[nodiscard]] Result<FrameworkSourceScan> scanFrameworkSource(const std::filesystem::path& root);

/// The scan as text, one line per place: "boot  patched  HOME_FIRST  file:line  (code)".
std::string renderFrameworkScan(const FrameworkSourceScan& scan);

}  // namespace hearth

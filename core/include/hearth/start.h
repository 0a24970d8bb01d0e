#pragma once
// `am start` offline (base spec 6.4, android-modern.md §6): resolve an intent *for start*
// (ResolveMode::Start, MATCH_DEFAULT_ONLY | STOCK_PM_FLAGS as ActivityStarter does, so web links go
// through W-24..W-28 and FLAG_ACTIVITY_REQUIRE_NON_BROWSER through W-34), and am's text:
// "Starting: Intent { ... }", or "Error: Activity not started, unable to resolve Intent { ... }",
// plus one line saying what starts. Pure and deterministic.

#include <hearth/package_index.h>
#include <hearth/resolve_report.h>

#include <optional>
#include <string>
#include <vector>

namespace hearth {

/// The resolution flags of a start: MATCH_DEFAULT_ONLY | STOCK_PM_FLAGS (base spec 4.1).
inline constexpr int kStartQueryFlags = flags::kMatchDefaultOnly | flags::kStockPmFlags;

/// What starting an intent does.
struct StartResult {
    Intent requested;                    ///< the intent as given (am prints it in "Starting:")
    Intent started;                      ///< with FLAG_ACTIVITY_NEW_TASK added, as am starts it
    ResolveResult result;                ///< resolve's answer in mode Start (chosen, candidates)
    std::vector<ComponentName> chooser;  ///< Chooser: the entries it shows (chooserEntries)
    bool browserChooser = false;         ///< Chooser: every entry is a browser (C-6, W-27)
    /// Chooser: whether it offers "Always". From Android 10 a VIEW of an http(s) link gets the
    /// browsable layout, "Just once" and "Settings" only (W-18, E39).
    bool chooserOffersAlways = true;
    /// S-5: the chosen activity is not exported and belongs to another app id than the caller's:
    /// the SecurityException's message; nothing starts.
    std::optional<std::string> denied;
    /// The chosen activity's package is suspended: what Android shows instead (caller_rules.h).
    std::optional<std::string> suspended;
};

/// Resolves a request for start (W-3 order: gather, domain filtering, re-sort, the caller step,
/// chooseBestActivity, W-34): its mode becomes Start, its flags kStartQueryFlags and its intent
/// gains FLAG_ACTIVITY_NEW_TASK; the rest of the request (the caller) is kept. Then S-5 (with a
/// caller) and a suspended package: StartResult::denied, StartResult::suspended.
StartResult resolveStart(const PackageIndex& index, ResolveRequest request);
/// resolveStart of a request holding only the intent.
StartResult resolveStart(const PackageIndex& index, const Intent& intent);

/// am's text: "Starting: Intent { ... }", then "Starts pkg/.Cls (why)" or "Starts the chooser
/// (android/com.android.internal.app.ResolverActivity) with N activities: ... (why)" (and, for a
/// web link on Android 10+, "The chooser offers Just once and Settings, no Always (W-18)"); unresolvable:
/// "Error: Activity not started, unable to resolve Intent { ... flg=0x10000000 ... }" (an explicit
/// component that does not exist: "Error type 3" and "Error: Activity class {pkg/cls} does not
/// exist.") then "Starts nothing (why)"; refused by S-5: "Exception occurred while executing
/// 'start':" and "java.lang.SecurityException: Permission Denial: ..." then "Starts nothing (S-5:
/// ...)"; a suspended package: "Starts a suspended-app dialog instead of pkg/.Cls (why)".
std::string renderStartText(const StartResult& start);

/// resolve's JSON (renderResolveJson, with the context's header) with "intentText" (am's
/// "Intent { ... }", as "Starting:" prints it) before resolve's fields, then "chooser" (the entries shown,
/// [] unless the chooser starts), "browserChooser" and "chooserOffersAlways".
std::string renderStartJson(const StartResult& start,
                            const std::vector<Rejection>* rejections = nullptr,
                            const AnswerContext& context = {});

}  // namespace hearth

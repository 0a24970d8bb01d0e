#pragma once
// What changes between two devices (`hearth diff`): the intents a device's filters stand for,
// resolved on both sides as `hearth start` (startActivity) resolves them, plus HOME at every framework call site;
// every intent whose outcome differs is one row. A ROM build or an app's CI gates on the rows.

#include <optional>
#include <string>
#include <vector>

#include <hearth/component_name.h>
#include <hearth/home.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/start.h>

namespace hearth {

struct Device;
struct IntentFilter;

/// An intent one filter stands for, and the am-style arguments that build it again.
struct ProbeIntent {
    Intent intent;
    std::string args;  ///< "-a android.intent.action.VIEW -c ... -d https://x.example.com/item"
};

/// The intents a filter stands for: each action with the filter's categories (DEFAULT is what
/// MATCH_DEFAULT_ONLY asks for, so it is left to the flag), times each concrete data form of its
/// scheme x host x path cross product (M-26) and each declared type. A wildcard host
/// "*.example.com" becomes "x.example.com", a path prefix itself, a suffix "/x" + suffix, a simple
/// glob its shortest match. Only intents the filter itself matches are kept, so every probe is a
/// real way to reach it.
std::vector<ProbeIntent> probeIntentsOf(const IntentFilter& filter);

/// probeIntentsOf over every activity filter of the device's installed packages, without
/// duplicates, sorted by their arguments.
std::vector<ProbeIntent> probeIntents(const Device& device);

/// How one side answers: the activity started, the chooser with what it lists, or nothing.
struct DiffOutcome {
    std::string kind;                       ///< "activity", "chooser", "none" (home: "refused",
                                            ///< "not-present" too)
    std::optional<ComponentName> component;  ///< activity
    std::vector<ComponentName> chooser;      ///< chooser: the entries it shows
    std::string rule;                        ///< the deciding rule id (C-3, P-8, H-4, ...)
    std::string reason;                      ///< why, one or two sentences; never repeats `rule`

    /// "com.example/.Main", "chooser: a/.A, b/.B", "nothing".
    std::string summary() const;
    bool sameAnswer(const DiffOutcome& other) const {
        return kind == other.kind && component == other.component && chooser == other.chooser;
    }
};

/// What a start shows: its activity, the chooser's shown entries (W-30), or nothing.
DiffOutcome outcomeOf(const StartResult& start);
/// What a resolve answers: its activity, the chooser with every candidate, or nothing.
DiffOutcome outcomeOf(const ResolveResult& result);
/// What a HOME call site starts (kind is homeOutcomeName: also "refused", "not-present").
DiffOutcome outcomeOf(const HomeSiteReport& site);

/// One intent (or HOME call site) whose outcome differs.
struct DiffRow {
    std::string intent;  ///< am-style arguments, or "home boot" / "home home-key" / ...
    std::string site;    ///< the HOME call-site id, or "" for an intent
    DiffOutcome before;
    DiffOutcome after;
};

/// Who starts the probe intents on each side (the caller rules, V- and S-, at W-3); nullopt runs
/// the resolver alone. HOME call sites are the framework's own and take no caller.
struct DiffCallers {
    std::optional<Caller> before;
    std::optional<Caller> after;
};

struct DeviceDiff {
    size_t intentsCompared = 0;  ///< probe intents plus HOME call sites
    std::vector<DiffRow> rows;   ///< HOME sites first (homeSiteIds order), then intents by args
    DiffCallers callers;         ///< who started the intents on each side
};

/// Resolves the probe intents of both devices (their union) as resolveStart does on each side
/// (mode Start, MATCH_DEFAULT_ONLY; a chooser is what it shows), each side as its caller, and HOME
/// at every call site, and lists what differs. Both devices must stay unchanged while it runs.
DeviceDiff diffDevices(const Device& before, const Device& after, const DiffCallers& callers = {});

/// The count line, one sentence without a line break: "N of M intents change their outcome
/// (before NAME (API n), after ...)" or "No intent changes its outcome (M compared; before ...)".
std::string renderDiffSummary(const DeviceDiff& diff, const Device& before, const Device& after);
/// The rows as text: renderDiffSummary's line, then per row the intent and both outcomes with
/// the after side's rule.
std::string renderDiffText(const DeviceDiff& diff, const Device& before, const Device& after);
/// {"schemaVersion", "before": {"name","api"}, "after": {...}, "callers": {"before","after"}
/// (callerName or null), "compared", "changes":
/// [{"intent","site","before":{"outcome","component","chooser","rule","reason"},"after":{...}}]}.
std::string renderDiffJson(const DeviceDiff& diff, const Device& before, const Device& after);

}  // namespace hearth

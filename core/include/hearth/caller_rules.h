#pragma once
// The rules that remove candidates by caller (android-modern.md §3.3, §4): package visibility of
// queries (V-10, V-12) and the safer-intent rules (S-4, S-6, S-7, S-8) in Android's order after
// domain filtering (W-3), plus what happens when the chosen activity is started (S-5, a suspended
// package). Pure: no I/O; every removal names its rule.

#include <hearth/caller.h>
#include <hearth/candidate_verdict.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>

#include <optional>
#include <string>
#include <vector>

namespace hearth {

/// V-10/V-12 alone, for a query of services, receivers or providers: Android filters every
/// component query by package visibility (AppsFilter), while the W- and S- rules are activity
/// rules. Removes what the caller cannot see; returns a verdict per removal.
std::vector<CandidateVerdict> applyVisibility(const Device& device, const Caller& caller,
                                              const Intent& original,
                                              std::vector<ResolveInfo>& candidates);

/// The caller rules on a sorted (and domain-filtered, W-1..W-4) query result, in Android's order
/// (W-3): S-6/S-8 (an explicit intent, or a selector's original, must match a filter of the
/// target), S-7 (null action, API 35 flag), V-10/V-12 (visibility; queries only), S-4
/// (non-exported activities of an implicit start; starts only). Removes from `candidates` and
/// returns a verdict (kept false, rule id, one sentence) per candidate it removed. PackageIndex's
/// query pipeline runs it for a ResolveRequest that names a caller.
std::vector<CandidateVerdict> applyCallerRules(const Device& device, const Caller& caller,
                                               ResolveMode mode, const Intent& intent,
                                               std::vector<ResolveInfo>& candidates);

/// One sentence on who asks, e.g. "caller 'com.me' (app id 10002, targetSdk 34): a query sees only
/// the packages V-3..V-9 make visible to it (V-10, V-12); the export and filter checks apply by API
/// level (S-3..S-8)".
std::string describeCaller(const Caller& caller, const Device& device, ResolveMode mode);

/// S-5: the SecurityException's message when the chosen activity is not exported and belongs to
/// another app id than the caller's (root and system exempt): "Permission Denial: starting Intent
/// { <intent as started> } from null (uid=2000) not exported from uid 10003" (Android also prints
/// the caller's pid); nullopt when the start may proceed.
std::optional<std::string> startDenial(const Device& device, const Caller& caller,
                                       const Intent& intent, const ResolveInfo& chosen);

/// A suspended package's activity does not start (not in android-modern.md;
/// ActivityStartInterceptor): from API 28 Android shows
/// android/com.android.internal.app.SuspendedAppActivity ("App isn't available") in its place, on
/// API 24-27 Settings' admin support dialog. nullopt when the chosen activity's package is not
/// suspended.
std::optional<std::string> suspendedStart(const Device& device, const ResolveInfo& chosen);

}  // namespace hearth

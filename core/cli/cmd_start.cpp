// hearth start: what `am start` does with an intent on a device — a resolve for start
// (MATCH_DEFAULT_ONLY, web links by the App Links rules W-24..W-28, W-34) — printed like am
// ("Starting: Intent { ... }", "Error: Activity not started, unable to resolve Intent { ... }")
// plus one line saying what starts; --json with resolve's shape.

#include <hearth/resolve_report.h>
#include <hearth/start.h>

#include <ostream>

#include "cli.h"
#include "command.h"
#include "intent_command.h"

namespace hearth::cli {
namespace {

constexpr const char* kExamples =
    R"(Full form: hearth start DEVICE [OPTIONS] INTENT...

INTENT is am syntax: -a ACTION, -c CATEGORY (repeatable), -d URI, -t MIME, -n PKG/CLS, -p PACKAGE,
-f FLAGS, extras (--es K V, ...; ignored for matching), --selector, and one trailing intent: URI,
component or package. Hearth's own options may appear anywhere.

Unlike query and resolve (pm, flags 0), a start always resolves with MATCH_DEFAULT_ONLY, as
startActivity does. So a VIEW http(s) link with no category, BROWSABLE, DEFAULT or both is a
domain-verification intent (W-24): on Android 12+ an app approved for the host (verified, or a host
the user selected) starts directly and the browsers are left out (W-25, W-26); without one only
the browsers remain, and the default browser ('roles.browser' in device.json) stands for them all
(W-14). Android 6-11 use each package's link status instead (W-10..W-15). -f 0x400
(FLAG_ACTIVITY_REQUIRE_NON_BROWSER) refuses a browser answer (W-34). The device's App Links state
is shown by 'hearth app-links DEVICE'.

Examples:
  hearth start samples/devices/app-links -a android.intent.action.VIEW \
      -c android.intent.category.BROWSABLE -d https://news.example.com/today
      News is verified for news.example.com: it starts directly (W-25)
  hearth start samples/devices/app-links -a android.intent.action.VIEW \
      -d https://shop.example.com/cart --explain
      Shop is not approved: the default browser starts; --explain names the W- rule for each app
  hearth start samples/devices/app-links -a android.intent.action.VIEW \
      -d https://shop.example.com/cart -f 0x400
      the same link with FLAG_ACTIVITY_REQUIRE_NON_BROWSER: nothing starts (W-34, exit 4)
  hearth start samples/devices/legacy-links -a android.intent.action.VIEW \
      -d https://video.example.com/clip --json
      Android 9, an 'always-ask' app: the chooser with the app and the default browser (exit 3)
  hearth start samples/devices/callers -a com.example.notes.EDIT --caller com.example.notes
      --caller: Notes' own editor is not exported, so an implicit start leaves it out (S-4)
  hearth start samples/devices/callers -n com.example.notes/.EditorActivity
      the shell may not start another app's non-exported activity: Permission Denial (S-5, exit 4)

Output: am's "Starting: Intent { ... }" line, then one of
  Starts pkg/.Cls (why, citing rules)
  Starts the chooser (android/com.android.internal.app.ResolverActivity) with N activities: ...
  Error: Activity not started, unable to resolve Intent { ... }, then "Starts nothing" and why
  Exception occurred while executing 'start': java.lang.SecurityException: Permission Denial: ...
      (S-5), then "Starts nothing"
  Starts a suspended-app dialog instead of pkg/.Cls (its package is suspended)
The caller (--caller, default the shell, as am runs) decides S-3..S-8; starts are never
visibility-filtered (V-11).
--json prints resolve's JSON (the shared "schemaVersion", "device" and parsed "intent" first) with
"intentText" (am's "Intent { ... }") before its fields and "chooser" (the entries the chooser
shows), "browserChooser" and "chooserOffersAlways" last; docs/json.md describes every field.
On Android 10+ a web link's chooser offers Just once and Settings, no Always (W-18).

Exit codes (not am's, which always exits 0): 0 one activity starts, 3 the chooser starts,
4 nothing starts, 1 bad input (device cannot be read), 2 usage error (including a malformed
intent).)";

// --batch: the --json answer for one request.
std::string startJson(const PackageIndex& index, const ResolveRequest& request,
                      const std::vector<Rejection>* rejections) {
    return renderStartJson(resolveStart(index, request), rejections,
            AnswerContext{&index.device(), &request.intent});
}

}  // namespace

Runner defineStart(CLI::App& app, Io& io) {
    Runner runner = defineIntentCommand(
        app, io, "start", kExamples,
        [&io](const IntentCommandRun& run) {
            const StartResult start = resolveStart(run.index, run.prepared.request);
            if (run.options.json) {
                io.out << renderStartJson(start, run.rejections,
                        AnswerContext{&run.index.device(), &run.prepared.request.intent});
            } else {
                io.out << renderStartText(start);
                if (run.rejections) {
                    io.out << "\n"
                           << renderResolveExplanation(start.result, *run.rejections,
                                                       run.prepared.device.apiLevel,
                                                       run.explainStyle);
                }
            }
            return start.denied ? static_cast<int>(kExitNothing)
                                : exitCodeFor(start.result.outcome);
        },
        ResolveMode::Start, kStartQueryFlags, startJson);
    // pm's output and query options mean nothing to am start: a start is always an activity
    // resolved with MATCH_DEFAULT_ONLY.
    for (const char* name : {"--brief", "--components", "--query-flags", "--default-only",
                             "--kind"}) {
        app.remove_option(app.get_option(name));
    }
    return runner;
}

}  // namespace hearth::cli

// hearth resolve: resolveIntent over a device — one activity, the chooser, or nothing — printed
// like `cmd package resolve-activity` (spec 6.1), as JSON, or with --explain.

#include <hearth/package_index.h>
#include <hearth/resolve_report.h>

#include <ostream>

#include "cli.h"
#include "command.h"
#include "intent_command.h"

namespace hearth::cli {
namespace {

constexpr const char* kExamples =
    R"(Full form: hearth resolve DEVICE [OPTIONS] INTENT...

INTENT is am/pm syntax: -a ACTION, -c CATEGORY (repeatable), -d URI, -t MIME, -n PKG/CLS,
-p PACKAGE, -f FLAGS, extras (--es K V, ...; ignored for matching), --selector, and one trailing
intent: URI, component or package. Hearth's own options may appear anywhere.

Resolution is query (same flags) then chooseBestActivity: one candidate wins (C-2); the first of
the top two wins when they differ in priority, preferredOrder or isDefault (C-3); otherwise a
recorded preferred activity (P-7, P-8, by API level) or the chooser, ResolverActivity (C-6).
Resolving never changes the device: preferred-table changes Android would make (P-8) are reported
in the JSON "preferredChanges" and in --explain.

Examples:
  hearth resolve samples/devices/browsers -a android.intent.action.VIEW -d http://news.example.org/
      two browsers tie and no preference applies: the chooser (exit 3)
  hearth resolve samples/devices/browsers -a android.intent.action.VIEW -d https://news.example.org/ \
      --explain
      the recorded "Always" choice wins (P-8); --explain shows why each other app lost
  hearth resolve samples/devices/seed -a android.intent.action.VIEW -d https://example.com/x --json
      the answer as JSON: {"outcome","component","rule","reason","candidates",...}
  hearth resolve samples/devices/seed -a android.intent.action.MAIN -c android.intent.category.HOME \
      --brief --default-only
      the HOME activity as startActivity resolves it, pm --brief style

Output: pm's text ("No activity found", or the chosen ResolveInfo; the chooser prints
"priority=0 preferredOrder=0 match=0x0 specificIndex=-1 isDefault=false" and
android/com.android.internal.app.ResolverActivity). The default dump's ActivityInfo lines are
Hearth's own. --kind service|receiver|provider picks the first result, as resolveService does.

Exit codes: 0 one activity, 3 the chooser (ResolverActivity) would be shown, 4 nothing found,
1 bad input (device cannot be read), 2 usage error (including a malformed intent).)";

// --batch: the --json answer for one request.
std::string resolveJson(const PackageIndex& index, const ResolveRequest& request,
                        const std::vector<Rejection>* rejections) {
    return renderResolveJson(index.resolve(request), rejections,
            AnswerContext{&index.device(), &request.intent});
}

}  // namespace

Runner defineResolve(CLI::App& app, Io& io) {
    return defineIntentCommand(app, io, "resolve", kExamples, [&io](const IntentCommandRun& run) {
        const PreparedIntent& prepared = run.prepared;
        const ResolveResult result = run.index.resolve(prepared.request);
        if (run.options.json) {
            io.out << renderResolveJson(result, run.rejections,
                    AnswerContext{&run.index.device(), &run.prepared.request.intent});
        } else {
            io.out << renderResolveText(result, prepared.request.kind, run.style);
            if (run.rejections) {
                io.out << "\n"
                       << renderResolveExplanation(result, *run.rejections,
                                                   prepared.device.apiLevel, run.explainStyle);
            }
        }
        return exitCodeFor(result.outcome);
    }, ResolveMode::Query, 0, resolveJson);
}

}  // namespace hearth::cli

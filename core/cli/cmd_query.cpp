// hearth query: queryIntentActivities (and services, receivers, providers) over a device, printed
// like `cmd package query-activities` (spec 6.2), as JSON, or with --explain.

#include <hearth/package_index.h>
#include <hearth/resolve_report.h>

#include <ostream>

#include "cli.h"
#include "command.h"
#include "intent_command.h"

namespace hearth::cli {
namespace {

constexpr const char* kExamples =
    R"(Full form: hearth query DEVICE [OPTIONS] INTENT...

INTENT is am/pm syntax: -a ACTION, -c CATEGORY (repeatable), -d URI, -t MIME, -n PKG/CLS,
-p PACKAGE, -f FLAGS, extras (--es K V, ...; ignored for matching), --selector, and one trailing
intent: URI, component or package. Hearth's own options may appear anywhere.

Examples:
  hearth query samples/devices/browsers -a android.intent.action.VIEW -d https://example.com/docs/a
      every browser that handles the link, in Android's order (R-9), as pm query-activities prints
  hearth query samples/devices/browsers -a android.intent.action.VIEW -d http://news.example.org \
      -c android.intent.category.BROWSABLE --brief --default-only
      the startActivity view (MATCH_DEFAULT_ONLY), two lines per activity
  hearth query samples/devices/seed -a android.intent.action.MAIN -c android.intent.category.HOME \
      --explain
      the HOME candidates in order, the near misses with the rule that removed each, the other
      activities counted per package (--explain=all lists every one)
  hearth query samples/devices/browsers -a android.intent.action.VIEW -d http://news.example.org/ \
      --why com.example.mail
      why the mail app is not a candidate, and nothing about the others
  hearth query app/AndroidManifest.xml --kind service -a com.example.SYNC --json
      services instead of activities, as JSON

Output: pm's text ("No activities found", "N activities found:", "  Activity #i:"); --brief and
--components as pm; the default dump follows ResolveInfo.dump, but its ActivityInfo lines are
Hearth's own (Android's exact lines are not reproduced). --json prints {"schemaVersion",
"device":{"name","api"},"intent":{...as parsed},"results":[{"component","package","class",
"priority","declaredPriority","preferredOrder","match","isDefault","system","kind",
"filter":{"file","line","column"}}]} (+ "explain" with --explain or --why: every rejection, each
with "nearMiss"); docs/json.md describes every field. When nothing is found, stderr names each action,
category, scheme or MIME type no filter on the device declares, with a did-you-mean.

Exit codes: 0 results found, 4 nothing found, 1 bad input (device cannot be read), 2 usage error
(including a malformed intent).)";

// --batch: the --json answer for one request.
std::string queryJson(const PackageIndex& index, const ResolveRequest& request,
                      const std::vector<Rejection>* rejections) {
    const QueryTrace trace = index.trace(request);
    return renderQueryJson(trace.results, rejections, &trace.steps,
            AnswerContext{&index.device(), &request.intent});
}

}  // namespace

Runner defineQuery(CLI::App& app, Io& io) {
    return defineIntentCommand(app, io, "query", kExamples, [&io](const IntentCommandRun& run) {
        const PreparedIntent& prepared = run.prepared;
        const QueryTrace trace = run.index.trace(prepared.request);
        const std::vector<ResolveInfo>& results = trace.results;
        if (run.options.json) {
            io.out << renderQueryJson(results, run.rejections, &trace.steps,
                    AnswerContext{&run.index.device(), &run.prepared.request.intent});
        } else {
            io.out << renderQueryText(results, prepared.request.kind, run.style);
            if (run.rejections) {
                io.out << "\n"
                       << renderQueryExplanation(results, *run.rejections,
                                                 prepared.device.apiLevel, &trace.steps,
                                                 run.explainStyle);
            }
        }
        return results.empty() ? kExitNothing : kExitOk;
    }, ResolveMode::Query, 0, queryJson);
}

}  // namespace hearth::cli

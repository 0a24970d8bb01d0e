#pragma once
// Intent contracts for CI (`hearth check`): a file of one check a line, written in the CLI's own
// syntax — `resolve -a ... -d ... => pkg/.Cls` — run against a device; each check passes or fails
// with what the device answered instead. A ROM or an app keeps its intent contract in git.
//
// Line grammar (shell words: quotes and backslashes as a POSIX shell reads them; '#' starts a
// comment at the start of a word):
//   start INTENT...   => COMPONENT | chooser COMPONENT... | nothing   (as `hearth start`: what
//                        am start opens; a chooser is the entries it shows)
//   resolve INTENT... => COMPONENT | chooser COMPONENT... | nothing
//   query INTENT...   => contains COMPONENT... | COMPONENT... (exactly, in order) | nothing
//   home SITE [--patch home-first|stock] => COMPONENT | chooser COMPONENT... | nothing
//   claims SELECTOR... => COMPONENT... (each must claim; --scheme --host --path --type --action
//                         --category --url as in `hearth claims`)
// INTENT is am syntax (-a -c -d -t -n -p -f ...); resolve and query take --default-only
// (MATCH_DEFAULT_ONLY; without it flags are 0, as `hearth resolve` and pm use).

#include <string>
#include <string_view>
#include <vector>

#include <hearth/result.h>
#include <hearth/shell_words.h>
#include <hearth/source_location.h>

namespace hearth {

struct Device;

/// One parsed check.
struct Check {
    SourceLocation where;                ///< the line
    std::string text;                    ///< the line as written, trimmed
    std::string command;                 ///< start, resolve, query, home, claims
    std::vector<std::string> args;       ///< between the command and "=>"
    std::string expectation;             ///< "component", "chooser", "nothing", "contains",
                                         ///< "exactly"
    std::vector<std::string> components; ///< as written ("pkg/.Cls")
};

/// Parses a checks file; fails at the first bad line with file:line:col and what was expected.
/// Blank lines and comments are skipped.
[[nodiscard]] Result<std::vector<Check>> parseChecks(std::string_view text,
                                                     const std::string& sourceName);

/// What one check found.
struct CheckResult {
    Check check;
    bool passed = false;
    std::string actual;   ///< what the device answered, in the expectation's words
    std::string problem;  ///< why it failed: a wrong answer or a bad intent ("" when passed)
};

/// The checks the device's manifests carry themselves: for every `<tools:validation testUrl>` of
/// an installed package's activity, `query -a VIEW -c BROWSABLE -d URL --default-only =>
/// contains pkg/.Cls` located at the testUrl attribute — the URL must match one of the activity's
/// filters and reach it on this device (a candidate of startActivity's query; which candidate
/// opens is `start`'s question, and on Android 12+ an unapproved app loses web links to the
/// browser, W-).
std::vector<Check> testUrlChecks(const Device& device);

/// Runs every check against the device (which must not change meanwhile).
std::vector<CheckResult> runChecks(const Device& device, const std::vector<Check>& checks);

/// "PASS file:3: resolve ... => ..." / "FAIL ...\n       got: ..." lines and a summary line.
std::string renderCheckText(const std::vector<CheckResult>& results);
/// The results as one JSON object (docs/json.md): {"schemaVersion","device":{"name","api"},
/// "checks":[{"file","line","text","command","expected","passed","actual","problem"}],"passed",
/// "failed"}.
std::string renderCheckJson(const std::vector<CheckResult>& results, const Device& device);
/// JUnit XML (one <testsuite>, a <testcase> per check, <failure> with the answer) for CI servers.
std::string renderCheckJUnit(const std::vector<CheckResult>& results, const std::string& suiteName);

}  // namespace hearth

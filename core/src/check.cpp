// `hearth check`: intent contracts in the CLI's own syntax, run against a device. Each check is
// answered by the same core calls the commands use (PackageIndex, analyzeHome, findClaims).

#include <hearth/check.h>

#include <hearth/claims.h>
#include <hearth/device.h>
#include <hearth/device_diff.h>
#include <hearth/home.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/start.h>
#include <hearth/suggest.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "json_contract.h"

namespace hearth {
namespace {

constexpr std::array<std::string_view, 5> kCommands = {"start", "resolve", "query", "home", "claims"};

Error errorAt(const SourceLocation& where, std::string message) {
    return makeError(where, std::move(message));
}

std::string shortName(const ComponentName& name) { return name.flattenToShortString(); }

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
    return out;
}

std::vector<std::string> shortNames(const std::vector<ComponentName>& names) {
    std::vector<std::string> out;
    for (const ComponentName& name : names) out.push_back(shortName(name));
    return out;
}

// The expected components, normalised the way the answers are printed ("pkg/.Cls").
std::vector<std::string> normalised(const std::vector<std::string>& written) {
    std::vector<std::string> out;
    for (const std::string& text : written) out.push_back(shortName(*ComponentName::unflatten(text)));
    return out;
}

bool sameSet(std::vector<std::string> a, std::vector<std::string> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return a == b;
}

// An answer in the words of the expectation grammar: "pkg/.Cls", "chooser a/.A b/.B", "nothing"
// (a HOME site's "refused" or "not-present" as it is: no expectation names them).
std::string wordsOf(const DiffOutcome& answer) {
    if (answer.kind == "activity" && answer.component) return shortName(*answer.component);
    if (answer.kind == "chooser") return "chooser " + joined(shortNames(answer.chooser));
    if (answer.kind == "none" || answer.kind == "activity") return "nothing";
    return answer.kind;
}

// start, resolve and home share the three-way expectation.
CheckResult judgeOutcome(const Check& check, const DiffOutcome& answer) {
    CheckResult result{check, false, wordsOf(answer), ""};
    const std::vector<std::string> expected = normalised(check.components);
    if (check.expectation == "nothing") {
        result.passed = answer.kind == "none";
    } else if (check.expectation == "chooser") {
        result.passed = answer.kind == "chooser" && sameSet(shortNames(answer.chooser), expected);
    } else {
        result.passed = answer.kind == "activity" && answer.component &&
                        std::vector<std::string>{shortName(*answer.component)} == expected;
    }
    return result;
}

struct IntentArgs {
    Intent intent;
    int flags = 0;
};

Result<IntentArgs> intentOf(const std::vector<std::string>& args) {
    IntentArgs out;
    std::vector<std::string> rest;
    for (const std::string& arg : args) {
        if (arg == "--default-only") {
            out.flags |= flags::kMatchDefaultOnly;
        } else {
            rest.push_back(arg);
        }
    }
    Result<Intent> intent = parseIntentArgs(rest);
    if (!intent) return intent.error();
    out.intent = std::move(intent).value();
    return out;
}

CheckResult failed(const Check& check, std::string problem) {
    return CheckResult{check, false, "", std::move(problem)};
}

CheckResult runResolve(const Check& check, const PackageIndex& index) {
    Result<IntentArgs> intent = intentOf(check.args);
    if (!intent) return failed(check, "bad intent: " + intent.error().message);
    return judgeOutcome(check, outcomeOf(index.resolveActivity(intent->intent, intent->flags)));
}

// As `hearth start` answers: mode Start, and a chooser is the entries it shows.
CheckResult runStart(const Check& check, const PackageIndex& index) {
    Result<IntentArgs> intent = intentOf(check.args);
    if (!intent) return failed(check, "bad intent: " + intent.error().message);
    if (intent->flags != 0) return failed(check, "start always uses MATCH_DEFAULT_ONLY");
    return judgeOutcome(check, outcomeOf(resolveStart(index, intent->intent)));
}

CheckResult runQuery(const Check& check, const PackageIndex& index) {
    Result<IntentArgs> intent = intentOf(check.args);
    if (!intent) return failed(check, "bad intent: " + intent.error().message);
    std::vector<std::string> found;
    for (const ResolveInfo& info : index.query(intent->intent, intent->flags)) {
        found.push_back(shortName(info.component));
    }
    CheckResult result{check, false, found.empty() ? "nothing" : joined(found), ""};
    const std::vector<std::string> expected = normalised(check.components);
    if (check.expectation == "nothing") {
        result.passed = found.empty();
    } else if (check.expectation == "contains") {
        result.passed = std::all_of(expected.begin(), expected.end(), [&](const std::string& c) {
            return std::find(found.begin(), found.end(), c) != found.end();
        });
    } else {
        result.passed = found == expected;
    }
    return result;
}

// analyzeHome once per patch a check file names (most name one or two), not once per line.
class HomeReports {
  public:
    explicit HomeReports(const Device& device) : m_device(device) {}

    const HomeReport& forPatch(const std::string& patchName, const FrameworkPatch* patch) {
        auto found = m_reports.find(patchName);
        if (found != m_reports.end()) return found->second;
        const FrameworkPatch& framework = patch ? *patch : m_device.patch;
        return m_reports.emplace(patchName, analyzeHome(m_device, framework)).first->second;
    }

  private:
    const Device& m_device;
    std::map<std::string, HomeReport> m_reports;
};

CheckResult runHome(const Check& check, HomeReports& reports) {
    if (check.args.empty() || !isHomeSite(check.args[0])) {
        return failed(check, "home needs a call site first: boot, home-key, home-key-mid, "
                             "recents, is-home");
    }
    std::string patchName;  // "": the device's own patch
    std::optional<FrameworkPatch> patch;
    for (size_t i = 1; i < check.args.size(); ++i) {
        if (check.args[i] != "--patch" || i + 1 >= check.args.size()) {
            return failed(check, "home takes only SITE [--patch home-first|stock], got '" +
                                     check.args[i] + "'");
        }
        Result<FrameworkPatch> made = makeFrameworkPatch(check.args[++i], {});
        if (!made) return failed(check, made.error().message);
        patchName = check.args[i];
        patch = *made;
    }
    const HomeReport& report = reports.forPatch(patchName, patch ? &*patch : nullptr);
    for (const HomeSiteReport& site : report.sites) {
        if (site.site == check.args[0]) return judgeOutcome(check, outcomeOf(site));
    }
    return judgeOutcome(check, DiffOutcome{"none", {}, {}, "", ""});
}

CheckResult runClaims(const Check& check, const Device& device) {
    ClaimSelector selector;
    for (size_t i = 0; i < check.args.size(); ++i) {
        const std::string& option = check.args[i];
        if (i + 1 >= check.args.size()) return failed(check, "'" + option + "' needs a value");
        const std::string& value = check.args[++i];
        std::optional<std::string>* slot = option == "--scheme"     ? &selector.scheme
                                           : option == "--host"     ? &selector.host
                                           : option == "--path"     ? &selector.path
                                           : option == "--type"     ? &selector.type
                                           : option == "--action"   ? &selector.action
                                           : option == "--category" ? &selector.category
                                                                    : nullptr;
        if (slot != nullptr) {
            *slot = value;
        } else if (option == "--url") {
            Result<ClaimSelector> withUrl = applyClaimUrl(std::move(selector), value);
            if (!withUrl) return failed(check, withUrl.error().message);
            selector = std::move(withUrl).value();
        } else {
            return failed(check, "claims takes --scheme --host --path --type --action "
                                 "--category --url, got '" + option + "'");
        }
    }
    Result<ClaimSelector> valid = validateClaimSelector(std::move(selector));
    if (!valid) return failed(check, valid.error().message);
    std::vector<std::string> found;
    for (const Claim& claim : findClaims(device, *valid)) {
        const std::string name = shortName(claim.component);
        if (std::find(found.begin(), found.end(), name) == found.end()) found.push_back(name);
    }
    CheckResult result{check, false, found.empty() ? "nothing" : joined(found), ""};
    const std::vector<std::string> expected = normalised(check.components);
    result.passed = check.expectation == "nothing"
                        ? found.empty()
                        : std::all_of(expected.begin(), expected.end(), [&](const std::string& c) {
                              return std::find(found.begin(), found.end(), c) != found.end();
                          });
    return result;
}

std::string xmlEscaped(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string lineOf(const Check& check) {
    return check.where.file + ":" + std::to_string(check.where.line);
}

}  // namespace

Result<std::vector<Check>> parseChecks(std::string_view text, const std::string& sourceName) {
    std::vector<Check> checks;
    int lineNumber = 0;
    for (size_t start = 0; start <= text.size();) {
        const size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++lineNumber;
        Result<std::vector<ShellWord>> split = splitShellWords(line, sourceName, lineNumber);
        if (!split) return split.error();
        const std::vector<ShellWord>& words = *split;
        if (words.empty()) continue;

        Check check;
        check.where = SourceLocation{sourceName, lineNumber, 1};
        const size_t first = line.find_first_not_of(" \t");
        const size_t last = line.find_last_not_of(" \t\r");
        check.text = std::string(line.substr(first, last - first + 1));
        check.command = words[0].text;
        if (std::find(kCommands.begin(), kCommands.end(), check.command) == kCommands.end()) {
            std::string message = "unknown check '" + check.command +
                                  "': expected start, resolve, query, home or claims";
            if (auto near = nearestName(check.command, kCommands, 2)) {
                message += " (did you mean '" + std::string(*near) + "'?)";
            }
            return errorAt(words[0].where, message);
        }
        const auto arrow = std::find_if(words.begin(), words.end(),
                                        [](const ShellWord& w) { return w.text == "=>"; });
        if (arrow == words.end() || arrow + 1 == words.end()) {
            return errorAt(arrow == words.end() ? words.back().where : arrow->where,
                           "expected '=> ANSWER' after the " + check.command +
                               " arguments, e.g. 'resolve -a android.intent.action.VIEW -d "
                               "https://example.com/ => com.example/.Main'");
        }
        for (auto it = words.begin() + 1; it != arrow; ++it) check.args.push_back(it->text);
        auto answer = arrow + 1;
        const std::string& head = answer->text;
        const bool outcomeCommand =
            check.command == "start" || check.command == "resolve" || check.command == "home";
        if (head == "nothing") {
            if (answer + 1 != words.end()) {
                return errorAt((answer + 1)->where, "'nothing' stands alone after '=>'");
            }
            check.expectation = "nothing";
            ++answer;
        } else if (head == "chooser" || head == "contains") {
            const bool allowed = head == "chooser" ? outcomeCommand : !outcomeCommand;
            if (!allowed) {
                return errorAt(answer->where, "'" + head + "' does not apply to " + check.command +
                                                  (head == "chooser"
                                                       ? " (only start, resolve and home show a chooser)"
                                                       : " (start, resolve and home give one answer)"));
            }
            check.expectation = head;
            if (++answer == words.end()) {
                return errorAt((answer - 1)->where, "'" + head + "' needs the components after it");
            }
        } else {
            check.expectation = outcomeCommand            ? "component"
                                : check.command == "query" ? "exactly"
                                                           : "contains";
            if (outcomeCommand && words.end() - answer > 1) {
                return errorAt((answer + 1)->where,
                               check.command + " starts one activity: write one component, or "
                                               "'chooser' before several");
            }
        }
        for (; answer != words.end(); ++answer) {
            if (!ComponentName::unflatten(answer->text)) {
                return errorAt(answer->where, "expected a component like 'com.example/.Main', got '" +
                                                  answer->text + "'");
            }
            check.components.push_back(answer->text);
        }
        checks.push_back(std::move(check));
    }
    return checks;
}

std::vector<Check> testUrlChecks(const Device& device) {
    std::vector<Check> out;
    for (const InstalledPackage& package : device.packages) {
        if (package.removed) continue;
        for (const Component& component : package.manifest.components) {
            for (const TestUrl& testUrl : component.testUrls) {
                Check check;
                check.where = testUrl.where;
                check.command = "query";
                check.args = {"-a", "android.intent.action.VIEW", "-c",
                              "android.intent.category.BROWSABLE", "-d", testUrl.url,
                              "--default-only"};
                check.expectation = "contains";
                check.components = {
                    shortName(ComponentName{package.packageName(), component.name})};
                check.text = "query -a android.intent.action.VIEW -c "
                             "android.intent.category.BROWSABLE -d '" +
                             testUrl.url + "' --default-only => contains " +
                             check.components.front();
                out.push_back(std::move(check));
            }
        }
    }
    return out;
}

std::vector<CheckResult> runChecks(const Device& device, const std::vector<Check>& checks) {
    std::vector<CheckResult> out;
    std::unique_ptr<PackageIndex> index;  // built on first use: home and claims need none
    HomeReports homeReports(device);
    for (const Check& check : checks) {
        const bool indexed =
            check.command == "start" || check.command == "resolve" || check.command == "query";
        if (indexed && !index) {
            index = std::make_unique<PackageIndex>(device);
        }
        if (check.command == "start") {
            out.push_back(runStart(check, *index));
        } else if (check.command == "resolve") {
            out.push_back(runResolve(check, *index));
        } else if (check.command == "query") {
            out.push_back(runQuery(check, *index));
        } else if (check.command == "home") {
            out.push_back(runHome(check, homeReports));
        } else {
            out.push_back(runClaims(check, device));
        }
        if (!out.back().passed && out.back().problem.empty()) {
            out.back().problem = "expected " +
                                 (check.expectation == "nothing" ? std::string("nothing")
                                  : check.expectation == "chooser"
                                      ? "chooser " + joined(check.components)
                                  : check.expectation == "contains"
                                      ? "to contain " + joined(check.components)
                                      : joined(check.components)) +
                                 ", got " + out.back().actual;
        }
    }
    return out;
}

std::string renderCheckText(const std::vector<CheckResult>& results) {
    std::string out;
    size_t passed = 0;
    for (const CheckResult& result : results) {
        passed += result.passed ? 1 : 0;
        out += std::string(result.passed ? "PASS " : "FAIL ") + lineOf(result.check) + "  " +
               result.check.text + "\n";
        if (!result.passed) out += "     " + result.problem + "\n";
    }
    out += std::to_string(results.size()) + (results.size() == 1 ? " check: " : " checks: ") +
           std::to_string(passed) + " passed, " + std::to_string(results.size() - passed) +
           " failed\n";
    return out;
}

std::string renderCheckJson(const std::vector<CheckResult>& results, const Device& device) {
    using Json = nlohmann::ordered_json;
    Json out = json_contract::answerHeader(device, nullptr);
    Json checks = Json::array();
    size_t passed = 0;
    for (const CheckResult& result : results) {
        passed += result.passed ? 1 : 0;
        std::string expected = result.check.expectation;
        for (const std::string& component : result.check.components) expected += " " + component;
        checks.push_back({{"file", result.check.where.file},
                          {"line", result.check.where.line},
                          {"text", result.check.text},
                          {"command", result.check.command},
                          {"expected", expected},
                          {"passed", result.passed},
                          {"actual", result.actual},
                          {"problem", result.problem}});
    }
    out["checks"] = std::move(checks);
    out["passed"] = passed;
    out["failed"] = results.size() - passed;
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string renderCheckJUnit(const std::vector<CheckResult>& results,
                             const std::string& suiteName) {
    size_t failures = 0;
    for (const CheckResult& result : results) failures += result.passed ? 0 : 1;
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"" +
                      xmlEscaped(suiteName) + "\" tests=\"" + std::to_string(results.size()) +
                      "\" failures=\"" + std::to_string(failures) + "\">\n";
    for (const CheckResult& result : results) {
        out += "  <testcase classname=\"" + xmlEscaped(suiteName) + "\" name=\"" +
               xmlEscaped(lineOf(result.check) + " " + result.check.text) + "\"";
        if (result.passed) {
            out += "/>\n";
        } else {
            out += ">\n    <failure message=\"" + xmlEscaped(result.problem) + "\">" +
                   xmlEscaped(result.problem) + "</failure>\n  </testcase>\n";
        }
    }
    return out + "</testsuite>\n";
}

}  // namespace hearth

// hearth filter-match: IntentFilter.match over conformance cases (JSON Lines in, one answer line
// per case out), streaming so that any number of cases runs in constant memory.

#include "cmd_filter_match.h"

#include <hearth/filter_case.h>
#include <hearth/intent_filter.h>
#include <hearth/limits.h>

#include <cerrno>
#include <fstream>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <system_error>
#include <utility>

#include "cli.h"
#include "command.h"
#include "json_lines.h"

namespace hearth::cli {
namespace {

using Json = nlohmann::json;

constexpr const char* kFooter =
    R"(Input: one case per line (JSON Lines), the format of ../shared/conformance/*.cases.jsonl:
  {"id":"x","filter":{"actions":[..],"categories":[..],"types":["image/*"],"schemes":[..],
   "ssps":[{"kind":"literal|prefix|glob|advanced_glob|suffix","value":".."}],
   "authorities":[{"host":"..","port":"8080"}],"paths":[{"kind":"..","value":".."}],
   "priority":0},
   "intent":{"action":"..","categories":[..],"data":"uri","type":"mime"}}
  Every key is optional and null means absent; "id" (any JSON value) is echoed back. The filter is
  built in Android's order (actions, categories, types, schemes, ssps, authorities, paths) with the
  manifest parser's checks. Blank lines are skipped.

Output: one line per case, in input order:
  {"result":3178496,"name":"MATCH_CATEGORY_HOST"}                 what IntentFilter.match returns
  {"result":null,"name":"ERROR","error":"android.content.IntentFilter$MalformedMimeTypeException: image"}
                                                                  a filter Android refuses to build
  {"result":null,"name":"BAD_INPUT","error":"cases.jsonl:3:14: ..."}
                                                                  a line that is not a valid case
  An "id" is echoed as the last key. A line that is not valid JSON, or not a case, is reported on
  stderr as FILE:LINE:COL and answered with BAD_INPUT so that answers stay line-aligned with the
  cases; the remaining lines are still answered and the exit code is 1.

Examples:
  hearth filter-match ../shared/conformance/filter-match.cases.jsonl
  hearth filter-match < cases.jsonl | diff - expected.jsonl
  hearth gen-device --cases 100000 | hearth filter-match > /dev/null

Exit codes:
  0  every line was a case and was answered (ERROR answers included)
  1  the file cannot be read, or some line is not a valid case (details on stderr)
  2  usage error)";

// Answers are written in batches: flushing per line would dominate the run time.
constexpr std::size_t kFlushBytes = 64 * 1024;

class FilterMatchRun {
  public:
    FilterMatchRun(std::string sourceName, Io& io) : m_source(std::move(sourceName)), m_io(io) {}

    void run(std::istream& in) {
        std::string line;
        int lineNumber = 0;
        bool tooLong = false;
        while (readBoundedLine(in, line, tooLong, limits::kMaxCaseLineBytes)) {
            ++lineNumber;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            answerLine(line, lineNumber);
            if (m_buffer.size() >= kFlushBytes) flush();
        }
        if (tooLong) {
            // Reading on would take unbounded memory (or never end, for /dev/zero): stop here.
            reportBad(
                makeError(SourceLocation{m_source, lineNumber + 1, 1},
                          "the line is longer than " + std::to_string(limits::kMaxCaseLineBytes) +
                              " bytes, the most Hearth reads for one case; stopped reading")
                    .toString(),
                nullptr);
        }
        flush();
        m_io.out.flush();
    }

    bool sawBadInput() const { return m_badInput; }

  private:
    void answerLine(const std::string& line, int lineNumber) {
        std::optional<std::string> id;
        Result<FilterCase> testCase = parseFilterCase(line, m_source, lineNumber, &id);
        if (!testCase) {
            reportBad(testCase.error().toString(), id ? &*id : nullptr);
            return;
        }
        const FilterCaseBuild built = buildFilterCase(std::move(testCase).value());
        if (built.androidError) {
            m_buffer += R"({"result":null,"name":"ERROR","error":)";
            m_buffer +=
                Json(*built.androidError).dump(-1, ' ', false, Json::error_handler_t::replace);
            finishAnswer(id ? &*id : nullptr);
            return;
        }
        const int code = built.filter.match(built.intent);
        m_buffer += R"({"result":)";
        m_buffer += std::to_string(code);
        m_buffer += R"(,"name":")";
        m_buffer += matchCodeName(code);
        m_buffer += '"';
        finishAnswer(id ? &*id : nullptr);
    }

    // `located` is "FILE:LINE:COL: message".
    void reportBad(const std::string& located, const std::string* id) {
        m_badInput = true;
        // Keep the order of stderr and stdout readable when both go to a terminal.
        flush();
        m_io.err << located << "\n";
        m_buffer += R"({"result":null,"name":"BAD_INPUT","error":)";
        m_buffer += Json(located).dump(-1, ' ', false, Json::error_handler_t::replace);
        finishAnswer(id);
    }

    // `id` is the case's "id" as compact JSON.
    void finishAnswer(const std::string* id) {
        if (id != nullptr) {
            m_buffer += R"(,"id":)";
            m_buffer += *id;
        }
        m_buffer += "}\n";
    }

    void flush() {
        if (m_buffer.empty()) return;
        m_io.out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
    }

    std::string m_source;
    Io& m_io;
    std::string m_buffer;
    bool m_badInput = false;
};

}  // namespace

Runner defineFilterMatch(CLI::App& app, Io& io) {
    auto file = std::make_shared<std::string>();
    app.add_option("FILE", *file, "cases as JSON Lines; '-' or absent: standard input");
    app.footer(kFooter);
    return [file, &io]() -> int {
        if (file->empty() || *file == "-") return runFilterMatch(io.in, "<stdin>", io.out, io.err);
        std::ifstream in(*file, std::ios::binary);
        if (!in) {
            io.err << *file
                   << ": cannot open: " << std::error_code(errno, std::generic_category()).message()
                   << "\n";
            return kExitBadInput;
        }
        const int code = runFilterMatch(in, *file, io.out, io.err);
        if (in.bad()) {
            io.err << *file << ": read error\n";
            return kExitBadInput;
        }
        return code;
    };
}

int runFilterMatch(std::istream& cases, const std::string& sourceName, std::ostream& out,
                   std::ostream& err) {
    Io io{cases, out, err};
    FilterMatchRun run(sourceName, io);
    run.run(cases);
    return run.sawBadInput() ? kExitBadInput : kExitOk;
}

}  // namespace hearth::cli

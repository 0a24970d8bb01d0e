#include "batch.h"

#include <hearth/shell_words.h>
#include <hearth/intent.h>
#include <hearth/json_request.h>
#include <hearth/limits.h>

#include <cerrno>
#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string_view>
#include <system_error>

#include "cli.h"
#include "json_lines.h"

namespace hearth::cli {
namespace {

using Json = nlohmann::json;

constexpr const char* kBatchHelp =
    R"(Batch (--batch FILE, or '-' for standard input): the device is loaded once and every line of
FILE is one request, answered on one line of JSON Lines, in input order, before the next line is
read (so hearth can serve as a coprocess). A request is either
  an intent line:  -a android.intent.action.VIEW -d https://example.com/x --caller com.example
      the command's own INTENT syntax, shell-quoted, with --caller, --explain and (query and
      resolve) --default-only, --query-flags, --kind; its "id" is its line number (1-based);
  or a JSON object: {"id":"a1","intent":"-a android.intent.action.VIEW -d https://x","caller":".."}
      "intent" is an intent line (or an array of its words), "id" (any JSON value, default the
      line number) is echoed, "caller" is --caller.
Blank lines and lines starting with '#' are skipped. The command line's options (--caller,
--explain, --default-only, ...) apply to every line unless the line says otherwise.
Each answer is the command's --json answer on one line with "id" first:
  {"id":3,"schemaVersion":1,"device":{"name":"seed","api":8},"intent":{...},"results":[...]}
A line that is not a request is reported on stderr as FILE:LINE:COL and answered with
  {"id":3,"error":"BAD_INPUT","message":"FILE:3:14: Unknown option: -x"}
and the remaining lines are still answered.
Exit codes with --batch: 0 every line was answered (whatever it resolved to), 1 some line was bad
or an input cannot be read, 2 usage error.)";

/// The per-line options: a subset of the command's, read from the line's own words.
struct LineOption {
    const char* name;
    bool takesValue;
    bool queryOnly;  ///< query and resolve only (a start's flags and kind are fixed)
};
constexpr LineOption kLineOptions[] = {
    {"--caller", true, false},     {"--explain", false, false}, {"--default-only", false, true},
    {"--query-flags", true, true}, {"--kind", true, true},
};

/// A request ready to answer, and whether to explain it.
struct PreparedRequest {
    ResolveRequest request;
    bool explain = false;
};

/// One request as read: its id (compact JSON), its words (intent and per-line options, located),
/// and a JSON request's "caller".
struct LineRequest {
    std::string id;
    std::vector<ShellWord> words;
    std::optional<ShellWord> caller;  ///< a JSON request's "caller"
};

// parseIntentArgs says which argument it refused ("Unknown option: -x", "Argument expected after
// \"-a\"", "Bad component name: x", ...) but not where: point at the first word it names.
SourceLocation locateIntentError(const std::string& message, const std::vector<ShellWord>& words,
                                 const SourceLocation& fallback) {
    const std::size_t colon = message.rfind(": ");
    const std::string tail = colon == std::string::npos ? "" : message.substr(colon + 2);
    for (const ShellWord& word : words) {
        if (word.text.empty()) continue;
        if (word.text == tail || message.find("\"" + word.text + "\"") != std::string::npos) {
            return word.where;
        }
    }
    return words.empty() ? fallback : words.front().where;
}

class BatchRun {
  public:
    BatchRun(const BatchCommand& command, const BatchBase& base, std::string source,
             std::ostream& out, std::ostream& err)
        : m_command(command), m_base(base), m_source(std::move(source)), m_out(out), m_err(err) {}

    void run(std::istream& in) {
        std::string line;
        int lineNumber = 0;
        bool tooLong = false;
        while (readBoundedLine(in, line, tooLong, limits::kMaxBatchLineBytes)) {
            ++lineNumber;
            if (!line.empty() && line.back() == '\r') line.pop_back();
            const std::size_t first = line.find_first_not_of(" \t");
            if (first == std::string::npos || line[first] == '#') continue;
            answerLine(line, lineNumber, line[first] == '{');
            m_out.flush();
        }
        if (tooLong) {
            // Reading on would take unbounded memory (or never end, for /dev/zero): stop here.
            reportBad(
                std::to_string(lineNumber + 1),
                makeError({m_source, lineNumber + 1, 1},
                          "the line is longer than " + std::to_string(limits::kMaxBatchLineBytes) +
                              " bytes, the most Hearth reads for one request; stopped "
                              "reading"));
            m_out.flush();
        }
    }

    bool sawBadInput() const { return m_badInput; }

  private:
    void answerLine(const std::string& line, int lineNumber, bool isJson) {
        LineRequest request{std::to_string(lineNumber), {}, std::nullopt};
        std::optional<Error> bad = isJson ? readJsonRequest(line, lineNumber, request)
                                          : readIntentLine(line, lineNumber, request);
        if (bad) {
            reportBad(request.id, *bad);
            return;
        }
        Result<PreparedRequest> prepared =
            buildRequest(request, SourceLocation{m_source, lineNumber, 1});
        if (!prepared) {
            reportBad(request.id, prepared.error());
            return;
        }
        std::vector<Rejection> rejections;
        if (prepared->explain) rejections = m_base.index.explain(prepared->request);
        const std::string answer = compactJson(m_command.answer(
            m_base.index, prepared->request, prepared->explain ? &rejections : nullptr));
        m_out << "{\"id\":" << request.id;
        if (answer.size() > 2)
            m_out << "," << std::string_view(answer).substr(1);
        else
            m_out << "}";
        m_out << "\n";
    }

    std::optional<Error> readIntentLine(const std::string& line, int lineNumber,
                                        LineRequest& request) {
        Result<std::vector<ShellWord>> words = splitShellWords(line, m_source, lineNumber);
        if (!words) return words.error();
        request.words = std::move(words).value();
        return std::nullopt;
    }

    std::optional<Error> readJsonRequest(const std::string& line, int lineNumber,
                                         LineRequest& request) {
        std::optional<std::string> id;
        Result<JsonRequest> json = parseJsonRequest(line, m_source, lineNumber, &id);
        if (id) request.id = std::move(*id);
        if (!json) return json.error();
        if (json->intentLine) {
            const int shift = json->intentLineColumn;
            Result<std::vector<ShellWord>> words =
                splitShellWords(*json->intentLine, m_source, lineNumber);
            if (!words) {
                Error error = words.error();
                error.where.column += shift;
                return error;
            }
            request.words = std::move(words).value();
            for (ShellWord& word : request.words) word.where.column += shift;
        } else {
            const SourceLocation intentAt{m_source, lineNumber, json->intentColumn};
            for (std::string& word : json->intentWords) {
                request.words.push_back(ShellWord{std::move(word), intentAt});
            }
        }
        if (json->caller) {
            request.caller = ShellWord{std::move(*json->caller),
                                       SourceLocation{m_source, lineNumber, json->callerColumn}};
        }
        return std::nullopt;
    }

    // The line's options over the command line's, then the intent, the caller and the command's
    // mode and flags.
    Result<PreparedRequest> buildRequest(const LineRequest& line,
                                         const SourceLocation& lineAt) const {
        IntentCommandOptions options = m_base.options;
        std::optional<ShellWord> callerWord = line.caller;
        std::optional<SourceLocation> optionsAt;  // the first --query-flags/--kind/--default-only
        std::vector<std::string> intentArgs;
        std::vector<ShellWord> intentWords;
        const bool queryOptions = m_command.mode == ResolveMode::Query;
        for (std::size_t i = 0; i < line.words.size(); ++i) {
            const ShellWord& word = line.words[i];
            const std::size_t equals = word.text.find('=');
            const std::string name = word.text.substr(0, equals);
            const LineOption* option = nullptr;
            for (const LineOption& candidate : kLineOptions) {
                if (name == candidate.name && (queryOptions || !candidate.queryOnly)) {
                    option = &candidate;
                }
            }
            if (option == nullptr) {
                intentArgs.push_back(word.text);
                intentWords.push_back(word);
                continue;
            }
            std::string value;
            SourceLocation valueAt = word.where;  // where a bad value is pointed at
            if (option->takesValue) {
                if (equals != std::string::npos) {
                    value = word.text.substr(equals + 1);
                    valueAt.column += static_cast<int>(equals) + 1;
                } else if (i + 1 < line.words.size()) {
                    value = line.words[++i].text;
                    valueAt = line.words[i].where;
                } else {
                    return makeError(word.where, name + " expects a value");
                }
            } else if (equals != std::string::npos) {
                return makeError(word.where, name + " takes no value");
            }
            if (name == "--caller") {
                if (callerWord) {
                    return makeError(word.where,
                                     "the caller is given twice ('caller' and --caller)");
                }
                callerWord = ShellWord{value, valueAt};
            } else if (name == "--explain") {
                options.explain = "near";  // JSON lists every rejection either way
            } else {
                if (!optionsAt) optionsAt = valueAt;
                if (name == "--default-only") options.defaultOnly = true;
                if (name == "--query-flags") options.queryFlags = value;
                if (name == "--kind") options.kind = value;
            }
        }
        Result<ResolveRequest> request = requestFromOptions(options);
        if (!request) return makeError(optionsAt.value_or(lineAt), request.error().message);
        Result<Intent> intent = parseIntentArgs(intentArgs);
        if (!intent) {
            return makeError(locateIntentError(intent.error().message, intentWords, lineAt),
                             intent.error().message);
        }
        request->intent = std::move(intent).value();
        if (callerWord) {
            Result<Caller> caller = parseCaller(callerWord->text, m_base.device);
            if (!caller) return makeError(callerWord->where, caller.error().message);
            request->caller = std::move(caller).value();
        } else {
            request->caller = m_base.caller;
        }
        request->mode = m_command.mode;
        request->queryFlags |= m_command.forcedQueryFlags;
        return PreparedRequest{std::move(request).value(), !options.explain.empty()};
    }

    // `id` is the request's id as compact JSON.
    void reportBad(const std::string& id, const Error& error) {
        m_badInput = true;
        const std::string located = error.toString();
        m_out.flush();  // keep stdout and stderr in order on a terminal
        m_err << located << "\n";
        m_out << "{\"id\":" << id << R"(,"error":"BAD_INPUT","message":)"
              << Json(located).dump(-1, ' ', false, Json::error_handler_t::replace) << "}\n";
    }

    const BatchCommand& m_command;
    const BatchBase& m_base;
    std::string m_source;
    std::ostream& m_out;
    std::ostream& m_err;
    bool m_badInput = false;
};

}  // namespace

void addBatchOption(CLI::App& app, std::string& file) {
    app.add_option("--batch", file,
                   "answer many intents with one load: one request a line of FILE ('-': standard "
                   "input), one JSON answer a line (see Batch below)")
        ->type_name("FILE");
}

const char* batchHelp() { return kBatchHelp; }

int answerBatch(const BatchCommand& command, const BatchBase& base, std::istream& in,
                const std::string& sourceName, std::ostream& out, std::ostream& err) {
    BatchRun run(command, base, sourceName, out, err);
    run.run(in);
    return run.sawBadInput() ? kExitBadInput : kExitOk;
}

int runBatch(const BatchCommand& command, const IntentCommandOptions& options,
             const std::vector<std::string>& extras, Io& io) {
    const std::string prefix = std::string("hearth ") + command.name + ": ";
    if (!extras.empty()) {
        io.err << prefix << "--batch reads the intents from '" << options.batch
               << "', one a line; got '" << extras.front() << "' on the command line too\n";
        return kExitUsage;
    }
    if (options.brief || options.components) {
        io.err << prefix << "--batch answers in JSON: --brief and --components do not apply\n";
        return kExitUsage;
    }
    if (Result<ResolveRequest> checked = requestFromOptions(options); !checked) {
        io.err << prefix << checked.error().message << "\n";
        return kExitUsage;
    }
    std::ifstream file;
    const bool fromStdin = options.batch == "-";
    if (!fromStdin) {
        file.open(options.batch, std::ios::binary);
        if (!file) {
            io.err << options.batch
                   << ": cannot open: " << std::error_code(errno, std::generic_category()).message()
                   << "\n";
            return kExitBadInput;
        }
    }
    std::optional<Device> device = loadIntentCommandDevice(command.name, options, io);
    if (!device) return kExitBadInput;
    Result<Caller> caller = parseCaller(options.caller, *device);
    if (!caller) {
        io.err << prefix << caller.error().toString() << "\n";
        return kExitUsage;
    }
    const PackageIndex index(*device);
    const BatchBase base{*device, index, options, *caller};
    std::istream& in = fromStdin ? io.in : file;
    const int code =
        answerBatch(command, base, in, fromStdin ? "<stdin>" : options.batch, io.out, io.err);
    if (in.bad()) {
        io.err << (fromStdin ? "<stdin>" : options.batch) << ": read error\n";
        return kExitBadInput;
    }
    return code;
}

}  // namespace hearth::cli

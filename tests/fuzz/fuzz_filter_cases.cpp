// Fuzz target: the conformance case reader (parseFilterCase and buildFilterCase,
// hearth/filter_case.h) behind `hearth filter-match` (JSON Lines in, one answer line per case
// out), driven through runFilterMatch, the body of `hearth filter-match` without the command-line
// parsing around it (building the whole CLI for every input made this target 10x slower than the
// others). Checks: the exit code is one the CLI documents, a failure says why on stderr, every
// answer line is a JSON object with "result" and "name", and every line the reader takes as a case
// is JSON to nlohmann too (simdjson On Demand skips what it is not asked to read: the reader must
// read everything).

#include <hearth/filter_case.h>

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli.h"
#include "cmd_filter_match.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in{std::string(hearth::fuzz::asText(data, size))};
    std::ostringstream out;
    std::ostringstream err;
    const int code = hearth::cli::runFilterMatch(in, "<stdin>", out, err);
    FUZZ_CHECK(code == hearth::cli::kExitOk || code == hearth::cli::kExitBadInput,
               "unexpected exit code " + std::to_string(code) + "; stderr: " + err.str());
    if (code != hearth::cli::kExitOk) FUZZ_CHECK(!err.str().empty(), "failure without a message");
    std::istringstream answers(out.str());
    std::string line;
    while (std::getline(answers, line)) {
        const nlohmann::json answer = nlohmann::json::parse(line, nullptr, false);
        FUZZ_CHECK(answer.is_object() && answer.contains("result") && answer.contains("name"),
                   "answer line is not {\"result\",\"name\"}: " + line);
    }
    std::istringstream cases{std::string(hearth::fuzz::asText(data, size))};
    int lineNumber = 0;
    while (std::getline(cases, line)) {
        if (hearth::parseFilterCase(line, "<stdin>", ++lineNumber)) {
            FUZZ_CHECK(nlohmann::json::accept(line), "a case that is not JSON was read: " + line);
        }
    }
    return 0;
}

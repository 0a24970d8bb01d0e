// Fuzz target: the request reader behind `--batch` of hearth query, resolve and start (intent
// lines and JSON requests), driven through answerBatch, the batch loop without the command line
// around it, against samples/devices/callers (loaded once: it has packages to name as callers).
// Each input runs as a resolve batch and as a start batch. Checks: the exit code is one the CLI
// documents, a bad line says why on stderr, every answer line is a JSON object with an "id", a
// BAD_INPUT answer carries a located message, and every line parseJsonRequest reads is JSON to
// nlohmann too.

#include <hearth/caller.h>
#include <hearth/device.h>
#include <hearth/json_request.h>
#include <hearth/package_index.h>
#include <hearth/resolve_report.h>
#include <hearth/start.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "batch.h"
#include "cli.h"
#include "fuzz_support.h"

namespace {

using namespace hearth;

// The device and its index, built once (the index refers to the device, which therefore never
// moves).
struct Loaded {
    explicit Loaded(Device loaded) : device(std::move(loaded)), index(device) {}
    Device device;
    PackageIndex index;
    Caller shell;
    cli::IntentCommandOptions options;
};

const Loaded* callersDevice() {
    static const std::unique_ptr<Loaded> loaded = []() -> std::unique_ptr<Loaded> {
        auto device = loadDevice(std::filesystem::path(HEARTH_SAMPLES_DIR) / "devices/callers");
        if (!device) return nullptr;
        return std::make_unique<Loaded>(std::move(device).value());
    }();
    return loaded.get();
}

void runAs(const cli::BatchCommand& command, const Loaded& loaded, std::string_view input) {
    const cli::BatchBase base{loaded.device, loaded.index, loaded.options, loaded.shell};
    std::istringstream in{std::string(input)};
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::answerBatch(command, base, in, "<stdin>", out, err);
    FUZZ_CHECK(code == cli::kExitOk || code == cli::kExitBadInput,
               "unexpected exit code " + std::to_string(code));
    if (code != cli::kExitOk) FUZZ_CHECK(!err.str().empty(), "bad input without a message");
    std::istringstream answers(out.str());
    std::string line;
    while (std::getline(answers, line)) {
        const nlohmann::json answer = nlohmann::json::parse(line, nullptr, false);
        FUZZ_CHECK(answer.is_object() && answer.contains("id"),
                   "answer is not {\"id\",..}: " + line);
        if (answer.contains("error")) {
            FUZZ_CHECK(answer["error"] == "BAD_INPUT" && answer["message"].is_string() &&
                           answer["message"].get<std::string>().rfind("<stdin>:", 0) == 0,
                       "BAD_INPUT answer without a located message: " + line);
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Loaded* loaded = callersDevice();
    FUZZ_CHECK(loaded != nullptr, "samples/devices/callers does not load");
    const std::string_view input = fuzz::asText(data, size);
    const cli::BatchCommand resolve{"resolve", ResolveMode::Query, 0,
                                    [](const PackageIndex& index, const ResolveRequest& request,
                                       const std::vector<Rejection>* rejections) {
                                        return renderResolveJson(index.resolve(request),
                                                                 rejections);
                                    }};
    const cli::BatchCommand start{"start", ResolveMode::Start, kStartQueryFlags,
                                  [](const PackageIndex& index, const ResolveRequest& request,
                                     const std::vector<Rejection>* rejections) {
                                      return renderStartJson(resolveStart(index, request),
                                                             rejections);
                                  }};
    runAs(resolve, *loaded, input);
    runAs(start, *loaded, input);
    std::istringstream lines{std::string(input)};
    std::string line;
    while (std::getline(lines, line)) {
        if (parseJsonRequest(line, "<stdin>", 1)) {
            FUZZ_CHECK(nlohmann::json::accept(line),
                       "a request that is not JSON was read: " + line);
        }
    }
    return 0;
}

// Fuzz target: Android binary XML (abxToXml); the seeds (../shared/realworld/abx) carry the magic.
// Checks: errors are one line naming a byte inside the input; accepted output is bounded by the
// input (interned strings are the only reuse, each use at most 64 KiB).

#include <hearth/abx.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace hearth;
    const std::string_view bytes = fuzz::asText(data, size);
    const Result<std::string> xml = abxToXml(bytes, "f.abx");
    if (!xml) {
        fuzz::checkError(xml.error());
        const std::string& message = xml.error().message;
        if (!isAbx(bytes)) return 0;
        FUZZ_CHECK(message.rfind("f.abx: byte ", 0) == 0, "error without its byte: " + message);
        const std::size_t at = std::stoul(message.substr(12));
        FUZZ_CHECK(at <= bytes.size(), "error byte beyond the input: " + message);
        return 0;
    }
    // Each input byte can produce at most one reference to a 65,535-byte interned string (2 bytes
    // per reference) plus escaping (6x): a generous linear bound.
    FUZZ_CHECK(xml->size() <= 8 * 65'536 * (bytes.size() / 2 + 1),
               "output out of proportion: " + std::to_string(xml->size()));
    return 0;
}

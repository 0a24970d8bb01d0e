// --framework-src: the one place the CLI turns a frameworks/ checkout into a FrameworkPatch.

#include "framework_src.h"

#include <hearth/framework_source.h>

#include <ostream>

namespace hearth::cli {

void addFrameworkSrcOption(CLI::App& app, std::string& dir) {
    app.add_option("--framework-src", dir,
                   "read the framework patch from a frameworks/ source checkout: each home call "
                   "site's category, with file:line (overrides device.json's framework)");
}

std::optional<FrameworkPatch> readFrameworkSrc(const std::string& dir, std::ostream& report,
                                               Io& io) {
    Result<FrameworkSourceScan> scan = scanFrameworkSource(dir);
    if (!scan) {
        io.err << scan.error().toString() << "\n";
        return std::nullopt;
    }
    report << renderFrameworkScan(*scan);
    return scan->patch();
}

}  // namespace hearth::cli

// hearth app-links: `pm get-app-links [--user U] [PACKAGE]` on a device (android-modern.md W-50):
// each package's autoVerify domains and their verification states, and with --user the
// link-handling switch and the hosts the user selected.

#include <hearth/app_links_report.h>
#include <hearth/device.h>

#include <memory>
#include <optional>
#include <ostream>

#include "cli.h"
#include "command.h"
#include "device_loading.h"

namespace hearth::cli {
namespace {

constexpr const char* kExamples = R"(Examples:
  hearth app-links samples/devices/app-links
      every package with autoVerify domains and each domain's state (W-20, W-21)
  hearth app-links samples/devices/app-links com.example.blog --user 0
      Blog's user state: link handling allowed, blog.example.org under Enabled (W-22)

Output follows pm get-app-links: "  <package>:", "    ID:", "    Signatures:", "    Domain
verification state:" and "      <domain>: <state>"; with --user, "    User 0:" with "Verification
link handling allowed:" and "Selection state:" (Enabled/Disabled). Packages and domains come in
Android's ArrayMap order (Java String.hashCode). A device has no domain-set id or signing
certificate: ID is a stable stand-in derived from the package name, Signatures prints [].
Android 6-11 (API 23-30) have no get-app-links: the command says so and exits 1.

Exit codes: 0 printed, 1 bad input (device unreadable, unknown package, API below 31), 2 usage.)";

struct AppLinksOptions {
    std::string device;
    std::string package;
    std::string user;
    bool json = false;
    DeviceLoadFlags load;  ///< --strict, --warnings
};

}  // namespace

Runner defineAppLinks(CLI::App& app, Io& io) {
    auto options = std::make_shared<AppLinksOptions>();
    app.add_option("DEVICE", options->device,
                   "a device folder, a device.json, or one AndroidManifest.xml or .apk")
        ->required();
    app.add_option("PACKAGE", options->package, "only this package");
    app.add_option("--user", options->user, "add the user's state: 0, all or cur");
    app.add_flag("--json", options->json, "print JSON instead of pm's text");
    addDeviceLoadOptions(app, options->load);
    app.footer(kExamples);
    return [options, &io]() -> int {
        std::optional<Device> device =
            loadDeviceForCommand("app-links", options->device, options->load, io);
        if (!device) return kExitBadInput;
        AppLinksQuery query;
        if (!options->package.empty()) query.package = options->package;
        if (!options->user.empty()) query.user = options->user;
        Result<std::string> text = options->json ? renderAppLinksJson(*device, query)
                                                 : renderAppLinksText(*device, query);
        if (!text) {
            io.err << (text.error().message.rfind("Error: ", 0) == 0 ? "" : "hearth app-links: ")
                   << text.error().message << "\n";
            return kExitBadInput;
        }
        io.out << *text;
        return kExitOk;
    };
}

}  // namespace hearth::cli

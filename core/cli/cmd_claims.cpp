// hearth claims: reverse lookup — which filters on a device claim a scheme, host, path, MIME
// type, action or category; every deep link on the device; every intent one component accepts.

#include <hearth/claims.h>
#include <hearth/device.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "cli.h"
#include "command.h"
#include "device_loading.h"

namespace hearth::cli {
namespace {

constexpr const char* kFooter = R"(A filter claims a value when an intent carrying it gets past that part of IntentFilter.match
(spec section 2): --scheme is exact and case-sensitive (M-9.1; a filter with only MIME types takes
content: and file:, M-10); --host matches as Android does, '*.example.com' in a filter takes
'a.example.com' but not 'example.com' (M-14), and asking for '*.example.com' lists every filter
that takes some host under it; a filter with a scheme and no host takes every host (browsers);
--path is matched by the filter's path patterns (M-20..M-24); --type takes 'image/*' and '*/*' as
an intent's type (spec 2.7). All selectors given must hold for the same filter. Without any,
every deep link: filters with VIEW, BROWSABLE and a scheme, as the App Links Assistant lists them.

Each block: the component, whether it is exported and enabled on the device, the filter's source
line, its actions and categories, its data as URL templates (one per scheme x host x path,
M-26: '/item*' a prefix, '*.pdf' a suffix, a glob as written; 'https:*' a scheme with no host,
every link of that scheme), types, autoVerify, and for web
hosts the link state on the device: W-23 approval on API 31+ (verified, selection, none), the
W-10 status on API 23-30.

Examples:
  hearth claims samples/devices/app-links
      every deep link on the device, with its verification state
  hearth claims samples/devices/app-links --host '*.example.com' --scheme https
      who takes some https host under example.com
  hearth claims samples/devices/browsers --url https://example.com/docs/a
      --url sets --scheme, --host and --path from one link
  hearth claims samples/devices/seed --component com.android.launcher/.Launcher
      every filter (so every intent) that component accepts
  hearth claims samples/devices/seed --action android.intent.action.MAIN --json
      the same as JSON: {"schemaVersion":1,"device":{"name","api"},"selector":{...},
      "claims":[{"component","package","class","kind","exported","enabled","filter":{"index",
      "actions","categories","data","types","autoVerify","priority"},"links":[{"host","state",
      "reason"}],"location":{"file","line","column"}}]}

Exit codes: 0 some filter claims it, 4 none does, 1 the device cannot be read, 2 usage error.)";

struct ClaimsOptions {
    std::string device;
    std::optional<std::string> url;
    std::optional<std::string> component;
    ClaimSelector selector;
    bool json = false;
    DeviceLoadFlags load;
};

int usageError(Io& io, const std::string& message) {
    io.err << "hearth claims: " << message << "\n";
    return kExitUsage;
}

int runClaims(ClaimsOptions& options, Io& io) {
    ClaimSelector selector = options.selector;
    if (options.url) {
        Result<ClaimSelector> withUrl = applyClaimUrl(std::move(selector), *options.url);
        if (!withUrl) return usageError(io, withUrl.error().message);
        selector = std::move(withUrl).value();
    }
    if (options.component) {
        selector.component = ComponentName::unflatten(*options.component);
        if (!selector.component) {
            return usageError(io, "--component '" + *options.component +
                                      "' must be PACKAGE/CLASS or PACKAGE/.Class");
        }
        if (selector.component->className.front() == '.') {
            selector.component->className =
                selector.component->packageName + selector.component->className;
        }
    }
    Result<ClaimSelector> valid = validateClaimSelector(std::move(selector));
    if (!valid) return usageError(io, valid.error().message);

    std::optional<Device> device = loadDeviceForCommand("claims", options.device, options.load, io);
    if (!device) return kExitBadInput;
    const std::vector<Claim> claims = findClaims(*device, *valid);
    io.out << (options.json ? renderClaimsJson(claims, *valid, *device)
                            : renderClaimsText(claims, *valid, *device));
    return claims.empty() ? kExitNothing : kExitOk;
}

}  // namespace

Runner defineClaims(CLI::App& app, Io& io) {
    auto options = std::make_shared<ClaimsOptions>();
    ClaimSelector& selector = options->selector;
    app.add_option("DEVICE", options->device,
                   "a device: folder (with or without device.json), device.json, manifest or APK")
        ->required();
    app.add_option("--scheme", selector.scheme, "a URI scheme, exact: https, geo, myapp");
    app.add_option("--host", selector.host,
                   "a host; '*.example.com' asks for any host under example.com");
    app.add_option("--path", selector.path, "a URI path, e.g. /item/42");
    app.add_option("--url", options->url, "a whole link: sets --scheme, --host and --path");
    app.add_option("--type", selector.type, "a MIME type: image/png, image/*, */*");
    app.add_option("--action", selector.action, "an action the filter must declare");
    app.add_option("--category", selector.category, "a category the filter must declare");
    app.add_option("--component", options->component,
                   "only this component (PKG/.Cls): every intent it accepts");
    app.add_flag("--all-kinds", selector.allKinds,
                 "services, receivers and providers too (default: activities and aliases)");
    app.add_flag("--json", options->json, "one JSON object instead of text");
    addDeviceLoadOptions(app, options->load);
    app.footer(kFooter);
    return [options, &io]() -> int { return runClaims(*options, io); };
}

}  // namespace hearth::cli

#pragma once
// `pm get-app-links` (android-modern.md W-50) as text and JSON, from the domains each package
// declares (W-20), their states (W-21) and the user's selections (W-22).

#include <hearth/app_links.h>
#include <hearth/result.h>

#include <optional>
#include <string>

namespace hearth {

/// What `pm get-app-links [--user U] [PACKAGE]` prints (W-50).
struct AppLinksQuery {
    std::optional<std::string> package;  ///< one package, or every package
    std::optional<std::string> user;     ///< "0", "all" or "cur": add the user blocks
};
/// `pm get-app-links` text (W-50) on an API 31+ device: per package with autoVerify domains the
/// ID (Hearth's stable stand-in: the device has no domain-set id), signatures ([] when unknown),
/// invalid autoVerify domains and each domain's W-21 state; with a user, the user block of every
/// package with web domains. Packages and domains in Java hash order. Fails with "Error: package
/// X unavailable" for an unknown package.
[[nodiscard]] Result<std::string> renderAppLinksText(const Device& device,
                                                     const AppLinksQuery& query);
/// The same facts as JSON: {"schemaVersion","device":{"name","api"},"packages":[{"package","id",
/// "autoVerifyDomains":{domain: state},"invalidAutoVerifyDomains","webDomains",
/// "user":{"linkHandlingAllowed","enabled","disabled"}}]}.
[[nodiscard]] Result<std::string> renderAppLinksJson(const Device& device,
                                                     const AppLinksQuery& query);

}  // namespace hearth

#pragma once
// The device state the resolver reads besides the manifests, as (key, value) lines named after
// device.json's keys (samples/devices/README.md): roles (with the W-41 fallback holder), sysconfig,
// flags, V-9 pairs; per package its flags, SDK levels, install facts (V-8, W-25), App Links state
// (W-10, W-21, W-22) and the manifest facts visibility reads (<uses-permission>, <queries>, V-8
// relations). The explorer lists them read-only; the values are the ones the rules use.

#include <hearth/app_links.h>
#include <hearth/device.h>

#include <string>
#include <vector>

namespace hearth {

struct Fact {
    std::string key;    ///< device.json's name for it ("roles.browser", "appLinks.domains")
    std::string value;  ///< as the rules read it ("com.x (W-41 fallback holder)", "none")
};

/// The device-level facts, in device.json's order of keys.
std::vector<Fact> deviceFacts(const Device& device);
/// One package's facts; effective values where the rules derive them (targetSdk from minSdk,
/// appId when device.json gives none).
std::vector<Fact> packageFacts(const Device& device, const InstalledPackage& package);

/// One web host of a package as App Links sees it (W-20..W-23): what `pm get-app-links --user 0`
/// says of it, and the approval a start reads.
struct HostLinkFact {
    std::string host;
    bool autoVerify = false;  ///< an autoVerify domain (W-20): it has a W-21 state
    int state = 0;            ///< W-21 state (domain_state), none when not autoVerify
    bool selected = false;    ///< in the user's selections (W-22)
    Approval approval;        ///< W-23 on API 31+; on 23-30 the link status decides (W-10)
};
/// The package's web domains (W-20: autoVerify ones first, then the other web domains, each once,
/// in declaration order) with their state, selection and approval on this device.
std::vector<HostLinkFact> hostLinkFacts(const Device& device, const InstalledPackage& package);

}  // namespace hearth

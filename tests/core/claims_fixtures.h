#pragma once
// Devices of apps with web links for the reverse-lookup tests (claims_test, claims_report_test):
// manifest snippets, a four-app web device, and the claimants of a selector.

#include <gtest/gtest.h>
#include <hearth/claims.h>
#include <hearth/device.h>
#include <hearth/manifest.h>

#include <string>
#include <utility>
#include <vector>

namespace hearth::claims_fixtures {

inline std::string manifestXml(const std::string& package, const std::string& activities) {
    return R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package=")" +
           package +
           "\">\n  <uses-sdk android:minSdkVersion=\"23\" android:targetSdkVersion=\"34\"/>\n"
           "  <application>\n" +
           activities + "  </application>\n</manifest>\n";
}

// An exported activity with one filter made of `inner` (actions, categories, data).
inline std::string activity(const std::string& name, const std::string& inner,
                     const std::string& filterAttributes = "") {
    return "    <activity android:name=\"" + name +
           "\" android:exported=\"true\">\n      <intent-filter" + filterAttributes + ">\n" +
           inner + "      </intent-filter>\n    </activity>\n";
}

inline std::string action(const std::string& name) {
    return "        <action android:name=\"android.intent.action." + name + "\"/>\n";
}
inline std::string category(const std::string& name) {
    return "        <category android:name=\"android.intent.category." + name + "\"/>\n";
}
inline std::string data(const std::string& attributes) {
    return "        <data " + attributes + "/>\n";
}

inline const std::string kLink = action("VIEW") + category("DEFAULT") + category("BROWSABLE");

inline Device deviceOf(const std::vector<std::pair<std::string, std::string>>& packages,
                       int api = 34) {
    Device device;
    device.name = "test";
    device.apiLevel = api;
    for (const auto& [name, activities] : packages) {
        Result<Manifest> manifest = parseManifest(manifestXml(name, activities), name + ".xml");
        EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
        InstalledPackage package;
        if (manifest) package.manifest = std::move(manifest).value();
        device.packages.push_back(std::move(package));
    }
    return device;
}

inline std::vector<std::string> claimants(const Device& device, const ClaimSelector& selector) {
    std::vector<std::string> out;
    for (const Claim& claim : findClaims(device, selector)) {
        out.push_back(claim.component.flattenToShortString() + "#" +
                      std::to_string(claim.filterIndex));
    }
    return out;
}

inline ClaimSelector hostSelector(const std::string& host) {
    ClaimSelector selector;
    selector.host = host;
    return selector;
}

inline Device webDevice() {
    return deviceOf({
        {"com.shop", activity(".Shop", kLink + data("android:scheme=\"https\"") +
                                           data("android:host=\"shop.example.com\""))},
        {"com.wild", activity(".Wild", kLink + data("android:scheme=\"https\"") +
                                           data("android:host=\"*.example.com\""))},
        {"com.org", activity(".Org", kLink + data("android:scheme=\"https\"") +
                                         data("android:host=\"example.org\""))},
        {"com.browser", activity(".Browser", kLink + data("android:scheme=\"http\"") +
                                                 data("android:scheme=\"https\""))},
    });
}

}  // namespace hearth::claims_fixtures

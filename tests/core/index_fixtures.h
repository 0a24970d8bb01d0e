#pragma once
// Devices built from inline manifests for the resolver's tests (package_index_test,
// resolve_activity_test, explain_test): manifest and filter snippets, installed packages, intents
// from am-style arguments, and the two stock apps most tests start from (browsers, launchers).

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>

#include <initializer_list>
#include <string>
#include <vector>

namespace hearth::fixtures {

inline constexpr const char* kView = "android.intent.action.VIEW";
inline constexpr const char* kMain = "android.intent.action.MAIN";
inline constexpr const char* kDefault = "android.intent.category.DEFAULT";
inline constexpr const char* kHome = "android.intent.category.HOME";
inline constexpr const char* kLauncher = "android.intent.category.LAUNCHER";
inline constexpr int kDefaultOnly = flags::kMatchDefaultOnly;

// A manifest for `package` whose <application> holds `components`.
inline std::string manifestXml(const std::string& package, const std::string& components,
                        const std::string& applicationAttributes = "") {
    return R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package=")" +
           package + "\">\n  <application" + applicationAttributes + ">\n" + components +
           "  </application>\n</manifest>\n";
}

// One exported activity with the given <intent-filter> bodies (and filter attributes).
inline std::string activity(const std::string& name, std::initializer_list<std::string> filters,
                     const std::string& attributes = "", const char* element = "activity") {
    std::string out = std::string("    <") + element + " android:name=\"" + name +
                      "\" android:exported=\"true\"" + attributes + ">\n";
    for (const std::string& filter : filters) out += "      " + filter + "\n";
    return out + "    </" + element + ">\n";
}

inline std::string filter(const std::string& body, const std::string& attributes = "") {
    return "<intent-filter" + attributes + ">" + body + "</intent-filter>";
}
inline std::string action(const std::string& name) {
    return "<action android:name=\"" + name + "\"/>";
}
inline std::string category(const std::string& name) {
    return "<category android:name=\"" + name + "\"/>";
}
inline std::string data(const std::string& attributes) { return "<data " + attributes + "/>"; }

struct PackageSpec {
    std::string xml;
    bool system = false;
    bool privileged = false;
};

inline InstalledPackage install(const PackageSpec& spec) {
    Result<Manifest> manifest = parseManifest(spec.xml, "test/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString() << "\n" << spec.xml;
    InstalledPackage package;
    if (manifest) package.manifest = std::move(manifest).value();
    package.system = spec.system;
    package.privileged = spec.privileged;
    return package;
}

inline Device makeDevice(int api, std::initializer_list<PackageSpec> packages) {
    Device device;
    device.apiLevel = api;
    for (const PackageSpec& spec : packages) device.packages.push_back(install(spec));
    return device;
}

inline Intent intent(const std::vector<std::string>& args) {
    Result<Intent> parsed = parseIntentArgs(args);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().toString();
    return parsed ? *parsed : Intent{};
}

inline std::vector<std::string> components(const std::vector<ResolveInfo>& results) {
    std::vector<std::string> out;
    for (const ResolveInfo& info : results) out.push_back(info.component.flattenToShortString());
    return out;
}

using Names = std::vector<std::string>;

inline const Rejection* rejectionOf(const std::vector<Rejection>& rejections,
                                    const std::string& name) {
    for (const Rejection& rejection : rejections) {
        if (rejection.component.flattenToShortString() == name) return &rejection;
    }
    return nullptr;
}

// Two plain browsers: VIEW + DEFAULT + BROWSABLE on http/https.
inline const std::string kBrowserFilter =
    filter(action(kView) + category(kDefault) + category("android.intent.category.BROWSABLE") +
           data("android:scheme=\"http\"") + data("android:scheme=\"https\""));

inline PackageSpec browser(const std::string& package, const std::string& extra = "") {
    return {manifestXml(package, activity(".Browser", {kBrowserFilter}, extra))};
}

inline PackageSpec launcher(const std::string& package, int priority = 0, bool withDefault = true) {
    const std::string attrs =
        priority != 0 ? " android:priority=\"" + std::to_string(priority) + "\"" : "";
    return {
        manifestXml(package, activity(".Home", {filter(action(kMain) + category(kHome) +
                                                           (withDefault ? category(kDefault) : ""),
                                                       attrs)}))};
}

inline const std::vector<std::string> kHomeIntent = {"-a", kMain, "-c", kHome};

}  // namespace hearth::fixtures

#pragma once
// Devices of apps with target SDKs, installers and app ids for the caller tests (caller_rules_test,
// visibility_test), and the components a caller's query or start keeps through the real pipeline.

#include <gtest/gtest.h>
#include <hearth/caller.h>
#include <hearth/caller_rules.h>
#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/manifest.h>
#include <hearth/package_index.h>

#include <optional>
#include <string>
#include <vector>

namespace hearth::caller_fixtures {

inline constexpr const char* kMain = "android.intent.action.MAIN";
inline constexpr const char* kLauncher = "android.intent.category.LAUNCHER";
inline constexpr int kDefaultOnly = flags::kMatchDefaultOnly;

struct Spec {
    std::string package{};
    int targetSdk = 34;
    std::string body{};     // inside <application>
    std::string outside{};  // inside <manifest>, before <application>
    bool system = false;
    std::optional<std::string> installer{};
    std::optional<int> appId{};
};

// A launcher activity, as every app of these tests has (exported, MAIN/LAUNCHER).
inline std::string launcher(const std::string& name = ".Main") {
    return "<activity android:name=\"" + name +
           "\" android:exported=\"true\"><intent-filter>"
           "<action android:name=\"android.intent.action.MAIN\"/>"
           "<category android:name=\"android.intent.category.LAUNCHER\"/>"
           "</intent-filter></activity>\n";
}

inline std::string activity(const std::string& name, bool exported, const std::string& filters) {
    return "<activity android:name=\"" + name + "\" android:exported=\"" +
           (exported ? "true" : "false") + "\">" + filters + "</activity>\n";
}

inline std::string filterFor(const std::string& action, const std::string& extra = "") {
    return "<intent-filter><action android:name=\"" + action +
           "\"/><category android:name=\"android.intent.category.DEFAULT\"/>" + extra +
           "</intent-filter>";
}

inline InstalledPackage install(const Spec& spec) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" +
        spec.package + "\">\n<uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"" +
        std::to_string(spec.targetSdk) + "\"/>\n" + spec.outside + "<application>\n" + spec.body +
        "</application>\n</manifest>\n";
    Result<Manifest> manifest = parseManifest(xml, spec.package + "/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString() << "\n" << xml;
    InstalledPackage package;
    if (manifest) package.manifest = std::move(manifest).value();
    package.system = spec.system;
    package.installer = spec.installer;
    package.appId = spec.appId;
    return package;
}

inline Device makeDevice(int api, const std::vector<Spec>& specs) {
    Device device;
    device.apiLevel = api;
    for (const Spec& spec : specs) device.packages.push_back(install(spec));
    return device;
}

inline Intent intent(const std::vector<std::string>& args) {
    Result<Intent> parsed = parseIntentArgs(args);
    EXPECT_TRUE(parsed.has_value()) << parsed.error().toString();
    return parsed ? *parsed : Intent{};
}

inline Caller app(const std::string& package) { return Caller{CallerKind::Package, package}; }

// The components a caller's query or start keeps, in order: the real pipeline (W-3: gather,
// domain filtering, then the caller rules), and what the caller rules removed.
inline std::vector<std::string> run(const Device& device, const Caller& caller, ResolveMode mode,
                             const Intent& intent, int flags,
                             std::vector<CandidateVerdict>* removed = nullptr) {
    const PackageIndex index(device);
    ResolveRequest request{intent, flags, ComponentKind::Activity, mode};
    request.caller = caller;
    const QueryTrace trace = index.trace(request);
    if (removed) {
        removed->clear();
        for (const CandidateVerdict& verdict : trace.steps.verdicts) {
            const char group = verdict.rule.empty() ? ' ' : verdict.rule.front();
            if (!verdict.kept && (group == 'V' || group == 'S')) removed->push_back(verdict);
        }
    }
    std::vector<std::string> out;
    for (const ResolveInfo& info : trace.results) {
        out.push_back(info.component.flattenToShortString());
    }
    return out;
}

inline std::vector<std::string> launchers(const Device& device, const Caller& caller) {
    // Launcher filters have no DEFAULT: launchers query with flags 0.
    return run(device, caller, ResolveMode::Query, intent({"-a", kMain, "-c", kLauncher}), 0);
}

inline const Spec kOther{"com.other", 34, launcher()};
inline const Spec kStore{"com.store", 34, launcher()};

}  // namespace hearth::caller_fixtures

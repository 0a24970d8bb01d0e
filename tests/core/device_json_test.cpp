// device.json (device_json.cpp): every documented key, and every error with its line and column.
// Loading folders and manifests is device_test.cpp.

#include <gtest/gtest.h>
#include <hearth/device.h>

#include <filesystem>
#include <string>
#include <vector>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const fs::path kBrowsers = fs::path(HEARTH_SAMPLES_DIR) / "devices" / "browsers";

// Parses device.json text whose manifest paths are relative to the browsers sample.
Result<Device> parse(const std::string& text) {
    return parseDeviceJson(text, "device.json", kBrowsers);
}

std::string errorOf(const std::string& text) {
    Result<Device> device = parse(text);
    if (device) return "(no error)";
    return device.error().toString();
}

}  // namespace

// ---- device.json: what it reads
// ------------------------------------------------------------------

TEST(DeviceJson, ReadsEveryDocumentedKey) {
    Result<Device> device = parse(R"({
  // a comment
  "name": "demo", "description": "what it shows", "api": 29,
  "userUnlocked": false, "userSetupComplete": false,
  "framework": { "patchSites": ["boot", "recents"] },
  "packages": [
    { "manifest": "alpha/AndroidManifest.xml", "system": true, "privileged": true,
      "updatedSystemApp": true, "enabled": false, "stopped": true, "removed": false,
      "disabledComponents": [".BrowserActivity"] },
    { "manifest": "beta/AndroidManifest.xml", "enabledComponents": ["BrowserActivity"] }
  ],
  "preferred": [
    { "component": "com.example.alpha/.BrowserActivity", "action": "android.intent.action.VIEW",
      "categories": ["android.intent.category.DEFAULT"], "scheme": "https", "host": "a.com",
      "port": 8443, "pathPrefix": "/x", "type": "text/html",
      "set": ["com.example.alpha/.BrowserActivity"], "match": "0x508000", "always": true }
  ],
  "persistentPreferred": [
    { "component": "com.example.beta/.BrowserActivity", "action": "android.intent.action.VIEW",
      "categories": ["android.intent.category.DEFAULT"] }
  ]
})");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->name, "demo");
    EXPECT_EQ(device->description, "what it shows");
    EXPECT_EQ(device->apiLevel, 29);
    EXPECT_FALSE(device->userUnlocked);
    EXPECT_FALSE(device->userSetupComplete);
    EXPECT_TRUE(device->patch.isPatched("boot"));
    EXPECT_TRUE(device->patch.isPatched("recents"));
    EXPECT_FALSE(device->patch.isPatched("home-key"));
    ASSERT_EQ(device->packages.size(), 2u);
    const InstalledPackage& alpha = device->packages[0];
    EXPECT_EQ(alpha.packageName(), "com.example.alpha");
    EXPECT_TRUE(alpha.system);
    EXPECT_TRUE(alpha.privileged);
    EXPECT_TRUE(alpha.updatedSystemApp);
    EXPECT_FALSE(alpha.enabled);
    EXPECT_TRUE(alpha.stopped);
    EXPECT_EQ(alpha.disabledComponents, std::set<std::string>{"com.example.alpha.BrowserActivity"});
    EXPECT_EQ(device->packages[1].enabledComponents,
              std::set<std::string>{"com.example.beta.BrowserActivity"});
    ASSERT_EQ(device->preferred.size(), 1u);
    const PreferredActivity& preferred = device->preferred[0];
    EXPECT_EQ(preferred.component.className, "com.example.alpha.BrowserActivity");
    EXPECT_EQ(preferred.match, 0x500000) << "only the category part of the match is kept (P-5)";
    EXPECT_EQ(preferred.filter.actions, std::vector<std::string>{"android.intent.action.VIEW"});
    EXPECT_EQ(preferred.filter.schemes, std::vector<std::string>{"https"});
    ASSERT_EQ(preferred.filter.authorities.size(), 1u);
    EXPECT_EQ(preferred.filter.authorities[0].host, "a.com");
    EXPECT_EQ(preferred.filter.authorities[0].port, 8443);
    ASSERT_EQ(preferred.filter.paths.size(), 1u);
    EXPECT_EQ(preferred.filter.paths[0].kind(), PatternKind::Prefix);
    EXPECT_EQ(preferred.filter.types, std::vector<std::string>{"text/html"});
    EXPECT_EQ(preferred.where.line, 13);
    EXPECT_EQ(preferred.where.column, 5);
    ASSERT_EQ(device->persistentPreferred.size(), 1u);
    EXPECT_EQ(device->persistentPreferred[0].component.packageName, "com.example.beta");
}

TEST(DeviceJson, DefaultsAreApi34UnlockedStockAndTheFolderName) {
    Result<Device> device = parse(R"({ "packages": [] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->apiLevel, 34);
    EXPECT_TRUE(device->userUnlocked);
    EXPECT_TRUE(device->userSetupComplete);
    EXPECT_TRUE(device->patch.homeFirstSites.empty());
    EXPECT_EQ(device->name, "browsers");
}

TEST(DeviceJson, HomeFirstPatchSwapsEveryCallSite) {
    Result<Device> device = parse(R"({ "framework": { "patch": "home-first" }, "packages": [] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    for (const char* site : {"boot", "home-key", "home-key-mid", "recents", "is-home"}) {
        EXPECT_TRUE(device->patch.isPatched(site)) << site;
    }
}

TEST(DeviceJson, ManifestWarningsAndUnknownComponentsBecomeDiagnostics) {
    Result<Device> device = parse(R"({ "packages": [
  { "manifest": "alpha/AndroidManifest.xml", "disabledComponents": [".Nope"] }
] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->diagnostics.size(), 1u);
    EXPECT_EQ(device->diagnostics[0].toString(),
              "device.json:2:69: warning: 'packages[0].disabledComponents[0]' names "
              "'com.example.alpha.Nope', which 'alpha/AndroidManifest.xml' does not declare");
}

TEST(DeviceJson, PreferredWithoutDefaultIsAWarning) {
    Result<Device> device = parse(R"({ "packages": [], "preferred": [
  { "component": "a/.B", "action": "android.intent.action.VIEW", "set": [], "match": 0 }
] })");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->diagnostics.size(), 1u);
    EXPECT_EQ(device->diagnostics[0].toString(),
              "device.json:2:3: warning: 'preferred[0]' has no category "
              "'android.intent.category.DEFAULT', so it never matches a startActivity resolution "
              "(MATCH_DEFAULT_ONLY, R-7)");
}

TEST(DeviceJson, ReportsProgressPerPackage) {
    std::vector<std::pair<size_t, size_t>> calls;
    DeviceLoadOptions options;
    options.progress = [&](size_t done, size_t total) { calls.emplace_back(done, total); };
    Result<Device> device = parseDeviceJson(
        R"({ "packages": [ { "manifest": "alpha/AndroidManifest.xml" },
                          { "manifest": "beta/AndroidManifest.xml" } ] })",
        "device.json", kBrowsers, options);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(calls, (std::vector<std::pair<size_t, size_t>>{{1, 2}, {2, 2}}));
}

// ---- device.json: every error, with its position
// -------------------------------------------------

TEST(DeviceJsonError, InvalidJsonPointsAtTheOffendingCharacter) {
    EXPECT_EQ(errorOf("{\n  \"api\": 34,\n}"),
              "device.json:3:1: invalid JSON: syntax error while parsing object key - unexpected "
              "'}'; expected string literal");
}

TEST(DeviceJsonError, DeepNestingIsRefused) {
    EXPECT_EQ(errorOf("{\"packages\": [], \"name\": " + std::string(70, '[')),
              "device.json:1:89: JSON is nested deeper than 64 levels");
}

TEST(DeviceJsonError, DuplicateKey) {
    EXPECT_EQ(errorOf("{\n  \"api\": 8,\n  \"api\": 9,\n  \"packages\": []\n}"),
              "device.json:3:3: duplicate key 'api': each key may appear once in an object");
}

TEST(DeviceJsonError, TopLevelMustBeAnObject) {
    EXPECT_EQ(errorOf("  [1, 2]"), "device.json:1:3: a device must be a JSON object, got an array");
}

TEST(DeviceJsonError, UnknownTopLevelKey) {
    EXPECT_EQ(errorOf("{\n  \"apiLevel\": 8,\n  \"packages\": []\n}"),
              "device.json:2:3: unknown key 'apiLevel' in the device; expected one of: name, "
              "description, api, userUnlocked, userSetupComplete, framework, packages, preferred, "
              "persistentPreferred, state, roles, sysconfig, flags, implicitVisibility");
}

TEST(DeviceJsonError, UnknownPackageKey) {
    EXPECT_EQ(
        errorOf(
            R"({ "packages": [ { "manifest": "alpha/AndroidManifest.xml", "sytem": true } ] })"),
        "device.json:1:60: unknown key 'sytem' in 'packages[0]'; expected one of: manifest, "
        "package, system, privileged, updatedSystemApp, enabled, stopped, removed, "
        "disabledComponents, enabledComponents, targetSdk, minSdk, placeholders, "
        "firstInstallTime, appLinks, components, application, prioritiesClamped, "
        "packageDerived, file, line, column, effectiveTargetSdk, usesPermissions, queries, "
        "installer, updateOwner, suspended, appId");
}

TEST(DeviceJsonError, ApiMustBeAWholeNumber) {
    EXPECT_EQ(errorOf(R"({ "api": "34", "packages": [] })"),
              "device.json:1:10: 'api' must be a whole number, got the string \"34\"");
}

TEST(DeviceJsonError, ApiMustBeInRange) {
    EXPECT_EQ(errorOf(R"({ "api": 0, "packages": [] })"),
              "device.json:1:10: 'api' must be between 1 and 100, got 0");
}

TEST(DeviceJsonError, FlagsMustBeBooleans) {
    EXPECT_EQ(errorOf("{ \"packages\": [],\n  \"userUnlocked\": \"no\" }"),
              "device.json:2:19: 'userUnlocked' must be true or false, got the string \"no\"");
}

TEST(DeviceJsonError, NameMustBeAString) {
    EXPECT_EQ(errorOf(R"({ "name": 3, "packages": [] })"),
              "device.json:1:11: 'name' must be a string, got the number 3");
}

TEST(DeviceJsonError, PackagesAreRequired) {
    EXPECT_EQ(errorOf("\n  { \"api\": 8 }"),
              "device.json:2:3: a device needs a 'packages' list: the manifests it installs");
}

TEST(DeviceJsonError, PackagesMustBeAList) {
    EXPECT_EQ(errorOf(R"({ "packages": {} })"),
              "device.json:1:15: 'packages' must be a list, got an object");
}

TEST(DeviceJsonError, PackageMustBeAnObject) {
    EXPECT_EQ(errorOf(R"({ "packages": [ "alpha" ] })"),
              "device.json:1:17: 'packages[0]' must be an object, got the string \"alpha\"");
}

TEST(DeviceJsonError, PackageNeedsAManifest) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "system": true } ] })"),
              "device.json:1:17: 'packages[0]' needs a 'manifest': the path to an "
              "AndroidManifest.xml or .apk (or inline 'components')");
}

TEST(DeviceJsonError, ManifestMustExist) {
    EXPECT_EQ(errorOf(R"({ "packages": [ { "manifest": "nope/AndroidManifest.xml" } ] })"),
              "device.json:1:31: manifest 'nope/AndroidManifest.xml' not found: no file '" +
                  (kBrowsers / "nope/AndroidManifest.xml").string() + "'");
}

TEST(DeviceJsonError, PackageListedTwice) {
    EXPECT_EQ(errorOf(R"({ "packages": [
  { "manifest": "alpha/AndroidManifest.xml" },
  { "manifest": "alpha/AndroidManifest.xml" } ] })"),
              "device.json:3:3: package 'com.example.alpha' is listed twice; first at "
              "device.json:2:3");
}

TEST(DeviceJsonError, ComponentListEntriesMustBeStrings) {
    EXPECT_EQ(errorOf(R"({ "packages": [
  { "manifest": "alpha/AndroidManifest.xml", "disabledComponents": [1] } ] })"),
              "device.json:2:69: 'packages[0].disabledComponents[0]' must be a string, got the "
              "number 1");
}

TEST(DeviceJsonError, ComponentBothEnabledAndDisabled) {
    EXPECT_EQ(errorOf(R"({ "packages": [
  { "manifest": "alpha/AndroidManifest.xml", "disabledComponents": [".BrowserActivity"],
    "enabledComponents": ["com.example.alpha.BrowserActivity"] } ] })"),
              "device.json:3:27: 'com.example.alpha.BrowserActivity' is in both "
              "'disabledComponents' and 'enabledComponents'");
}

TEST(DeviceJsonError, FrameworkMustBeAnObject) {
    EXPECT_EQ(errorOf(R"({ "framework": "home-first", "packages": [] })"),
              "device.json:1:16: 'framework' must be an object, got the string \"home-first\"");
}

TEST(DeviceJsonError, UnknownPatch) {
    EXPECT_EQ(errorOf(R"({ "framework": { "patch": "homefirst" }, "packages": [] })"),
              "device.json:1:27: 'framework.patch' must be \"stock\" or \"home-first\", got "
              "\"homefirst\"");
}

TEST(DeviceJsonError, PatchAndPatchSitesTogether) {
    EXPECT_EQ(errorOf(R"({ "framework": { "patch": "stock", "patchSites": [] }, "packages": [] })"),
              "device.json:1:36: use either 'framework.patch' or 'framework.patchSites', not both");
}

TEST(DeviceJsonError, UnknownCallSite) {
    EXPECT_EQ(errorOf(R"({ "framework": { "patchSites": ["boot", "homekey"] }, "packages": [] })"),
              "device.json:1:41: unknown call site 'homekey': expected one of boot, home-key, "
              "home-key-mid, recents, is-home");
}

TEST(DeviceJsonError, UnknownPreferredKey) {
    EXPECT_EQ(
        errorOf(R"({ "packages": [], "preferred": [ { "component": "a/.B", "actions": [] } ] })"),
        "device.json:1:57: unknown key 'actions' in 'preferred[0]'; expected one of: "
        "component, action, categories, type, scheme, ssp, sspPrefix, sspPattern, host, "
        "port, path, pathPrefix, pathPattern, set, match, always");
}

TEST(DeviceJsonError, PersistentPreferredHasNoSetOrMatch) {
    EXPECT_EQ(
        errorOf(
            R"({ "packages": [], "persistentPreferred": [ { "component": "a/.B", "set": [] } ] })"),
        "device.json:1:67: unknown key 'set' in 'persistentPreferred[0]'; expected one of: "
        "component, action, categories, type, scheme, ssp, sspPrefix, sspPattern, host, "
        "port, path, pathPrefix, pathPattern");
}

TEST(DeviceJsonError, PreferredNeedsAComponent) {
    EXPECT_EQ(errorOf(R"({ "packages": [], "preferred": [ { "action": "x" } ] })"),
              "device.json:1:34: 'preferred[0]' needs a 'component': the chosen activity");
}

TEST(DeviceJsonError, PreferredComponentMustBeFlattened) {
    EXPECT_EQ(
        errorOf(R"({ "packages": [], "preferred": [ { "component": "com.example.alpha" } ] })"),
        "device.json:1:49: 'preferred[0].component' must look like 'package/.Class' or "
        "'package/full.Class', got \"com.example.alpha\"");
}

TEST(DeviceJsonError, PreferredNeedsAnAction) {
    EXPECT_EQ(errorOf(R"({ "packages": [], "preferred": [ { "component": "a/.B" } ] })"),
              "device.json:1:34: 'preferred[0]' needs an 'action': Android refuses a preferred "
              "activity whose filter has no action");
}

TEST(DeviceJsonError, AlwaysPreferredNeedsASet) {
    EXPECT_EQ(errorOf(R"({ "packages": [], "preferred": [
  { "component": "a/.B", "action": "x", "categories": ["android.intent.category.DEFAULT"],
    "match": 0 } ] })"),
              "device.json:2:3: 'preferred[0]' needs a 'set': the candidates the chooser showed "
              "when it was chosen (P-5)");
}

TEST(DeviceJsonError, AlwaysPreferredNeedsAMatch) {
    EXPECT_EQ(errorOf(R"({ "packages": [], "preferred": [
  { "component": "a/.B", "action": "x", "categories": ["android.intent.category.DEFAULT"],
    "set": [] } ] })"),
              "device.json:2:3: 'preferred[0]' needs a 'match': the best match among the set, "
              "e.g. \"0x100000\" for an intent without data (P-5)");
}

TEST(DeviceJsonError, MatchMustBeAMatchCode) {
    EXPECT_EQ(errorOf(R"({ "packages": [], "preferred": [
  { "component": "a/.B", "action": "x", "categories": ["android.intent.category.DEFAULT"],
    "set": [], "match": "HOST" } ] })"),
              "device.json:3:25: 'preferred[0].match' must be a match code such as "
              "\"0x100000\", got the string \"HOST\"");
}

TEST(DeviceJsonError, SetEntriesMustBeComponents) {
    EXPECT_EQ(errorOf(R"({ "packages": [], "preferred": [
  { "component": "a/.B", "action": "x", "categories": ["android.intent.category.DEFAULT"],
    "set": ["a/.B", "b"], "match": 0 } ] })"),
              "device.json:3:21: 'preferred[0].set[1]' must look like 'package/.Class' or "
              "'package/full.Class', got \"b\"");
}

TEST(DeviceJsonError, PortNeedsAHost) {
    EXPECT_EQ(errorOf(R"({ "packages": [], "persistentPreferred": [
  { "component": "a/.B", "action": "x", "scheme": "http", "port": 80 } ] })"),
              "device.json:2:59: 'persistentPreferred[0].port' needs a 'host': Android drops a "
              "port without a host (M-26)");
}

TEST(DeviceJsonError, PortMustBeANumber) {
    const std::string error = errorOf(R"({ "packages": [], "persistentPreferred": [
  { "component": "a/.B", "action": "x", "scheme": "http", "host": "h", "port": true } ] })");
    EXPECT_EQ(error,
              "device.json:2:80: 'persistentPreferred[0].port' must be a port number, got true");
}

TEST(DeviceJsonError, TypeMustBeAMimeType) {
    Result<std::string> expected = validateMimeType("image");
    ASSERT_FALSE(expected.has_value());
    EXPECT_EQ(errorOf(R"({ "packages": [], "persistentPreferred": [
  { "component": "a/.B", "action": "x", "type": "image" } ] })"),
              "device.json:2:49: 'persistentPreferred[0].type': " + expected.error().message);
}

TEST(DeviceJsonError, NulByteIsRefused) {
    EXPECT_EQ(errorOf(std::string("{ \"packages\": [] }\n\0 trailing", 30)),
              "device.json:2:1: unexpected NUL byte: a device.json must be text");
}

TEST(DeviceJsonError, LineCommentEndsAtACarriageReturnAsInNlohmann) {
    // "// x\r}" closes the object after the comment; the position scanner must agree.
    EXPECT_EQ(errorOf("{ \"packages\": [], // note\r \"api\": \"x\" }"),
              "device.json:1:35: 'api' must be a whole number, got the string \"x\"");
}

// Device loading: device.json (every error with its line and column), directories of manifests,
// single manifests, and the component state rules of R-8.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
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

// A scratch folder removed at the end of the test.
class TempDir {
  public:
    TempDir() {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() / ("hearth-device-test-" + std::to_string(::getpid()) +
                                              "-" + std::to_string(counter++));
        fs::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }
    void write(const std::string& relative, const std::string& text) const {
        const fs::path file = m_path / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file) << text;
    }

  private:
    fs::path m_path;
};

std::string manifestFor(const std::string& package) {
    return R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package=")" +
           package + R"(">
  <application>
    <activity android:name=".Main" android:exported="true">
      <intent-filter>
        <action android:name="android.intent.action.MAIN" />
        <category android:name="android.intent.category.LAUNCHER" />
      </intent-filter>
    </activity>
  </application>
</manifest>
)";
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
              "device.json:1:41: unknown call site 'homekey'; expected one of: boot, home-key, "
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

// ---- loadDevice
// ----------------------------------------------------------------------------------

TEST(LoadDevice, FolderWithDeviceJsonReadsIt) {
    Result<Device> device = loadDevice(kBrowsers);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->name, "browsers");
    EXPECT_EQ(device->packages.size(), 5u);
    EXPECT_EQ(device->source, kBrowsers / "device.json");
}

TEST(LoadDevice, FolderWithoutDeviceJsonInstallsEveryManifestSortedAndSkipsBuildFolders) {
    TempDir dir;
    dir.write("zeta/AndroidManifest.xml", manifestFor("com.example.zeta"));
    dir.write("alpha/src/main/AndroidManifest.xml", manifestFor("com.example.alpha"));
    dir.write("alpha/build/intermediates/AndroidManifest.xml", manifestFor("com.example.copy"));
    dir.write(".git/AndroidManifest.xml", manifestFor("com.example.git"));
    std::vector<size_t> progress;
    DeviceLoadOptions options;
    options.progress = [&](size_t done, size_t total) { progress.push_back(done * 10 + total); };
    Result<Device> device = loadDevice(dir.path(), options);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->apiLevel, 34);
    ASSERT_EQ(device->packages.size(), 2u);
    EXPECT_EQ(device->packages[0].packageName(), "com.example.alpha");
    EXPECT_EQ(device->packages[1].packageName(), "com.example.zeta");
    EXPECT_FALSE(device->packages[0].system);
    EXPECT_EQ(progress, (std::vector<size_t>{12, 22}));
}

TEST(LoadDevice, SecondManifestOfAPackageIsAWarning) {
    TempDir dir;
    dir.write("a/AndroidManifest.xml", manifestFor("com.example.same"));
    dir.write("b/AndroidManifest.xml", manifestFor("com.example.same"));
    Result<Device> device = loadDevice(dir.path());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 1u);
    ASSERT_EQ(device->diagnostics.size(), 1u);
    EXPECT_EQ(device->diagnostics[0].message,
              "package 'com.example.same' is already installed from '" +
                  (dir.path() / "a/AndroidManifest.xml").string() + "'; this manifest is ignored");
    EXPECT_EQ(device->diagnostics[0].where.file, (dir.path() / "b/AndroidManifest.xml").string());
}

TEST(LoadDevice, SingleManifestIsADeviceOfOnePackage) {
    TempDir dir;
    dir.write("AndroidManifest.xml", manifestFor("com.example.one"));
    Result<Device> device = loadDevice(dir.path() / "AndroidManifest.xml");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 1u);
    EXPECT_EQ(device->name, "com.example.one");
}

TEST(LoadDevice, DeviceJsonFileResolvesManifestsNextToIt) {
    Result<Device> device = loadDevice(kBrowsers / "device.json");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->packages[0].manifest.file,
              (kBrowsers / "alpha/AndroidManifest.xml").string());
}

TEST(LoadDeviceError, MissingPath) {
    Result<Device> device = loadDevice("/nonexistent/hearth/device");
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString(),
              "cannot read device '/nonexistent/hearth/device': no such file or directory");
}

TEST(LoadDeviceError, FolderWithNothingToInstall) {
    TempDir dir;
    dir.write("notes.txt", "nothing here");
    Result<Device> device = loadDevice(dir.path());
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(
        device.error().toString(),
        "'" + dir.path().string() + "' holds no device.json, AndroidManifest.xml or .apk file");
}

static DeviceLoadOptions strictOptions() {
    DeviceLoadOptions options;
    options.parse.strict = true;
    return options;
}

TEST(LoadDeviceError, BrokenManifestStopsAStrictLoadWithItsOwnPosition) {
    TempDir dir;
    dir.write("a/AndroidManifest.xml", "<manifest>\n  <application>\n</manifest>\n");
    Result<Device> device = loadDevice(dir.path(), strictOptions());
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().where.file, (dir.path() / "a/AndroidManifest.xml").string());
    EXPECT_GT(device.error().where.line, 0);
}

TEST(LoadDevice, BrokenManifestIsSkippedWithAnErrorAndTheRestLoadsAsOnAndroid) {
    TempDir dir;
    dir.write("a/AndroidManifest.xml", "<manifest>\n  <application>\n</manifest>\n");
    dir.write("b/AndroidManifest.xml", manifestFor("com.example.b"));
    Result<Device> device = loadDevice(dir.path());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 1u);
    EXPECT_EQ(device->packages[0].packageName(), "com.example.b");
    ASSERT_EQ(device->skipped.size(), 1u);
    EXPECT_EQ(device->skipped[0].file, (dir.path() / "a/AndroidManifest.xml").string());
    EXPECT_EQ(device->skipped[0].packageName, "");
    EXPECT_EQ(device->skipped[0].error.where.file, (dir.path() / "a/AndroidManifest.xml").string());
    ASSERT_EQ(device->diagnostics.size(), 1u);
    EXPECT_EQ(device->diagnostics[0].severity, Diagnostic::Severity::Error);
    EXPECT_EQ(device->diagnostics[0].message,
              device->skipped[0].error.message + " (package skipped)");
}

TEST(LoadDevice, DeviceJsonSkipsAnUnparseableManifestAndKeepsTheOthers) {
    TempDir dir;
    dir.write("a/AndroidManifest.xml", "<manifest>\n  <application>\n</manifest>\n");
    dir.write("b/AndroidManifest.xml", manifestFor("com.example.b"));
    dir.write("device.json", R"({ "packages": [ { "manifest": "a/AndroidManifest.xml" },
                   { "manifest": "b/AndroidManifest.xml" } ] })");
    Result<Device> device = loadDevice(dir.path());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 1u);
    ASSERT_EQ(device->skipped.size(), 1u);
    EXPECT_EQ(device->skipped[0].file, (dir.path() / "a/AndroidManifest.xml").string());
    EXPECT_FALSE(loadDevice(dir.path(), strictOptions()).has_value());
}

TEST(LoadDevice, S1_Target33ManifestWithoutExportedIsRefusedAndTheRestLoads) {
    TempDir dir;
    dir.write("old/AndroidManifest.xml", R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.old">
  <uses-sdk android:targetSdkVersion="33" />
  <application>
    <activity android:name=".Main">
      <intent-filter><action android:name="android.intent.action.MAIN" /></intent-filter>
    </activity>
  </application>
</manifest>
)");
    dir.write("ok/AndroidManifest.xml", manifestFor("com.example.ok"));
    Result<Device> device = loadDevice(dir.path());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 1u);
    EXPECT_EQ(device->packages[0].packageName(), "com.example.ok");
    EXPECT_EQ(device->findPackage("com.example.old"), nullptr);
    ASSERT_EQ(device->skipped.size(), 1u);
    EXPECT_EQ(device->skipped[0].packageName, "com.example.old");
    ASSERT_FALSE(device->diagnostics.empty());
    EXPECT_EQ(device->diagnostics.back().toString(),
              (dir.path() / "old/AndroidManifest.xml").string() +
                  ":4:5: error: package 'com.example.old' not installed: "
                  "INSTALL_PARSE_FAILED_MANIFEST_MALFORMED: com.example.old.Main: Targeting S+ "
                  "(version 31 and above) requires that an explicit value for android:exported be "
                  "defined when intent filters are present (S-1)");

    // --strict: the parser's own warning for the same element already fails the load there.
    Result<Device> strict = loadDevice(dir.path(), strictOptions());
    ASSERT_FALSE(strict.has_value());
    EXPECT_EQ(strict.error().where.prefix(),
              (dir.path() / "old/AndroidManifest.xml").string() + ":4:5: ");
}

TEST(LoadDevice, DeviceJsonRefusesATargetBelowTheMinimumOfItsApiLevel) {
    TempDir dir;
    dir.write("legacy/AndroidManifest.xml", R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.legacy">
  <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="23" />
</manifest>
)");
    dir.write("device.json", R"({ "api": 35, "packages": [
  { "manifest": "legacy/AndroidManifest.xml" },
  { "manifest": "legacy/AndroidManifest.xml", "package": "com.example.system", "system": true } ] })");
    Result<Device> device = loadDevice(dir.path());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 1u);
    EXPECT_EQ(device->packages[0].packageName(), "com.example.system");
    ASSERT_EQ(device->skipped.size(), 1u);
    EXPECT_EQ(device->skipped[0].error.message,
              "INSTALL_FAILED_DEPRECATED_SDK_VERSION: App package must target at least SDK "
              "version 24, but found 23 (Android 15+ refuses to install it)");
}

TEST(LoadDevice, SingleRefusedManifestLoadsAsADeviceWithNothingInstalled) {
    TempDir dir;
    dir.write("AndroidManifest.xml", R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.old">
  <uses-sdk android:targetSdkVersion="31" />
  <application><receiver android:name=".R"><intent-filter><action android:name="a.B" /></intent-filter></receiver></application>
</manifest>
)");
    Result<Device> device = loadDevice(dir.path() / "AndroidManifest.xml");
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_TRUE(device->packages.empty());
    ASSERT_EQ(device->skipped.size(), 1u);
    EXPECT_FALSE(loadDevice(dir.path() / "AndroidManifest.xml", strictOptions()).has_value());
}

TEST(LoadDevice, TheMinimumTargetSdkAppliesOnlyWhenTheDeviceDeclaresItsApiLevel) {
    // A folder of manifests is API 34 by Hearth's default, not by fact: old samples still load.
    TempDir dir;
    dir.write("old/AndroidManifest.xml", R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.old">
  <uses-sdk android:targetSdkVersion="8" />
</manifest>
)");
    Result<Device> folder = loadDevice(dir.path());
    ASSERT_TRUE(folder.has_value()) << folder.error().toString();
    EXPECT_EQ(folder->packages.size(), 1u);
    dir.write("device.json", R"({ "api": 34, "packages": [ { "manifest": "old/AndroidManifest.xml" } ] })");
    Result<Device> declared = loadDevice(dir.path());
    ASSERT_TRUE(declared.has_value()) << declared.error().toString();
    EXPECT_TRUE(declared->packages.empty());
    EXPECT_EQ(declared->skipped.size(), 1u);
}

// ---- R-8: component state
// ------------------------------------------------------------------------

TEST(ComponentEnabled, ManifestValueAppliesWithoutOverrides) {
    InstalledPackage package;
    Component component;
    component.name = "a.B";
    EXPECT_TRUE(package.isComponentEnabled(component));
    component.enabled = false;
    EXPECT_FALSE(package.isComponentEnabled(component));
}

TEST(ComponentEnabled, ApplicationManifestValueDisablesEveryComponent) {
    InstalledPackage package;
    package.manifest.application.enabled = false;
    Component component;
    component.name = "a.B";
    EXPECT_FALSE(package.isComponentEnabled(component));
}

TEST(ComponentEnabled, ComponentStateOverridesTheManifest) {
    InstalledPackage package;
    Component component;
    component.name = "a.B";
    component.enabled = false;
    package.enabledComponents.insert("a.B");
    EXPECT_TRUE(package.isComponentEnabled(component));
    component.enabled = true;
    package.enabledComponents.clear();
    package.disabledComponents.insert("a.B");
    EXPECT_FALSE(package.isComponentEnabled(component));
}

TEST(ComponentEnabled, DisabledApplicationWinsOverComponentState) {
    InstalledPackage package;
    package.enabled = false;
    Component component;
    component.name = "a.B";
    package.enabledComponents.insert("a.B");
    EXPECT_FALSE(package.isComponentEnabled(component));
}

TEST(ComponentEnabled, TheStateNamesWhatDecidedInR8Order) {
    // One decision for the resolver's refusal sentence and the explorer's state word.
    InstalledPackage package;
    Component component;
    component.name = "a.B";
    EXPECT_EQ(package.componentState(component), ComponentState::Enabled);
    package.enabledComponents.insert("a.B");
    EXPECT_EQ(package.componentState(component), ComponentState::Enabled);  // nothing overridden
    component.enabled = false;
    EXPECT_EQ(package.componentState(component), ComponentState::EnabledByOverride);
    package.enabledComponents.clear();
    EXPECT_EQ(package.componentState(component), ComponentState::DisabledInManifest);
    package.manifest.application.enabled = false;
    EXPECT_EQ(package.componentState(component), ComponentState::DisabledInApplication);
    package.disabledComponents.insert("a.B");
    EXPECT_EQ(package.componentState(component), ComponentState::DisabledByOverride);
    package.enabled = false;
    EXPECT_EQ(package.componentState(component), ComponentState::AppDisabled);
}

TEST(Device, FindPackageSkipsRemovedPackages) {
    Device device;
    InstalledPackage present;
    present.manifest.packageName = "com.a";
    InstalledPackage removed;
    removed.manifest.packageName = "com.b";
    removed.removed = true;
    device.packages = {present, removed};
    ASSERT_NE(device.findPackage("com.a"), nullptr);
    EXPECT_EQ(device.findPackage("com.b"), nullptr);
    EXPECT_EQ(device.findPackage("com.c"), nullptr);
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

// ---- large devices: manifests are parsed on worker threads but taken in list order
// ---------------

namespace {

// A device folder with `count` packages pkg000..; device.json lists them in that order.
// brokenManifests get unparseable XML; a non-empty entryOverride replaces entry `overrideAt`.
void writeLargeDevice(const TempDir& dir, int count, const std::vector<int>& brokenManifests,
                      int overrideAt = -1, const std::string& entryOverride = "") {
    std::string json = "{ \"packages\": [\n";
    for (int i = 0; i < count; ++i) {
        char name[16];
        std::snprintf(name, sizeof name, "pkg%03d", i);
        const bool broken = std::find(brokenManifests.begin(), brokenManifests.end(), i) !=
                            brokenManifests.end();
        dir.write(std::string(name) + "/AndroidManifest.xml",
                  broken ? "<manifest>\n  <application>\n</manifest>\n"
                         : manifestFor(std::string("com.example.") + name));
        json += i == overrideAt ? entryOverride
                                : std::string("  { \"manifest\": \"") + name +
                                      "/AndroidManifest.xml\" }";
        json += i + 1 < count ? ",\n" : "\n";
    }
    json += "] }\n";
    dir.write("device.json", json);
}

}  // namespace

TEST(LoadDevice, LargeDeviceKeepsListOrderAndReportsEveryPackage) {
    TempDir dir;
    writeLargeDevice(dir, 200, {});
    std::vector<size_t> done;
    DeviceLoadOptions options;
    options.progress = [&](size_t n, size_t total) {
        EXPECT_EQ(total, 200u);
        done.push_back(n);
    };
    Result<Device> device = loadDevice(dir.path(), options);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 200u);
    for (size_t i = 0; i < 200; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "com.example.pkg%03zu", i);
        EXPECT_EQ(device->packages[i].packageName(), name);
        ASSERT_LT(i, done.size());
        EXPECT_EQ(done[i], i + 1);
    }
}

TEST(LoadDeviceError, StrictLargeDeviceReportsTheFirstBrokenManifestInListOrder) {
    TempDir dir;
    // The later broken manifests are small and may well be parsed first on another thread.
    writeLargeDevice(dir, 120, {97, 41, 110});
    for (int run = 0; run < 5; ++run) {
        Result<Device> device = loadDevice(dir.path(), strictOptions());
        ASSERT_FALSE(device.has_value());
        EXPECT_EQ(device.error().where.file, (dir.path() / "pkg041/AndroidManifest.xml").string());
    }
}

TEST(LoadDevice, LargeDeviceSkipsEveryBrokenManifestInListOrder) {
    TempDir dir;
    writeLargeDevice(dir, 120, {97, 41, 110});
    Result<Device> device = loadDevice(dir.path());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->packages.size(), 117u);
    ASSERT_EQ(device->skipped.size(), 3u);
    EXPECT_EQ(device->skipped[0].file, (dir.path() / "pkg041/AndroidManifest.xml").string());
    EXPECT_EQ(device->skipped[1].file, (dir.path() / "pkg097/AndroidManifest.xml").string());
    EXPECT_EQ(device->skipped[2].file, (dir.path() / "pkg110/AndroidManifest.xml").string());
}

TEST(LoadDeviceError, StrictLargeDeviceEntryErrorAfterABrokenManifestLosesToIt) {
    TempDir dir;
    writeLargeDevice(dir, 60, {30}, 50, "  { \"manifest\": 7 }");
    Result<Device> device = loadDevice(dir.path(), strictOptions());
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().where.file, (dir.path() / "pkg030/AndroidManifest.xml").string());
}

TEST(LoadDeviceError, DeviceJsonEntryErrorStillFailsAfterASkippedManifest) {
    // A mistake in device.json itself is the user's, not a package Android would skip.
    TempDir dir;
    writeLargeDevice(dir, 60, {30}, 50, "  { \"manifest\": 7 }");
    Result<Device> device = loadDevice(dir.path());
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().where.file, (dir.path() / "device.json").string());
}

TEST(LoadDeviceError, LargeDeviceEntryErrorBeforeABrokenManifestWins) {
    TempDir dir;
    writeLargeDevice(dir, 60, {55}, 20, "  { \"manifest\": 7 }");
    Result<Device> device = loadDevice(dir.path(), strictOptions());
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().where.file, (dir.path() / "device.json").string());
    EXPECT_EQ(device.error().where.line, 22);
    EXPECT_NE(device.error().message.find("'packages[20].manifest'"), std::string::npos)
        << device.error().message;
}

TEST(LoadDevice, LargeFolderWithoutDeviceJsonKeepsPathOrder) {
    TempDir dir;
    writeLargeDevice(dir, 64, {});
    fs::remove(dir.path() / "device.json");
    Result<Device> device = loadDevice(dir.path());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), 64u);
    for (size_t i = 0; i + 1 < device->packages.size(); ++i) {
        EXPECT_LT(device->packages[i].packageName(), device->packages[i + 1].packageName());
    }
}

TEST(LoadDevice, LargeDeviceIsTheSameWhateverTheNumberOfThreads) {
    TempDir dir;
    writeLargeDevice(dir, 100, {});
    std::vector<std::vector<std::string>> loaded;
    for (unsigned threads : {1u, 3u, 0u}) {
        DeviceLoadOptions options;
        options.threads = threads;
        size_t calls = 0;
        options.progress = [&](size_t done, size_t) { EXPECT_EQ(done, ++calls); };
        Result<Device> device = loadDevice(dir.path(), options);
        ASSERT_TRUE(device.has_value()) << device.error().toString();
        EXPECT_EQ(calls, 100u);
        std::vector<std::string> names;
        for (const InstalledPackage& package : device->packages) {
            names.push_back(package.packageName() + " " + package.manifest.where.file);
        }
        loaded.push_back(names);
    }
    EXPECT_EQ(loaded[0], loaded[1]);
    EXPECT_EQ(loaded[0], loaded[2]);
}

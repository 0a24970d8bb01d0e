// Device loading: folders (with or without device.json), single manifests, skipped and refused
// packages, large devices, and the component state rules of R-8. device.json itself is
// device_json_test.cpp.

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

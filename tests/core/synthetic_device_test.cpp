// buildSyntheticDevice (synthetic_device.cpp): a generated device becomes the model in memory, as
// loadDevice would read it from the directory writeSyntheticDevice writes.

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/synthetic.h>
#include <unistd.h>

#include <filesystem>
#include <string>

using namespace hearth;

namespace fs = std::filesystem;

namespace {

SyntheticPackage package(const std::string& name, const std::string& application,
                         bool system = false, bool privileged = false) {
    SyntheticPackage out;
    out.packageName = name;
    out.manifestPath = name + "/AndroidManifest.xml";
    out.manifestXml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" + name +
        "\">\n<application>" + application + "</application>\n</manifest>\n";
    out.system = system;
    out.privileged = privileged;
    return out;
}

}  // namespace

TEST(BuildSyntheticDevice, CarriesTheNameAndEachPackagesFlagsInOrder) {
    SyntheticDevice synthetic;
    synthetic.name = "synthetic-2-seed1";
    synthetic.packages = {package("com.android.launcher3", "", true, true),
                          package("com.user.app", "")};
    const Result<Device> device = buildSyntheticDevice(synthetic);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_EQ(device->name, "synthetic-2-seed1");
    EXPECT_EQ(device->source, fs::path("synthetic-2-seed1"));
    EXPECT_EQ(device->apiLevel, 34);
    ASSERT_EQ(device->packages.size(), 2u);
    EXPECT_EQ(device->packages[0].manifest.packageName, "com.android.launcher3");
    EXPECT_TRUE(device->packages[0].system);
    EXPECT_TRUE(device->packages[0].privileged);
    EXPECT_EQ(device->packages[1].manifest.packageName, "com.user.app");
    EXPECT_FALSE(device->packages[1].system);
    EXPECT_EQ(device->packages[1].manifest.file, "com.user.app/AndroidManifest.xml");
}

TEST(BuildSyntheticDevice, AManifestWarningBecomesADeviceDiagnostic) {
    SyntheticDevice synthetic;
    synthetic.packages = {package("com.a", "<unknown-element/>")};
    const Result<Device> device = buildSyntheticDevice(synthetic);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->diagnostics.size(), 1u);
    EXPECT_EQ(device->diagnostics[0].where.file, "com.a/AndroidManifest.xml");
    EXPECT_EQ(device->diagnostics[0].severity, Diagnostic::Severity::Warning);
}

TEST(BuildSyntheticDevice, TheFirstManifestThatDoesNotParseFailsTheBuild) {
    SyntheticDevice synthetic;
    synthetic.packages = {package("com.a", ""), package("com.b", "<activity/>"),
                          package("com.c", "<service/>")};
    const Result<Device> device = buildSyntheticDevice(synthetic);
    ASSERT_FALSE(device.has_value());
    EXPECT_EQ(device.error().toString().rfind("com.b/AndroidManifest.xml:", 0), 0u)
        << device.error().toString();
}

TEST(BuildSyntheticDevice, GivesThePackagesLoadDeviceReadsFromTheWrittenDirectory) {
    const SyntheticDevice synthetic = generateSyntheticDevice({30, 5});
    const fs::path dir =
        fs::temp_directory_path() / ("hearth-synthetic-device-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    ASSERT_TRUE(writeSyntheticDevice(synthetic, dir).has_value());
    const Result<Device> loaded = loadDevice(dir);
    const Result<Device> built = buildSyntheticDevice(synthetic);
    fs::remove_all(dir);
    ASSERT_TRUE(loaded.has_value()) << loaded.error().toString();
    ASSERT_TRUE(built.has_value()) << built.error().toString();
    ASSERT_EQ(built->packages.size(), loaded->packages.size());
    for (size_t i = 0; i < built->packages.size(); ++i) {
        const InstalledPackage& a = built->packages[i];
        const InstalledPackage& b = loaded->packages[i];
        EXPECT_EQ(a.manifest.packageName, b.manifest.packageName);
        EXPECT_EQ(a.system, b.system) << a.manifest.packageName;
        EXPECT_EQ(a.privileged, b.privileged) << a.manifest.packageName;
        ASSERT_EQ(a.manifest.components.size(), b.manifest.components.size());
        for (size_t c = 0; c < a.manifest.components.size(); ++c) {
            EXPECT_EQ(a.manifest.components[c].filters, b.manifest.components[c].filters)
                << a.manifest.components[c].name;
        }
    }
}

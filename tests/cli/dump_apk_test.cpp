// `hearth dump` (and a device's home) read APKs exactly as they read the source manifests the APKs
// were compiled from: every sample compiled by aapt at test time gives the same JSON apart from
// locations, which for an APK name the APK and the element's index.

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "../core/apk_fixtures.h"
#include "cli.h"
#include "cli_run.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

#define SKIP_WITHOUT_AAPT()                              \
    do {                                                 \
        const std::string missing = aaptMissingReason(); \
        if (!missing.empty()) GTEST_SKIP() << missing;   \
    } while (false)

// The text dump with every "(line L:C)" and file path blanked, for comparing two renderings.
std::string withoutTextLocations(std::string text, const std::string& path) {
    text = std::regex_replace(text, std::regex(R"(\(line \d+:\d+\))"), "(line)");
    text = std::regex_replace(text, std::regex(R"(:\d+:\d+\n)"), "\n");
    for (size_t at; (at = text.find(path)) != std::string::npos;)
        text.replace(at, path.size(), "FILE");
    return text;
}

std::vector<fs::path> sampleManifests() {
    std::vector<fs::path> manifests;
    const fs::path root = fs::path(HEARTH_SAMPLES_DIR) / "devices";
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().filename() == "AndroidManifest.xml") manifests.push_back(entry.path());
    }
    std::sort(manifests.begin(), manifests.end());
    return manifests;
}

}  // namespace

TEST(DumpApk, JsonOfEverySampleApkEqualsJsonOfItsSourceApartFromLocations) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("dump-apk");
    const std::vector<fs::path> manifests = sampleManifests();
    ASSERT_FALSE(manifests.empty());
    for (size_t i = 0; i < manifests.size(); ++i) {
        const fs::path& manifest = manifests[i];
        const fs::path work = dir.path() / std::to_string(i);
        const fs::path apk = work / "app.apk";
        fs::create_directories(work);
        ASSERT_EQ(compileApk(manifest, apk, work), "") << manifest;

        const CliRun source = runCli({"dump", manifest.string(), "--json"});
        const CliRun compiled = runCli({"dump", apk.string(), "--json"});
        ASSERT_EQ(source.code, 0) << source.err;
        ASSERT_EQ(compiled.code, 0) << compiled.err;
        const nlohmann::json sourceJson = nlohmann::json::parse(source.out);
        const nlohmann::json apkJson = nlohmann::json::parse(compiled.out);
        EXPECT_EQ(withoutLocations(apkJson).dump(2), withoutLocations(sourceJson).dump(2))
            << manifest;

        // What is left out above: the APK's locations name the APK, element indices, no column.
        const nlohmann::json& package = apkJson["packages"][0];
        EXPECT_EQ(package["file"], apk.string());
        EXPECT_EQ(package["line"], 1);
        for (const nlohmann::json& component : package["components"]) {
            EXPECT_EQ(component["column"], 0);
            EXPECT_GT(component["line"].get<int>(), package["application"]["line"].get<int>());
        }
    }
}

TEST(DumpApk, TheTextTreeOfAnApkReadsLikeTheTreeOfItsSource) {
    SKIP_WITHOUT_AAPT();
    const fs::path manifest =
        fs::path(HEARTH_SAMPLES_DIR) / "devices/seed/browser/AndroidManifest.xml";
    if (!fs::exists(manifest)) GTEST_SKIP() << manifest << " is not in the samples";
    TempDir dir("dump-apk-text");
    const fs::path apk = dir.path() / "browser.apk";
    ASSERT_EQ(compileApk(manifest, apk, dir.path()), "");
    const CliRun source = runCli({"dump", manifest.string()});
    const CliRun compiled = runCli({"dump", apk.string()});
    ASSERT_EQ(compiled.code, 0) << compiled.err;
    EXPECT_EQ(withoutTextLocations(compiled.out, apk.string()),
              withoutTextLocations(source.out, manifest.string()));
    EXPECT_NE(compiled.out.find("Package [com.android.browser] " + apk.string()), std::string::npos)
        << compiled.out;
}

TEST(DumpApk, ABrokenApkExitsOneWithTheReasonOnStderr) {
    TempDir dir("dump-apk-bad");
    const fs::path apk = dir.path() / "broken.apk";
    writeFile(apk, "PK\x03\x04 but nothing else");
    const CliRun run = runCli({"dump", apk.string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, apk.string() + ": not an APK: no zip archive found in the file\n");
}

TEST(DumpApk, AHostileManifestInsideAnApkNamesTheEntryAndByteOffset) {
    TempDir dir("dump-apk-hostile");
    const fs::path apk = dir.path() / "hostile.apk";
    std::string axml = minimalManifest().bytes();
    setU32(axml, 4, static_cast<uint32_t>(axml.size() + 4096));
    writeFile(apk, apkWith(axml));
    const CliRun run = runCli({"dump", apk.string(), "--json"});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, apk.string() + ": AndroidManifest.xml: binary XML declares " +
                           std::to_string(axml.size() + 4096) + " bytes but only " +
                           std::to_string(axml.size()) +
                           " remain (truncated or wrong size), at byte offset 0\n");
}

TEST(DeviceWithApks, AFolderMixingApksAndSourceManifestsDumpsBoth) {
    SKIP_WITHOUT_AAPT();
    const fs::path seed = fs::path(HEARTH_SAMPLES_DIR) / "devices/seed";
    if (!fs::exists(seed / "launcher/AndroidManifest.xml")) GTEST_SKIP() << "no seed sample";
    TempDir dir("device-apks");
    const fs::path device = dir.path() / "device";
    fs::create_directories(device / "first");
    fs::copy_file(seed / "first/AndroidManifest.xml", device / "first/AndroidManifest.xml");
    ASSERT_EQ(
        compileApk(seed / "launcher/AndroidManifest.xml", device / "launcher.apk", dir.path()), "");
    const CliRun run = runCli({"dump", device.string(), "--json"});
    ASSERT_EQ(run.code, 0) << run.err;
    const nlohmann::json json = nlohmann::json::parse(run.out);
    ASSERT_EQ(json["packages"].size(), 2u);
    EXPECT_EQ(json["packages"][0]["package"], "com.example.first");
    EXPECT_EQ(json["packages"][1]["package"], "com.android.launcher");
    EXPECT_EQ(json["packages"][1]["file"], (device / "launcher.apk").string());
}

TEST(DeviceWithApks, AFolderWithoutDeviceJsonMixingApksAndManifestsShowsHome) {
    // Two folders with the same two apps: sources only, and the launcher as an APK.
    SKIP_WITHOUT_AAPT();
    const fs::path seed = fs::path(HEARTH_SAMPLES_DIR) / "devices/seed";
    if (!fs::exists(seed / "launcher/AndroidManifest.xml")) GTEST_SKIP() << "no seed sample";
    TempDir dir("device-folder-apks");
    const fs::path sources = dir.path() / "sources" / "device";
    const fs::path mixed = dir.path() / "mixed" / "device";
    for (const fs::path& device : {sources, mixed}) {
        fs::create_directories(device / "first");
        fs::copy_file(seed / "first/AndroidManifest.xml", device / "first/AndroidManifest.xml");
    }
    fs::create_directories(sources / "launcher");
    fs::copy(seed / "launcher", sources / "launcher", fs::copy_options::recursive);
    ASSERT_EQ(compileApk(seed / "launcher/AndroidManifest.xml", mixed / "launcher.apk", dir.path()),
              "");

    const CliRun expected = runCli({"home", sources.string(), "--json"});
    const CliRun actual = runCli({"home", mixed.string(), "--json"});
    ASSERT_EQ(expected.code, 0) << expected.err;
    ASSERT_EQ(actual.code, 0) << actual.err;
    const nlohmann::json home = nlohmann::json::parse(actual.out);
    EXPECT_EQ(withoutLocations(home).dump(2),
              withoutLocations(nlohmann::json::parse(expected.out)).dump(2));
    EXPECT_EQ(home["sites"][0]["component"], "com.android.launcher/.Launcher");
}

TEST(DeviceWithApks, HomeOnADeviceOfApksIsHomeOnItsSources) {
    // The seed device with its two launchers installed as APKs: every call site answers the
    // same, candidates and rejections included, with the APKs' locations.
    SKIP_WITHOUT_AAPT();
    const fs::path seed = fs::path(HEARTH_SAMPLES_DIR) / "devices/seed";
    if (!fs::exists(seed / "device.json")) GTEST_SKIP() << "no seed sample";
    TempDir dir("device-home-apks");
    const fs::path device = dir.path() / "seed";
    fs::copy(seed, device, fs::copy_options::recursive);
    std::string json = readFile(device / "device.json");
    for (const std::string app : {"launcher", "first"}) {
        const fs::path work = dir.path() / ("work-" + app);
        fs::create_directories(work);
        ASSERT_EQ(compileApk(seed / app / "AndroidManifest.xml", device / (app + ".apk"), work),
                  "");
        const std::string from = "\"" + app + "/AndroidManifest.xml\"";
        const size_t at = json.find(from);
        ASSERT_NE(at, std::string::npos) << "device.json no longer lists " << from;
        json.replace(at, from.size(), "\"" + app + ".apk\"");
        fs::remove_all(device / app);
    }
    writeFile(device / "device.json", json);

    for (const std::vector<std::string>& extra :
         {std::vector<std::string>{}, std::vector<std::string>{"--patch", "home-first"}}) {
        std::vector<std::string> fromSources = {"home", seed.string(), "--json"};
        std::vector<std::string> fromApks = {"home", device.string(), "--json"};
        fromSources.insert(fromSources.end(), extra.begin(), extra.end());
        fromApks.insert(fromApks.end(), extra.begin(), extra.end());
        const CliRun expected = runCli(fromSources);
        const CliRun actual = runCli(fromApks);
        ASSERT_EQ(expected.code, 0) << expected.err;
        ASSERT_EQ(actual.code, 0) << actual.err;
        EXPECT_EQ(withoutLocations(nlohmann::json::parse(actual.out)).dump(2),
                  withoutLocations(nlohmann::json::parse(expected.out)).dump(2));
        EXPECT_NE(actual.out.find((device / "launcher.apk").string()), std::string::npos);
    }
}

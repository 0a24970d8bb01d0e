// `hearth dump` (and a device's home) read APKs exactly as they read the source manifests the APKs
// were compiled from: every sample compiled by aapt at test time gives the same JSON apart from
// locations, which for an APK name the APK and the element's index.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
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

// ---- dump --jsonl: one package a line, for sharding a corpus (issue 14, "Beyond one machine") ----

namespace {

std::vector<fs::path> realWorldApks() {
    std::vector<fs::path> apks;
    const fs::path root = fs::path(HEARTH_SHARED_DIR) / "realworld" / "apks";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        if (entry.path().extension() == ".apk") apks.push_back(entry.path());
    }
    std::sort(apks.begin(), apks.end());
    return apks;
}

std::vector<std::string> linesOf(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST(DumpJsonl, EachPackageAndEachFailedFileIsOneJsonLine) {
    TempDir dir("dump-jsonl");
    const fs::path good = dir.path() / "good.apk";
    const fs::path bad = dir.path() / "bad.apk";
    writeFile(good, apkWith(minimalManifest().bytes()));
    writeFile(bad, "not a zip");
    const CliRun run = runCli({"dump", "--jsonl", good.string(), bad.string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, bad.string() + ": not an APK: no zip archive found in the file\n");
    const std::vector<std::string> lines = linesOf(run.out);
    ASSERT_EQ(lines.size(), 2u) << run.out;
    const nlohmann::json first = nlohmann::json::parse(lines[0]);
    EXPECT_EQ(first["package"], "com.example.app");
    EXPECT_EQ(first["file"], good.string());
    EXPECT_EQ(first["components"].size(), 1u);
    EXPECT_TRUE(first["diagnostics"].is_array());
    const nlohmann::json second = nlohmann::json::parse(lines[1]);
    EXPECT_EQ(second["file"], bad.string());
    EXPECT_EQ(second["error"]["message"], "not an APK: no zip archive found in the file");
}

TEST(DumpJsonl, TheJsonOfAPackageIsTheOneDumpJsonPrints) {
    TempDir dir("dump-jsonl-same");
    const fs::path apk = dir.path() / "app.apk";
    writeFile(apk, apkWith(minimalManifest().bytes()));
    const CliRun lines = runCli({"dump", "--jsonl", apk.string()});
    const CliRun whole = runCli({"dump", "--json", apk.string()});
    ASSERT_EQ(lines.code, 0) << lines.err;
    ASSERT_EQ(whole.code, 0) << whole.err;
    nlohmann::json line = nlohmann::json::parse(lines.out);
    line.erase("diagnostics");
    EXPECT_EQ(line, nlohmann::json::parse(whole.out)["packages"][0]);
}

// The README's recipe, with xargs -P standing in for GNU parallel: the real-world corpus sharded
// over separate hearth processes gives exactly the lines one process gives, in some order.
TEST(DumpJsonl, ACorpusShardedOverProcessesGivesTheLinesOfOneProcess) {
    const std::vector<fs::path> apks = realWorldApks();
    if (apks.empty()) GTEST_SKIP() << "no real-world APKs under HEARTH_SHARED_DIR";
    TempDir dir("dump-jsonl-shards");
    const fs::path list = dir.path() / "list.txt";
    const fs::path out = dir.path() / "out.jsonl";
    std::string names;
    std::vector<std::string> args = {"dump", "--jsonl"};
    for (const fs::path& apk : apks) {
        names += apk.string() + '\n';
        args.push_back(apk.string());
    }
    writeFile(list, names);
    const std::string command = "xargs -d '\\n' -P 4 -n 16 '" + std::string(HEARTH_BINARY) +
                                "' dump --jsonl < '" + list.string() + "' > '" + out.string() +
                                "' 2>/dev/null";
    // xargs exits 123 when some hearth exited 1: a corpus holds broken APKs on purpose.
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status)) << command;
    EXPECT_TRUE(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 123) << WEXITSTATUS(status);

    std::vector<std::string> sharded = linesOf(readFile(out));
    std::vector<std::string> single = linesOf(runCli(args).out);
    EXPECT_EQ(sharded.size(), apks.size());
    std::sort(sharded.begin(), sharded.end());
    std::sort(single.begin(), single.end());
    EXPECT_EQ(sharded, single);
    size_t packages = 0;
    for (const std::string& line : sharded) {
        const nlohmann::json object = nlohmann::json::parse(line);  // every line is JSON
        if (object.contains("package")) ++packages;
    }
    EXPECT_GT(packages, apks.size() / 2);  // most of the corpus parses
}

#include <gtest/gtest.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/synthetic.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

using namespace hearth;

namespace {

size_t countOccurrences(const std::string& text, const std::string& needle) {
    size_t count = 0;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        ++count;
    }
    return count;
}

// FNV-1a: a digest that is the same everywhere, for pinning generated output.
uint64_t fnv1a(std::string_view text, uint64_t hash = 0xcbf29ce484222325ULL) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

uint64_t digest(const SyntheticDevice& device) {
    uint64_t hash = fnv1a(device.deviceJson());
    for (const SyntheticPackage& package : device.packages) hash = fnv1a(package.manifestXml, hash);
    return fnv1a(device.probesText(), hash);
}

std::filesystem::path freshTempDir(const std::string& name) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() /
        ("hearth-synthetic-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir);
    return dir;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST(SyntheticDevice, SameSeedGivesByteIdenticalOutput) {
    const SyntheticDevice first = generateSyntheticDevice({200, 42});
    const SyntheticDevice second = generateSyntheticDevice({200, 42});
    ASSERT_EQ(first.packages.size(), second.packages.size());
    for (size_t i = 0; i < first.packages.size(); ++i) {
        EXPECT_EQ(first.packages[i].manifestXml, second.packages[i].manifestXml) << i;
    }
    EXPECT_EQ(first.deviceJson(), second.deviceJson());
    EXPECT_EQ(first.probesText(), second.probesText());
}

TEST(SyntheticDevice, DifferentSeedsGiveDifferentDevices) {
    EXPECT_NE(digest(generateSyntheticDevice({50, 1})), digest(generateSyntheticDevice({50, 2})));
}

// The generator avoids the standard library's distributions so that this digest holds with every
// standard library. A deliberate change to the generator changes it: update it in the same commit.
TEST(SyntheticDevice, OutputIsPinnedSoThatItIsTheSameOnEveryPlatform) {
    EXPECT_EQ(digest(generateSyntheticDevice({50, 7})), 0x95bea8e6e50e1a04ULL);
}

TEST(SyntheticDevice, HasTheRequestedNumberOfPackagesWithUniqueNames) {
    const SyntheticDevice device = generateSyntheticDevice({300, 5});
    ASSERT_EQ(device.packages.size(), 300u);
    std::set<std::string> names;
    for (const SyntheticPackage& package : device.packages) {
        names.insert(package.packageName);
        EXPECT_EQ(package.manifestPath, package.packageName + "/AndroidManifest.xml");
        EXPECT_NE(package.manifestXml.find("package=\"" + package.packageName + "\""),
                  std::string::npos);
    }
    EXPECT_EQ(names.size(), 300u);
}

TEST(SyntheticDevice, StartsWithASystemLauncherBrowserAndSettingsWithFallbackHome) {
    const SyntheticDevice device = generateSyntheticDevice({10, 3});
    ASSERT_GE(device.packages.size(), 3u);
    EXPECT_EQ(device.packages[0].packageName, "com.android.launcher3");
    EXPECT_TRUE(device.packages[0].system && device.packages[0].privileged);
    EXPECT_NE(device.packages[0].manifestXml.find("android.intent.category.HOME"),
              std::string::npos);
    EXPECT_EQ(device.packages[1].packageName, "org.chromium.webview_shell");
    EXPECT_TRUE(device.packages[1].system);
    EXPECT_EQ(device.packages[2].packageName, "com.android.settings");
    EXPECT_NE(device.packages[2].manifestXml.find("android:priority=\"-1000\""), std::string::npos);
}

TEST(SyntheticDevice, FilterCountsAgreeWithTheWrittenManifests) {
    const SyntheticDevice device = generateSyntheticDevice({150, 9});
    size_t total = 0;
    for (const SyntheticPackage& package : device.packages) {
        EXPECT_EQ(countOccurrences(package.manifestXml, "<intent-filter"), package.filterCount)
            << package.packageName;
        total += package.filterCount;
    }
    EXPECT_EQ(device.filterCount, total);
}

TEST(SyntheticDevice, TenThousandPackagesCarryAboutOneHundredThousandFilters) {
    const SyntheticDevice device = generateSyntheticDevice({10000, 1});
    EXPECT_GT(device.filterCount, 80000u);
    EXPECT_LT(device.filterCount, 130000u);
}

TEST(SyntheticDevice, ProbesNameEveryIntentShapeTheBenchmarksUse) {
    const SyntheticDevice device = generateSyntheticDevice({1000, 1});
    std::set<std::string> names;
    for (const SyntheticProbe& probe : device.probes) {
        names.insert(probe.name);
        EXPECT_FALSE(probe.args.empty()) << probe.name;
        for (const std::string& arg : probe.args) {
            EXPECT_EQ(arg.find(' '), std::string::npos) << probe.name << ": " << arg;
        }
    }
    for (const char* expected : {"action-private", "action-shared", "web", "mime", "mime-common",
                                 "home", "launcher-all", "none"}) {
        EXPECT_EQ(names.count(expected), 1u) << expected;
    }
}

TEST(SyntheticDevice, WebProbeNamesAHostThatSomePackageDeclares) {
    const SyntheticDevice device = generateSyntheticDevice({1000, 1});
    auto web = std::find_if(device.probes.begin(), device.probes.end(),
                            [](const SyntheticProbe& p) { return p.name == "web"; });
    ASSERT_NE(web, device.probes.end());
    const std::string& uri = web->args.back();
    ASSERT_EQ(uri.rfind("https://", 0), 0u) << uri;
    const std::string host = uri.substr(8, uri.find('/', 8) - 8);
    const bool declared = std::any_of(
        device.packages.begin(), device.packages.end(), [&](const SyntheticPackage& package) {
            return package.manifestXml.find("android:host=\"" + host + "\"") != std::string::npos;
        });
    EXPECT_TRUE(declared) << host;
}

TEST(SyntheticDevice, DeviceJsonListsEveryPackageWithItsFlags) {
    const SyntheticDevice device = generateSyntheticDevice({120, 4});
    const nlohmann::json json = nlohmann::json::parse(device.deviceJson());
    EXPECT_EQ(json.at("name"), "synthetic-120-seed4");
    EXPECT_EQ(json.at("api"), 34);
    ASSERT_EQ(json.at("packages").size(), device.packages.size());
    for (size_t i = 0; i < device.packages.size(); ++i) {
        const nlohmann::json& entry = json.at("packages")[i];
        EXPECT_EQ(entry.at("manifest"), device.packages[i].manifestPath);
        EXPECT_EQ(entry.value("system", false), device.packages[i].system);
        EXPECT_EQ(entry.value("privileged", false), device.packages[i].privileged);
    }
}

TEST(SyntheticDevice, WritesEveryManifestTheDeviceJsonAndTheProbes) {
    const SyntheticDevice device = generateSyntheticDevice({25, 11});
    const std::filesystem::path dir = freshTempDir("write");
    ASSERT_TRUE(writeSyntheticDevice(device, dir).has_value());
    for (const SyntheticPackage& package : device.packages) {
        EXPECT_EQ(readFile(dir / package.manifestPath), package.manifestXml);
    }
    EXPECT_EQ(readFile(dir / "device.json"), device.deviceJson());
    EXPECT_EQ(readFile(dir / "probes.txt"), device.probesText());
    std::filesystem::remove_all(dir);
}

TEST(SyntheticDevice, WritingBelowARegularFileFailsNamingThePath) {
    const std::filesystem::path dir = freshTempDir("blocked");
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "file") << "x";
    const Result<void> written =
        writeSyntheticDevice(generateSyntheticDevice({3, 1}), dir / "file");
    ASSERT_FALSE(written.has_value());
    EXPECT_EQ(written.error().toString(),
              "cannot write '" + (dir / "file").string() + "': Not a directory");
    std::filesystem::remove_all(dir);
}

TEST(SyntheticDevice, EveryManifestParsesWithoutAWarning) {
    const SyntheticDevice synthetic = generateSyntheticDevice({400, 13});
    const Result<Device> device = buildSyntheticDevice(synthetic);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    ASSERT_EQ(device->packages.size(), synthetic.packages.size());
    for (const Diagnostic& diagnostic : device->diagnostics) ADD_FAILURE() << diagnostic.toString();
    size_t filters = 0;
    for (const InstalledPackage& package : device->packages) {
        for (const Component& component : package.manifest.components) {
            filters += component.filters.size();
        }
    }
    EXPECT_EQ(filters, synthetic.filterCount);
    EXPECT_EQ(device->packages[0].system, synthetic.packages[0].system);
}

namespace {

std::vector<ResolveInfo> queryProbe(const SyntheticDevice& synthetic, const PackageIndex& index,
                                    const std::string& name) {
    for (const SyntheticProbe& probe : synthetic.probes) {
        if (probe.name != name) continue;
        Result<Intent> intent = parseIntentArgs(probe.args);
        EXPECT_TRUE(intent.has_value()) << name << ": " << intent.error().toString();
        if (!intent) return {};
        return index.query(*intent, 0);
    }
    ADD_FAILURE() << "no probe " << name;
    return {};
}

bool hasPackage(const std::vector<ResolveInfo>& results, const std::string& packageName) {
    return std::any_of(results.begin(), results.end(), [&](const ResolveInfo& info) {
        return info.component.packageName == packageName;
    });
}

}  // namespace

// The benchmarks rely on what each probe finds; these are the shapes docs/synthetic-devices.md
// promises.
TEST(SyntheticDevice, ProbesFindTheCandidatesTheirDescriptionsPromise) {
    const SyntheticDevice synthetic = generateSyntheticDevice({2000, 1});
    const Result<Device> device = buildSyntheticDevice(synthetic);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    const PackageIndex index(*device);

    const std::vector<ResolveInfo> home = queryProbe(synthetic, index, "home");
    EXPECT_TRUE(hasPackage(home, "com.android.launcher3"));
    EXPECT_TRUE(hasPackage(home, "com.android.settings"));
    EXPECT_LE(home.size(), 10u);

    const std::vector<ResolveInfo> web = queryProbe(synthetic, index, "web");
    EXPECT_TRUE(hasPackage(web, "org.chromium.webview_shell"));
    EXPECT_GE(web.size(), 2u);
    EXPECT_LE(web.size(), 10u);

    const std::vector<ResolveInfo> own = queryProbe(synthetic, index, "action-private");
    ASSERT_FALSE(own.empty());
    for (const ResolveInfo& info : own) {
        EXPECT_EQ(info.component.packageName, own[0].component.packageName);
    }

    EXPECT_FALSE(queryProbe(synthetic, index, "mime").empty());
    EXPECT_GT(queryProbe(synthetic, index, "mime-common").size(), 10u);
    EXPECT_GT(queryProbe(synthetic, index, "launcher-all").size(), 1000u);
    EXPECT_TRUE(queryProbe(synthetic, index, "none").empty());
}

TEST(SyntheticCases, EachLineIsAConformanceCaseWithAnId) {
    size_t lines = 0;
    generateFilterMatchCases(500, 3, [&](std::string_view line) {
        ++lines;
        const nlohmann::json json = nlohmann::json::parse(line);
        EXPECT_EQ(json.at("id"), "gen-" + std::to_string(lines));
        EXPECT_TRUE(json.at("filter").is_object());
        const nlohmann::json& intent = json.at("intent");
        for (const char* key : {"action", "categories", "data", "type"}) {
            EXPECT_TRUE(intent.contains(key)) << line;
        }
    });
    EXPECT_EQ(lines, 500u);
}

TEST(SyntheticCases, SameSeedGivesTheSameCases) {
    std::string first;
    std::string second;
    generateFilterMatchCases(200, 8, [&](std::string_view line) { first.append(line) += '\n'; });
    generateFilterMatchCases(200, 8, [&](std::string_view line) { second.append(line) += '\n'; });
    EXPECT_EQ(first, second);
    std::string other;
    generateFilterMatchCases(200, 9, [&](std::string_view line) { other.append(line) += '\n'; });
    EXPECT_NE(first, other);
}

// Every sample device against the expectation written by hand next to it (expected-home.json),
// stock and patched, every script in its folder with its own expectations, and, where a device has
// one, its web links (expected-links.json: what am start opens and pm query-activities lists, W-).

#include <gtest/gtest.h>
#include <hearth/device.h>
#include <hearth/home.h>
#include <hearth/package_index.h>
#include <hearth/simulate.h>
#include <hearth/start.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace hearth;
namespace fs = std::filesystem;

namespace {

const fs::path kDevices = fs::path(HEARTH_SAMPLES_DIR) / "devices";

std::vector<std::string> sampleDevices() {
    std::vector<std::string> names;
    for (const fs::directory_entry& entry : fs::directory_iterator(kDevices)) {
        if (entry.is_directory() && fs::exists(entry.path() / "device.json")) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The expectation vocabulary of expected-home.json.
std::string describe(const HomeSiteReport& site) {
    if (site.site == home_site::kRecents) {
        return site.hidden ? "hides " + site.hidden->flattenToShortString() : "hides nothing";
    }
    std::string out = homeOutcomeName(site.outcome);
    if (site.component) out += " " + site.component->flattenToShortString();
    for (const ComponentName& c : site.chooser) out += " " + c.flattenToShortString();
    return out;
}

// Same rule as `hearth home --compare`: the device's own patch, else HOME_FIRST everywhere.
FrameworkPatch patchedFramework(const Device& device) {
    return device.patch.homeFirstSites.empty() ? fullHomeFirstPatch() : device.patch;
}

void expectSites(const Device& device, const nlohmann::json& expected, const std::string& label) {
    const HomeReport report = analyzeHome(device);
    ASSERT_EQ(report.sites.size(), homeSiteIds().size());
    for (const HomeSiteReport& site : report.sites) {
        ASSERT_TRUE(expected.contains(site.site)) << label << ": no expectation for " << site.site;
        EXPECT_EQ(describe(site), expected[site.site].get<std::string>())
            << label << ", site " << site.site << ": " << site.rule << ": " << site.reason;
    }
}

void expectStockAndPatched(Device device, const nlohmann::json& expected,
                           const std::string& label) {
    const FrameworkPatch patched = patchedFramework(device);
    device.patch = FrameworkPatch{};
    expectSites(device, expected.at("stock"), label + " (stock)");
    device.patch = patched;
    expectSites(device, expected.at("patched"), label + " (" + describePatch(patched) + ")");
}

// W-3 end to end: am start and pm query-activities for each link of expected-links.json.
void expectLinks(const fs::path& folder) {
    const nlohmann::json expected = nlohmann::json::parse(readFile(folder / "expected-links.json"));
    auto device = loadDevice(folder);
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    const PackageIndex index(*device);
    ASSERT_FALSE(expected.at("links").empty());
    for (const nlohmann::json& link : expected.at("links")) {
        const std::string url = link.at("url").get<std::string>();
        std::vector<std::string> args = {"-a", "android.intent.action.VIEW", "-c",
                                         "android.intent.category.BROWSABLE", "-d", url};
        if (link.contains("flags")) {
            args.push_back("-f");
            args.push_back(link["flags"].get<std::string>());
        }
        Result<Intent> intent = parseIntentArgs(args);
        ASSERT_TRUE(intent.has_value()) << intent.error().toString();
        SCOPED_TRACE(url + (link.contains("flags") ? " -f " + args.back() : ""));

        const StartResult start = resolveStart(index, *intent);
        std::string started = resolveOutcomeName(start.result.outcome);
        if (start.result.outcome == ResolveOutcome::Activity) {
            started += " " + start.result.chosen->component.flattenToShortString();
        }
        for (const ComponentName& entry : start.chooser) {
            started += " " + entry.flattenToShortString();
        }
        EXPECT_EQ(started, link.at("start").get<std::string>()) << start.result.reason;
        ASSERT_FALSE(start.result.steps.notes.empty());
        const std::string rule = link.at("filtering").get<std::string>();
        EXPECT_EQ(start.result.steps.notes.front().rfind(rule + ":", 0), 0u)
            << start.result.steps.notes.front();

        std::vector<std::string> listed;
        for (const ResolveInfo& info : index.query(*intent, 0)) {
            listed.push_back(info.component.flattenToShortString());
        }
        EXPECT_EQ(listed, link.at("pmQuery").get<std::vector<std::string>>());
    }
}

class SampleDevice : public testing::TestWithParam<std::string> {
  protected:
    fs::path folder() const { return kDevices / GetParam(); }
};

}  // namespace

TEST_P(SampleDevice, MatchesItsHandWrittenHomeExpectationsStockAndPatched) {
    const fs::path expectedPath = folder() / "expected-home.json";
    ASSERT_TRUE(fs::exists(expectedPath)) << "every sample device needs an expected-home.json";
    const nlohmann::json expected = nlohmann::json::parse(readFile(expectedPath));
    auto device = loadDevice(folder());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    expectStockAndPatched(*device, expected, GetParam());
    if (!expected.contains("variants")) return;
    for (const nlohmann::json& variant : expected["variants"]) {
        Device changed = *device;
        if (variant.contains("api")) changed.apiLevel = variant["api"].get<int>();
        if (variant.contains("userUnlocked"))
            changed.userUnlocked = variant["userUnlocked"].get<bool>();
        if (variant.contains("userSetupComplete")) {
            changed.userSetupComplete = variant["userSetupComplete"].get<bool>();
        }
        expectStockAndPatched(changed, variant,
                              GetParam() + " [" + variant.value("description", "variant") + "]");
    }
}

TEST_P(SampleDevice, RunsEveryScriptInItsFolderWithItsExpectationsMet) {
    for (const fs::directory_entry& entry : fs::directory_iterator(folder())) {
        if (entry.path().extension() != ".script") continue;
        SCOPED_TRACE(entry.path().string());
        auto device = loadDevice(folder());
        ASSERT_TRUE(device.has_value()) << device.error().toString();
        auto script = loadSimulationScript(entry.path());
        ASSERT_TRUE(script.has_value()) << script.error().toString();
        const SimulationResult result = runSimulation(std::move(*device), *script);
        EXPECT_FALSE(result.failure.has_value()) << result.failure->toString() << "\n"
                                                 << renderSimulationText(result);
        EXPECT_GT(result.expectationsMet, 0u) << "a sample script must check what it shows";
    }
}

TEST_P(SampleDevice, HasADescriptionAndARowInTheDevicesReadme) {
    auto device = loadDevice(folder());
    ASSERT_TRUE(device.has_value()) << device.error().toString();
    EXPECT_FALSE(device->description.empty());
    const std::string readme = readFile(kDevices / "README.md");
    EXPECT_NE(readme.find("| `" + GetParam() + "` |"), std::string::npos)
        << "samples/devices/README.md needs a row for " << GetParam();
}

TEST(SampleLinks, EveryDeviceWithExpectedLinksOpensAndListsWhatItSays) {
    size_t checked = 0;
    for (const std::string& name : sampleDevices()) {
        if (!fs::exists(kDevices / name / "expected-links.json")) continue;
        SCOPED_TRACE(name);
        expectLinks(kDevices / name);
        ++checked;
    }
    EXPECT_GE(checked, 2u) << "app-links and legacy-links carry expected-links.json";
}

INSTANTIATE_TEST_SUITE_P(Samples, SampleDevice, testing::ValuesIn(sampleDevices()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

// Real third-party manifests (../shared/corpus/manifests): every one parses, and the counts of a
// few were checked by hand.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace hearth;

namespace {

const std::filesystem::path kCorpus =
    std::filesystem::path(HEARTH_SHARED_DIR) / "corpus" / "manifests";

std::vector<std::filesystem::path> corpusManifests() {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kCorpus, ec)) {
        if (entry.path().filename() == "AndroidManifest.xml") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

size_t filterCount(const Manifest& manifest) {
    size_t filters = 0;
    for (const Component& component : manifest.components) filters += component.filters.size();
    return filters;
}

// Fully qualified names of the activities and aliases with a HOME filter, in document order.
std::vector<std::string> homeActivities(const Manifest& manifest) {
    std::vector<std::string> names;
    for (const Component& component : manifest.components) {
        for (const IntentFilter& filter : component.filters) {
            if (filter.hasCategory("android.intent.category.HOME")) {
                names.push_back(component.name);
                break;
            }
        }
    }
    return names;
}

}  // namespace

TEST(Corpus, EveryManifestParsesWithoutError) {
    if (!std::filesystem::is_directory(kCorpus)) GTEST_SKIP() << kCorpus << " is not there";
    const std::vector<std::filesystem::path> files = corpusManifests();
    EXPECT_GE(files.size(), 20u);
    for (const std::filesystem::path& file : files) {
        Result<Manifest> manifest = loadManifest(file);
        EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
        if (manifest.has_value()) {
            EXPECT_FALSE(manifest->components.empty()) << file;
        }
    }
}

// The expected numbers were counted twice, independently of Hearth: with python3's
// xml.dom.minidom (the direct children <activity>, <activity-alias>, <service>, <receiver>,
// <provider> of <application>, leaving out those with tools:node="remove"; their
// <intent-filter> children, leaving out action-less ones of activities and receivers, of which
// these files have none) and with grep -c on the element names (which agrees once neo-launcher's
// two tools:node="remove" activities are subtracted). The HOME activities were listed with
// minidom and checked against grep 'android.intent.category.HOME"'.
struct CountedManifest {
    const char* folder;
    size_t components;
    size_t filters;
    std::vector<std::string> home;
    const char* package;  // for manifests without a package attribute (Gradle namespace)
};

class CorpusCounts : public testing::TestWithParam<CountedManifest> {};

TEST_P(CorpusCounts, ComponentsFiltersAndHomeActivitiesMatchTheHandCount) {
    if (!std::filesystem::is_directory(kCorpus)) GTEST_SKIP() << kCorpus << " is not there";
    const CountedManifest& expected = GetParam();
    ParseOptions options;
    if (expected.package != nullptr) options.packageName = expected.package;
    Result<Manifest> manifest =
        loadManifest(kCorpus / expected.folder / "AndroidManifest.xml", options);
    ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
    EXPECT_EQ(manifest->components.size(), expected.components);
    EXPECT_EQ(filterCount(*manifest), expected.filters);
    EXPECT_EQ(homeActivities(*manifest), expected.home);
}

INSTANTIATE_TEST_SUITE_P(
    Corpus, CorpusCounts,
    testing::Values(
        CountedManifest{"aosp-launcher2", 6, 5, {"com.android.launcher2.Launcher"}, nullptr},
        CountedManifest{"aosp-provision", 1, 1, {"com.android.provision.DefaultActivity"}, nullptr},
        CountedManifest{"aosp-settings",
                        323,
                        275,
                        {"com.android.settings.CryptKeeper", "com.android.settings.FallbackHome"},
                        nullptr},
        CountedManifest{"neo-launcher",
                        15,
                        7,
                        {"com.saggitt.omega.OmegaLauncher", "com.saggitt.omega.FakeLauncher"},
                        "com.saggitt.omega"},
        CountedManifest{"fossify-launcher",
                        26,
                        23,
                        {"org.fossify.home.activities.MainActivity"},
                        "org.fossify.home"},
        CountedManifest{"kiss",
                        14,
                        11,
                        {"fr.neamar.kiss.MainActivity", "fr.neamar.kiss.DummyActivity"},
                        "fr.neamar.kiss"},
        CountedManifest{"k9mail", 43, 14, {}, nullptr},
        CountedManifest{"signal", 144, 51, {}, "org.thoughtcrime.securesms"}),
    [](const testing::TestParamInfo<CountedManifest>& info) {
        std::string name = info.param.folder;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST(Corpus, SettingsFallbackHomeKeepsItsLowPriority) {
    if (!std::filesystem::is_directory(kCorpus)) GTEST_SKIP() << kCorpus << " is not there";
    Result<Manifest> manifest = loadManifest(kCorpus / "aosp-settings" / "AndroidManifest.xml");
    ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
    const Component* fallback = manifest->findComponent("com.android.settings.FallbackHome");
    ASSERT_NE(fallback, nullptr);
    ASSERT_EQ(fallback->filters.size(), 1u);
    EXPECT_EQ(fallback->filters[0].priority, -1000);  // spec S12
    // Direct boot comes from <application android:directBootAware="true">; the activity itself
    // does not declare it, and the model keeps what each element declares.
    EXPECT_TRUE(manifest->application.directBootAware);
    EXPECT_FALSE(fallback->directBootAware);
}

// /data/system state (device-formats 2): the real packages.xml of the 2.2.2 and 2.3.3 phones, the
// package-restrictions.xml of two Android 9 phones, the same documents as ABX, and how the state
// lands on a device.

#include <gtest/gtest.h>
#include <hearth/device_state.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "abx_fixtures.h"
#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

std::string snapshot(const std::string& relative) {
    std::ifstream in(fs::path(HEARTH_SHARED_DIR) / "realworld" / "device-snapshots" / relative,
                     std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool disabled(const DeviceState& state, const std::string& package, const std::string& component) {
    const PackageStateEntry* entry = state.find(package);
    return entry != nullptr && entry->disabledComponents.count(component) > 0;
}

// device-formats 5: three setup HOME activities disabled; API 8 from <last-platform-version>.
TEST(PackagesXml, Android222SpicaHoldsItsDisabledSetupActivities) {
    auto state = parsePackagesXml(snapshot("android2.2.2-gt-i5700-spica/data_system_packages.xml"),
                                  "spica/packages.xml");
    ASSERT_TRUE(state) << state.error().toString();
    EXPECT_EQ(state->apiLevel, 8);
    EXPECT_EQ(state->packages.size(), 85u);
    EXPECT_TRUE(disabled(*state, "com.android.sdksetup", "com.android.sdksetup.DefaultActivity"));
    EXPECT_TRUE(disabled(*state, "com.android.setupwizard", "com.android.setupwizard.SetupWizardActivity"));
    EXPECT_TRUE(disabled(*state, "com.android.provision", "com.android.provision.DefaultActivity"));
    const PackageStateEntry* launcher = state->find("com.android.launcher");
    ASSERT_NE(launcher, nullptr);
    EXPECT_EQ(launcher->codePath, "/system/app/Launcher2.apk");
    EXPECT_EQ(launcher->system, true);
    EXPECT_EQ(launcher->privileged, false);
    // Two HOME launchers and no preferred entry: the 2.x chooser (device-formats 5).
    EXPECT_TRUE(state->preferredRecorded);
    EXPECT_TRUE(state->preferred.empty());
    EXPECT_NE(state->find("org.adw.launcher"), nullptr);
}

TEST(PackagesXml, Android233JetHasAnEmptyPreferredList) {
    auto state = parsePackagesXml(snapshot("android2.3.3-gt-s8000-jet/data_system_packages.xml"),
                                  "jet/packages.xml");
    ASSERT_TRUE(state) << state.error().toString();
    EXPECT_EQ(state->apiLevel, 10);
    EXPECT_EQ(state->packages.size(), 52u);
    EXPECT_TRUE(disabled(*state, "com.android.sdksetup", "com.android.sdksetup.DefaultActivity"));
    EXPECT_TRUE(state->preferredRecorded);
    EXPECT_TRUE(state->preferred.empty());
    EXPECT_TRUE(state->diagnostics.empty());
}

TEST(PackagesXml, ModernFlagsUpdatedPackagesAndDomainVerification) {
    const std::string xml = R"(<?xml version='1.0' encoding='utf-8' standalone='yes' ?>
<packages>
<version sdkVersion="31" databaseVersion="3" />
<version volumeUuid="primary_physical" sdkVersion="30" />
<package name="com.android.launcher3" codePath="/data/app/~~x==/com.android.launcher3-y==" publicFlags="940064389" privateFlags="0" />
<updated-package name="com.android.launcher3" codePath="/system_ext/priv-app/Launcher3QuickStep" />
<package name="com.example.user" codePath="/data/app/com.example.user-1" publicFlags="0" privateFlags="0" />
<domain-verifications><active>
<package-state packageName="com.example.user" id="u" hasAutoVerifyDomains="true">
<state><domain name="example.com" state="1" /></state>
<user-states><user-state userId="0" allowLinkHandling="true"><enabled-hosts><host name="example.org" /></enabled-hosts></user-state></user-states>
</package-state></active></domain-verifications>
</packages>
)";
    auto state = parsePackagesXml(xml, "packages.xml");
    ASSERT_TRUE(state) << state.error().toString();
    EXPECT_EQ(state->apiLevel, 31);
    const PackageStateEntry* launcher = state->find("com.android.launcher3");
    ASSERT_NE(launcher, nullptr);
    EXPECT_TRUE(launcher->updatedSystemApp);
    EXPECT_EQ(launcher->system, true);
    EXPECT_EQ(launcher->privileged, true);  // from the <updated-package> original in priv-app
    EXPECT_EQ(state->find("com.example.user")->system, false);
    ASSERT_EQ(state->domainVerification.size(), 1u);
    EXPECT_EQ(state->domainVerification[0].hostStates.at("example.com"), 1);
    EXPECT_EQ(state->domainVerification[0].userEnabledHosts.count("example.org"), 1u);
}

TEST(PackagesXml, NotXmlAndAnotherRootAreExactErrors) {
    auto broken = parsePackagesXml("<packages>\n<package name=\"a\"\n", "p.xml");
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().toString(),
              "p.xml:2:18: not well-formed XML: error parsing start element tag");
    auto other = parsePackagesXml("<package-restrictions/>", "p.xml");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().toString(),
              "p.xml:1:1: expected a <packages> document, got <package-restrictions>");
}

// device-formats 5: Provision disabled, default browser, SENDTO preferred (MIUI 10, Android 9).
TEST(PackageRestrictions, Miui10HoldsProvisionDefaultBrowserAndSendto) {
    auto state = parsePackageRestrictions(snapshot("android9-miui10-sirius/package-restrictions.xml"),
                                          "miui/package-restrictions.xml");
    ASSERT_TRUE(state) << state.error().toString();
    EXPECT_EQ(state->packages.size(), 242u);
    EXPECT_TRUE(disabled(*state, "com.android.provision",
                         "com.android.provision.activities.DefaultActivity"));
    EXPECT_EQ(state->defaultBrowser, "com.android.browser");
    ASSERT_EQ(state->preferred.size(), 4u);
    const PreferredActivity& sendto = state->preferred[0];
    EXPECT_EQ(sendto.component.flattenToShortString(), "com.android.mms/.ui.ComposeMessageRouterActivity");
    EXPECT_EQ(sendto.filter.actions, std::vector<std::string>{"android.intent.action.SENDTO"});
    EXPECT_EQ(sendto.match, 0x200000);
    EXPECT_TRUE(sendto.always);
    EXPECT_EQ(sendto.set.size(), 1u);
}

// device-formats 5: HOME preferred with a set of two, always=false records, OEM attributes.
TEST(PackageRestrictions, NokiaHoldsAHomeChoiceOfTwoAndJustOnceRecords) {
    auto state = parsePackageRestrictions(snapshot("android9-nokia-fih/package-restrictions.xml"),
                                          "nokia/package-restrictions.xml");
    ASSERT_TRUE(state) << state.error().toString();
    EXPECT_EQ(state->packages.size(), 264u);
    const PreferredActivity* home = nullptr;
    int justOnce = 0;
    for (const PreferredActivity& entry : state->preferred) {
        if (entry.filter.hasCategory("android.intent.category.HOME")) home = &entry;
        if (!entry.always) ++justOnce;
    }
    ASSERT_NE(home, nullptr);
    EXPECT_EQ(home->component.flattenToShortString(),
              "com.lineageport.trebuchet/com.android.launcher3.searchlauncher.SearchLauncher");
    EXPECT_EQ(home->match, 0x100000);
    ASSERT_EQ(home->set.size(), 2u);
    EXPECT_EQ(home->set[1].flattenToShortString(), "com.android.settings/.FallbackHome");
    EXPECT_GT(justOnce, 0);
    const PackageStateEntry* youtube = state->find("com.google.android.youtube");
    ASSERT_NE(youtube, nullptr);
    EXPECT_EQ(youtube->installed, false);
    EXPECT_EQ(youtube->enabledState, 3);
    EXPECT_EQ(youtube->domainVerificationStatus, 2);
}

TEST(PackageRestrictions, TheAbxFormGivesTheSameStateAsTheText) {
    const std::string text = R"(<package-restrictions>
<pkg name="com.android.provision" stopped="true" enabled="2"><disabled-components><item name="com.android.provision.DefaultActivity"/></disabled-components></pkg>
<preferred-activities><item name="com.a/.Home" match="100000" always="true" set="2"><set name="com.a/.Home"/><set name="com.b/.Home"/><filter><action name="android.intent.action.MAIN"/><cat name="android.intent.category.HOME"/><cat name="android.intent.category.DEFAULT"/></filter></item></preferred-activities>
</package-restrictions>)";
    const std::string abx =
        AbxWriter()
            .start("package-restrictions")
            .start("pkg").attr("name", "com.android.provision").attrBool("stopped", true).attrInt("enabled", 2)
            .start("disabled-components").start("item").attr("name", "com.android.provision.DefaultActivity")
            .end("item").end("disabled-components").end("pkg")
            .start("preferred-activities")
            .start("item").attr("name", "com.a/.Home").attrInt("match", 0x100000, true)
            .attrBool("always", true).attrInt("set", 2)
            .start("set").attr("name", "com.a/.Home").end("set")
            .start("set").attr("name", "com.b/.Home").end("set")
            .start("filter").start("action").attr("name", "android.intent.action.MAIN").end("action")
            .start("cat").attr("name", "android.intent.category.HOME").end("cat")
            .start("cat").attr("name", "android.intent.category.DEFAULT").end("cat")
            .end("filter").end("item").end("preferred-activities")
            .end("package-restrictions")
            .finish();
    auto fromText = parsePackageRestrictions(text, "r.xml");
    auto fromAbx = parsePackageRestrictions(abx, "r.abx");
    ASSERT_TRUE(fromText) << fromText.error().toString();
    ASSERT_TRUE(fromAbx) << fromAbx.error().toString();
    EXPECT_EQ(fromAbx->filesRead, std::vector<std::string>{"r.abx (ABX)"});
    for (const DeviceState* state : {&*fromText, &*fromAbx}) {
        const PackageStateEntry* provision = state->find("com.android.provision");
        ASSERT_NE(provision, nullptr);
        EXPECT_EQ(provision->stopped, true);
        EXPECT_EQ(provision->enabledState, 2);
        EXPECT_EQ(provision->disabledComponents.count("com.android.provision.DefaultActivity"), 1u);
        ASSERT_EQ(state->preferred.size(), 1u);
        EXPECT_EQ(state->preferred[0].match, 0x100000);
        EXPECT_EQ(state->preferred[0].set.size(), 2u);
        EXPECT_TRUE(state->preferred[0].filter.hasCategory("android.intent.category.HOME"));
    }
}

TEST(PackageRestrictions, ASetCountMismatchSkipsTheEntryAsAndroidDoes) {
    auto state = parsePackageRestrictions(
        "<package-restrictions><preferred-activities>\n  <item name=\"a/.B\" match=\"100000\" "
        "set=\"2\"><set name=\"a/.B\"/><filter><action name=\"x\"/></filter></item>\n"
        "</preferred-activities></package-restrictions>",
        "r.xml");
    ASSERT_TRUE(state);
    EXPECT_TRUE(state->preferred.empty());
    ASSERT_EQ(state->diagnostics.size(), 1u);
    EXPECT_EQ(state->diagnostics[0].toString(),
              "r.xml:2:3: warning: preferred entry skipped: 'set' says 2 but 1 <set> children follow");
}

TEST(DeviceState, AppliedStateDisablesSetupAndRecordsPreferred) {
    Device device;
    device.apiLevel = 28;
    for (const char* name : {"com.android.provision", "com.a"}) {
        InstalledPackage package;
        package.manifest.packageName = name;
        device.packages.push_back(package);
    }
    auto state = parsePackageRestrictions(
        "<package-restrictions><pkg name=\"com.android.provision\" enabled=\"3\"/>"
        "<pkg name=\"com.gone\" /><pkg name=\"com.a\" inst=\"false\"/>"
        "<preferred-activities/></package-restrictions>",
        "r.xml");
    ASSERT_TRUE(state);
    const Device applied = applyDeviceState(device, *state);
    EXPECT_FALSE(applied.packages[0].enabled);
    EXPECT_TRUE(applied.packages[1].removed);
    EXPECT_EQ(applied.inferred, "state from r.xml: 2 packages, 0 preferred, 0 persistent preferred");
    ASSERT_EQ(applied.diagnostics.size(), 1u);
    EXPECT_EQ(applied.diagnostics[0].toString(),
              "warning: 1 package of the state files has no APK in the device ('com.gone'): their "
              "state is not applied");
}

TEST(DeviceState, AFolderWithoutStateFilesIsAnExactError) {
    TempDir dir("state-none");
    auto state = readDeviceState(dir.path());
    ASSERT_FALSE(state);
    EXPECT_EQ(state.error().toString(), "cannot read state '" + dir.path().string() +
                                            "': no packages.xml or users/0/package-restrictions.xml in it");
}

}  // namespace

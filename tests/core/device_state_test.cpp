// /data/system state (device-formats 2): the real packages.xml of the 2.2.2 and 2.3.3 phones, the
// package-restrictions.xml of two Android 9 phones, the same documents as ABX, and how the state
// lands on a device.

#include <gtest/gtest.h>
#include <hearth/app_links.h>
#include <hearth/device.h>
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

// A device of the API level with a package of each name, nothing else (the state lays the rest).
Device deviceOf(int api, std::initializer_list<const char*> names) {
    Device device;
    device.apiLevel = api;
    for (const char* name : names) {
        InstalledPackage package;
        package.manifest.packageName = name;
        device.packages.push_back(package);
    }
    return device;
}

TEST(DeviceState, AppliedStateDisablesSetupAndRecordsPreferred) {
    const Device device = deviceOf(28, {"com.android.provision", "com.a"});
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

TEST(DeviceState, TwentyThousandPackagesAreReadAndAppliedEachToItsOwn) {
    // kMaxPackagesPerDevice packages in packages.xml, then package-restrictions.xml naming them
    // in the opposite order: every entry finds its own package (found by name, not by a scan per
    // entry, which made this quadratic).
    constexpr int kCount = 20'000;
    std::string packages = "<packages>";
    std::string restrictions = "<package-restrictions>";
    Device device;
    device.apiLevel = 28;
    for (int i = 0; i < kCount; ++i) {
        const std::string name = "com.example.p" + std::to_string(i);
        packages += "<package name=\"" + name + "\" codePath=\"/data/app/" + name + "\" flags=\"" +
                    (i % 2 == 0 ? "1" : "0") + "\"/>";
        InstalledPackage package;
        package.manifest.packageName = name;
        device.packages.push_back(package);
    }
    for (int i = kCount - 1; i >= 0; --i) {
        restrictions += "<pkg name=\"com.example.p" + std::to_string(i) + "\" stopped=\"" +
                        (i % 3 == 0 ? "true" : "false") + "\"/>";
    }
    Result<DeviceState> state = parsePackagesXml(packages + "</packages>", "packages.xml");
    ASSERT_TRUE(state) << state.error().toString();
    state = parsePackageRestrictions(restrictions + "</package-restrictions>", "r.xml",
                                     std::move(state).value());
    ASSERT_TRUE(state) << state.error().toString();
    ASSERT_EQ(state->packages.size(), static_cast<size_t>(kCount));
    const Device applied = applyDeviceState(device, *state);
    for (int i : {0, 1, 2, 3, kCount / 2, kCount - 1}) {
        EXPECT_EQ(applied.packages[i].system, i % 2 == 0) << i;
        EXPECT_EQ(applied.packages[i].stopped, i % 3 == 0) << i;
    }
}

TEST(DeviceState, AFolderWithoutStateFilesIsAnExactError) {
    TempDir dir("state-none");
    auto state = readDeviceState(dir.path());
    ASSERT_FALSE(state);
    EXPECT_EQ(state.error().toString(),
              "cannot read state '" + dir.path().string() +
                  "': no packages.xml, users/0/package-restrictions.xml or roles.xml in it");
}

// ---- roles.xml (device-formats 1.5, 2.1): Android 10+ role holders -----------------------------

// The shape RolesPersistence writes (BiTGApps' installer writes the same): a role with holders,
// a role held by nobody, a role Hearth does not model.
constexpr const char* kRolesXml = R"(<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<roles version="3" packagesHash="9F0A">
  <role name="android.app.role.HOME">
    <holder name="com.example.launcher" />
  </role>
  <role name="android.app.role.BROWSER" />
  <role name="android.app.role.SMS">
    <holder name="com.android.messaging" />
  </role>
</roles>
)";

TEST(RolesXml, EveryRoleIsReadWithItsHoldersAndWhereItIs) {
    auto state = parseRolesXml(kRolesXml, "roles.xml");
    ASSERT_TRUE(state) << state.error().toString();
    EXPECT_EQ(state->filesRead, std::vector<std::string>{"roles.xml"});
    EXPECT_EQ(state->roleHolders.at("android.app.role.HOME"),
              std::vector<std::string>{"com.example.launcher"});
    EXPECT_TRUE(state->roleHolders.at("android.app.role.BROWSER").empty());
    EXPECT_EQ(state->roleHolders.at("android.app.role.SMS"),
              std::vector<std::string>{"com.android.messaging"});
    EXPECT_EQ(state->roleLocations.at("android.app.role.BROWSER").prefix(), "roles.xml:6:3: ");
}

TEST(RolesXml, TheAbxFormGivesTheSameHolders) {
    const std::string abx = AbxWriter()
                                .start("roles").attrInt("version", 3).attr("packagesHash", "9F0A")
                                .start("role").attr("name", "android.app.role.HOME")
                                .start("holder").attr("name", "com.example.launcher").end("holder")
                                .end("role")
                                .start("role").attr("name", "android.app.role.BROWSER").end("role")
                                .start("role").attr("name", "android.app.role.SMS")
                                .start("holder").attr("name", "com.android.messaging").end("holder")
                                .end("role")
                                .end("roles")
                                .finish();
    auto fromAbx = parseRolesXml(abx, "roles.xml");
    auto fromText = parseRolesXml(kRolesXml, "roles.xml");
    ASSERT_TRUE(fromAbx) << fromAbx.error().toString();
    ASSERT_TRUE(fromText) << fromText.error().toString();
    EXPECT_EQ(fromAbx->filesRead, std::vector<std::string>{"roles.xml (ABX)"});
    EXPECT_EQ(fromAbx->roleHolders, fromText->roleHolders);
}

TEST(RolesXml, AnotherRootAndBrokenXmlAreExactErrors) {
    auto other = parseRolesXml("<packages/>", "roles.xml");
    ASSERT_FALSE(other);
    EXPECT_EQ(other.error().toString(),
              "roles.xml:1:1: expected a <roles> document, got <packages>");
    auto broken = parseRolesXml("<roles>\n  <role name=\"a\">\n", "roles.xml");
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().toString(),
              "roles.xml:2:18: not well-formed XML: start-end tags mismatch");
}

TEST(RolesXml, ARoleWithoutANameIsAWarningAndSkipped) {
    auto state = parseRolesXml("<roles>\n  <role><holder name=\"a\"/></role>\n</roles>", "r.xml");
    ASSERT_TRUE(state);
    EXPECT_TRUE(state->roleHolders.empty());
    ASSERT_EQ(state->diagnostics.size(), 1u);
    EXPECT_EQ(state->diagnostics[0].toString(),
              "r.xml:2:3: warning: <role> without a 'name': skipped");
}

// Android 11+ keeps roles.xml in /data/misc_de/0/apexdata/com.android.permission (below the state
// folder, or beside it when the folder is a copy of /data/system inside /data), Android 10 in
// /data/system/users/0; a roles.xml beside packages.xml is read too. 11+ reads the file of 10
// only when its own is missing, and so does Hearth.
TEST(RolesXml, EachPlaceAndroidKeepsItIsFoundAndElevenPlusWins) {
    const std::string home10 =
        "<roles><role name=\"android.app.role.HOME\"><holder name=\"ten\"/></role></roles>";
    const std::string home11 =
        "<roles><role name=\"android.app.role.HOME\"><holder name=\"eleven\"/></role></roles>";
    const fs::path apex = "misc_de/0/apexdata/com.android.permission/roles.xml";
    auto holderIn = [](const fs::path& dir) -> std::string {
        auto state = readDeviceState(dir);
        if (!state) return state.error().toString();
        auto it = state->roleHolders.find("android.app.role.HOME");
        return it == state->roleHolders.end() || it->second.empty() ? "" : it->second.front();
    };
    {
        TempDir dir("roles-10");
        writeFile(dir.path() / "users/0/roles.xml", home10);
        EXPECT_EQ(holderIn(dir.path()), "ten");
        writeFile(dir.path() / apex, home11);
        EXPECT_EQ(holderIn(dir.path()), "eleven");
    }
    {
        TempDir dir("roles-data");
        writeFile(dir.path() / "system/packages.xml", "<packages/>");
        writeFile(dir.path() / apex, home11);
        EXPECT_EQ(holderIn(dir.path() / "system"), "eleven");
    }
    {
        TempDir dir("roles-beside");
        writeFile(dir.path() / "roles.xml", home10);
        auto state = readDeviceState(dir.path());
        ASSERT_TRUE(state) << state.error().toString();
        EXPECT_EQ(state->filesRead, std::vector<std::string>{(dir.path() / "roles.xml").string()});
    }
}

// H-8, W-14: the HOME holder becomes roles.home; BROWSER held by nobody is the user's "None"
// (roles.browser "", what "browser": null reads as), so no W-41 fallback holder either.
TEST(RolesXml, HomeAndBrowserHoldersBecomeTheDevicesRoles) {
    auto state = parseRolesXml(kRolesXml, "roles.xml");
    ASSERT_TRUE(state);
    const Device applied = applyDeviceState(deviceOf(30, {"com.example.launcher"}), *state);
    EXPECT_EQ(applied.roles.home, std::optional<std::string>("com.example.launcher"));
    EXPECT_EQ(applied.roles.browser, std::optional<std::string>(""));
    EXPECT_FALSE(defaultBrowser(applied).has_value());
    EXPECT_TRUE(applied.diagnostics.empty());
    EXPECT_EQ(applied.inferred,
              "state from roles.xml: 0 packages, 0 preferred, 0 persistent preferred, home role "
              "'com.example.launcher', browser role nobody");
}

// W-14 on Android 6-9: the default browser lives in package-restrictions' <default-apps>, not in a
// role; applied, it is the device's default browser, unless roles.xml (10+) names another.
TEST(PackageRestrictions, TheDefaultAppsBrowserIsTheDevicesDefaultBrowser) {
    const char* restrictions =
        "<package-restrictions><default-apps><default-browser packageName=\"com.b\"/>"
        "</default-apps></package-restrictions>";
    auto state = parsePackageRestrictions(restrictions, "r.xml");
    ASSERT_TRUE(state);
    const Device applied = applyDeviceState(deviceOf(28, {"com.b"}), *state);
    EXPECT_EQ(applied.roles.browser, std::optional<std::string>("com.b"));
    EXPECT_EQ(applied.inferred, "state from r.xml: 0 packages, 0 preferred, 0 persistent preferred, "
                                "default browser 'com.b'");
    auto withRoles = parseRolesXml(kRolesXml, "roles.xml", *state);
    ASSERT_TRUE(withRoles);
    EXPECT_EQ(applyDeviceState(deviceOf(30, {"com.b"}), *withRoles).roles.browser,
              std::optional<std::string>(""));
}

// A HOME role held by nobody says nothing device.json can: roles.home stays unset and the H-9
// fallback decides, as PermissionController's fallback holder would.
TEST(RolesXml, AHomeRoleHeldByNobodyLeavesTheFallbackToDecide) {
    auto state = parseRolesXml("<roles><role name=\"android.app.role.HOME\"/></roles>", "r.xml");
    ASSERT_TRUE(state);
    const Device applied = applyDeviceState(deviceOf(30, {"a"}), *state);
    EXPECT_FALSE(applied.roles.home.has_value());
    EXPECT_EQ(applied.inferred,
              "state from r.xml: 0 packages, 0 preferred, 0 persistent preferred");
}

// Through device.json: its own "roles" are the user's word and win over roles.xml; where they
// disagree the warning points at the <role> element (file:line:col).
TEST(RolesXml, DeviceJsonRolesWinOverTheStateWithAWarningWhereTheyDisagree) {
    TempDir dir("roles-json");
    for (const char* package : {"com.example.launcher", "com.other.launcher"}) {
        writeFile(dir.path() / package / "AndroidManifest.xml",
                  std::string("<manifest xmlns:android="
                              "\"http://schemas.android.com/apk/res/android\" package=\"") +
                      package +
                      "\"><application><activity android:name=\".Home\" android:exported=\"true\">"
                      "<intent-filter><action android:name=\"android.intent.action.MAIN\"/>"
                      "<category android:name=\"android.intent.category.HOME\"/>"
                      "<category android:name=\"android.intent.category.DEFAULT\"/>"
                      "</intent-filter></activity></application></manifest>\n");
    }
    writeFile(dir.path() / "state/users/0/roles.xml", kRolesXml);
    writeFile(dir.path() / "device.json",
              R"({"api": 30, "state": "state", "roles": {"home": "com.other.launcher"},
"packages": [{"manifest": "com.example.launcher/AndroidManifest.xml"},
             {"manifest": "com.other.launcher/AndroidManifest.xml"}]})");
    auto device = loadDevice(dir.path());
    ASSERT_TRUE(device) << device.error().toString();
    EXPECT_EQ(device->roles.home, std::optional<std::string>("com.other.launcher"));
    EXPECT_EQ(device->roles.browser, std::optional<std::string>(""));
    std::vector<std::string> warnings;
    for (const Diagnostic& d : device->diagnostics) warnings.push_back(d.toString());
    EXPECT_EQ(warnings,
              std::vector<std::string>{(dir.path() / "state/users/0/roles.xml").string() +
                                       ":3:3: warning: android.app.role.HOME is held by "
                                       "'com.example.launcher' here, but device.json's "
                                       "'roles.home' names 'com.other.launcher': device.json's "
                                       "is kept"});

    // Without its own "roles" the device takes the state's, silently.
    writeFile(dir.path() / "device.json",
              R"({"api": 30, "state": "state",
"packages": [{"manifest": "com.example.launcher/AndroidManifest.xml"}]})");
    auto fromState = loadDevice(dir.path());
    ASSERT_TRUE(fromState) << fromState.error().toString();
    EXPECT_EQ(fromState->roles.home, std::optional<std::string>("com.example.launcher"));
    EXPECT_TRUE(fromState->diagnostics.empty());
}

}  // namespace

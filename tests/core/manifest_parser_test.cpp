// parseManifest: the model a source AndroidManifest.xml gives, its warnings and its errors (every
// error text pinned with its line and column).

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "manifest_fixtures.h"

using namespace hearth;
using namespace hearth::manifest_fixtures;

namespace {

std::vector<std::string> patterns(const std::vector<PatternMatcher>& matchers) {
    std::vector<std::string> out;
    for (const PatternMatcher& matcher : matchers) {
        out.push_back(std::string(patternKindName(matcher.kind())) + ":" + matcher.pattern());
    }
    return out;
}

}  // namespace

// ---- the model --------------------------------------------------------------------------------

TEST(ManifestParser, ReadsPackageSdkAndApplication) {
    const Manifest manifest =
        parseOk(R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    package="com.example.first">
    <uses-sdk android:minSdkVersion="8" android:targetSdkVersion="10" />
    <application android:label="FirstApp" android:icon="@drawable/icon"
        android:enabled="false" android:process="android.process.acore3"
        android:directBootAware="true" />
</manifest>
)xml");
    EXPECT_EQ(manifest.packageName, "com.example.first");
    EXPECT_FALSE(manifest.packageDerived);
    EXPECT_EQ(manifest.file, kFile);
    EXPECT_EQ(manifest.minSdk, 8);
    EXPECT_EQ(manifest.targetSdk, 10);
    EXPECT_EQ(manifest.application.label, "FirstApp");
    EXPECT_EQ(manifest.application.icon, "@drawable/icon");
    EXPECT_FALSE(manifest.application.enabled);
    EXPECT_EQ(manifest.application.process, "android.process.acore3");
    EXPECT_TRUE(manifest.application.directBootAware);
    EXPECT_TRUE(manifest.components.empty());
    EXPECT_TRUE(manifest.diagnostics.empty());
}

TEST(ManifestParser, ApplicationDefaultsAreAndroids) {
    const Manifest manifest = parseOk(app(""));
    EXPECT_FALSE(manifest.application.label.has_value());
    EXPECT_TRUE(manifest.application.enabled);
    EXPECT_FALSE(manifest.application.process.has_value());
    EXPECT_FALSE(manifest.minSdk.has_value());
}

TEST(ManifestParser, ExpandsRelativeClassNamesAgainstThePackage) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Dotted" />
<activity android:name="Bare" />
<activity android:name="org.other.Absolute" />
<activity android:name=".sub.Nested" />
)xml"));
    ASSERT_EQ(manifest.components.size(), 4u);
    EXPECT_EQ(manifest.components[0].name, "com.example.app.Dotted");
    EXPECT_EQ(manifest.components[1].name, "com.example.app.Bare");
    EXPECT_EQ(manifest.components[2].name, "org.other.Absolute");
    EXPECT_EQ(manifest.components[3].name, "com.example.app.sub.Nested");
}

TEST(ManifestParser, ReadsEveryComponentKindInDocumentOrder) {
    const Manifest manifest = parseOk(app(R"xml(<service android:name=".S" />
<activity android:name=".A" />
<receiver android:name=".R" />
<provider android:name=".P" android:authorities="com.example.app.p" />
<activity-alias android:name=".Alias" android:targetActivity=".A" />
)xml"));
    ASSERT_EQ(manifest.components.size(), 5u);
    EXPECT_EQ(manifest.components[0].kind, ComponentKind::Service);
    EXPECT_EQ(manifest.components[1].kind, ComponentKind::Activity);
    EXPECT_EQ(manifest.components[2].kind, ComponentKind::Receiver);
    EXPECT_EQ(manifest.components[3].kind, ComponentKind::Provider);
    EXPECT_EQ(manifest.components[4].kind, ComponentKind::ActivityAlias);
    EXPECT_EQ(manifest.components[4].targetActivity, "com.example.app.A");
}

TEST(ManifestParser, ReadsComponentAttributes) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main" android:label="Main"
    android:enabled="false" android:permission="com.example.PERM"
    android:directBootAware="true" android:excludeFromRecents="true"
    android:launchMode="singleInstance" android:process="com.example.other" />
)xml"));
    ASSERT_EQ(manifest.components.size(), 1u);
    const Component& main = manifest.components[0];
    EXPECT_EQ(main.label, "Main");
    EXPECT_FALSE(main.enabled);
    EXPECT_EQ(main.permission, "com.example.PERM");
    EXPECT_TRUE(main.directBootAware);
    EXPECT_TRUE(main.excludeFromRecents);
    EXPECT_EQ(main.launchMode, "singleInstance");
    EXPECT_EQ(main.process, "com.example.other");
}

TEST(ManifestParser, ComponentDefaultsAreAndroids) {
    const Manifest manifest = parseOk(app("<activity android:name=\".Main\" />\n"));
    ASSERT_EQ(manifest.components.size(), 1u);
    const Component& main = manifest.components[0];
    EXPECT_TRUE(main.enabled);
    EXPECT_FALSE(main.label.has_value());
    EXPECT_FALSE(main.permission.has_value());
    EXPECT_FALSE(main.process.has_value());
    EXPECT_FALSE(main.directBootAware);
    EXPECT_EQ(main.launchMode, "standard");
}

TEST(ManifestParser, PrivateProcessNamesGetThePackagePrefix) {
    const Manifest manifest =
        parseOk(app("<service android:name=\".S\" android:process=\":remote\" />\n"));
    ASSERT_EQ(manifest.components.size(), 1u);
    EXPECT_EQ(manifest.components[0].process, "com.example.app:remote");
}

TEST(ManifestParser, ExportedDefaultsToTrueExactlyWhenThereIsAFilter) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".WithFilter">
    <intent-filter><action android:name="a.B" /></intent-filter>
</activity>
<activity android:name=".WithoutFilter" />
<receiver android:name=".Receiver">
    <intent-filter><action android:name="a.B" /></intent-filter>
</receiver>
)xml"));
    ASSERT_EQ(manifest.components.size(), 3u);
    EXPECT_TRUE(manifest.components[0].exported);
    EXPECT_FALSE(manifest.components[0].exportedExplicit);
    EXPECT_FALSE(manifest.components[1].exported);
    EXPECT_TRUE(manifest.components[2].exported);
}

TEST(ManifestParser, ExplicitExportedWinsOverTheDefault) {
    const Manifest manifest =
        parseOk(app(R"xml(<activity android:name=".Hidden" android:exported="false">
    <intent-filter><action android:name="a.B" /></intent-filter>
</activity>
<activity android:name=".Shown" android:exported="true" />
)xml"));
    ASSERT_EQ(manifest.components.size(), 2u);
    EXPECT_FALSE(manifest.components[0].exported);
    EXPECT_TRUE(manifest.components[0].exportedExplicit);
    EXPECT_TRUE(manifest.components[1].exported);
    EXPECT_TRUE(manifest.components[1].exportedExplicit);
}

TEST(ManifestParser, ActivityAliasRunsWithItsTargetsSettings_M28) {
    const Manifest manifest =
        parseOk(app(R"xml(<activity android:name=".Main" android:launchMode="singleTask"
    android:process=":ui" android:excludeFromRecents="true" />
<activity-alias android:name=".Alias" android:targetActivity=".Main" android:label="Alias"
    android:enabled="false" android:exported="true" />
)xml"));
    ASSERT_EQ(manifest.components.size(), 2u);
    const Component& alias = manifest.components[1];
    EXPECT_EQ(alias.name, "com.example.app.Alias");
    EXPECT_EQ(alias.targetActivity, "com.example.app.Main");
    EXPECT_EQ(alias.label, "Alias");
    EXPECT_FALSE(alias.enabled);
    EXPECT_TRUE(alias.exported);
    EXPECT_EQ(alias.launchMode, "singleTask");
    EXPECT_EQ(alias.process, "com.example.app:ui");
    EXPECT_TRUE(alias.excludeFromRecents);
}

TEST(ManifestParser, ActivityAliasMayComeBeforeItsTarget) {
    // Fenix, Signal and K-9 Mail declare aliases first; their merged manifests still install.
    const Manifest manifest =
        parseOk(app(R"xml(<activity-alias android:name=".Alias" android:targetActivity=".Main" />
<activity android:name=".Main" android:launchMode="singleTop" />
)xml"));
    ASSERT_EQ(manifest.components.size(), 2u);
    EXPECT_EQ(manifest.components[0].launchMode, "singleTop");
    EXPECT_TRUE(manifest.diagnostics.empty());
}

TEST(ManifestParser, ActivityAliasMayTargetAnEarlierAlias) {
    const Manifest manifest =
        parseOk(app(R"xml(<activity android:name=".Main" android:launchMode="singleTop" />
<activity-alias android:name=".First" android:targetActivity=".Main" />
<activity-alias android:name=".Second" android:targetActivity=".First" />
)xml"));
    ASSERT_EQ(manifest.components.size(), 3u);
    EXPECT_EQ(manifest.components[2].targetActivity, "com.example.app.First");
    EXPECT_EQ(manifest.components[2].launchMode, "singleTop");
}

// ---- intent filters ---------------------------------------------------------------------------

TEST(ManifestParser, ReadsActionsCategoriesPriorityOrderAndAutoVerify) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter android:priority="-1000" android:order="2" android:autoVerify="true">
        <action android:name="android.intent.action.MAIN" />
        <category android:name="android.intent.category.HOME" />
        <category android:name="android.intent.category.DEFAULT" />
    </intent-filter>
    <intent-filter android:priority="0x10">
        <action android:name="android.intent.action.VIEW" />
    </intent-filter>
</activity>
)xml"));
    ASSERT_EQ(manifest.components.size(), 1u);
    ASSERT_EQ(manifest.components[0].filters.size(), 2u);
    const IntentFilter& home = manifest.components[0].filters[0];
    EXPECT_EQ(home.actions, Strings{"android.intent.action.MAIN"});
    EXPECT_EQ(home.categories,
              (Strings{"android.intent.category.HOME", "android.intent.category.DEFAULT"}));
    EXPECT_EQ(home.priority, -1000);
    EXPECT_EQ(home.order, 2);
    EXPECT_TRUE(home.autoVerify);
    EXPECT_TRUE(home.hasDefault());
    // aapt reads integers in hex too.
    EXPECT_EQ(manifest.components[0].filters[1].priority, 16);
    EXPECT_FALSE(manifest.components[0].filters[1].autoVerify);
}

TEST(ManifestParser, DataElementsCombineAsACrossProduct_M26) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="http" android:host="a.com" />
        <data android:scheme="https" android:host="b.com" android:port="8443" />
        <data android:pathPrefix="/app" />
    </intent-filter>
</activity>
)xml"));
    const IntentFilter& filter = manifest.components.at(0).filters.at(0);
    EXPECT_EQ(filter.schemes, (Strings{"http", "https"}));
    ASSERT_EQ(filter.authorities.size(), 2u);
    EXPECT_EQ(filter.authorities[0].host, "a.com");
    EXPECT_FALSE(filter.authorities[0].port.has_value());
    EXPECT_EQ(filter.authorities[1].host, "b.com");
    EXPECT_EQ(filter.authorities[1].port, 8443);
    EXPECT_EQ(patterns(filter.paths), Strings{"prefix:/app"});
    // The stored filter matches https://a.com/app too, as on a device.
    Intent intent;
    intent.action = "android.intent.action.VIEW";
    intent.data = Uri::parse("https://a.com/app/x");
    EXPECT_EQ(filter.match(intent), match::kCategoryPath + match::kAdjustmentNormal);
}

TEST(ManifestParser, PortWithoutHostInTheSameDataIsDropped_M26) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="http" android:host="a.com" />
        <data android:port="8080" />
    </intent-filter>
</activity>
)xml"));
    const IntentFilter& filter = manifest.components.at(0).filters.at(0);
    ASSERT_EQ(filter.authorities.size(), 1u);
    EXPECT_FALSE(filter.authorities[0].port.has_value());
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:7:15: warning: <data> attribute 'android:port' is "
                      "ignored: Android reads a port only with 'android:host' in the same <data>"});
}

TEST(ManifestParser, StoresEveryPathAndSchemeSpecificPartKind) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="content" android:host="h" android:path="/lit" android:pathPrefix="/pre"
            android:pathPattern="/glob.*" android:pathAdvancedPattern="/adv[0-9]+"
            android:pathSuffix=".end" />
        <data android:scheme="tel" android:ssp="123" android:sspPrefix="+1" android:sspPattern="5.*"
            android:sspAdvancedPattern="[0-9]{3}" android:sspSuffix="#" />
        <data android:mimeType="image/*" android:mimeGroup="photos" />
    </intent-filter>
</activity>
)xml"));
    const IntentFilter& filter = manifest.components.at(0).filters.at(0);
    EXPECT_EQ(patterns(filter.paths), (Strings{"literal:/lit", "prefix:/pre", "glob:/glob.*",
                                               "advanced_glob:/adv[0-9]+", "suffix:.end"}));
    EXPECT_EQ(patterns(filter.ssps), (Strings{"literal:123", "prefix:+1", "glob:5.*",
                                              "advanced_glob:[0-9]{3}", "suffix:#"}));
    EXPECT_EQ(filter.types, Strings{"image/*"});
    EXPECT_EQ(filter.mimeGroups, Strings{"photos"});
}

TEST(ManifestParser, KeepsEachSchemeAndTypeOnceLikeIntentFilter) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="file" android:mimeType="image/*" />
        <data android:scheme="content" android:mimeType="image/*" />
        <data android:scheme="file" android:mimeType="video/*" />
    </intent-filter>
</activity>
)xml"));
    const IntentFilter& filter = manifest.components.at(0).filters.at(0);
    EXPECT_EQ(filter.schemes, (Strings{"file", "content"}));
    EXPECT_EQ(filter.types, (Strings{"image/*", "video/*"}));
    EXPECT_TRUE(manifest.diagnostics.empty());
}

TEST(ManifestParser, ValuesNoCaseFolding_M27) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="Android.Intent.Action.VIEW" />
        <data android:scheme="HTTP" android:host="Example.COM" android:mimeType="Image/PNG" />
    </intent-filter>
</activity>
)xml"));
    const IntentFilter& filter = manifest.components.at(0).filters.at(0);
    EXPECT_EQ(filter.actions, Strings{"Android.Intent.Action.VIEW"});
    EXPECT_EQ(filter.schemes, Strings{"HTTP"});
    EXPECT_EQ(filter.authorities.at(0).host, "Example.COM");
    EXPECT_EQ(filter.types, Strings{"Image/PNG"});
}

// ---- values as aapt compiles them -------------------------------------------------------------

TEST(ManifestParser, AaptEscapesAreResolvedBeforeTheMatcherSeesThem) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main"
    android:label="a\\b \'q\' \&quot;d\&quot; n\nt\tu\u00e9 \@at \?q">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="http" android:host="h" android:pathPattern=".*\\.pdf" />
    </intent-filter>
</activity>
)xml"));
    const Component& main = manifest.components.at(0);
    EXPECT_EQ(main.label, "a\\b 'q' \"d\" n\nt\tu\xC3\xA9 @at ?q");
    EXPECT_EQ(patterns(main.filters.at(0).paths), Strings{"glob:.*\\.pdf"});
    EXPECT_TRUE(manifest.diagnostics.empty());
}

TEST(ManifestParser, QuotesAndSpacesInAttributesAreKeptAsWritten) {
    // Unlike string resources, attribute values keep quotes and runs of spaces (aapt2 and aapt).
    const Manifest manifest =
        parseOk(app("<activity android:name=\".Main\" android:label=\"say &quot;hi&quot;  "
                    "twice \" />\n"));
    EXPECT_EQ(manifest.components.at(0).label, "say \"hi\"  twice ");
}

TEST(ManifestParser, SurrogatePairEscapesCombine) {
    const Manifest manifest =
        parseOk(app("<activity android:name=\".Main\" android:label=\"\\uD83D\\uDE00\" />\n"));
    EXPECT_EQ(manifest.components.at(0).label, "\xF0\x9F\x98\x80");
}

TEST(ManifestParser, UnknownEscapeKeepsTheCharacterAndWarns) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="http" android:host="h" android:pathPattern="/a\.pdf" />
    </intent-filter>
</activity>
)xml"));
    EXPECT_EQ(patterns(manifest.components.at(0).filters.at(0).paths), Strings{"glob:/a.pdf"});
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:6:54: warning: <data> attribute "
                      "'android:pathPattern' has escape '\\.', which aapt reads as the bare "
                      "character: the device sees '/a.pdf' (write '\\\\' for a backslash)"});
}

TEST(ManifestParser, SubstitutesApplicationIdAndGivenPlaceholders) {
    ParseOptions options;
    options.placeholders["deepLinkScheme"] = "example";
    const Manifest manifest = parseOk(
        app(R"xml(<provider android:name=".P" android:authorities="${applicationId}.files" />
<activity android:name="${applicationId}.Main" android:label="${packageName}">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="${deepLinkScheme}" />
    </intent-filter>
</activity>
)xml"),
        options);
    ASSERT_EQ(manifest.components.size(), 2u);
    EXPECT_EQ(manifest.components[1].name, "com.example.app.Main");
    EXPECT_EQ(manifest.components[1].label, "com.example.app");
    EXPECT_EQ(manifest.components[1].filters.at(0).schemes, Strings{"example"});
    EXPECT_TRUE(manifest.diagnostics.empty());
}

TEST(ManifestParser, GivenApplicationIdWinsOverThePackage) {
    ParseOptions options;
    options.placeholders["applicationId"] = "com.example.app.debug";
    const Manifest manifest = parseOk(
        app("<activity android:name=\".Main\" android:label=\"${applicationId}\" />\n"), options);
    EXPECT_EQ(manifest.components.at(0).label, "com.example.app.debug");
}

TEST(ManifestParser, UnknownPlaceholderIsKeptAndWarnedOncePerKey) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="android.intent.action.VIEW" />
        <data android:scheme="${scheme}" android:host="${host}" />
        <data android:scheme="${scheme}s" />
    </intent-filter>
</activity>
)xml"));
    const IntentFilter& filter = manifest.components.at(0).filters.at(0);
    EXPECT_EQ(filter.schemes, (Strings{"${scheme}", "${scheme}s"}));
    EXPECT_EQ(filter.authorities.at(0).host, "${host}");
    EXPECT_EQ(warnings(manifest),
              (Strings{"app/AndroidManifest.xml:6:15: warning: placeholder '${scheme}' has no "
                       "value; kept as written",
                       "app/AndroidManifest.xml:6:42: warning: placeholder '${host}' has no "
                       "value; kept as written"}));
}

TEST(ManifestParser, IgnoresToolsAttributes) {
    const Manifest manifest =
        parseOk(R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools" package="com.example.app" tools:ignore="All">
<application tools:replace="android:label" android:label="App">
<activity android:name=".Main" tools:node="merge" tools:targetApi="31" />
</application>
</manifest>
)xml");
    EXPECT_EQ(manifest.application.label, "App");
    ASSERT_EQ(manifest.components.size(), 1u);
    EXPECT_TRUE(manifest.diagnostics.empty());
}

TEST(ManifestParser, ElementsTheMergerRemovesAreSkipped) {
    // tools:node="remove" deletes the element from the merged manifest the device gets.
    const Manifest manifest =
        parseOk(R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    xmlns:tools="http://schemas.android.com/tools" package="com.example.app">
<application>
<activity android:name="com.library.Launcher" tools:node="remove" />
<activity android:name=".Main">
    <intent-filter tools:node="removeAll"><action android:name="a.B" /></intent-filter>
</activity>
</application>
</manifest>
)xml");
    ASSERT_EQ(manifest.components.size(), 1u);
    EXPECT_EQ(manifest.components[0].name, "com.example.app.Main");
    EXPECT_TRUE(manifest.components[0].filters.empty());
}

TEST(ManifestParser, AnyPrefixBoundToTheAndroidNamespaceWorks) {
    const Manifest manifest = parseOk(
        R"xml(<manifest xmlns:a="http://schemas.android.com/apk/res/android" package="com.example.app">
<application a:label="App"><activity a:name=".Main" a:exported="true" /></application>
</manifest>
)xml");
    EXPECT_EQ(manifest.application.label, "App");
    ASSERT_EQ(manifest.components.size(), 1u);
    EXPECT_TRUE(manifest.components[0].exported);
}

// ---- the package ------------------------------------------------------------------------------

TEST(ManifestParser, ManifestWithoutPackageGetsAStandInAndAWarning) {
    const std::string xml =
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android">
<application><activity android:name=".Main" /></application>
</manifest>
)xml";
    Result<Manifest> manifest = parseManifest(xml, "lawnchair/src/main/AndroidManifest.xml");
    ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
    EXPECT_EQ(manifest->packageName, "unnamed.lawnchair");
    EXPECT_TRUE(manifest->packageDerived);
    EXPECT_EQ(manifest->components.at(0).name, "unnamed.lawnchair.Main");
    EXPECT_EQ(warnings(*manifest),
              Strings{"lawnchair/src/main/AndroidManifest.xml:1:1: warning: <manifest> has no "
                      "'package' attribute; using 'unnamed.lawnchair' (give the package name to "
                      "replace it)"});
}

TEST(ManifestParser, PackageOptionNamesAManifestWithoutPackage) {
    ParseOptions options;
    options.packageName = "app.organicmaps";
    const Manifest manifest =
        parseOk(R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android">
<application><activity android:name=".Main" /></application>
</manifest>
)xml",
                options);
    EXPECT_EQ(manifest.packageName, "app.organicmaps");
    EXPECT_TRUE(manifest.packageDerived);
    EXPECT_EQ(manifest.components.at(0).name, "app.organicmaps.Main");
    EXPECT_TRUE(manifest.diagnostics.empty());
}

TEST(ManifestParser, PackageOptionRenamesThePackageButClassesExpandAgainstTheAttribute) {
    // Gradle's applicationId names the installed package; relative class names still belong to
    // the namespace written in the manifest.
    ParseOptions options;
    options.packageName = "com.example.app.debug";
    const Manifest manifest = parseOk(app("<activity android:name=\".Main\" />\n"), options);
    EXPECT_EQ(manifest.packageName, "com.example.app.debug");
    EXPECT_FALSE(manifest.packageDerived);
    EXPECT_EQ(manifest.components.at(0).name, "com.example.app.Main");
}

TEST(ManifestParser, TheFrameworkPackageNeedsNoDot) {
    const Manifest manifest = parseOk("<manifest package=\"android\"><application /></manifest>");
    EXPECT_EQ(manifest.packageName, "android");
}

TEST(ManifestParser, MissingAliasTargetIsOnlyAWarningWithAStandInPackage) {
    // Relative names expand against the stand-in, so the real target may well exist.
    const std::string xml =
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android">
<application>
<activity android:name="app.organicmaps.SplashActivity" />
<activity-alias android:name=".Manage" android:targetActivity=".SplashActivity" />
</application>
</manifest>
)xml";
    Result<Manifest> manifest = parseManifest(xml, "organicmaps/AndroidManifest.xml");
    ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
    EXPECT_EQ(warnings(*manifest),
              (Strings{"organicmaps/AndroidManifest.xml:1:1: warning: <manifest> has no "
                       "'package' attribute; using 'unnamed.organicmaps' (give the package name "
                       "to replace it)",
                       "organicmaps/AndroidManifest.xml:4:40: warning: <activity-alias> attribute "
                       "'android:targetActivity' names 'unnamed.organicmaps.SplashActivity', "
                       "which is not an <activity> of this manifest (relative names expand "
                       "against the stand-in package)"}));
}

TEST(ManifestParser, StringWithABadEscapeIsLeftOutOfResValues) {
    const std::filesystem::path dir = scratchDir("strings_escape");
    writeFile(dir / "res" / "values" / "strings.xml",
              "<resources>\n<string name=\"a\">x\\u12</string>\n</resources>");
    const std::string file = (dir / "AndroidManifest.xml").string();
    const Manifest manifest =
        parseOk(app("<activity android:name=\".A\" android:label=\"@string/a\" />\n"), {}, file);
    const std::string values = (dir / "res" / "values" / "strings.xml").string();
    EXPECT_EQ(manifest.components.at(0).label, "@string/a");
    EXPECT_EQ(warnings(manifest),
              (Strings{values + ":2:1: warning: <string> 'a' ignored: invalid unicode escape "
                                "'\\u12': expected four hex digits",
                       file + ":3:29: warning: <activity> attribute 'android:label' is "
                              "'@string/a', which res/values does not define; kept as written"}));
}

// ---- locations --------------------------------------------------------------------------------

TEST(ManifestParser, RecordsTheLineAndColumnWhereEachElementStarts) {
    const Manifest manifest = parseOk(R"xml(<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app">
    <application>
        <activity android:name=".Main">
            <intent-filter>
                <action android:name="android.intent.action.VIEW" />
                <data android:scheme="http" android:host="a.com" />
                  <data android:host="b.com" />
            </intent-filter>
        </activity>
    </application>
</manifest>
)xml");
    EXPECT_EQ(manifest.where.file, kFile);
    EXPECT_EQ(manifest.where.line, 2);
    EXPECT_EQ(manifest.where.column, 1);
    EXPECT_EQ(manifest.application.where.line, 3);
    EXPECT_EQ(manifest.application.where.column, 5);
    const Component& main = manifest.components.at(0);
    EXPECT_EQ(main.where.line, 4);
    EXPECT_EQ(main.where.column, 9);
    EXPECT_EQ(main.where.file, kFile);
    const IntentFilter& filter = main.filters.at(0);
    EXPECT_EQ(filter.where.line, 5);
    EXPECT_EQ(filter.where.column, 13);
    ASSERT_EQ(filter.authorities.size(), 2u);
    EXPECT_EQ(filter.authorities[0].where.line, 7);
    EXPECT_EQ(filter.authorities[0].where.column, 17);
    EXPECT_EQ(filter.authorities[1].where.line, 8);
    EXPECT_EQ(filter.authorities[1].where.column, 19);
}

TEST(ManifestParser, EveryLocationSharesOneCopyOfThePath) {
    // A device's manifests hold hundreds of thousands of locations: each points at its file's
    // one path (SourcePath) instead of copying it.
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
  <intent-filter><action android:name="a.B" /><data android:scheme="s" android:host="h" /></intent-filter>
</activity>
)xml"));
    const std::string* path = &manifest.where.file.str();
    EXPECT_EQ(*path, "app/AndroidManifest.xml");
    EXPECT_EQ(&manifest.application.where.file.str(), path);
    const Component& main = manifest.components.at(0);
    EXPECT_EQ(&main.where.file.str(), path);
    EXPECT_EQ(&main.filters.at(0).where.file.str(), path);
    EXPECT_EQ(&main.filters.at(0).authorities.at(0).where.file.str(), path);
}

TEST(ManifestParser, ColumnsCountCharactersNotBytes) {
    // "é" is two bytes; the error is at the 'android:port' attribute.
    const std::string error = parseError(app(
        R"xml(<activity android:label="é" android:name=".M"><intent-filter><action android:name="a.B" /><data android:host="h" android:port="x" /></intent-filter></activity>
)xml"));
    EXPECT_EQ(error,
              "app/AndroidManifest.xml:3:114: <data> attribute 'android:port' must be a 32-bit "
              "whole number, got 'x'");
}

TEST(ManifestParser, ByteOrderMarkDoesNotShiftColumns) {
    const Manifest manifest = parseOk(
        "\xEF\xBB\xBF<manifest package=\"com.example.app\">\n  <application />\n</manifest>");
    EXPECT_EQ(manifest.where.line, 1);
    EXPECT_EQ(manifest.application.where.line, 2);
    EXPECT_EQ(manifest.application.where.column, 3);
}

// ---- warnings ---------------------------------------------------------------------------------

TEST(ManifestParserWarnings, UnknownElementsAreIgnoredWithAWarning) {
    const Manifest manifest = parseOk(app(R"xml(<activty android:name=".Typo" />
<activity android:name=".Main">
    <intent-filer />
    <intent-filter>
        <action android:name="a.B" />
        <categroy android:name="c.D" />
    </intent-filter>
</activity>
)xml"));
    EXPECT_EQ(manifest.components.size(), 1u);
    EXPECT_EQ(warnings(manifest),
              (Strings{"app/AndroidManifest.xml:3:1: warning: unknown element <activty> in "
                       "<application>; ignored",
                       "app/AndroidManifest.xml:5:5: warning: unknown element <intent-filer> in "
                       "<activity>; ignored",
                       "app/AndroidManifest.xml:8:9: warning: unknown element <categroy> in "
                       "<intent-filter>; ignored"}));
}

TEST(ManifestParserWarnings, UnknownElementUnderManifestIsIgnored) {
    const Manifest manifest = parseOk(
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app">
  <uses-permission android:name="android.permission.INTERNET" />
  <activity android:name=".Outside" />
  <application />
</manifest>
)xml");
    EXPECT_TRUE(manifest.components.empty());
    EXPECT_EQ(warnings(manifest), Strings{"app/AndroidManifest.xml:3:3: warning: unknown element "
                                          "<activity> in <manifest>; ignored"});
}

TEST(ManifestParserWarnings, KnownElementsHearthDoesNotModelAreSilent) {
    const Manifest manifest = parseOk(
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app">
  <uses-permission android:name="android.permission.INTERNET" />
  <permission android:name="com.example.P" android:protectionLevel="signature" />
  <uses-feature android:name="android.hardware.telephony" android:required="false" />
  <queries><intent><action android:name="android.intent.action.VIEW" /></intent></queries>
  <application android:theme="@style/T" android:allowBackup="true" android:supportsRtl="true">
    <meta-data android:name="k" android:value="v" />
    <uses-library android:name="org.apache.http.legacy" android:required="false" />
    <activity android:name=".Main" android:theme="@style/T" android:configChanges="orientation"
        android:windowSoftInputMode="adjustPan" android:screenOrientation="portrait">
      <meta-data android:name="k" android:value="v" />
      <intent-filter android:label="Open">
        <action android:name="a.B" />
      </intent-filter>
    </activity>
    <provider android:name=".P" android:authorities="a" android:grantUriPermissions="true">
      <grant-uri-permission android:pathPrefix="/" />
    </provider>
  </application>
</manifest>
)xml");
    EXPECT_TRUE(manifest.diagnostics.empty()) << warnings(manifest).front();
}

TEST(ManifestParserWarnings, UnknownAndroidAttributeIsIgnoredWithAWarning) {
    const Manifest manifest = parseOk(app(R"xml(<receiver android:name=".R" android:priority="5">
    <intent-filter><action android:name="a.B" android:exported="true" /></intent-filter>
</receiver>
)xml"));
    EXPECT_EQ(warnings(manifest),
              (Strings{"app/AndroidManifest.xml:3:29: warning: unknown attribute "
                       "'android:priority' on <receiver>; ignored",
                       "app/AndroidManifest.xml:4:47: warning: unknown attribute "
                       "'android:exported' on <action>; ignored"}));
}

TEST(ManifestParserWarnings, AttributeWithoutNamespaceIsIgnored) {
    const Manifest manifest = parseOk(app("<activity android:name=\".M\" exported=\"true\" />\n"));
    EXPECT_FALSE(manifest.components.at(0).exported);
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:3:29: warning: <activity> attribute 'exported' has "
                      "no namespace and is ignored; Android reads 'android:exported'"});
}

TEST(ManifestParserWarnings, AliasAttributesOnlyTheTargetHasAreIgnored) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main" />
<activity-alias android:name=".A" android:targetActivity=".Main" android:launchMode="singleTask" />
)xml"));
    EXPECT_EQ(manifest.components.at(1).launchMode, "standard");
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:4:66: warning: <activity-alias> attribute "
                      "'android:launchMode' is ignored: an alias takes it from its target "
                      "activity"});
}

TEST(ManifestParserWarnings, DuplicateActionsAndCategoriesAreKeptOnce) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="android.intent.action.MAIN" />
        <action android:name="android.intent.action.MAIN" />
        <category android:name="android.intent.category.HOME" />
        <category android:name="android.intent.category.HOME" />
    </intent-filter>
</activity>
)xml"));
    const IntentFilter& filter = manifest.components.at(0).filters.at(0);
    EXPECT_EQ(filter.actions, Strings{"android.intent.action.MAIN"});
    EXPECT_EQ(filter.categories, Strings{"android.intent.category.HOME"});
    EXPECT_EQ(warnings(manifest),
              (Strings{"app/AndroidManifest.xml:6:9: warning: duplicate <action> "
                       "'android.intent.action.MAIN' in this <intent-filter>; Android keeps one",
                       "app/AndroidManifest.xml:8:9: warning: duplicate <category> "
                       "'android.intent.category.HOME' in this <intent-filter>; Android keeps "
                       "one"}));
}

TEST(ManifestParserWarnings, ActivityFilterWithoutActionIsDropped) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <category android:name="android.intent.category.DEFAULT" />
    </intent-filter>
</activity>
)xml"));
    const Component& main = manifest.components.at(0);
    EXPECT_TRUE(main.filters.empty());
    EXPECT_FALSE(main.exported);  // no filter survived, so the default is false
    EXPECT_EQ(warnings(manifest), Strings{"app/AndroidManifest.xml:4:5: warning: <intent-filter> "
                                          "has no <action>, so Android drops it"});
}

TEST(ManifestParserWarnings, ServiceFilterWithoutActionIsKept) {
    const Manifest manifest = parseOk(app(R"xml(<service android:name=".S">
    <intent-filter><category android:name="c.D" /></intent-filter>
</service>
)xml"));
    EXPECT_EQ(manifest.components.at(0).filters.size(), 1u);
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:4:5: warning: <intent-filter> has no <action>, so "
                      "it matches only intents without one"});
}

TEST(ManifestParserWarnings, SecondApplicationIsIgnored) {
    const Manifest manifest = parseOk(
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app">
<application android:label="One" />
<application android:label="Two"><activity android:name=".M" /></application>
</manifest>
)xml");
    EXPECT_EQ(manifest.application.label, "One");
    EXPECT_TRUE(manifest.components.empty());
    EXPECT_EQ(warnings(manifest), Strings{"app/AndroidManifest.xml:3:1: warning: second "
                                          "<application> ignored: Android reads only the first"});
}

TEST(ManifestParserWarnings, FilterWithoutExportedOnAndroid12Targets) {
    const Manifest manifest = parseOk(
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app">
<uses-sdk android:targetSdkVersion="31" />
<application>
<activity android:name=".Main"><intent-filter><action android:name="a.B" /></intent-filter></activity>
</application>
</manifest>
)xml");
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:4:1: warning: <activity> 'com.example.app.Main' "
                      "has an <intent-filter> but no 'android:exported'; Android 12 refuses to "
                      "install it when targetSdkVersion is 31 or more"});
}

TEST(ManifestParserWarnings, SdkCodenameIsLeftUnset) {
    const Manifest manifest = parseOk(
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.app">
<uses-sdk android:minSdkVersion="Tiramisu" android:targetSdkVersion="33" />
<application />
</manifest>
)xml");
    EXPECT_FALSE(manifest.minSdk.has_value());
    EXPECT_EQ(manifest.targetSdk, 33);
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:2:11: warning: <uses-sdk> attribute "
                      "'android:minSdkVersion' is 'Tiramisu', not an API level; left unset"});
}

TEST(ManifestParserWarnings, StrictTurnsTheFirstWarningIntoTheError) {
    ParseOptions strict;
    strict.strict = true;
    const std::string xml = app(R"xml(<activity android:name=".Main">
    <intent-filter>
        <action android:name="a.B" />
        <category android:name="c.D" />
        <category android:name="c.D" />
    </intent-filter>
</activity>
)xml");
    EXPECT_EQ(parseError(xml, strict),
              "app/AndroidManifest.xml:7:9: duplicate <category> 'c.D' in this <intent-filter>; "
              "Android keeps one");
}

// ---- errors -----------------------------------------------------------------------------------

TEST(ManifestParserErrors, MalformedXmlGivesPugixmlsDescriptionAndItsPlace) {
    EXPECT_EQ(parseError("<manifest package=\"a.b\" <application/></manifest>"),
              "app/AndroidManifest.xml:1:25: malformed XML: error parsing start element tag");
}

TEST(ManifestParserErrors, MismatchedEndTagNamesBothTags) {
    EXPECT_EQ(parseError("<manifest package=\"a.b\">\n  <application>\n    <activity>\n  "
                         "</application>\n</manifest>\n"),
              "app/AndroidManifest.xml:4:3: malformed XML: expected </activity> to close "
              "<activity> from line 3, found </application>");
}

TEST(ManifestParserErrors, EmptyDocument) {
    EXPECT_EQ(parseError(""),
              "app/AndroidManifest.xml:1:1: malformed XML: no document element found");
}

TEST(ManifestParserErrors, SecondRootElement) {
    EXPECT_EQ(parseError("<manifest package=\"a.b\" />\n<manifest package=\"c.d\" />\n"),
              "app/AndroidManifest.xml:2:1: malformed XML: <manifest> after the root element "
              "<manifest>");
}

TEST(ManifestParserErrors, BareAmpersand) {
    EXPECT_EQ(parseError(app("<activity android:name=\".M\" android:label=\"Tom & Jerry\" />\n")),
              "app/AndroidManifest.xml:3:48: malformed XML: '&' must start a reference such as "
              "'&amp;'");
}

TEST(ManifestParserErrors, EntityXmlDoesNotDefine) {
    EXPECT_EQ(parseError(app("<activity android:name=\".M\" android:label=\"a&nbsp;b\" />\n")),
              "app/AndroidManifest.xml:3:45: malformed XML: unknown entity '&nbsp;'; XML "
              "predefines only &amp; &lt; &gt; &quot; &apos;");
}

TEST(ManifestParserErrors, AmpersandsInCommentsAndCdataAreFine) {
    const Manifest manifest =
        parseOk(app("<!-- Tom & Jerry --><activity android:name=\".M\" "
                    "android:label=\"&amp;&#65;&#x42;\" />\n"));
    EXPECT_EQ(manifest.components.at(0).label, "&AB");
}

TEST(ManifestParserErrors, RepeatedAttribute) {
    EXPECT_EQ(parseError(app("<activity android:name=\".A\" android:name=\".B\" />\n")),
              "app/AndroidManifest.xml:3:29: malformed XML: <activity> has attribute "
              "'android:name' twice");
}

TEST(ManifestParserErrors, UndeclaredAndroidPrefix) {
    EXPECT_EQ(parseError("<manifest package=\"a.b\">\n<application android:label=\"x\" />\n"
                         "</manifest>\n"),
              "app/AndroidManifest.xml:2:14: malformed XML: namespace prefix 'android' is not "
              "declared; add xmlns:android=\"http://schemas.android.com/apk/res/android\" to "
              "<manifest>");
}

TEST(ManifestParserErrors, RootMustBeManifest) {
    EXPECT_EQ(parseError("<?xml version=\"1.0\"?>\n<resources />\n"),
              "app/AndroidManifest.xml:2:1: the root element must be <manifest>, found "
              "<resources>");
}

TEST(ManifestParserErrors, Utf16IsRefused) {
    EXPECT_EQ(parseError(std::string("\xFF\xFE<\0m\0", 6)),
              "app/AndroidManifest.xml:1:1: the manifest is UTF-16 text; Hearth reads UTF-8 "
              "manifests");
}

TEST(ManifestParserErrors, InvalidPackageName) {
    EXPECT_EQ(parseError("<manifest package=\"com.1example\"><application /></manifest>"),
              "app/AndroidManifest.xml:1:11: <manifest> attribute 'package' must be a package "
              "name such as 'com.example.app', got 'com.1example'");
}

TEST(ManifestParserErrors, ComponentWithoutName) {
    EXPECT_EQ(parseError(app("<service android:label=\"S\" />\n")),
              "app/AndroidManifest.xml:3:1: <service> is missing required attribute "
              "'android:name'");
}

TEST(ManifestParserErrors, ComponentWithEmptyName) {
    EXPECT_EQ(parseError(app("<activity android:name=\"\" />\n")),
              "app/AndroidManifest.xml:3:11: <activity> attribute 'android:name' is empty");
}

TEST(ManifestParserErrors, ActionWithoutName) {
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter><action /></intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:4:20: <action> is missing required attribute "
              "'android:name'");
}

TEST(ManifestParserErrors, EmptyActionName_M25) {
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter><action android:name="" /></intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:4:28: <action> attribute 'android:name' is empty; Android "
              "11+ refuses this for targetSdk 30+ (S-2)");
}

TEST(ManifestParserErrors, EmptyCategoryName_M25) {
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter><action android:name="a.B" /><category android:name="" /></intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:4:59: <category> attribute 'android:name' is empty; Android "
              "11+ refuses this for targetSdk 30+ (S-2)");
}

TEST(ManifestParserErrors, S2_AnEmptyNameIsKeptBelowTargetSdk30OrBeforeAndroid11) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "package=\"com.example.app\">\n<uses-sdk android:minSdkVersion=\"21\" "
        "android:targetSdkVersion=\"29\"/>\n<application>\n<activity android:name=\".M\">\n"
        "  <intent-filter><action android:name=\"\" /><action android:name=\"a.B\" />"
        "</intent-filter>\n</activity>\n</application>\n</manifest>\n";
    const Manifest kept = parseOk(xml);
    ASSERT_EQ(kept.components.size(), 1u);
    EXPECT_EQ(kept.components[0].filters[0].actions, (std::vector<std::string>{"", "a.B"}));
    ASSERT_EQ(kept.diagnostics.size(), 1u);
    EXPECT_EQ(kept.diagnostics[0].toString(),
              "app/AndroidManifest.xml:5:26: warning: <action> attribute 'android:name' is empty; "
              "Android keeps the empty name (S-2: refused only for targetSdk 30+ on Android 11+)");
    std::string target30 = xml;
    target30.replace(target30.find("\"29\""), 4, "\"30\"");
    EXPECT_EQ(parseError(target30),
              "app/AndroidManifest.xml:5:26: <action> attribute 'android:name' is empty; Android "
              "11+ refuses this for targetSdk 30+ (S-2)");
    ParseOptions android10;
    android10.apiLevel = 29;
    EXPECT_EQ(parseOk(target30, android10).components[0].filters[0].actions.size(), 2u);
}

TEST(ManifestParserErrors, NonNumericPriority) {
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter android:priority="high"><action android:name="a.B" /></intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:4:20: <intent-filter> attribute 'android:priority' must "
              "be an integer, got 'high'");
}

TEST(ManifestParserErrors, PriorityBeyond32Bits) {
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter android:priority="4294967296"><action android:name="a.B" /></intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:4:20: <intent-filter> attribute 'android:priority' must "
              "be an integer, got '4294967296'");
}

TEST(ManifestParserErrors, NonNumericOrder) {
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter android:order="1.5"><action android:name="a.B" /></intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:4:20: <intent-filter> attribute 'android:order' must be "
              "an integer, got '1.5'");
}

TEST(ManifestParserErrors, BooleanThatIsNeitherTrueNorFalse) {
    EXPECT_EQ(parseError(app("<activity android:name=\".M\" android:exported=\"yes\" />\n")),
              "app/AndroidManifest.xml:3:29: <activity> attribute 'android:exported' must be "
              "'true' or 'false', got 'yes'");
}

TEST(ManifestParserErrors, UnknownLaunchMode) {
    EXPECT_EQ(
        parseError(app("<activity android:name=\".M\" android:launchMode=\"singleHome\" />\n")),
        "app/AndroidManifest.xml:3:29: <activity> attribute 'android:launchMode' must be "
        "one of 'standard', 'singleTop', 'singleTask', 'singleInstance', "
        "'singleInstancePerTask', got 'singleHome'");
}

TEST(ManifestParserErrors, AliasWithoutTarget) {
    EXPECT_EQ(parseError(app("<activity-alias android:name=\".A\" />\n")),
              "app/AndroidManifest.xml:3:1: <activity-alias> is missing required attribute "
              "'android:targetActivity'");
}

TEST(ManifestParserErrors, AliasTargetThatIsNotAnActivityOfTheManifest) {
    EXPECT_EQ(parseError(app(R"xml(<service android:name=".Main" />
<activity-alias android:name=".A" android:targetActivity=".Main" />
)xml")),
              "app/AndroidManifest.xml:4:35: <activity-alias> attribute 'android:targetActivity' "
              "names 'com.example.app.Main', which is not an <activity> of this manifest");
}

TEST(ManifestParserErrors, InvalidUnicodeEscape) {
    EXPECT_EQ(parseError(app("<activity android:name=\".M\" android:label=\"x\\u12G4\" />\n")),
              "app/AndroidManifest.xml:3:29: <activity> attribute 'android:label' has an invalid "
              "unicode escape '\\u12G4': expected four hex digits");
}

TEST(ManifestParserErrors, LoneSurrogateEscape) {
    EXPECT_EQ(parseError(app("<activity android:name=\".M\" android:label=\"\\uDE00\" />\n")),
              "app/AndroidManifest.xml:3:29: <activity> attribute 'android:label' has an invalid "
              "unicode escape '\\uDE00': a low surrogate without a high one");
}

// M-19: IntentFilter.addDataType refuses these, and with them the package
// (../shared/conformance/filter-errors.*, lines 1-4).
class MimeTypeErrors : public testing::TestWithParam<const char*> {};

TEST_P(MimeTypeErrors, TypeWithoutSubtypeFailsThePackage) {
    const std::string type = GetParam();
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter>
        <action android:name="a.B" />
        <data android:mimeType=")xml" +
                             type + R"xml(" />
    </intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:6:15: <data> attribute 'android:mimeType' must look like "
              "'type/subtype', got '" +
                  type + "'");
}

INSTANTIATE_TEST_SUITE_P(ManifestParserErrors, MimeTypeErrors,
                         testing::Values("image", "/png", "image/", "*"));

// PackageParser reads ports with Integer.parseInt (filter-errors.*, lines 5-7).
class PortErrors : public testing::TestWithParam<const char*> {};

TEST_P(PortErrors, PortThatIsNotA32BitNumberFailsThePackage) {
    const std::string port = GetParam();
    EXPECT_EQ(parseError(app(R"xml(<activity android:name=".M">
    <intent-filter>
        <action android:name="a.B" />
        <data android:scheme="http" android:host="h" android:port=")xml" +
                             port + R"xml(" />
    </intent-filter>
</activity>
)xml")),
              "app/AndroidManifest.xml:6:54: <data> attribute 'android:port' must be a 32-bit "
              "whole number, got '" +
                  port + "'");
}

INSTANTIATE_TEST_SUITE_P(ManifestParserErrors, PortErrors,
                         testing::Values("eighty", "", "99999999999"));

// Malformed advanced patterns (filter-errors.*, lines 8-13), as written in XML.
struct PatternCase {
    const char* xmlValue;
    const char* message;
};

class AdvancedPatternErrors : public testing::TestWithParam<PatternCase> {};

TEST_P(AdvancedPatternErrors, MalformedAdvancedPatternFailsThePackage) {
    EXPECT_EQ(parseError(app(std::string(R"xml(<activity android:name=".M">
    <intent-filter>
        <action android:name="a.B" />
        <data android:scheme="http" android:host="h" android:pathAdvancedPattern=")xml") +
                             GetParam().xmlValue + R"xml(" />
    </intent-filter>
</activity>
)xml")),
              std::string("app/AndroidManifest.xml:6:54: <data> attribute "
                          "'android:pathAdvancedPattern': ") +
                  GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    ManifestParserErrors, AdvancedPatternErrors,
    testing::Values(
        PatternCase{"*a",
                    "advanced pattern '*a' is malformed: '*' (character 1) must follow a "
                    "character, '.' or a set"},
        PatternCase{"/[",
                    "advanced pattern '/[' is malformed: the set '[' (character 2) is not "
                    "closed by ']'"},
        PatternCase{"/[]",
                    "advanced pattern '/[]' is malformed: the set '[' (character 2) is "
                    "empty"},
        PatternCase{"/a{2",
                    "advanced pattern '/a{2' is malformed: the range '{' (character 3) "
                    "is not closed by '}'"},
        PatternCase{"/a\\\\",
                    "advanced pattern '/a\\' is malformed: the '\\' at the end "
                    "escapes nothing"},
        PatternCase{"/a{3,1}",
                    "advanced pattern '/a{3,1}' is malformed: the range '{3,1}' "
                    "(character 3) has a minimum greater than its maximum"}));

// ---- package-level facts the modern rules read (android-modern.md 1.2) ------------------------

namespace {

// A manifest whose <manifest> holds `body` (before an empty <application>); body starts on line 2.
std::string top(std::string_view body) {
    return std::string(
               "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
               "xmlns:tools=\"http://schemas.android.com/tools\" package=\"com.example.app\">\n") +
           std::string(body) + "<application />\n</manifest>\n";
}

}  // namespace

TEST(ManifestPackageFacts, UsesPermissionNamesAreKeptOnceInDocumentOrder_V2) {
    const Manifest manifest = parseOk(top(R"xml(<uses-permission android:name="android.permission.INTERNET" />
<uses-permission android:name="android.permission.QUERY_ALL_PACKAGES" android:maxSdkVersion="0" />
<uses-permission-sdk-23 android:name="android.permission.CAMERA" android:maxSdkVersion="30" />
<uses-permission android:name="android.permission.INTERNET" />
<uses-permission-sdk-m android:name="android.permission.READ_CONTACTS" />
<uses-permission android:name="android.permission.WAKE_LOCK" tools:node="remove" />
)xml"));
    ASSERT_EQ(manifest.usesPermissions.size(), 4u);
    EXPECT_EQ(manifest.usesPermissions[0].name, "android.permission.INTERNET");
    EXPECT_EQ(manifest.usesPermissions[0].where.line, 2);
    EXPECT_FALSE(manifest.usesPermissions[0].sdk23);
    EXPECT_EQ(manifest.usesPermissions[1].name, "android.permission.QUERY_ALL_PACKAGES");
    EXPECT_EQ(manifest.usesPermissions[1].maxSdkVersion, std::nullopt);  // 0: no limit
    EXPECT_EQ(manifest.usesPermissions[2].name, "android.permission.CAMERA");
    EXPECT_EQ(manifest.usesPermissions[2].maxSdkVersion, 30);
    EXPECT_TRUE(manifest.usesPermissions[2].sdk23);
    EXPECT_EQ(manifest.usesPermissions[3].name, "android.permission.READ_CONTACTS");
    EXPECT_TRUE(manifest.usesPermissions[3].sdk23);
    EXPECT_TRUE(manifest.requestsPermission("android.permission.QUERY_ALL_PACKAGES"));
    EXPECT_FALSE(manifest.requestsPermission("android.permission.WAKE_LOCK"));
    EXPECT_TRUE(manifest.diagnostics.empty()) << warnings(manifest).front();
}

TEST(ManifestPackageFacts, UsesPermissionWithoutANameIsIgnoredWithAWarning) {
    const Manifest manifest = parseOk(top(R"xml(<uses-permission android:maxSdkVersion="22" />
<uses-permission android:name="@string/perm" />
)xml"));
    EXPECT_TRUE(manifest.usesPermissions.empty());
    EXPECT_EQ(warnings(manifest),
              (Strings{"app/AndroidManifest.xml:2:1: warning: <uses-permission> has no "
                       "'android:name'; Android ignores it",
                       "app/AndroidManifest.xml:3:18: warning: <uses-permission> attribute "
                       "'android:name' is a resource reference, which Android does not read "
                       "here; ignored"}));
}

TEST(ManifestPackageFacts, QueriesPackagesIntentsAndProvidersAddUp_V5_V6_V7) {
    const Manifest manifest = parseOk(top(R"xml(<queries>
  <package android:name="com.example.store" />
  <intent>
    <action android:name="android.intent.action.VIEW" />
    <category android:name="android.intent.category.BROWSABLE" />
    <data android:scheme="https" android:host="*.example.com" />
  </intent>
  <provider android:authorities="com.a.files;;com.b.files" />
</queries>
<queries>
  <package android:name="com.example.other" />
  <intent><data android:mimeType="image/*" /></intent>
  <intent><action android:name="android.intent.action.SEND" /><data android:scheme="mailto" /></intent>
  <package android:name="com.example.gone" tools:node="remove" />
</queries>
)xml"));
    const Queries& queries = manifest.queries;
    EXPECT_EQ(queries.packages, (Strings{"com.example.store", "com.example.other"}));
    EXPECT_EQ(queries.providerAuthorities, (Strings{"com.a.files", "com.b.files"}));
    ASSERT_EQ(queries.intents.size(), 3u);
    const QueriesIntent& view = queries.intents[0];
    EXPECT_EQ(view.action, "android.intent.action.VIEW");
    EXPECT_EQ(view.categories, Strings{"android.intent.category.BROWSABLE"});
    EXPECT_EQ(view.host, "*.example.com");
    EXPECT_EQ(view.dataUri(), "https://*.example.com/*");
    EXPECT_EQ(view.where.line, 4);
    EXPECT_EQ(view.where.column, 3);
    // A type alone probes content://*/*.
    EXPECT_EQ(queries.intents[1].action, std::nullopt);
    EXPECT_EQ(queries.intents[1].mimeType, "image/*");
    EXPECT_EQ(queries.intents[1].dataUri(), "content://*/*");
    // A scheme without a host: Uri.Builder writes no "//".
    EXPECT_EQ(queries.intents[2].dataUri(), "mailto:/*");
    const Intent probe = queries.intents[0].probe();
    EXPECT_EQ(probe.action, "android.intent.action.VIEW");
    ASSERT_TRUE(probe.data.has_value());
    EXPECT_EQ(probe.data->host(), "*.example.com");
    EXPECT_EQ(probe.data->path(), "/*");
    EXPECT_TRUE(manifest.diagnostics.empty()) << warnings(manifest).front();
}

TEST(ManifestPackageFacts, QueriesIntentWithoutActionOrDataFailsThePackage_V6) {
    EXPECT_EQ(parseError(top("<queries>\n  <intent><category android:name=\"a.B\" /></intent>\n"
                             "</queries>\n")),
              "app/AndroidManifest.xml:3:3: <intent> in <queries> needs an <action>, or a <data> "
              "with a scheme or a mimeType; Android refuses the package ('intent tags must "
              "contain either an action or data.')");
}

TEST(ManifestPackageFacts, QueriesIntentWithTwoActionsFailsThePackage_V6) {
    EXPECT_EQ(parseError(top("<queries><intent>\n  <action android:name=\"a.PICK\" />\n"
                             "  <action android:name=\"a.GET\" />\n</intent></queries>\n")),
              "app/AndroidManifest.xml:2:10: <intent> in <queries> has 2 actions, more than the "
              "one Android accepts; Android refuses the package ('intent tag may have at most "
              "one action.')");
}

TEST(ManifestPackageFacts, QueriesIntentWithTwoTypesSchemesOrHostsFailsThePackage_V6) {
    EXPECT_EQ(parseError(top("<queries><intent><data android:mimeType=\"image/png\" />"
                             "<data android:mimeType=\"text/plain\" /></intent></queries>\n")),
              "app/AndroidManifest.xml:2:10: <intent> in <queries> has 2 data types, more than "
              "the one Android accepts; Android refuses the package ('intent tag may have at "
              "most one data type.')");
    EXPECT_EQ(parseError(top("<queries><intent><data android:scheme=\"http\" />"
                             "<data android:scheme=\"https\" /></intent></queries>\n")),
              "app/AndroidManifest.xml:2:10: <intent> in <queries> has 2 data schemes, more than "
              "the one Android accepts; Android refuses the package ('intent tag may have at "
              "most one data scheme.')");
    // Hosts are not de-duplicated by IntentFilter.addDataAuthority, so the same host twice counts.
    EXPECT_EQ(parseError(top("<queries><intent><data android:scheme=\"https\" "
                             "android:host=\"a.com\" /><data android:host=\"a.com\" />"
                             "</intent></queries>\n")),
              "app/AndroidManifest.xml:2:10: <intent> in <queries> has 2 data hosts, more than "
              "the one Android accepts; Android refuses the package ('intent tag may have at "
              "most one data host.')");
}

TEST(ManifestPackageFacts, QueriesIntentChildrenAreCheckedLikeAFilters_V6_M25) {
    EXPECT_EQ(parseError(top("<queries><intent><action android:name=\"\" /></intent></queries>\n")),
              "app/AndroidManifest.xml:2:26: <action> attribute 'android:name' is empty; Android "
              "11+ refuses this for targetSdk 30+ (S-2)");
    EXPECT_EQ(parseError(top("<queries><intent><data android:mimeType=\"image\" />"
                             "</intent></queries>\n")),
              "app/AndroidManifest.xml:2:24: <data> attribute 'android:mimeType' must look like "
              "'type/subtype', got 'image'");
}

TEST(ManifestPackageFacts, QueriesPackageAndProviderNeedTheirAttribute_V5_V7) {
    EXPECT_EQ(parseError(top("<queries><package /></queries>\n")),
              "app/AndroidManifest.xml:2:10: <package> is missing required attribute "
              "'android:name'");
    EXPECT_EQ(parseError(top("<queries><provider android:authorities=\"\" /></queries>\n")),
              "app/AndroidManifest.xml:2:20: <provider> attribute 'android:authorities' is empty");
}

TEST(ManifestPackageFacts, UnknownElementInQueriesIsIgnoredWithAWarning) {
    const Manifest manifest = parseOk(top("<queries><activity android:name=\".X\" /></queries>\n"));
    EXPECT_EQ(warnings(manifest), Strings{"app/AndroidManifest.xml:2:10: warning: unknown element "
                                          "<activity> in <queries>; ignored"});
}

TEST(ManifestPackageFacts, ForceQueryableIsReadOnTheApplication_V4) {
    EXPECT_TRUE(parseOk(app("")).application.forceQueryable == false);
    const Manifest manifest = parseOk(
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"a.b\">"
        "<application android:forceQueryable=\"true\" /></manifest>");
    EXPECT_TRUE(manifest.application.forceQueryable);
}

TEST(ManifestPackageFacts, EffectiveTargetSdkFallsBackToMinSdkThenOneAsAndroidDoes) {
    const auto target = [](std::string_view usesSdk) {
        return parseOk(top(usesSdk)).effectiveTargetSdk();
    };
    EXPECT_EQ(target("<uses-sdk android:minSdkVersion=\"21\" android:targetSdkVersion=\"34\" />\n"),
              34);
    EXPECT_EQ(target("<uses-sdk android:minSdkVersion=\"21\" />\n"), 21);
    EXPECT_EQ(target("<uses-sdk />\n"), 1);
    // No <uses-sdk> at all: PackageParser's DEFAULT_TARGET_SDK_VERSION.
    EXPECT_EQ(target(""), 0);
    EXPECT_EQ(parseOk(top("")).effectiveMinSdk(), 1);
}

TEST(ManifestPackageFacts, ProviderIsExportedByDefaultWhenTargetingBelow17) {
    const auto exported = [](std::string_view usesSdk, std::string_view extra = "") {
        const std::string xml =
            "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
            "package=\"a.b\">" +
            std::string(usesSdk) +
            "<application><provider android:name=\".P\" android:authorities=\"a.b.p\" " +
            std::string(extra) + "/></application></manifest>";
        return parseOk(xml).components.at(0).exported;
    };
    EXPECT_TRUE(exported("<uses-sdk android:targetSdkVersion=\"16\" />"));
    EXPECT_FALSE(exported("<uses-sdk android:targetSdkVersion=\"17\" />"));
    EXPECT_TRUE(exported("<uses-sdk android:minSdkVersion=\"9\" />"));
    EXPECT_TRUE(exported(""));
    EXPECT_FALSE(exported("<uses-sdk android:targetSdkVersion=\"16\" />",
                          "android:exported=\"false\""));
    // A provider's filter does not change its default (unlike other components').
    EXPECT_FALSE(exported("<uses-sdk android:targetSdkVersion=\"30\" />",
                          "><intent-filter><action android:name=\"a.B\" /></intent-filter>"
                          "</provider><provider android:name=\".Q\" android:authorities=\"q\" "));
}

TEST(ManifestParserWarnings, ActionOrCategoryOneEditFromAWellKnownNameIsNamed) {
    const Manifest manifest = parseOk(app(R"xml(<activity android:name=".M">
  <intent-filter>
    <action android:name="android.intent.action.VEIW" />
    <action android:name="android.intent.action.view" />
    <action android:name="android.intent.action.SENDTO" />
    <action android:name="com.example.VIEW" />
    <category android:name="android.intent.category.BROWSEABLE" />
    <category android:name="android.intent.category.DEFAULT" />
  </intent-filter>
</activity>
)xml"));
    EXPECT_EQ(warnings(manifest),
              (Strings{"app/AndroidManifest.xml:5:13: warning: <action> "
                       "'android.intent.action.VEIW' is not an action Android defines; did you "
                       "mean 'android.intent.action.VIEW'?",
                       "app/AndroidManifest.xml:6:13: warning: <action> "
                       "'android.intent.action.view' is not an action Android defines; did you "
                       "mean 'android.intent.action.VIEW'?",
                       "app/AndroidManifest.xml:9:15: warning: <category> "
                       "'android.intent.category.BROWSEABLE' is not a category Android defines; "
                       "did you mean 'android.intent.category.BROWSABLE'?"}));
    // The names are still kept as written: the warning changes nothing.
    EXPECT_EQ(manifest.components.at(0).filters.at(0).actions.front(),
              "android.intent.action.VEIW");
}

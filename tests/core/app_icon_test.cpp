// loadAppIcon (app_icon.cpp): real APKs from ../shared/realworld/apks (a launcher icon in
// density-qualified drawables, an activity with its own icon, an anydpi-v26 adaptive icon) and
// APKs compiled by Debian's aapt at test time.

#include <gtest/gtest.h>
#include <hearth/app_icon.h>
#include <hearth/limits.h>
#include <hearth/manifest.h>

#include <filesystem>
#include <string>

#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

// A 2x2 RGBA PNG: aapt crunches PNGs, so a stub must be a real one.
const std::string kPng(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00\x00"
    "\x02\x08\x06\x00\x00\x00\x72\xb6\x0d\x24\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\x60\x68"
    "\xf8\xff\x1f\x8c\x61\x0c\x00\x52\xd2\x09\xf9\x3c\x46\xb6\xda\x00\x00\x00\x00\x49\x45\x4e\x44"
    "\xae\x42\x60\x82",
    73);

bool isPng(const std::string& bytes) { return bytes.rfind("\x89PNG\r\n\x1a\n", 0) == 0; }

fs::path realApk(const std::string& name) {
    return fs::path(HEARTH_SHARED_DIR) / "realworld" / "apks" / name;
}

Manifest loadOrSkip(const fs::path& apk) {
    Result<Manifest> manifest = loadManifest(apk);
    EXPECT_TRUE(manifest) << manifest.error().toString();
    return manifest ? std::move(manifest).value() : Manifest{};
}

const Component& componentNamed(const Manifest& manifest, const std::string& name) {
    const Component* component = manifest.findComponent(name);
    EXPECT_NE(component, nullptr) << name;
    static const Component kNone;
    return component ? *component : kNone;
}

AppIcon iconOf(const Manifest& manifest, const Component& component) {
    Result<std::optional<AppIcon>> icon = loadAppIcon(manifest, component);
    EXPECT_TRUE(icon) << icon.error().toString();
    if (!icon || !icon->has_value()) {
        ADD_FAILURE() << "no icon for " << component.name;
        return {};
    }
    return **icon;
}

const char* const kAdaptiveIcon =
    "<adaptive-icon xmlns:android=\"http://schemas.android.com/apk/res/android\">\n"
    "  <background android:drawable=\"@android:color/white\"/>\n"
    "  <foreground android:drawable=\"@android:color/black\"/>\n"
    "</adaptive-icon>\n";

// An app whose launcher icon is a mipmap in three densities and an anydpi-v26 adaptive icon,
// with one activity that has its own icon (an hdpi drawable) and one that has none.
fs::path compileIconApp(const TempDir& dir) {
    const fs::path source = dir.path() / "source";
    writeFile(source / "AndroidManifest.xml", R"(<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.icons">
    <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="34"/>
    <application android:label="Icons" android:icon="@mipmap/ic_launcher">
        <activity android:name=".Own" android:icon="@drawable/own" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.MAIN"/>
                <category android:name="android.intent.category.HOME"/>
                <category android:name="android.intent.category.DEFAULT"/>
            </intent-filter>
        </activity>
        <activity android:name=".Plain" android:exported="true">
            <intent-filter>
                <action android:name="android.intent.action.MAIN"/>
                <category android:name="android.intent.category.LAUNCHER"/>
            </intent-filter>
        </activity>
    </application>
</manifest>
)");
    for (const char* density : {"xhdpi", "xxhdpi", "xxxhdpi"}) {
        writeFile(source / "res" / (std::string("mipmap-") + density) / "ic_launcher.png", kPng);
    }
    writeFile(source / "res" / "mipmap-anydpi-v26" / "ic_launcher.xml", kAdaptiveIcon);
    writeFile(source / "res" / "drawable-hdpi" / "own.png", kPng);
    const fs::path apk = dir.path() / "icons.apk";
    EXPECT_EQ(compileApk(source / "AndroidManifest.xml", apk, dir.path()), "");
    return apk;
}

}  // namespace

TEST(AppIconRealApk, ApplicationIconIsItsDensiestDrawableBelowAPhonesDensity) {
    const fs::path apk = realApk("ag-a2dp.Vol_137.apk");
    if (!fs::exists(apk)) GTEST_SKIP() << apk << " is not in the shared real-world APKs";
    const Manifest manifest = loadOrSkip(apk);
    // ldpi, mdpi, hdpi and xhdpi: nothing reaches xxhdpi, so the densest wins.
    const Component& service = componentNamed(manifest, "a2dp.Vol.service");
    ASSERT_FALSE(service.icon);
    const AppIcon icon = iconOf(manifest, service);
    EXPECT_EQ(icon.entry, "res/drawable-xhdpi-v4/ic_launcher.png");
    EXPECT_EQ(icon.density, 320);
    EXPECT_TRUE(isPng(icon.bytes));
    EXPECT_EQ(icon.bytes.size(), 6815u);  // as `unzip -l` lists the entry
}

TEST(AppIconRealApk, ActivityWithItsOwnIconWinsOverTheApplications) {
    const fs::path apk = realApk("ag-a2dp.Vol_137.apk");
    if (!fs::exists(apk)) GTEST_SKIP() << apk << " is not in the shared real-world APKs";
    const Manifest manifest = loadOrSkip(apk);
    const Component& main = componentNamed(manifest, "a2dp.Vol.main");
    EXPECT_EQ(main.icon, "@drawable/icon5");
    EXPECT_EQ(iconReference(manifest, main), "@drawable/icon5");
    const AppIcon icon = iconOf(manifest, main);
    // What `aapt dump badging` gives as the launchable activity's icon.
    EXPECT_EQ(icon.entry, "res/drawable/icon5.png");
    EXPECT_EQ(icon.density, 0);
    EXPECT_TRUE(isPng(icon.bytes));
}

TEST(AppIconRealApk, AdaptiveIconFallsBackToTheXxhdpiBitmapOfTheSameResource) {
    const fs::path apk = realApk("ag-com.android.example.text.styling.apk");
    if (!fs::exists(apk)) GTEST_SKIP() << apk << " is not in the shared real-world APKs";
    const Manifest manifest = loadOrSkip(apk);
    // aapt dump badging names res/mipmap-anydpi-v26/ic_launcher.xml, which needs rendering.
    EXPECT_EQ(manifest.application.icon, "@mipmap/ic_launcher");
    const AppIcon icon =
        iconOf(manifest, componentNamed(manifest, "com.android.example.text.styling.MainActivity"));
    EXPECT_EQ(icon.entry, "res/mipmap-xxhdpi-v4/ic_launcher.png");
    EXPECT_EQ(icon.density, 480);
    EXPECT_TRUE(isPng(icon.bytes));
    EXPECT_EQ(icon.bytes.size(), 6464u);
}

TEST(AppIconAapt, ActivityIconIsItsOwnDrawableAndTheOtherActivityGetsTheApplications) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("app-icon");
    const fs::path apk = compileIconApp(dir);
    const Manifest manifest = loadOrSkip(apk);
    const Component& own = componentNamed(manifest, "com.example.icons.Own");
    EXPECT_EQ(own.icon, "@drawable/own");
    const AppIcon ownIcon = iconOf(manifest, own);
    EXPECT_EQ(ownIcon.entry, "res/drawable-hdpi-v4/own.png");
    EXPECT_EQ(ownIcon.density, 240);
    EXPECT_TRUE(isPng(ownIcon.bytes));

    const Component& plain = componentNamed(manifest, "com.example.icons.Plain");
    EXPECT_FALSE(plain.icon);
    const AppIcon appIcon = iconOf(manifest, plain);
    // The adaptive icon is skipped; xxhdpi is exact for a phone (xxxhdpi would be scaled down).
    EXPECT_EQ(appIcon.entry, "res/mipmap-xxhdpi-v4/ic_launcher.png");
    EXPECT_EQ(appIcon.density, 480);
    EXPECT_TRUE(isPng(appIcon.bytes));
}

TEST(AppIconAapt, RawResourceIdReferenceResolvesLikeItsName) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("app-icon-id");
    const fs::path apk = compileIconApp(dir);
    Manifest manifest = loadOrSkip(apk);
    const Component& plain = componentNamed(manifest, "com.example.icons.Plain");
    const AppIcon byName = iconOf(manifest, plain);
    // The form the binary manifest gives when resources.arsc has no name for the id.
    Component byId = plain;
    byId.icon = "@0x7f020000";  // aapt numbers drawable before mipmap: drawable/own
    const AppIcon own = iconOf(manifest, byId);
    EXPECT_EQ(own.entry, "res/drawable-hdpi-v4/own.png");
    EXPECT_NE(own.entry, byName.entry);
}

TEST(AppIconAapt, OnlyAnXmlDrawableMeansNoIcon) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("app-icon-xml");
    const fs::path source = dir.path() / "source";
    writeFile(source / "AndroidManifest.xml", R"(<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.vector">
    <application android:icon="@mipmap/ic_launcher">
        <activity android:name=".Main"/>
    </application>
</manifest>
)");
    writeFile(source / "res" / "mipmap-anydpi-v26" / "ic_launcher.xml", kAdaptiveIcon);
    const fs::path apk = dir.path() / "vector.apk";
    ASSERT_EQ(compileApk(source / "AndroidManifest.xml", apk, dir.path()), "");
    const Manifest manifest = loadOrSkip(apk);
    Result<std::optional<AppIcon>> icon =
        loadAppIcon(manifest, componentNamed(manifest, "com.example.vector.Main"));
    ASSERT_TRUE(icon) << icon.error().toString();
    EXPECT_FALSE(icon->has_value());
}

TEST(AppIconAapt, MissingIconEntryIsAnErrorNamingTheApkAndTheEntry) {
    SKIP_WITHOUT_AAPT();
    if (!fs::exists("/usr/bin/zip")) GTEST_SKIP() << "zip is not installed";
    TempDir dir("app-icon-missing");
    const fs::path apk = compileIconApp(dir);
    const std::string command =
        "zip -q -d " + shellQuote(apk.string()) + " res/mipmap-xxhdpi-v4/ic_launcher.png";
    ASSERT_EQ(std::system(command.c_str()), 0);
    const Manifest manifest = loadOrSkip(apk);
    Result<std::optional<AppIcon>> icon =
        loadAppIcon(manifest, componentNamed(manifest, "com.example.icons.Plain"));
    ASSERT_FALSE(icon);
    EXPECT_EQ(icon.error().toString(),
              apk.string() + ": no res/mipmap-xxhdpi-v4/ic_launcher.png in the archive");
}

TEST(AppIconAapt, IconEntryOverTheCapIsAnErrorNotARead) {
    SKIP_WITHOUT_AAPT();
    if (!fs::exists("/usr/bin/zip")) GTEST_SKIP() << "zip is not installed";
    TempDir dir("app-icon-huge");
    const fs::path apk = compileIconApp(dir);
    // Replace the entry by a PNG-headed file one byte over the cap (zeros deflate to a few KB).
    const fs::path staging = dir.path() / "staging";
    const fs::path huge = staging / "res" / "mipmap-xxhdpi-v4" / "ic_launcher.png";
    writeFile(huge, kPng + std::string(limits::kMaxIconBytes + 1 - kPng.size(), '\0'));
    const std::string command = "cd " + shellQuote(staging.string()) + " && zip -q " +
                                shellQuote(apk.string()) + " res/mipmap-xxhdpi-v4/ic_launcher.png";
    ASSERT_EQ(std::system(command.c_str()), 0);
    const Manifest manifest = loadOrSkip(apk);
    Result<std::optional<AppIcon>> icon =
        loadAppIcon(manifest, componentNamed(manifest, "com.example.icons.Plain"));
    ASSERT_FALSE(icon);
    EXPECT_NE(icon.error().toString().find(apk.string() + ": "), std::string::npos)
        << icon.error().toString();
    EXPECT_NE(icon.error().toString().find("res/mipmap-xxhdpi-v4/ic_launcher.png"),
              std::string::npos)
        << icon.error().toString();
}

TEST(AppIconWritten, EveryEntryLayoutOfResourcesArscGivesTheIcon) {
    // 32-bit and 16-bit offset tables, sparse tables, full and compact entries: the icon's name
    // is found back to its id and its file read. Other drawables come first so the id is not 0.
    constexpr uint32_t kIcon = 0x01010002;
    TempDir dir("app-icon-layouts");
    for (ArscWriter& arsc : ArscWriter::everyLayout()) {
        arsc.add({"drawable", "other", value::kString, "res/drawable/other.png", 0, true});
        arsc.add({"drawable", "only_fr", value::kString, "res/drawable-fr/x.png", 0, false});
        const uint32_t icon =
            arsc.add({"drawable", "app_icon", value::kString, "res/drawable/icon.png", 0, true});
        ZipWriter zip;
        zip.stored("AndroidManifest.xml",
                   minimalManifest({androidTyped("icon", kIcon, value::kReference, icon)}).bytes());
        zip.stored("resources.arsc", arsc.bytes());
        zip.stored("res/drawable/icon.png", kPng);
        const std::string what = arsc.layoutName();
        const fs::path apk = dir.path() / ("app-" + what + ".apk");
        writeFile(apk, zip.bytes());
        const Manifest manifest = loadOrSkip(apk);
        ASSERT_FALSE(manifest.components.empty()) << what;
        EXPECT_EQ(manifest.components[0].icon, "@drawable/app_icon") << what;
        Result<std::optional<AppIcon>> found = loadAppIcon(manifest, manifest.components[0]);
        ASSERT_TRUE(found) << what << ": " << found.error().toString();
        ASSERT_TRUE(found->has_value()) << what;
        EXPECT_EQ((*found)->entry, "res/drawable/icon.png") << what;
        EXPECT_EQ((*found)->bytes, kPng) << what;
    }
}

TEST(AppIconSource, SourceManifestHasNoIconToRead) {
    TempDir dir("app-icon-source");
    const fs::path manifestPath = dir.path() / "AndroidManifest.xml";
    const std::string text = R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    package="com.example.source">
    <application android:icon="@mipmap/ic_launcher">
        <activity android:name=".Main" android:icon="@drawable/main"/>
    </application>
</manifest>
)";
    writeFile(manifestPath, text);
    Result<Manifest> manifest = parseManifest(text, manifestPath.string());
    ASSERT_TRUE(manifest) << manifest.error().toString();
    const Component& main = componentNamed(*manifest, "com.example.source.Main");
    EXPECT_EQ(main.icon, "@drawable/main");  // parsed, like the label
    Result<std::optional<AppIcon>> icon = loadAppIcon(*manifest, main);
    ASSERT_TRUE(icon) << icon.error().toString();
    EXPECT_FALSE(icon->has_value());
}

TEST(AppIconSource, NoIconAnywhereIsNoReference) {
    Manifest manifest;
    Component component;
    EXPECT_FALSE(iconReference(manifest, component));
    manifest.application.icon = "@mipmap/app";
    EXPECT_EQ(iconReference(manifest, component), "@mipmap/app");
    component.icon = "@drawable/own";
    EXPECT_EQ(iconReference(manifest, component), "@drawable/own");
}

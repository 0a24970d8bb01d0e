// Resource values next to a source manifest (string_resources.cpp): @string, @bool and @integer
// read from res/values/*.xml in the Gradle layout, as aapt resolves them, with warnings for what
// is missing or broken.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "manifest_fixtures.h"

using namespace hearth;
using namespace hearth::manifest_fixtures;

TEST(ManifestParser, ResolvesStringReferencesFromResValuesNextToTheManifest) {
    const std::filesystem::path dir = scratchDir("strings") / "app" / "src" / "main";
    writeFile(dir / "res" / "values" / "strings.xml", R"xml(<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="app_name">  My   App  </string>
    <string name="alias">@string/app_name</string>
    <string name="quoted">"  keep   spaces  "</string>
    <string name="styled">Hello <b>bold</b> \'world\'</string>
</resources>
)xml");
    writeFile(dir / "res" / "values" / "bools.xml",
              "<resources><bool name=\"on\">false</bool><integer name=\"p\">7</integer>"
              "</resources>");
    const std::string xml = app(
        R"xml(<activity android:name=".A" android:label="@string/app_name" android:enabled="@bool/on">
    <intent-filter android:priority="@integer/p"><action android:name="a.B" /></intent-filter>
</activity>
<activity android:name=".B" android:label="@string/alias" />
<activity android:name=".C" android:label="@string/quoted" />
<activity android:name=".D" android:label="@string/styled" />
)xml");
    const Manifest manifest = parseOk(xml, {}, (dir / "AndroidManifest.xml").string());
    ASSERT_EQ(manifest.components.size(), 4u);
    EXPECT_EQ(manifest.components[0].label, "My App");
    EXPECT_FALSE(manifest.components[0].enabled);
    EXPECT_EQ(manifest.components[0].filters.at(0).priority, 7);
    EXPECT_EQ(manifest.components[1].label, "My App");
    EXPECT_EQ(manifest.components[2].label, "  keep   spaces  ");
    EXPECT_EQ(manifest.components[3].label, "Hello bold 'world'");
    EXPECT_TRUE(manifest.diagnostics.empty()) << warnings(manifest).front();
}

TEST(ManifestParser, StringMissingFromResValuesIsKeptAndWarnedEachTime) {
    const std::filesystem::path dir = scratchDir("strings_missing");
    writeFile(dir / "res" / "values" / "strings.xml",
              "<resources><string name=\"x\">X</string></resources>");
    const std::string file = (dir / "AndroidManifest.xml").string();
    const Manifest manifest =
        parseOk(app(R"xml(<activity android:name=".A" android:label="@string/a" />
<activity android:name=".B" android:label="@string/b" />
)xml"),
                {}, file);
    EXPECT_EQ(manifest.components.at(0).label, "@string/a");
    EXPECT_EQ(warnings(manifest),
              (Strings{file + ":3:29: warning: <activity> attribute 'android:label' is "
                              "'@string/a', which res/values does not define; kept as written",
                       file + ":4:29: warning: <activity> attribute 'android:label' is "
                              "'@string/b', which res/values does not define; kept as written"}));
}

TEST(ManifestParser, WithoutResValuesReferencesAreKeptAndWarnedOnce) {
    const Manifest manifest = parseOk(app(
        R"xml(<activity android:name=".A" android:label="@string/a" android:icon="@drawable/i" />
<activity android:name=".B" android:label="@string/b" android:enabled="@bool/flag" />
)xml"));
    EXPECT_EQ(manifest.components.at(0).label, "@string/a");
    EXPECT_EQ(manifest.components.at(1).label, "@string/b");
    // An unresolved boolean counts as not written: Android's default applies.
    EXPECT_TRUE(manifest.components.at(1).enabled);
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:3:29: warning: <activity> attribute "
                      "'android:label' is '@string/a', but there is no res/values next to the "
                      "manifest; kept as written (later references are not reported)"});
}

TEST(ManifestParser, UnresolvedBooleanReferenceIsNotExplicit) {
    const Manifest manifest =
        parseOk(app(R"xml(<activity android:name=".A" android:exported="@bool/x">
    <intent-filter><action android:name="a.B" /></intent-filter>
</activity>
)xml"));
    EXPECT_TRUE(manifest.components.at(0).exported);
    EXPECT_FALSE(manifest.components.at(0).exportedExplicit);
    EXPECT_EQ(warnings(manifest),
              Strings{"app/AndroidManifest.xml:3:29: warning: <activity> attribute "
                      "'android:exported' is '@bool/x', but there is no res/values next to the "
                      "manifest; treated as not written (later references are not reported)"});
}

TEST(ManifestParser, MalformedValuesFileIsAWarning) {
    const std::filesystem::path dir = scratchDir("strings_bad");
    writeFile(dir / "res" / "values" / "strings.xml",
              "<resources>\n  <string name=\"a\">A</strin>");
    const std::string file = (dir / "AndroidManifest.xml").string();
    const Manifest manifest =
        parseOk(app("<activity android:name=\".A\" android:label=\"@string/a\" />\n"), {}, file);
    const std::string values = (dir / "res" / "values" / "strings.xml").string();
    EXPECT_EQ(warnings(manifest),
              (Strings{values + ":2:21: warning: resource values ignored: malformed XML: "
                                "start-end tags mismatch",
                       file + ":3:29: warning: <activity> attribute 'android:label' is "
                              "'@string/a', which res/values does not define; kept as written"}));
}

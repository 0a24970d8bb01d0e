// parseApk (apk_manifest.cpp) on real APKs compiled by Debian's aapt at test time (every sample
// manifest, rich inline manifests, Android's own framework-res.apk): the model of an APK must equal
// the model of its source, filter by filter. The zip layer is apk_reader_test.cpp, resources.arsc
// arsc_reader_test.cpp.

#include <gtest/gtest.h>
#include <hearth/dump.h>
#include <hearth/manifest.h>

#include <algorithm>
#include <filesystem>
#include <span>

#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

constexpr uint32_t kName = 0x01010003;

nlohmann::json modelJson(const Manifest& manifest) {
    return withoutLocations(
        nlohmann::json::parse(renderDumpJson(std::span<const Manifest>(&manifest, 1))));
}

// Compares two models component by component and filter by filter, so a failure names the
// first filter that differs rather than printing two whole documents.
void expectSameModel(const Manifest& fromApk, const Manifest& fromSource, const std::string& what) {
    const nlohmann::json apk = modelJson(fromApk)["packages"][0];
    const nlohmann::json source = modelJson(fromSource)["packages"][0];
    const nlohmann::json& apkComponents = apk["components"];
    const nlohmann::json& sourceComponents = source["components"];
    ASSERT_EQ(apkComponents.size(), sourceComponents.size()) << what;
    for (size_t c = 0; c < apkComponents.size(); ++c) {
        const nlohmann::json& apkFilters = apkComponents[c]["filters"];
        const nlohmann::json& sourceFilters = sourceComponents[c]["filters"];
        ASSERT_EQ(apkFilters.size(), sourceFilters.size())
            << what << " component " << sourceComponents[c]["name"];
        for (size_t f = 0; f < apkFilters.size(); ++f) {
            EXPECT_EQ(apkFilters[f].dump(2), sourceFilters[f].dump(2))
                << what << " component " << sourceComponents[c]["name"] << " filter #" << f;
        }
        nlohmann::json apkRest = apkComponents[c];
        nlohmann::json sourceRest = sourceComponents[c];
        apkRest.erase("filters");
        sourceRest.erase("filters");
        EXPECT_EQ(apkRest.dump(2), sourceRest.dump(2)) << what;
    }
    nlohmann::json apkRest = apk;
    nlohmann::json sourceRest = source;
    apkRest.erase("components");
    sourceRest.erase("components");
    EXPECT_EQ(apkRest.dump(2), sourceRest.dump(2)) << what;
}

std::vector<std::string> messagesOf(const Manifest& manifest) {
    std::vector<std::string> messages;
    for (const Diagnostic& diagnostic : manifest.diagnostics)
        messages.push_back(diagnostic.message);
    return messages;
}

// Element names in document order, as `aapt dump xmltree` lists them ("E: activity (line=12)").
std::vector<std::string> aaptElements(const fs::path& apk, const fs::path& workDir) {
    const fs::path out = workDir / "xmltree.txt";
    const std::string command = shellQuote(findAapt()->string()) + " dump xmltree " +
                                shellQuote(apk.string()) + " AndroidManifest.xml > " +
                                shellQuote(out.string()) + " 2>&1";
    std::vector<std::string> elements;
    if (std::system(command.c_str()) != 0) return elements;
    std::istringstream lines(readFile(out));
    std::string line;
    while (std::getline(lines, line)) {
        const size_t at = line.find_first_not_of(' ');
        if (at == std::string::npos || line.compare(at, 3, "E: ") != 0) continue;
        const size_t end = line.find(' ', at + 3);
        elements.push_back(line.substr(at + 3, end - at - 3));
    }
    return elements;
}

std::vector<fs::path> sampleManifests() {
    std::vector<fs::path> manifests;
    const fs::path root = fs::path(HEARTH_SAMPLES_DIR) / "devices";
    if (!fs::is_directory(root)) return manifests;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (entry.path().filename() == "AndroidManifest.xml") manifests.push_back(entry.path());
    }
    std::sort(manifests.begin(), manifests.end());
    return manifests;
}

// Compiles a manifest written inline (plus res/values/strings.xml) and parses both forms.
struct CompiledPair {
    std::optional<Manifest> apk;
    std::optional<Manifest> source;
    std::string problem;
};

CompiledPair compileInline(const TempDir& dir, const std::string& manifestText,
                           const std::string& stringsXml) {
    CompiledPair pair;
    const fs::path manifest = dir.path() / "app" / "AndroidManifest.xml";
    writeFile(manifest, manifestText);
    if (!stringsXml.empty()) {
        writeFile(dir.path() / "app" / "res" / "values" / "strings.xml", stringsXml);
    }
    const fs::path apk = dir.path() / "app.apk";
    pair.problem = compileApk(manifest, apk, dir.path());
    if (!pair.problem.empty()) return pair;
    Result<Manifest> fromApk = loadManifest(apk);
    Result<Manifest> fromSource = loadManifest(manifest);
    if (!fromApk) pair.problem = "apk: " + fromApk.error().toString();
    if (!fromSource) pair.problem += " source: " + fromSource.error().toString();
    if (fromApk) pair.apk = std::move(*fromApk);
    if (fromSource) pair.source = std::move(*fromSource);
    return pair;
}

}  // namespace

// ---- APKs compiled by aapt --------------------------------------------------------------------

TEST(ApkFromAapt, EverySampleManifestGivesTheSameModelAsItsSource) {
    SKIP_WITHOUT_AAPT();
    const std::vector<fs::path> manifests = sampleManifests();
    ASSERT_FALSE(manifests.empty()) << "no AndroidManifest.xml under " << HEARTH_SAMPLES_DIR;
    TempDir dir("apk-samples");
    size_t compared = 0;
    for (const fs::path& manifest : manifests) {
        const std::string name = fs::relative(manifest, HEARTH_SAMPLES_DIR).string();
        const fs::path work = dir.path() / std::to_string(compared);
        fs::create_directories(work);
        const fs::path apk = work / "sample.apk";
        ++compared;
        // A sample aapt refuses (e.g. "--" inside an XML comment, which XML forbids) could never
        // be installed: report it and go on with the others.
        const std::string complaint = compileApk(manifest, apk, work);
        if (!complaint.empty()) {
            ADD_FAILURE() << name << " does not compile with aapt: " << complaint;
            continue;
        }
        Result<Manifest> fromSource = loadManifest(manifest);
        Result<Manifest> fromApk = loadManifest(apk);
        if (!fromSource || !fromApk) {
            ADD_FAILURE() << name << ": source "
                          << (fromSource ? "parsed" : fromSource.error().toString()) << ", apk "
                          << (fromApk ? "parsed" : fromApk.error().toString());
            continue;
        }
        expectSameModel(*fromApk, *fromSource, name);
        EXPECT_EQ(messagesOf(*fromApk), messagesOf(*fromSource)) << name;
        EXPECT_EQ(fromApk->file, apk.string());
    }
    EXPECT_EQ(compared, manifests.size());
}

TEST(ApkFromAapt, RichDataFiltersAndStringReferencesMatchTheSource) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("apk-rich");
    // Every <data> attribute aapt 10 knows, references in <data> and labels, escapes, a
    // cross product of two <data>, a port, MIME types, SSPs, and each component kind.
    const std::string manifest = R"(<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.rich">
  <uses-sdk android:minSdkVersion="21" android:targetSdkVersion="30"/>
  <application android:label="@string/app_name" android:process=":main" android:enabled="@bool/on">
    <activity android:name=".Browser" android:label="@string/browser" android:launchMode="singleTask"
              android:exported="true" android:excludeFromRecents="true" android:permission="com.example.P">
      <intent-filter android:priority="-7" android:order="3" android:autoVerify="true">
        <action android:name="android.intent.action.VIEW"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <category android:name="android.intent.category.BROWSABLE"/>
        <data android:scheme="@string/scheme" android:host="@string/host" android:port="8080"/>
        <data android:scheme="https" android:host="*.example.org"/>
        <data android:pathPattern=".*\\.pdf" android:pathPrefix="/docs/" android:path="/exact"/>
      </intent-filter>
      <intent-filter>
        <action android:name="android.intent.action.SEND"/>
        <category android:name="android.intent.category.DEFAULT"/>
        <data android:mimeType="image/*"/>
        <data android:mimeType="text/plain"/>
      </intent-filter>
      <intent-filter>
        <action android:name="android.intent.action.DIAL"/>
        <data android:scheme="tel" android:ssp="123" android:sspPrefix="+44" android:sspPattern="0.*"/>
      </intent-filter>
    </activity>
    <activity-alias android:name=".Alias" android:targetActivity=".Browser" android:label="It's \&quot;quoted\&quot;">
      <intent-filter>
        <action android:name="android.intent.action.MAIN"/>
        <category android:name="android.intent.category.LAUNCHER"/>
      </intent-filter>
    </activity-alias>
    <service android:name="org.other.Sync" android:process=":sync" android:exported="false"/>
    <receiver android:name="Boot" android:directBootAware="true">
      <intent-filter android:priority="999">
        <action android:name="android.intent.action.BOOT_COMPLETED"/>
      </intent-filter>
    </receiver>
    <provider android:name=".Files" android:authorities="com.example.rich.files" android:exported="false"/>
  </application>
</manifest>
)";
    const std::string strings = R"(<?xml version="1.0" encoding="utf-8"?>
<resources>
  <string name="app_name">Rich \'App\' &amp; more</string>
  <string name="browser">"  Spaced   browser  "</string>
  <string name="scheme">http</string>
  <string name="host">www.example.com</string>
  <bool name="on">true</bool>
</resources>
)";
    CompiledPair pair = compileInline(dir, manifest, strings);
    ASSERT_EQ(pair.problem, "");
    expectSameModel(*pair.apk, *pair.source, "rich manifest");
    EXPECT_EQ(messagesOf(*pair.apk), messagesOf(*pair.source));

    // And the values are the compiled ones, not just equal to each other.
    const Component& browser = pair.apk->components.at(0);
    EXPECT_EQ(browser.label, "  Spaced   browser  ");
    EXPECT_EQ(pair.apk->application.label, "Rich 'App' & more");
    ASSERT_EQ(browser.filters.size(), 3u);
    const IntentFilter& view = browser.filters[0];
    EXPECT_EQ(view.schemes, (std::vector<std::string>{"http", "https"}));
    ASSERT_EQ(view.authorities.size(), 2u);
    EXPECT_EQ(view.authorities[0].host, "www.example.com");
    EXPECT_EQ(view.authorities[0].port, 8080);
    ASSERT_EQ(view.paths.size(), 3u);
    EXPECT_EQ(view.paths[0].kind(), PatternKind::Literal);
    EXPECT_EQ(view.paths[2].pattern(), ".*\\.pdf");  // one backslash, as the device sees it
    EXPECT_EQ(pair.apk->components.at(1).label, "It's \"quoted\"");
}

TEST(ApkFromAapt, NonAsciiTextSurvivesBothStringPoolEncodings) {
    // aapt writes the manifest's pool in UTF-16 (the emoji as a surrogate pair) and
    // resources.arsc's in UTF-8; both must come back as the same UTF-8 as the source.
    SKIP_WITHOUT_AAPT();
    TempDir dir("apk-unicode");
    const std::string manifest =
        R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    package="com.example.unicode">
  <application android:label="@string/app_name">
    <activity android:name=".Main" android:label="Café ☕ 😀 Ωmega" android:exported="true">
      <intent-filter>
        <action android:name="android.intent.action.VIEW"/>
        <data android:scheme="https" android:host="bücher.example" android:pathPrefix="/ñ/😀"/>
      </intent-filter>
    </activity>
  </application>
</manifest>
)";
    const std::string strings =
        "<resources><string name=\"app_name\">Grüße 😀 日本</string></resources>\n";
    CompiledPair pair = compileInline(dir, manifest, strings);
    ASSERT_EQ(pair.problem, "");
    expectSameModel(*pair.apk, *pair.source, "unicode manifest");
    EXPECT_EQ(pair.apk->application.label, "Grüße 😀 日本");
    EXPECT_EQ(pair.apk->components.at(0).label, "Café ☕ 😀 Ωmega");
    EXPECT_EQ(pair.apk->components.at(0).filters.at(0).paths.at(0).pattern(), "/ñ/😀");
}

TEST(ApkFromAapt, AaptFromAndroid10DoesNotKnowTheApi30And31DataAttributes) {
    // Debian's aapt links against Android 10's framework-res (API 29), where pathSuffix,
    // sspSuffix, pathAdvancedPattern (private there), sspAdvancedPattern and mimeGroup have no
    // public id; APKs built by newer tools carry them and are covered byte by byte below.
    SKIP_WITHOUT_AAPT();
    for (const char* attribute :
         {"pathSuffix", "sspSuffix", "pathAdvancedPattern", "sspAdvancedPattern", "mimeGroup"}) {
        TempDir dir("apk-unknown");
        const std::string manifest =
            std::string(R"(<manifest xmlns:android="http://schemas.android.com/apk/res/android" )"
                        R"(package="com.example.u"><application><activity android:name=".A">)"
                        R"(<intent-filter><action android:name="a"/><data android:)") +
            attribute + R"(="x"/></intent-filter></activity></application></manifest>)";
        CompiledPair pair = compileInline(dir, manifest, "");
        EXPECT_NE(pair.problem.find(std::string("No resource identifier found for attribute '") +
                                    attribute + "' in package 'android'"),
                  std::string::npos)
            << attribute << ": " << pair.problem;
    }
}

TEST(ApkFromAapt, ElementIndicesAreWhatAaptDumpXmltreeCounts) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("apk-index");
    const fs::path manifest =
        fs::path(HEARTH_SAMPLES_DIR) / "devices/seed/launcher/AndroidManifest.xml";
    if (!fs::exists(manifest)) GTEST_SKIP() << manifest << " is not in the samples";
    const fs::path apk = dir.path() / "launcher.apk";
    ASSERT_EQ(compileApk(manifest, apk, dir.path()), "");
    Result<Manifest> parsed = loadManifest(apk);
    ASSERT_TRUE(parsed) << parsed.error().toString();
    const std::vector<std::string> elements = aaptElements(apk, dir.path());
    ASSERT_FALSE(elements.empty());
    EXPECT_EQ(elements.at(parsed->where.line - 1), "manifest");
    EXPECT_EQ(elements.at(parsed->application.where.line - 1), "application");
    for (const Component& component : parsed->components) {
        EXPECT_EQ(elements.at(component.where.line - 1), componentKindName(component.kind));
        EXPECT_EQ(component.where.file, apk.string());
        // One copy of the path for the whole manifest (SourcePath), not one per element.
        EXPECT_EQ(&component.where.file.str(), &parsed->where.file.str());
        EXPECT_EQ(component.where.column, 0);
        for (const IntentFilter& filter : component.filters) {
            EXPECT_EQ(elements.at(filter.where.line - 1), "intent-filter");
            EXPECT_EQ(&filter.where.file.str(), &parsed->where.file.str());
        }
    }
}

TEST(ApkFromAapt, PermissionsQueriesAndProviderDefaultsMatchTheSource_V2_V5_V6_V7) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("apk-queries");
    // aapt of Android 10 knows <queries> only as an element name, and wants a name on every
    // <provider>, even there.
    const std::string manifest = R"(<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.peek">
  <uses-sdk android:minSdkVersion="9" android:targetSdkVersion="16"/>
  <uses-permission android:name="android.permission.QUERY_ALL_PACKAGES"/>
  <uses-permission-sdk-23 android:name="android.permission.CAMERA" android:maxSdkVersion="28"/>
  <queries>
    <package android:name="com.example.store"/>
    <intent>
      <action android:name="android.intent.action.VIEW"/>
      <data android:scheme="https" android:host="example.com"/>
    </intent>
    <intent><data android:mimeType="image/*"/></intent>
    <provider android:name="unused" android:authorities="com.a.files;com.b.files"/>
  </queries>
  <application>
    <provider android:name=".Files" android:authorities="com.example.peek.files"/>
  </application>
</manifest>
)";
    CompiledPair pair = compileInline(dir, manifest, "");
    ASSERT_EQ(pair.problem, "");
    expectSameModel(*pair.apk, *pair.source, "queries manifest");
    EXPECT_EQ(messagesOf(*pair.apk), messagesOf(*pair.source));
    EXPECT_TRUE(pair.apk->requestsPermission("android.permission.QUERY_ALL_PACKAGES"));
    ASSERT_EQ(pair.apk->usesPermissions.size(), 2u);
    EXPECT_EQ(pair.apk->usesPermissions[1].maxSdkVersion, 28);
    EXPECT_TRUE(pair.apk->usesPermissions[1].sdk23);
    EXPECT_EQ(pair.apk->queries.packages, std::vector<std::string>{"com.example.store"});
    ASSERT_EQ(pair.apk->queries.intents.size(), 2u);
    EXPECT_EQ(pair.apk->queries.intents[0].dataUri(), "https://example.com/*");
    EXPECT_EQ(pair.apk->queries.intents[1].mimeType, "image/*");
    EXPECT_EQ(pair.apk->queries.providerAuthorities,
              (std::vector<std::string>{"com.a.files", "com.b.files"}));
    EXPECT_EQ(pair.apk->effectiveTargetSdk(), 16);
    EXPECT_TRUE(pair.apk->components.at(0).exported);  // a provider below API 17
}

TEST(ApkFromAapt, ABrokenQueriesIntentFailsTheApkAsItFailsTheSource_V6) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("apk-queries-broken");
    const std::string manifest = R"(<?xml version="1.0" encoding="utf-8"?>
<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.peek">
  <queries>
    <intent>
      <action android:name="android.intent.action.PICK"/>
      <action android:name="android.intent.action.GET_CONTENT"/>
    </intent>
  </queries>
  <application/>
</manifest>
)";
    const fs::path source = dir.path() / "AndroidManifest.xml";
    writeFile(source, manifest);
    const fs::path apk = dir.path() / "peek.apk";
    ASSERT_EQ(compileApk(source, apk, dir.path()), "");
    Result<Manifest> parsed = loadManifest(apk);
    ASSERT_FALSE(parsed);
    // Element 3 of the binary manifest is the <intent>.
    EXPECT_EQ(parsed.error().toString(),
              apk.string() +
                  ":3: <intent> in <queries> has 2 actions, more than the one Android accepts; "
                  "Android refuses the package ('intent tag may have at most one action.')");
}

TEST(ApkAttributes, ForceQueryableIsReadByItsId_V4) {
    AxmlWriter writer;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.leaf("application", {androidTyped("forceQueryable", 0x01010608,
                                             value::kBoolean, 0xFFFFFFFF)});
    writer.end("manifest");
    Result<Manifest> manifest = parseApk(apkWith(writer.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_TRUE(manifest->application.forceQueryable);
}

// ---- Android's own framework-res.apk -----------------------------------------------------------

TEST(FrameworkResApk, ParsesWithItsComponentsFiltersAndResolvedLabels) {
    SKIP_WITHOUT_AAPT();
    Result<Manifest> framework = loadManifest(kFrameworkRes);
    ASSERT_TRUE(framework) << framework.error().toString();
    EXPECT_EQ(framework->packageName, "android");
    EXPECT_EQ(framework->minSdk, framework->targetSdk);
    // Labels are references into its 30 MB resources.arsc, resolved for the default config.
    EXPECT_EQ(framework->application.label, "Android System");
    EXPECT_EQ(framework->application.icon, "@drawable/ic_launcher_android");
    EXPECT_EQ(framework->application.process, "system");

    // Every component aapt lists, at the element index aapt lists it.
    TempDir dir("apk-framework");
    const std::vector<std::string> elements = aaptElements(kFrameworkRes, dir.path());
    size_t components = 0;
    for (const std::string& element : elements) {
        components += componentKindFromName(element).has_value() ? 1 : 0;
    }
    EXPECT_EQ(framework->components.size(), components);
    for (const Component& component : framework->components) {
        EXPECT_EQ(elements.at(component.where.line - 1), componentKindName(component.kind));
    }

    const Component* chooser = framework->findComponent("com.android.internal.app.ChooserActivity");
    ASSERT_NE(chooser, nullptr);
    EXPECT_EQ(chooser->process, "android:ui");
    EXPECT_TRUE(chooser->excludeFromRecents);
    ASSERT_EQ(chooser->filters.size(), 1u);
    EXPECT_EQ(chooser->filters[0].actions,
              std::vector<std::string>{"android.intent.action.CHOOSER"});
    EXPECT_TRUE(chooser->filters[0].hasDefault());

    // The framework's fallback HOME for the system user: disabled, MAIN/HOME at priority -100.
    const Component* systemHome =
        framework->findComponent("com.android.internal.app.SystemUserHomeActivity");
    ASSERT_NE(systemHome, nullptr);
    EXPECT_FALSE(systemHome->enabled);
    ASSERT_EQ(systemHome->filters.size(), 1u);
    EXPECT_EQ(systemHome->filters[0].priority, -100);
    EXPECT_TRUE(systemHome->filters[0].hasCategory("android.intent.category.HOME"));

    // ResolverActivity is not declared: PackageManagerService builds it in code (C-6).
    EXPECT_EQ(framework->findComponent("com.android.internal.app.ResolverActivity"), nullptr);
}

// ---- data attributes newer than aapt, by id ---------------------------------------------------

TEST(ApkDataAttributes, Api31PatternsAndMimeGroupsAreReadByTheirIds) {
    AxmlWriter writer;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.start("application");
    writer.start("activity", {androidString("name", kName, ".Main")});
    writer.start("intent-filter");
    writer.leaf("action", {androidString("name", kName, "android.intent.action.VIEW")});
    writer.leaf("data", {androidString("scheme", 0x01010027, "https"),
                         androidString("host", 0x01010028, "example.com"),
                         androidString("pathSuffix", 0x0101061e, ".pdf"),
                         androidString("pathAdvancedPattern", 0x01010620, "/item/[0-9]+"),
                         androidString("sspSuffix", 0x0101061f, "@x"),
                         androidString("sspAdvancedPattern", 0x01010621, "[a-z]+"),
                         androidString("mimeGroup", 0x01010615, "images")});
    writer.end("intent-filter");
    writer.end("activity");
    writer.end("application");
    writer.end("manifest");
    Result<Manifest> manifest = parseApk(apkWith(writer.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    const IntentFilter& filter = manifest->components.at(0).filters.at(0);
    ASSERT_EQ(filter.paths.size(), 2u);
    EXPECT_EQ(filter.paths[0].kind(), PatternKind::AdvancedGlob);
    EXPECT_EQ(filter.paths[0].pattern(), "/item/[0-9]+");
    EXPECT_EQ(filter.paths[1].kind(), PatternKind::Suffix);
    EXPECT_EQ(filter.paths[1].pattern(), ".pdf");
    ASSERT_EQ(filter.ssps.size(), 2u);
    EXPECT_EQ(filter.ssps[0].kind(), PatternKind::AdvancedGlob);
    EXPECT_EQ(filter.ssps[1].kind(), PatternKind::Suffix);
    EXPECT_EQ(filter.ssps[1].pattern(), "@x");
    EXPECT_EQ(filter.mimeGroups, std::vector<std::string>{"images"});
}

TEST(DecodeManifestXml, EachElementSitsOnTheLineItsApkLocationNamesAndParsesBackTheSame) {
    SKIP_WITHOUT_AAPT();
    TempDir dir("apk-decode");
    const fs::path manifest =
        fs::path(HEARTH_SAMPLES_DIR) / "devices/seed/launcher/AndroidManifest.xml";
    const fs::path apk = dir.path() / "launcher.apk";
    ASSERT_EQ(compileApk(manifest, apk, dir.path()), "");
    Result<std::string> xml = decodeManifestXml(apk, 34);
    ASSERT_TRUE(xml) << xml.error().toString();
    std::vector<std::string> lines;
    std::istringstream in(*xml);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    const std::vector<std::string> elements = aaptElements(apk, dir.path());
    ASSERT_EQ(lines.size(), elements.size());
    EXPECT_EQ(lines.front().rfind("<manifest xmlns:android=", 0), 0u) << lines.front();
    for (size_t i = 0; i < lines.size(); ++i) {
        const size_t start = lines[i].find_first_not_of(' ');
        EXPECT_EQ(lines[i].substr(start + 1, elements[i].size()), elements[i]) << lines[i];
    }
    // Indented by depth: <application> is one level in, its components two.
    Result<Manifest> apkModel = loadManifest(apk);
    ASSERT_TRUE(apkModel);
    EXPECT_EQ(lines.at(apkModel->application.where.line - 1).rfind("    <application", 0), 0u);
    Result<Manifest> decoded = parseManifest(*xml, "decoded.xml");
    ASSERT_TRUE(decoded) << decoded.error().toString();
    ASSERT_EQ(decoded->components.size(), apkModel->components.size());
    for (size_t i = 0; i < decoded->components.size(); ++i) {
        EXPECT_EQ(decoded->components[i].name, apkModel->components[i].name);
        EXPECT_EQ(decoded->components[i].where.line, apkModel->components[i].where.line);
    }
}

TEST(DecodeManifestXml, AnApkWithoutAManifestFailsWithTheReadersError) {
    const fs::path apk = fs::path(HEARTH_SAMPLES_DIR) / "hostile/no-manifest.apk";
    Result<std::string> xml = decodeManifestXml(apk, 34);
    ASSERT_FALSE(xml);
    EXPECT_EQ(xml.error().toString(), apk.string() + ": no AndroidManifest.xml in the archive");
}

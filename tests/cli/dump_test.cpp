// hearth dump, in-process (exact stdout, stderr and exit code) and as the built binary.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

namespace {

namespace fs = std::filesystem;

struct DumpRun {
    int code = -1;
    std::string out;
    std::string err;
};

DumpRun dump(std::vector<std::string> args) {
    args.insert(args.begin(), "dump");
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    DumpRun run;
    run.code = hearth::cli::runHearth(args, in, out, err);
    run.out = out.str();
    run.err = err.str();
    return run;
}

fs::path scratchDir(const std::string& name) {
    const fs::path dir = fs::path(testing::TempDir()) / ("hearth_dump_" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string writeFile(const fs::path& path, std::string_view text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

constexpr const char* kHome =
    R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android"
    package="com.example.home">
    <uses-sdk android:minSdkVersion="8" />
    <application android:label="Home">
        <activity android:name=".Home" android:launchMode="singleTask">
            <intent-filter android:priority="5">
                <action android:name="android.intent.action.MAIN" />
                <category android:name="android.intent.category.HOME" />
                <category android:name="android.intent.category.DEFAULT" />
            </intent-filter>
        </activity>
        <activity-alias android:name=".Web" android:targetActivity=".Home" android:exported="false"
            android:icon="@drawable/web">
            <intent-filter>
                <action android:name="android.intent.action.VIEW" />
                <data android:scheme="https" android:host="*.example.com" android:port="8443" />
                <data android:pathPattern="/a\\.b" android:ssp="x" android:mimeType="text/*" />
            </intent-filter>
        </activity-alias>
        <service android:name="org.other.Sync" android:process=":sync" />
    </application>
</manifest>
)xml";

std::string samplePath(const std::string& relative) {
    return (fs::path(HEARTH_SAMPLES_DIR) / relative).string();
}

// The line of the first line of `file` containing `needle`, counting from 1 (0: not found).
int lineOf(const std::string& file, const std::string& needle, int from = 1) {
    std::ifstream in(file);
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
        if (number >= from && line.find(needle) != std::string::npos) return number;
    }
    return 0;
}

}  // namespace

TEST(DumpCommand, PrintsATreeOfPackagesComponentsAndFilters) {
    const std::string file = writeFile(scratchDir("tree") / "AndroidManifest.xml", kHome);
    const DumpRun run = dump({file});
    EXPECT_EQ(run.code, 0);
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out, "Package [com.example.home] " + file + R"(:1:1
  minSdk=8 targetSdk=unset (Android uses 8)
  application (line 4:5): label="Home" enabled=true
  activity com.example.home/.Home (line 5:9)
    enabled=true exported=true (default) launchMode=singleTask
    Filter (line 6:13):
      Action: "android.intent.action.MAIN"
      Category: "android.intent.category.HOME"
      Category: "android.intent.category.DEFAULT"
      priority=5 order=0 autoVerify=false
  activity-alias com.example.home/.Web (line 12:9)
    icon=@drawable/web enabled=true exported=false targetActivity=com.example.home.Home launchMode=singleTask
    Filter (line 14:13):
      Action: "android.intent.action.VIEW"
      Scheme: "https"
      Ssp: "PatternMatcher{LITERAL: x}"
      Authority: "*.example.com": 8443 WILD
      Path: "PatternMatcher{GLOB: /a\.b}"
      Type: "text/*"
      priority=0 order=0 autoVerify=false
  service com.example.home/org.other.Sync (line 20:9)
    enabled=true exported=false (default) process=com.example.home:sync
)");
}

TEST(DumpCommand, PrintsJsonWithEveryField) {
    const std::string file = writeFile(scratchDir("json") / "AndroidManifest.xml", kHome);
    const DumpRun run = dump({file, "--json"});
    EXPECT_EQ(run.code, 0);
    EXPECT_EQ(run.err, "");
    const nlohmann::json document = nlohmann::json::parse(run.out);
    const nlohmann::json expected = nlohmann::json::parse(R"json({
      "packages": [{
        "package": "com.example.home", "packageDerived": false, "file": "FILE",
        "line": 1, "column": 1, "minSdk": 8, "targetSdk": null, "effectiveTargetSdk": 8,
        "usesPermissions": [], "queries": {"packages": [], "intents": [], "providers": []},
        "application": {"label": "Home", "icon": null, "enabled": true, "process": null,
                        "directBootAware": false, "forceQueryable": false, "line": 4,
                        "column": 5},
        "components": [
          {"kind": "activity", "name": "com.example.home.Home", "label": null, "icon": null,
           "enabled": true, "exported": true, "exportedExplicit": false, "permission": null, "process": null,
           "directBootAware": false, "excludeFromRecents": false, "launchMode": "singleTask",
           "targetActivity": null, "authorities": null, "line": 5, "column": 9,
           "filters": [{"line": 6, "column": 13, "priority": 5, "order": 0, "autoVerify": false,
                        "actions": ["android.intent.action.MAIN"],
                        "categories": ["android.intent.category.HOME",
                                       "android.intent.category.DEFAULT"],
                        "data": {"schemes": [], "authorities": [], "paths": [], "ssps": [],
                                 "types": [], "mimeGroups": []}}]},
          {"kind": "activity-alias", "name": "com.example.home.Web", "label": null,
           "icon": "@drawable/web", "enabled": true, "exported": false, "exportedExplicit": true, "permission": null,
           "process": null, "directBootAware": false, "excludeFromRecents": false,
           "launchMode": "singleTask", "targetActivity": "com.example.home.Home",
           "authorities": null, "line": 12, "column": 9,
           "filters": [{"line": 14, "column": 13, "priority": 0, "order": 0, "autoVerify": false,
                        "actions": ["android.intent.action.VIEW"], "categories": [],
                        "data": {"schemes": ["https"],
                                 "authorities": [{"host": "*.example.com", "port": 8443}],
                                 "paths": [{"kind": "glob", "value": "/a\\.b"}],
                                 "ssps": [{"kind": "literal", "value": "x"}],
                                 "types": ["text/*"], "mimeGroups": []}}]},
          {"kind": "service", "name": "org.other.Sync", "label": null, "icon": null,
           "enabled": true, "exported": false, "exportedExplicit": false, "permission": null,
           "process": "com.example.home:sync", "directBootAware": false,
           "excludeFromRecents": false, "launchMode": "standard", "targetActivity": null,
           "authorities": null, "line": 20, "column": 9, "filters": []}
        ]}],
      "diagnostics": []
    })json");
    nlohmann::json withFile = expected;
    withFile["packages"][0]["file"] = file;
    EXPECT_EQ(document, withFile) << run.out;
    // Keys stay in the documented order, starting with the package name.
    EXPECT_EQ(run.out.rfind("{\n  \"packages\": [\n    {\n      \"package\": ", 0), 0u);
}

TEST(DumpCommand, ProviderShowsItsAuthorities) {
    const std::string file = writeFile(scratchDir("provider") / "AndroidManifest.xml", R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.p">
<application>
    <provider android:name=".Files" android:authorities="com.example.p.files;com.example.p.more" />
</application>
</manifest>
)xml");
    const DumpRun text = dump({file});
    EXPECT_EQ(text.code, 0) << text.err;
    EXPECT_NE(text.out.find("authorities=\"com.example.p.files;com.example.p.more\""),
              std::string::npos)
        << text.out;
    const DumpRun json = dump({file, "--json"});
    EXPECT_EQ(nlohmann::json::parse(json.out)["packages"][0]["components"][0]["authorities"],
              "com.example.p.files;com.example.p.more");
}

TEST(DumpCommand, ShowsPermissionsQueriesAndForceQueryable_V2_V4_V5_V6_V7) {
    const std::string file = writeFile(scratchDir("queries") / "AndroidManifest.xml", R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.q">
<uses-sdk android:minSdkVersion="21" android:targetSdkVersion="34" />
<uses-permission android:name="android.permission.QUERY_ALL_PACKAGES" />
<uses-permission-sdk-23 android:name="android.permission.CAMERA" android:maxSdkVersion="28" />
<queries>
    <package android:name="com.example.store" />
    <intent>
        <action android:name="android.intent.action.VIEW" />
        <category android:name="android.intent.category.BROWSABLE" />
        <data android:scheme="https" />
    </intent>
    <provider android:authorities="com.a.files" />
</queries>
<application android:forceQueryable="true" />
</manifest>
)xml");
    const DumpRun text = dump({file});
    EXPECT_EQ(text.code, 0) << text.err;
    EXPECT_EQ(text.out, "Package [com.example.q] " + file + R"(:1:1
  minSdk=21 targetSdk=34
  application (line 14:1): enabled=true forceQueryable=true
  uses-permission android.permission.QUERY_ALL_PACKAGES (line 3:1)
  uses-permission-sdk-23 android.permission.CAMERA maxSdkVersion=28 (line 4:1)
  queries:
    package com.example.store
    intent (line 7:5): act=android.intent.action.VIEW cat=[android.intent.category.BROWSABLE] dat=https:/*
    provider com.a.files
)");
    const DumpRun json = dump({file, "--json"});
    const nlohmann::json package = nlohmann::json::parse(json.out)["packages"][0];
    EXPECT_EQ(package["effectiveTargetSdk"], 34);
    EXPECT_EQ(package["usesPermissions"][1],
              nlohmann::json::parse(R"({"name": "android.permission.CAMERA", "maxSdkVersion": 28,
                                        "sdk23": true, "line": 4, "column": 1})"));
    EXPECT_EQ(package["queries"], nlohmann::json::parse(R"({
        "packages": ["com.example.store"],
        "intents": [{"action": "android.intent.action.VIEW",
                     "categories": ["android.intent.category.BROWSABLE"], "scheme": "https",
                     "host": null, "mimeType": null, "data": "https:/*", "line": 7,
                     "column": 5}],
        "providers": ["com.a.files"]})"));
    EXPECT_EQ(package["application"]["forceQueryable"], true);
}

TEST(DumpCommand, WarningsGoToStderrInTextAndIntoDiagnosticsInJson) {
    const std::string file = writeFile(
        scratchDir("warn") / "AndroidManifest.xml",
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.w">
<application>
<activity android:name=".A" android:colour="red" />
</application>
</manifest>
)xml");
    const DumpRun text = dump({file});
    EXPECT_EQ(text.code, 0);
    EXPECT_EQ(text.err,
              file + ":3:29: warning: unknown attribute 'android:colour' on <activity>; ignored\n");

    const DumpRun json = dump({file, "--json"});
    EXPECT_EQ(json.code, 0);
    EXPECT_EQ(json.err, "");
    const nlohmann::json diagnostics = nlohmann::json::parse(json.out)["diagnostics"];
    EXPECT_EQ(diagnostics, nlohmann::json::parse(R"json([{"severity": "warning", "file": ")json" +
                                                 file + R"json(", "line": 3, "column": 29,
        "message": "unknown attribute 'android:colour' on <activity>; ignored"}])json"));

    // --warnings as on every command that loads a device; the JSON keeps every warning.
    const DumpRun summary = dump({file, "--warnings=summary"});
    EXPECT_EQ(summary.code, 0);
    EXPECT_EQ(summary.out, text.out);
    EXPECT_EQ(summary.err, "hearth dump: 1 warning (--warnings shows them)\n");
    const DumpRun none = dump({file, "--warnings=none"});
    EXPECT_EQ(none.err, "");
    const DumpRun quietJson = dump({file, "--json", "--warnings=none"});
    EXPECT_EQ(quietJson.out, json.out);
}

TEST(DumpCommand, StrictMakesAWarningFail) {
    const std::string file = writeFile(
        scratchDir("strict") / "AndroidManifest.xml",
        R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android" package="com.example.w">
<application>
<activity android:name=".A" android:colour="red" />
</application>
</manifest>
)xml");
    const DumpRun run = dump({file, "--strict"});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, file + ":3:29: unknown attribute 'android:colour' on <activity>; ignored\n");
}

TEST(DumpCommand, PlaceholderAndPackageOptionsReachTheParser) {
    const std::string file =
        writeFile(scratchDir("options") / "AndroidManifest.xml",
                  R"xml(<manifest xmlns:android="http://schemas.android.com/apk/res/android">
<application>
<activity android:name=".Link">
<intent-filter>
<action android:name="android.intent.action.VIEW" />
<data android:scheme="${deepLinkScheme}" android:host="${applicationId}" />
</intent-filter>
</activity>
</application>
</manifest>
)xml");
    const DumpRun run = dump(
        {file, "--json", "--package", "app.organicmaps", "--placeholder", "deepLinkScheme=om"});
    EXPECT_EQ(run.code, 0) << run.err;
    const nlohmann::json package = nlohmann::json::parse(run.out)["packages"][0];
    EXPECT_EQ(package["package"], "app.organicmaps");
    EXPECT_EQ(package["packageDerived"], true);
    const nlohmann::json component = package["components"][0];
    EXPECT_EQ(component["name"], "app.organicmaps.Link");
    EXPECT_EQ(component["filters"][0]["data"]["schemes"], nlohmann::json({"om"}));
    EXPECT_EQ(component["filters"][0]["data"]["authorities"][0]["host"], "app.organicmaps");
    EXPECT_EQ(nlohmann::json::parse(run.out)["diagnostics"], nlohmann::json::array());
}

TEST(DumpCommand, PlaceholderWithoutEqualsIsAUsageError) {
    const DumpRun run = dump({samplePath("devices/seed"), "--placeholder", "deepLinkScheme"});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "hearth dump: --placeholder expects KEY=VALUE, got 'deepLinkScheme'\n");
}

TEST(DumpCommand, NoPathIsAUsageError) {
    const DumpRun run = dump({});
    EXPECT_EQ(run.code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_NE(run.err.find("PATH is required"), std::string::npos) << run.err;
}

TEST(DumpCommand, HelpShowsExamples) {
    const DumpRun run = dump({"--help"});
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("Examples:\n  hearth dump app/src/main/AndroidManifest.xml"),
              std::string::npos)
        << run.out;
    EXPECT_NE(run.out.find("--placeholder"), std::string::npos);
}

TEST(DumpCommand, MissingPathIsBadInput) {
    const std::string missing = (scratchDir("missing") / "nope.xml").string();
    const DumpRun run = dump({missing});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, missing + ": no such file or directory\n");
}

TEST(DumpCommand, DirectoryWithoutManifestsIsBadInput) {
    const fs::path dir = scratchDir("empty");
    const DumpRun run = dump({dir.string()});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.err, dir.string() + ": no AndroidManifest.xml or .apk found in this directory\n");
}

TEST(DumpCommand, DirectoriesAreSearchedInPathOrderSkippingBuildOutputs) {
    const fs::path dir = scratchDir("walk");
    const auto manifest = [](const std::string& package) {
        return "<manifest package=\"" + package + "\"><application /></manifest>";
    };
    writeFile(dir / "zeta" / "AndroidManifest.xml", manifest("com.example.zeta"));
    writeFile(dir / "alpha" / "src" / "main" / "AndroidManifest.xml",
              manifest("com.example.alpha"));
    writeFile(dir / "alpha" / "build" / "intermediates" / "AndroidManifest.xml",
              manifest("com.example.merged"));
    writeFile(dir / ".git" / "AndroidManifest.xml", manifest("com.example.git"));
    writeFile(dir / "mid" / "Other.xml", manifest("com.example.other"));
    const DumpRun run = dump({dir.string(), "--json"});
    EXPECT_EQ(run.code, 0) << run.err;
    std::vector<std::string> packages;
    const nlohmann::json document = nlohmann::json::parse(run.out);
    for (const auto& package : document["packages"]) {
        packages.push_back(package["package"]);
    }
    EXPECT_EQ(packages, (std::vector<std::string>{"com.example.alpha", "com.example.zeta"}));
}

TEST(DumpCommand, DirectoriesSkipTheSameBuildOutputsAsQueryAndReadApksInAnyCase) {
    // `dump DIR` and `query DIR` read one set (findManifestFiles): out/, node_modules and
    // cmake-build-* hold copies, and an ".APK" is an APK.
    const fs::path dir = scratchDir("same_set");
    const auto manifest = [](const std::string& package) {
        return "<manifest package=\"" + package + "\"><application /></manifest>";
    };
    writeFile(dir / "app" / "AndroidManifest.xml", manifest("com.example.app"));
    writeFile(dir / "out" / "AndroidManifest.xml", manifest("com.example.out"));
    writeFile(dir / "node_modules" / "x" / "AndroidManifest.xml", manifest("com.example.node"));
    writeFile(dir / "cmake-build-debug" / "AndroidManifest.xml", manifest("com.example.cmake"));
    writeFile(dir / "lib" / "Thing.APK", "not a zip");
    const DumpRun run = dump({dir.string(), "--json"});
    EXPECT_EQ(run.code, 1);
    EXPECT_NE(run.err.find((dir / "lib" / "Thing.APK").string() + ": "), std::string::npos)
        << run.err;
    const nlohmann::json document = nlohmann::json::parse(run.out);
    std::vector<std::string> packages;
    for (const auto& package : document["packages"]) packages.push_back(package["package"]);
    EXPECT_EQ(packages, (std::vector<std::string>{"com.example.app"}));
}

TEST(DumpCommand, OneBadFileFailsTheRunButTheOthersAreStillShown) {
    const fs::path dir = scratchDir("mixed");
    const std::string bad =
        writeFile(dir / "a" / "AndroidManifest.xml", "<manifest package=\"a.b\">");
    writeFile(dir / "b" / "AndroidManifest.xml", "<manifest package=\"com.example.b\" />");
    const DumpRun text = dump({dir.string()});
    EXPECT_EQ(text.code, 1);
    EXPECT_EQ(text.err, bad +
                            ":1:25: malformed XML: expected </manifest> to close <manifest> "
                            "from line 1, found the end of the file\n");
    EXPECT_NE(text.out.find("Package [com.example.b]"), std::string::npos);

    const DumpRun json = dump({dir.string(), "--json"});
    EXPECT_EQ(json.code, 1);
    EXPECT_EQ(json.err, text.err);
    const nlohmann::json document = nlohmann::json::parse(json.out);
    EXPECT_EQ(document["packages"].size(), 1u);
    EXPECT_EQ(document["diagnostics"],
              nlohmann::json::parse(R"json([{"severity": "error", "file": ")json" + bad +
                                    R"json(", "line": 1, "column": 25,
                  "message": "malformed XML: expected </manifest> to close <manifest> from line 1, found the end of the file"}])json"));
}

TEST(DumpCommand, SeedDeviceListsBothLaunchersWithTheirFiltersAndLines) {
    const DumpRun run = dump({samplePath("devices/seed"), "--json"});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const nlohmann::json document = nlohmann::json::parse(run.out);
    EXPECT_EQ(document["diagnostics"], nlohmann::json::array());

    struct Launcher {
        std::string package;
        std::string activity;
        std::string folder;
        std::string nameInXml;
        std::vector<std::string> categories;
        std::string process;
    };
    const std::vector<Launcher> launchers = {
        {"com.android.launcher",
         "com.android.launcher.Launcher",
         "launcher",
         "\"Launcher\"",
         {"android.intent.category.HOME", "android.intent.category.DEFAULT"},
         "android.process.acore"},
        {"com.example.first",
         "com.example.first.FirstAppActivity",
         "first",
         "\".FirstAppActivity\"",
         {"android.intent.category.HOME_FIRST", "android.intent.category.DEFAULT",
          "android.intent.category.MONKEY"},
         "android.process.acore3"},
    };
    for (const Launcher& launcher : launchers) {
        SCOPED_TRACE(launcher.package);
        const nlohmann::json* package = nullptr;
        for (const auto& candidate : document["packages"]) {
            if (candidate["package"] == launcher.package) package = &candidate;
        }
        ASSERT_NE(package, nullptr);
        const std::string file =
            samplePath("devices/seed/" + launcher.folder + "/AndroidManifest.xml");
        EXPECT_EQ((*package)["file"], file);
        const nlohmann::json& activity = (*package)["components"][0];
        EXPECT_EQ(activity["name"], launcher.activity);
        EXPECT_EQ(activity["exported"], true);
        // The <activity> element starts on the line above its android:name.
        const int nameLine = lineOf(file, "android:name=" + launcher.nameInXml);
        ASSERT_GT(nameLine, 1);
        EXPECT_EQ(activity["line"], lineOf(file, "<activity", nameLine - 1));
        ASSERT_EQ(activity["filters"].size(), 1u);
        const nlohmann::json& filter = activity["filters"][0];
        EXPECT_EQ(filter["line"], lineOf(file, "<intent-filter", nameLine));
        EXPECT_EQ(filter["actions"], nlohmann::json({"android.intent.action.MAIN"}));
        EXPECT_EQ(filter["categories"], nlohmann::json(launcher.categories));
        EXPECT_EQ(activity["process"].is_null() ? (*package)["application"]["process"]
                                                : activity["process"],
                  launcher.process);
    }
}

TEST(DumpCommand, BinaryDumpsTheSeedDevice) {
    const std::string command =
        std::string("\"") + HEARTH_BINARY + "\" dump \"" + samplePath("devices/seed") + "\" 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    ASSERT_NE(pipe, nullptr);
    std::string output;
    char buffer[4096];
    while (size_t read = fread(buffer, 1, sizeof buffer, pipe.get())) output.append(buffer, read);
    const int status = pclose(pipe.release());
    EXPECT_EQ(status, 0) << output;
    EXPECT_NE(output.find("activity com.android.launcher/.Launcher"), std::string::npos) << output;
    EXPECT_NE(output.find("activity com.example.first/.FirstAppActivity"), std::string::npos);
    EXPECT_NE(output.find("Category: \"android.intent.category.HOME_FIRST\""), std::string::npos);
    EXPECT_EQ(output.find("warning"), std::string::npos) << output;
}

TEST(DumpCommand, DeviceJsonGivesItsOrderAndItsPackageNames) {
    const fs::path dir = scratchDir("device");
    writeFile(dir / "b" / "AndroidManifest.xml",
              "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\">"
              "<application><activity android:name=\".Main\" /></application></manifest>");
    writeFile(dir / "a" / "AndroidManifest.xml", "<manifest package=\"com.example.a\" />");
    const std::string deviceJson = writeFile(dir / "device.json", R"json({
      "name": "pair",
      "packages": [
        { "manifest": "b/AndroidManifest.xml", "package": "com.example.b" },
        { "manifest": "a/AndroidManifest.xml" }
      ]
    })json");
    const DumpRun run = dump({deviceJson, "--json"});
    EXPECT_EQ(run.code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    const nlohmann::json document = nlohmann::json::parse(run.out);
    ASSERT_EQ(document["packages"].size(), 2u);
    EXPECT_EQ(document["packages"][0]["package"], "com.example.b");
    EXPECT_EQ(document["packages"][0]["components"][0]["name"], "com.example.b.Main");
    EXPECT_EQ(document["packages"][1]["package"], "com.example.a");
    EXPECT_EQ(document["diagnostics"], nlohmann::json::array());
}

TEST(DumpCommand, AFolderWithADeviceJsonIsThatDeviceUnlessScanned) {
    // Issue 15: `dump DIR` reads DIR/device.json as `query DIR` does; --scan reads every file.
    const fs::path dir = scratchDir("device_folder");
    writeFile(dir / "kept" / "AndroidManifest.xml", "<manifest package=\"com.example.kept\" />");
    writeFile(dir / "spare" / "AndroidManifest.xml", "<manifest package=\"com.example.spare\" />");
    writeFile(dir / "device.json",
              R"json({"name": "one", "packages": [{"manifest": "kept/AndroidManifest.xml"}]})json");
    const auto packagesOf = [](const DumpRun& run) {
        std::vector<std::string> out;
        const nlohmann::json document = nlohmann::json::parse(run.out);
        for (const auto& package : document["packages"]) {
            out.push_back(package["package"].get<std::string>());
        }
        return out;
    };
    const DumpRun device = dump({dir.string(), "--json"});
    ASSERT_EQ(device.code, 0) << device.err;
    EXPECT_EQ(packagesOf(device), std::vector<std::string>{"com.example.kept"});
    const DumpRun scanned = dump({dir.string(), "--json", "--scan"});
    ASSERT_EQ(scanned.code, 0) << scanned.err;
    EXPECT_EQ(packagesOf(scanned),
              (std::vector<std::string>{"com.example.kept", "com.example.spare"}));
}

TEST(DumpCommand, BrokenDeviceJsonIsBadInput) {
    const std::string deviceJson = writeFile(scratchDir("bad_device") / "device.json", "{");
    const DumpRun run = dump({deviceJson});
    EXPECT_EQ(run.code, 1);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err.rfind(deviceJson + ":", 0), 0u) << run.err;
}

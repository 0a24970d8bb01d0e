// The manifest renderers (dump.h) on their own: the pm-like text tree, the JSON document with its
// diagnostics, and the JSON Lines forms of `hearth dump --jsonl`. tests/cli/dump_test.cpp (built as
// dump_command_test) keeps the end-to-end goldens.

#include <gtest/gtest.h>
#include <hearth/dump.h>
#include <hearth/manifest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace hearth;

namespace {

Manifest parsed(const std::string& package, const std::string& body) {
    const std::string xml =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" package=\"" +
        package + "\">\n<application>\n" + body + "\n</application>\n</manifest>\n";
    auto manifest = parseManifest(xml, package + "/AndroidManifest.xml");
    EXPECT_TRUE(manifest.has_value()) << (manifest ? "" : manifest.error().toString());
    return manifest ? *manifest : Manifest{};
}

const char* const kViewer =
    "<activity android:name=\".Viewer\" android:exported=\"true\">\n"
    "<intent-filter android:priority=\"5\">"
    "<action android:name=\"android.intent.action.VIEW\"/>"
    "<category android:name=\"android.intent.category.DEFAULT\"/>"
    "<data android:scheme=\"https\" android:host=\"example.com\" android:pathPrefix=\"/docs\"/>"
    "</intent-filter>\n</activity>";

}  // namespace

TEST(DumpText, EachPackageIsATreeOfItsApplicationComponentsAndFilters) {
    const std::vector<Manifest> manifests = {parsed("com.a", kViewer), parsed("com.b", "")};
    EXPECT_EQ(renderDumpText(manifests),
              "Package [com.a] com.a/AndroidManifest.xml:1:1\n"
              "  minSdk=unset targetSdk=unset (Android uses 0)\n"
              "  application (line 2:1): enabled=true\n"
              "  activity com.a/.Viewer (line 3:1)\n"
              "    enabled=true exported=true launchMode=standard\n"
              "    Filter (line 4:1):\n"
              "      Action: \"android.intent.action.VIEW\"\n"
              "      Category: \"android.intent.category.DEFAULT\"\n"
              "      Scheme: \"https\"\n"
              "      Authority: \"example.com\": -1\n"
              "      Path: \"PatternMatcher{PREFIX: /docs}\"\n"
              "      priority=5 order=0 autoVerify=false\n"
              "\n"
              "Package [com.b] com.b/AndroidManifest.xml:1:1\n"
              "  minSdk=unset targetSdk=unset (Android uses 0)\n"
              "  application (line 2:1): enabled=true\n");
    EXPECT_EQ(renderDumpText({}), "");
}

TEST(DumpJson, PackagesThenEveryDiagnosticThenTheExtraOnes) {
    Manifest warned = parsed("com.w", "<activity android:name=\".A\" android:bogus=\"1\"/>");
    ASSERT_FALSE(warned.diagnostics.empty());
    Diagnostic failed;
    failed.severity = Diagnostic::Severity::Error;
    failed.where = SourceLocation{"broken.apk", 0, 0};
    failed.message = "not a zip archive";
    const std::vector<Manifest> manifests = {parsed("com.a", kViewer), warned};
    const std::string text = renderDumpJson(manifests, std::vector<Diagnostic>{failed});
    ASSERT_EQ(text.back(), '\n');
    const nlohmann::json json = nlohmann::json::parse(text);
    ASSERT_EQ(json["packages"].size(), 2u);
    EXPECT_EQ(json["packages"][0]["package"], "com.a");
    EXPECT_FALSE(json["packages"][0].contains("diagnostics"));
    const nlohmann::json& filter = json["packages"][0]["components"][0]["filters"][0];
    EXPECT_EQ(filter["priority"], 5);
    ASSERT_EQ(json["diagnostics"].size(), warned.diagnostics.size() + 1);
    EXPECT_EQ(json["diagnostics"][0]["file"], "com.w/AndroidManifest.xml");
    EXPECT_EQ(json["diagnostics"].back()["file"], "broken.apk");
    EXPECT_EQ(json["diagnostics"].back()["severity"], "error");
    EXPECT_EQ(json["diagnostics"].back()["message"], "not a zip archive");
}

TEST(DumpJsonLines, OnePackageIsOneCompactLineWithItsOwnDiagnostics) {
    const std::string line = renderDumpJsonLine(parsed("com.b", ""));
    EXPECT_EQ(
        line,
        "{\"package\":\"com.b\",\"packageDerived\":false,\"file\":\"com.b/AndroidManifest.xml\","
        "\"line\":1,\"column\":1,\"minSdk\":null,\"targetSdk\":null,\"effectiveTargetSdk\":0,"
        "\"usesPermissions\":[],\"queries\":{\"packages\":[],\"intents\":[],\"providers\":[]},"
        "\"application\":{\"label\":null,\"icon\":null,\"enabled\":true,\"process\":null,"
        "\"directBootAware\":false,\"forceQueryable\":false,\"line\":2,\"column\":1},"
        "\"components\":[],\"diagnostics\":[]}\n");
}

TEST(DumpJsonLines, AFileThatFailedIsItsNameAndItsError) {
    Diagnostic error;
    error.severity = Diagnostic::Severity::Error;
    error.where = SourceLocation{"x.apk", 0, 0};
    error.message = "not a zip";
    EXPECT_EQ(renderDumpJsonErrorLine(error),
              "{\"file\":\"x.apk\",\"error\":{\"severity\":\"error\",\"file\":\"x.apk\",\"line\":0,"
              "\"column\":0,\"message\":\"not a zip\"}}\n");
}

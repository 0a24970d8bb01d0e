#pragma once
// Source manifests for the parser's tests (manifest_parser_test, strict_xml_test,
// string_resources_test, manifest_file_test): a manifest around an <application> body, parsing it
// expecting success or an error, its warnings, and scratch files.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace hearth::manifest_fixtures {

inline constexpr const char* kFile = "app/AndroidManifest.xml";

// A manifest whose <application> holds `body`; the body's first line is line 3 of the file.
inline std::string app(std::string_view body) {
    return std::string(
               "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
               "package=\"com.example.app\">\n"
               "<application>\n") +
           std::string(body) + "</application>\n</manifest>\n";
}

inline Manifest parseOk(std::string_view xml, const ParseOptions& options = {},
                 const std::string& file = kFile) {
    Result<Manifest> manifest = parseManifest(xml, file, options);
    EXPECT_TRUE(manifest.has_value()) << manifest.error().toString();
    return manifest.has_value() ? std::move(manifest).value() : Manifest{};
}

inline std::string parseError(std::string_view xml, const ParseOptions& options = {}) {
    Result<Manifest> manifest = parseManifest(xml, kFile, options);
    EXPECT_FALSE(manifest.has_value());
    return manifest.has_value() ? std::string("(parsed)") : manifest.error().toString();
}

/// Every diagnostic as "file:line:col: warning: message".
inline std::vector<std::string> warnings(const Manifest& manifest) {
    std::vector<std::string> out;
    for (const Diagnostic& diagnostic : manifest.diagnostics) out.push_back(diagnostic.toString());
    return out;
}

using Strings = std::vector<std::string>;

/// A scratch folder under the test temp dir, emptied first.
inline std::filesystem::path scratchDir(const std::string& name) {
    const std::filesystem::path dir =
        std::filesystem::path(::testing::TempDir()) / ("hearth_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

inline void writeFile(const std::filesystem::path& path, std::string_view text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace hearth::manifest_fixtures

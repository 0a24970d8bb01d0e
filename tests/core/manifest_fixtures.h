#pragma once
// Source manifests for the parser's tests (manifest_parser_test, strict_xml_test): a manifest around
// an <application> body, and parsing it expecting success or an error.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <string>
#include <string_view>

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

}  // namespace hearth::manifest_fixtures

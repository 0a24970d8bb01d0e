// loadManifest (manifest_file.cpp): one file read by its bytes, with one wording for a missing
// file, a directory and a file larger than Hearth reads; small files read, large ones mapped.

#include <gtest/gtest.h>
#include <hearth/manifest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "manifest_fixtures.h"

using namespace hearth;
using namespace hearth::manifest_fixtures;

TEST(LoadManifest, ReadsAFileAndNamesItAsGiven) {
    const std::filesystem::path dir = scratchDir("load");
    writeFile(dir / "AndroidManifest.xml", "<manifest package=\"com.example.load\" />");
    Result<Manifest> manifest = loadManifest(dir / "AndroidManifest.xml");
    ASSERT_TRUE(manifest.has_value()) << manifest.error().toString();
    EXPECT_EQ(manifest->packageName, "com.example.load");
    EXPECT_EQ(manifest->file, (dir / "AndroidManifest.xml").string());
}

TEST(LoadManifest, MissingFile) {
    const std::filesystem::path missing = scratchDir("load_missing") / "AndroidManifest.xml";
    Result<Manifest> manifest = loadManifest(missing);
    ASSERT_FALSE(manifest.has_value());
    EXPECT_EQ(manifest.error().toString(),
              missing.string() + ": cannot read: no such file or directory");
}

TEST(LoadManifest, DirectoryIsNotAManifest) {
    const std::filesystem::path dir = scratchDir("load_dir");
    Result<Manifest> manifest = loadManifest(dir);
    ASSERT_FALSE(manifest.has_value());
    EXPECT_EQ(manifest.error().toString(),
              dir.string() + ": cannot read: it is a directory");
}

TEST(LoadManifest, FileLargerThanHearthReads) {
    const std::filesystem::path file = scratchDir("load_big") / "AndroidManifest.xml";
    writeFile(file, "");
    std::filesystem::resize_file(file, (std::uintmax_t{16} << 20) + 1);  // sparse, no real I/O
    Result<Manifest> manifest = loadManifest(file);
    ASSERT_FALSE(manifest.has_value());
    EXPECT_EQ(manifest.error().toString(),
              file.string() + ": the file is 16777217 bytes, more than the 16777216 Hearth reads");
}

// A manifest under 1 MiB is read into memory, a larger file is mapped: both read the same bytes.
TEST(LoadManifest, ManifestsReadAndMappedGiveTheSameModel) {
    const std::filesystem::path dir = scratchDir("load_sizes_" + std::to_string(::getpid()));
    const std::string body =
        "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
        "package=\"com.example.sizes\">\n  <application>\n"
        "    <activity android:name=\".Main\"/>\n  </application>\n</manifest>\n";
    writeFile(dir / "small.xml", body);
    writeFile(dir / "large.xml", "<!--" + std::string(size_t{3} << 19, ' ') + "-->\n" + body);
    ASSERT_GT(std::filesystem::file_size(dir / "large.xml"), std::uintmax_t{1} << 20);
    Result<Manifest> small = loadManifest(dir / "small.xml");
    Result<Manifest> large = loadManifest(dir / "large.xml");
    ASSERT_TRUE(small.has_value()) << small.error().toString();
    ASSERT_TRUE(large.has_value()) << large.error().toString();
    ASSERT_EQ(small->components.size(), 1u);
    ASSERT_EQ(large->components.size(), 1u);
    EXPECT_EQ(small->components[0].name, "com.example.sizes.Main");
    EXPECT_EQ(large->components[0].name, "com.example.sizes.Main");
    EXPECT_EQ(large->components[0].where.line, small->components[0].where.line + 1);
}

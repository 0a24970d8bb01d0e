// The zip layer of an APK (apk_reader.cpp) through parseApk and loadManifest: what is not a zip,
// a missing manifest, size caps and zip bombs, corrupt deflate streams, and bare binary manifests.

#include <gtest/gtest.h>
#include <hearth/manifest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

constexpr uint32_t kLabel = 0x01010001;  // android:attr/label

}  // namespace

TEST(ApkArchive, BytesThatAreNoZipAreNotAnApk) {
    Result<Manifest> manifest = parseApk("this is not a zip archive", "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(), "app.apk: not an APK: no zip archive found in the file");
}

TEST(ApkArchive, AnArchiveWithoutAManifestSaysSo) {
    ZipWriter zip;
    zip.stored("classes.dex", "dex\n035");
    Result<Manifest> manifest = parseApk(zip.bytes(), "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(), "app.apk: no AndroidManifest.xml in the archive");
}

TEST(ApkArchive, AManifestDeclaredLargerThanTheCapIsNotInflated) {
    // 40 MiB of zeros in ~260 KB: the zip header says so honestly.
    const size_t runs = (40u << 20) / 258;
    ZipWriter zip;
    zip.deflated("AndroidManifest.xml", deflateZeros(runs), 1 + 258 * runs, 0);
    Result<Manifest> manifest = parseApk(zip.bytes(), "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(), "app.apk: AndroidManifest.xml unpacks to " +
                                               std::to_string(1 + 258 * runs) +
                                               " bytes, more than hearth's limit of 16 MiB");
}

TEST(ApkArchive, AZipBombThatLiesAboutItsSizeStopsOneBytePastTheDeclaredSize) {
    // The header claims 100 bytes; the data would inflate to 40 MiB.
    const size_t runs = (40u << 20) / 258;
    ZipWriter zip;
    zip.deflated("AndroidManifest.xml", deflateZeros(runs), 100, 0);
    Result<Manifest> manifest = parseApk(zip.bytes(), "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(),
              "app.apk: AndroidManifest.xml unpacks to more than the 100 bytes its zip header "
              "declares (a zip bomb or a corrupt archive); reading stopped there");
}

TEST(ApkArchive, AResourceTableBombIsStoppedToo) {
    // A 300 MiB bomb behind a 64-byte claim: the reader never holds more than 65 bytes of it.
    const size_t runs = (300u << 20) / 258;
    ZipWriter zip;
    zip.stored(
        "AndroidManifest.xml",
        minimalManifest({androidTyped("label", kLabel, value::kReference, 0x7f010000)}).bytes());
    zip.deflated("resources.arsc", deflateZeros(runs), 64, 0);
    Result<Manifest> manifest = parseApk(zip.bytes(), "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(),
              "app.apk: resources.arsc unpacks to more than the 64 bytes its zip header declares "
              "(a zip bomb or a corrupt archive); reading stopped there");
}

TEST(ApkArchive, AResourceTableDeclaredLargerThanTheCapIsNotInflated) {
    const size_t runs = (300u << 20) / 258;
    ZipWriter zip;
    zip.stored(
        "AndroidManifest.xml",
        minimalManifest({androidTyped("label", kLabel, value::kReference, 0x7f010000)}).bytes());
    zip.deflated("resources.arsc", deflateZeros(runs), 1 + 258 * runs, 0);
    Result<Manifest> manifest = parseApk(zip.bytes(), "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(), "app.apk: resources.arsc unpacks to " +
                                               std::to_string(1 + 258 * runs) +
                                               " bytes, more than hearth's limit of 256 MiB");
}

TEST(ApkArchive, ACorruptDeflateStreamIsAnErrorNotACrash) {
    ZipWriter zip;
    zip.deflated("AndroidManifest.xml", std::string("\xFF\xFF\xFF\xFF\xFF\xFF", 6), 500, 0);
    Result<Manifest> manifest = parseApk(zip.bytes(), "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString().rfind("app.apk: cannot unpack AndroidManifest.xml (", 0),
              0u)
        << manifest.error().toString();
}

// Android's installer reads any file it is given by its bytes; so does loadManifest (issue 13).
TEST(ApkArchive, AnApkWithAnotherExtensionIsRecognisedByItsBytes) {
    TempDir dir("apk-ext");
    for (const char* name : {"app.zip", "app", "base.apk.1", "AndroidManifest.xml"}) {
        const fs::path file = dir.path() / name;
        writeFile(file, apkWith(minimalManifest().bytes()));
        Result<Manifest> manifest = loadManifest(file);
        ASSERT_TRUE(manifest) << name << ": " << manifest.error().toString();
        EXPECT_EQ(manifest->packageName, "com.example.app") << name;
        EXPECT_EQ(manifest->components.at(0).name, "com.example.app.Main") << name;
    }
}

TEST(ApkArchive, ABareBinaryManifestIsReadAsOne) {
    TempDir dir("apk-bare");
    for (const char* name : {"AndroidManifest.xml", "manifest.bin"}) {
        const fs::path file = dir.path() / name;
        writeFile(file, minimalManifest({androidTyped("label", kLabel, value::kReference,
                                                      0x7f010000)})
                            .bytes());
        Result<Manifest> manifest = loadManifest(file);
        ASSERT_TRUE(manifest) << name << ": " << manifest.error().toString();
        EXPECT_EQ(manifest->components.at(0).name, "com.example.app.Main");
        // No resources.arsc beside a bare manifest: the reference stays as its id.
        EXPECT_EQ(manifest->components.at(0).label, "@0x7f010000");
        EXPECT_EQ(manifest->components.at(0).where.prefix(), file.string() + ":3: ");
    }
}

TEST(ApkArchive, ABareBinaryManifestWithAnotherFirstChunkTypeIsStillBinary) {
    TempDir dir("apk-bare-type");
    std::string axml = minimalManifest().bytes();
    setU16(axml, 0, 0x0000);
    const fs::path file = dir.path() / "AndroidManifest.xml";
    writeFile(file, axml);
    Result<Manifest> manifest = loadManifest(file);
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->packageName, "com.example.app");
}

TEST(ApkArchive, ABrokenBareBinaryManifestNamesTheFileNotAnEntry) {
    TempDir dir("apk-bare-broken");
    std::string axml = minimalManifest().bytes();
    axml.resize(axml.size() - 48);  // no </manifest>, no namespace end
    setU32(axml, 4, static_cast<uint32_t>(axml.size()));
    const fs::path file = dir.path() / "manifest.bin";
    writeFile(file, axml);
    Result<Manifest> manifest = loadManifest(file);
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString().rfind(file.string() + ": document ends inside", 0), 0u)
        << manifest.error().toString();
}

TEST(ApkArchive, LoadManifestDispatchesApkFilesToTheApkReader) {
    TempDir dir("apk-load");
    const fs::path apk = dir.path() / "app.apk";
    writeFile(apk, apkWith(minimalManifest().bytes()));
    Result<Manifest> manifest = loadManifest(apk);
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->file, apk.string());
    EXPECT_EQ(manifest->components.at(0).where.prefix(), apk.string() + ":3: ");
}

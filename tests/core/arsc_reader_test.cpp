// resources.arsc (arsc_reader.cpp) through parseApk: labels and icons resolved by reference, every
// entry layout Android reads, configurations by API level, cycles, missing and corrupt tables.

#include <gtest/gtest.h>
#include <hearth/manifest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "apk_fixtures.h"

using namespace hearth;
using namespace hearth::testing;
namespace fs = std::filesystem;

namespace {

// android:attr ids (framework public.xml).
constexpr uint32_t kLabel = 0x01010001;
constexpr uint32_t kIcon = 0x01010002;
constexpr uint32_t kExported = 0x01010010;

}  // namespace

TEST(ApkResources, LabelsResolveThroughResourcesArscForTheDefaultConfiguration) {
    ArscWriter arsc;
    const uint32_t label = arsc.add({"string", "app_name", value::kString, "Hello", 0, true});
    arsc.add({"string", "app_name", value::kString, "Bonjour", 0, false});
    const std::string axml =
        minimalManifest({androidTyped("label", kLabel, value::kReference, label)}).bytes();
    Result<Manifest> manifest = parseApk(apkWith(axml, arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "Hello");
    EXPECT_TRUE(manifest->diagnostics.empty());
}

TEST(ApkResources, EveryEntryLayoutOfResourcesArscResolves) {
    // 32-bit and 16-bit offset tables, sparse tables, full and compact entries.
    for (ArscWriter& arsc : ArscWriter::everyLayout()) {
        arsc.add({"string", "first", value::kString, "One", 0, true});
        arsc.add({"string", "only_fr", value::kString, "Deux", 0, false});
        const uint32_t third = arsc.add({"string", "third", value::kString, "Three", 0, true});
        const std::string axml =
            minimalManifest({androidTyped("label", kLabel, value::kReference, third)}).bytes();
        Result<Manifest> manifest = parseApk(apkWith(axml, arsc.bytes()), "app.apk");
        ASSERT_TRUE(manifest) << manifest.error().toString();
        EXPECT_EQ(manifest->components[0].label, "Three") << arsc.layoutName();
        EXPECT_TRUE(manifest->diagnostics.empty());
    }
}

TEST(ApkResources, ReferenceChainsAreFollowed) {
    ArscWriter arsc;
    const uint32_t target = arsc.add({"string", "real", value::kString, "Deep", 0, true});
    const uint32_t middle = arsc.add({"string", "alias", value::kReference, {}, target, true});
    const std::string axml =
        minimalManifest({androidTyped("label", kLabel, value::kReference, middle)}).bytes();
    Result<Manifest> manifest = parseApk(apkWith(axml, arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "Deep");
}

TEST(ApkResources, AReferenceCycleIsReportedNotFollowedForever) {
    ArscWriter arsc;
    // Entry 0 points at entry 1, which points back at entry 0.
    const uint32_t first = arsc.add({"string", "a", value::kReference, {}, 0x7f010001, true});
    arsc.add({"string", "b", value::kReference, {}, first, true});
    const std::string axml =
        minimalManifest({androidTyped("label", kLabel, value::kReference, first)}).bytes();
    Result<Manifest> manifest = parseApk(apkWith(axml, arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "@0x7f010000");
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].toString(),
              "app.apk:3: warning: 'android:label' refers to @0x7f010000, which resources.arsc "
              "does not resolve (references from @0x7f010000 go deeper than 16 levels (a "
              "cycle?)); kept as '@0x7f010000'");
}

TEST(ApkResources, AStringOnlyInAnotherConfigurationStaysUnresolvedWithAWarning) {
    ArscWriter arsc;
    const uint32_t french = arsc.add({"string", "only_fr", value::kString, "Salut", 0, false});
    const std::string axml =
        minimalManifest({androidTyped("label", kLabel, value::kReference, french)}).bytes();
    Result<Manifest> manifest = parseApk(apkWith(axml, arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "@0x7f010000");
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].toString(),
              "app.apk:3: warning: 'android:label' refers to @0x7f010000, which resources.arsc "
              "does not resolve (@0x7f010000 has no value for the default configuration or "
              "values-vN up to API 34); kept as '@0x7f010000'");
}

// @bool/atLeastHoneycomb is false in values/ and true in values-v11/: a real sample APK gates 59
// activities on it. Android resolves it for the device's configuration, so every device from
// API 11 on enables them (issue 13).
TEST(ApkResources, AReferenceResolvesForTheDevicesApiLevel) {
    ArscWriter arsc;
    const uint32_t gate = arsc.add({"bool", "atLeastHoneycomb", value::kBoolean, "", 0});
    arsc.add({"bool", "atLeastHoneycomb", value::kBoolean, "", 1, true, 11});
    const std::string apk =
        apkWith(minimalManifest({androidTyped("enabled", 0x0101000e, value::kReference, gate)})
                    .bytes(),
                arsc.bytes());
    for (const auto& [api, enabled] : {std::pair{4, false}, std::pair{10, false},
                                       std::pair{11, true}, std::pair{34, true}}) {
        ParseOptions options;
        options.apiLevel = api;
        Result<Manifest> manifest = parseApk(apk, "app.apk", options);
        ASSERT_TRUE(manifest) << manifest.error().toString();
        EXPECT_EQ(manifest->components.at(0).enabled, enabled) << "API " << api;
    }
    Result<Manifest> byDefault = parseApk(apk, "app.apk");  // Device's default API level
    ASSERT_TRUE(byDefault) << byDefault.error().toString();
    EXPECT_TRUE(byDefault->components.at(0).enabled);
}

TEST(ApkResources, TheHighestApplicableSdkLevelWinsAndOtherQualifiersNeverApply) {
    ArscWriter arsc;
    const uint32_t label = arsc.add({"string", "title", value::kString, "base"});
    arsc.add({"string", "title", value::kString, "v21", 0, true, 21});
    arsc.add({"string", "title", value::kString, "v14", 0, true, 14});
    arsc.add({"string", "title", value::kString, "fr-v17", 0, false, 17});  // French: never
    const std::string apk = apkWith(
        minimalManifest({androidTyped("label", kLabel, value::kReference, label)}).bytes(),
        arsc.bytes());
    for (const auto& [api, text] : {std::pair{13, "base"}, std::pair{14, "v14"},
                                    std::pair{20, "v14"}, std::pair{21, "v21"}}) {
        ParseOptions options;
        options.apiLevel = api;
        Result<Manifest> manifest = parseApk(apk, "app.apk", options);
        ASSERT_TRUE(manifest) << manifest.error().toString();
        EXPECT_EQ(manifest->components.at(0).label, text) << "API " << api;
    }
}

TEST(ApkResources, OnlyConfigurationsTheDeviceCanPickAreRead) {
    // The French entries' offsets point past their chunk. A label resolved from the default
    // configuration never reads it (as Android, which picks the configuration first); only a
    // value missing there looks at the others, and then the broken entry is reported.
    ArscWriter arsc;
    const uint32_t label = arsc.add({"string", "app_name", value::kString, "Hello", 0, true});
    arsc.add({"string", "app_name", value::kString, "Bonjour", 0, false});
    const uint32_t frenchOnly =
        arsc.add({"string", "seulement", value::kString, "Seulement", 0, false});
    std::string bytes = arsc.bytes();
    const size_t french = bytes.find("fr") - 28;  // the language is byte 8 of the config at 20
    ASSERT_EQ(getU16(bytes, french), 0x0201u);
    const size_t offsets = french + getU16(bytes, french + 2);
    setU32(bytes, offsets, 0x00FFFF00);      // app_name
    setU32(bytes, offsets + 4, 0x00FFFF00);  // seulement

    Result<Manifest> manifest = parseApk(
        apkWith(minimalManifest({androidTyped("label", kLabel, value::kReference, label)}).bytes(),
                bytes),
        "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "Hello");
    EXPECT_TRUE(manifest->diagnostics.empty());

    manifest = parseApk(
        apkWith(
            minimalManifest({androidTyped("label", kLabel, value::kReference, frenchOnly)}).bytes(),
            bytes),
        "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].toString(),
              "app.apk:3: warning: 'android:label' refers to @0x7f010001, which resources.arsc "
              "does not resolve (resource entry runs past the end of its type chunk, at byte "
              "offset " + std::to_string(french + getU32(bytes, french + 4)) +  // the chunk's end
                  "); kept as '@0x7f010001'");
}

TEST(ApkResources, AValueOnlyForNewerDevicesStaysUnresolvedOnOlderOnes) {
    ArscWriter arsc;
    const uint32_t label = arsc.add({"string", "only_v21", value::kString, "new", 0, true, 21});
    ParseOptions options;
    options.apiLevel = 19;
    Result<Manifest> manifest = parseApk(
        apkWith(minimalManifest({androidTyped("label", kLabel, value::kReference, label)}).bytes(),
                arsc.bytes()),
        "app.apk", options);
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "@0x7f010000");
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].toString(),
              "app.apk:3: warning: 'android:label' refers to @0x7f010000, which resources.arsc "
              "does not resolve (@0x7f010000 has no value for the default configuration or "
              "values-vN up to API 19); kept as '@0x7f010000'");
}

TEST(ApkResources, AMissingResourceStaysUnresolvedWithAWarning) {
    ArscWriter arsc;
    arsc.add({"string", "present", value::kString, "x", 0, true});
    const std::string axml =
        minimalManifest({androidTyped("label", kLabel, value::kReference, 0x7f010009)}).bytes();
    Result<Manifest> manifest = parseApk(apkWith(axml, arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->components[0].label, "@0x7f010009");
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].message,
              "'android:label' refers to @0x7f010009, which resources.arsc does not resolve (no "
              "resource @0x7f010009); kept as '@0x7f010009'");
}

TEST(ApkResources, BooleanReferencesResolveAndUnresolvedOnesCountAsNotWritten) {
    ArscWriter arsc;
    const uint32_t no = arsc.add({"bool", "no", value::kBoolean, {}, 0, true});
    const std::string resolved =
        minimalManifest({androidTyped("exported", kExported, value::kReference, no)}).bytes();
    Result<Manifest> manifest = parseApk(apkWith(resolved, arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_FALSE(manifest->components[0].exported);
    EXPECT_TRUE(manifest->components[0].exportedExplicit);

    const std::string dangling =
        minimalManifest({androidTyped("exported", kExported, value::kReference, 0x7f050000)})
            .bytes();
    manifest = parseApk(apkWith(dangling, arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_FALSE(manifest->components[0].exportedExplicit);
    ASSERT_EQ(manifest->diagnostics.size(), 1u);
    EXPECT_EQ(manifest->diagnostics[0].message,
              "'android:exported' refers to @0x7f050000, which resources.arsc does not resolve (no "
              "resource @0x7f050000); treated as not written");
}

TEST(ApkResources, IconsAreShownByResourceName) {
    ArscWriter arsc;
    const uint32_t icon =
        arsc.add({"drawable", "ic_home", value::kString, "res/drawable/ic_home.xml", 0, false});
    AxmlWriter writer;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {plainString("package", "com.example.app")});
    writer.leaf("application", {androidTyped("icon", kIcon, value::kReference, icon)});
    writer.end("manifest");
    Result<Manifest> manifest = parseApk(apkWith(writer.bytes(), arsc.bytes()), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();
    EXPECT_EQ(manifest->application.icon, "@drawable/ic_home");
}

TEST(ApkResources, ACorruptResourceTableFailsOnlyWhenAReferenceNeedsIt) {
    std::string arsc = ArscWriter().bytes();
    setU32(arsc, 4, 0x00FFFFFF);  // the table claims 16 MB
    const std::string plain = minimalManifest().bytes();
    Result<Manifest> manifest = parseApk(apkWith(plain, arsc), "app.apk");
    ASSERT_TRUE(manifest) << manifest.error().toString();

    const std::string referring =
        minimalManifest({androidTyped("label", kLabel, value::kReference, 0x7f010000)}).bytes();
    manifest = parseApk(apkWith(referring, arsc), "app.apk");
    ASSERT_FALSE(manifest);
    EXPECT_EQ(manifest.error().toString(),
              "app.apk: resources.arsc: resource table declares 16777215 bytes but only " +
                  std::to_string(arsc.size()) +
                  " remain (truncated or wrong size), at byte offset 0");
}

namespace {

// The first type chunk (RES_TABLE_TYPE_TYPE) of the table's first package.
size_t firstTypeChunk(const std::string& arsc) {
    for (size_t pos = getU16(arsc, 2); pos + 8 <= arsc.size(); pos += getU32(arsc, pos + 4)) {
        if (getU16(arsc, pos) != 0x0200) continue;
        const size_t end = pos + getU32(arsc, pos + 4);
        for (size_t inner = pos + getU16(arsc, pos + 2); inner + 8 <= end;
             inner += getU32(arsc, inner + 4)) {
            if (getU16(arsc, inner) == 0x0201) return inner;
        }
    }
    return 0;
}

// An APK file of over a megabyte (a stored padding entry), which Hearth maps instead of reading,
// so its table is walked through copies of the chunk headers (copyOut) rather than in place.
fs::path writeMappedApk(const std::string& name, const std::string& manifest,
                        const std::string& arsc) {
    ZipWriter zip;
    zip.stored("AndroidManifest.xml", manifest);
    zip.stored("assets/padding.bin", std::string(std::size_t{3} << 20, 'p'));
    zip.stored("resources.arsc", arsc);
    const fs::path path =
        fs::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".apk");
    std::ofstream(path, std::ios::binary) << zip.bytes();
    return path;
}

}  // namespace

TEST(ApkResources, AMappedApkWalksItsTableAsAnApkInMemoryDoes) {
    ArscWriter arsc;
    const uint32_t label = arsc.add({"string", "app_name", value::kString, "Hello", 0, true});
    arsc.add({"string", "app_name", value::kString, "Bonjour", 0, false});
    const std::string axml =
        minimalManifest({androidTyped("label", kLabel, value::kReference, label)}).bytes();
    const std::string table = arsc.bytes();
    const fs::path path = writeMappedApk("hearth-arsc-mapped", axml, table);
    Result<Manifest> fromFile = loadManifest(path);
    ASSERT_TRUE(fromFile) << fromFile.error().toString();
    EXPECT_EQ(fromFile->components[0].label, "Hello");

    // A malformed type chunk inside the package fails the table in both, with the same words.
    std::string broken = table;
    const size_t type = firstTypeChunk(broken);
    ASSERT_GT(type, 0u);
    setU32(broken, type + 20, 0xFFFF);  // a configuration larger than the chunk's header
    const fs::path brokenPath = writeMappedApk("hearth-arsc-mapped-broken", axml, broken);
    fromFile = loadManifest(brokenPath);
    const Result<Manifest> inMemory = parseApk(apkWith(axml, broken), "app.apk");
    ASSERT_FALSE(fromFile);
    ASSERT_FALSE(inMemory);
    EXPECT_NE(fromFile.error().message.find("type chunk configuration size 65535 does not fit"),
              std::string::npos)
        << fromFile.error().toString();
    EXPECT_EQ(fromFile.error().message, inMemory.error().message);
    fs::remove(path);
    fs::remove(brokenPath);
}

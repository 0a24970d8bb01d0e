// Hostile input, end to end through the CLI in-process (issue 8). First the catalogue in
// samples/hostile/: each input FILE sits next to FILE.expected, which holds the command line, the
// exit code and the exact stderr. Then the inputs too large to commit (size caps, zip bombs,
// nesting and count caps), generated here into a temporary folder. Every case must end quickly
// with its message: no crash, no hang, no unbounded allocation.

#include <gtest/gtest.h>
#include <hearth/limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "../support/binary_writers.h"
#include "cli.h"
#include "cli_run.h"

namespace {

using hearth::testing::CliRun;
using hearth::testing::runCli;

namespace fs = std::filesystem;
using hearth::testing::AxmlWriter;
using hearth::testing::kAndroidUri;
using hearth::testing::ZipWriter;

const fs::path kSamples = HEARTH_SAMPLES_DIR;
const fs::path kHostile = kSamples / "hostile";

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeFile(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

// ---- the catalogue ------------------------------------------------------------------------

// Every input of samples/hostile/ (README.md and the .expected files aside), sorted.
std::vector<std::string> catalogueInputs() {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(kHostile, ec)) {
        const std::string name = entry.path().filename().string();
        if (name == "README.md" || entry.path().extension() == ".expected") continue;
        names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// FILE.expected: "hearth ARGS..." ({input} and {samples} stand for the paths), "exit N", then
// the exact stderr.
struct Expectation {
    std::vector<std::string> args;
    int code = -1;
    std::string err;
};

Expectation readExpectation(const std::string& name) {
    const std::string input = (kHostile / name).string();
    const auto substitute = [&](std::string text) {
        return replaceAll(replaceAll(std::move(text), "{input}", input), "{samples}",
                          kSamples.string());
    };
    std::istringstream lines(readFile(kHostile / (name + ".expected")));
    Expectation expected;
    std::string line;
    std::getline(lines, line);
    std::istringstream words(line);
    std::string word;
    words >> word;  // "hearth"
    while (words >> word) expected.args.push_back(substitute(word));
    std::getline(lines, line);
    expected.code = std::stoi(line.substr(line.find(' ') + 1));
    std::string rest;
    while (std::getline(lines, line)) rest += line + "\n";
    expected.err = substitute(rest);
    return expected;
}

class HostileCatalogue : public testing::TestWithParam<std::string> {};

TEST_P(HostileCatalogue, GetsItsExactMessageAndExitCode) {
    const std::string name = GetParam();
    ASSERT_TRUE(fs::exists(kHostile / (name + ".expected"))) << name << " has no .expected file";
    const Expectation expected = readExpectation(name);
    const CliRun run = runCli(expected.args);
    EXPECT_EQ(run.err, expected.err);
    EXPECT_EQ(run.code, expected.code);
}

INSTANTIATE_TEST_SUITE_P(Samples, HostileCatalogue, testing::ValuesIn(catalogueInputs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                             std::string name = info.param;
                             for (char& c : name)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return name;
                         });

TEST(HostileCatalogueLayout, EveryExpectationHasItsInput) {
    for (const auto& entry : fs::directory_iterator(kHostile)) {
        if (entry.path().extension() != ".expected") continue;
        fs::path input = entry.path();
        input.replace_extension();
        EXPECT_TRUE(fs::exists(input)) << entry.path() << " expects an input that is missing";
    }
    EXPECT_GE(catalogueInputs().size(), 20u);
}

// ---- generated inputs ---------------------------------------------------------------------

class HostileGenerated : public testing::Test {
  protected:
    void SetUp() override {
        const auto* test = testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() /
                ("hearth-hostile-" + std::to_string(::getpid()) + "-" + test->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        std::error_code ec;
        fs::remove_all(m_dir, ec);
    }
    fs::path path(const std::string& name) const { return m_dir / name; }

    fs::path m_dir;
};

constexpr const char* kManifestHead =
    "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\" "
    "package=\"com.example.hostile\">\n";

// A sparse file: the size is real, the disk blocks are not.
void makeSparse(const fs::path& file, std::uintmax_t size) {
    writeFile(file, "");
    fs::resize_file(file, size);
}

TEST_F(HostileGenerated, ManifestOverTheSizeCapIsRefusedBeforeReading) {
    const fs::path file = path("big/AndroidManifest.xml");
    makeSparse(file, hearth::limits::kMaxManifestBytes + 1);
    const CliRun run = runCli({"dump", file.string()});
    EXPECT_EQ(run.err, file.string() + ": the file is 16777217 bytes, more than the 16777216 " +
                           "Hearth reads\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, ApkOverTheSizeCapIsRefusedBeforeReading) {
    const fs::path file = path("big.apk");
    makeSparse(file, hearth::limits::kMaxApkBytes + 1);
    const CliRun run = runCli({"dump", file.string()});
    EXPECT_EQ(run.err, file.string() + ": the file is 1073741825 bytes, more than the " +
                           "1073741824 Hearth reads\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, HundredThousandNestedElementsStopAtTheDepthCap) {
    std::string text = kManifestHead;
    for (int i = 0; i < 100'000; ++i) text += "<x>";
    for (int i = 0; i < 100'000; ++i) text += "</x>";
    text += "\n</manifest>\n";
    const fs::path file = path("AndroidManifest.xml");
    writeFile(file, text);
    const CliRun run = runCli({"dump", file.string()});
    // <manifest> is level 1, so the 64th <x> (column 3 * 63 + 1) is the first too deep.
    EXPECT_EQ(run.err, file.string() + ":2:190: elements nest more than 64 deep, the most " +
                           "Hearth reads\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, MoreAttributesThanBinaryXmlCanHoldAreRefused) {
    std::string text = kManifestHead + std::string("<application");
    for (size_t i = 0; i <= hearth::limits::kMaxAttributesPerElement; ++i)
        text += " a" + std::to_string(i) + "=\"\"";
    text += "/>\n</manifest>\n";
    const fs::path file = path("AndroidManifest.xml");
    writeFile(file, text);
    const CliRun run = runCli({"dump", file.string()});
    // The one attribute too many, on line 2 (found in the text, not assumed).
    const size_t lineStart = text.find("<application");
    const size_t column = text.find(" a65535=") + 1 - lineStart + 1;
    EXPECT_EQ(run.err, file.string() + ":2:" + std::to_string(column) +
                           ": <application> has more than 65535 attributes, the most an APK "
                           "can hold\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, MoreActivitiesThanAndroidInstallsAreRefused) {
    std::string text = kManifestHead + std::string("<application>\n");
    for (int i = 0; i <= 40'000; ++i)
        text += "<activity android:name=\".A" + std::to_string(i) + "\"/>\n";
    text += "</application>\n</manifest>\n";
    const fs::path file = path("AndroidManifest.xml");
    writeFile(file, text);
    const CliRun run = runCli({"dump", file.string()});
    EXPECT_EQ(run.err, file.string() + ":40003:1: <application> has more than 40000 " +
                           "<activity> elements, the most Android accepts\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, MoreElementsThanTheCapAreRefused) {
    std::string text = kManifestHead;
    text.reserve(15 << 20);
    for (size_t i = 0; i < hearth::limits::kMaxXmlElements; ++i) text += "<x/>\n";
    text += "</manifest>\n";
    const fs::path file = path("AndroidManifest.xml");
    writeFile(file, text);
    const CliRun run = runCli({"dump", file.string()});
    EXPECT_EQ(run.err, file.string() + ":1048577:1: the manifest has more than 1048576 " +
                           "elements, the most Hearth reads\n");
    EXPECT_EQ(run.code, 1);
}

// A binary manifest whose application label is a reference into resources.arsc (so that the
// table has to be read).
std::string binaryManifestWithLabelReference() {
    using namespace hearth::testing;
    AxmlWriter writer;
    writer.utf8 = true;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {plainString("package", "com.example.bomb")});
    writer.start("application", {androidTyped("label", 0x01010001, value::kReference, 0x7f010000)});
    writer.leaf("activity", {androidString("name", 0x01010003, "com.example.bomb.Main")});
    writer.end("application");
    writer.end("manifest");
    writer.endNamespace("android", kAndroidUri);
    return writer.bytes();
}

// The byte offset of the n-th (1-based) start-element chunk of an AXML document.
size_t startElementOffset(const std::string& axml, int n) {
    const auto u32 = [&](size_t at) {
        return static_cast<uint32_t>(static_cast<unsigned char>(axml[at])) |
               static_cast<uint32_t>(static_cast<unsigned char>(axml[at + 1])) << 8 |
               static_cast<uint32_t>(static_cast<unsigned char>(axml[at + 2])) << 16 |
               static_cast<uint32_t>(static_cast<unsigned char>(axml[at + 3])) << 24;
    };
    for (size_t at = 8; at + 8 <= axml.size(); at += u32(at + 4)) {
        if ((u32(at) & 0xFFFF) == 0x0102 && --n == 0) return at;
    }
    return 0;
}

// A deflated entry of at least `count` zero bytes whose header declares `declared` bytes (by
// default the truth); returns the size the header declares.
std::uint64_t addZeros(ZipWriter& zip, const std::string& name, std::size_t count,
                       std::optional<std::uint64_t> declared = std::nullopt) {
    const hearth::testing::DeflatedZeros zeros = hearth::testing::deflatedZerosOfAtLeast(count);
    const std::uint64_t size = declared.value_or(zeros.count);
    zip.deflated(name, zeros.stream, size, zeros.crc);
    return size;
}

TEST_F(HostileGenerated, ZipBombManifestIsRefusedAtItsDeclaredSize) {
    const fs::path file = path("bomb.apk");
    ZipWriter zip;
    const std::uint64_t declared =
        addZeros(zip, "AndroidManifest.xml", hearth::limits::kMaxManifestBytes + 1);
    const std::string bytes = zip.bytes();
    ASSERT_LT(bytes.size(), 200'000u);  // a small file that unpacks to more than the cap
    writeFile(file, bytes);
    const CliRun run = runCli({"dump", file.string()});
    EXPECT_EQ(run.err, file.string() + ": AndroidManifest.xml unpacks to " +
                           std::to_string(declared) +
                           " bytes, more than hearth's limit of 16 MiB\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, ZipEntryLargerThanItsHeaderSaysStopsThere) {
    const fs::path file = path("liar.apk");
    ZipWriter zip;
    addZeros(zip, "AndroidManifest.xml", hearth::limits::kMaxManifestBytes + 1, 100);
    writeFile(file, zip.bytes());
    const CliRun run = runCli({"dump", file.string()});
    EXPECT_EQ(run.err, file.string() + ": AndroidManifest.xml unpacks to more than the 100 " +
                           "bytes its zip header declares (a zip bomb or a corrupt archive); " +
                           "reading stopped there\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, ResourceTableBombIsRefusedAtItsDeclaredSize) {
    const fs::path file = path("arsc-bomb.apk");
    const std::string manifest = binaryManifestWithLabelReference();
    ZipWriter zip;
    zip.stored("AndroidManifest.xml", manifest);
    const std::uint64_t declared =
        addZeros(zip, "resources.arsc", hearth::limits::kMaxResourceTableBytes + 1);
    writeFile(file, zip.bytes());
    const CliRun run = runCli({"dump", file.string()});
    EXPECT_EQ(run.err, file.string() + ": resources.arsc unpacks to " +
                           std::to_string(declared) +
                           " bytes, more than hearth's limit of 256 MiB\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, BinaryManifestNestedDeeperThanTheCapIsRefused) {
    AxmlWriter writer;
    writer.utf8 = true;
    writer.startNamespace("android", kAndroidUri);
    writer.start("manifest", {hearth::testing::plainString("package", "com.example.deep")});
    for (int i = 0; i < 10'000; ++i) writer.start("x");
    for (int i = 0; i < 10'000; ++i) writer.end("x");
    writer.end("manifest");
    writer.endNamespace("android", kAndroidUri);
    const std::string axml = writer.bytes();
    const fs::path file = path("deep.apk");
    writeFile(file, hearth::testing::apkWith(axml));
    const CliRun run = runCli({"dump", file.string()});
    // <manifest> is level 1: the 65th start element is the first too deep.
    EXPECT_EQ(run.err, file.string() +
                           ": AndroidManifest.xml: element <x> is nested more than 64 levels "
                           "deep (hearth's limit), at byte offset " +
                           std::to_string(startElementOffset(axml, 65)) + "\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, DeviceWithMorePackagesThanTheCapIsRefused) {
    std::string text = "{\"packages\": [\n";
    for (size_t i = 0; i <= hearth::limits::kMaxPackagesPerDevice; ++i)
        text += std::string(i == 0 ? "" : ",\n") + "  {\"manifest\": \"p" + std::to_string(i) +
                "/AndroidManifest.xml\"}";
    text += "\n]}\n";
    const fs::path file = path("device.json");
    writeFile(file, text);
    const CliRun run = runCli({"home", file.string()});
    EXPECT_EQ(run.err, file.string() + ":1:14: 'packages' lists 20001 packages, more than the " +
                           "limit of 20000\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, DeviceFolderWithMorePackagesThanTheCapIsRefusedBeforeReading) {
    // Empty files: the folder must be refused from its listing, before any is parsed.
    for (size_t i = 0; i <= hearth::limits::kMaxPackagesPerDevice; ++i)
        writeFile(path("device/app" + std::to_string(i) + ".apk"), "");
    const CliRun run = runCli({"home", path("device").string()});
    EXPECT_EQ(run.err, "'" + path("device").string() +
                           "' holds more than 20000 manifests and APKs, the most packages Hearth "
                           "loads as one device\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, DeviceJsonOverTheSizeCapIsRefusedBeforeReading) {
    const fs::path file = path("device.json");
    makeSparse(file, hearth::limits::kMaxDeviceJsonBytes + 1);
    const CliRun run = runCli({"home", file.string()});
    EXPECT_EQ(run.err, file.string() + ": cannot read: 16777217 bytes is more than the " +
                           "limit of 16777216\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, SymlinkLoopInADeviceFolderEnds) {
    writeFile(path("device/app/AndroidManifest.xml"),
              std::string(kManifestHead) + "<application/>\n</manifest>\n");
    fs::create_directory_symlink("..", path("device/app/loop"));
    const CliRun run = runCli({"dump", path("device").string()});
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.code, 0);
    EXPECT_NE(run.out.find("com.example.hostile"), std::string::npos);
}

TEST_F(HostileGenerated, PipeNamedLikeAManifestIsNotWaitedOn) {
    const fs::path fifo = path("AndroidManifest.xml");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const CliRun run = runCli({"dump", fifo.string()});
    EXPECT_EQ(run.err,
              fifo.string() + ": cannot read: not a regular file (a device, pipe or socket)\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, ScriptOverTheSizeCapIsRefused) {
    const fs::path file = path("big.script");
    writeFile(file, std::string(hearth::limits::kMaxScriptBytes + 1, '#'));
    const CliRun run =
        runCli({"simulate", (kSamples / "devices" / "seed").string(), file.string()});
    EXPECT_EQ(run.err, file.string() + ": the script is longer than 1048576 bytes, the most " +
                           "Hearth reads\n");
    EXPECT_EQ(run.code, 1);
}

TEST_F(HostileGenerated, ScriptWithMoreStepsThanTheCapIsRefused) {
    std::string text;
    for (size_t i = 0; i <= hearth::limits::kMaxScriptSteps; ++i) text += "unlock\n";
    const fs::path file = path("long.script");
    writeFile(file, text);
    const CliRun run =
        runCli({"simulate", (kSamples / "devices" / "seed").string(), file.string()});
    EXPECT_EQ(run.err, file.string() + ":100001:1: the script has more than 100000 steps, the " +
                           "most Hearth runs\n");
    EXPECT_EQ(run.code, 1);
}

TEST(HostileDevices, DevZeroAsAScriptIsRefusedInsteadOfReadForever) {
    const CliRun run = runCli({"simulate", (kSamples / "devices" / "seed").string(), "/dev/zero"});
    EXPECT_EQ(run.err, "/dev/zero: cannot read: not a regular file (a device, pipe or socket)\n");
    EXPECT_EQ(run.code, 1);
}

TEST(HostileDevices, DevZeroAsFilterMatchInputStopsAtTheLineCap) {
    const CliRun run = runCli({"filter-match", "/dev/zero"});
    const std::string message =
        "/dev/zero:1:1: the line is longer than 1048576 bytes, the most Hearth reads for one "
        "case; stopped reading";
    EXPECT_EQ(run.err, message + "\n");
    EXPECT_EQ(run.out, R"({"result":null,"name":"BAD_INPUT","error":")" + message + "\"}\n");
    EXPECT_EQ(run.code, 1);
}

TEST(HostileFilterMatch, OverlongLineStopsTheRunAfterTheCasesBeforeIt) {
    const std::string valid = R"({"filter":{},"intent":{}})";
    const std::string input = valid + "\n" +
                              std::string(hearth::limits::kMaxCaseLineBytes + 1, ' ') + "\n" +
                              valid + "\n";
    const CliRun run = runCli({"filter-match"}, input);
    const std::string message =
        "<stdin>:2:1: the line is longer than 1048576 bytes, the most Hearth reads for one case; "
        "stopped reading";
    EXPECT_EQ(run.err, message + "\n");
    EXPECT_EQ(run.out,
              "{\"result\":1081344,\"name\":\"MATCH_CATEGORY_EMPTY\"}\n"
              "{\"result\":null,\"name\":\"BAD_INPUT\",\"error\":\"" +
                  message + "\"}\n");
    EXPECT_EQ(run.code, 1);
}

TEST(HostileFilterMatch, ALineOfExactlyTheCapIsReadAndSoIsALastLineWithoutNewline) {
    std::string atTheCap = R"({"id":1,"filter":{},"intent":{}})";
    atTheCap += std::string(hearth::limits::kMaxCaseLineBytes - atTheCap.size(), ' ');
    const std::string last = R"({"id":2,"filter":{},"intent":{"action":"A"}})";
    const CliRun run = runCli({"filter-match"}, atTheCap + "\n" + last);
    EXPECT_EQ(run.err, "");
    EXPECT_EQ(run.out,
              "{\"result\":1081344,\"name\":\"MATCH_CATEGORY_EMPTY\",\"id\":1}\n"
              "{\"result\":-3,\"name\":\"NO_MATCH_ACTION\",\"id\":2}\n");
    EXPECT_EQ(run.code, 0);
}

// Paths, device names and command-line values may hold bytes that are not UTF-8; nlohmann
// refuses to write those and threw out of every --json renderer (abort). A device folder named
// with such a byte reaches all of them.
TEST_F(HostileGenerated, BytesThatAreNotUtf8NeverBreakTheJsonRenderers) {
    const fs::path device = path("device\xFE");
    writeFile(device / "app" / "AndroidManifest.xml",
              std::string(kManifestHead) +
                  "<application>\n<activity android:name=\".Home\">\n"
                  "<intent-filter><action android:name=\"android.intent.action.MAIN\"/>"
                  "<category android:name=\"android.intent.category.HOME\"/>"
                  "<category android:name=\"android.intent.category.DEFAULT\"/>"
                  "</intent-filter>\n</activity>\n</application>\n</manifest>\n");
    const fs::path script = path("bad.script");
    writeFile(script, "boot\ninstall x\xFE.apk\n");
    struct Command {
        std::vector<std::string> args;
        bool echoesTheBytes;  // query's JSON holds only results
    };
    const std::vector<Command> commands = {
        {{"home", device.string(), "--json"}, true},
        {{"home", device.string(), "--compare", "--json"}, true},
        {{"query", device.string(), "-a", "android.intent.action.MAIN\xFE", "--json"}, false},
        {{"resolve", device.string(), "-a", "android.intent.action.MAIN", "-c",
          "android.intent.category.HOME", "--json"},
         true},
        {{"dump", device.string(), "--json"}, true},
        {{"simulate", device.string(), script.string(), "--json"}, true},
    };
    for (const Command& command : commands) {
        SCOPED_TRACE(command.args[0] + " " + command.args[2]);
        const CliRun run = runCli(command.args);
        EXPECT_NE(run.code, hearth::cli::kExitUsage) << run.err;
        const nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
        EXPECT_FALSE(json.is_discarded()) << run.out;
        // The byte is replaced by U+FFFD, not dropped silently.
        if (command.echoesTheBytes) {
            EXPECT_NE(run.out.find("\xEF\xBF\xBD"), std::string::npos) << run.out;
        }
    }
}

}  // namespace

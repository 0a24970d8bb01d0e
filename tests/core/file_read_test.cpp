// Reading a file the user named (file_read.h): one wording for every way it fails, and the cap
// that keeps a huge or endless file out of memory.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "file_read.h"

using namespace hearth;
using hearth::detail::checkRegularFile;
using hearth::detail::readFileCapped;

namespace fs = std::filesystem;

namespace {

class FileRead : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("hearth-file-read-" + std::to_string(::getpid()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path write(const std::string& name, const std::string& text) {
        const fs::path path = m_dir / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    fs::path m_dir;
};

}  // namespace

TEST_F(FileRead, ARegularFileUnderTheCapIsReadWhole) {
    const fs::path path = write("a.txt", std::string("one\0two", 7));
    Result<std::string> text = readFileCapped(path, 7);
    ASSERT_TRUE(text.has_value()) << text.error().toString();
    EXPECT_EQ(*text, std::string("one\0two", 7));
    EXPECT_TRUE(checkRegularFile(path).has_value());
}

TEST_F(FileRead, AFileOverTheCapIsRefusedWithBothSizes) {
    const fs::path path = write("big.txt", "12345678");
    Result<std::string> text = readFileCapped(path, 7);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().toString(),
              path.string() + ": cannot read: 8 bytes is more than the limit of 7");
}

TEST_F(FileRead, AMissingFileAndADirectoryAreNamed) {
    const fs::path missing = m_dir / "nope.xml";
    Result<std::string> text = readFileCapped(missing, 100);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().toString(),
              missing.string() + ": cannot read: no such file or directory");
    Result<void> dir = checkRegularFile(m_dir);
    ASSERT_FALSE(dir.has_value());
    EXPECT_EQ(dir.error().toString(), m_dir.string() + ": cannot read: it is a directory");
}

TEST_F(FileRead, ADeviceIsRefusedBeforeReadingForever) {
    Result<std::string> text = readFileCapped("/dev/zero", 100);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().toString(),
              "/dev/zero: cannot read: not a regular file (a device, pipe or socket)");
}

TEST_F(FileRead, CopyOutGivesTheBytesOfAMappedFileAndOfPlainMemory) {
    // Over a megabyte is mapped; copyOut then reads the file with pread (file_read.h).
    std::string text(std::size_t{2} << 20, '\0');
    for (std::size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i % 23);
    const fs::path path = write("mapped.bin", text);
    Result<detail::FileBytes> opened = detail::FileBytes::open(path, text.size());
    ASSERT_TRUE(opened) << opened.error().toString();
    const detail::FileBytes bytes = std::move(opened).value();  // moved: still registered
    const std::string_view view = bytes.bytes();
    ASSERT_EQ(view, text);
    for (std::size_t at : {std::size_t{0}, std::size_t{4093}, text.size() - 8}) {
        char out[8] = {};
        detail::copyOut(view.data() + at, sizeof out, out);
        EXPECT_EQ(std::string_view(out, sizeof out), text.substr(at, 8)) << "at " << at;
    }
    const std::string plain = "not a mapped file";
    char out[6] = {};
    detail::copyOut(plain.data() + 4, sizeof out, out);
    EXPECT_EQ(std::string_view(out, sizeof out), "a mapp");
}

#pragma once
// A private scratch folder for each test that writes files: under the temp directory, named after
// the suite, the process id (ctest runs every test as its own process, in parallel) and the test;
// emptied before the test and removed after it.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace hearth::testing {

class ScratchDirTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = std::filesystem::temp_directory_path() /
                ("hearth-" + std::string(test->test_suite_name()) + "-" +
                 std::to_string(::getpid()) + "-" + test->name());
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    /// Writes `text`, byte for byte, to the file `name` of the folder; returns its path.
    std::filesystem::path write(const std::string& name, const std::string& text) {
        const std::filesystem::path path = m_dir / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    std::filesystem::path m_dir;
};

}  // namespace hearth::testing

#pragma once
// Test fixtures for APK reading: the byte-level writers (../support/binary_writers.h), and helpers
// that compile source manifests into real APKs with Debian's aapt at test time.

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../support/binary_writers.h"

namespace hearth::testing {

// ---- aapt --------------------------------------------------------------------------------------

inline constexpr const char* kFrameworkRes = "/usr/share/android-framework-res/framework-res.apk";

/// The aapt binary, or nullopt when it is not installed.
inline std::optional<std::filesystem::path> findAapt() {
    for (const char* candidate : {"/usr/bin/aapt", "/usr/local/bin/aapt"}) {
        if (std::filesystem::exists(candidate)) return std::filesystem::path(candidate);
    }
    return std::nullopt;
}

/// Why APKs cannot be compiled here, or "" when aapt and framework-res.apk are both present.
inline std::string aaptMissingReason() {
    if (!findAapt())
        return "aapt is not installed (Debian package 'aapt'; scripts/setup installs it)";
    if (!std::filesystem::exists(kFrameworkRes)) {
        return std::string(kFrameworkRes) +
               " is missing (Debian package 'android-framework-res'; scripts/setup installs it)";
    }
    return "";
}

/// Skips the running test, saying why, when aaptMissingReason() is not empty.
#define SKIP_WITHOUT_AAPT()                                                     \
    do {                                                                        \
        const std::string missing = ::hearth::testing::aaptMissingReason();     \
        if (!missing.empty()) GTEST_SKIP() << missing;                          \
    } while (false)

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

inline void writeFile(const std::filesystem::path& path, std::string_view text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << text;
}

/// A fresh directory under the system temp dir, removed with the object.
class TempDir {
  public:
    explicit TempDir(const std::string& tag) {
        const auto base = std::filesystem::temp_directory_path();
        for (int attempt = 0;; ++attempt) {
            m_path = base / ("hearth-" + tag + "-" + std::to_string(::getpid()) + "-" +
                             std::to_string(attempt));
            if (std::filesystem::create_directories(m_path)) break;
        }
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

inline std::string shellQuote(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    return out + "'";
}

/// Compiles a manifest into `apk` with aapt against framework-res.apk. The sample manifests name
/// drawables and styles that exist only as names, so a copy of res/ next to the manifest gets a
/// stub for each @drawable/@mipmap/@style/... the manifest mentions and res/ lacks (@string is
/// never stubbed: a missing string must stay missing). Returns aapt's complaint, or "" on
/// success.
inline std::string compileApk(const std::filesystem::path& manifest,
                              const std::filesystem::path& apk,
                              const std::filesystem::path& workDir) {
    namespace fs = std::filesystem;
    const fs::path res = workDir / "res";
    fs::remove_all(res);
    const fs::path sourceRes = manifest.parent_path() / "res";
    if (fs::is_directory(sourceRes)) fs::copy(sourceRes, res, fs::copy_options::recursive);
    const std::string text = readFile(manifest);
    static const std::regex kReference(
        R"(@(drawable|mipmap|style|xml|color|layout)/([A-Za-z0-9_.]+))");
    std::set<std::string> styles;
    for (std::sregex_iterator it(text.begin(), text.end(), kReference), end; it != end; ++it) {
        const std::string type = (*it)[1];
        const std::string name = (*it)[2];
        if (type == "style") {
            styles.insert(name);
        } else if (type == "color") {
            writeFile(res / "values" / ("hearth_stub_color_" + name + ".xml"),
                      "<resources><color name=\"" + name + "\">#000</color></resources>\n");
        } else if (!fs::exists(res / type / (name + ".xml")) &&
                   !fs::exists(res / type / (name + ".png"))) {
            writeFile(
                res / type / (name + ".xml"),
                type == "layout" || type == "xml"
                    ? "<FrameLayout "
                      "xmlns:android=\"http://schemas.android.com/apk/res/android\"/>\n"
                    : "<shape xmlns:android=\"http://schemas.android.com/apk/res/android\"/>\n");
        }
    }
    if (!styles.empty()) {
        std::string values = "<resources>\n";
        for (const std::string& style : styles) values += "  <style name=\"" + style + "\"/>\n";
        writeFile(res / "values" / "hearth_stub_styles.xml", values + "</resources>\n");
    }
    const fs::path log = workDir / "aapt.log";
    std::string command = shellQuote(findAapt()->string()) + " package -f -M " +
                          shellQuote(manifest.string()) + " -I " + shellQuote(kFrameworkRes) +
                          " -F " + shellQuote(apk.string());
    if (fs::is_directory(res)) command += " -S " + shellQuote(res.string());
    command += " > " + shellQuote(log.string()) + " 2>&1";
    if (std::system(command.c_str()) != 0) {
        std::string complaint = readFile(log);
        return complaint.empty() ? "aapt failed without a message" : complaint;
    }
    return "";
}

/// A dump JSON document without anything that names where it came from ("file", "line",
/// "column"), so the model of an APK can be compared with the model of its source.
inline nlohmann::json withoutLocations(nlohmann::json document) {
    if (document.is_object()) {
        for (const char* key : {"file", "line", "column"}) document.erase(key);
        for (auto& [key, value] : document.items()) value = withoutLocations(value);
    } else if (document.is_array()) {
        for (auto& value : document) value = withoutLocations(value);
    }
    return document;
}

}  // namespace hearth::testing

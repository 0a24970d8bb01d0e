#pragma once
// The few resource values a source manifest may point at (@string/x, @bool/x, @integer/x), read
// from res/values/*.xml in the Gradle layout next to the manifest (src/main/AndroidManifest.xml ->
// src/main/res/values/strings.xml), so that labels read as the device shows them.

#include <hearth/source_location.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

class ResourceValues {
  public:
    /// Reads every res/values/*.xml next to the manifest (strings.xml first, then by name). A
    /// missing folder gives an empty set; unreadable or malformed files become warnings.
    static ResourceValues loadNextTo(const std::filesystem::path& manifestPath);

    /// Adds the <string>, <bool>, <integer> and <item type="..."> entries of one values file.
    void addValuesXml(std::string_view text, const std::string& sourceName);

    /// The processed text of @string/name, or nullptr.
    const std::string* findString(std::string_view name) const;
    /// The text of @bool/name or @integer/name, trimmed, or nullptr.
    const std::string* findBool(std::string_view name) const;
    const std::string* findInteger(std::string_view name) const;

    /// The values files that were read (empty: no res/values next to the manifest).
    const std::vector<std::string>& files() const { return m_files; }
    /// Problems met while reading them.
    const std::vector<Diagnostic>& warnings() const { return m_warnings; }

  private:
    std::map<std::string, std::string, std::less<>> m_strings;
    std::map<std::string, std::string, std::less<>> m_bools;
    std::map<std::string, std::string, std::less<>> m_integers;
    std::vector<std::string> m_files;
    std::vector<Diagnostic> m_warnings;
};

}  // namespace hearth

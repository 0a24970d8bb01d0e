#include "string_resources.h"

#include <hearth/limits.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <system_error>

#include "aapt_escape.h"
#include "line_index.h"
#include "text.h"

namespace hearth {
namespace {

// Text of an element with any markup (<b>, <xliff:g>) stripped, as the device shows it.
void appendText(const pugi::xml_node& node, std::string& out) {
    for (pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
            out += child.value();
        } else if (child.type() == pugi::node_element) {
            appendText(child, out);
        }
    }
}

const std::string* find(const std::map<std::string, std::string, std::less<>>& map,
                        std::string_view name) {
    auto it = map.find(name);
    return it == map.end() ? nullptr : &it->second;
}

}  // namespace

ResourceValues ResourceValues::loadNextTo(const std::filesystem::path& manifestPath) {
    ResourceValues values;
    const std::filesystem::path dir = manifestPath.parent_path() / "res" / "values";
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return values;

    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".xml" && entry.is_regular_file(ec)) {
            files.push_back(entry.path());
        }
    }
    // strings.xml first (it is where labels live), then the rest by name for a stable order.
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        const bool aStrings = a.filename() == "strings.xml";
        const bool bStrings = b.filename() == "strings.xml";
        if (aStrings != bStrings) return aStrings;
        return a < b;
    });
    for (const auto& file : files) {
        const std::string name = file.string();
        const auto size = std::filesystem::file_size(file, ec);
        if (ec) {
            values.m_warnings.push_back({Diagnostic::Severity::Warning,
                                         {name, 0, 0},
                                         "cannot read resource values: " + ec.message()});
            continue;
        }
        if (size > limits::kMaxStringsXmlBytes) {
            values.m_warnings.push_back({Diagnostic::Severity::Warning,
                                         {name, 0, 0},
                                         "resource values file skipped: " + std::to_string(size) +
                                             " bytes is over the limit of " +
                                             std::to_string(limits::kMaxStringsXmlBytes)});
            continue;
        }
        std::ifstream in(file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in) {
            values.m_warnings.push_back(
                {Diagnostic::Severity::Warning, {name, 0, 0}, "cannot read resource values file"});
            continue;
        }
        values.addValuesXml(text.str(), name);
    }
    return values;
}

void ResourceValues::addValuesXml(std::string_view text, const std::string& sourceName) {
    m_files.push_back(sourceName);
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed =
        doc.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        LineIndex lines(text);
        size_t offset = static_cast<size_t>(parsed.offset);
        // pugixml points into a mismatched end tag's name; point at its "</" like the manifest.
        if (parsed.status == pugi::status_end_element_mismatch && offset >= 2 &&
            text.substr(offset - 2, 2) == "</") {
            offset -= 2;
        }
        std::string description = parsed.description();
        if (!description.empty()) description[0] = static_cast<char>(std::tolower(description[0]));
        m_warnings.push_back({Diagnostic::Severity::Warning, lines.locate(offset, sourceName),
                              "resource values ignored: malformed XML: " + description});
        return;
    }
    LineIndex lines(text);
    for (pugi::xml_node entry : doc.child("resources").children()) {
        if (entry.type() != pugi::node_element) continue;
        std::string_view tag = entry.name();
        if (tag == "item") tag = entry.attribute("type").value();
        const char* name = entry.attribute("name").value();
        if (*name == '\0') continue;
        std::string raw;
        appendText(entry, raw);
        if (tag == "string") {
            Result<UnescapedValue> value = unescapeResourceString(raw);
            if (!value) {
                const std::size_t offset = static_cast<std::size_t>(entry.offset_debug() - 1);
                m_warnings.push_back(
                    {Diagnostic::Severity::Warning, lines.locate(offset, sourceName),
                     "<string> '" + std::string(name) + "' ignored: " + value.error().message});
                continue;
            }
            m_strings.insert_or_assign(name, std::move(value->text));
        } else if (tag == "bool") {
            m_bools.insert_or_assign(name, std::string(text::trim(raw)));
        } else if (tag == "integer") {
            m_integers.insert_or_assign(name, std::string(text::trim(raw)));
        }
    }
}

const std::string* ResourceValues::findString(std::string_view name) const {
    return find(m_strings, name);
}
const std::string* ResourceValues::findBool(std::string_view name) const {
    return find(m_bools, name);
}
const std::string* ResourceValues::findInteger(std::string_view name) const {
    return find(m_integers, name);
}

}  // namespace hearth

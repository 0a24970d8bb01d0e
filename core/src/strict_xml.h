#pragma once
// Strict XML (strict_xml.cpp). pugixml parses in place, fast and lenient; aapt2 compiles a
// manifest with expat, which refuses much that pugixml keeps. This layer adds expat's refusals,
// so Hearth refuses what aapt2 would refuse, with file:line:col messages.

#include <hearth/result.h>
#include <hearth/source_location.h>

#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "line_index.h"

namespace hearth::detail {

/// One UTF-8 XML text, parsed in place. Locations are 1-based lines and columns of the text as
/// given (a byte order mark included).
class StrictXml {
  public:
    /// The text must outlive this object; `file` names it in messages.
    StrictXml(std::string_view text, const std::string& file)
        : m_text(text), m_file(file), m_lines(text) {}
    StrictXml(const StrictXml&) = delete;
    StrictXml& operator=(const StrictXml&) = delete;

    /// Parses the text: its root element, or the first "malformed XML: ..." error (control bytes
    /// and invalid UTF-8, mismatched end tags, unknown entities and forbidden character
    /// references, "--" in a comment, a misplaced or malformed XML declaration, no root element,
    /// several, or text beside it).
    [[nodiscard]] Result<pugi::xml_node> load();
    /// What XML requires of one element and pugixml does not check: qualified names with one ':'
    /// and a declared prefix (rootPrefixes: those bound on the root), no attribute twice, at most
    /// limits::kMaxAttributesPerElement attributes, no raw '<' in a value.
    [[nodiscard]] Result<void> checkElement(const pugi::xml_node& element,
                                            const std::vector<std::string_view>& rootPrefixes) const;
    /// Whether xmlns:prefix is declared on the element or an ancestor ("xml" always is).
    bool isPrefixDeclared(const pugi::xml_node& element, std::string_view prefix) const;

    /// The line and column of a byte offset of the text.
    SourceLocation locateOffset(std::size_t offset) const { return m_lines.locate(offset, m_file); }
    /// The line and column of a pointer into the parsed buffer (file only when outside it).
    SourceLocation locatePointer(const char* p) const {
        const char* begin = m_buffer.data();
        if (p < begin || p > begin + m_buffer.size()) return SourceLocation{m_file, 0, 0};
        return locateOffset(static_cast<std::size_t>(p - begin) + m_bufferOffset);
    }
    /// Where an element starts: its '<', one byte before the name pugixml points at.
    SourceLocation where(const pugi::xml_node& element) const {
        return locatePointer(element.name() - 1);
    }
    /// Where an attribute's name starts.
    SourceLocation where(const pugi::xml_attribute& attribute) const {
        return locatePointer(attribute.name());
    }

  private:
    Result<void> checkXmlDeclaration(const pugi::xml_node& declaration) const;
    Error errorAt(SourceLocation location, std::string message) const {
        return makeError(std::move(location), std::move(message));
    }

    std::string_view m_text;
    const SourcePath m_file;  // shared by every location it gives
    LineIndex m_lines;
    std::string m_buffer;            // pugixml parses in place so names point at their offsets
    std::size_t m_bufferOffset = 0;  // bytes skipped before m_buffer (a UTF-8 byte order mark)
    pugi::xml_document m_doc;
};

}  // namespace hearth::detail

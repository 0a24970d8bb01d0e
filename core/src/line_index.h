#pragma once
// Byte offsets (what pugixml and nlohmann::json report) to 1-based line and column (what users
// read), for XML and JSON alike.

#include <hearth/source_location.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hearth {

/// Maps byte offsets of one text to lines and columns. Columns count UTF-8 code points, so an
/// accented letter before an error moves the caret by one, as in an editor.
class LineIndex {
  public:
    /// Indexes text; the text must outlive the index.
    explicit LineIndex(std::string_view text);

    /// The 1-based line and column of a byte offset (clamped to the end of the text).
    SourceLocation locate(std::size_t offset, const SourcePath& file) const;

  private:
    std::string_view m_text;
    std::vector<std::size_t> m_lineStarts;  // offset of the first byte of each line
    // The last answer: callers ask in document order, so counting columns on from it keeps a
    // one-line (minified) manifest linear instead of rescanning the line for every element.
    mutable std::size_t m_lastOffset = 0;
    mutable int m_lastColumn = 1;
};

}  // namespace hearth

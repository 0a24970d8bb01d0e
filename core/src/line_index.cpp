#include "line_index.h"

#include <algorithm>
#include <cstring>

namespace hearth {

LineIndex::LineIndex(std::string_view text) : m_text(text) {
    m_lineStarts.push_back(0);
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; p < end;) {
        const void* newline = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (newline == nullptr) break;
        p = static_cast<const char*>(newline) + 1;
        m_lineStarts.push_back(static_cast<std::size_t>(p - begin));
    }
}

SourceLocation LineIndex::locate(std::size_t offset, const SourcePath& file) const {
    offset = std::min(offset, m_text.size());
    // The last line start at or before the offset.
    auto next = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next - m_lineStarts.begin());
    const std::size_t lineStart = *(next - 1);
    std::size_t from = lineStart;
    int column = 1;
    if (m_lastOffset >= lineStart && m_lastOffset <= offset) {
        from = m_lastOffset;
        column = m_lastColumn;
    }
    for (std::size_t i = from; i < offset; ++i) {
        // UTF-8 continuation bytes (10xxxxxx) do not start a new character.
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80) ++column;
    }
    m_lastOffset = offset;
    m_lastColumn = column;
    return SourceLocation{file, static_cast<int>(line), column};
}

}  // namespace hearth

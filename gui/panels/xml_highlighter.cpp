#include "panels/xml_highlighter.h"

namespace hearth::gui {
namespace {

// The block state of a line that ends inside a comment.
constexpr int kInComment = 1;

}  // namespace

XmlHighlighter::XmlHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document),
      m_elementPattern(QStringLiteral("</?[A-Za-z_][\\w:.-]*|/?>")),
      m_attributePattern(QStringLiteral("[A-Za-z_][\\w:.-]*(?=\\s*=)")),
      m_valuePattern(QStringLiteral("\"[^\"]*\"|'[^']*'")) {
    m_element.setForeground(QColor(0x1a, 0x5f, 0xb4));
    m_element.setFontWeight(QFont::Bold);
    m_attribute.setForeground(QColor(0x86, 0x3a, 0x9e));
    m_value.setForeground(QColor(0x26, 0x7a, 0x2e));
    m_comment.setForeground(QColor(0x80, 0x80, 0x80));
    m_comment.setFontItalic(true);
}

void XmlHighlighter::highlightBlock(const QString& text) {
    // Tags first, then comments over them: a tag inside a comment reads as comment.
    for (const QRegularExpression* pattern :
         {&m_elementPattern, &m_attributePattern, &m_valuePattern}) {
        const QTextCharFormat& format = pattern == &m_elementPattern     ? m_element
                                        : pattern == &m_attributePattern ? m_attribute
                                                                         : m_value;
        for (auto it = pattern->globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            setFormat(int(match.capturedStart()), int(match.capturedLength()), format);
        }
    }
    setCurrentBlockState(0);
    qsizetype start = previousBlockState() == kInComment ? 0 : text.indexOf(QLatin1String("<!--"));
    while (start >= 0) {
        const qsizetype end = text.indexOf(QLatin1String("-->"), start);
        if (end < 0) {
            setCurrentBlockState(kInComment);
            setFormat(int(start), int(text.size() - start), m_comment);
            return;
        }
        setFormat(int(start), int(end + 3 - start), m_comment);
        start = text.indexOf(QLatin1String("<!--"), end + 3);
    }
}

}  // namespace hearth::gui

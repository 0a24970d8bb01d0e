#pragma once
// XmlHighlighter: colours XML for reading — element names, attribute names, quoted values,
// comments (across lines) — in a manifest's source and in an APK's decoded manifest alike.

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace hearth::gui {

class XmlHighlighter : public QSyntaxHighlighter {
    Q_OBJECT

  public:
    explicit XmlHighlighter(QTextDocument* document);

  protected:
    void highlightBlock(const QString& text) override;

  private:
    QTextCharFormat m_element;
    QTextCharFormat m_attribute;
    QTextCharFormat m_value;
    QTextCharFormat m_comment;
    QRegularExpression m_elementPattern;
    QRegularExpression m_attributePattern;
    QRegularExpression m_valuePattern;
};

}  // namespace hearth::gui

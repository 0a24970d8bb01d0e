#pragma once
// ManifestView: a manifest's source with line numbers, XML syntax colours, the selected element
// (an intent filter, a component) highlighted, and a file picker over every file of the device.
// An APK's binary manifest shows as the core's decoding of it to XML (decodeManifestXml), where
// the selected element highlights the same way.

#include <hearth/source_location.h>

#include <QHash>
#include <QPlainTextEdit>
#include <QSet>
#include <QWidget>
#include <utility>

#include "deferred_work.h"

class QComboBox;
class QLabel;
class QSyntaxHighlighter;

namespace hearth::gui {

class DeviceSession;
class XmlHighlighter;

/// Read-only source text with a line-number gutter.
class CodeView : public QPlainTextEdit {
    Q_OBJECT

  public:
    explicit CodeView(QWidget* parent = nullptr);
    int gutterWidth() const;

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    friend class LineNumberGutter;
    void paintGutter(QPaintEvent* event);
    QWidget* m_gutter = nullptr;
};

class ManifestView : public QWidget {
    Q_OBJECT

  public:
    explicit ManifestView(DeviceSession& session, QWidget* parent = nullptr);

    /// Shows where's file, scrolls to its line and highlights the element starting there (in an
    /// APK's decoded manifest too). False when the file cannot be shown (unreadable).
    bool showLocation(const SourceLocation& where);

    /// The file shown ("" when none).
    QString currentFile() {
        m_listLater.ensure();
        return m_currentFile;
    }
    /// The highlighted lines, 1-based and inclusive; {0, 0} when nothing is highlighted.
    std::pair<int, int> highlightedLines() const { return m_highlight; }
    CodeView* codeView() {
        m_listLater.ensure();
        return m_code;
    }
    /// The colours of the shown text (XML syntax).
    QSyntaxHighlighter* highlighter() const;

    /// The lines an element spans: from the '<' at line:column to its end tag (or "/>"); 1-based,
    /// inclusive. Falls back to the single line when the text there is not an element start.
    static std::pair<int, int> elementLines(const QString& text, int line, int column);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    /// Forgets the files listed; the list is made again when the view is shown or asked (a
    /// 10,000-package device lists 10,000 files, and opening one highlights a megabyte of JSON).
    void refillFiles();
    void listFiles();
    bool showFile(const QString& file);
    QString textOf(const QString& file, QString* error);

    DeviceSession& m_session;
    QComboBox* m_files = nullptr;
    QLabel* m_status = nullptr;
    CodeView* m_code = nullptr;
    QString m_currentFile;
    DeferredWork m_listLater{this, [this] { listFiles(); }};
    std::pair<int, int> m_highlight{0, 0};
    QHash<QString, QString> m_cache;
    QSet<QString> m_binary;   // APKs shown as the core's dump: lines are not elements
    QSet<QString> m_decoded;  // APKs shown as decoded XML: line N is element N
    XmlHighlighter* m_highlighter = nullptr;
};

}  // namespace hearth::gui

#pragma once
// ManifestView: a manifest's source with line numbers, the selected element (an intent filter, a
// component) highlighted, and a file picker over every file of the device.

#include <hearth/source_location.h>

#include <QHash>
#include <QPlainTextEdit>
#include <QSet>
#include <QWidget>
#include <utility>

class QComboBox;
class QLabel;

namespace hearth::gui {

class DeviceSession;

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

    /// Shows where's file, scrolls to its line and highlights the element starting there. False
    /// when the file cannot be shown (unreadable, or a binary manifest inside an APK).
    bool showLocation(const SourceLocation& where);

    /// The file shown ("" when none).
    QString currentFile() const { return m_currentFile; }
    /// The highlighted lines, 1-based and inclusive; {0, 0} when nothing is highlighted.
    std::pair<int, int> highlightedLines() const { return m_highlight; }
    CodeView* codeView() const { return m_code; }

    /// The lines an element spans: from the '<' at line:column to its end tag (or "/>"); 1-based,
    /// inclusive. Falls back to the single line when the text there is not an element start.
    static std::pair<int, int> elementLines(const QString& text, int line, int column);

  private:
    void refillFiles();
    bool showFile(const QString& file);
    QString textOf(const QString& file, QString* error);

    DeviceSession& m_session;
    QComboBox* m_files = nullptr;
    QLabel* m_status = nullptr;
    CodeView* m_code = nullptr;
    QString m_currentFile;
    std::pair<int, int> m_highlight{0, 0};
    QHash<QString, QString> m_cache;
    QSet<QString> m_binary;  // files shown as the core's dump (APKs), not as source
};

}  // namespace hearth::gui

#include "panels/manifest_view.h"

#include <hearth/dump.h>
#include <hearth/manifest.h>

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QTextBlock>
#include <QVBoxLayout>

#include "device_session.h"
#include "gui_support.h"
#include "panels/xml_highlighter.h"

namespace hearth::gui {

class LineNumberGutter : public QWidget {
  public:
    explicit LineNumberGutter(CodeView* view) : QWidget(view), m_view(view) {}
    QSize sizeHint() const override { return {m_view->gutterWidth(), 0}; }

  protected:
    void paintEvent(QPaintEvent* event) override { m_view->paintGutter(event); }

  private:
    CodeView* m_view;
};

CodeView::CodeView(QWidget* parent) : QPlainTextEdit(parent) {
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_gutter = new LineNumberGutter(this);
    auto update = [this] { setViewportMargins(gutterWidth(), 0, 0, 0); };
    connect(this, &QPlainTextEdit::blockCountChanged, this, update);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect& rect, int dy) {
        if (dy != 0) {
            m_gutter->scroll(0, dy);
        } else {
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        }
    });
    update();
}

int CodeView::gutterWidth() const {
    int digits = 1;
    for (int max = std::max(1, blockCount()); max >= 10; max /= 10) ++digits;
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void CodeView::resizeEvent(QResizeEvent* event) {
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeView::paintGutter(QPaintEvent* event) {
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int height = qRound(blockBoundingRect(block).height());
        if (block.isVisible() && top + height >= event->rect().top()) {
            painter.drawText(0, top, m_gutter->width() - 6, fontMetrics().height(), Qt::AlignRight,
                             QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top += height;
    }
}

ManifestView::ManifestView(DeviceSession& session, QWidget* parent)
    : QWidget(parent), m_session(session) {
    m_files = new QComboBox(this);
    m_files->setObjectName("manifestFiles");
    m_files->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setObjectName("manifestStatus");
    m_code = new CodeView(this);
    m_code->setObjectName("manifestText");
    m_highlighter = new XmlHighlighter(m_code->document());

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("File:"), this));
    top->addWidget(m_files, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_code, 1);
    layout->addWidget(m_status);

    connect(m_files, &QComboBox::activated, this, [this](int row) {
        m_highlight = {0, 0};
        m_code->setExtraSelections({});
        showFile(m_files->itemData(row).toString());
    });
    connect(&m_session, &DeviceSession::deviceReplaced, this, [this] {
        m_cache.clear();
        m_binary.clear();
        m_decoded.clear();
        refillFiles();
    });
    refillFiles();
}

void ManifestView::refillFiles() {
    m_files->clear();
    m_code->clear();
    m_currentFile.clear();
    m_highlight = {0, 0};
    m_listLater.request();
}

void ManifestView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    m_listLater.ensure();
}

void ManifestView::listFiles() {
    if (!m_session.hasDevice()) return;
    const Device& device = m_session.device();
    QSet<QString> seen;  // a list's contains() made 10,000 packages 50 million comparisons
    auto add = [&](const QString& file) {
        if (file.isEmpty() || seen.contains(file)) return;
        seen.insert(file);
        m_files->addItem(QFileInfo(file).fileName() == "AndroidManifest.xml"
                             ? QFileInfo(file).dir().dirName() + "/AndroidManifest.xml"
                             : QFileInfo(file).fileName(),
                         file);
        m_files->setItemData(m_files->count() - 1, file, Qt::ToolTipRole);
    };
    const QString source = qs(device.source.string());
    if (QFileInfo(source).isDir() && QFileInfo::exists(source + "/device.json")) {
        add(source + "/device.json");
    } else if (source.endsWith(".json")) {
        add(source);
    }
    for (const InstalledPackage& package : device.packages) add(qs(package.manifest.file));
    if (m_files->count() > 0) showFile(m_files->itemData(0).toString());
}

QSyntaxHighlighter* ManifestView::highlighter() const { return m_highlighter; }

QString ManifestView::textOf(const QString& file, QString* error) {
    if (auto it = m_cache.constFind(file); it != m_cache.constEnd()) return *it;
    // An APK's manifest is binary AXML (locations name "app.apk!AndroidManifest.xml" or the APK):
    // show the core's decoding of it as XML, whose line i is element i, the line its locations
    // name, so a component highlights as in a source manifest. Failing that, the core's dump.
    if (file.contains(QLatin1String(".apk!")) || file.endsWith(QLatin1String(".apk"))) {
        Result<std::string> xml =
            decodeManifestXml(file.toStdString(), m_session.device().apiLevel);
        if (xml) {
            const QString text = qs(*xml);
            m_cache.insert(file, text);
            m_decoded.insert(file);
            return text;
        }
        for (const InstalledPackage& package : m_session.device().packages) {
            if (qs(package.manifest.file) == file) {
                const QString dump =
                    tr("# %1 is a binary manifest that cannot be decoded (%2): what Hearth read "
                       "from it\n\n")
                        .arg(file, qs(xml.error().message)) +
                    qs(renderDumpText(std::span<const Manifest>(&package.manifest, 1)));
                m_cache.insert(file, dump);
                m_binary.insert(file);
                return dump;
            }
        }
        *error = qs(xml.error().toString());
        return {};
    }
    QFile input(file);
    if (!input.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read '%1': %2").arg(file, input.errorString());
        return {};
    }
    QString text = QString::fromUtf8(input.readAll());
    m_cache.insert(file, text);
    return text;
}

bool ManifestView::showFile(const QString& file) {
    if (file == m_currentFile && !file.isEmpty()) return true;
    QString error;
    const QString text = textOf(file, &error);
    m_currentFile = file;
    const int row = m_files->findData(file);
    if (row >= 0) m_files->setCurrentIndex(row);
    if (!error.isEmpty()) {
        m_code->setPlainText(QString());
        m_status->setText(error);
        return false;
    }
    m_code->setPlainText(text);
    m_status->setText(m_decoded.contains(file)
                          ? tr("%1 — its binary AndroidManifest.xml decoded to XML (line N is "
                               "element N, as its locations count)")
                                .arg(file)
                          : file);
    return true;
}

bool ManifestView::showLocation(const SourceLocation& where) {
    if (where.file.empty()) return false;
    m_listLater.ensure();
    QString file = qs(where.file);
    // "app.apk!AndroidManifest.xml" names the manifest inside the APK the device lists.
    if (const qsizetype bang = file.indexOf(QLatin1String(".apk!")); bang >= 0) {
        file = file.left(bang + 4);
    }
    if (!showFile(file)) return false;
    m_code->setExtraSelections({});
    m_highlight = {0, 0};
    if (where.line <= 0 || m_binary.contains(file)) return true;
    const QString text = m_code->toPlainText();
    m_highlight = elementLines(text, where.line, where.column);

    QTextCursor cursor(m_code->document()->findBlockByNumber(m_highlight.first - 1));
    QTextCursor end(m_code->document()->findBlockByNumber(m_highlight.second - 1));
    end.movePosition(QTextCursor::EndOfBlock);
    cursor.setPosition(end.position(), QTextCursor::KeepAnchor);
    QTextEdit::ExtraSelection selection;
    selection.cursor = cursor;
    selection.format.setBackground(QColor(0xff, 0xe8, 0xa8));
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_code->setExtraSelections({selection});

    // Put the element near the top with a little context above it.
    QTextCursor target(m_code->document()->findBlockByNumber(m_highlight.first - 1));
    m_code->setTextCursor(target);
    m_code->centerCursor();
    m_status->setText(tr("%1:%2  (lines %3–%4 highlighted)")
                          .arg(qs(where.file))
                          .arg(where.line)
                          .arg(m_highlight.first)
                          .arg(m_highlight.second));
    return true;
}

std::pair<int, int> ManifestView::elementLines(const QString& text, int line, int column) {
    auto lineAt = [&text](qsizetype offset) {
        return int(text.left(offset).count(QLatin1Char('\n'))) + 1;
    };
    qsizetype lineStart = 0;
    for (int l = 1; l < line; ++l) {
        lineStart = text.indexOf(QLatin1Char('\n'), lineStart);
        if (lineStart < 0) return {line, line};
        ++lineStart;
    }
    const qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), lineStart);
    qsizetype start = column > 0 ? lineStart + column - 1 : lineStart;
    if (start >= text.size() || text[start] != QLatin1Char('<')) {
        start = text.indexOf(QLatin1Char('<'), lineStart);
        if (start < 0 || (lineEnd >= 0 && start > lineEnd)) return {line, line};
    }
    qsizetype nameEnd = start + 1;
    while (nameEnd < text.size() && !text[nameEnd].isSpace() && text[nameEnd] != '>' &&
           text[nameEnd] != '/') {
        ++nameEnd;
    }
    const QString name = text.mid(start + 1, nameEnd - start - 1);
    if (name.isEmpty() || name.startsWith('!') || name.startsWith('?') || name.startsWith('/')) {
        return {line, line};
    }
    // The end of a tag starting at '<': its '>' outside quoted attribute values.
    auto tagEnd = [&text](qsizetype from) -> qsizetype {
        QChar quote;
        for (qsizetype i = from; i < text.size(); ++i) {
            const QChar c = text[i];
            if (!quote.isNull()) {
                if (c == quote) quote = QChar();
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return -1;
    };
    qsizetype end = tagEnd(start);
    if (end < 0) return {line, line};
    if (text[end - 1] == '/') return {line, lineAt(end)};
    int depth = 1;
    qsizetype pos = end + 1;
    while (depth > 0) {
        pos = text.indexOf(QLatin1Char('<'), pos);
        if (pos < 0) return {line, line};
        if (text.mid(pos, 4) == QLatin1String("<!--")) {
            const qsizetype close = text.indexOf(QLatin1String("-->"), pos);
            if (close < 0) return {line, line};
            pos = close + 3;
            continue;
        }
        const bool closing = text.mid(pos, 2) == QLatin1String("</");
        const qsizetype nameAt = pos + (closing ? 2 : 1);
        const bool sameName =
            text.mid(nameAt, name.size()) == name && nameAt + name.size() < text.size() &&
            (text[nameAt + name.size()].isSpace() || text[nameAt + name.size()] == '>' ||
             text[nameAt + name.size()] == '/');
        const qsizetype close = tagEnd(pos);
        if (close < 0) return {line, line};
        if (sameName) {
            if (closing) {
                --depth;
            } else if (text[close - 1] != '/') {
                ++depth;
            }
        }
        pos = close + 1;
        end = close;
    }
    return {line, lineAt(end)};
}

}  // namespace hearth::gui

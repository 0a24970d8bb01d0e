// The Manifest tab (issue 16): an APK's binary manifest shows as the core's decoding of it to XML
// (decodeManifestXml), where the selected component highlights as in a source manifest, and both
// kinds of text are coloured as XML (XmlHighlighter).

#include <hearth/device.h>

#include <QProcess>
#include <QTextBlock>
#include <QTextLayout>

#include "device_session.h"
#include "gui_test_support.h"
#include "main_window.h"
#include "panels/manifest_view.h"

using namespace hearth;
using namespace hearth::gui;
using namespace hearth::gui::test;

namespace {

const QString kAapt = QStringLiteral("/usr/bin/aapt");
const QString kFrameworkRes =
    QStringLiteral("/usr/share/android-framework-res/framework-res.apk");

// The formats XmlHighlighter gave one line of the text.
QList<QTextLayout::FormatRange> formatsOfLine(ManifestView* view, int line) {
    const QTextBlock block = view->codeView()->document()->findBlockByNumber(line - 1);
    return block.layout()->formats();
}

}  // namespace

class ManifestViewTest : public QObject {
    Q_OBJECT

  private slots:
    void anApksManifestShowsAsDecodedXmlWithTheComponentHighlighted() {
        if (!QFile::exists(kAapt) || !QFile::exists(kFrameworkRes)) {
            QSKIP("aapt and framework-res.apk compile the test APK");
        }
        DeviceFolder folder;
        folder.write("AndroidManifest.xml",
                     activityManifest("com.example.apk", ".Main", {kMain}, {kLauncher}, "Apk"));
        const QString apk = folder.file("app.apk");
        QProcess aapt;
        aapt.start(kAapt, {"package", "-f", "-M", folder.file("AndroidManifest.xml"), "-I",
                           kFrameworkRes, "-F", apk});
        QVERIFY(aapt.waitForFinished(60000));
        QVERIFY2(aapt.exitCode() == 0, aapt.readAllStandardError().constData());

        MainWindow window;
        QVERIFY2(window.openDeviceNow(apk), qPrintable(window.lastError()));
        ManifestView* view = window.manifestView();
        QCOMPARE(view->currentFile(), apk);
        const QString text = view->codeView()->toPlainText();
        QVERIFY2(text.startsWith("<manifest xmlns:android="), qPrintable(text.left(80)));
        QVERIFY2(text.contains("<activity android:name=\".Main\""), qPrintable(text));

        const Component& main = window.session().device().packages.at(0).manifest.components.at(0);
        QVERIFY(view->showLocation(main.where));
        const auto [first, last] = view->highlightedLines();
        QCOMPARE(first, main.where.line);
        const QStringList lines = text.split('\n');
        QVERIFY2(lines.at(first - 1).trimmed().startsWith("<activity"),
                 qPrintable(lines.at(first - 1)));
        // The element ends with its filter's last child, where the end tags close it.
        QVERIFY2(lines.at(last - 1).contains("</activity>"), qPrintable(lines.at(last - 1)));
        QVERIFY(last > first);

        // Coloured as XML: the element name of the line highlighted has a format of its own.
        QVERIFY(!formatsOfLine(view, first).isEmpty());
    }

    void aSourceManifestIsColouredAsXml() {
        DeviceFolder folder;
        writeLegacyHomeDevice(folder, false);
        MainWindow window;
        QVERIFY(window.openDeviceNow(folder.path()));
        ManifestView* view = window.manifestView();
        QVERIFY(view->highlighter() != nullptr);
        QVERIFY(view->showLocation(
            window.session().device().findPackage("com.android.launcher")->manifest.where));
        // Line 1 of a manifest is "<manifest xmlns:android=...": a tag, an attribute, a value.
        const QList<QTextLayout::FormatRange> formats = formatsOfLine(view, 1);
        QVERIFY(formats.size() >= 3);
        QCOMPARE(formats.front().start, 0);
        QVERIFY(formats.front().format.fontWeight() == QFont::Bold);
    }
};

HEARTH_GUI_TEST_MAIN(ManifestViewTest)
#include "manifest_view_test.moc"

// hearth-gui: the Qt explorer. `hearth-gui [DEVICE [OTHER]]` opens a device (the bundled seed
// device when none is named) and compares it with OTHER in the Diff tab; `hearth-gui --screenshot
// FILE [DEVICE [OTHER]]` renders the window to a PNG and exits.

#include <hearth/component_name.h>
#include <hearth/device.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QTabWidget>
#include <QTextStream>

#include "export.h"
#include "gui_support.h"
#include "main_window.h"
#include "panels/diff_panel.h"
#include "panels/intent_tester.h"
#include "panels/manifest_view.h"

namespace {

// --select: the component's element highlighted in the Manifest tab (a source manifest, or an
// APK's decoded one). False when the device has no such component.
bool selectComponent(hearth::gui::MainWindow& window, const QString& text) {
    const std::optional<hearth::ComponentName> name =
        hearth::ComponentName::unflatten(text.toStdString());
    if (!name || !window.session().hasDevice()) return false;
    const hearth::InstalledPackage* package =
        window.session().device().findPackage(name->packageName);
    const hearth::Component* component =
        package ? package->manifest.findComponent(name->className) : nullptr;
    return component && window.manifestView()->showLocation(component->where);
}

int takeScreenshot(hearth::gui::MainWindow& window, const QString& file, const QString& device,
                   const QString& other, const QSize& size, const QString& intent,
                   const QString& select) {
    QTextStream err(stderr);
    window.resize(size);
    if (!device.isEmpty() && !window.openDeviceNow(device)) {
        err << "hearth-gui: " << window.lastError() << "\n";
    }
    bool compared = true;
    if (!other.isEmpty() && !(compared = window.diffPanel()->compareWith(other))) {
        err << "hearth-gui: " << window.diffPanel()->summaryText() << "\n";
    }
    if (!intent.isEmpty()) {
        hearth::gui::IntentTester* tester = window.intentTester();
        if (!tester->setAmArguments(intent) || !tester->run()) {
            err << "hearth-gui: " << tester->outcomeText() << "\n";
        }
    }
    if (!select.isEmpty() && !selectComponent(window, select)) {
        err << "hearth-gui: --select names no component of the device, got '" << select << "'\n";
        return 2;
    }
    window.show();
    // Let layouts settle at the final size before the grab.
    for (int i = 0; i < 3; ++i) QApplication::processEvents();
    // The Diff tab compares on a worker thread: the picture shows its rows, not "Comparing…".
    if (window.tabs()->currentWidget() == window.diffPanel() &&
        !window.diffPanel()->waitForResult()) {
        err << "hearth-gui: the comparison did not finish in time\n";
        compared = false;
    }
    const auto written = hearth::gui::saveFile(file, hearth::gui::grabPng(&window),
                                               [](const QString&) { return true; });
    if (!written) {
        err << "hearth-gui: " << QString::fromStdString(written.error().toString()) << "\n";
        return 1;
    }
    return window.lastError().isEmpty() && compared ? 0 : 1;
}

// Without a display Qt's default platform aborts (exit 134) before a word is printed. --help,
// --version and --screenshot need no screen, so they run on the offscreen platform; opening the
// window without a display is refused with a sentence instead of a crash (issue 16).
bool prepareHeadless(int argc, char** argv) {
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
        qEnvironmentVariableIsSet("WAYLAND_DISPLAY")) {
        return true;
    }
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version" || arg == "--screenshot" || arg.startsWith("--screenshot=")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return true;
        }
    }
    QTextStream(stderr) << "hearth-gui: no display to open a window on (DISPLAY and "
                           "WAYLAND_DISPLAY are unset); use --screenshot FILE to render one, or "
                           "set QT_QPA_PLATFORM\n";
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (!prepareHeadless(argc, argv)) return 1;
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Hearth"));
    QApplication::setApplicationName(QStringLiteral("hearth-gui"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hearth Explorer"));
    QApplication::setApplicationVersion(QStringLiteral(HEARTH_VERSION));
    hearth::gui::initResources();
    QApplication::setWindowIcon(hearth::gui::appIcon());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Explore which activity Android makes HOME, stock and with the HOME_FIRST patch.\n\n"
        "Examples:\n"
        "  hearth-gui samples/devices/seed\n"
        "  hearth-gui app/src/main/AndroidManifest.xml\n"
        "  QT_QPA_PLATFORM=offscreen hearth-gui --screenshot seed.png samples/devices/seed"));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Render the main window to FILE (PNG) and exit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption size(QStringLiteral("size"),
                            QStringLiteral("Window size for --screenshot (default 1400x900)."),
                            QStringLiteral("WxH"), QStringLiteral("1400x900"));
    QCommandLineOption tab(QStringLiteral("tab"),
                           QStringLiteral("The tab to show first: home, intent, manifest, "
                                          "claims, preferred, diff or refusals."),
                           QStringLiteral("NAME"), QStringLiteral("home"));
    QCommandLineOption intent(
        QStringLiteral("intent"),
        QStringLiteral("A command for the intent tester, as pasted: 'adb shell am start -a "
                       "...', 'pm query-activities ...' or am arguments."),
        QStringLiteral("COMMAND"));
    parser.addOption(screenshot);
    parser.addOption(size);
    parser.addOption(tab);
    QCommandLineOption select(
        QStringLiteral("select"),
        QStringLiteral("A component (pkg/.Class) whose element the Manifest tab highlights."),
        QStringLiteral("COMPONENT"));
    parser.addOption(intent);
    parser.addOption(select);
    parser.addPositionalArgument(
        QStringLiteral("DEVICE"),
        QStringLiteral("A device folder, device.json, AndroidManifest.xml or .apk "
                       "(default: the bundled samples/devices/seed)."));
    parser.addPositionalArgument(
        QStringLiteral("OTHER"),
        QStringLiteral("Another device, which the Diff tab compares DEVICE with, as "
                       "'hearth diff DEVICE OTHER' does."),
        QStringLiteral("[OTHER]"));
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 2) {
        QTextStream(stderr) << "hearth-gui: expected at most DEVICE and OTHER, got "
                            << positional.size() << " devices\n";
        return 2;
    }
    const QString device =
        positional.isEmpty() ? hearth::gui::defaultDevicePath() : positional.front();
    const QString other = positional.size() == 2 ? positional[1] : QString();

    hearth::gui::MainWindow window;
    const QStringList tabs = {QStringLiteral("home"), QStringLiteral("intent"),
                              QStringLiteral("manifest"), QStringLiteral("claims"),
                              QStringLiteral("preferred"), QStringLiteral("diff"),
                              QStringLiteral("refusals")};
    const int tabIndex = int(tabs.indexOf(parser.value(tab)));
    if (tabIndex < 0) {
        QTextStream(stderr) << "hearth-gui: --tab must be one of home, intent, manifest, claims, "
                               "preferred, diff, refusals, got '"
                            << parser.value(tab) << "'\n";
        return 2;
    }
    window.tabs()->setCurrentIndex(tabIndex);
    if (parser.isSet(screenshot)) {
        const QStringList parts = parser.value(size).split('x');
        const QSize windowSize =
            parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
        if (!windowSize.isValid() || windowSize.isEmpty()) {
            QTextStream(stderr) << "hearth-gui: --size must look like 1400x900, got '"
                                << parser.value(size) << "'\n";
            return 2;
        }
        return takeScreenshot(window, parser.value(screenshot), device, other, windowSize,
                              parser.value(intent), parser.value(select));
    }
    window.show();
    if (!device.isEmpty()) window.openDevice(device);
    if (!other.isEmpty()) window.diffPanel()->compareWith(other);
    if (parser.isSet(intent)) window.intentTester()->setAmArguments(parser.value(intent));
    if (parser.isSet(select)) {
        // The device loads in the background: highlight once it is there.
        QObject::connect(&window.session(), &hearth::gui::DeviceSession::deviceReplaced, &window,
                         [&window, text = parser.value(select)] { selectComponent(window, text); });
    }
    return app.exec();
}

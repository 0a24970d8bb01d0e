#pragma once
// Shared by the hearth-gui Qt Test suites: a main() that defaults QT_QPA_PLATFORM=offscreen
// before QApplication exists (ctest and gtest discovery run binaries without a display), and
// small devices written into temporary folders so that each test states what it starts from.

#include <hearth/device.h>
#include <hearth/intent.h>
#include <hearth/package_index.h>
#include <hearth/start.h>

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <map>
#include <string>
#include <vector>

#include "gui_support.h"

namespace hearth::gui::test {

/// A manifest with one activity and one intent filter made of actions and categories.
inline QByteArray activityManifest(const QString& package, const QString& activity,
                                   const QStringList& actions, const QStringList& categories,
                                   const QString& label = {}) {
    QString filter;
    for (const QString& action : actions) {
        filter += QStringLiteral("        <action android:name=\"%1\"/>\n").arg(action);
    }
    for (const QString& category : categories) {
        filter += QStringLiteral("        <category android:name=\"%1\"/>\n").arg(category);
    }
    const QString labelAttribute =
        label.isEmpty() ? QString() : QStringLiteral(" android:label=\"%1\"").arg(label);
    return QStringLiteral(
               "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"\n"
               "    package=\"%1\">\n"
               "  <application%4>\n"
               "    <activity android:name=\"%2\" android:exported=\"true\">\n"
               "      <intent-filter>\n"
               "%3"
               "      </intent-filter>\n"
               "    </activity>\n"
               "  </application>\n"
               "</manifest>\n")
        .arg(package, activity, filter, labelAttribute)
        .toUtf8();
}

inline const QString kMain = QStringLiteral("android.intent.action.MAIN");
inline const QString kView = QStringLiteral("android.intent.action.VIEW");
inline const QString kHome = QStringLiteral("android.intent.category.HOME");
inline const QString kHomeFirst = QStringLiteral("android.intent.category.HOME_FIRST");
inline const QString kDefault = QStringLiteral("android.intent.category.DEFAULT");
inline const QString kLauncher = QStringLiteral("android.intent.category.LAUNCHER");

/// A device folder on disk: files written on demand, removed with the object.
class DeviceFolder {
  public:
    DeviceFolder() {
        if (!m_dir.isValid()) qFatal("cannot create a temporary folder");
    }

    QString path() const { return m_dir.path(); }
    QString file(const QString& relative) const { return m_dir.filePath(relative); }

    void write(const QString& relative, const QByteArray& bytes) const {
        const QString full = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(full).path());
        QFile out(full);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            qFatal("cannot write %s", qPrintable(full));
        }
        out.write(bytes);
    }

  private:
    QTemporaryDir m_dir;
};

/// The origin story on Android 2.x: the system's stock Launcher (HOME), a third-party launcher
/// (HOME), FirstApp (HOME_FIRST), and a browser; withThirdParty=false leaves the launcher out.
inline void writeLegacyHomeDevice(const DeviceFolder& folder, bool withThirdParty) {
    folder.write("launcher/AndroidManifest.xml",
                 activityManifest("com.android.launcher", ".Launcher", {kMain}, {kHome, kDefault},
                                  "Launcher"));
    folder.write("nova/AndroidManifest.xml", activityManifest("com.example.nova", ".NovaHome",
                                                              {kMain}, {kHome, kDefault}, "Nova"));
    folder.write("first/AndroidManifest.xml",
                 activityManifest("com.example.first", ".FirstAppActivity", {kMain},
                                  {kHomeFirst, kDefault}, "FirstApp"));
    // No raw string literals here: moc reads this header and miscounts braces inside them.
    folder.write("browser/AndroidManifest.xml",
                 "<manifest xmlns:android=\"http://schemas.android.com/apk/res/android\"\n"
                 "    package=\"com.example.browser\">\n"
                 "  <application android:label=\"Browser\">\n"
                 "    <activity android:name=\".Browser\" android:exported=\"true\">\n"
                 "      <intent-filter>\n"
                 "        <action android:name=\"android.intent.action.VIEW\"/>\n"
                 "        <category android:name=\"android.intent.category.DEFAULT\"/>\n"
                 "        <category android:name=\"android.intent.category.BROWSABLE\"/>\n"
                 "        <data android:scheme=\"https\"/>\n"
                 "      </intent-filter>\n"
                 "    </activity>\n"
                 "  </application>\n"
                 "</manifest>\n");
    QByteArray packages =
        "    { \"manifest\": \"launcher/AndroidManifest.xml\", \"system\": true },\n"
        "    { \"manifest\": \"first/AndroidManifest.xml\", \"system\": true, "
        "\"privileged\": true },\n"
        "    { \"manifest\": \"browser/AndroidManifest.xml\" }";
    if (withThirdParty) packages += ",\n    { \"manifest\": \"nova/AndroidManifest.xml\" }";
    folder.write("device.json",
                 "{\n  \"name\": \"legacy-home\",\n  \"api\": 8,\n"
                 "  \"packages\": [\n" +
                     packages + "\n  ]\n}\n");
}

/// The display text of a model's cell.
inline QString cell(const QAbstractItemModel& model, int row, int column,
                    const QModelIndex& parent = {}) {
    return model.index(row, column, parent).data().toString();
}

/// Loads a device with the core, failing the test with the core's message when it cannot.
inline Device loadOrFail(const QString& path) {
    Result<Device> device = loadDevice(path.toStdString());
    if (!device) qFatal("cannot load %s: %s", qPrintable(path), device.error().toString().c_str());
    return std::move(device).value();
}

/// What `hearth start DEVICE --json --explain ARGS...` prints: the core's resolveStart with the
/// shell as caller, and explain() of the same request; empty when the arguments do not parse.
inline QByteArray coreStartJson(const Device& device, const std::vector<std::string>& args) {
    const Result<Intent> intent = parseIntentArgs(args);
    if (!intent) return {};
    const PackageIndex index(device);
    const ResolveRequest request{*intent, kStartQueryFlags, ComponentKind::Activity,
                                 ResolveMode::Start, Caller{}};
    const std::vector<Rejection> rejections = index.explain(request);
    return QByteArray::fromStdString(renderStartJson(resolveStart(index, request), &rejections));
}

}  // namespace hearth::gui::test

/// A Qt Test main() that works without a display and never touches the user's settings.
#define HEARTH_GUI_TEST_MAIN(TestClass)                                                     \
    int main(int argc, char** argv) {                                                       \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {                               \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                        \
        }                                                                                   \
        QApplication app(argc, argv);                                                       \
        QApplication::setOrganizationName(QStringLiteral("HearthTest"));                    \
        QApplication::setApplicationName(QStringLiteral(#TestClass));                       \
        QStandardPaths::setTestModeEnabled(true);                                           \
        QTemporaryDir settings;                                                             \
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path()); \
        hearth::gui::initResources();                                                       \
        TestClass test;                                                                     \
        return QTest::qExec(&test, argc, argv);                                             \
    }

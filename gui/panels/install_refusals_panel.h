#pragma once
// InstallRefusalsPanel: the packages this device does not install and why (the core's
// installRefusals: S-1's android:exported rule, the minimum installable target SDK of Android 14+):
// those its load skipped, and those the window's edits (API level, targetSdk) make Android refuse,
// which a saved device.json would skip on reload. A double click opens the manifest line.

#include <hearth/source_location.h>

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace hearth::gui {

class DeviceSession;
class InstallRefusalModel;

class InstallRefusalsPanel : public QWidget {
    Q_OBJECT

  public:
    explicit InstallRefusalsPanel(DeviceSession& session, QWidget* parent = nullptr);

    InstallRefusalModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString summaryText() const;

  signals:
    void locationActivated(const hearth::SourceLocation& where);

  private:
    void refresh();

    DeviceSession& m_session;
    InstallRefusalModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_summary = nullptr;
};

}  // namespace hearth::gui

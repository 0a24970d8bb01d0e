#pragma once
// HomePanel: the stock framework and the HOME_FIRST-patched framework side by side, one row per
// call site, with the selected site's intent, candidates and reasons below, and the phone.

#include <hearth/source_location.h>

#include <QWidget>

#include "device_session.h"

class QLabel;
class QTableView;
class QTextBrowser;

namespace hearth::gui {

class HomeSiteModel;
class PhonePreview;

class HomePanel : public QWidget {
    Q_OBJECT

  public:
    explicit HomePanel(DeviceSession& session, QWidget* parent = nullptr);

    HomeSiteModel* model(Framework framework) const;
    QTableView* view(Framework framework) const;
    PhonePreview* phone() const { return m_phone; }
    /// Shows the details of a call site of one framework.
    void showDetails(Framework framework, int row);
    /// The details pane as plain text (what the user reads under the tables).
    QString detailsText() const;
    /// The headline: device, API level, generation, storage and setup state, home role.
    QString headlineText() const;
    /// The framework's loud warnings as the CLI prints them ("!! inconsistent: boot starts X but
    /// home-key starts Y ..."), one a line, under its column; "" when there are none.
    QString warningsText(Framework framework) const;

  signals:
    void locationActivated(const hearth::SourceLocation& where);

  private:
    void updateHeadline();
    void updateWarnings();
    void refreshDetails();

    DeviceSession& m_session;
    QLabel* m_headline = nullptr;
    QLabel* m_patchLine = nullptr;
    HomeSiteModel* m_stock = nullptr;
    HomeSiteModel* m_patched = nullptr;
    QTableView* m_stockView = nullptr;
    QTableView* m_patchedView = nullptr;
    QLabel* m_stockWarnings = nullptr;
    QLabel* m_patchedWarnings = nullptr;
    QTextBrowser* m_details = nullptr;
    PhonePreview* m_phone = nullptr;
    Framework m_detailFramework = Framework::Stock;
    int m_detailRow = 0;
};

}  // namespace hearth::gui

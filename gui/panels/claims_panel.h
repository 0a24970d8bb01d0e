#pragma once
// ClaimsPanel: `hearth claims` in the window — which filters on the device claim a link, a scheme,
// a host, a path, a MIME type, an action or a category (hearth::findClaims), with each web host's
// App Links state. Empty, it lists every deep link: the device's App Links table. The selector is
// checked by the core (validateClaimSelector, applyClaimUrl); the rows are the core's claims.

#include <hearth/source_location.h>

#include <QWidget>

#include "deferred_work.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace hearth::gui {

class ClaimsModel;
class DeviceSession;

class ClaimsPanel : public QWidget {
    Q_OBJECT

  public:
    explicit ClaimsPanel(DeviceSession& session, QWidget* parent = nullptr);

    /// Sets a selector field by name: url, scheme, host, path, type, action or category.
    void setField(const QString& name, const QString& value);
    /// Runs the selector on the current device; false (the core's message shown) when the core
    /// refuses the selector or no device is open.
    bool find();
    /// The claims of the current device. A device change while the tab is hidden only marks
    /// them stale: they are found again when the tab is shown or these are asked for (every
    /// filter of a 10,000-package device is a cost the explorer need not pay at start-up).
    ClaimsModel* model();
    QSortFilterProxyModel* proxy();
    /// The line above the table: "N filters claim ..." or the refusal.
    QString summaryText();

  signals:
    void locationActivated(const hearth::SourceLocation& where);

  protected:
    void showEvent(QShowEvent* event) override;

  private:
    DeviceSession& m_session;
    DeferredWork m_findLater{this, [this] { find(); }};  ///< find() for a new or edited device
    QLineEdit* m_url = nullptr;
    QLineEdit* m_scheme = nullptr;
    QLineEdit* m_host = nullptr;
    QLineEdit* m_path = nullptr;
    QLineEdit* m_type = nullptr;
    QLineEdit* m_action = nullptr;
    QLineEdit* m_category = nullptr;
    QCheckBox* m_allKinds = nullptr;
    QLineEdit* m_filter = nullptr;
    QLabel* m_summary = nullptr;
    QTableView* m_view = nullptr;
    ClaimsModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

}  // namespace hearth::gui

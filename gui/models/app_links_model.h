#pragma once
// AppLinksModel: one package's web hosts as App Links sees them (hearth::hostLinkFacts, W-20..W-23)
// — autoVerify or not, the W-21 verification state (editable, `pm set-app-links`), the user's
// selection (checkable, W-22) and the W-23 approval a start reads, with its reason. Edits go through
// the session to the core (app_links_edit.h); a refusal is reported by editRefused.

#include <hearth/device_facts.h>

#include <QString>
#include <string>
#include <vector>

#include "models/row_table_model.h"

namespace hearth::gui {

class DeviceSession;

class AppLinksModel : public RowTableModel<HostLinkFact> {
    Q_OBJECT

  public:
    enum Column { Host, Kind, State, Selected, Approval, Why, ColumnCount };

    AppLinksModel(DeviceSession& session, QObject* parent = nullptr);

    /// Shows this package's hosts ("" or an unknown package: none); the rows keep their places
    /// while the hosts stay the same, so an open editor survives the refresh an edit causes.
    void setPackage(const QString& packageName);
    QString package() const { return m_package; }
    /// Reads the package's hosts again from the session's device.
    void refresh();

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

  signals:
    /// The core refused an edit: its sentence (W-20, W-30).
    void editRefused(const QString& message);

  private:
    using Row = HostLinkFact;
    DeviceSession& m_session;
    QString m_package;
};

}  // namespace hearth::gui

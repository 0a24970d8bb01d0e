#pragma once
// ClaimsModel: the filters that claim a link, a scheme, a host, a type, an action or a category
// (hearth::findClaims, `hearth claims`), one row per filter: the component, its state, the filter's
// data as URL templates, and each web host's App Links state (W-23 on API 31+, W-10 before), with
// the filter's manifest line. With an empty selector it is every deep link on the device.

#include <hearth/claims.h>

#include <QStringList>
#include <vector>

#include "models/row_table_model.h"

namespace hearth::gui {

/// One row of ClaimsModel.
struct ClaimRow {
    ComponentName component;
    QString kind;
    QString state;
    QStringList links;
    QStringList domains;        ///< "host: state"
    QStringList domainReasons;  ///< "host: state — reason"
    SourceLocation where;
};

class ClaimsModel : public RowTableModel<ClaimRow> {
    Q_OBJECT

  public:
    enum Column { Component, Kind, State, Links, Domains, Filter, ColumnCount };

    explicit ClaimsModel(QObject* parent = nullptr);

    /// Shows these claims (their filter pointers are not kept).
    void setClaims(const std::vector<Claim>& claims);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  private:
    using Row = ClaimRow;
};

}  // namespace hearth::gui

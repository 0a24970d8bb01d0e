#pragma once
// ClaimsModel: the filters that claim a link, a scheme, a host, a type, an action or a category
// (hearth::findClaims, `hearth claims`), one row per filter: the component, its state, the filter's
// data as URL templates, and each web host's App Links state (W-23 on API 31+, W-10 before), with
// the filter's manifest line. With an empty selector it is every deep link on the device.

#include <hearth/claims.h>

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

namespace hearth::gui {

class ClaimsModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column { Component, Kind, State, Links, Domains, Filter, ColumnCount };

    explicit ClaimsModel(QObject* parent = nullptr);

    /// Shows these claims (their filter pointers are not kept).
    void setClaims(const std::vector<Claim>& claims);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    struct Row {
        ComponentName component;
        QString kind;
        QString state;
        QStringList links;
        QStringList domains;        ///< "host: state"
        QStringList domainReasons;  ///< "host: state — reason"
        SourceLocation where;
    };
    std::vector<Row> m_rows;
};

}  // namespace hearth::gui

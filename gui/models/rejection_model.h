#pragma once
// RejectionModel: every component that did not make an intent's list, with the rule that removed
// it and the readable reason (the CLI's --explain), each linked to the filter's manifest line.
// Near misses come first (Rejection::nearMiss, then Rejection::nearness, both the core's
// verdicts); RejectionProxy sorts, filters by text and can hide the far misses.

#include <hearth/package_index.h>

#include <QSortFilterProxyModel>
#include <vector>

#include "gui_support.h"
#include "models/row_table_model.h"

namespace hearth::gui {

/// One row of RejectionModel.
struct RejectionRow {
    ComponentName component;
    std::string rule;
    std::string reason;
    SourceLocation where;
    int nearness = 0;
    bool nearMiss = false;
};

class RejectionModel : public RowTableModel<RejectionRow> {
    Q_OBJECT

  public:
    enum Column { Component, Rule, Reason, Filter, ColumnCount };

    /// Rejection::nearness of the row.
    static constexpr int kNearnessRole = kRejectionNearnessRole;
    /// Rejection::nearMiss of the row, for RejectionProxy: the CLI lists exactly these.
    static constexpr int kNearMissRole = kRejectionNearMissRole;

    explicit RejectionModel(QObject* parent = nullptr);

    /// Shows these rejections, nearest first (stable: explain()'s order among equals); their
    /// pointers are not kept. A rejection of a whole component links to the component's element
    /// in the device's manifest.
    void setRejections(const std::vector<Rejection>& rejections, const Device& device);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  private:
    using Row = RejectionRow;
};

/// Sorts by kSortRole, filters on every column's text (case-insensitive), and with
/// setNearMissesOnly(true) hides the rows the core does not call near misses.
class RejectionProxy : public QSortFilterProxyModel {
    Q_OBJECT

  public:
    explicit RejectionProxy(QObject* parent = nullptr);
    void setNearMissesOnly(bool only);
    bool nearMissesOnly() const { return m_nearOnly; }

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

  private:
    bool m_nearOnly = false;
};

}  // namespace hearth::gui

#pragma once
// ResolveResultModel: an intent's candidates in Android's order, with the effective priority,
// the match level and the DEFAULT flag, over a snapshot of a ResolveResult. The chosen activity's
// row is bold; every row links to its filter's manifest line (kLocationRole).

#include <hearth/package_index.h>

#include <optional>
#include <vector>

#include "models/row_table_model.h"

namespace hearth::gui {

/// One row of ResolveResultModel.
struct CandidateRow {
    ComponentName component;
    ComponentKind kind = ComponentKind::Activity;
    int priority = 0;
    int declaredPriority = 0;
    int match = 0;
    bool isDefault = false;
    bool system = false;
    bool chosen = false;
    SourceLocation where;
};

class ResolveResultModel : public RowTableModel<CandidateRow> {
    Q_OBJECT

  public:
    enum Column { Rank, Component, Priority, Match, Default, System, Filter, ColumnCount };

    explicit ResolveResultModel(QObject* parent = nullptr);

    /// Shows the candidates of a resolution (its pointers are not kept).
    void setResult(const ResolveResult& result);
    /// Shows a plain query answer (no chosen row).
    void setCandidates(const std::vector<ResolveInfo>& candidates);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  private:
    using Row = CandidateRow;
    static Row rowFrom(const ResolveInfo& info);

};

}  // namespace hearth::gui

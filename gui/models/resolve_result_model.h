#pragma once
// ResolveResultModel: an intent's candidates in Android's order, with the effective priority,
// the match level and the DEFAULT flag, over a snapshot of a ResolveResult. The chosen activity's
// row is bold; every row links to its filter's manifest line (kLocationRole).

#include <hearth/package_index.h>

#include <QAbstractTableModel>
#include <optional>
#include <vector>

namespace hearth::gui {

class ResolveResultModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column { Rank, Component, Priority, Match, Default, System, Filter, ColumnCount };

    explicit ResolveResultModel(QObject* parent = nullptr);

    /// Shows the candidates of a resolution (its pointers are not kept).
    void setResult(const ResolveResult& result);
    /// Shows a plain query answer (no chosen row).
    void setCandidates(const std::vector<ResolveInfo>& candidates);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    struct Row {
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
    static Row rowFrom(const ResolveInfo& info);

    std::vector<Row> m_rows;
};

}  // namespace hearth::gui

#pragma once
// PreferredModel: the choices a device has recorded for its choosers — persistent preferred
// activities (P-7, set by the system or a device policy), "Always" preferred activities (P-4) and
// last-chosen entries (P-5, "Just once") — one row each, with the filter they were recorded for,
// the set the chooser showed, the match level and where device.json declares them.

#include <hearth/device.h>

#include <QStringList>
#include <vector>

#include "models/row_table_model.h"

namespace hearth::gui {

/// One row of PreferredModel; `persistent` and `index` name the entry in the device's tables.
struct PreferredRow {
    bool persistent = false;
    size_t index = 0;
    bool always = true;
    ComponentName component;
    QString filter;
    QStringList set;
    int match = 0;
    SourceLocation where;
};

class PreferredModel : public RowTableModel<PreferredRow> {
    Q_OBJECT

  public:
    enum Column { Kind, Activity, Filter, Set, Match, Source, ColumnCount };

    explicit PreferredModel(QObject* parent = nullptr);

    /// Shows the device's persistent entries first (P-7 is consulted first), then the others in
    /// table order.
    void setDevice(const Device& device);
    /// The entry a row stands for.
    const PreferredRow* entryAt(int row) const {
        return row >= 0 && size_t(row) < m_rows.size() ? &m_rows[size_t(row)] : nullptr;
    }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  private:
    using Row = PreferredRow;
};

}  // namespace hearth::gui

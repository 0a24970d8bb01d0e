#pragma once
// DiffModel: what changes between two devices (hearth::diffDevices, `hearth diff`), one row per
// intent or HOME call site whose outcome differs: the intent, what it started before and after,
// and the rule and reason of the after side.

#include <hearth/device_diff.h>

#include "models/row_table_model.h"

namespace hearth::gui {

// The core's DiffRow is the row as it is: each cell is one of its fields or an outcome's summary(),
// so a GUI copy of it would only repeat it.
class DiffModel : public RowTableModel<DiffRow> {
    Q_OBJECT

  public:
    enum Column { Intent, Before, After, Rule, Why, ColumnCount };

    explicit DiffModel(QObject* parent = nullptr);

    /// Shows the diff's rows in its order (HOME call sites first, then intents by arguments).
    void setDiff(DeviceDiff diff) { setRows(std::move(diff.rows)); }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  private:
    using Row = DiffRow;
};

}  // namespace hearth::gui

#pragma once
// InstallRefusalModel: the packages the device does not install, or would not install as edited
// (hearth::installRefusals, S-1 and the minimum installable target SDK), one row each: the package,
// when it is refused (at load, or now after an edit of the API level or a targetSdk), where, and
// Android's reason.

#include <hearth/install_check.h>

#include "models/row_table_model.h"

namespace hearth::gui {

class InstallRefusalModel : public RowTableModel<InstallRefusal> {
    Q_OBJECT

  public:
    enum Column { Package, When, Where, Why, ColumnCount };

    explicit InstallRefusalModel(QObject* parent = nullptr);

    /// Shows these refusals in the core's order (skipped at load first).
    void setRefusals(std::vector<InstallRefusal> refusals) { setRows(std::move(refusals)); }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  private:
    using Row = InstallRefusal;
};

}  // namespace hearth::gui

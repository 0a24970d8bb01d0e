#pragma once
// DiagnosticModel: the device's warnings and errors (and a failed load's error), one row each,
// for the diagnostics dock. Double-clicking a row jumps to its file and line.

#include <hearth/source_location.h>

#include <vector>

#include "gui_support.h"

#include "models/row_table_model.h"

namespace hearth::gui {

class DiagnosticModel : public RowTableModel<Diagnostic> {
    Q_OBJECT

  public:
    enum Column { Severity, Location, Message, ColumnCount };

    explicit DiagnosticModel(QObject* parent = nullptr);

    /// Replaces every row.
    void setDiagnostics(std::vector<Diagnostic> diagnostics);
    const Diagnostic& diagnosticAt(int row) const { return m_rows.at(size_t(row)); }
    int errorCount() const;
    int warningCount() const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

  private:
};

}  // namespace hearth::gui

#include "models/diagnostic_model.h"

#include <QApplication>
#include <QStyle>

#include "gui_support.h"

namespace hearth::gui {

DiagnosticModel::DiagnosticModel(QObject* parent)
    : RowTableModel({tr("Severity"), tr("Location"), tr("Message")},
                    parent) {
    Q_ASSERT(columnCount() == ColumnCount);
}

void DiagnosticModel::setDiagnostics(std::vector<Diagnostic> diagnostics) {
    setRows(std::move(diagnostics));
}

int DiagnosticModel::errorCount() const {
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error;
    }));
}

int DiagnosticModel::warningCount() const { return int(m_rows.size()) - errorCount(); }

QVariant DiagnosticModel::data(const QModelIndex& index, int role) const {
    const Diagnostic* found = rowAt(index);
    if (!found) return {};
    const Diagnostic& row = *found;
    const bool isError = row.severity == Diagnostic::Severity::Error;
    if (role == kLocationRole) return QVariant::fromValue(row.where);
    if (role == Qt::ToolTipRole) return qs(row.toString());
    if (role == Qt::DecorationRole && index.column() == Severity) {
        return QApplication::style()->standardIcon(isError ? QStyle::SP_MessageBoxCritical
                                                           : QStyle::SP_MessageBoxWarning);
    }
    if (role != Qt::DisplayRole) return {};
    switch (Column(index.column())) {
        case Severity:
            return isError ? tr("error") : tr("warning");
        case Location: {
            QString text = locationText(row.where);
            if (row.where.column > 0) text += ":" + QString::number(row.where.column);
            return text;
        }
        case Message:
            return qs(row.message);
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace hearth::gui

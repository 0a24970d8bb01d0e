#include "models/diagnostic_model.h"

#include <QApplication>
#include <QStyle>

#include "app_paths.h"

namespace hearth::gui {

DiagnosticModel::DiagnosticModel(QObject* parent) : QAbstractTableModel(parent) {}

void DiagnosticModel::setDiagnostics(std::vector<Diagnostic> diagnostics) {
    beginResetModel();
    m_rows = std::move(diagnostics);
    endResetModel();
}

int DiagnosticModel::errorCount() const {
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error;
    }));
}

int DiagnosticModel::warningCount() const { return int(m_rows.size()) - errorCount(); }

int DiagnosticModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DiagnosticModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Diagnostic& row = m_rows[size_t(index.row())];
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

QVariant DiagnosticModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
        case Severity:
            return tr("Severity");
        case Location:
            return tr("Location");
        case Message:
            return tr("Message");
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace hearth::gui

#pragma once
// The table every tab of rows shows (a RowTableModel behind a filter line): a proxy that sorts by
// kSortRole and filters on every column, case aside, and a view of whole rows, cut to one line,
// that keeps the model's own order until a header is clicked.

#include <QString>

class QAbstractItemModel;
class QObject;
class QSortFilterProxyModel;
class QTableView;
class QWidget;

namespace hearth::gui {

QSortFilterProxyModel* makeRowProxy(QAbstractItemModel* source, QObject* parent);
QTableView* makeRowTableView(QAbstractItemModel* model, const QString& name, QWidget* parent);

}  // namespace hearth::gui

#pragma once
// RowTableModel: what every flat table of the explorer shares — a vector of rows replaced whole on
// each new answer (a model reset), the column titles, and the index check before a row is read.
// The models add their roles and what a row says.

#include <QAbstractTableModel>
#include <QStringList>
#include <utility>
#include <vector>

namespace hearth::gui {

template <typename Row>
class RowTableModel : public QAbstractTableModel {
  public:
    /// One title per column, in the model's Column order.
    RowTableModel(QStringList titles, QObject* parent)
        : QAbstractTableModel(parent), m_titles(std::move(titles)) {}

    void clear() { setRows({}); }

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(m_titles.size());
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
            section >= m_titles.size()) {
            return {};
        }
        return m_titles[section];
    }

  protected:
    /// The row an index of this model points at; nullptr for an index it did not make.
    const Row* rowAt(const QModelIndex& index) const {
        if (!index.isValid() ||
            !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
            return nullptr;
        }
        return &m_rows[size_t(index.row())];
    }
    void setRows(std::vector<Row> rows) {
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }

    std::vector<Row> m_rows;

  private:
    QStringList m_titles;
};

}  // namespace hearth::gui

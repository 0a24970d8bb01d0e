#pragma once
// RejectionModel: every component that did not make an intent's list, with the rule that removed
// it and the readable reason (the CLI's --explain), each linked to the filter's manifest line.

#include <hearth/package_index.h>

#include <QAbstractTableModel>
#include <vector>

namespace hearth::gui {

class RejectionModel : public QAbstractTableModel {
    Q_OBJECT

  public:
    enum Column { Component, Rule, Reason, Filter, ColumnCount };

    explicit RejectionModel(QObject* parent = nullptr);

    /// Shows these rejections (their pointers are not kept). A rejection of a whole component
    /// links to the component's element in the device's manifest.
    void setRejections(const std::vector<Rejection>& rejections, const Device& device);
    void clear();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    struct Row {
        ComponentName component;
        std::string rule;
        std::string reason;
        SourceLocation where;
    };
    std::vector<Row> m_rows;
};

}  // namespace hearth::gui

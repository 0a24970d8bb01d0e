#pragma once
// BadgeDelegate: draws a cell's badges (the model's badge-list role) as small coloured pills, so
// HOME, HOME_FIRST, LAUNCHER and DEFAULT stand out in a long package tree.

#include <QStyledItemDelegate>

namespace hearth::gui {

class BadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT

  public:
    /// badgesRole: the item role holding a QStringList of badge names.
    BadgeDelegate(int badgesRole, QObject* parent = nullptr);

    /// The pill colour of a badge (also used by the legend).
    static QColor colorOf(const QString& badge);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

  private:
    int m_badgesRole;
};

}  // namespace hearth::gui

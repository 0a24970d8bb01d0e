#include "panels/badge_delegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace hearth::gui {
namespace {
constexpr int kPadX = 5;
constexpr int kGap = 4;
}  // namespace

BadgeDelegate::BadgeDelegate(int badgesRole, QObject* parent)
    : QStyledItemDelegate(parent), m_badgesRole(badgesRole) {}

QColor BadgeDelegate::colorOf(const QString& badge) {
    if (badge == QLatin1String("HOME")) return QColor(0x2f, 0x6f, 0xb5);
    if (badge == QLatin1String("HOME_FIRST")) return QColor(0xd0, 0x55, 0x1f);
    if (badge == QLatin1String("LAUNCHER")) return QColor(0x3c, 0x8d, 0x4f);
    if (badge == QLatin1String("DEFAULT")) return QColor(0x6e, 0x6e, 0x78);
    return QColor(0x80, 0x80, 0x80);
}

void BadgeDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const {
    const QStringList badges = index.data(m_badgesRole).toStringList();
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);
    if (badges.isEmpty()) return;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.82);
    font.setBold(true);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const int height = std::min(option.rect.height() - 4, metrics.height() + 2);
    int x = option.rect.left() + 3;
    const int y = option.rect.top() + (option.rect.height() - height) / 2;
    for (const QString& badge : badges) {
        const int width = metrics.horizontalAdvance(badge) + 2 * kPadX;
        if (x + width > option.rect.right()) break;
        const QRectF pill(x, y, width, height);
        QPainterPath path;
        path.addRoundedRect(pill, height / 2.0, height / 2.0);
        painter->fillPath(path, colorOf(badge));
        painter->setPen(Qt::white);
        painter->drawText(pill, Qt::AlignCenter, badge);
        x += width + kGap;
    }
    painter->restore();
}

QSize BadgeDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QStringList badges = index.data(m_badgesRole).toStringList();
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.82);
    font.setBold(true);
    const QFontMetrics metrics(font);
    int width = 6;
    for (const QString& badge : badges)
        width += metrics.horizontalAdvance(badge) + 2 * kPadX + kGap;
    size.setWidth(std::max(size.width(), width));
    return size;
}

}  // namespace hearth::gui

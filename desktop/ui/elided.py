"""Tooltips for table cells whose text the column cuts short ("Kuznetsov, Ivan Serg…").

A view that elides text shows the whole of it when the pointer rests on the cell. A
cell whose model already gives a tooltip keeps it; a cell whose text fits shows none.
`install_elided_tips(widget)` puts the tip on every table and list below `widget`
that uses Qt's standard delegate (a custom delegate paints its own way and is left be).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


def elided_text(view: QAbstractItemView, index: Index) -> str | None:
    """The cell's whole text when the view cannot show all of it on one line; else None."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    if text is None or text == "":
        return None
    text = str(text)
    rect = view.visualRect(index)
    if rect.isEmpty():
        return None
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = rect
    option.font = view.font()
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
        option.decorationSize = view.iconSize() if view.iconSize().isValid() else rect.size()
    style = view.style()
    room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    metrics = view.fontMetrics()
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    too_tall = text.count("\n") and metrics.lineSpacing() * (text.count("\n") + 1) > rect.height()
    return text if widest > room.width() - 2 * margin or too_tall else None


class ElidedTextTips(QStyledItemDelegate):
    """The standard delegate, plus the whole text as the tooltip of a cut-short cell."""

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and not index.data(Qt.ItemDataRole.ToolTipRole):
            text = elided_text(view, index)
            if text is not None:
                QToolTip.showText(event.globalPos(), text, view, view.visualRect(index))
                return True
        return super().helpEvent(event, view, option, index)


def install_elided_tips(widget: QWidget) -> int:
    """Give every item view below `widget` with the standard delegate the tips; returns how
    many views got them."""
    count = 0
    for view in widget.findChildren(QAbstractItemView):
        delegate: QObject | None = view.itemDelegate()
        if type(delegate) is QStyledItemDelegate:
            view.setItemDelegate(ElidedTextTips(view))
            count += 1
    return count

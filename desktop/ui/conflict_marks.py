"""The mark on a record that has an open conflict, the same in every view.

A record changed on two devices at once keeps both versions until someone chooses one
(Sync › Conflicts). Until then the timeline row, the person in the list and the
complaint in the register carry a warning icon and say why in their tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSize
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

BADGE = 18


def conflict_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def conflict_note() -> str:
    return QCoreApplication.translate(
        "ConflictMarks",
        "Changed on two devices at once: choose the version to keep in Sync › Conflicts.",
    )


def with_conflict_badge(pixmap: QPixmap) -> QPixmap:
    """`pixmap` with the conflict icon painted over its lower right corner."""
    marked = QPixmap(pixmap)
    badge = conflict_icon().pixmap(QSize(BADGE, BADGE))
    painter = QPainter(marked)
    try:
        corner = QPoint(marked.width() - BADGE, marked.height() - BADGE)
        painter.drawPixmap(corner, badge)
    finally:
        painter.end()
    return marked

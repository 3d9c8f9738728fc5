"""Global search (Ctrl+F): hits grouped by kind, with highlighted snippets.

Names match across scripts and grammatical cases ("Kuznetsov" and "Кузнецова" find
"Кузнецов"). People whose names are only spelled similarly ("Kouznetsov") come last, in a
section of their own, "Similar names", never among the hits. Enter or a double click opens
the record: the dialog emits `recordOpened(kind, record_id, case_id)`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.registry import Services
from desktop.store.search import HIGHLIGHT_END, HIGHLIGHT_START

HIT_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
SIMILAR_ROLE = Qt.ItemDataRole.UserRole + 2
DEBOUNCE_MS = 150


def _marked_html(text: str) -> str:
    return (
        escape(text.replace("\n", " "))
        .replace(HIGHLIGHT_START, "<b style='background:#fff3a0;color:#1a1a1a'>")
        .replace(HIGHLIGHT_END, "</b>")
    )


def snippet_html(title: str, snippet: str) -> str:
    """A hit as rich text: its title and snippet, with the matched words highlighted."""
    return f"<div>{_marked_html(title)}</div><div style='color:#555'>{_marked_html(snippet)}</div>"


class _HtmlDelegate(QStyledItemDelegate):
    """Draws a hit's title and snippet as rich text."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            html = (
                str(html)
                .replace("color:#555", "color:#f2f2f2")
                .replace("<div>", "<div style='color:white'>", 1)
            )
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(html))
        document.setTextWidth(self._text_width(option))
        painter.save()
        painter.translate(option.rect.topLeft())
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()

    @staticmethod
    def _text_width(option: QStyleOptionViewItem) -> int:
        view = option.widget
        if isinstance(view, QTreeWidget):
            return max(200, view.viewport().width() - 2 * view.indentation() - 8)
        return max(200, option.rect.width())

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(html))
        document.setTextWidth(self._text_width(option))
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)


class SearchDialog(QDialog):
    recordOpened = Signal(str, str, str)  # kind, record id, case id

    def __init__(
        self, services: Services, case_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.resize(680, 520)
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.results = QTreeWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setHeaderHidden(True)
        self.results.setItemDelegate(_HtmlDelegate(self.results))
        self.results.setUniformRowHeights(False)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.query.returnPressed.connect(self._open_first_or_current)
        self.results.itemActivated.connect(self._open_item)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search"))
        self.query.setPlaceholderText(
            self.tr("Search names (any script), events, complaints, sources…")
        )
        self.query.setAccessibleName(self.tr("Search"))
        self.results.setAccessibleName(self.tr("Search results"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def group_label(self, kind: str, count: int) -> str:
        names = {
            "person": self.tr("People"),
            "event": self.tr("Events"),
            "complaint": self.tr("Complaints"),
            "organisation": self.tr("Organisations"),
            "source": self.tr("Sources"),
        }
        return f"{names.get(kind, kind)} ({count})"

    def run_search(self) -> None:
        self._timer.stop()
        self.results.clear()
        text = self.query.text().strip()
        if not text:
            self.status.clear()
            return
        results = self.services.search.results(text, self.case_id)
        total = 0
        for kind, hits in results.groups.items():
            group = self._group(self.group_label(kind, len(hits)))
            for hit in hits:
                child = QTreeWidgetItem([hit.title])
                child.setData(0, HIT_ROLE, (hit.kind, hit.record_id, hit.case_id))
                child.setData(
                    0, HTML_ROLE, snippet_html(hit.title_marked or hit.title, hit.snippet)
                )
                group.addChild(child)
            total += len(hits)
        if results.similar:
            group = self._group(self.similar_label(len(results.similar)))
            group.setData(0, SIMILAR_ROLE, True)
            for person in results.similar:
                others = [n for n in person.names if n != person.display_name]
                child = QTreeWidgetItem([person.display_name])
                child.setData(0, HIT_ROLE, ("person", person.person_id, person.case_id))
                child.setData(0, HTML_ROLE, snippet_html(person.display_name, " · ".join(others)))
                group.addChild(child)
        if total:
            self.status.setText(self.tr("%n result(s)", "", total))
        elif results.similar:
            self.status.setText(self.tr("No exact match; similar names below."))
        else:
            self.status.setText(self.tr("Nothing found."))
        first = self.first_hit()
        if first is not None:
            self.results.setCurrentItem(first)

    def similar_label(self, count: int) -> str:
        return self.tr("Similar names (%n)", "", count)

    def _group(self, label: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([label])
        font = group.font(0)
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.results.addTopLevelItem(group)
        group.setExpanded(True)
        return group

    def similar_group(self) -> QTreeWidgetItem | None:
        """The "Similar names" section, if the last search has one."""
        last = self.results.topLevelItem(self.results.topLevelItemCount() - 1)
        return last if last is not None and last.data(0, SIMILAR_ROLE) else None

    def first_hit(self) -> QTreeWidgetItem | None:
        group = self.results.topLevelItem(0)
        # A similar name is never taken for a hit: Enter opens only an exact one.
        if group is not None and group.childCount() and not group.data(0, SIMILAR_ROLE):
            return group.child(0)
        return None

    def _open_first_or_current(self) -> None:
        if self._timer.isActive():
            self.run_search()
        item = self.results.currentItem() or self.first_hit()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QTreeWidgetItem) -> None:
        hit = item.data(0, HIT_ROLE)
        if not hit:
            return
        kind, record_id, case_id = hit
        self.recordOpened.emit(kind, record_id, case_id)
        self.accept()

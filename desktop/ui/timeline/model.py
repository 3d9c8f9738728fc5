"""The timeline table: it knows every row's id but fetches rows in blocks, on demand.

The ordered ids of the filtered timeline come from one cheap query; a row's date, title,
people and source count are fetched with the 200 rows around it the first time the view
asks, and the last few blocks are kept. A million-event case therefore shows at once and
scrolling never loads the whole timeline.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.core.enums import DisputedBy, FactStatus
from desktop.services.timeline import EventRow
from desktop.ui.conflict_marks import conflict_icon, conflict_note

BLOCK_ROWS = 200
CACHED_BLOCKS = 12
ROW_MAP_LIMIT = 100_000  # more rows than this: `row_of` scans rather than keep a map
EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
EVENT_MIME_TYPE = "application/x-dossier-event-id"

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    KEY = 0  # a star on key facts
    DATE = 1
    TITLE = 2
    PEOPLE = 3
    TAGS = 4
    SOURCES = 5
    STATUS = 6
    CASE = 7  # the timeline of every case only (hidden in one case's)


KEY_STAR = "★"


def status_label(value: str, lang: str, disputed_by: str = "", note: str = "") -> str:
    """The fact status; for a disputed fact, who disputes it when that was entered."""
    try:
        shown = FactStatus(value).label(lang)
    except ValueError:
        return value
    if value != FactStatus.DISPUTED.value:
        return shown
    if disputed_by == DisputedBy.OTHER.value:
        who = note.strip()
    elif disputed_by in {d.value for d in DisputedBy}:
        who = DisputedBy(disputed_by).label(lang)
        who = who[:1].lower() + who[1:]  # "Disputed: the defence"
    else:
        who = ""
    return f"{shown}: {who}" if who else shown


class TimelineModel(QAbstractTableModel):
    """Rows of one case's filtered timeline; `fetch_rows` is `TimelineService.rows`.

    A row dragged onto another asks, through `moveRequested(event, anchor, before)`, to
    be moved there; the model itself never reorders: the panel moves the fact in the
    vault and shows the timeline again, so the table never disagrees with `event list`.
    """

    moveRequested = Signal(str, str, bool)

    def __init__(
        self,
        fetch_rows: Callable[[Sequence[str]], list[EventRow]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []
        self._row_of: dict[str, int] | None = None
        self._blocks: OrderedDict[int, dict[str, EventRow]] = OrderedDict()
        self.blocks_fetched = 0
        self.lang = "en"
        self._conflicts: frozenset[str] = frozenset()
        self.case_names: dict[str, str] = {}  # the case column's titles, by case id

    # ---- content ----------------------------------------------------------------------
    def set_ids(
        self, ids: list[str], first_rows: Sequence[EventRow] = (), rows_lang: str = ""
    ) -> None:
        """Show these events, in this order (the filtered timeline); `first_rows`, the
        rows of the first block when they were read with the ids (off the GUI thread),
        kept only if read in the language shown now (the language may have changed)."""
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._blocks.clear()
        if first_rows and rows_lang == self.lang:
            self._blocks[0] = {row.event.id: row for row in first_rows}
        self.endResetModel()

    def extend_ids(self, ids: list[str]) -> None:
        """The whole answer to a query whose first rows are shown: the rest goes below
        them, keeping the view's place and selection (else shown afresh)."""
        shown = len(self._ids)
        if len(ids) < shown or ids[:shown] != self._ids:
            self.set_ids(ids)
            return
        if len(ids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(ids) - 1)
            self._ids = ids
            self._row_of = None
            self.endInsertRows()

    def clear(self) -> None:
        self.set_ids([])

    def set_conflicts(self, ids: frozenset[str]) -> None:
        """Mark these events' rows: each has an open conflict (see ui.conflict_marks)."""
        self._conflicts = ids

    def has_conflict(self, row: int) -> bool:
        return self.event_id(row) in self._conflicts

    def forget_rows(self) -> None:
        """Drop fetched rows (after an edit) so the view fetches them again."""
        self._blocks.clear()
        if self._ids:
            last = self.index(len(self._ids) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        self.forget_rows()

    def ids(self) -> list[str]:
        return self._ids

    def event_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, event_id: str) -> int | None:
        if len(self._ids) > ROW_MAP_LIMIT:  # a scan in C, 10 ms, not a map of 100 MB
            try:
                return self._ids.index(event_id)
            except ValueError:
                return None
        if self._row_of is None:
            self._row_of = {event_id: row for row, event_id in enumerate(self._ids)}
        return self._row_of.get(event_id)

    def event_row(self, row: int) -> EventRow | None:
        """The row's data, fetching its block when it is not cached."""
        event_id = self.event_id(row)
        if event_id is None:
            return None
        number = row // BLOCK_ROWS
        block = self._blocks.get(number)
        if block is None:
            start = number * BLOCK_ROWS
            fetched = self._fetch_rows(self._ids[start : start + BLOCK_ROWS])
            self.blocks_fetched += 1
            block = {r.event.id: r for r in fetched}
            self._blocks[number] = block
            while len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block.get(event_id)

    # ---- Qt model interface -----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDropEnabled
        if index.isValid():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [EVENT_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        event_id = self.event_id(rows[0]) if rows else None
        if event_id is not None:
            data.setData(EVENT_MIME_TYPE, QByteArray(event_id.encode("ascii")))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: AnyIndex,
    ) -> bool:
        """Ask to move the dragged fact before the row dropped on (after the last row when
        dropped below the table). Returns False: nothing is moved here (see the class)."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(EVENT_MIME_TYPE):
            return False
        event_id = bytes(data.data(EVENT_MIME_TYPE).data()).decode("ascii", "replace")
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._ids)
        if row < len(self._ids):
            anchor, before = self._ids[row], True
        elif self._ids:
            anchor, before = self._ids[-1], False
        else:
            return False
        if anchor != event_id and event_id in self._ids:
            self.moveRequested.emit(event_id, anchor, before)
        return False

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == Column.KEY:
            return self.tr("Key fact")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.KEY: KEY_STAR,
            Column.DATE: self.tr("Date"),
            Column.TITLE: self.tr("Event"),
            Column.PEOPLE: self.tr("People"),
            Column.TAGS: self.tr("Tags"),
            Column.SOURCES: self.tr("Sources"),
            Column.STATUS: self.tr("Status"),
            Column.CASE: self.tr("Case"),
        }.get(Column(section))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == EVENT_ID_ROLE:
            return self.event_id(index.row())
        if role == Qt.ItemDataRole.DecorationRole:
            conflicted = index.column() == Column.TITLE and self.has_conflict(index.row())
            return conflict_icon() if conflicted else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole):  # fmt: skip
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == Column.SOURCES:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == Column.KEY:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        row = self.event_row(index.row())
        if row is None:
            return self.tr("(removed)") if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row, column)
            if column == Column.TITLE and self.has_conflict(index.row()):
                return f"{conflict_note()}\n\n{tip}"
            return tip
        return self._display(row, column)

    def _display(self, row: EventRow, column: Column) -> str:
        if column == Column.KEY:
            return KEY_STAR if row.event.key_event else ""
        if column == Column.TAGS:
            return ", ".join(row.tags)
        if column == Column.DATE:
            return row.date.display(self.lang, "short")
        if column == Column.TITLE:
            return row.event.title
        if column == Column.PEOPLE:
            return ", ".join(row.people)
        if column == Column.SOURCES:
            return str(row.source_count)
        if column == Column.CASE:
            return self.case_names.get(row.event.case_id, "")
        event = row.event
        return status_label(event.fact_status, self.lang, event.disputed_by, event.disputed_by_note)

    def _tooltip(self, row: EventRow, column: Column) -> str:
        if column == Column.KEY:
            return self.tr("Key fact") if row.event.key_event else ""
        if column == Column.DATE:
            return row.date.display(self.lang, "long")
        if column == Column.PEOPLE:
            return "\n".join(row.people)
        return self._display(row, column)

"""The complaints register as a Qt table model; overdue rows are painted red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.enums import ComplaintStatus, ResponseKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.services.complaints import ComplaintRow
from desktop.services.conflicts import ConflictService
from desktop.services.registry import Services
from desktop.ui.conflict_marks import conflict_icon, conflict_note
from desktop.ui.i18n import current_language

OVERDUE_TEXT = QColor("#b3261e")
OVERDUE_BACKGROUND = QColor("#fdecea")
ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class ComplaintsModel(QAbstractTableModel):
    COLUMNS = ("status", "filed", "body", "against", "our_reference", "registration",
               "last_response", "due", "days_left")  # fmt: skip

    def __init__(self, services: Services, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.services = services
        self.rows: list[ComplaintRow] = []
        self._sorted_by: tuple[int, Qt.SortOrder] | None = None
        self._in_filing_order: list[ComplaintRow] = []
        self.conflicts: frozenset[str] = frozenset()  # complaints with an open conflict

    def headers(self) -> list[str]:
        return [self.tr("Status"), self.tr("Filed"), self.tr("Body"), self.tr("Against"),
                self.tr("Our reference"), self.tr("Their number"), self.tr("Last response"),
                self.tr("Due"), self.tr("Days left")]  # fmt: skip

    def load(self, case_id: str | None, today: dt.date | None = None) -> None:
        self.beginResetModel()
        register = self.services.complaints.register
        self.rows = register(case_id, today, current_language()) if case_id else []
        self.conflicts = (
            ConflictService(self.services.store).conflicted_ids() if self.rows else frozenset()
        )
        self._in_filing_order = list(self.rows)
        if self._sorted_by is not None:
            self._sort_rows(*self._sorted_by)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the header's click); the order is kept across reloads."""
        self.layoutAboutToBeChanged.emit()
        if 0 <= column < len(self.COLUMNS):
            self._sorted_by = (column, order)
            self._sort_rows(column, order)
        else:  # no sort column: the register's own order (by filing date)
            self._sorted_by = None
            self.rows = list(self._in_filing_order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        name = self.COLUMNS[column]

        def key(row: ComplaintRow) -> tuple[object, ...]:
            c = row.complaint
            if name == "filed":
                return (row.filed.is_undated, row.filed.sort_number())
            if name == "days_left":  # rows with no clock running go last
                return (row.days_left is None, row.days_left or 0)
            if name == "due":
                return (not c.response_due, c.response_due or "")
            if name == "last_response":
                last = row.last_response
                return (last is None, FuzzyDate.from_edtf(last.received_edtf).sort_number()
                        if last else 0)  # fmt: skip
            return (self._text(row, name).casefold(),)

        self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def row_of(self, complaint_id: str) -> int:
        for i, row in enumerate(self.rows):
            if row.complaint.id == complaint_id:
                return i
        return -1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, self.COLUMNS[index.column()])
        if role == ID_ROLE:
            return row.complaint.id
        conflicted = row.complaint.id in self.conflicts
        if role == Qt.ItemDataRole.DecorationRole:
            return conflict_icon() if conflicted and index.column() == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole and conflicted and index.column() == 0:
            return conflict_note()
        if role == Qt.ItemDataRole.ForegroundRole and row.overdue:
            return QBrush(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.BackgroundRole and row.overdue:
            return QBrush(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.overdue:
                return self.tr("Overdue: no answer by the due date.")
            text = self._text(row, self.COLUMNS[index.column()])
            return text if len(text) > 24 else None  # the whole text where a column cuts it
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and self.COLUMNS[index.column()] == "days_left"
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ComplaintRow, column: str) -> str:
        lang = current_language()
        c = row.complaint
        if column == "status":
            if row.escalated:  # marked appealed by the escalation, which is what happened
                if row.escalated_to:
                    return self.tr("Escalated to %1").replace("%1", row.escalated_to)
                return self.tr("Escalated")
            return ComplaintStatus(c.status).label(lang)
        if column == "filed":
            return "" if row.filed.is_undated else row.filed.display(lang, "short")
        if column == "body":
            return row.body_name
        if column == "against":
            return "; ".join(row.against)
        if column == "our_reference":
            return c.our_reference
        if column == "registration":
            return c.registration_number
        if column == "last_response":
            return self._last_response(row, lang)
        if column == "due":
            return c.response_due or ""
        if row.days_left is None:
            return ""
        if row.days_left < 0:
            return self.tr("%n day(s) overdue", "", -row.days_left)
        return str(row.days_left)

    @staticmethod
    def _last_response(row: ComplaintRow, lang: str) -> str:
        response = row.last_response
        if response is None:
            return ""
        received = FuzzyDate.from_edtf(response.received_edtf)
        when = "" if received.is_undated else received.display(lang, "short")
        kind = ResponseKind(response.kind).label(lang)
        return f"{kind}, {when}" if when else kind

"""The Complaints tab: the register on top, the chosen complaint's detail below."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.registry import Services
from desktop.ui.complaints.detail import ComplaintDetail
from desktop.ui.complaints.model import ID_ROLE, ComplaintsModel
from desktop.ui.editors.complaint import ComplaintEditor, ResponseEditor
from desktop.ui.undo import delete_with_undo


class ComplaintsTab(QWidget):
    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.case_id: str | None = None
        self.today: dt.date | None = None  # None: the real today (tests may pin it)
        self.model = ComplaintsModel(services, self)
        self.table = QTableView(self)
        self.table.setObjectName("complaintsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Every column sized to its text, capped (`refresh`); a stretched column was squeezed
        # to a few pixels when the others filled a 1280-pixel window.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setWordWrap(False)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # filing order until asked
        self.table.setSortingEnabled(True)
        self.new_button = QPushButton(self)
        self.detail = ComplaintDetail(services, self)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.table)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setSizes([380, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.activated.connect(lambda _index: self.edit_complaint())
        self.new_button.clicked.connect(self.new_complaint)
        self.detail.edit_button.clicked.connect(self.edit_complaint)
        self.detail.add_response_button.clicked.connect(self.add_response)
        self.detail.escalate_button.clicked.connect(self.escalate)
        self.detail.delete_button.clicked.connect(self.delete_complaint)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("&New complaint…"))
        self.table.setAccessibleName(self.tr("Complaints register"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.COLUMNS) - 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            try:
                self.refresh()
            except KnownError:  # the vault was locked under this (closing) widget
                self.clear()
        super().changeEvent(event)

    # ---- content ----------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.refresh()

    def clear(self) -> None:
        self.case_id = None
        self.model.load(None)
        self.detail.show_row(None)

    def refresh(self) -> None:
        keep = self.current_complaint()
        self.model.load(self.case_id, self.today)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.table.columnWidth(column) > 260:
                self.table.setColumnWidth(column, 260)
        if not (keep and self.select_complaint(keep)):
            self.detail.show_row(None)

    def current_complaint(self) -> str | None:
        index = self.table.currentIndex()
        return str(index.data(ID_ROLE)) if index.isValid() else None

    def select_complaint(self, complaint_id: str) -> bool:
        row = self.model.row_of(complaint_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self.detail.show_row(self.model.rows[row])
        return True

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_row(self.model.rows[current.row()] if current.isValid() else None)

    # ---- editing ----------------------------------------------------------------------
    def _open(self, editor: ComplaintEditor | ResponseEditor) -> None:
        editor.accepted.connect(lambda: self._saved(editor))
        editor.open()

    def _saved(self, editor: ComplaintEditor | ResponseEditor) -> None:
        target = editor.saved_id if isinstance(editor, ComplaintEditor) else editor.complaint_id
        self.refresh()
        if target:
            self.select_complaint(target)

    def new_complaint(self) -> ComplaintEditor | None:
        if not self.case_id:
            return None
        editor = ComplaintEditor(self.services, self.case_id, self.undo_stack, None, self)
        self._open(editor)
        return editor

    def edit_complaint(self) -> ComplaintEditor | None:
        complaint_id = self.current_complaint()
        if not (self.case_id and complaint_id):
            return None
        editor = ComplaintEditor(self.services, self.case_id, self.undo_stack, complaint_id, self)
        self._open(editor)
        return editor

    def add_response(self) -> ResponseEditor | None:
        complaint_id = self.current_complaint()
        if not complaint_id:
            return None
        editor = ResponseEditor(self.services, complaint_id, self.undo_stack, self)
        self._open(editor)
        return editor

    def escalate(self) -> ComplaintEditor | None:
        complaint_id = self.current_complaint()
        if not (self.case_id and complaint_id):
            return None
        editor = ComplaintEditor(
            self.services, self.case_id, self.undo_stack, None, self, escalate_from=complaint_id
        )
        self._open(editor)
        return editor

    def delete_complaint(self, *, ask: bool = True) -> None:
        complaint_id = self.current_complaint()
        if not complaint_id:
            return
        complaints = self.services.complaints
        if not delete_with_undo(
            self,
            self.undo_stack,
            self.tr("Delete this complaint? You can undo this."),
            self.tr("Delete complaint"),
            delete=lambda: complaints.delete_complaint(complaint_id),
            restore=lambda: complaints.restore_complaint(complaint_id),
            ask=ask,
        ):
            return
        self.refresh()

    def delete_selected(self) -> None:
        self.delete_complaint()

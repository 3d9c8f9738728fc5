"""The list of case files on the left of the main window, with a filter box."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.services.registry import Services

CASE_ID_ROLE = Qt.ItemDataRole.UserRole


class CaseListPanel(QWidget):
    """Emits `caseChosen(case_id)` (an empty string when no case is selected)."""

    caseChosen = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-weight: bold;")
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("caseList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.heading.setBuddy(self.filter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        self.filter.textChanged.connect(self._apply_filter)
        self.list.currentItemChanged.connect(self._current_changed)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("&Cases"))
        self.filter.setPlaceholderText(self.tr("Filter cases"))
        self.filter.setAccessibleName(self.tr("Filter cases"))
        self.list.setAccessibleName(self.tr("Cases"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self, select: str | None = None) -> None:
        """Re-read the cases; keep (or move to) the selection."""
        keep = select or self.current_case()
        self.list.blockSignals(True)
        self.list.clear()
        for case in self.services.cases.list_cases():
            item = QListWidgetItem(case.title)
            item.setData(CASE_ID_ROLE, case.id)
            item.setToolTip(case.summary[:300])
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._apply_filter(self.filter.text())
        target = keep if keep and self._row_of(keep) >= 0 else None
        if target is None and self.list.count():
            target = str(self.list.item(0).data(CASE_ID_ROLE))
        if target:
            self.select_case(target)
        else:
            self.caseChosen.emit("")

    def _row_of(self, case_id: str) -> int:
        for row in range(self.list.count()):
            if self.list.item(row).data(CASE_ID_ROLE) == case_id:
                return row
        return -1

    def select_case(self, case_id: str) -> None:
        row = self._row_of(case_id)
        if row < 0:
            return
        if self.list.currentRow() == row:
            self.caseChosen.emit(case_id)
        else:
            self.list.setCurrentRow(row)

    def current_case(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(CASE_ID_ROLE)) if item is not None else None

    def _apply_filter(self, text: str) -> None:
        folded = text.casefold().strip()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(folded) and folded not in item.text().casefold())

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.caseChosen.emit(str(current.data(CASE_ID_ROLE)) if current is not None else "")

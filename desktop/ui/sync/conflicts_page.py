"""The conflict review page: each record's versions side by side, and "Keep this one"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.conflicts import Conflict, ConflictService


class ConflictsPage(QWidget):
    """Lists records in conflict; shows the selected one's versions in columns."""

    resolved = Signal(str)  # record id

    def __init__(self, conflicts: ConflictService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.items: list[Conflict] = []
        self.records = QListWidget()
        self.records.setObjectName("conflictList")
        self.records.currentRowChanged.connect(self._show)
        self.versions = QTableWidget()
        self.versions.setObjectName("conflictVersions")
        self.keep_row = QHBoxLayout()
        self.keep_buttons: list[QPushButton] = []
        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.records, 1)
        layout.addWidget(self.versions, 2)
        layout.addLayout(self.keep_row)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.items = self.conflicts.list_conflicts()
        self.records.clear()
        for item in self.items:
            self.records.addItem(f"{item.title} ({item.entity})")
        if self.items:
            self.records.setCurrentRow(0)
        else:
            self._show(-1)
            self.message.setText(self.tr("No conflicts: every record has one version."))

    def _show(self, row: int) -> None:
        for button in self.keep_buttons:
            self.keep_row.removeWidget(button)
            button.deleteLater()
        self.keep_buttons = []
        self.versions.clear()
        if row < 0 or row >= len(self.items):
            self.versions.setRowCount(0)
            self.versions.setColumnCount(0)
            return
        conflict = self.items[row]
        fields = [f for f in conflict.differing if f != "deleted"]
        self.versions.setColumnCount(len(conflict.versions))
        self.versions.setRowCount(len(fields) + 2)
        self.versions.setVerticalHeaderLabels([self.tr("Made"), self.tr("State"), *fields])
        headers = []
        for column, version in enumerate(conflict.versions):
            headers.append(version.device_name)
            shown = self.tr("shown") if version.shown else ""
            state = (
                self.tr("deleted on %1").replace("%1", version.device_name)
                if version.deleted
                else self.tr("edited on %1").replace("%1", version.device_name)
            )
            self.versions.setItem(0, column, QTableWidgetItem(version.at))
            self.versions.setItem(1, column, QTableWidgetItem(f"{state} {shown}".strip()))
            for offset, name in enumerate(fields):
                value = version.values.get(name)
                self.versions.setItem(offset + 2, column, QTableWidgetItem(str(value)))
            button = QPushButton(self.tr("Keep this one"))
            button.setObjectName(f"keep_{column}")
            button.clicked.connect(lambda _=False, label=version.label: self.keep(label))
            self.keep_row.addWidget(button)
            self.keep_buttons.append(button)
        self.versions.setHorizontalHeaderLabels(headers)
        self.message.setText(
            self.tr(
                "Edited on several devices at once. Keep one version; it replaces the "
                "others everywhere after the next sync."
            )
        )

    def keep(self, label: str) -> None:
        row = self.records.currentRow()
        if row < 0:
            return
        record_id = self.items[row].record_id
        try:
            self.conflicts.resolve(record_id, label)
        except KnownError as exc:
            self.message.setText(str(exc))
            return
        self.resolved.emit(record_id)
        self.refresh()

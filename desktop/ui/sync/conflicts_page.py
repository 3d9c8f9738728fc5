"""The conflict review: a record's versions side by side, in words, and "Keep this one".

The records in conflict are listed on the left as "Event: <title>"; the chosen record's
versions fill the rest of the width, one column each, headed by the device that made the
version (its name, as the devices call themselves) and when. Each field the versions
disagree on is a row named in plain words, its values wrapped in full. The "Keep this
version" buttons sit in one row under their columns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fieldlabels import DERIVED, field_label, record_kind_label
from desktop.errors import KnownError
from desktop.services.conflicts import Conflict, ConflictService, ConflictVersion
from desktop.ui.i18n import current_language
from desktop.ui.messages import error_text
from desktop.ui.sync.conflict_values import value_text
from desktop.ui.writes import Changes, WriteQueue

CELL_STYLE = "QLabel { background: palette(base); border: 1px solid palette(mid); padding: 6px; }"
SHOWN_STYLE = "QLabel { background: #eef4fb; border: 1px solid #9bb8d9; padding: 6px; }"


class ConflictsPage(QWidget):
    """Lists records in conflict; shows the selected one's versions in columns."""

    resolved = Signal(str)  # record id

    def __init__(
        self,
        conflicts: ConflictService,
        parent: QWidget | None = None,
        writes: WriteQueue | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflicts = conflicts
        self.writes = writes  # the vault's write queue: a choice is written there
        self.items: list[Conflict] = []
        self.headers: list[QLabel] = []
        self.field_names: list[str] = []
        self.field_labels: list[QLabel] = []
        self.cells: list[list[QLabel]] = []  # [field row][version column]
        self.keep_buttons: list[QPushButton] = []

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.records = QListWidget(self)
        self.records.setObjectName("conflictList")
        self.records.setAccessibleName(self.tr("Records in conflict"))
        self.records.setWordWrap(True)
        self.records.currentRowChanged.connect(self._show)
        self.comparison = QWidget()
        self.comparison.setObjectName("conflictVersions")
        self.grid = QGridLayout(self.comparison)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(self.comparison)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        splitter = QSplitter(self)
        splitter.addWidget(self.records)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 900])
        self.message = QLabel(self)
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        lang = current_language()
        self.items = self.conflicts.list_conflicts()
        self.records.clear()
        for item in self.items:
            text = f"{record_kind_label(item.entity, lang)}: {item.title}"
            entry = QListWidgetItem(text)
            entry.setToolTip(text)
            self.records.addItem(entry)
        self.intro.setText(
            self.tr(
                "These records were changed on two devices before either saw the other's "
                "change. Compare the versions and keep one; it replaces the others everywhere "
                "after the next sync."
            )
            if self.items
            else ""
        )
        self.intro.setVisible(bool(self.items))
        if self.items:
            self.records.setCurrentRow(0)
        else:
            self._show(-1)
            self.message.setText(self.tr("No conflicts: every record has one version."))

    # -- the comparison ------------------------------------------------------------------

    def _clear_comparison(self) -> None:
        while self.grid.count():
            child = self.grid.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        self.headers, self.field_names, self.field_labels = [], [], []
        self.cells, self.keep_buttons = [], []

    def _show(self, row: int) -> None:
        self._clear_comparison()
        if row < 0 or row >= len(self.items):
            return
        conflict = self.items[row]
        lang = current_language()
        self.field_names = [f for f in conflict.differing if f not in DERIVED and f != "deleted"]
        self.grid.setColumnStretch(0, 0)
        for column, version in enumerate(conflict.versions, start=1):
            self.grid.setColumnStretch(column, 1)
            header = self._label(self._header_text(version), bold=False)
            header.setTextFormat(Qt.TextFormat.RichText)
            header.setObjectName(f"version_{column - 1}")
            self.headers.append(header)
            self.grid.addWidget(header, 0, column)
        for line, name in enumerate(self.field_names, start=1):
            caption = self._label(field_label(name, lang), bold=True)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            caption.setContentsMargins(0, 6, 0, 0)
            self.field_labels.append(caption)
            self.grid.addWidget(caption, line, 0)
            cells = []
            for column, version in enumerate(conflict.versions, start=1):
                text = value_text(
                    conflict.entity, name, version.values.get(name), conflict.references, lang
                )
                cell = self._label(text, bold=False)
                cell.setStyleSheet(SHOWN_STYLE if version.shown else CELL_STYLE)
                cell.setAccessibleName(f"{field_label(name, lang)}, {version.device_name}: {text}")
                cells.append(cell)
                self.grid.addWidget(cell, line, column)
            self.cells.append(cells)
        buttons_row = len(self.field_names) + 1
        for column, version in enumerate(conflict.versions, start=1):
            button = QPushButton(self._keep_text(version), self.comparison)
            button.setObjectName(f"keep_{column - 1}")
            button.setToolTip(
                self.tr("Keep the version from %1 and drop the others").replace(
                    "%1", version.device_name
                )
            )
            button.clicked.connect(lambda _=False, label=version.label: self.keep(label))
            self.keep_buttons.append(button)
            self.grid.addWidget(button, buttons_row, column)
        self.message.setText("")

    def _header_text(self, version: ConflictVersion) -> str:
        device = _escape(version.device_name)
        verb = (
            self.tr("Deleted on %1").replace("%1", f"<b>{device}</b>")
            if version.deleted
            else self.tr("Changed on %1").replace("%1", f"<b>{device}</b>")
        )
        shown = self.tr("shown now") if version.shown else ""
        when = _escape(version.at) + (f" · <i>{shown}</i>" if shown else "")
        return f"{verb}<br>{when}"

    def _keep_text(self, version: ConflictVersion) -> str:
        if version.deleted:
            return self.tr("Keep it deleted")
        return self.tr("Keep this version")

    def _label(self, text: str, bold: bool) -> QLabel:
        label = QLabel(text, self.comparison)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if bold:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        return label

    def keep(self, label: str) -> None:
        row = self.records.currentRow()
        if row < 0:
            return
        record_id = self.items[row].record_id
        conflicts = self.conflicts

        def landed(_value: object, _changes: Changes) -> None:
            self.resolved.emit(record_id)
            self.refresh()

        def refused(exc: BaseException) -> None:
            self.message.setText(error_text(exc))

        if self.writes is None:  # no window's queue: written here
            try:
                conflicts.resolve(record_id, label)
            except KnownError as exc:
                refused(exc)
                return
            landed(None, Changes())
        else:
            self.writes.submit(lambda: conflicts.resolve(record_id, label), landed, refused)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

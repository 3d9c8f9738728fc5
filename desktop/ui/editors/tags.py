"""A record's tags as chips, with a box to add one (a new name makes a new tag).

On a saved record each add or remove is written at once, as its own undo step. For a
record not yet saved the names wait in `pending` and the New event or New complaint
dialog writes them with the record.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.entry import clean_tags, reinstate, withdraw
from desktop.services.registry import Services
from desktop.ui.messages import show_error
from desktop.ui.undo import RecordChange, change_with_undo

CHIP_STYLE = (
    "QToolButton { border: 1px solid #8da7c9; border-radius: 9px; background: #e8f0fa;"
    " color: #1d3557; padding: 1px 8px; }"
    "QToolButton:hover { background: #d3e2f4; }"
)


class TagChip(QToolButton):
    """One tag: its name and a cross; clicking it asks to take the tag off."""

    removeRequested = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setText(f"{name}  ×")
        self.setStyleSheet(CHIP_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Remove the tag “%1”").replace("%1", name))
        self.setAccessibleName(self.tr("Tag %1, press to remove").replace("%1", name))
        self.clicked.connect(lambda: self.removeRequested.emit(self.name))


class TagsPanel(QWidget):
    changed = Signal()

    def __init__(
        self,
        services: Services,
        case_id: str,
        target_kind: str,
        target_id: str | None,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.target_kind = target_kind
        self.target_id = target_id
        self.undo_stack = undo_stack
        self.pending: list[str] = []  # tag names, before the record's first save
        self.chips: list[TagChip] = []
        self._chip_row = QHBoxLayout()
        self._chip_row.setContentsMargins(0, 0, 0, 0)
        self._none = QLabel(self.tr("No tags"), self)
        self._none.setStyleSheet("color: #777;")
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setAccessibleName(self.tr("Tag to add"))
        line = self.name.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("tag name (new or existing)"))
            line.returnPressed.connect(self.add_typed)
        self.add_button = QPushButton(self.tr("Add ta&g"), self)
        self.add_button.clicked.connect(self.add_typed)
        self.setFocusProxy(self.name)
        entry = QHBoxLayout()
        entry.addWidget(self.name, 1)
        entry.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._chip_row)
        layout.addLayout(entry)
        self.reload()

    def names(self) -> list[str]:
        """The tags shown, by name."""
        return [chip.name for chip in self.chips]

    def reload(self) -> None:
        for chip in self.chips:
            self._chip_row.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        while self._chip_row.count():
            self._chip_row.takeAt(0)
        if self.target_id is None:
            names = list(self.pending)
        else:
            names = [t.name for t in self.services.tags.tags_of(self.target_id)]
        self._chip_row.addWidget(self._none)
        self._none.setVisible(not names)
        for name in names:
            chip = TagChip(name, self)
            chip.removeRequested.connect(self.remove)
            self._chip_row.addWidget(chip)
            self.chips.append(chip)
        self._chip_row.addStretch(1)
        current = self.name.currentText()
        self.name.clear()
        self.name.addItems([t.name for t in self.services.tags.tags(self.case_id)])
        self.name.setEditText(current)

    def add_typed(self) -> None:
        try:
            self.add(self.name.currentText())
        except KnownError as exc:
            show_error(self, exc)
            return
        self.name.setEditText("")

    def add(self, text: str) -> None:
        """Put the tag called `text` on the record (or keep it for the first save)."""
        if not text.strip():
            return
        name = clean_tags([text])[0]
        if self.target_id is None:
            if name not in self.pending:
                self.pending.append(name)
        else:
            tags, store = self.services.tags, self.services.store
            case_id, kind, target_id = self.case_id, self.target_kind, self.target_id
            change_with_undo(
                self,
                self.undo_stack,
                lambda: tags.tag_many(case_id, kind, [target_id], name),
                lambda made, changes: (
                    RecordChange(
                        self.tr("Add tag"),
                        lambda: withdraw(store, made),
                        lambda: reinstate(store, made),
                        changes=changes,
                    )
                    if made
                    else None
                ),
                lambda _made: self._shown_changed(),
            )
            return
        self._shown_changed()

    def _shown_changed(self) -> None:
        self.reload()
        self.changed.emit()

    def remove(self, name: str) -> None:
        if self.target_id is None:
            if name in self.pending:
                self.pending.remove(name)
        else:
            tags, store = self.services.tags, self.services.store
            tag = next((t for t in tags.tags_of(self.target_id) if t.name == name), None)
            if tag is None:
                return
            target_id, tag_id = self.target_id, tag.id
            change_with_undo(
                self,
                self.undo_stack,
                lambda: tags.untag_many([target_id], tag_id),
                lambda removed, changes: RecordChange(
                    self.tr("Remove tag"),
                    lambda: reinstate(store, removed),
                    lambda: withdraw(store, removed),
                    changes=changes,
                ),
                lambda _removed: self._shown_changed(),
            )
            return
        self._shown_changed()

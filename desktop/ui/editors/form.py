"""The editor dialog every record shares: labelled fields, a message next to each field.

A subclass adds its fields, says how to read them (`values`) and how to save them
(`save`). A `ValidationError` from the service is shown beside the field it names
(`exc.field`); other known errors appear at the bottom of the form.

The write itself runs on the vault's write queue (`write`): while it waits for the vault
(a sync import or a large attachment holding the write lock) the window stays responsive,
the form shows that it is saving and keeps its buttons off; it closes once the write has
landed, or stays open with everything typed and the reason when it was refused.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TypeVar

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError, ValidationError
from desktop.services.entry import Entered, reinstate, withdraw
from desktop.services.registry import Services
from desktop.store.store import Store
from desktop.ui.messages import apology_box, error_text
from desktop.ui.undo import RecordChange, changed_fields
from desktop.ui.writes import Changes, write_queue

log = logging.getLogger(__name__)
W = TypeVar("W", bound=QWidget)
T = TypeVar("T")
ERROR_STYLE = "color: #b3261e;"


class RecordForm(QDialog):
    """Base editor: build fields with `add_field`, override `save`; OK saves, then closes."""

    def __init__(self, undo_stack: QUndoStack | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.saved_id: str | None = None
        self.saving = False  # a write of this form is on the queue
        self.setModal(True)
        self.setMinimumWidth(520)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._inputs: dict[str, QWidget] = {}
        self._errors: dict[str, QLabel] = {}
        self.general_error = self._error_label("general")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.try_save)
        self.buttons.rejected.connect(self.reject)
        # The fields scroll when a long form (a complaint with its parties, events,
        # sources and tags) is taller than the screen; the buttons stay in view.
        fields = QWidget(self)
        fields.setLayout(self._form)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setWidget(fields)
        self._sized = False
        layout = QVBoxLayout(self)
        layout.addWidget(self._scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)

    # ---- building ---------------------------------------------------------------------
    def _error_label(self, field: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(f"error_{field}")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Error"))
        label.hide()
        return label

    def add_field(self, name: str, label: str, widget: W) -> W:
        """Add `widget` for service field `name`, with a hidden error line under it."""
        widget.setObjectName(f"field_{name}")
        widget.setAccessibleName(label.replace("&", ""))
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = self._error_label(name)
        column.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        self._form.addRow(caption, holder)
        self._inputs[name] = widget
        self._errors[name] = error
        return widget

    def sizeHint(self) -> QSize:
        """As tall as the fields need, but never taller than the screen's free area."""
        inner = self._scroll.widget()
        wanted = super().sizeHint()
        if inner is not None:
            extra = self.general_error.sizeHint().height() + self.buttons.sizeHint().height()
            wanted.setHeight(max(wanted.height(), inner.sizeHint().height() + extra + 40))
            scrollbar = self._scroll.verticalScrollBar().sizeHint().width()
            wanted.setWidth(max(wanted.width(), inner.sizeHint().width() + scrollbar + 30))
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry().size() * 0.9
            wanted = wanted.boundedTo(room)
        return wanted

    def showEvent(self, event: QShowEvent) -> None:
        # Qt sizes a new window to at most 2/3 of the screen, which cut long forms short.
        if not self._sized:
            self._sized = True
            self.resize(self.sizeHint())
        super().showEvent(event)

    def field(self, name: str) -> QWidget:
        return self._inputs[name]

    # ---- messages ---------------------------------------------------------------------
    def error_for(self, field: str) -> str:
        label = self._errors.get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def show_error(self, exc: KnownError) -> None:
        field = exc.field if isinstance(exc, ValidationError) else None
        label = self._errors.get(field or "", self.general_error)
        label.setText(error_text(exc))
        label.show()
        widget = self._inputs.get(field or "")
        if widget is not None:
            widget.setFocus()

    # ---- saving -----------------------------------------------------------------------
    def try_save(self) -> None:
        if self.saving:
            return
        self.clear_errors()
        try:
            self.save()
        except KnownError as exc:
            self.show_error(exc)
            return
        if not self.saving:  # nothing to write, or written on this thread
            self.accept()

    def save(self) -> None:
        """Read the fields (raising KnownError on bad input), then `write` what changed."""
        raise NotImplementedError

    def write(
        self, op: Callable[[], T], then: Callable[[T, Changes], object] | None = None
    ) -> None:
        """Run `op` on the vault's write queue; `then(value, changes)` once it landed.

        The form closes after `then`; on a KnownError it stays open with the message.
        """
        services = getattr(self, "services", None)
        if not isinstance(services, Services):  # a form over no vault writes here
            value = op()
            if then is not None:
                then(value, Changes())
            return
        self._show_saving(True)

        def landed(value: T, changes: Changes) -> None:
            self._show_saving(False)
            if then is not None:
                then(value, changes)
            self.accept()

        write_queue(services).submit(op, landed, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self._show_saving(False)
        if isinstance(exc, KnownError):
            self.show_error(exc)
            return
        log.error("saving a record failed", exc_info=(type(exc), exc, exc.__traceback__))
        box = apology_box(self)
        box.setObjectName("errorBox")
        box.open()

    def _show_saving(self, saving: bool) -> None:
        self.saving = saving
        for button in self.buttons.buttons():
            button.setEnabled(not saving)
        if saving:
            self.setCursor(Qt.CursorShape.BusyCursor)
            self.general_error.setStyleSheet("")
            self.general_error.setText(self.tr("Saving… (waiting for the vault)"))
            self.general_error.show()
        else:
            self.unsetCursor()
            self.general_error.setStyleSheet(ERROR_STYLE)
            self.general_error.clear()
            self.general_error.hide()

    def reject(self) -> None:
        if not self.saving:  # Cancel or Esc while the write is on its way: it still lands
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.saving:
            event.ignore()
            return
        super().closeEvent(event)

    def apply_edit(
        self,
        text: str,
        update: Callable[..., object],
        old: Mapping[str, object],
        new: Mapping[str, object],
    ) -> None:
        """Save the fields that changed through `update`, undoably."""
        changes = changed_fields(old, new)
        if not changes:
            return
        previous = {k: old.get(k) for k in changes}
        self.write(
            lambda: update(**changes),
            lambda _value, written: self._push(
                RecordChange(
                    text, lambda: update(**previous), lambda: update(**changes), changes=written
                )
            ),
        )

    def apply_create(
        self,
        text: str,
        create: Callable[[], str],
        delete: Callable[[str], object],
        restore: Callable[[str], object],
        then: Callable[[str], object] | None = None,
    ) -> None:
        """Create a record through `create`; undo deletes it, redo brings it back.

        `then(record_id)` runs once it is created, before the undo step is pushed.
        """

        def created(record_id: str, written: Changes) -> None:
            self.saved_id = record_id
            if then is not None:
                then(record_id)
            self._push(
                RecordChange(
                    text, lambda: delete(record_id), lambda: restore(record_id), changes=written
                )
            )

        self.write(create, created)

    def apply_add(self, text: str, add: Callable[[], str], remove: Callable[[str], object]) -> None:
        """Add a record through `add`; undo removes it, redo adds it again (under a new id)."""
        holder: list[str] = []

        def redo() -> None:
            holder[0] = add()

        def added(record_id: str, written: Changes) -> None:
            holder.append(record_id)
            self.saved_id = record_id
            self._push(RecordChange(text, lambda: remove(holder[0]), redo, changes=written))

        self.write(add, added)

    def apply_entry(self, text: str, store: Store, enter: Callable[[], Entered]) -> None:
        """Enter a new record with its links (`services.entry`) in one write; undo takes
        every part of it back, redo puts them back."""

        def entered(entry: Entered, written: Changes) -> None:
            self.saved_id = entry.record_id
            self._push(
                RecordChange(
                    text,
                    lambda: withdraw(store, entry.parts),
                    lambda: reinstate(store, entry.parts),
                    changes=written,
                )
            )

        self.write(enter, entered)

    def _push(self, command: RecordChange) -> None:
        if self.undo_stack is not None:
            self.undo_stack.push(command)

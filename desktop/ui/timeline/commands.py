"""Undoable timeline changes for the main window's QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.services.fact_order import FactOrder
from desktop.services.timeline import TimelineService


class DeleteEventCommand(QUndoCommand):
    """Delete one event (a tombstone); undo restores it. `changed` runs after each step."""

    def __init__(
        self, timeline: TimelineService, event_id: str, text: str, changed: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self.timeline = timeline
        self.event_id = event_id
        self.changed = changed

    def redo(self) -> None:
        self.timeline.delete_event(self.event_id)
        self.changed()

    def undo(self) -> None:
        self.timeline.restore_event(self.event_id)
        self.changed()


class MoveEventCommand(QUndoCommand):
    """Move a fact before or after another of the same date; undo puts it back between its
    former neighbours. `changed` runs after each step."""

    def __init__(
        self,
        order: FactOrder,
        event_id: str,
        anchor_id: str,
        before: bool,
        text: str,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(text)
        self.order = order
        self.event_id = event_id
        self.anchor_id = anchor_id
        self.before = before
        self.was_after, self.was_before = order.neighbours(event_id)
        self.changed = changed

    def redo(self) -> None:
        if self.before:
            self.order.move(self.event_id, before=self.anchor_id)
        else:
            self.order.move(self.event_id, after=self.anchor_id)
        self.changed()

    def undo(self) -> None:
        if self.was_before is not None:
            self.order.move(self.event_id, before=self.was_before)
        elif self.was_after is not None:
            self.order.move(self.event_id, after=self.was_after)
        self.changed()

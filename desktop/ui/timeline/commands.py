"""Undoable timeline changes for the main window's QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

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

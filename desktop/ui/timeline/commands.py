"""Undoable timeline changes: moving a fact among those of its date, as a pair of steps.

The steps run wherever the undo stack runs them (on the vault's write queue in the window);
they touch no widget.
"""

from __future__ import annotations

from desktop.services.fact_order import FactOrder


class MoveEventStep:
    """Move a fact before or after another of the same date; `put_back` returns it between
    its former neighbours (read when the step is made)."""

    def __init__(self, order: FactOrder, event_id: str, anchor_id: str, before: bool) -> None:
        self.order = order
        self.event_id = event_id
        self.anchor_id = anchor_id
        self.before = before
        self.was_after, self.was_before = order.neighbours(event_id)

    def move(self) -> None:
        if self.before:
            self.order.move(self.event_id, before=self.anchor_id)
        else:
            self.order.move(self.event_id, after=self.anchor_id)

    def put_back(self) -> None:
        if self.was_before is not None:
            self.order.move(self.event_id, before=self.was_before)
        elif self.was_after is not None:
            self.order.move(self.event_id, after=self.was_after)

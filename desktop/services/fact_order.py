"""The manual order of facts that share a date: move one before or after another.

Facts share a date when they have the same first and last possible day (see
`store.models.events.TIMELINE_ORDER`); only among those does the manual order decide. Moving
renumbers that date's facts 0, 1, 2… in one transaction, and only the facts whose number
changes are written, so the move travels with sync as ordinary edits.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import KnownError
from desktop.store.models import Event
from desktop.store.models.events import TIMELINE_ORDER
from desktop.store.store import Store


def _same_date_ids(session: Session, event: Event) -> list[str]:
    """The live facts of `event`'s case and date, in timeline order."""
    return [
        str(i)
        for i in session.execute(
            select(Event.id)
            .where(
                Event.case_id == event.case_id,
                Event.deleted.is_(False),
                Event.date_sort == event.date_sort,
                Event.date_end == event.date_end,
            )
            .order_by(*TIMELINE_ORDER)
        ).scalars()
    ]


class FactOrder:
    def __init__(self, store: Store) -> None:
        self.store = store

    def same_date(self, first_id: str, second_id: str) -> bool:
        """Whether two facts share a date, so that one can be moved next to the other."""
        with self.store.reading() as s:
            first, second = s.get(Event, first_id), s.get(Event, second_id)
            if first is None or second is None or first.deleted or second.deleted:
                return False
            return (first.case_id, first.date_sort, first.date_end) == (
                second.case_id,
                second.date_sort,
                second.date_end,
            )

    def neighbours(self, event_id: str) -> tuple[str | None, str | None]:
        """The facts just before and just after `event_id` among those of its date."""
        with self.store.reading() as s:
            event = s.get(Event, event_id)
            if event is None:
                return None, None
            ids = _same_date_ids(s, event)
        if event_id not in ids:
            return None, None
        at = ids.index(event_id)
        return (ids[at - 1] if at else None), (ids[at + 1] if at + 1 < len(ids) else None)

    def move(self, event_id: str, *, before: str | None = None, after: str | None = None) -> int:
        """Put `event_id` just before or just after another fact of the same date.

        Returns how many facts were renumbered. Refused (nothing changes) when the other
        fact has a different date, is the same fact, or either no longer exists.
        """
        if (before is None) == (after is None):
            raise KnownError("Say where to move the fact: before or after another one.")
        anchor_id = before if before is not None else after
        if anchor_id == event_id:
            raise KnownError("A fact cannot be moved relative to itself.")
        with self.store.writing() as w:
            moving = w.get_live(Event, event_id)
            anchor = w.get_live(Event, str(anchor_id))
            same_date = (moving.case_id, moving.date_sort, moving.date_end) == (
                anchor.case_id,
                anchor.date_sort,
                anchor.date_end,
            )
            if not same_date:
                raise KnownError(
                    "Only facts of the same date can be reordered; to move a fact to "
                    "another date, change its date."
                )
            ids = _same_date_ids(w.session, moving)
            ids.remove(event_id)
            at = ids.index(anchor.id) + (0 if before is not None else 1)
            ids.insert(at, event_id)
            changed = 0
            for position, record_id in enumerate(ids):
                record = w.get_live(Event, record_id)
                if record.day_order != position:
                    w.update(Event, record_id, day_order=position)
                    changed += 1
            return changed

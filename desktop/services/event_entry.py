"""Adding an event with its people, citations and tags in one transaction: all or nothing.

The CLI's `event add --person … --cite …` (and batch files of them) and the New event
dialog use it, so a bad pinpoint on the third citation leaves no half-entered event
behind, and the dialog's undo step takes the event and all it was entered with back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.services.entry import Cite, Entered, Part, clean_cites, clean_tags, insert_links
from desktop.services.timeline import event_values, next_day_order
from desktop.services.validation import optional_text
from desktop.store.models import Event, EventParticipant, Person
from desktop.store.store import Store

__all__ = ["Cite", "EventEntry", "Taking"]


@dataclass(frozen=True)
class Taking:
    """A person taking part in an event, and their role in it."""

    person_id: str
    role: str = ""


class EventEntry:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(
        self,
        case_id: str,
        fields: dict[str, object],
        people: Sequence[Taking] = (),
        cites: Sequence[Cite] = (),
        tags: Sequence[str] = (),
    ) -> str:
        return self.enter(case_id, fields, people, cites, tags).record_id

    def enter(
        self,
        case_id: str,
        fields: dict[str, object],
        people: Sequence[Taking] = (),
        cites: Sequence[Cite] = (),
        tags: Sequence[str] = (),
    ) -> Entered:
        """The event and every link made with it (see `services.entry`)."""
        values = event_values(fields)
        roles = [optional_text(p.role, "role", 200) for p in people]
        clean_cites(cites)  # refuse a bad pinpoint before the transaction opens
        names = clean_tags(tags)
        with self.store.writing() as w:
            if "day_order" not in values:
                values["day_order"] = next_day_order(w.session, case_id, values)
            event_id = w.insert(Event, case_id=case_id, **values)
            parts: list[Part] = [(Event, event_id)]
            for person, role in zip(people, roles, strict=True):
                w.get_live(Person, person.person_id)
                link = w.insert(
                    EventParticipant, event_id=event_id, person_id=person.person_id, role=role
                )
                parts.append((EventParticipant, link))
            parts += insert_links(w, case_id, "event", event_id, cites, names)
        return Entered(event_id, tuple(parts))

"""Adding an event with its people and citations in one transaction: all of it or nothing.

The CLI's `event add --person … --cite …` (and batch files of them) use it, so a bad
pinpoint on the third citation leaves no half-entered event behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop.services.sources import CITATION_RULES
from desktop.services.timeline import event_values, next_day_order
from desktop.services.validation import clean_fields, optional_text
from desktop.store.models import Citation, Event, EventParticipant, Person, Source
from desktop.store.store import Store


@dataclass(frozen=True)
class Taking:
    """A person taking part in an event, and their role in it."""

    person_id: str
    role: str = ""


@dataclass(frozen=True)
class Cite:
    """A source backing an event, with a pinpoint (¶2, p. 14) and an optional quote."""

    source_id: str
    pinpoint: str = ""
    quote: str = ""


class EventEntry:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(
        self,
        case_id: str,
        fields: dict[str, object],
        people: Sequence[Taking] = (),
        cites: Sequence[Cite] = (),
    ) -> str:
        values = event_values(fields)
        roles = [optional_text(p.role, "role", 200) for p in people]
        cited = [
            clean_fields({"pinpoint": c.pinpoint, "quote": c.quote}, CITATION_RULES, "citation")
            for c in cites
        ]
        with self.store.writing() as w:
            if "day_order" not in values:
                values["day_order"] = next_day_order(w.session, case_id, values)
            event_id = w.insert(Event, case_id=case_id, **values)
            for person, role in zip(people, roles, strict=True):
                w.get_live(Person, person.person_id)
                w.insert(EventParticipant, event_id=event_id, person_id=person.person_id, role=role)
            for cite, clean in zip(cites, cited, strict=True):
                w.get_live(Source, cite.source_id)
                w.insert(
                    Citation,
                    case_id=case_id,
                    source_id=cite.source_id,
                    target_kind="event",
                    target_id=event_id,
                    **clean,
                )
            return event_id

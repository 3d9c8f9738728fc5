"""The complaints register: filings, whom they are against, responses, deadlines, escalation."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from desktop.core.enums import ComplaintStatus, ResponseKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import ValidationError
from desktop.services.entry import Cite, Entered, Part, clean_cites, clean_tags, insert_links
from desktop.services.validation import (
    Cleaner,
    clean_fields,
    due_day,
    flag,
    fuzzy_date,
    one_of,
    optional_text,
    reference,
    short_text,
    text_lang,
)
from desktop.store.changes import ChangeWriter
from desktop.store.idlist import among
from desktop.store.models import (
    Complaint,
    ComplaintEvent,
    ComplaintResponse,
    ComplaintTarget,
    Event,
    Organisation,
    Person,
)
from desktop.store.models.events import TIMELINE_ORDER
from desktop.store.models.people import shown_name, shown_organisation
from desktop.store.records import (
    ComplaintRecord,
    EventRecord,
    ResponseRecord,
    TargetRecord,
    view,
)
from desktop.store.store import Store

AWAITING = {
    ComplaintStatus.FILED.value,
    ComplaintStatus.ACKNOWLEDGED.value,
    ComplaintStatus.FORWARDED.value,
    ComplaintStatus.APPEALED.value,
}

# What a reply of each kind does to a complaint still awaiting an answer: a decision or a
# refusal answers it (the overdue clock stops); an acknowledgement or a forwarding keeps it
# waiting under the new status. "Other" leaves the status to the user.
STATUS_AFTER_RESPONSE: dict[str, str] = {
    ResponseKind.DECISION.value: ComplaintStatus.ANSWERED.value,
    ResponseKind.REFUSAL.value: ComplaintStatus.REJECTED.value,
    ResponseKind.ACKNOWLEDGEMENT.value: ComplaintStatus.ACKNOWLEDGED.value,
    ResponseKind.FORWARDING.value: ComplaintStatus.FORWARDED.value,
}
# A reply moves only complaints that are still waiting; an acknowledgement arriving after
# the decision does not reopen it, and a closed complaint stays closed.
MOVED_BY_RESPONSE = AWAITING | {ComplaintStatus.DRAFT.value}

COMPLAINT_RULES: dict[str, Cleaner] = {
    "filed_on": fuzzy_date,
    "filed_by": short_text,
    "body_id": reference,
    "body_detail": short_text,
    "our_reference": short_text,
    "registration_number": short_text,
    "legal_basis": optional_text,
    "subject": optional_text,
    "text_lang": text_lang,
    "subject_alt": optional_text,
    "status": one_of(ComplaintStatus),
    "response_due": due_day,
    "outcome": optional_text,
    "escalated_from_id": reference,
    "confidential": flag,
    "for_brief": flag,
}
RESPONSE_RULES: dict[str, Cleaner] = {
    "received": fuzzy_date,
    "kind": one_of(ResponseKind),
    "summary": optional_text,
    "attachment_id": reference,
}


def _complaint_values(fields: dict[str, object]) -> dict[str, object]:
    values = clean_fields(fields, COMPLAINT_RULES, "complaint")
    filed = values.pop("filed_on", None)
    if isinstance(filed, FuzzyDate):
        values.update(filed_edtf=filed.to_edtf(), filed_sort=filed.sort_number())
    return values


def _response_values(fields: dict[str, object]) -> dict[str, object]:
    values = clean_fields(fields, RESPONSE_RULES, "response")
    received = values.pop("received", None)
    if isinstance(received, FuzzyDate):
        values.update(received_edtf=received.to_edtf(), received_sort=received.sort_number())
    return values


@dataclass(frozen=True)
class Against:
    """One party a complaint is against: a person, an organisation, or a description."""

    person_id: str | None = None
    organisation_id: str | None = None
    description: str = ""


@dataclass(frozen=True)
class ComplaintRow:
    complaint: ComplaintRecord
    filed: FuzzyDate
    body_name: str
    against: tuple[str, ...]
    days_left: int | None  # None: no due date, or no answer is awaited
    last_response: ResponseRecord | None = None
    # The complaint that took this one to a higher body (the latest, when there are several),
    # and the name it is shown by: its body, else its subject.
    escalation_id: str | None = None
    escalated_to: str = ""

    @property
    def escalated(self) -> bool:
        """Marked appealed because it was escalated: the register says "escalated to ..."
        rather than "appealed" (sending it up is not an appeal of a decision)."""
        return self.escalation_id is not None and self.complaint.status == "appealed"

    @property
    def overdue(self) -> bool:
        return self.days_left is not None and self.days_left < 0


def days_left(record: ComplaintRecord, today: dt.date) -> int | None:
    if record.response_due is None or record.status not in AWAITING:
        return None
    return (dt.date.fromisoformat(record.response_due) - today).days


class ComplaintService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- register ---------------------------------------------------------------------
    def register(
        self, case_id: str, today: dt.date | None = None, lang: str = "en"
    ) -> list[ComplaintRow]:
        """The case's complaints in filing order; bodies and targets named for a reader of
        `lang` (Russian names of organisations, Cyrillic originals of people)."""
        today = today or dt.date.today()
        with self.store.reading() as s:
            complaints = list(
                s.execute(
                    select(Complaint)
                    .where(Complaint.case_id == case_id, Complaint.deleted.is_(False))
                    .order_by(Complaint.filed_sort, Complaint.hlc)
                ).scalars()
            )
            ids = [c.id for c in complaints]
            bodies = {
                org_id: shown_organisation(lang, name, name_ru)
                for org_id, name, name_ru in s.execute(
                    select(Organisation.id, Organisation.name, Organisation.name_ru).where(
                        Organisation.case_id == case_id
                    )
                )
            }
            against: dict[str, list[str]] = defaultdict(list)
            rows = s.execute(
                select(ComplaintTarget, Person.display_name, Person.names, Organisation.name,
                       Organisation.name_ru)
                .outerjoin(Person, Person.id == ComplaintTarget.person_id)
                .outerjoin(Organisation, Organisation.id == ComplaintTarget.organisation_id)
                .where(among(ComplaintTarget.complaint_id, ids), ComplaintTarget.deleted.is_(False))
            ).all()  # fmt: skip
            for target, person, person_names, organisation, organisation_ru in rows:
                shown = (
                    shown_name(lang, person, person_names) if person
                    else shown_organisation(lang, organisation, organisation_ru) if organisation
                    else target.description
                )  # fmt: skip
                against[target.complaint_id].append(shown)
            last: dict[str, ResponseRecord] = {}
            for response in s.execute(
                select(ComplaintResponse)
                .where(
                    among(ComplaintResponse.complaint_id, ids),
                    ComplaintResponse.deleted.is_(False),
                )
                .order_by(ComplaintResponse.received_sort, ComplaintResponse.hlc)
            ).scalars():
                last[response.complaint_id] = view(ResponseRecord, response)
        records = [view(ComplaintRecord, c) for c in complaints]
        names = {r.id: bodies.get(r.body_id or "", "") or r.body_detail for r in records}
        followed_by = {r.escalated_from_id: r for r in records if r.escalated_from_id}
        return [
            ComplaintRow(
                record,
                FuzzyDate.from_edtf(record.filed_edtf),  # checked by view()
                names[record.id],
                tuple(against.get(record.id, ())),
                days_left(record, today),
                last.get(record.id),
                escalation.id if (escalation := followed_by.get(record.id)) else None,
                (names[escalation.id] or escalation.subject) if escalation else "",
            )
            for record in records
        ]

    def get_complaint(self, complaint_id: str) -> ComplaintRecord:
        return self.store.fetch(Complaint, ComplaintRecord, complaint_id)

    def complaints_against(self, person_id: str) -> list[ComplaintRecord]:
        with self.store.reading() as s:
            rows = s.execute(
                select(Complaint)
                .join(ComplaintTarget, ComplaintTarget.complaint_id == Complaint.id)
                .where(
                    ComplaintTarget.person_id == person_id,
                    ComplaintTarget.deleted.is_(False),
                    Complaint.deleted.is_(False),
                )
                .order_by(Complaint.filed_sort)
                .distinct()
            ).scalars()
            return [view(ComplaintRecord, c) for c in rows]

    def complaints_about(self, event_id: str) -> list[ComplaintRecord]:
        """The live complaints linked to an event, in filing order."""
        with self.store.reading() as s:
            rows = s.execute(
                select(Complaint)
                .join(ComplaintEvent, ComplaintEvent.complaint_id == Complaint.id)
                .where(
                    ComplaintEvent.event_id == event_id,
                    ComplaintEvent.deleted.is_(False),
                    Complaint.deleted.is_(False),
                )
                .order_by(Complaint.filed_sort, Complaint.hlc)
                .distinct()
            ).scalars()
            return [view(ComplaintRecord, c) for c in rows]

    def linked_events(self, complaint_id: str) -> list[tuple[str, EventRecord]]:
        """(link id, event) for each live event the complaint concerns, in timeline order."""
        with self.store.reading() as s:
            rows = s.execute(
                select(ComplaintEvent.id, Event)
                .join(Event, Event.id == ComplaintEvent.event_id)
                .where(
                    ComplaintEvent.complaint_id == complaint_id,
                    ComplaintEvent.deleted.is_(False),
                    Event.deleted.is_(False),
                )
                .order_by(*TIMELINE_ORDER)
            ).all()
            return [(str(link_id), view(EventRecord, event)) for link_id, event in rows]

    # ---- changes ----------------------------------------------------------------------
    def add_complaint(
        self, case_id: str, *, against: tuple[Against, ...] | list[Against] = (), **fields: object
    ) -> str:
        return self.enter(case_id, against=against, fields=fields).record_id

    def enter(
        self,
        case_id: str,
        *,
        against: Sequence[Against] = (),
        fields: dict[str, object],
        events: Sequence[str] = (),
        cites: Sequence[Cite] = (),
        tags: Sequence[str] = (),
    ) -> Entered:
        """A complaint with its targets, linked events, citations and tags, in one
        transaction; the `Entered` names every record made (see `services.entry`)."""
        fields = dict(fields)
        fields.setdefault("status", ComplaintStatus.FILED.value)
        values = _complaint_values(fields)
        clean_cites(cites)
        names = clean_tags(tags)
        with self.store.writing() as w:
            complaint_id = w.insert(Complaint, case_id=case_id, **values)
            parts: list[Part] = [(Complaint, complaint_id)]
            for party in against:
                parts.append((ComplaintTarget, self._insert_target(w, complaint_id, party)))
            for event_id in dict.fromkeys(events):
                parts.append((ComplaintEvent, self._insert_event_link(w, complaint_id, event_id)))
            parts += insert_links(w, case_id, "complaint", complaint_id, cites, names)
        return Entered(complaint_id, tuple(parts))

    @staticmethod
    def _insert_event_link(w: ChangeWriter, complaint_id: str, event_id: str) -> str:
        complaint = w.get_live(Complaint, complaint_id)
        event = w.get_live(Event, event_id)
        if event.case_id != complaint.case_id:
            raise ValidationError("That event belongs to another case.", field="events")
        existing = w.session.execute(
            select(ComplaintEvent.id).where(
                ComplaintEvent.complaint_id == complaint_id,
                ComplaintEvent.event_id == event_id,
                ComplaintEvent.deleted.is_(False),
            )
        ).scalar_one_or_none()
        if existing is not None:
            raise ValidationError("The complaint is already linked to that event.", "events")
        return w.insert(ComplaintEvent, complaint_id=complaint_id, event_id=event_id)

    def link_event(self, complaint_id: str, event_id: str) -> str:
        """Say the complaint concerns an event; the new link's id."""
        with self.store.writing() as w:
            return self._insert_event_link(w, complaint_id, event_id)

    def unlink_event(self, link_id: str) -> None:
        self.store.delete(ComplaintEvent, link_id)

    def relink_event(self, link_id: str) -> None:
        """Undo an `unlink_event`."""
        self.store.restore(ComplaintEvent, link_id)

    @staticmethod
    def _insert_target(w: ChangeWriter, complaint_id: str, party: Against) -> str:
        if party.person_id:
            w.get_live(Person, party.person_id)
        if party.organisation_id:
            w.get_live(Organisation, party.organisation_id)
        description = optional_text(party.description, "against", 500)
        if not (party.person_id or party.organisation_id or description):
            raise ValidationError("Say whom the complaint is against.", field="against")
        return w.insert(
            ComplaintTarget,
            complaint_id=complaint_id,
            person_id=party.person_id,
            organisation_id=party.organisation_id,
            description=description,
        )

    def update_complaint(self, complaint_id: str, **changes: object) -> dict[str, object]:
        values = _complaint_values(dict(changes))
        return self.store.update(Complaint, complaint_id, values)

    def delete_complaint(self, complaint_id: str) -> None:
        self.store.delete(Complaint, complaint_id)

    def restore_complaint(self, complaint_id: str) -> None:
        self.store.restore(Complaint, complaint_id)

    def targets(self, complaint_id: str) -> list[TargetRecord]:
        with self.store.reading() as s:
            rows = s.execute(
                select(ComplaintTarget).where(
                    ComplaintTarget.complaint_id == complaint_id,
                    ComplaintTarget.deleted.is_(False),
                )
            ).scalars()
            return [view(TargetRecord, t) for t in rows]

    def add_target(self, complaint_id: str, party: Against) -> str:
        with self.store.writing() as w:
            w.get_live(Complaint, complaint_id)
            return self._insert_target(w, complaint_id, party)

    def remove_target(self, target_id: str) -> None:
        self.store.delete(ComplaintTarget, target_id)

    def restore_target(self, target_id: str) -> None:
        """Undo a `remove_target`."""
        self.store.restore(ComplaintTarget, target_id)

    # ---- responses --------------------------------------------------------------------
    def responses(self, complaint_id: str) -> list[ResponseRecord]:
        with self.store.reading() as s:
            rows = s.execute(
                select(ComplaintResponse)
                .where(
                    ComplaintResponse.complaint_id == complaint_id,
                    ComplaintResponse.deleted.is_(False),
                )
                .order_by(ComplaintResponse.received_sort, ComplaintResponse.hlc)
            ).scalars()
            return [view(ResponseRecord, r) for r in rows]

    def add_response(self, complaint_id: str, received: object, kind: str, **fields: object) -> str:
        """Record a reply; a decision, refusal, acknowledgement or forwarding moves the
        status of a complaint still waiting (`STATUS_AFTER_RESPONSE`) in the same change."""
        values = _response_values({"received": received, "kind": kind, **fields})
        with self.store.writing() as w:
            complaint = w.get_live(Complaint, complaint_id)
            response_id = w.insert(ComplaintResponse, complaint_id=complaint_id, **values)
            status = STATUS_AFTER_RESPONSE.get(str(values["kind"]))
            if status and complaint.status in MOVED_BY_RESPONSE:
                w.update(Complaint, complaint_id, status=status)
            return response_id

    def delete_response(self, response_id: str) -> None:
        self.store.delete(ComplaintResponse, response_id)

    def escalate(self, complaint_id: str, **fields: object) -> str:
        """A new complaint to a higher body, against the same parties and about the same
        events, linked to this one."""
        original = self.get_complaint(complaint_id)
        parties = [
            Against(t.person_id, t.organisation_id, t.description)
            for t in self.targets(complaint_id)
        ]
        events = [event.id for _link, event in self.linked_events(complaint_id)]
        fields.setdefault("subject", original.subject)
        fields.setdefault("legal_basis", original.legal_basis)
        fields.setdefault("filed_by", original.filed_by)
        fields.setdefault("status", ComplaintStatus.DRAFT.value)
        values = _complaint_values(dict(fields))
        with self.store.writing() as w:
            new_id = w.insert(
                Complaint, case_id=original.case_id, escalated_from_id=complaint_id, **values
            )
            for party in parties:
                self._insert_target(w, new_id, party)
            for event_id in events:
                self._insert_event_link(w, new_id, event_id)
            if original.status in AWAITING | {
                ComplaintStatus.REJECTED.value,
                ComplaintStatus.ANSWERED.value,
            }:
                w.update(Complaint, complaint_id, status=ComplaintStatus.APPEALED.value)
            return new_id

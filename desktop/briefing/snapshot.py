"""One case read out of the vault for a pack: every live record, as plain data.

`load_snapshot` makes one query per table; everything after it (selection, redaction,
layout) works on the snapshot without touching the vault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select

from desktop.errors import KnownError
from desktop.store.idlist import among
from desktop.store.models import (
    Attachment,
    Case,
    Complaint,
    ComplaintTarget,
    Event,
    EventParticipant,
    Organisation,
    Person,
    Source,
    Synced,
)
from desktop.store.models import (
    Citation as CitationModel,
)
from desktop.store.models import (
    ComplaintResponse as ResponseModel,
)
from desktop.store.models import (
    Posting as PostingModel,
)
from desktop.store.models.events import TIMELINE_ORDER
from desktop.store.records import (
    AttachmentRecord,
    CaseRecord,
    CitationRecord,
    ComplaintRecord,
    EventRecord,
    OrganisationRecord,
    ParticipantRecord,
    PersonRecord,
    PostingRecord,
    ResponseRecord,
    SourceRecord,
    TargetRecord,
    view,
)
from desktop.store.store import Store

R = TypeVar("R")


@dataclass(frozen=True)
class CaseSnapshot:
    """Every live record of one case, as plain data."""

    case: CaseRecord
    events: tuple[EventRecord, ...]
    participants: tuple[ParticipantRecord, ...]
    persons: tuple[PersonRecord, ...]
    organisations: tuple[OrganisationRecord, ...]
    postings: tuple[PostingRecord, ...]
    complaints: tuple[ComplaintRecord, ...]
    targets: tuple[TargetRecord, ...]
    responses: tuple[ResponseRecord, ...]
    sources: tuple[SourceRecord, ...]
    citations: tuple[CitationRecord, ...]
    attachments: tuple[AttachmentRecord, ...]
    blob: Callable[[str], bytes] = field(repr=False, compare=False)


def load_snapshot(store: Store, case_id: str, blob: Callable[[str], bytes]) -> CaseSnapshot:
    def live(model: type[Synced], record_type: type[R], *conditions: Any) -> tuple[R, ...]:
        q = select(model).where(model.deleted.is_(False), *conditions)
        return tuple(view(record_type, r) for r in s.execute(q).scalars())

    with store.reading() as s:
        case = s.get(Case, case_id)
        if case is None or case.deleted:
            raise KnownError("That case no longer exists.")
        events = tuple(
            view(EventRecord, e)
            for e in s.execute(
                select(Event)
                .where(Event.deleted.is_(False), Event.case_id == case_id)
                .order_by(*TIMELINE_ORDER)
            ).scalars()
        )
        event_ids = [e.id for e in events]
        complaints = live(Complaint, ComplaintRecord, Complaint.case_id == case_id)
        complaint_ids = [c.id for c in complaints]
        return CaseSnapshot(
            case=view(CaseRecord, case),
            events=events,
            participants=live(
                EventParticipant, ParticipantRecord, among(EventParticipant.event_id, event_ids)
            ),
            persons=live(Person, PersonRecord, Person.case_id == case_id),
            organisations=live(Organisation, OrganisationRecord, Organisation.case_id == case_id),
            postings=live(PostingModel, PostingRecord, PostingModel.case_id == case_id),
            complaints=complaints,
            targets=live(
                ComplaintTarget, TargetRecord, among(ComplaintTarget.complaint_id, complaint_ids)
            ),
            responses=live(
                ResponseModel, ResponseRecord, among(ResponseModel.complaint_id, complaint_ids)
            ),
            sources=live(Source, SourceRecord, Source.case_id == case_id),
            citations=live(CitationModel, CitationRecord, CitationModel.case_id == case_id),
            attachments=live(Attachment, AttachmentRecord, Attachment.case_id == case_id),
            blob=blob,
        )

"""Plain, frozen views of stored records: what repositories hand to services and the UI.

They mirror the models' columns minus the sync bookkeeping, so nothing outside the store
ever holds an ORM object bound to a session.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.core import rules
from desktop.core.fuzzydate import FuzzyDate

R = TypeVar("R")


@dataclass(frozen=True)
class CaseRecord:
    id: str
    title: str
    summary: str
    status: str
    is_sample: bool
    notice: str
    confidentiality: str
    text_lang: str = ""  # the language of title and summary (core.bilingual)
    title_alt: str = ""
    summary_alt: str = ""


@dataclass(frozen=True)
class PersonRecord:
    id: str
    case_id: str
    kind: str
    display_name: str
    names: str
    description: str
    protected: bool
    confidential: bool
    photo_sha256: str | None
    allegations: str = ""


@dataclass(frozen=True)
class OrganisationRecord:
    id: str
    case_id: str
    name: str
    name_ru: str
    kind: str
    parent_id: str | None


@dataclass(frozen=True)
class PostingRecord:
    id: str
    case_id: str
    person_id: str
    organisation_id: str
    role: str
    rank: str
    start_edtf: str
    end_edtf: str


@dataclass(frozen=True)
class EventRecord:
    id: str
    case_id: str
    date_edtf: str
    day_order: int
    date_note: str
    title: str
    description: str
    place: str
    fact_status: str
    key_event: bool
    confidential: bool
    for_brief: bool
    text_lang: str = ""  # the language of title and description (core.bilingual)
    title_alt: str = ""
    description_alt: str = ""
    disputed_by: str = ""
    disputed_by_note: str = ""


@dataclass(frozen=True)
class ParticipantRecord:
    id: str
    event_id: str
    person_id: str
    role: str


@dataclass(frozen=True)
class ComplaintRecord:
    id: str
    case_id: str
    filed_edtf: str
    filed_by: str
    body_id: str | None
    body_detail: str
    our_reference: str
    registration_number: str
    legal_basis: str
    subject: str
    status: str
    response_due: str | None
    outcome: str
    escalated_from_id: str | None
    confidential: bool
    for_brief: bool
    text_lang: str = ""  # the language of the subject (core.bilingual)
    subject_alt: str = ""
    created_at: str = ""  # filing-date ties in the register keep the order of entry


@dataclass(frozen=True)
class TargetRecord:
    id: str
    complaint_id: str
    person_id: str | None
    organisation_id: str | None
    description: str


@dataclass(frozen=True)
class ResponseRecord:
    id: str
    complaint_id: str
    received_edtf: str
    kind: str
    summary: str
    attachment_id: str | None


@dataclass(frozen=True)
class SourceRecord:
    id: str
    case_id: str
    label: str
    kind: str
    title: str
    author: str
    publisher: str
    date_edtf: str
    language: str
    reliability: str
    url: str
    confidential: bool
    text_lang: str = ""  # the language of the title (core.bilingual)
    title_alt: str = ""
    created_at: str = ""  # orders unlabelled sources in packs: a new one comes last


@dataclass(frozen=True)
class CitationRecord:
    id: str
    case_id: str
    source_id: str
    target_kind: str
    target_id: str
    pinpoint: str
    quote: str


@dataclass(frozen=True)
class AttachmentRecord:
    id: str
    case_id: str
    source_id: str | None
    blob_sha256: str
    file_name: str
    media_type: str
    size: int
    added_by: str
    exhibit_label: str
    confidential: bool
    for_brief: bool
    description: str
    cleared_counsel: bool
    cleared_public: bool
    created_at: str = ""  # orders files that still need an exhibit label

    def cleared_for(self, redaction: str) -> bool:
        """Whether the user cleared this file for packs of `redaction` (internal: always)."""
        if redaction == "counsel":
            return self.cleared_counsel
        if redaction == "public":
            return self.cleared_public
        return True


@dataclass(frozen=True)
class TagRecord:
    id: str
    case_id: str
    name: str


def view(record_type: type[R], row: Any) -> R:
    """Copy the matching attributes of an ORM object or a Core row into `record_type`.

    A row that breaks the rules of `core.rules` (put there by an older version, another
    tool, or damage) is shown through `rules.stand_in`: marked "(unreadable record)",
    with each broken field replaced, so no list, editor or brief fails on it.
    """
    names = [f.name for f in dataclasses.fields(record_type)]  # type: ignore[arg-type]
    mapping = row._mapping if hasattr(row, "_mapping") else None
    if mapping is not None:
        values = {n: mapping[n] for n in names}
        whole = dict(mapping)
    else:
        values = {n: getattr(row, n) for n in names}
        table = getattr(row, "__table__", None)
        whole = values if table is None else {c.key: getattr(row, c.key) for c in table.columns}
    table_name = _TABLES.get(record_type.__name__)
    if table_name is not None:
        problems = rules.row_problems(table_name, whole, partial=True)
        if problems:
            values = {
                n: v for n, v in rules.stand_in(table_name, whole, problems).items() if n in values
            }
    return record_type(**values)


_TABLES = {
    "CaseRecord": "cases",
    "EventRecord": "events",
    "ParticipantRecord": "event_participants",
    "PersonRecord": "persons",
    "OrganisationRecord": "organisations",
    "PostingRecord": "postings",
    "SourceRecord": "sources",
    "CitationRecord": "citations",
    "ComplaintRecord": "complaints",
    "TargetRecord": "complaint_targets",
    "ResponseRecord": "complaint_responses",
    "AttachmentRecord": "attachments",
    "TagRecord": "tags",
}


def posting_held_on(postings: Sequence[PostingRecord], on: FuzzyDate) -> PostingRecord | None:
    """The posting held on a date (the rank on the date of an event), preferring one with a rank.

    A posting with an undated start or end is taken as open on that side.
    """
    if on.is_undated:
        return None
    day = on.sort_number()
    held = []
    for p in postings:
        start, end = FuzzyDate.from_edtf(p.start_edtf), FuzzyDate.from_edtf(p.end_edtf)
        if (start.is_undated or start.sort_number() <= day) and (
            end.is_undated or end.end_number() >= day
        ):
            held.append(p)
    ranked = [p for p in held if p.rank]
    chosen = ranked or held
    return chosen[-1] if chosen else None

"""From a case in the vault to a `Briefing`: selection, redaction, numbering.

`load_snapshot` reads every live record of one case (plain records, one query per
table). `assemble` is pure: it applies the options (sections, dates, marked-only,
redaction), numbers the sources, works out each person's rank on each event's date and
which complaints are overdue on the "generated on" date. Redaction happens here, before
the `Briefing` exists, so removed text cannot reach the renderer, the outline or the
PDF metadata.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from desktop.briefing.model import (
    Briefing,
    BriefingOptions,
    ChronologyRow,
    Citation,
    ComplaintEntry,
    ComplaintResponse,
    EventPerson,
    Exhibit,
    PersonEntry,
    Posting,
    SourceEntry,
)
from desktop.core.fuzzydate import FuzzyDate
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
    posting_held_on,
    view,
)
from desktop.store.store import Store

REDACTED = {"en": "[redacted]", "ru": "[скрыто]"}
AWAITING = {"filed", "acknowledged", "forwarded", "appealed"}


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
    def live(model: type[Synced], record_type: type, *conditions: object) -> tuple:  # type: ignore[type-arg]
        q = select(model).where(model.deleted.is_(False), *conditions)  # type: ignore[arg-type]
        return tuple(view(record_type, r) for r in s.execute(q).scalars())

    with store.reading() as s:
        case = s.get(Case, case_id)
        if case is None or case.deleted:
            from desktop.errors import KnownError

            raise KnownError("That case no longer exists.")
        events = live(Event, EventRecord, Event.case_id == case_id)
        event_ids = [e.id for e in events]
        complaints = live(Complaint, ComplaintRecord, Complaint.case_id == case_id)
        complaint_ids = [c.id for c in complaints]
        return CaseSnapshot(
            case=view(CaseRecord, case),
            events=events,
            participants=live(
                EventParticipant, ParticipantRecord, EventParticipant.event_id.in_(event_ids)
            ),
            persons=live(Person, PersonRecord, Person.case_id == case_id),
            organisations=live(Organisation, OrganisationRecord, Organisation.case_id == case_id),
            postings=live(PostingModel, PostingRecord, PostingModel.case_id == case_id),
            complaints=complaints,
            targets=live(
                ComplaintTarget, TargetRecord, ComplaintTarget.complaint_id.in_(complaint_ids)
            ),
            responses=live(
                ResponseModel, ResponseRecord, ResponseModel.complaint_id.in_(complaint_ids)
            ),
            sources=live(Source, SourceRecord, Source.case_id == case_id),
            citations=live(CitationModel, CitationRecord, CitationModel.case_id == case_id),
            attachments=live(Attachment, AttachmentRecord, Attachment.case_id == case_id),
            blob=blob,
        )


# ---- redaction ----------------------------------------------------------------------------
def _names_of(person: PersonRecord) -> list[str]:
    try:
        variants = [str(n.get("text", "")) for n in json.loads(person.names or "[]")]
    except ValueError:
        variants = []
    return [n for n in {person.display_name, *variants} if n.strip()]


def _name_pattern(
    protected: Iterable[PersonRecord], others: Iterable[PersonRecord]
) -> re.Pattern[str] | None:
    """Full names of protected people, and their distinctive words (not shared with others)."""
    shared = {w.casefold() for p in others for n in _names_of(p) for w in re.findall(r"\w+", n)}
    phrases: set[str] = set()
    for person in protected:
        for name in _names_of(person):
            phrases.add(name)
            phrases.update(w for w in re.findall(r"\w+", name)
                           if len(w) >= 3 and w.casefold() not in shared)  # fmt: skip
    if not phrases:
        return None
    alternatives = sorted(phrases, key=len, reverse=True)
    parts = [re.escape(p).replace("е", "[её]").replace("ё", "[её]") for p in alternatives]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@dataclass
class Redactor:
    pattern: re.Pattern[str] | None
    mark: str

    def __call__(self, value: str) -> str:
        return value if self.pattern is None or not value else self.pattern.sub(self.mark, value)


# ---- assembly -----------------------------------------------------------------------------
def _in_range(date: FuzzyDate, options: BriefingOptions) -> bool:
    if options.date_from is None and options.date_to is None:
        return True
    if date.is_undated:
        return False
    return date.overlaps(options.date_from, options.date_to)


def _precision(date: FuzzyDate) -> tuple[str, str]:
    if date.is_undated:
        return "undated", "exact"
    if date.end is not None:
        return "range", date.qualifier.value
    return str(date.precision), date.qualifier.value


def _period_text(start_edtf: str, end_edtf: str, lang: str) -> str:
    start, end = FuzzyDate.from_edtf(start_edtf), FuzzyDate.from_edtf(end_edtf)
    if start.is_undated and end.is_undated:
        return ""
    left = "" if start.is_undated else start.display(lang)
    right = "" if end.is_undated else end.display(lang)
    return f"{left} – {right}".strip()


def assemble(snapshot: CaseSnapshot, options: BriefingOptions) -> Briefing:
    lang = options.lang
    drop_confidential = options.redaction in ("counsel", "public")
    drop_protected = options.redaction == "public"

    persons = [p for p in snapshot.persons if not (drop_confidential and p.confidential)]
    hidden_people = [p for p in snapshot.persons if p not in persons]
    if drop_protected:
        hidden_people += [p for p in persons if p.protected]
        persons = [p for p in persons if not p.protected]
    shown_ids = {p.id for p in persons}
    scrub = Redactor(_name_pattern(hidden_people, persons) if drop_protected else None,
                     REDACTED[lang])  # fmt: skip

    sources = sorted(
        (s for s in snapshot.sources if not (drop_confidential and s.confidential)),
        key=lambda s: (s.label or "~", s.title),
    )
    number = {s.id: i + 1 for i, s in enumerate(sources)}
    cited: dict[str, list[Citation]] = defaultdict(list)
    for c in sorted(snapshot.citations, key=lambda c: (number.get(c.source_id, 0), c.pinpoint)):
        if c.source_id in number:
            cited[c.target_id].append(Citation(number[c.source_id], scrub(c.pinpoint)))

    names = {p.id: scrub(p.display_name) for p in persons}
    postings_of: dict[str, list[PostingRecord]] = defaultdict(list)
    for posting in sorted(
        snapshot.postings, key=lambda p: FuzzyDate.from_edtf(p.start_edtf).sort_key()
    ):
        postings_of[posting.person_id].append(posting)
    organisation_name = {o.id: o.name for o in snapshot.organisations}

    # chronology
    participants: dict[str, list[ParticipantRecord]] = defaultdict(list)
    for part in snapshot.participants:
        participants[part.event_id].append(part)
    chronology = []
    events = sorted(
        snapshot.events,
        key=lambda e: FuzzyDate.from_edtf(e.date_edtf, order=e.day_order).sort_key(),
    )
    for e in events:
        date = FuzzyDate.from_edtf(e.date_edtf, order=e.day_order)
        if (drop_confidential and e.confidential) or (options.marked_only and not e.for_brief):
            continue
        if not _in_range(date, options):
            continue
        people = []
        for part in sorted(participants[e.id], key=lambda p: names.get(p.person_id, "")):
            if part.person_id not in shown_ids:
                continue
            held = posting_held_on(postings_of[part.person_id], date)
            people.append(EventPerson(names[part.person_id], scrub(part.role),
                                      scrub(held.rank) if held else ""))  # fmt: skip
        precision, qualifier = _precision(date)
        chronology.append(
            ChronologyRow(
                date_text=date.display(lang),
                title=scrub(e.title),
                precision=precision,
                qualifier=qualifier,
                description=scrub(e.description),
                place=scrub(e.place),
                fact_status=e.fact_status,
                people=tuple(people),
                citations=tuple(cited.get(e.id, ())),
            )
        )

    # complaints
    targets: dict[str, list[TargetRecord]] = defaultdict(list)
    for t in snapshot.targets:
        targets[t.complaint_id].append(t)
    responses: dict[str, list[ResponseRecord]] = defaultdict(list)
    for r in snapshot.responses:
        responses[r.complaint_id].append(r)
    complaint_entries = []
    against_person: dict[str, list[str]] = defaultdict(list)
    for c in sorted(
        snapshot.complaints, key=lambda c: FuzzyDate.from_edtf(c.filed_edtf).sort_key()
    ):
        filed = FuzzyDate.from_edtf(c.filed_edtf)
        if (drop_confidential and c.confidential) or (options.marked_only and not c.for_brief):
            continue
        if not _in_range(filed, options):
            continue
        against = []
        for t in targets[c.id]:
            if t.person_id:
                if t.person_id in shown_ids:
                    against.append(names[t.person_id])
                    against_person[t.person_id].append(filed.display(lang))
                else:
                    against.append(REDACTED[lang])
            elif t.organisation_id:
                against.append(organisation_name.get(t.organisation_id, ""))
            else:
                against.append(scrub(t.description))
        body = organisation_name.get(c.body_id or "", "") or c.body_detail
        overdue = bool(
            c.response_due
            and c.status in AWAITING
            and dt.date.fromisoformat(c.response_due) < options.generated_on
        )
        history = tuple(
            ComplaintResponse(
                FuzzyDate.from_edtf(r.received_edtf).display(lang), r.kind, scrub(r.summary)
            )  # fmt: skip
            for r in sorted(
                responses[c.id], key=lambda r: FuzzyDate.from_edtf(r.received_edtf).sort_key()
            )
        )
        complaint_entries.append(
            ComplaintEntry(
                filed_text=filed.display(lang),
                body=scrub(body),
                status=c.status,
                filed_by=scrub(c.filed_by),
                against=tuple(a for a in against if a),
                subject=scrub(c.subject),
                our_reference=c.our_reference,
                registration_number=c.registration_number,
                due_text=c.response_due or "",
                overdue=overdue,
                responses=history,
                citations=tuple(cited.get(c.id, ())),
            )
        )

    # people
    people_entries = []
    for p in sorted(
        persons, key=lambda p: (p.kind != "victim", p.kind != "official", p.display_name)
    ):
        variants = tuple(scrub(n) for n in _names_of(p) if n != p.display_name)
        postings = tuple(
            Posting(
                organisation_name.get(x.organisation_id, ""),
                scrub(x.role),
                scrub(x.rank),
                _period_text(x.start_edtf, x.end_edtf, lang),
            )  # fmt: skip
            for x in postings_of[p.id]
        )
        people_entries.append(
            PersonEntry(
                name=names[p.id],
                kind=p.kind,
                name_variants=tuple(sorted(variants)),
                postings=postings,
                allegations=(scrub(p.description),) if p.description else (),
                complaints_against=tuple(against_person.get(p.id, ())),
                citations=tuple(cited.get(p.id, ())),
            )
        )

    # sources and exhibits
    source_entries = tuple(SourceEntry(number[s.id], scrub(_source_text(s, lang))) for s in sources)
    exhibits = []
    attachments = sorted(
        (a for a in snapshot.attachments
         if not (drop_confidential and a.confidential) and not (options.marked_only and not a.for_brief)),
        key=lambda a: (a.exhibit_label or "~", a.file_name, a.id),
    )  # fmt: skip
    for index, a in enumerate(attachments, start=1):
        exhibits.append(
            Exhibit(
                label=a.exhibit_label or f"{options.exhibit_prefix}-{index}",
                title=scrub(a.file_name),
                media_type=a.media_type,
                data=snapshot.blob(a.blob_sha256),
                sha256=a.blob_sha256,
                file_name=scrub(a.file_name),
            )
        )

    case = snapshot.case
    period = ""
    if options.date_from or options.date_to:
        left = (
            FuzzyDate.day(
                options.date_from.year, options.date_from.month, options.date_from.day
            ).display(lang)
            if options.date_from
            else ""
        )
        right = (
            FuzzyDate.day(options.date_to.year, options.date_to.month, options.date_to.day).display(
                lang
            )
            if options.date_to
            else ""
        )
        period = f"{left} – {right}".strip()
    return Briefing(
        title=scrub(case.title),
        generated_on=options.generated_on,
        sections=options.ordered_sections(),
        lang=lang,
        paper=options.paper,
        summary=scrub(case.summary),
        is_sample=case.is_sample,
        confidentiality=options.confidentiality or case.confidentiality,
        prepared_for=options.prepared_for,
        prepared_by=options.prepared_by,
        period_text=period,
        redaction=options.redaction,
        exhibit_prefix=options.exhibit_prefix,
        chronology=tuple(chronology),
        people=tuple(people_entries),
        complaints=tuple(complaint_entries),
        sources=source_entries,
        exhibits=tuple(exhibits),
    )


def _source_text(source: SourceRecord, lang: str) -> str:
    date = FuzzyDate.from_edtf(source.date_edtf)
    parts = [source.author, f"“{source.title}”", source.publisher]
    if not date.is_undated:
        parts.append(date.display(lang))
    if source.url:
        parts.append(source.url)
    return ", ".join(p for p in parts if p) + "."

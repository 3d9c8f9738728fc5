"""What an export may show: a case after the briefing pack's selection and redaction.

`export_content` starts from the pack's own selection (`selection_of`: profile, date
range, marked-only and whatever else `BriefingOptions` selects by) and keeps records by
the same rule the pack keeps them (`Selection.keeps`), so an export never holds an item
a pack with the same options would leave out. Every text goes through the same redactor.
Unlike a `Briefing`, the content keeps record ids, EDTF dates and references between
records, which the other tools need to link and update what they imported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.briefing.data import OFFICIAL_KINDS
from desktop.briefing.model import BriefingOptions
from desktop.briefing.redaction import ProtectedNames
from desktop.briefing.register import AWAITING
from desktop.briefing.selection import REDACTED, Selection, date_of, kept_events, selection_of
from desktop.briefing.snapshot import CaseSnapshot
from desktop.core.fuzzydate import FuzzyDate
from desktop.store.models.people import name_entries


@dataclass(frozen=True)
class SourceRef:
    """A citation of a shown source: its id, its sheet label (`S1`) and pinpoint (`¶2`)."""

    source_id: str
    label: str
    pinpoint: str = ""

    def text(self) -> str:
        return f"{self.label}:{self.pinpoint}" if self.pinpoint else self.label


@dataclass(frozen=True)
class Involved:
    """A shown person taking part in an event, with their role and the rank held that day."""

    person_id: str
    name: str
    role: str = ""
    rank: str = ""


@dataclass(frozen=True)
class ExportEvent:
    id: str
    date: FuzzyDate  # with its note ("night", "early"...) when it has one
    date_text: str  # as the pack prints it, in the export's language
    title: str
    description: str
    place: str
    status: str
    key: bool
    people: tuple[Involved, ...]
    sources: tuple[SourceRef, ...]
    tags: tuple[str, ...]
    number: int  # the pack's paragraph number


@dataclass(frozen=True)
class ExportPosting:
    id: str
    organisation_id: str
    organisation: str
    role: str
    rank: str
    start: FuzzyDate
    end: FuzzyDate
    period_text: str


@dataclass(frozen=True)
class ExportPerson:
    id: str
    name: str
    kind: str
    original: str
    aliases: tuple[str, ...]
    description: str
    postings: tuple[ExportPosting, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class ExportOrganisation:
    id: str
    name: str
    name_ru: str
    kind: str
    parent_id: str | None


@dataclass(frozen=True)
class Party:
    """Whom a complaint is against: a shown person, an organisation, a description, or a
    hidden person (`hidden`, named only by the redaction mark)."""

    text: str
    person_id: str | None = None
    organisation_id: str | None = None
    hidden: bool = False


@dataclass(frozen=True)
class ExportResponse:
    date: FuzzyDate
    date_text: str
    kind: str
    summary: str


@dataclass(frozen=True)
class ExportComplaint:
    id: str
    filed: FuzzyDate
    filed_text: str
    filed_by: str
    body_id: str | None
    body: str
    against: tuple[Party, ...]
    subject: str
    reference: str
    registration: str
    due: dt.date | None
    status: str
    awaiting: bool  # still waiting for the body's answer
    overdue: bool
    responses: tuple[ExportResponse, ...]
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class ExportSource:
    id: str
    label: str  # the user's label, or `S<number>` when it has none (see `_labels`)
    number: int
    kind: str
    title: str
    author: str
    publisher: str
    date: FuzzyDate
    url: str
    language: str


@dataclass(frozen=True)
class ExportContent:
    case_id: str
    title: str
    summary: str
    is_sample: bool
    lang: str
    redaction: str
    generated_on: dt.date
    events: tuple[ExportEvent, ...]
    people: tuple[ExportPerson, ...]
    organisations: tuple[ExportOrganisation, ...]
    complaints: tuple[ExportComplaint, ...]
    sources: tuple[ExportSource, ...]

    @property
    def redacted_mark(self) -> str:
        return REDACTED[self.lang]


def export_content(
    snapshot: CaseSnapshot,
    options: BriefingOptions,
    tags: Mapping[str, Iterable[str]] | None = None,
    names: ProtectedNames | None = None,
) -> ExportContent:
    """The case as the options let it leave; `tags` maps an event id to its tag names;
    `names` replaces the forms redaction removes (tests weaken it to prove the gate)."""
    sel = selection_of(snapshot, options, names)
    labels = _labels(sel)
    refs = _refs(sel, labels)
    tags = tags or {}
    case = snapshot.case
    events = _events(sel, refs, tags)
    people = _people(sel, refs)
    complaints = _complaints(sel, refs)
    return ExportContent(
        case_id=case.id,
        title=sel.scrub(case.title),
        summary=sel.scrub(case.summary),
        is_sample=case.is_sample,
        lang=options.lang,
        redaction=options.redaction,
        generated_on=options.generated_on,
        events=events,
        people=people,
        organisations=_organisations(sel, people, complaints),
        complaints=complaints,
        sources=tuple(
            ExportSource(
                id=s.id,
                label=labels[s.id],
                number=sel.source_number[s.id],
                kind=s.kind,
                title=sel.scrub(s.title),
                author=sel.scrub(s.author),
                publisher=sel.scrub(s.publisher),
                date=date_of(s.date_edtf),
                url=sel.scrub(s.url),
                language=s.language,
            )
            for s in sel.sources
        ),
    )


def _organisations(
    sel: Selection, people: Iterable[ExportPerson], complaints: Iterable[ExportComplaint]
) -> tuple[ExportOrganisation, ...]:
    """The organisations the shown records name (a pack names no other); a parent link
    is kept only to another of them."""
    named = {p.organisation_id for person in people for p in person.postings}
    for complaint in complaints:
        named.add(complaint.body_id or "")
        named.update(a.organisation_id or "" for a in complaint.against)
    shown = [o for o in sel.snapshot.organisations if o.id in named]
    return tuple(
        ExportOrganisation(
            o.id,
            sel.scrub(o.name),
            sel.scrub(o.name_ru),
            o.kind,
            o.parent_id if o.parent_id in named else None,
        )
        for o in sorted(shown, key=lambda o: (o.name, o.id))
    )


def _labels(sel: Selection) -> dict[str, str]:
    """Each shown source's label; one without a label is named by its pack number (`S7`),
    or `#7` when another source already carries that label."""
    taken = {s.label.strip().casefold() for s in sel.snapshot.sources if s.label.strip()}
    labels = {}
    for source in sel.sources:
        label = sel.scrub(source.label.strip())
        if not label:
            number = sel.source_number[source.id]
            label = f"S{number}" if f"s{number}" not in taken else f"#{number}"
        labels[source.id] = label
    return labels


def _refs(sel: Selection, labels: Mapping[str, str]) -> dict[str, tuple[SourceRef, ...]]:
    """Citations of shown sources by the record they cite, in the pack's order."""
    found: dict[str, list[SourceRef]] = defaultdict(list)
    order = sel.source_number
    for cite in sorted(
        sel.snapshot.citations, key=lambda c: (order.get(c.source_id, 0), c.pinpoint, c.id)
    ):
        if cite.source_id in labels:
            ref = SourceRef(cite.source_id, labels[cite.source_id], sel.scrub(cite.pinpoint))
            found[cite.target_id].append(ref)
    return {target: tuple(refs) for target, refs in found.items()}


def _events(
    sel: Selection, refs: Mapping[str, tuple[SourceRef, ...]], tags: Mapping[str, Iterable[str]]
) -> tuple[ExportEvent, ...]:
    rows: list[ExportEvent] = []
    for kept in kept_events(sel):  # the one rule a pack keeps facts by
        event, date = kept.event, kept.date
        people = [Involved(*shown) for shown in kept.people]
        rows.append(
            ExportEvent(
                id=event.id,
                date=date,
                date_text=date.display(sel.lang),
                title=sel.scrub(event.title),
                description=sel.scrub(event.description),
                place=sel.scrub(event.place),
                status=event.fact_status,
                key=event.key_event,
                people=tuple(people),
                sources=refs.get(event.id, ()),
                tags=tuple(sorted({sel.scrub(t) for t in tags.get(event.id, ())})),
                number=len(rows) + 1,
            )
        )
    return tuple(rows)


def _people(sel: Selection, refs: Mapping[str, tuple[SourceRef, ...]]) -> tuple[ExportPerson, ...]:
    order = {"victim": 0, **dict.fromkeys(OFFICIAL_KINDS, 1)}  # as the pack's people
    people = []
    for person in sorted(sel.persons, key=lambda p: (order.get(p.kind, 2), sel.names[p.id], p.id)):
        entries = name_entries(person.names)
        original = next((str(n["text"]) for n in entries if n.get("kind") == "original"), "")
        aliases = sorted(
            {
                str(n["text"])
                for n in entries
                if n.get("kind") not in ("primary", "original")
                and str(n["text"]) not in (person.display_name, original)
                and str(n["text"]).strip()
            }
        )
        postings = tuple(
            ExportPosting(
                id=p.id,
                organisation_id=p.organisation_id,
                organisation=sel.scrub(sel.organisation_name.get(p.organisation_id, "")),
                role=sel.scrub(p.role),
                rank=sel.scrub(p.rank),
                start=date_of(p.start_edtf),
                end=date_of(p.end_edtf),
                period_text=_period(p.start_edtf, p.end_edtf, sel.lang),
            )
            for p in sel.postings_of[person.id]
        )
        people.append(
            ExportPerson(
                id=person.id,
                name=sel.names[person.id],
                kind=person.kind,
                original=sel.scrub(original),
                aliases=tuple(sel.scrub(a) for a in aliases),
                description=sel.scrub(person.description),
                postings=postings,
                sources=refs.get(person.id, ()),
            )
        )
    return tuple(people)


def _period(start_edtf: str, end_edtf: str, lang: str) -> str:
    start, end = date_of(start_edtf), date_of(end_edtf)
    if start.is_undated and end.is_undated:
        return ""
    left = "" if start.is_undated else start.display(lang)
    right = "" if end.is_undated else end.display(lang)
    return f"{left} – {right}".strip()


def _complaints(
    sel: Selection, refs: Mapping[str, tuple[SourceRef, ...]]
) -> tuple[ExportComplaint, ...]:
    targets = defaultdict(list)
    for target in sel.snapshot.targets:
        targets[target.complaint_id].append(target)
    responses = defaultdict(list)
    for response in sel.snapshot.responses:
        responses[response.complaint_id].append(response)
    kept = []
    for complaint in sorted(
        sel.snapshot.complaints, key=lambda c: (date_of(c.filed_edtf).sort_key(), c.id)
    ):
        filed = date_of(complaint.filed_edtf)
        if not sel.keeps(complaint.confidential, complaint.for_brief, filed):
            continue
        parties = []
        for target in targets[complaint.id]:  # in the pack's order
            if target.person_id:
                name = sel.names.get(target.person_id)
                parties.append(
                    Party(name, target.person_id)
                    if name is not None
                    else Party(REDACTED[sel.lang], hidden=True)
                )
            elif target.organisation_id:
                name = sel.organisation_name.get(target.organisation_id, "")
                parties.append(Party(sel.scrub(name), organisation_id=target.organisation_id))
            elif target.description.strip():
                parties.append(Party(sel.scrub(target.description)))
        due = dt.date.fromisoformat(complaint.response_due) if complaint.response_due else None
        awaiting = complaint.status in AWAITING
        body = sel.organisation_name.get(complaint.body_id or "", "") or complaint.body_detail
        kept.append(
            ExportComplaint(
                id=complaint.id,
                filed=filed,
                filed_text=filed.display(sel.lang),
                filed_by=sel.scrub(complaint.filed_by),
                body_id=complaint.body_id,
                body=sel.scrub(body),
                against=tuple(parties),
                subject=sel.scrub(complaint.subject),
                reference=sel.scrub(complaint.our_reference),
                registration=sel.scrub(complaint.registration_number),
                due=due,
                status=complaint.status,
                awaiting=awaiting,
                overdue=bool(due and awaiting and due < sel.options.generated_on),
                responses=tuple(
                    ExportResponse(
                        date_of(r.received_edtf),
                        date_of(r.received_edtf).display(sel.lang),
                        r.kind,
                        sel.scrub(r.summary),
                    )
                    for r in sorted(
                        responses[complaint.id],
                        key=lambda r: (date_of(r.received_edtf).sort_key(), r.id),
                    )
                ),
                sources=refs.get(complaint.id, ()),
            )
        )
    return tuple(kept)

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
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import select

from desktop.briefing.labels import default_marking, label
from desktop.briefing.model import (
    Briefing,
    BriefingOptions,
    ChronologyRow,
    Citation,
    ComplaintEntry,
    ComplaintRef,
    ComplaintResponse,
    EventPerson,
    Exhibit,
    PersonEntry,
    Posting,
    SourceEntry,
)
from desktop.briefing.redaction import ProtectedNames, Redactor, hidden_people, names_of
from desktop.core.bilingual import Shown, main_lang, pick
from desktop.core.exhibitlabels import LabelledFile, missing_labels, natural_key
from desktop.core.fuzzydate import FuzzyDate, known_part
from desktop.errors import KnownError, ValidationError
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
from desktop.store.models.people import shown_name, shown_organisation
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

R = TypeVar("R")
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


@dataclass
class _Selection:
    """What the options leave of a snapshot, and the lookups every section shares."""

    snapshot: CaseSnapshot
    options: BriefingOptions
    persons: list[PersonRecord]
    scrub: Redactor
    names: dict[str, str]
    cited: dict[str, list[Citation]]
    sources: list[SourceRecord]
    source_number: dict[str, int]
    postings_of: dict[str, list[PostingRecord]]
    organisation_name: dict[str, str]

    @property
    def lang(self) -> str:
        return self.options.lang

    @property
    def drop_confidential(self) -> bool:
        return self.options.redaction in ("counsel", "public")

    def keeps(self, confidential: bool, for_brief: bool, date: FuzzyDate | None = None) -> bool:
        return _keeps(self.options, confidential, for_brief, date)


def _keeps(
    options: BriefingOptions, confidential: bool, for_brief: bool, date: FuzzyDate | None = None
) -> bool:
    """Whether the options keep an item with these flags (and this date, if it has one)."""
    if options.redaction in ("counsel", "public") and confidential:
        return False
    if options.marked_only and not for_brief:
        return False
    return date is None or _in_range(date, options)


def protected_names(snapshot: CaseSnapshot, options: BriefingOptions) -> ProtectedNames:
    """Every form of the names a pack with these options must not show (for the leak gate)."""
    return ProtectedNames.of(hidden_people(snapshot.persons, options.redaction))


_NUMBER_RUN = re.compile(r"(\d+)")


def source_order(source: SourceRecord) -> tuple[object, ...]:
    """Labelled sources first, by label in natural order ("S2" < "S10"), then the rest by
    when they were added."""
    label = source.label.strip()
    parts = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
        for part in _NUMBER_RUN.split(label)
        if part
    )
    return (not label, parts, source.created_at, source.id)


def _select(
    snapshot: CaseSnapshot, options: BriefingOptions, names: ProtectedNames | None = None
) -> _Selection:
    drop_confidential = options.redaction in ("counsel", "public")
    hidden = hidden_people(snapshot.persons, options.redaction)
    persons = [p for p in snapshot.persons if p not in hidden]
    scrub = Redactor(names or ProtectedNames.of(hidden), REDACTED[options.lang])
    # Numbers come from the whole case, not from what this pack shows, so a source keeps its
    # number in every profile and selection (a pack without confidential sources has gaps).
    # Labels in natural order (S2 before S10), then unlabelled sources in the order they
    # were added: adding a source never renumbers the ones already cited.
    every = sorted(snapshot.sources, key=source_order)
    number = {s.id: i + 1 for i, s in enumerate(every)}
    sources = [s for s in every if not (drop_confidential and s.confidential)]
    cited: dict[str, list[Citation]] = defaultdict(list)
    shown = {s.id for s in sources}
    label_of = {s.id: s.label for s in sources}
    title_of = {s.id: scrub(s.title) for s in sources}
    for cite in sorted(snapshot.citations, key=lambda c: (number.get(c.source_id, 0), c.pinpoint)):
        if cite.source_id in shown:
            cited[cite.target_id].append(
                Citation(
                    number[cite.source_id],
                    scrub(cite.pinpoint),
                    scrub(cite.quote),
                    label_of[cite.source_id],
                    title_of[cite.source_id],
                )
            )
    postings_of: dict[str, list[PostingRecord]] = defaultdict(list)
    for posting in sorted(snapshot.postings, key=lambda p: _date(p.start_edtf).sort_key()):
        postings_of[posting.person_id].append(posting)
    return _Selection(
        snapshot=snapshot,
        options=options,
        persons=persons,
        scrub=scrub,
        names={p.id: scrub(_person_name(p, options.lang)) for p in persons},
        cited=cited,
        sources=sources,
        source_number=number,
        postings_of=postings_of,
        organisation_name={
            o.id: _organisation_name(o, options.lang) for o in snapshot.organisations
        },
    )


def _person_name(person: PersonRecord, lang: str) -> str:
    """Cyrillic originals in a Russian pack, Latin names in an English one."""
    return shown_name(lang, person.display_name, person.names)


def _organisation_name(organisation: OrganisationRecord, lang: str) -> str:
    return shown_organisation(lang, organisation.name, organisation.name_ru)


def _in_pack_language(
    sel: _Selection, text_lang: str, title: str, pairs: tuple[tuple[str, str], ...]
) -> list[Shown]:
    """Each (main, translation) pair as the pack's language would have it (core.bilingual)."""
    lang = main_lang(text_lang, title)
    return [pick(sel.lang, lang, sel.scrub(main), sel.scrub(alt)) for main, alt in pairs]


def _other(shown: Shown, lang: str) -> str:
    """The language to mark a text with: "" when it is in the pack's language (or empty)."""
    return shown.lang if shown.text and shown.lang != lang else ""


def _date(edtf: str, order: int = 0) -> FuzzyDate:
    return FuzzyDate.from_edtf(edtf, order=order)


@dataclass(frozen=True)
class _Chronology:
    """The numbered rows, and which paragraph each shown event became."""

    rows: tuple[ChronologyRow, ...]
    paragraph_of: dict[str, int]  # event id -> paragraph number
    filed_on: dict[str, list[int]]  # date as entered (EDTF) -> paragraphs of that date
    takes_part: dict[str, list[int]]  # person id -> paragraphs they take part in


def _chronology(sel: _Selection) -> _Chronology:
    participants: dict[str, list[ParticipantRecord]] = defaultdict(list)
    for part in sel.snapshot.participants:
        participants[part.event_id].append(part)
    rows: list[ChronologyRow] = []
    paragraph_of: dict[str, int] = {}
    on_date: dict[str, list[int]] = defaultdict(list)
    takes_part: dict[str, list[int]] = defaultdict(list)
    for event in sorted(  # stable: ties keep the snapshot's TIMELINE_ORDER (entry order)
        sel.snapshot.events, key=lambda e: _date(e.date_edtf, e.day_order).timeline_key()
    ):
        date = _date(event.date_edtf, event.day_order).with_part(known_part(event.date_note))
        if not sel.keeps(event.confidential, event.for_brief, date):
            continue
        if sel.options.key_only and not event.key_event:
            continue
        people = []
        for part in sorted(participants[event.id], key=lambda p: sel.names.get(p.person_id, "")):
            if part.person_id not in sel.names:
                continue
            held = posting_held_on(sel.postings_of[part.person_id], date)
            rank = sel.scrub(held.rank) if held else ""
            people.append(EventPerson(sel.names[part.person_id], sel.scrub(part.role), rank))
        precision, qualifier = _precision(date)
        title, description = _in_pack_language(
            sel,
            event.text_lang,
            event.title,
            ((event.title, event.title_alt), (event.description, event.description_alt)),
        )
        number = len(rows) + 1  # the paragraph a brief cites: "para. 14"
        paragraph_of[event.id] = number
        on_date[event.date_edtf].append(number)
        for part in participants[event.id]:
            if part.person_id in sel.names and number not in takes_part[part.person_id]:
                takes_part[part.person_id].append(number)
        rows.append(
            ChronologyRow(
                date_text=date.display(sel.lang),
                title=title.text,
                title_lang=_other(title, sel.lang),
                description_lang=_other(description, sel.lang),
                precision=precision,
                qualifier=qualifier,
                description=description.text,
                place=sel.scrub(event.place),
                fact_status=event.fact_status,
                disputed_by=event.disputed_by if event.fact_status == "disputed" else "",
                disputed_by_note=(
                    sel.scrub(event.disputed_by_note) if event.fact_status == "disputed" else ""
                ),
                people=tuple(people),
                citations=tuple(sel.cited.get(event.id, ())),
                number=number,
            )
        )
    return _Chronology(tuple(rows), paragraph_of, on_date, takes_part)


def _against(sel: _Selection, target: TargetRecord) -> str:
    if target.person_id:
        return sel.names.get(target.person_id, REDACTED[sel.lang])
    if target.organisation_id:
        return sel.organisation_name.get(target.organisation_id, "")
    return sel.scrub(target.description)


def complaint_order(complaint: ComplaintRecord) -> tuple[object, ...]:
    """Filing order: the register's numbers follow it over the whole case."""
    return (_date(complaint.filed_edtf).sort_key(), complaint.created_at, complaint.id)


def complaint_numbers(complaints: tuple[ComplaintRecord, ...]) -> dict[str, int]:
    """Each complaint's number in the register, from the whole case, not from what one
    pack shows: a date-range or marked-only pack keeps the numbers (and has gaps)."""
    return {c.id: i for i, c in enumerate(sorted(complaints, key=complaint_order), start=1)}


def _complaints(
    sel: _Selection, chronology: _Chronology
) -> tuple[tuple[ComplaintEntry, ...], dict[str, list[ComplaintRef]]]:
    """The register, and for each shown person the complaints against them."""
    targets: dict[str, list[TargetRecord]] = defaultdict(list)
    for target in sel.snapshot.targets:
        targets[target.complaint_id].append(target)
    responses: dict[str, list[ResponseRecord]] = defaultdict(list)
    for response in sel.snapshot.responses:
        responses[response.complaint_id].append(response)
    numbers = complaint_numbers(sel.snapshot.complaints)
    shown = [
        c
        for c in sorted(sel.snapshot.complaints, key=complaint_order)
        if sel.keeps(c.confidential, c.for_brief, _date(c.filed_edtf))
    ]

    def body_of(complaint: ComplaintRecord) -> str:
        body = sel.organisation_name.get(complaint.body_id or "", "") or complaint.body_detail
        return sel.scrub(body)

    refs = {
        c.id: ComplaintRef(
            numbers[c.id], _date(c.filed_edtf).display(sel.lang), body_of(c), sel.scrub(c.outcome)
        )
        for c in shown
    }
    chains = _escalation_chains(shown)
    entries = []
    against_person: dict[str, list[ComplaintRef]] = defaultdict(list)
    # "Filed by" is free text; where it is a shown person's name, print it as the pack
    # names that person (Cyrillic in a Russian pack).
    named = {n.casefold(): sel.names[p.id] for p in sel.persons for n in names_of(p)}
    for complaint in shown:
        filed = _date(complaint.filed_edtf)
        for target in targets[complaint.id]:
            if target.person_id in sel.names:
                against_person[str(target.person_id)].append(refs[complaint.id])
        overdue = bool(
            complaint.response_due
            and complaint.status in AWAITING
            and dt.date.fromisoformat(complaint.response_due) < sel.options.generated_on
        )
        history = tuple(
            ComplaintResponse(
                _date(r.received_edtf).display(sel.lang), r.kind, sel.scrub(r.summary)
            )
            for r in sorted(
                responses[complaint.id], key=lambda r: _date(r.received_edtf).sort_key()
            )
        )
        (subject,) = _in_pack_language(
            sel,
            complaint.text_lang,
            complaint.subject,
            ((complaint.subject, complaint.subject_alt),),
        )
        entries.append(
            ComplaintEntry(
                filed_text=filed.display(sel.lang),
                body=refs[complaint.id].body,
                status=complaint.status,
                number=numbers[complaint.id],
                filed_by=named.get(complaint.filed_by.strip().casefold())
                or sel.scrub(complaint.filed_by),
                against=tuple(a for a in (_against(sel, t) for t in targets[complaint.id]) if a),
                subject=subject.text,
                subject_lang=_other(subject, sel.lang),
                our_reference=complaint.our_reference,
                registration_number=complaint.registration_number,
                due_text=_due_text(complaint.response_due, sel.lang),
                overdue=overdue,
                responses=history,
                citations=tuple(sel.cited.get(complaint.id, ())),
                legal_basis=sel.scrub(complaint.legal_basis),
                outcome=sel.scrub(complaint.outcome),
                chain=tuple(refs[i] for i in chains.get(complaint.id, ())),
                escalated=any(c.escalated_from_id == complaint.id for c in shown),
                events=tuple(chronology.filed_on.get(complaint.filed_edtf, ())),
            )
        )
    return tuple(entries), against_person


def _escalation_chains(shown: list[ComplaintRecord]) -> dict[str, list[str]]:
    """For each escalated complaint shown, the ids of its escalation in filing order: the
    first filing, then each escalation of it (depth first). Links to complaints the pack
    leaves out are cut there, so a chain never names a complaint the reader cannot see."""
    by_id = {c.id: c for c in shown}
    children: dict[str, list[str]] = defaultdict(list)
    for c in shown:  # already in filing order
        if c.escalated_from_id in by_id:
            children[str(c.escalated_from_id)].append(c.id)
    chains: dict[str, list[str]] = {}
    for c in shown:
        if c.escalated_from_id in by_id or not children.get(c.id):
            continue
        order: list[str] = []
        stack, seen = [c.id], set()
        while stack:  # a damaged vault could hold a cycle: never visit twice
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            stack.extend(reversed(children.get(current, [])))
        for member in order:
            chains[member] = order
    return chains


def _due_text(due: str | None, lang: str) -> str:
    """A response due date as the body writes dates."""
    if not due:
        return ""
    return _day_text(dt.date.fromisoformat(due), lang)


# Officials of every kind come after the victims and before everyone else.
OFFICIAL_KINDS = ("official", "judge", "prosecutor", "investigator")


def _people(
    sel: _Selection, against_person: dict[str, list[ComplaintRef]], chronology: _Chronology
) -> tuple[PersonEntry, ...]:
    entries = []
    order = {"victim": 0, **dict.fromkeys(OFFICIAL_KINDS, 1)}
    for person in sorted(sel.persons, key=lambda p: (order.get(p.kind, 2), sel.names[p.id])):
        shown = sel.names[person.id]
        variants = sorted(sel.scrub(n) for n in names_of(person) if sel.scrub(n) != shown)
        postings = tuple(
            Posting(
                sel.organisation_name.get(x.organisation_id, ""),
                sel.scrub(x.role),
                sel.scrub(x.rank),
                _period_text(x.start_edtf, x.end_edtf, sel.lang),
            )
            for x in sel.postings_of[person.id]
        )
        entries.append(
            PersonEntry(
                name=sel.names[person.id],
                kind=person.kind,
                name_variants=tuple(variants),
                postings=postings,
                # Printed as entered, under "Description", for every kind of person: a
                # judge's description is not an accusation.
                description=sel.scrub(person.description),
                allegations=sel.scrub(person.allegations),
                complaints_against=tuple(against_person.get(person.id, ())),
                events=tuple(chronology.takes_part.get(person.id, ())),
                citations=tuple(sel.cited.get(person.id, ())),
            )
        )
    return tuple(entries)


def _exhibits(sel: _Selection) -> tuple[Exhibit, ...]:
    """The attachments to print; in a redacted pack only those cleared for its profile.

    A redacted pack never prints a file name (it often names a witness): a cleared exhibit
    is listed by its label and its description (or its source's title).
    """
    redaction = sel.options.redaction
    kept = [
        a
        for a in sel.snapshot.attachments
        if sel.keeps(a.confidential, a.for_brief) and a.cleared_for(redaction)
    ]
    # Labels belong to the file, not to the pack: one the services have not yet written
    # back is worked out over every attachment of the case, so no selection changes it.
    fallback = missing_labels(
        LabelledFile(a.id, a.created_at, a.exhibit_label) for a in sel.snapshot.attachments
    )
    labels = {a.id: fallback.get(a.id, a.exhibit_label) for a in kept}
    kept.sort(key=lambda a: (natural_key(labels[a.id]), a.id))
    sources = {s.id: s for s in sel.sources}
    redacted = redaction != "internal"
    prefix = sel.options.bates_prefix.casefold()
    clash = next((v for v in labels.values() if v.casefold().startswith(prefix)), None)
    if clash is not None:
        raise ValidationError(
            "The Bates prefix {prefix} would read like exhibit {clash}; choose another prefix.",
            field="bates_prefix",
            prefix=sel.options.bates_prefix,
            clash=clash,
        )

    def title(a: AttachmentRecord) -> str:
        source = sources.get(a.source_id or "")
        if not redacted:
            return sel.scrub(a.description or a.file_name)
        return sel.scrub(a.description or (source.title if source else ""))

    def source_text(a: AttachmentRecord) -> str:
        source = sources.get(a.source_id or "")
        if source is None:
            return ""
        return sel.scrub(" ".join(p for p in (source.label, source.title) if p))

    def date_text(a: AttachmentRecord) -> str:
        source = sources.get(a.source_id or "")
        date = FuzzyDate.from_edtf(source.date_edtf) if source else None
        return "" if date is None or date.is_undated else date.display(sel.options.lang)

    return tuple(
        Exhibit(
            label=labels[a.id],
            title=title(a),
            media_type=a.media_type,
            data=sel.snapshot.blob(a.blob_sha256),
            sha256=a.blob_sha256,
            file_name="" if redacted else sel.scrub(a.file_name),
            date_text=date_text(a),
            source_text=source_text(a),
        )
        for a in kept
    )


def uncleared_exhibits(snapshot: CaseSnapshot, options: BriefingOptions) -> int:
    """How many attachments a redacted pack leaves out because nobody cleared them for it."""
    if "exhibits" not in options.sections:
        return 0
    return sum(
        1
        for a in snapshot.attachments
        if _keeps(options, a.confidential, a.for_brief) and not a.cleared_for(options.redaction)
    )


def _day_text(day: dt.date | None, lang: str) -> str:
    return "" if day is None else FuzzyDate.day(day.year, day.month, day.day).display(lang)


def assemble(
    snapshot: CaseSnapshot, options: BriefingOptions, names: ProtectedNames | None = None
) -> Briefing:
    """The pack's content; `names` are the forms to redact (by default every form of every
    person the profile hides, see `protected_names`)."""
    sel = _select(snapshot, options, names)
    chronology = _chronology(sel)
    complaints, against_person = _complaints(sel, chronology)
    period = ""
    if options.date_from or options.date_to:
        first, last = (_day_text(d, options.lang) for d in (options.date_from, options.date_to))
        period = f"{first} – {last}"
    case = snapshot.case
    title, summary = _in_pack_language(
        sel,
        case.text_lang,
        case.title,
        ((case.title, case.title_alt), (case.summary, case.summary_alt)),
    )
    return Briefing(
        title=title.text,
        title_lang=_other(title, options.lang),
        summary_lang=_other(summary, options.lang),
        generated_on=options.generated_on,
        sections=options.ordered_sections(),
        lang=options.lang,
        paper=options.paper,
        summary=summary.text,
        is_sample=case.is_sample,
        confidentiality=(
            options.confidentiality
            or case.confidentiality
            or default_marking(options.redaction, options.lang)
        ),
        prepared_for=options.prepared_for,
        prepared_by=options.prepared_by,
        period_text=period.strip(),
        selection_note=_selection_note(options),
        redaction=options.redaction,
        bates_prefix=options.bates_prefix,
        citations=options.citations,
        chronology=chronology.rows,
        people=_people(sel, against_person, chronology),
        complaints=complaints,
        sources=tuple(
            SourceEntry(sel.source_number[s.id], sel.scrub(_source_text(s, options.lang)), s.label)
            for s in sel.sources
        ),
        exhibits=_exhibits(sel),
    )


def _selection_note(options: BriefingOptions) -> str:
    """What the cover says about a pack that holds only part of the case."""
    notes = [
        label(options.lang, key)
        for key, chosen in (
            ("cover.marked_only", options.marked_only),
            ("cover.key_only", options.key_only),
        )
        if chosen
    ]
    return "; ".join(notes)


def _source_text(source: SourceRecord, lang: str) -> str:
    """A citation: the title as published, its translation into the pack's language after
    it in square brackets where one is entered (as bibliographies do)."""
    date = FuzzyDate.from_edtf(source.date_edtf)
    title = f"“{source.title}”"
    if source.title_alt and main_lang(source.text_lang, source.title) != lang:
        title += f" [{source.title_alt}]"
    parts = [source.author, title, source.publisher]
    if not date.is_undated:
        parts.append(date.display(lang))
    if source.url:
        parts.append(source.url)
    return ", ".join(p for p in parts if p) + "."

"""What a pack's options keep of a case, and the lookups every section shares.

`selection_of` applies the profile (confidential items, hidden people, marked-only, a
date range), numbers the sources over the whole case and builds the redactor, so every
section (chronology, register, people, exhibits) prints the same names the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.briefing.model import (
    BriefingOptions,
    Citation,
)
from desktop.briefing.redaction import ProtectedNames, Redactor, hidden_people
from desktop.briefing.snapshot import CaseSnapshot
from desktop.core.bilingual import Shown, main_lang, pick
from desktop.core.fuzzydate import FuzzyDate, known_part
from desktop.store.models.people import shown_name, shown_organisation
from desktop.store.records import (
    EventRecord,
    OrganisationRecord,
    ParticipantRecord,
    PersonRecord,
    PostingRecord,
    SourceRecord,
    posting_held_on,
)

REDACTED = {"en": "[redacted]", "ru": "[скрыто]"}


def in_range(date: FuzzyDate, options: BriefingOptions) -> bool:
    if options.date_from is None and options.date_to is None:
        return True
    if date.is_undated:
        return False
    return date.overlaps(options.date_from, options.date_to)


@dataclass
class Selection:
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
        return keeps_item(self.options, confidential, for_brief, date)


def keeps_item(
    options: BriefingOptions, confidential: bool, for_brief: bool, date: FuzzyDate | None = None
) -> bool:
    """Whether the options keep an item with these flags (and this date, if it has one)."""
    if options.redaction in ("counsel", "public") and confidential:
        return False
    if options.marked_only and not for_brief:
        return False
    return date is None or in_range(date, options)


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


def selection_of(
    snapshot: CaseSnapshot, options: BriefingOptions, names: ProtectedNames | None = None
) -> Selection:
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
    for posting in sorted(snapshot.postings, key=lambda p: date_of(p.start_edtf).sort_key()):
        postings_of[posting.person_id].append(posting)
    return Selection(
        snapshot=snapshot,
        options=options,
        persons=persons,
        scrub=scrub,
        names={p.id: scrub(person_name(p, options.lang)) for p in persons},
        cited=cited,
        sources=sources,
        source_number=number,
        postings_of=postings_of,
        organisation_name={
            o.id: organisation_name(o, options.lang) for o in snapshot.organisations
        },
    )


def person_name(person: PersonRecord, lang: str) -> str:
    """Cyrillic originals in a Russian pack, Latin names in an English one."""
    return shown_name(lang, person.display_name, person.names)


def organisation_name(organisation: OrganisationRecord, lang: str) -> str:
    return shown_organisation(lang, organisation.name, organisation.name_ru)


def in_pack_language(
    sel: Selection, text_lang: str, title: str, pairs: tuple[tuple[str, str], ...]
) -> list[Shown]:
    """Each (main, translation) pair as the pack's language would have it (core.bilingual)."""
    lang = main_lang(text_lang, title)
    return [pick(sel.lang, lang, sel.scrub(main), sel.scrub(alt)) for main, alt in pairs]


def other_lang(shown: Shown, lang: str) -> str:
    """The language to mark a text with: "" when it is in the pack's language (or empty)."""
    return shown.lang if shown.text and shown.lang != lang else ""


def date_of(edtf: str, order: int = 0) -> FuzzyDate:
    return FuzzyDate.from_edtf(edtf, order=order)


def day_text(day: dt.date | None, lang: str) -> str:
    return "" if day is None else FuzzyDate.day(day.year, day.month, day.day).display(lang)


@dataclass(frozen=True)
class KeptEvent:
    """An event the options keep, with its date and the shown people who took part."""

    event: EventRecord
    date: FuzzyDate
    # (person id, name as the pack shows it, role, rank held on the event's date), by name
    people: tuple[tuple[str, str, str, str], ...]


def kept_events(sel: Selection) -> Iterator[KeptEvent]:
    """The events a pack (and an export with the same options) keeps, in timeline order:
    the one rule both go by, so neither can show a fact the other leaves out."""
    participants: dict[str, list[ParticipantRecord]] = defaultdict(list)
    for part in sel.snapshot.participants:
        participants[part.event_id].append(part)
    for event in sorted(  # stable: ties keep the snapshot's TIMELINE_ORDER (entry order)
        sel.snapshot.events, key=lambda e: date_of(e.date_edtf, e.day_order).timeline_key()
    ):
        date = date_of(event.date_edtf, event.day_order).with_part(known_part(event.date_note))
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
            people.append((part.person_id, sel.names[part.person_id], sel.scrub(part.role), rank))
        yield KeptEvent(event, date, tuple(people))

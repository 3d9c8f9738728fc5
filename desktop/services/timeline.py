"""The case timeline: events with fuzzy dates, the people in them, filters in SQL.

The table view never loads a whole timeline: `event_ids` returns the ordered ids that
pass the filter (cheap even for a million rows), and `rows` fetches the visible block.
The same queries with no case (`case_id=None`) give the timeline of every case in the
vault, in the same order, from its own index (`ix_events_vault_timeline`).
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from desktop.core.bilingual import main_lang, pick
from desktop.core.enums import DisputedBy, FactStatus
from desktop.core.fuzzydate import OPEN_END_NUMBER, UNDATED_NUMBER, FuzzyDate, known_part
from desktop.services.validation import (
    Cleaner,
    choice,
    clean_fields,
    flag,
    fuzzy_date,
    integer,
    one_of,
    optional_text,
    required_text,
    short_text,
    text_lang,
)
from desktop.store.idlist import among
from desktop.store.models import (
    Case,
    Citation,
    Event,
    EventParticipant,
    Person,
    SearchDoc,
    Tag,
    TagLink,
)
from desktop.store.models.events import TIMELINE_ORDER
from desktop.store.models.people import shown_name
from desktop.store.records import EventRecord, ParticipantRecord, PersonRecord, view
from desktop.store.search import match_expression, scoped
from desktop.store.stopping import stopped_when
from desktop.store.store import Store

EVENT_RULES: dict[str, Cleaner] = {
    "date": fuzzy_date,
    "title": required_text,
    "description": optional_text,
    "text_lang": text_lang,
    "title_alt": short_text,
    "description_alt": optional_text,
    "place": short_text,
    "fact_status": one_of(FactStatus),
    "disputed_by": lambda value, field: (
        "" if value in (None, "") else choice(value, DisputedBy, field)
    ),
    "disputed_by_note": short_text,
    "key_event": flag,
    "confidential": flag,
    "for_brief": flag,
    "day_order": integer,
}


def date_columns(date: FuzzyDate) -> dict[str, object]:
    return {
        "date_edtf": date.to_edtf(),
        "date_sort": date.sort_number(),
        "date_start": date.start_number(),
        "date_end": date.end_number(),
        "date_note": date.part,
    }


def event_values(fields: dict[str, object]) -> dict[str, object]:
    """The columns of an event from fields as the editors and the CLI give them, checked."""
    values = clean_fields(fields, EVENT_RULES, "event")
    date = values.pop("date", None)
    if isinstance(date, FuzzyDate):
        values.update(date_columns(date))
    return values


def next_day_order(session: Session, case_id: str, values: dict[str, object]) -> int:
    """One past the last manual position among the case's events of the same date.

    Same date means the same first day and the same last day (see `TIMELINE_ORDER`), so a
    new fact goes after those already entered for that date, and stays there when edited.
    """
    last = session.execute(
        select(func.max(Event.day_order)).where(
            Event.case_id == case_id,
            Event.deleted.is_(False),
            Event.date_sort == values["date_sort"],
            Event.date_end == values["date_end"],
        )
    ).scalar_one_or_none()
    return 0 if last is None else int(last) + 1


@dataclass(frozen=True)
class EventFilter:
    text: str = ""
    person_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    fact_status: str | None = None
    tag_id: str | None = None
    key_only: bool = False
    marked_only: bool = False
    include_confidential: bool = True
    # Any of these people or tags: in the timeline of every case one name stands for the
    # records of that name in each case (people and tags belong to one case each).
    people: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class EventRow:
    """One timeline line: the event plus what the table shows beside it."""

    event: EventRecord
    date: FuzzyDate
    people: tuple[str, ...]
    source_count: int
    tags: tuple[str, ...] = ()


def never() -> bool:
    return False


def _day_number(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


class TimelineService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # ---- queries ----------------------------------------------------------------------
    def _filtered(self, case_id: str | None, f: EventFilter) -> Select[Any]:
        """The ids passing `f` in timeline order: of one case, or of every case (None)."""
        q = select(Event.id).where(Event.deleted.is_(False))
        if case_id is not None:
            q = q.where(Event.case_id == case_id)
        if f.text.strip():
            expression = match_expression(f.text, forms=True)
            if expression is None:
                return q.where(text("0"))
            # Narrowed to the case inside FTS5: a common word's matches in the rest of a
            # large vault are never read (see migration 0015).
            if case_id is not None:
                expression = scoped(expression, case_id)
            # Through the rowid map: reading FTS5's unindexed columns for every match is
            # 7x slower than letting it return rowids only (measured on 20k events).
            q = q.where(
                Event.id.in_(
                    select(SearchDoc.record_id).where(
                        SearchDoc.fts_rowid.in_(
                            select(text("rowid"))
                            .select_from(text("search_index"))
                            .where(text("search_index MATCH :q"))
                        )
                    )
                )
            ).params(q=expression)
        people = (f.person_id, *f.people) if f.person_id else f.people
        if people:
            q = q.where(
                Event.id.in_(
                    select(EventParticipant.event_id).where(
                        EventParticipant.person_id.in_(people),
                        EventParticipant.deleted.is_(False),
                    )
                )
            )
        if f.date_from is not None:  # overlap: the event may have happened in the range
            q = q.where(Event.date_end >= _day_number(f.date_from))
        if f.date_to is not None:
            q = q.where(Event.date_start <= _day_number(f.date_to))
        if f.fact_status:
            q = q.where(Event.fact_status == f.fact_status)
        tags = (f.tag_id, *f.tags) if f.tag_id else f.tags
        if tags:
            q = q.where(
                Event.id.in_(
                    select(TagLink.target_id).where(
                        TagLink.tag_id.in_(tags), TagLink.deleted.is_(False)
                    )
                )
            )
        if f.key_only:
            q = q.where(Event.key_event.is_(True))
        if f.marked_only:
            q = q.where(Event.for_brief.is_(True))
        if not f.include_confidential:
            q = q.where(Event.confidential.is_(False))
        return q.order_by(*TIMELINE_ORDER)

    def day_span(self, case_id: str) -> tuple[dt.date, dt.date] | None:
        """The first and last day the case's dated events cover (None without any): the
        period a pack limited by dates starts from. An open end ("before 2010", "after
        2009") counts as its known day; undated events are left out."""
        dated = (Event.case_id == case_id) & Event.deleted.is_(False)
        with self.store.reading() as s:
            first, latest_start = s.execute(  # "after 2009" has no last day: its first counts
                select(func.min(Event.date_sort), func.max(Event.date_sort)).where(
                    dated, Event.date_sort < UNDATED_NUMBER
                )
            ).one()
            last = s.execute(
                select(func.max(Event.date_end)).where(dated, Event.date_end < OPEN_END_NUMBER)
            ).scalar()
        if first is None:
            return None
        return _day_of(first), _day_of(max(last or 0, latest_start))

    def event_ids(self, case_id: str | None, f: EventFilter = EventFilter()) -> list[str]:
        with self.store.reading() as s:
            return [str(i) for i in s.execute(self._filtered(case_id, f)).scalars()]

    def date_spans(
        self,
        case_id: str | None,
        f: EventFilter = EventFilter(),
        stop: Callable[[], bool] = never,
    ) -> list[tuple[str, str, int]]:
        """(event id, EDTF date, key fact as 0 or 1) of every event passing `f`, in
        timeline order: `timeline_columns` as rows. `case_id` None: every case.
        Raises QueryStopped once `stop()` is true (a newer filter was asked for)."""
        ids, dates, keys = self.timeline_columns(case_id, f, stop)
        return list(zip(ids, dates, keys, strict=True))

    def timeline_columns(
        self,
        case_id: str | None,
        f: EventFilter = EventFilter(),
        stop: Callable[[], bool] = never,
        first: Callable[[list[str]], object] | None = None,
    ) -> tuple[list[str], list[str], bytes]:
        """The ids, EDTF dates and key marks (1 for a key fact) of every event passing
        `f`, in timeline order, from the covering index: the table's ids and the band's
        data. As the driver returns them, in columns, a batch at a time (SQLAlchemy's rows
        doubled the time of a 100,000-event band), so a million row tuples never exist at
        once (at a million events they peaked at 240 MB); equal dates share one string.
        `first`,
        when given, gets the first `FIRST_ROWS` ids as soon as they are read, when more
        may follow. Raises QueryStopped once `stop()` is true."""
        query = self._filtered(case_id, f).add_columns(Event.date_edtf, Event.key_event)
        ids: list[str] = []
        dates: list[str] = []
        keys = bytearray()
        shared: dict[str, str] = {}
        with self.store.reading() as s, stopped_when(s, stop):
            for batch in driver_batches(s, query):
                ids += [row[0] for row in batch]
                dates += [shared.setdefault(row[1], row[1]) for row in batch]
                keys += bytes(row[2] for row in batch)
                if first is not None and len(ids) == FIRST_ROWS:
                    first(ids[:])  # the first batch was full: more may follow
                del batch
                time.sleep(0)  # offer the GIL to a waiting GUI thread (see BATCH_ROWS)
        return ids, dates, bytes(keys)

    def count(self, case_id: str) -> int:
        with self.store.reading() as s:
            return s.execute(
                select(func.count()).where(Event.case_id == case_id, Event.deleted.is_(False))
            ).scalar_one()

    def case_names(self, lang: str = "en") -> dict[str, str]:
        """Every case's title for a reader of `lang` (its translation where it has one)."""
        with self.store.reading() as s:
            rows = s.execute(
                select(Case.id, Case.title, Case.title_alt, Case.text_lang).where(
                    Case.deleted.is_(False)
                )
            ).all()
        return {
            case_id: pick(lang, main_lang(text_lang, title), title, title_alt).text
            for case_id, title, title_alt, text_lang in rows
        }

    def vault_choices(self) -> tuple[list[NamedGroup], list[NamedGroup]]:
        """The people and the tags of every case for the filter of the vault's timeline:
        (ids, name), one entry per name, holding that name's records in every case."""
        with self.store.reading() as s:
            people = s.execute(
                select(Person.display_name, Person.id)
                .where(Person.deleted.is_(False))
                .order_by(Person.display_name)
            ).all()
            tags = s.execute(
                select(Tag.name, Tag.id).where(Tag.deleted.is_(False)).order_by(Tag.name)
            ).all()
        return _by_name(people), _by_name(tags)

    def rows(self, ids: Sequence[str], lang: str = "en") -> list[EventRow]:
        """Rows for `ids`, in the order given (ids that vanished are skipped); people are
        named for a reader of `lang` (Cyrillic originals in Russian)."""
        if not ids:
            return []
        with self.store.reading() as s:
            events = {
                e.id: e for e in s.execute(select(Event).where(among(Event.id, ids))).scalars()
            }
            people: dict[str, list[str]] = defaultdict(list)
            for event_id, name, names in s.execute(
                select(EventParticipant.event_id, Person.display_name, Person.names)
                .join(Person, Person.id == EventParticipant.person_id)
                .where(among(EventParticipant.event_id, ids), EventParticipant.deleted.is_(False))
                .order_by(Person.display_name)
            ):
                people[event_id].append(shown_name(lang, name, names) if lang != "en" else name)
            cited = dict(
                s.execute(
                    select(Citation.target_id, func.count(func.distinct(Citation.source_id)))
                    .where(among(Citation.target_id, ids), Citation.deleted.is_(False))
                    .group_by(Citation.target_id)
                ).all()
            )
            tags: dict[str, list[str]] = defaultdict(list)
            for target_id, name in s.execute(
                select(TagLink.target_id, Tag.name)
                .join(Tag, Tag.id == TagLink.tag_id)
                .where(
                    among(TagLink.target_id, ids),
                    TagLink.deleted.is_(False),
                    Tag.deleted.is_(False),
                )
                .order_by(Tag.name)
            ):
                tags[target_id].append(name)
        result = []
        for event_id in ids:
            e = events.get(event_id)
            if e is None or e.deleted:
                continue
            record = view(EventRecord, e)  # an unreadable row comes back marked as such
            result.append(
                EventRow(
                    record,
                    FuzzyDate.from_edtf(record.date_edtf)
                    .with_order(max(0, record.day_order))
                    .with_part(known_part(record.date_note)),
                    tuple(people.get(event_id, ())),
                    int(cited.get(event_id, 0)),
                    tuple(tags.get(event_id, ())),
                )
            )
        return result

    def get_event(self, event_id: str) -> EventRecord:
        return self.store.fetch(Event, EventRecord, event_id)

    # ---- changes ----------------------------------------------------------------------
    def add_event(self, case_id: str, date: object, title: str, **fields: object) -> str:
        values = event_values({"date": date, "title": title, **fields})
        with self.store.writing() as w:
            if "day_order" not in values:
                values["day_order"] = next_day_order(w.session, case_id, values)
            return w.insert(Event, case_id=case_id, **values)

    def update_event(self, event_id: str, **changes: object) -> dict[str, object]:
        """Change fields; a fact whose date changes goes last among its new date's facts."""
        values = event_values(dict(changes))
        with self.store.writing() as w:
            event = w.get_live(Event, event_id)
            moved = any(
                k in values and values[k] != getattr(event, k) for k in ("date_sort", "date_end")
            )
            if moved and "day_order" not in values:
                values["day_order"] = next_day_order(w.session, event.case_id, values)
            return w.update(Event, event_id, **values)

    def set_key_events(self, event_ids: Sequence[str], key: bool) -> list[str]:
        """Mark events as key facts (or not) in one transaction; the ids that changed."""
        changed = []
        with self.store.writing() as w:
            for event_id in dict.fromkeys(event_ids):
                if w.update(Event, event_id, key_event=key):
                    changed.append(event_id)
        return changed

    def delete_event(self, event_id: str) -> None:
        self.store.delete(Event, event_id)

    def restore_event(self, event_id: str) -> None:
        self.store.restore(Event, event_id)

    # ---- participants -----------------------------------------------------------------
    def participants(self, event_id: str) -> list[tuple[ParticipantRecord, PersonRecord]]:
        with self.store.reading() as s:
            rows = s.execute(
                select(EventParticipant, Person)
                .join(Person, Person.id == EventParticipant.person_id)
                .where(EventParticipant.event_id == event_id, EventParticipant.deleted.is_(False))
                .order_by(Person.display_name)
            ).all()
            return [(view(ParticipantRecord, p), view(PersonRecord, person)) for p, person in rows]

    def add_participant(self, event_id: str, person_id: str, role: str = "") -> str:
        role = optional_text(role, "role", 200)
        with self.store.writing() as w:
            w.get_live(Event, event_id)
            w.get_live(Person, person_id)
            return w.insert(EventParticipant, event_id=event_id, person_id=person_id, role=role)

    def remove_participant(self, participant_id: str) -> None:
        self.store.delete(EventParticipant, participant_id)

    def restore_participant(self, participant_id: str) -> None:
        self.store.restore(EventParticipant, participant_id)


NamedGroup = tuple[tuple[str, ...], str]  # the ids of the records of one name, the name


def _by_name(rows: Sequence[Any]) -> list[NamedGroup]:
    groups: dict[str, list[str]] = {}
    for name, record_id in rows:
        groups.setdefault(name, []).append(record_id)
    return [(tuple(ids), name) for name, ids in groups.items()]


BATCH_ROWS = 20_000
"""Rows read at a time after the first; between batches the reader offers the GIL, so a
GUI thread reading the table's rows meanwhile does not wait out Python's 5 ms switch
interval at each of its GIL takes."""
FIRST_ROWS = 500
"""Rows handed over before the rest of a long answer: a screenful many times over. The
timeline of a million events reads its index in order, so they come in milliseconds
where the whole answer takes a second or more (measured: 2,000 rows in 2 ms, all
1,000,000 in 1.2 s); a filter matching one event in fifty finds its first 500 after
reading 25,000 index entries, not the whole index."""


def driver_batches(session: Session, query: Select[Any]) -> Iterator[list[Any]]:
    """The rows of `query` as plain tuples straight from the database driver, without
    SQLAlchemy's result rows or type conversion (for hot paths over whole cases), in
    batches: first `FIRST_ROWS`, then `BATCH_ROWS` at a time."""
    compiled = query.compile(  # IN lists (people, tags) spelled out as plain parameters
        dialect=session.get_bind().dialect, compile_kwargs={"render_postcompile": True}
    )
    params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(compiled.string, params)
        size = FIRST_ROWS
        while batch := list(cursor.fetchmany(size)):
            yield batch
            size = BATCH_ROWS
    finally:
        cursor.close()


def _day_of(number: int) -> dt.date:
    """The day a yyyymmdd number of the timeline columns stands for."""
    return dt.date(number // 10_000, number // 100 % 100, number % 100)

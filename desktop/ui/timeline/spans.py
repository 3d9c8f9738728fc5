"""What the timeline band draws: each event's extent in days, and the complaints filed.

Spans are plain data built off the GUI thread. Dates become proleptic ordinal days;
"before X" and "after X" keep only their known bound and an open side, "circa" is marked
uncertain, undated events are left out (they have no place on an axis).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError, Qualifier
from desktop.services.conflicts import ConflictService
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter, never
from desktop.store.bulk import collector_paused


class EventSpan(NamedTuple):
    """A tuple of plain values: the garbage collector stops tracking it, which matters with
    100,000 of them alive (measured: a 96 ms full collection on the GUI thread otherwise).
    """

    event_id: str
    first: int  # ordinal day (date.toordinal()), inclusive
    last: int  # inclusive; equals `first` for a single day or an open bound
    circa: bool = False
    open_start: bool = False  # "before": may be any time up to `last`
    open_end: bool = False  # "after": may be any time from `first`
    key: bool = False  # a key fact: the band marks it


@dataclass(frozen=True, slots=True)
class ComplaintMark:
    complaint_id: str
    day: int  # ordinal day the complaint was filed (first day of its precision)
    label: str
    overdue: bool


BandRow = tuple[str, str, int]  # event id, EDTF date, key fact as 0 or 1


@dataclass(frozen=True)
class TimelineData:
    """One query's answer: the table's ordered ids, the band's rows (the same events, in
    the same order) and the complaint marks."""

    ids: list[str]
    rows: list[BandRow]
    marks: list[ComplaintMark]
    conflicts: frozenset[str] = frozenset()  # records with an open conflict


def span_of(event_id: str, date: FuzzyDate) -> EventSpan | None:
    if date.is_undated or date.start is None:
        return None
    if date.qualifier is Qualifier.BEFORE:
        bound = date.start.earliest().toordinal()
        return EventSpan(event_id, bound, bound, open_start=True)
    if date.qualifier is Qualifier.AFTER:
        bound = date.start.latest().toordinal()
        return EventSpan(event_id, bound, bound, open_end=True)
    first, last = date.earliest(), date.latest()
    if first is None or last is None:
        return None
    return EventSpan(
        event_id, first.toordinal(), last.toordinal(), circa=date.qualifier is Qualifier.CIRCA
    )


Extent = tuple[int, int, bool, bool, bool]  # an EventSpan's fields after the id, but `key`


@lru_cache(maxsize=50_000)
def _extent(edtf: str) -> Extent | None:
    """The span of a date without its event: first, last, circa, open start, open end
    (cached as plain tuples, not dates).

    A stored date that does not read (a row that breaks the rules) is not drawn, like an
    undated one; the table shows the row as "(unreadable record)".
    """
    day = _plain_day(edtf)
    if day is not None:
        return (day, day, False, False, False)
    try:
        span = span_of("", FuzzyDate.from_edtf(edtf))
    except FuzzyDateError:
        return None
    return None if span is None else span[1:6]


def _plain_day(edtf: str) -> int | None:
    """The ordinal of a plain "yyyy-mm-dd" day, read without the EDTF parser (most of any
    timeline; parsing made up half of a 100,000-event band: 12,600 distinct dates at 6 us
    each). None for anything else, which the parser then reads or refuses."""
    if len(edtf) != 10 or edtf[4] != "-" or edtf[7] != "-":
        return None
    digits = edtf[:4] + edtf[5:7] + edtf[8:]
    if not (digits.isascii() and digits.isdigit()):
        return None
    try:
        return dt.date(int(edtf[:4]), int(edtf[5:7]), int(edtf[8:])).toordinal()
    except ValueError:
        return None


_new_span = EventSpan._make
_first_day = operator.itemgetter(1)


def spans_from_edtf(
    pairs: Iterable[tuple[str, str]] | Iterable[tuple[str, str, bool | int]],
) -> list[EventSpan]:
    """Spans of (event id, EDTF) pairs, or of (event id, EDTF, key fact) triples.

    Built straight from the cached tuples: made with `_replace`, the spans of a
    100,000-event case took 530 ms (now 150-190 ms, both on a loaded machine)."""
    spans: list[EventSpan] = []
    append = spans.append
    for row in pairs:
        extent = _extent(row[1])
        if extent is not None:
            append(_new_span((row[0], *extent, len(row) > 2 and bool(row[2]))))
    spans.sort(key=_first_day)
    return spans


@dataclass(frozen=True)
class BandLayout:
    """Spans with what the band looks up while painting, worked out off the GUI thread
    (on the GUI thread these lists cost a 1,000,000-event band 180 ms)."""

    spans: list[EventSpan]  # sorted by first day
    firsts: list[int]  # each span's first day, for binary searches
    longest: int  # the longest span, in days
    keys: list[EventSpan]  # the key facts' spans, sorted by first day
    key_firsts: list[int]


def band_layout(spans: list[EventSpan]) -> BandLayout:
    with collector_paused():
        firsts = [s.first for s in spans]
        keys = [s for s in spans if s.key]
        longest = max((s.last - s.first for s in spans), default=0)
        return BandLayout(spans, firsts, longest, keys, [s.first for s in keys])


def load_ids(
    services: Services,
    case_id: str | None,
    f: EventFilter,
    stop: Callable[[], bool] = never,
    first: Callable[[list[str]], object] | None = None,
) -> TimelineData:
    """What the table needs first, and the band's input with it: the filtered events'
    ids, dates and key marks (one query, from the covering index), and the marks.
    `case_id` None: every case, without complaint marks (each case has its own register).
    `first` gets the first ids of a long answer at once (see `driver_rows`).
    Raises QueryStopped once `stop()` is true."""
    early = None if first is None else (lambda rows: first([row[0] for row in rows]))
    with collector_paused():  # 100,000 row tuples, no cycles (see band_spans)
        rows = services.timeline.date_spans(case_id, f, stop, early)
        ids = [row[0] for row in rows]
    marks = [] if case_id is None else load_marks(services, case_id)
    return TimelineData(ids, rows, marks, ConflictService(services.store).conflicted_ids())


def band_spans(rows: list[BandRow]) -> list[EventSpan]:
    """The band's spans from the timeline's rows: cached EDTF parsing.

    With the collector paused: the 100,000 spans made here set off full collections that
    walked them again and again, and held the GIL while doing so (measured on 100,000
    events: 640 -> 400 ms). Nothing here makes a cycle."""
    with collector_paused():
        return spans_from_edtf(rows)


def load_marks(services: Services, case_id: str) -> list[ComplaintMark]:
    marks = []
    for row in services.complaints.register(case_id, dt.date.today()):
        first = row.filed.earliest()
        if first is None:
            first = row.filed.latest()
        if first is None:
            continue
        label = row.complaint.subject or row.body_name or row.complaint.our_reference
        marks.append(ComplaintMark(row.complaint.id, first.toordinal(), label, row.overdue))
    return marks

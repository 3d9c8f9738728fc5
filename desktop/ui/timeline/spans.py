"""What the timeline band draws: each event's extent in days, and the complaints filed.

Spans are plain data built off the GUI thread. Dates become proleptic ordinal days;
"before X" and "after X" keep only their known bound and an open side, "circa" is marked
uncertain, undated events are left out (they have no place on an axis).
"""

from __future__ import annotations

import datetime as dt
import operator
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any, NamedTuple, overload

from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError, Qualifier
from desktop.services.conflicts import ConflictService
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter, EventRow, never
from desktop.store.bulk import collector_paused
from desktop.ui.timeline.model import BLOCK_ROWS


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


@dataclass(frozen=True)
class TimelineData:
    """One query's answer: the table's ordered ids, each one's EDTF date and key mark
    for the band (the same events, in the same order), and the complaint marks.

    Columns, not a tuple per row: strings and bytes are never tracked by the cycle
    collector, and a million row tuples were (its first pass over them held the GIL for
    125 ms, a stall of the GUI thread)."""

    ids: list[str]
    dates: list[str]
    keys: bytes  # 1 for a key fact
    marks: list[ComplaintMark]
    conflicts: frozenset[str] = frozenset()  # records with an open conflict
    # The table's first block of rows, read with the ids on the worker: reading it on the
    # GUI thread while the band's worker ran stalled the GUI (82-134 ms at 1M events).
    first_rows: list[EventRow] = field(default_factory=list)
    rows_lang: str = ""  # the interface language `first_rows` were read in


# A long answer's first ids, their rows, and the language the rows were read in.
FirstIds = tuple[list[str], list[EventRow], str]


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


def spans_from_edtf(
    pairs: Iterable[tuple[str, str]] | Iterable[tuple[str, str, bool | int]],
) -> list[EventSpan]:
    """Spans of (event id, EDTF) pairs, or of (event id, EDTF, key fact) triples, sorted
    by first day: `span_table` for rows rather than columns."""
    rows: list[tuple[Any, ...]] = list(pairs)
    keys = bytes(1 if len(row) > 2 and row[2] else 0 for row in rows)
    return list(span_table([str(row[0]) for row in rows], [str(row[1]) for row in rows], keys))


CIRCA, OPEN_START, OPEN_END, KEY = 1, 2, 4, 8  # a span's flags in a `SpanTable`
YIELD_EVERY = 0x7FF
"""Every 2,048 spans the builder offers the GIL: the GUI thread, reading rows for the
table meanwhile, otherwise waited up to 5 ms (Python's switch interval) at each of its
many GIL takes, a convoy that stretched a 20 ms block fetch past 100 ms."""


class SpanTable(Sequence[EventSpan]):
    """The band's spans as columns: ids, first and last days, flags; an `EventSpan` is
    made when one is asked for. A million spans as tuples took 180 MB and a collector
    pass of 125 ms; as columns 17 MB besides the ids (shared with the table) and nothing
    for the collector to walk."""

    def __init__(self, ids: list[str], firsts: array[int], lasts: array[int],
                 flags: bytes) -> None:  # fmt: skip
        self.ids, self.firsts, self.lasts, self.flags = ids, firsts, lasts, flags

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, i: int) -> EventSpan: ...
    @overload
    def __getitem__(self, i: slice) -> list[EventSpan]: ...
    def __getitem__(self, i: int | slice) -> EventSpan | list[EventSpan]:
        if isinstance(i, slice):
            return [self._span(j) for j in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._span(i)

    def _span(self, i: int) -> EventSpan:
        f = self.flags[i]
        return EventSpan(self.ids[i], self.firsts[i], self.lasts[i], bool(f & CIRCA),
                         bool(f & OPEN_START), bool(f & OPEN_END), bool(f & KEY))  # fmt: skip

    def position(self, event_id: str) -> int | None:
        """Where the event's span is (a scan in C: 10 ms over a million)."""
        try:
            return self.ids.index(event_id)
        except ValueError:
            return None


def span_table(ids: list[str], dates: list[str], keys: bytes) -> SpanTable:
    """The spans of the events `ids` with their EDTF `dates` and key marks, sorted by
    first day (undated and unreadable dates left out; see `_extent`). Shares `ids` when
    every event is drawn in the order given (one list of a million fewer)."""
    with collector_paused():
        kept, firsts, lasts, flags = array("l"), array("l"), array("l"), bytearray()
        for i, (edtf, key) in enumerate(zip(dates, keys, strict=True)):
            if not i & YIELD_EVERY:
                time.sleep(0)  # let a waiting GUI thread have the GIL now (see YIELD_EVERY)
            extent = _extent(edtf)
            if extent is not None:
                first, last, circa, open_start, open_end = extent
                kept.append(i)
                firsts.append(first)
                lasts.append(last)
                flags.append(circa * CIRCA | open_start * OPEN_START | open_end * OPEN_END
                             | (KEY if key else 0))  # fmt: skip
        if any(a > b for a, b in pairwise(firsts)):  # timeline order mostly is first-day
            # order; where it is not (open starts), sort by first day, stably
            order = sorted(range(len(kept)), key=firsts.__getitem__)
            kept = array("l", (kept[i] for i in order))
            firsts = array("l", (firsts[i] for i in order))
            lasts = array("l", (lasts[i] for i in order))
            flags = bytearray(flags[i] for i in order)
        shown = ids if len(kept) == len(ids) and not order_changed(kept) else [ids[i] for i in kept]
        return SpanTable(shown, firsts, lasts, bytes(flags))


def order_changed(kept: array[int]) -> bool:
    return any(i != n for n, i in enumerate(kept))


@dataclass(frozen=True)
class BandLayout:
    """Spans with what the band looks up while painting, worked out off the GUI thread
    (on the GUI thread these lists cost a 1,000,000-event band 180 ms)."""

    spans: Sequence[EventSpan]  # sorted by first day
    firsts: Sequence[int]  # each span's first day, for binary searches
    longest: int  # the longest span, in days
    keys: list[EventSpan]  # the key facts' spans, sorted by first day
    key_firsts: list[int]


def band_layout(spans: Sequence[EventSpan]) -> BandLayout:
    with collector_paused():
        if isinstance(spans, SpanTable):
            firsts: Sequence[int] = spans.firsts
            longest = max(map(operator.sub, spans.lasts, spans.firsts), default=0)
            keys = [spans[i] for i, f in enumerate(spans.flags) if f & KEY]
        else:
            firsts = [s.first for s in spans]
            longest = max((s.last - s.first for s in spans), default=0)
            keys = [s for s in spans if s.key]
        return BandLayout(spans, firsts, longest, keys, [s.first for s in keys])


def load_ids(
    services: Services,
    case_id: str | None,
    f: EventFilter,
    stop: Callable[[], bool] = never,
    first: Callable[[FirstIds], object] | None = None,
    rows_lang: str = "",
) -> TimelineData:
    """What the table needs first, and the band's input with it: the filtered events'
    ids, dates and key marks (one query, from the covering index), and the marks.
    `case_id` None: every case, without complaint marks (each case has its own register).
    `first` gets the first ids of a long answer at once (see `timeline_columns`), with
    their rows; with `rows_lang`, the rows of the table's first block are read here, in
    that language, off the GUI thread. Raises QueryStopped once `stop()` is true."""
    reported = False

    def first_with_rows(ids: list[str]) -> None:
        nonlocal reported
        reported = True
        if first is not None:
            first((ids, first_rows(ids), rows_lang))

    def first_rows(ids: list[str]) -> list[EventRow]:
        return services.timeline.rows(ids[:BLOCK_ROWS], rows_lang) if rows_lang else []

    with collector_paused():  # the row tuples are freed before the collector is back
        ids, dates, keys = services.timeline.timeline_columns(
            case_id, f, stop, first_with_rows if first is not None else None
        )
    # After a first part, the table already holds the first block.
    rows = [] if reported else first_rows(ids)
    marks = [] if case_id is None else load_marks(services, case_id)
    conflicts = ConflictService(services.store).conflicted_ids()
    return TimelineData(ids, dates, keys, marks, conflicts, rows, rows_lang)


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

"""What the timeline band draws: each event's extent in days, and the complaints filed.

Spans are plain data built off the GUI thread. Dates become proleptic ordinal days;
"before X" and "after X" keep only their known bound and an open side, "circa" is marked
uncertain, undated events are left out (they have no place on an axis).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.fuzzydate import FuzzyDate, Qualifier
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter

SPAN_BLOCK = 200
YIELD_S = 0.002  # between blocks, so the GUI thread gets the GIL back promptly


@dataclass(frozen=True, slots=True)
class EventSpan:
    event_id: str
    first: int  # ordinal day (date.toordinal()), inclusive
    last: int  # inclusive; equals `first` for a single day or an open bound
    circa: bool = False
    open_start: bool = False  # "before": may be any time up to `last`
    open_end: bool = False  # "after": may be any time from `first`


@dataclass(frozen=True, slots=True)
class ComplaintMark:
    complaint_id: str
    day: int  # ordinal day the complaint was filed (first day of its precision)
    label: str
    overdue: bool


@dataclass(frozen=True)
class TimelineData:
    """One query's answer: the table's ordered ids, and the band's spans when known."""

    ids: list[str]
    spans: list[EventSpan] | None
    marks: list[ComplaintMark]


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


@lru_cache(maxsize=50_000)
def _parsed(edtf: str) -> FuzzyDate:
    return FuzzyDate.from_edtf(edtf)


def spans_from_edtf(pairs: Iterable[tuple[str, str]]) -> list[EventSpan]:
    spans = (span_of(event_id, _parsed(edtf)) for event_id, edtf in pairs)
    return sorted((s for s in spans if s is not None), key=lambda s: s.first)


def load_ids(services: Services, case_id: str, f: EventFilter) -> TimelineData:
    """The filtered ids; with a `date_spans` service, the band's spans in the same query."""
    date_spans = getattr(services.timeline, "date_spans", None)
    marks = load_marks(services, case_id)
    if date_spans is not None:
        pairs = date_spans(case_id, f)
        return TimelineData([p[0] for p in pairs], spans_from_edtf(pairs), marks)
    return TimelineData(services.timeline.event_ids(case_id, f), None, marks)


def load_spans(services: Services, ids: list[str]) -> list[EventSpan]:
    """Spans for `ids` through `TimelineService.rows`, in small blocks (the slow path).

    Building rows is Python work that holds the GIL; pausing between blocks keeps the
    GUI thread's stalls short while the band fills.
    """
    spans = []
    for start in range(0, len(ids), SPAN_BLOCK):
        time.sleep(YIELD_S)
        for row in services.timeline.rows(ids[start : start + SPAN_BLOCK]):
            span = span_of(row.event.id, row.date)
            if span is not None:
                spans.append(span)
    spans.sort(key=lambda s: s.first)
    return spans


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

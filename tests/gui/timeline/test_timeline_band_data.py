"""The band's data read from a real vault: every dated event's span, as its own date says.

The band reads the rows straight from the database driver and builds its spans from
cached tuples (fast on 100,000 events); these tests hold it to `span_of` on each event's
`FuzzyDate`, with and without filters, so no date, key mark or filtered-out event can
slip through the shortcut.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from sqlalchemy import text

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.ui.timeline.spans import EventSpan, band_layout, load_ids, span_of, span_table

DATES = (
    ("2008-11-24", "Hearing on the detention"),
    ("2008-11", "Transfer to the colony"),
    ("2009~", "Hearing, circa"),
    ("../2010-08-05", "Letter sent before"),
    ("2008-03/..", "Hearing after March"),
    ("2007-01/2007-06", "Inquiry over half a year"),
    ("XXXX", "Hearing with no date"),
    ("2008-11-24", "Second fact of the same day"),
    ("2009-02-01?", "Uncertain appeal hearing"),
)


def expected(services: Services, case_id: str, f: EventFilter) -> list[EventSpan]:
    """What the band must hold: `span_of` each event passing `f`, in timeline order,
    then by first day (as the band sorts)."""
    spans = []
    for event_id in services.timeline.event_ids(case_id, f):
        event = services.timeline.get_event(event_id)
        span = span_of(event_id, FuzzyDate.from_edtf(event.date_edtf))
        if span is not None:
            spans.append(span._replace(key=event.key_event))
    return sorted(spans, key=lambda s: s.first)


def load_band(services: Services, case_id: str, f: EventFilter) -> list[EventSpan]:
    """The band's spans as the panel makes them: from the rows of the table's own query."""
    data = load_ids(services, case_id, f)
    assert len(data.dates) == len(data.keys) == len(data.ids)  # what the table lists
    table = span_table(data.ids, data.dates, data.keys)
    layout = band_layout(table)
    assert list(layout.firsts) == [s.first for s in table]
    assert layout.keys == [s for s in table if s.key]
    assert layout.longest == max((s.last - s.first for s in table), default=0)
    return list(table)


def test_band_spans_are_each_events_own_dates_with_and_without_filters(
    services: Services,
) -> None:
    case_id = services.cases.create_case("Band case")
    ids = [
        services.timeline.add_event(case_id, FuzzyDate.from_edtf(edtf), title,
                                    key_event=n % 3 == 0)
        for n, (edtf, title) in enumerate(DATES)
    ]  # fmt: skip
    whole = load_band(services, case_id, EventFilter())
    assert whole == expected(services, case_id, EventFilter())
    assert len(whole) == len(DATES) - 1  # all but the undated one
    assert {s.event_id for s in whole if s.key} == {ids[0], ids[3]}  # ids[6] is undated
    by_year = Counter(dt.date.fromordinal(s.first).year for s in whole)
    assert by_year == {2007: 1, 2008: 4, 2009: 2, 2010: 1}

    for f in (
        EventFilter(text="hearing"),
        EventFilter(date_from=dt.date(2008, 11, 1), date_to=dt.date(2008, 12, 31)),
        EventFilter(text="hearing", date_to=dt.date(2008, 12, 31)),
        EventFilter(key_only=True),
    ):
        spans = load_band(services, case_id, f)
        assert spans == expected(services, case_id, f), f
        assert spans and len(spans) < len(whole), f  # the filter really narrowed it
    hearing = {s.event_id for s in load_band(services, case_id, EventFilter(text="hearing"))}
    assert hearing == {ids[0], ids[2], ids[4], ids[8]}


def test_an_unreadable_stored_date_is_left_off_the_band(services: Services) -> None:
    case_id = services.cases.create_case("Band case")
    good = services.timeline.add_event(case_id, FuzzyDate.from_edtf("2001-05-02"), "Readable")
    bad = services.timeline.add_event(case_id, FuzzyDate.from_edtf("2002"), "Broken")
    with services.store.writing() as w:
        w.session.execute(text("UPDATE events SET date_edtf = 'not a date' WHERE id = :id"),
                          {"id": bad})  # fmt: skip
    assert [s.event_id for s in load_band(services, case_id, EventFilter())] == [good]

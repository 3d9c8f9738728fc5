"""The days a case's dated events cover: where a pack limited by dates starts and ends."""

from __future__ import annotations

import datetime as dt

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services


def test_the_span_runs_from_the_first_known_day_to_the_last(services: Services) -> None:
    tl = services.timeline
    case = services.cases.create_case("Исаев против России")
    other = services.cases.create_case("Another case")
    assert tl.day_span(case) is None  # no events yet
    tl.add_event(case, FuzzyDate.parse(""), "Undated note")
    assert tl.day_span(case) is None  # undated events give no day
    tl.add_event(case, FuzzyDate.parse("в ночь на 26 августа 2008 г."), "Обыск")
    tl.add_event(case, FuzzyDate.parse("I квартал 2010 г."), "Проверка")
    tl.add_event(other, FuzzyDate.day(1995, 1, 1), "Another case's event")
    gone = tl.add_event(case, FuzzyDate.day(2020, 1, 1), "Deleted")
    tl.delete_event(gone)
    assert tl.day_span(case) == (dt.date(2008, 8, 25), dt.date(2010, 3, 31))
    tl.add_event(case, FuzzyDate.parse("after 2012"), "Open at its end")
    assert tl.day_span(case) == (dt.date(2008, 8, 25), dt.date(2012, 1, 1))
    tl.add_event(case, FuzzyDate.parse("before 2001"), "Open at its start")
    assert tl.day_span(case) == (dt.date(2001, 1, 1), dt.date(2012, 1, 1))

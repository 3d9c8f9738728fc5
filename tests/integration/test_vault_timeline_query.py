"""The timeline of every case: the same filters and order as one case's timeline, over the
whole vault, with the text filter not narrowed to any case. A real vault on disk."""

from __future__ import annotations

import datetime as dt

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter


def titles(services: Services, f: EventFilter | None = None) -> list[str]:
    f = f or EventFilter()
    return [services.timeline.get_event(i).title for i in services.timeline.event_ids(None, f)]


def test_every_case_in_timeline_order_and_filtered_across_cases(services: Services) -> None:
    tl = services.timeline
    first = services.cases.create_case("Petrova v. Russia")
    second = services.cases.create_case("Дело Кузнецова", title_alt="Kuznetsov case")
    tl.add_event(first, FuzzyDate.day(2010, 3, 1), "Допрос свидетеля Петровой")
    tl.add_event(second, FuzzyDate.day(2009, 1, 5), "Петрова подала жалобу")
    tl.add_event(first, FuzzyDate.month(2011, 6), "Hearing in Moscow")
    gone = tl.add_event(second, FuzzyDate.day(2012, 1, 1), "Deleted hearing")
    tl.delete_event(gone)
    late = tl.add_event(second, FuzzyDate.day(2013, 2, 2), "Petrova's appeal")

    assert titles(services) == ["Петрова подала жалобу", "Допрос свидетеля Петровой",
                                "Hearing in Moscow", "Petrova's appeal"]  # fmt: skip
    # A declined name finds its other forms in both cases: not scoped to one case.
    assert titles(services, EventFilter(text="Петровой")) == [
        "Петрова подала жалобу", "Допрос свидетеля Петровой"]  # fmt: skip
    assert titles(services, EventFilter(text="hearing")) == ["Hearing in Moscow"]
    assert titles(services, EventFilter(date_from=dt.date(2010, 1, 1),
                                        date_to=dt.date(2011, 12, 31))) == [
        "Допрос свидетеля Петровой", "Hearing in Moscow"]  # fmt: skip
    # One case's timeline still keeps to its case.
    assert [tl.get_event(i).title for i in tl.event_ids(first, EventFilter(text="Петровой"))] == [
        "Допрос свидетеля Петровой"
    ]
    # The band's rows come in the same order, from the vault's own index.
    spans = tl.date_spans(None)
    assert [row[0] for row in spans] == tl.event_ids(None)
    assert spans[-1][0] == late
    ids, dates, keys = tl.timeline_columns(None)  # the same, as the panel reads it
    assert list(zip(ids, dates, keys, strict=True)) == [tuple(row) for row in spans]

    # The same person in two cases is one filter choice that finds both.
    ann_1 = services.people.add_person(first, "victim", "Anna Petrova")
    ann_2 = services.people.add_person(second, "victim", "Anna Petrova")
    only = services.people.add_person(second, "investigator", "Ivan Kuznetsov")
    for event_id, person in zip(tl.event_ids(None)[:3], (ann_1, ann_2, only), strict=True):
        tl.add_participant(event_id, person)
    people, _tags = tl.vault_choices()
    groups = dict((name, ids) for ids, name in people)
    assert set(groups["Anna Petrova"]) == {ann_1, ann_2}
    assert titles(services, EventFilter(people=groups["Anna Petrova"])) == [
        "Петрова подала жалобу", "Допрос свидетеля Петровой"]  # fmt: skip

    # Case names in the reader's language where the case has a translation.
    assert tl.case_names("en")[second] == "Kuznetsov case"
    assert tl.case_names("ru")[second] == "Дело Кузнецова"
    assert tl.case_names("ru")[first] == "Petrova v. Russia"

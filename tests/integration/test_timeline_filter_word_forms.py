"""The timeline's text filter finds a Russian word in its other forms when it is typed in
a declined one, and a romanised name without its case ending; it does not stretch a word
that is its own dictionary form into unrelated ones, nor an English word to its stem.

A real vault on disk; the events are typed as a court record would put them.
"""

from __future__ import annotations

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter

TITLES = (
    "Допрос свидетеля Петровой Е.А.",
    "Петрова подала жалобу в прокуратуру",
    "Жалоба на следователя Кузнецова",
    "Кузнецов отказал в допросе защитника",
    "Показания направлены Кузнецову",
    "Пётр Иванов дал показания",
    "Kuznetsova testified at the hearing",
    "Heart attack in the cell",
    "Hearing on the extension of detention",
)


def shown(services: Services, case_id: str, text: str) -> set[str]:
    ids = services.timeline.event_ids(case_id, EventFilter(text=text))
    return {services.timeline.get_event(event_id).title for event_id in ids}


def test_declined_words_find_their_other_forms(services: Services) -> None:
    case_id = services.cases.create_case("Court record")
    for title in TITLES:
        services.timeline.add_event(case_id, FuzzyDate.day(2009, 11, 16), title)
    petrova = {TITLES[0], TITLES[1]}
    kuznetsov = {TITLES[2], TITLES[3], TITLES[4]}
    assert shown(services, case_id, "Петровой") == petrova
    assert shown(services, case_id, "петрова") == petrova
    assert shown(services, case_id, "Кузнецову") == kuznetsov
    assert shown(services, case_id, "Кузнецова") == kuznetsov | {TITLES[6]}
    assert shown(services, case_id, "жалобы") == {TITLES[1], TITLES[2]}
    assert shown(services, case_id, "допросов") == {TITLES[0], TITLES[3]}
    assert shown(services, case_id, "показаниями Кузнецова") == {TITLES[4]}
    # Romanised, without its ending: the Cyrillic forms too.
    assert shown(services, case_id, "Kuznetsova") == kuznetsov | {TITLES[6]}
    # A dictionary form keeps to its own forms: "Петров" is also the genitive plural of
    # "Пётр", and the filter must not list every Пётр.
    assert shown(services, case_id, "Петров") == petrova
    # English words are matched as typed (as a prefix), never by stem: "hearing" is not
    # "heart".
    assert shown(services, case_id, "hearing") == {TITLES[6], TITLES[8]}
    assert shown(services, case_id, "heart") == {TITLES[7]}

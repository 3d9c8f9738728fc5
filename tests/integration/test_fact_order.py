"""Facts of the same date keep the order the user gave them: table, `event list`, pack, sync.

The rule (README, "Fact order"): the first day a fact may have happened; on the same first
day the shorter span first; then the manual order (`event move`, drag in the table); then
the order of entry. Editing a fact never moves it unless its date changes.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sync_devices import make_device, pair, send

from desktop.briefing.model import BriefingOptions
from desktop.errors import KnownError
from desktop.services.fact_order import FactOrder
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.services.transfer import export_json, import_json
from desktop.store.vault import Vault


def table_titles(services: Services, case_id: str) -> list[str]:
    """What the timeline table shows, in its order (the same query the GUI model gets)."""
    ids = services.timeline.event_ids(case_id, EventFilter())
    return [r.event.title for r in services.timeline.rows(ids)]


def pack_titles(services: Services, case_id: str) -> list[str]:
    briefing = services.briefs.briefing(case_id, BriefingOptions(generated_on=dt.date(2020, 1, 1)))
    return [row.title for row in briefing.chronology]


@pytest.fixture
def case_id(services: Services) -> str:
    return services.cases.create_case("Order")


def add(services: Services, case_id: str, date: str, title: str) -> str:
    return services.timeline.add_event(case_id, date, title)


def test_the_documented_rule_orders_ranges_and_imprecise_dates(
    services: Services, case_id: str
) -> None:
    for date, title in [
        ("10 September 2009", "hearing begins"),
        ("September–November 2009", "hearings"),
        ("2009", "the year"),
        ("September 2009", "the month"),
        ("1 September 2009", "first of the month"),
        ("after 1 September 2009", "after the first"),
        ("undated", "undated"),
        ("night of 31 August to 1 September 2009", "the night"),
    ]:
        add(services, case_id, date, title)
    expected = [
        "the year",
        "the night",
        "first of the month",
        "the month",
        "hearings",
        "after the first",
        "hearing begins",
        "undated",
    ]
    assert table_titles(services, case_id) == expected
    assert pack_titles(services, case_id) == expected


def test_same_date_keeps_entry_order_then_the_manual_order_through_edits(
    services: Services, case_id: str
) -> None:
    a = add(services, case_id, "25 August 2008", "A")
    b = add(services, case_id, "2008-08-25", "B")
    c = add(services, case_id, "25.08.2008", "C")
    assert table_titles(services, case_id) == ["A", "B", "C"]
    FactOrder(services.store).move(c, before=a)
    FactOrder(services.store).move(a, after=b)
    assert table_titles(services, case_id) == ["C", "B", "A"]
    for event_id, title in ((a, "A edited"), (b, "B edited"), (c, "C edited")):
        services.timeline.update_event(event_id, title=title, place="Moscow")
    services.timeline.update_event(b, date="25 августа 2008 г.")  # the same day, written anew
    expected = ["C edited", "B edited", "A edited"]
    assert table_titles(services, case_id) == expected
    assert pack_titles(services, case_id) == expected
    d = add(services, case_id, "25 Aug 2008", "D")  # a new fact goes last on its date
    assert table_titles(services, case_id)[-1] == "D"
    services.timeline.update_event(d, date="24 August 2008")  # a new date moves it
    assert table_titles(services, case_id)[0] == "D"


def test_moving_across_dates_is_refused_and_changes_nothing(
    services: Services, case_id: str
) -> None:
    a = add(services, case_id, "25 August 2008", "A")
    b = add(services, case_id, "August 2008", "B")
    with pytest.raises(KnownError, match="same date"):
        FactOrder(services.store).move(a, before=b)
    with pytest.raises(KnownError):
        FactOrder(services.store).move(a, before=a)
    assert table_titles(services, case_id) == ["B", "A"]


def test_manual_order_and_date_notes_survive_export_and_import(
    services: Services, case_id: str, tmp_path: Path
) -> None:
    a = add(services, case_id, "в ночь на 26 августа 2008 г.", "A")
    b = add(services, case_id, "night of 25 to 26 August 2008", "B")
    FactOrder(services.store).move(b, before=a)
    raw = export_json(services.store)
    assert any(r.get("date_note") == "night" for r in json.loads(raw)["tables"]["events"])
    fresh, _ = Vault.create(tmp_path / "fresh", "another passphrase")
    try:
        other = Services.over(fresh)
        import_json(other.store, raw)
        rows = other.timeline.rows(other.timeline.event_ids(case_id))
        assert [r.event.title for r in rows] == ["B", "A"]
        assert rows[0].date.display("en", "short") == "night of 25–26 Aug 2008"
    finally:
        fresh.lock()


def test_manual_order_travels_with_sync(tmp_path: Path) -> None:
    one, two = make_device(tmp_path / "one", "one"), make_device(tmp_path / "two", "two")
    try:
        pair(one, two, tmp_path / "pairing")
        case_id = one.services.cases.create_case("Shared")
        a = add(one.services, case_id, "3 May 2009", "A")
        add(one.services, case_id, "morning of 3 May 2009", "B")
        send(one, two, tmp_path / "stick")
        assert table_titles(two.services, case_id) == ["A", "B"]
        FactOrder(one.services.store).move(a, after=_id(one, "B"))
        send(one, two, tmp_path / "stick")
        assert table_titles(two.services, case_id) == ["B", "A"]
        row = two.services.timeline.rows([_id(two, "B")])[0]
        assert row.date.display() == "morning of 3 May 2009"
    finally:
        one.vault.lock()
        two.vault.lock()


def _id(device: object, title: str) -> str:
    services: Services = device.services  # type: ignore[attr-defined]
    for case in services.cases.list_cases():
        for row in services.timeline.rows(services.timeline.event_ids(case.id)):
            if row.event.title == title:
                return row.event.id
    raise AssertionError(title)

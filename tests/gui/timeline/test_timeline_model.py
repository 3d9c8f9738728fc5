"""TimelineModel: row count from the id query, rows fetched in blocks on demand."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.ui.timeline.model import (
    BLOCK_ROWS,
    CACHED_BLOCKS,
    EVENT_ID_ROLE,
    Column,
    TimelineModel,
)
from tests.gui.timeline.generated import add_generated_events

RU_DEC_2007 = "дек. 2007"


def test_row_count_is_the_filtered_id_count(services: Services, demo_case: str) -> None:
    model = TimelineModel(services.timeline.rows)
    ids = services.timeline.event_ids(demo_case, EventFilter(fact_status="undisputed"))
    model.set_ids(ids)
    assert model.rowCount() == len(ids) == 9
    assert model.columnCount() == len(Column)
    assert model.blocks_fetched == 0  # knowing the count costs no row fetch


def test_date_is_shown_as_entered_and_status_in_the_ui_language(
    services: Services, demo_case: str
) -> None:
    model = TimelineModel(services.timeline.rows)
    model.set_ids(services.timeline.event_ids(demo_case))
    shown = [model.index(r, Column.DATE).data() for r in range(model.rowCount())]
    assert shown[:3] == ["4 Jun 2007", "Dec 2007", "3–11 Dec 2007"]
    assert "before 5 Aug 2010" in shown
    tooltip = model.index(0, Column.DATE).data(0x03)  # ToolTipRole
    assert tooltip == "4 June 2007"
    assert model.index(0, Column.STATUS).data() == "Unverified"
    model.set_language("ru")
    assert model.index(0, Column.STATUS).data() == "Не подтверждено"
    assert model.index(1, Column.DATE).data() == RU_DEC_2007


def test_a_deep_row_fetches_only_its_block(
    services: Services, demo_case: str, qtbot: QtBot
) -> None:
    add_generated_events(services, demo_case, 3000)
    ids = services.timeline.event_ids(demo_case)
    model = TimelineModel(services.timeline.rows)
    model.set_ids(ids)
    deep = 2_510
    title = model.index(deep, Column.TITLE).data()
    assert model.blocks_fetched == 1
    assert title == services.timeline.rows([ids[deep]])[0].event.title
    assert model.index(deep, 0).data(EVENT_ID_ROLE) == ids[deep]
    same_block = (deep // BLOCK_ROWS) * BLOCK_ROWS
    model.index(same_block, Column.PEOPLE).data()
    model.index(same_block + BLOCK_ROWS - 1, Column.TITLE).data()
    assert model.blocks_fetched == 1
    model.index(0, Column.TITLE).data()
    assert model.blocks_fetched == 2


def test_old_blocks_are_dropped_and_fetched_again(services: Services, demo_case: str) -> None:
    add_generated_events(services, demo_case, BLOCK_ROWS * (CACHED_BLOCKS + 2))
    model = TimelineModel(services.timeline.rows)
    model.set_ids(services.timeline.event_ids(demo_case))
    for block in range(CACHED_BLOCKS + 1):
        model.index(block * BLOCK_ROWS, Column.TITLE).data()
    assert model.blocks_fetched == CACHED_BLOCKS + 1
    model.index(BLOCK_ROWS, Column.TITLE).data()  # block 1 is still cached
    assert model.blocks_fetched == CACHED_BLOCKS + 1
    model.index(0, Column.TITLE).data()  # block 0 was the least recently used
    assert model.blocks_fetched == CACHED_BLOCKS + 2


def test_a_vanished_event_shows_as_removed(services: Services, demo_case: str) -> None:
    ids = services.timeline.event_ids(demo_case)
    model = TimelineModel(services.timeline.rows)
    model.set_ids(ids)
    services.timeline.delete_event(ids[0])
    model.forget_rows()
    assert model.index(0, Column.TITLE).data() == "(removed)"
    assert model.row_of(ids[1]) == 1


def test_a_disputed_fact_says_who_disputes_it(services: Services, demo_case: str) -> None:
    add = services.timeline.add_event
    defence = add(demo_case, "2030-01-01", "a", fact_status="disputed", disputed_by="defence")
    doctor = add(demo_case, "2030-01-02", "b", fact_status="disputed", disputed_by="other",
                 disputed_by_note="the prison doctor")  # fmt: skip
    unnamed = add(demo_case, "2030-01-03", "c", fact_status="disputed")
    model = TimelineModel(services.timeline.rows)
    model.set_ids([defence, doctor, unnamed])
    shown = [model.index(r, Column.STATUS).data() for r in range(3)]
    assert shown == ["Disputed: the defence", "Disputed: the prison doctor", "Disputed"]
    model.set_language("ru")
    assert model.index(0, Column.STATUS).data() == "Оспаривается: защита"

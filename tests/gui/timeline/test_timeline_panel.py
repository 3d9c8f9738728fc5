"""TimelinePanel on the demo case: filters in SQL, band and table in step, delete and undo."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.demo import sample_case_path
from desktop.services.registry import Services
from desktop.ui.timeline.model import Column
from desktop.ui.timeline.panel import TimelinePanel

SAMPLE = json.loads(sample_case_path().read_text("utf-8"))
TITLES = {e["title"] for e in SAMPLE["events"]}


def titles_shown(panel: TimelinePanel) -> set[str]:
    model = panel.model
    return {model.index(r, Column.TITLE).data() for r in range(model.rowCount())}


def settle(qtbot: QtBot, panel: TimelinePanel) -> None:
    qtbot.waitUntil(panel.is_idle)


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel(
    qtbot: QtBot, services: Services, demo_case: str, undo_stack: QUndoStack
) -> Iterator[TimelinePanel]:
    widget = TimelinePanel(services, undo_stack=undo_stack)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.set_case(demo_case)
    qtbot.waitUntil(lambda: widget.model.rowCount() == len(TITLES))
    qtbot.waitUntil(lambda: len(widget.band.spans()) > 0)
    yield widget
    widget.wait_idle()


def test_shows_every_event_of_the_case_in_date_order(panel: TimelinePanel) -> None:
    assert titles_shown(panel) == TITLES
    assert panel.model.index(0, Column.TITLE).data().startswith("Raid on the Moscow offices")
    # undated events are not drawn; this case has none, and "before" keeps its bound
    assert len(panel.band.spans()) == len(TITLES)


def test_text_filter_kuznetsov(panel: TimelinePanel, qtbot: QtBot) -> None:
    qtbot.keyClicks(panel.filters.text, "Kuznetsov")
    settle(qtbot, panel)
    expected = {
        e["title"]
        for e in SAMPLE["events"]
        if "kuznetsov"
        in " ".join((e["title"], e.get("description", ""), e.get("place", ""))).lower()
    }
    assert expected, "the demo case mentions Kuznetsov in events"
    assert titles_shown(panel) == expected
    assert len(panel.band.spans()) == len(expected)


def test_person_filter(
    panel: TimelinePanel, qtbot: QtBot, services: Services, demo_case: str
) -> None:
    kuznetsov = next(p for p in services.people.persons(demo_case) if "Kuznetsov" in p.display_name)
    combo = panel.filters.person
    combo.setCurrentIndex(combo.findData(kuznetsov.id))
    settle(qtbot, panel)
    expected = {
        e["title"]
        for e in SAMPLE["events"]
        if any(p["person"] == "kuznetsov" for p in e.get("people", []))
    }
    assert len(expected) == 4
    assert titles_shown(panel) == expected


def expected_in(first: dt.date, last: dt.date) -> set[str]:
    return {
        e["title"] for e in SAMPLE["events"] if FuzzyDate.from_edtf(e["date"]).overlaps(first, last)
    }


def test_date_range_filter(panel: TimelinePanel, qtbot: QtBot) -> None:
    panel.filters.date_from.setDate(QDate(2011, 1, 1))
    panel.filters.date_to.setDate(QDate(2012, 12, 31))
    settle(qtbot, panel)
    expected = expected_in(dt.date(2011, 1, 1), dt.date(2012, 12, 31))
    assert len(expected) == 4
    assert titles_shown(panel) == expected
    panel.filters.date_to.setDate(panel.filters.date_to.minimumDate())  # "any": open end
    settle(qtbot, panel)
    assert titles_shown(panel) == expected_in(dt.date(2011, 1, 1), dt.date(9999, 12, 31))


def test_date_range_keeps_open_before_dates(panel: TimelinePanel, qtbot: QtBot) -> None:
    panel.filters.date_from.setDate(QDate(2009, 1, 1))
    panel.filters.date_to.setDate(QDate(2009, 12, 31))
    settle(qtbot, panel)
    assert titles_shown(panel) == expected_in(dt.date(2009, 1, 1), dt.date(2009, 12, 31))


def test_status_filter_and_clear(panel: TimelinePanel, qtbot: QtBot) -> None:
    combo = panel.filters.status
    combo.setCurrentIndex(combo.findData("undisputed"))
    settle(qtbot, panel)
    expected = {e["title"] for e in SAMPLE["events"] if e.get("fact_status") == "undisputed"}
    assert titles_shown(panel) == expected
    qtbot.mouseClick(panel.filters.clear_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert titles_shown(panel) == TITLES


def test_tag_filter(qtbot: QtBot, services: Services, demo_case: str) -> None:
    ids = services.timeline.event_ids(demo_case)
    services.tags.tag(demo_case, "event", ids[4], "arrest")
    widget = TimelinePanel(services)
    qtbot.addWidget(widget)
    widget.set_case(demo_case)
    qtbot.waitUntil(lambda: widget.model.rowCount() == len(TITLES))
    combo = widget.filters.tag
    assert combo.itemText(1) == "arrest"
    combo.setCurrentIndex(1)
    settle(qtbot, widget)
    assert widget.model.ids() == [ids[4]]
    widget.wait_idle()


def test_band_click_selects_the_table_row(panel: TimelinePanel, qtbot: QtBot) -> None:
    selected: list[str] = []
    panel.eventSelected.connect(selected.append)
    panel.band.repaint()
    assert not panel.band.dense
    rect, event_id = panel.band._hits[5]
    qtbot.mouseClick(panel.band, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert panel.current_event_id() == event_id
    assert selected == [event_id]
    assert panel.band.selected() == event_id


def test_table_selection_selects_in_the_band(panel: TimelinePanel, qtbot: QtBot) -> None:
    panel.table.setFocus()
    panel.table.selectRow(7)
    event_id = panel.model.event_id(7)
    assert panel.band.selected() == event_id
    panel.select_event(panel.model.event_id(2) or "")
    assert panel.table.currentIndex().row() == 2
    assert panel.band.selected() == panel.model.event_id(2)


def test_enter_and_double_click_activate(panel: TimelinePanel, qtbot: QtBot) -> None:
    activated: list[str] = []
    panel.eventActivated.connect(activated.append)
    panel.table.setFocus()
    panel.table.selectRow(3)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert activated == [panel.model.event_id(3)]


def test_delete_asks_then_undo_restores(
    panel: TimelinePanel, qtbot: QtBot, undo_stack: QUndoStack
) -> None:
    asked: list[str] = []

    def refuse(title: str) -> bool:
        asked.append(title)
        return False

    panel.confirm_delete = refuse  # type: ignore[method-assign]
    panel.table.setFocus()
    panel.table.selectRow(4)
    victim = panel.model.event_id(4)
    title = panel.model.index(4, Column.TITLE).data()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert asked == [title]
    assert undo_stack.count() == 0  # refused: nothing deleted
    panel.confirm_delete = lambda title: True  # type: ignore[method-assign]
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(TITLES) - 1)
    assert victim not in panel.model.ids()
    assert undo_stack.count() == 1
    undo_stack.undo()
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(TITLES))
    assert victim in panel.model.ids()
    assert title in titles_shown(panel)


def test_clear_drops_everything(panel: TimelinePanel) -> None:
    panel.clear()
    assert panel.model.rowCount() == 0
    assert panel.band.spans() == []
    assert panel.filters.person.count() == 1


def test_the_first_rows_come_with_the_answer_off_the_gui_thread(
    panel: TimelinePanel, qtbot: QtBot, services: Services
) -> None:
    """The first block of rows is read with the ids on the worker: painting the answer
    reads nothing on the GUI thread. Rows read in a language no longer shown are not used."""
    before = panel.model.blocks_fetched
    qtbot.keyClicks(panel.filters.text, "Kuznetsov")
    settle(qtbot, panel)
    panel.table.viewport().repaint()
    assert titles_shown(panel) and panel.model.blocks_fetched == before
    ids = panel.model.ids()
    russian_rows = services.timeline.rows(ids, "ru")
    panel.model.set_ids(ids, russian_rows, "ru")  # read in Russian, the table shows English
    assert panel.model.lang == "en"
    panel.model.index(0, Column.DATE).data()
    assert panel.model.blocks_fetched == before + 1  # read again, in English

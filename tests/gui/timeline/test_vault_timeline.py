"""The timeline of every case: events of two cases in one date order with their case
names, filters across cases (words in their declined forms, a person, dates), what needs
one case switched off with the reason given, and the window opened from the main window:
Enter opens the event's editor, the workspace keeps its case, a write elsewhere shows.

A real vault on disk and real widgets (offscreen).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.services.timeline import FIRST_ROWS
from desktop.ui.editors.event import EventEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.timeline.model import Column
from desktop.ui.timeline.panel import TimelinePanel
from desktop.ui.timeline.vault_window import VaultTimelineWindow
from desktop.ui.writes import write_queue
from tests.gui.timeline.generated import add_generated_events


def shown(panel: TimelinePanel, column: Column = Column.TITLE) -> list[str]:
    model = panel.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


@pytest.fixture
def two_cases(services: Services) -> dict[str, str]:
    tl = services.timeline
    first = services.cases.create_case("Petrova v. Russia")
    second = services.cases.create_case("Дело Кузнецова", title_alt="Kuznetsov case")
    tl.add_event(first, FuzzyDate.day(2010, 3, 1), "Допрос свидетеля Петровой")
    tl.add_event(second, FuzzyDate.day(2009, 1, 5), "Петрова подала жалобу")
    tl.add_event(first, FuzzyDate.month(2011, 6), "Hearing in Moscow")
    tl.add_event(second, FuzzyDate.day(2013, 2, 2), "Transfer to the colony")
    anna_1 = services.people.add_person(first, "victim", "Anna Petrova")
    anna_2 = services.people.add_person(second, "victim", "Anna Petrova")
    for event_id, person in zip(tl.event_ids(None)[:2], (anna_2, anna_1), strict=True):
        tl.add_participant(event_id, person)
    return {"first": first, "second": second}


@pytest.fixture
def panel(qtbot: QtBot, services: Services, two_cases: dict[str, str]) -> Iterator[TimelinePanel]:
    widget = TimelinePanel(services, undo_stack=QUndoStack())
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.show_every_case()
    qtbot.waitUntil(lambda: widget.is_idle() and widget.model.rowCount() == 4)
    yield widget
    widget.wait_idle()


def test_events_of_every_case_in_date_order_with_their_case(panel: TimelinePanel) -> None:
    assert shown(panel) == ["Петрова подала жалобу", "Допрос свидетеля Петровой",
                            "Hearing in Moscow", "Transfer to the colony"]  # fmt: skip
    assert shown(panel, Column.CASE) == ["Kuznetsov case", "Petrova v. Russia",
                                         "Petrova v. Russia", "Kuznetsov case"]  # fmt: skip
    assert not panel.table.isColumnHidden(Column.CASE)
    assert panel.model.headerData(Column.CASE, Qt.Orientation.Horizontal) == "Case"
    assert len(panel.band.spans()) == 4


def test_case_titles_follow_the_interface_language(panel: TimelinePanel) -> None:
    panel.set_language("ru")
    assert shown(panel, Column.CASE)[0] == "Дело Кузнецова"
    panel.set_language("en")
    assert shown(panel, Column.CASE)[0] == "Kuznetsov case"


def test_one_case_again_hides_the_case_column(
    panel: TimelinePanel, qtbot: QtBot, two_cases: dict[str, str]
) -> None:
    panel.set_case(two_cases["first"])
    qtbot.waitUntil(lambda: panel.is_idle() and panel.model.rowCount() == 2)
    assert panel.table.isColumnHidden(Column.CASE)
    assert panel.marking.add_tag_action.isEnabled()


def test_filters_work_across_cases(panel: TimelinePanel, qtbot: QtBot) -> None:
    panel.filters.text.setText("Петровой")  # QTest types ASCII only
    qtbot.waitUntil(lambda: panel.is_idle() and panel.model.rowCount() == 2)
    assert shown(panel) == ["Петрова подала жалобу", "Допрос свидетеля Петровой"]
    panel.filters.text.clear()
    # One name, one choice: Anna Petrova of both cases.
    combo = panel.filters.person
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Anna Petrova"]
    combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: panel.is_idle() and shown(panel)[-1:] == ["Допрос свидетеля Петровой"])
    assert shown(panel, Column.CASE) == ["Kuznetsov case", "Petrova v. Russia"]
    combo.setCurrentIndex(0)
    panel.filters.date_from.setDate(QDate(2010, 1, 1))
    panel.filters.date_to.setDate(QDate(2011, 12, 31))
    qtbot.waitUntil(lambda: panel.is_idle() and shown(panel)[:1] == ["Допрос свидетеля Петровой"])
    assert shown(panel) == ["Допрос свидетеля Петровой", "Hearing in Moscow"]
    assert panel.filters.current_filter().date_from == dt.date(2010, 1, 1)


def test_one_letter_waits_for_a_second_across_all_cases(panel: TimelinePanel, qtbot: QtBot) -> None:
    """A single letter begins words in most of a vault: it does not filter every case (the
    rows stay, the status says to type on); two letters do."""
    every = shown(panel)
    asked = []
    panel.ids_query.done.connect(asked.append)
    QTest.keyClicks(panel.filters.text, "H")
    qtbot.waitUntil(panel.is_idle)
    assert asked == [] and shown(panel) == every
    assert "second letter" in panel.status.text()
    QTest.keyClicks(panel.filters.text, "e")
    qtbot.waitUntil(lambda: panel.is_idle() and len(asked) == 1)
    assert shown(panel) == ["Hearing in Moscow"]
    QTest.keyClick(panel.filters.text, Qt.Key.Key_Backspace)  # back to one letter: all rows
    qtbot.waitUntil(lambda: panel.is_idle() and len(asked) == 2)
    assert shown(panel) == every


def test_what_needs_one_case_is_off_and_says_why(panel: TimelinePanel) -> None:
    marking = panel.marking
    for action in (marking.add_tag_action, marking.delete_tag_action):
        assert not action.isEnabled()
        assert "one case" in action.toolTip()
    assert marking.mark_key_action.isEnabled()  # key facts are marked by event, any case
    first, second = panel.model.event_id(0), panel.model.event_id(1)
    assert first and second
    panel.move_event(second, first, True)
    assert "within their case" in panel.status.text()
    assert shown(panel)[0] == "Петрова подала жалобу"  # nothing moved
    assert panel.band.spans() and not panel.band._marks  # no complaint marks of any case


def test_the_window_from_the_main_window(qtbot: QtBot, window: MainWindow) -> None:
    assert window.workspace is not None and window.services is not None
    case_before = window.workspace.case_id
    services = window.services
    other = services.cases.create_case("Second case")
    services.timeline.add_event(other, FuzzyDate.day(1990, 1, 1), "Earliest of all")
    window.commands.vault_timeline.trigger()
    vault_window = window.vault_timeline
    assert isinstance(vault_window, VaultTimelineWindow) and vault_window.isVisible()
    panel = vault_window.panel
    qtbot.waitUntil(lambda: panel.is_idle() and panel.model.rowCount() > 1)
    assert shown(panel)[0] == "Earliest of all"
    assert shown(panel, Column.CASE)[0] == "Second case"
    cases = set(shown(panel, Column.CASE))
    assert len(cases) == 2  # the demo case and this one
    assert window.workspace.case_id == case_before  # the workspace is left alone

    panel.table.setFocus()
    panel.select_event(panel.model.event_id(0) or "")
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    editors = [e for e in vault_window.findChildren(EventEditor) if e.isVisible()]
    assert len(editors) == 1 and editors[0].case_id == other
    editors[0].reject()

    # A write made elsewhere shows here.
    event_id = panel.model.event_id(0) or ""
    write_queue(services).submit(
        lambda: services.timeline.update_event(event_id, title="Earliest, renamed")
    )
    qtbot.waitUntil(lambda: panel.is_idle() and shown(panel)[0] == "Earliest, renamed")

    # The same action again shows the same window; locking closes it.
    window.commands.vault_timeline.trigger()
    assert window.vault_timeline is vault_window
    window.lock_vault()
    assert not vault_window.isVisible()
    assert panel.model.rowCount() == 0


def test_quitting_closes_the_timeline_of_all_cases_first(qtbot: QtBot, window: MainWindow) -> None:
    opened = window.open_vault_timeline()
    assert opened is not None
    qtbot.waitUntil(lambda: opened.panel.is_idle() and opened.panel.model.rowCount() > 0)
    opened.panel.filters.text.setText("Kuznetsov")  # a query on its way as the window closes
    window.close()
    assert not opened.isVisible()
    assert opened.panel.ids_query.wait(0) and opened.panel.spans_query.wait(0)  # none left
    assert opened.panel.model.rowCount() == 0 and window.vault is None


def test_a_long_answer_shows_its_first_rows_then_the_rest_below(
    qtbot: QtBot, services: Services
) -> None:
    first = services.cases.create_case("First")
    second = services.cases.create_case("Second")
    add_generated_events(services, first, 1_500, seed=1)
    add_generated_events(services, second, 1_500, seed=2, start=1_500)
    widget = TimelinePanel(services, undo_stack=QUndoStack())
    qtbot.addWidget(widget)
    widget.show()
    parts: list[int] = []
    inserted: list[tuple[int, int]] = []
    widget.ids_query.partial.connect(lambda first: parts.append(len(first[0])))
    widget.model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    widget.show_every_case()
    qtbot.waitUntil(lambda: widget.is_idle() and widget.model.rowCount() == 3_000)
    assert parts == [FIRST_ROWS]  # shown at once, while the rest was read
    assert inserted == [(FIRST_ROWS, 2_999)]  # then added below, not shown afresh
    assert widget.model.ids() == services.timeline.event_ids(None)
    assert {widget.model.index(r, Column.CASE).data() for r in (0, 1, 2_999)} <= {
        "First", "Second"}  # fmt: skip

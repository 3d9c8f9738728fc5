"""Dragging a fact in the timeline table reorders it among facts of the same date, undoably,
and the table, `event list` and the pack then agree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.briefing.model import BriefingOptions
from desktop.services.registry import Services
from desktop.ui.timeline.model import Column
from desktop.ui.timeline.panel import TimelinePanel


def shown(panel: TimelinePanel) -> list[str]:
    model = panel.model
    return [model.index(r, Column.TITLE).data() for r in range(model.rowCount())]


@pytest.fixture
def case(services: Services) -> str:
    case_id = services.cases.create_case("Drag")
    for date, title in [
        ("24 August 2008", "Before"),
        ("25 August 2008", "A"),
        ("25.08.2008", "B"),
        ("2008-08-25", "C"),
        ("26 August 2008", "After"),
    ]:
        services.timeline.add_event(case_id, date, title)  # fmt: skip
    return case_id


@pytest.fixture
def panel(
    qtbot: QtBot, services: Services, case: str, undo_stack: QUndoStack
) -> Iterator[TimelinePanel]:
    widget = TimelinePanel(services, undo_stack=undo_stack)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    widget.set_case(case)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 5)
    yield widget
    widget.wait_idle()


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


def drop(panel: TimelinePanel, source_row: int, target_row: int) -> bool:
    """What the view does on a drop: the dragged row's data, dropped onto a row."""
    model = panel.model
    data = model.mimeData([model.index(source_row, 0)])
    return model.dropMimeData(data, Qt.DropAction.MoveAction, target_row, 0, QModelIndex())


def test_rows_can_be_dragged_and_dropped(panel: TimelinePanel) -> None:
    flags = panel.model.flags(panel.model.index(1, 0))
    assert flags & Qt.ItemFlag.ItemIsDragEnabled and flags & Qt.ItemFlag.ItemIsDropEnabled
    assert panel.table.dragEnabled() and panel.table.acceptDrops()


def test_drag_within_a_date_reorders_and_undo_restores(
    panel: TimelinePanel, qtbot: QtBot, services: Services, case: str, undo_stack: QUndoStack
) -> None:
    assert shown(panel) == ["Before", "A", "B", "C", "After"]
    drop(panel, 3, 1)  # C onto A: C goes before A
    qtbot.waitUntil(lambda: shown(panel) == ["Before", "C", "A", "B", "After"])
    assert undo_stack.count() == 1
    ids = services.timeline.event_ids(case)
    assert [r.event.title for r in services.timeline.rows(ids)] == shown(panel)
    pack = services.briefs.briefing(case, BriefingOptions(generated_on=dt.date(2020, 1, 1)))
    assert [row.title for row in pack.chronology] == shown(panel)
    panel.wait_idle()
    undo_stack.undo()
    qtbot.waitUntil(lambda: shown(panel) == ["Before", "A", "B", "C", "After"])
    panel.wait_idle()
    undo_stack.redo()
    qtbot.waitUntil(lambda: shown(panel) == ["Before", "C", "A", "B", "After"])


def test_dropping_below_the_last_row_and_across_dates(
    panel: TimelinePanel, qtbot: QtBot, undo_stack: QUndoStack
) -> None:
    drop(panel, 1, 0)  # A onto "Before" (another date): refused, said, nothing moves
    assert "same date" in panel.status.text()
    assert undo_stack.count() == 0
    drop(panel, 4, -1)  # "After" below the table: after the last row, itself: nothing
    assert undo_stack.count() == 0
    assert shown(panel) == ["Before", "A", "B", "C", "After"]

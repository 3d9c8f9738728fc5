"""Key facts and tags in the timeline: the star column, the "Key facts only" filter, the
band's key markers, and tagging several selected events in one undoable step."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from flows import writes_landed
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.errors import ValidationError
from desktop.services.demo import sample_case_path
from desktop.services.registry import Services
from desktop.ui.timeline.model import KEY_STAR, Column
from desktop.ui.timeline.panel import TimelinePanel
from desktop.ui.writes import write_queue

SAMPLE = json.loads(sample_case_path().read_text("utf-8"))
TITLES = {e["title"] for e in SAMPLE["events"]}
KEY_TITLES = {e["title"] for e in SAMPLE["events"] if e.get("key_event")}


def column(panel: TimelinePanel, col: Column) -> list[str]:
    model = panel.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


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
    qtbot.waitUntil(lambda: len(widget.band.spans()) == len(TITLES))
    yield widget
    widget.wait_idle()


def test_the_key_column_stars_exactly_the_key_facts(panel: TimelinePanel) -> None:
    assert 0 < len(KEY_TITLES) < len(TITLES)
    starred = {
        title
        for title, star in zip(column(panel, Column.TITLE), column(panel, Column.KEY), strict=True)
        if star == KEY_STAR
    }
    assert starred == KEY_TITLES
    assert set(column(panel, Column.KEY)) == {KEY_STAR, ""}


def test_key_facts_only_filter_shows_only_key_facts_in_table_and_band(
    panel: TimelinePanel, qtbot: QtBot
) -> None:
    panel.filters.key_only.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(KEY_TITLES))
    assert set(column(panel, Column.TITLE)) == KEY_TITLES
    qtbot.waitUntil(lambda: len(panel.band.spans()) == len(KEY_TITLES))
    assert all(span.key for span in panel.band.spans())
    panel.filters.clear_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(TITLES))
    assert not panel.filters.key_only.isChecked()


def test_the_band_marks_key_facts_and_only_them(panel: TimelinePanel, qtbot: QtBot) -> None:
    titles = dict(zip(panel.model.ids(), column(panel, Column.TITLE), strict=True))
    keyed = {titles[s.event_id] for s in panel.band.key_spans()}
    assert keyed == KEY_TITLES
    assert {titles[s.event_id] for s in panel.band.spans() if not s.key} == TITLES - KEY_TITLES
    panel.band.fit_all()
    panel.band.repaint()
    assert {titles[i] for i in panel.band.key_marks} == KEY_TITLES  # drawn, once each
    assert len(panel.band.key_marks) == len(KEY_TITLES)
    assert "Key fact" in panel._describe(panel.band.key_spans()[0].event_id)


def select_rows(panel: TimelinePanel, rows: list[int]) -> None:
    selection = panel.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            panel.model.index(row, Column.TITLE),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_tagging_several_selected_events_is_one_undoable_step(
    panel: TimelinePanel, qtbot: QtBot, services: Services, demo_case: str, undo_stack: QUndoStack
) -> None:
    select_rows(panel, [0, 2, 5])
    chosen = panel.selected_event_ids()
    assert len(chosen) == 3
    panel.marking.tag_selected("detention conditions")
    writes_landed(qtbot, services)  # the change runs on the vault's write queue
    assert undo_stack.count() == 1
    assert undo_stack.undoText() == "Tag 3 event(s)"
    (tag,) = services.tags.tags(demo_case)
    assert tag.name == "detention conditions"
    qtbot.waitUntil(panel.is_idle)
    tags_shown = column(panel, Column.TAGS)
    assert [r for r, t in enumerate(tags_shown) if t == "detention conditions"] == [0, 2, 5]
    # the tag filter offers the new tag at once, and keeps working
    combo = panel.filters.tag
    combo.setCurrentIndex(combo.findData(tag.id))
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    assert sorted(panel.model.ids()) == sorted(chosen)

    undo_stack.undo()
    qtbot.waitUntil(panel.is_idle)
    assert services.tags.tags(demo_case) == []  # the tag made by the step went with it
    assert all(services.tags.tags_of(e) == [] for e in chosen)
    undo_stack.redo()
    assert {t.name for e in chosen for t in services.tags.tags_of(e)} == {"detention conditions"}


def test_untagging_selected_events_is_one_undoable_step(
    panel: TimelinePanel, qtbot: QtBot, services: Services, demo_case: str, undo_stack: QUndoStack
) -> None:
    select_rows(panel, [1, 3, 4])
    panel.marking.tag_selected("Butyrka")
    writes_landed(qtbot, services)
    (tag,) = services.tags.tags(demo_case)
    qtbot.waitUntil(panel.is_idle)
    select_rows(panel, [1, 3])
    panel.marking.untag_selected(tag.id)
    writes_landed(qtbot, services)
    assert undo_stack.count() == 2
    assert undo_stack.undoText() == "Untag 2 event(s)"
    tagged = [e for e in panel.model.ids() if services.tags.tags_of(e)]
    assert tagged == [panel.model.event_id(4)]
    undo_stack.undo()
    tagged = [e for e in panel.model.ids() if services.tags.tags_of(e)]
    assert tagged == [panel.model.event_id(r) for r in (1, 3, 4)]


def test_a_blank_tag_name_is_refused_and_changes_nothing(
    panel: TimelinePanel, services: Services, demo_case: str, undo_stack: QUndoStack
) -> None:
    select_rows(panel, [0])
    with pytest.raises(ValidationError, match="required"):
        panel.marking.tag_selected("   ")
    assert not write_queue(services).busy  # refused before anything was queued
    assert services.tags.tags(demo_case) == []
    assert undo_stack.count() == 0


def test_marking_selected_events_as_key_facts_is_one_undoable_step(
    panel: TimelinePanel, qtbot: QtBot, services: Services, undo_stack: QUndoStack
) -> None:
    plain = [r for r, star in enumerate(column(panel, Column.KEY)) if not star][:2]
    select_rows(panel, plain)
    panel.marking.mark_key_action.trigger()
    writes_landed(qtbot, services)
    qtbot.waitUntil(panel.is_idle)
    assert [column(panel, Column.KEY)[r] for r in plain] == [KEY_STAR, KEY_STAR]
    assert undo_stack.count() == 1
    qtbot.waitUntil(lambda: len(panel.band.key_spans()) == len(KEY_TITLES) + 2)
    undo_stack.undo()
    qtbot.waitUntil(panel.is_idle)
    assert [column(panel, Column.KEY)[r] for r in plain] == ["", ""]


def test_deleting_a_tag_takes_it_off_every_event_and_undo_brings_it_back(
    panel: TimelinePanel, qtbot: QtBot, services: Services, demo_case: str, undo_stack: QUndoStack
) -> None:
    select_rows(panel, [0, 1])
    panel.marking.tag_selected("to check")
    writes_landed(qtbot, services)
    (tag,) = services.tags.tags(demo_case)
    tagged = panel.selected_event_ids()
    panel.marking.delete_tag(tag.id)
    writes_landed(qtbot, services)
    assert undo_stack.undoText() == "Delete tag"
    assert services.tags.tags(demo_case) == []
    assert all(services.tags.tags_of(e) == [] for e in tagged)
    assert panel.filters.tag.findData(tag.id) == -1  # the filter no longer offers it
    undo_stack.undo()
    assert [t.name for t in services.tags.tags(demo_case)] == ["to check"]
    assert all([t.name for t in services.tags.tags_of(e)] == ["to check"] for e in tagged)
    assert panel.filters.tag.findData(tag.id) >= 0

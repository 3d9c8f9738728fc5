"""The name matcher in the GUI: the People filter, the person pickers, search's
"Similar names" section. One widget per test, over a real vault with the demo case."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.ui.editors.complaint import ComplaintEditor
from desktop.ui.editors.participants import ParticipantsPanel
from desktop.ui.people.tab import ID_ROLE, PeopleTab
from desktop.ui.search import HIT_ROLE, SearchDialog


def person_id(services: Services, case_id: str, display_name: str) -> str:
    return next(p.id for p in services.people.persons(case_id) if p.display_name == display_name)


def type_text(widget: QWidget, text: str) -> None:
    """Type `text` key by key, as a keyboard would (QTest's keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def visible_people(tab: PeopleTab) -> list[str]:
    items = [tab.list.item(row) for row in range(tab.list.count())]
    return [str(i.data(ID_ROLE)) for i in items if not i.isHidden()]


def test_people_filter_finds_any_spelling_and_case(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    tab = PeopleTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    everyone = visible_people(tab)
    kuznetsov = person_id(services, case_id, "Artem Kuznetsov")
    for query in ("kuznecov", "Кузнецова", "Kuznetsov", "кузн"):
        tab.filter.clear()
        type_text(tab.filter, query)
        assert visible_people(tab) == [kuznetsov], query
    tab.filter.setText("Павла")  # Павел Карпов in the genitive
    assert visible_people(tab) == [person_id(services, case_id, "Pavel Karpov")]
    tab.filter.setText("Petrov")
    assert visible_people(tab) == []
    tab.filter.clear()
    assert visible_people(tab) == everyone and len(everyone) > 5


# The pickers' completion popup asks for things the offscreen test platform cannot do.
OFFSCREEN_POPUP = pytest.mark.qt_log_ignore(r"This plugin does not support (raise|grabbing)")


@OFFSCREEN_POPUP
def test_participant_picker_narrows_by_the_matcher_and_enter_takes_the_match(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.add_event(case_id, FuzzyDate.day(2008, 11, 24), "Допрос")
    panel = ParticipantsPanel(services, case_id, event_id)
    qtbot.addWidget(panel)
    kuznetsov = person_id(services, case_id, "Artem Kuznetsov")
    line = panel.person.lineEdit()
    assert line is not None
    line.selectAll()
    type_text(line, "Кузнецова")
    assert panel.person.matches() == [kuznetsov]
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert panel.person.value() == kuznetsov
    assert panel.person.currentText() == "Artem Kuznetsov"
    panel.role.setText("investigator")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    people = [person.id for _p, person in services.timeline.participants(event_id)]
    assert people == [kuznetsov]


@OFFSCREEN_POPUP
def test_complaint_against_picker_uses_the_matcher(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = ComplaintEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    line = editor.against_person.lineEdit()
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "kuznecov")
    kuznetsov = person_id(services, case_id, "Artem Kuznetsov")
    assert editor.against_person.matches() == [kuznetsov]
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert editor.against_person.value() == kuznetsov
    line.selectAll()
    qtbot.keyClicks(line, "Nobody Atall")
    assert editor.against_person.matches() == []
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert editor.against_person.value() == kuznetsov  # a query that finds no one changes nothing


def test_search_dialog_shows_similar_names_apart_from_hits(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    dialog = SearchDialog(services, case_id)
    qtbot.addWidget(dialog)
    dialog.query.setText("Kouznetsov")
    dialog.run_search()
    similar = dialog.similar_group()
    assert similar is not None and similar.text(0) == "Similar names (1)"
    child = similar.child(0)
    assert child.text(0) == "Artem Kuznetsov"
    assert child.data(0, HIT_ROLE)[:2] == (
        "person",
        person_id(services, case_id, "Artem Kuznetsov"),
    )
    assert dialog.first_hit() is None  # Enter does not open a merely similar name
    assert dialog.status.text() == "No exact match; similar names below."
    dialog.query.setText("Kuznetsov")
    dialog.run_search()
    assert dialog.similar_group() is None
    first = dialog.first_hit()
    assert first is not None and first.text(0) == "Artem Kuznetsov"

"""The event editor reads the phrases lawyers write, shows how it understood them, and
keeps "night of …" as written when the event is edited without touching its date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.ui.editors.event import EventEditor


def _ok(qtbot: QtBot, editor: EventEditor) -> None:
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue


def test_typed_phrases_are_echoed_as_understood(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = EventEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    for typed, echoed in [
        ("в ночь на 26 августа 2008 г.", "night of 25–26 August 2008"),
        ("late November 2009", "late November 2009"),
        ("зимой 2008/09", "winter 2008/09"),
        ("2008?", "2008 (uncertain)"),
    ]:
        editor.date.line.setText(typed)
        assert editor.date.echo.text() == f"Understood as: {echoed}"


def test_an_untouched_night_keeps_its_note_and_its_place(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.add_event(case_id, "night of 25 to 26 August 2008", "Raid")
    editor = EventEditor(services, case_id, QUndoStack(), event_id)
    qtbot.addWidget(editor)
    assert editor.date.text() == "night of 25–26 August 2008"
    editor.title_edit.setText("Raid on the office")
    _ok(qtbot, editor)
    row = services.timeline.rows([event_id])[0]
    assert (row.event.title, row.event.date_note) == ("Raid on the office", "night")
    assert row.date.display() == "night of 25–26 August 2008"

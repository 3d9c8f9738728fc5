"""The translation line in the event, complaint and source editors (one widget per test,
a real vault holding the demo case, whose events carry Russian titles)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.ui.editors.case import CaseEditor
from desktop.ui.editors.complaint import ComplaintEditor
from desktop.ui.editors.event import EventEditor
from desktop.ui.editors.source import SourceEditor


def _ok(qtbot: QtBot, editor: EventEditor | ComplaintEditor | SourceEditor | CaseEditor) -> None:
    ok = editor.buttons.button(editor.buttons.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue


def test_an_event_shows_its_russian_title_and_saves_a_translated_description(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.event_ids(case_id)[0]
    original = services.timeline.get_event(event_id)
    stack = QUndoStack()
    editor = EventEditor(services, case_id, stack, event_id)
    qtbot.addWidget(editor)
    editor.show()
    box = editor.translation
    assert box.title.text() == original.title_alt and original.title_alt
    assert box.title.placeholderText() == "Title in Russian"
    assert box.description is not None and box.toggle is not None
    assert not box.description.isVisible()  # no translation yet: folded away
    qtbot.mouseClick(box.toggle, Qt.MouseButton.LeftButton)
    assert box.description.isVisible()
    box.description.setPlainText("Около 50 сотрудников МВД провели обыск")
    _ok(qtbot, editor)
    saved = services.timeline.get_event(event_id)
    assert saved.description_alt == "Около 50 сотрудников МВД провели обыск"
    assert saved.title_alt == original.title_alt and saved.text_lang == "en"
    stack.undo()
    assert services.timeline.get_event(event_id).description_alt == ""


def test_a_russian_title_asks_for_an_english_translation(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = EventEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    editor.date.line.setText("2010")
    assert editor.translation.title.placeholderText() == "Title in Russian"
    editor.title_edit.setText("Допрос свидетеля")  # (QTest types no Cyrillic keys)
    assert editor.translation.title.placeholderText() == "Title in English"
    assert editor.translation.toggle is not None
    assert editor.translation.toggle.text() == "Description in English"
    qtbot.keyClicks(editor.translation.title, "Witness questioned")
    _ok(qtbot, editor)
    saved = services.timeline.get_event(editor.saved_id or "")
    assert (saved.title, saved.title_alt, saved.text_lang) == (
        "Допрос свидетеля", "Witness questioned", "",
    )  # fmt: skip


def test_the_language_of_the_text_can_be_said_outright(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = SourceEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    editor.title_edit.setText("Hermitage")  # Latin letters, but a Russian record
    editor.translation.lang.setCurrentIndex(editor.translation.lang.findData("ru"))
    assert editor.translation.title.placeholderText() == "Title in English"
    editor.translation.title.setText("Hermitage (the fund)")
    _ok(qtbot, editor)
    saved = services.sources.get_source(editor.saved_id or "")
    assert (saved.text_lang, saved.title_alt) == ("ru", "Hermitage (the fund)")
    again = SourceEditor(services, case_id, QUndoStack(), saved.id)
    qtbot.addWidget(again)
    assert again.translation.lang.currentData() == "ru"
    assert again.translation.title.text() == "Hermitage (the fund)"


def test_a_complaint_keeps_its_subject_translation(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    complaint = services.complaints.register(case_id)[0].complaint
    editor = ComplaintEditor(services, case_id, QUndoStack(), complaint.id)
    qtbot.addWidget(editor)
    assert editor.translation.title.text() == complaint.subject_alt and complaint.subject_alt
    assert editor.translation.title.placeholderText() == "Subject in Russian"
    editor.translation.title.setText("хищение компаний")
    _ok(qtbot, editor)
    assert services.complaints.get_complaint(complaint.id).subject_alt == "хищение компаний"


def test_the_case_editor_shows_the_russian_title_and_summary(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    case = services.cases.get_case(case_id)
    editor = CaseEditor(services, QUndoStack(), case_id)
    qtbot.addWidget(editor)
    editor.show()
    box = editor.translation
    assert box.title.text() == case.title_alt
    assert case.title_alt == "Гибель Сергея Магнитского в предварительном заключении"
    assert box.toggle is not None and box.description is not None
    assert box.toggle.text() == "Summary in Russian"
    assert box.toggle.isChecked() and box.description.isVisible()  # a translation is there
    assert box.description.toPlainText() == case.summary_alt
    box.title.setText("Смерть Сергея Магнитского")
    _ok(qtbot, editor)
    assert services.cases.get_case(case_id).title_alt == "Смерть Сергея Магнитского"

"""Record editors, one widget per test, against a real vault holding the demo case."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QImage, QUndoStack
from pytestqt.qtbot import QtBot

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.complaints import Against
from desktop.services.registry import Services
from desktop.ui.complaints.model import OVERDUE_TEXT, ComplaintsModel
from desktop.ui.editors.citation import CitationEditor
from desktop.ui.editors.complaint import ComplaintEditor, ResponseEditor
from desktop.ui.editors.event import EventEditor
from desktop.ui.editors.person import OrganisationEditor, PersonEditor
from desktop.ui.editors.posting import PostingEditor
from desktop.ui.editors.source import SourceEditor
from desktop.ui.people.organisations import OrganisationsDialog


def _ok(qtbot: QtBot, editor: object) -> None:
    """Click OK and wait for the save: it runs on the vault's write queue."""
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Ok),  # type: ignore[attr-defined]
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: not editor.saving)  # type: ignore[attr-defined]


def test_event_editor_reads_fuzzy_dates_live(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    stack = QUndoStack()
    editor = EventEditor(services, case_id, stack)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.date.line, "circa March 2008")
    assert editor.date.echo.text() == "Understood as: circa March 2008"
    editor.date.line.setText("Dec 2007")
    assert editor.date.echo.text() == "Understood as: December 2007"
    editor.date.line.setText("the day after")
    assert editor.date.echo.text() == "Not a date Dossier understands yet"
    editor.date.line.setText("16.11.2009 21:50")  # a time is not kept: said, not dropped
    assert editor.date.echo.text() == "The time of day is not kept: put it in the title"
    editor.date.line.setText("circa March 2008")
    qtbot.keyClicks(editor.title_edit, "Meeting at the prosecutor's office")
    _ok(qtbot, editor)
    assert editor.result() == editor.DialogCode.Accepted
    saved = services.timeline.get_event(editor.saved_id or "")
    assert saved.date_edtf == "2008-03~"
    assert stack.count() == 1
    stack.undo()
    assert editor.saved_id not in services.timeline.event_ids(case_id)


def test_event_editor_shows_errors_next_to_fields(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    before = services.timeline.count(case_id)
    editor = EventEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    editor.show()
    editor.date.line.setText("2008")
    _ok(qtbot, editor)
    assert editor.error_for("title") == "Title is required."
    assert editor.isVisible()
    editor.title_edit.setText("Something")
    editor.date.line.setText("the thirtieth of Foo")
    _ok(qtbot, editor)
    assert editor.error_for("date")
    assert editor.error_for("title") == ""
    assert services.timeline.count(case_id) == before


def test_event_edit_keeps_an_untouched_date_and_undoes(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    event_id = services.timeline.event_ids(case_id)[0]
    original = services.timeline.get_event(event_id)
    stack = QUndoStack()
    editor = EventEditor(services, case_id, stack, event_id)
    qtbot.addWidget(editor)
    assert editor.title_edit.text() == original.title
    editor.title_edit.setText("Renamed")
    _ok(qtbot, editor)
    changed = services.timeline.get_event(event_id)
    assert changed.title == "Renamed" and changed.date_edtf == original.date_edtf
    stack.undo()
    assert services.timeline.get_event(event_id).title == original.title
    stack.redo()
    assert services.timeline.get_event(event_id).title == "Renamed"


def test_person_editor_keeps_names_in_their_scripts(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = PersonEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    editor.display_name.setText("Pavel Karpov")
    editor.names.setPlainText("Павел Карпов")
    _ok(qtbot, editor)
    person = services.people.get_person(editor.saved_id or "")
    assert "Павел Карпов" in person.names and person.display_name == "Pavel Karpov"
    empty = PersonEditor(services, case_id, QUndoStack())
    qtbot.addWidget(empty)
    _ok(qtbot, empty)
    assert empty.error_for("display_name") == "Display name is required."


def test_organisation_editor_creates(qtbot: QtBot, services: Services, case_id: str) -> None:
    editor = OrganisationEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    editor.name.setText("Butyrka pre-trial detention centre")
    editor.name_ru.setText("СИЗО Бутырка")
    _ok(qtbot, editor)
    names = [o.name_ru for o in services.people.organisations(case_id)]
    assert "СИЗО Бутырка" in names


def test_posting_editor_refuses_end_before_start(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    person = services.people.persons(case_id)[0]
    organisation = services.people.organisations(case_id)[0]
    stack = QUndoStack()
    editor = PostingEditor(services, case_id, person.id, stack)
    qtbot.addWidget(editor)
    editor.organisation.set_value(organisation.id)
    editor.role.setText("investigator")
    editor.start.line.setText("2009")
    editor.end.line.setText("2007")
    _ok(qtbot, editor)
    assert editor.error_for("end") == "A posting cannot end before it starts."
    editor.end.line.setText("2010")
    _ok(qtbot, editor)

    def investigators() -> int:
        return sum(p.role == "investigator" for p in services.people.postings(person.id))

    assert investigators() == 1
    assert stack.undoText() == "Add posting"
    stack.undo()  # the added posting goes
    assert investigators() == 0
    stack.redo()  # and comes back (as a new record)
    assert investigators() == 1
    stack.undo()
    assert investigators() == 0


def test_complaint_editor_validates_due_date(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = ComplaintEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    editor.against_text.setText("the investigator")
    editor.response_due.setText("next week")
    _ok(qtbot, editor)
    assert "24.11.2008" in editor.error_for("response_due")  # the date parser's own hint
    editor.response_due.setText("March 2010")
    _ok(qtbot, editor)
    assert "one day" in editor.error_for("response_due")
    editor.response_due.setText("15 января 2010 г.")
    assert "15 January 2010" in editor.response_due.echo.text()
    _ok(qtbot, editor)
    assert services.complaints.get_complaint(editor.saved_id or "").response_due == "2010-01-15"


def test_complaint_editor_needs_a_target(qtbot: QtBot, services: Services, case_id: str) -> None:
    editor = ComplaintEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    _ok(qtbot, editor)
    assert editor.error_for("against") == "Say whom the complaint is against."


def test_response_and_escalation(qtbot: QtBot, services: Services, case_id: str) -> None:
    complaint = services.complaints.register(case_id)[0].complaint
    before = len(services.complaints.responses(complaint.id))
    response = ResponseEditor(services, complaint.id, QUndoStack())
    qtbot.addWidget(response)
    response.received.line.setText("5 August 2010")
    response.summary.setPlainText("refused")
    _ok(qtbot, response)
    assert len(services.complaints.responses(complaint.id)) == before + 1
    escalation = ComplaintEditor(services, case_id, QUndoStack(), escalate_from=complaint.id)
    qtbot.addWidget(escalation)
    assert escalation.subject.toPlainText() == complaint.subject
    _ok(qtbot, escalation)
    new = services.complaints.get_complaint(escalation.saved_id or "")
    assert new.escalated_from_id == complaint.id


def test_source_editor_and_citation(qtbot: QtBot, services: Services, case_id: str) -> None:
    source = SourceEditor(services, case_id, QUndoStack())
    qtbot.addWidget(source)
    source.title_edit.setText("Letter from the prosecutor")
    source.date.line.setText("circa 2009")
    _ok(qtbot, source)
    record = services.sources.get_source(source.saved_id or "")
    assert record.date_edtf == "2009~"
    event_id = services.timeline.event_ids(case_id)[0]
    citation = CitationEditor(services, case_id, "event", event_id, QUndoStack())
    qtbot.addWidget(citation)
    _ok(qtbot, citation)
    assert citation.error_for("source_id") == "Choose the source to cite."
    citation.source.set_value(record.id)
    citation.pinpoint.setText("p. 2")
    citation.quote.setPlainText("no grounds")
    _ok(qtbot, citation)
    cited = services.sources.citations("event", event_id)
    assert any(c.pinpoint == "p. 2" and s.id == record.id for c, s in cited)


def test_complaints_model_paints_overdue_red(services: Services, case_id: str) -> None:
    person = services.people.persons(case_id)[0]
    services.complaints.add_complaint(
        case_id, against=[Against(person_id=person.id)], our_reference="OVERDUE-1",
        status="filed", response_due="2009-01-01", filed_on="2008",
    )  # fmt: skip
    model = ComplaintsModel(services)
    model.load(case_id, dt.date(2009, 1, 11))
    row = next(i for i, r in enumerate(model.rows) if r.complaint.our_reference == "OVERDUE-1")
    brush = model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == OVERDUE_TEXT
    days_left = ComplaintsModel.COLUMNS.index("days_left")
    assert model.data(model.index(row, days_left)) == "10 day(s) overdue"
    on_time = next(i for i, r in enumerate(model.rows) if not r.overdue)
    assert model.data(model.index(on_time, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert FuzzyDate.from_edtf("2008").display() == model.data(model.index(row, 1))


def test_a_decision_answers_an_overdue_complaint_and_undo_reopens_it(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    person = services.people.persons(case_id)[0]
    complaint_id = services.complaints.add_complaint(
        case_id, against=[Against(person_id=person.id)], our_reference="LATE-1",
        status="filed", response_due="2010-08-01", filed_on="2010-07",
    )  # fmt: skip
    model = ComplaintsModel(services)

    def row() -> int:
        model.load(case_id, dt.date(2010, 8, 20))
        return next(i for i, r in enumerate(model.rows) if r.complaint.id == complaint_id)

    def overdue() -> bool:
        index = row()  # loads the model afresh
        return model.rows[index].overdue

    assert overdue()
    stack = QUndoStack()
    response = ResponseEditor(services, complaint_id, stack)
    qtbot.addWidget(response)
    response.received.line.setText("5 August 2010")
    response.kind.set_value("decision")
    _ok(qtbot, response)

    assert services.complaints.get_complaint(complaint_id).status == "answered"
    assert not overdue()  # the clock stopped
    last = ComplaintsModel.COLUMNS.index("last_response")
    assert model.data(model.index(row(), last)) == "Decision, 5 Aug 2010"
    stack.undo()
    assert services.complaints.get_complaint(complaint_id).status == "filed"
    assert overdue()
    assert model.data(model.index(row(), last)) == ""


def _png(path: Path) -> Path:
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    assert image.save(str(path), "PNG")
    return path


def test_person_editor_sets_a_photo_and_undo_removes_it(
    qtbot: QtBot, services: Services, case_id: str, tmp_path: Path
) -> None:
    person = services.people.persons(case_id)[0]
    stack = QUndoStack()
    editor = PersonEditor(services, case_id, stack, person.id)
    qtbot.addWidget(editor)
    editor.set_photo_file(tmp_path / "not-a-picture.png")
    qtbot.waitUntil(lambda: not editor.storing_photo)  # stored on the write queue
    assert editor.error_for("photo_sha256") == "That picture cannot be read."
    picture = _png(tmp_path / "portrait.png")
    editor.set_photo_file(picture)
    assert not editor.buttons.isEnabled()  # OK waits for the picture
    qtbot.waitUntil(lambda: not editor.storing_photo)
    assert editor.buttons.isEnabled()
    assert editor.photo_preview.pixmap() is not None and editor.remove_photo.isEnabled()
    _ok(qtbot, editor)
    stored = services.people.get_person(person.id).photo_sha256
    assert stored == hashlib.sha256(picture.read_bytes()).hexdigest()
    assert services.sources.blob(stored) == picture.read_bytes()
    stack.undo()
    assert services.people.get_person(person.id).photo_sha256 is None


def test_organisations_can_be_edited_and_deleted_with_undo(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    stack = QUndoStack()
    dialog = OrganisationsDialog(services, case_id, stack)
    qtbot.addWidget(dialog)
    count = dialog.list.count()
    assert count == len(services.people.organisations(case_id)) > 0
    dialog.list.setCurrentRow(0)
    chosen = dialog.selected_id()
    editor = dialog.edit_selected()
    assert editor is not None and chosen is not None
    qtbot.addWidget(editor)
    editor.name_ru.setText("Новое название")
    _ok(qtbot, editor)
    assert services.people.get_organisation(chosen).name_ru == "Новое название"
    dialog.list.setCurrentRow(0)
    dialog.delete_selected(ask=False)
    assert dialog.list.count() == count - 1
    stack.undo()
    assert dialog.list.count() == count
    assert chosen in {o.id for o in services.people.organisations(case_id)}


def test_complaints_register_sorts_by_a_column_and_keeps_it_on_reload(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    from desktop.ui.complaints.tab import ComplaintsTab

    tab = ComplaintsTab(services, QUndoStack())
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    filed_order = [r.complaint.id for r in tab.model.rows]
    assert len(filed_order) >= 3
    due = ComplaintsModel.COLUMNS.index("due")
    tab.table.sortByColumn(due, Qt.SortOrder.DescendingOrder)
    shown = [tab.model.data(tab.model.index(i, due)) or "" for i in range(tab.model.rowCount())]
    dated = [d for d in shown if d]
    assert dated == sorted(dated, reverse=True) and shown[: len(dated)] == dated
    tab.refresh()
    again = [tab.model.data(tab.model.index(i, due)) or "" for i in range(tab.model.rowCount())]
    assert again == shown  # a reload keeps the user's sort
    tab.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    assert [r.complaint.id for r in tab.model.rows] == filed_order


def test_event_editor_says_who_disputes(qtbot: QtBot, services: Services, case_id: str) -> None:
    stack = QUndoStack()
    editor = EventEditor(services, case_id, stack)
    qtbot.addWidget(editor)
    editor.date.line.setText("2009-11-18")
    editor.title_edit.setText("Ambulance called late")
    assert not editor.disputed_by.isEnabled()  # only a disputed fact has a disputer
    editor.fact_status.set_value("disputed")
    assert editor.disputed_by.isEnabled() and not editor.disputed_by_note.isEnabled()
    editor.disputed_by.set_value("other")
    assert editor.disputed_by_note.isEnabled()
    qtbot.keyClicks(editor.disputed_by_note, "the prison doctor")
    _ok(qtbot, editor)
    saved = services.timeline.get_event(editor.saved_id or "")
    assert (saved.disputed_by, saved.disputed_by_note) == ("other", "the prison doctor")
    again = EventEditor(services, case_id, stack, saved.id)
    qtbot.addWidget(again)
    assert again.disputed_by.value() == "other"
    assert again.disputed_by_note.text() == "the prison doctor"


def test_person_editor_keeps_allegations_apart(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = PersonEditor(services, case_id, QUndoStack())
    qtbot.addWidget(editor)
    editor.display_name.setText("Elena Stashina")
    editor.kind.set_value("judge")
    editor.description.setPlainText("Judge of the Tverskoy District Court")
    editor.allegations.setPlainText("Extended the detention without examining the file")
    _ok(qtbot, editor)
    person = services.people.get_person(editor.saved_id or "")
    assert person.kind == "judge"
    assert person.description == "Judge of the Tverskoy District Court"
    assert person.allegations == "Extended the detention without examining the file"

"""Linking while creating: the New event and New complaint dialogs take people (with
their roles), parties, linked events, cited sources (with pinpoints) and tags before the
first save, write them with the record in one step, and one undo takes all of it back.
Also: a filed complaint's parties and events stay editable, and both detail views show
the complaint–event links. Real widgets over a real vault holding the demo case."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.complaints import Against
from desktop.services.registry import Services
from desktop.store.models import Citation, ComplaintEvent, ComplaintTarget, TagLink
from desktop.ui.complaints.detail import ComplaintDetail
from desktop.ui.editors.complaint import ComplaintEditor
from desktop.ui.editors.event import EventEditor
from desktop.ui.undo import CaseUndoStack


def _ok(qtbot: QtBot, editor: object) -> None:
    qtbot.mouseClick(
        editor.buttons.button(editor.buttons.StandardButton.Ok),  # type: ignore[attr-defined]
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: not editor.saving)  # type: ignore[attr-defined]


def _click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def undo_stack(services: Services, case_id: str) -> CaseUndoStack:
    stack = CaseUndoStack()
    stack.history = services.history  # the real guard: a step applies only to its records
    stack.set_case(case_id)
    return stack


def live(services: Services, model: type, ids: list[str]) -> list[str]:
    with services.store.reading() as s:
        return [i for i in ids if not s.get(model, i).deleted]


def person_named(services: Services, case_id: str, part: str) -> str:
    return next(p.id for p in services.people.persons(case_id) if part in p.display_name)


def cite_in(qtbot: QtBot, panel: object, source_id: str, pinpoint: str) -> None:
    dialog = panel.add_citation()  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    dialog.source.set_value(source_id)
    dialog.pinpoint.setText(pinpoint)
    _ok(qtbot, dialog)


def test_new_event_with_person_cite_and_tag_is_one_step_and_undo_removes_all(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    stack = undo_stack(services, case_id)
    before = set(services.timeline.event_ids(case_id))
    source = services.sources.sources(case_id)[0]
    kuznetsov = person_named(services, case_id, "Kuznetsov")
    editor = EventEditor(services, case_id, stack)
    qtbot.addWidget(editor)
    assert editor.people.isEnabled() and editor.citations.isEnabled()
    editor.date.line.setText("12 March 2009")
    qtbot.keyClicks(editor.title_edit, "Request for medical care refused")
    editor.people.person.set_value(kuznetsov)
    editor.people.role.setText("refused the request")
    _click(qtbot, editor.people.add_button)
    cite_in(qtbot, editor.citations, source.id, "¶ 41")
    qtbot.keyClicks(editor.tags.name.lineEdit(), "medical care")
    _click(qtbot, editor.tags.add_button)
    assert editor.people.list.item(0).text().endswith("— refused the request")
    assert editor.citations.list.item(0).text().endswith(", ¶ 41")
    assert editor.tags.names() == ["medical care"]
    assert set(services.timeline.event_ids(case_id)) == before  # nothing written yet

    _ok(qtbot, editor)
    assert editor.result() == editor.DialogCode.Accepted
    event_id = editor.saved_id or ""
    assert stack.count() == 1
    ((participant, person),) = services.timeline.participants(event_id)
    assert (person.id, participant.role) == (kuznetsov, "refused the request")
    ((citation, cited),) = services.sources.citations("event", event_id)
    assert (cited.id, citation.pinpoint) == (source.id, "¶ 41")
    assert [t.name for t in services.tags.tags_of(event_id)] == ["medical care"]

    stack.undo()
    assert set(services.timeline.event_ids(case_id)) == before
    assert services.timeline.participants(event_id) == []
    assert services.sources.citations("event", event_id) == []
    assert services.tags.tags_of(event_id) == []
    assert services.tags.tags(case_id) == []  # the tag the step made went too
    stack.redo()
    assert event_id in services.timeline.event_ids(case_id)
    assert len(services.timeline.participants(event_id)) == 1
    assert len(services.sources.citations("event", event_id)) == 1
    assert [t.name for t in services.tags.tags_of(event_id)] == ["medical care"]


def test_a_bad_pinpoint_is_refused_in_the_citation_dialog_and_nothing_is_kept(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    editor = EventEditor(services, case_id, undo_stack(services, case_id))
    qtbot.addWidget(editor)
    dialog = editor.citations.add_citation()
    qtbot.addWidget(dialog)
    dialog.source.set_value(services.sources.sources(case_id)[0].id)
    dialog.pinpoint.setText("p" * 600)
    _ok(qtbot, dialog)
    assert dialog.error_for("pinpoint")
    assert editor.citations.pending == []


def test_new_complaint_against_a_person_and_an_organisation_with_linked_events(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    stack = undo_stack(services, case_id)
    kuznetsov = person_named(services, case_id, "Kuznetsov")
    organisation = services.people.organisations(case_id)[0]
    events = services.timeline.event_ids(case_id)
    source = services.sources.sources(case_id)[0]
    register_before = len(services.complaints.register(case_id))
    editor = ComplaintEditor(services, case_id, stack)
    qtbot.addWidget(editor)
    assert editor.against is not None and editor.events is not None
    editor.filed_on.line.setText("20 March 2009")
    editor.subject.setPlainText("Refusal of medical care")
    editor.against.person.set_value(kuznetsov)
    _click(qtbot, editor.against.add_button)
    editor.against.organisation.set_value(organisation.id)
    _click(qtbot, editor.against.add_button)
    for event_id in (events[3], events[5]):
        editor.events.choice.set_value(event_id)
        _click(qtbot, editor.events.add_button)
    assert editor.against.list.count() == 2 and editor.events.list.count() == 2
    assert editor.citations is not None and editor.tags is not None
    cite_in(qtbot, editor.citations, source.id, "p. 3")
    editor.tags.add("medical care")

    _ok(qtbot, editor)
    assert editor.result() == editor.DialogCode.Accepted
    complaint_id = editor.saved_id or ""
    assert stack.count() == 1
    targets = services.complaints.targets(complaint_id)
    assert {(t.person_id, t.organisation_id) for t in targets} == {
        (kuznetsov, None),
        (None, organisation.id),
    }
    (row,) = [r for r in services.complaints.register(case_id) if r.complaint.id == complaint_id]
    kuznetsov_name = services.people.get_person(kuznetsov).display_name
    assert sorted(row.against) == sorted([kuznetsov_name, organisation.name])
    linked = [e.id for _link, e in services.complaints.linked_events(complaint_id)]
    assert linked == [events[3], events[5]]  # in timeline order
    assert [c.id for c in services.complaints.complaints_about(events[5])] == [complaint_id]
    assert [c.pinpoint for c, _s in services.sources.citations("complaint", complaint_id)] == [
        "p. 3"
    ]
    assert [t.name for t in services.tags.tags_of(complaint_id)] == ["medical care"]

    # the complaint's detail lists its events; the event's editor lists its complaints
    detail = ComplaintDetail(services)
    qtbot.addWidget(detail)
    detail.show_row(row)
    titles = [services.timeline.get_event(e).title for e in linked]
    shown = detail.linked_event_titles()
    assert [s.split(" — ", 1)[1] for s in shown] == titles
    assert titles[0] in detail.summary.text()
    event_editor = EventEditor(services, case_id, stack, events[5])
    qtbot.addWidget(event_editor)
    assert event_editor.complaints is not None
    assert event_editor.complaints.count() == 1
    assert "Refusal of medical care" in event_editor.complaints.item(0).text()

    stack.undo()
    assert len(services.complaints.register(case_id)) == register_before
    assert services.complaints.complaints_about(events[5]) == []
    with services.store.reading() as s:
        for model in (ComplaintTarget, ComplaintEvent, Citation, TagLink):
            rows = s.query(model).filter_by(deleted=False).all()
            assert complaint_id not in {getattr(r, "complaint_id", r.id) for r in rows}
            assert complaint_id not in {getattr(r, "target_id", "") for r in rows}
    stack.redo()
    assert len(services.complaints.targets(complaint_id)) == 2
    assert len(services.complaints.linked_events(complaint_id)) == 2


def test_parties_and_events_of_a_filed_complaint_are_edited_undoably(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    stack = undo_stack(services, case_id)
    kuznetsov = person_named(services, case_id, "Kuznetsov")
    organisation = services.people.organisations(case_id)[0]
    complaint_id = services.complaints.add_complaint(
        case_id, against=[Against(person_id=kuznetsov)], subject="Unlawful detention"
    )
    event_id = services.timeline.event_ids(case_id)[0]
    editor = ComplaintEditor(services, case_id, stack, complaint_id)
    qtbot.addWidget(editor)
    assert editor.against is not None and editor.events is not None
    assert editor.against.list.count() == 1  # the "Against" field exists when editing
    editor.against.organisation.set_value(organisation.id)
    _click(qtbot, editor.against.add_button)
    editor.against.list.setCurrentRow(
        next(
            i
            for i in range(editor.against.list.count())
            if editor.against.list.item(i).text() == organisation.name
        )
    )
    editor.against.list.setCurrentRow(1 - editor.against.list.currentRow())  # the person
    _click(qtbot, editor.against.remove_button)
    editor.events.choice.set_value(event_id)
    _click(qtbot, editor.events.add_button)
    assert stack.count() == 3
    targets = services.complaints.targets(complaint_id)
    assert [(t.person_id, t.organisation_id) for t in targets] == [(None, organisation.id)]
    assert [e.id for _l, e in services.complaints.linked_events(complaint_id)] == [event_id]

    # the last party cannot be removed: a complaint is against someone
    editor.against.list.setCurrentRow(0)
    _click(qtbot, editor.against.remove_button)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert any("against someone" in b.text() for b in boxes)
    for box in boxes:
        box.close()
    assert len(services.complaints.targets(complaint_id)) == 1

    stack.undo()  # the event link
    assert services.complaints.linked_events(complaint_id) == []
    stack.undo()  # the removal of the person
    stack.undo()  # the organisation added
    targets = services.complaints.targets(complaint_id)
    assert [(t.person_id, t.organisation_id) for t in targets] == [(kuznetsov, None)]
    assert live(services, ComplaintTarget, [t.id for t in targets]) == [targets[0].id]


def test_the_event_picker_offers_what_the_typed_words_find(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    from desktop.services.timeline import EventFilter

    editor = ComplaintEditor(services, case_id, undo_stack(services, case_id))
    qtbot.addWidget(editor)
    assert editor.events is not None
    picker = editor.events
    every = services.timeline.event_ids(case_id)
    assert [picker.choice.itemData(i) for i in range(1, picker.choice.count())] == every
    found = services.timeline.event_ids(case_id, EventFilter(text="Moscow"))
    assert 0 < len(found) < len(every)
    qtbot.keyClicks(picker.words, "Moscow")
    offered = [picker.choice.itemData(i) for i in range(1, picker.choice.count())]
    assert offered == found
    picker.choice.setCurrentIndex(1)
    qtbot.mouseClick(picker.add_button, Qt.MouseButton.LeftButton)
    assert picker.pending == [found[0]]
    assert picker.list.item(0).text().endswith(services.timeline.get_event(found[0]).title)


def test_tag_chips_on_a_saved_event_add_and_remove_undoably(
    qtbot: QtBot, services: Services, case_id: str
) -> None:
    stack = undo_stack(services, case_id)
    event_id = services.timeline.event_ids(case_id)[2]
    editor = EventEditor(services, case_id, stack, event_id)
    qtbot.addWidget(editor)
    editor.tags.add("theft")
    editor.tags.add("tax refund")
    assert editor.tags.names() == ["tax refund", "theft"]  # chips, by name
    assert {t.name for t in services.tags.tags_of(event_id)} == {"theft", "tax refund"}
    (chip,) = [c for c in editor.tags.chips if c.name == "theft"]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert editor.tags.names() == ["tax refund"]
    assert [t.name for t in services.tags.tags_of(event_id)] == ["tax refund"]
    assert stack.count() == 3
    stack.undo()
    assert {t.name for t in services.tags.tags_of(event_id)} == {"theft", "tax refund"}
    stack.undo()
    stack.undo()
    assert services.tags.tags_of(event_id) == []
    assert services.tags.tags(case_id) == []

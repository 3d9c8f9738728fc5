"""Editors for complaints (filed with which body, against whom, due date) and responses.

A new complaint's parties, linked events, citations and tags are entered before the
first save and written with it in one transaction (one undo step takes all of them
back); on a filed complaint the same panels write each change at once, undoably.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from desktop.core.enums import ComplaintStatus, ResponseKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import ValidationError
from desktop.services.registry import Services
from desktop.store.records import ComplaintRecord
from desktop.ui.editors.citation import CitationsPanel
from desktop.ui.editors.complaint_links import LinkedEventsPanel, TargetsPanel
from desktop.ui.editors.fields import FuzzyDateEdit, PersonCombo, RecordCombo, VocabularyCombo
from desktop.ui.editors.form import RecordForm
from desktop.ui.editors.tags import TagsPanel
from desktop.ui.editors.translation import TranslationBox
from desktop.ui.undo import RecordChange
from desktop.ui.writes import Changes

TEXT_FIELDS = ("filed_by", "body_detail", "our_reference", "registration_number")
LONG_FIELDS = ("legal_basis", "subject", "outcome")


def complaint_fields(record: ComplaintRecord) -> dict[str, object]:
    return {
        "filed_on": FuzzyDate.from_edtf(record.filed_edtf),
        "filed_by": record.filed_by,
        "body_id": record.body_id,
        "body_detail": record.body_detail,
        "our_reference": record.our_reference,
        "registration_number": record.registration_number,
        "legal_basis": record.legal_basis,
        "subject": record.subject,
        "text_lang": record.text_lang,
        "subject_alt": record.subject_alt,
        "status": record.status,
        "response_due": record.response_due,
        "outcome": record.outcome,
        "confidential": record.confidential,
        "for_brief": record.for_brief,
    }


class ComplaintEditor(RecordForm):
    """A new complaint, an existing one, or (with `escalate_from`) an escalation of one."""

    def __init__(
        self,
        services: Services,
        case_id: str,
        undo_stack: QUndoStack | None = None,
        complaint_id: str | None = None,
        parent: QWidget | None = None,
        escalate_from: str | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.case_id = case_id
        self.escalate_from = escalate_from
        complaints = services.complaints
        self.record = complaints.get_complaint(complaint_id) if complaint_id else None
        if escalate_from:
            self.setWindowTitle(self.tr("Escalate complaint"))
        else:
            self.setWindowTitle(self.tr("Complaint") if self.record else self.tr("New complaint"))
        organisations = [(o.id, o.name) for o in services.people.organisations(case_id)]
        self.filed_on = self.add_field("filed_on", self.tr("&Filed on:"), FuzzyDateEdit())
        self.filed_by = self.add_field("filed_by", self.tr("Filed &by:"), QLineEdit())
        self.body = self.add_field(
            "body_id", self.tr("With &body:"), RecordCombo(organisations, blank=self.tr("(other)"))
        )
        self.body_detail = self.add_field("body_detail", self.tr("Body &detail:"), QLineEdit())
        record_id = self.record.id if self.record else None
        self.against: TargetsPanel | None = None
        self.events: LinkedEventsPanel | None = None
        if not escalate_from:  # an escalation takes the parties of the one it escalates
            self.against = self.add_field(
                "against",
                self.tr("&Against:"),
                TargetsPanel(services, case_id, record_id, undo_stack),
            )
        self.our_reference = self.add_field(
            "our_reference", self.tr("Our &reference:"), QLineEdit()
        )
        self.registration_number = self.add_field(
            "registration_number", self.tr("Their re&gistration number:"), QLineEdit()
        )
        self.status = self.add_field(
            "status", self.tr("&Status:"), VocabularyCombo(ComplaintStatus)
        )
        self.response_due = self.add_field(
            "response_due", self.tr("Response d&ue:"), FuzzyDateEdit()
        )
        self.legal_basis = self.add_field("legal_basis", self.tr("&Legal basis:"), QPlainTextEdit())
        self.subject = self.add_field("subject", self.tr("Sub&ject:"), QPlainTextEdit())
        self.translation = self.add_field(
            "subject_alt", self.tr("Tra&nslation:"), TranslationBox(self.subject, "subject_alt")
        )
        self.outcome = self.add_field("outcome", self.tr("&Outcome:"), QPlainTextEdit())
        for widget in (self.legal_basis, self.subject, self.outcome):
            widget.setMaximumHeight(70)
        self.confidential = self.add_field("confidential", self.tr("Con&fidential"), QCheckBox())
        self.for_brief = self.add_field("for_brief", self.tr("For the br&ief"), QCheckBox())
        self.citations: CitationsPanel | None = None
        self.tags: TagsPanel | None = None
        if not escalate_from:
            self.events = self.add_field(
                "events",
                self.tr("Concerns &events:"),
                LinkedEventsPanel(services, case_id, record_id, undo_stack),
            )
            self.citations = self.add_field(
                "citations",
                self.tr("So&urces:"),
                CitationsPanel(services, case_id, "complaint", record_id, undo_stack),
            )
            self.tags = self.add_field(
                "tags",
                self.tr("&Tags:"),
                TagsPanel(services, case_id, "complaint", record_id, undo_stack),
            )
        self._shown_filed = ""
        if self.record is not None:
            self._load(self.record)
        elif escalate_from:
            original = complaints.get_complaint(escalate_from)
            self.filed_by.setText(original.filed_by)
            self.subject.setPlainText(original.subject)
            self.translation.load(original.text_lang, original.subject_alt)
            self.legal_basis.setPlainText(original.legal_basis)
            self.status.set_value(ComplaintStatus.DRAFT)
        else:
            self.status.set_value(ComplaintStatus.FILED)

    @property
    def against_person(self) -> PersonCombo:
        assert self.against is not None
        return self.against.person

    @property
    def against_text(self) -> QLineEdit:
        assert self.against is not None
        return self.against.description

    def _load(self, record: ComplaintRecord) -> None:
        self.filed_on.set_edtf(record.filed_edtf)
        self._shown_filed = self.filed_on.text()
        self.body.set_value(record.body_id)
        for name in TEXT_FIELDS:
            getattr(self, name).setText(getattr(record, name))
        for name in LONG_FIELDS:
            getattr(self, name).setPlainText(getattr(record, name))
        self.translation.load(record.text_lang, record.subject_alt)
        self.status.set_value(record.status)
        self.response_due.set_edtf(record.response_due or "XXXX")
        self.confidential.setChecked(record.confidential)
        self.for_brief.setChecked(record.for_brief)

    def values(self) -> dict[str, object]:
        filed: object = self.filed_on.text()
        if self.record is not None and filed == self._shown_filed:
            filed = FuzzyDate.from_edtf(self.record.filed_edtf)
        values: dict[str, object] = {
            "filed_on": filed,
            "body_id": self.body.value(),
            "status": self.status.value(),
            "response_due": self.response_due.text().strip() or None,
            "confidential": self.confidential.isChecked(),
            "for_brief": self.for_brief.isChecked(),
        }
        for name in TEXT_FIELDS:
            values[name] = getattr(self, name).text()
        for name in LONG_FIELDS:
            values[name] = getattr(self, name).toPlainText()
        values.update(self.translation.values())
        return values

    def save(self) -> None:
        new = self.values()
        complaints = self.services.complaints
        if self.escalate_from:
            original = self.escalate_from
            self.apply_create(
                self.tr("Escalate complaint"),
                lambda: complaints.escalate(original, **new),
                complaints.delete_complaint,
                complaints.restore_complaint,
            )
            return
        if self.record is None:
            assert self.against and self.events and self.citations and self.tags
            # What is typed in the entry row but not yet added counts too.
            pending = self.against.pending
            against = pending + [p for p in self.against.chosen() if p not in pending]
            if not against:
                raise ValidationError(self.tr("Say whom the complaint is against."), "against")
            store, case_id = self.services.store, self.case_id
            events, cites, tags = self.events.pending, self.citations.pending, self.tags.pending

            self.apply_entry(
                self.tr("Add complaint"),
                store,
                lambda: complaints.enter(
                    case_id, against=against, fields=new, events=events, cites=cites, tags=tags
                ),
            )
            return
        complaint_id = self.record.id
        self.saved_id = complaint_id
        self.apply_edit(
            self.tr("Edit complaint"),
            lambda **changes: complaints.update_complaint(complaint_id, **changes),
            complaint_fields(self.record),
            new,
        )


class ResponseEditor(RecordForm):
    """A body's reply to a complaint: when it came, what kind, what it says."""

    def __init__(
        self,
        services: Services,
        complaint_id: str,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.complaint_id = complaint_id
        self.setWindowTitle(self.tr("New response"))
        self.received = self.add_field("received", self.tr("&Received:"), FuzzyDateEdit())
        self.kind = self.add_field("kind", self.tr("&Kind:"), VocabularyCombo(ResponseKind))
        self.summary = self.add_field("summary", self.tr("&Summary:"), QPlainTextEdit())

    def save(self) -> None:
        complaints = self.services.complaints
        received, kind = self.received.text(), self.kind.value()
        summary = self.summary.toPlainText()
        status_before = complaints.get_complaint(self.complaint_id).status
        holder: list[str] = []

        def undo() -> None:  # the reply goes, and the status it moved goes back
            complaints.delete_response(holder[0])
            complaints.update_complaint(self.complaint_id, status=status_before)

        def redo() -> None:
            holder[0] = complaints.add_response(self.complaint_id, received, kind, summary=summary)

        def added(response_id: str, changes: Changes) -> None:
            holder.append(response_id)
            self.saved_id = response_id
            self._push(RecordChange(self.tr("Add response"), undo, redo, changes=changes))

        self.write(
            lambda: complaints.add_response(self.complaint_id, received, kind, summary=summary),
            added,
        )

"""The event editor: a date as people say it ("circa March 2008"), title, place, status,
the people in it, its sources, its tags and (once saved) the complaints about it.

A new event's people, citations and tags are entered before the first save and written
with the event in one transaction; one undo step takes all of them back.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QLineEdit, QListWidget, QPlainTextEdit, QWidget

from desktop.core.enums import DisputedBy, FactStatus
from desktop.core.fuzzydate import FuzzyDate, known_part
from desktop.services.event_entry import EventEntry
from desktop.services.registry import Services
from desktop.services.validation import fuzzy_date
from desktop.store.records import EventRecord
from desktop.ui.editors.citation import CitationsPanel
from desktop.ui.editors.fields import FuzzyDateEdit, VocabularyCombo
from desktop.ui.editors.form import RecordForm
from desktop.ui.editors.participants import ParticipantsPanel
from desktop.ui.editors.tags import TagsPanel
from desktop.ui.editors.translation import TranslationBox
from desktop.ui.i18n import current_language


def event_fields(record: EventRecord) -> dict[str, object]:
    """The editable fields of an event, as the timeline service takes them."""
    return {
        "date": FuzzyDate.from_edtf(record.date_edtf).with_part(known_part(record.date_note)),
        "title": record.title,
        "place": record.place,
        "description": record.description,
        "text_lang": record.text_lang,
        "title_alt": record.title_alt,
        "description_alt": record.description_alt,
        "fact_status": record.fact_status,
        "disputed_by": record.disputed_by,
        "disputed_by_note": record.disputed_by_note,
        "key_event": record.key_event,
        "confidential": record.confidential,
        "for_brief": record.for_brief,
    }


class EventEditor(RecordForm):
    def __init__(
        self,
        services: Services,
        case_id: str,
        undo_stack: QUndoStack | None = None,
        event_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.case_id = case_id
        self.record = services.timeline.get_event(event_id) if event_id else None
        self.setWindowTitle(self.tr("Event") if self.record else self.tr("New event"))
        self.date = self.add_field("date", self.tr("&Date:"), FuzzyDateEdit())
        self.title_edit = self.add_field("title", self.tr("&Title:"), QLineEdit())
        self.translation = self.add_field(
            "title_alt",
            self.tr("Tra&nslation:"),
            TranslationBox(self.title_edit, "title_alt", "description_alt"),
        )
        self.place = self.add_field("place", self.tr("&Place:"), QLineEdit())
        self.description = self.add_field("description", self.tr("D&escription:"), QPlainTextEdit())
        self.fact_status = self.add_field(
            "fact_status", self.tr("&Fact status:"), VocabularyCombo(FactStatus)
        )
        # Who disputes it: asked only for a disputed fact; "other" names them in words.
        self.disputed_by = self.add_field(
            "disputed_by", self.tr("D&isputed by:"), VocabularyCombo(DisputedBy)
        )
        self.disputed_by.insertItem(0, self.tr("(not said)"), "")
        self.disputed_by.setCurrentIndex(0)
        self.disputed_by_note = self.add_field(
            "disputed_by_note", self.tr("&Who disputes it:"), QLineEdit()
        )
        self.disputed_by_note.setPlaceholderText(self.tr("e.g. the prison doctor"))
        self.fact_status.currentIndexChanged.connect(self._show_dispute)
        self.disputed_by.currentIndexChanged.connect(self._show_dispute)
        self.key_event = self.add_field("key_event", self.tr("&Key event"), QCheckBox())
        self.confidential = self.add_field("confidential", self.tr("C&onfidential"), QCheckBox())
        self.for_brief = self.add_field("for_brief", self.tr("For the &brief"), QCheckBox())
        record_id = self.record.id if self.record else None
        self.people = self.add_field(
            "people",
            self.tr("Pe&ople:"),
            ParticipantsPanel(services, case_id, record_id, undo_stack),
        )
        self.citations = self.add_field(
            "citations",
            self.tr("So&urces:"),
            CitationsPanel(services, case_id, "event", record_id, undo_stack),
        )
        self.tags = self.add_field(
            "tags", self.tr("Tag&s:"), TagsPanel(services, case_id, "event", record_id, undo_stack)
        )
        self.complaints: QListWidget | None = None
        if record_id is not None:
            self.complaints = self.add_field(
                "complaints", self.tr("Complaints:"), QListWidget(self)
            )
            self.complaints.setMaximumHeight(70)
            lang = current_language()
            for c in services.complaints.complaints_about(record_id):
                filed = FuzzyDate.from_edtf(c.filed_edtf)
                when = "" if filed.is_undated else filed.display(lang, "short") + " — "
                self.complaints.addItem(when + (c.subject or c.body_detail or c.our_reference))
        self._shown_date = ""
        if self.record is not None:
            self._load(self.record)
        else:
            self.fact_status.set_value(FactStatus.UNVERIFIED)
        self._show_dispute()

    def _show_dispute(self) -> None:
        disputed = self.fact_status.value() == FactStatus.DISPUTED.value
        self.disputed_by.setEnabled(disputed)
        self.disputed_by_note.setEnabled(disputed and self.disputed_by.value() == "other")

    def _load(self, record: EventRecord) -> None:
        self.date.set_edtf(record.date_edtf, record.date_note)
        self._shown_date = self.date.text()
        self.title_edit.setText(record.title)
        self.translation.load(record.text_lang, record.title_alt, record.description_alt)
        self.place.setText(record.place)
        self.description.setPlainText(record.description)
        self.fact_status.set_value(record.fact_status)
        self.disputed_by.set_value(record.disputed_by)
        self.disputed_by_note.setText(record.disputed_by_note)
        self.key_event.setChecked(record.key_event)
        self.confidential.setChecked(record.confidential)
        self.for_brief.setChecked(record.for_brief)

    def values(self) -> dict[str, object]:
        date: object = self.date.text()
        if self.record is not None and date == self._shown_date:
            date = FuzzyDate.from_edtf(self.record.date_edtf).with_part(
                known_part(self.record.date_note)
            )
        elif isinstance(date, str) and date.strip():
            date = fuzzy_date(date, "date")
        return {
            "date": date,
            "title": self.title_edit.text(),
            "place": self.place.text(),
            "description": self.description.toPlainText(),
            **self.translation.values(),
            "fact_status": self.fact_status.value(),
            "disputed_by": self.disputed_by.value(),
            "disputed_by_note": self.disputed_by_note.text(),
            "key_event": self.key_event.isChecked(),
            "confidential": self.confidential.isChecked(),
            "for_brief": self.for_brief.isChecked(),
        }

    def save(self) -> None:
        new = self.values()
        timeline = self.services.timeline
        if self.record is None:
            store, case_id = self.services.store, self.case_id
            people, cites, tags = self.people.pending, self.citations.pending, self.tags.pending

            self.apply_entry(
                self.tr("Add event"),
                store,
                lambda: EventEntry(store).enter(case_id, new, people, cites, tags),
            )
            return
        event_id = self.record.id
        self.saved_id = event_id
        self.apply_edit(
            self.tr("Edit event"),
            lambda **changes: timeline.update_event(event_id, **changes),
            event_fields(self.record),
            new,
        )

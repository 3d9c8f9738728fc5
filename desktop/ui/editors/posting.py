"""The posting editor: a person's role and rank in an organisation over a period."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.store.records import PostingRecord
from desktop.ui.editors.citation import CitationsPanel
from desktop.ui.editors.fields import FuzzyDateEdit, RecordCombo
from desktop.ui.editors.form import RecordForm


def posting_fields(record: PostingRecord) -> dict[str, object]:
    return {
        "organisation_id": record.organisation_id,
        "role": record.role,
        "rank": record.rank,
        "start": FuzzyDate.from_edtf(record.start_edtf),
        "end": FuzzyDate.from_edtf(record.end_edtf),
    }


class PostingEditor(RecordForm):
    def __init__(
        self,
        services: Services,
        case_id: str,
        person_id: str,
        undo_stack: QUndoStack | None = None,
        posting: PostingRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.person_id = person_id
        self.record = posting
        self.setWindowTitle(self.tr("Posting") if posting else self.tr("New posting"))
        organisations = [(o.id, o.name) for o in services.people.organisations(case_id)]
        self.organisation = self.add_field(
            "organisation_id",
            self.tr("&Organisation:"),
            RecordCombo(organisations, blank=self.tr("(choose)")),
        )
        self.role = self.add_field("role", self.tr("&Role:"), QLineEdit())
        self.rank = self.add_field("rank", self.tr("Ran&k:"), QLineEdit())
        self.start = self.add_field("start", self.tr("&From:"), FuzzyDateEdit())
        self.end = self.add_field("end", self.tr("&To:"), FuzzyDateEdit())
        self.citations = self.add_field(
            "citations",
            self.tr("So&urces:"),
            CitationsPanel(
                services, case_id, "posting", posting.id if posting else None, undo_stack
            ),
        )
        self._shown = ("", "")
        if posting is not None:
            self.organisation.set_value(posting.organisation_id)
            self.role.setText(posting.role)
            self.rank.setText(posting.rank)
            self.start.set_edtf(posting.start_edtf)
            self.end.set_edtf(posting.end_edtf)
            self._shown = (self.start.text(), self.end.text())

    def values(self) -> dict[str, object]:
        start: object = self.start.text()
        end: object = self.end.text()
        if self.record is not None:
            if start == self._shown[0]:
                start = FuzzyDate.from_edtf(self.record.start_edtf)
            if end == self._shown[1]:
                end = FuzzyDate.from_edtf(self.record.end_edtf)
        return {
            "organisation_id": self.organisation.value() or "",
            "role": self.role.text(),
            "rank": self.rank.text(),
            "start": start,
            "end": end,
        }

    def save(self) -> None:
        new = self.values()
        people = self.services.people
        if self.record is None:
            fields = dict(new)
            organisation_id = str(fields.pop("organisation_id"))
            self.apply_add(
                self.tr("Add posting"),
                lambda: people.add_posting(self.person_id, organisation_id, **fields),
                people.delete_posting,
            )
            return
        posting_id = self.record.id
        self.saved_id = posting_id
        self.apply_edit(
            self.tr("Edit posting"),
            lambda **changes: people.update_posting(posting_id, **changes),
            posting_fields(self.record),
            new,
        )

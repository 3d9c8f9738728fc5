"""The case editor: a case file's title, summary and status."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from desktop.core.enums import CaseStatus
from desktop.services.registry import Services
from desktop.ui.editors.fields import VocabularyCombo
from desktop.ui.editors.form import RecordForm
from desktop.ui.editors.translation import TranslationBox


class CaseEditor(RecordForm):
    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack | None = None,
        case_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.record = services.cases.get_case(case_id) if case_id else None
        self.setWindowTitle(self.tr("Case") if self.record else self.tr("New case"))
        self.title_edit = self.add_field("title", self.tr("&Title:"), QLineEdit())
        self.translation = self.add_field(
            "title_alt",
            self.tr("Tra&nslation:"),
            TranslationBox(self.title_edit, "title_alt", "summary_alt"),
        )
        self.summary = self.add_field("summary", self.tr("&Summary:"), QPlainTextEdit())
        self.status = self.add_field("status", self.tr("S&tatus:"), VocabularyCombo(CaseStatus))
        if self.record is not None:
            self.title_edit.setText(self.record.title)
            self.summary.setPlainText(self.record.summary)
            self.status.set_value(self.record.status)
            record = self.record
            self.translation.load(record.text_lang, record.title_alt, record.summary_alt)

    def values(self) -> dict[str, object]:
        return {
            "title": self.title_edit.text(),
            "summary": self.summary.toPlainText(),
            "status": self.status.value(),
            **self.translation.values(),
        }

    def save(self) -> None:
        cases = self.services.cases
        new = self.values()
        if self.record is None:
            fields = dict(new)
            title = str(fields.pop("title"))
            self.apply_create(
                self.tr("New case"),
                lambda: cases.create_case(title, **fields),
                cases.delete_case,
                cases.restore_case,
            )
            return
        case_id = self.record.id
        self.saved_id = case_id
        r = self.record
        old = {"title": r.title, "summary": r.summary, "status": r.status,
               "text_lang": r.text_lang, "title_alt": r.title_alt,
               "summary_alt": r.summary_alt}  # fmt: skip
        self.apply_edit(self.tr("Edit case"), lambda **c: cases.update_case(case_id, **c), old, new)

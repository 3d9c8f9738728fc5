"""The source editor: what a document is, who wrote it, when, and how far to trust it."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from desktop.core.enums import Reliability, SourceKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.services.registry import Services
from desktop.store.records import SourceRecord
from desktop.ui.editors.fields import FuzzyDateEdit, VocabularyCombo
from desktop.ui.editors.form import RecordForm
from desktop.ui.editors.translation import TranslationBox

LINE_FIELDS = ("label", "title", "author", "publisher", "language", "url")


def source_fields(record: SourceRecord) -> dict[str, object]:
    values: dict[str, object] = {name: getattr(record, name) for name in LINE_FIELDS}
    values.update(
        kind=record.kind,
        reliability=record.reliability,
        date=FuzzyDate.from_edtf(record.date_edtf),
        confidential=record.confidential,
        text_lang=record.text_lang,
        title_alt=record.title_alt,
    )
    return values


class SourceEditor(RecordForm):
    def __init__(
        self,
        services: Services,
        case_id: str,
        undo_stack: QUndoStack | None = None,
        source_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.case_id = case_id
        self.record = services.sources.get_source(source_id) if source_id else None
        self.setWindowTitle(self.tr("Source") if self.record else self.tr("New source"))
        self.label = self.add_field("label", self.tr("&Label:"), QLineEdit())
        self.title_edit = self.add_field("title", self.tr("&Title:"), QLineEdit())
        self.translation = self.add_field(
            "title_alt", self.tr("Translat&ion:"), TranslationBox(self.title_edit)
        )
        self.kind = self.add_field("kind", self.tr("&Kind:"), VocabularyCombo(SourceKind))
        self.author = self.add_field("author", self.tr("&Author:"), QLineEdit())
        self.publisher = self.add_field("publisher", self.tr("&Publisher:"), QLineEdit())
        self.date = self.add_field("date", self.tr("&Date:"), FuzzyDateEdit())
        self.language = self.add_field("language", self.tr("La&nguage:"), QLineEdit())
        self.reliability = self.add_field(
            "reliability", self.tr("&Reliability:"), VocabularyCombo(Reliability)
        )
        self.url = self.add_field("url", self.tr("&URL (never opened):"), QLineEdit())
        self.confidential = self.add_field("confidential", self.tr("C&onfidential"), QCheckBox())
        self._widgets = {
            "label": self.label,
            "title": self.title_edit,
            "author": self.author,
            "publisher": self.publisher,
            "language": self.language,
            "url": self.url,
        }
        self._shown_date = ""
        if self.record is not None:
            for name, widget in self._widgets.items():
                widget.setText(getattr(self.record, name))
            self.kind.set_value(self.record.kind)
            self.reliability.set_value(self.record.reliability)
            self.date.set_edtf(self.record.date_edtf)
            self._shown_date = self.date.text()
            self.confidential.setChecked(self.record.confidential)
            self.translation.load(self.record.text_lang, self.record.title_alt)
        else:
            self.reliability.set_value(Reliability.UNKNOWN)
            self.kind.set_value(SourceKind.OTHER)

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {n: w.text() for n, w in self._widgets.items()}
        date: object = self.date.text()
        if self.record is not None and date == self._shown_date:
            date = FuzzyDate.from_edtf(self.record.date_edtf)
        values.update(
            kind=self.kind.value(),
            reliability=self.reliability.value(),
            date=date,
            confidential=self.confidential.isChecked(),
            **self.translation.values(),
        )
        return values

    def save(self) -> None:
        new = self.values()
        sources = self.services.sources
        if self.record is None:
            fields = dict(new)
            title = str(fields.pop("title"))
            self.apply_create(
                self.tr("Add source"),
                lambda: sources.add_source(self.case_id, title, **fields),
                sources.delete_source,
                sources.restore_source,
            )
            return
        source_id = self.record.id
        self.saved_id = source_id
        self.apply_edit(
            self.tr("Edit source"),
            lambda **changes: sources.update_source(source_id, **changes),
            source_fields(self.record),
            new,
        )

"""The options of a briefing pack as a form; turns the widgets into `BriefingOptions`.

Validation is the model's (`BriefingOptions.__post_init__`); the form only shows its
`ValidationError` next to the field it names.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.briefing.labels import default_marking
from desktop.briefing.model import (
    DEFAULT_BATES_PREFIX,
    LANGUAGES,
    MARKING_LIMIT,
    SECTION_ORDER,
    BriefingOptions,
)
from desktop.errors import ValidationError
from desktop.ui.messages import error_text
from desktop.ui.period import PeriodEdits

TEXT_LIMIT = 200


class BriefingOptionsForm(QWidget):
    """Sections, period, selection, language, paper, redaction and the cover texts."""

    changed = Signal()

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        section_names = {
            "cover": self.tr("Co&ver"),
            "contents": self.tr("Co&ntents"),
            "summary": self.tr("S&ummary"),
            "chronology": self.tr("C&hronology"),
            "people": self.tr("Peop&le"),
            "complaints": self.tr("Compl&aints"),
            "sources": self.tr("Sour&ces"),
            "exhibits": self.tr("E&xhibits"),
        }
        self.section_boxes: dict[str, QCheckBox] = {}
        sections = QGridLayout()
        for i, section in enumerate(SECTION_ORDER):
            box = QCheckBox(section_names[section], self)
            box.setChecked(True)
            box.setAccessibleName(section_names[section].replace("&", ""))
            box.toggled.connect(self.changed)
            sections.addWidget(box, i // 2, i % 2)
            self.section_boxes[section] = box

        self.limit_dates = QCheckBox(self.tr("Li&mit dates"), self)
        self.limit_dates.setAccessibleName(self.tr("Limit dates"))
        self.period = PeriodEdits(self, self.tr("From"), self.tr("To"))
        self.date_from, self.date_to = self.period.date_from, self.period.date_to
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.changed)
        self.limit_dates.toggled.connect(self.period.set_enabled)
        self.limit_dates.toggled.connect(self.changed)
        # The check box above the two dates, not beside them: in Russian one line of all
        # three is wider than the options pane.
        span = QHBoxLayout()
        span.addWidget(self.date_from)
        span.addWidget(QLabel("–", self))
        span.addWidget(self.date_to)
        span.addStretch(1)
        dates = QVBoxLayout()
        dates.addWidget(self.limit_dates)
        dates.addLayout(span)

        self.marked_only = QCheckBox(self.tr("Only items mar&ked for the brief"), self)
        self.marked_only.setAccessibleName(self.tr("Only items marked for the brief"))
        self.marked_only.toggled.connect(self.changed)
        self.key_only = QCheckBox(self.tr("Only key fac&ts in the chronology"), self)
        self.key_only.setAccessibleName(self.tr("Only key facts in the chronology"))
        self.key_only.toggled.connect(self.changed)

        self.language = QComboBox(self)
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.setCurrentIndex(LANGUAGES.index(language) if language in LANGUAGES else 0)
        self.language.setAccessibleName(self.tr("Label language"))
        self.language.currentIndexChanged.connect(self.changed)

        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.paper.setAccessibleName(self.tr("Paper"))
        self.paper.currentIndexChanged.connect(self.changed)

        self.citations = QComboBox(self)
        self.citations.addItem(self.tr("In a sources column"), "column")
        self.citations.addItem(self.tr("As footnotes"), "footnotes")
        self.citations.setAccessibleName(self.tr("Citations"))
        self.citations.setToolTip(
            self.tr(
                "Where each fact's sources and pinpoints are printed: in a column beside it, "
                "or as numbered notes under it, on the same page."
            )
        )
        self.citations.currentIndexChanged.connect(self.changed)

        self.redaction = QComboBox(self)
        self.redaction.addItem(self.tr("Internal"), "internal")
        self.redaction.addItem(self.tr("Counsel"), "counsel")
        self.redaction.addItem(self.tr("Public"), "public")
        self.redaction.setAccessibleName(self.tr("Redaction profile"))
        self.redaction_note = QLabel(self)
        self.redaction_note.setWordWrap(True)
        self.redaction.currentIndexChanged.connect(self._explain_redaction)
        self.redaction.currentIndexChanged.connect(self.changed)
        self._explain_redaction()

        self.prepared_for = self._line_edit(self.tr("Prepared for"))
        self.prepared_by = self._line_edit(self.tr("Prepared by"))
        self.bates_prefix = self._line_edit(self.tr("Bates prefix"))
        self.bates_prefix.setText(DEFAULT_BATES_PREFIX)
        self.bates_prefix.setMaxLength(12)
        self.bates_prefix.setToolTip(
            self.tr(
                "Every page of the pack, exhibits included, is numbered with this prefix "
                "and six digits (DOS-000042). Exhibit labels (EXH-5) stay as they are."
            )
        )
        self.confidentiality = self._line_edit(self.tr("Confidentiality marking"))
        self.confidentiality.setMaxLength(MARKING_LIMIT)
        self.confidentiality.setToolTip(
            self.tr(
                "Printed on the cover and at the top of every page, exhibits included. "
                "Leave empty for the profile's usual marking, shown in grey."
            )
        )
        self.redaction.currentIndexChanged.connect(self._show_default_marking)
        self.language.currentIndexChanged.connect(self._show_default_marking)
        self._show_default_marking()

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        self._add_row(form, self.tr("Sections:"), sections, "sections", self.section_boxes["cover"])
        self._add_row(form, self.tr("Period:"), dates, "date_from")
        form.addRow("", self.marked_only)
        form.addRow("", self.key_only)
        self._add_row(form, self.tr("Label lan&guage:"), self.language, "lang")
        self._add_row(form, self.tr("Paper si&ze:"), self.paper, "paper")
        self._add_row(form, self.tr("Cit&e sources:"), self.citations, "citations")
        self._add_row(form, self.tr("Re&daction:"), self.redaction, "redaction")
        form.addRow("", self.redaction_note)
        self._add_row(form, self.tr("Prepared &for:"), self.prepared_for, "prepared_for")
        self._add_row(form, self.tr("Prepared &by:"), self.prepared_by, "prepared_by")
        self._add_row(form, self.tr("Bates pref&ix:"), self.bates_prefix, "bates_prefix")
        self._add_row(form, self.tr("Confidentialit&y:"), self.confidentiality, "confidentiality")
        self.general_error = self._error_label()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        outer.addWidget(self.general_error)
        outer.addStretch(1)

    def options(self, generated_on: dt.date) -> BriefingOptions:
        """The options as entered; raises ValidationError when they break a rule."""
        limited = self.limit_dates.isChecked()
        first, last = self.period.days()
        return BriefingOptions(
            generated_on=generated_on,
            sections=frozenset(s for s, box in self.section_boxes.items() if box.isChecked()),
            date_from=first if limited else None,
            date_to=last if limited else None,
            marked_only=self.marked_only.isChecked(),
            key_only=self.key_only.isChecked(),
            lang=str(self.language.currentData()),
            paper=str(self.paper.currentData()),
            redaction=str(self.redaction.currentData()),
            prepared_for=self.prepared_for.text().strip(),
            prepared_by=self.prepared_by.text().strip(),
            bates_prefix=self.bates_prefix.text().strip(),
            confidentiality=self.confidentiality.text().strip(),
            citations=str(self.citations.currentData()),
        )

    def checked_options(self, generated_on: dt.date) -> BriefingOptions | None:
        """The options, or None after showing why they are not valid."""
        self.clear_errors()
        try:
            return self.options(generated_on)
        except ValidationError as exc:
            self.show_error(exc)
            return None

    def show_error(self, exc: ValidationError) -> None:
        label = self.errors.get(exc.field or "", self.general_error)
        label.setText(self._message(exc))
        label.show()

    def clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.hide()

    def visible_errors(self) -> dict[str, str]:
        """Field name to the message shown beside it ("" for a message about no field)."""
        shown = {f: label.text() for f, label in self.errors.items() if label.text()}
        if self.general_error.text():
            shown[""] = self.general_error.text()
        return shown

    def _message(self, exc: ValidationError) -> str:
        """The model speaks English; the fields it can name get a translated sentence."""
        translated = {
            "sections": self.tr("Choose at least one section."),
            "date_from": self.tr("The start date is after the end date."),
            "bates_prefix": self.tr(
                "Use 1 to 12 letters, digits or dashes, not starting with EXH."
            ),
        }
        return translated.get(exc.field or "", error_text(exc))

    def default_marking(self) -> str:
        """The marking printed when the field is left empty (the pack's label language)."""
        return default_marking(str(self.redaction.currentData()), str(self.language.currentData()))

    def _show_default_marking(self) -> None:
        self.confidentiality.setPlaceholderText(self.default_marking())

    def _explain_redaction(self) -> None:
        notes = {
            "internal": self.tr("Everything in the case, for the team itself."),
            "counsel": self.tr("Leaves out items marked confidential."),
            "public": self.tr(
                "Also leaves out protected people, such as witnesses, and their names "
                "wherever they appear."
            ),
        }
        self.redaction_note.setText(notes[str(self.redaction.currentData())])

    def _line_edit(self, accessible_name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setMaxLength(TEXT_LIMIT)
        edit.setAccessibleName(accessible_name)
        edit.textChanged.connect(self.changed)
        return edit

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setStyleSheet("color: #b00020;")
        label.hide()
        return label

    def _add_row(
        self,
        form: QFormLayout,
        text: str,
        field: QWidget | QGridLayout | QHBoxLayout | QVBoxLayout,
        name: str,
        buddy: QWidget | None = None,
    ) -> None:
        error = self._error_label()
        error.setObjectName(f"error_{name}")
        self.errors[name] = error
        column = QVBoxLayout()
        if isinstance(field, QWidget):
            column.addWidget(field)
        else:
            column.addLayout(field)
        column.addWidget(error)
        label = QLabel(text, self)
        target = buddy or (field if isinstance(field, QWidget) else None)
        if target is not None:
            label.setBuddy(target)
        form.addRow(label, column)

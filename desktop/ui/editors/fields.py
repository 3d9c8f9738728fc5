"""Input widgets the editors share: fuzzy dates shown as understood, vocabularies, ISO days."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.core.enums import LabelledEnum
from desktop.core.fuzzydate import FuzzyDate, FuzzyDateError, known_part
from desktop.core.namematch.lookup import NameIndex
from desktop.ui.i18n import current_language


class FuzzyDateEdit(QWidget):
    """A line where dates are typed as people say them, with how Dossier understood it."""

    understood = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("e.g. 3 Dec 2007, circa March 2008, 2008-11"))
        self.line.setAccessibleName(self.tr("Date"))
        self.echo = QLabel(self)
        self.echo.setObjectName("dateUnderstood")
        self.echo.setAccessibleName(self.tr("Date as understood"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.echo)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self._show_understanding)
        self._show_understanding("")

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # the QLineEdit spelling it stands in for
        self.line.setText(text)

    def set_edtf(self, edtf: str, part: str = "") -> None:
        date = FuzzyDate.from_edtf(edtf).with_part(known_part(part))
        self.line.setText("" if date.is_undated else date.display(current_language()))

    def _show_understanding(self, text: str) -> None:
        if not text.strip():
            shown = self.tr("Understood as: undated")
        else:
            try:
                date = FuzzyDate.parse(text, current_language())
            except FuzzyDateError as refused:
                if refused.code == "time":
                    shown = self.tr("The time of day is not kept: put it in the title")
                else:
                    shown = self.tr("Not a date Dossier understands yet")
            else:
                shown = self.tr("Understood as: %1").replace("%1", date.display(current_language()))
        self.echo.setText(shown)
        self.understood.emit(shown)


class VocabularyCombo(QComboBox):
    """A pick list over one of the domain vocabularies, labelled in the interface language."""

    def __init__(self, vocabulary: type[LabelledEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for member, label in vocabulary.choices(current_language()):
            self.addItem(label, member.value)

    def value(self) -> str:
        return str(self.currentData())

    def set_value(self, value: str | StrEnum) -> None:
        index = self.findData(str(value))
        if index >= 0:
            self.setCurrentIndex(index)


class RecordCombo(QComboBox):
    """A pick list of records (people, organisations, sources) by id, with an optional blank."""

    def __init__(
        self,
        items: list[tuple[str, str]],
        *,
        blank: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if blank is not None:
            self.addItem(blank, "")
        for record_id, label in items:
            self.addItem(label, record_id)

    def value(self) -> str | None:
        data = self.currentData()
        return str(data) if data else None

    def set_value(self, record_id: str | None) -> None:
        index = self.findData(record_id or "")
        if index >= 0:
            self.setCurrentIndex(index)


class PersonCombo(RecordCombo):
    """A pick list of people that finds a person by any spelling of any of their names.

    Type "kuznecov", "Кузнецова" or "Kuznetsov" and the list narrows to Кузнецов (the
    name matcher of search, `desktop.core.namematch.lookup`); Enter takes the first match.
    """

    def __init__(
        self,
        people: Sequence[tuple[str, str, Sequence[str]]],  # id, label, stored name variants
        *,
        blank: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            [(pid, label) for pid, label, _names in people], blank=blank, parent=parent
        )
        self._labels = {pid: label for pid, label, _names in people}
        self._names = NameIndex((pid, [label, *names]) for pid, label, names in people)
        self._shown: list[str] = []
        self.setEditable(True)
        self._line = QLineEdit(self)
        self.setLineEdit(self._line)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._matches = QStringListModel(self)
        completer = QCompleter(self._matches, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self._line.textEdited.connect(self._narrow)
        self._line.returnPressed.connect(self.take_first_match)
        self._line.editingFinished.connect(self._settle)
        completer.activated.connect(self._chosen)

    def matches(self) -> list[str]:
        """Ids of the people the typed text finds, in list order."""
        return list(self._shown)

    def _narrow(self, text: str) -> None:
        self._shown = self._names.matching(text) if text.strip() else []
        self._matches.setStringList([self._labels[pid] for pid in self._shown])
        completer = self.completer()
        if self._shown and completer is not None:
            completer.complete()

    def _chosen(self, label: str) -> None:
        # Two people may share a label: the first shown match with it is taken.
        chosen = next((pid for pid in self._shown if self._labels[pid] == label), None)
        if chosen is not None:
            self.set_value(chosen)

    def take_first_match(self) -> None:
        if self._shown and self.currentData() not in self._shown:
            self.set_value(self._shown[0])
        self._settle()

    def _settle(self) -> None:
        """Show the chosen item's own label again, not a half-typed query."""
        if self.currentIndex() >= 0:
            self._line.setText(self.itemText(self.currentIndex()))

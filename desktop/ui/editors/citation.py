"""Citations: a source with a pinpoint (page, paragraph) and a quote, tied to a record.

`CitationEditor` edits one; `CitationsPanel` lists those of an event, posting or
complaint and adds or removes them (undoably). For a record not yet saved both work on
`pending` citations instead, which the New event and New complaint dialogs write with
the record, in one transaction and one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.services.entry import Cite, clean_cites
from desktop.services.registry import Services
from desktop.store.records import CitationRecord
from desktop.ui.editors.fields import RecordCombo
from desktop.ui.editors.form import RecordForm
from desktop.ui.undo import RecordChange, change_with_undo


class CitationEditor(RecordForm):
    """Cite a source for one record (`target_kind` is event, person, posting or complaint)."""

    def __init__(
        self,
        services: Services,
        case_id: str,
        target_kind: str,
        target_id: str | None,
        undo_stack: QUndoStack | None = None,
        citation: CitationRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.target_kind = target_kind
        self.target_id = target_id  # None: the record is not saved yet (see `pending`)
        self.citation = citation
        self.pending: Cite | None = None
        self.setWindowTitle(self.tr("Citation") if citation else self.tr("New citation"))
        sources = [
            (s.id, f"{s.label} {s.title}".strip()) for s in services.sources.sources(case_id)
        ]
        self.source = self.add_field(
            "source_id", self.tr("&Source:"), RecordCombo(sources, blank=self.tr("(choose)"))
        )
        self.pinpoint = self.add_field("pinpoint", self.tr("&Pinpoint:"), QLineEdit())
        self.pinpoint.setPlaceholderText(self.tr("page, paragraph"))
        self.quote = self.add_field("quote", self.tr("&Quote:"), QPlainTextEdit())
        self._source_labels = dict(sources)
        if citation is not None:
            self.source.set_value(citation.source_id)
            self.source.setEnabled(False)
            self.pinpoint.setText(citation.pinpoint)
            self.quote.setPlainText(citation.quote)

    def save(self) -> None:
        new: dict[str, object] = {
            "pinpoint": self.pinpoint.text(),
            "quote": self.quote.toPlainText(),
        }
        if self.citation is not None:
            old: dict[str, object] = {
                "pinpoint": self.citation.pinpoint,
                "quote": self.citation.quote,
            }
            citation_id = self.citation.id
            sources = self.services.sources
            self.apply_edit(
                self.tr("Edit citation"),
                lambda **c: sources.update_citation(citation_id, **c),
                old,
                new,
            )
            return
        source_id = self.source.value()
        if not source_id:
            raise ValidationError(self.tr("Choose the source to cite."), field="source_id")
        if self.target_id is None:  # kept for the record's first save
            cite = Cite(source_id, str(new["pinpoint"]), str(new["quote"]))
            clean_cites([cite])
            self.pending = cite
            return
        self.apply_add(
            self.tr("Add citation"),
            lambda: self._cite(source_id, new),
            self.services.sources.remove_citation,
        )

    def source_label(self, source_id: str) -> str:
        return self._source_labels.get(source_id, "")

    def _cite(self, source_id: str, values: dict[str, object]) -> str:
        assert self.target_id is not None  # pending citations are never written here
        return self.services.sources.cite(
            source_id,
            self.target_kind,
            self.target_id,
            str(values["pinpoint"]),
            str(values["quote"]),
        )


class CitationsPanel(QWidget):
    """The citations of one record, with Add and Remove."""

    def __init__(
        self,
        services: Services,
        case_id: str,
        target_kind: str,
        target_id: str | None,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.target_kind = target_kind
        self.target_id = target_id
        self.undo_stack = undo_stack
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Citations"))
        self.add_button = QPushButton(self.tr("Add &citation…"), self)
        self.remove_button = QPushButton(self.tr("Remo&ve citation"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_citation)
        self.remove_button.clicked.connect(self.remove_selected)
        self.pending: list[Cite] = []  # before the record's first save
        self._pending_labels: list[str] = []
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.target_id is None:
            for i, (cite, label) in enumerate(zip(self.pending, self._pending_labels, strict=True)):
                item = QListWidgetItem(_citation_text(label, cite.pinpoint, cite.quote))
                item.setData(Qt.ItemDataRole.UserRole, i)
                self.list.addItem(item)
            return
        for citation, source in self.services.sources.citations(self.target_kind, self.target_id):
            label = f"{source.label} {source.title}".strip()
            item = QListWidgetItem(_citation_text(label, citation.pinpoint, citation.quote))
            item.setData(Qt.ItemDataRole.UserRole, citation)
            self.list.addItem(item)

    def add_citation(self) -> CitationEditor:
        editor = CitationEditor(
            self.services,
            self.case_id,
            self.target_kind,
            self.target_id,
            self.undo_stack,
            None,
            self,
        )
        editor.accepted.connect(lambda: self._added(editor))
        editor.open()
        return editor

    def _added(self, editor: CitationEditor) -> None:
        if self.target_id is None and editor.pending is not None:
            self.pending.append(editor.pending)
            self._pending_labels.append(editor.source_label(editor.pending.source_id))
        self.reload()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        if self.target_id is None:
            index = int(item.data(Qt.ItemDataRole.UserRole))
            del self.pending[index], self._pending_labels[index]
            self.reload()
            return
        citation = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(citation, CitationRecord):
            return
        holder = [citation.id]

        def recreate() -> None:
            holder[0] = self.services.sources.cite(
                citation.source_id,
                citation.target_kind,
                citation.target_id,
                citation.pinpoint,
                citation.quote,
            )

        change_with_undo(
            self,
            self.undo_stack,
            lambda: self.services.sources.remove_citation(citation.id),
            lambda _value, changes: RecordChange(
                self.tr("Remove citation"),
                recreate,
                lambda: self.services.sources.remove_citation(holder[0]),
                changes=changes,
            ),
            lambda _value: self.reload(),
        )


def _citation_text(label: str, pinpoint: str, quote: str) -> str:
    text = label
    if pinpoint:
        text += f", {pinpoint}"
    if quote:
        text += f" — “{quote}”"
    return text

"""Editors for people (names in several scripts, kind, photo) and organisations."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from desktop.core.enums import OrganisationKind, PersonKind
from desktop.errors import KnownError
from desktop.services.people import NameVariant, parse_names
from desktop.services.registry import Services
from desktop.store.records import OrganisationRecord, PersonRecord
from desktop.ui.editors.fields import RecordCombo, VocabularyCombo
from desktop.ui.editors.form import RecordForm
from desktop.ui.people.avatar import photo_avatar
from desktop.ui.writes import Changes, write_queue

log = logging.getLogger(__name__)

PHOTO_PX = 64


def person_fields(record: PersonRecord) -> dict[str, object]:
    return {
        "kind": record.kind,
        "display_name": record.display_name,
        "names": parse_names(record.names),
        "description": record.description,
        "allegations": record.allegations,
        "protected": record.protected,
        "confidential": record.confidential,
        "photo_sha256": record.photo_sha256,
    }


def names_from_lines(display_name: str, lines: str, known: list[NameVariant]) -> list[NameVariant]:
    """The primary name first, then one variant per line, keeping the kinds already known."""
    kinds = {n.text: n.kind for n in known}
    names = [NameVariant(display_name.strip(), kind="primary")]
    for line in lines.splitlines():
        text = line.strip()
        if text and text != display_name.strip():
            kind = kinds.get(text, "alias")
            names.append(NameVariant(text, kind="alias" if kind == "primary" else kind))
    return names


class PersonEditor(RecordForm):
    def __init__(
        self,
        services: Services,
        case_id: str,
        undo_stack: QUndoStack | None = None,
        person_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.case_id = case_id
        self.record = services.people.get_person(person_id) if person_id else None
        self.setWindowTitle(self.tr("Person") if self.record else self.tr("New person"))
        self.display_name = self.add_field("display_name", self.tr("&Name:"), QLineEdit())
        self.names = self.add_field(
            "names", self.tr("Other &spellings (one a line):"), QPlainTextEdit()
        )
        self.names.setPlaceholderText(self.tr("Артём Кузнецов\nArtyom Kuznetsov"))
        self.kind = self.add_field("kind", self.tr("&Kind:"), VocabularyCombo(PersonKind))
        self.description = self.add_field("description", self.tr("&Description:"), QPlainTextEdit())
        self.allegations = self.add_field("allegations", self.tr("&Allegations:"), QPlainTextEdit())
        self.allegations.setPlaceholderText(
            self.tr("Only what they are accused of; a briefing pack prints it as allegations")
        )
        self.protected = self.add_field("protected", self.tr("&Protected identity"), QCheckBox())
        self.confidential = self.add_field("confidential", self.tr("C&onfidential"), QCheckBox())
        self.photo = self.add_field("photo_sha256", self.tr("Pho&to:"), self._photo_row())
        self._photo_sha256: str | None = None
        self._known: list[NameVariant] = []
        if self.record is not None:
            self._known = parse_names(self.record.names)
            self.display_name.setText(self.record.display_name)
            self.names.setPlainText(
                "\n".join(n.text for n in self._known if n.text != self.record.display_name)
            )
            self.kind.set_value(self.record.kind)
            self.description.setPlainText(self.record.description)
            self.allegations.setPlainText(self.record.allegations)
            self.protected.setChecked(self.record.protected)
            self.confidential.setChecked(self.record.confidential)
            self._show_photo(self.record.photo_sha256)

    # ---- photo ------------------------------------------------------------------------
    def _photo_row(self) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.photo_preview = QLabel(row)
        self.photo_preview.setFixedSize(PHOTO_PX, PHOTO_PX)
        self.choose_photo = QPushButton(self.tr("C&hoose picture…"), row)
        self.storing_photo = False  # a picture is on its way into the vault (write queue)
        self.choose_photo.clicked.connect(self._choose_photo)
        self.remove_photo = QPushButton(self.tr("&Remove picture"), row)
        self.remove_photo.clicked.connect(lambda: self._show_photo(None))
        layout.addWidget(self.photo_preview)
        layout.addWidget(self.choose_photo)
        layout.addWidget(self.remove_photo)
        layout.addStretch(1)
        return row

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a picture"), str(Path.home()),
            self.tr("Pictures (*.png *.jpg *.jpeg *.gif)"),
        )  # fmt: skip
        if path:
            self.set_photo_file(Path(path))

    def set_photo_file(self, path: Path) -> None:
        """Keep the picture in the vault (on the write queue) and show it; saved with the
        person on OK, which waits until the picture is in."""
        self.clear_errors()
        people = self.services.people
        self._storing_photo(True)

        def landed(sha256: str, _changes: Changes) -> None:
            self._storing_photo(False)
            self._show_photo(sha256)

        def refused(exc: BaseException) -> None:
            self._storing_photo(False)
            if isinstance(exc, KnownError):
                self.show_error(exc)
            else:
                log.error("storing a picture failed", exc_info=(type(exc), exc, exc.__traceback__))

        write_queue(self.services).submit(lambda: people.store_photo(path), landed, refused)

    def _storing_photo(self, storing: bool) -> None:
        self.storing_photo = storing
        self.choose_photo.setEnabled(not storing)
        self.buttons.setEnabled(not storing)

    def _show_photo(self, sha256: str | None) -> None:
        self._photo_sha256 = sha256
        pixmap = None
        if sha256:
            try:
                pixmap = photo_avatar(self.services.sources.blob(sha256), PHOTO_PX)
            except KnownError:
                pixmap = None
        if pixmap is None:
            self.photo_preview.clear()
            self.photo_preview.setText(self.tr("none") if not sha256 else "")
        else:
            self.photo_preview.setPixmap(pixmap)
        self.remove_photo.setEnabled(sha256 is not None)

    def values(self) -> dict[str, object]:
        name = self.display_name.text()
        return {
            "kind": self.kind.value(),
            "display_name": name,
            "names": names_from_lines(name, self.names.toPlainText(), self._known)
            if name.strip()
            else [],
            "description": self.description.toPlainText(),
            "allegations": self.allegations.toPlainText(),
            "protected": self.protected.isChecked(),
            "confidential": self.confidential.isChecked(),
            "photo_sha256": self._photo_sha256,
        }

    def save(self) -> None:
        new = self.values()
        people = self.services.people
        if self.record is None:
            fields = dict(new)
            kind, name = str(fields.pop("kind")), str(fields.pop("display_name"))
            if not fields["names"]:
                fields.pop("names")
            self.apply_create(
                self.tr("Add person"),
                lambda: people.add_person(self.case_id, kind, name, **fields),
                people.delete_person,
                people.restore_person,
            )
            return
        person_id = self.record.id
        self.saved_id = person_id
        self.apply_edit(
            self.tr("Edit person"),
            lambda **changes: people.update_person(person_id, **changes),
            person_fields(self.record),
            new,
        )


def organisation_fields(record: OrganisationRecord) -> dict[str, object]:
    return {
        "name": record.name,
        "name_ru": record.name_ru,
        "kind": record.kind,
        "parent_id": record.parent_id,
    }


class OrganisationEditor(RecordForm):
    def __init__(
        self,
        services: Services,
        case_id: str,
        undo_stack: QUndoStack | None = None,
        organisation_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.services = services
        self.case_id = case_id
        people = services.people
        self.record = people.get_organisation(organisation_id) if organisation_id else None
        self.setWindowTitle(self.tr("Organisation") if self.record else self.tr("New organisation"))
        self.name = self.add_field("name", self.tr("&Name:"), QLineEdit())
        self.name_ru = self.add_field("name_ru", self.tr("Name in &Russian:"), QLineEdit())
        self.kind = self.add_field("kind", self.tr("&Kind:"), VocabularyCombo(OrganisationKind))
        others = [(o.id, o.name) for o in people.organisations(case_id) if o.id != organisation_id]
        self.parent_org = self.add_field(
            "parent_id", self.tr("&Part of:"), RecordCombo(others, blank=self.tr("(none)"))
        )
        if self.record is not None:
            self.name.setText(self.record.name)
            self.name_ru.setText(self.record.name_ru)
            self.kind.set_value(self.record.kind)
            self.parent_org.set_value(self.record.parent_id)

    def values(self) -> dict[str, object]:
        return {
            "name": self.name.text(),
            "name_ru": self.name_ru.text(),
            "kind": self.kind.value(),
            "parent_id": self.parent_org.value(),
        }

    def save(self) -> None:
        new = self.values()
        people = self.services.people
        if self.record is None:
            fields = dict(new)
            name = str(fields.pop("name"))
            self.write(
                lambda: people.add_organisation(self.case_id, name, **fields),
                lambda organisation_id, _changes: setattr(self, "saved_id", organisation_id),
            )
            return
        organisation_id = self.record.id
        self.saved_id = organisation_id
        self.apply_edit(
            self.tr("Edit organisation"),
            lambda **changes: people.update_organisation(organisation_id, **changes),
            organisation_fields(self.record),
            new,
        )

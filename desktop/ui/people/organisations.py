"""The case's organisations: list, add, edit and delete (with undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.enums import OrganisationKind
from desktop.services.registry import Services
from desktop.ui.editors.person import OrganisationEditor
from desktop.ui.i18n import current_language
from desktop.ui.undo import delete_with_undo

ID_ROLE = Qt.ItemDataRole.UserRole


class OrganisationsDialog(QDialog):
    def __init__(
        self,
        services: Services,
        case_id: str,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.undo_stack = undo_stack
        self.setWindowTitle(self.tr("Organisations"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Organisations of the case"))
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.new_button.clicked.connect(self.new_organisation)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(560, 420)
        # A bound method, not a lambda: Qt drops the connection when the dialog goes.
        self.undo_stack.indexChanged.connect(self._undo_moved)
        self.reload()

    def _undo_moved(self, _index: int) -> None:
        self.reload()

    def reload(self) -> None:
        selected = self.selected_id()
        self.list.clear()
        lang = current_language()
        for org in self.services.people.organisations(self.case_id):
            text = org.name + (f" / {org.name_ru}" if org.name_ru else "")
            item = QListWidgetItem(f"{text}  ({OrganisationKind(org.kind).label(lang)})")
            item.setData(ID_ROLE, org.id)
            self.list.addItem(item)
            if org.id == selected:
                self.list.setCurrentItem(item)
        has_rows = self.list.count() > 0
        self.edit_button.setEnabled(has_rows)
        self.delete_button.setEnabled(has_rows)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def new_organisation(self) -> OrganisationEditor:
        editor = OrganisationEditor(self.services, self.case_id, self.undo_stack, None, self)
        editor.accepted.connect(self.reload)
        editor.open()
        return editor

    def edit_selected(self) -> OrganisationEditor | None:
        organisation_id = self.selected_id()
        if organisation_id is None:
            return None
        editor = OrganisationEditor(
            self.services, self.case_id, self.undo_stack, organisation_id, self
        )
        editor.accepted.connect(self.reload)
        editor.open()
        return editor

    def delete_selected(self, *, ask: bool = True) -> None:
        organisation_id = self.selected_id()
        if organisation_id is None:
            return
        people = self.services.people
        if delete_with_undo(
            self,
            self.undo_stack,
            self.tr("Delete this organisation? You can undo this."),
            self.tr("Delete organisation"),
            delete=lambda: people.delete_organisation(organisation_id),
            restore=lambda: people.restore_organisation(organisation_id),
            ask=ask,
        ):
            self.reload()

"""The People & Officials tab: the list on the left, the chosen person's page on the right."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fuzzydate import FuzzyDate
from desktop.core.namematch.lookup import NameIndex
from desktop.errors import KnownError
from desktop.services.conflicts import ConflictService
from desktop.services.people import parse_names
from desktop.services.registry import Services
from desktop.store.records import PostingRecord
from desktop.ui.conflict_marks import conflict_note, with_conflict_badge
from desktop.ui.editors.person import OrganisationEditor, PersonEditor
from desktop.ui.editors.posting import PostingEditor
from desktop.ui.messages import confirm
from desktop.ui.people.avatar import initials_avatar, photo_avatar
from desktop.ui.people.organisations import OrganisationsDialog
from desktop.ui.people.page import PersonPage
from desktop.ui.undo import RecordChange, change_with_undo, delete_with_undo

ID_ROLE = Qt.ItemDataRole.UserRole
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 2  # True: the person has an open conflict
AVATAR = 40


class PeopleTab(QWidget):
    eventActivated = Signal(str)
    complaintActivated = Signal(str)

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.case_id: str | None = None
        self._names = NameIndex([])
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(self)
        self.list.setObjectName("peopleList")
        self.list.setIconSize(QSize(AVATAR, AVATAR))
        self.list.setSpacing(2)
        self.new_person_button = QPushButton(self)
        self.new_org_button = QPushButton(self)
        self.page = PersonPage(services, self)
        left = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_person_button)
        buttons.addWidget(self.new_org_button)
        self.orgs_button = QPushButton(self)
        buttons.addWidget(self.orgs_button)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filter)
        column.addWidget(self.list)
        column.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.page)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([320, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.filter.textChanged.connect(self._apply_filter)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda _item: self.edit_person())
        self.new_person_button.clicked.connect(self.new_person)
        self.new_org_button.clicked.connect(self.new_organisation)
        self.orgs_button.clicked.connect(self.open_organisations)
        self.page.edit_button.clicked.connect(self.edit_person)
        self.page.delete_button.clicked.connect(self.delete_person)
        self.page.add_posting_button.clicked.connect(self.add_posting)
        self.page.delete_posting_button.clicked.connect(self.delete_posting)
        self.page.postingActivated.connect(self.edit_posting)
        self.page.eventActivated.connect(self.eventActivated)
        self.page.complaintActivated.connect(self.complaintActivated)
        self.retranslate()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter people (any script)"))
        self.filter.setAccessibleName(self.tr("Filter people"))
        self.list.setAccessibleName(self.tr("People and officials"))
        self.new_person_button.setText(self.tr("New &person…"))
        self.new_org_button.setText(self.tr("New &organisation…"))
        self.orgs_button.setText(self.tr("Or&ganisations…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- content ----------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id
        self.refresh()

    def clear(self) -> None:
        self.case_id = None
        self.list.clear()
        self.page.show_person(None)

    def refresh(self) -> None:
        keep = self.current_person()
        self.list.blockSignals(True)
        self.list.clear()
        people = self.services.people.persons(self.case_id) if self.case_id else []
        self._names = NameIndex(
            (p.id, [p.display_name, *(n.text for n in parse_names(p.names))]) for p in people
        )
        conflicts = ConflictService(self.services.store).conflicted_ids() if people else set()
        for person in people:
            names = [n.text for n in parse_names(person.names)
                     if n.text != person.display_name and n.kind != "alias"]  # fmt: skip
            text = person.display_name + ("\n" + " · ".join(names) if names else "")
            avatar = self._avatar(person.display_name, person.photo_sha256)
            tooltip = " · ".join(n.text for n in parse_names(person.names))
            spoken = text.replace("\n", ", ")
            if person.id in conflicts:
                avatar = with_conflict_badge(avatar)
                tooltip = f"{conflict_note()}\n\n{tooltip}"
                spoken = f"{spoken}. {conflict_note()}"
            item = QListWidgetItem(QIcon(avatar), text)
            item.setData(ID_ROLE, person.id)
            item.setData(CONFLICT_ROLE, person.id in conflicts)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setToolTip(tooltip)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._apply_filter(self.filter.text())
        if keep and self.select_person(keep):
            return
        self.page.show_person(None)

    def _avatar(self, name: str, photo_sha256: str | None) -> QPixmap:
        if photo_sha256:
            try:
                pixmap = photo_avatar(self.services.sources.blob(photo_sha256), AVATAR)
            except KnownError:
                pixmap = None
            if pixmap is not None:
                return pixmap
        return initials_avatar(name, AVATAR)

    def _apply_filter(self, text: str) -> None:
        """Show the people the name matcher finds for `text`: any script, any grammatical
        case ("kuznecov", "Кузнецова" and "Kuznetsov" all find Кузнецов)."""
        shown = set(self._names.matching(text)) if text.strip() else None
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(shown is not None and item.data(ID_ROLE) not in shown)

    def current_person(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def select_person(self, person_id: str) -> bool:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == person_id:
                self.list.setCurrentRow(row)
                self.page.show_person(person_id)
                return True
        return False

    def _current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self.page.show_person(str(current.data(ID_ROLE)) if current is not None else None)

    # ---- editing ----------------------------------------------------------------------
    def new_person(self) -> PersonEditor | None:
        if not self.case_id:
            return None
        editor = PersonEditor(self.services, self.case_id, self.undo_stack, None, self)
        editor.accepted.connect(lambda: self._saved(editor.saved_id))
        editor.open()
        return editor

    def edit_person(self) -> PersonEditor | None:
        person_id = self.current_person()
        if not (self.case_id and person_id):
            return None
        editor = PersonEditor(self.services, self.case_id, self.undo_stack, person_id, self)
        editor.accepted.connect(lambda: self._saved(person_id))
        editor.open()
        return editor

    def new_organisation(self) -> OrganisationEditor | None:
        if not self.case_id:
            return None
        editor = OrganisationEditor(self.services, self.case_id, self.undo_stack, None, self)
        editor.open()
        return editor

    def open_organisations(self) -> OrganisationsDialog | None:
        """Edit or delete the case's organisations (they appear in postings and complaints)."""
        if not self.case_id:
            return None
        dialog = OrganisationsDialog(self.services, self.case_id, self.undo_stack, self)
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.open()
        return dialog

    def add_posting(self) -> PostingEditor | None:
        person_id = self.current_person()
        if not (self.case_id and person_id):
            return None
        editor = PostingEditor(self.services, self.case_id, person_id, self.undo_stack, None, self)
        editor.accepted.connect(lambda: self.page.show_person(person_id))
        editor.open()
        return editor

    def edit_posting(self, posting: object) -> PostingEditor | None:
        person_id = self.current_person()
        if not (self.case_id and person_id) or not isinstance(posting, PostingRecord):
            return None
        editor = PostingEditor(
            self.services,
            self.case_id,
            person_id,
            self.undo_stack,
            posting,
            self,
        )
        editor.accepted.connect(lambda: self.page.show_person(person_id))
        editor.open()
        return editor

    def _saved(self, person_id: str | None) -> None:
        self.refresh()
        if person_id:
            self.select_person(person_id)

    def delete_person(self, *, ask: bool = True) -> None:
        person_id = self.current_person()
        if not person_id:
            return
        people = self.services.people
        if not delete_with_undo(
            self,
            self.undo_stack,
            self.tr("Delete this person? You can undo this."),
            self.tr("Delete person"),
            delete=lambda: people.delete_person(person_id),
            restore=lambda: people.restore_person(person_id),
            ask=ask,
        ):
            return
        self.refresh()

    def delete_posting(self, *, ask: bool = True) -> None:
        posting = self.page.current_posting()
        if posting is None:
            return
        if ask and not confirm(self, self.tr("Delete this posting? You can undo this.")):
            return
        people = self.services.people
        holder = [posting.id]

        def recreate() -> None:
            holder[0] = people.add_posting(
                posting.person_id, posting.organisation_id, role=posting.role, rank=posting.rank,
                start=FuzzyDate.from_edtf(posting.start_edtf),
                end=FuzzyDate.from_edtf(posting.end_edtf),
            )  # fmt: skip

        change_with_undo(
            self,
            self.undo_stack,
            lambda: people.delete_posting(posting.id),
            lambda _value, changes: RecordChange(
                self.tr("Delete posting"),
                recreate,
                lambda: people.delete_posting(holder[0]),
                changes=changes,
            ),
            lambda _value: self.page.show_person(posting.person_id),
        )

    def delete_selected(self) -> None:
        self.delete_person()

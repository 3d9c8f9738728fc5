"""Whom a complaint is against, and which facts of the timeline it concerns.

`TargetsPanel` lists the parties (people, organisations, or a description) and
`LinkedEventsPanel` the events. On a filed complaint each add or remove is written at
once as its own undo step; on a new one they wait in `pending` and the New complaint
dialog writes them with the complaint, in one transaction and one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fuzzydate import FuzzyDate, known_part
from desktop.errors import KnownError, ValidationError
from desktop.services.complaints import Against
from desktop.services.people import parse_names
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.ui.editors.fields import PersonCombo, RecordCombo
from desktop.ui.i18n import current_language
from desktop.ui.messages import show_error
from desktop.ui.undo import RecordChange, change_with_undo

ITEM_ROLE = Qt.ItemDataRole.UserRole
MAX_OFFERED = 200  # events offered in the pick list at once; typed words narrow them


def _list(parent: QWidget, name: str) -> QListWidget:
    widget = QListWidget(parent)
    widget.setAccessibleName(name)
    widget.setMaximumHeight(72)
    return widget


class TargetsPanel(QWidget):
    """The parties a complaint is against: add a person, an organisation or a description."""

    def __init__(
        self,
        services: Services,
        case_id: str,
        complaint_id: str | None,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.complaint_id = complaint_id
        self.undo_stack = undo_stack
        self.pending: list[Against] = []
        people = [
            (p.id, p.display_name, [n.text for n in parse_names(p.names)])
            for p in services.people.persons(case_id)
        ]
        organisations = [(o.id, o.name) for o in services.people.organisations(case_id)]
        self._people = {pid: label for pid, label, _ in people}
        self._organisations = dict(organisations)
        self.list = _list(self, self.tr("Against"))
        self.person = PersonCombo(people, blank=self.tr("(person)"), parent=self)
        self.person.setAccessibleName(self.tr("Person the complaint is against"))
        self.organisation = RecordCombo(organisations, blank=self.tr("(organisation)"), parent=self)
        self.organisation.setAccessibleName(self.tr("Organisation the complaint is against"))
        for combo in (self.person, self.organisation):  # long names must not widen the form
            combo.setMinimumContentsLength(16)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
        self.description = QLineEdit(self)
        self.description.setPlaceholderText(self.tr("or describe (e.g. unknown officers)"))
        self.description.setAccessibleName(self.tr("Description of whom it is against"))
        self.add_button = QPushButton(self.tr("Add &party"), self)
        self.remove_button = QPushButton(self.tr("Remove part&y"), self)
        pick = QHBoxLayout()
        pick.addWidget(self.person, 1)
        pick.addWidget(self.organisation, 1)
        row = QHBoxLayout()
        row.addWidget(self.description, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(pick)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_chosen)
        self.setFocusProxy(self.person)
        self.remove_button.clicked.connect(self.remove_current)
        self.reload()

    def label(self, party: Against) -> str:
        if party.person_id:
            return self._people.get(party.person_id, "")
        if party.organisation_id:
            return self._organisations.get(party.organisation_id, "")
        return party.description

    def reload(self) -> None:
        self.list.clear()
        if self.complaint_id is None:
            parties: list[tuple[object, Against]] = list(enumerate(self.pending))
        else:
            parties = [
                (t.id, Against(t.person_id, t.organisation_id, t.description))
                for t in self.services.complaints.targets(self.complaint_id)
            ]
        for key, party in parties:
            item = QListWidgetItem(self.label(party))
            item.setData(ITEM_ROLE, key)
            self.list.addItem(item)

    def chosen(self) -> list[Against]:
        """What the entry row names: a person, an organisation and a description each
        count as one party."""
        parties = []
        if self.person.value():
            parties.append(Against(person_id=self.person.value()))
        if self.organisation.value():
            parties.append(Against(organisation_id=self.organisation.value()))
        if self.description.text().strip():
            parties.append(Against(description=self.description.text().strip()))
        return parties

    def add_chosen(self) -> None:
        parties = self.chosen()
        if not parties:
            show_error(
                self,
                ValidationError(self.tr("Choose a person or an organisation, or describe whom.")),
            )
            return
        for party in parties:
            if self.complaint_id is None:
                if party not in self.pending:
                    self.pending.append(party)
                continue
            self._add_saved(self.complaint_id, party)
        self.person.set_value(None)
        self.organisation.set_value(None)
        self.description.clear()
        self.reload()

    def _add_saved(self, complaint_id: str, party: Against) -> None:
        complaints = self.services.complaints
        change_with_undo(
            self,
            self.undo_stack,
            lambda: complaints.add_target(complaint_id, party),
            lambda target_id, changes: RecordChange(
                self.tr("Add whom the complaint is against"),
                lambda: complaints.remove_target(target_id),
                lambda: complaints.restore_target(target_id),
                changes=changes,
            ),
            lambda _id: self.reload(),
        )

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        key = item.data(ITEM_ROLE)
        if self.complaint_id is None:
            del self.pending[int(key)]
            self.reload()
            return
        if self.list.count() == 1:
            show_error(
                self,
                ValidationError(
                    self.tr("A complaint is against someone: add the other party first.")
                ),
            )
            return
        complaints, target_id = self.services.complaints, str(key)
        change_with_undo(
            self,
            self.undo_stack,
            lambda: complaints.remove_target(target_id),
            lambda _value, changes: RecordChange(
                self.tr("Remove whom the complaint is against"),
                lambda: complaints.restore_target(target_id),
                lambda: complaints.remove_target(target_id),
                changes=changes,
            ),
            lambda _value: self.reload(),
        )


class LinkedEventsPanel(QWidget):
    """The events of the case a complaint concerns."""

    def __init__(
        self,
        services: Services,
        case_id: str,
        complaint_id: str | None,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.complaint_id = complaint_id
        self.undo_stack = undo_stack
        self.pending: list[str] = []  # event ids
        self.case_id = case_id
        self._labels: dict[str, str] = {}  # event id -> label, of every event offered
        self.list = _list(self, self.tr("Events the complaint concerns"))
        self.words = QLineEdit(self)
        self.words.setClearButtonEnabled(True)
        self.words.setPlaceholderText(self.tr("find an event by its words"))
        self.words.setAccessibleName(self.tr("Find an event to link"))
        self.choice = RecordCombo([], blank=self.tr("(event)"), parent=self)
        self.choice.setMinimumContentsLength(24)
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setAccessibleName(self.tr("Event to link"))
        self.add_button = QPushButton(self.tr("Lin&k event"), self)
        self.remove_button = QPushButton(self.tr("U&nlink"), self)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.words)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.link_chosen)
        self.words.textChanged.connect(self.offer)
        self.offer("")
        self.setFocusProxy(self.words)
        self.remove_button.clicked.connect(self.unlink_current)
        self.reload()

    def offer(self, words: str) -> None:
        """Offer the first `MAX_OFFERED` events (in timeline order) that `words` find; a
        case of a million events is never loaded whole."""
        timeline = self.services.timeline
        try:
            ids = timeline.event_ids(self.case_id, EventFilter(text=words))[:MAX_OFFERED]
        except KnownError:
            ids = []
        lang = current_language()
        offered = [
            (r.event.id, _event_label(r.date, r.event.title, lang)) for r in timeline.rows(ids)
        ]
        self._labels.update(offered)
        self.choice.clear()
        self.choice.addItem(self.tr("(event)"), "")
        for event_id, label in offered:
            self.choice.addItem(label, event_id)
        if len(offered) == 1:
            self.choice.setCurrentIndex(1)

    def reload(self) -> None:
        self.list.clear()
        if self.complaint_id is None:
            links: list[tuple[object, str]] = [
                (i, self._labels.get(event_id, "")) for i, event_id in enumerate(self.pending)
            ]
        else:
            lang = current_language()
            links = [
                (
                    link_id,
                    _event_label(
                        FuzzyDate.from_edtf(e.date_edtf).with_part(known_part(e.date_note)),
                        e.title,
                        lang,
                    ),
                )
                for link_id, e in self.services.complaints.linked_events(self.complaint_id)
            ]
        for key, text in links:
            item = QListWidgetItem(text)
            item.setData(ITEM_ROLE, key)
            self.list.addItem(item)

    def link(self, event_id: str) -> None:
        """Say the complaint concerns `event_id` (or keep it for the first save)."""
        if self.complaint_id is None:
            if event_id not in self.pending:
                self.pending.append(event_id)
            self.reload()
            return
        complaints, complaint_id = self.services.complaints, self.complaint_id
        change_with_undo(
            self,
            self.undo_stack,
            lambda: complaints.link_event(complaint_id, event_id),
            lambda link_id, changes: RecordChange(
                self.tr("Link event to complaint"),
                lambda: complaints.unlink_event(link_id),
                lambda: complaints.relink_event(link_id),
                changes=changes,
            ),
            lambda _id: self.reload(),
        )

    def link_chosen(self) -> None:
        event_id = self.choice.value()
        if not event_id:
            return
        try:
            self.link(event_id)
        except KnownError as exc:
            show_error(self, exc)
            return
        self.choice.set_value(None)

    def unlink_current(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        key = item.data(ITEM_ROLE)
        if self.complaint_id is None:
            del self.pending[int(key)]
            self.reload()
            return
        complaints, link_id = self.services.complaints, str(key)
        change_with_undo(
            self,
            self.undo_stack,
            lambda: complaints.unlink_event(link_id),
            lambda _value, changes: RecordChange(
                self.tr("Unlink event from complaint"),
                lambda: complaints.relink_event(link_id),
                lambda: complaints.unlink_event(link_id),
                changes=changes,
            ),
            lambda _value: self.reload(),
        )


def _event_label(date: FuzzyDate, title: str, lang: str) -> str:
    return title if date.is_undated else f"{date.display(lang, 'short')} — {title}"

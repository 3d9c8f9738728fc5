"""The people in an event and their role in it (arrested, investigator, witness…).

For an event not yet saved the panel holds the people in `pending` (shown the same way);
the New event dialog writes them with the event, in one transaction and one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.event_entry import Taking
from desktop.services.people import parse_names
from desktop.services.registry import Services
from desktop.ui.editors.fields import PersonCombo
from desktop.ui.undo import RecordChange, change_with_undo

PARTICIPANT_ROLE = Qt.ItemDataRole.UserRole


class ParticipantsPanel(QWidget):
    def __init__(
        self,
        services: Services,
        case_id: str,
        event_id: str | None,
        undo_stack: QUndoStack | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.event_id = event_id
        self.undo_stack = undo_stack
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("People in this event"))
        self.list.setMaximumHeight(110)
        people = [
            (p.id, p.display_name, [n.text for n in parse_names(p.names)])
            for p in services.people.persons(case_id)
        ]
        self.person = PersonCombo(people, blank=self.tr("(person)"), parent=self)
        self.person.setAccessibleName(self.tr("Person to add"))
        self.role = QLineEdit(self)
        self.role.setPlaceholderText(self.tr("role in the event"))
        self.role.setAccessibleName(self.tr("Role in the event"))
        self.add_button = QPushButton(self.tr("&Add person"), self)
        self.remove_button = QPushButton(self.tr("Remove &person"), self)
        row = QHBoxLayout()
        row.addWidget(self.person, 2)
        row.addWidget(self.role, 2)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_current)
        self._names = {pid: label for pid, label, _names in people}
        self.pending: list[Taking] = []  # before the event's first save
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        if self.event_id is None:
            for i, taking in enumerate(self.pending):
                name = self._names.get(taking.person_id, "")
                item = QListWidgetItem(name + (f" — {taking.role}" if taking.role else ""))
                item.setData(PARTICIPANT_ROLE, i)
                self.list.addItem(item)
            return
        for participant, person in self.services.timeline.participants(self.event_id):
            text = person.display_name + (f" — {participant.role}" if participant.role else "")
            item = QListWidgetItem(text)
            item.setData(PARTICIPANT_ROLE, participant.id)
            self.list.addItem(item)

    def add_selected(self) -> None:
        person_id = self.person.value()
        if not person_id:
            return
        if self.event_id is None:
            self.pending.append(Taking(person_id, self.role.text().strip()))
            self.role.clear()
            self.reload()
            return
        timeline, event_id, role = self.services.timeline, self.event_id, self.role.text()
        change_with_undo(
            self,
            self.undo_stack,
            lambda: timeline.add_participant(event_id, person_id, role),
            lambda participant_id, changes: RecordChange(
                self.tr("Add person to event"),
                lambda: timeline.remove_participant(participant_id),
                lambda: timeline.restore_participant(participant_id),
                changes=changes,
            ),
            lambda _id: self.reload(),
        )
        self.role.clear()

    def remove_current(self) -> None:
        item = self.list.currentItem()
        if item is None or item.data(PARTICIPANT_ROLE) is None:
            return
        if self.event_id is None:
            del self.pending[int(item.data(PARTICIPANT_ROLE))]
            self.reload()
            return
        participant_id = str(item.data(PARTICIPANT_ROLE))
        timeline = self.services.timeline
        change_with_undo(
            self,
            self.undo_stack,
            lambda: timeline.remove_participant(participant_id),
            lambda _value, changes: RecordChange(
                self.tr("Remove person from event"),
                lambda: timeline.restore_participant(participant_id),
                lambda: timeline.remove_participant(participant_id),
                changes=changes,
            ),
            lambda _value: self.reload(),
        )

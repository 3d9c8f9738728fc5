"""One person's page: names, postings (organisation, role, rank, from–to), the events
they appear in and the complaints against them."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.enums import ComplaintStatus, PersonKind
from desktop.core.fuzzydate import FuzzyDate
from desktop.errors import KnownError
from desktop.services.people import parse_names
from desktop.services.registry import Services
from desktop.services.timeline import EventFilter
from desktop.store.records import PersonRecord, PostingRecord
from desktop.ui.i18n import current_language

ID_ROLE = Qt.ItemDataRole.UserRole


def period_text(start_edtf: str, end_edtf: str, lang: str) -> tuple[str, str]:
    start, end = FuzzyDate.from_edtf(start_edtf), FuzzyDate.from_edtf(end_edtf)
    return (
        "" if start.is_undated else start.display(lang, "short"),
        "" if end.is_undated else end.display(lang, "short"),
    )


class PersonPage(QWidget):
    """Shows one person; emits what the user opens from it."""

    eventActivated = Signal(str)
    complaintActivated = Signal(str)
    postingActivated = Signal(object)  # PostingRecord

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.person: PersonRecord | None = None
        self.header = QLabel(self)
        self.header.setObjectName("personHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.postings_label = QLabel(self)
        self.postings = QTableWidget(0, 5, self)
        self.postings.setObjectName("postings")
        self.postings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.postings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.postings.verticalHeader().hide()
        self.postings.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_posting_button = QPushButton(self)
        self.delete_posting_button = QPushButton(self)
        self.events_label = QLabel(self)
        self.events = QListWidget(self)
        self.events.setObjectName("personEvents")
        self.complaints_label = QLabel(self)
        self.complaints = QListWidget(self)
        self.complaints.setObjectName("personComplaints")
        for label in (self.postings_label, self.events_label, self.complaints_label):
            label.setStyleSheet("font-weight: bold; margin-top: 6px;")
        self.postings_label.setBuddy(self.postings)
        self.events_label.setBuddy(self.events)
        self.complaints_label.setBuddy(self.complaints)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)
        posting_buttons = QHBoxLayout()
        posting_buttons.addWidget(self.add_posting_button)
        posting_buttons.addWidget(self.delete_posting_button)
        posting_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.postings_label)
        layout.addWidget(self.postings, 2)
        layout.addLayout(posting_buttons)
        layout.addWidget(self.events_label)
        layout.addWidget(self.events, 2)
        layout.addWidget(self.complaints_label)
        layout.addWidget(self.complaints, 1)
        self.events.itemActivated.connect(
            lambda item: self.eventActivated.emit(str(item.data(ID_ROLE)))
        )
        self.complaints.itemActivated.connect(
            lambda item: self.complaintActivated.emit(str(item.data(ID_ROLE)))
        )
        self.postings.cellDoubleClicked.connect(self._posting_double_clicked)
        self.retranslate()
        self.show_person(None)

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("&Edit person…"))
        self.delete_button.setText(self.tr("Delete person"))
        self.postings_label.setText(self.tr("Po&stings"))
        self.postings.setHorizontalHeaderLabels(
            [self.tr("Organisation"), self.tr("Role"), self.tr("Rank"), self.tr("From"),
             self.tr("To")]
        )  # fmt: skip
        self.postings.setAccessibleName(self.tr("Postings"))
        self.add_posting_button.setText(self.tr("Add posti&ng…"))
        self.delete_posting_button.setText(self.tr("Delete posting"))
        self.events_label.setText(self.tr("E&vents they appear in"))
        self.events.setAccessibleName(self.tr("Events they appear in"))
        self.complaints_label.setText(self.tr("Complaints a&gainst them"))
        self.complaints.setAccessibleName(self.tr("Complaints against them"))
        if self.person is not None:
            try:
                self.show_person(self.person.id)
            except KnownError:  # the vault was locked under this (closing) widget
                self.show_person(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def current_posting(self) -> PostingRecord | None:
        row = self.postings.currentRow()
        item = self.postings.item(row, 0) if row >= 0 else None
        posting = item.data(ID_ROLE) if item is not None else None
        return posting if isinstance(posting, PostingRecord) else None

    def _posting_double_clicked(self, row: int, _column: int) -> None:
        item = self.postings.item(row, 0)
        if item is not None:
            self.postingActivated.emit(item.data(ID_ROLE))

    def show_person(self, person_id: str | None) -> None:
        self.postings.setRowCount(0)
        self.events.clear()
        self.complaints.clear()
        self.person = self.services.people.get_person(person_id) if person_id else None
        for widget in (self.edit_button, self.delete_button, self.add_posting_button,
                       self.delete_posting_button):  # fmt: skip
            widget.setEnabled(self.person is not None)
        if self.person is None:
            self.header.setText(self.tr("Choose a person on the left."))
            return
        lang = current_language()
        person = self.person
        names = [n.text for n in parse_names(person.names) if n.text != person.display_name]
        self.header.setText(
            f"<h2 style='margin:0'>{escape(person.display_name)}</h2>"
            f"<div>{escape(' · '.join(names))}</div>"
            f"<div style='color:#555'>{escape(PersonKind(person.kind).label(lang))}"
            f"{' — ' + escape(person.description) if person.description else ''}</div>"
        )
        organisations = {o.id: o for o in self.services.people.organisations(person.case_id)}
        for posting in self.services.people.postings(person.id):
            org = organisations.get(posting.organisation_id)
            org_name = "" if org is None else (org.name_ru if lang == "ru" and org.name_ru
                                               else org.name)  # fmt: skip
            start, end = period_text(posting.start_edtf, posting.end_edtf, lang)
            row = self.postings.rowCount()
            self.postings.insertRow(row)
            for column, text in enumerate((org_name, posting.role, posting.rank, start, end)):
                cell = QTableWidgetItem(text)
                if column == 0:
                    cell.setData(ID_ROLE, posting)
                self.postings.setItem(row, column, cell)
        timeline = self.services.timeline
        ids = timeline.event_ids(person.case_id, EventFilter(person_id=person.id))
        for event_row in timeline.rows(ids):
            date_text = event_row.date.display(lang, "short")
            item = QListWidgetItem(f"{date_text} — {event_row.event.title}")
            item.setData(ID_ROLE, event_row.event.id)
            self.events.addItem(item)
        for complaint in self.services.complaints.complaints_against(person.id):
            filed = FuzzyDate.from_edtf(complaint.filed_edtf).display(lang, "short")
            status = ComplaintStatus(complaint.status).label(lang)
            subject = complaint.subject or complaint.body_detail
            item = QListWidgetItem(f"{filed} — {status} — {subject}")
            item.setData(ID_ROLE, complaint.id)
            self.complaints.addItem(item)

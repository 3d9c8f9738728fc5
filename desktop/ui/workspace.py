"""The unlocked workspace: the case list on the left, the four tabs on the right.

It lives exactly as long as the vault stays unlocked; locking throws it away.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.registry import Services
from desktop.ui.case_list import CaseListPanel
from desktop.ui.complaints.tab import ComplaintsTab
from desktop.ui.editors.event import EventEditor
from desktop.ui.elided import install_elided_tips
from desktop.ui.empty_state import EmptyVaultGuide
from desktop.ui.people.tab import PeopleTab
from desktop.ui.sources.tab import SourcesTab
from desktop.ui.timeline.panel import TimelinePanel
from desktop.ui.undo import CaseUndoStack, delete_with_undo
from desktop.ui.writes import Changes, write_queue

log = logging.getLogger(__name__)
TIMELINE, PEOPLE, COMPLAINTS, SOURCES = range(4)

# What each tab shows, by table: after a queued write a tab re-reads only when the write
# touched one of these (a person's name shows in the timeline's people column, and so on).
_LINKS = {"tags", "tag_links", "citations"}
SHOWN_IN = {
    TIMELINE: {"events", "event_participants", "persons", "sources", *_LINKS},
    PEOPLE: {"persons", "organisations", "postings", "event_participants", "events",
             "complaints", "complaint_targets", *_LINKS},
    COMPLAINTS: {"complaints", "complaint_targets", "complaint_events", "complaint_responses",
                 "persons", "organisations", "events", "attachments", *_LINKS},
    SOURCES: {"sources", "attachments", "blobs", "persons", *_LINKS},
}  # fmt: skip


def sample_banner(parent: QWidget) -> QLabel:
    """The on-screen notice that a case is sample data, shown above its tabs."""
    banner = QLabel(parent)
    banner.setObjectName("sampleBanner")
    banner.setWordWrap(True)
    banner.setStyleSheet(
        "QLabel#sampleBanner { background: #fff4ce; color: #4a3b00; padding: 6px 10px;"
        " border-bottom: 1px solid #e0c97a; }"
    )
    banner.hide()
    return banner


class Workspace(QSplitter):
    """`newCaseRequested` asks the window for the New case editor (from the empty guide)."""

    newCaseRequested = Signal()

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.case_id: str | None = None
        self.selected_event: str | None = None
        self.cases = CaseListPanel(services, self)
        self.pages = QStackedWidget(self)
        right = self._tabs_page = QWidget(self.pages)
        layout = QVBoxLayout(right)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = sample_banner(right)
        self.tabs = QTabWidget(right)
        self.tabs.setObjectName("workspaceTabs")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.timeline = TimelinePanel(services, parent=self.tabs, undo_stack=undo_stack)
        self.people = PeopleTab(services, undo_stack, self.tabs)
        self.complaints = ComplaintsTab(services, undo_stack, self.tabs)
        self.sources = SourcesTab(services, undo_stack, self.tabs)
        for tab in (self.timeline, self.people, self.complaints, self.sources):
            self.tabs.addTab(tab, "")
        self.empty_guide = EmptyVaultGuide(self.pages)
        self.empty_guide.newCaseRequested.connect(self.newCaseRequested)
        self.pages.addWidget(right)
        self.pages.addWidget(self.empty_guide)
        self.addWidget(self.cases)
        self.addWidget(self.pages)
        self.setStretchFactor(1, 1)
        self.setSizes([260, 1020])
        self.cases.caseChosen.connect(self.set_case)
        write_queue(services).changed.connect(self.refresh)
        self.people.eventActivated.connect(self.edit_event)
        self.people.complaintActivated.connect(self.open_complaint)
        self.timeline.eventActivated.connect(self.edit_event)
        self.timeline.eventSelected.connect(self._event_selected)
        install_elided_tips(self)
        self.retranslate()
        self.cases.reload()

    def retranslate(self) -> None:
        self.tabs.setTabText(TIMELINE, self.tr("&Timeline"))
        self.tabs.setTabText(PEOPLE, self.tr("&People && Officials"))
        self.tabs.setTabText(COMPLAINTS, self.tr("Co&mplaints"))
        self.tabs.setTabText(SOURCES, self.tr("&Sources && Exhibits"))
        self.banner.setText(
            self.tr(
                "Sample data compiled from public reports: verify every fact against its "
                "source before any use."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- case -------------------------------------------------------------------------
    def set_case(self, case_id: str | None) -> None:
        self.case_id = case_id or None
        if isinstance(self.undo_stack, CaseUndoStack):
            self.undo_stack.set_case(self.case_id)
        self.selected_event = None
        log.info("case chosen")
        for tab in (self.people, self.complaints, self.sources):
            tab.set_case(self.case_id)
        self.timeline.set_case(self.case_id)
        self.banner.setVisible(self._is_sample(self.case_id))
        empty = self.case_id is None and self.cases.list.count() == 0
        self.pages.setCurrentWidget(self.empty_guide if empty else self._tabs_page)

    @property
    def shows_empty_guide(self) -> bool:
        return self.pages.currentWidget() is self.empty_guide

    def explain_no_case(self) -> QMessageBox:
        """Say why a new record cannot be made yet (no case chosen) and offer the way on."""
        box = QMessageBox(self)
        box.setObjectName("noCaseBox")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Dossier"))
        if self.cases.list.count() == 0:
            box.setText(
                self.tr(
                    "Events, people, complaints and sources belong to a case, and this vault "
                    "has none yet. Create a case first."
                )
            )
            create = box.addButton(self.tr("&New case…"), QMessageBox.ButtonRole.AcceptRole)
            create.clicked.connect(self.newCaseRequested)
            box.addButton(QMessageBox.StandardButton.Cancel)
        else:
            box.setText(
                self.tr("Choose a case in the list on the left first: new records go into it.")
            )
            box.addButton(QMessageBox.StandardButton.Ok)
        box.open()
        return box

    def _is_sample(self, case_id: str | None) -> bool:
        if not case_id:
            return False
        try:
            return self.services.cases.get_case(case_id).is_sample
        except KnownError:
            return False

    def refresh(self, changes: Changes | None = None) -> None:
        """Re-read what shows `changes` (None: everything, after a change made elsewhere)."""
        shown = (
            (PEOPLE, self.people),
            (COMPLAINTS, self.complaints),
            (SOURCES, self.sources),
            (TIMELINE, self.timeline),
        )
        for index, tab in shown:
            if changes is None or changes.touches(SHOWN_IN[index]):
                tab.refresh()

    def clear(self) -> None:
        self.case_id = None
        for tab in (self.people, self.complaints, self.sources):
            tab.clear()
        self.timeline.clear()
        self.banner.hide()
        self.cases.list.clear()

    # ---- events -----------------------------------------------------------------------
    def _event_selected(self, event_id: str) -> None:
        self.selected_event = event_id or None

    def new_event(self) -> EventEditor | None:
        if not self.case_id:
            self.explain_no_case()
            return None
        editor = EventEditor(self.services, self.case_id, self.undo_stack, None, self)
        editor.accepted.connect(lambda: self._event_saved(editor.saved_id))
        editor.open()
        return editor

    def edit_event(self, event_id: str) -> EventEditor | None:
        if not (self.case_id and event_id):
            return None
        editor = EventEditor(self.services, self.case_id, self.undo_stack, event_id, self)
        editor.accepted.connect(lambda: self._event_saved(event_id))
        editor.open()
        return editor

    def _event_saved(self, event_id: str | None) -> None:
        # The views were refreshed from the write queue's `changed` as the save landed.
        if event_id:
            self.timeline.select_event(event_id)

    def delete_event(self, event_id: str, *, ask: bool = True) -> None:
        timeline = self.services.timeline
        if not delete_with_undo(
            self,
            self.undo_stack,
            self.tr("Delete this event? You can undo this."),
            self.tr("Delete event"),
            delete=lambda: timeline.delete_event(event_id),
            restore=lambda: timeline.restore_event(event_id),
            ask=ask,
        ):
            return
        self.selected_event = None
        self.refresh()

    def delete_selected(self) -> None:
        index = self.tabs.currentIndex()
        if index == TIMELINE:
            if self.selected_event:
                self.delete_event(self.selected_event)
        elif index == PEOPLE:
            self.people.delete_selected()
        elif index == COMPLAINTS:
            self.complaints.delete_selected()
        elif index == SOURCES:
            self.sources.delete_selected()

    # ---- opening records (from search and links) ---------------------------------------
    def open_record(self, kind: str, record_id: str, case_id: str) -> None:
        if case_id and case_id != self.case_id:
            self.cases.select_case(case_id)
        if kind == "person":
            self.tabs.setCurrentIndex(PEOPLE)
            self.people.select_person(record_id)
        elif kind == "event":
            self.tabs.setCurrentIndex(TIMELINE)
            select = getattr(self.timeline, "select_event", None)
            if select is not None:
                select(record_id)
            self.edit_event(record_id)
        elif kind == "complaint":
            self.open_complaint(record_id)
        elif kind == "source":
            self.tabs.setCurrentIndex(SOURCES)
            self.sources.select_source(record_id)
        elif kind == "organisation":
            from desktop.ui.editors.person import OrganisationEditor

            if self.case_id:
                OrganisationEditor(
                    self.services, self.case_id, self.undo_stack, record_id, self
                ).open()

    def open_complaint(self, complaint_id: str) -> None:
        self.tabs.setCurrentIndex(COMPLAINTS)
        self.complaints.select_complaint(complaint_id)

"""The timeline of every case in the vault, in a window of its own beside the main one.

It leaves the workspace as it is (its case, tab and selection): the main window keeps
one of these and shows it again when asked (`start`). Double-click or Enter opens an event's
editor as in a case's timeline; edits made here are undone here (Ctrl+Z in this window),
never in the history of the case shown in the main window. Any write in the vault,
here or elsewhere, shows again what it touched. Locking the vault closes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from desktop.services.registry import Services
from desktop.ui.editors.event import EventEditor
from desktop.ui.timeline.panel import TimelinePanel
from desktop.ui.undo import CaseUndoStack
from desktop.ui.writes import Changes, WriteQueue, write_queue

# Tables whose changes the timeline shows (the Case column shows case titles).
SHOWN = {"events", "event_participants", "persons", "sources", "tags", "tag_links",
         "citations", "cases"}  # fmt: skip


class VaultTimelineWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.setObjectName("vaultTimelineWindow")
        self.resize(1200, 760)
        self.undo_stack = CaseUndoStack(self)
        self.undo_stack.history = services.history
        self.writes: WriteQueue | None = None
        self.panel = TimelinePanel(services, self, undo_stack=self.undo_stack)
        self.setCentralWidget(self.panel)
        self.note = QLabel(self)
        self.statusBar().addPermanentWidget(self.note)
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence("Ctrl+W"))
        self.close_action.triggered.connect(self.close)
        self.menu = self.menuBar().addMenu("")
        self.menu.addActions([self.undo_action, self.redo_action])
        self.menu.addSeparator()
        self.menu.addAction(self.close_action)
        self.panel.eventActivated.connect(self.edit_event)
        self.retranslate()

    def start(self) -> None:
        """Show (again) the timeline of every case as it is now, and follow the writes.

        Closing only hides the window: an event editor opened from it stays with its
        draft through a lock (the main window keeps the drafts)."""
        if self.writes is None:
            self.writes = write_queue(self.services)
            self.writes.changed.connect(self._after_write)
            self.undo_stack.use_writes(self.writes)
            self.panel.show_every_case()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.activateWindow()  # brings it to the front

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Timeline of all cases — Dossier"))
        self.menu.setTitle(self.tr("&Timeline"))
        self.close_action.setText(self.tr("&Close"))
        self.note.setText(
            self.tr("Events of every case. Open an event with a double-click or Enter; "
                    "new events are made in a case.")
        )  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def edit_event(self, event_id: str) -> EventEditor | None:
        """The event's editor, as in its case's timeline (its undo step stays here)."""
        if not event_id:
            return None
        case_id = self.services.timeline.get_event(event_id).case_id
        editor = EventEditor(self.services, case_id, self.undo_stack, event_id, self)
        editor.accepted.connect(lambda: self.panel.select_event(event_id))
        editor.open()
        return editor

    def _after_write(self, changes: Changes) -> None:
        if changes.touches(SHOWN):
            self.panel.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.writes is not None:
            self.writes.changed.disconnect(self._after_write)
            self.writes = None
        self.undo_stack.use_writes(None)
        self.panel.clear()
        self.panel.wait_idle()
        super().closeEvent(event)

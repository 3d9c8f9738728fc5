"""The main window: builds and wires its parts (actions, workspace, status bar) and
handles locking. The parts live in their own modules; this class only connects them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from desktop import __version__
from desktop.crypto.os_keyring import SecretStore
from desktop.errors import KnownError
from desktop.services.registry import Services
from desktop.services.sync import SyncService
from desktop.store.vault import Vault
from desktop.ui import actions as window_actions
from desktop.ui.briefing import BriefingDialog, open_briefing_dialog
from desktop.ui.editors.case import CaseEditor
from desktop.ui.editors.form import RecordForm
from desktop.ui.exports import ExportDialog, open_export_dialog
from desktop.ui.idle import IdleWatcher
from desktop.ui.messages import confirm, show_error
from desktop.ui.search import SearchDialog
from desktop.ui.settings import AppSettings
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.sheet.wizard import SheetImportWizard, save_template_dialog
from desktop.ui.shortcuts import PromisedShortcuts
from desktop.ui.status_bar import VaultStatusBar
from desktop.ui.sync.dialog import SyncDialog
from desktop.ui.timeline.vault_window import VaultTimelineWindow
from desktop.ui.undo import CaseUndoStack, RecordChange, change_with_undo
from desktop.ui.vault.check import CheckVaultDialog, open_check_vault_dialog
from desktop.ui.vault.unlock import UnlockDialog
from desktop.ui.workspace import COMPLAINTS, PEOPLE, SOURCES, TIMELINE, Workspace
from desktop.ui.writes import Changes, WriteQueue, write_queue

log = logging.getLogger(__name__)


@dataclass
class ParkedWork:
    """While locked: the emptied workspace and the editors the user had open in it.

    An auto-lock must not throw away what someone was typing. The editors stay in memory,
    hidden (the vault's keys are gone: nothing new can be read or written), and come back
    after the same vault is unlocked.
    """

    workspace: Workspace
    services: Services
    case_id: str | None
    drafts: list[RecordForm]

    def discard(self) -> None:
        for draft in self.drafts:
            draft.close()
        self.workspace.deleteLater()


ServicesFactory = Callable[[Vault], Services]


class MainWindow(QMainWindow):
    def __init__(
        self,
        vault: Vault,
        services_for: ServicesFactory,
        keyring: SecretStore,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = vault.folder
        self.vault: Vault | None = None
        self.services: Services | None = None
        self.workspace: Workspace | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self._parked: ParkedWork | None = None
        self.writes: WriteQueue | None = None
        self._after_writes: Callable[[], object] | None = None  # a lock or quit waiting
        self.search_dialog: SearchDialog | None = None
        self.vault_timeline: VaultTimelineWindow | None = None
        self._services_for = services_for
        self.keyring = keyring
        self.settings = settings
        self.setObjectName("mainWindow")
        self.resize(1280, 800)
        if settings.geometry():
            self.restoreGeometry(settings.geometry())
        self.undo_stack = CaseUndoStack(self)
        self.undo_stack.report = lambda exc: show_error(self, exc)
        self.commands = window_actions.build_actions(self, self.undo_stack)
        self.menus = window_actions.build_menus(self, self.commands)
        self.status = VaultStatusBar(self)
        self.setStatusBar(self.status)
        self.idle = IdleWatcher(settings.autolock_minutes, self)
        self.idle.idle.connect(self.lock_vault)
        self.undo_stack.indexChanged.connect(self._after_change)
        a = self.commands
        text_keys = {a.undo, a.redo, a.delete}  # a text field's own undo, redo and delete
        self.shortcuts = PromisedShortcuts(
            self, [x for x in a.all() if x not in text_keys and x is not a.lock], [a.lock]
        )
        self._connect_actions()
        self.retranslate()
        self.attach(vault)

    # ---- wiring -----------------------------------------------------------------------
    def _connect_actions(self) -> None:
        a = self.commands
        a.new_case.triggered.connect(self.new_case)
        a.edit_case.triggered.connect(self.edit_case)
        a.delete_case.triggered.connect(lambda: self.delete_case())
        a.lock.triggered.connect(self.lock_vault)
        a.briefing.triggered.connect(self.open_briefing)
        a.export.triggered.connect(self.open_export)
        a.sync.triggered.connect(lambda: self.open_sync())
        a.import_sheet.triggered.connect(self.open_sheet_import)
        a.save_template.triggered.connect(lambda: save_template_dialog(self))
        a.settings.triggered.connect(self.open_settings)
        a.check_vault.triggered.connect(self.open_check_vault)
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self.open_search)
        a.delete.triggered.connect(self.delete_selected)
        a.new_event.triggered.connect(lambda: self.workspace and self.workspace.new_event())
        a.new_person.triggered.connect(lambda: self._on_tab(PEOPLE, "new_person"))
        a.new_organisation.triggered.connect(lambda: self._on_tab(PEOPLE, "new_organisation"))
        a.new_complaint.triggered.connect(lambda: self._on_tab(COMPLAINTS, "new_complaint"))
        a.new_source.triggered.connect(lambda: self._on_tab(SOURCES, "new_source"))
        a.show_timeline.triggered.connect(lambda: self._show_tab(TIMELINE))
        a.show_people.triggered.connect(lambda: self._show_tab(PEOPLE))
        a.show_complaints.triggered.connect(lambda: self._show_tab(COMPLAINTS))
        a.show_sources.triggered.connect(lambda: self._show_tab(SOURCES))
        a.vault_timeline.triggered.connect(self.open_vault_timeline)
        a.about.triggered.connect(self.show_about)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Dossier"))
        window_actions.retranslate(self.commands, self.menus)
        if self.workspace is None:
            self._show_locked_placeholder()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def delete_selected(self) -> None:
        if self.workspace is not None:
            self.workspace.delete_selected()

    def _show_tab(self, index: int) -> None:
        if self.workspace is not None:
            self.workspace.tabs.setCurrentIndex(index)

    def _on_tab(self, index: int, method: str) -> object:
        if self.workspace is None:
            return None
        if not self.workspace.case_id:
            return self.workspace.explain_no_case()
        self.workspace.tabs.setCurrentIndex(index)
        tab = self.workspace.tabs.widget(index)
        return getattr(tab, method)()

    # ---- vault ------------------------------------------------------------------------
    @property
    def is_unlocked(self) -> bool:
        return self.vault is not None and self.vault.is_unlocked

    def attach(self, vault: Vault) -> None:
        """Show the workspace over a freshly unlocked `vault`."""
        log.info("building the workspace")
        parked, self._parked = self._parked, None
        self.vault = vault
        self.folder = vault.folder
        if parked is not None and parked.services.store.vault.folder == vault.folder:
            parked.services.store.vault = vault  # the same services, over the reopened vault
            self.services = parked.services
            self.workspace = parked.workspace
        else:
            if parked is not None:
                parked.discard()
                parked = None
            self.services = self._services_for(vault)
            self.workspace = Workspace(self.services, self.undo_stack, self)
            self.workspace.cases.caseChosen.connect(self._case_chosen)
            self.workspace.newCaseRequested.connect(self.new_case)
        self.undo_stack.history = self.services.history
        self.writes = write_queue(self.services)
        self.writes.changed.connect(self._after_write)
        self.writes.idle.connect(self._writes_done)
        self.setCentralWidget(self.workspace)
        if parked is not None:
            self.workspace.cases.reload(select=parked.case_id)
            for draft in parked.drafts:
                draft.show()
                draft.activateWindow()
        for action in self.commands.all():
            action.setEnabled(True)
        self.undo_stack.use_writes(self.writes)  # and undo/redo only when there is a step
        self.status.show_vault(self.folder, True)
        self.status.show_counts(self.services, self.workspace.case_id)
        self.idle.set_minutes(self.settings.autolock_minutes)

    def lock_vault(self) -> None:
        """Clear the window, drop the keys, and ask for the passphrase again."""
        if self.vault is None:
            return
        if self._wait_for_writes(self.lock_vault, self.tr("Locking once the save is done…")):
            return
        log.info("locking the vault")
        self.idle.pause()
        drafts = []
        for dialog in self.findChildren(QWidget):
            if dialog.isWindow() and dialog is not self and dialog.isVisible():
                if isinstance(dialog, RecordForm):
                    dialog.hide()  # what the user was typing comes back after unlock
                    drafts.append(dialog)
                else:
                    dialog.close()  # search, packs, sync: they show case content
        if self.workspace is not None and self.services is not None:
            case_id = self.workspace.case_id
            self.workspace.clear()
            self.takeCentralWidget()  # kept, emptied, for the drafts that belong to it
            self._parked = ParkedWork(self.workspace, self.services, case_id, drafts)
        self.workspace = None
        self.undo_stack.clear()
        self._forget_writes()
        self.services = None
        vault, self.vault = self.vault, None
        vault.lock()
        self.status.show_vault(self.folder, False)
        self._show_locked_placeholder()
        for action in self.commands.all():
            action.setEnabled(action in (self.commands.quit, self.commands.about))
        self.unlock_dialog = UnlockDialog(self.folder, self.keyring, self)
        self.unlock_dialog.accepted.connect(self._unlocked)
        self.unlock_dialog.rejected.connect(self.close)
        self.unlock_dialog.open()

    def _show_locked_placeholder(self) -> None:
        placeholder = QLabel(self.tr("The vault is locked."), self)
        placeholder.setObjectName("lockedPlaceholder")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)

    def _unlocked(self) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        if dialog is not None and dialog.vault is not None:
            self.attach(dialog.vault)
            dialog.deleteLater()

    def _wait_for_writes(self, then: Callable[[], object], message: str) -> bool:
        """While writes are queued, do `then` once they have landed (True: deferred).

        Locking drops the keys and quitting closes the vault: a queued save must land
        first, or the edit would be lost.
        """
        if self.writes is None or not self.writes.busy:
            return False
        log.info("waiting for queued writes")
        self._after_writes = then
        self.status.showMessage(message)
        return True

    def _writes_done(self) -> None:
        then, self._after_writes = self._after_writes, None
        if then is not None:
            self.status.clearMessage()
            then()

    def _forget_writes(self) -> None:
        if self.writes is not None:
            self.writes.changed.disconnect(self._after_write)
            self.writes.idle.disconnect(self._writes_done)
        self.writes = None
        self.undo_stack.use_writes(None)

    def _after_write(self, _changes: Changes) -> None:
        if self.workspace is not None:  # the workspace refreshed the tabs itself
            self.status.show_counts(self.services, self.workspace.case_id)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._wait_for_writes(self.close, self.tr("Closing once the save is done…")):
            event.ignore()
            return
        log.info("closing")
        self.settings.set_geometry(bytes(self.saveGeometry().data()))
        self.idle.stop()
        self.shortcuts.stop()
        if self.vault_timeline is not None:
            self.vault_timeline.close()  # its queries end before the vault closes
        if self.workspace is not None:
            self.workspace.clear()
            self.workspace = None
        self._forget_writes()
        self.services = None
        if self.vault is not None:
            self.vault.lock()
            self.vault = None
        super().closeEvent(event)

    # ---- refreshing -------------------------------------------------------------------
    def _after_change(self, _index: int = 0) -> None:
        if self.workspace is None or (self.writes is not None and self.writes.delivering):
            return  # a queued write's views were refreshed from its `changed`
        self.workspace.refresh()
        self.status.show_counts(self.services, self.workspace.case_id)

    def _case_chosen(self, case_id: str) -> None:
        self.status.show_counts(self.services, case_id or None)
        if self.search_dialog is not None:
            self.search_dialog.case_id = case_id or None

    # ---- cases ------------------------------------------------------------------------
    def new_case(self) -> CaseEditor | None:
        if self.services is None:
            return None
        editor = CaseEditor(self.services, self.undo_stack, None, self)
        editor.accepted.connect(lambda: self._case_saved(editor.saved_id))
        editor.open()
        return editor

    def edit_case(self) -> CaseEditor | None:
        if self.services is None or self.workspace is None or not self.workspace.case_id:
            return None
        case_id = self.workspace.case_id
        editor = CaseEditor(self.services, self.undo_stack, case_id, self)
        editor.accepted.connect(lambda: self._case_saved(case_id))
        editor.open()
        return editor

    def _case_saved(self, case_id: str | None) -> None:
        if self.workspace is not None:
            self.workspace.cases.reload(select=case_id)

    def delete_case(self, *, ask: bool = True) -> None:
        if self.services is None or self.workspace is None or not self.workspace.case_id:
            return
        case_id = self.workspace.case_id
        question = self.tr("Delete the whole case with everything in it? You can undo this.")
        if ask and not confirm(self, question):
            return
        cases, workspace = self.services.cases, self.workspace

        def deleted(_value: object, changes: Changes) -> RecordChange:
            workspace.cases.reload()  # another case is shown, with its own undo history:
            # the step goes there, so Ctrl+Z right after brings the deleted case back
            return RecordChange(
                self.tr("Delete case"),
                lambda: cases.restore_case(case_id),
                lambda: cases.delete_case(case_id),
                changes=changes,
            )

        change_with_undo(self, self.undo_stack, lambda: cases.delete_case(case_id), deleted)

    # ---- dialogs ----------------------------------------------------------------------
    def open_search(self) -> SearchDialog | None:
        if self.services is None or self.workspace is None:
            return None
        dialog = SearchDialog(self.services, self.workspace.case_id, self)
        dialog.recordOpened.connect(self._open_record)
        dialog.finished.connect(lambda _r: setattr(self, "search_dialog", None))
        self.search_dialog = dialog
        dialog.open()
        dialog.query.setFocus()
        return dialog

    def _open_record(self, kind: str, record_id: str, case_id: str) -> None:
        if self.workspace is not None:
            self.workspace.open_record(kind, record_id, case_id)

    def open_vault_timeline(self) -> VaultTimelineWindow | None:
        """The timeline of every case, in its own window (the workspace stays as it is)."""
        if self.services is None:
            return None
        window = self.vault_timeline
        if window is None or window.services is not self.services:
            if window is not None:
                window.deleteLater()  # it showed another vault (or the same one, reopened)
            window = self.vault_timeline = VaultTimelineWindow(self.services, self)
        window.start()
        return window

    def open_briefing(self) -> BriefingDialog | None:
        if self.services is None or self.workspace is None or not self.workspace.case_id:
            return None
        return open_briefing_dialog(self, self.services, self.workspace.case_id)

    def open_export(self) -> ExportDialog | None:
        if self.services is None or self.workspace is None or not self.workspace.case_id:
            return None
        return open_export_dialog(self, self.services, self.workspace.case_id)

    def open_sync(self, bundle: Path | None = None) -> SyncDialog | None:
        """The Sync dialog; with `bundle` (a double-clicked file) it imports that file."""
        if self.services is None:
            return None
        dialog = SyncDialog(self.services, SyncService(self.services.store), self)
        dialog.synced.connect(self._after_sync)
        dialog.open()
        if bundle is not None:
            dialog.set_folder(bundle)
            dialog.start_import()
        return dialog

    def open_sheet_import(self) -> SheetImportWizard | None:
        if self.services is None or self.workspace is None or not self.workspace.case_id:
            show_error(self, KnownError(self.tr("Choose or create a case to import into first.")))
            return None
        wizard = SheetImportWizard(self.services, self.workspace.case_id, self.undo_stack,
                                   parent=self)  # fmt: skip
        wizard.imported.connect(self._after_sync)
        wizard.open()
        return wizard

    def _after_sync(self) -> None:
        if self.workspace is not None:
            self.workspace.cases.reload(select=self.workspace.case_id)
            self._after_change()

    def open_check_vault(self) -> CheckVaultDialog | None:
        if self.services is None:
            return None
        return open_check_vault_dialog(self, self.services)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.settings, self.vault, self.keyring, self)
        dialog.accepted.connect(lambda: self.idle.set_minutes(self.settings.autolock_minutes))
        dialog.open()
        return dialog

    def show_about(self) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("About Dossier"),
            self.tr("Dossier {version}").format(version=__version__)
            + "\n\n"
            + self.tr(
                "Dossier keeps case files for human-rights advocates in an encrypted vault "
                "on this computer."
            ),
            parent=self,
        )
        box.open()

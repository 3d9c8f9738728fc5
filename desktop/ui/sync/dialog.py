"""The Sync dialog: pick a drive, export or import bundles off the GUI thread, review
conflicts, pair and unpair devices.

Open it from the main window with `SyncDialog(services, SyncService(services.store), self)`
and `.open()`; it emits `synced` after an import changed the vault, so views can reload.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.conflicts import ConflictService
from desktop.services.registry import Services
from desktop.services.sync import ExportResult, FolderImport, SyncService
from desktop.services.sync_advice import NextStep, next_step
from desktop.ui.background import run_in_background
from desktop.ui.messages import error_text
from desktop.ui.sync.conflicts_page import ConflictsPage
from desktop.ui.sync.pairing import PairExportDialog, PairImportDialog
from desktop.ui.sync.volumes import mounted_volumes
from desktop.ui.writes import write_queue

PATH_ROLE = Qt.ItemDataRole.UserRole


class SyncDialog(QDialog):
    synced = Signal()

    def __init__(
        self, services: Services, sync_service: SyncService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync"))
        self.services = services
        self.sync = sync_service
        self.busy = False
        self.tabs = QTabWidget()
        self.tabs.addTab(self._drive_page(), self.tr("Drive"))
        self.conflicts_page = ConflictsPage(
            ConflictService(services.store), writes=write_queue(services)
        )
        self.conflicts_page.resolved.connect(lambda _record: self.synced.emit())  # views reload
        self.tabs.addTab(self.conflicts_page, self.tr("Conflicts"))
        self.tabs.addTab(self._devices_page(), self.tr("Devices"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(720, 520)

    # ---- drive page ---------------------------------------------------------------------
    def _drive_page(self) -> QWidget:
        page = QWidget()
        self.volumes = QListWidget()
        self.volumes.setObjectName("volumes")
        for volume in mounted_volumes():
            kind = self.tr("removable") if volume.removable else self.tr("disk")
            name = str(volume.path)
            if volume.label != name:  # a stick's own label, then where it is mounted
                name = f"{volume.label} — {name}"
            free = QLocale().formattedDataSize(volume.free_bytes)
            shown = self.tr("%1 (%2, %3 free)").replace("%1", name).replace("%2", kind)
            item = QListWidgetItem(shown.replace("%3", free))
            item.setData(PATH_ROLE, str(volume.path))
            self.volumes.addItem(item)
        choose = QPushButton(self.tr("Choose folder…"))
        choose.clicked.connect(self._choose_folder)
        self.export_button = QPushButton(self.tr("Export changes"))
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.start_export)
        self.import_button = QPushButton(self.tr("Import bundles"))
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.start_import)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.summary = QLabel(self.tr("Choose a drive or a folder, then export or import."))
        self.summary.setObjectName("syncSummary")
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addStretch(1)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Drives (removable first):")))
        layout.addWidget(self.volumes, 1)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        return page

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"))
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path) -> None:
        """Offer `folder` in the list and select it."""
        item = QListWidgetItem(str(folder))
        item.setData(PATH_ROLE, str(folder))
        self.volumes.insertItem(0, item)
        self.volumes.setCurrentItem(item)

    def selected_folder(self) -> Path | None:
        item = self.volumes.currentItem()
        return Path(item.data(PATH_ROLE)) if item is not None else None

    def _begin(self) -> Path | None:
        folder = self.selected_folder()
        if folder is None:
            self.summary.setText(self.tr("Choose a drive or a folder first."))
            return None
        self.busy = True
        self.export_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the worker reports back
        return folder

    def _end(self) -> None:
        self.busy = False
        self.export_button.setEnabled(True)
        self.import_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        if isinstance(exc, KnownError):
            self.summary.setText(self._with_advice(error_text(exc), next_step(exc)))
        else:
            self.summary.setText(self.tr("Sorry, something went wrong; nothing was changed."))

    def _with_advice(self, text: str, step: NextStep) -> str:
        advice = self.advice(step)
        return f"{text}\n{advice}" if advice else text

    def advice(self, step: NextStep) -> str:
        """What to do next after a failure of kind `step`, in the user's language."""
        texts = {
            NextStep.EXPORT_AGAIN: self.tr(
                "The bundle on the drive is incomplete or damaged; export again on the "
                "sending device."
            ),
            NextStep.ASK_SENDER: self.tr(
                "Do not use this file; ask the sender to export a new bundle."
            ),
            NextStep.PAIR_FIRST: self.tr(
                "Pair this device with the sender (Devices tab), then export again there."
            ),
            NextStep.UPDATE_DOSSIER: self.tr("Update Dossier on this device, then import again."),
            NextStep.FREE_STICK: self.tr(
                "Free some space on the drive or choose another one, then export again."
            ),
            NextStep.WRITABLE_STICK: self.tr(
                "Make the drive writable (check its lock switch) or choose another folder, "
                "then export again."
            ),
            NextStep.REPLUG_STICK: self.tr(
                "Plug the drive in again (or use another one), then try again."
            ),
            NextStep.FREE_VAULT_DISK: self.tr(
                "Free some space on this computer's disk, then import again."
            ),
            NextStep.LARGER_LIMIT: self.tr(
                "Send that attachment another way, or export with a larger bundle size."
            ),
        }
        return texts.get(step, "")

    def start_export(self) -> None:
        folder = self._begin()
        if folder is not None:
            run_in_background(lambda: self.sync.export(folder), self._exported, self._failed)

    def _exported(self, result: ExportResult) -> None:
        self._end()
        if len(result.paths) > 1:
            text = self.tr("Wrote %1 changes and %2 attachments for %3 in %4 bundles.")
            text = text.replace("%4", str(len(result.paths)))
        else:
            text = self.tr("Wrote %1 changes and %2 attachments for %3.")
        text = text.replace("%1", str(result.versions)).replace("%2", str(result.blobs))
        self.summary.setText(text.replace("%3", ", ".join(result.recipients)))

    def start_import(self) -> None:
        folder = self._begin()
        if folder is not None:
            run_in_background(lambda: self.sync.import_path(folder), self._imported, self._failed)

    def _imported(self, outcome: FolderImport) -> None:
        self._end()
        fresh = [r for r in outcome.imported if not r.already_imported]
        totals = [sum(getattr(r, f) for r in fresh) for f in ("new", "updated", "deleted")]
        conflicts = sum(r.conflicts for r in fresh)
        text = self.tr("Imported %1 bundles: %2 new, %3 updated, %4 deleted, %5 in conflict.")
        for n, value in enumerate([len(fresh), *totals, conflicts], start=1):
            text = text.replace(f"%{n}", str(value))
        senders = sorted({r.sender_name for r in fresh})
        if senders:
            text += "\n" + self.tr("From: %1").replace("%1", ", ".join(senders))
        if not outcome.imported and not outcome.refused:
            text = self.tr("No bundles for this device there.")
        for path, message in outcome.refused:
            known = outcome.errors.get(path)
            said = error_text(known) if known is not None else message
            text += "\n" + self.tr("Refused %1: %2").replace("%1", path.name).replace("%2", said)
            advice = self.advice(outcome.advice.get(path, NextStep.NONE))
            if advice:
                text += "\n" + advice
        if outcome.unfinished:
            text += "\n" + self.tr(
                "An unfinished bundle from an interrupted export is on the drive; export again "
                "on the sending device (that also removes it)."
            )
        self.summary.setText(text)
        self.conflicts_page.refresh()
        self._refresh_peers()
        if fresh:
            self.synced.emit()

    # ---- devices page -------------------------------------------------------------------
    def _devices_page(self) -> QWidget:
        page = QWidget()
        self.peers = QTableWidget(0, 4)
        self.peers.setObjectName("peers")
        self.peers.setHorizontalHeaderLabels(
            [self.tr("Device"), self.tr("Fingerprint"), self.tr("Paired"), self.tr("State")]
        )
        pair_in = QPushButton(self.tr("Pair with a device…"))
        pair_in.clicked.connect(lambda: self._open_pairing(PairImportDialog(self.sync, self)))
        pair_out = QPushButton(self.tr("This device's pairing file…"))
        pair_out.clicked.connect(lambda: self._open_pairing(PairExportDialog(self.sync, self)))
        self.unpair_button = QPushButton(self.tr("Unpair"))
        self.unpair_button.clicked.connect(self.unpair_selected)
        self.device_name = QLabel()
        self.device_name.setObjectName("deviceName")
        self.device_name.setWordWrap(True)
        self.rename_button = QPushButton(self.tr("Rename this device…"))
        self.rename_button.clicked.connect(self._ask_name)
        mine = QHBoxLayout()
        mine.addWidget(self.device_name, 1)
        mine.addWidget(self.rename_button)
        row = QHBoxLayout()
        row.addWidget(pair_in)
        row.addWidget(pair_out)
        row.addStretch(1)
        row.addWidget(self.unpair_button)
        layout = QVBoxLayout(page)
        layout.addLayout(mine)
        layout.addWidget(self.peers)
        layout.addLayout(row)
        self._refresh_peers()
        return page

    def _show_device_name(self, problem: str = "") -> None:
        text = self.tr("This device: %1").replace("%1", self.sync.device().name)
        self.device_name.setText(text + ("\n" + problem if problem else ""))

    def _ask_name(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename this device"),
            self.tr("The name paired devices show for this one (after your next export):"),
            text=self.sync.device().name,
        )
        if ok:
            self.rename_to(name)

    def rename_to(self, name: str) -> None:
        """Give this device `name`; a name that is refused is explained, nothing changes."""
        try:
            self.sync.rename_device(name)
        except KnownError as exc:
            self._show_device_name(error_text(exc))
            return
        self._show_device_name()

    def _open_pairing(self, dialog: QDialog) -> None:
        dialog.finished.connect(self._refresh_peers)
        dialog.open()

    def _refresh_peers(self) -> None:
        self._show_device_name()
        peers = self.sync.peers()
        self.peer_ids = [p.device_id for p in peers]
        self.peers.setRowCount(len(peers))
        for row, peer in enumerate(peers):
            state = self.tr("unpaired") if peer.revoked else self.tr("paired")
            for column, text in enumerate(
                (peer.name, peer.fingerprint, peer.paired_at[:10], state)
            ):
                self.peers.setItem(row, column, QTableWidgetItem(text))

    def unpair_selected(self) -> None:
        row = self.peers.currentRow()
        if 0 <= row < len(self.peer_ids):
            self.sync.revoke(self.peer_ids[row])
            self._refresh_peers()

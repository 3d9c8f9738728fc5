"""Pairing dialogs: write this device's pairing file, or pair with another's after
typing the fingerprint it shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.services.sync import SyncService
from desktop.sync.device import PeerInfo
from desktop.sync.identity import MAX_NAME_LENGTH
from desktop.ui.messages import error_text


class PairExportDialog(QDialog):
    """Shows this device's fingerprint and writes its pairing file."""

    def __init__(self, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pair: this device"))
        self.sync = sync
        info = sync.device()
        self.fingerprint = QLabel(info.fingerprint)
        self.fingerprint.setObjectName("fingerprint")
        self.status = QLabel(
            self.tr("Save the pairing file, take it to the other device, and type this code there.")
        )
        self.status.setWordWrap(True)
        self.save = QPushButton(self.tr("Save pairing file…"))
        self.save.clicked.connect(self._choose)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        self.name = QLineEdit(info.name)
        self.name.setObjectName("deviceName")
        self.name.setMaxLength(MAX_NAME_LENGTH)
        self.name.setToolTip(self.tr("The name paired devices show for this one."))
        form.addRow(self.tr("Device name:"), self.name)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.save)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save pairing file"),
            "dossier.pairing",
            self.tr("Pairing files (*.pairing)"),
        )
        if path:
            self.write_to(Path(path))

    def write_to(self, path: Path) -> None:
        try:
            code = self.sync.export_pairing(path, name=self.name.text())
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        self.fingerprint.setText(code)  # the code covers the name: a new name, a new code
        self.status.setText(self.tr("Saved. The other device must type: %1").replace("%1", code))


class PairImportDialog(QDialog):
    """Pairs with the device of a pairing file once the typed fingerprint matches."""

    def __init__(self, sync: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pair with another device"))
        self.sync = sync
        self.paired: PeerInfo | None = None
        self.file = QLineEdit()
        self.file.setObjectName("pairingFile")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose)
        self.code = QLineEdit()
        self.code.setObjectName("fingerprintInput")
        self.code.setPlaceholderText(self.tr("the code shown on the other device"))
        self.status = QLabel()
        self.status.setObjectName("pairStatus")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.pair)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.file)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Pairing file:"), row)
        form.addRow(self.tr("Fingerprint:"), self.code)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open pairing file"), "", self.tr("Pairing files (*.pairing)")
        )
        if path:
            self.file.setText(path)

    def pair(self) -> None:
        if not self.file.text().strip():
            self.status.setText(self.tr("Choose the other device's pairing file."))
            return
        try:
            self.paired = self.sync.import_pairing(Path(self.file.text()), self.code.text())
        except KnownError as exc:
            self.status.setText(error_text(exc))
            return
        self.accept()

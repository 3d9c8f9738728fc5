"""Rebuilding lost or damaged key files from the emergency kit, in the GUI.

The user types (or pastes a scan of) the recovery slot printed on the kit, the recovery
key, and a new passphrase twice. The work runs off the GUI thread; nothing is written
unless the kit's slot opens the database with that recovery key.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import KnownError
from desktop.store.vault import Vault
from desktop.ui.background import run_in_background
from desktop.ui.messages import error_text, show_error
from desktop.ui.vault.passphrase_field import PassphraseField

log = logging.getLogger(__name__)


class RestoreKeysDialog(QDialog):
    """After `accepted`, `vault` holds the vault, unlocked, with new key files."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.vault: Vault | None = None
        self.setWindowTitle(self.tr("Restore the key files"))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Type the lines under “Recovery slot” from the emergency kit (or paste them "
                "from a scan of its code), then the recovery key printed above them, and "
                "choose a new passphrase."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.kit_text = QPlainTextEdit(self)
        self.kit_text.setAccessibleName(self.tr("Recovery slot from the emergency kit"))
        self.kit_text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.kit_text.setPlaceholderText("01 ABCDE FGHJK …")
        self.recovery = PassphraseField(self.tr("Recovery key"), self)
        self.passphrase = PassphraseField(self.tr("New passphrase"), self)
        self.repeat = PassphraseField(self.tr("New passphrase again"), self)
        self.message = QLabel(self)
        self.message.setObjectName("restoreMessage")
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Recovery slot:"), self))
        layout.addWidget(self.kit_text)
        for label, field in (
            (self.tr("Recovery key:"), self.recovery),
            (self.tr("New passphrase:"), self.passphrase),
            (self.tr("New passphrase again:"), self.repeat),
        ):
            layout.addWidget(QLabel(label, self))
            layout.addWidget(field)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.restore_button.clicked.connect(self.restore)
        cancel.clicked.connect(self.reject)

    def restore(self) -> None:
        if not self.progress.isHidden():
            return
        kit, recovery, new = (
            self.kit_text.toPlainText(),
            self.recovery.text(),
            self.passphrase.text(),
        )
        if not kit.strip() or not recovery:
            self.message.setText(self.tr("Type the recovery slot and the recovery key."))
            return
        if new != self.repeat.text():
            self.message.setText(self.tr("The two passphrases differ."))
            return
        folder = self.folder
        self.message.clear()
        self.progress.show()
        self.restore_button.setEnabled(False)
        log.info("restoring key files from the emergency kit")
        run_in_background(
            lambda: Vault.restore_keys(folder, kit, recovery, new), self._done, self._failed
        )

    def _done(self, vault: object) -> None:
        assert isinstance(vault, Vault)
        self.progress.hide()
        self.restore_button.setEnabled(True)
        self.vault = vault
        log.info("key files restored")
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.restore_button.setEnabled(True)
        if isinstance(exc, KnownError):
            log.info("restore refused: %s", type(exc).__name__)
            self.message.setText(error_text(exc))
        else:
            show_error(self, exc)

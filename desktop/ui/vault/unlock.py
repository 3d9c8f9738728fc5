"""Unlocking a vault: passphrase, recovery key, or the key kept in the OS keyring.

The work (about a second of Argon2id) runs off the GUI thread. A wrong passphrase is a
message in the dialog; the vault's files are not touched. Missing or damaged key files
are named as such, with a button to rebuild them from the emergency kit. What the unlock
repaired or finished (an interrupted rotation, a damaged copy) is shown before going on.
A vault made by an older Dossier is upgraded while it opens (a copy kept first, then the
schema, then perhaps the search index: minutes at a million events); the dialog says
which step it is on and how far it has got.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.crypto.keyfiles import NAMES as KEY_FILE_NAMES
from desktop.crypto.keystore import KeystoreDamaged
from desktop.crypto.os_keyring import SecretStore
from desktop.errors import KnownError
from desktop.store.open_progress import OpenStage, reported_to
from desktop.store.vault import Vault
from desktop.store.vault_keys import KeyFilesMissing
from desktop.ui.background import StageReports, run_in_background
from desktop.ui.messages import error_text, show_error
from desktop.ui.vault.passphrase_field import PassphraseField
from desktop.ui.vault.restore import RestoreKeysDialog

log = logging.getLogger(__name__)


class UnlockDialog(QDialog):
    """After `accepted`, `vault` holds the unlocked vault."""

    def __init__(self, folder: Path, keyring: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.keyring = keyring
        self.vault: Vault | None = None
        self.recovery_mode = False
        self.setWindowTitle(self.tr("Unlock the vault"))
        self.setMinimumWidth(460)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.field = PassphraseField(self.tr("Passphrase"), self)
        self.prompt.setBuddy(self.field.line)
        self.message = QLabel(self)
        self.message.setObjectName("unlockMessage")
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Unlocking"))
        self.progress.hide()
        self.stage = QLabel(self)  # what a long unlock (an upgrade) is doing
        self.stage.setWordWrap(True)
        self.stage.hide()
        self.unlock_button = QPushButton(self.tr("&Unlock"), self)
        self.unlock_button.setDefault(True)
        self.recovery_button = QPushButton(self.tr("Use &recovery key"), self)
        self.keyring_button = QPushButton(self.tr("Unlock with this &computer's keyring"), self)
        self.keyring_button.setVisible(Vault.remembered(self.folder) and keyring.available())
        self.restore_button = QPushButton(self.tr("Restore from &emergency kit…"), self)
        self.restore_button.hide()
        self.quit_button = QPushButton(self.tr("&Quit"), self)
        folder_label = QLabel(self.tr("Vault: %1").replace("%1", str(self.folder)), self)
        folder_label.setStyleSheet("color: palette(mid);")
        folder_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.recovery_button)
        buttons.addWidget(self.keyring_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.stage)
        layout.addWidget(folder_label)
        layout.addLayout(buttons)
        self.unlock_button.clicked.connect(self.unlock)
        self.field.submitted.connect(self.unlock)
        self.recovery_button.clicked.connect(self.toggle_recovery)
        self.keyring_button.clicked.connect(self.unlock_with_keyring)
        self.quit_button.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_from_kit)
        self.notices: list[str] = []
        self.restore_dialog: RestoreKeysDialog | None = None
        self._show_mode()
        if not any((self.folder / name).exists() for name in KEY_FILE_NAMES):
            self._offer_restore(missing=True)

    def _offer_restore(self, *, missing: bool) -> None:
        if missing:
            text = self.tr(
                "The vault's key files are missing. Restore them from the emergency kit: "
                "choose “Restore from emergency kit…” and type the recovery slot and the "
                "recovery key printed on it."
            )
        else:
            text = self.tr(
                "The vault's key files are damaged. Restore them from the emergency kit: "
                "choose “Restore from emergency kit…” and type the recovery slot and the "
                "recovery key printed on it."
            )
        self.message.setText(text)
        self.restore_button.show()

    def restore_from_kit(self) -> None:
        dialog = RestoreKeysDialog(self.folder, self)
        dialog.finished.connect(lambda _result: self._restored(dialog))
        dialog.open()
        self.restore_dialog = dialog

    def _restored(self, dialog: RestoreKeysDialog) -> None:
        if dialog.vault is not None:
            self._unlocked(dialog.vault)

    def _show_mode(self) -> None:
        if self.recovery_mode:
            self.prompt.setText(self.tr("&Recovery key (32 letters and digits):"))
            self.field.line.setAccessibleName(self.tr("Recovery key"))
            self.recovery_button.setText(self.tr("Use &passphrase"))
        else:
            self.prompt.setText(self.tr("&Passphrase:"))
            self.field.line.setAccessibleName(self.tr("Passphrase"))
            self.recovery_button.setText(self.tr("Use &recovery key"))

    def toggle_recovery(self) -> None:
        self.recovery_mode = not self.recovery_mode
        self.field.line.clear()
        self.message.clear()
        self._show_mode()
        self.field.setFocus()

    @property
    def busy(self) -> bool:
        return not self.progress.isHidden()

    def unlock(self) -> None:
        if self.vault is not None:  # the notices were read: go on
            self.accept()
            return
        secret = self.field.text()
        if self.busy or not secret:
            return
        folder = self.folder
        if self.recovery_mode:
            self._start(lambda: Vault.unlock_with_recovery_key(folder, secret))
        else:
            self._start(lambda: Vault.unlock_with_passphrase(folder, secret))

    def unlock_with_keyring(self) -> None:
        if self.busy:
            return
        folder, keyring = self.folder, self.keyring
        self._start(lambda: Vault.unlock_with_keyring(folder, keyring))

    def _start(self, opener: Callable[[], Vault]) -> None:
        log.info("unlocking the vault")
        self.message.clear()
        self.progress.show()
        for button in (self.unlock_button, self.recovery_button, self.keyring_button):
            button.setEnabled(False)
        reports = StageReports()
        reports.reported.connect(self.show_stage)

        def open_reporting() -> Vault:
            def relay(stage: OpenStage, done: int, total: int) -> None:
                reports.reported.emit(stage.value, done, total)

            with reported_to(relay):
                return opener()

        run_in_background(open_reporting, self._unlocked, self._failed)

    def show_stage(self, stage: str, done: int, total: int) -> None:
        """Say which step of an upgrade the unlock is on, with its share done."""
        locale = QLocale()
        if stage == OpenStage.COPY.value:
            text = self.tr("Keeping a copy of the vault before upgrading it to this version…")
        elif stage == OpenStage.SCHEMA.value:
            text = self.tr("Upgrading the vault to this version of Dossier…")
        else:
            text = self.tr("Rebuilding the search index: %1 of %Ln record(s)", "", total).replace(
                "%1", locale.toString(done)
            )
        self.stage.setText(text)
        self.stage.show()
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // total))
        else:
            self.progress.setRange(0, 0)  # no count: keeps moving

    def _idle(self) -> None:
        self.stage.hide()
        self.progress.setRange(0, 0)
        self.progress.hide()
        for button in (self.unlock_button, self.recovery_button, self.keyring_button):
            button.setEnabled(True)

    def _unlocked(self, vault: object) -> None:
        assert isinstance(vault, Vault)
        self._idle()
        self.vault = vault
        self.field.line.clear()
        log.info("vault unlocked")
        self.notices = list(vault.notices)
        if not self.notices:
            self.accept()
            return
        # something was repaired or finished: say so before the main window covers it
        self.message.setStyleSheet("")
        self.message.setText("\n\n".join(self.notices))
        self.field.setEnabled(False)
        for button in (self.recovery_button, self.keyring_button, self.restore_button):
            button.setEnabled(False)
        self.unlock_button.setText(self.tr("&Continue"))
        self.unlock_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        if isinstance(exc, (KeyFilesMissing, KeystoreDamaged)):
            log.info("unlock refused: %s", type(exc).__name__)
            self._offer_restore(missing=isinstance(exc, KeyFilesMissing))
        elif isinstance(exc, KnownError):
            log.info("unlock refused: %s", type(exc).__name__)
            self.message.setText(error_text(exc))
            self.field.line.selectAll()
            self.field.setFocus()
        else:
            show_error(self, exc)

    def reject(self) -> None:
        if self.vault is not None:  # unlocked, notices on screen, then Quit: lock again
            self.vault.lock()
            self.vault = None
        super().reject()

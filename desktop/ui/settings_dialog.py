"""Settings: interface language (applied at once), auto-lock minutes, the keyring slot."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.crypto.os_keyring import SecretStore
from desktop.errors import KnownError
from desktop.store.vault import Vault
from desktop.ui.i18n import install_language
from desktop.ui.messages import error_text
from desktop.ui.settings import MAX_AUTOLOCK_MINUTES, AppSettings

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: AppSettings,
        vault: Vault | None,
        keyring: SecretStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.vault = vault
        self.keyring = keyring
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Русский", "ru")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.autolock = QSpinBox(self)
        self.autolock.setRange(0, MAX_AUTOLOCK_MINUTES)
        self.autolock.setValue(settings.autolock_minutes)
        self.remember = QCheckBox(self)
        self.remember.setChecked(vault is not None and vault.keystore.has("keyring"))
        self.remember.setEnabled(vault is not None and keyring.available())
        self.remember_warning = QLabel(self)
        self.remember_warning.setWordWrap(True)
        self.remember_warning.setStyleSheet("color: #8a5300;")
        self.folder = QLabel(str(vault.folder) if vault else "", self)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder.setObjectName("vaultFolder")
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        self.form = QFormLayout()
        self.language_label = QLabel(self)
        self.autolock_label = QLabel(self)
        self.folder_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        self.autolock_label.setBuddy(self.autolock)
        self.form.addRow(self.language_label, self.language)
        self.form.addRow(self.autolock_label, self.autolock)
        self.form.addRow("", self.remember)
        self.form.addRow("", self.remember_warning)
        self.form.addRow(self.folder_label, self.folder)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_label.setText(self.tr("&Language:"))
        self.autolock_label.setText(self.tr("&Lock after idle minutes (0 = never):"))
        self.remember.setText(self.tr("&Remember this vault on this computer (OS keyring)"))
        self.remember_warning.setText(
            self.tr(
                "With this on, anyone holding this laptop while you are logged in can "
                "open the vault without the passphrase."
            )
        )
        self.folder_label.setText(self.tr("Vault folder:"))
        self.language.setAccessibleName(self.tr("Language"))
        self.autolock.setAccessibleName(self.tr("Auto-lock minutes"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def apply(self) -> None:
        """Save and apply: the language switches at once, the keyring slot is added/removed."""
        self.message.clear()
        try:
            self._apply_keyring()
        except KnownError as exc:
            self.message.setText(error_text(exc))
            return
        self.settings.autolock_minutes = self.autolock.value()
        language = str(self.language.currentData())
        if language != self.settings.language:
            self.settings.language = language
        self.settings.sync()
        install_language(language)
        log.info("settings saved")
        self.accept()

    def _apply_keyring(self) -> None:
        if self.vault is None or not self.remember.isEnabled():
            return
        has = self.vault.keystore.has("keyring")
        if self.remember.isChecked() and not has:
            self.vault.enable_keyring(self.keyring)
        elif not self.remember.isChecked() and has:
            self.vault.disable_keyring(self.keyring)

    @property
    def vault_folder(self) -> Path | None:
        return self.vault.folder if self.vault else None

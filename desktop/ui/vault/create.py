"""Creating a vault: passphrase twice with strength feedback, then the recovery key, once.

The recovery key page offers the emergency kit as a PDF to save or to print (handed to
the system print service as the PDF itself, see desktop.ui.printing) and will not finish
until the user confirms the key is stored. Remembering the vault in the OS keyring is
opt-in, with the plain warning that a seized, logged-in laptop then opens it.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtGui import QFont, QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.crypto.os_keyring import SecretStore
from desktop.durable import write_atomically
from desktop.errors import KnownError
from desktop.store.vault import MIN_PASSPHRASE, Vault
from desktop.ui.background import run_in_background
from desktop.ui.i18n import current_language
from desktop.ui.messages import error_text, show_error
from desktop.ui.printing.printout import PdfPrintout
from desktop.ui.vault.passphrase_field import PassphraseField
from desktop.ui.vault.strength import strength_score

log = logging.getLogger(__name__)
MESSAGE_STYLE = "color: #b3261e;"


class CreateVaultDialog(QDialog):
    """After `accepted`, `vault` holds the new, unlocked vault."""

    def __init__(self, folder: Path, keyring: SecretStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.keyring = keyring
        self.vault: Vault | None = None
        self.recovery_key = ""
        self.setWindowTitle(self.tr("Create a vault"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._recovery_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._update_strength()

    # ---- page 1: the passphrase -------------------------------------------------------
    def _passphrase_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Your case files are encrypted with a passphrase. Choose a long one: "
                "several unrelated words are easier to remember and harder to guess."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.passphrase = PassphraseField(self.tr("Passphrase"), page)
        self.repeat = PassphraseField(self.tr("Repeat the passphrase"), page)
        self.strength_bar = QProgressBar(page)
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setMaximumHeight(8)
        self.strength_bar.setAccessibleName(self.tr("Passphrase strength"))
        self.strength_label = QLabel(page)
        self.strength_label.setObjectName("strengthLabel")
        self.remember = QCheckBox(self.tr("&Remember on this computer (OS keyring)"), page)
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember_warning = QLabel(
            self.tr(
                "Anyone who takes this laptop while you are logged in can then open the "
                "vault without the passphrase. Leave this off if the laptop may be seized."
            ),
            page,
        )
        self.remember_warning.setWordWrap(True)
        self.remember_warning.setStyleSheet("color: #8a5300;")
        if not self.keyring.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("This computer has no secure system keyring."))
        self.message = QLabel(page)
        self.message.setObjectName("createMessage")
        self.message.setStyleSheet(MESSAGE_STYLE)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(page)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Creating the vault"))
        self.progress.hide()
        self.create_button = QPushButton(self.tr("&Create vault"), page)
        self.create_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        for caption, field in (
            (self.tr("&Passphrase:"), self.passphrase),
            (self.tr("R&epeat:"), self.repeat),
        ):
            label = QLabel(caption, page)
            label.setBuddy(field.line)
            form.addRow(label, field)
        form.addRow(self.tr("Strength:"), self.strength_bar)
        form.addRow("", self.strength_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.remember_warning)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.passphrase.line.textChanged.connect(self._update_strength)
        self.repeat.line.textChanged.connect(self._update_strength)
        self.create_button.clicked.connect(self.create_vault)
        self.repeat.submitted.connect(self.create_vault)
        return page

    def _update_strength(self) -> None:
        text = self.passphrase.text()
        score = strength_score(text)
        self.strength_bar.setValue(score)
        words = [
            self.tr("Too short or too common (at least %1 characters).").replace(
                "%1", str(MIN_PASSPHRASE)
            ),
            self.tr("Weak: add more words."),
            self.tr("Fair: one or two more words would help."),
            self.tr("Good."),
            self.tr("Strong."),
        ]
        self.strength_label.setText(words[score] if text else "")
        mismatch = bool(self.repeat.text()) and self.repeat.text() != text
        self.message.setText(self.tr("The two passphrases differ.") if mismatch else "")
        self.create_button.setEnabled(
            score > 0 and text == self.repeat.text() and self.progress.isHidden()
        )

    def create_vault(self) -> None:
        if not self.create_button.isEnabled():
            return
        passphrase = self.passphrase.text()
        keyring = self.keyring if self.remember.isChecked() else None
        folder = self.folder
        self.create_button.setEnabled(False)
        self.progress.show()
        self.message.setText(self.tr("Creating the vault… this takes a few seconds."))
        log.info("creating a vault")
        run_in_background(
            lambda: Vault.create(folder, passphrase, keyring=keyring),
            self._created,
            self._failed,
        )

    def _created(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.vault, self.recovery_key = result
        self.progress.hide()
        self.message.clear()
        self.passphrase.line.clear()
        self.repeat.line.clear()
        self.key_view.setText(self.recovery_key)
        self.pages.setCurrentIndex(1)
        self.stored.setFocus()
        log.info("vault created")

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        if isinstance(exc, KnownError):
            self.message.setText(error_text(exc))
        else:
            self.message.clear()
            show_error(self, exc)
        self._update_strength()

    # ---- page 2: the recovery key -----------------------------------------------------
    def _recovery_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "This is your recovery key. It opens the vault if the passphrase is "
                "forgotten. It is shown only now: print it or write it down, and keep it "
                "away from this laptop."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.key_view = QLineEdit(page)
        self.key_view.setReadOnly(True)
        self.key_view.setObjectName("recoveryKey")
        self.key_view.setAccessibleName(self.tr("Recovery key"))
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(13)
        self.key_view.setFont(mono)
        self.copy_button = QPushButton(self.tr("C&opy"), page)
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"), page)
        self.print_button = QPushButton(self.tr("P&rint…"), page)
        self.print_button.setAccessibleName(self.tr("Print the emergency kit"))
        self.print_button.setToolTip(
            self.tr("Print the emergency kit with the recovery key (Ctrl+P)")
        )
        self.print_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.printout = PdfPrintout(self)
        self.printout.done.connect(self._printed)
        self.printout.failed.connect(self._print_failed)
        self.print_status = QLabel(page)
        self.print_status.setObjectName("kitPrintStatus")
        self.stored = QCheckBox(self.tr("I have &stored the recovery key"), page)
        self.finish_button = QPushButton(self.tr("&Finish"), page)
        self.finish_button.setEnabled(False)
        self.stored.toggled.connect(self.finish_button.setEnabled)
        self.copy_button.clicked.connect(self._copy_key)
        self.pdf_button.clicked.connect(self.save_kit)
        self.print_button.clicked.connect(self.print_kit)
        self.finish_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.pdf_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        finish = QHBoxLayout()
        finish.addStretch(1)
        finish.addWidget(self.finish_button)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.key_view)
        layout.addLayout(row)
        layout.addWidget(self.print_status)
        layout.addStretch(1)
        layout.addWidget(self.stored)
        layout.addLayout(finish)
        return page

    def _copy_key(self) -> None:
        QGuiApplication.clipboard().setText(self.recovery_key)

    def emergency_kit_pdf(self) -> bytes:
        from desktop.briefing.pdf.emergency_kit import render_emergency_kit

        kit_text = self.vault.kit_text() if self.vault is not None else ""
        return render_emergency_kit(
            self.folder.name,
            self.recovery_key,
            dt.date.today(),
            current_language(),
            kit_text=kit_text,
        )

    def save_kit(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the emergency kit"),
            str(Path.home() / "dossier-emergency-kit.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.write_kit(Path(path))

    def write_kit(self, path: Path) -> None:
        try:
            write_atomically(path, self.emergency_kit_pdf())
        except OSError:
            show_error(self, KnownError(self.tr("The emergency kit could not be saved there.")))
            return
        log.info("emergency kit saved")

    def print_kit(self) -> None:
        """Open the print dialog for the emergency kit."""
        if self.printout.busy or not self.recovery_key:
            return
        self.printout.ask(
            self.emergency_kit_pdf(), "dossier-emergency-kit.pdf", on_accept=self.print_kit_to
        )

    def print_kit_to(self, printer: QPrinter) -> None:
        """Print the kit on `printer` (the print dialog's choice) off the GUI thread."""
        self.print_button.setEnabled(False)
        self.print_status.setText(self.tr("Printing the emergency kit…"))
        self.printout.print_to(printer, self.emergency_kit_pdf())

    def _printed(self, message: str) -> None:
        self.print_button.setEnabled(True)
        self.print_status.setText(message)

    def _print_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.print_button.setEnabled(True)
        self.print_status.clear()
        show_error(self, exc)

    def reject(self) -> None:
        if self.vault is not None and self.pages.currentIndex() == 1:
            return  # the vault exists: the key must be acknowledged, not dismissed
        super().reject()

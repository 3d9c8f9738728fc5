"""File → Check vault…: what `dossier vault verify` checks, on the open vault.

Encryption (every page authenticated), SQLite's structure, the audit log's hash chain and
every record against its last audited content and the rules of `core.rules`. Nothing is
written. The work runs off the GUI thread with a bar that names each stage: at 1,000,000
events 35 s, 0.86x `vault verify` (`bench/scale.py --only verify,check`). The verdict is
one line per check in the interface language; the details of a failure are the
diagnostic lines `vault verify` prints (table, record id, field: never a value), with the
audit head to copy for a later check against it. When a record does not read (a page the
disk garbled), every page is read as `vault verify` does, to say what is damaged and what
still reads, kind by kind.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fieldlabels import record_kind_label
from desktop.services.damage import DamageReport
from desktop.services.integrity import STRUCTURE, RowCheck, audit_head, inspect_open, verify_all
from desktop.services.registry import Services
from desktop.store.vault import VaultDamaged, VerifyReport
from desktop.ui.background import StageReports, run_in_background
from desktop.ui.i18n import current_language
from desktop.ui.messages import show_error

log = logging.getLogger(__name__)


PAGES = "pages"
"""The stage named while a damaged vault's pages are read one by one."""


class CheckCancelled(Exception):
    """Raised from the check's progress report once the dialog was closed: it stops."""


class CheckVaultDialog(QDialog):
    """`start` runs the check; `finished_check` says whether everything passed."""

    finished_check = Signal(bool)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.busy = False
        self.cancelled = False
        self.head = ""
        self.setWindowTitle(self.tr("Check vault"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Checks the encryption of every page, the database's structure, the audit "
                "log and every record. Nothing is changed."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.stage = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setAccessibleName(self.tr("Checking the vault"))
        self.headline = QLabel(self)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.copy_head = QPushButton(self.tr("Copy audit head"), self)
        self.copy_head.setToolTip(
            self.tr("Keep it outside the vault to show later that no history was rewritten")
        )
        self.copy_head.setEnabled(False)
        self.buttons.addButton(self.copy_head, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_head.clicked.connect(self._copy_head)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.stage, self.progress, self.headline, self.verdict, self.details):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)

    def start(self) -> None:
        """Begin the check (once); closing the dialog stops it at its next report."""
        if self.busy:
            return
        self.busy = True
        self.stage.setText(self.tr("Checking encryption and structure…"))
        reports = StageReports()
        reports.reported.connect(self.show_stage)
        store = self.services.store

        def check() -> tuple[VerifyReport, RowCheck, str] | DamageReport:
            def relay(stage: str, done: int, total: int) -> None:
                if self.cancelled:
                    raise CheckCancelled
                reports.reported.emit(stage, done, total)

            try:
                report, rows = verify_all(store, progress=relay)
            except VaultDamaged:  # a record does not read: say what is damaged, and where
                return inspect_open(store, lambda done, total: relay(PAGES, done, total))
            return report, rows, audit_head(store)

        log.info("checking the vault")
        run_in_background(check, self._checked, self._failed)

    def show_stage(self, stage: str, done: int, total: int) -> None:
        locale = QLocale()
        if stage == STRUCTURE:
            text = self.tr("Checking the database's structure…")
        elif stage == PAGES:
            text = self.tr("Reading every page: %1 of %Ln", "", total)
        elif stage == "audit log":
            text = self.tr("Checking the audit log: %1 of %Ln entries", "", total)
        else:
            text = self.tr("Checking records: %1 of %Ln", "", total)
        self.stage.setText(text.replace("%1", locale.toString(done)))
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(min(1000, done * 1000 // total))
        else:
            self.progress.setRange(0, 0)

    def done(self, result: int) -> None:
        """Closing (Cancel, Escape, locking the vault) stops a check still running."""
        self.cancelled = self.busy
        super().done(result)

    def _idle(self) -> None:
        self.busy = False
        self.progress.hide()
        self.stage.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)  # was Cancel

    def _checked(self, outcome: object) -> None:
        self._idle()
        if self.cancelled:
            return
        if isinstance(outcome, DamageReport):
            self._show_damage(outcome)
            return
        assert isinstance(outcome, tuple)
        report, rows, head = outcome
        assert isinstance(report, VerifyReport) and isinstance(rows, RowCheck)
        self.head = str(head)
        ok, failed = self.tr("ok"), self.tr("FAILED")
        lines = [
            self.tr("Encryption (every page authenticated): %1"),
            self.tr("Database structure: %1"),
            self.tr("Audit log (hash chain): %1"),
        ]
        passed = (report.cipher_ok, report.integrity_ok, report.audit_ok)
        shown = [
            line.replace("%1", ok if good else failed)
            for line, good in zip(lines, passed, strict=True)
        ]
        if rows.total:
            shown.append(self.tr("Records: %n problem(s)", "", rows.total))
        else:
            shown.append(self.tr("Records (dates, vocabularies, text, references): %1").replace(
                "%1", ok
            ))  # fmt: skip
        everything = report.ok and not rows.total
        if everything:
            self.headline.setText(self.tr("Everything checked is in order."))
        else:
            self.headline.setText(self.tr("The check found problems."))
            shown.append(self._advice())
        self.verdict.setText("\n".join(shown))
        problems = [*report.problems, *map(str, rows.first)]
        if problems:
            self.details.setPlainText("\n".join(problems))
            self.details.show()
        self.copy_head.setEnabled(bool(self.head))
        self.finished_check.emit(everything)

    def _advice(self) -> str:
        return self.tr(
            "Copy the whole vault folder somewhere safe before changing anything. "
            "`dossier vault salvage` copies what still reads into a new vault."
        )

    def _show_damage(self, found: DamageReport) -> None:
        """What a damaged vault still holds, as `vault verify` says it, table by table."""
        lang = current_language()
        locale = QLocale()
        shown = [
            self.tr("Damaged pages: %1 of %2")
            .replace("%1", locale.toString(len(found.damaged)))
            .replace("%2", locale.toString(found.pages))
        ]
        for table in found.tables:
            if table.lost == 0:
                continue
            kind = record_kind_label(table.name, lang)
            if table.lost is None:
                line = self.tr("%1 records: %2 readable, an unknown number lost")
            else:
                line = self.tr("%1 records: %2 readable, %3 lost").replace(
                    "%3", locale.toString(table.lost)
                )
            shown.append(line.replace("%2", locale.toString(table.readable)).replace("%1", kind))
        if found.intact:
            self.headline.setText(self.tr("No page is damaged, yet a record did not read."))
        else:
            self.headline.setText(self.tr("The vault is damaged: some records no longer read."))
        shown.append(self._advice())
        self.verdict.setText("\n".join(shown))
        details = [f"page {page}: {what}" for page, what in found.damaged.items()]
        details += found.notes
        for table in found.tables:
            if table.lost_ids:
                details.append(f"{table.name}: " + ", ".join(table.lost_ids))
        self.details.setPlainText("\n".join(details))
        self.details.setVisible(bool(details))
        self.finished_check.emit(False)

    def _failed(self, exc: BaseException) -> None:
        self._idle()
        if self.cancelled:  # closed while it ran (CheckCancelled, or the vault was locked)
            return
        self.verdict.setText(self.tr("The check could not finish."))
        show_error(self, exc)

    def _copy_head(self) -> None:
        QGuiApplication.clipboard().setText(self.head)


def open_check_vault_dialog(parent: QWidget, services: Services) -> CheckVaultDialog:
    dialog = CheckVaultDialog(services, parent)
    dialog.open()
    dialog.start()
    return dialog

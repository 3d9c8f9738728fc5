"""File → Check vault…: `vault verify`'s checks on the open vault, off the GUI thread."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.services.integrity import audit_head
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.background import wait_for_background
from desktop.ui.main_window import MainWindow
from desktop.ui.vault.check import CheckCancelled, CheckVaultDialog


def _checked(qtbot: QtBot, dialog: CheckVaultDialog) -> list[bool]:
    verdicts: list[bool] = []
    dialog.finished_check.connect(verdicts.append)
    dialog.start()
    qtbot.waitUntil(lambda: bool(verdicts), timeout=30_000)
    return verdicts


def test_a_sound_vault_passes_every_check_and_its_audit_head_can_be_copied(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    window.commands.check_vault.trigger()
    dialog = window.findChild(CheckVaultDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert dialog.headline.text() == "Everything checked is in order."
    lines = dialog.verdict.text().splitlines()
    assert lines == [
        "Encryption (every page authenticated): ok",
        "Database structure: ok",
        "Audit log (hash chain): ok",
        "Records (dates, vocabularies, text, references): ok",
    ]
    assert dialog.details.isHidden()
    dialog.copy_head.click()
    assert QGuiApplication.clipboard().text() == audit_head(services.store)
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close is not None and close.isEnabled()


def test_a_record_changed_behind_the_audit_logs_back_fails_and_names_the_record(
    qtbot: QtBot, demo_vault: tuple[Vault, str], services: Services
) -> None:
    vault = demo_vault[0]
    assert vault.engine is not None
    with vault.engine.begin() as connection:
        forged = connection.exec_driver_sql("SELECT id FROM events LIMIT 1").scalar_one()
        connection.exec_driver_sql("UPDATE events SET title = 'Forged' WHERE id = ?", (forged,))
    dialog = CheckVaultDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _checked(qtbot, dialog) == [False]
    assert dialog.headline.text() == "The check found problems."
    assert "Audit log (hash chain): FAILED" in dialog.verdict.text()
    assert "vault salvage" in dialog.verdict.text()
    assert dialog.details.isVisible()
    assert forged[:8] in dialog.details.toPlainText()
    assert "Forged" not in dialog.details.toPlainText()  # where, never the value


def test_closing_the_dialog_stops_the_check_and_shows_nothing_after(
    qtbot: QtBot, services: Services
) -> None:
    dialog = CheckVaultDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    verdicts: list[bool] = []
    dialog.finished_check.connect(verdicts.append)
    ended: list[BaseException] = []
    failed = dialog._failed
    dialog._failed = lambda exc: (ended.append(exc), failed(exc))  # type: ignore[method-assign]
    dialog.start()
    dialog.reject()  # Cancel, Escape or the vault locking: all close the dialog
    assert dialog.cancelled and not dialog.isVisible()
    assert wait_for_background()
    qtbot.wait(50)  # the worker's outcome, delivered on this thread
    assert verdicts == [] and dialog.verdict.text() == "" and not dialog.busy
    assert [type(e) for e in ended] == [CheckCancelled]  # stopped at its next report

"""File → Check vault…: `vault verify`'s checks on the open vault, off the GUI thread."""

from __future__ import annotations

import hashlib
from pathlib import Path

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


def test_a_damaged_page_is_reported_with_what_it_held_and_nothing_is_written(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A disk that garbled one page of the open vault: the check names the damage in
    pages and records, as `vault verify` would, instead of stopping at the first error."""
    vault, _ = Vault.create(tmp_path / "vault", "a passphrase for a failing disk")
    services = Services.over(vault)
    case = services.cases.create_case("Дело Исаева")
    for n in range(300):
        services.timeline.add_event(case, "2019-03-14", f"Допрос свидетеля {n} " + "текст " * 20)
    engine = vault.engine
    assert engine is not None
    with engine.connect() as connection:
        root = connection.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'events'"
        ).scalar_one()
    engine.dispose()  # the last connection closed: the log is copied into the file
    database = tmp_path / "vault" / "dossier.db"
    with open(database, "r+b") as handle:
        handle.seek((root - 1) * 4096 + 100)
        handle.write(bytes(range(256)) * 4)  # inside the page: its HMAC no longer fits
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    dialog = CheckVaultDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        assert _checked(qtbot, dialog) == [False]
        assert dialog.headline.text() == "The vault is damaged: some records no longer read."
        assert dialog.verdict.text().startswith("Damaged pages: 1 of ")
        assert "\nEvent records: 0 readable, 300 lost\n" in dialog.verdict.text()
        assert "vault salvage" in dialog.verdict.text()
        assert f"page {root}: " in dialog.details.toPlainText()
        assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    finally:
        vault.lock()

"""The unlock dialog with missing or damaged key files, the kit restore, and repair notices."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.crypto.keyfiles import COPY, PRIMARY
from desktop.crypto.kit_text import decode_slot
from desktop.crypto.os_keyring import MemoryKeyring
from desktop.store.vault import Vault
from desktop.ui.vault.create import CreateVaultDialog
from desktop.ui.vault.unlock import UnlockDialog

PASSPHRASE = "correct horse battery staple"
NEW = "a brand new passphrase"


def made(folder: Path) -> tuple[str, str]:
    """A locked vault; returns (recovery key, kit text)."""
    vault, recovery = Vault.create(folder, PASSPHRASE)
    kit = vault.kit_text()
    vault.lock()
    return recovery, kit


def test_missing_key_files_are_named_and_the_kit_restores_them(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    recovery, kit = made(vault_folder)
    for name in (PRIMARY, COPY):
        (vault_folder / name).unlink()
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "key files are missing" in dialog.message.text()
    assert "emergency kit" in dialog.message.text()
    assert dialog.restore_button.isVisible()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restore = dialog.restore_dialog
    assert restore is not None and restore.isVisible()
    restore.kit_text.setPlainText(kit)
    restore.recovery.line.setText(recovery)
    restore.passphrase.line.setText(NEW)
    restore.repeat.line.setText(NEW + "x")
    qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    assert restore.message.text() == "The two passphrases differ."
    assert not (vault_folder / PRIMARY).exists()
    restore.repeat.line.setText(NEW)
    with qtbot.waitSignal(dialog.finished, timeout=20_000):
        qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.vault is not None, timeout=20_000)
        assert "recovery key still works" in dialog.message.text()
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)  # Continue
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    assert dialog.vault is not None
    dialog.vault.lock()
    Vault.unlock_with_passphrase(vault_folder, NEW).lock()


def test_a_wrong_recovery_key_in_the_restore_is_a_message(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    recovery, kit = made(vault_folder)
    for name in (PRIMARY, COPY):
        (vault_folder / name).unlink()
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.restore_from_kit()
    restore = dialog.restore_dialog
    assert restore is not None
    restore.kit_text.setPlainText(kit)
    wrong = ("0000" if not recovery.startswith("0000") else "1111") + recovery[4:]
    restore.recovery.line.setText(wrong)
    restore.passphrase.line.setText(NEW)
    restore.repeat.line.setText(NEW)
    qtbot.mouseClick(restore.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: restore.message.text() != "", timeout=20_000)
    assert "does not open" in restore.message.text()
    assert sorted(p.name for p in vault_folder.iterdir() if p.name != "vault.lock") == [
        "dossier.db"
    ]


def test_damaged_key_files_say_damaged_not_wrong_passphrase(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    made(vault_folder)
    for name in (PRIMARY, COPY):
        doc = json.loads((vault_folder / name).read_text())
        slot = next(s for s in doc["slots"] if s["kind"] == "passphrase")
        slot["wrapped_key"] = slot["wrapped_key"][::-1]
        (vault_folder / name).write_text(json.dumps(doc))
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.restore_button.isVisible()
    dialog.field.line.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
    assert "key files are damaged" in dialog.message.text()
    assert "Wrong passphrase" not in dialog.message.text()
    assert dialog.restore_button.isVisible() and dialog.vault is None


def test_a_repaired_copy_is_reported_before_going_on(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    made(vault_folder)
    (vault_folder / COPY).write_text("not json")
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.line.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.vault is not None, timeout=10_000)
    assert "repaired" in dialog.message.text()
    assert dialog.unlock_button.text() == "&Continue"
    with qtbot.waitSignal(dialog.accepted, timeout=5_000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert (vault_folder / COPY).read_bytes() == (vault_folder / PRIMARY).read_bytes()
    dialog.vault.lock()


def test_quitting_with_notices_on_screen_locks_the_vault(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    made(vault_folder)
    (vault_folder / COPY).unlink()
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.field.line.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.vault is not None, timeout=10_000)
    vault = dialog.vault
    qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)
    assert dialog.vault is None and not vault.is_unlocked
    Vault.unlock_with_passphrase(vault_folder, PASSPHRASE).lock()  # the lock was released


def test_the_create_dialogs_kit_carries_the_recovery_slot(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    dialog = CreateVaultDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase.line, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat.line, PASSPHRASE)
    dialog.remember.setChecked(False)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    text = PdfReader(io.BytesIO(dialog.emergency_kit_pdf())).pages[0].extract_text()
    assert dialog.recovery_key in text
    vault_id, slot = decode_slot(text)
    assert dialog.vault is not None and vault_id == dialog.vault.vault_id
    assert slot.slot_id == dialog.vault.keystore.slots_of("recovery")[0].slot_id
    dialog.vault.lock()

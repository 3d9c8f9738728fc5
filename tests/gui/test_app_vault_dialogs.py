"""Welcome, create-vault and unlock dialogs, one widget per test, on real vault folders."""

from __future__ import annotations

import sys
from io import BytesIO
from pathlib import Path

import pytest
from print_service import install_fake_lp
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.crypto.os_keyring import MemoryKeyring
from desktop.paths import KEYSTORE, VAULT_DB
from desktop.store.vault import Vault
from desktop.ui.i18n import install_language
from desktop.ui.vault.create import CreateVaultDialog
from desktop.ui.vault.strength import strength_score
from desktop.ui.vault.unlock import UnlockDialog
from desktop.ui.vault.welcome import CREATE, DEMO, WelcomeDialog

PASSPHRASE = "correct horse battery staple"  # as in conftest.py


def _create(
    qtbot: QtBot, folder: Path, keyring: MemoryKeyring, remember: bool = False
) -> CreateVaultDialog:
    dialog = CreateVaultDialog(folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.passphrase.line, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat.line, PASSPHRASE)
    dialog.remember.setChecked(remember)
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    return dialog


def test_strength_grows_with_length_and_variety() -> None:
    assert strength_score("short") == 0
    assert strength_score("password") == 0
    assert strength_score("aaaaaaaaaaaa") <= 1
    assert strength_score(PASSPHRASE) >= 3
    # A famous case and a year: a profiling attacker's first guesses.
    assert strength_score("Magnitsky2009") <= 2
    assert strength_score("Kuznetsov1975!") <= 2
    assert strength_score("abcdefgh1234") <= 1


def test_a_case_name_and_a_year_is_not_called_good(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    dialog = CreateVaultDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase.line, "Magnitsky2009")
    assert dialog.strength_bar.value() <= 2
    assert "Good" not in dialog.strength_label.text()
    assert "Strong" not in dialog.strength_label.text()
    dialog.passphrase.line.setText("blue tiger eats cold soup at noon")
    assert dialog.strength_label.text() == "Strong."


def test_create_refuses_mismatch_and_weak(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    dialog = CreateVaultDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase.line, "abc")
    assert not dialog.create_button.isEnabled()
    assert "at least 8" in dialog.strength_label.text()
    dialog.passphrase.line.setText(PASSPHRASE)
    qtbot.keyClicks(dialog.repeat.line, PASSPHRASE + "x")
    assert not dialog.create_button.isEnabled()
    assert dialog.message.text() == "The two passphrases differ."
    assert not vault_folder.exists()


def test_create_shows_recovery_key_and_gates_finish(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring, tmp_path: Path
) -> None:
    dialog = _create(qtbot, vault_folder, keyring)
    assert Vault.exists(vault_folder)
    assert len(dialog.key_view.text().replace("-", "")) == 32
    assert not dialog.finish_button.isEnabled()
    dialog.reject()  # escape must not dismiss the only view of the key
    assert dialog.isVisible()
    dialog.stored.click()
    assert dialog.finish_button.isEnabled()
    kit = tmp_path / "kit.pdf"
    dialog.write_kit(kit)
    assert kit.read_bytes().startswith(b"%PDF")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.vault is not None and dialog.vault.is_unlocked
    assert dialog.passphrase.text() == ""
    dialog.vault.lock()


@pytest.mark.skipif(sys.platform == "win32", reason="the fake lp is a shell script")
def test_the_recovery_page_prints_the_emergency_kit(
    qtbot: QtBot,
    vault_folder: Path,
    keyring: MemoryKeyring,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spool = install_fake_lp(tmp_path, monkeypatch, wait=False)
    dialog = _create(qtbot, vault_folder, keyring)
    assert dialog.print_button.isVisible() and dialog.print_button.isEnabled()
    printer = QPrinter()
    printer.setOutputFileName("")
    printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
    with qtbot.waitSignal(dialog.printout.done, timeout=10_000):
        dialog.print_kit_to(printer)
    printed = (spool / "received.pdf").read_bytes()
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(printed)).pages)
    assert dialog.recovery_key.replace("-", "") in text.replace("-", "").replace(" ", "")
    assert not Path((spool / "path").read_text().strip()).exists()  # the copy is gone
    assert "Sent" in dialog.print_status.text() and dialog.print_button.isEnabled()
    dialog.stored.click()
    dialog.accept()
    assert dialog.vault is not None
    dialog.vault.lock()


def test_create_with_remember_adds_keyring_slot(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    dialog = _create(qtbot, vault_folder, keyring, remember=True)
    assert dialog.vault is not None
    assert Vault.remembered(vault_folder)
    assert keyring.get(dialog.vault.vault_id)
    dialog.vault.lock()


def test_remember_is_disabled_without_a_keyring(qtbot: QtBot, vault_folder: Path) -> None:
    dialog = CreateVaultDialog(vault_folder, MemoryKeyring(available=False))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    assert "seized" in dialog.remember_warning.text()


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in (VAULT_DB, KEYSTORE)}


def test_wrong_passphrase_is_a_message_and_changes_nothing(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    vault.lock()
    before = _files(vault_folder)
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field.line, "not the passphrase")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
    assert dialog.message.text() == "Wrong passphrase."
    assert dialog.vault is None and dialog.isVisible()
    assert _files(vault_folder) == before
    dialog.field.line.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(dialog.field.line, Qt.Key.Key_Return)
    assert dialog.vault is not None and dialog.vault.is_unlocked
    dialog.vault.lock()


def test_a_wrong_passphrase_is_said_in_russian_in_the_russian_ui(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring, english: None
) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    vault.lock()
    assert install_language("ru")
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.field.line, "not the passphrase")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() != "", timeout=10_000)
    assert dialog.message.text() == "Неверная парольная фраза."


def test_recovery_key_unlocks(qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring) -> None:
    vault, recovery = Vault.create(vault_folder, PASSPHRASE)
    vault.lock()
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    assert dialog.recovery_mode
    assert dialog.field.line.accessibleName() == "Recovery key"
    dialog.field.line.setText(recovery)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.vault is not None
    dialog.vault.lock()


def test_keyring_button_only_when_remembered(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    plain = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(plain)
    assert plain.keyring_button.isHidden()
    vault.enable_keyring(keyring)
    vault.lock()
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    assert not dialog.keyring_button.isHidden()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.keyring_button, Qt.MouseButton.LeftButton)
    assert dialog.vault is not None
    dialog.vault.lock()


def test_show_hide_and_caps_lock_warning(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring
) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    vault.lock()
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.field.line
    assert line.echoMode() == line.EchoMode.Password
    toggle = dialog.field.toggle
    assert toggle.isVisible() and toggle.text() == "Show" and toggle.toolTip()
    assert toggle.width() >= 40 and toggle.focusPolicy() & Qt.FocusPolicy.TabFocus
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Tab)  # the next stop after the line is the toggle
    assert QApplication.focusWidget() is toggle
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert toggle.isChecked() and toggle.text() == "Hide"
    assert toggle.accessibleName() == "Hide the passphrase"
    assert line.echoMode() == line.EchoMode.Normal
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)  # sends "a": fine
    assert dialog.field.caps_warning.isHidden()
    qtbot.keyClicks(line, "A")  # an upper-case letter without Shift: Caps Lock
    assert not dialog.field.caps_warning.isHidden()


def test_welcome_offers_create_and_demo(qtbot: QtBot) -> None:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == DEMO
    other = WelcomeDialog()
    qtbot.addWidget(other)
    qtbot.mouseClick(other.create_button, Qt.MouseButton.LeftButton)
    assert other.choice == CREATE

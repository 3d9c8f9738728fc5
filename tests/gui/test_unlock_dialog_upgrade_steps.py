"""The unlock dialog says what an upgrading unlock is doing and how far it has got, in
English and Russian, on a real vault put back to an older schema and search index."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.crypto.os_keyring import MemoryKeyring
from desktop.store.open_progress import OpenStage
from desktop.store.vault import Vault
from desktop.ui.i18n import install_language
from desktop.ui.vault.unlock import UnlockDialog
from tests.integration.old_vault import made_old

PASSPHRASE = "correct horse battery staple"  # as in conftest.py


def test_the_dialog_fills_its_bar_while_an_old_vault_is_upgraded(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring, english: None
) -> None:
    vault, _key = Vault.create(vault_folder, PASSPHRASE)
    made_old(vault, 40)
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show()
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    qtbot.keyClicks(dialog.field.line, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.vault is not None
    dialog.vault.lock()
    assert values and max(values) == 1000  # the copy and the index were counted to the end
    assert dialog.stage.isHidden() and dialog.progress.isHidden()  # and tidied away


def test_each_step_is_named_with_its_count(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring, english: None
) -> None:
    Vault.create(vault_folder, PASSPHRASE)[0].lock()
    dialog = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(dialog)
    dialog.show_stage(OpenStage.INDEX.value, 240_000, 1_000_000)
    assert "search index" in dialog.stage.text() and "1,000,000" in dialog.stage.text()
    assert dialog.progress.maximum() == 1000 and dialog.progress.value() == 240
    dialog.show_stage(OpenStage.SCHEMA.value, 0, 0)
    assert "Upgrading" in dialog.stage.text()
    assert dialog.progress.maximum() == 0  # no count: a moving bar
    assert install_language("ru")
    russian = UnlockDialog(vault_folder, keyring)
    qtbot.addWidget(russian)
    russian.show_stage(OpenStage.COPY.value, 5, 10)
    assert "копи" in russian.stage.text()
    russian.show_stage(OpenStage.INDEX.value, 3, 4)
    assert "поиск" in russian.stage.text() and russian.progress.value() == 750
    russian.show_stage(OpenStage.INDEX.value, 3, 21)
    assert russian.stage.text().endswith("3 из 21 записи")  # after "из": 21 takes записи
    russian.show_stage(OpenStage.INDEX.value, 3, 25)
    assert russian.stage.text().endswith("3 из 25 записей")

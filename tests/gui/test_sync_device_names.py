"""Device names in the Sync dialog and the pairing dialog, offscreen, over real vaults."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.services.sync import SyncService
from desktop.store.vault import Vault
from desktop.sync.pairing import read_pairing_file
from desktop.ui.sync.dialog import SyncDialog
from desktop.ui.sync.pairing import PairExportDialog

PASSPHRASE = "correct horse battery staple"


class Laptop:
    def __init__(self, folder: Path) -> None:
        self.vault, _ = Vault.create(folder, PASSPHRASE)
        self.services = Services.over(self.vault)
        self.sync = SyncService(self.services.store)


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    b.sync.import_pairing(tmp_path / "a.pairing", a.sync.export_pairing(tmp_path / "a.pairing"))
    a.sync.import_pairing(tmp_path / "b.pairing", b.sync.export_pairing(tmp_path / "b.pairing"))
    yield a, b
    a.vault.lock()
    b.vault.lock()


def test_renaming_in_the_dialog_reaches_the_peer_with_the_next_bundle(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = laptops
    sender = SyncDialog(a.services, a.sync)
    qtbot.addWidget(sender)
    assert sender.device_name.text() == f"This device: {a.sync.device().name}"
    sender.rename_to("   ")
    assert "1 to 100 characters" in sender.device_name.text()
    sender.rename_to("Reception desk")
    assert sender.device_name.text() == "This device: Reception desk"
    a.services.cases.create_case("Carried on the stick")
    stick = tmp_path / "stick"
    stick.mkdir()
    sender.set_folder(stick)
    qtbot.mouseClick(sender.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not sender.busy, timeout=20_000)
    receiver = SyncDialog(b.services, b.sync)
    qtbot.addWidget(receiver)
    receiver.set_folder(stick)
    with qtbot.waitSignal(receiver.synced, timeout=20_000):
        qtbot.mouseClick(receiver.import_button, Qt.MouseButton.LeftButton)
    assert receiver.summary.text().endswith("\nFrom: Reception desk")
    names = [receiver.peers.item(r, 0).text() for r in range(receiver.peers.rowCount())]
    assert names == ["Reception desk"]


def test_the_pairing_dialog_sets_the_name_the_file_carries(qtbot: QtBot, tmp_path: Path) -> None:
    laptop = Laptop(tmp_path / "a")
    try:
        dialog = PairExportDialog(laptop.sync)
        qtbot.addWidget(dialog)
        assert dialog.name.text() == laptop.sync.device().name
        dialog.name.setText("Anna's laptop")
        dialog.write_to(tmp_path / "anna.pairing")
        code = dialog.fingerprint.text()
        assert read_pairing_file(tmp_path / "anna.pairing", code).name == "Anna's laptop"
        assert laptop.sync.device().name == "Anna's laptop"
    finally:
        laptop.vault.lock()

"""The Sync dialog and pairing dialogs, offscreen, over two real vaults."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.services.sync import SyncService
from desktop.store.vault import Vault
from desktop.ui.i18n import install_language
from desktop.ui.sync.dialog import SyncDialog
from desktop.ui.sync.pairing import PairExportDialog, PairImportDialog
from desktop.ui.sync.volumes import looks_removable, mounted_volumes

PASSPHRASE = "correct horse battery staple"


class Laptop:
    def __init__(self, folder: Path) -> None:
        self.vault, _ = Vault.create(folder, PASSPHRASE)
        self.services = Services.over(self.vault)
        self.sync = SyncService(self.services.store)


@pytest.fixture
def laptops(tmp_path: Path) -> tuple[Laptop, Laptop]:
    a, b = Laptop(tmp_path / "a"), Laptop(tmp_path / "b")
    b.sync.import_pairing(tmp_path / "a.pairing", a.sync.export_pairing(tmp_path / "a.pairing"))
    a.sync.import_pairing(tmp_path / "b.pairing", b.sync.export_pairing(tmp_path / "b.pairing"))
    yield a, b
    a.vault.lock()
    b.vault.lock()


def test_export_then_import_through_the_dialog_shows_a_summary(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = laptops
    a.services.cases.create_case("Carried on the stick")
    stick = tmp_path / "stick"
    stick.mkdir()
    sender = SyncDialog(a.services, a.sync)
    qtbot.addWidget(sender)
    sender.set_folder(stick)
    qtbot.mouseClick(sender.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not sender.busy, timeout=20_000)
    assert "Wrote 1 changes" in sender.summary.text()
    receiver = SyncDialog(b.services, b.sync)
    qtbot.addWidget(receiver)
    receiver.set_folder(stick)
    with qtbot.waitSignal(receiver.synced, timeout=20_000):
        qtbot.mouseClick(receiver.import_button, Qt.MouseButton.LeftButton)
    assert receiver.summary.text().startswith("Imported 1 bundles: 1 new, 0 updated")
    assert [c.title for c in b.services.cases.list_cases()] == ["Carried on the stick"]


def test_conflicts_page_shows_versions_side_by_side_and_keeps_one(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = laptops
    a.sync.rename_device("Field laptop")
    b.sync.rename_device("Office desktop")
    stick = tmp_path / "stick"
    stick.mkdir()
    case = a.services.cases.create_case("Case", summary="base")
    b.sync.import_bundle(a.sync.export(stick).path)
    long_a = "A " + "detained at the border crossing and questioned for nine hours " * 4
    a.services.cases.update_case(case, summary=long_a)
    b.services.cases.update_case(case, summary="B")
    b.sync.import_bundle(a.sync.export(stick).path)
    dialog = SyncDialog(b.services, b.sync)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.conflicts_page)
    page = dialog.conflicts_page
    assert page.records.count() == 1
    assert page.records.item(0).text() == "Case: Case"  # the kind in words, not "(cases)"
    assert len(page.headers) == 2 and len(page.keep_buttons) == 2
    headers = " ".join(h.text() for h in page.headers)
    assert "Field laptop" in headers and "Office desktop" in headers
    assert page.field_names == ["summary"]
    assert [label.text() for label in page.field_labels] == ["Summary"]
    values = [cell.text() for cell in page.cells[0]]
    assert set(values) == {long_a.strip(), "B"}  # the whole text, not cut
    long_cell = page.cells[0][values.index(long_a.strip())]
    assert long_cell.wordWrap() and long_cell.width() >= 300  # columns share the width
    tops = {button.geometry().top() for button in page.keep_buttons}
    assert len(tops) == 1  # the buttons sit in one row
    keep = values.index(long_a.strip())
    with qtbot.waitSignal(dialog.synced):  # the views reload after a choice
        qtbot.mouseClick(page.keep_buttons[keep], Qt.MouseButton.LeftButton)
    assert page.records.count() == 0
    assert b.services.cases.get_case(case).summary == long_a.strip()


def test_the_conflicts_page_speaks_russian(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path, english: None
) -> None:
    a, b = laptops
    stick = tmp_path / "stick"
    stick.mkdir()
    case = a.services.cases.create_case("Дело", summary="base")
    event = a.services.timeline.add_event(case, "2009-11-16", "Смерть в СИЗО")
    b.sync.import_bundle(a.sync.export(stick).path)
    a.services.timeline.update_event(event, date="2009-11-17", place="Москва")
    b.services.timeline.update_event(event, date="2009-11-15", place="Бутырка")
    b.sync.import_bundle(a.sync.export(stick).path)
    assert install_language("ru")
    dialog = SyncDialog(b.services, b.sync)
    qtbot.addWidget(dialog)
    page = dialog.conflicts_page
    assert page.records.item(0).text() == "Событие: Смерть в СИЗО"
    assert [label.text() for label in page.field_labels] == ["Дата", "Место"]
    dates = {cell.text() for cell in page.cells[0]}
    assert dates == {"17 ноября 2009", "15 ноября 2009"}
    assert all("date_edtf" not in label.text() for label in page.field_labels)


def test_a_refused_import_says_why_and_changes_nothing(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = laptops
    stick = tmp_path / "stick"
    stick.mkdir()
    a.services.cases.create_case("Case")
    path = a.sync.export(stick).path
    b.sync.revoke(a.sync.device().device_id)
    dialog = SyncDialog(b.services, b.sync)
    qtbot.addWidget(dialog)
    dialog.set_folder(path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "unpaired device" in dialog.summary.text()
    assert b.services.cases.list_cases() == []


def test_a_refused_import_is_said_in_russian(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path, english: None
) -> None:
    a, b = laptops
    stick = tmp_path / "stick"
    stick.mkdir()
    a.services.cases.create_case("Case")
    path = a.sync.export(stick).path
    b.sync.revoke(a.sync.device().device_id)
    assert install_language("ru")
    dialog = SyncDialog(b.services, b.sync)
    qtbot.addWidget(dialog)
    dialog.set_folder(path)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert "отвязанного устройства" in dialog.summary.text()
    assert "unpaired" not in dialog.summary.text()


def test_pairing_dialogs_show_the_fingerprint_and_require_it(qtbot: QtBot, tmp_path: Path) -> None:
    a, c = Laptop(tmp_path / "a"), Laptop(tmp_path / "c")
    shown = PairExportDialog(a.sync)
    qtbot.addWidget(shown)
    shown.write_to(tmp_path / "a.pairing")
    code = shown.fingerprint.text()
    assert code == a.sync.device().fingerprint and code in shown.status.text()
    typed = PairImportDialog(c.sync)
    qtbot.addWidget(typed)
    typed.file.setText(str(tmp_path / "a.pairing"))
    typed.code.setText("0000 0000 0000 0000 0000 0000")
    typed.pair()
    assert "does not match" in typed.status.text() and typed.paired is None
    typed.code.setText(code)
    typed.pair()
    assert typed.paired is not None and typed.paired.device_id == a.sync.device().device_id
    a.vault.lock()
    c.vault.lock()


def test_volumes_put_removable_drives_first() -> None:
    volumes = mounted_volumes()
    flags = [v.removable for v in volumes]
    assert flags == sorted(flags, reverse=True)
    assert looks_removable("/media/usb0/", "/dev/sdb1")
    assert not looks_removable("/", "/dev/nvme0n1p2")


def test_each_drive_is_listed_once_with_its_kind_and_free_space(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop]
) -> None:
    dialog = SyncDialog(laptops[0].services, laptops[0].sync)
    qtbot.addWidget(dialog)
    shown = [dialog.volumes.item(i).text() for i in range(dialog.volumes.count())]
    volumes = mounted_volumes()
    assert len(shown) == len(volumes) > 0
    for text, volume in zip(shown, volumes, strict=True):
        assert text.count(str(volume.path)) == 1  # not "/mnt/x (removable) /mnt/x"
        assert text.endswith(" free)") and ("removable" in text) == volume.removable


def test_after_a_damaged_bundle_the_dialog_says_to_export_again(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = laptops
    stick = tmp_path / "stick"
    stick.mkdir()
    a.services.cases.create_case("Case")
    path = a.sync.export(stick).path
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # the stick was pulled out while copying
    dialog = SyncDialog(b.services, b.sync)
    qtbot.addWidget(dialog)
    dialog.set_folder(stick)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    text = dialog.summary.text()
    assert "Refused" in text
    assert "incomplete or damaged; export again on the sending device" in text
    assert b.services.cases.list_cases() == []


def test_after_a_failed_export_the_dialog_says_what_to_do(
    qtbot: QtBot, laptops: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, _b = laptops
    a.services.cases.create_case("Case")
    dialog = SyncDialog(a.services, a.sync)
    qtbot.addWidget(dialog)
    dialog.set_folder(Path("/sys"))  # refuses new files, even to root
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    first, advice = dialog.summary.text().split("\n")
    assert "may not write into that folder" in first
    assert advice.startswith("Make the drive writable")
    dialog.set_folder(tmp_path / "pulled-out")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.summary.text().endswith(
        "Plug the drive in again (or use another one), then try again."
    )

"""A new, empty vault says where to begin; "New event" without a case says why not."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.crypto.os_keyring import MemoryKeyring
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.editors.case import CaseEditor
from desktop.ui.editors.event import EventEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings

PASSPHRASE = "correct horse battery staple"


def empty_window(qtbot: QtBot, folder: Path, keyring: MemoryKeyring) -> MainWindow:
    vault, _key = Vault.create(folder, PASSPHRASE)
    main = MainWindow(vault, Services.over, keyring, AppSettings())
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def visible(kind: type) -> list:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_an_empty_vault_shows_the_guide_and_its_new_case_button(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring, english: None
) -> None:
    main = empty_window(qtbot, vault_folder, keyring)
    workspace = main.workspace
    assert workspace is not None and workspace.shows_empty_guide
    guide = workspace.empty_guide
    assert guide.isVisible() and "no case yet" in guide.heading.text()
    before = visible(CaseEditor)
    qtbot.mouseClick(guide.new_case_button, Qt.MouseButton.LeftButton)
    (editor,) = [e for e in visible(CaseEditor) if e not in before]
    editor.title_edit.setText("Detention of A. B.")
    editor.try_save()
    qtbot.waitUntil(lambda: not editor.saving)  # the save runs on the write queue
    assert workspace.case_id == editor.saved_id
    assert not workspace.shows_empty_guide and workspace.tabs.isVisible()
    assert main.vault is not None
    main.vault.lock()


def test_new_event_without_a_case_explains_and_offers_a_case(
    qtbot: QtBot, vault_folder: Path, keyring: MemoryKeyring, english: None
) -> None:
    main = empty_window(qtbot, vault_folder, keyring)
    before = visible(EventEditor)  # other tests' windows may linger in the application
    main.commands.new_event.trigger()
    assert visible(EventEditor) == before
    box = main.findChild(QMessageBox, "noCaseBox")
    assert box is not None and box.isVisible()
    assert "belong to a case" in box.text()
    create = next(b for b in box.buttons() if "New case" in b.text())
    editors_before = visible(CaseEditor)
    qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    opened = [e for e in visible(CaseEditor) if e not in editors_before]
    assert len(opened) == 1
    opened[0].reject()
    main.commands.new_person.trigger()  # the other "New" commands explain too
    boxes = [b for b in main.findChildren(QMessageBox, "noCaseBox") if b.isVisible()]
    assert boxes and "belong to a case" in boxes[-1].text()
    assert main.vault is not None
    main.vault.lock()

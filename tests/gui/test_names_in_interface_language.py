"""In the Russian interface people are named by their Cyrillic originals and bodies by
their Russian names, in the timeline and in the complaints register; in English, Latin."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.crypto.os_keyring import MemoryKeyring
from desktop.services.registry import Services
from desktop.store.vault import Vault
from desktop.ui.i18n import install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.timeline.model import Column


def shown(qtbot: QtBot, window: MainWindow, language: str) -> tuple[str, str]:
    """(the timeline's people, the register's bodies and targets), each joined, after the
    interface switched to `language`."""
    assert install_language(language)
    QApplication.processEvents()
    workspace = window.workspace
    assert workspace is not None
    workspace.tabs.setCurrentWidget(workspace.timeline)
    timeline = workspace.timeline.model
    qtbot.waitUntil(lambda: timeline.rowCount() > 0)
    people = " | ".join(
        str(timeline.index(r, Column.PEOPLE).data() or "") for r in range(timeline.rowCount())
    )
    workspace.tabs.setCurrentWidget(workspace.complaints)
    QApplication.processEvents()
    register = workspace.complaints.model
    columns = [register.COLUMNS.index("body"), register.COLUMNS.index("against")]
    bodies = " | ".join(
        str(register.index(r, c).data() or "") for r in range(register.rowCount()) for c in columns
    )
    return people, bodies


def test_people_and_bodies_are_named_in_the_interface_language(
    qtbot: QtBot, demo_vault: tuple[Vault, str], keyring: MemoryKeyring
) -> None:
    window = MainWindow(demo_vault[0], Services.over, keyring, AppSettings())
    qtbot.addWidget(window)
    window.show()
    try:
        people_ru, bodies_ru = shown(qtbot, window, "ru")
        people_en, bodies_en = shown(qtbot, window, "en")
    finally:
        install_language("en")
    assert "Артём Кузнецов" in people_ru and "Artem Kuznetsov" not in people_ru
    assert "Artem Kuznetsov" in people_en and "Кузнецов" not in people_en
    assert "МВД России, Москва" in bodies_ru
    assert "Interior Ministry (MVD) of Russia, Moscow" not in bodies_ru
    assert "Interior Ministry (MVD) of Russia, Moscow" in bodies_en
    assert "МВД" not in bodies_en

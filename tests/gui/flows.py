"""Steps the end-to-end GUI tests share (not a test module)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.registry import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.writes import write_queue

PASSPHRASE = "correct horse battery staple"  # as in conftest.py


def unlock(qtbot: QtBot, main: MainWindow, passphrase: str = PASSPHRASE) -> None:
    """Type the passphrase into the window's unlock dialog and wait for the outcome."""
    dialog = main.unlock_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.field.line.setText(passphrase)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: main.is_unlocked or dialog.message.text() != "", timeout=10_000)


def writes_landed(qtbot: QtBot, services: Services) -> None:
    """Wait until every write queued for `services` has landed and been delivered back."""
    queue = write_queue(services)
    qtbot.waitUntil(lambda: not queue.busy, timeout=30_000)

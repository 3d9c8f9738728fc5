"""The shortcuts the README promises, kept working where a text field would take them.

On X11 Qt's text fields claim Ctrl+E (end of line), Ctrl+K, Ctrl+U and others through a
ShortcutOverride event, so Ctrl+E did nothing while the cursor sat in the Find box. This
filter lets the window's own shortcuts win over text-editing bindings, except the ones a
text field should keep (undo, redo, delete, select all: the user is editing text). The lock
shortcut works in every window of the application, editors included.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class PromisedShortcuts(QObject):
    def __init__(self, window: QWidget, actions: list[QAction], everywhere: list[QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions
        self.everywhere = everywhere
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        pressed = QKeySequence(event.keyCombination())
        for action in self.everywhere:
            if action.isEnabled() and action.shortcut() == pressed:
                event.accept()  # consumed here: no text field sees it as a key press
                action.trigger()
                return True
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False  # dialogs keep their own keys
        # Filtered without being accepted: Qt goes on to the window's shortcut map.
        return any(a.isEnabled() and a.shortcut() == pressed for a in self.actions)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

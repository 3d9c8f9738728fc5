"""A passphrase line with a show/hide toggle and a Caps Lock warning."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget


def caps_lock_guess(event: QKeyEvent) -> bool | None:
    """Caps Lock is on when a letter's case disagrees with Shift; None when unknown."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.lower() == text.upper():
        return None
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


class PassphraseField(QWidget):
    """`line` holds the passphrase; `caps_warning` shows when Caps Lock seems on."""

    submitted = Signal()

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.line.setAccessibleName(accessible_name)
        self.toggle = QAction(self.tr("Show"), self.line)
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Show or hide the passphrase"))
        self.toggle.toggled.connect(self.set_visible_text)
        self.line.addAction(self.toggle, QLineEdit.ActionPosition.TrailingPosition)
        self.caps_warning = QLabel(self.tr("Caps Lock is on."), self)
        self.caps_warning.setObjectName("capsWarning")
        self.caps_warning.setStyleSheet("color: #8a5300;")
        self.caps_warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.caps_warning)
        self.setFocusProxy(self.line)
        self.line.installEventFilter(self)
        self.line.returnPressed.connect(self.submitted)

    def text(self) -> str:
        return self.line.text()

    def set_visible_text(self, visible: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password
        self.line.setEchoMode(mode)
        self.toggle.setText(self.tr("Hide") if visible else self.tr("Show"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            guess = caps_lock_guess(event)
            if guess is not None:
                self.caps_warning.setVisible(guess)
        return super().eventFilter(watched, event)

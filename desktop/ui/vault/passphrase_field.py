"""A passphrase line with a show/hide toggle and a Caps Lock warning.

The toggle is a real button beside the line, in the tab order, with a visible label
("Show"/"Hide"), an eye icon where the theme has one, a tooltip and an accessible name:
a screen-reader or keyboard user reaches it like any other control.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)


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
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("showPassphrase")
        self.toggle.setCheckable(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setIcon(
            QIcon.fromTheme("view-reveal-symbolic", QIcon.fromTheme("view-visible"))
        )
        self.toggle.setToolTip(self.tr("Show or hide the passphrase as you type it"))
        self.toggle.setAccessibleName(self.tr("Show the passphrase"))
        self.toggle.toggled.connect(self.set_visible_text)
        self.set_visible_text(False)
        self.caps_warning = QLabel(self.tr("Caps Lock is on."), self)
        self.caps_warning.setObjectName("capsWarning")
        self.caps_warning.setStyleSheet("color: #8a5300;")
        self.caps_warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.line, 1)
        row.addWidget(self.toggle)
        layout.addLayout(row)
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
        self.toggle.setAccessibleName(
            self.tr("Hide the passphrase") if visible else self.tr("Show the passphrase")
        )
        if self.toggle.isChecked() != visible:
            self.toggle.setChecked(visible)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            guess = caps_lock_guess(event)
            if guess is not None:
                self.caps_warning.setVisible(guess)
        return super().eventFilter(watched, event)

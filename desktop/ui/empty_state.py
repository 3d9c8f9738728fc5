"""What a vault with no case shows instead of four empty tabs: where to begin.

Everything in Dossier belongs to a case, so a new vault's first step is a case; the
guide says so, offers the button, and names the other way in (sync).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyVaultGuide(QWidget):
    """Shown while the vault has no case; `newCaseRequested` when the button is pressed."""

    newCaseRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyVaultGuide")
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.text.setMinimumWidth(420)  # a wrapped label otherwise asks for a narrow column
        self.text.setMaximumWidth(560)
        self.new_case_button = QPushButton(self)
        self.new_case_button.setObjectName("emptyNewCase")
        self.new_case_button.setDefault(True)
        self.new_case_button.clicked.connect(self.newCaseRequested)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_case_button)
        row.addStretch(1)
        text_row = QHBoxLayout()
        text_row.addStretch(1)
        text_row.addWidget(self.text)
        text_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addSpacing(8)
        layout.addLayout(text_row)
        layout.addSpacing(16)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("This vault has no case yet"))
        self.text.setText(
            self.tr(
                "A case holds its timeline of events, the people and officials involved, "
                "the complaints filed and the sources behind every fact. Start with a new "
                "case; a colleague's cases arrive with Sync."
            )
        )
        self.new_case_button.setText(self.tr("&New case…"))
        self.new_case_button.setToolTip(self.tr("Create the first case (Ctrl+Shift+N)"))
        self.new_case_button.setAccessibleName(self.tr("New case"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

"""First start with no vault: create one, or look around the demo case first."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

CREATE = "create"
DEMO = "demo"


class WelcomeDialog(QDialog):
    """After `accepted`, `choice` is CREATE or DEMO."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = ""
        self.setWindowTitle(self.tr("Welcome to Dossier"))
        self.setMinimumWidth(460)
        heading = QLabel(self.tr("<h2>Welcome to Dossier</h2>"), self)
        text = QLabel(
            self.tr(
                "Dossier keeps case files — timelines, officials, complaints and "
                "sources — in an encrypted vault on this computer. Nothing leaves it "
                "unless you export it."
            ),
            self,
        )
        text.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create a new vault…"), self)
        self.demo_button = QPushButton(self.tr("Open the &demo case"), self)
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(lambda: self._choose(CREATE))
        self.demo_button.clicked.connect(lambda: self._choose(DEMO))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.create_button)
        layout.addWidget(self.demo_button)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

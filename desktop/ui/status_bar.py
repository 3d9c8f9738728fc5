"""The status bar: which vault, whether it is locked, and how many records the case holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from desktop.services.registry import Services


class VaultStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self.unlocked = False
        self.counts: dict[str, int] = {}
        self.state_label = QLabel(self)
        self.state_label.setObjectName("lockState")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("recordCounts")
        self.path_label = QLabel(self)
        self.path_label.setObjectName("vaultPath")
        self.addWidget(self.state_label)
        self.addWidget(self.counts_label, 1)
        self.addPermanentWidget(self.path_label)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_vault(self, folder: Path | None, unlocked: bool) -> None:
        self.folder, self.unlocked = folder, unlocked
        if not unlocked:
            self.counts = {}
        self.retranslate()

    def show_counts(self, services: Services | None, case_id: str | None) -> None:
        self.counts = services.cases.counts(case_id) if services and case_id else {}
        self.retranslate()

    def retranslate(self) -> None:
        self.state_label.setText(self.tr("Unlocked") if self.unlocked else self.tr("Locked"))
        self.path_label.setText(
            self.tr("Vault: %1").replace("%1", str(self.folder)) if self.folder else ""
        )
        if self.counts:
            self.counts_label.setText(
                self.tr("%1 events · %2 people · %3 complaints · %4 sources")
                .replace("%1", str(self.counts.get("events", 0)))
                .replace("%2", str(self.counts.get("people", 0)))
                .replace("%3", str(self.counts.get("complaints", 0)))
                .replace("%4", str(self.counts.get("sources", 0)))
            )
        else:
            self.counts_label.clear()

"""Which attachments go into a redacted pack: one tick per file, per profile, kept in the vault.

A `counsel` or `public` pack includes an exhibit only once the user has cleared that file
for the profile. The list names files by label and file name for the user's own eyes; the
pack itself prints only the label and the description.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.services.registry import Services
from desktop.ui.messages import show_error
from desktop.ui.writes import write_queue

ID_ROLE = Qt.ItemDataRole.UserRole


class ExhibitClearance(QWidget):
    """The case's attachments, each ticked when cleared for the chosen profile."""

    changed = Signal()

    def __init__(self, services: Services, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._case_id = case_id
        self._profile = "internal"
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.files = QListWidget(self)
        self.files.setObjectName("exhibitClearance")
        self.files.setAccessibleName(self.tr("Exhibits cleared for this profile"))
        self.files.itemChanged.connect(self._on_item_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.files)
        self.set_profile("internal")

    @property
    def profile(self) -> str:
        return self._profile

    def set_profile(self, redaction: str) -> None:
        """Show the ticks of `redaction` (internal packs need none: the list is disabled)."""
        self._profile = redaction
        if redaction == "internal":
            self.note.setText(
                self.tr("Internal packs include every attachment marked for the brief.")
            )
        else:
            self.note.setText(
                self.tr(
                    "Only ticked files go into this pack. It lists them by label and "
                    "description, never by file name, and refuses a file whose text names "
                    "a protected person."
                )
            )
        self.refresh()

    def refresh(self) -> None:
        self.files.blockSignals(True)
        self.files.clear()
        redacted = self._profile != "internal"
        for attachment in self._services.sources.attachments(self._case_id):
            text = " · ".join(
                part
                for part in (attachment.exhibit_label, attachment.file_name, attachment.description)
                if part
            )
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, attachment.id)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            if not redacted or attachment.confidential:
                flags = Qt.ItemFlag.NoItemFlags
            if attachment.confidential and redacted:
                item.setToolTip(self.tr("Marked confidential: never in counsel or public packs."))
            item.setFlags(flags)
            cleared = attachment.cleared_for(self._profile) and not (
                redacted and attachment.confidential
            )
            item.setCheckState(Qt.CheckState.Checked if cleared else Qt.CheckState.Unchecked)
            self.files.addItem(item)
        self.files.blockSignals(False)
        self.files.setEnabled(redacted)

    def cleared_ids(self) -> list[str]:
        """The attachments ticked for the current profile."""
        return [
            str(self.files.item(row).data(ID_ROLE))
            for row in range(self.files.count())
            if self.files.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_cleared(self, attachment_id: str, cleared: bool) -> None:
        """Tick or untick a file, as a click would."""
        for row in range(self.files.count()):
            item = self.files.item(row)
            if item.data(ID_ROLE) == attachment_id:
                item.setCheckState(Qt.CheckState.Checked if cleared else Qt.CheckState.Unchecked)
                return

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._profile == "internal":
            return
        cleared = item.checkState() == Qt.CheckState.Checked
        sources, profile, attachment_id = self._services.sources, self._profile, item.data(ID_ROLE)

        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            self.refresh()

        # On the write queue; a build asked for before it lands waits for it (the dialog).
        self.changed.emit()
        write_queue(self._services).submit(
            lambda: sources.set_cleared(str(attachment_id), profile, cleared), None, refused
        )

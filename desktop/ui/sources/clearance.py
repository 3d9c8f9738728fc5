"""An attachment's description and its clearance for counsel and public packs.

Redacted packs include a file only once it is cleared for their profile, and list it by
exhibit label and description instead of its file name (which often names a witness).
Each change is one undoable step.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from desktop.services.registry import Services
from desktop.store.records import AttachmentRecord
from desktop.ui.messages import show_error
from desktop.ui.undo import RecordChange, change_with_undo

DESCRIPTION_LIMIT = 200


class AttachmentClearance(QWidget):
    """Description and "cleared for" ticks of the attachment chosen in the Sources tab."""

    edited = Signal(str)  # attachment id

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._undo_stack = undo_stack
        self._attachment: AttachmentRecord | None = None
        self.description = QLineEdit(self)
        self.description.setObjectName("attachmentDescription")
        self.description.setMaxLength(DESCRIPTION_LIMIT)
        self.description.editingFinished.connect(self._description_finished)
        self.counsel = QCheckBox(self)
        self.counsel.setObjectName("clearedCounsel")
        self.public = QCheckBox(self)
        self.public.setObjectName("clearedPublic")
        self.counsel.toggled.connect(lambda on: self._set_cleared("counsel", on))
        self.public.toggled.connect(lambda on: self._set_cleared("public", on))
        ticks = QHBoxLayout()
        ticks.addWidget(self.counsel)
        ticks.addWidget(self.public)
        ticks.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.description)
        layout.addLayout(ticks)
        self.retranslate()
        self.show_attachment(None)

    def retranslate(self) -> None:
        self.description.setPlaceholderText(
            self.tr("Description printed in counsel and public packs instead of the file name")
        )
        self.description.setAccessibleName(self.tr("Exhibit description"))
        self.counsel.setText(self.tr("Cleared for &counsel packs"))
        self.public.setText(self.tr("Cleared for p&ublic packs"))
        tip = self.tr(
            "Redacted packs include this file only when it is cleared for them, and refuse "
            "it if its text names a protected person."
        )
        self.counsel.setToolTip(tip)
        self.public.setToolTip(tip)

    def show_attachment(self, attachment: AttachmentRecord | None) -> None:
        """Show (without writing anything) the chosen attachment's values."""
        self._attachment = attachment
        widgets = (self.description, self.counsel, self.public)
        for widget in widgets:
            widget.blockSignals(True)
        self.description.setText(attachment.description if attachment else "")
        self.counsel.setChecked(bool(attachment and attachment.cleared_counsel))
        self.public.setChecked(bool(attachment and attachment.cleared_public))
        for widget in widgets:
            widget.blockSignals(False)
            # A confidential file never goes into a redacted pack: nothing to clear.
            widget.setEnabled(attachment is not None and not attachment.confidential)

    def _description_finished(self) -> None:
        # editingFinished also fires when focus leaves, the window closing included: act
        # only on what the user typed since the last save (a widget being torn down must
        # not write, nor open a message box).
        if not self.description.isModified():
            return
        self.description.setModified(False)
        attachment = self._attachment
        text = self.description.text().strip()
        if attachment is None or text == attachment.description:
            return
        self._change(
            attachment, {"description": text}, {"description": attachment.description},
            self.tr("Describe attachment"),
        )  # fmt: skip

    def _set_cleared(self, profile: str, on: bool) -> None:
        attachment = self._attachment
        if attachment is None:
            return
        key = f"cleared_{profile}"
        label = self.tr("Clear attachment") if on else self.tr("Withdraw clearance")
        self._change(attachment, {key: on}, {key: not on}, label)

    def _report(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _change(
        self,
        attachment: AttachmentRecord,
        new: dict[str, object],
        old: dict[str, object],
        label: str,
    ) -> None:
        sources, attachment_id = self._services.sources, attachment.id

        def landed(_value: object) -> None:
            self._attachment = sources.get_attachment(attachment_id)
            self.edited.emit(attachment_id)

        def refused(exc: BaseException) -> None:
            show_error(self, exc)
            self.show_attachment(attachment)

        change_with_undo(
            self,
            self._undo_stack,
            lambda: sources.update_attachment(attachment_id, **new),
            lambda _value, changes: RecordChange(
                label,
                lambda: sources.update_attachment(attachment_id, **old),
                lambda: sources.update_attachment(attachment_id, **new),
                on_error=self._report,
                changes=changes,
            ),
            landed,
            refused,
        )

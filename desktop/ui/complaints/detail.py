"""A complaint's detail page: what it asks, whom it is against, the events it concerns,
its references, and the response history."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.enums import ComplaintStatus, ResponseKind
from desktop.core.fuzzydate import FuzzyDate, known_part
from desktop.errors import KnownError
from desktop.services.complaints import ComplaintRow
from desktop.services.registry import Services
from desktop.ui.i18n import current_language


class ComplaintDetail(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.row: ComplaintRow | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("complaintSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.responses_label = QLabel(self)
        self.responses_label.setStyleSheet("font-weight: bold;")
        self.responses = QListWidget(self)
        self.responses.setObjectName("responses")
        self.responses.setWordWrap(True)
        self.responses_label.setBuddy(self.responses)
        self.edit_button = QPushButton(self)
        self.add_response_button = QPushButton(self)
        self.escalate_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.add_response_button, self.escalate_button,
                       self.delete_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary, 3)
        layout.addWidget(self.responses_label)
        layout.addWidget(self.responses, 2)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_row(None)

    def retranslate(self) -> None:
        self.responses_label.setText(self.tr("&Response history"))
        self.responses.setAccessibleName(self.tr("Response history"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.add_response_button.setText(self.tr("Add res&ponse…"))
        self.escalate_button.setText(self.tr("Escalate…"))
        self.delete_button.setText(self.tr("Delete"))
        try:
            self.show_row(self.row)
        except KnownError:  # the vault was locked under this (closing) widget
            self.show_row(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_row(self, row: ComplaintRow | None) -> None:
        self.row = row
        self.responses.clear()
        for button in (self.edit_button, self.add_response_button, self.escalate_button,
                       self.delete_button):  # fmt: skip
            button.setEnabled(row is not None)
        if row is None:
            self.summary.setText(self.tr("Choose a complaint in the register."))
            return
        lang = current_language()
        c = row.complaint
        status = ComplaintStatus(c.status).label(lang)
        if row.escalated:
            status = self.tr("Escalated")
        lines = [
            (self.tr("Status"), status),
            (self.tr("Filed"), "" if row.filed.is_undated else row.filed.display(lang)),
            (self.tr("Filed by"), c.filed_by),
            (self.tr("Body"), row.body_name),
            (self.tr("Against"), "; ".join(row.against)),
            (self.tr("Our reference"), c.our_reference),
            (self.tr("Their registration number"), c.registration_number),
            (self.tr("Response due"), c.response_due or ""),
            (self.tr("Legal basis"), c.legal_basis),
            (self.tr("Outcome"), c.outcome),
        ]
        if row.overdue and row.days_left is not None:
            lines.insert(
                1,
                (self.tr("Deadline"),
                 self.tr("%n day(s) overdue", "", -row.days_left)),
            )  # fmt: skip
        if c.escalated_from_id:
            lines.append((self.tr("Escalates"), self._title_of(c.escalated_from_id)))
        if row.escalation_id:
            lines.append((self.tr("Escalated to"), self._title_of(row.escalation_id)))
        events = self._linked_events(c.id, lang)
        if events:
            lines.insert(lines.index((self.tr("Against"), "; ".join(row.against))) + 1,
                         (self.tr("Concerns events"), "\n".join(events)))  # fmt: skip
        table = "".join(
            f"<tr><td style='color:#555;padding-right:12px;vertical-align:top'>{escape(k)}</td>"
            f"<td>{escape(v).replace(chr(10), '<br>')}</td></tr>"
            for k, v in lines
            if v
        )
        subject = escape(c.subject or self.tr("Complaint"))
        self.summary.setText(f"<h3 style='margin:0'>{subject}</h3><table>{table}</table>")
        for response in self.services.complaints.responses(c.id):
            received = FuzzyDate.from_edtf(response.received_edtf).display(lang, "short")
            kind = ResponseKind(response.kind).label(lang)
            text = f"{received} — {kind}" + (f": {response.summary}" if response.summary else "")
            self.responses.addItem(QListWidgetItem(text))

    def linked_event_titles(self) -> list[str]:
        """The events shown as concerned by the complaint (tests read it)."""
        return self._linked_events(self.row.complaint.id, current_language()) if self.row else []

    def _linked_events(self, complaint_id: str, lang: str) -> list[str]:
        shown = []
        for _link, event in self.services.complaints.linked_events(complaint_id):
            date = FuzzyDate.from_edtf(event.date_edtf).with_part(known_part(event.date_note))
            when = "" if date.is_undated else date.display(lang, "short") + " — "
            shown.append(when + event.title)
        return shown

    def _title_of(self, complaint_id: str) -> str:
        try:
            original = self.services.complaints.get_complaint(complaint_id)
        except Exception:
            return ""
        filed = FuzzyDate.from_edtf(original.filed_edtf).display(current_language(), "short")
        return f"{filed} — {original.subject or original.body_detail}"

"""The complaints register: one table row per complaint, the details in a row beneath it.

Columns: number, filed, body, against, subject, status, last response, due. The row
beneath spans the table and carries what a clerk checks next: filed by, references, legal
basis, outcome, the escalation chain (complaint → escalated to → decision), the chronology
paragraphs of the filing day ("see ¶ 4, p. 3") and the citations with their quotes. The two
rows never part across a page. Numbers are the complaints' places in filing order over the
whole case (see `briefing.register.complaint_numbers`), the same in every selection.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, ClassVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.briefing.labels import label
from desktop.briefing.model import Briefing, Citation, ComplaintEntry, ComplaintRef
from desktop.briefing.pdf.marks import language_mark, response_kind
from desktop.briefing.pdf.styles import HEADER_FILL, OVERDUE, PackStyles, text
from desktop.briefing.pdf.xref import (
    LateParagraph,
    Pages,
    anchored,
    complaint_key,
    see_paragraphs,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable


def cite_markup(citation: Citation, lang: str) -> str:
    """[3, p. 12] “the quote”, as printed in a sources column or a note."""
    pin = (
        f"[{citation.source_number}, {text(citation.pinpoint)}]"
        if citation.pinpoint
        else (f"[{citation.source_number}]")
    )
    if citation.quote:
        pin += f" <i>{text(label(lang, 'quote', quote=citation.quote))}</i>"
    return pin


def ref_markup(ref: ComplaintRef, lang: str) -> str:
    number = text(label(lang, "complaint.ref", number=ref.number))
    return f'<a href="#{complaint_key(ref.number)}">{number}</a>'


CELL_PADDING = 4.0  # the grid's LEFTPADDING / RIGHTPADDING


class ComplaintsRegister:
    """Mixed into `BriefingRenderer`: the register section."""

    # Fractions of the frame: no., filed, body, against, subject, status, last response, due.
    register_columns: ClassVar[tuple[float, ...]] = (
        0.05, 0.1, 0.15, 0.14, 0.16, 0.135, 0.125, 0.14,
    )  # fmt: skip
    pages: Pages

    if TYPE_CHECKING:

        def heading(self, briefing: Briefing, styles: PackStyles, section: str) -> Flowable: ...
        def _column_widths(
            self, briefing: Briefing, fractions: tuple[float, ...]
        ) -> list[float]: ...
        def _grid(
            self, data: list[list[Any]], widths: list[float], split_in_row: float | None = None
        ) -> Table: ...

    def complaints(self, briefing: Briefing, styles: PackStyles) -> list[Flowable]:
        lang = briefing.lang
        story: list[Flowable] = [self.heading(briefing, styles, "complaints")]
        if not briefing.complaints:
            story.append(Paragraph(text(label(lang, "complaint.empty")), styles.body))
            return story
        if any(c.subject_lang for c in briefing.complaints):
            story.append(Paragraph(text(label(lang, "text_in.note")), styles.muted))
        keys = (
            "complaint.number", "complaint.filed", "complaint.body", "complaint.against",
            "complaint.subject", "complaint.status", "complaint.last_response",
            "complaint.due_short",
        )  # fmt: skip
        size = styles.cell.fontSize - 0.5  # eight columns: Russian statuses must fit whole
        cell = ParagraphStyle("register", parent=styles.cell, fontSize=size, leading=size * 1.25)
        styles = dataclasses.replace(styles, cell=cell)
        data: list[list[Any]] = [[Paragraph(text(label(lang, k)), styles.cell_head) for k in keys]]
        commands: list[tuple[Any, ...]] = []
        for complaint in briefing.complaints:
            first = len(data)
            data.append(self.complaint_row(briefing, styles, complaint))
            details = self.complaint_details(briefing, styles, complaint)
            if details is not None:
                data.append([details, "", "", "", "", "", "", ""])
                row = len(data) - 1
                commands.append(("SPAN", (0, row), (-1, row)))
                commands.append(("LINEABOVE", (1, row), (-1, row), 0, HEADER_FILL))
            commands.append(("NOSPLIT", (0, first), (-1, len(data) - 1)))
        widths = self._column_widths(briefing, self.register_columns)
        # No word may break inside a cell ("перенаправлена", "инвестиционных"): each column
        # gets at least its longest word, taken from the columns with room to spare.
        longest = [0.0] * len(widths)
        for complaint in briefing.complaints:
            for column, words in enumerate(self.column_words(complaint, lang)):
                for word in words:
                    width = stringWidth(word, cell.fontName, cell.fontSize)
                    longest[column] = max(longest[column], width)
        widths = fit_words(widths, [w + 2 * CELL_PADDING + 1 for w in longest])
        table = self._grid(data, widths, split_in_row=0)
        table.setStyle(TableStyle(commands))
        story.append(table)
        return story

    def complaint_row(
        self, briefing: Briefing, styles: PackStyles, complaint: ComplaintEntry
    ) -> list[Any]:
        lang = briefing.lang
        status = text(self.status_text(complaint, lang))
        due = text(complaint.due_text)
        if complaint.overdue:
            overdue = text(label(lang, "complaint.overdue"))
            size = styles.cell.fontSize - 1
            due = (
                f'<font color="{OVERDUE.hexval()}"><b>{due}<br/>'
                f'<font size="{size}">{overdue}</font></b></font>'
            )
        if complaint.responses:
            r = complaint.responses[-1]
            last = f"{text(r.date_text)}" + response_kind(lang, r.kind)
        else:
            last = "—"  # "No recorded response" would not fit the column
        outline = f"{complaint.number}. {complaint.filed_text}: {complaint.body}"
        return [
            anchored(
                f"<b>{complaint.number}</b>",
                styles.cell,
                self.pages,
                complaint_key(complaint.number),
                outline,
            ),
            Paragraph(text(complaint.filed_text), styles.cell),
            Paragraph(text(complaint.body), styles.cell),
            Paragraph("<br/>".join(text(a) for a in complaint.against), styles.cell),
            Paragraph(
                text(complaint.subject) + language_mark(lang, complaint.subject_lang), styles.cell
            ),
            Paragraph(status, styles.cell),
            Paragraph(last, styles.cell),
            Paragraph(due, styles.cell),
        ]

    def column_words(self, complaint: ComplaintEntry, lang: str) -> list[list[str]]:
        """The words of each column of a complaint's row, as printed (for the widths)."""
        last = complaint.responses[-1] if complaint.responses else None
        kind = label(lang, f"response.{last.kind}") if last and last.kind else ""
        cells = [
            str(complaint.number), complaint.filed_text, complaint.body,
            " ".join(complaint.against), complaint.subject, self.status_text(complaint, lang),
            f"{last.date_text} ({kind})" if last else "", complaint.due_text,
        ]  # fmt: skip
        return [cell.split() for cell in cells]

    def status_text(self, complaint: ComplaintEntry, lang: str) -> str:
        """The status as entered; "appealed" only when no escalation explains it.

        Escalating a complaint marks it appealed in the vault, but sending it up to a
        higher body is not an appeal of a decision: the pack says "escalated" and the
        chain beneath names the complaint that followed.
        """
        if complaint.status == "appealed" and complaint.escalated:
            return label(lang, "complaint.escalated")
        return label(lang, f"status.{complaint.status}")

    def complaint_details(
        self, briefing: Briefing, styles: PackStyles, complaint: ComplaintEntry
    ) -> Any:
        lang = briefing.lang
        parts: list[str] = []

        def add(key: str, value: str) -> None:
            if value:
                parts.append(f"<b>{text(label(lang, key))}:</b> {value}")

        add("complaint.filed_by", text(complaint.filed_by))
        add("complaint.reference", text(complaint.our_reference))
        add("complaint.registration", text(complaint.registration_number))
        add("complaint.legal_basis", text(complaint.legal_basis))
        add("complaint.outcome", text(complaint.outcome))
        add("complaint.escalation", self.chain_markup(complaint, lang))
        # The responses in full, unless the one response only repeats the outcome.
        said = [r for r in complaint.responses if r.summary]
        if said and not (len(said) == 1 and said[0].summary == complaint.outcome):
            history = "; ".join(
                text(r.date_text) + response_kind(lang, r.kind) + f": {text(r.summary)}"
                for r in said
            )
            add("complaint.responses", history)
        if complaint.citations:
            add("chrono.sources", "; ".join(cite_markup(c, lang) for c in complaint.citations))
        events = complaint.events if briefing.has("chronology") else ()
        if not parts and not events:
            return None
        static = "\u2003 ".join(parts)
        if not events:
            return Paragraph(static, styles.cell)
        head = text(label(lang, "complaint.in_chronology"))

        def markup(pages: Pages) -> str:
            see = f"<b>{head}:</b> {see_paragraphs(events, pages, lang)}"
            return "\u2003 ".join([*parts, see])

        return LateParagraph(markup, styles.cell, self.pages)

    def chain_markup(self, complaint: ComplaintEntry, lang: str) -> str:
        """No. 1 (date, body) → No. 4 (this complaint) → No. 7 (…): decision: …"""
        if not complaint.chain:
            return ""
        links = []
        for ref in complaint.chain:
            if ref.number == complaint.number:
                links.append(
                    f"<b>{ref_markup(ref, lang)}</b> ({text(label(lang, 'complaint.this'))})"
                )
            else:
                links.append(f"{ref_markup(ref, lang)} ({text(ref.filed_text)}, {text(ref.body)})")
        chain = " → ".join(links)
        last = complaint.chain[-1]
        if last.outcome:
            decision = text(label(lang, "complaint.decision"))
            chain += f" → {decision}: {text(last.outcome)}"
        return chain


def fit_words(widths: list[float], needed: list[float]) -> list[float]:
    """`widths` with each column at least `needed`, the room taken from the columns that
    have more than they need, in proportion to their spare room; unchanged if none has."""
    short = sum(max(0.0, n - w) for w, n in zip(widths, needed, strict=True))
    spare = [max(0.0, w - n) for w, n in zip(widths, needed, strict=True)]
    room = sum(spare)
    if short <= 0 or room < short:
        return list(widths)
    return [
        max(w, n) if n >= w else w - spare[i] * short / room
        for i, (w, n) in enumerate(zip(widths, needed, strict=True))
    ]

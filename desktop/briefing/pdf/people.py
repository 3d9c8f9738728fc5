"""The people section: each person's names, kind, description, allegations, postings,
where they appear in the chronology ("see ¶ 4, p. 4") and the complaints against them
with the register's page.

Mixed into `BriefingRenderer`. The chronology is drawn before this section, so its pages
are known here; the register comes after, so its pages are drawn at save time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from desktop.briefing.labels import label
from desktop.briefing.model import Briefing, Citation, PersonEntry
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.flowables import DeferredText, OutlineEntry
from desktop.briefing.pdf.register import cite_markup
from desktop.briefing.pdf.styles import PackStyles, text
from desktop.briefing.pdf.xref import (
    LateParagraph,
    Pages,
    complaint_key,
    page_of_anchor,
    see_paragraphs,
)

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

Story = list["Flowable"]


class PeopleSection:
    """Mixed into `BriefingRenderer`: the people and officials section."""

    pages: Pages
    base_font_size: ClassVar[float]

    if TYPE_CHECKING:

        def heading(self, briefing: Briefing, styles: PackStyles, section: str) -> Flowable: ...
        def _column_widths(
            self, briefing: Briefing, fractions: tuple[float, ...]
        ) -> list[float]: ...

    def people(self, briefing: Briefing, styles: PackStyles) -> Story:
        lang = briefing.lang
        story: Story = [self.heading(briefing, styles, "people")]
        if not briefing.people:
            story.append(Paragraph(text(label(lang, "people.empty")), styles.body))
        for number, person in enumerate(briefing.people, start=1):
            story.extend(self.person(briefing, styles, person, f"person-{number}"))
        return story

    def person(
        self, briefing: Briefing, styles: PackStyles, person: PersonEntry, key: str
    ) -> Story:
        lang = briefing.lang
        name = text(person.name)
        if person.name_variants:
            name += " / " + " / ".join(text(v) for v in person.name_variants)
        kind = text(label(lang, f"kind.{person.kind}"))
        block: Story = [
            OutlineEntry(key, person.name),
            Paragraph(
                f"{name} <font size='{self.base_font_size - 1}' color='#5f5f6b'>({kind})</font>",
                styles.subheading,
            ),
        ]
        if person.description:
            heading = text(label(lang, "people.description"))
            block.append(Paragraph(f"<b>{heading}:</b> {text(person.description)}", styles.small))
        if person.allegations:
            heading = text(label(lang, "people.allegations"))
            block.append(Paragraph(f"<b>{heading}:</b> {text(person.allegations)}", styles.small))
        postings = [
            _posting(p.organisation, p.role, p.rank, p.period_text) for p in person.postings
        ]
        if postings:
            block.append(Paragraph(f"<b>{text(label(lang, 'people.postings'))}</b>", styles.small))
            block.extend(Paragraph(f"• {item}", styles.small) for item in postings)
        if person.events and briefing.has("chronology"):
            seen_in = text(label(lang, "people.in_chronology"))
            events = person.events
            block.append(
                LateParagraph(
                    lambda pages: f"<b>{seen_in}:</b> {see_paragraphs(events, pages, lang)}",
                    styles.small,
                    self.pages,
                )
            )
        if person.complaints_against:
            head = text(label(lang, "people.complaints_against"))
            block.append(Paragraph(f"<b>{head}</b>", styles.small))
            block.append(self.complaints_against(briefing, styles, person))
        if person.citations:
            block.append(Paragraph(_citations(person.citations, lang), styles.muted))
        if len(block) <= 13:
            return [KeepTogether(block)]
        return block

    def complaints_against(
        self, briefing: Briefing, styles: PackStyles, person: PersonEntry
    ) -> Table:
        """No., date filed, body and the register page of each complaint against a person.

        The register comes after this section, so its pages are drawn at save time."""
        lang = briefing.lang
        widths = self._column_widths(briefing, (0.1, 0.22, 0.56, 0.12))
        in_register = briefing.has("complaints")
        rows = []
        for ref in person.complaints_against:
            number = text(label(lang, "complaint.ref", number=ref.number))
            if in_register:
                number = f'<a href="#{complaint_key(ref.number)}">{number}</a>'
            page: Any = ""
            if in_register:
                page = DeferredText(
                    page_of_anchor(complaint_key(ref.number), lang),
                    fonts.SERIF,
                    self.base_font_size - 1,
                    widths[3] - 4,
                )
            rows.append(
                [
                    Paragraph(f"• {number}", styles.small),
                    Paragraph(text(ref.filed_text), styles.small),
                    Paragraph(text(ref.body), styles.small),
                    page,
                ]
            )
        table = Table(rows, colWidths=widths, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table


def _posting(organisation: str, role: str, rank: str, period: str) -> str:
    line = ", ".join(text(part) for part in (role, rank, organisation) if part)
    return f"{line} ({text(period)})" if period else line


def _citations(citations: tuple[Citation, ...], lang: str) -> str:
    return "; ".join(cite_markup(c, lang) for c in citations)

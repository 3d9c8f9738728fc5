"""Paragraph and table styles of the briefing pack; every one names an embedded font."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from desktop.briefing.pdf import fonts

INK = colors.Color(0.1, 0.1, 0.12)
MUTED = colors.Color(0.38, 0.38, 0.42)
RULE = colors.Color(0.72, 0.72, 0.76)
HEADER_FILL = colors.Color(0.9, 0.91, 0.93)
MARKING = colors.Color(0.62, 0.05, 0.05)
OVERDUE = colors.Color(0.8, 0.0, 0.0)


@dataclass(frozen=True)
class PackStyles:
    """The styles one pack uses; built by `BriefingRenderer.styles`, so a subclass can retune."""

    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_mono: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    cover_kind: ParagraphStyle
    cover_title: ParagraphStyle
    cover_field: ParagraphStyle
    cover_marking: ParagraphStyle
    cover_notice: ParagraphStyle
    source: ParagraphStyle


def text(value: str) -> str:
    """Case text made safe for Paragraph markup, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def build_styles(base_size: float = 9.5) -> PackStyles:
    """Serif for reading text, sans for headings and table heads, mono for hashes."""
    body = ParagraphStyle(
        "body",
        fontName=fonts.SERIF,
        fontSize=base_size,
        leading=base_size * 1.3,
        textColor=INK,
        spaceAfter=base_size * 0.5,
    )
    cell_size = base_size - 1
    cell = ParagraphStyle(
        "cell", parent=body, fontSize=cell_size, leading=cell_size * 1.25, spaceAfter=0
    )
    return PackStyles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=cell_size, leading=cell_size * 1.25),
        muted=ParagraphStyle("muted", parent=cell, textColor=MUTED),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=fonts.SERIF_BOLD),
        cell_head=ParagraphStyle(
            "cell_head", parent=cell, fontName=fonts.SANS_BOLD, fontSize=cell_size - 0.5
        ),
        cell_mono=ParagraphStyle(
            "cell_mono", parent=cell, fontName=fonts.MONO, fontSize=cell_size - 1.5
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=base_size * 1.7,
            leading=base_size * 2.1,
            spaceBefore=0,
            spaceAfter=base_size * 1.2,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=base_size * 1.1,
            leading=base_size * 1.4,
            spaceBefore=base_size,
            spaceAfter=base_size * 0.3,
            keepWithNext=1,
        ),
        cover_kind=ParagraphStyle(
            "cover_kind",
            parent=body,
            fontName=fonts.SANS,
            fontSize=base_size * 1.3,
            leading=base_size * 1.8,
            textColor=MUTED,
        ),
        cover_title=ParagraphStyle(
            "cover_title",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=base_size * 2.6,
            leading=base_size * 3.1,
            spaceAfter=base_size * 2.5,
            alignment=TA_LEFT,
        ),
        cover_field=ParagraphStyle("cover_field", parent=body, spaceAfter=0),
        cover_marking=ParagraphStyle(
            "cover_marking",
            parent=body,
            fontName=fonts.SANS_BOLD,
            fontSize=base_size * 1.2,
            leading=base_size * 1.6,
            textColor=MARKING,
            alignment=TA_CENTER,
            borderColor=MARKING,
            borderWidth=1,
            borderPadding=base_size * 0.6,
            spaceBefore=base_size * 3,
            spaceAfter=base_size * 2,
        ),
        cover_notice=ParagraphStyle(
            "cover_notice",
            parent=body,
            fontName=fonts.SERIF_ITALIC,
            alignment=TA_CENTER,
            backColor=colors.Color(1, 0.96, 0.85),
            borderPadding=base_size * 0.6,
            spaceBefore=base_size,
        ),
        source=ParagraphStyle(
            "source", parent=body, leftIndent=base_size * 3, firstLineIndent=-base_size * 3
        ),
    )

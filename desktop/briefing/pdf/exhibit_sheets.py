"""The pages of the exhibit section drawn by reportlab: dividers and stamped frames.

For each exhibit: a divider page that says what follows (label, description, date,
source, file, SHA-256, bundle pages and Bates numbers), then one frame per page of the
exhibit, blank but for the stamps in the bands `bundle.content_box` leaves free.
`exhibits.append_exhibits` then places each exhibit page inside its frame.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.briefing.labels import label
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.bundle import (
    BATES_BASELINE,
    BATES_INSET,
    TOP_BAND,
    Placement,
    bates_range,
    draw_bundle_number,
    page_range,
    sheet_size,
)
from desktop.briefing.pdf.exhibit_index import size_text, soft_wrap
from desktop.briefing.pdf.styles import MARKING, MUTED, RULE, build_styles

if TYPE_CHECKING:
    from desktop.briefing.exhibits import ExhibitPlan, PlannedExhibit

STAMP_SIZE = 7.5
DIVIDER_MARGIN = 25 * mm
# Small enough that the 64 hex digits fit the divider's column on A4 and letter alike.
HASH = ParagraphStyle("divider_hash", fontName=fonts.MONO, fontSize=7.5, leading=10)
VALUE_SHARE = 0.7  # of the divider's width, for the values beside the field names
NOTES = {"exhibit.listed_only": "exhibit.not_printed", "exhibit.unreadable": "exhibit.not_readable"}


def draw_sheets(plan: ExhibitPlan, main_pages: int, total: int, lang: str, marking: str) -> bytes:
    """Every page of the exhibit section, in order: divider, frames, next divider..."""
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=fonts.SANS, initialFontSize=STAMP_SIZE)
    for item in plan.items:
        first = item.first_page(main_pages)
        sheet = sheet_size(plan.paper, landscape=False)
        canvas.setPageSize(sheet)
        _divider(canvas, item, plan, first, lang)
        _stamps(canvas, sheet, plan.prefix, first, total, lang, marking, "")
        canvas.showPage()
        for number, size in enumerate(item.page_sizes, start=1):
            placement = Placement.fit(size, plan.paper)
            canvas.setPageSize(placement.sheet)
            _frame(canvas, placement)
            own = label(
                lang, "exhibit.sheet_page", label=item.exhibit.label, page=number,
                total=item.page_count,
            )  # fmt: skip
            _stamps(canvas, placement.sheet, plan.prefix, first + number, total, lang, marking, own)
            canvas.showPage()
    canvas.save()
    return out.getvalue()


def _stamps(
    canvas: Canvas,
    sheet: tuple[float, float],
    prefix: str,
    page: int,
    total: int,
    lang: str,
    marking: str,
    own_page: str,
) -> None:
    """The bundle number, "page X of Y" and the exhibit's own page at the foot; the
    marking at the top right; all inside the bands no exhibit content reaches."""
    width, height = sheet
    draw_bundle_number(canvas, prefix, page, width)
    canvas.setFont(fonts.SANS, STAMP_SIZE)
    canvas.setFillGray(0)
    canvas.drawCentredString(
        width / 2, BATES_BASELINE, label(lang, "page_of", page=page, total=total)
    )
    if own_page:
        room = width / 2 - BATES_INSET - 40
        canvas.drawString(
            BATES_INSET, BATES_BASELINE, fonts.fit_line(own_page, fonts.SANS, STAMP_SIZE, room)
        )
    if marking:
        fitted = fonts.fit_line(marking, fonts.SANS_BOLD, STAMP_SIZE, width - 2 * BATES_INSET)
        canvas.setFont(fonts.SANS_BOLD, STAMP_SIZE)
        canvas.setFillColor(MARKING)
        canvas.drawRightString(width - BATES_INSET, height - TOP_BAND + 10, fitted)


def _frame(canvas: Canvas, placement: Placement) -> None:
    """A hairline just outside where the exhibit page will sit, so its edge shows."""
    gap = 1.5
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    canvas.rect(
        placement.left - gap,
        placement.bottom - gap,
        placement.width + 2 * gap,
        placement.height + 2 * gap,
        stroke=1,
        fill=0,
    )


def _divider(
    canvas: Canvas, item: PlannedExhibit, plan: ExhibitPlan, first: int, lang: str
) -> None:
    """The tab page before an exhibit: what it is, where it came from, where it ends."""
    width, height = canvas._pagesize
    styles = build_styles(11)
    exhibit = item.exhibit
    inner = width - 2 * DIVIDER_MARGIN
    y = height - DIVIDER_MARGIN - 20 * mm
    canvas.setFillColor(MUTED)
    canvas.setFont(fonts.SANS_BOLD, 14)
    canvas.drawString(DIVIDER_MARGIN, y, label(lang, "exhibit.label").upper())
    y -= 40
    canvas.setFillGray(0)
    canvas.setFont(fonts.SANS_BOLD, 34)
    canvas.drawString(DIVIDER_MARGIN, y, fonts.fit_line(exhibit.label, fonts.SANS_BOLD, 34, inner))
    y -= 14
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(1)
    canvas.line(DIVIDER_MARGIN, y, width - DIVIDER_MARGIN, y)
    y -= 10
    if exhibit.title:
        style = styles.subheading
        title = Paragraph(soft_wrap(exhibit.title, style.fontName, style.fontSize, inner), style)
        _, title_h = title.wrapOn(canvas, inner, height)
        title.drawOn(canvas, DIVIDER_MARGIN, y - title_h)
        y -= title_h + 14
    table = Table(
        _fields(item, plan, first, lang, styles, inner),
        colWidths=[(1 - VALUE_SHARE) * inner, VALUE_SHARE * inner],
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
            ]
        )
    )
    if item.note_key:  # the "not reproduced" note spans the table's width
        table.setStyle(TableStyle([("SPAN", (0, -1), (-1, -1))]))
    _, table_h = table.wrapOn(canvas, inner, height)
    table.drawOn(canvas, DIVIDER_MARGIN, y - table_h)


def _fields(
    item: PlannedExhibit, plan: ExhibitPlan, first: int, lang: str, styles: Any, inner: float
) -> list[list[Any]]:
    exhibit = item.exhibit
    own_first = first + 1
    rows: list[tuple[str, str, Any]] = [
        ("exhibit.date", exhibit.date_text, styles.cell),
        ("exhibit.source", exhibit.source_text, styles.cell),
        # The file name once: not again when it already is the title.
        (
            "exhibit.file",
            "" if exhibit.file_name == exhibit.title else exhibit.file_name,
            styles.cell,
        ),
        ("exhibit.type", exhibit.media_type, styles.cell),
        ("exhibit.size", size_text(exhibit.size, lang), styles.cell),
        ("SHA-256", exhibit.sha256, HASH),
    ]
    if item.page_count:
        rows += [
            ("exhibit.bundle_pages", page_range(own_first, item.page_count), styles.cell),
            ("exhibit.bates", bates_range(plan.prefix, own_first, item.page_count), styles.cell),
            ("exhibit.page_count", str(item.page_count), styles.cell),
        ]
    value_width = VALUE_SHARE * inner - 8  # less the cell padding
    table: list[list[Any]] = [
        [
            Paragraph(_markup(key if key == "SHA-256" else label(lang, key)), styles.cell_bold),
            Paragraph(soft_wrap(value, style.fontName, style.fontSize, value_width), style),
        ]
        for key, value, style in rows
        if value
    ]
    if item.note_key:
        note = label(lang, NOTES.get(item.note_key, item.note_key))
        table.append([Paragraph(f"<i>{_markup(note)}</i>", styles.cell), ""])
    return table


def _markup(value: str) -> str:
    return escape(value).replace("\n", "<br/>")

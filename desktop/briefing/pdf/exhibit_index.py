"""The exhibit index: one row per exhibit, where to find it, and the hash that proves it.

Columns: label, description (title, source, file, type, size), date, pages (bundle
pages and Bates numbers, drawn once the main document's length is known); a full-width
row under each with the SHA-256. Long file names and media types wrap only after a
separator (`/ . - _ +`), never inside a word; a note under the table explains the page
numbering and, when exhibit numbers are missing, why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.briefing.labels import label
from desktop.briefing.model import Briefing
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.bundle import bates_number, bates_range, page_range
from desktop.briefing.pdf.canvas import DeferredCanvas
from desktop.briefing.pdf.flowables import DeferredText
from desktop.briefing.pdf.styles import HEADER_FILL, PackStyles
from desktop.core.exhibitlabels import label_number

if TYPE_CHECKING:
    from desktop.briefing.exhibits import ExhibitPlan

# Fractions of the frame width: label, description, date, pages.
EXHIBIT_COLUMNS: Final = (0.14, 0.44, 0.16, 0.26)
CELL_PADDING: Final = 4.0  # LEFTPADDING / RIGHTPADDING of the pack's grid cells
_BREAK_AFTER: Final = re.compile(r"(?<=[/.\-_+ ])")

Grid = Callable[[list[list[Any]], list[float]], Table]


def exhibit_index(
    briefing: Briefing,
    styles: PackStyles,
    plan: ExhibitPlan,
    widths: list[float],
    grid: Grid,
) -> list[Flowable]:
    """The index table and its notes (the section heading is the renderer's)."""
    lang = briefing.lang
    if not plan.items:
        return [Paragraph(escape(label(lang, "exhibit.empty")), styles.body)]
    head = [
        Paragraph(escape(label(lang, key)), styles.cell_head)
        for key in ("exhibit.label", "exhibit.description", "exhibit.date", "exhibit.pages")
    ]
    data: list[list[Any]] = [head]
    spans: list[tuple[Any, ...]] = []
    inner = [w - 2 * CELL_PADDING for w in widths]
    for item in plan.items:
        exhibit = item.exhibit
        data.append(
            [
                Paragraph(escape(exhibit.label), styles.cell_bold),
                Paragraph(_description(item, lang, styles, inner[1]), styles.cell),
                Paragraph(escape(exhibit.date_text or "—"), styles.cell),
                _pages(item.offset, item.bundle_count, plan.prefix, inner[3], styles),
            ]
        )
        data.append([Paragraph(f"SHA-256: {exhibit.sha256}", styles.cell_mono), "", "", ""])
        row = len(data) - 1
        spans.append(("SPAN", (0, row), (-1, row)))
        spans.append(("LINEABOVE", (0, row), (-1, row), 0, HEADER_FILL))
    table = grid(data, widths)
    table.setStyle(TableStyle(spans))
    notes = [label(lang, "exhibit.numbering_note", example=bates_number(plan.prefix, 1))]
    if _has_gaps([item.exhibit.label for item in plan.items]):
        notes.append(label(lang, "exhibit.gaps_note"))
    story: list[Flowable] = [table, Spacer(1, 6)]
    story.extend(Paragraph(escape(note), styles.muted) for note in notes)
    return story


def _description(item: Any, lang: str, styles: PackStyles, width: float) -> str:
    """Title in bold; then source, file (once: not when it is the title), type and size."""
    exhibit = item.exhibit
    size = styles.cell.fontSize
    title = soft_wrap(exhibit.title, fonts.SERIF_BOLD, size, width)
    lines = [f"<b>{title}</b>"] if exhibit.title else []
    if exhibit.source_text:
        source = f"{label(lang, 'exhibit.source')}: {exhibit.source_text}"
        lines.append(soft_wrap(source, fonts.SERIF, size, width))
    meta = [exhibit.media_type, size_text(exhibit.size, lang)]
    if exhibit.file_name and exhibit.file_name != exhibit.title:
        meta.insert(0, exhibit.file_name)
    lines.append(soft_wrap(" · ".join(m for m in meta if m), fonts.SERIF, size, width))
    if item.note_key:
        lines.append(f"<i>{escape(label(lang, item.note_key))}</i>")
    return "<br/>".join(lines)


def size_text(size: int, lang: str) -> str:
    """ "23,582 bytes", "23 582 байт": thousands grouped as each language writes them."""
    grouped = f"{size:,}".replace(",", "\xa0" if lang == "ru" else ",")  # never split
    return label(lang, "bytes", size=grouped)


def soft_wrap(value: str, font: str, size: float, width: float) -> str:
    """`value` as Paragraph markup broken into lines that fit `width`, each break after a
    space or a separator (`/ . - _ +`), so "application/pdf" never splits as "applicat-
    ion"; a single piece wider than a line is the only thing cut elsewhere."""
    lines: list[str] = []
    current = ""
    for piece in _BREAK_AFTER.split(value):
        if not piece:
            continue
        if current and stringWidth(current + piece, font, size) > width:
            lines.append(current.rstrip())
            current = ""
        while stringWidth(piece, font, size) > width:  # one unbreakable run wider than a line
            cut = _longest_fit(piece, font, size, width)
            lines.append(piece[:cut])
            piece = piece[cut:]
        current += piece
    if current.strip():
        lines.append(current.rstrip())
    return "<br/>".join(escape(line) for line in lines)


def _longest_fit(value: str, font: str, size: float, width: float) -> int:
    cut = 1
    while cut < len(value) and stringWidth(value[: cut + 1], font, size) <= width:
        cut += 1
    return cut


def _pages(offset: int, count: int, prefix: str, width: float, styles: PackStyles) -> list[Any]:
    """Bundle pages ("57–60") and Bates numbers, on two lines when one does not fit."""
    size = styles.cell.fontSize
    mono = size - 1.5

    def first_of(c: DeferredCanvas) -> int:
        return c.main_page_count + offset + 1

    cells: list[Any] = [
        DeferredText(lambda c: page_range(first_of(c), count), fonts.SERIF, size, width)
    ]
    sample = bates_range(prefix, 100000, count)
    if stringWidth(sample, fonts.MONO, mono) <= width:
        cells.append(
            DeferredText(lambda c: bates_range(prefix, first_of(c), count), fonts.MONO, mono, width)
        )
    else:
        cells.append(
            DeferredText(
                lambda c: bates_number(prefix, first_of(c)) + (" –" if count > 1 else ""),
                fonts.MONO,
                mono,
                width,
            )
        )
        if count > 1:
            cells.append(
                DeferredText(
                    lambda c: bates_number(prefix, first_of(c) + count - 1), fonts.MONO, mono, width
                )
            )
    return cells


def _has_gaps(labels: list[str]) -> bool:
    """Whether the automatic exhibit numbers in this pack skip some (EXH-1, EXH-3)."""
    numbers = sorted(n for n in (label_number(v) for v in labels) if n)
    return bool(numbers) and numbers != list(range(1, len(numbers) + 1))

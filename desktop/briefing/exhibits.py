"""Exhibits appended after the main document, each page stamped with a sequential number.

The plan comes first: how many pages each exhibit will take (PDFs page by page, images one
per page, other files listed only), so the exhibit index can print page ranges and Bates
numbers before the main document exists. Then `append_exhibits` merges the pages with
pypdf and stamps every exhibit page with `{prefix}-{n:06d}` and "page X of Y" (and the
pack's confidentiality marking at the top). In a redacted pack each exhibit is cleaned
first (`sanitise`): only what its pages show goes in.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Final

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import RectangleObject
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.labels import label
from desktop.briefing.model import Exhibit
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.geometry import paper_size
from desktop.briefing.sanitise import clean_jpeg, clean_pdf

log = logging.getLogger(__name__)

IMAGE_TYPES: Final = frozenset({"image/png", "image/jpeg"})
PDF_TYPE: Final = "application/pdf"

# Stamp geometry, in points from the bottom-right / bottom-left corner of the visible page.
STAMP_MARGIN: Final = 14.0
STAMP_SIZE: Final = 9.0
STAMP_PAD: Final = 2.5
# Image exhibit page: margins and caption size.
IMAGE_MARGIN: Final = 40.0
CAPTION_SIZE: Final = 10.0


def bates_number(prefix: str, number: int) -> str:
    """The stamp of exhibit page `number` (1-based), e.g. MAG-000123."""
    return f"{prefix}-{number:06d}"


@dataclass(frozen=True)
class PlannedExhibit:
    """One exhibit and where it will sit: `pdf` holds its pages, ready to merge."""

    exhibit: Exhibit
    page_count: int
    first_number: int  # Bates number of its first page; 0 when it has no pages
    note_key: str = ""  # label key for "listed only" notes
    pdf: bytes | None = field(default=None, repr=False)

    def numbers_text(self, prefix: str) -> str:
        if not self.page_count:
            return ""
        first = bates_number(prefix, self.first_number)
        if self.page_count == 1:
            return first
        return f"{first} – {bates_number(prefix, self.first_number + self.page_count - 1)}"


@dataclass(frozen=True)
class ExhibitPlan:
    """The exhibits in order, with the number of pages they add after the main document."""

    prefix: str
    items: tuple[PlannedExhibit, ...] = ()

    @property
    def page_count(self) -> int:
        return sum(item.page_count for item in self.items)

    def page_offset(self, index: int) -> int:
        """Pages of the exhibits before item `index`: its first page follows main + this."""
        return sum(item.page_count for item in self.items[:index])


def plan_exhibits(
    exhibits: tuple[Exhibit, ...], prefix: str, paper: str, lang: str, clean: bool = False
) -> ExhibitPlan:
    """Decide how each exhibit is printed and number its pages; `clean` for redacted packs."""
    items: list[PlannedExhibit] = []
    next_number = 1
    for exhibit in exhibits:
        pdf, note_key = exhibit_pages(exhibit, paper, lang, clean)
        count = _page_count(pdf) if pdf is not None else 0
        if pdf is not None and count == 0:
            pdf, note_key = None, "exhibit.unreadable"
        items.append(
            PlannedExhibit(
                exhibit=exhibit,
                page_count=count,
                first_number=next_number if count else 0,
                note_key=note_key,
                pdf=pdf,
            )
        )
        next_number += count
    return ExhibitPlan(prefix=prefix, items=tuple(items))


def exhibit_pages(
    exhibit: Exhibit, paper: str, lang: str, clean: bool = False
) -> tuple[bytes | None, str]:
    """The PDF pages an exhibit adds (None when it is only listed) and the note saying why."""
    if exhibit.media_type == PDF_TYPE:
        if not _page_count(exhibit.data):
            return None, "exhibit.unreadable"
        if not clean:
            return exhibit.data, ""
        try:
            return clean_pdf(exhibit.data), ""
        except (PyPdfError, ValueError, KeyError, TypeError, OSError):
            log.info("exhibit PDF could not be cleaned; listing it only")
            return None, "exhibit.unreadable"
    if exhibit.media_type in IMAGE_TYPES:
        data = clean_jpeg(exhibit.data) if clean else exhibit.data
        try:
            return image_page(exhibit, paper, lang, data), ""
        except (OSError, ValueError, SyntaxError):
            # Pillow reports broken image data with these; the file is still listed.
            log.info("exhibit image could not be decoded; listing it only")
            return None, "exhibit.unreadable"
    return None, "exhibit.listed_only"


def _page_count(pdf: bytes) -> int:
    """Pages of a PDF, or 0 when pypdf cannot read it (broken, or needs a password)."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted and not reader.decrypt(""):
            return 0
        return len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        log.info("exhibit PDF could not be read; listing it only")
        return 0


def image_page(exhibit: Exhibit, paper: str, lang: str, data: bytes | None = None) -> bytes:
    """A one-page PDF holding the image (`data`, else the exhibit's own bytes), scaled to
    fit under a caption with its label."""
    fonts.register_fonts()
    width, height = paper_size(paper)
    image = ImageReader(io.BytesIO(exhibit.data if data is None else data))
    image_w, image_h = image.getSize()
    if image_w <= 0 or image_h <= 0:
        raise ValueError("empty image")
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(width, height),
        invariant=1,
        initialFontName=fonts.SANS,
        initialFontSize=CAPTION_SIZE,
    )
    canvas.setTitle(exhibit.label)
    caption = f"{label(lang, 'exhibit.label')} {exhibit_heading(exhibit)}"
    canvas.setFont(fonts.SANS_BOLD, CAPTION_SIZE)
    canvas.drawString(
        IMAGE_MARGIN,
        height - IMAGE_MARGIN,
        fonts.fit_line(caption, fonts.SANS_BOLD, CAPTION_SIZE, width - 2 * IMAGE_MARGIN),
    )
    box_w = width - 2 * IMAGE_MARGIN
    box_h = height - 2 * IMAGE_MARGIN - 2.5 * CAPTION_SIZE
    scale = min(box_w / image_w, box_h / image_h)
    draw_w, draw_h = image_w * scale, image_h * scale
    left = (width - draw_w) / 2
    bottom = IMAGE_MARGIN + (box_h - draw_h) / 2
    canvas.drawImage(image, left, bottom, draw_w, draw_h, mask="auto")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def exhibit_heading(exhibit: Exhibit) -> str:
    """ "EXH-2: Statement of a witness", or the label alone when there is no title."""
    return f"{exhibit.label}: {exhibit.title}" if exhibit.title else exhibit.label


def stamp_sheet(
    boxes: list[RectangleObject],
    prefix: str,
    first_page: int,
    total: int,
    lang: str,
    marking: str = "",
) -> bytes:
    """One overlay page per exhibit page: the Bates number and "page X of Y" at the foot,
    the confidentiality marking (if any) at the top."""
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=fonts.SANS, initialFontSize=STAMP_SIZE)
    for index, box in enumerate(boxes):
        width, height = float(box.width), float(box.height)
        canvas.setPageSize((width, height))
        number = bates_number(prefix, index + 1)
        page_text = label(lang, "page_of", page=first_page + index, total=total)
        _boxed_text(canvas, number, fonts.MONO_BOLD, STAMP_SIZE, width - STAMP_MARGIN, right=True)
        _boxed_text(canvas, page_text, fonts.SANS, STAMP_SIZE - 1.5, STAMP_MARGIN, right=False)
        if marking:
            fitted = fonts.fit_line(marking, fonts.SANS_BOLD, STAMP_SIZE - 1.5, width / 2)
            top = height - STAMP_MARGIN - STAMP_SIZE
            _boxed_text(
                canvas, fitted, fonts.SANS_BOLD, STAMP_SIZE - 1.5, width - STAMP_MARGIN, True, top
            )
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _boxed_text(
    canvas: Canvas,
    text: str,
    font: str,
    size: float,
    x: float,
    right: bool,
    y: float = STAMP_MARGIN,
) -> None:
    text_w = stringWidth(text, font, size)
    left = x - text_w if right else x
    canvas.setFillGray(1)
    canvas.setStrokeGray(0)
    canvas.setLineWidth(0.6)
    canvas.rect(
        left - STAMP_PAD,
        y - STAMP_PAD - size * 0.25,
        text_w + 2 * STAMP_PAD,
        size + 2 * STAMP_PAD,
        stroke=1,
        fill=1,
    )
    canvas.setFillGray(0)
    canvas.setFont(font, size)
    canvas.drawString(left, y, text)


def append_exhibits(
    main_pdf: bytes, plan: ExhibitPlan, lang: str, outline_title: str, marking: str = ""
) -> bytes:
    """The main document followed by every exhibit page, stamped; same inputs, same bytes."""
    reader = PdfReader(io.BytesIO(main_pdf))
    writer = PdfWriter(clone_from=reader)
    main_count = len(writer.pages)
    parent = None
    for item in plan.items:
        if item.pdf is None or not item.page_count:
            continue
        first_index = len(writer.pages)
        source = PdfReader(io.BytesIO(item.pdf))
        if source.is_encrypted:
            source.decrypt("")
        for page in source.pages:
            writer.add_page(page)
        if parent is None:
            parent = writer.add_outline_item(title=outline_title, page_number=first_index)
        exhibit = item.exhibit
        writer.add_outline_item(
            title=exhibit_heading(exhibit), page_number=first_index, parent=parent
        )
    exhibit_pages = writer.pages[main_count:]
    for page in exhibit_pages:
        page.transfer_rotation_to_content()
    boxes = [page.cropbox for page in exhibit_pages]
    total = main_count + len(boxes)
    if boxes:
        sheet = stamp_sheet(boxes, plan.prefix, main_count + 1, total, lang, marking)
        stamps = PdfReader(io.BytesIO(sheet))
        for page, stamp, box in zip(exhibit_pages, stamps.pages, boxes, strict=True):
            page.merge_translated_page(stamp, float(box.left), float(box.bottom), over=True)
    # Only the main document's own metadata (built from the Briefing) goes into the pack.
    if reader.metadata is not None:
        writer.metadata = dict(reader.metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

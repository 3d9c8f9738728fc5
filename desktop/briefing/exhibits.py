"""Exhibits appended after the main document as a court bundle: divider, pages, stamps.

The plan comes first: how many pages each exhibit will take (PDFs page by page, images
one page, other files none), so the exhibit index can print page ranges before the main
document exists. Every exhibit then gets a divider page (label, description, date,
source, SHA-256, pages) followed by its own pages, each brought to the pack's paper size
(turned to landscape for a landscape page) and scaled down into a frame that leaves bands
at the top and foot free for the stamps: the pack-wide page number (the bundle page,
printed as a Bates number), "page X of Y", the exhibit's own page and the marking. The
stamps are drawn only in those bands, so they never cover the exhibit's content.

In a redacted pack each exhibit is cleaned first (`sanitise`): only what its pages show
goes in. The frames and dividers are drawn by `pdf.exhibit_sheets`.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Final

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.model import Exhibit
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.bundle import (
    Placement,
    Size,
    bates_number,
    bates_range,
    content_box,
    page_range,
    sheet_size,
)
from desktop.briefing.pdf.exhibit_sheets import draw_sheets
from desktop.briefing.sanitise import clean_jpeg, clean_pdf

log = logging.getLogger(__name__)

__all__ = ["bates_number", "bates_range", "page_range"]  # for the index and tests

IMAGE_TYPES: Final = frozenset({"image/png", "image/jpeg"})
PDF_TYPE: Final = "application/pdf"


@dataclass(frozen=True)
class PlannedExhibit:
    """One exhibit and where it will sit: `pdf` holds its own pages, ready to place."""

    exhibit: Exhibit
    offset: int  # exhibit-section pages before its divider
    page_sizes: tuple[Size, ...] = ()  # visible size of each of its own pages
    note_key: str = ""  # label key for "not reproduced" notes
    pdf: bytes | None = field(default=None, repr=False)

    @property
    def page_count(self) -> int:
        """Its own pages (0 when it is only listed)."""
        return len(self.page_sizes)

    @property
    def bundle_count(self) -> int:
        """Pages it adds to the bundle: its divider and its own pages."""
        return 1 + self.page_count

    def first_page(self, main_pages: int) -> int:
        """The bundle page of its divider."""
        return main_pages + self.offset + 1


@dataclass(frozen=True)
class ExhibitPlan:
    """The exhibits in order, with the pages they add after the main document."""

    prefix: str  # of the bundle (Bates) numbers
    paper: str = "a4"
    items: tuple[PlannedExhibit, ...] = ()

    @property
    def page_count(self) -> int:
        return sum(item.bundle_count for item in self.items)

    def page_offset(self, index: int) -> int:
        """Pages of the exhibits before item `index`: its divider follows main + this."""
        return self.items[index].offset


def plan_exhibits(
    exhibits: tuple[Exhibit, ...], prefix: str, paper: str, lang: str, clean: bool = False
) -> ExhibitPlan:
    """Decide how each exhibit is printed and where; `clean` for redacted packs."""
    items: list[PlannedExhibit] = []
    offset = 0
    for exhibit in exhibits:
        pdf, note_key = exhibit_pages(exhibit, paper, lang, clean)
        sizes = _page_sizes(pdf) if pdf is not None else ()
        if pdf is not None and not sizes:
            pdf, note_key = None, "exhibit.unreadable"
        item = PlannedExhibit(exhibit, offset, sizes, note_key, pdf)
        items.append(item)
        offset += item.bundle_count
    return ExhibitPlan(prefix=prefix, paper=paper, items=tuple(items))


def exhibit_pages(
    exhibit: Exhibit, paper: str, lang: str, clean: bool = False
) -> tuple[bytes | None, str]:
    """The PDF pages an exhibit adds (None when it is only listed) and the note saying why."""
    if exhibit.media_type == PDF_TYPE:
        if not _page_sizes(exhibit.data):
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


def _visible_size(page: PageObject) -> Size:
    box = page.cropbox
    width, height = abs(float(box.width)), abs(float(box.height))
    return (height, width) if page.rotation % 180 else (width, height)


def _page_sizes(pdf: bytes) -> tuple[Size, ...]:
    """The visible size of each page, or () when pypdf cannot read the PDF (broken, or
    it needs a password)."""
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if reader.is_encrypted and not reader.decrypt(""):
            return ()
        sizes = tuple(_visible_size(page) for page in reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        log.info("exhibit PDF could not be read; listing it only")
        return ()
    if any(w <= 0 or h <= 0 for w, h in sizes):
        return ()
    return sizes


def image_page(exhibit: Exhibit, paper: str, lang: str, data: bytes | None = None) -> bytes:
    """A one-page PDF holding the image (`data`, else the exhibit's own bytes) at the size
    of the frame it will fill, so it is placed unscaled; its divider says what it is."""
    fonts.register_fonts()
    image = ImageReader(io.BytesIO(exhibit.data if data is None else data))
    image_w, image_h = image.getSize()
    if image_w <= 0 or image_h <= 0:
        raise ValueError("empty image")
    left, bottom, right, top = content_box(sheet_size(paper, landscape=image_w > image_h))
    box_w, box_h = right - left, top - bottom
    scale = min(box_w / image_w, box_h / image_h)
    draw_w, draw_h = image_w * scale, image_h * scale
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(draw_w, draw_h), invariant=1, initialFontName=fonts.SANS)
    canvas.setTitle(exhibit.label)
    canvas.drawImage(image, 0, 0, draw_w, draw_h, mask="auto")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def exhibit_heading(exhibit: Exhibit) -> str:
    """ "EXH-2: Statement of a witness", or the label alone when there is no title."""
    return f"{exhibit.label}: {exhibit.title}" if exhibit.title else exhibit.label


def append_exhibits(
    main_pdf: bytes, plan: ExhibitPlan, lang: str, outline_title: str, marking: str = ""
) -> bytes:
    """The main document followed by every exhibit's divider and pages; same inputs,
    same bytes."""
    reader = PdfReader(io.BytesIO(main_pdf))
    writer = PdfWriter(clone_from=reader)
    main_count = len(writer.pages)
    total = main_count + plan.page_count
    sheets = PdfReader(io.BytesIO(draw_sheets(plan, main_count, total, lang, marking)))
    parent = None
    for item in plan.items:
        divider_index = len(writer.pages)
        writer.add_page(sheets.pages[item.offset])
        if parent is None:
            parent = writer.add_outline_item(title=outline_title, page_number=divider_index)
        writer.add_outline_item(
            title=exhibit_heading(item.exhibit), page_number=divider_index, parent=parent
        )
        if item.pdf is None:
            continue
        source = PdfReader(io.BytesIO(item.pdf))
        if source.is_encrypted:
            source.decrypt("")
        for number, (page, size) in enumerate(zip(source.pages, item.page_sizes, strict=True)):
            sheet = writer.add_page(sheets.pages[item.offset + 1 + number])
            _place(sheet, page, Placement.fit(size, plan.paper))
    # Only the main document's own metadata (built from the Briefing) goes into the pack.
    if reader.metadata is not None:
        writer.metadata = dict(reader.metadata)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _place(sheet: PageObject, page: PageObject, placement: Placement) -> None:
    """Put `page` on `sheet` at `placement`, turned as its /Rotate says; pypdf clips it to
    its crop box, so nothing the page keeps outside its visible area can reach the bands."""
    box = page.cropbox
    turn = (
        Transformation()
        .translate(-float(box.left), -float(box.bottom))
        .rotate(-(page.rotation % 360))  # /Rotate turns clockwise
    )
    corners = [
        turn.apply_on((x, y))
        for x in (float(box.left), float(box.right))
        for y in (float(box.bottom), float(box.top))
    ]
    move = (
        turn.translate(-min(x for x, _ in corners), -min(y for _, y in corners))
        .scale(placement.scale)
        .translate(placement.left, placement.bottom)
    )
    sheet.merge_transformed_page(page, move, over=False)

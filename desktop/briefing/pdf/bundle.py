"""Geometry of a court bundle's pages: bundle (Bates) numbers and where an exhibit page goes.

Shared by the main document's canvas (every page carries its bundle number) and by the
exhibit pages, which are scaled into a frame that leaves bands free for the stamps.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.geometry import paper_size

# Bands kept free of exhibit content on every exhibit page, in points. The foot band holds
# the bundle number, "page X of Y" and the exhibit's own page; the top band the marking.
FOOT_BAND: Final = 30.0
TOP_BAND: Final = 30.0
SIDE_BAND: Final = 18.0

Size = tuple[float, float]
# Bundle numbers sit at the foot of every page, right-aligned, at this height and inset.
BATES_BASELINE: Final = 16.0
BATES_SIZE: Final = 8.5
BATES_INSET: Final = 18 * mm  # the main document's right margin


def bates_number(prefix: str, number: int) -> str:
    """The bundle number of pack page `number` (1-based), e.g. DOS-000123."""
    return f"{prefix}{number:06d}"


def bates_range(prefix: str, first: int, count: int) -> str:
    """ "DOS-000057 – DOS-000060", or one number for one page."""
    if count <= 1:
        return bates_number(prefix, first)
    return f"{bates_number(prefix, first)} – {bates_number(prefix, first + count - 1)}"


def page_range(first: int, count: int) -> str:
    return str(first) if count <= 1 else f"{first}–{first + count - 1}"


def sheet_size(paper: str, landscape: bool) -> Size:
    """The pack's paper, turned for a landscape exhibit page."""
    width, height = paper_size(paper)
    return (height, width) if landscape else (width, height)


def content_box(sheet: Size) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the part of a sheet an exhibit page may cover."""
    width, height = sheet
    return SIDE_BAND, FOOT_BAND, width - SIDE_BAND, height - TOP_BAND


@dataclass(frozen=True)
class Placement:
    """Where one exhibit page goes: the sheet it is put on, its scale and its offset."""

    sheet: Size
    scale: float
    left: float
    bottom: float
    width: float  # of the page once scaled
    height: float

    @staticmethod
    def fit(page: Size, paper: str) -> Placement:
        """Scaled down (never up) into the content box of the pack's paper, centred."""
        width, height = page
        sheet = sheet_size(paper, landscape=width > height)
        left, bottom, right, top = content_box(sheet)
        scale = min(1.0, (right - left) / width, (top - bottom) / height)
        w, h = width * scale, height * scale
        return Placement(
            sheet, scale, left + (right - left - w) / 2, bottom + (top - bottom - h) / 2, w, h
        )


def draw_bundle_number(canvas: Canvas, prefix: str, number: int, width: float) -> None:
    """The page's bundle number at the foot, right-aligned: the same place on every page
    of the pack, main document and exhibits alike."""
    canvas.saveState()
    canvas.setFont(fonts.MONO_BOLD, BATES_SIZE)
    canvas.setFillGray(0)
    canvas.drawRightString(width - BATES_INSET, BATES_BASELINE, bates_number(prefix, number))
    canvas.restoreState()

"""A PDF held in memory, rasterised page by page with PDFium into QImages.

Nothing is written to disk: the pack's bytes go straight to PDFium, and each page comes
back as a QImage for the preview or for the printer. PDFium is not thread-safe, not even
across documents, so every call into it holds `PDFIUM_LOCK`: the preview on the GUI thread
and a print job rendering page images on a worker take turns, and the preview skips a
thumbnail tick rather than wait (`pdfium_busy`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import pypdfium2 as pdfium
from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageRanges, QPainter
from PySide6.QtPrintSupport import QPrinter

from desktop.errors import KnownError

POINTS_PER_INCH = 72.0
# A printer may report 1200 dpi or more: 12 pages then spooled 25.8 MB for a 0.14 MB PDF.
# 300 dpi prints text crisply at a sixteenth of the pixels.
MAX_PRINT_DPI = 300
PDFIUM_LOCK = threading.Lock()


def pdfium_busy() -> bool:
    """True while another thread is inside PDFium."""
    return PDFIUM_LOCK.locked()


class PdfPages:
    """The pages of one PDF document, rendered on demand."""

    def __init__(self, pdf: bytes) -> None:
        with PDFIUM_LOCK:
            self._document = pdfium.PdfDocument(pdf)
            self._count = len(self._document)

    def __len__(self) -> int:
        return self._count

    def page_size(self, index: int) -> QSizeF:
        """The page's width and height in points (1/72 inch)."""
        with PDFIUM_LOCK:
            width, height = self._document.get_page_size(index)
        return QSizeF(width, height)

    def render(self, index: int, scale: float) -> QImage:
        """Page `index` (from 0) at `scale` pixels per point, as an opaque RGB image."""
        with PDFIUM_LOCK:
            return self._render(index, scale)

    def _render(self, index: int, scale: float) -> QImage:
        page = self._document[index]
        try:
            # RGBx bytes in memory order match Format_RGBX8888 on any byte order.
            bitmap = page.render(scale=scale, prefer_bgrx=True, rev_byteorder=True)
            try:
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                ).copy()  # own the pixels: PDFium frees its buffer on close
            finally:
                bitmap.close()
        finally:
            page.close()
        return image

    def close(self) -> None:
        with PDFIUM_LOCK:
            self._document.close()


def chosen_pages(printer: QPrinter, count: int, current: int) -> list[int]:
    """The pages (from 0) the user chose in the print dialog, out of `count`."""
    mode = printer.printRange()
    if mode == QPrinter.PrintRange.CurrentPage:
        return [current] if 0 <= current < count else []
    if mode == QPrinter.PrintRange.PageRange:
        ranges: QPageRanges = printer.pageRanges()
        if not ranges.isEmpty():
            return [i for i in range(count) if ranges.contains(i + 1)]
    return list(range(count))


def print_pages(
    pages: PdfPages,
    printer: QPrinter,
    indexes: Sequence[int],
    before_page: Callable[[int], None] = lambda _n: None,
) -> int:
    """Paint `indexes` onto `printer`, each rendered at the printer's resolution (capped).

    Every page is scaled to fit the printer's page, keeping its proportions, and centred.
    `before_page(n)` runs before the n-th page (from 0): it reports progress and may raise
    to stop. Returns the number of pages sent.
    """
    if not indexes:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        raise KnownError("The printer could not be started.")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for n, index in enumerate(indexes):
            before_page(n)
            if n and not printer.newPage():
                raise KnownError("The printer stopped before the last page.")
            image = pages.render(index, dpi / POINTS_PER_INCH)
            painter.drawImage(_fitted(QSizeF(image.size()), QRectF(painter.window())), image)
    finally:
        painter.end()
    return len(indexes)


def _fitted(size: QSizeF, area: QRectF) -> QRectF:
    """The largest rectangle of `size`'s proportions centred in `area`."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = area.left() + (area.width() - scaled.width()) / 2
    top = area.top() + (area.height() - scaled.height()) / 2
    return QRectF(left, top, scaled.width(), scaled.height())

"""Turning attachment bytes into images in memory: pictures via QImage, PDF pages via pdfium.

Nothing is written to disk: the bytes come from the encrypted vault and stay in memory.
QImage (not QPixmap) is used so rendering can run off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage

from desktop.errors import KnownError

PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class RenderedPage:
    image: QImage
    page: int  # 0-based
    page_count: int


def is_pdf(data: bytes, media_type: str = "") -> bool:
    return media_type == "application/pdf" or data[:1024].lstrip().startswith(PDF_MAGIC)


def render_image(data: bytes) -> RenderedPage:
    image = QImage.fromData(data)
    if image.isNull():
        raise KnownError("This file cannot be shown here; use “Save a copy…” to open it.")
    return RenderedPage(image, 0, 1)


def render_pdf_page(data: bytes, page: int, width_px: int) -> RenderedPage:
    """Page `page` of the PDF in `data`, rendered `width_px` wide."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise KnownError("This PDF cannot be read (it may be damaged or protected).") from None
    try:
        count = len(document)
        if count == 0:
            raise KnownError("This PDF has no pages.")
        page = max(0, min(page, count - 1))
        pdf_page = document[page]
        try:
            scale = max(0.2, min(4.0, width_px / max(pdf_page.get_width(), 1.0)))
            bitmap = pdf_page.render(scale=scale, rev_byteorder=True, force_bitmap_format=None)
            try:
                fmt = (
                    QImage.Format.Format_RGBA8888
                    if bitmap.n_channels == 4
                    else (QImage.Format.Format_RGB888)
                )
                image = QImage(
                    bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, fmt
                ).copy()  # own the pixels before pdfium frees its buffer
            finally:
                bitmap.close()
        finally:
            pdf_page.close()
    finally:
        document.close()
    return RenderedPage(image, page, count)

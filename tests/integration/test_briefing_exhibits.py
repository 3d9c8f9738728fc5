"""Exhibits appended to a pack: merged, stamped in sequence, indexed with their hashes."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.exhibits import bates_number, plan_exhibits
from desktop.briefing.model import Briefing, ChronologyRow, Exhibit
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.renderer import render_briefing


def pdf_of(pages: int, rotate: int = 0) -> bytes:
    """A small PDF whose pages say "exhibit page N"."""
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=fonts.SANS)
    for n in range(1, pages + 1):
        canvas.setFont(fonts.SANS, 14)
        canvas.drawString(72, 700, f"exhibit page {n}")
        canvas.showPage()
    canvas.save()
    if not rotate:
        return out.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(out.getvalue())))
    for page in writer.pages:
        page.rotate(rotate)
    rotated = io.BytesIO()
    writer.write(rotated)
    return rotated.getvalue()


def image_of(kind: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (240, 160), (30, 60, 200)).save(out, kind)
    return out.getvalue()


EXHIBITS = (
    Exhibit("A-1", "Complaint to the Prosecutor General", "application/pdf", pdf_of(3)),
    Exhibit("A-2", "Фотография камеры", "image/png", image_of("PNG"), file_name="cell.png"),
    Exhibit("A-3", "Medical request (scan)", "image/jpeg", image_of("JPEG")),
    Exhibit("A-4", "Witness notes", "text/plain", "Записи свидетеля".encode()),
    Exhibit("A-5", "Broken scan", "application/pdf", b"%PDF-1.4 not really a pdf"),
    Exhibit("A-6", "Landscape order", "application/pdf", pdf_of(2, rotate=90)),
)
EXHIBIT_PAGES = 3 + 1 + 1 + 2


def pack(lang: str = "en") -> Briefing:
    return Briefing(
        title="The death of Sergei Magnitsky",
        generated_on=dt.date(2024, 5, 1),
        lang=lang,
        confidentiality="CONFIDENTIAL",
        exhibit_prefix="MAG",
        chronology=(ChronologyRow("16 November 2009", "Magnitsky dies in detention"),),
        exhibits=EXHIBITS,
    )


@pytest.fixture(scope="module")
def built() -> tuple[bytes, list[str]]:
    pdf = render_briefing(pack())
    reader = PdfReader(io.BytesIO(pdf))
    return pdf, [page.extract_text() for page in reader.pages]


def test_plan_counts_pages_and_numbers() -> None:
    plan = plan_exhibits(EXHIBITS, "MAG", "a4", "en")
    assert [i.page_count for i in plan.items] == [3, 1, 1, 0, 0, 2]
    assert [i.first_number for i in plan.items] == [1, 4, 5, 0, 0, 6]
    assert [i.note_key for i in plan.items][3:5] == ["exhibit.listed_only", "exhibit.unreadable"]
    assert plan.page_count == EXHIBIT_PAGES
    assert plan.items[0].numbers_text("MAG") == "MAG-000001 – MAG-000003"
    assert bates_number("MAG", 123) == "MAG-000123"


def test_exhibit_pages_appended_and_stamped_in_sequence(built: tuple[bytes, list[str]]) -> None:
    _, texts = built
    exhibit_texts = texts[-EXHIBIT_PAGES:]
    for n, text in enumerate(exhibit_texts, start=1):
        assert bates_number("MAG", n) in text
    stamps = re.findall(r"MAG-\d{6}", "\n".join(exhibit_texts))
    assert stamps == [bates_number("MAG", n) for n in range(1, EXHIBIT_PAGES + 1)]
    # the merged PDF pages keep their own text
    assert "exhibit page 1" in exhibit_texts[0] and "exhibit page 3" in exhibit_texts[2]
    assert "Фотография камеры" in exhibit_texts[3]
    assert "exhibit page 2" in exhibit_texts[-1]  # the rotated exhibit is kept and stamped


def test_every_page_counts_in_page_x_of_y(built: tuple[bytes, list[str]]) -> None:
    _, texts = built
    total = len(texts)
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {total}" in text
    assert f"page {total} of {total}" in texts[-1]


def test_index_pages_and_hashes_match_the_exhibits(built: tuple[bytes, list[str]]) -> None:
    _, texts = built
    index = next(t for t in texts if t.lstrip().startswith("Exhibit index"))
    flat = " ".join(index.split())
    for exhibit in EXHIBITS:
        assert f"SHA-256: {hashlib.sha256(exhibit.data).hexdigest()}" in flat
    assert "listed only" in flat and "file could not be read" in flat
    # where each stamped exhibit really starts, and what the pages column says (in order)
    main_pages = len(texts) - EXHIBIT_PAGES

    def start(stamp: str) -> int:
        return next(n for n, t in enumerate(texts, start=1) if n > main_pages and stamp in t)

    a1, a2, a3, a6 = (start(s) for s in ("MAG-000001", "MAG-000004", "MAG-000005", "MAG-000006"))
    assert a1 == main_pages + 1
    assert f"{a1}–{a1 + 2} {a2} {a3} {a6}–{a6 + 1}" in flat


def test_contents_and_outline_point_at_the_exhibits(built: tuple[bytes, list[str]]) -> None:
    pdf, texts = built
    reader = PdfReader(io.BytesIO(pdf))
    first_exhibit_page = len(texts) - EXHIBIT_PAGES + 1
    outline: list[Any] = list(reader.outline)
    exhibits_entry = next(i for i in outline if not isinstance(i, list) and i.title == "Exhibits")
    assert reader.get_destination_page_number(exhibits_entry) == first_exhibit_page - 1
    children = outline[outline.index(exhibits_entry) + 1]
    assert [c.title.split(":")[0] for c in children] == ["A-1", "A-2", "A-3", "A-6"]
    contents = reader.pages[1].extract_text(extraction_mode="layout")
    line = next(x for x in contents.splitlines() if "Exhibits" in x)
    assert line.rstrip().endswith(str(first_exhibit_page))


def test_same_pack_same_bytes(built: tuple[bytes, list[str]]) -> None:
    pdf, _ = built
    assert render_briefing(pack()) == pdf


def test_stamps_use_embedded_fonts_only(built: tuple[bytes, list[str]]) -> None:
    pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            assert "DejaVu" in str(font["/BaseFont"])
    assert b"/Helvetica" not in pdf


def test_russian_stamp_wording() -> None:
    texts = [p.extract_text() for p in PdfReader(io.BytesIO(render_briefing(pack("ru")))).pages]
    total = len(texts)
    assert f"стр. {total} из {total}" in texts[-1]
    assert "MAG-000007" in texts[-1]


def test_merged_pack_keeps_only_the_briefing_metadata(built: tuple[bytes, list[str]]) -> None:
    pdf, _ = built
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == "The death of Sergei Magnitsky"
    assert meta.producer == "Dossier"
    assert str(meta["/CreationDate"]).startswith("D:20240501")

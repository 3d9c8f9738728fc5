"""Exhibits appended to a pack as a court bundle: a divider per exhibit, every page brought
to the pack's paper and scaled into a frame, stamps only in the bands around it, bundle
(Bates) numbers on every page of the pack, and an index with hashes.

Every check reads the real PDF back: text and positions with pypdf, pixels with pypdfium2.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import re
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops
from pypdf import PageObject, PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.exhibits import bates_number, plan_exhibits
from desktop.briefing.model import Briefing, ChronologyRow, Exhibit
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.renderer import render_briefing

LONG_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LONG_NAME = "Ходатайство_о_проведении_судебно-медицинской_экспертизы_2009-11-16.docx"


def pdf_of(pages: int, rotate: int = 0, size: tuple[float, float] = A4) -> bytes:
    """A PDF whose pages say "exhibit page N", filled edge to edge with blue, with a
    marker word in each corner (so where the page's content ends can be read back)."""
    fonts.register_fonts()
    out = io.BytesIO()
    width, height = size
    canvas = Canvas(out, pagesize=size, invariant=1, initialFontName=fonts.SANS)
    for n in range(1, pages + 1):
        canvas.setFillColorRGB(0.1, 0.2, 0.8)
        canvas.rect(0, 0, width, height, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.setFont(fonts.SANS, 14)
        canvas.drawString(72, height - 140, f"exhibit page {n}")
        canvas.setFont(fonts.SANS, 9)
        canvas.drawString(2, 3, "CORNERBL")
        canvas.drawRightString(width - 2, 3, "CORNERBR")
        canvas.drawString(2, height - 10, "CORNERTL")
        canvas.drawRightString(width - 2, height - 10, "CORNERTR")
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
    Exhibit(
        "A-1",
        "Complaint to the Prosecutor General",
        "application/pdf",
        pdf_of(3),
        date_text="14 October 2008",
        source_text="S4 Complaint of 14 October 2008",
    ),
    Exhibit("A-2", "Фотография камеры", "image/png", image_of("PNG"), file_name="cell.png"),
    Exhibit("A-3", "Medical request (scan)", "image/jpeg", image_of("JPEG")),
    Exhibit("A-4", LONG_NAME, LONG_TYPE, "Записи свидетеля".encode(), file_name=LONG_NAME),
    Exhibit("A-5", "Broken scan", "application/pdf", b"%PDF-1.4 not really a pdf"),
    Exhibit("A-6", "Landscape order", "application/pdf", pdf_of(2, rotate=90)),
    Exhibit("A-7", "Small receipt", "application/pdf", pdf_of(1, size=A5)),
)
OWN_PAGES = [3, 1, 1, 0, 0, 2, 1]
EXHIBIT_PAGES = sum(OWN_PAGES) + len(EXHIBITS)  # a divider each


def pack(lang: str = "en", paper: str = "a4", prefix: str = "MAG-") -> Briefing:
    return Briefing(
        title="The death of Sergei Magnitsky",
        generated_on=dt.date(2024, 5, 1),
        lang=lang,
        paper=paper,
        confidentiality="CONFIDENTIAL",
        bates_prefix=prefix,
        chronology=(ChronologyRow("16 November 2009", "Magnitsky dies in detention"),),
        exhibits=EXHIBITS,
    )


Built = tuple[bytes, list[str]]


def build(briefing: Briefing) -> Built:
    pdf = render_briefing(briefing)
    return pdf, [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def built() -> Built:
    return build(pack())


@pytest.fixture(scope="module")
def letter() -> Built:
    return build(pack(paper="letter"))


def starts(texts: list[str]) -> dict[str, int]:
    """Exhibit label -> the 0-based index of its divider page."""
    found = {}
    for index, text in enumerate(texts):
        match = re.match(r"\s*EXHIBIT\s+(A-\d)", text)
        if match:
            found[match.group(1)] = index
    return found


# -- positions read back from the PDF ------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Run:
    text: str
    left: float
    bottom: float
    right: float
    top: float


def runs(page: PageObject) -> list[Run]:
    """Every piece of text on `page` with a box around it, in page space (pypdf reports
    the text matrix and the transformation in force, which places merged pages too)."""
    found: list[Run] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (cm[0] ** 2 + cm[1] ** 2) ** 0.5 * (tm[0] ** 2 + tm[1] ** 2) ** 0.5
        height = size * scale
        width = 0.62 * height * len(text.strip())  # DejaVu Sans is narrower than this
        found.append(Run(text.strip(), x, y - 0.25 * height, x + width, y + height))

    page.extract_text(visitor_text=visit)
    return found


def blue_box(pdf: bytes, index: int) -> tuple[tuple[float, float, float, float], float]:
    """Where the exhibit's blue fill lands on page `index` (left, bottom, right, top in
    points) and the share of that box it really covers (1.0: nothing painted over it)."""
    scale = 2
    page = pdfium.PdfDocument(pdf)[index]
    height = page.get_height()
    red, _green, blue = page.render(scale=scale).to_pil().convert("RGB").split()
    mask = ImageChops.multiply(
        blue.point(lambda v: 255 if v > 150 else 0), red.point(lambda v: 255 if v < 90 else 0)
    )
    found = mask.getbbox()
    assert found is not None, "no exhibit content on the page"
    x0, y0, x1, y1 = found
    box = (x0 / scale, height - y1 / scale, x1 / scale, height - y0 / scale)
    return box, mask.histogram()[255] / ((x1 - x0) * (y1 - y0))


def overlaps(run: Run, box: tuple[float, float, float, float]) -> bool:
    left, bottom, right, top = box
    return run.left < right and run.right > left and run.bottom < top and run.top > bottom


# -- the plan ------------------------------------------------------------------------------


def test_plan_counts_dividers_and_pages() -> None:
    plan = plan_exhibits(EXHIBITS, "MAG-", "a4", "en")
    assert [i.page_count for i in plan.items] == OWN_PAGES
    assert [i.bundle_count for i in plan.items] == [n + 1 for n in OWN_PAGES]
    assert [i.offset for i in plan.items] == [0, 4, 6, 8, 9, 10, 13]
    assert [i.note_key for i in plan.items][3:5] == ["exhibit.listed_only", "exhibit.unreadable"]
    assert plan.page_count == EXHIBIT_PAGES
    assert bates_number("MAG-", 123) == "MAG-000123"


# -- bundle numbers ------------------------------------------------------------------------


def test_every_page_carries_its_bundle_number_and_exhibits_continue_it(built: Built) -> None:
    _, texts = built
    total = len(texts)
    main_pages = total - EXHIBIT_PAGES
    assert main_pages >= 3
    for n, text in enumerate(texts, start=1):
        assert f"page {n} of {total}" in text
        assert re.findall(r"MAG-\d{6}", text)[-1] == bates_number("MAG-", n), n
    # never restarting: the numbers run 1..total once each, in page order
    stamps = [re.findall(r"MAG-\d{6}", t)[-1] for t in texts]
    assert stamps == [f"MAG-{n:06d}" for n in range(1, total + 1)]


def test_the_bates_prefix_is_the_packs_choice() -> None:
    pdf, texts = build(pack(prefix="KHAMOV-"))
    assert all(re.search(rf"KHAMOV-{n:06d}", t) for n, t in enumerate(texts, start=1))
    assert not any(re.search(r"MAG-\d{6}", t) for t in texts)
    assert b"KHAMOV-000001" not in pdf  # text is in font-encoded streams, not plain bytes


# -- dividers ------------------------------------------------------------------------------


def test_a_divider_says_what_follows_and_where_it_ends(built: Built) -> None:
    _, texts = built
    first = starts(texts)
    assert list(first) == [e.label for e in EXHIBITS]
    divider = " ".join(texts[first["A-1"]].split())
    a1 = first["A-1"] + 1  # 1-based page of the divider
    for expected in (
        "EXHIBIT A-1",
        "Complaint to the Prosecutor General",
        "Date 14 October 2008",
        "Source S4 Complaint of 14 October 2008",
        "Type application/pdf",
        f"SHA-256 {hashlib.sha256(EXHIBITS[0].data).hexdigest()}",
        f"Bundle pages {a1 + 1}–{a1 + 3}",
        f"Bates numbers MAG-{a1 + 1:06d} – MAG-{a1 + 3:06d}",
        "Pages of the exhibit 3",
    ):
        assert expected in divider, expected
    # the exhibit's pages follow their divider, each saying which of its pages it is
    for n in (1, 2, 3):
        assert f"exhibit page {n}" in texts[first["A-1"] + n]
        assert f"A-1, page {n} of 3" in texts[first["A-1"] + n]
    listed = " ".join(texts[first["A-4"]].split())
    assert "Not reproduced in this bundle: a file of this type cannot be printed." in listed
    assert "could not be read" in " ".join(texts[first["A-5"]].split())
    assert first["A-5"] + 1 == first["A-6"]  # nothing of the broken file is printed


def test_contents_and_outline_point_at_the_dividers(built: Built) -> None:
    pdf, texts = built
    reader = PdfReader(io.BytesIO(pdf))
    first = starts(texts)
    outline: list[Any] = list(reader.outline)
    exhibits_entry = next(i for i in outline if not isinstance(i, list) and i.title == "Exhibits")
    assert reader.get_destination_page_number(exhibits_entry) == first["A-1"]
    children = outline[outline.index(exhibits_entry) + 1]
    assert [c.title.split(":")[0] for c in children] == [e.label for e in EXHIBITS]
    assert [reader.get_destination_page_number(c) for c in children] == list(first.values())
    contents = reader.pages[1].extract_text(extraction_mode="layout")
    line = next(x for x in contents.splitlines() if "Exhibits" in x and "index" not in x)
    assert line.rstrip().endswith(str(first["A-1"] + 1))


# -- paper, scale and stamps ---------------------------------------------------------------


def test_every_page_of_a_letter_pack_is_letter_sized(letter: Built) -> None:
    pdf, texts = letter
    reader = PdfReader(io.BytesIO(pdf))
    sizes = {tuple(sorted((round(float(p.mediabox.width)), round(float(p.mediabox.height)))))
             for p in reader.pages}  # fmt: skip
    assert sizes == {(612, 792)}
    # the A4 exhibit is scaled into the letter page, not cropped: its four corners are there
    page = reader.pages[starts(texts)["A-1"] + 1]
    corners = {r.text for r in runs(page) if r.text.startswith("CORNER")}
    assert corners == {"CORNERBL", "CORNERBR", "CORNERTL", "CORNERTR"}


def test_a_landscape_exhibit_gets_a_landscape_page_of_the_packs_paper(letter: Built) -> None:
    pdf, texts = letter
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[starts(texts)["A-6"] + 1]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (792, 612)
    assert "exhibit page 1" in page.extract_text()


@pytest.mark.parametrize(("paper", "label"), [("a4", "A-1"), ("letter", "A-1"), ("a4", "A-6"),
                                              ("letter", "A-7")])  # fmt: skip
def test_stamps_sit_in_the_margin_and_never_cover_the_exhibit(
    built: Built, letter: Built, paper: str, label: str
) -> None:
    pdf, texts = built if paper == "a4" else letter
    index = starts(texts)[label] + 1
    page = PdfReader(io.BytesIO(pdf)).pages[index]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    box, covered = blue_box(pdf, index)
    assert covered > 0.995  # the exhibit's own fill is whole: nothing painted over it
    left, bottom, right, top = box
    assert left > 0 and right < width and bottom > 0 and top < height  # scaled inside
    found = runs(page)
    stamps = [r for r in found if re.fullmatch(r"MAG-\d{6}|page \d+ of \d+|A-\d, page.*"
                                               r"|CONFIDENTIAL", r.text)]  # fmt: skip
    assert {s.text for s in stamps} >= {f"MAG-{index + 1:06d}", "CONFIDENTIAL"}
    for stamp in stamps:
        assert not overlaps(stamp, box), (stamp, box)
        assert stamp.left >= 0 and stamp.right <= width and stamp.bottom >= 0
    own = [r for r in found if r.text.startswith(("CORNER", "exhibit page"))]
    assert own and all(overlaps(r, box) for r in own)


def test_a_small_exhibit_page_keeps_its_size(built: Built) -> None:
    pdf, texts = built
    index = starts(texts)["A-7"] + 1
    (left, bottom, right, top), _ = blue_box(pdf, index)
    assert abs((right - left) - A5[0]) < 1.5 and abs((top - bottom) - A5[1]) < 1.5


def test_an_image_exhibit_fills_its_frame_on_the_packs_paper(letter: Built) -> None:
    pdf, texts = letter
    index = starts(texts)["A-2"] + 1
    page = PdfReader(io.BytesIO(pdf)).pages[index]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (792, 612)
    (left, bottom, right, top), covered = blue_box(pdf, index)
    assert covered > 0.99
    assert (right - left) / (top - bottom) == pytest.approx(240 / 160, rel=0.02)
    assert top - bottom > 0.8 * LETTER[0]  # scaled up to the frame, not a thumbnail


# -- the index -----------------------------------------------------------------------------


def index_text(texts: list[str]) -> str:
    return next(t for t in texts if t.lstrip().startswith("Exhibit index"))


def test_index_lists_hash_date_source_and_pages(built: Built) -> None:
    _, texts = built
    flat = " ".join(index_text(texts).split())
    for exhibit in EXHIBITS:
        assert f"SHA-256: {hashlib.sha256(exhibit.data).hexdigest()}" in flat
    assert "14 October 2008" in flat and "Source: S4 Complaint of 14 October 2008" in flat
    first = starts(texts)
    a1, a6 = first["A-1"] + 1, first["A-6"] + 1
    assert f"{a1}–{a1 + 3} MAG-{a1:06d} – MAG-{a1 + 3:06d}" in flat
    assert f"{a6}–{a6 + 2} MAG-{a6:06d} – MAG-{a6 + 2:06d}" in flat
    assert "listed only" in flat and "file could not be read" in flat
    assert "(MAG-000001) is its bundle page" in flat
    assert "a missing number" not in flat  # A-1..A-7 have no gaps to explain


def test_index_breaks_long_types_and_names_only_between_words(built: Built) -> None:
    _, texts = built
    lines = [line.strip() for line in index_text(texts).splitlines()]
    separators = r"(?<=[/.\-_+])"
    pieces = set(re.split(separators, LONG_TYPE)) | set(re.split(separators, LONG_NAME))
    markers = ("vnd.", "officedocument", "wordprocessingml")
    type_lines = [line for line in lines if any(m in line for m in markers)]
    assert len(type_lines) >= 2, "the long type needs more than one line here"
    for line in lines:
        for word in re.findall(r"[A-Za-zА-Яа-я]{5,}", line):
            # every fragment of the type or name on a line is whole between separators
            if word in LONG_TYPE or word in LONG_NAME:
                assert any(word in p for p in pieces), (word, line)
    joined = "".join(lines)
    assert LONG_TYPE in joined  # nothing was dropped by wrapping
    assert joined.count(LONG_NAME) == 1  # the file name is shown once, not twice


def test_same_pack_same_bytes(built: Built) -> None:
    pdf, _ = built
    assert render_briefing(pack()) == pdf


def test_stamps_use_embedded_fonts_only(built: Built) -> None:
    pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        resources: Any = page["/Resources"].get_object()
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            assert "DejaVu" in str(font["/BaseFont"])
    assert b"/Helvetica" not in pdf


def test_russian_wording_of_stamps_and_dividers() -> None:
    _, texts = build(pack("ru", "letter"))
    total = len(texts)
    assert f"стр. {total} из {total}" in texts[-1]
    assert f"MAG-{total:06d}" in texts[-1]
    divider = next(t for t in texts if "ПРИЛОЖЕНИЕ" in t and "A-1" in t)
    assert "Листы материалов" in divider and "Сквозные номера" in divider
    assert any("A-1, стр. 1 из 3" in t for t in texts)


def test_merged_pack_keeps_only_the_briefing_metadata(built: Built) -> None:
    pdf, _ = built
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert meta is not None
    assert meta.title == "The death of Sergei Magnitsky"
    assert meta.producer == "Dossier"
    assert str(meta["/CreationDate"]).startswith("D:20240501")


def test_an_exhibit_with_pages_outside_its_crop_box_does_not_spill() -> None:
    """Content a PDF keeps outside its visible area must not appear in the stamp bands."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_of(1))))
    writer.pages[0].cropbox.lower_left = (100, 100)
    writer.pages[0].cropbox.upper_right = (400, 600)
    out = io.BytesIO()
    writer.write(out)
    cropped = Exhibit("B-1", "Cropped", "application/pdf", out.getvalue())
    pdf = render_briefing(dataclasses.replace(pack(), exhibits=(cropped,)))
    reader = PdfReader(io.BytesIO(pdf))
    index = len(reader.pages) - 1
    (left, bottom, right, top), covered = blue_box(pdf, index)
    assert covered > 0.995
    assert (right - left) == pytest.approx(300, abs=1.5) and (top - bottom) == pytest.approx(
        500, abs=1.5
    )
    # (the hidden text is still in the stream, clipped: only the pixels tell what shows)
    assert bottom > 30 and top < float(reader.pages[index].mediabox.height) - 30

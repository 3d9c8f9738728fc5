"""Briefing pack PDFs read back with pypdf (and one page with pypdfium2)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import re
from typing import Any, cast

import pypdfium2
import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

from desktop.briefing.labels import label, label_keys
from desktop.briefing.model import (
    SECTION_ORDER,
    Briefing,
    ChronologyRow,
    Citation,
    ComplaintEntry,
    ComplaintRef,
    ComplaintResponse,
    EventPerson,
    PersonEntry,
    Posting,
    SourceEntry,
    iter_texts,
)
from desktop.briefing.pdf.renderer import BriefingRenderer, render_briefing
from desktop.core.fuzzydate import FuzzyDate

BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman",
    "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip
CONTENT_SECTIONS = SECTION_ORDER[2:]  # those with a printed heading and a contents line


def magnitsky(lang: str = "en", **changes: Any) -> Briefing:
    """The demo case (resources/sample_case, /work/shared/domain/sample-case.md), by hand."""
    kuznetsov = EventPerson("Artem Kuznetsov", "accused officer", "Lieutenant Colonel")
    magnitsky_ = EventPerson("Sergei Magnitsky", "victim")
    briefing = Briefing(
        title="The death of Sergei Magnitsky",
        generated_on=dt.date(2024, 5, 1),
        lang=lang,
        summary=(
            "Sergei Magnitsky, a tax adviser, testified that Interior Ministry officers took "
            "part in the theft of Hermitage's companies and a 5.4 billion ₽ tax refund.\n\n"
            "Сергей Магнитский умер в СИЗО «Матросская тишина» 16 ноября 2009 года."
        ),
        is_sample=True,
        confidentiality="CONFIDENTIAL: internal working copy",
        prepared_for="Counsel for the family",
        prepared_by="Law and Order in Russia",
        chronology=(
            ChronologyRow(
                "4 June 2007",
                "Raid on the Hermitage and Firestone Duncan offices",
                description="About 50 Interior Ministry officers raid the Moscow offices; "
                "corporate seals and charters are taken.",
                citations=(Citation(2),),
            ),
            ChronologyRow(
                "24 November 2008",
                "Magnitsky arrested at his home in Moscow",
                people=(magnitsky_, kuznetsov),
                citations=(Citation(8, "ch. 25"),),
            ),
            ChronologyRow(
                "13 октября 2009",
                "Магнитский обвиняет Кузнецова и Сильченко",
                description="Свидетельские показания о преследовании за данные им показания.",
                people=(
                    EventPerson("Сергей Леонидович Магнитский", "заявитель"),
                    EventPerson("Артём Кузнецов", "обвиняемый", "подполковник"),
                ),
                citations=(Citation(3, "p. 214"),),
            ),
            ChronologyRow(
                "before 5 August 2010",
                "Prosecutor refuses Navalny's petition",
                precision="day",
                qualifier="before",
                fact_status="disputed",
                people=(EventPerson("Alexei Navalny", "petitioner"), kuznetsov),
                citations=(Citation(6),),
            ),
        ),
        people=(
            PersonEntry(
                "Sergei Magnitsky",
                "victim",
                ("Сергей Леонидович Магнитский",),
                postings=(Posting("Firestone Duncan", "tax adviser", "", "until 2008"),),
            ),
            PersonEntry(
                "Artem Kuznetsov",
                "official",
                ("Артём Кузнецов", "Artyom Kuznetsov"),
                postings=(Posting("Interior Ministry, Moscow", "officer", "Lieutenant Colonel"),),
                description="Ordered the arrest of Magnitsky.",
                complaints_against=(ComplaintRef(2, "2010", "Генеральная прокуратура"),),
                citations=(Citation(8),),
            ),
        ),
        complaints=(
            ComplaintEntry(
                "25 August 2009",
                "Head of the detention centre",
                number=1,
                status="filed",
                filed_by="Magnitsky's lawyers",
                against=("Oleg Silchenko",),
                subject="Urgent demand for examination and surgery",
                due_text="2009-09-25",
                overdue=True,
                citations=(Citation(3),),
            ),
            ComplaintEntry(
                "2010",
                "Генеральная прокуратура",
                number=2,
                status="rejected",
                filed_by="Алексей Навальный",
                against=("Артём Кузнецов",),
                registration_number="№ 15-2010",
                responses=(
                    ComplaintResponse("5 August 2010", "refusal", "No specific data on crimes."),
                ),
            ),
        ),
        sources=tuple(
            SourceEntry(n, t)
            for n, t in enumerate(
                (
                    "Thomas O. Melia, “A Discussion With Russian Civil Society Leaders”, 2012",
                    "Hermitage, “Tribute to Sergey Magnitsky”, 2010",
                    "Edward Lucas, “Deception”, 2012",
                    "PACE Doc. 13356, “Refusing impunity for the killers of Sergei Magnitsky”",
                    "U.S. Public Law 112-208, 2012",
                    "The Moscow Times, 5 August 2010",
                    "Presidential Council for Civil Society and Human Rights, July 2011",
                    "Bill Browder, “Red Notice”, 2015",
                ),
                start=1,
            )
        ),
    )
    return dataclasses.replace(briefing, **changes)


def read(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def outline_of(reader: PdfReader) -> list[Any]:
    """The top level of the outline (pypdf's nested Destination lists, loosely typed)."""
    return list(reader.outline)


def outline_pages(reader: PdfReader) -> dict[str, int]:
    """Top-level outline titles and the 1-based page each points at."""
    pages: dict[str, int] = {}
    for item in outline_of(reader):
        if not isinstance(item, list):
            pages[str(item.title)] = int(reader.get_destination_page_number(item) or 0) + 1
    return pages


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    """Text with line breaks (wrapped lines) turned into single spaces."""
    return " ".join(text.split())


def heading_page(texts: list[str], heading: str) -> int:
    """1-based number of the page opening with `heading` (the running header comes last)."""
    for index, text in enumerate(texts):
        if text.lstrip().startswith(heading + "\n"):
            return index + 1
    raise AssertionError(f"no page opens with {heading!r}")


@pytest.fixture(scope="module")
def english() -> bytes:
    return render_briefing(magnitsky())


@pytest.fixture(scope="module")
def russian() -> bytes:
    return render_briefing(magnitsky("ru"))


def test_identical_bytes_on_two_renders(english: bytes) -> None:
    assert render_briefing(magnitsky()) == english


def test_one_page_per_short_section(english: bytes) -> None:
    # cover, contents, then one page per section for this small case
    assert len(read(english).pages) == len(SECTION_ORDER)


def test_sections_appear_in_order_and_contents_numbers_match(english: bytes) -> None:
    reader = read(english)
    texts = page_texts(reader)
    contents = reader.pages[1].extract_text(extraction_mode="layout")
    pages = []
    for section in CONTENT_SECTIONS:
        title = label("en", f"section.{section}")
        page = heading_page(texts, title)
        assert texts[page - 1].lstrip().startswith(title) or f"\n{title}\n" in texts[page - 1]
        pages.append(page)
        printed = _contents_number(contents, title)
        assert printed == page, (title, printed, page)
    assert pages == sorted(pages)


def _contents_number(contents: str, title: str) -> int:
    """The number printed on the contents line of `title` (same line, any extraction order)."""
    for line in contents.splitlines():
        if title in line:
            numbers = re.findall(r"\b(\d+)\b", line.replace(title, "").replace(".", " "))
            assert len(numbers) == 1, line
            return int(numbers[0])
    raise AssertionError(title)


def test_outline_has_every_section_at_its_page(english: bytes) -> None:
    reader = read(english)
    texts = page_texts(reader)
    outline = outline_pages(reader)
    assert outline["Cover"] == 1
    for section in CONTENT_SECTIONS:
        title = label("en", f"section.{section}")
        assert outline[title] == heading_page(texts, title)


def test_cyrillic_and_english_text_extracted_exactly(english: bytes) -> None:
    text = flat("\n".join(page_texts(read(english))))
    for expected in (
        "The death of Sergei Magnitsky",
        "Сергей Леонидович Магнитский",
        "Артём Кузнецов",
        "Магнитский обвиняет Кузнецова и Сильченко",
        "Lieutenant Colonel",
        "5.4 billion ₽",
        "[8, ch. 25]",
        "№ 15-2010",
        "Sample data compiled from public reports; verify before any use.",
        "CONFIDENTIAL: internal working copy",
        "OVERDUE",
        "Disputed by the authorities",
    ):
        assert expected in text, expected


def test_russian_labels(russian: bytes) -> None:
    reader = read(russian)
    texts = page_texts(reader)
    joined = flat("\n".join(texts))
    for key in ("section.contents", "section.chronology", "cover.prepared_for", "cover.sample",
                "complaint.overdue", "section.people"):  # fmt: skip
        assert label("ru", key) in joined, key
    assert "Chronology" not in joined and "Prepared for" not in joined
    assert set(outline_pages(reader)) >= {"Хронология", "Содержание"}
    total = len(reader.pages)
    assert f"стр. {total} из {total}" in texts[-1]


def test_every_page_numbered_and_last_says_n_of_n(english: bytes) -> None:
    texts = page_texts(read(english))
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {total}" in text
    assert f"page {total} of {total}" in texts[-1]


def _fonts(reader: PdfReader) -> list[DictionaryObject]:
    """Every font dictionary used by any page, including inside form XObjects."""
    found: list[DictionaryObject] = []

    def walk(resources: Any) -> None:
        resources = resources.get_object() if isinstance(resources, IndirectObject) else resources
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            found.append(font.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                walk(xobject.get("/Resources"))

    for page in reader.pages:
        walk(page.get("/Resources"))
    return found


def assert_all_fonts_embedded(pdf: bytes) -> None:
    fonts = _fonts(read(pdf))
    assert fonts
    for font in fonts:
        font = cast(Any, font)
        base = str(font["/BaseFont"]).lstrip("/")
        assert base.split("+")[-1] not in BASE14, base
        descriptor = font
        if font["/Subtype"] == "/Type0":
            descriptor = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descriptor["/FontDescriptor"].get_object(), base
    # No font name of the base 14 anywhere in the file, not even unused.
    assert b"/Helvetica" not in pdf and b"/Times-Roman" not in pdf


def test_every_font_embedded_none_base14(english: bytes, russian: bytes) -> None:
    assert_all_fonts_embedded(english)
    assert_all_fonts_embedded(russian)


def test_metadata_comes_from_the_briefing(english: bytes) -> None:
    meta = read(english).metadata
    assert meta is not None
    assert meta.title == "The death of Sergei Magnitsky"
    assert meta.author == "Law and Order in Russia"
    assert str(meta["/CreationDate"]).startswith("D:20240501")


def test_printed_words_all_come_from_the_briefing_or_labels(english: bytes) -> None:
    """The renderer adds nothing of its own: redaction done in data.py is final."""
    briefing = magnitsky()
    cover_dates = [
        FuzzyDate.from_edtf(briefing.generated_on.isoformat()).display(lang)
        for lang in ("en", "ru")
    ]  # the cover writes the pack's date as the body writes dates
    allowed_text = " ".join(
        [
            *iter_texts(briefing),
            *(label(lang, k) for k in label_keys() for lang in ("en", "ru")),
            *cover_dates,
        ]
    )
    allowed = set(re.findall(r"\w+", allowed_text))
    printed = set(re.findall(r"\w+", "\n".join(page_texts(read(english)))))
    stray = {w for w in printed - allowed if not w.isdigit() and not re.fullmatch(r"\d+\w?", w)}
    assert stray <= {"bytes", "SHA", "page", "of"}, stray


def test_redacted_name_absent_everywhere() -> None:
    """What data.py removed is absent from text, outline and metadata; kept, it is present."""
    witness = PersonEntry("Ivan Sekretov", "witness", ("Иван Секретов",))
    internal = magnitsky(people=(*magnitsky().people, witness))
    with_witness = render_briefing(internal)
    without = render_briefing(magnitsky())
    assert "Иван Секретов" in "".join(page_texts(read(with_witness)))
    for pdf in (without,):
        reader = read(pdf)
        assert "Sekretov" not in "".join(page_texts(reader))
        assert "Секретов" not in "".join(page_texts(reader))
        assert all("Sekretov" not in str(v) for v in (reader.metadata or {}).values())
        assert all("Sekretov" not in title for title in outline_pages(reader))


def test_sections_can_be_left_out() -> None:
    pdf = render_briefing(magnitsky(sections=("chronology", "sources")))
    reader = read(pdf)
    texts = page_texts(reader)
    assert len(texts) == 2
    assert heading_page(texts, "Chronology") == 1
    assert "Sample data" not in texts[0]  # no cover
    assert "page 2 of 2" in texts[1]
    assert list(outline_pages(reader)) == ["Chronology", "Sources"]


def test_letter_paper_size() -> None:
    reader = read(render_briefing(magnitsky(paper="letter")))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_first_page_is_not_blank(english: bytes) -> None:
    document = pypdfium2.PdfDocument(english)
    try:
        image = document[0].render(scale=0.5).to_pil().convert("L")
    finally:
        document.close()
    dark = sum(image.histogram()[:128])
    assert dark > 500


def test_two_thousand_long_events_lay_out() -> None:
    """Long texts wrap and overlong rows split: no LayoutError on a big case."""
    long_text = "Магнитский даёт показания против сотрудников МВД. Testimony continues. " * 8
    giant = long_text * 40  # taller than a page on its own
    rows = tuple(
        ChronologyRow(
            f"{1 + n % 28} March 2009",
            f"Event {n}: hearing / заседание",
            description=giant if n % 250 == 0 else long_text,
            people=(EventPerson("Oleg Silchenko", "investigator"),),
            citations=(Citation(3, f"p. {n}"),),
        )
        for n in range(2000)
    )
    pdf = render_briefing(magnitsky(chronology=rows, sections=("chronology",)))
    texts = page_texts(read(pdf))
    total = len(texts)
    assert total > 200
    assert "Event 1999: hearing" in texts[-1]
    assert f"page {total} of {total}" in texts[-1]
    # the header row repeats on every chronology page
    assert all("Event" in t and "Sources" in t for t in texts)


def test_progress_rises_to_one() -> None:
    seen: list[float] = []
    BriefingRenderer(seen.append).render(magnitsky())
    assert len(seen) > 5
    assert seen == sorted(seen)
    assert seen[-1] == 1.0


def test_outline_lists_each_person_and_complaint_under_its_section(english: bytes) -> None:
    reader = read(english)
    texts = [flat(t) for t in page_texts(reader)]
    top = outline_of(reader)
    children: dict[str, list[Any]] = {}
    for before, item in itertools.pairwise(top):
        if isinstance(item, list) and not isinstance(before, list):
            children[str(before.title)] = item
    briefing = magnitsky()
    people = children[label("en", "section.people")]
    assert [str(p.title) for p in people] == [p.name for p in briefing.people]
    for entry in people:
        page = int(reader.get_destination_page_number(entry) or 0)
        assert str(entry.title) in texts[page], entry.title
    complaints = children[label("en", "section.complaints")]
    assert len(complaints) == len(briefing.complaints)
    pairs = zip(complaints, briefing.complaints, strict=True)
    for number, (entry, complaint) in enumerate(pairs, start=1):
        assert str(entry.title) == f"{number}. {complaint.filed_text}: {complaint.body}"
        page = int(reader.get_destination_page_number(entry) or 0)
        assert flat(complaint.body) in texts[page]

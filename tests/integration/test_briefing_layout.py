"""Chronology tables that break cleanly, and a cover that says what the pack is.

Read back from the real PDF with pypdf, using text positions: the column header "Date"
must only ever stand at the top of a page, and a fact too long for one page continues
on the next under its date, marked as continued.
"""

from __future__ import annotations

import datetime as dt
import io

import pypdf

from desktop.briefing.model import Briefing, BriefingOptions, ChronologyRow, EventPerson
from desktop.briefing.pdf.renderer import render_briefing
from desktop.services.registry import Services

WORDS = (
    "The investigator refused the request for medical examination; the detention centre "
    "moved the detainee to a cell without heating, and the defence lawyer's complaint "
    "went unanswered for weeks. "
)


def header_positions(pdf: bytes) -> list[tuple[int, float, float]]:
    """(page number, y of each "Date" column header, page height) for every page."""
    found = []
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf)).pages, start=1):
        ys: list[float] = []

        def visit(
            text: str, cm: list[float], tm: list[float], *_: object, ys: list[float] = ys
        ) -> None:
            if text.strip() == "Date":
                ys.append(tm[5] * cm[3] + cm[5])

        page.extract_text(visitor_text=visit)
        found.extend((number, y, float(page.mediabox.top)) for y in ys)
    return found


def briefing_with(rows: list[ChronologyRow]) -> Briefing:
    return Briefing(
        title="Layout case",
        generated_on=dt.date(2024, 5, 1),
        sections=("chronology",),
        chronology=tuple(rows),
    )


def test_no_header_mid_page_and_a_fact_longer_than_a_page_continues() -> None:
    rows = [
        ChronologyRow(
            date_text=f"{1 + i % 28} March 2009",
            title=f"Fact {i + 1}",
            description=WORDS * (1 + i % 7),
            people=(EventPerson("Artem Kuznetsov", "investigator"),),
        )
        for i in range(300)
    ]
    rows[40] = ChronologyRow("10 April 2009", "The long fact", description=WORDS * 120)
    pdf = render_briefing(briefing_with(rows))

    headers = header_positions(pdf)
    assert headers, "the chronology header must be found to be checked"
    mid_page = [(page, round(y)) for page, y, top in headers if y < top - 110]
    assert mid_page == []
    pages_with_header = {page for page, _y, _top in headers}
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert pages_with_header == set(range(1, len(reader.pages) + 1))  # a header on each page
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "10 April 2009 (continued)" in text
    assert text.count("The long fact") == 1 and text.count("Fact 300") == 1


def test_more_than_one_table_still_puts_headers_only_at_page_tops() -> None:
    rows = [ChronologyRow(f"{1 + i % 28} May 2009", f"Fact {i + 1}") for i in range(130)]
    from desktop.briefing.pdf.renderer import BriefingRenderer

    class SmallTables(BriefingRenderer):
        chronology_chunk_rows = 50  # three tables, as a 1,500-event pack would have

    pdf = SmallTables().render(briefing_with(rows))
    mid_page = [(page, round(y)) for page, y, top in header_positions(pdf) if y < top - 110]
    assert mid_page == []


def test_cover_states_the_date_in_words_the_selection_and_opens_with_bookmarks(
    demo_services: Services, demo_case_id: str
) -> None:
    options = BriefingOptions(generated_on=dt.date(2024, 5, 1), marked_only=True)
    pdf = demo_services.briefs.build(demo_case_id, options).pdf
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    cover = reader.pages[0].extract_text()
    assert "1 May 2024" in cover and "2024-05-01" not in cover
    assert "Only the facts and complaints marked for the brief" in cover
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    whole = BriefingOptions(generated_on=dt.date(2024, 5, 1), lang="ru")
    russian = pypdf.PdfReader(io.BytesIO(demo_services.briefs.build(demo_case_id, whole).pdf))
    cover_ru = russian.pages[0].extract_text()
    assert "1 мая 2024" in cover_ru
    assert "Выборка" not in cover_ru  # the whole case: no selection to state
    chronology = "\n".join(p.extract_text() for p in russian.pages[2:6])
    assert "(день)" not in chronology and "(day)" not in chronology


def test_chronology_tables_are_made_as_layout_reaches_them_with_notes_numbered_across() -> None:
    """Tables are made one at a time during layout (a large pack never holds every row's
    paragraphs at once), yet the footnote numbers still run on from table to table."""
    from desktop.briefing.model import Citation
    from desktop.briefing.pdf.flowables import MadeWhenReached
    from desktop.briefing.pdf.renderer import BriefingRenderer
    from desktop.briefing.pdf.styles import build_styles

    made: list[int] = []

    class SmallTables(BriefingRenderer):
        chronology_chunk_rows = 50

        def chronology_row(self, *args: object, **kwargs: object) -> list[object]:
            made.append(1)
            return super().chronology_row(*args, **kwargs)  # type: ignore[arg-type]

    rows = [
        ChronologyRow(f"{1 + i % 28} May 2009", f"Fact {i + 1}",
                      citations=(Citation(1, f"p. {i + 1}", source_label="S1"),))
        for i in range(130)
    ]  # fmt: skip
    briefing = Briefing(
        title="Layout case",
        generated_on=dt.date(2024, 5, 1),
        sections=("chronology",),
        chronology=tuple(rows),
        citations="footnotes",
    )
    renderer = SmallTables()
    renderer.register_fonts()
    story = renderer.chronology(briefing, build_styles(renderer.base_font_size))
    assert sum(isinstance(f, MadeWhenReached) for f in story) == 3
    assert made == []  # nothing laid out yet: no row made

    reader = pypdf.PdfReader(io.BytesIO(SmallTables().render(briefing)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert len(made) == 130
    for n in (1, 50, 51, 100, 101, 130):
        assert f"{n} [1] S1, p. {n}" in text  # the note numbered n cites page n
    # Each title carries its note's mark: "Fact 50" then a superscript 50.
    assert text.index("Fact 5050 ") < text.index("Fact 5151 ") < text.index("Fact 130130 ")

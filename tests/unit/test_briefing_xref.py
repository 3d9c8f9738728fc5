"""Cross-reference wording: runs of paragraphs become ranges, with the pages they span."""

from __future__ import annotations

from desktop.briefing.pdf.xref import paragraph_key, see_paragraphs

PAGES = {paragraph_key(n): page for n, page in ((3, 4), (4, 4), (5, 5), (9, 6), (12, 7))}


def plain(markup: str) -> str:
    """The words a reader sees: links dropped, no-break spaces as spaces."""
    for tag in ('<a href="#para-3">', '<a href="#para-9">', '<a href="#para-12">', "</a>"):
        markup = markup.replace(tag, "")
    return markup.replace("\u00a0", " ")


def test_single_paragraphs_and_ranges() -> None:
    assert plain(see_paragraphs([9, 3, 4, 5, 12], PAGES, "en")) == (
        "see ¶ 3–5, pp. 4–5; ¶ 9, p. 6; ¶ 12, p. 7"
    )
    assert plain(see_paragraphs([3, 4], PAGES, "ru")) == "см. ¶ 3–4, с. 4"


def test_unknown_pages_leave_the_paragraph_alone() -> None:
    assert plain(see_paragraphs([3, 4], {}, "en")) == "see ¶ 3–4"
    assert plain(see_paragraphs([9], {}, "en")) == "see ¶ 9"
    assert see_paragraphs([], PAGES, "en") == ""


def test_each_run_links_to_its_first_paragraph() -> None:
    markup = see_paragraphs([3, 4, 5, 9], PAGES, "en")
    assert markup.count("<a href=") == 2
    assert '<a href="#para-3">' in markup and '<a href="#para-9">' in markup

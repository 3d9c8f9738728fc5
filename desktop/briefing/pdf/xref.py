"""Cross-references inside a pack: "see ¶ 14, p. 5" and the page of complaint No. 3.

A chronology paragraph or register row records the page it lands on as it is drawn
(`AnchoredParagraph`). Sections printed later (people, complaints) read those pages when
they are laid out (`LateParagraph`), so a backward reference is ordinary text on its page,
in reading order, and linked. A forward reference (a person's complaints, printed before
the register) is only known at save time: `DeferredCanvas` draws it then (`DeferredText`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from reportlab.platypus import Flowable, Paragraph

from desktop.briefing.labels import label
from desktop.briefing.pdf.canvas import DeferredCanvas

Pages = dict[str, int]


def paragraph_key(number: int) -> str:
    return f"para-{number}"


def complaint_key(number: int) -> str:
    return f"complaint-{number}"


class AnchoredParagraph(Paragraph):
    """A paragraph that notes its page under `key`, is a link target, and may be listed
    in the outline (a table cell cannot hold a separate outline flowable).

    Built with `anchored`: reportlab makes the parts of a split paragraph by calling the
    class with Paragraph's own arguments, so this class keeps that constructor.
    """

    pages: Pages | None = None
    key = ""
    outline = ""

    def draw(self) -> None:
        super().draw()
        if self.pages is None:
            return
        canv = self.canv
        self.pages.setdefault(self.key, canv.getPageNumber())
        if not isinstance(canv, DeferredCanvas):
            return
        _, top = canv.absolutePosition(0, self.height)
        key, outline = self.key, self.outline

        def bookmark(c: DeferredCanvas) -> None:
            c.bookmarkHorizontalAbsolute(key, top + 6)
            if outline:
                c.addOutlineEntry(outline, key, level=1)

        canv.defer(bookmark)

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        # Only the first part carries the anchor: its page is where the entry starts.
        parts: list[Any] = super().split(availWidth, availHeight)
        if parts:
            parts[0].pages, parts[0].key, parts[0].outline = self.pages, self.key, self.outline
        return parts


def anchored(text: str, style: Any, pages: Pages, key: str, outline: str = "") -> Paragraph:
    paragraph = AnchoredParagraph(text, style)
    paragraph.pages, paragraph.key, paragraph.outline = pages, key, outline
    return paragraph


class LateParagraph(Flowable):
    """A paragraph whose markup is made when it is laid out, from the pages known then."""

    def __init__(self, markup_of: Callable[[Pages], str], style: Any, pages: Pages) -> None:
        super().__init__()
        self.markup_of = markup_of
        self.style = style
        self.pages = pages
        self._paragraph: Paragraph | None = None

    def _current(self) -> Paragraph:
        self._paragraph = Paragraph(self.markup_of(self.pages), self.style)
        return self._paragraph

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = self._current().wrap(availWidth, availHeight)
        self.width, self.height = width, height
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        return list(self._current().split(availWidth, availHeight))

    def draw(self) -> None:
        paragraph = self._paragraph or self._current()
        paragraph.drawOn(self.canv, 0, 0)


def see_paragraphs(numbers: Iterable[int], pages: Pages, lang: str) -> str:
    """ "see ¶ 3, p. 4; ¶ 9–12, pp. 5–6" as linked markup.

    Consecutive paragraphs are one range, so someone in 300 facts takes a line or two,
    not a page. A page not known (the chronology is not in the pack) is left out.
    """
    refs = []
    for first, last in _runs(sorted(set(numbers))):
        start, end = pages.get(paragraph_key(first)), pages.get(paragraph_key(last))
        if first == last:
            text = (
                label(lang, "xref.paragraph_page", number=first, page=start)
                if start is not None
                else label(lang, "xref.paragraph", number=first)
            )
        else:
            span = f"{first}–{last}"
            if start is None or end is None:
                text = label(lang, "xref.paragraph", number=span)
            elif start == end:
                text = label(lang, "xref.paragraph_page", number=span, page=start)
            else:
                text = label(lang, "xref.paragraphs_pages", number=span, pages=f"{start}–{end}")
        refs.append(f'<a href="#{paragraph_key(first)}">{text}</a>')
    if not refs:
        return ""
    return label(lang, "xref.see", refs="; ".join(refs))


def _runs(numbers: list[int]) -> list[tuple[int, int]]:
    """[3, 4, 5, 9] -> [(3, 5), (9, 9)]"""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] == number - 1:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    return runs


def page_of_anchor(key: str, lang: str) -> Callable[[DeferredCanvas], str]:
    """For a `DeferredText`: "p. 9", once the anchor's page is known."""

    def page(c: DeferredCanvas) -> str:
        number = c.anchor_pages.get(key)
        return "" if number is None else label(lang, "xref.page", page=number)

    return page

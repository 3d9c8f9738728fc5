"""Flowables that cooperate with `DeferredCanvas`: section headings, contents lines and
page references whose numbers are only known once the whole document is laid out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph

from desktop.briefing.pdf.canvas import DeferredCanvas


class SectionHeading(Paragraph):
    """A section title that records its page and adds a bookmark and an outline entry."""

    def __init__(self, text: str, style: Any, key: str, outline_title: str) -> None:
        super().__init__(text, style)
        self.key = key
        self.outline_title = outline_title

    def draw(self) -> None:
        super().draw()
        canv = self.canv
        if not isinstance(canv, DeferredCanvas):
            return
        canv.section_pages[self.key] = canv.getPageNumber()
        _, top = canv.absolutePosition(0, self.height)
        key, title = self.key, self.outline_title

        def bookmark(c: DeferredCanvas) -> None:
            c.bookmarkHorizontalAbsolute(key, top + 4)
            c.addOutlineEntry(title, key, level=0)

        canv.defer(bookmark)


class SectionAnchor(Flowable):
    """An invisible bookmark and outline entry for a section without a printed heading."""

    def __init__(self, key: str, outline_title: str) -> None:
        super().__init__()
        self.key = key
        self.outline_title = outline_title
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if not isinstance(canv, DeferredCanvas):
            return
        canv.section_pages[self.key] = canv.getPageNumber()
        key, title = self.key, self.outline_title
        top = canv._pagesize[1]

        def bookmark(c: DeferredCanvas) -> None:
            c.bookmarkHorizontalAbsolute(key, top)
            c.addOutlineEntry(title, key, level=0)

        canv.defer(bookmark)


class OutlineEntry(Flowable):
    """An invisible bookmark where it is drawn, listed in the outline under its section."""

    def __init__(self, key: str, title: str, level: int = 1) -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.level = level
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        if not isinstance(canv, DeferredCanvas):
            return
        _, top = canv.absolutePosition(0, 0)
        key, title, level = self.key, self.title, self.level

        def bookmark(c: DeferredCanvas) -> None:
            c.bookmarkHorizontalAbsolute(key, top + 14)
            c.addOutlineEntry(title, key, level=level)

        canv.defer(bookmark)


class ContentsLine(Flowable):
    """One line of the contents: title, dot leaders and the page number, linked to the section.

    `page_of` is asked at save time, when every section's page is known.
    """

    def __init__(
        self,
        title: str,
        page_of: Callable[[DeferredCanvas], int | None],
        font: str,
        size: float,
        link_key: str | None = None,
    ) -> None:
        super().__init__()
        self.title = title
        self.page_of = page_of
        self.font = font
        self.size = size
        self.link_key = link_key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.size * 2
        return self.width, self.height

    def draw(self) -> None:
        # Title, leaders and number are all drawn at save time, so the page's text reads in
        # line order ("Chronology . . . 4") for copy-paste, screen readers and extraction.
        canv = self.canv
        baseline = self.size * 0.6
        if not isinstance(canv, DeferredCanvas):
            return
        left, bottom = canv.absolutePosition(0, 0)
        right, _ = canv.absolutePosition(self.width, 0)
        title_end = left + stringWidth(self.title, self.font, self.size)
        title, font, size, page_of = self.title, self.font, self.size, self.page_of
        link_key, height = self.link_key, self.height

        def finish(c: DeferredCanvas) -> None:
            c.setFont(font, size)
            c.setFillGray(0)
            c.drawString(left, bottom + baseline, title)
            page = page_of(c)
            if page is None:
                return
            number = str(page)
            number_left = right - stringWidth(number, font, size)
            dot = stringWidth(". ", font, size)
            dots = int((number_left - title_end - 2 * dot) / dot)
            if dots > 0:
                c.setFillGray(0.45)
                c.drawRightString(number_left - dot / 2, bottom + baseline, ". " * dots)
                c.setFillGray(0)
            c.drawString(number_left, bottom + baseline, number)
            if link_key:
                c.linkRect("", link_key, (left, bottom, right, bottom + height), relative=0)

        canv.defer(finish)


class DeferredText(Flowable):
    """A short line of text computed at save time (e.g. the pages an exhibit will occupy)."""

    def __init__(
        self, text_of: Callable[[DeferredCanvas], str], font: str, size: float, width: float
    ) -> None:
        super().__init__()
        self.text_of = text_of
        self.font = font
        self.size = size
        self.width = width
        self.height = size * 1.25

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        if not isinstance(canv, DeferredCanvas):
            return
        left, bottom = canv.absolutePosition(0, self.size * 0.3)
        text_of, font, size = self.text_of, self.font, self.size

        def finish(c: DeferredCanvas) -> None:
            c.setFont(font, size)
            c.setFillGray(0)
            c.drawString(left, bottom, text_of(c))

        canv.defer(finish)


class MadeWhenReached(Flowable):
    """Stands in the story for flowables that `make` builds only when layout reaches it.

    A 10,000-event chronology built up front kept every row's paragraphs, measured and
    split into lines, alive at once (most of a large pack's memory); made one table at
    a time, each is dropped once it is drawn. `_PackTemplate` replaces this placeholder
    with what `make` returns before laying anything out; it is never drawn itself.
    """

    def __init__(self, make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.make = make
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        raise RuntimeError("MadeWhenReached is replaced before layout, never drawn")

"""A canvas that holds its pages until the end, so each page can say "page X of Y".

Laying a document out twice to learn its length doubles the cost of a pack. Instead this
canvas keeps every finished page in memory and draws, at save time, whatever needs the
final numbers: the running header and footer, the page numbers of the contents, the
exhibit page ranges, the bundle (Bates) number every page carries, and the page-bound
PDF objects (bookmarks, outline entries, links), which reportlab attaches to the page
being written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from desktop.briefing.pdf.bundle import draw_bundle_number

# Attributes that belong to the whole document, not to one held page.
_DOCUMENT_WIDE = frozenset(
    {
        "_held_pages",
        "_decorate_page",
        "extra_pages",
        "section_pages",
        "anchor_pages",
        "main_page_count",
        "bates_prefix",
        # Annotation names are numbered per document: a page replayed at save time must
        # not reuse the number a link drawn during layout already took.
        "_annotationCount",
    }
)

PageOp = Callable[["DeferredCanvas"], None]
PageDecorator = Callable[["DeferredCanvas", int, int], None]


class DeferredCanvas(Canvas):
    """Holds pages until `save`, then replays each with its deferred drawing."""

    def __init__(
        self,
        *args: Any,
        decorate_page: PageDecorator | None = None,
        extra_pages: int = 0,
        creation_date: tuple[int, int, int] | None = None,
        bates_prefix: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._decorate_page = decorate_page
        # Every page carries its bundle number; the exhibit pages that follow continue it.
        self.bates_prefix = bates_prefix
        # Pages appended after this document (exhibits) still count in "of Y".
        self.extra_pages = extra_pages
        self._held_pages: list[dict[str, Any]] = []
        self._page_ops: list[PageOp] = []
        # Filled during layout, read by deferred operations at save time.
        self.section_pages: dict[str, int] = {}
        self.anchor_pages: dict[str, int] = {}  # cross-reference targets (briefing.pdf.xref)
        self.main_page_count = 0
        if creation_date is not None:
            self._fix_creation_date(creation_date)

    def _fix_creation_date(self, ymd: tuple[int, int, int]) -> None:
        """Stamp the document with the pack's "generated on" date, not the wall clock."""
        stamp = self._doc._timeStamp
        stamp.YMDhms = (*ymd, 0, 0, 0)
        stamp.dhh = stamp.dmm = 0
        stamp.tzname = "UTC"

    def defer(self, op: PageOp) -> None:
        """Run `op` on the current page once the page count is known."""
        self._page_ops.append(op)

    def showPage(self) -> None:
        state = {k: v for k, v in self.__dict__.items() if k not in _DOCUMENT_WIDE}
        # A page's drawing is thousands of short operator strings, which reportlab joins
        # with newlines when it writes the page: joined now, a held page of a 900-page
        # pack takes a fraction of the memory, and the written stream is the same.
        state["_code"] = ["\n".join(self._code)] if self._code else []
        self._held_pages.append(state)
        self._page_ops = []
        self._startPage()

    def save(self) -> None:
        if self._code or self._page_ops:
            self.showPage()
        self.main_page_count = len(self._held_pages)
        total = self.main_page_count + self.extra_pages
        held, self._held_pages = self._held_pages, []
        held.reverse()  # popped from the end: each page's state is freed once written
        number = 0
        while held:
            number += 1
            self.__dict__.update(held.pop())
            for op in self._page_ops:
                self.saveState()
                op(self)
                self.restoreState()
            if self._decorate_page is not None:
                self.saveState()
                self._decorate_page(self, number, total)
                self.restoreState()
            if self.bates_prefix:
                draw_bundle_number(self, self.bates_prefix, number, self._pagesize[0])
            Canvas.showPage(self)
        self._page_ops = []
        self.showOutline()  # a reader opens the pack with its bookmarks shown
        Canvas.save(self)

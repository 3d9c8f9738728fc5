"""Lays a `Briefing` out as a paginated PDF: cover, contents, sections, exhibit index.

`BriefingRenderer` is built from overridable steps (fonts, styles, page templates, story and
one method per section) with its geometry as class attributes. It prints only what the
`Briefing` holds: the PDF's text, outline and metadata all come from its fields and from
the fixed labels, so what redaction removed before cannot appear.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.briefing import exhibits as exhibit_pages
from desktop.briefing.labels import label
from desktop.briefing.model import (
    Briefing,
    ChronologyRow,
    Citation,
)
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.canvas import DeferredCanvas
from desktop.briefing.pdf.exhibit_index import EXHIBIT_COLUMNS, exhibit_index
from desktop.briefing.pdf.flowables import (
    ContentsLine,
    MadeWhenReached,
    SectionAnchor,
    SectionHeading,
)
from desktop.briefing.pdf.geometry import paper_size
from desktop.briefing.pdf.marks import language_mark as _marker
from desktop.briefing.pdf.people import PeopleSection
from desktop.briefing.pdf.register import ComplaintsRegister, cite_markup
from desktop.briefing.pdf.styles import (
    HEADER_FILL,
    INK,
    MARKING,
    MUTED,
    RULE,
    PackStyles,
    build_styles,
    text,
)
from desktop.briefing.pdf.xref import (
    Pages,
    anchored,
    paragraph_key,
)
from desktop.core.fuzzydate import FuzzyDate

Progress = Callable[[float], None]
Story = list[Flowable]


class _PackTemplate(BaseDocTemplate):
    """Reports progress as the story is consumed (split parts go back into the story)."""

    def __init__(self, *args: Any, progress: Progress | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._progress = progress
        self.story_length = 1
        self.story: list[Flowable] = []
        self._reported = -1.0

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        while flowables and isinstance(flowables[0], MadeWhenReached):
            flowables[0:1] = flowables[0].make()
        if not flowables:
            return
        super().handle_flowable(flowables)
        # Nested calls (KeepTogether and friends) pass their own short lists: skip them.
        if self._progress is not None and flowables is self.story:
            done = max(0.0, min(1.0, 1 - len(flowables) / max(1, self.story_length)))
            if done - self._reported >= 0.01:
                self._reported = done
                self._progress(done)


class BriefingRenderer(PeopleSection, ComplaintsRegister):
    """Renders one `Briefing` to PDF bytes; subclass and override a step to change it."""

    margin_left: ClassVar[float] = 20 * mm
    margin_right: ClassVar[float] = 18 * mm
    margin_top: ClassVar[float] = 22 * mm
    margin_bottom: ClassVar[float] = 20 * mm
    header_baseline: ClassVar[float] = 12 * mm  # from the top edge
    footer_baseline: ClassVar[float] = 10 * mm  # from the bottom edge
    base_font_size: ClassVar[float] = 9.5
    running_font_size: ClassVar[float] = 7.5
    # Chronology columns as fractions of the frame width: date, event, people, sources;
    # with citations as footnotes there is no sources column and the event is wider.
    chronology_columns: ClassVar[tuple[float, ...]] = (0.15, 0.48, 0.23, 0.14)
    chronology_columns_footnoted: ClassVar[tuple[float, ...]] = (0.15, 0.59, 0.26)
    # Long tables are cut into tables of this many rows: reportlab re-measures the rest of a
    # table at every page split, so one 10,000-row table would lay out in quadratic time.
    chronology_chunk_rows: ClassVar[int] = 500
    # A row taller than this may split across pages instead of raising a LayoutError.
    split_in_row_min: ClassVar[float] = 40.0

    def __init__(self, progress: Progress | None = None) -> None:
        self.progress = progress
        # Where each cross-reference target landed, filled as the pack is drawn.
        self.pages: Pages = {}

    # -- the pipeline ---------------------------------------------------------------------

    def render(self, briefing: Briefing) -> bytes:
        """The complete pack: main document, then the stamped exhibits."""
        self.register_fonts()
        with_exhibits = briefing.has("exhibits")
        plan = exhibit_pages.plan_exhibits(
            briefing.exhibits if with_exhibits else (),
            briefing.bates_prefix,
            briefing.paper,
            briefing.lang,
            clean=briefing.redaction != "internal",
        )
        main = self.render_main(briefing, plan)
        if not plan.page_count:
            return main
        return exhibit_pages.append_exhibits(
            main,
            plan,
            briefing.lang,
            label(briefing.lang, "exhibit.appended"),
            briefing.confidentiality,
        )

    def render_main(self, briefing: Briefing, plan: exhibit_pages.ExhibitPlan) -> bytes:
        """The main document alone; `plan` says how many exhibit pages will follow it."""
        out = io.BytesIO()
        styles = self.styles(briefing)
        doc = _PackTemplate(
            out,
            progress=self.progress,
            pagesize=paper_size(briefing.paper),
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=briefing.title,
            author=briefing.prepared_by,
            subject=label(briefing.lang, "cover.kind"),
            creator="Dossier",
            producer="Dossier",
            keywords="",
            invariant=1,
            lang=briefing.lang,
            initialFontName=fonts.SERIF,
            initialFontSize=self.base_font_size,
            initialLeading=self.base_font_size * 1.3,
        )
        doc.addPageTemplates(self.page_templates(doc))
        self.pages = {}
        story = self.story(briefing, styles, plan)
        doc.story, doc.story_length = story, len(story)
        g = briefing.generated_on

        def canvas_maker(*args: Any, **kwargs: Any) -> DeferredCanvas:
            canvas = DeferredCanvas(
                *args,
                decorate_page=lambda c, page, total: self.decorate_page(c, briefing, page, total),
                extra_pages=plan.page_count,
                creation_date=(g.year, g.month, g.day),
                bates_prefix=briefing.bates_prefix,
                **kwargs,
            )
            canvas.anchor_pages = self.pages
            return canvas

        doc.build(story, canvasmaker=canvas_maker)
        if self.progress is not None:
            self.progress(1.0)
        return out.getvalue()

    def register_fonts(self) -> None:
        fonts.register_fonts()

    def styles(self, briefing: Briefing) -> PackStyles:
        return build_styles(self.base_font_size)

    def page_templates(self, doc: BaseDocTemplate) -> list[PageTemplate]:
        frame = Frame(
            doc.leftMargin,
            doc.bottomMargin,
            doc.width,
            doc.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        return [PageTemplate(id="page", frames=[frame], pagesize=doc.pagesize)]

    def story(
        self, briefing: Briefing, styles: PackStyles, plan: exhibit_pages.ExhibitPlan
    ) -> Story:
        """Every chosen section in order, each starting on a fresh page."""
        builders: dict[str, Callable[[], Story]] = {
            "cover": lambda: self.cover(briefing, styles),
            "contents": lambda: self.contents(briefing, styles, plan),
            "summary": lambda: self.summary(briefing, styles),
            "chronology": lambda: self.chronology(briefing, styles),
            "people": lambda: self.people(briefing, styles),
            "complaints": lambda: self.complaints(briefing, styles),
            "sources": lambda: self.sources(briefing, styles),
            "exhibits": lambda: self.exhibit_index(briefing, styles, plan),
        }
        story: Story = []
        for section in briefing.sections:
            if story:
                story.append(PageBreak())
            story.extend(builders[section]())
        return story

    # -- running header and footer ---------------------------------------------------------

    def decorate_page(
        self, canvas: DeferredCanvas, briefing: Briefing, page: int, total: int
    ) -> None:
        """The marking at the top of every page, beside the case title (which the cover
        prints large instead); "page X of Y" at the foot."""
        width, height = canvas._pagesize
        size = self.running_font_size
        left, right = self.margin_left, width - self.margin_right
        on_cover = page == 1 and briefing.has("cover")
        y = height - self.header_baseline
        marking = fonts.fit_line(briefing.confidentiality, fonts.SANS_BOLD, size, right - left)
        marking_w = stringWidth(marking, fonts.SANS_BOLD, size) if marking else 0.0
        if not on_cover:
            title = fonts.fit_line(briefing.title, fonts.SANS, size, right - left - marking_w - 12)
            canvas.setFont(fonts.SANS, size)
            canvas.setFillColor(MUTED)
            canvas.drawString(left, y, title)
        if marking:
            canvas.setFont(fonts.SANS_BOLD, size)
            canvas.setFillColor(MARKING)
            canvas.drawRightString(right, y, marking)
        if marking or not on_cover:
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.5)
            canvas.line(left, y - 3, right, y - 3)
        canvas.setFont(fonts.SANS, size)
        canvas.setFillColor(INK)
        canvas.drawCentredString(
            width / 2, self.footer_baseline, label(briefing.lang, "page_of", page=page, total=total)
        )
        if briefing.audit_head and page == canvas.main_page_count:
            self.audit_head_line(canvas, briefing, width)

    def audit_head_line(self, canvas: DeferredCanvas, briefing: Briefing, width: float) -> None:
        """On the last page of the pack's own text: the audit head it was printed at.

        Anyone holding the pack can later have the vault checked against it
        (`dossier vault verify --against COUNT:HASH`); see `desktop.store.audit`.
        """
        canvas.setFont(fonts.SANS, self.running_font_size - 1.5)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(
            width / 2,
            self.footer_baseline - self.running_font_size,
            label(briefing.lang, "audit_head", head=briefing.audit_head),
        )

    # -- sections --------------------------------------------------------------------------

    def heading(self, briefing: Briefing, styles: PackStyles, section: str) -> SectionHeading:
        title = label(briefing.lang, f"section.{section}")
        return SectionHeading(text(title), styles.heading, section, title)

    def cover(self, briefing: Briefing, styles: PackStyles) -> Story:
        lang = briefing.lang
        story: Story = [
            SectionAnchor("cover", label(lang, "section.cover")),
            Spacer(1, 40 * mm),
            Paragraph(text(label(lang, "cover.kind")), styles.cover_kind),
            Paragraph(
                text(briefing.title) + _marker(lang, briefing.title_lang), styles.cover_title
            ),
        ]
        fields = [
            ("cover.prepared_for", briefing.prepared_for),
            ("cover.prepared_by", briefing.prepared_by),
            ("cover.generated_on", _day_text(briefing.generated_on, lang)),
            ("cover.period", briefing.period_text),
            ("cover.selection", briefing.selection_note),
            ("cover.redaction", label(lang, f"redaction.{briefing.redaction}")),
        ]
        rows = [
            [
                Paragraph(text(label(lang, key)), styles.cell_head),
                Paragraph(text(value), styles.cover_field),
            ]
            for key, value in fields
            if value
        ]
        table = Table(rows, colWidths=[40 * mm, None], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    # Table cells default to Helvetica, a base-14 font: name ours.
                    ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        story.append(table)
        if briefing.confidentiality:
            story.append(Paragraph(text(briefing.confidentiality), styles.cover_marking))
        if briefing.is_sample:
            story.append(Paragraph(text(label(lang, "cover.sample")), styles.cover_notice))
        return story

    def contents(
        self, briefing: Briefing, styles: PackStyles, plan: exhibit_pages.ExhibitPlan
    ) -> Story:
        """One line per section; the numbers are drawn once every section has its page."""
        lang = briefing.lang
        story: Story = [self.heading(briefing, styles, "contents")]
        size = self.base_font_size * 1.1
        for section in briefing.sections:
            if section in ("cover", "contents"):
                continue
            story.append(
                ContentsLine(
                    label(lang, f"section.{section}"),
                    _section_page(section),
                    fonts.SERIF,
                    size,
                    link_key=section,
                )
            )
        if plan.page_count:
            story.append(
                ContentsLine(
                    label(lang, "exhibit.appended"),
                    lambda c: c.main_page_count + 1,
                    fonts.SERIF,
                    size,
                )
            )
        return story

    def summary(self, briefing: Briefing, styles: PackStyles) -> Story:
        story: Story = [self.heading(briefing, styles, "summary")]
        if briefing.summary_lang:
            story.append(Paragraph(text(label(briefing.lang, "text_in.note")), styles.muted))
        mark = _marker(briefing.lang, briefing.summary_lang)
        for paragraph in _paragraphs(briefing.summary):
            story.append(Paragraph(text(paragraph) + mark, styles.body))
            mark = ""  # the first paragraph carries the mark
        return story

    def chronology(self, briefing: Briefing, styles: PackStyles) -> Story:
        lang = briefing.lang
        story: Story = [self.heading(briefing, styles, "chronology")]
        if not briefing.chronology:
            story.append(Paragraph(text(label(lang, "chrono.empty")), styles.body))
            return story
        if any(r.title_lang or r.description_lang for r in briefing.chronology):
            story.append(Paragraph(text(label(lang, "text_in.note")), styles.muted))
            story.append(Spacer(1, self.base_font_size / 2))
        footnotes = briefing.citations == "footnotes"
        keys = ["chrono.date", "chrono.event", "chrono.people"]
        if not footnotes:
            keys.append("chrono.sources")
        head = [Paragraph(text(label(lang, key)), styles.cell_head) for key in keys]
        columns = self.chronology_columns_footnoted if footnotes else self.chronology_columns
        widths = self._column_widths(briefing, columns)
        notes = iter(range(1, 1 + sum(len(r.citations) for r in briefing.chronology)))
        rows = briefing.chronology
        # Rows never split across pages (a split row left a fragment with an empty date
        # cell on the next page); a row taller than a page is cut into rows of its own
        # first, each saying it continues. Tables of a few hundred rows keep layout time
        # linear; each further table starts on a new page so its header is a page's top.
        # Each table is made only when layout reaches it (see `MadeWhenReached`), in order,
        # so footnote numbers still run on from one table to the next.
        limit = self._row_limit(briefing)
        continued = text(label(lang, "chrono.continued"))

        def table(chunk: list[ChronologyRow]) -> list[Flowable]:
            data: list[list[Any]] = [head]
            for row in chunk:
                cells = self.chronology_row(briefing, styles, row, notes)
                data.extend(_fit_row(cells, widths, limit, f"{text(row.date_text)} {continued}",
                                     styles.cell))  # fmt: skip
            return [self._grid(data, widths, split_in_row=0)]

        for start in range(0, len(rows), self.chronology_chunk_rows):
            chunk = list(rows[start : start + self.chronology_chunk_rows])
            if start:
                story.append(PageBreak())
            story.append(MadeWhenReached(functools.partial(table, chunk)))
        return story

    def _row_limit(self, briefing: Briefing) -> float:
        """The tallest a table row may be: a page's frame less the header row and room."""
        height = paper_size(briefing.paper)[1] - self.margin_top - self.margin_bottom
        return height - 6 * self.base_font_size

    def chronology_row(
        self, briefing: Briefing, styles: PackStyles, row: ChronologyRow, notes: Iterator[int]
    ) -> list[Any]:
        """Date, event, people and (in column style) sources; in footnote style each
        citation is a numbered note printed under the event, on the same page as its mark."""
        lang = briefing.lang
        # date_text says all there is ("circa March 2008", "before 5 August 2010"): a
        # "(day)"/"(range)" line under every date was noise a clerk had to read past.
        date_cell: Any = Paragraph(text(row.date_text), styles.cell)
        if row.number:  # the paragraph a brief cites, above its date; a link target
            date = f"<b>¶\u00a0{row.number}</b><br/>{text(row.date_text)}"
            date_cell = anchored(date, styles.cell, self.pages, paragraph_key(row.number))
        footnotes = briefing.citations == "footnotes"
        marks = [next(notes) for _ in row.citations] if footnotes else []
        event = f"<b>{text(row.title)}</b>"
        if marks:
            event += "<super>" + ",".join(str(m) for m in marks) + "</super>"
        event += _marker(lang, row.title_lang)
        if row.description:
            mark = _marker(
                lang, row.description_lang if row.description_lang != row.title_lang else ""
            )
            event += f"<br/>{text(row.description)}{mark}"
        if row.place:
            event += f"<br/><i>{text(label(lang, 'chrono.place'))}: {text(row.place)}</i>"
        fact = _fact_text(row, lang)
        if fact:
            event += f"<br/><i>{text(fact)}</i>"
        if marks:
            event += "".join(
                f"<br/><font size='{self.base_font_size - 2}'><super>{mark}</super> "
                f"{_note(c, lang)}</font>"
                for mark, c in zip(marks, row.citations, strict=True)
            )
        people = "<br/>".join(_person_line(p.name, p.role, p.rank) for p in row.people)
        cells: list[Any] = [
            date_cell,
            Paragraph(event, styles.cell),
            Paragraph(people, styles.cell) if people else "",
        ]
        if not footnotes:
            sources = "<br/>".join(cite_markup(c, lang) for c in row.citations)
            cells.append(Paragraph(sources, styles.cell) if sources else "")
        return cells

    def sources(self, briefing: Briefing, styles: PackStyles) -> Story:
        story: Story = [self.heading(briefing, styles, "sources")]
        if not briefing.sources:
            story.append(Paragraph(text(label(briefing.lang, "sources.empty")), styles.body))
        for source in briefing.sources:
            label_text = f"<b>{text(source.label)}</b>\u2002" if source.label else ""
            story.append(
                Paragraph(f"[{source.number}]\u2002{label_text}{text(source.text)}", styles.source)
            )
        return story

    def exhibit_index(
        self, briefing: Briefing, styles: PackStyles, plan: exhibit_pages.ExhibitPlan
    ) -> Story:
        """Label, description, date, source, pages and SHA-256 of each exhibit."""
        widths = self._column_widths(briefing, EXHIBIT_COLUMNS)
        story: Story = [self.heading(briefing, styles, "exhibits")]
        story.extend(exhibit_index(briefing, styles, plan, widths, self._grid))
        return story

    # -- helpers ---------------------------------------------------------------------------

    def _column_widths(self, briefing: Briefing, fractions: tuple[float, ...]) -> list[float]:
        width = paper_size(briefing.paper)[0] - self.margin_left - self.margin_right
        return [width * f for f in fractions]

    def _grid(
        self, data: list[list[Any]], widths: list[float], split_in_row: float | None = None
    ) -> Table:
        """A ruled table with a repeated header; rows taller than `split_in_row` points may
        be split across pages (0: never; the caller has cut rows to fit a page)."""
        table = Table(
            data,
            colWidths=widths,
            repeatRows=1,
            splitInRow=self.split_in_row_min if split_in_row is None else split_in_row,
            hAlign="LEFT",
        )
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                    ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF),
                ]
            )
        )
        return table


def _section_page(section: str) -> Callable[[DeferredCanvas], int | None]:
    return lambda c: c.section_pages.get(section)


def _paragraphs(value: str) -> Iterator[str]:
    for block in value.replace("\r\n", "\n").split("\n\n"):
        block = block.strip()
        if block:
            yield block


def _person_line(name: str, role: str, rank: str) -> str:
    line = f"<b>{text(name)}</b>"
    details = ", ".join(text(part) for part in (role, rank) if part)
    return f"{line}: {details}" if details else line


def _note(citation: Citation, lang: str) -> str:
    """A footnote: the source's number and label, the pinpoint and the quote."""
    source = f"[{citation.source_number}]"
    if citation.source_label:
        source += f" {text(citation.source_label)}"
    if citation.source_title:
        source += f" <i>{text(citation.source_title)}</i>"
    if citation.pinpoint:
        source += f", {text(citation.pinpoint)}"
    if citation.quote:
        source += f" <i>{text(label(lang, 'quote', quote=citation.quote))}</i>"
    return source


def _fact_text(row: ChronologyRow, lang: str) -> str:
    """How far the fact is established, naming who disputes it as entered."""
    if row.fact_status != "disputed":
        return label(lang, f"fact.{row.fact_status}")
    who = row.disputed_by or "authorities"  # the only wording before the field existed
    if who == "other":
        note = row.disputed_by_note.strip()
        return label(lang, "disputed.other", who=note) if note else label(lang, "fact.disputed")
    wording = label(lang, f"disputed.{who}")
    note = row.disputed_by_note.strip()
    return f"{wording} ({note})" if note else wording


def render_briefing(briefing: Briefing, progress: Progress | None = None) -> bytes:
    """The pack as PDF bytes, with the default renderer."""
    return BriefingRenderer(progress).render(briefing)


def _day_text(day: dt.date, lang: str) -> str:
    """The pack's date as the body writes dates ("16 November 2009", "16 ноября 2009")."""
    return FuzzyDate.from_edtf(day.isoformat()).display(lang)


CELL_PADDING = 4.0  # LEFTPADDING / RIGHTPADDING of every grid cell (see _grid)


def _fit_row(
    cells: list[Any], widths: list[float], limit: float, continued: str, style: Any
) -> list[list[Any]]:
    """`cells` as one row, or as several when a cell is taller than `limit` points.

    The tall paragraphs are split where they would leave the page; the following rows
    carry the rest, with `continued` in the first column and the other cells empty.
    """
    rows: list[list[Any]] = []
    current = cells
    while True:
        inner = [w - 2 * CELL_PADDING for w in widths]
        heights = [
            c.wrap(w, limit)[1] if isinstance(c, Paragraph) else 0.0
            for c, w in zip(current, inner, strict=True)
        ]
        if max(heights) <= limit:
            rows.append(current)
            return rows
        first: list[Any] = []
        rest: list[Any] = []
        for cell, width, height in zip(current, inner, heights, strict=True):
            pieces = cell.split(width, limit) if height > limit else []
            if len(pieces) == 2:
                first.append(pieces[0])
                rest.append(pieces[1])
            else:
                first.append(cell)
                rest.append("")
        if all(r == "" for r in rest):  # nothing could be split: leave it to reportlab
            rows.append(current)
            return rows
        rows.append(first)
        rest[0] = Paragraph(continued, style)
        current = rest

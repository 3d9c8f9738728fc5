"""Benchmark: briefing packs of 1,000 and 10,000 events against bare reportlab.

For each size it prints the pack's build time, pages per second and peak memory
(tracemalloc), then the time bare reportlab takes to set the same chronology table (the
same Paragraph cells in a plain Table in a SimpleDocTemplate), and the ratio of the two.
Budget (DESIGN.md): 1,000 events < 5 s; ratio <= 1.5. Prints figures, asserts nothing.

    .venv/bin/python bench/brief.py [--sizes 1000,10000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import io
import itertools
import random
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pypdf import PdfReader
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from desktop.briefing.model import (
    Briefing,
    ChronologyRow,
    Citation,
    ComplaintEntry,
    EventPerson,
    PersonEntry,
    Posting,
    SourceEntry,
)
from desktop.briefing.pdf import fonts
from desktop.briefing.pdf.geometry import paper_size
from desktop.briefing.pdf.renderer import BriefingRenderer
from desktop.briefing.pdf.styles import build_styles

PHRASES = (
    "Interior Ministry officers raid the Moscow offices of Hermitage and Firestone Duncan.",
    "Сотрудники МВД проводят обыск в московских офисах Hermitage и Firestone Duncan.",
    "The seized companies are re-registered and used to obtain a tax refund of 5.4 billion ₽.",
    "Магнитский даёт показания о причастности сотрудников МВД к хищению компаний.",
    "Magnitsky is transferred between detention centres and denied medical care.",
    "Адвокаты подают жалобы с требованием медицинского обследования.",
    "The Prosecutor General's Office refuses to open an inquiry.",
    "Совет при Президенте по развитию гражданского общества публикует доклад.",
)
PEOPLE = (
    ("Sergei Magnitsky", "victim", ""),
    ("Артём Кузнецов", "accused", "Lieutenant Colonel"),
    ("Pavel Karpov", "investigator", "Major"),
    ("Олег Сильченко", "investigator", ""),
    ("Dmitry Kharitonov", "defence lawyer", ""),
)


def synthetic_briefing(events: int, seed: int = 7) -> Briefing:
    """A pack with `events` chronology rows of realistic, mixed-script length."""
    rnd = random.Random(seed)
    start = dt.date(2007, 1, 1)
    rows = []
    for i in range(events):
        day = start + dt.timedelta(days=i // 3)
        description = " ".join(rnd.choice(PHRASES) for _ in range(rnd.randint(1, 6)))
        people = tuple(
            EventPerson(name, role, rank)
            for name, role, rank in rnd.sample(PEOPLE, rnd.randint(0, 3))
        )
        citations = tuple(
            Citation(rnd.randint(1, 8), f"p. {rnd.randint(1, 300)}" if rnd.random() < 0.6 else "")
            for _ in range(rnd.randint(1, 3))
        )
        rows.append(
            ChronologyRow(
                date_text=day.isoformat(),
                title=rnd.choice(PHRASES)[:60],
                description=description,
                people=people,
                citations=citations,
            )
        )
    return Briefing(
        title="Synthetic case / Синтетическое дело",
        generated_on=dt.date(2024, 5, 1),
        summary=" ".join(PHRASES) * 3,
        confidentiality="CONFIDENTIAL",
        prepared_for="Counsel",
        prepared_by="Bench",
        chronology=tuple(rows),
        people=tuple(
            PersonEntry(
                name,
                "official",
                postings=(Posting("Interior Ministry", role, rank, "2007–2009"),),
                allegations=PHRASES[3],
            )
            for name, role, rank in PEOPLE
        ),
        complaints=tuple(
            ComplaintEntry(f"2009-08-{10 + n}", "Head of the detention centre", overdue=n % 2 == 0)
            for n in range(10)
        ),
        sources=tuple(SourceEntry(n, f"Source {n}, {PHRASES[n - 1]}") for n in range(1, 9)),
    )


def bare_reportlab(briefing: Briefing) -> bytes:
    """The same chronology cells in one plain Table, laid out by SimpleDocTemplate."""
    renderer = BriefingRenderer()
    styles = build_styles(renderer.base_font_size)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=paper_size(briefing.paper),
        leftMargin=renderer.margin_left,
        rightMargin=renderer.margin_right,
        topMargin=renderer.margin_top,
        bottomMargin=renderer.margin_bottom,
        invariant=1,
        initialFontName=fonts.SERIF,
    )
    head = ["Date", "Event", "People", "Sources"]
    data: list[list[Any]] = [head]
    notes = itertools.count(1)  # column style: no notes are taken
    data.extend(
        renderer.chronology_row(briefing, styles, row, notes) for row in briefing.chronology
    )
    table = Table(
        data, colWidths=renderer._column_widths(briefing, renderer.chronology_columns), repeatRows=1
    )
    table.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), fonts.SERIF)]
        )
    )
    doc.build([table])
    return out.getvalue()


def measure(work: Callable[[], bytes]) -> tuple[float, int, bytes]:
    """Seconds, peak traced bytes and output of one run."""
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    pdf = work()
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak, pdf


def timed(work: Callable[[], bytes]) -> float:
    gc.collect()
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    fonts.register_fonts()
    print(
        f"{'events':>7} {'pack s':>7} {'pages':>6} {'pages/s':>8} {'peak MiB':>9} "
        f"{'bare s':>7} {'ratio':>6}"
    )
    for events in (int(s) for s in args.sizes.split(",")):
        briefing = synthetic_briefing(events)
        renderer = BriefingRenderer()
        # Time without tracemalloc (it slows Python down), then measure memory separately.
        pack = functools.partial(renderer.render, briefing)
        pack_s = timed(pack)
        bare_s = timed(functools.partial(bare_reportlab, briefing))
        _, peak, pdf = measure(pack)
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(
            f"{events:>7} {pack_s:>7.2f} {pages:>6} {pages / pack_s:>8.1f} "
            f"{peak / 2**20:>9.1f} {bare_s:>7.2f} {pack_s / bare_s:>6.2f}"
        )


if __name__ == "__main__":
    main()

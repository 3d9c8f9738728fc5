"""The `uwazi-csv` export: one CSV per Uwazi template, in the shape Uwazi's CSV import reads.

The first row names template properties (lower case, `_` for spaces), `title` first;
several values in one cell are separated by `|` (multi-select, relationships); dates are
`YYYY/MM/DD` and date ranges `start:end`, with an empty side for an open range ("before
X" is `:X`), so a fuzzy date is imported as the span of days it covers and
`date_as_written` keeps the words. Relationship cells name the related entity by its
title, as Uwazi matches them. `dossier_id` holds the record id (Uwazi's own `id` column
means its shared id, which a new collection does not have). `TEMPLATES` lists, for each
file, the template's properties and their types; the export writes them beside the CSV
files as `templates.md`, for whoever sets the templates up before importing.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Final

from desktop.briefing.exports.content import ExportContent, ExportSource
from desktop.core.enums import ComplaintStatus, FactStatus, LabelledEnum, PersonKind, SourceKind
from desktop.core.fuzzydate import FuzzyDate, Qualifier
from desktop.core.sheetcolumns import formula_safe

# file -> (template, ((property, Uwazi type), ...)); `title` is Uwazi's own column.
TEMPLATES: Final[dict[str, tuple[str, tuple[tuple[str, str], ...]]]] = {
    "people.csv": (
        "Person",
        (
            ("title", "Title"),
            ("kind", "Select"),
            ("original_name", "Text"),
            ("other_names", "Text"),
            ("description", "Rich text"),
            ("postings", "Rich text"),
            ("dossier_id", "Text"),
        ),
    ),
    "sources.csv": (
        "Source",
        (
            ("title", "Title"),
            ("label", "Text"),
            ("author", "Text"),
            ("publisher", "Text"),
            ("date_range", "Date range"),
            ("date_as_written", "Text"),
            ("url", "Text"),
            ("source_kind", "Select"),
            ("dossier_id", "Text"),
        ),
    ),
    "events.csv": (
        "Event",
        (
            ("title", "Title"),
            ("date_range", "Date range"),
            ("date_as_written", "Text"),
            ("edtf", "Text"),
            ("description", "Rich text"),
            ("place", "Text"),
            ("fact_status", "Select"),
            ("key_fact", "Select"),
            ("people", "Relationship (Person)"),
            ("sources", "Relationship (Source)"),
            ("tags", "Multi-select"),
            ("dossier_id", "Text"),
        ),
    ),
    "complaints.csv": (
        "Complaint",
        (
            ("title", "Title"),
            ("filed", "Date range"),
            ("filed_as_written", "Text"),
            ("body", "Text"),
            ("against", "Relationship (Person)"),
            ("against_other", "Text"),
            ("subject", "Rich text"),
            ("our_reference", "Text"),
            ("registration_number", "Text"),
            ("response_due", "Date"),
            ("status", "Select"),
            ("dossier_id", "Text"),
        ),
    ),
}
MULTI: Final = "|"
KEY_FACT: Final = {"en": "Key fact", "ru": "Ключевой факт"}


def uwazi_day(day: dt.date | None) -> str:
    return "" if day is None else f"{day.year:04d}/{day.month:02d}/{day.day:02d}"


def uwazi_range(date: FuzzyDate) -> str:
    """`first:last` of the days the date may be; an open side empty; undated: empty."""
    if date.is_undated:
        return ""
    first = None if date.qualifier is Qualifier.BEFORE else date.earliest()
    last = None if date.qualifier is Qualifier.AFTER else date.latest()
    return f"{uwazi_day(first)}:{uwazi_day(last)}"


def _label(vocabulary: type[LabelledEnum], value: str, lang: str) -> str:
    """A select cell holds the term as people read it; an unknown value stays as stored."""
    try:
        return vocabulary(value).label(lang)
    except ValueError:
        return value


def _multi(values: list[str]) -> str:
    # A value holding the separator would split in two: it keeps a slash instead.
    return MULTI.join(dict.fromkeys(v.replace(MULTI, "/") for v in values if v))


def source_title(source: ExportSource) -> str:
    return f"{source.label}: {source.title}"


def uwazi_rows(content: ExportContent) -> dict[str, list[tuple[str, ...]]]:
    lang = content.lang
    sources = {s.id: source_title(s) for s in content.sources}
    rows: dict[str, list[tuple[str, ...]]] = {
        "people.csv": [
            (
                p.name,
                _label(PersonKind, p.kind, lang),
                p.original,
                "; ".join(p.aliases),
                p.description,
                "\n".join(
                    "- "
                    + ", ".join(x for x in (post.role, post.rank, post.organisation) if x)
                    + (f" ({post.period_text})" if post.period_text else "")
                    for post in p.postings
                ),
                p.id,
            )
            for p in content.people
        ],
        "sources.csv": [
            (
                sources[s.id],
                s.label,
                s.author,
                s.publisher,
                uwazi_range(s.date),
                "" if s.date.is_undated else s.date.display(lang),
                s.url,
                _label(SourceKind, s.kind, lang),
                s.id,
            )
            for s in content.sources
        ],
        "events.csv": [
            (
                e.title,
                uwazi_range(e.date),
                e.date_text,
                e.date.to_edtf(),
                e.description,
                e.place,
                _label(FactStatus, e.status, lang),
                KEY_FACT[lang] if e.key else "",
                _multi([p.name for p in e.people]),
                _multi([sources[r.source_id] for r in e.sources if r.source_id in sources]),
                _multi(list(e.tags)),
                e.id,
            )
            for e in content.events
        ],
        "complaints.csv": [
            (
                " — ".join(x for x in (c.body, c.filed_text) if x),
                uwazi_range(c.filed),
                c.filed_text,
                c.body,
                _multi([a.text for a in c.against if a.person_id]),
                "; ".join(a.text for a in c.against if not a.person_id and not a.hidden),
                c.subject,
                c.reference,
                c.registration,
                uwazi_day(c.due),
                _label(ComplaintStatus, c.status, lang),
                c.id,
            )
            for c in content.complaints
        ],
    }
    return {name: [tuple(p for p, _t in TEMPLATES[name][1]), *rows[name]] for name in TEMPLATES}


def templates_text() -> str:
    lines = [
        "# Uwazi templates for these files",
        "",
        "Create each template with these properties (name: type) before importing its file",
        "in Settings > Import CSV. Dates are YYYY/MM/DD; ranges start:end; several values |.",
        "",
    ]
    for name, (template, properties) in TEMPLATES.items():
        lines.append(f"## {name}: template {template}")
        lines.extend(f"- {prop}: {kind}" for prop, kind in properties)
        lines.append("")
    return "\n".join(lines)


def uwazi_files(content: ExportContent) -> list[tuple[str, bytes]]:
    files = []
    for name, rows in uwazi_rows(content).items():
        out = io.StringIO(newline="")
        # A cell a spreadsheet would run as a formula ("=…", "-…") starts with an apostrophe.
        csv.writer(out, lineterminator="\r\n").writerows(
            [tuple(formula_safe(cell) for cell in row) for row in rows]
        )
        # No byte-order mark: Uwazi would read it as part of the first header, `title`.
        files.append((name, out.getvalue().encode("utf-8")))
    files.append(("templates.md", templates_text().encode("utf-8")))
    return files

"""The `timelinejs` export: the chronology as TimelineJS3 JSON, for a public web timeline.

Dates are as precise as the case knows them and no more: a month is given without a
day, a year without a month, a decade as the span of its years, a range by its start
and end; every slide's `display_date` is the date as the pack prints it ("circa March
2008", "before 5 August 2010", "night of 25–26 August 2008"), so an approximate or
bounded date never shows as an exact one. Undated facts cannot be placed on a timeline
and are left out; the title slide says how many. Text is HTML-escaped, since TimelineJS
renders it as HTML.
"""

from __future__ import annotations

import html
import json
from typing import Any

from desktop.briefing.exports.content import ExportContent, ExportEvent
from desktop.briefing.exports.words import word
from desktop.core.fuzzydate import DatePoint, Precision, Qualifier

UNDATED_NOTE = {
    "en": "{count} undated fact(s) are not on this timeline.",
    "ru": "Фактов без даты, не показанных на шкале: {count}.",
}


def date_object(point: DatePoint, *, last: bool = False) -> dict[str, int]:
    """A TimelineJS date with only the parts the point knows; a decade or century as its
    first year (or, with `last`, its last year)."""
    if point.precision in (Precision.DECADE, Precision.CENTURY):
        day = point.latest() if last else point.earliest()
        return {"year": day.year}
    found = {"year": point.year}
    if point.month is not None and point.precision in (Precision.MONTH, Precision.DAY):
        found["month"] = point.month
    if point.day is not None and point.precision is Precision.DAY:
        found["day"] = point.day
    return found


def _slide(event: ExportEvent, lang: str) -> dict[str, Any]:
    date = event.date
    assert date.start is not None
    start = date_object(date.start)
    end = None
    if date.end is not None:
        end = date_object(date.end, last=True)
    elif date.qualifier in (Qualifier.EXACT, Qualifier.CIRCA) and date.start.precision in (
        Precision.DECADE,
        Precision.CENTURY,
    ):
        end = date_object(date.start, last=True)
    start["display_date"] = event.date_text  # type: ignore[assignment]
    slide: dict[str, Any] = {
        "unique_id": event.id,
        "start_date": start,
        "display_date": event.date_text,
        "text": {"headline": html.escape(event.title), "text": _body(event, lang)},
    }
    if end is not None:
        slide["end_date"] = end
    return slide


def _body(event: ExportEvent, lang: str) -> str:
    parts = [f"<p>{html.escape(p)}</p>" for p in event.description.split("\n") if p.strip()]
    if event.place:
        parts.append(f"<p>{word(lang, 'place')}: {html.escape(event.place)}</p>")
    if event.people:
        names = ", ".join(
            html.escape(f"{p.name} ({p.role})" if p.role else p.name) for p in event.people
        )
        parts.append(f"<p>{word(lang, 'people')}: {names}</p>")
    if event.sources:
        refs = ", ".join(html.escape(r.text()) for r in event.sources)
        parts.append(f"<p>{word(lang, 'sources')}: {refs}</p>")
    return "".join(parts)


def timeline_data(content: ExportContent) -> dict[str, Any]:
    lang = content.lang
    dated = [e for e in content.events if not e.date.is_undated]
    notes = [f"<p>{html.escape(p)}</p>" for p in content.summary.split("\n") if p.strip()]
    if content.is_sample:
        notes.append(f"<p>{html.escape(word(lang, 'sample'))}</p>")
    undated = len(content.events) - len(dated)
    if undated:
        notes.append(f"<p>{UNDATED_NOTE[lang].format(count=undated)}</p>")
    return {
        "title": {"text": {"headline": html.escape(content.title), "text": "".join(notes)}},
        "events": [_slide(e, lang) for e in dated],
    }


def timelinejs_file(
    content: ExportContent, file_name: str = "timeline.json"
) -> list[tuple[str, bytes]]:
    text = json.dumps(timeline_data(content), ensure_ascii=False, indent=1, sort_keys=True)
    return [(file_name, (text + "\n").encode("utf-8"))]

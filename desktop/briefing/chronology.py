"""The pack's chronology: the kept events in timeline order as numbered paragraphs, and
which paragraphs each date and each person are in (for the register and people)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from desktop.briefing.model import (
    ChronologyRow,
    EventPerson,
)
from desktop.briefing.selection import Selection, in_pack_language, kept_events, other_lang
from desktop.core.fuzzydate import FuzzyDate


def precision_of(date: FuzzyDate) -> tuple[str, str]:
    if date.is_undated:
        return "undated", "exact"
    if date.end is not None:
        return "range", date.qualifier.value
    return str(date.precision), date.qualifier.value


@dataclass(frozen=True)
class Chronology:
    """The numbered rows, and which paragraph each shown event became."""

    rows: tuple[ChronologyRow, ...]
    paragraph_of: dict[str, int]  # event id -> paragraph number
    filed_on: dict[str, list[int]]  # date as entered (EDTF) -> paragraphs of that date
    takes_part: dict[str, list[int]]  # person id -> paragraphs they take part in


def chronology_of(sel: Selection) -> Chronology:
    rows: list[ChronologyRow] = []
    paragraph_of: dict[str, int] = {}
    on_date: dict[str, list[int]] = defaultdict(list)
    takes_part: dict[str, list[int]] = defaultdict(list)
    for kept in kept_events(sel):
        event, date = kept.event, kept.date
        precision, qualifier = precision_of(date)
        title, description = in_pack_language(
            sel,
            event.text_lang,
            event.title,
            ((event.title, event.title_alt), (event.description, event.description_alt)),
        )
        number = len(rows) + 1  # the paragraph a brief cites: "para. 14"
        paragraph_of[event.id] = number
        on_date[event.date_edtf].append(number)
        for person_id, *_shown in kept.people:
            if number not in takes_part[person_id]:
                takes_part[person_id].append(number)
        rows.append(
            ChronologyRow(
                date_text=date.display(sel.lang),
                title=title.text,
                title_lang=other_lang(title, sel.lang),
                description_lang=other_lang(description, sel.lang),
                precision=precision,
                qualifier=qualifier,
                description=description.text,
                place=sel.scrub(event.place),
                fact_status=event.fact_status,
                disputed_by=event.disputed_by if event.fact_status == "disputed" else "",
                disputed_by_note=(
                    sel.scrub(event.disputed_by_note) if event.fact_status == "disputed" else ""
                ),
                people=tuple(EventPerson(*shown) for _id, *shown in kept.people),
                citations=tuple(sel.cited.get(event.id, ())),
                number=number,
            )
        )
    return Chronology(tuple(rows), paragraph_of, on_date, takes_part)

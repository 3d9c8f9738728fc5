"""What a stored case record must satisfy, whichever way it came in.

One set of rules for every path into a vault: the editors (through the services' field
cleaners), `import-json`, sync bundles and `vault verify`. A rule looks at one row of
one table, as stored (column names, EDTF text, yyyymmdd numbers), and names what is
wrong without ever quoting the value: problems end up in messages and logs.

- Dates: EDTF that `FuzzyDate.from_edtf` reads and writes back unchanged, years in
  `MIN_YEAR`..`MAX_YEAR`, and the sort/bound numbers beside them equal to what the date
  gives (a mismatch would misplace the record in the timeline and in range filters).
- Vocabularies: the values of `core.enums` (and the kinds a citation or tag may target).
- Text: valid Unicode (no lone surrogates, no NUL) and bounded lengths: `SHORT_TEXT` for
  titles, names, labels and other one-line fields, `LONG_TEXT` for descriptions, notes
  and quotes.

References between records need the vault and are checked by the callers
(`services.transfer`, and SQLite's foreign keys for sync).
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from desktop.core.bilingual import TEXT_LANGS
from desktop.core.enums import (
    CaseStatus,
    ComplaintStatus,
    DisputedBy,
    FactStatus,
    OrganisationKind,
    PersonKind,
    Reliability,
    ResponseKind,
    SourceKind,
)
from desktop.core.fuzzydate import (
    OPEN_END_NUMBER,
    OPEN_START_NUMBER,
    UNDATED_NUMBER,
    FuzzyDate,
    FuzzyDateError,
)

MIN_YEAR = 1000
MAX_YEAR = 2200
SHORT_TEXT = 500
"""Titles, names, places, labels, references: one line in a table or a brief."""
LONG_TEXT = 200_000
"""Descriptions, summaries, quotes, notes: about a hundred printed pages."""
MAX_NAMES_JSON = 60_000
CITABLE_KINDS = ("event", "person", "posting", "complaint")

_BAD_TEXT = re.compile("[\ud800-\udfff\x00]")


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (table, record id, field) and what, never the value."""

    table: str
    record_id: str
    field: str
    rule: str

    def __str__(self) -> str:
        return f"{self.table} {self.record_id[:36]} {self.field}: {self.rule}"


# ---- single values ---------------------------------------------------------------------------
@functools.lru_cache(maxsize=16384)
def edtf_problem(text: str) -> str | None:
    """Why `text` is not a stored date, or None when it is one (cached: dates repeat)."""
    try:
        date = FuzzyDate.from_edtf(text)
    except FuzzyDateError:
        return "not a date in EDTF form"
    if date.to_edtf() != text:
        return "not a date in EDTF form"
    for point in (date.start, date.end):
        if point is not None and not MIN_YEAR <= point.year <= MAX_YEAR:
            return f"the year must be between {MIN_YEAR} and {MAX_YEAR}"
    return None


def year_problem(date: FuzzyDate) -> str | None:
    """Why a date's years are out of range, or None (for the editors' date fields)."""
    for point in (date.start, date.end):
        if point is not None and not MIN_YEAR <= point.year <= MAX_YEAR:
            return f"The year must be between {MIN_YEAR} and {MAX_YEAR}."
    return None


def text_problem(value: str, limit: int) -> str | None:
    if len(value) > limit:
        return f"longer than {limit:,} characters"
    # isascii() is O(1) in CPython and ASCII holds no surrogate: most values stop here.
    if "\x00" in value or (not value.isascii() and _BAD_TEXT.search(value)):
        return "not valid text (a NUL or a lone surrogate)"
    return None


def iso_day_problem(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return "not a day in the form YYYY-MM-DD"
    if day.isoformat() != value or not MIN_YEAR <= day.year <= MAX_YEAR:
        return "not a day in the form YYYY-MM-DD"
    return None


# ---- rows ------------------------------------------------------------------------------------
Check = Callable[[Mapping[str, Any]], list[tuple[str, str]]]
_NONE: list[tuple[str, str]] = []  # shared and never changed: most rows pass


def _choice(column: str, allowed: tuple[str, ...]) -> Check:
    def check(row: Mapping[str, Any]) -> list[tuple[str, str]]:
        return _NONE if row[column] in allowed else [(column, "not a known value")]

    return check


_DISPUTERS = frozenset(("", *(d.value for d in DisputedBy)))


def _disputed_by(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Who disputes a fact: a DisputedBy value or "" (not said). A row from before the
    column existed (an older export or peer) lacks it and means "" too."""
    value = row.get("disputed_by", "")
    if isinstance(value, str) and value in _DISPUTERS:  # a DisputedBy member is a str too
        return _NONE
    return [("disputed_by", "not a known value")]


def _enum(column: str, enum: type[StrEnum]) -> Check:
    return _choice(column, tuple(member.value for member in enum))


def _date(edtf: str, numbers: Mapping[str, Callable[[FuzzyDate], int]]) -> Check:
    """An EDTF column and the number columns derived from it (each with the allowed values)."""
    columns = tuple(numbers)
    makers = tuple(numbers.values())
    values = _values_of(columns)
    sound: dict[str, tuple[int, ...]] = {}  # date text -> its numbers, once found sound

    def check(row: Mapping[str, Any]) -> list[tuple[str, str]]:
        text = row[edtf]
        # Dates repeat across records: a row whose date and numbers are one seen before
        # costs one lookup and one comparison (imports check 100,000 rows).
        if type(text) is str and values(row) == sound.get(text):
            return _NONE
        problem = edtf_problem(text) if isinstance(text, str) else "not text"
        if problem is not None:
            return [(edtf, problem)]
        expected = _numbers(text, makers)
        if len(sound) >= _SOUND_DATES:
            sound.clear()
        sound[text] = expected
        for column, value in zip(columns, expected, strict=True):
            if row[column] != value:
                return [
                    (c, "does not match the date")
                    for c, v in zip(columns, expected, strict=True)
                    if row[c] != v
                ]
        return _NONE

    return check


_SOUND_DATES = 16384


def _values_of(columns: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """A row's values of `columns`, as a tuple (one C call for two or more)."""
    if len(columns) > 1:
        return operator.itemgetter(*columns)
    if columns:
        column = columns[0]
        return lambda row: (row[column],)
    return lambda row: ()


@functools.lru_cache(maxsize=16384)
def _parsed(text: str) -> FuzzyDate:
    return FuzzyDate.from_edtf(text)


@functools.lru_cache(maxsize=16384)
def _numbers(text: str, makers: tuple[Callable[[FuzzyDate], int], ...]) -> tuple[int, ...]:
    date = _parsed(text)
    return tuple(make(date) for make in makers)


def _posting_dates(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    problems = _date("start_edtf", {})(row) + _date("end_edtf", {})(row)
    if problems:
        return problems
    start, end = _parsed(row["start_edtf"]), _parsed(row["end_edtf"])
    if row["start_sort"] not in (
        (OPEN_START_NUMBER, UNDATED_NUMBER) if start.is_undated else (start.sort_number(),)
    ):
        problems.append(("start_sort", "does not match the date"))
    if row["end_sort"] not in ((OPEN_END_NUMBER, 0) if end.is_undated else (end.end_number(),)):
        problems.append(("end_sort", "does not match the date"))
    if not start.is_undated and not end.is_undated and start.sort_number() > end.end_number():
        problems.append(("end_edtf", "ends before it starts"))
    return problems


def _due(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    problem = iso_day_problem(row["response_due"])
    return [] if problem is None else [("response_due", problem)]


def _sort_only(edtf: str, sort: str) -> Check:
    return _date(edtf, {sort: FuzzyDate.sort_number})


def _text_lang(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A row written before translations existed has no language: "by script"."""
    return _NONE if row.get("text_lang", "") in TEXT_LANGS else [("text_lang", "not a known value")]


def _names_size(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    names = row["names"]
    return [] if len(names) <= MAX_NAMES_JSON else [("names", "too many or too long names")]


_SHORT: dict[str, tuple[str, ...]] = {
    "cases": ("title", "title_alt", "confidentiality"),
    "events": ("title", "title_alt", "place", "date_edtf", "disputed_by_note"),
    "event_participants": ("role",),
    "persons": ("display_name",),
    "organisations": ("name", "name_ru"),
    "postings": ("role", "rank"),
    "sources": ("label", "title", "title_alt", "author", "publisher", "language", "url"),
    "citations": ("pinpoint",),
    "complaints": ("filed_by", "body_detail", "our_reference", "registration_number"),
    "attachments": ("file_name", "exhibit_label", "media_type", "added_by"),
    "tags": ("name",),
}
_EVENT_NUMBERS: dict[str, Callable[[FuzzyDate], int]] = {
    "date_sort": FuzzyDate.sort_number,
    "date_start": FuzzyDate.start_number,
    "date_end": FuzzyDate.end_number,
}
_CHECKS: dict[str, tuple[Check, ...]] = {
    "cases": (_enum("status", CaseStatus), _text_lang),
    "events": (
        _enum("fact_status", FactStatus),
        _disputed_by,
        _date("date_edtf", _EVENT_NUMBERS),
        _text_lang,
    ),
    "persons": (_enum("kind", PersonKind), _names_size),
    "organisations": (_enum("kind", OrganisationKind),),
    "postings": (_posting_dates,),
    "sources": (
        _enum("kind", SourceKind),
        _enum("reliability", Reliability),
        _sort_only("date_edtf", "date_sort"),
        _text_lang,
    ),
    "citations": (_choice("target_kind", CITABLE_KINDS),),
    "complaints": (
        _enum("status", ComplaintStatus),
        _sort_only("filed_edtf", "filed_sort"),
        _due,
        _text_lang,
    ),
    "complaint_responses": (
        _enum("kind", ResponseKind),
        _sort_only("received_edtf", "received_sort"),
    ),
}
KNOWN_TABLES = frozenset(_CHECKS) | frozenset(_SHORT)


def text_limit(table: str, column: str) -> int:
    """The longest text `column` of `table` may hold (`SHORT_TEXT` or `LONG_TEXT`)."""
    return SHORT_TEXT if column in _SHORT.get(table, ()) else LONG_TEXT


def texts_sound(joined: str) -> bool:
    """Whether text has no NUL and no lone surrogate: the text rule but for its length.

    Bulk callers check a row's text values joined into one string, decided in C: ASCII
    holds no surrogate, so for most rows this is two constant-time calls and one scan.
    """
    return "\x00" not in joined and (joined.isascii() or _BAD_TEXT.search(joined) is None)


def _text_problems(table: str, row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The text rules for every text value of `row`: decided for the whole row at once
    when it is sound (nearly always), value by value only when it is not."""
    texts = [value for value in row.values() if type(value) is str]
    if texts and texts_sound("".join(texts)) and max(map(len, texts)) <= SHORT_TEXT:
        return []
    return [
        (column, problem)
        for column, value in row.items()
        if type(value) is str and (problem := text_problem(value, text_limit(table, column)))
    ]


def row_problems(
    table: str, row: Mapping[str, Any], *, partial: bool = False, texts_checked: bool = False
) -> list[Problem]:
    """Every rule `row` (a full row of `table`, as stored) breaks; [] when it is sound.

    A row missing a column a rule needs reports that column as missing (with `partial`,
    for a row of only some columns, that rule is skipped); tables without rules
    (bookkeeping, blobs) have only their text checked. `texts_checked`: the caller has
    already found every text value within `text_limit` and `texts_sound` (a sync import
    does, in the same pass as its type checks), so only the other rules run.
    """
    found = [] if texts_checked else _text_problems(table, row)
    for check in _CHECKS.get(table, ()):
        try:
            more = check(row)
        except KeyError as missing:
            if not partial:
                found.append((str(missing.args[0]), "missing"))
            continue
        except TypeError:  # a number where text belongs, or the reverse
            found.append(("?", "a value of the wrong type"))
            continue
        if more:
            bad = {column for column, _ in found}
            found += [p for p in more if p[0] not in bad]
    if not found:
        return []
    record_id = str(row.get("id", ""))
    return [Problem(table, record_id, column, rule) for column, rule in found]


# ---- showing a row that breaks the rules -----------------------------------------------------
UNREADABLE = "(unreadable record)"
# The marker in each interface language; the GUI and the CLI choose one at start-up.
UNREADABLE_IN = {"en": UNREADABLE, "ru": "(нечитаемая запись)"}
_marker = [UNREADABLE]


def show_unreadable_in(language: str) -> None:
    """Mark unreadable records in `language` ("en" or "ru") from now on (the interface's)."""
    _marker[0] = UNREADABLE_IN.get(language, UNREADABLE)


def unreadable_marker() -> str:
    """The words an unreadable record is marked with, in the interface language."""
    return _marker[0]


LABELS = {
    "cases": "title",
    "events": "title",
    "persons": "display_name",
    "organisations": "name",
    "sources": "title",
    "complaints": "subject",
    "complaint_responses": "summary",
    "attachments": "file_name",
    "tags": "name",
}
_SAFE: dict[str, object] = {
    "status": None,  # per table below
    "fact_status": FactStatus.UNVERIFIED.value,
    "text_lang": "",
    "disputed_by": "",
    "reliability": Reliability.UNKNOWN.value,
    "response_due": None,
    "names": "[]",
}
_SAFE_STATUS = {"cases": CaseStatus.OPEN.value, "complaints": ComplaintStatus.DRAFT.value}
_UNDATED = {
    "date_sort": UNDATED_NUMBER,
    "date_start": UNDATED_NUMBER,
    "date_end": 0,
    "filed_sort": UNDATED_NUMBER,
    "received_sort": UNDATED_NUMBER,
    "start_sort": OPEN_START_NUMBER,
    "end_sort": OPEN_END_NUMBER,
}
_DATE_OF = {
    "date_sort": "date_edtf",
    "date_start": "date_edtf",
    "date_end": "date_edtf",
    "filed_sort": "filed_edtf",
    "received_sort": "received_edtf",
    "start_sort": "start_edtf",
    "end_sort": "end_edtf",
}


def stand_in(table: str, values: Mapping[str, Any], problems: list[Problem]) -> dict[str, Any]:
    """`values` with every broken field replaced by something any list can show.

    Dates become undated (with their numbers to match), unknown vocabulary values the
    vocabulary's neutral one ("other", "unverified", ...), bad text a marker; the
    record's label says it is an unreadable record, so nobody mistakes it for a sound one.
    """
    shown = dict(values)
    marker = unreadable_marker()
    broken = {p.field for p in problems}
    for column in broken:
        if column not in shown:
            continue
        if column.endswith("_edtf"):
            shown[column] = "XXXX"
        elif column in _SAFE:
            shown[column] = _SAFE_STATUS.get(table) if column == "status" else _SAFE[column]
        elif column in ("kind", "target_kind"):
            shown[column] = "other"
        elif isinstance(shown[column], str):
            shown[column] = marker
    for number, edtf in _DATE_OF.items():
        if number in shown and (edtf in broken or number in broken):
            shown[number] = _UNDATED[number]
    label = LABELS.get(table)
    if label in shown and shown[label] != marker:
        shown[label] = f"{marker} {shown[label]}".strip()
    return shown

"""Writing a FuzzyDate for people, in English or Russian, long or short.

Russian puts a month alone in the nominative ("декабрь 2007") and everything after a
day or a preposition in the genitive ("3 декабря 2007", "около марта 2008", "до 2000-х").
Ranges share what their ends share: "3–11 December 2007", "March–May 2008".
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.enums import UnknownLanguageError
from desktop.core.fuzzydate import DatePoint, FuzzyDate, Precision, Qualifier
from desktop.core.months import (
    EN_LONG,
    EN_SHORT,
    RU_GENITIVE,
    RU_NOMINATIVE,
    RU_SHORT_GENITIVE,
    RU_SHORT_NOMINATIVE,
)

RANGE_DASH = "–"


@dataclass(frozen=True, slots=True)
class _Words:
    """The words one language and style needs."""

    undated: str
    circa: str
    before: str
    after: str
    month_alone: tuple[str, ...]
    month_genitive: tuple[str, ...]
    decade_suffix: str
    decade_governed_suffix: str


_WORDS = {
    ("en", "long"): _Words("undated", "circa", "before", "after", EN_LONG, EN_LONG, "s", "s"),
    ("en", "short"): _Words("n.d.", "c.", "before", "after", EN_SHORT, EN_SHORT, "s", "s"),
    ("ru", "long"): _Words(
        "без даты", "около", "до", "после", RU_NOMINATIVE, RU_GENITIVE, "-е", "-х"
    ),
    ("ru", "short"): _Words(
        "б. д.",
        "ок.",
        "до",
        "после",
        RU_SHORT_NOMINATIVE,
        RU_SHORT_GENITIVE,
        "-е",
        "-х",
    ),
}


def display_fuzzy_date(date: FuzzyDate, lang: str = "en", style: str = "long") -> str:
    """The date in words; see `FuzzyDate.display`."""
    if lang not in ("en", "ru"):
        raise UnknownLanguageError("Dates are written only in English and Russian.")
    if style not in ("long", "short"):
        raise ValueError("The style of a date is 'long' or 'short'.")
    words = _WORDS[lang, style]
    if date.start is None:
        return words.undated
    if date.end is not None:
        return _range(date.start, date.end, words)
    prefix = {
        Qualifier.CIRCA: words.circa,
        Qualifier.BEFORE: words.before,
        Qualifier.AFTER: words.after,
    }.get(date.qualifier)
    if prefix is None:
        return _point(date.start, words, governed=False)
    return f"{prefix} {_point(date.start, words, governed=True)}"


def _point(point: DatePoint, words: _Words, *, governed: bool) -> str:
    """One point; `governed` when it follows a preposition (Russian genitive)."""
    if point.precision is Precision.DECADE:
        suffix = words.decade_governed_suffix if governed else words.decade_suffix
        return f"{point.year}{suffix}"
    if point.month is None:
        return str(point.year)
    if point.day is None:
        names = words.month_genitive if governed else words.month_alone
        return f"{names[point.month - 1]} {point.year}"
    return f"{point.day} {words.month_genitive[point.month - 1]} {point.year}"


def _range(first: DatePoint, last: DatePoint, words: _Words) -> str:
    same_year = first.year == last.year
    if first.precision is last.precision is Precision.DAY and same_year:
        assert first.month is not None and last.month is not None
        last_text = _point(last, words, governed=False)
        if first.month == last.month:
            return f"{first.day}{RANGE_DASH}{last_text}"
        return f"{first.day} {words.month_genitive[first.month - 1]} {RANGE_DASH} {last_text}"
    if first.precision is last.precision is Precision.MONTH and same_year:
        assert first.month is not None
        first_name = words.month_alone[first.month - 1]
        return f"{first_name}{RANGE_DASH}{_point(last, words, governed=False)}"
    first_text = _point(first, words, governed=False)
    last_text = _point(last, words, governed=False)
    if any(mark in first_text + last_text for mark in " -"):
        return f"{first_text} {RANGE_DASH} {last_text}"
    return f"{first_text}{RANGE_DASH}{last_text}"

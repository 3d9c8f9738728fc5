"""Writing a FuzzyDate for people, in English or Russian, long or short.

Russian puts a month alone in the nominative ("декабрь 2007") and everything after a
day or a preposition in the genitive ("3 декабря 2007", "около марта 2008", "до 2000-х").
Ranges share what their ends share: "3–11 December 2007", "March–May 2008".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

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
    russian: bool = False


_WORDS = {
    ("en", "long"): _Words("undated", "circa", "before", "after", EN_LONG, EN_LONG, "s", "s"),
    ("en", "short"): _Words("n.d.", "c.", "before", "after", EN_SHORT, EN_SHORT, "s", "s"),
    ("ru", "long"): _Words(
        "без даты", "около", "до", "после", RU_NOMINATIVE, RU_GENITIVE, "-е", "-х", True
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
        True,
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
    if date.part:
        noted = _noted(date, lang, words)
        if noted is not None:
            return noted
    if date.uncertain:
        plain = display_fuzzy_date(replace(date, uncertain=False), lang, style)
        return f"{plain} ({_UNCERTAIN[lang]})"
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
    if point.precision is Precision.CENTURY:
        number = point.year // 100 + 1
        if words.russian:
            # The 100th century in digits: "C" alone reads as "circa" when typed back.
            numeral = _roman(number) if number < 100 else str(number)
            return f"{numeral} {'века' if governed else 'век'}"
        return _ordinal(number)
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


_UNCERTAIN = {"en": "uncertain", "ru": "под вопросом"}
# "early 2010", "в начале 2010": the part, and whether Russian wants the genitive after it.
_PART_WORDS = {
    "en": {"early": "early", "mid": "mid-", "late": "late"},
    "ru": {"early": "в начале", "mid": "в середине", "late": "в конце"},
}
_SEASONS = {
    "en": {"spring": "spring", "summer": "summer", "autumn": "autumn", "winter": "winter"},
    "ru": {"spring": "весной", "summer": "летом", "autumn": "осенью", "winter": "зимой"},
}
_DAY_PARTS = {
    "en": {"morning": "morning of", "afternoon": "afternoon of", "evening": "evening of"},
    "ru": {"morning": "утром", "afternoon": "днём", "evening": "вечером"},
}


def _noted(date: FuzzyDate, lang: str, words: _Words) -> str | None:
    """The date as written when it carries a note; None when the note does not fit it."""
    start, part = date.start, date.part
    assert start is not None
    end = date.end or start
    if part == "night" and start.precision is Precision.DAY and start != end:
        days = _range(start, end, words)
        if lang == "ru":
            last = _point(end, words, governed=False)
            return f"в ночь с {start.day} на {last}"
        return f"night of {days}"
    if part in _DAY_PARTS[lang] and date.end is None and start.precision is Precision.DAY:
        return f"{_DAY_PARTS[lang][part]} {_point(start, words, governed=False)}"
    if part in _PART_WORDS[lang]:
        whole = _whole(start, end)
        if whole is None:
            return None
        text = _point(whole, words, governed=lang == "ru")
        joiner = "" if part == "mid" and lang == "en" else " "
        return f"{_PART_WORDS[lang][part]}{joiner}{text}"
    if part in _SEASONS[lang] and start.precision is Precision.MONTH:
        year = f"{start.year}/{end.year % 100:02d}" if end.year != start.year else str(end.year)
        return f"{_SEASONS[lang][part]} {year}"
    if part == "several days" and date.qualifier is Qualifier.BEFORE:
        point = _point(start, words, governed=True)
        return f"за несколько дней до {point}" if lang == "ru" else f"several days before {point}"
    return None


def _whole(start: DatePoint, end: DatePoint) -> DatePoint | None:
    """The month or year whose early, middle or late part start..end is."""
    if start.precision is Precision.DAY and start.month == end.month:
        assert start.month is not None
        return DatePoint.of_month(start.year, start.month)
    if start.precision is Precision.MONTH and start.year == end.year:
        return DatePoint.of_year(start.year)
    return None


def _ordinal(number: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 10 <= number % 100 <= 20:
        suffix = "th"
    return f"{number}{suffix} century"


def _roman(number: int) -> str:
    result = ""
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while number >= value:
            result, number = result + letters, number - value
    return result
